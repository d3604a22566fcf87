"""What a chat received of each story, so a later digest can bring only what is new about it.

``deliveries`` keeps, per part, the sentences each of its stories was told in (``facts``, JSON: story
id → sentences) and when the digest was composed (``composed_at``: the articles the story had then are
the ones the chat was told about). Once Telegram confirms the part, ``delivered_stories`` gathers them:
``received_at`` (the latest such moment) and ``sentences`` (every sentence sent about the story, one a
line). Rows from before this migration get the moment their digest was due; their sentences are unknown.
Indexes let the daily pruning find old rows without a full scan.
"""

from sqlite_utils import Database

STATEMENTS = (
    "ALTER TABLE deliveries ADD COLUMN facts TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE deliveries ADD COLUMN composed_at TEXT",
    "ALTER TABLE delivered_stories ADD COLUMN received_at TEXT",
    "ALTER TABLE delivered_stories ADD COLUMN sentences TEXT NOT NULL DEFAULT ''",
    "UPDATE delivered_stories SET received_at = (SELECT max(coalesce(d.due_at, d.sent_at)) FROM deliveries d"
    " WHERE d.chat_id = delivered_stories.chat_id AND d.digest_date = delivered_stories.digest_date)",
    "CREATE INDEX IF NOT EXISTS delivered_stories_received ON delivered_stories (received_at)",
)


def apply(db: Database) -> None:
    for statement in STATEMENTS:
        db.execute(statement)
