"""End to end: ``python bot.py`` as a process, talking to the loopback Bot API server, stopped by a
signal as a service manager would stop it."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from datetime import datetime, timedelta

import pytest

from store import open_db
from store.articles import count_articles
from tests.conftest import ROOT

pytestmark = pytest.mark.e2e
STOP_WITHIN = 5.0  # from the signal to the process's end, on an idle machine
STOPPED_WITHIN = timedelta(seconds=5)  # from the bot's "stopping" line to its "stopped": half a long poll
WAIT = 180.0  # for a process to start or end: a wait, not a measure (a loaded machine takes minutes)


def loaded(seconds: float) -> float:
    """A bound on a wall time of a whole process (its interpreter's start or exit, scheduled among other
    jobs), stretched by how busy the machine is: at a load of 10 on 2 cores a stop that takes 2 s idle
    took 10 (qa29c F11). What the bot itself does is bounded by its log's times (``logged_between``),
    which a loaded machine stretches far less; an idle machine keeps the bound as it is."""
    try:
        load = os.getloadavg()[0]
    except OSError:  # no load average on this system
        load = 0.0
    return seconds * max(1.0, load / (os.cpu_count() or 1))


def logged_between(log: str, first: str, last: str) -> timedelta:
    """The time between the log lines holding ``first`` and ``last`` ("2026-11-24 14:17:29,119 INFO ...")."""

    def at(text: str) -> datetime:
        line = next(line for line in log.splitlines() if text in line)
        return datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f")

    return at(last) - at(first)


async def finished(process: asyncio.subprocess.Process, timeout: float = WAIT) -> bytes:
    """The process's stderr once it has ended; killed and reaped if it has not within ``timeout``, so no
    pipe is left open to fail a later test as an unclosed transport (qa29c F11's ERROR)."""
    try:
        _, err = await asyncio.wait_for(process.communicate(), timeout=timeout)
    except TimeoutError:
        process.kill()
        await process.communicate()
        raise
    return err


async def start_bot(
    server, db_path, *args: str, token: str | None = None, script: tuple[str, ...] = ("bot.py",)
) -> asyncio.subprocess.Process:
    """``python bot.py *args`` (``script``: what runs instead of ``bot.py``, as ``("-c", code)``)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TELEGRAM_", "BRIEFING_")) and k != "PTB_TIMEDELTA"
    }
    env.update(
        TELEGRAM_BOT_TOKEN=token or server.token,
        TELEGRAM_API_BASE_URL=server.base_url,
        BRIEFING_DB=str(db_path),
        BRIEFING_ADMINS="42",
        PYTHONWARNINGS="error",
    )
    return await asyncio.create_subprocess_exec(
        sys.executable,
        *script,
        *args,
        cwd=ROOT,
        env=env,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def stop(process: asyncio.subprocess.Process, sig: int) -> tuple[int, float, str]:
    started = time.monotonic()
    process.send_signal(sig)
    err = await finished(process, loaded(STOP_WITHIN) + 30)
    assert process.returncode is not None
    return process.returncode, time.monotonic() - started, err.decode()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
async def test_bot_py_serves_on_telegram_and_stops_cleanly_on_a_signal(botapi, tmp_path, sig):
    process = await start_bot(botapi, tmp_path / "bot.db", "-v")
    try:
        await botapi.wait_until_polling(timeout=WAIT)
        botapi.push_command("/start")
        reply = await botapi.wait_for_message(1001, timeout=10)
    except BaseException:
        process.kill()
        await process.communicate()
        raise
    assert "Welcome to Briefing" in reply.text
    assert [c["command"] for c in botapi.commands()][:2] == ["brief", "actor"]  # the news first
    code, took, log = await stop(process, sig)
    assert code == 0, log
    assert took < loaded(STOP_WITHIN), log
    # the bot's own stop, as it logs it: not the rest of its 10 s long poll
    assert logged_between(log, f"{sig.name}: stopping", "Briefing stopped") < STOPPED_WITHIN, log
    assert "Briefing stopped" in log
    assert "Traceback" not in log
    # debug logging on, and still the token is nowhere, nor its secret half
    assert botapi.token not in log and botapi.token.split(":")[1] not in log
    assert "***" in log or "getUpdates" in log


async def test_a_token_telegram_refuses_is_one_line_on_stderr_without_the_token(botapi, tmp_path):
    process = await start_bot(botapi, tmp_path / "bot.db", token="999:not-the-bots-token")
    err = await finished(process)
    assert process.returncode == 2
    lines = err.decode().strip().splitlines()
    assert "bot.py: Telegram refused the token in TELEGRAM_BOT_TOKEN" in lines
    assert "Traceback" not in err.decode() and "not-the-bots-token" not in err.decode()


async def test_a_refused_token_ends_with_status_2_every_time_never_an_abort(botapi, tmp_path):
    # the warm-up thread was still importing native code as the interpreter was torn down: about one
    # start in two ended "terminate called without an active exception", status 134 (QA20a F2)
    for attempt in range(5):
        process = await start_bot(botapi, tmp_path / "bot.db", token="999:not-the-bots-token")
        err = await finished(process)
        assert process.returncode == 2, (attempt, err.decode()[-300:])
        assert "terminate called" not in err.decode()


async def test_the_first_start_on_telegram_seeds_an_empty_database(botapi, tmp_path):
    db_path = tmp_path / "bot.db"
    process = await start_bot(botapi, db_path)
    try:
        await botapi.wait_until_polling(timeout=WAIT)  # the first start seeds 16 articles first
        botapi.push_command("/actor Kellogg")
        reply = await botapi.wait_for_message(1001, timeout=20)
        photo = await botapi.wait_for("sendPhoto", chat_id=1001, ok=True, timeout=20)
    finally:
        code, _, log = await stop(process, signal.SIGTERM)
    assert code == 0, log
    assert "Keith Kellogg" in reply.text and photo.files["photo"].data.startswith(b"\x89PNG")
    db = open_db(db_path)
    try:
        assert count_articles(db) == 16
    finally:
        db.conn.close()
