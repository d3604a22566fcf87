"""The query statistics refreshed off the event loop (``briefing.adapters.statistics``): while another
connection holds the write lock the loop keeps answering, a stop gives the refresh up within its wait,
and the bot's connection then plans with the new statistics."""

import asyncio
import time
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

import briefing.adapters.jobs as jobs_module
from briefing.adapters.jobs import Jobs
from briefing.adapters.statistics import Statistics
from briefing.service import App
from store import open_db, transaction
from store.statistics import stale_statistics
from store.stories import StoryRecord, create_story, set_story, story_members
from tests.article_rows import insert_article

WHEN = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


@pytest.fixture
def queried(tmp_path):
    """The bot's connection to an archive without statistics, after a command read a story's articles."""
    path = tmp_path / "archive.db"
    db = open_db(path)
    with transaction(db):
        story = create_story(db, StoryRecord("Quake hits the coast", ("A line.",), WHEN, WHEN, 3, 2))
        ids = [
            insert_article(db, title=f"Quake {n}", body="More.", when=WHEN + timedelta(hours=n)).id
            for n in range(3)
        ]
        set_story(db, ids, story)
    db.conn.close()
    db = open_db(path)
    story_members(db, story)
    assert stale_statistics(db)  # the articles were queried, and have no statistics
    yield db
    db.conn.close()


@pytest.fixture
def writer(queried):
    """Another process's connection, holding the write lock (as a `bot.py ingest` does)."""
    other = open_db(database_path(queried))
    other.execute("BEGIN IMMEDIATE")
    yield other
    if other.conn.in_transaction:
        other.execute("ROLLBACK")
    other.conn.close()


def database_path(db):
    return next(file for _, name, file in db.execute("PRAGMA database_list").fetchall() if name == "main")


def analyzed(db) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone() is not None


async def test_the_loop_keeps_answering_while_the_refresh_waits_for_the_lock(queried, writer):
    refresh = asyncio.create_task(Statistics(queried).refresh(wait=5.0))
    start = time.monotonic()
    for _ in range(10):
        await asyncio.sleep(0.05)
        assert story_members(queried, 1)  # the bot's connection answers meanwhile
    assert time.monotonic() - start < 1.0  # not 10 s of busy_timeout in the loop
    assert not refresh.done()  # still waiting for the lock, in its thread
    writer.execute("COMMIT")
    assert await asyncio.wait_for(refresh, 5.0)
    assert analyzed(queried)
    assert stale_statistics(queried) == ()  # the bot's connection reads the new statistics


async def test_a_stop_gives_the_refresh_up_within_its_wait(queried, writer):
    start = time.monotonic()
    assert await Statistics(queried).refresh(wait=0.5, reload=False) is False
    assert time.monotonic() - start < 1.5
    writer.execute("COMMIT")
    await asyncio.sleep(0.5)
    assert not analyzed(queried)  # the thread let go and wrote nothing later


async def test_a_cancelled_refresh_calls_its_thread_off(queried, writer):
    refresh = asyncio.create_task(Statistics(queried).refresh(wait=30.0))
    await asyncio.sleep(0.3)
    refresh.cancel()
    with pytest.raises(asyncio.CancelledError):
        await refresh
    writer.execute("COMMIT")
    await asyncio.sleep(0.5)
    assert not analyzed(queried)


async def test_refreshes_asked_together_write_one_at_a_time(queried, writer):
    statistics = Statistics(queried)
    both = asyncio.gather(statistics.refresh(wait=5.0), statistics.refresh(wait=5.0))
    await asyncio.sleep(0.3)
    writer.execute("COMMIT")
    assert await both == [True, True]
    assert analyzed(queried)


async def test_a_database_in_memory_is_refreshed_in_place():
    db = open_db(":memory:")
    story_members(db, 1)
    assert await Statistics(db).refresh()
    assert analyzed(db)


async def test_a_stop_cuts_the_daily_refresh_short(queried, writer, settings, monkeypatch):
    async def pruned(app):  # the prune's own write would wait for the lock (and be called off) first
        return None

    monkeypatch.setattr(jobs_module, "pruned", pruned)
    jobs = Jobs(App(db=queried, settings=settings))
    daily = asyncio.create_task(jobs.prune(SimpleNamespace()))
    await asyncio.sleep(0.3)
    start = time.monotonic()
    await jobs.stop(grace=0.2)
    await asyncio.wait_for(daily, 2.0)
    assert time.monotonic() - start < 1.5  # not the 10 s the refresh may wait for the lock
    writer.execute("COMMIT")
    await asyncio.sleep(0.5)
    assert not analyzed(queried)
