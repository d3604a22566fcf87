"""End to end: what the long poll does when the Bot API server answers getUpdates with 401 or 404 while
the bot runs (QA13b F10): python-telegram-bot ends its poll for good on both, and the bot was left
alive and deaf."""

from __future__ import annotations

import asyncio
import logging

import pytest

from tests.botapi import Fault
from tests.e2e_helpers import harness
from tests.test_e2e_process import start_bot
from tests.test_e2e_stop import killed_on_failure, unseeded_db

pytestmark = pytest.mark.e2e


async def test_a_401_on_get_updates_stops_bot_py_with_one_line_and_status_2(botapi, tmp_path):
    unseeded_db(tmp_path / "bot.db")
    process = await start_bot(botapi, tmp_path / "bot.db")
    async with killed_on_failure(process):
        await botapi.wait_until_polling(timeout=60)
        botapi.inject(Fault(401, "Unauthorized"), "getUpdates")
        botapi.push_command("/start")  # the waiting poll returns it; the next one gets the 401
        _, err = await asyncio.wait_for(process.communicate(), timeout=30)
    log = err.decode()
    assert process.returncode == 2, log
    assert log.strip().splitlines()[-1] == "bot.py: Telegram refused the token in TELEGRAM_BOT_TOKEN"
    assert "Traceback" not in log
    assert "Telegram refused the token while polling" in log


async def test_a_404_on_get_updates_is_polled_again_after_a_pause(botapi, tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    async with harness(botapi, tmp_path / "bot.db") as bot:
        bot.server.inject(Fault(404, "Not Found"), "getUpdates")
        await bot.server.wait_for("getUpdates", ok=False)
        reply = await bot.ask("/help")
        assert "/subscribe" in reply.text
        assert bot.application.running
    said = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert any("answered getUpdates with Not Found" in m and "polling again" in m for m in said)
    assert not any("Invalid token" in m for m in said)
