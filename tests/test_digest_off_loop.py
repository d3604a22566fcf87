"""A digest is composed off the event loop (qa25b F1): composing reads the window's stories and matches
every chat's follows against them, which took seconds on a big archive, and on the loop no reply went
out meanwhile. The reads run in a worker thread on a connection of their own; the digest is stored and
sent as before."""

from __future__ import annotations

import asyncio
import threading
import time
from datetime import UTC, date, datetime, timedelta

import pytest

import briefing.service.digests as digests
from briefing.adapters.delivery import run_due_digests
from briefing.service import App
from store import deliveries
from tests.digestkit import QUICK, Clock, add_story, fast_pacer, sends, subscriber

T0 = datetime(2025, 1, 23, 8, 0, tzinfo=UTC)
SLOW = 0.6  # seconds one batch of digests takes to compose here


@pytest.fixture
def app(db, settings) -> App:
    return App(db=db, settings=settings, clock=Clock(T0))


async def _longest_pause(done: asyncio.Event) -> float:
    """The longest the loop left this task waiting for a 10 ms sleep, until ``done``."""
    longest = 0.0
    while not done.is_set():
        start = time.monotonic()
        await asyncio.sleep(0.01)
        longest = max(longest, time.monotonic() - start)
    return longest


async def test_the_loop_answers_while_a_digest_is_composed(app, db, botapi, botapi_bot, monkeypatch):
    add_story(db, "Harvest begins", updated=T0 - timedelta(hours=1))
    subscriber(db, 1, "08:00", "UTC")
    composed_in: list[str] = []
    compose = digests._compose_batch

    def slow(*args, **kwargs):
        composed_in.append(threading.current_thread().name)
        time.sleep(SLOW)  # stands in for a big archive's reads, which hold no lock the loop needs
        return compose(*args, **kwargs)

    monkeypatch.setattr(digests, "_compose_batch", slow)
    done = asyncio.Event()
    pause = asyncio.create_task(_longest_pause(done))
    report = await run_due_digests(app, botapi_bot, now=T0, pacer=fast_pacer(), policy=QUICK)
    done.set()
    assert await pause < SLOW / 2
    assert composed_in and threading.main_thread().name not in composed_in
    assert report.composed == 1 and [r.chat_id for r in sends(botapi)] == [1]
    assert [p.state for p in deliveries.parts_of(db, 1, date(2025, 1, 23))] == ["sent"]


async def test_a_failure_while_composing_off_the_loop_is_raised_by_the_run(app, db, botapi_bot, monkeypatch):
    subscriber(db, 1, "08:00", "UTC")

    def broken(*args, **kwargs):
        raise RuntimeError("the window could not be read")

    monkeypatch.setattr(digests.Composer, "__init__", broken)
    with pytest.raises(RuntimeError, match="could not be read"):
        await run_due_digests(app, botapi_bot, now=T0, pacer=fast_pacer(), policy=QUICK)
