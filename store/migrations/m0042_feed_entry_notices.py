"""The admins hear of the entries their feeds give up (m0039), and of a feed none of whose new entries
can be read, rather than only through ``/feeds``.

- ``feed_entries.told_at``: when the admins were told of this entry's give-up. It stays when the entry is
  given up again (a new version of it, a resumed feed), so the same entry is never told twice, and goes
  once the entry is read. The give-ups already recorded count as told: ``/feeds`` showed them.
- ``sources.stalled_polls``/``stalled_since``: the polls in a row that gave up entries and read none of
  the feed's new ones, and the first of them; a poll that reads one resets both.
- ``sources.stall_told_at``: when the admins were told of that run of polls (once per run).
- ``sources.give_ups_told_at``: the feed's last give-up notice, so that a feed tells at most one a day.
"""

from sqlite_utils import Database

STATEMENTS = (
    "ALTER TABLE feed_entries ADD COLUMN told_at TEXT",
    "UPDATE feed_entries SET told_at = given_up_at WHERE given_up_at IS NOT NULL",
    "ALTER TABLE sources ADD COLUMN stalled_polls INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE sources ADD COLUMN stalled_since TEXT",
    "ALTER TABLE sources ADD COLUMN stall_told_at TEXT",
    "ALTER TABLE sources ADD COLUMN give_ups_told_at TEXT",
)


def apply(db: Database) -> None:
    for statement in STATEMENTS:
        db.execute(statement)
