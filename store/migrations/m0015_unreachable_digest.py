"""Whether marking a chat unreachable (it blocked the bot, or removed it) stopped its digest: a chat back
from a block is told its digest stopped only if the block stopped it, not if it had unsubscribed before.
Rows from before this migration count as having stopped none."""

from sqlite_utils import Database


def apply(db: Database) -> None:
    db.execute("ALTER TABLE unreachable_chats ADD COLUMN stopped_digest INTEGER NOT NULL DEFAULT 0")
