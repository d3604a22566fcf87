"""Index near-duplicate sightings by URL: every feed poll asks whether an entry's URL was seen."""

from sqlite_utils import Database


def apply(db: Database) -> None:
    db.execute("CREATE INDEX IF NOT EXISTS near_duplicates_url ON near_duplicates (url)")
