"""End to end: Telegram failing one reply (a 429, a slow answer, a 5xx on a button press) holds back or
troubles that reply alone: other chats are answered, and the user is not told of a failure that may
not be one (QA13b F2, F3, F4)."""

from __future__ import annotations

import logging

import pytest
from telegram import Update
from telegram.error import TimedOut
from telegram.ext import CallbackContext

from briefing.adapters.telegram_handlers import on_error
from tests.botapi import Fault, User
from tests.conftest import NOW
from tests.e2e_helpers import harness

pytestmark = pytest.mark.e2e
BOB = User(77, "Bob", "bob")
SORRY = "Sorry, something went wrong"


@pytest.fixture
async def bot(botapi, tmp_path):
    async with harness(botapi, tmp_path / "bot.db", clock=lambda: NOW) as h:
        yield h


async def test_one_chats_429_holds_back_that_chat_only_and_it_still_gets_its_reply(bot):
    bot.server.inject(Fault.retry_after(2), "sendMessage", chat_id=1001)
    bot.server.push_command("/help")
    await bot.server.wait_for("sendMessage", chat_id=1001, ok=False)
    bobs = await bot.ask("/help", user=BOB)
    assert "/subscribe" in bobs.text
    alices = await bot.server.wait_for_message(1001, since=0, timeout=10)
    assert "/subscribe" in alices.text
    # Bob's answer went while Alice's chat was held back, not after it
    sent = [r for r in bot.server.requests("sendMessage", ok=True)]
    assert [r.chat_id for r in sent] == [77, 1001]


async def test_a_reply_telegram_is_slow_to_answer_gets_no_apology_and_no_traceback(bot, caplog):
    # the error handler as python-telegram-bot calls it when a reply's sendMessage read timed out: the
    # reply may well have arrived (QA13b F3)
    caplog.set_level(logging.WARNING)
    update = Update.de_json(bot.server.push_command("/help"), bot.application.bot)
    await bot.server.wait_for_message(1001)
    mark = bot.server.mark()
    context = CallbackContext.from_error(update, TimedOut(), bot.application)
    await on_error(update, context)
    assert bot.server.requests("sendMessage", since=mark) == []
    warned = [r for r in caplog.records if "did not answer in time" in r.getMessage()]
    assert len(warned) == 1 and warned[0].exc_info is None
    assert not any(r.levelno >= logging.ERROR for r in caplog.records)


async def test_a_message_delivered_again_after_a_restart_is_not_answered_twice(botapi, tmp_path):
    # webhook mode, stopped while Telegram posted a message: the stopping bot answered it, but its answer
    # to the post never went back, so Telegram posts it again to the next start (QA13b F8)
    async with harness(botapi, tmp_path / "bot.db", clock=lambda: NOW) as first:
        update = first.server.push_command("/help")
        await first.server.wait_for_message(1001)
    async with harness(botapi, tmp_path / "bot.db", clock=lambda: NOW) as second:
        second.server.push_update({"message": update["message"]})
        reply = await second.ask("/start")
        assert "Welcome to Briefing" in reply.text
    helps = [m for m in botapi.sent_messages(1001) if "/subscribe" in m.text and "Welcome" not in m.text]
    assert len(helps) == 1


async def test_a_failing_scheduled_job_is_logged_as_that_job_not_an_update(bot, caplog):
    """qa29c F4: the digests job failing on a locked database was logged as "error while handling an
    update", which sent the operator looking for a user's message."""
    import sqlite3

    caplog.set_level(logging.WARNING)
    from telegram.ext import Job

    async def tick(context: CallbackContext) -> None:
        pass

    job = Job(tick, name="digests")  # the name schedule_jobs gives the digest tick
    failed = RuntimeError("no such table: digests")
    await on_error(None, CallbackContext.from_error(None, failed, bot.application, job=job))
    locked = sqlite3.OperationalError("database is locked")
    locked.sqlite_errorname = "SQLITE_BUSY"  # as SQLite sets it
    await on_error(None, CallbackContext.from_error(None, locked, bot.application, job=job))
    said = [(r.levelno, r.getMessage(), r.exc_info is not None) for r in caplog.records]
    assert said == [
        (logging.ERROR, "digests job failed: no such table: digests", True),
        (
            logging.WARNING,
            "digests job could not run: the database is locked by another process (database is locked)",
            False,
        ),
    ]
