"""The terminal chat: the bot's commands answered in plain text, for use without a Telegram token."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import TextIO

from briefing.render import to_plain
from briefing.service import App
from briefing.service.commands import Asker, answer

log = logging.getLogger(__name__)
CONSOLE = Asker(chat_id=0, user_id=0, chat_type="private")
GREETING = "Briefing in the terminal. Try /brief, /actor Kellogg, /latest, /help. Ctrl-D or /quit leaves."


async def ask(app: App, text: str, asker: Asker = CONSOLE) -> str:
    """One command answered as plain text (what ``bot.py ask`` prints)."""
    reply = await answer(app, text, asker)
    out = to_plain(reply.document)
    if reply.photo:
        out += f"\n\n[chart: {reply.photo_caption or 'picture'} — shown in Telegram]"
    return out


async def chat(
    app: App,
    *,
    read: Callable[[str], str] = input,
    out: TextIO | None = None,
    asker: Asker = CONSOLE,
) -> None:
    """Read commands until end of input and print each answer."""

    def show(text: str) -> None:
        print(text, file=out, flush=True)

    show(GREETING)
    while True:
        try:
            line = await asyncio.to_thread(read, "> ")
        except (EOFError, KeyboardInterrupt):
            show("")
            return
        line = line.strip()
        if not line:
            continue
        if line in ("/quit", "/exit"):
            return
        try:
            show(await ask(app, line, asker))
        except Exception:  # one bad answer must not end the chat
            log.exception("error answering %r", line[:80])
            show("Sorry, something went wrong while answering that. Please try again.")
