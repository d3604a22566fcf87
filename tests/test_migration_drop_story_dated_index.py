"""m0032: an archive of an older release, upgraded, has no ``articles_story_dated`` (nor its statistics),
and reads a story's latest articles through ``articles_story_members``, the same articles in the same
order."""

from datetime import UTC, datetime, timedelta

import pytest

from store import open_db
from store.db import transaction
from store.stories import StoryRecord, create_story, set_story, story_members
from tests.article_rows import database_before, insert_article, query_plans

WHEN = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize("analyzed", [False, True])
def test_the_upgrade_drops_the_index_and_reads_a_storys_articles_alike(tmp_path, analyzed):
    path = tmp_path / "old.db"
    old = database_before(path, 32, when=WHEN)
    with transaction(old):
        story = create_story(old, StoryRecord("Quake hits the coast", ("A line.",), WHEN, WHEN, 3, 2))
        ids = [
            insert_article(
                old, title=f"Quake report {n}", body=f"Quake report {n}.", when=WHEN + timedelta(hours=h)
            ).id
            for n, h in ((0, 0), (1, 2), (2, 2))  # two of the same moment: the higher id first
        ]
        set_story(old, ids, story)
    if analyzed:
        old.execute("ANALYZE")
    before = story_members(old, story)
    old.conn.close()
    db = open_db(path)
    try:
        names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'").fetchall()}
        assert "articles_story_dated" not in names
        assert "articles_story_members" in names
        if analyzed:
            stats = {r[0] for r in db.execute("SELECT idx FROM sqlite_stat1").fetchall()}
            assert "articles_story_dated" not in stats
        after = story_members(db, story)
        assert after == before
        assert [a.id for a in after] == [ids[2], ids[1], ids[0]]
        plan = query_plans(db, lambda: story_members(db, story))[0]
        assert "articles_story_members (story_id=?)" in plan, plan
    finally:
        db.conn.close()
