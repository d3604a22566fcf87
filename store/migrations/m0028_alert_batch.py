"""The last article of the batch that queued an alert (a feed poll's new entries, an ingest's files): a
first alert held through the quiet hours tells, when it goes out, what the story's articles stored after
its batch add to the report that broke it. The moment it was queued cannot tell them apart, since times
are stored to the second: an article stored in that second by the next ingest counted as the report's.
Alerts from before this migration hold none and go by that moment, as they did."""

from sqlite_utils import Database


def apply(db: Database) -> None:
    db.execute("ALTER TABLE alerts ADD COLUMN batch_last INTEGER")
