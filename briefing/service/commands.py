"""Answering a chat command, the same way for Telegram, the terminal chat and ``bot.py ask``.

A command module registers its handlers with ``@command``; :func:`answer` parses a message and calls
the handler. Handlers return a :class:`Reply` (a document, and optionally a picture); adapters render it.
Expected user mistakes become a usage reply here; anything else propagates to the adapter's error handler.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field, replace

from briefing.briefs import shorten
from briefing.charsets import SURROGATES, visible
from briefing.document import Block, Document, Inline, bold, code, italic, item, message, para, tip
from briefing.plaintext import ENGLISH_POINTERS, Plain, read_plain
from briefing.service import App
from store.search import search_articles
from store.subscribers import chat_alerts, follows_of, get_subscriber, mark_reachable

MAX_QUERY_CHARS = 4096
# The terminal chat's (and ``bot.py ask``'s) chat id. Telegram gives no chat the id 0, so the Telegram
# bot never sends there: a digest the terminal chat subscribed to is for `bot.py digest --chat 0`.
TERMINAL_CHAT_ID = 0


@dataclass(frozen=True)
class Asker:
    """Who sent the command."""

    chat_id: int
    user_id: int
    chat_type: str = "private"
    # may change the chat's digest and follows: in a private chat its user; in a group its administrators,
    # as the adapter found out from Telegram (see ``changes_chat``)
    manages: bool = True
    # sends a word to the chat before a long answer (an admin's /ingest: "Reading ..."); None where the
    # answer is all that is shown (``bot.py ask``)
    tell: Callable[[Document], Awaitable[None]] | None = field(default=None, compare=False, repr=False)
    # the command is a button's, pressed (its message may be old: a "Subscribe at 08:00 UTC" shown before
    # the chat subscribed at 19:00 Berlin must not undo that choice)
    by_button: bool = False

    @property
    def private(self) -> bool:
        """A chat with one person (or the terminal), where plain text is a search."""
        return self.chat_type == "private"

    @property
    def in_terminal(self) -> bool:
        """The terminal chat or ``bot.py ask``: no scheduled jobs (feed polls, alerts, digests) run there."""
        return self.chat_id == TERMINAL_CHAT_ID


@dataclass(frozen=True)
class Button:
    """An inline button: pressing it sends ``payload`` (a chat command, e.g. ``/settings length 3``) as
    the person who pressed it. Telegram shows it under the reply; the terminal chat prints it as a hint."""

    label: str
    payload: str


@dataclass(frozen=True)
class Reply:
    """A reply: a document, paged in Telegram when ``paged``, optionally with a PNG picture and rows of
    buttons (``buttons[row][column]``).

    ``photo`` is PNG bytes, or a function that draws them: drawing a chart costs more than composing
    the text, so adapters send the text first and draw the picture afterwards, off the event loop.
    ``refused`` says why the message was not done as a command (not one, unknown, not the asker's to
    use), for ``bot.py ask``'s exit status; "" when it was answered, even with "nothing found"."""

    document: Document
    photo: bytes | Callable[[], bytes] | None = None
    photo_caption: str = ""
    paged: bool = False
    buttons: tuple[tuple[Button, ...], ...] = ()
    refused: str = ""
    # sections a page holds, for a list of short entries (articles); None: the bot's ``brief.page_size``
    per_page: int | None = None

    def photo_bytes(self) -> bytes | None:
        """The picture as PNG bytes, drawn now if it is drawn on demand."""
        return self.photo() if callable(self.photo) else self.photo


Handler = Callable[[App, str, Asker], Awaitable[Reply]]


@dataclass(frozen=True)
class Command:
    name: str
    usage: str
    description: str
    handler: Handler
    admin: bool = False
    # what in a group only its administrators may do: "always" (/subscribe), "with words" (/settings
    # shows the settings alone, changes them with words); "" for anyone. "bot": it changes the bot's
    # feeds or archive with words (an admin's /ingest URL), not the chat, so any of its members may
    changes: str = ""
    # takes several names, the command typed again on the line adding one ("/follow Trump /follow Putin"):
    # a repeat of it is its words, where another command on the line is a command of its own
    lists: bool = False

    def changes_with(self, args: str) -> bool:
        return self.changes == "always" or (self.changes == "with words" and bool(args.strip()))

    def acts_with(self, args: str) -> bool:
        """Whether it changes something, the chat's or the bot's (its answer then confirms a change)."""
        return self.changes_with(args) or (self.changes == "bot" and bool(args.strip()))


COMMANDS: dict[str, Command] = {}


def command(
    name: str, usage: str, description: str, *, admin: bool = False, changes: str = "", lists: bool = False
) -> Callable[[Handler], Handler]:
    """Register a handler for ``/name``; ``usage`` is shown in /help (e.g. ``/actor NAME``). ``changes``:
    whether it changes the chat's digest or follows; ``lists``: whether it takes several names (see
    :class:`Command`)."""

    def register(handler: Handler) -> Handler:
        COMMANDS[name] = Command(name, usage, description, handler, admin, changes, lists)
        return handler

    return register


def changes_chat(text: str) -> bool:
    """Whether a message is a command that changes the chat's digest or follows: in a group the adapter
    then asks Telegram whether its sender is one of the group's administrators."""
    return what_changes(text) == "chat"


def what_changes(text: str) -> str:
    """What a message's command may change: "chat" (its digest, follows or alert settings), "bot" (the
    bot's feeds and archive: an admin's /ingest URL), or "" (nothing: a question). The answer to one that
    did change something confirms it, and an edit of the message must not take that answer away."""
    name, args = parse(_first_command(text)[0])
    cmd = COMMANDS.get(name) if name is not None else None
    if cmd is None or not cmd.acts_with(args):
        return ""
    return "bot" if cmd.changes == "bot" else "chat"


# the commands that set up a chat's digest or alerts: in a forum, the topic one is sent in is where they go
TOPIC_SETTERS = frozenset({"subscribe", "settings", "follow"})


def sets_delivery_topic(text: str) -> bool:
    """Whether a message's command sets where the chat's digest and alerts go (in a forum supergroup:
    the topic it is sent in), as the latest /subscribe, /settings or /follow there."""
    name, _ = parse(_first_command(text)[0])
    return name in TOPIC_SETTERS


def chat_settings(app: App, chat_id: int) -> tuple[object, ...]:
    """What a chat has set (its follows, its digest's time, zone, length and state, its alerts' zone and
    quiet hours), to compare before and after a command: "/unfollow X" of what it does not follow, or a
    /subscribe to what it has, changed nothing."""
    sub = get_subscriber(app.db, chat_id)
    digest = None if sub is None else (sub.timezone, sub.digest_time, sub.length, sub.active)
    follows = tuple((f.kind, f.value) for f in follows_of(app.db, chat_id))
    return follows, digest, chat_alerts(app.db, chat_id)


def _group_refusal(name: str) -> Reply:
    return Reply(
        message(
            f"Sorry, in a group only its administrators can use /{name} to change the group's digest or what"
            " it follows. Ask one of them, or use it with me in a private chat for a digest of your own."
        ),
        refused=f"/{name} is only for a group's administrators",
    )


def _in_private(name: str) -> Reply:
    """An admin command in a group: its answer (subscriber and delivery counts, feed addresses, an
    ingest's report) is the bot's own business, not for every member of the group to read."""
    return Reply(
        message(
            para("I answer ", code(f"/{name}"), " in a private chat with me only: what it shows is not for"
                 " the whole group. Send it to me there."),
        ),
        refused=f"/{name} is answered in a private chat only",
    )  # fmt: skip


def _admin_refusal(name: str, asker: Asker) -> Reply:
    """A polite refusal; in the terminal chat (or ``bot.py ask``), where whoever types runs the bot, also
    how to be an administrator there. On Telegram the bot's settings are none of a stranger's business."""
    why = f"/{name} is only for the bot's administrators"
    refusal = para(f"Sorry, {why}.")
    if not asker.in_terminal:
        return Reply(message(refusal), refused=why)
    hint = para(
        f"In the terminal chat your user id is {asker.user_id}: start the bot with ",
        code(f"BRIEFING_ADMINS={asker.user_id}"),
        " to use the admin commands here.",
    )
    return Reply(message(refusal, hint), refused=f"{why} (BRIEFING_ADMINS={asker.user_id} allows them here)")


_WORDY = re.compile(r"[^\W_]")
_COMMAND_RE = re.compile(r"^/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]+))?(?:\s+|$)(.*)$", re.S)


# Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): echoed in a reply they
# would flip the text after them ("results for ‮txt.exe"); no query needs them. Nor does any query need
# the C0 and C1 control characters other than tab and newline (U+0000-U+001F, U+007F-U+009F): echoed back
# they show as boxes or nothing, or break the terminal chat's output. Those that separate words (carriage
# return, form feed, U+001C-U+001F, U+0085) become a space, so the words on either side stay apart.
# Invisible marks a copied command brings along (zero-width space, word joiner, byte order mark, the
# left-to-right and right-to-left marks) are dropped too: "\u200b/brief" is /brief. Lone surrogates (bytes
# that were not UTF-8: a Latin-1 terminal, an argument, a file name) become U+FFFD, as UTF-8 cannot hold them.
_CONTROLS: dict[int, str | None] = {
    **{
        c: (" " if chr(c).isspace() else None)
        for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), *range(0x00, 0x20), *range(0x7F, 0xA0))
        if chr(c) not in "\t\n"
    },
    **dict.fromkeys((0x200B, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x061C)),
    **SURROGATES,
}


def _cleaned(text: str) -> str:
    """The text as commands are read: bidirectional and other control characters (all but tab and
    newline) dropped, a full-width command's word made ASCII."""
    text = text.translate(_CONTROLS).strip()
    if text.startswith("\uff0f"):  # a full-width command, as CJK keyboards type it: "／brief", "／ＢＲＩＥＦ"
        word, space, rest = text.partition(" ")
        text = unicodedata.normalize("NFKC", word) + space + rest
    return text


def parse(text: str) -> tuple[str | None, str]:
    """Split ``/cmd@bot args`` into ``("cmd", "args")``; plain text gives ``(None, text)``. Bidirectional
    and other control characters (all but tab and newline) are dropped first; arguments that show
    nothing (zero-width joiners alone) are none."""
    text = _cleaned(text)
    match = _COMMAND_RE.match(text)
    if not match:
        return None, text
    args = match.group(3).strip()
    return match.group(1).lower(), args if visible(args) else ""


def addressee(text: str) -> str | None:
    """The bot a command names (``/brief@SomeBot`` gives ``SomeBot``); None for a command naming none,
    and for text that is no command."""
    match = _COMMAND_RE.match(_cleaned(text))
    return match.group(2) if match else None


def is_admin(app: App, asker: Asker) -> bool:
    return asker.user_id in app.settings.admins


async def answer(app: App, text: str, asker: Asker, *, pressed: bool = False) -> Reply:
    """The reply to one message, or to a button ``pressed`` (its command the bot wrote: never read for
    a mistyped command inside, such as an old topic's "Trump /folow Putin"). A chat that writes is
    reachable again (it had blocked the bot, say), so its follows' alerts resume; a stopped digest stays
    stopped until /subscribe."""
    back = mark_reachable(app.db, asker.chat_id)
    asker = replace(asker, by_button=True) if pressed else asker
    text, later = _first_command(text, mistyped=not pressed, admin=is_admin(app, asker))
    reply = await _answer_one(app, text, asker)
    stopped = stopped_note(app, asker.chat_id) if back else None
    notes = [stopped] if stopped is not None else []
    if later:
        more = f" (and {len(later) - MAX_LATER} more)" if len(later) > MAX_LATER else ""
        again = "" if any(typo for _, typo in later) else " again"  # a mistyped one was never sent right
        each = f"{again} on its own." if len(later) == 1 else f"{more}{again}, each on its own."
        notes.append(
            para(italic("One command a message: I did only the first; send "), *_named(later), italic(each))
        )
    return with_note(reply, *notes)


def with_note(reply: Reply, *notes: Block) -> Reply:
    """The reply with notes on what was read otherwise than typed or not done, under it (and on every
    page of a paged reply, where the user sees them whichever page they read; a tip, which only
    suggests, on the first page alone: ``briefing.document.tip``)."""
    if not notes:
        return reply
    return replace(reply, document=replace(reply.document, notes=(*reply.document.notes, *notes)))


def _named(later: Sequence[tuple[str, str]]) -> list[Inline]:
    """The first ``MAX_LATER`` command lines, as code, listed with commas and "and"; a mistyped one as
    read, with the name typed ("/follow Putin (not /folow)")."""
    return joined(
        [[code(shorten(line, 60)), *([f" (not {typo})"] if typo else [])] for line, typo in later[:MAX_LATER]]
    )


def and_list(spans: Sequence[Inline], last: str = " and ") -> list[Inline]:
    """Spans listed with commas and a last "and" ("a, b and c")."""
    return joined([[span] for span in spans], last)


def joined(items: Sequence[Sequence[Inline]], last: str = " and ") -> list[Inline]:
    """Items of one or more spans each, listed with commas and a last "and"."""
    listed: list[Inline] = []
    for n, item_spans in enumerate(items):
        if n:
            listed.append(last if n == len(items) - 1 else ", ")
        listed += item_spans
    return listed


def or_list(spans: Sequence[Inline]) -> list[Inline]:
    """Spans listed with commas and a last "or" ("a, b or c")."""
    return and_list(spans, " or ")


CLOSE_COMMAND = 0.75  # difflib's ratio from a mistyped name to a command's: "folow", "lastest", "brif"


def meant_commands(name: str, *, admin: bool = True) -> list[str]:
    """The commands a mistyped name is close to ("folow" -> follow, unfollow), at most two, the closest
    first; none for a name of fewer than four letters or one with other characters, which is too short
    or too unlike a command's name to be read as one. Admin commands are offered only to admins."""
    if len(name) < 4 or not name.isalpha():
        return []
    names = [c.name for c in COMMANDS.values() if admin or not c.admin]
    return difflib.get_close_matches(name, names, n=2, cutoff=CLOSE_COMMAND)


# names people try on a news bot for what one of its commands does, by their habit from other bots
# ("/stop" stops a bot's messages, "/news" and "/top" ask for the news, "/find" searches): the command
# meant, or the two it may be ("/digest": the stories now, or a daily digest)
OTHER_NAMES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys("stop cancel unsub end pause mute optout leave".split(), ("unsubscribe",)),
    **dict.fromkeys("sub signup join daily".split(), ("subscribe",)),
    **dict.fromkeys("news top headlines today stories summary briefing".split(), ("brief",)),
    **dict.fromkeys("digest".split(), ("brief", "subscribe")),
    **dict.fromkeys("new newest recent last".split(), ("latest",)),
    **dict.fromkeys("find lookup look query s".split(), ("search",)),
    **dict.fromkeys("who whois person profile dossier".split(), ("actor",)),
    **dict.fromkeys("track watch add alert alerts".split(), ("follow",)),
    **dict.fromkeys("untrack unwatch remove".split(), ("unfollow",)),
    **dict.fromkeys("list follows watchlist subscriptions tracked".split(), ("following",)),
    **dict.fromkeys("config preferences prefs options setup timezone tz time quiet".split(), ("settings",)),
    **dict.fromkeys("commands about info menu".split(), ("help",)),
    **dict.fromkeys("outlets".split(), ("sources",)),
}


def _bare_ok(usage: str) -> bool:
    """Whether a command's usage needs no words ("/brief [topic]" does not, "/search WORDS" does)."""
    return len(re.sub(r"\[[^\]]*\]", "", usage).split()) == 1


def _other_name(name: str, args: str) -> Reply:
    """A command asked for by another bot's name for it ("/stop"): the command to send, with the words
    typed, and not done: "/stop" must not unsubscribe a chat that meant something else by it. A button
    sends a command that needs no words."""
    sends = [f"/{m} {args}".strip() for m in OTHER_NAMES[name]]
    lines = [
        item(code(shorten(s, 60)), f" — {COMMANDS[m].description}")
        for s, m in zip(sends, OTHER_NAMES[name], strict=True)
    ]
    buttons = tuple(
        Button(s, s)
        for s, m in zip(sends, OTHER_NAMES[name], strict=True)
        if s == f"/{m}" and _bare_ok(COMMANDS[m].usage)
    )
    return Reply(
        message(
            para("I don't know the command ", code(f"/{name}"), ". Did you mean:"),
            *lines,
        ),
        buttons=(buttons,) if buttons else (),
        refused=f"unknown command /{name}",
    )


# an example's last word ends before this punctuation ("e.g. /settings length 5."), or the example stops
# before one of these words ("send /settings tz UTC+10 for ...")
_EXAMPLE_END = ".,;:!?)”"
_AFTER_EXAMPLE = frozenset("or and for to then — (".split())


def coded(text: str) -> list[Inline]:
    """A message written as text, with each example of a command in it ("e.g. /subscribe 7pm") as code:
    a tap on code copies it, where Telegram would send a bare "/subscribe" for a tap on the plain text
    (and subscribe a new user at 08:00 UTC)."""
    spans: list[Inline] = []
    words = re.split(r"(\s+)", text)
    plain, k = "", 0
    while k < len(words):
        word = words[k]
        if not (word.startswith("/") and word[1:].rstrip(_EXAMPLE_END).lower() in COMMANDS):
            plain, k = plain + word, k + 1
            continue
        example, k = [word], k + 1
        while not example[-1].endswith(tuple(_EXAMPLE_END)) and k + 1 < len(words):
            if words[k + 1] in _AFTER_EXAMPLE or not words[k + 1]:
                break
            example += [words[k], words[k + 1]]
            k += 2
        sent = "".join(example)
        bare = sent.rstrip(_EXAMPLE_END)
        spans += [plain, code(bare)] if plain else [code(bare)]
        plain = sent[len(bare) :]
    return [*spans, plain] if plain else spans


def stopped_note(app: App, chat_id: int) -> Block | None:
    """For a chat the bot could not reach (blocked, removed) that is back: its digest was stopped then,
    and stays stopped until /subscribe; None when it has no stopped digest."""
    sub = get_subscriber(app.db, chat_id)
    if sub is None or sub.active:
        return None
    return para(italic("Welcome back. Your daily digest stopped while I could not reach you; "),
                code("/subscribe"), italic(" resumes it."))  # fmt: skip


async def _answer_one(app: App, text: str, asker: Asker) -> Reply:
    name, args = parse(text)
    if len(args) > MAX_QUERY_CHARS:
        return Reply(
            message(f"That is {len(args):,} characters; please ask in fewer than {MAX_QUERY_CHARS:,}."),
            refused=f"{len(args):,} characters: too long (fewer than {MAX_QUERY_CHARS:,}, please)",
        )
    if name is None:
        if not args:
            return Reply(
                message("Send a command, or some words to search for. /help lists the commands."),
                refused="no command and no words",
            )
        if args.startswith("/") and not _WORDY.search(args):  # "/" alone, "/?": a command begun, not words
            return Reply(
                message(para("A command is / and its name, such as ", code("/brief"), "; ", code("/help"),
                             " lists them all.")),
                refused=f"{shorten(args, 40)} is no command's name",
            )  # fmt: skip
        return await _plain(app, args, asker)
    cmd = COMMANDS.get(name)
    if cmd is None and name in OTHER_NAMES:
        return _other_name(name, args)
    if cmd is None:
        meant = meant_commands(name, admin=is_admin(app, asker) and asker.private)
        return Reply(
            message(
                para(
                    "I don't know the command ",
                    code(f"/{name}"),
                    ".",
                    *([" Did you mean ", *or_list([code(f"/{m}") for m in meant]), "?"] if meant else []),
                ),
                para("Here is what I can do:"),
                *_command_lines(app, asker),
            ),
            refused=f"unknown command /{name}",
        )
    if cmd.admin and not is_admin(app, asker):
        return _admin_refusal(name, asker)
    if cmd.admin and not asker.private:
        return _in_private(name)
    if not asker.manages and cmd.changes_with(args):
        return _group_refusal(name)
    reply = await cmd.handler(app, args, asker)
    return reply


# commands asked for in words whose words may be a search's as well ("follow the money")
_WORDS_TOO = frozenset({"follow", "unfollow"})


async def _plain(app: App, text: str, asker: Asker) -> Reply:
    """Plain text in a private chat: a greeting gets the welcome (/start), a command's name the command,
    words a search (a question's lead-in dropped); what was read otherwise than typed is said under the
    reply."""
    meant = read_plain(text)
    if meant.meaning == "greeting":  # the welcome, and how it was read, as for any other reading
        meant = Plain("command", "", "start", read=True)
    if meant.meaning == "thanks":
        return Reply(message(para("You're welcome. ", code("/brief"), " shows the top stories at any time.")))
    hinted: Block | None = None
    if meant.meaning == "hint" and meant.args:  # asked in words: the command that does it, not done
        send = shorten(meant.args, 80)
        hint = para("Commands begin with a slash: to do that, send ", code(send), ".")
        searched = read_plain(text, requests=False)
        if searched.meaning == "search" and searched.args and search_articles(app.db, searched.args, limit=1):
            # a hint never replaces a search that finds articles: the words may be a headline's; under
            # the articles it is a tip, on the first page alone
            meant, hinted = searched, replace(hint, kind="tip")
        else:
            lines = [hint]
            if meant.command in _WORDS_TOO:  # "follow Trump": maybe words to look for
                search = code(shorten(f"/search {text}", 80))
                lines.append(para("To search for these words, send ", search, "."))
            bare = meant.args == f"/{meant.command}"
            return Reply(message(*lines), buttons=((Button(send, send),),) if bare else ())
    if (
        meant.meaning == "hint"
        and len(text.split()) == 1
        and text.strip(" !.?,¿¡").lower() not in ENGLISH_POINTERS
        and search_articles(app.db, text, limit=1)
    ):
        # one word of another language ("baja", "abo", "parar") that articles hold may be a search ("Baja
        # California"): the hint never replaces it, and is a tip under the articles
        told = COMMANDS[meant.command]
        hinted = tip("Commands begin with a slash: ", code(told.usage), f" — {told.description}.")
        meant = Plain("search", " ".join(text.split()))
    if meant.meaning == "hint":  # a command that changes something is done only with its slash
        usage = COMMANDS[meant.command].usage
        return Reply(
            message(
                para(
                    "Commands begin with a slash: ", code(usage), f" — {COMMANDS[meant.command].description}."
                )
            ),
            buttons=((Button(f"/{meant.command}", f"/{meant.command}"),),)
            if usage == f"/{meant.command}"
            else (),
        )
    if meant.by_name and meant.args and search_articles(app.db, text, limit=1):
        # "search and rescue": words articles hold, as typed; a question ("who is Keith Kellogg?") is
        # always the question, its words being in every article about him
        meant = Plain("search", " ".join(text.split()))
    cmd = COMMANDS.get(meant.command)
    if cmd is None:
        return await help_reply(app, "", asker)
    reply = await cmd.handler(app, meant.args, asker)
    if hinted is not None:
        reply = with_note(reply, hinted)
    if not meant.read:
        return reply
    typed = f"/{meant.command} {meant.args}".strip()
    # said once, on the first page: under page 2 the user has sent /more, a command
    note = tip(italic("Commands begin with a slash: I read this as "), code(shorten(typed, 60)), italic("."))
    return with_note(reply, note)


# a word that may be a command: one beginning with a slash after a space or a line break, as written
# ("/latest", "/follow@YourBot", "／follow"); the message's own first command is the first of them
_COMMAND_WORD = re.compile(r"(?<!\S)[/\uff0f]\S+")


MAX_LATER = 5  # later commands named in the note; more are counted


def _command_name(word: str) -> str:
    """The command a slash word names: "/follow@YourBot" and "／ＦＯＬＬＯＷ" follow, "/latest," latest."""
    return unicodedata.normalize("NFKC", word)[1:].split("@")[0].rstrip(".,;:!?").lower()


def _first_command(
    text: str, *, mistyped: bool = True, admin: bool = True
) -> tuple[str, list[tuple[str, str]]]:
    """A message cut before a second command: one pasted on a later line ("/follow Kellogg" and "/follow
    Trump" in one message), or typed on the same line ("/follow Trump /latest"); and the commands after
    it, each to the next or to the end of its line. Only a message that is a command is cut, and only at
    a command's name: "/follow AC/DC" is one command's words. A mistyped command's name cuts too, and is
    read as the command it is closest to ("/follow Trump /lastest": /latest) unless not ``mistyped``
    (a command the bot wrote), among the admins' commands too when ``admin``; each later command comes
    with the name typed when it was mistyped, else "". On one line a command that takes several names
    takes itself again ("/follow Trump /follow Putin"); a joiner left before a cut ("Trump and") goes."""
    if not text.translate(_CONTROLS).lstrip().startswith(("/", "\uff0f")):
        return text, []
    current = parse(text)[0]
    first = min(k for k in (text.find("/"), text.find("\uff0f")) if k >= 0)
    cuts: list[tuple[int, str, str]] = []  # where a later command starts, the command, the typo
    for found in _COMMAND_WORD.finditer(text, first + 1):
        name = _command_name(found.group())
        typed = name in COMMANDS
        typo = ""
        if not typed:
            meant = meant_commands(name, admin=admin) if mistyped else []
            if not meant:
                continue
            name, typo = meant[0], found.group().split("@")[0].rstrip(".,;:!?")
        line_start = text[: found.start()].rstrip(" \t").endswith("\n")
        # a list's command typed again adds a name; mistyped ("/follow Trump /folow Putin") it is cut
        again = typed and name == current and COMMANDS[name].lists
        if line_start or not again:
            cuts.append((found.start(), name, typo))
            current = name
    if not cuts:
        return text, []
    ends = [*(at for at, _, _ in cuts[1:]), len(text)]
    later = [
        (_as_named(text[at:end].split("\n", 1)[0].strip(), name), typo)
        for (at, name, typo), end in zip(cuts, ends, strict=True)
    ]
    return _TRAILING_JOINER.sub("", text[: cuts[0][0]]), later


# what a message cut before a later command leaves dangling: "/follow Trump and /latest", "Kellogg, /brief"
_TRAILING_JOINER = re.compile(r"(?:\s+(?:and|&|\+)|\s*[,;])\s*$", re.IGNORECASE)


def _as_named(line: str, name: str) -> str:
    """A later command's line with the command's name as the bot reads it: "/lastest 2" is "/latest 2"."""
    word, space, rest = line.partition(" ")
    if _command_name(word) == name:
        return line
    return f"/{name}{space}{rest}"


def as_read(command: str, words: str) -> str:
    """The words of ``/command words`` as the command reads them: those before another command on the
    line ("grain /latest" is "grain" to /unfollow), a mistyped one being words (a follow stored
    before mistyped commands cut a message is "Trump /folow Putin", whole)."""
    return parse(_first_command(f"/{command} {words}", mistyped=False)[0])[1]


# how /help and Telegram's command menu list the commands: news first, then following, digests, the rest
MENU_ORDER = (
    "brief", "actor", "search", "latest", "sources", "follow", "following", "unfollow",
    "subscribe", "settings", "unsubscribe", "help", "start", "ingest", "feeds", "unfeed", "stats",
)  # fmt: skip


def listed(*, admin: bool) -> list[Command]:
    """The commands a chat may use, in ``MENU_ORDER`` (any other after them, as registered)."""
    rank = {name: k for k, name in enumerate(MENU_ORDER)}
    commands = [c for c in COMMANDS.values() if admin or not c.admin]
    return sorted(commands, key=lambda c: rank.get(c.name, len(rank)))


def _command_lines(app: App, asker: Asker) -> list:
    admin = is_admin(app, asker) and asker.private  # in a group the admin commands are not answered
    return [item(bold(c.usage), f" — {c.description}") for c in listed(admin=admin)]


@command("help", "/help", "what I can do")
async def help_reply(app: App, args: str, asker: Asker) -> Reply:
    """List the commands this chat may use."""
    return Reply(
        message(
            para(bold("Briefing"), " turns the news into briefings you can read in a minute."),
            *_command_lines(app, asker),
            para("Plain text is a search.") if asker.private else _group_search(),
        )
    )


def _group_search() -> Block:
    # a group's plain text is its members talking to each other: the bot answers only its commands there
    return para("In a group I answer only commands: to search, send ", code("/search WORDS"), ".")


@command("start", "/start", "what this bot does")
async def start(app: App, args: str, asker: Asker) -> Reply:
    """Greet a new user: what the bot does and how to subscribe."""
    return Reply(
        message(
            para(bold("Welcome to Briefing."), " I read the news and tell you what matters, in a minute."),
            para(
                "For a daily digest at your local time: ",
                code(f"/subscribe {app.settings.digest_time} Europe/Kyiv"),
                " (any time, such as 7pm or 19:30, and a city, an Area/City zone or UTC+3). Follow people and"
                " topics with ",
                code("/follow NAME"),
                ".",
            ),
            para("What I can do:"),
            *_command_lines(app, asker),
            para("Or just send me some words: I search the news for them.")
            if asker.private
            else _group_search(),
        )
    )


def load_all() -> None:
    """Import the modules that register commands (kept here so every adapter sees the same set)."""
    # Each capability registers its commands on import; add new command modules here.
    import briefing.service.registry  # noqa: F401
