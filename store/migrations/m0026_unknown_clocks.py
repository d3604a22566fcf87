"""Whether an article's published time is on an unknown clock: a time of day its source wrote without a
zone, where neither the page nor its outlet's country told whose clock it is, is read as UTC and may be
up to 14 hours off, so only its day is sure and replies tell it by the day ("yesterday", "on 13 Nov").
Articles stored before are left as not flagged: their date lines are not kept to read again."""

from sqlite_utils import Database


def apply(db: Database) -> None:
    db.execute("ALTER TABLE articles ADD COLUMN clock_unknown INTEGER NOT NULL DEFAULT 0")
