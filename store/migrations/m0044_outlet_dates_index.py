"""An index of each article's outlet with its dates, covering what ``/sources`` reads of every article
(``store.stats.outlet_counts``: each outlet's count and newest dates): with ``articles_source`` alone
(m0001) the dates were read from the table, every row of it, 1-2 s at 100,000 articles (qa25b F2),
in the event loop. Built once at the upgrade, in one pass over the archive."""

from sqlite_utils import Database


def apply(db: Database) -> None:
    db.execute(
        "CREATE INDEX IF NOT EXISTS articles_outlet_dates ON articles (source, dated_at, published_at)"
    )
