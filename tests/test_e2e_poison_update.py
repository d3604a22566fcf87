"""A poison update: one whose handling ends the bot process every time (a segfault in a handler, or a
supervisor's ``kill -9`` at each attempt). Kept in ``pending_updates`` since it was fetched, it came back
at every start until the one-day age limit, taking the bot down each time. Each start that begins it
counts it; after ``MAX_REPLAYS`` it is dropped with one warning (id, kind, chat; not its text) and an
apology to its chat, and the bot runs on."""

from __future__ import annotations

import asyncio
import signal

import pytest

from briefing.adapters.telegram_backlog import DROPPED_APOLOGY, MAX_REPLAYS
from store import open_db
from store.pending_updates import pending_updates
from tests.botapi import User
from tests.test_e2e_process import start_bot, stop
from tests.test_e2e_stop import killed_on_failure, started, unseeded_db

pytestmark = pytest.mark.e2e
READER = User(4242, "Reader")
SECRET = "/poison my-private-words"
# bot.py with a handler that ends the process at once on one message, as a segfault would
POISONED = f"""
import os, runpy, signal
import briefing.adapters.telegram as telegram
answer = telegram.on_message
async def on_message(update, context):
    message = update.effective_message
    if message is not None and message.text == {SECRET!r}:
        os.kill(os.getpid(), signal.SIGKILL)
    await answer(update, context)
telegram.on_message = on_message
runpy.run_path("bot.py", run_name="__main__")
"""


def kept(db_path) -> list[tuple[int, int]]:
    db = open_db(db_path)
    try:
        return [(p.update_id, p.replays) for p in pending_updates(db)]
    finally:
        db.conn.close()


async def ended(process) -> int:
    """The process's status once it ended by itself (killed by the poisoned handler)."""
    async with killed_on_failure(process):
        await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode is not None
    return process.returncode


async def test_an_update_that_kills_the_bot_each_time_is_dropped_after_the_replay_limit(botapi, tmp_path):
    db_path = tmp_path / "bot.db"
    unseeded_db(db_path)
    first = await start_bot(botapi, db_path, script=("-c", POISONED))
    await started(botapi, first)
    poison = botapi.push_command(SECRET, user=READER)["update_id"]
    assert await ended(first) == -signal.SIGKILL
    assert kept(db_path) == [(poison, 0)]  # kept since it was fetched, as any update

    for replay in range(1, MAX_REPLAYS + 1):  # each start begins it again, and dies of it
        again = await start_bot(botapi, db_path, script=("-c", POISONED))
        assert await ended(again) == -signal.SIGKILL
        assert kept(db_path) == [(poison, replay)]

    last = await start_bot(botapi, db_path, script=("-c", POISONED))
    await started(botapi, last)  # it polls: the poison update is gone
    async with killed_on_failure(last):
        apology = await botapi.wait_for_message(READER.id, timeout=10)
        assert apology.text == DROPPED_APOLOGY
        botapi.push_command("/help", user=READER)  # the bot answers on
        await botapi.wait_for_message(READER.id, timeout=20)
    code, _, log = await stop(last, signal.SIGTERM)
    assert code == 0, log
    assert kept(db_path) == []
    warnings = [line for line in log.splitlines() if f"update {poison} " in line and "WARNING" in line]
    assert len(warnings) == 1, log[-3000:]
    assert f"(message, chat {READER.id})" in warnings[0] and "dropped" in warnings[0]
    assert "private-words" not in log  # never its text
    assert len(botapi.sent_messages(READER.id)) == 2  # the apology once, then the answer
