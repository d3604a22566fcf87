"""Delivery bookkeeping, second round.

``unconfirmed`` counts the sends of a digest part or an alert that may have reached the chat without
Telegram's answer reaching us (a read timeout, a connection dropped mid-answer): such a send is not
repeated in the same run, and repeated at most once in a later run. ``deliveries_date_chat`` lets the
digest tick ask which chats already have a digest for a date without scanning every delivery ever made.
"""

from sqlite_utils import Database

STATEMENTS = (
    "ALTER TABLE deliveries ADD COLUMN unconfirmed INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE alerts ADD COLUMN unconfirmed INTEGER NOT NULL DEFAULT 0",
    "CREATE INDEX IF NOT EXISTS deliveries_date_chat ON deliveries (digest_date, chat_id)",
)


def apply(db: Database) -> None:
    for statement in STATEMENTS:
        db.execute(statement)
