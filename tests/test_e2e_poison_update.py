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
BOB = User(77, "Bob")
SECRET = "/poison my-private-words"
SLOW = "/help slowly"  # an innocent command still being answered when the poison one ends the process
# bot.py with a handler that ends the process on one message, as a segfault would (after a moment, so
# that an innocent answer begun with it is in flight), and one that answers slowly. Without the warm-up
# (the chart library and the gazetteer, loaded in a thread for the first /actor): nothing here asks for
# an actor, and on a 2-core machine it held each of the tests' ten starts back by a second or so.
POISONED = f"""
import asyncio, os, runpy, signal, threading
import briefing.adapters.telegram as telegram
import briefing.service.warmup as warmup
def no_warm_up():
    thread = threading.Thread(target=lambda: None, daemon=True)
    thread.start()
    return thread
warmup.start_warm_up = no_warm_up
answer = telegram.on_message
async def on_message(update, context):
    message = update.effective_message
    if message is not None and message.text == {SECRET!r}:
        await asyncio.sleep(0.5)
        os.kill(os.getpid(), signal.SIGKILL)
    if message is not None and message.text == {SLOW!r}:
        await asyncio.sleep(3)
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


async def restarted(botapi, process, mark: int) -> None:
    """The process started after ``mark`` is up (its deleteWebhook came). Not ``started``: the long poll
    of the process killed before it still waits on the server, and under load the next one took longer
    to start than the test then waited for its first message."""
    async with killed_on_failure(process):
        await botapi.wait_for("deleteWebhook", since=mark, timeout=60)


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

    mark = botapi.mark()
    last = await start_bot(botapi, db_path, script=("-c", POISONED))
    await restarted(botapi, last, mark)  # it polls: the poison update is gone
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


async def test_an_innocent_update_in_flight_beside_the_poison_one_at_each_crash_is_answered(botapi, tmp_path):
    """QA23 F1: Bob's slow command was being answered each time another chat's poison update ended the
    process. Counted alike, both were dropped after 3 starts and Bob told the bot stopped on his. Begun
    at an earlier start, each is answered alone at the next: Bob's is answered, the poison one dropped."""
    db_path = tmp_path / "bot.db"
    unseeded_db(db_path)
    first = await start_bot(botapi, db_path, script=("-c", POISONED))
    await started(botapi, first)
    innocent = botapi.push_command(SLOW, user=BOB)["update_id"]
    poison = botapi.push_command(SECRET, user=READER)["update_id"]
    assert await ended(first) == -signal.SIGKILL
    assert kept(db_path) == [(innocent, 0), (poison, 0)]  # both in flight at the crash

    again = await start_bot(botapi, db_path, script=("-c", POISONED))
    assert await ended(again) == -signal.SIGKILL
    assert kept(db_path) == [(innocent, 1), (poison, 1)]  # begun together again: both suspects now

    for replay in range(2, MAX_REPLAYS + 1):  # each alone, oldest first: Bob's is answered
        again = await start_bot(botapi, db_path, script=("-c", POISONED))
        assert await ended(again) == -signal.SIGKILL
        assert kept(db_path) == [(poison, replay)]
    assert [m.text != DROPPED_APOLOGY for m in botapi.sent_messages(BOB.id)] == [True]

    mark = botapi.mark()
    last = await start_bot(botapi, db_path, script=("-c", POISONED))
    await restarted(botapi, last, mark)
    async with killed_on_failure(last):
        apology = await botapi.wait_for_message(READER.id, timeout=10)
        assert apology.text == DROPPED_APOLOGY
    code, _, log = await stop(last, signal.SIGTERM)
    assert code == 0, log
    assert kept(db_path) == []
    assert [line for line in log.splitlines() if "dropped" in line and "WARNING" in line] == [
        line for line in log.splitlines() if f"update {poison} " in line and "WARNING" in line
    ]
    assert len(botapi.sent_messages(READER.id)) == 1  # one apology, to the poison's chat only
    assert [m.text != DROPPED_APOLOGY for m in botapi.sent_messages(BOB.id)] == [True]  # answered once
