"""An index on the source an article came from: ``/sources`` and ``/feeds`` count each feed's articles,
and any reader may ask; without it every call read the whole archive."""

from sqlite_utils import Database


def apply(db: Database) -> None:
    db.execute("CREATE INDEX IF NOT EXISTS articles_source_id ON articles (source_id)")
