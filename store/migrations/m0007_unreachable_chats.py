"""Chats the bot may not write to (the user blocked it, or it was removed from the group), so alerts are
not queued for a chat that only follows and has no subscription to deactivate. A chat leaves the table
when it writes to the bot again."""

from sqlite_utils import Database

SCHEMA = """
CREATE TABLE unreachable_chats (
    chat_id INTEGER PRIMARY KEY,
    since TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT ''
)
"""


def apply(db: Database) -> None:
    db.execute(SCHEMA)
