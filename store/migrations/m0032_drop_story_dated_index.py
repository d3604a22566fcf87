"""Drop ``articles_story_dated`` (m0004: story_id, dated_at): m0029's ``articles_story_members`` starts with
the same two columns, so it serves every statement the older index did, in the same order, and one index
fewer is one less to write for every article stored and every article moved between stories.

Checked with EXPLAIN QUERY PLAN on two 100,000-article archives (bench/RESULTS.md), without statistics,
with sampled ones (PRAGMA optimize) and with a full ANALYZE: a story's latest articles
(``story_members``) are read through ``articles_story_members`` in the same time, and every other
statement keeps its plan (a story's articles by arrival and its text sizes through ``articles_story``).
SQLite drops the index's statistics with it.
"""

from sqlite_utils import Database


def apply(db: Database) -> None:
    db.execute("DROP INDEX IF EXISTS articles_story_dated")
