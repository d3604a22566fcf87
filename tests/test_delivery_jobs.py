"""The scheduled digest and alert sending inside the running bot (``build_application`` and ``serve``)
against the loopback server: its own bot and pacer beside the replies, and a revoked token."""

import asyncio
import datetime as dtm
import logging
from datetime import UTC, datetime, timedelta

import time_machine
from telegram import Bot

from briefing.adapters.chat_limiter import ChatRateLimiter
from briefing.adapters.jobs import TOKEN_REFUSED, Jobs
from briefing.adapters.telegram import JOBS_KEY, build_application, serve
from briefing.service import App
from store import deliveries, open_db
from tests.botapi import Fault
from tests.botapi.clients import make_bot
from tests.digestkit import QUICK, add_story, fast_pacer, sends, subscriber
from tests.e2e_helpers import bot_settings

AT = datetime(2025, 1, 23, 8, 0, 5, tzinfo=UTC)


async def test_a_429_for_one_chat_holds_back_that_chat_not_the_others_nor_the_replies(tmp_path, botapi):
    db_path = tmp_path / "bot.db"
    app = App(db=open_db(db_path), settings=bot_settings(botapi, db_path))
    add_story(app.db, "Story 1", updated=AT - timedelta(hours=1))
    for chat in range(1, 7):
        subscriber(app.db, chat, "08:00")
    botapi.inject(Fault.retry_after(3), "sendMessage", chat_id=1)
    with time_machine.travel(AT, tick=True):
        application = build_application(app)
        jobs = application.bot_data[JOBS_KEY]
        assert isinstance(application.bot.rate_limiter, ChatRateLimiter)  # the replies keep theirs
        assert application.bot.rate_limiter.pacer is jobs.pacer  # one budget for both
        assert type(jobs.bot) is Bot  # the digests' bot has none: their pacer handles a 429
        stop = asyncio.Event()
        task = asyncio.create_task(
            serve(application, app.settings, stop, poll_timeout=dtm.timedelta(seconds=1))
        )
        try:
            refused = await botapi.wait_for("sendMessage", chat_id=1, timeout=10)
            assert refused.status == 429
            botapi.push_command("/help")
            reply = await botapi.wait_for("sendMessage", chat_id=1001, ok=True, timeout=10)
            await botapi.wait_for("sendMessage", chat_id=1, ok=True, timeout=10)
        finally:
            stop.set()
            await task
    others = [r for r in sends(botapi) if r.chat_id in range(2, 7)]
    assert len(others) == 5 and max(r.received_at for r in others) - refused.received_at < 1.5
    assert reply.received_at - refused.received_at < 1.5  # not held up by chat 1's wait
    (again,) = sends(botapi, 1)
    assert again.received_at - refused.received_at >= 3.0
    assert jobs.pacer.retry_afters == 1
    assert deliveries.delivery_counts(app.db) == {"sent": 6}


async def test_a_token_refused_mid_fanout_stops_the_run_with_one_line(db, settings, botapi, caplog):
    add_story(db, "Story 1", updated=AT - timedelta(hours=1))
    for chat in range(1, 31):
        subscriber(db, chat, "08:00")
    app = App(db=db, settings=settings, clock=lambda: AT)
    botapi.inject(None, "sendMessage", delay=0.05, times=None)
    async with make_bot(botapi) as good:
        await run_some(app, good)  # the first chats get theirs, then the token is revoked
    revoked = Bot("999:revoked", base_url=botapi.base_url)
    jobs = Jobs(app, bot=revoked, pacer=fast_pacer(), policy=QUICK)
    caplog.set_level(logging.INFO)
    with time_machine.travel(AT):
        await jobs.digests(None)  # type: ignore[arg-type]
    await revoked.request.shutdown()
    errors = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [r.getMessage() for r in errors] == [TOKEN_REFUSED] and errors[0].exc_info is None
    counts = deliveries.delivery_counts(db)
    assert counts["sent"] == 4 and counts["pending"] == 26  # nothing left claimed
    refused = [r for r in botapi.requests("sendMessage") if r.status != 200]
    assert 1 <= len(refused) <= QUICK.workers  # the workers stopped at the first refusal


async def run_some(app: App, bot: Bot) -> None:
    from briefing.adapters.delivery import run_due_digests

    stop = asyncio.Event()
    sent = 0

    class Counting:
        async def send_message(self, *args, **kwargs):
            nonlocal sent
            message = await bot.send_message(*args, **kwargs)
            sent += 1
            if sent == 4:
                stop.set()
            return message

    await run_due_digests(app, Counting(), pacer=fast_pacer(), policy=QUICK.__class__(workers=1), stop=stop)
