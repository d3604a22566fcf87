"""Updates the bot fetched from Telegram (and so confirmed) but had not begun to answer when it was
stopped: kept as Telegram's JSON by update id, and answered at the next start (``store.pending_updates``).
"""

from sqlite_utils import Database


def apply(db: Database) -> None:
    db.execute(
        """CREATE TABLE IF NOT EXISTS pending_updates (
            update_id INTEGER PRIMARY KEY,
            data TEXT NOT NULL,
            saved_at TEXT NOT NULL
        )"""
    )
