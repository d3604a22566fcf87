"""Stopping ``python bot.py`` with SIGTERM in the middle of a digest fan-out: it exits within seconds
(the chats not served yet wait for the next start), and the next start delivers the rest, once."""

from __future__ import annotations

import asyncio
import signal
from datetime import UTC, datetime, timedelta

import pytest

from store import deliveries, open_db
from tests.digestkit import add_story, received_twice, sends, subscriber
from tests.test_e2e_process import STOP_WITHIN, start_bot, stop

pytestmark = pytest.mark.e2e
CHATS = range(1, 301)  # about ten seconds of sending at Telegram's 30 a second


def due_fanout(db_path) -> None:
    now = datetime.now(UTC)
    db = open_db(db_path)
    add_story(db, "Story 1", updated=now - timedelta(hours=1))
    at = (now - timedelta(minutes=1)).strftime("%H:%M")
    for chat in CHATS:
        subscriber(db, chat, at)
    db.conn.close()


async def test_sigterm_mid_fanout_stops_at_once_and_the_next_start_sends_the_rest_once(botapi, tmp_path):
    db_path = tmp_path / "bot.db"
    due_fanout(db_path)
    botapi.inject(None, "sendMessage", delay=0.05, times=None)  # every answer takes a moment
    first = await start_bot(botapi, db_path)
    try:
        await botapi.wait_for_requests(30, "sendMessage", since=0, ok=True, timeout=60)
    except BaseException:
        first.kill()
        await first.communicate()
        raise
    code, took, log = await stop(first, signal.SIGTERM)
    assert code == 0, log
    assert took < STOP_WITHIN, log
    assert "Traceback" not in log
    db = open_db(db_path)
    counts = deliveries.delivery_counts(db)
    db.conn.close()
    assert "claimed" not in counts and 30 <= counts["sent"] < len(CHATS), counts

    second = await start_bot(botapi, db_path)
    try:
        await botapi.wait_for_requests(len(CHATS), "sendMessage", since=0, ok=True, timeout=60)
    finally:
        code, _, log = await stop(second, signal.SIGTERM)
    assert code == 0, log
    assert {r.chat_id for r in sends(botapi)} == set(CHATS)  # nothing lost
    assert received_twice(botapi) == [] and len(sends(botapi)) == len(CHATS)  # nothing twice


async def test_a_second_signal_ends_the_bot_at_once(botapi, tmp_path):
    db_path = tmp_path / "bot.db"
    due_fanout(db_path)
    botapi.inject(None, "sendMessage", delay=3.0, times=None)  # Telegram answers slowly
    process = await start_bot(botapi, db_path)
    try:
        await botapi.wait_until_polling(timeout=60)
        await botapi.wait_for("sendMessage", timeout=30)
    except BaseException:
        process.kill()
        await process.communicate()
        raise
    process.send_signal(signal.SIGTERM)
    await asyncio.sleep(0.2)
    code, took, log = await stop(process, signal.SIGTERM)
    assert code == -signal.SIGTERM and took < 1.0, log
    assert "SIGTERM again: exiting at once" in log
