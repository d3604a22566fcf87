"""The articles a digest held that had only just reached the archive, so a later update tells them apart
exactly from the articles that came after it.

An ingest stamps an article's arrival a moment before it stores it with its story, so an article stamped
in the few seconds before a digest was composed may or may not have been in it. ``deliveries.held``
(JSON: story id → article ids) records, per part, those of its stories' articles the digest held; once
Telegram confirms the part, ``delivered_stories.held`` gathers them (comma-separated ids). Rows from
before this migration hold none: such articles count as news, as they did.
"""

from sqlite_utils import Database

STATEMENTS = (
    "ALTER TABLE deliveries ADD COLUMN held TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE delivered_stories ADD COLUMN held TEXT NOT NULL DEFAULT ''",
)


def apply(db: Database) -> None:
    for statement in STATEMENTS:
        db.execute(statement)
