"""``kill -9`` of ``python bot.py`` with fetched commands not answered yet (QA20a F1): Telegram was told
they arrived (the next poll's offset), so only the database can bring them back. The next start answers
each of them; an update is forgotten once Telegram took its answer's first request, so the only answers
that may come twice are those Telegram took just before the kill (the at-least-once edge)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from collections import Counter

import pytest

from store import open_db
from store.pending_updates import pending_updates
from tests.botapi import User
from tests.test_e2e_process import start_bot, stop
from tests.test_e2e_stop import killed_on_failure, started, unseeded_db

pytestmark = pytest.mark.e2e
USERS = [User(3000 + k, f"Reader {k}") for k in range(80)]


async def until(check, timeout: float) -> None:
    """Wait until ``check()`` is true, failing after ``timeout`` seconds."""
    async with asyncio.timeout(timeout):
        while not check():
            await asyncio.sleep(0.05)


def answers_by_user(server) -> Counter[int]:
    return Counter(m.chat.id for m in server.sent_messages() if m.chat.id in {u.id for u in USERS})


async def test_commands_fetched_before_a_kill_9_are_answered_after_the_restart(botapi, tmp_path):
    db_path = tmp_path / "bot.db"
    unseeded_db(db_path)  # the start does not seed it: quicker
    first = await start_bot(botapi, db_path)
    await started(botapi, first)
    async with killed_on_failure(first):
        for user in USERS:
            botapi.push_command("/help", user=user)
        # 30 messages a second overall: 80 answers take about three seconds; kill well before
        await botapi.wait_for_requests(10, "sendMessage", ok=True, since=0, timeout=30)
        # the poll after the fetch confirmed them: Telegram has none of them any longer
        await until(lambda: not botapi.pending_updates, timeout=10)
    os.kill(first.pid, signal.SIGKILL)
    await first.communicate()
    await asyncio.sleep(0.3)  # requests written before the kill are still being answered
    before = answers_by_user(botapi)
    assert len(before) < len(USERS)  # some fetched, confirmed and not answered: only the database has them
    assert not botapi.pending_updates

    second = await start_bot(botapi, db_path)
    await started(botapi, second)
    async with killed_on_failure(second):
        with contextlib.suppress(TimeoutError):  # the assertions below say what is missing
            await until(lambda: len(answers_by_user(botapi)) == len(USERS), timeout=30)
        await asyncio.sleep(0.5)  # nothing more comes
    code, _, log = await stop(second, signal.SIGTERM)
    assert code == 0, log
    answers = answers_by_user(botapi)
    missing = sorted({u.id for u in USERS} - set(answers))
    assert not missing, (missing, len(before), log[-2000:])  # nothing lost
    twice = {user for user, n in answers.items() if n > 1}
    assert twice <= set(before), twice  # only an answer Telegram had before the kill may come again
    assert max(answers.values()) <= 2
    db = open_db(db_path)
    try:
        assert pending_updates(db) == []  # each forgotten once answered
    finally:
        db.conn.close()
