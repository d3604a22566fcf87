"""Indexes of the old versions of pages (``…#version-N``, see ``store.articles``): a page stored in versions
counts and lists once, as its newest (QA32c F7), so ``/sources`` takes each outlet's and each feed's old
versions off the counts its covering indexes give (``store.stats``). Partial: they hold those rows alone,
few in any archive, and SQLite uses them for a query that says the same condition."""

from sqlite_utils import Database


def apply(db: Database) -> None:
    old = "instr(url, '#version-') > 0"  # store.articles.OLD_VERSION, as it was written for this index
    db.execute(f"CREATE INDEX IF NOT EXISTS articles_old_versions ON articles (source) WHERE {old}")
    db.execute(f"CREATE INDEX IF NOT EXISTS articles_old_version_feeds ON articles (source_id) WHERE {old}")
