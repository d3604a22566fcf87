"""An index on when articles arrived, so a digest can find the stories that got news since the chat's
last digest even when the news itself is dated earlier (a feed polled late, a dump ingested today)."""

from sqlite_utils import Database


def apply(db: Database) -> None:
    db.execute("CREATE INDEX IF NOT EXISTS articles_ingested_at ON articles (ingested_at)")
