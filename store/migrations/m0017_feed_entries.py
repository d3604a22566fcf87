"""What each feed entry said when it was last read: its title and its date (``<updated>``, else its
``<published>``/``<pubDate>``), by the entry's URL (normalised). A later poll that finds the entry
under a later date or another title reads it again: the article may have been updated. An entry read
before this migration has no row; the date stored with its article stands in until it is read again."""

from sqlite_utils import Database


def apply(db: Database) -> None:
    db.execute(
        """CREATE TABLE IF NOT EXISTS feed_entries (
            url TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            stamp TEXT,
            seen_at TEXT NOT NULL
        )"""
    )
