#!/usr/bin/env python3
"""Briefing: the composition root and the command line (see ``python bot.py --help``).

Reads the settings once, opens the store, and wires the core, the services and an adapter together.
Nothing else reads the environment. Exit status: 0 on success, 1 when some of the work failed,
2 for a usage or settings mistake (with a one-line reason on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sqlite3
import sys
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

try:
    from briefing.errors import BriefingError
    from briefing.service import App
    from config import Settings, SettingsError, load_settings
    from store import StoreError, open_db
    from store.db import UnwritableFolderError, open_read_only, refresh_statistics, writable
except ModuleNotFoundError as missing:  # a Python without the project's packages (not .venv's)
    print(
        f"bot.py: {missing.name} is not installed for {sys.executable}: `make run` installs the project"
        " into .venv once; then run `.venv/bin/python bot.py ...` (or `. .venv/bin/activate` first)",
        file=sys.stderr,
    )
    sys.exit(2)

# python-telegram-bot 22 reads time periods as timedeltas only with this set (and warns otherwise);
# it must be set before telegram is first imported.
os.environ.setdefault("PTB_TIMEDELTA", "1")
log = logging.getLogger("briefing")


class UsageError(Exception):
    """The command line asks for something that cannot be done. ``command`` names the subcommand whose
    option it is: its line starts "bot.py summarize:", as argparse's and the command's other errors do."""

    def __init__(self, message: str, *, command: str | None = None) -> None:
        super().__init__(message)
        self.command = command


def _global_options(parser: argparse.ArgumentParser, *, after: bool = True) -> None:
    """``--db`` and ``-v``, taken before the subcommand and after it alike. SUPPRESS: an option not given
    after the subcommand must not reset one given before it; a ``--db`` after it is kept apart
    (``db_after``), so two different paths are refused rather than one silently chosen."""
    parser.add_argument(
        "--db",
        metavar="PATH",
        dest="db_after" if after else "db",
        default=argparse.SUPPRESS,
        help="SQLite database (default: $BRIEFING_DB, else data/briefing.db)",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", default=argparse.SUPPRESS if after else False,
        help="log debug messages",
    )  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bot.py",
        description="Briefing: a Telegram bot that turns news into one-minute briefings. "
        "With no command, runs the bot (Telegram if TELEGRAM_BOT_TOKEN is set, else a terminal chat).",
    )
    _global_options(parser, after=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("ingest", help="ingest files, folders, and http(s) URLs of pages or feeds")
    p.add_argument("sources", nargs="+", metavar="SOURCE")
    p.add_argument("--no-progress", action="store_true", help="do not show the progress bar")
    _global_options(p)

    p = sub.add_parser(
        "ask", help="answer one chat command as plain text, e.g. ask '/actor Kellogg' (exit 2 if refused)"
    )
    # the words of the command, quoted as one or not ("ask /latest 5")
    p.add_argument("text", nargs="+", metavar="COMMAND")
    _global_options(p)

    p = sub.add_parser("digest", help="compose one chat's digest now: print it, or deliver it with --send")
    p.add_argument("--chat", type=int, required=True, metavar="ID", help="the subscriber's chat id")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument(
        "--dry-run", action="store_true", help="print it as plain text, record nothing (default)"
    )
    mode.add_argument(
        "--send", action="store_true", help="deliver it through Telegram, recorded (needs TELEGRAM_BOT_TOKEN)"
    )
    _global_options(p)

    p = sub.add_parser("actors", help="actors in text files, with types and character offsets")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--jsonl", action="store_true", help="one JSON object per file")
    _global_options(p)

    p = sub.add_parser("summarize", help="extractive summary of text files, each one article")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--sentences", type=int, metavar="N", help="summary length (default: settings, 3)")
    p.add_argument(
        "--algorithm",
        metavar="NAME",
        help="default, lead, lexrank, textrank, lsa, luhn, edmundson, sumbasic or kl (default: settings)",
    )
    p.add_argument("--jsonl", action="store_true", help='one {"file", "title", "summary"} object a line')
    _global_options(p)
    return parser


class StoppedError(BaseException):
    """SIGINT or SIGTERM before the bot runs (during the first start's seeding). A BaseException, as
    KeyboardInterrupt is: the seeding's handlers of one article's failure (``except Exception``) must not
    take the stop for it and go on, nor logging for an error of its own when the signal comes while a
    line is written; the seeding's transaction rolls back on it."""


class TerminatedError(KeyboardInterrupt):
    """SIGTERM during ``ingest``: it stops as at Ctrl-C (the table, the "interrupted" line); status 143."""


@contextmanager
def _interruptible() -> Iterator[None]:
    """SIGINT raises KeyboardInterrupt and SIGTERM :class:`TerminatedError` in the block at once, where
    the main thread stands; a transaction under way rolls back (nothing half-stored). asyncio's own
    SIGINT handler only cancels the task at its next ``await``, which a large file's reading and parsing
    reaches after minutes: the first Ctrl-C seemed ignored (QA20a F3); SIGTERM, as ``timeout``, cron
    and systemd send, ended the process with no table (F4). A second signal ends it at once; SIGINT
    left ignored (a job started with ``&``) stays ignored."""

    if threading.current_thread() is not threading.main_thread():  # called as a function (tests)
        yield
        return

    def stop(signum: int, frame: object) -> None:
        for sig, handler in before.items():  # a second one: as the signal does by default
            signal.signal(sig, handler)
        raise TerminatedError() if signum == signal.SIGTERM else KeyboardInterrupt()

    before = {
        sig: signal.getsignal(sig)
        for sig in (signal.SIGINT, signal.SIGTERM)
        if signal.getsignal(sig) not in (signal.SIG_IGN, None)
    }
    for sig in before:
        signal.signal(sig, stop)
    try:
        yield
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)


@contextmanager
def _stoppable() -> Iterator[None]:
    """SIGINT and SIGTERM raise :class:`StoppedError` in the block, so a transaction in it is rolled
    back (a SIGTERM would otherwise end the process where it stands)."""

    def stop(signum: int, frame: object) -> None:
        raise StoppedError(signal.Signals(signum).name)

    before = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)


def _app(
    settings: Settings,
    args: argparse.Namespace,
    *,
    seed: bool = True,
    new_db: bool = True,
    summaries_on_read: bool = False,
    reads_only: bool = False,
    chat: bool = False,
) -> App:
    """The app over the database ``--db`` names. ``new_db``: the command may create the database and its
    folder (running the bot, ingesting). A command that only reads (``ask``, ``digest``) takes a path of
    the user's own that does not exist for a typo, not for a new archive to create and seed; the project's
    default database is seeded by ``ask`` as by the first start, and ``digest`` has no subscriber in it.
    ``summaries_on_read``: replies make the stale summaries they show again (no background job does).
    ``reads_only``: the command writes nothing it needs, so a database that cannot be opened to write (on
    a read-only filesystem: a backup's medium, a read-only volume) is opened to read only. ``chat``: the
    terminal chat, which answers what only reads from a database in a folder it cannot write (and says so
    at start), but not from one it cannot open for another reason (a full disk, a lock: those pass)."""
    given = getattr(args, "db", None)
    db_path = Path(given or settings.db_path).expanduser()
    # the user's own path (--db, or $BRIEFING_DB, read as --db is); the project's default folder is made
    named = "--db" if given else getattr(args, "env_db", None)
    holder = next((folder for folder in db_path.parents if folder.exists()), None)
    if holder is not None and not holder.is_dir():  # "--db notes.txt/x.db": no folder can be made there
        raise UsageError(f"{holder} is a file, not a folder: it cannot hold the database {db_path}")
    if not new_db and not db_path.exists() and (named or not seed):
        typo = f" (a typo in {named}?)" if named else ""
        no_folder = named and not db_path.parent.is_dir()
        missing = f"no folder {db_path.parent} for the database" if no_folder else f"no database at {db_path}"
        raise UsageError(f"{missing}{typo}; `python bot.py` or `bot.py ingest` creates a new database")
    if named and not db_path.parent.exists():  # a typo in a folder's name would start a second archive unseen
        print(f"bot.py: note: no folder {db_path.parent}: made it, for a new database", file=sys.stderr)
    try:
        db = open_db(db_path)
    except StoreError as exc:
        if not ((reads_only or (chat and isinstance(exc, UnwritableFolderError))) and db_path.is_file()):
            raise
        db, seed = open_read_only(db_path), False  # its own error if it cannot be read either
    app = App(db=db, settings=settings, summaries_on_read=summaries_on_read)
    if seed:
        from briefing.service.seeding import ensure_seeded

        with _stoppable():
            ensure_seeded(app)
    return app


def cmd_ingest(settings: Settings, args: argparse.Namespace) -> int:
    from briefing.service.ingest import ingest_command

    app = _app(settings, args, seed=False)
    try:
        with _interruptible():
            return asyncio.run(ingest_command(app, args.sources, progress=not args.no_progress))
    finally:  # a large ingest grows the tables many times over: their query statistics are refreshed
        refresh_statistics(app.db)


def cmd_ask(settings: Settings, args: argparse.Namespace) -> int:
    """The reply on stdout, whatever it is; 2, with the reason on stderr, when the message was not done
    as a command (an unknown one, an admin command, no command at all), so a script can tell a refusal
    from an answer. "Nothing found" is an answer: 0. A command the database could not take (it cannot be
    written, or another process holds it) is answered as the terminal chat answers it: 1."""
    from briefing.adapters.console import CONSOLE, database_refusal, format_reply
    from briefing.service.commands import answer, load_all

    load_all()
    app = _app(settings, args, new_db=False, summaries_on_read=True, reads_only=True)
    try:
        reply = asyncio.run(answer(app, " ".join(args.text), CONSOLE))
    except sqlite3.DatabaseError as exc:  # a write on a read-only or locked database: the chat's reply
        if (refusal := database_refusal(exc)) is None:
            raise
        print(refusal)
        return 1
    print(format_reply(reply))
    if reply.refused:
        print(f"bot.py ask: {reply.refused}", file=sys.stderr)
        return 2
    return 0


def cmd_digest(settings: Settings, args: argparse.Namespace) -> int:
    from briefing.errors import NotFoundError
    from briefing.service.commands import TERMINAL_CHAT_ID
    from briefing.service.digests import digest_subscriber, dry_run

    app = _app(settings, args, seed=False, new_db=False, summaries_on_read=True, reads_only=not args.send)
    try:  # a chat id that is not a subscriber, or one that stopped, is the caller's mistake: exit 2
        sub = digest_subscriber(app, args.chat, active=args.send)
    except NotFoundError as exc:
        raise UsageError(str(exc)) from None
    if not args.send:
        if not sub.active:
            print(
                f"bot.py: note: chat {args.chat} is unsubscribed (it sent /unsubscribe, or blocked the bot);"
                " this is the digest it would get if it subscribed again, and --send will not send it",
                file=sys.stderr,
            )
        print(dry_run(app, args.chat, now=app.now()))
        return 0
    if settings.token is None:
        raise UsageError("digest --send needs TELEGRAM_BOT_TOKEN (a --dry-run does not)")
    if args.chat == TERMINAL_CHAT_ID:
        raise UsageError("chat 0 is the terminal chat, not a Telegram one: see its digest with --dry-run")
    os.environ.setdefault("PTB_TIMEDELTA", "1")  # RetryAfter.retry_after as a timedelta, without warnings
    from telegram.error import InvalidToken, TelegramError

    from briefing.adapters.delivery import OneDigest, bot_from_settings, send_digest_now
    from briefing.adapters.telegram import QuietBadAnswer, start_error

    # a web server's page in answer (TELEGRAM_API_BASE_URL wrong) is said in one line, as the bot says it
    logging.getLogger("telegram.request.BaseRequest").addFilter(QuietBadAnswer())

    async def send() -> OneDigest:
        bot = bot_from_settings(settings)
        try:  # the token and the way to Telegram are checked before today's digest is composed and stored
            await bot.initialize()
        except TelegramError as exc:
            await bot.shutdown()
            if isinstance(exc, InvalidToken):  # its message quotes the token
                raise UsageError(
                    "Telegram refused the bot token (TELEGRAM_BOT_TOKEN); nothing was sent"
                ) from None
            reason = str(start_error(exc, settings))
            ending = " Nothing was sent" if reason.endswith("?") else "; nothing was sent"  # after a question
            raise BriefingError(reason + ending) from None
        return await send_digest_now(app, bot, args.chat, now=app.now())

    result = asyncio.run(send())
    print(result.line)
    return 0 if result.complete else 1


def cmd_actors(settings: Settings, args: argparse.Namespace) -> int:
    from briefing.service.actors import actors_files

    return actors_files(args.files, jsonl=args.jsonl, out=sys.stdout, err=sys.stderr)


def cmd_summarize(settings: Settings, args: argparse.Namespace) -> int:
    from briefing.service.summaries import summarize_files
    from briefing.summary import ALGORITHMS

    sentences = settings.summary_sentences if args.sentences is None else args.sentences
    if sentences < 1:
        raise UsageError("--sentences must be at least 1", command="summarize")
    algorithm = (args.algorithm or settings.summary_algorithm).strip().lower()  # "LSA" is lsa
    if algorithm not in ALGORITHMS:
        known = ", ".join(ALGORITHMS)
        raise UsageError(f"unknown algorithm {algorithm!r} (choose from {known})", command="summarize")
    return summarize_files(
        args.files,
        sentences=sentences,
        algorithm=algorithm,
        max_sentences=settings.summary_max_sentences,
        jsonl=args.jsonl,
        out=sys.stdout,
        err=sys.stderr,
    )


def cmd_run(settings: Settings, args: argparse.Namespace) -> int:
    from briefing.service.commands import load_all
    from briefing.service.warmup import start_warm_up

    load_all()
    # on Telegram a background job makes stale summaries again; the terminal chat's replies do it
    terminal = settings.token is None
    app = _app(settings, args, summaries_on_read=terminal, chat=terminal)
    warming = start_warm_up()  # in the background: the first /actor need not load the chart library...
    try:
        if settings.token is None:
            from briefing.adapters.console import chat

            if not writable(app.db):  # as Telegram mode refuses at start; here what only reads works
                print(
                    f"bot.py: note: the database {args.db or settings.db_path} cannot be written (a read-only"
                    " file or folder?): what changes something (/subscribe, /follow...) is refused, the rest"
                    " answers",
                    file=sys.stderr,
                )
            try:
                chat(app)
            finally:
                refresh_statistics(app.db)
            return 0
        from briefing.adapters.telegram import run_telegram

        return run_telegram(app)
    finally:
        # ...but a process ending while it still loads them (a refused token, a one-line chat) tore
        # down the interpreter under a native library's import: "terminate called without an active
        # exception", exit status 134 (SIGABRT) instead of 2 (QA20a F2)
        warming.join(WARM_UP_JOIN)


COMMANDS = {
    None: cmd_run,
    "ingest": cmd_ingest,
    "ask": cmd_ask,
    "digest": cmd_digest,
    "actors": cmd_actors,
    "summarize": cmd_summarize,
}


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    from briefing.adapters.private_logs import hide_private_data
    from briefing.adapters.redaction import redact_logs

    redact_logs()  # an address's password or ?apikey= never reaches the log (the token is added later)
    hide_private_data()  # nor, from python-telegram-bot's lines, users' messages and names
    # httpx logs request URLs at INFO, and Telegram's URLs hold the bot token
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    # APScheduler logs two INFO lines for every run of every job (thousands a day of "executed
    # successfully"): the operator's log keeps its warnings, -v shows the rest
    logging.getLogger("apscheduler").setLevel(logging.DEBUG if verbose else logging.WARNING)


WARM_UP_JOIN = 10.0  # seconds the end of the process waits for the warm-up (about 1.5 s of CPU)
# The lists the extractor and the timezone reader need: without them every article would lose its actors
SEED_LISTS = ("actors.toml", "places.toml", "given_names.toml", "place_zones.toml")


def _check_seeds() -> None:
    from briefing.gazetteer import SEEDS

    missing = [name for name in SEED_LISTS if not (SEEDS / name).is_file()]
    if missing:
        raise UsageError(
            f"{SEEDS} lacks {', '.join(missing)}: the project's seeds folder is incomplete"
            " (restore it, e.g. with `git checkout -- seeds`)"
        )


def _same_file(one: str, other: str) -> bool:
    return Path(one).expanduser().absolute() == Path(other).expanduser().absolute()


def _db_given(args: argparse.Namespace) -> str | None:
    """The one ``--db`` given, before the subcommand or after it; an empty one (an unset "$DB") or two
    different paths are a :class:`UsageError`, never the default archive or a silent choice of one."""
    before, after = getattr(args, "db", None), getattr(args, "db_after", None)
    if any(given is not None and not given.strip() for given in (before, after)):
        raise UsageError("--db is empty (an unset variable?); give the database's path, or leave --db out")
    if before is not None and after is not None and not _same_file(before, after):
        twice = f"--db is given twice, {before} before {args.command} and {after} after it"
        raise UsageError(f"{twice}; give it once")
    return after if after is not None else before


def main(argv: Sequence[str] | None = None, environ: Mapping[str, str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _setup_logging(args.verbose)
    env = os.environ if environ is None else environ
    # known before the settings are read, as a mistake in them may quote it (a token pasted into an URL)
    secrets = tuple(t for t in [env.get("TELEGRAM_BOT_TOKEN", "").strip()] if t)

    def fail(reason: str, status: int, command: str | None = None) -> int:
        """One line on stderr, the token masked: an error's text may quote a URL that holds it."""
        for secret in secrets:
            reason = reason.replace(secret, "***")
        print(f"bot.py{' ' + command if command else ''}: {reason}", file=sys.stderr)
        return status

    try:
        _check_seeds()
        args.db = _db_given(args)
        args.env_db = "$BRIEFING_DB" if env.get("BRIEFING_DB") else None
        settings = load_settings(env)
        if settings.token is not None:  # python-telegram-bot logs its URLs, which hold the token, at DEBUG
            from briefing.adapters.redaction import redact_logs

            redact_logs(settings.token.value)
        return COMMANDS[args.command](settings, args)
    except UsageError as exc:
        return fail(str(exc), 2, exc.command)
    except (SettingsError, StoreError) as exc:
        return fail(str(exc), 2)
    except BriefingError as exc:
        return fail(str(exc), 1)
    except sqlite3.DatabaseError as exc:  # a damaged file, a read-only one, a full disk
        if isinstance(exc, (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError)):
            raise  # a bug in the code, not the file: the traceback says where
        return fail(f"the database cannot be used: {exc}", 1)
    except BrokenPipeError:  # piped into head: the reader has all it wants
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error when Python flushes
        return 0
    except StoppedError as exc:
        print(
            f"bot.py: {exc}: stopped during the first start's seeding; the next start seeds again",
            file=sys.stderr,
        )
        return 0
    except TerminatedError:
        return 128 + signal.SIGTERM
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
