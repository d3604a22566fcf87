"""The query planner's statistics: ``refresh_statistics`` (PRAGMA optimize) writes them, and the statements
whose plans they changed on a 100,000-article archive keep their index lookups with statistics and
without."""

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from briefing.models import ArticleDraft
from store import open_db
from store.articles import is_stored
from store.db import refresh_statistics, transaction
from store.stats import archive_counts
from store.stories import StoryRecord, create_story, set_story, story_members, story_stats_of
from tests.article_rows import insert_article, query_plans

WHEN = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)

# sqlite_stat1 of bench_bot's 100,000-article archive, built from text files (no article has a URL, nor
# a feed: url and source_id are NULL throughout), 603 stories: sampled as PRAGMA optimize samples them
# (analysis_limit 400), and read in full (ANALYZE)
ARCHIVE_STATS = {
    "sampled": {
        "articles_dated_at": "89760 10",
        "articles_ingested_at": "97776 401",
        "articles_source": "101250 401",
        "articles_source_id": "111824 401",
        "articles_story": "26718 134",
        "articles_story_members": "78624 134 1 1 1 1 1 1 1",
        "sqlite_autoindex_articles_1": "111824 401",
        "sqlite_autoindex_articles_2": "107100 1",
        "stories_last_updated": "620 2",
        "stories_ranking": "535 2 1 1 1",
    },
    "full": {
        "articles_dated_at": "100000 10",
        "articles_ingested_at": "100000 233",
        "articles_source": "100000 4167",
        "articles_source_id": "100000 100000",
        "articles_story": "100000 166",
        "articles_story_members": "100000 166 1 1 1 1 1 1 1",
        "sqlite_autoindex_articles_1": "100000 100000",
        "sqlite_autoindex_articles_2": "100000 1",
        "stories_last_updated": "603 2",
        "stories_ranking": "603 2 1 1 1",
    },
}


def _archive(db) -> list[int]:
    with transaction(db):
        story = create_story(db, StoryRecord("Quake hits the coast", ("A line.",), WHEN, WHEN, 3, 2))
        other = create_story(db, StoryRecord("Feed test", ("A line.",), WHEN, WHEN, 1, 1))
        ids = [
            insert_article(db, title=f"Quake report {n}", body=f"Quake report {n}. More words.", source=s,
                           when=WHEN + timedelta(hours=n)).id
            for n, s in enumerate(("a.example", "b.example", "a.example"))
        ]  # fmt: skip
        set_story(db, ids, story)
        set_story(db, [insert_article(db, title="Feed test", body="Fine.", when=WHEN).id], other)
    return [story, other]


def _with_stats(db, stats: dict[str, str]) -> None:
    """The archive's statistics in this small database, as if it were that archive."""
    db.execute("ANALYZE")  # creates sqlite_stat1
    db.execute("DELETE FROM sqlite_stat1")
    for index, stat in stats.items():
        table = "stories" if index.startswith("stories") else "articles"
        db.execute("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)", [table, index, stat])
    db.execute("ANALYZE sqlite_schema")  # the planner reads them again


@pytest.mark.parametrize("stats", [None, "sampled", "full"])
def test_the_lookups_keep_their_indexes_with_an_archives_statistics_and_without(tmp_path, stats):
    """With the full statistics of an archive without URLs, "content_hash = ? OR url = ?" scanned every
    article (a second a new article at 100,000); with sampled ones the outlets were counted by sorting
    every article's source. (A few hundred stories' figures are read by scanning stories when they are
    most of the table, as in the actor archive's 603: SQLite is right to, and by id otherwise.)"""
    db = open_db(tmp_path / "archive.db")
    try:
        story, other = _archive(db)
        if stats:
            _with_stats(db, ARCHIVE_STATS[stats])
        draft = ArticleDraft("New", "A new report about rain.", "c.example", url="https://c.example/1")
        plans = query_plans(db, lambda: is_stored(db, draft))
        assert plans and not any("SCAN" in p for p in plans), plans
        counts = query_plans(db, lambda: archive_counts(db))
        assert "SCAN articles USING COVERING INDEX articles_source" in counts, counts
        assert not any("count(DISTINCT)" in p for p in counts), counts  # no sort of every source
        (figures,) = query_plans(db, lambda: story_stats_of(db, [story, other]))
        assert "INTEGER PRIMARY KEY" in figures, figures
        members = query_plans(db, lambda: story_members(db, story))[0]
        assert "articles_story_members (story_id=?)" in members, members
        assert story_members(db, story)[0].title == "Quake report 2"  # newest first, whatever the plan
    finally:
        db.conn.close()


def test_refresh_statistics_analyzes_the_tables_queried_and_only_then(tmp_path):
    path = tmp_path / "archive.db"
    db = open_db(path)
    story, _ = _archive(db)
    db.conn.close()
    db = open_db(path)
    try:
        assert refresh_statistics(db)  # nothing queried yet on this connection: nothing to analyze
        assert not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone()
        story_members(db, story)
        assert refresh_statistics(db)
        tables = {r[0] for r in db.execute("SELECT tbl FROM sqlite_stat1").fetchall()}
        assert "articles" in tables
        assert refresh_statistics(db)  # fresh statistics: nothing to do, and no error
    finally:
        db.conn.close()


def test_refresh_statistics_on_a_read_only_database_says_it_could_not(tmp_path):
    path = tmp_path / "archive.db"
    db = open_db(path)
    story, _ = _archive(db)
    db.conn.close()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    try:
        from sqlite_utils import Database

        ro = Database(conn)
        story_members(ro, story)
        assert refresh_statistics(ro) is False
    finally:
        conn.close()
