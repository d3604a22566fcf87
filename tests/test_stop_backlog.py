"""A stop with a backlog of fetched updates (QA13b F9): the real bot against the loopback Bot API server.
The updates not answered by the stop are kept in the database, not answered then, and answered once
each at the next start; a busy group's pacing does not hold the stop."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta

import pytest

from briefing.adapters.telegram import build_application, serve
from briefing.service import App
from store import open_db
from store.pending_updates import pending_updates, save_pending
from tests.botapi import Chat, User
from tests.e2e_helpers import bot_settings, running
from tests.test_e2e_webhook import free_port, webhook_settings

pytestmark = pytest.mark.e2e
STOP_BOUND = 15.0  # seconds; the stops below took 1 to 2 s, and 11 to 50 s before


@asynccontextmanager
async def bot(server, db_path):
    app = App(open_db(db_path), bot_settings(server, db_path))
    try:
        async with running(app) as application:
            await server.wait_until_polling(timeout=10)
            yield app, application
    finally:
        app.db.conn.close()


async def stopped(cm) -> float:
    """Leave the bot's block (the stop) and say how long it took."""
    began = time.monotonic()
    await cm.__aexit__(None, None, None)
    return time.monotonic() - began


def kept_ids(db_path) -> list[int]:
    db = open_db(db_path)
    try:
        return [p.update_id for p in pending_updates(db)]
    finally:
        db.conn.close()


def answered_commands(server, chat_id: int) -> list[int]:
    """The group commands the bot answered, by message id (a group's answer quotes its command)."""
    return [m.reply_to.message_id for m in server.sent_messages(chat_id) if m.reply_to is not None]


async def test_a_busy_groups_backlog_is_kept_at_the_stop_and_answered_once_after_a_restart(botapi, tmp_path):
    db_path = tmp_path / "bot.db"
    group = Chat.group(-4060, "Readers")
    members = [User(500 + k, f"Member {k}") for k in range(30)]
    cm = bot(botapi, db_path)
    await cm.__aenter__()
    commands = [botapi.push_command("/help", user=m, chat=group)["message"]["message_id"] for m in members]
    # python-telegram-bot paces a group at 20 messages a minute: 20 at once, then one every 3 s
    await botapi.wait_for_requests(20, "sendMessage", chat_id=group.id, ok=True, since=0, timeout=30)
    took = await stopped(cm)
    assert took < STOP_BOUND  # the 10 others would have held it 30 s
    before = answered_commands(botapi, group.id)
    kept = kept_ids(db_path)
    assert len(before) < len(commands) and len(before) + len(kept) == len(commands)
    assert not botapi.pending_updates  # Telegram was told they arrived: the database holds them now

    async with bot(botapi, db_path):
        await botapi.wait_for_requests(len(commands), "sendMessage", chat_id=group.id, since=0, timeout=30)
    answered = answered_commands(botapi, group.id)
    assert sorted(answered) == sorted(commands)  # each answered, once
    assert answered[len(before) :] == sorted(answered[len(before) :])  # the kept ones in their order
    assert kept_ids(db_path) == []


async def test_a_stop_with_a_hundred_fetched_commands_keeps_those_not_answered(botapi, tmp_path):
    db_path = tmp_path / "bot.db"
    users = [User(2000 + k, f"Reader {k}") for k in range(100)]
    cm = bot(botapi, db_path)
    await cm.__aenter__()
    for user in users:
        botapi.push_command("/help", user=user)
    await botapi.wait_for_requests(1, "sendMessage", ok=True, since=0, timeout=30)
    took = await stopped(cm)
    assert took < STOP_BOUND
    answered_before = {u.id for u in users if botapi.sent_messages(u.id)}
    kept, unfetched = kept_ids(db_path), len(botapi.pending_updates)
    # 30 messages a second overall: a hundred cannot all go out in the stop's second of grace
    assert len(answered_before) < len(users) and kept
    assert len(answered_before) + len(kept) + unfetched == len(users)  # those still on the server

    async with bot(botapi, db_path):
        await botapi.wait_for_requests(len(users), "sendMessage", ok=True, since=0, timeout=30)
    assert [len(botapi.sent_messages(u.id)) for u in users] == [1] * len(users)  # nothing lost, nothing twice
    assert kept_ids(db_path) == []


def _saved_message(update_id: int, text: str, *, sent: datetime, chat_id: int = 1001) -> tuple[int, str]:
    user = {"id": chat_id, "is_bot": False, "first_name": "Alice"}
    message = {
        "message_id": update_id,
        "date": int(sent.timestamp()),
        "chat": {"id": chat_id, "type": "private", "first_name": "Alice"},
        "from": user,
        "text": text,
        "entities": [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}],
    }
    return update_id, json.dumps({"update_id": update_id, "message": message})


async def test_the_start_answers_kept_updates_but_not_old_or_unreadable_ones(botapi, tmp_path, caplog):
    db_path = tmp_path / "bot.db"
    now = datetime.now(UTC)
    db = open_db(db_path)
    save_pending(
        db,
        [
            _saved_message(7, "/help", sent=now - timedelta(days=2), chat_id=1001),
            (8, "{not json"),
            (9, json.dumps({"update_id": 10})),  # not the update it says it is
            _saved_message(11, "/help", sent=now - timedelta(minutes=3), chat_id=1002),
        ],
        now=now,
    )
    db.conn.close()
    with caplog.at_level(logging.INFO, logger="briefing.adapters.telegram_backlog"):
        async with bot(botapi, db_path):
            reply = await botapi.wait_for_message(1002, since=0, timeout=10)
            botapi.push_command("/help", user=User(1003, "Carol"))  # the new ones are answered as ever
            await botapi.wait_for_message(1003, timeout=10)
    assert "Briefing" in reply.text
    assert botapi.sent_messages(1001) == []  # two days old: not answered
    assert len(botapi.sent_messages(1002)) == 1
    assert kept_ids(db_path) == []
    said = [r.getMessage() for r in caplog.records]
    assert any("a saved update (8) cannot be read" in line for line in said), said
    assert any("a saved update (9) is not the update it should be" in line for line in said), said
    assert sum("older than a day" in line for line in said) == 1, said


@asynccontextmanager
async def webhook_bot(server, tmp_path, port: int):
    settings = webhook_settings(server, tmp_path, port)
    app = App(open_db(settings.db_path), settings)
    application = build_application(app, close_db=True)
    if application.job_queue is not None:
        for job in application.job_queue.jobs():
            job.schedule_removal()
    stop = asyncio.Event()
    task = asyncio.create_task(serve(application, settings, stop))
    try:
        while not application.running:
            if task.done():
                task.result()
            await asyncio.sleep(0.01)
        yield
    finally:
        stop.set()
        await task


async def test_in_webhook_mode_too_the_backlog_is_kept_and_answered_after_a_restart(botapi, tmp_path):
    port, group = free_port(), Chat.group(-4070, "Hooked")
    cm = webhook_bot(botapi, tmp_path, port)
    await cm.__aenter__()
    commands = [
        botapi.push_command("/help", user=User(700 + k, f"Member {k}"), chat=group)["message"]["message_id"]
        for k in range(25)
    ]
    await botapi.wait_for_requests(20, "sendMessage", chat_id=group.id, ok=True, since=0, timeout=30)
    assert await stopped(cm) < STOP_BOUND
    before, kept = answered_commands(botapi, group.id), kept_ids(tmp_path / "bot.db")
    unposted = len(botapi.pending_updates)  # not posted to the webhook yet: Telegram still has them
    assert kept and len(before) + len(kept) + unposted == len(commands)

    async with webhook_bot(botapi, tmp_path, port):
        await botapi.wait_for_requests(len(commands), "sendMessage", chat_id=group.id, since=0, timeout=30)
    assert sorted(answered_commands(botapi, group.id)) == sorted(commands)
    assert kept_ids(tmp_path / "bot.db") == []
