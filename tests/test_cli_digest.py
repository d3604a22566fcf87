"""``python bot.py digest --chat ID [--dry-run | --send]``."""

import asyncio
import os
import socket
import sys
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

import bot
from briefing.service.summaries import summary_key
from config import load_settings
from store import deliveries, open_db
from store.subscribers import get_subscriber, set_active
from tests.conftest import ROOT
from tests.digestkit import add_story, subscriber

AT = datetime(2025, 1, 23, 9, 0, tzinfo=UTC)


def run(db_path, *args, env=None):
    """``bot.py digest`` over the archive, whose stories' summaries (the tests' own) stand for what the
    current summarizer made: the command makes stale ones again before it shows them."""
    db = open_db(db_path)
    try:
        db.execute("UPDATE articles SET summary_key = ?", [summary_key(load_settings(env or {}))])
    finally:
        db.conn.close()
    return bot.main(["--db", str(db_path), "digest", *args], environ=env or {})


def test_dry_run_prints_the_digest_as_plain_text_and_records_nothing(db, tmp_path, capsys):
    add_story(
        db, "Kellogg <visits> Kyiv & Warsaw", updated=AT - timedelta(hours=2), summary="He met officials."
    )
    subscriber(db, 1, "08:00", "Europe/Kyiv")
    with time_machine.travel(AT, tick=False):
        assert run(tmp_path / "test.db", "--chat", "1") == 0
    out = capsys.readouterr().out
    assert out.startswith("YOUR DIGEST FOR THURSDAY 23 JANUARY\nThe one story of the day.")
    assert "Kellogg <visits> Kyiv & Warsaw <https://dw.example/1>" in out and "He met officials." in out
    assert "<b>" not in out
    assert deliveries.delivery_counts(db) == {} and get_subscriber(db, 1).last_digest_at is None


def test_the_dry_run_flag_prints_what_no_flag_prints(db, tmp_path, capsys):
    subscriber(db, 1, "08:00")
    assert run(tmp_path / "test.db", "--chat", "1", "--dry-run") == 0
    flagged = capsys.readouterr().out
    assert run(tmp_path / "test.db", "--chat", "1") == 0
    assert capsys.readouterr().out == flagged
    assert flagged.strip() == "Nothing new in the last day. /brief shows the latest stories."
    assert deliveries.delivery_counts(db) == {}


@pytest.mark.parametrize("mode", ["--dry-run", "--send"])
def test_an_unknown_chat_is_a_usage_mistake(db, tmp_path, capsys, mode):
    assert run(tmp_path / "test.db", "--chat", "404", mode, env={"TELEGRAM_BOT_TOKEN": "1:x"}) == 2
    err = capsys.readouterr().err
    assert err == "bot.py: chat 404 is not subscribed to the digest (it never sent /subscribe)\n"


def test_a_dry_run_for_an_unsubscribed_chat_says_so(db, tmp_path, capsys):
    subscriber(db, 1, "08:00")
    set_active(db, 1, False, now=AT)
    assert run(tmp_path / "test.db", "--chat", "1") == 0
    out, err = capsys.readouterr()
    assert err.startswith("bot.py: note: chat 1 is unsubscribed (it sent /unsubscribe, or blocked the bot);")
    assert err.count("\n") == 1 and "--send will not send it" in err
    assert out.strip() == "Nothing new in the last day. /brief shows the latest stories."


def test_send_refuses_an_unsubscribed_chat(db, tmp_path, capsys):
    subscriber(db, 1, "08:00")
    set_active(db, 1, False, now=AT)
    assert run(tmp_path / "test.db", "--chat", "1", "--send", env={"TELEGRAM_BOT_TOKEN": "1:x"}) == 2
    out, err = capsys.readouterr()
    assert out == "" and err == (
        "bot.py: chat 1 is unsubscribed (it sent /unsubscribe, or blocked the bot); nothing was sent\n"
    )
    assert deliveries.delivery_counts(db) == {}


def test_send_without_a_token_says_so(db, tmp_path, capsys):
    subscriber(db, 1, "08:00")
    assert run(tmp_path / "test.db", "--chat", "1", "--send") == 2
    assert (
        capsys.readouterr().err == "bot.py: digest --send needs TELEGRAM_BOT_TOKEN (a --dry-run does not)\n"
    )


async def _bot_py(botapi, db_path, *args, token=None, base_url=None):
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": token or botapi.token,
        "TELEGRAM_API_BASE_URL": base_url or botapi.base_url,
        "BRIEFING_DB": str(db_path),
    }
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "bot.py", *args, cwd=ROOT, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, err = await asyncio.wait_for(proc.communicate(), timeout=60)
    return proc.returncode, out.decode(), err.decode()


async def test_send_delivers_through_telegram_once(db, tmp_path, botapi):
    now = datetime.now(UTC)
    add_story(db, "Fresh story", updated=now - timedelta(hours=1))
    subscriber(db, 1001, "08:00", "UTC")
    code, out, err = await _bot_py(botapi, tmp_path / "test.db", "digest", "--chat", "1001", "--send")
    assert (code, err) == (0, "")
    today = now.date()
    assert out == f"chat 1001: digest for {today}: 1 of 1 part(s) sent\n"
    (msg,) = botapi.sent_messages(1001)
    assert "Fresh story" in msg.text and msg.parse_mode == "HTML"
    (part,) = deliveries.parts_of(db, 1001, today)
    assert (part.state, part.message_id) == ("sent", msg.message_id)

    code, out, _ = await _bot_py(botapi, tmp_path / "test.db", "digest", "--chat", "1001", "--send")
    assert code == 0 and out == f"chat 1001: the digest for {today} was already sent; nothing sent again\n"
    assert len(botapi.sent_messages(1001)) == 1


@pytest.mark.parametrize("verbose", [(), ("-v",)], ids=["quiet", "verbose"])
async def test_a_refused_token_is_one_line_without_the_token_and_nothing_is_stored(
    db, tmp_path, botapi, verbose
):
    add_story(db, "Fresh story", updated=datetime.now(UTC) - timedelta(hours=1))
    subscriber(db, 1001, "08:00", "UTC")
    wrong = "987654321:AAE-not-the-token-the-server-knows"
    code, out, err = await _bot_py(
        botapi, tmp_path / "test.db", *verbose, "digest", "--chat", "1001", "--send", token=wrong
    )
    assert code == 2 and out == ""
    assert "bot.py: Telegram refused the bot token (TELEGRAM_BOT_TOKEN); nothing was sent" in err
    assert "Traceback" not in err and "AAE-not-the-token" not in err
    assert deliveries.parts_of(db, 1001, datetime.now(UTC).date()) == []


async def test_telegram_out_of_reach_is_one_line_and_nothing_is_stored(db, tmp_path, botapi):
    subscriber(db, 1001, "08:00", "UTC")
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code, _, err = await _bot_py(
        botapi,
        tmp_path / "test.db",
        "digest",
        "--chat",
        "1001",
        "--send",
        base_url=f"http://127.0.0.1:{port}/bot",
    )
    assert code == 1
    # the address tried is named: the operator sees which TELEGRAM_API_BASE_URL was used
    assert err.startswith(f"bot.py: cannot reach Telegram at http://127.0.0.1:{port}/bot: ")
    assert err.endswith("; nothing was sent\n") and err.count("\n") == 1
    assert "Traceback" not in err and botapi.token not in err
    assert deliveries.parts_of(db, 1001, datetime.now(UTC).date()) == []


async def test_an_api_address_that_is_a_web_server_is_the_line_the_bot_gives(db, tmp_path, botapi, site):
    subscriber(db, 1001, "08:00", "UTC")
    base = site.url("/bot")  # answers Telegram's POSTs with "405 Method Not Allowed" as a web page
    code, out, err = await _bot_py(
        botapi, tmp_path / "test.db", "digest", "--chat", "1001", "--send", base_url=base
    )
    assert (code, out) == (1, "")
    assert err == (
        f"bot.py: the Bot API server at {base} answered Method Not Allowed (405) with something else than the"
        " Bot API's JSON (a web page?); is TELEGRAM_API_BASE_URL right? Nothing was sent\n"
    )
    assert deliveries.parts_of(db, 1001, datetime.now(UTC).date()) == []


def test_send_refuses_the_terminal_chat(db, tmp_path, capsys):
    subscriber(db, 0, "08:00")
    assert run(tmp_path / "test.db", "--chat", "0", "--send", env={"TELEGRAM_BOT_TOKEN": "1:x"}) == 2
    assert "chat 0 is the terminal chat, not a Telegram one" in capsys.readouterr().err


def test_dry_run_shows_an_update_of_a_story_the_chat_received(db, tmp_path, capsys):
    from briefing.service import App
    from briefing.service.digests import compose_due
    from config import load_settings
    from tests.digestkit import join_story

    yesterday = AT - timedelta(days=1)
    story = add_story(
        db, "Quake in Peru", updated=yesterday - timedelta(hours=2), summary="Roads were damaged."
    )
    subscriber(db, 1, "08:00")
    app = App(
        db=db, settings=load_settings({"BRIEFING_DB": str(tmp_path / "test.db")}), clock=lambda: yesterday
    )
    assert compose_due(app, now=yesterday).composed == 1
    key = deliveries.PartKey(1, yesterday.date(), 0)
    deliveries.claim_part(db, key, now=yesterday)
    deliveries.confirm_part(db, key, message_id=1, now=yesterday)
    join_story(
        db, story, "Reuters", summary="Roads were damaged.\nRescuers arrived.", dated=AT - timedelta(hours=1)
    )
    with time_machine.travel(AT, tick=False):
        assert run(tmp_path / "test.db", "--chat", "1") == 0
    out = capsys.readouterr().out
    assert "1 update since Wednesday 22 January, 09:00." in out  # when that digest came (due 08:00)
    assert "(Quake in Peru)" in out and "Rescuers arrived." in out and "Roads were damaged." not in out
