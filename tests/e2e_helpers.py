"""Running the real bot (the Application as ``build_application`` builds it) against the loopback Bot
API server, the way ``run_polling`` runs it, inside the test's event loop."""

from __future__ import annotations

import asyncio
import datetime as dtm
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from telegram.ext import Application

from briefing.adapters.telegram import build_application, serve
from briefing.service import App
from config import load_settings
from store import open_db
from tests.botapi import BotApiServer, Chat, StoredMessage, User

ADMIN = 42
# A chat's pace in these tests (``telegram.chat_window_seconds``): the same 3 messages at once, then one
# every 0.1 s, not every second; a test of five commands in a chat waited 3 s for its last answers. The
# tests of the pace itself (test_e2e_reply_pacing) take Telegram's, ``CHAT_WINDOW``.
CHAT_WINDOW = 0.3


def bot_settings(server: BotApiServer, db_path: Path, *, chat_window: float = CHAT_WINDOW, **extra: str):
    env = {
        "BRIEFING_DB": str(db_path),
        "BRIEFING_ADMINS": str(ADMIN),
        "TELEGRAM_BOT_TOKEN": server.token,
        "TELEGRAM_API_BASE_URL": server.base_url,
        **extra,
    }
    return replace(load_settings(env), chat_window=chat_window)


@asynccontextmanager
async def running(app: App) -> AsyncIterator[Application]:
    """Run the application as ``run_telegram`` does (``serve``) until the block ends."""
    application = build_application(app)
    if application.job_queue is not None:  # scheduled digests are tested on their own, not here
        for job in application.job_queue.jobs():
            job.schedule_removal()
    stop = asyncio.Event()
    task = asyncio.create_task(serve(application, app.settings, stop, poll_timeout=dtm.timedelta(seconds=1)))
    try:
        while not application.running:  # serve() started the poll, then the application
            if task.done():
                task.result()
            await asyncio.sleep(0.005)
        yield application
    finally:
        stop.set()
        await task


@dataclass
class Harness:
    """The server (to push updates and look at requests) and the bot's App (to look at the store)."""

    server: BotApiServer
    app: App
    application: Application

    async def ask(
        self,
        text: str,
        *,
        user: User | None = None,
        chat: Chat | int | None = None,
        wait_text: str | None = None,
    ) -> StoredMessage:
        """Send a command or text as a user and return the bot's (first) answer."""
        if text.startswith("/"):
            update = self.server.push_command(text, user=user, chat=chat)
        else:
            update = self.server.push_message(text, user=user, chat=chat)
        chat_id = update["message"]["chat"]["id"]
        return await self.server.wait_for_message(chat_id, text=wait_text)


@asynccontextmanager
async def harness(
    server: BotApiServer, db_path: Path, clock=None, *, chat_window: float = CHAT_WINDOW, **env: str
) -> AsyncIterator[Harness]:
    settings = bot_settings(server, db_path, chat_window=chat_window, **env)
    app = (
        App(db=open_db(db_path), settings=settings)
        if clock is None
        else App(open_db(db_path), settings, clock)
    )
    try:
        async with running(app) as application:
            await server.wait_until_polling()
            yield Harness(server, app, application)
    finally:
        app.db.conn.close()
