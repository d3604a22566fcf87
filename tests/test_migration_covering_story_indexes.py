"""m0029: an archive of an older release, upgraded, loads its stories and ranks a window's stories from
index pages alone (no table row read per article of a story), and reads the very same stories."""

from datetime import UTC, datetime, timedelta

import pytest

from store import open_db
from store.db import migrate, transaction
from store.stories import (
    StoryRecord,
    create_story,
    set_story,
    stories_by_ids,
    stories_without_dates,
    story_stats_since,
)
from tests.article_rows import database_before, insert_article, query_plans

WHEN = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def _archive(db) -> list[int]:
    """Two stories: one whose two newest articles share a moment (newest first, then the higher id),
    with an outlet's two links and one article titled as the headline; and one its outlet never dated."""
    with transaction(db):
        quake, feed = (
            create_story(db, StoryRecord(headline, ("A line.",), WHEN, WHEN + timedelta(hours=2), n, n))
            for headline, n in (("Quake hits the coast", 4), ("Feed test", 1))
        )
        rows = [
            ("Quake hits the coast", "a.example", 0, "https://a.example/1"),
            ("Aftershocks follow", "b.example", 2, "https://b.example/1"),
            ("Rescuers reach the coast", "a.example", 2, "https://a.example/2"),
            ("Coast quake toll rises", "c.example", 1, None),
        ]
        ids = [
            insert_article(
                db, title=t, body=f"{t}. More words.", source=s, when=WHEN + timedelta(hours=h), url=u
            ).id
            for t, s, h, u in rows
        ]
        set_story(db, ids, quake)
        entry = insert_article(db, title="Feed test", body="This item is fine.", when=WHEN).id
        db.execute("UPDATE articles SET published_at = NULL, clock_unknown = 1 WHERE id = ?", [entry])
        set_story(db, [entry], feed)
    return [quake, feed]


@pytest.mark.parametrize("analyzed", [False, True])
def test_the_upgrade_serves_brief_from_covering_indexes_and_reads_the_same_stories(tmp_path, analyzed):
    """Also in an archive someone has run ANALYZE on: with statistics for the older indexes alone,
    SQLite would keep reading a story's articles through ``articles_story_dated``."""
    path = tmp_path / "old.db"
    old = database_before(path, 29, when=WHEN)
    story_ids = _archive(old)
    if analyzed:
        old.execute("ANALYZE")
    since = WHEN - timedelta(days=1)

    def read(db):
        return (
            stories_by_ids(db, story_ids),
            story_stats_since(db, since),
            stories_without_dates(db, story_ids),
        )

    before = read(old)
    old.conn.close()
    db = open_db(path)
    try:
        assert read(db) == before
        quake, feed = sorted(before[0], key=lambda s: s.id)
        assert quake.article_ids == (3, 2, 4, 1)  # the two of the same moment: the higher id first
        assert quake.sources == ("a.example", "b.example", "c.example")
        assert quake.links == ("https://a.example/2", "https://b.example/1", "")
        assert quake.headline_url == "https://a.example/1"
        assert before[2] == {feed.id}
        _heads, members = query_plans(db, lambda: stories_by_ids(db, story_ids))
        assert "COVERING INDEX articles_story_members" in members, members
        (window,) = query_plans(db, lambda: story_stats_since(db, since))
        assert "COVERING INDEX stories_ranking" in window, window
        (undated,) = query_plans(db, lambda: stories_without_dates(db, story_ids))
        assert "COVERING INDEX articles_story_members" in undated, undated
    finally:
        db.conn.close()


def test_the_migration_runs_once_and_a_new_archive_has_the_indexes(tmp_path):
    db = open_db(tmp_path / "new.db")
    try:
        names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'").fetchall()}
        assert {"articles_story_members", "stories_ranking"} <= names
        assert migrate(db) == []
    finally:
        db.conn.close()
