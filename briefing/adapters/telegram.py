"""The Telegram bot: the python-telegram-bot ``Application`` and running it by long polling or webhook.

    application = build_application(app)   # handlers, rate limiter, commands menu, jobs
    run_telegram(app)                        # blocks until SIGINT or SIGTERM; returns the exit status

The application keeps the ``App`` in ``application.bot_data["briefing.app"]``; handlers live in
``telegram_handlers``, sending and its error recovery in ``telegram_send``. Updates of different chats
are handled concurrently, those of one chat in order; at a stop those not answered are kept for the
next start (``telegram_backlog``).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dtm
import errno
import logging
import os
import secrets
import signal
import socket
import time
from http import HTTPStatus
from urllib.parse import urlsplit

from telegram import BotCommand, BotCommandScopeChat
from telegram._utils.types import ODVInput
from telegram.error import BadRequest, Conflict, InvalidToken, NetworkError, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    MessageHandler,
    Updater,
    filters,
)
from telegram.request import BaseRequest, HTTPXRequest, RequestData

from briefing.adapters.delivery import api_urls, bot_from_settings
from briefing.adapters.jobs import Jobs, install_jobs, refreshed
from briefing.adapters.pacer import Limits, Pacer
from briefing.adapters.private_logs import hide_private_data
from briefing.adapters.redaction import redact_logs
from briefing.adapters.statistics import STOP_WAIT, Statistics
from briefing.adapters.telegram_backlog import (
    UPDATE_KINDS,
    DurableBot,
    PerChatUpdates,
    WatchedLimiter,
    replay_pending,
)
from briefing.adapters.telegram_handlers import (
    APP_KEY,
    on_button,
    on_error,
    on_message,
    on_migrate,
    on_my_chat_member,
    on_other,
)
from briefing.adapters.telegram_webhook import skip_unreadable
from briefing.addresses import shown_url
from briefing.errors import BriefingError
from briefing.service import App
from briefing.service.commands import COMMANDS, listed, load_all
from config import Settings, SettingsError

log = logging.getLogger(__name__)
ALLOWED_UPDATES = list(UPDATE_KINDS)
MAX_CONCURRENT_UPDATES = 64
RATE_LIMIT_RETRIES = 3
JOBS_KEY = "briefing.jobs"
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
POLL_TIMEOUT = dtm.timedelta(seconds=10)  # the long poll; stopping does not wait for it
STOP_GRACE = 0.25  # seconds the updater has to stop before its pause between failed polls is cut short
NOT_FOUND = HTTPStatus.NOT_FOUND.phrase  # the description of a 404, or its start without one
FAILURES_KEPT = 32  # kinds of failed poll PollingErrors remembers having said
POLLING_TASK = "Updater:start_polling:polling_task"  # python-telegram-bot's name for it


OTHER_MESSAGES = filters.UpdateType.MESSAGE & ~filters.TEXT & ~filters.StatusUpdate.ALL


def bot_commands(*, admin: bool) -> list[BotCommand]:
    return [BotCommand(c.name, c.description[:256]) for c in listed(admin=admin)]


async def _post_init(application: Application) -> None:
    """Show the commands in Telegram's menu (the admin commands only in the admins' chats)."""
    app: App = application.bot_data[APP_KEY]
    await application.bot.set_my_commands(bot_commands(admin=False))
    for admin in sorted(app.settings.admins):
        try:
            await application.bot.set_my_commands(bot_commands(admin=True), scope=BotCommandScopeChat(admin))
        except TelegramError as exc:  # an admin who never opened a chat with the bot
            log.warning("could not set the admin commands for %s: %s", admin, exc)


def started_line(username: str, s: Settings) -> str:
    """The start's log line: which bot, and how updates come in, so an operator reading the log of a
    webhook deployment sees where its proxy must forward to."""
    if s.telegram_mode == "webhook":
        return (
            f"Briefing is on Telegram as @{username}, by webhook: Telegram posts to"
            f" {shown_url(s.webhook_url)}, received on {s.webhook_listen}:{s.webhook_port}"
        )
    return f"Briefing is on Telegram as @{username}, by long polling"


def _post_shutdown(close_db: bool):
    async def post_shutdown(application: Application) -> None:
        """Close the jobs' bot, and the database when the bot owns it, its query statistics refreshed
        first (usually nothing to do, 0.3 s at most on a 100,000-article archive; in a thread, given up
        after ``STOP_WAIT`` while another process holds the write lock)."""
        jobs: Jobs | None = application.bot_data.get(JOBS_KEY)
        if jobs is not None:
            await jobs.close()
        if close_db:
            db = application.bot_data[APP_KEY].db
            statistics = jobs.statistics if jobs is not None else Statistics(db)
            await refreshed(statistics, wait=STOP_WAIT, reload=False)  # the connection closes next
            db.conn.close()

    return post_shutdown


def build_application(app: App, *, close_db: bool = False) -> Application:
    """The Telegram application with every handler; ``close_db`` closes ``app.db`` on shutdown."""
    settings = app.settings
    if settings.token is None:
        raise SettingsError("TELEGRAM_BOT_TOKEN is not set")
    load_all()
    processor = PerChatUpdates(MAX_CONCURRENT_UPDATES, app)
    # one budget for the replies and the fan-out: one bot, one set of Telegram limits
    pacer = Pacer(Limits(chat_window=settings.chat_window))
    bot = DurableBot(
        settings.token.value,
        fetched=processor.fetched,  # each batch kept before the next poll confirms it (QA20a F1)
        request=HTTPXRequest(connection_pool_size=MAX_CONCURRENT_UPDATES, pool_timeout=10.0),
        # two: the stop's last getUpdates, which confirms the updates fetched, must not wait for the
        # abandoned long poll's connection (it did, and failed, on a busy machine: all came again)
        get_updates_request=PollRequest(connection_pool_size=2),
        rate_limiter=WatchedLimiter(max_retries=RATE_LIMIT_RETRIES, pacer=pacer),
        **api_urls(settings),
    )
    builder = (
        ApplicationBuilder()
        .bot(bot)
        .concurrent_updates(processor)
        .post_init(_post_init)
        .post_shutdown(_post_shutdown(close_db))
    )
    application = builder.build()
    hide_private_data()  # python-telegram-bot's -v lines hold users' messages and names
    application.bot_data[APP_KEY] = app
    application.add_handler(CommandHandler(list(COMMANDS), on_message))
    application.add_handler(MessageHandler(filters.COMMAND, on_message))  # unknown commands
    application.add_handler(MessageHandler(filters.TEXT & filters.ChatType.PRIVATE, on_message))
    # a picture or a file sent with a command as its caption: the command (QA13b F7)
    captioned = filters.CaptionRegex(r"^\s*/") & ~filters.UpdateType.EDITED
    application.add_handler(MessageHandler(captioned, on_message))
    # anything else in a private chat (a sticker, a voice note...): a hint that the bot reads text
    application.add_handler(MessageHandler(OTHER_MESSAGES & filters.ChatType.PRIVATE, on_other))
    # a group's command edited into talk: its answer is taken back (on_message finds none for other talk)
    application.add_handler(MessageHandler(filters.UpdateType.EDITED_MESSAGE & filters.TEXT, on_message))
    application.add_handler(CallbackQueryHandler(on_button))
    application.add_handler(ChatMemberHandler(on_my_chat_member, ChatMemberHandler.MY_CHAT_MEMBER))
    application.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, on_migrate))
    application.add_error_handler(on_error)
    # digests and alerts go through a bot of their own (its 429s reach the Sender, which holds back that
    # chat alone), paced by the same Pacer as the replies, which go first
    application.bot_data[JOBS_KEY] = install_jobs(
        application, app, bot=bot_from_settings(settings), pacer=pacer
    )
    return application


class QuietBootstrap(logging.Filter):
    """python-telegram-bot logs a traceback when it gives up connecting at start (no network, a refused
    token); ``run_telegram`` reports that in one line, so the traceback is left out."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "Bootstrap" not in message:
            return True
        record.exc_info, record.exc_text = None, None
        # "Failed run number 0 of 0. Aborting." at ERROR reads as a second problem; the error it gives up
        # on is raised and said in one line, so the record shows only with -v
        return "Aborting" not in message or logging.getLogger().isEnabledFor(logging.DEBUG)


class QuietBadAnswer(logging.Filter):
    """python-telegram-bot logs a server's answer that is not JSON (a web page: TELEGRAM_API_BASE_URL
    pointing at a web server or a proxy) whole, with a traceback; the failure it causes is reported in
    one line, so the page is left out but with ``-v``, clipped."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.getMessage().startswith("Can not load invalid JSON data"):
            return True
        record.msg, record.args = "the Bot API server's answer is not JSON: %.100r", (str(record.args),)
        record.exc_info, record.exc_text = None, None
        return logging.getLogger().isEnabledFor(logging.DEBUG)


class QuietStop(logging.Filter):
    """At a stop during a 409 Conflict (or with Telegram unreachable), python-telegram-bot's last
    ``getUpdates``, which confirms the updates fetched, fails and logs a traceback: one line says it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if "to mark all fetched updates" in record.getMessage():
            exc = record.exc_info[1] if record.exc_info else None
            record.msg, record.args = "could not confirm the last updates to Telegram at the stop: %s", (exc,)
            record.exc_info, record.exc_text = None, None
        return True


class QuietInvalidToken(logging.Filter):
    """python-telegram-bot logs a traceback when a 401 ends its long poll; the bot says in one line of
    its own that it stops, so that record is left out."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "Invalid token. Aborting retry loop" not in record.getMessage()


class PollingErrors:
    """What a failed long poll says in the log, in one line: python-telegram-bot's own callback logs a
    full traceback on every retry, forever. A 409 Conflict (a webhook is set, or another process polls
    with this token) is said at once and then every ``every`` while it lasts."""

    def __init__(self, every: dtm.timedelta = dtm.timedelta(minutes=10)) -> None:
        self.every = every
        self.said: float | None = None
        self.failed: dict[str, float] = {}  # when a failure of that text was last said

    def __call__(self, exc: TelegramError) -> None:
        if isinstance(exc, Conflict):
            now = time.monotonic()
            if self.said is None or now - self.said >= self.every.total_seconds():
                self.said = now
                log.error(
                    "another instance of this bot is receiving its updates (409 Conflict: a webhook is set"
                    " or a second process polls with this token); still trying. If no other instance"
                    " runs, restart this one: its start removes a webhook. (%s)",
                    exc.message,
                )
            return
        if isinstance(exc, NetworkError) and exc.message.startswith(NOT_FOUND):
            log.warning(
                "the Bot API server answered getUpdates with %s (a proxy, or a self-hosted server"
                " restarting?); polling again",
                exc.message,
            )
            return
        if isinstance(exc, NetworkError):
            log.warning("Telegram could not be reached while polling: %s", exc.message)
            return
        # any other failure (the fetched updates cannot be kept, or read): python-telegram-bot polls
        # again after a pause growing to 30 s; said once (with its traceback), then every ``every``
        now = time.monotonic()
        last = self.failed.get(exc.message)
        if last is not None and now - last < self.every.total_seconds():
            return
        if len(self.failed) >= FAILURES_KEPT:  # failures whose text changes each time
            self.failed.clear()
        self.failed[exc.message] = now
        if last is None:
            log.error("polling for updates failed; polling again after a pause", exc_info=exc)
        else:
            log.error("polling for updates still fails (%s); polling again after a pause", exc.message)


async def _receive(application: Application, s: Settings, poll_timeout: dtm.timedelta) -> None:
    """Start receiving updates: a long poll, or a webhook that Telegram posts to."""
    assert application.updater is not None
    if s.telegram_mode == "webhook":
        if not s.webhook_url:
            raise SettingsError("telegram.mode is 'webhook' but telegram.webhook_url is empty")
        _check_port(s.webhook_listen, s.webhook_port)
        secret = secrets.token_urlsafe(32)
        # whoever holds it can post updates as Telegram (an admin's /ingest): python-telegram-bot logs
        # it with setWebhook's parameters at DEBUG
        redact_logs(secret)
        await application.updater.start_webhook(
            listen=s.webhook_listen,
            port=s.webhook_port,
            url_path=urlsplit(s.webhook_url).path.lstrip("/"),
            webhook_url=s.webhook_url,
            secret_token=secret,
            allowed_updates=ALLOWED_UPDATES,
        )
        skip_unreadable(application.updater)  # answered and skipped, not posted again forever (issue 5)
    else:
        await application.updater.start_polling(
            allowed_updates=ALLOWED_UPDATES, timeout=poll_timeout, error_callback=PollingErrors()
        )


def _check_port(listen: str, port: int) -> None:
    """Refuse the start when the webhook's port is taken, before Telegram is told to post there: a
    webhook set for a port another process holds would send it every update (found too late, python-
    telegram-bot's bind error is a traceback after setWebhook)."""
    try:
        with socket.create_server((listen, port)):
            pass
    except socket.gaierror as exc:  # a settings mistake (status 2): the name resolves to no address
        raise SettingsError(
            f"telegram.webhook_listen {listen!r} is not an address this machine has: the name does not"
            f" resolve ({exc.strerror}); use an address such as 127.0.0.1"
        ) from exc
    except OSError as exc:
        if exc.errno == errno.EADDRNOTAVAIL:
            raise SettingsError(
                f"telegram.webhook_listen {listen!r} is not an address this machine has; use one of its"
                " own, such as 127.0.0.1"
            ) from exc
        reason = (os.strerror(exc.errno) if exc.errno else str(exc)).lower()
        if exc.errno == errno.EADDRINUSE:
            reason += " (another bot still running?); telegram.webhook_port sets the port"
        else:
            reason += "; telegram.webhook_listen and telegram.webhook_port set where"
        raise BriefingError(f"cannot listen on {listen}:{port} for the webhook: {reason}") from exc


async def serve(
    application: Application,
    settings: Settings,
    stop: asyncio.Event,
    *,
    poll_timeout: dtm.timedelta = POLL_TIMEOUT,
) -> None:
    """Run the bot until ``stop`` is set, as ``Application.run_polling`` would, in the running loop."""
    try:
        await application.initialize()  # getMe
    except TelegramError:
        await application.bot.request.shutdown()  # PTB leaves its HTTP client open when getMe fails
        raise
    try:
        if application.post_init:
            await application.post_init(application)
        await replay_pending(application, application.bot_data[APP_KEY])  # ahead of any new update
        await _receive(application, settings, poll_timeout)
        await application.start()
        log.info(started_line(application.bot.username, settings))
        await _until_stop(stop)
    finally:
        jobs: Jobs | None = application.bot_data.get(JOBS_KEY)
        if jobs is not None:  # before the job queue's stop, which waits for running ticks to end
            await jobs.stop()
        if application.updater and application.updater.running:
            await _stop_updater(application.updater)
        processor = application.update_processor
        if isinstance(processor, PerChatUpdates):
            await processor.wind_down()  # the updates not answered are kept for the next start
        if application.running:
            await application.stop()
        await application.shutdown()
        if application.post_shutdown:
            await application.post_shutdown(application)


def _polling_task() -> asyncio.Task | None:
    return next((t for t in asyncio.all_tasks() if t.get_name() == POLLING_TASK), None)


class PollRequest(HTTPXRequest):
    """The long poll's HTTP client. python-telegram-bot reads a 404 as a refused token, as a 401, and
    stops polling for good; but a proxy, or a self-hosted Bot API server while it restarts, answers
    404 for a moment: it is read as a 502, a server failing, and polled again after a pause that grows
    from 1 to 30 s (a malformed token's 404 is found by the start's getMe, not here)."""

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        code, payload = await super().do_request(
            url, method, request_data, read_timeout, write_timeout, connect_timeout, pool_timeout
        )
        return (HTTPStatus.BAD_GATEWAY if code == HTTPStatus.NOT_FOUND else code), payload


async def _until_stop(stop: asyncio.Event) -> None:
    """Wait for the stop, watching the long poll, which python-telegram-bot ends for good on a 401 (the
    token was revoked), leaving the bot deaf: that stops the bot (the error says why; exit status 2)."""
    stopping = asyncio.create_task(stop.wait())
    try:
        polling = _polling_task()
        await asyncio.wait(
            {stopping} if polling is None else {stopping, polling}, return_when=asyncio.FIRST_COMPLETED
        )
        if polling is not None and polling.done() and not polling.cancelled():
            error = polling.exception()
            if isinstance(error, InvalidToken):
                log.error("Telegram refused the token while polling (%s): stopping", error.message)
                raise error
        await stopping
    finally:
        stopping.cancel()


async def _stop_updater(updater: Updater) -> None:
    """Stop receiving updates. python-telegram-bot's stop abandons the long poll at once, but not the
    pause between two failed polls (up to 30 s during a 409 Conflict): the polling task, still there
    after a moment, is in that pause, and is cancelled."""
    stopping = asyncio.create_task(updater.stop())
    done, _ = await asyncio.wait({stopping}, timeout=STOP_GRACE)
    if not done and (polling := _polling_task()) is not None:
        polling.cancel()
    with contextlib.suppress(InvalidToken):  # the poll ended on a 401 (PollRequest: a 404 is 502)
        await stopping


def _on_signal(loop: asyncio.AbstractEventLoop, stop: asyncio.Event, sig: signal.Signals) -> None:
    """The first SIGINT or SIGTERM stops the bot cleanly; a second one ends the process at once, as the
    signal does by default (parts in flight are resent at the next start)."""
    if not stop.is_set():
        log.info("%s: stopping (send it again to exit at once)", sig.name)
        stop.set()
        return
    log.warning("%s again: exiting at once", sig.name)
    loop.remove_signal_handler(sig)
    signal.signal(sig, signal.SIG_DFL)
    os.kill(os.getpid(), sig)


def unretrieved_poll_error(loop: asyncio.AbstractEventLoop, context: dict) -> None:
    """The loop's handler of exceptions no one retrieved: python-telegram-bot leaves that of a long poll
    ending together with the stop (a 409 Conflict then) to asyncio, which would log it with its
    traceback; one line says it. Anything else goes to asyncio's own handler."""
    exc = context.get("exception")
    if isinstance(exc, TelegramError):
        log.warning("the last long poll ended with the stop: %s", exc.message)
        return
    loop.default_exception_handler(context)


async def _run(application: Application, settings: Settings) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(unretrieved_poll_error)
    for sig in STOP_SIGNALS:
        loop.add_signal_handler(sig, _on_signal, loop, stop, sig)
    await serve(application, settings, stop)


def run_telegram(app: App) -> int:
    """Run the bot until SIGINT or SIGTERM: long polling, or a webhook when ``telegram.mode`` says so."""
    assert app.settings.token is not None
    redact_logs(app.settings.token.value)
    logging.getLogger("telegram.ext").addFilter(QuietBootstrap())
    logging.getLogger("telegram.ext").addFilter(QuietInvalidToken())
    logging.getLogger("telegram.ext.Updater").addFilter(QuietStop())
    logging.getLogger("telegram.request.BaseRequest").addFilter(QuietBadAnswer())
    application = build_application(app, close_db=True)
    try:
        asyncio.run(_run(application, app.settings))
    except TelegramError as exc:
        raise start_error(exc, app.settings) from exc
    log.info("Briefing stopped")
    return 0


def api_address(s: Settings) -> str:
    """The Bot API address the bot talks to, as an error may name it (the token is masked by the caller,
    an address's password and secret query values here)."""
    return shown_url(s.api_base_url or "https://api.telegram.org/bot")


def start_error(exc: TelegramError, s: Settings) -> BriefingError | SettingsError:
    """What went wrong at the start, in one line: the server at TELEGRAM_API_BASE_URL is no Bot API (a
    web server, a proxy's error page), Telegram refused the token or the webhook URL, or it cannot be
    reached (the address tried named)."""
    where = api_address(s)
    status, parsing, _ = exc.message.partition(". Parsing the server response")
    if parsing or exc.message == "Invalid server response":
        answered = f"answered {status}" if parsing else "answered"
        return BriefingError(
            f"the Bot API server at {where} {answered} with something else than the Bot API's JSON (a web"
            " page?); is TELEGRAM_API_BASE_URL right?"
        )
    if isinstance(exc, InvalidToken):
        return SettingsError("Telegram refused the token in TELEGRAM_BOT_TOKEN")
    if isinstance(exc, BadRequest) and s.telegram_mode == "webhook" and "webhook" in exc.message.lower():
        return BriefingError(f"Telegram refused the webhook URL {s.webhook_url}: {exc.message}")
    if isinstance(exc, BadRequest):
        return BriefingError(f"Telegram refused the start: {exc.message}")
    if isinstance(exc, NetworkError):
        return BriefingError(f"cannot reach Telegram at {where}: {exc.message}")
    return BriefingError(f"Telegram answered the start with an error: {exc.message}")
