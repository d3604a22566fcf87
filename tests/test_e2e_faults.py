"""End to end: the bot recovers from every error Telegram can answer with, and keeps serving."""

from __future__ import annotations

import contextlib
import logging

import httpx
import pytest
from telegram.error import NetworkError, TimedOut

from briefing.adapters.telegram_send import _once_more_on_failure
from briefing.document import message
from briefing.service.commands import COMMANDS, Command, Reply
from store import subscribers
from tests.botapi import Fault, User
from tests.conftest import NOW
from tests.e2e_helpers import harness

pytestmark = pytest.mark.e2e
BOB = User(77, "Bob", "bob")
SORRY = "Sorry, something went wrong"


async def broken(app, args, asker) -> Reply:
    raise RuntimeError("database password is hunter2")


async def picture(app, args, asker) -> Reply:
    return Reply(message("A chart follows."), photo=b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)


async def two_parts(app, args, asker) -> Reply:
    return Reply(message("First paragraph of a reply.", "Second paragraph of the same reply."))


@pytest.fixture
def doubles(monkeypatch):
    monkeypatch.setitem(COMMANDS, "broken", Command("broken", "/broken", "a test double", broken))
    monkeypatch.setitem(COMMANDS, "twoparts", Command("twoparts", "/twoparts", "a test double", two_parts))
    monkeypatch.setitem(COMMANDS, "picture", Command("picture", "/picture", "a test double", picture))


@pytest.fixture
async def bot(doubles, botapi, tmp_path):
    async with harness(botapi, tmp_path / "bot.db", clock=lambda: NOW) as h:
        yield h


async def test_a_429_is_retried_by_the_rate_limiter_and_the_reply_arrives(bot):
    bot.server.inject(Fault.retry_after(0.05), "sendMessage")
    reply = await bot.ask("/help")
    assert "/subscribe" in reply.text
    sends = bot.server.requests("sendMessage", chat_id=1001)
    assert [r.status for r in sends] == [429, 200]


async def test_a_user_who_blocked_the_bot_is_unsubscribed_and_others_are_still_served(bot):
    await bot.ask("/subscribe", user=BOB)
    bot.server.inject(Fault.blocked(), "sendMessage", chat_id=77, times=None)
    bot.server.push_command("/help", user=BOB)
    await bot.server.wait_for("sendMessage", chat_id=77, ok=False)
    reply = await bot.ask("/help")  # Alice, after Bob's update: his was handled by now
    assert "/subscribe" in reply.text
    assert subscribers.get_subscriber(bot.app.db, 77).active is False
    assert subscribers.is_unreachable(bot.app.db, 77)
    assert len(bot.server.requests("sendMessage", chat_id=77, ok=False)) == 1  # no apology into a wall
    bot.server.clear_faults()
    reply = await bot.ask("/latest 1", user=BOB)  # he writes again: the first answer says the digest stopped
    assert reply.text.endswith(
        "Welcome back. Your daily digest stopped while I could not reach you; /subscribe resumes it."
    )
    assert "Welcome back" not in (await bot.ask("/latest 1", user=BOB)).text


async def test_blocking_the_bot_unsubscribes_at_once(bot):
    await bot.ask("/subscribe", user=BOB)
    bot.server.push_blocked(BOB)
    await bot.server.wait_until_fetched()
    await bot.ask("/help")
    assert subscribers.get_subscriber(bot.app.db, 77).active is False
    assert subscribers.is_unreachable(bot.app.db, 77)  # no alerts either, until Bob writes again
    bot.server.push_my_chat_member(None, "member", user=BOB)  # Bob unblocks the bot
    await bot.server.wait_for("sendMessage", chat_id=77)
    (back,) = bot.server.sent_messages(77)[-1:]  # he is told, or he would wait for his digest in vain
    assert (
        back.text
        == "Welcome back. Your daily digest stopped while I could not reach you; /subscribe resumes it."
    )
    assert not subscribers.is_unreachable(bot.app.db, 77)
    assert subscribers.get_subscriber(bot.app.db, 77).active is False  # the digest waits for /subscribe


async def test_html_telegram_cannot_parse_is_sent_again_as_plain_text(bot):
    bot.server.inject(Fault.cant_parse_entities(), "sendMessage")
    reply = await bot.ask("/subscribe 07:00 UTC")
    assert reply.parse_mode is None and reply.entities == []
    assert "Subscribed. Your daily digest:" in reply.text and "<b>" not in reply.text
    failed, resent = bot.server.requests("sendMessage", chat_id=1001)
    assert failed.status == 400 and failed.params["parse_mode"] == "HTML"
    assert "parse_mode" not in resent.params


async def test_a_part_telegram_finds_too_long_is_sent_in_two(bot):
    bot.server.inject(Fault.message_too_long(), "sendMessage")
    await bot.ask("/twoparts")
    await bot.server.wait_for_requests(3, "sendMessage", chat_id=1001)
    texts = [m.text for m in bot.server.sent_messages(1001)]
    assert texts == ["First paragraph of a reply.", "Second paragraph of the same reply."]


async def test_chat_not_found_is_logged_unsubscribed_and_the_bot_goes_on(bot, caplog):
    caplog.set_level(logging.WARNING)
    await bot.ask("/subscribe", user=BOB)
    bot.server.inject(Fault.chat_not_found(), "sendMessage", chat_id=77)
    bot.server.push_command("/help", user=BOB)
    await bot.server.wait_for("sendMessage", chat_id=77, ok=False)
    reply = await bot.ask("/help")
    assert "/subscribe" in reply.text
    assert any("chat 77 not found" in r.getMessage() for r in caplog.records)
    assert subscribers.get_subscriber(bot.app.db, 77).active is False


async def test_one_server_error_is_sent_once_more_and_the_answer_arrives(bot, monkeypatch):
    monkeypatch.setattr("briefing.adapters.telegram_send.RETRY_PAUSE", 0.05)
    bot.server.inject(Fault.server_error(502), "sendMessage")
    reply = await bot.ask("/help")
    assert "/subscribe" in reply.text
    assert [r.status for r in bot.server.requests("sendMessage", chat_id=1001)] == [502, 200]


async def test_a_server_error_twice_is_logged_with_its_traceback_and_the_bot_keeps_serving(
    bot, caplog, monkeypatch
):
    monkeypatch.setattr("briefing.adapters.telegram_send.RETRY_PAUSE", 0.05)
    caplog.set_level(logging.WARNING)
    bot.server.inject(Fault.server_error(502), "sendMessage", times=2)
    bot.server.push_command("/help")
    apology = await bot.server.wait_for_message(1001)
    assert apology.text.startswith(SORRY)
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert errors and errors[0].exc_info is not None
    reply = await bot.ask("/help")
    assert "/subscribe" in reply.text


async def test_a_picture_telegram_fails_to_take_is_left_out_without_an_apology(bot, monkeypatch):
    monkeypatch.setattr("briefing.adapters.telegram_send.RETRY_PAUSE", 0.05)
    bot.server.inject(Fault.server_error(502), "sendPhoto", times=2)
    await bot.ask("/picture")
    await bot.server.wait_for("sendPhoto", chat_id=1001, ok=False)
    reply = await bot.ask("/help")
    assert "/subscribe" in reply.text
    texts = [m.text for m in bot.server.sent_messages(1001)]
    assert not any(t.startswith(SORRY) for t in texts)
    assert len(bot.server.requests("sendPhoto", chat_id=1001)) == 2


async def test_polling_survives_a_server_error_on_get_updates(bot):
    bot.server.inject(Fault.server_error(500), "getUpdates")
    await bot.server.wait_for("getUpdates", ok=False)
    reply = await bot.ask("/help")  # the poll loop waited a second and went on
    assert "/subscribe" in reply.text


async def test_an_unexpected_error_is_logged_and_the_user_told_without_internals(bot, caplog):
    caplog.set_level(logging.ERROR)
    reply = await bot.ask("/broken")
    assert reply.text.startswith(SORRY)
    assert "hunter2" not in reply.text and "RuntimeError" not in reply.text
    record = next(r for r in caplog.records if r.exc_info)
    assert isinstance(record.exc_info[1], RuntimeError)
    assert "/subscribe" in (await bot.ask("/help")).text


async def test_a_failed_button_edit_falls_back_to_plain_text(bot):
    await bot.ask("/subscribe 08:00 UTC")
    shown = await bot.ask("/settings")
    bot.server.inject(Fault.cant_parse_entities(), "editMessageText")
    bot.server.push_callback_query(shown, button="8 stories")
    await bot.server.wait_for("editMessageText", chat_id=1001, ok=True)
    edited = bot.server.message(1001, shown.message_id)
    assert "Length: 8 stories" in edited.text and edited.parse_mode is None
    assert edited.button("✓ 8 stories")


async def test_a_group_migrated_while_the_bot_was_answering_gets_the_answer_in_the_supergroup(bot):
    from tests.botapi import Chat

    group = Chat.group(-4003, "Readers")
    await bot.ask("/subscribe", chat=group)
    bot.server.inject(Fault.migrated(-1004242424242), "sendMessage", chat_id=-4003)
    bot.server.push_command("/settings", chat=group)
    reply = await bot.server.wait_for_message(-1004242424242)
    assert "Your daily digest" in reply.text
    assert subscribers.get_subscriber(bot.app.db, -1004242424242) is not None


async def _failing(cause: BaseException | None, exc: Exception, results: list[str]) -> str:
    if len(results) == 0:
        results.append("first")
        if cause is not None:
            raise exc from cause
        raise exc
    results.append("again")
    return "sent"


@pytest.mark.parametrize(
    ("exc", "cause", "tried"),
    [
        (NetworkError("Bad Gateway"), None, ["first", "again"]),  # Telegram answered 502: not taken
        (NetworkError("httpx.ConnectError"), httpx.ConnectError("refused"), ["first", "again"]),  # never left
        (NetworkError("dropped"), httpx.RemoteProtocolError("closed"), ["first"]),  # may have arrived
        (TimedOut(), httpx.ReadTimeout("late"), ["first"]),  # may have arrived
    ],
)
async def test_a_reply_is_sent_again_only_when_telegram_surely_did_not_take_it(
    exc, cause, tried, monkeypatch
):
    monkeypatch.setattr("briefing.adapters.telegram_send.RETRY_PAUSE", 0)
    results: list[str] = []
    with contextlib.suppress(NetworkError):
        await _once_more_on_failure(lambda: _failing(cause, exc, results))
    assert results == tried


async def test_a_second_instance_on_the_token_is_one_line_in_the_log_not_a_traceback_a_poll(bot, caplog):
    """A 409 Conflict on getUpdates (a webhook set, another process polling) says what is wrong once;
    python-telegram-bot's own callback logged a 28-line traceback on every retry. Polling goes on."""
    caplog.set_level(logging.WARNING)
    conflict = Fault(409, "Conflict: terminated by other getUpdates request; make sure that only one bot"
                          " instance is running")  # fmt: skip
    bot.server.inject(conflict, "getUpdates", times=2)
    await bot.server.wait_for_requests(2, "getUpdates", ok=False, since=0, timeout=15)
    reply = await bot.ask("/help")  # polling recovered
    assert "/brief" in reply.text
    said = [r for r in caplog.records if "another instance of this bot" in r.getMessage()]
    assert len(said) == 1 and said[0].exc_info is None
    assert not any(r.exc_info for r in caplog.records if r.name.startswith("telegram"))


async def test_a_chat_that_unsubscribed_before_it_blocked_the_bot_is_not_told_the_block_stopped_it(bot):
    await bot.ask("/subscribe", user=BOB)
    await bot.ask("/unsubscribe", user=BOB)
    bot.server.push_blocked(BOB)
    await bot.server.wait_until_fetched()
    bot.server.push_my_chat_member(None, "member", user=BOB)  # unblocked
    reply = await bot.ask("/latest 1", user=BOB)
    assert "Welcome back" not in reply.text
    assert not any("Welcome back" in m.text for m in bot.server.sent_messages(77))
