"""End to end: an update python-telegram-bot cannot read (QA22b F1). It reads getUpdates' batch whole,
so one such update made every poll fail: the batch was never confirmed, nothing after it was answered,
and each retry, at once and forever, logged a CRITICAL traceback quoting the user's message."""

from __future__ import annotations

import asyncio
import datetime as dtm
import logging

import pytest
from telegram import Update
from telegram.error import TelegramError

from briefing.adapters.telegram import PollingErrors
from store.pending_updates import pending_updates
from tests.e2e_helpers import harness

pytestmark = pytest.mark.e2e

QUESTION = "Secret poll question 7141?"
# a poll as an older Bot API sent it: without the field python-telegram-bot 22.8 requires
POLL = {
    "id": "1",
    "question": QUESTION,
    "options": [],
    "total_voter_count": 0,
    "is_closed": False,
    "is_anonymous": True,
    "type": "regular",
    "allows_multiple_answers": False,
}


async def test_an_unreadable_update_is_skipped_and_the_rest_of_its_batch_answered(botapi, tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    async with harness(botapi, tmp_path / "bot.db") as bot:
        before = bot.server.mark()
        poll = bot.server.push_other({"poll": POLL})
        command = bot.server.push_command("/help")  # the same batch: pushed before the poll returns
        reply = await bot.server.wait_for_message(command["message"]["chat"]["id"])
        assert "/subscribe" in reply.text
        fetched = bot.server.requests("getUpdates", since=before)
        assert all(r.ok for r in fetched)
        await bot.server.wait_until_fetched(command)
        later = await bot.ask("/help")  # and the bot keeps serving
        assert "/subscribe" in later.text
        assert all(u["update_id"] > poll["update_id"] for u in bot.server.pending_updates)
        kept = {p.update_id for p in pending_updates(bot.app.db)}
        assert poll["update_id"] not in kept  # not replayed at the next start either
    records = [r for r in caplog.records if r.levelno >= logging.WARNING]
    said = [r.getMessage() for r in records]
    skipped = [m for m in said if "cannot be read" in m]
    assert len(skipped) == 1, said
    assert str(poll["update_id"]) in skipped[0] and "message" in skipped[0]
    assert "allows_revoting" in skipped[0]  # why, for the operator
    assert not any(r.levelno >= logging.CRITICAL for r in records), said
    assert QUESTION not in caplog.text  # the user's message is not in the log


async def test_an_unreadable_update_alone_in_its_batch_is_confirmed(botapi, tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    async with harness(botapi, tmp_path / "bot.db") as bot:
        poll = bot.server.push_other({"poll": POLL})
        await bot.server.wait_until_fetched(poll)
        reply = await bot.ask("/help")
        assert "/subscribe" in reply.text
        assert not bot.server.pending_updates
    assert sum("cannot be read" in r.getMessage() for r in caplog.records) == 1


async def test_a_batch_that_cannot_be_read_is_polled_again_after_a_growing_pause(
    botapi, tmp_path, caplog, monkeypatch
):
    """Any other failure reading a batch: python-telegram-bot retried at once (31 to 88 a second),
    logging a traceback each time; now the poll pauses as after a network error, and it is said once."""
    caplog.set_level(logging.WARNING)

    def broken(*args, **kwargs):
        raise RuntimeError("a batch no one can read")

    async with harness(botapi, tmp_path / "bot.db") as bot:
        monkeypatch.setattr(Update, "de_list", broken)
        before = bot.server.mark()
        bot.server.push_command("/help")
        await asyncio.sleep(2.0)
        polls = len(bot.server.requests("getUpdates", since=before))
        assert polls <= 4, polls  # the first, then after 1 s, 1.5 s...
        monkeypatch.undo()
        reply = await bot.server.wait_for_message(timeout=10)
        assert "/subscribe" in reply.text
    said = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    failed = [m for m in said if "polling for updates" in m]
    assert len(failed) == 1, said
    assert not any(r.levelno >= logging.CRITICAL for r in caplog.records), said


def test_a_poll_failing_again_and_again_is_said_once_then_now_and_then(caplog):
    caplog.set_level(logging.ERROR)
    errors = PollingErrors()
    for _ in range(50):
        errors(TelegramError("the fetched updates cannot be kept in the database: disk I/O error"))
    assert len(caplog.records) == 1 and caplog.records[0].exc_info is not None
    errors.every = dtm.timedelta(0)  # the period has passed
    errors(TelegramError("the fetched updates cannot be kept in the database: disk I/O error"))
    assert len(caplog.records) == 2 and "still fails" in caplog.records[1].getMessage()
    assert caplog.records[1].exc_info is None
