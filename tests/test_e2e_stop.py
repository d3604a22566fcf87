"""Stopping ``python bot.py`` with a signal in the awkward moments: while another instance (a webhook left
set) holds the updates (409 Conflict), while an admin's /ingest fetches pages that never answer, and
during the first start's seeding. Each stop takes a second or two, says nothing as a traceback, and
leaves nothing half-done (QA12a F8, F15, F17)."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import sys
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta

import pytest
from aiohttp import web

from briefing.service import App
from briefing.service.seeding import needs_seeding
from config import load_settings
from store import open_db
from store.sources import find_source, upsert_source
from tests.botapi import User
from tests.conftest import ROOT
from tests.test_e2e_process import STOP_WITHIN, WAIT, loaded, start_bot, stop

pytestmark = pytest.mark.e2e


def logged_at(log: str, text: str) -> datetime:
    """When the line holding ``text`` was logged ("2026-11-24 14:17:29,119 INFO ...")."""
    line = next(line for line in log.splitlines() if text in line)
    return datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f")


def unseeded_db(path) -> None:
    """A database that is no longer brand new (it has a source), so the start does not seed it."""
    db = open_db(path)
    upsert_source(db, kind="file", location="/elsewhere/notes.txt", name="notes.txt", now=datetime.now(UTC))
    db.conn.close()


@asynccontextmanager
async def killed_on_failure(process):
    """A wait on the bot process that, failing, kills it: no bot is left running after a failed test."""
    try:
        yield
    except BaseException:
        process.kill()
        await process.communicate()
        raise


async def started(botapi, process) -> None:
    async with killed_on_failure(process):
        await botapi.wait_until_polling(timeout=WAIT)


async def test_a_stop_while_a_webhook_holds_the_updates_is_prompt_and_one_line(botapi, tmp_path):
    unseeded_db(tmp_path / "bot.db")
    process = await start_bot(botapi, tmp_path / "bot.db")
    await started(botapi, process)
    botapi.set_webhook("http://127.0.0.1:9/hook")  # what a second instance in webhook mode leaves
    async with killed_on_failure(process):
        # python-telegram-bot waits 1, 1.5, 2.25 s... between the 409s: after the third, 2.25 s
        await botapi.wait_for_requests(3, "getUpdates", ok=False, since=0, timeout=30)
    code, took, log = await stop(process, signal.SIGTERM)
    assert code == 0, log
    assert took < loaded(STOP_WITHIN), log  # the whole process; the bot's own stop is bounded below
    # from the signal to the end, as the bot logs it (a loaded machine's interpreter exit left out): not
    # the rest of python-telegram-bot's pause between two polls, 2.25 s by now
    assert logged_at(log, "Briefing stopped") - logged_at(log, "SIGTERM: stopping") < timedelta(
        seconds=1.5
    ), log
    assert "Traceback" not in log and "Briefing stopped" in log
    assert "another instance of this bot is receiving its updates" in log


STORY = "Harbour officials in Gdynia are weighing a ban on cruise ships at the old quay after residents…"


async def test_a_stop_cuts_a_slow_ingest_short_and_the_feed_is_not_added(botapi, tmp_path, site):
    items = "".join(
        f"<item><title>Gdynia harbour story {k}</title><link>{site.url(f'/slow/{k}')}</link>"
        f"<description>{STORY}</description></item>"
        for k in range(3)
    )
    rss = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Slow Times</title>{items}</channel></rss>'
    site.add_bytes("/slow.xml", rss.encode(), "application/rss+xml")
    asked, released = asyncio.Event(), asyncio.Event()

    async def tarpit(request: web.Request) -> web.Response:
        asked.set()
        # a page that never comes while the bot runs; released at the end, so the site's shutdown does
        # not wait a minute for it
        await asyncio.wait_for(released.wait(), timeout=60)
        return web.Response(text="late")

    for k in range(3):
        site.add(f"/slow/{k}", tarpit)
    db_path = tmp_path / "bot.db"
    unseeded_db(db_path)
    process = await start_bot(botapi, db_path)
    await started(botapi, process)
    botapi.push_command(f"/ingest {site.url('/slow.xml')}", user=User(42, "Ada"))
    async with killed_on_failure(process):
        await asyncio.wait_for(asked.wait(), timeout=30)
    code, took, log = await stop(process, signal.SIGTERM)
    assert code == 0, log
    assert took < loaded(STOP_WITHIN), log  # the whole process; the bot's own stop is bounded below
    assert logged_at(log, "Briefing stopped") - logged_at(log, "SIGTERM: stopping") < timedelta(
        seconds=2.5
    ), log
    assert "Traceback" not in log
    reply = botapi.sent_messages(42)[-1]
    assert reply.text.startswith("The bot is stopping, so this was left unfinished")
    db = open_db(db_path)
    try:
        feed = find_source(db, site.url("/slow.xml"))
        assert feed is None or not feed.poll  # not added to the feeds read on a schedule
    finally:
        db.conn.close()
        released.set()


# ``python bot.py`` whose first seeding holds, once the first seed file is stored in its transaction,
# until a signal comes: the real seeding is over in under a second, so a signal sent on its log line
# could come after it on a loaded machine. The hold is the test's own; the bot runs unchanged.
HELD_SEEDING = """
import sys, time
import bot
import briefing.service.seeding as seeding
ingest = seeding.ingest_files
def held(app, paths, **options):
    report = ingest(app, list(paths)[:1], **options)
    print(f"seeding held: {report.new} articles stored", file=sys.stderr, flush=True)
    while True:
        time.sleep(0.05)
seeding.ingest_files = held
sys.argv[0] = "bot.py"
sys.exit(bot.main())
"""


async def test_a_signal_during_the_first_seeding_leaves_the_database_to_be_seeded(tmp_path):
    db_path = tmp_path / "bot.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BRIEFING_"))}
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        HELD_SEEDING,  # the first start: a terminal chat, whose input ends at once, once seeded
        "--db",
        str(db_path),
        cwd=ROOT,
        env={**env, "PYTHONWARNINGS": "error"},
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    assert process.stderr is not None
    seen: list[str] = []
    async with killed_on_failure(process):
        while not any("seeding held" in line for line in seen):
            line = await asyncio.wait_for(process.stderr.readline(), timeout=60)
            assert line, seen
            seen.append(line.decode())
    assert any("seeding the new database" in line for line in seen), seen
    held = re.search(r"seeding held: (\d+) articles stored", "".join(seen))
    assert held is not None and int(held[1]) > 0, seen  # the signal comes with articles written
    code, _, log = await stop(process, signal.SIGTERM)
    assert code == 0, log
    assert "bot.py: SIGTERM: stopped during the first start's seeding; the next start seeds again" in log
    assert "Traceback" not in log
    app = App(open_db(db_path), load_settings({"BRIEFING_DB": str(db_path)}))
    try:
        assert needs_seeding(app)  # rolled back: the next start seeds it
    finally:
        app.db.conn.close()
