"""The daily prune off the event loop (``briefing.adapters.jobs.pruned``): it ran on the bot's
connection, in the loop, where waiting for another process's write lock (a ``bot.py ingest``) froze
every answer for up to ``busy_timeout`` (10 s). Now the loop answers meanwhile, the prune writes once
the lock is free, and a stop calls it off."""

import asyncio
import time
from datetime import timedelta
from types import SimpleNamespace

import pytest

from briefing.adapters.jobs import Jobs, install_jobs, pruned
from briefing.service import App
from store import open_db
from tests.botapi import application_builder
from tests.digestkit import fast_pacer
from tests.test_retention import NOW, TODAY, dates, digest


@pytest.fixture
def bot_app(tmp_path, settings):
    """The bot's App on a file with a digest long past the retention and the chat's latest one."""
    db = open_db(tmp_path / "bot.db")
    digest(db, 1, TODAY - timedelta(days=400), "sent")
    digest(db, 1, TODAY - timedelta(days=1), "sent")
    yield App(db=db, settings=settings, clock=lambda: NOW)
    db.conn.close()


@pytest.fixture
def writer(tmp_path, bot_app):
    """Another process's connection, holding the write lock (as a `bot.py ingest` does)."""
    other = open_db(tmp_path / "bot.db")
    other.execute("BEGIN IMMEDIATE")
    yield other
    if other.conn.in_transaction:
        other.execute("ROLLBACK")
    other.conn.close()


def kept_days(app: App) -> int:
    return len(dates(app.db, 1))


async def test_the_loop_keeps_answering_while_the_daily_prune_waits_for_the_lock(bot_app, writer):
    daily = asyncio.create_task(Jobs(bot_app).prune(SimpleNamespace()))
    start = time.monotonic()
    for _ in range(10):
        await asyncio.sleep(0.05)
        assert kept_days(bot_app) == 2  # the bot's connection reads meanwhile
    assert time.monotonic() - start < 1.0  # not 10 s of busy_timeout in the loop
    assert not daily.done()  # still waiting for the lock, in its thread
    writer.execute("COMMIT")
    await asyncio.wait_for(daily, 10.0)
    assert kept_days(bot_app) == 1  # pruned once the lock was free


async def test_a_stop_calls_the_daily_prune_off(bot_app, writer):
    jobs = Jobs(bot_app)
    daily = asyncio.create_task(jobs.prune(SimpleNamespace()))
    await asyncio.sleep(0.3)
    start = time.monotonic()
    await jobs.stop(grace=0.2)
    await asyncio.wait_for(daily, 2.0)
    assert time.monotonic() - start < 1.5
    writer.execute("COMMIT")
    await asyncio.sleep(0.5)  # a thread left waiting would prune now
    assert kept_days(bot_app) == 2


async def test_a_prune_given_up_says_so_and_returns_nothing(bot_app, writer, caplog):
    start = time.monotonic()
    assert await pruned(bot_app, wait=0.4) is None
    assert time.monotonic() - start < 1.5
    assert any("could not prune" in r.getMessage() for r in caplog.records)
    writer.execute("COMMIT")
    await asyncio.sleep(0.5)
    assert kept_days(bot_app) == 2


async def test_a_database_in_memory_is_pruned_in_place(settings):
    db = open_db(":memory:")
    digest(db, 1, TODAY - timedelta(days=400), "sent")
    digest(db, 1, TODAY - timedelta(days=1), "sent")
    report = await pruned(App(db=db, settings=settings, clock=lambda: NOW))
    assert report is not None and report.parts == 1


async def test_the_start_prune_runs_off_the_loop_once_the_bot_runs(bot_app, tmp_path, botapi):
    # it ran in install_jobs, in the loop: another process's write lock (a `bot.py ingest`) held up the
    # start, and every answer after it, for busy_timeout (10 s)
    application = application_builder(botapi).build()
    install_jobs(application, bot_app, pacer=fast_pacer())
    assert kept_days(bot_app) == 2  # not pruned yet: that is the started application's work
    for job in application.job_queue.jobs():
        if job.name != "prune at start":  # the ticks would wait for the lock below themselves
            job.schedule_removal()
    writer = open_db(tmp_path / "bot.db")
    writer.execute("BEGIN IMMEDIATE")
    try:
        async with application:
            await application.start()
            start = time.monotonic()
            for _ in range(10):
                await asyncio.sleep(0.05)
                assert kept_days(bot_app) == 2  # the bot's connection reads meanwhile
            assert time.monotonic() - start < 1.0  # the loop answered while the prune waited
            writer.execute("COMMIT")
            for _ in range(200):
                await asyncio.sleep(0.05)
                if kept_days(bot_app) == 1:
                    break
            await application.stop()
    finally:
        writer.conn.close()
    assert kept_days(bot_app) == 1  # pruned once the lock was free
