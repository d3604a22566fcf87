"""End to end in webhook mode: Telegram (the loopback server) posts updates to the bot's own server."""

from __future__ import annotations

import asyncio
import io
import logging
import socket
import sqlite3
from dataclasses import replace

import pytest

from briefing.adapters.telegram import build_application, serve
from briefing.errors import BriefingError
from briefing.service import App
from store import open_db
from tests.e2e_helpers import bot_settings

pytestmark = pytest.mark.e2e


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def webhook_settings(botapi, tmp_path, port: int):
    """The bot's settings in webhook mode, its own server on 127.0.0.1:``port``."""
    return replace(
        bot_settings(botapi, tmp_path / "bot.db"),
        telegram_mode="webhook",
        webhook_listen="127.0.0.1",
        webhook_port=port,
        webhook_url=f"http://127.0.0.1:{port}/telegram/hook",
    )


async def test_webhook_mode_receives_updates_posted_by_telegram(botapi, tmp_path):
    port = free_port()
    settings = webhook_settings(botapi, tmp_path, port)
    app = App(open_db(settings.db_path), settings)
    application = build_application(app, close_db=True)
    stop = asyncio.Event()
    out = io.StringIO()
    handler = logging.StreamHandler(out)  # as `bot.py -v` logs: python-telegram-bot's requests at DEBUG
    handler.setFormatter(logging.Formatter("%(name)s %(message)s"))
    root, ptb = logging.getLogger(), logging.getLogger("telegram")
    root.addHandler(handler)
    level = ptb.level
    ptb.setLevel(logging.DEBUG)
    task = asyncio.create_task(serve(application, settings, stop))
    try:
        hook = await botapi.wait_for("setWebhook", since=0, timeout=10)
        assert hook.params["url"] == f"http://127.0.0.1:{port}/telegram/hook"
        assert len(hook.params["secret_token"]) >= 32
        while not application.running:
            await asyncio.sleep(0.01)
        botapi.push_command("/start")
        reply = await botapi.wait_for_message(1001)
        assert "Welcome to Briefing" in reply.text
        assert not botapi.requests("getUpdates")
    finally:
        stop.set()
        await task
        root.removeHandler(handler)
        ptb.setLevel(level)
    logged = out.getvalue()
    assert "`setWebhook` with parameters `{" in logged and "secret_token: …" in logged
    assert "Webhook received data: <" in logged and "/start" not in logged  # the update's JSON, by size
    assert hook.params["secret_token"] not in logged  # whoever reads the log cannot post as Telegram
    with pytest.raises(sqlite3.ProgrammingError):  # post_shutdown closed the database the bot owned
        app.db.execute("SELECT 1")


async def test_a_webhook_port_another_process_holds_is_one_line_and_no_webhook_is_set(botapi, tmp_path):
    with socket.create_server(("127.0.0.1", 0)) as holder:
        port = holder.getsockname()[1]
        settings = webhook_settings(botapi, tmp_path, port)
        app = App(open_db(settings.db_path), settings)
        application = build_application(app, close_db=True)
        with pytest.raises(BriefingError) as refused:
            await serve(application, settings, asyncio.Event())
    assert str(refused.value) == (
        f"cannot listen on 127.0.0.1:{port} for the webhook: address already in use (another bot still"
        " running?); telegram.webhook_port sets the port"
    )
    assert not botapi.requests("setWebhook")  # Telegram goes on delivering to the webhook it had, or polls


def test_a_webhook_listen_address_this_machine_lacks_is_a_settings_error_naming_it():
    from briefing.adapters.telegram import _check_port
    from config import SettingsError

    with pytest.raises(SettingsError) as refused:
        _check_port("192.0.2.1", free_port())  # TEST-NET-1: never an address of this machine
    assert str(refused.value) == (
        "telegram.webhook_listen '192.0.2.1' is not an address this machine has; use one of its own, such"
        " as 127.0.0.1"
    )
    assert "another bot" not in str(refused.value)


def test_a_webhook_listen_name_that_does_not_resolve_is_a_settings_error_naming_it(monkeypatch):
    from briefing.adapters import telegram
    from config import SettingsError

    def unresolved(address, **kwargs):  # as getaddrinfo fails for "not-a-host", without asking DNS
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(telegram.socket, "create_server", unresolved)
    with pytest.raises(SettingsError) as refused:
        telegram._check_port("not-a-host", 18443)
    assert str(refused.value) == (
        "telegram.webhook_listen 'not-a-host' is not an address this machine has: the name does not"
        " resolve (Name or service not known); use an address such as 127.0.0.1"
    )


def test_the_start_line_says_the_mode_and_where_the_webhook_is_received(botapi, tmp_path):
    from briefing.adapters.telegram import started_line

    settings = webhook_settings(botapi, tmp_path, 18443)
    assert started_line("briefing_test_bot", settings) == (
        "Briefing is on Telegram as @briefing_test_bot, by webhook: Telegram posts to"
        " http://127.0.0.1:18443/telegram/hook, received on 127.0.0.1:18443"
    )
    polling = replace(settings, telegram_mode="polling")
    assert (
        started_line("briefing_test_bot", polling)
        == "Briefing is on Telegram as @briefing_test_bot, by long polling"
    )


async def test_an_update_the_library_cannot_read_is_answered_200_once_and_the_next_ones_handled(
    botapi, tmp_path, caplog
):
    """Issue 5: python-telegram-bot's webhook answered such a post 400 with a CRITICAL line quoting it
    whole, so Telegram posted it again and again and every update after it waited behind it."""
    from tests.test_e2e_unreadable_updates import POLL, QUESTION

    caplog.set_level(logging.DEBUG, logger="telegram")  # as `bot.py -v`: each post's body at DEBUG
    caplog.set_level(logging.DEBUG, logger="briefing")
    port = free_port()
    settings = webhook_settings(botapi, tmp_path, port)
    application = build_application(App(open_db(settings.db_path), settings), close_db=True)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(application, settings, stop))
    try:
        await botapi.wait_for("setWebhook", since=0, timeout=10)
        while not application.running:
            await asyncio.sleep(0.01)
        poll = botapi.push_other({"poll": POLL})
        command = botapi.push_command("/help")  # posted after the poll, once the poll is answered 2xx
        reply = await botapi.wait_for_message(command["message"]["chat"]["id"], timeout=10)
        assert "/subscribe" in reply.text
        refused = botapi.state.webhook.last_error_message or ""
        assert "Wrong response" not in refused  # the poll was answered 2xx, not 400 and posted again
        assert botapi.updates.delivered_up_to >= command["update_id"] > poll["update_id"]
        assert not botapi.pending_updates
        before = botapi.mark()
        botapi.push_command("/help")  # and the bot keeps serving
        later = await botapi.wait_for_message(command["message"]["chat"]["id"], timeout=10)
        assert "/subscribe" in later.text and botapi.requests("sendMessage", since=before)
    finally:
        stop.set()
        await task
    said = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    skipped = [m for m in said if "cannot be read" in m]
    assert len(skipped) == 1, said
    assert str(poll["update_id"]) in skipped[0] and "(message)" in skipped[0]
    assert not any(r.levelno >= logging.CRITICAL for r in caplog.records), said
    assert "Webhook received data" in caplog.text  # the DEBUG lines were captured...
    assert QUESTION not in caplog.text  # ...and the user's poll is in none of them


def test_without_the_server_where_the_library_keeps_it_a_warning_says_so_and_the_bot_runs_on(caplog):
    from briefing.adapters.telegram_webhook import skip_unreadable

    caplog.set_level(logging.WARNING)
    skip_unreadable(object())  # type: ignore[arg-type]  # as another python-telegram-bot version's updater
    assert len(caplog.records) == 1 and "refused (and posted again" in caplog.records[0].getMessage()
