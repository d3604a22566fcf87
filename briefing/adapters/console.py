"""The terminal chat: the bot's commands answered in plain text, for use without a Telegram token.

Answers come from the same ``answer()`` as on Telegram. What Telegram shows as inline buttons is printed
as hints (``[3 stories: /settings length 3]``: type the command to press it); a long reply is shown a
page at a time, and ``/more`` turns the page, as the "More" button does on Telegram.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TextIO

from briefing.ages import retold
from briefing.document import Document, Section, bold, item, para
from briefing.paging import split_pages
from briefing.plaintext import read_plain
from briefing.render import to_plain
from briefing.service import App
from briefing.service.commands import TERMINAL_CHAT_ID, Asker, Reply, answer, parse
from store.db import cannot_write, is_busy

log = logging.getLogger(__name__)
CONSOLE = Asker(chat_id=TERMINAL_CHAT_ID, user_id=0, chat_type="private")
GREETING = (
    "Briefing in the terminal. Try /brief, /actor Kellogg, /latest, /help; /more shows the next page of a "
    "long answer. Ctrl-D, /quit or exit leaves."
)
QUIT = ("quit", "exit")
# what only the terminal chat understands: /help and /start there list these too, however asked for
# ("help", "hello")
TERMINAL_COMMANDS = Section(
    (
        para("In the terminal also:"),
        item(bold("/more"), " — the next page of a long answer"),
        item(bold("/quit"), " — leave the chat (so do Ctrl-D, /exit, and quit or exit typed alone)"),
    )
)
LISTING = ("help", "start")  # the commands whose answer lists the commands
CANNOT_WRITE = "Nothing changed: that needs to write to the database, which cannot be written"
LOCKED = (
    "Nothing changed: another process is writing to the database (another bot.py, an ingest, a backup?);"
    " try again when it is done"
)


def database_refusal(exc: BaseException) -> str | None:
    """The reply to a command the database could not take: it cannot be written (a read-only file, a
    full disk), or another process kept it locked past the wait. None for any other error: a damaged
    file (which fails reads too, said as such by the caller) or a bug, said with its traceback."""
    damaged = str(getattr(exc, "sqlite_errorname", "")).startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))
    if cannot_write(exc) and not damaged:
        return f"{CANNOT_WRITE} ({exc})."
    if is_busy(exc):
        return f"{LOCKED}."
    return None


def _named(line: str) -> str:
    """What a line asked for, for the log: its command's name, never its words (a name, a search)."""
    name = parse(line)[0]
    return f"/{name}" if name else "a search or plain text"


def _read_as(line: str) -> str | None:
    """The command a line is answered by when it names one: its own ("/help"), or the one plain text
    is read as ("help", "hello": /start's welcome); None for a search."""
    name, args = parse(line)
    if name is not None:
        return name
    meant = read_plain(args)
    if meant.meaning == "greeting":
        return "start"
    return meant.command if meant.meaning == "command" else None


def _hints(reply: Reply) -> list[str]:
    return ["  ".join(f"[{b.label}: {b.payload}]" for b in row) for row in reply.buttons if row]


def _extras(reply: Reply) -> list[str]:
    lines = _hints(reply)
    if reply.photo:
        lines.append(f"[chart: {reply.photo_caption or 'picture'} — shown in Telegram]")
    return lines


def format_reply(reply: Reply) -> str:
    """The whole reply as plain text, with its buttons as hints."""
    return "\n\n".join([to_plain(reply.document), *_extras(reply)])


async def ask(app: App, text: str, asker: Asker = CONSOLE) -> str:
    """One command answered as plain text (what ``bot.py ask`` prints): the whole reply, every page."""
    return format_reply(await answer(app, text, asker))


@dataclass
class Session:
    """A terminal conversation: the pages of the last long reply not shown yet."""

    app: App
    asker: Asker = CONSOLE
    waiting: list[Document] = field(default_factory=list)
    shown: int = 0
    answered: bool = False

    def _nothing_more(self) -> str:
        if not self.answered:
            return "Nothing more to show: ask something first."
        if self.shown:
            return f"Nothing more to show: that was the last page ({self.shown} of {self.shown})."
        return "Nothing more to show: the last answer had only one page."

    def _page(self) -> str:
        page = self.waiting.pop(0)
        self.shown += 1
        total = self.shown + len(self.waiting)
        hint = (
            f"[more: /more — page {self.shown + 1} of {total}]"
            if self.waiting
            else f"[page {total} of {total}]"
        )
        return "\n\n".join([to_plain(retold(page, self.app.now())), hint])

    async def respond(self, line: str) -> str:
        """The answer to one line typed in the terminal."""
        name, _ = parse(line)
        if name == "more" or line.strip().lower() == "more":  # the terminal's own word, slash or not
            return self._page() if self.waiting else self._nothing_more()
        reply = await answer(self.app, line, self.asker)
        if _read_as(line) in LISTING:
            reply = replace(
                reply,
                document=replace(reply.document, sections=(*reply.document.sections, TERMINAL_COMMANDS)),
            )
        self.waiting, self.shown, self.answered = [], 0, True
        per_page = reply.per_page or self.app.settings.brief_page_size
        pages = split_pages(reply.document, per_page) if reply.paged else []
        if len(pages) < 2:
            return format_reply(reply)
        self.waiting = pages
        return "\n\n".join([self._page(), *_extras(reply)])


def chat(
    app: App,
    *,
    read: Callable[[str], str] = input,
    out: TextIO | None = None,
    asker: Asker = CONSOLE,
) -> None:
    """Read commands until end of input (or Ctrl-C at the prompt) and print each answer.

    Lines are read in the main thread and each answer is run on one event loop kept for the chat: a
    line read in a worker thread would keep the process waiting for one more Enter after Ctrl-C. Ctrl-C
    during an answer abandons that answer only."""

    def show(text: str) -> None:
        print(text, file=out, flush=True)

    async def tell(document: Document) -> None:  # a word before a long answer ("Reading ... ")
        show(to_plain(document))

    session = Session(app, asker if asker.tell is not None else replace(asker, tell=tell))
    try:  # Ctrl-C anywhere but in an answer (at the prompt above all) leaves the chat, as Ctrl-D does
        show(GREETING)
        with asyncio.Runner() as runner:
            while True:
                try:
                    line = read("> ").strip()
                except EOFError:
                    show("")
                    return
                if not line:
                    continue
                if parse(line)[0] in QUIT or line.lower().rstrip(".!") in QUIT:  # "/quit now", "quit"
                    return
                try:
                    show(runner.run(session.respond(line)))
                except KeyboardInterrupt:
                    show("(stopped)")
                except Exception as exc:  # one bad answer must not end the chat
                    if (refusal := database_refusal(exc)) is not None:  # no traceback each time
                        show(refusal)
                        continue
                    if cannot_write(exc):  # a damaged file: one line each time, as before
                        show(f"{CANNOT_WRITE} ({exc}).")
                        continue
                    log.exception("error answering %s", _named(line))  # never what the user typed
                    show("Sorry, something went wrong while answering that. Please try again.")
    except KeyboardInterrupt:
        show("")
