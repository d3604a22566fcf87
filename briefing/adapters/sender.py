"""Sending one message to Telegram with the bookkeeping that makes a fan-out safe to repeat.

:meth:`Sender.send` claims the message in the store (``Ledger.claim``), waits for a pacer slot, sends
it, and records the outcome. Telegram's answers, as python-telegram-bot raises them:

TelegramError
 ├── RetryAfter          429: the chat waits what Telegram asked, the pacer slows; then sent again
 ├── ChatMigrated        the group became a supergroup: the subscription moves, sent to the new id
 ├── Forbidden           blocked, kicked, deactivated: the subscriber is deactivated, the chat skipped
 ├── NetworkError        5xx answers, and requests that surely never reached Telegram (no connection,
 │    │                  no free connection, the request not written): retried with backoff, then left
 │    │                  for the next run. Anything else (a read timeout, a connection dropped before the
 │    │                  answer) may have delivered the message: not sent again in this run, sent once
 │    │                  more in a later run, then given up (the at-least-once edge, bounded)
 │    ├── TimedOut       (as above: a pool or connect timeout is retried, a read timeout is not)
 │    └── BadRequest     "can't parse entities": re-sent as plain text; "chat not found": as Forbidden;
 │                       the chat's forum topic closed or deleted: sent to General, once, and the chat's
 │                       posts go there from now on (recorded); anything else: this message failed for
 │                       good, the chat's next one goes on
 └── InvalidToken        nothing can be sent: the run stops

Every message goes to the chat's delivery topic (``store.subscribers.delivery_thread``): in a forum
supergroup, the topic where an administrator set the digest or follows up; elsewhere none.

A run also stops when its ``stop`` event is set (the bot is shutting down): no message is claimed after
that, and one claimed but still waiting for its pacer slot is put back unsent.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial
from typing import Literal, Protocol, TypeVar

import httpx
from telegram import Bot, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)

from briefing.adapters.pacer import Pacer
from briefing.service import App
from briefing.service.subscriptions import lost_topic_notice
from store.alerts import drop_chat_alerts
from store.deliveries import fail_chat
from store.subscribers import (
    delivery_thread,
    delivery_topic,
    lose_delivery_thread,
    mark_unreachable,
    migrate_chat,
    note_lost_topic_told,
)

log = logging.getLogger(__name__)

Status = Literal["sent", "blocked", "failed", "later", "unconfirmed", "skipped", "stopped"]
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
MAX_MIGRATIONS = 2
LEDGER_TRIES = 3  # a ledger write the database refuses (another process's long write) is tried again
T = TypeVar("T")
# what Telegram answers (400) to a message for a forum topic that is closed or gone
LOST_TOPIC = ("topic_closed", "topic_deleted", "message thread not found")
# httpx errors raised before the whole request was written: Telegram cannot have acted on it
NEVER_SENT = (
    httpx.PoolTimeout, httpx.ConnectTimeout, httpx.ConnectError, httpx.WriteTimeout, httpx.WriteError
)  # fmt: skip


@dataclass(frozen=True)
class SendPolicy:
    """How hard one run tries: ``attempts`` for 5xx answers and requests that never left (waiting
    ``backoff`` seconds, doubled each time), ``retry_afters`` 429s per message, ``workers`` chats served
    at once; a message that may have arrived unconfirmed is sent again in later runs ``resends`` times."""

    attempts: int = 3
    backoff: float = 0.5
    retry_afters: int = 5
    workers: int = 16
    resends: int = 1


class Ledger(Protocol):
    """Where one message's delivery is recorded (a digest part, an alert)."""

    def claim(self, chat_id: int) -> bool: ...

    def confirm(self, chat_id: int, message_id: int, plain: bool) -> None: ...

    def release(self, chat_id: int, error: str) -> None: ...

    def fail(self, chat_id: int, error: str) -> None: ...

    def unconfirmed(self, chat_id: int, error: str, resends: int) -> bool:
        """Sent, perhaps received, never confirmed: pending again if resent fewer than ``resends``
        times (True), else given up."""
        ...


@dataclass
class Tally:
    """What a run did, counted as it goes."""

    sent: int = 0
    plain: int = 0
    failed: int = 0
    later: int = 0
    unconfirmed: int = 0
    deactivated: int = 0
    migrated: int = 0
    retried: int = 0
    rate_limited: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    moves: list[tuple[int, int]] = field(default_factory=list)


def _seconds(value: int | float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def never_sent(exc: NetworkError) -> bool:
    """Whether the request surely never reached Telegram (so sending it again cannot duplicate it)."""
    return isinstance(exc.__cause__, NEVER_SENT)


def answered(exc: NetworkError) -> bool:
    """Whether Telegram answered (a 5xx) rather than the connection failing on the way."""
    return not isinstance(exc, TimedOut) and not isinstance(exc.__cause__, httpx.HTTPError)


# a lost-topic notice Telegram refused: the same notice would be refused again
_NOTICE_REFUSED = "chat %s: the notice of its lost topic was refused (%s); not sent again"


class Sender:
    """Sends messages for one run: a bot, the process's pacer, a policy, and the run's tally."""

    def __init__(
        self,
        app: App,
        bot: Bot,
        pacer: Pacer,
        policy: SendPolicy | None = None,
        *,
        stop: asyncio.Event | None = None,
    ):
        self.app, self.bot, self.pacer = app, bot, pacer
        self.policy = policy or SendPolicy()
        self.stop = stop or asyncio.Event()
        self.tally = Tally()

    @property
    def stopping(self) -> bool:
        return self.stop.is_set()

    async def _slot(self, chat_id: int) -> bool:
        """Wait for the chat's pacer slot; False if the run was stopped first (no slot is used then)."""
        if self.stopping:
            return False
        slot = asyncio.ensure_future(self.pacer.wait(chat_id))
        stopped = asyncio.ensure_future(self.stop.wait())
        try:
            await asyncio.wait({slot, stopped}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (slot, stopped):
                task.cancel()
            await asyncio.gather(slot, stopped, return_exceptions=True)
        return not self.stopping and not slot.cancelled() and slot.exception() is None

    def block(self, chat_id: int, reason: str) -> None:
        """The chat refuses our messages: deactivate it and give up its unsent messages."""
        now = self.app.now()
        mark_unreachable(self.app.db, chat_id, reason=reason, now=now)
        fail_chat(self.app.db, chat_id, error=f"chat unreachable: {reason}", now=now)
        drop_chat_alerts(self.app.db, chat_id, error=f"chat unreachable: {reason}", now=now)
        self.tally.deactivated += 1
        self.tally.errors.append((chat_id, reason))
        log.info("chat %s deactivated: %s", chat_id, reason)

    def migrate(self, old: int, new: int) -> None:
        migrate_chat(self.app.db, old, new, now=self.app.now())
        self.tally.migrated += 1
        self.tally.moves.append((old, new))
        log.info("chat %s migrated to %s", old, new)

    async def send(self, chat_id: int, html: str, plain: str, ledger: Ledger) -> tuple[Status, int]:
        """Deliver one message; returns the outcome and the chat id it ended up at (after migration)."""
        # Claimed before the pacer's wait, so that nothing (no database write) comes between the send
        # slot and the request; a crash while waiting only makes the unsent message pending again.
        if self.stopping:
            return "stopped", chat_id
        try:
            if not await self._record(lambda: ledger.claim(chat_id)):
                return "skipped", chat_id
        except sqlite3.OperationalError as exc:  # not claimed: still pending, for the next run
            log.warning(
                "chat %s: the database is busy (%s); the message waits for the next run", chat_id, exc
            )
            self.tally.later += 1
            self.tally.errors.append((chat_id, f"database busy: {exc}"))
            return "later", chat_id
        as_plain, errors, floods, moves = False, 0, 0, 0
        thread, owed = await self._record(partial(delivery_topic, self.app.db, chat_id))
        if owed:  # the notice of its lost topic failed for now before: it goes first
            await self._tell_lost_topic(chat_id)
        while True:
            if not await self._slot(chat_id):
                self._release_now(ledger, chat_id, "not sent: the bot was stopping")
                return "stopped", chat_id
            try:
                message = await self.bot.send_message(
                    chat_id,
                    plain if as_plain else html,
                    parse_mode=None if as_plain else ParseMode.HTML,
                    link_preview_options=NO_PREVIEW,
                    message_thread_id=thread,
                )
            except RetryAfter as exc:
                self.pacer.retry_after(chat_id, _seconds(exc.retry_after))
                self.tally.rate_limited += 1
                floods += 1
                if floods > self.policy.retry_afters:
                    return await self._later(ledger, chat_id, f"flood control: {exc}")
                continue
            except ChatMigrated as exc:
                moves += 1
                if moves > MAX_MIGRATIONS:
                    return await self._failed(ledger, chat_id, f"migrated more than {MAX_MIGRATIONS} times")
                self.migrate(chat_id, exc.new_chat_id)
                chat_id = exc.new_chat_id
                thread = await self._record(partial(delivery_thread, self.app.db, chat_id))
                continue
            except Forbidden as exc:
                self.block(chat_id, exc.message)
                return "blocked", chat_id
            except BadRequest as exc:
                text = exc.message.lower()
                if "can't parse entities" in text and not as_plain and plain:
                    log.warning(
                        "chat %s: Telegram could not parse our HTML (%s); sending plain text", chat_id, exc
                    )
                    as_plain = True
                    continue
                if thread is not None and any(lost in text for lost in LOST_TOPIC):
                    await self._lose_topic(chat_id, thread, exc.message)
                    thread = None
                    continue
                if "chat not found" in text:
                    self.block(chat_id, exc.message)
                    return "blocked", chat_id
                return await self._failed(ledger, chat_id, f"refused by Telegram: {exc.message}")
            except InvalidToken:
                self._release_now(ledger, chat_id, "the bot token was refused")
                raise
            except asyncio.CancelledError:  # the run was cut short (a refused token elsewhere, a stop)
                self._release_now(ledger, chat_id, "interrupted: it may have arrived")
                raise
            except NetworkError as exc:  # 5xx, timeouts, connection errors
                if not never_sent(exc) and not answered(exc):  # it may have arrived: not again now
                    return await self._unconfirmed(ledger, chat_id, f"{type(exc).__name__}: {exc}")
                errors += 1
                if errors >= self.policy.attempts:
                    return await self._later(ledger, chat_id, f"{type(exc).__name__}: {exc}")
                self.tally.retried += 1
                await asyncio.sleep(self.policy.backoff * 2 ** (errors - 1))
                continue
            except TelegramError as exc:
                return await self._later(ledger, chat_id, f"{type(exc).__name__}: {exc}")
            except Exception as exc:  # a bug, not Telegram: logged, and the message waits for the next run
                log.exception("sending to chat %s failed unexpectedly", chat_id)
                return await self._later(ledger, chat_id, f"{type(exc).__name__}: {exc}")
            try:
                await self._record(partial(ledger.confirm, chat_id, message.message_id, as_plain))
            except sqlite3.OperationalError as exc:
                log.error(
                    "chat %s: Telegram took the message but the database refused to record it (%s);"
                    " it will be sent again",
                    chat_id,
                    exc,
                )
                self._release_now(ledger, chat_id, f"sent, but not recorded: {exc}")
            self.pacer.sent()
            self.tally.sent += 1
            self.tally.plain += as_plain
            return "sent", chat_id

    async def _lose_topic(self, chat_id: int, thread: int, error: str) -> None:
        """The chat's topic is closed or deleted: this message and the chat's next ones go to General
        (a closed topic would refuse every digest), and the loss is recorded with Telegram's words. The
        run that records it tells the group first, in General, why its posts come there now and how to
        move them (see ``lost_topic_notice``): else they seem to have moved for no reason."""
        log.warning("chat %s: topic %s refused (%s); sending to General from now on", chat_id, thread, error)
        self.tally.errors.append((chat_id, f"topic {thread} refused, sent to General: {error}"))
        now = self.app.now()
        if await self._settle(
            chat_id, lambda: lose_delivery_thread(self.app.db, chat_id, thread, error=error, now=now)
        ):
            await self._tell_lost_topic(chat_id)

    async def _tell_lost_topic(self, chat_id: int) -> None:
        """Send the lost-topic notice, remembered as told once Telegram took it, or refused it outright (a
        second try would be refused too), or may have taken it (no answer: never twice). One that failed
        for now (a 429, a 5xx, no connection, the run stopping) is logged and stays untold: it goes
        before the chat's next message. Never more than one try per message: the digest or alert it
        comes before is what must arrive."""
        if not await self._slot(chat_id):
            return
        try:
            text = await self._record(partial(lost_topic_notice, self.app, chat_id))
            await self.bot.send_message(chat_id, text, link_preview_options=NO_PREVIEW)
            self.pacer.sent()
        except RetryAfter as exc:
            self.pacer.retry_after(chat_id, _seconds(exc.retry_after))
            return self._notice_later(chat_id, exc)
        except BadRequest as exc:  # refused: the same notice would be refused again
            log.warning(_NOTICE_REFUSED, chat_id, exc)
        except NetworkError as exc:
            if never_sent(exc) or answered(exc):
                return self._notice_later(chat_id, exc)
            log.warning(
                "chat %s: no answer to the notice of its lost topic (%s); not sent again", chat_id, exc
            )
        except TelegramError as exc:  # Forbidden, a chat gone: its message will tell
            log.warning(_NOTICE_REFUSED, chat_id, exc)
        except sqlite3.OperationalError as exc:
            return self._notice_later(chat_id, exc)
        now = self.app.now()
        await self._settle(chat_id, lambda: note_lost_topic_told(self.app.db, chat_id, now=now))

    @staticmethod
    def _notice_later(chat_id: int, exc: Exception) -> None:
        log.warning(
            "chat %s: the notice of its lost topic was not sent (%s); it goes before the chat's next message",
            chat_id,
            exc,
        )

    async def _record(self, write: Callable[[], T]) -> T:
        """A ledger write, tried again after a pause while the database is locked by another process."""
        for attempt in range(1, LEDGER_TRIES):
            try:
                return write()
            except sqlite3.OperationalError as exc:
                log.warning("the database is busy (%s); trying again", exc)
                await asyncio.sleep(0.5 * attempt)
        return write()

    async def _settle(self, chat_id: int, write: Callable[[], T]) -> T | None:
        """Record an outcome and return what the write returned; if the database keeps refusing, None,
        and the message stays claimed: it is sent again at the next start."""
        try:
            return await self._record(write)
        except sqlite3.OperationalError as exc:
            log.error("chat %s: the outcome of a send could not be recorded (%s)", chat_id, exc)
            return None

    @staticmethod
    def _release_now(ledger: Ledger, chat_id: int, error: str) -> None:
        try:
            ledger.release(chat_id, error)
        except sqlite3.OperationalError as exc:
            log.error(
                "chat %s: the message could not be put back (%s); it is sent at the next start", chat_id, exc
            )

    async def _later(self, ledger: Ledger, chat_id: int, error: str) -> tuple[Status, int]:
        await self._settle(chat_id, lambda: ledger.release(chat_id, error))
        self.tally.later += 1
        self.tally.errors.append((chat_id, error))
        return "later", chat_id

    async def _unconfirmed(self, ledger: Ledger, chat_id: int, error: str) -> tuple[Status, int]:
        again = bool(
            await self._settle(chat_id, lambda: ledger.unconfirmed(chat_id, error, self.policy.resends))
        )
        self.tally.unconfirmed += 1
        self.tally.errors.append((chat_id, f"unconfirmed: {error}"))
        log.warning(
            "chat %s: no answer from Telegram (%s); the message may have arrived, %s",
            chat_id,
            error,
            "it is sent again in a later run" if again else "it is not sent again",
        )
        return "unconfirmed", chat_id

    async def _failed(self, ledger: Ledger, chat_id: int, error: str) -> tuple[Status, int]:
        await self._settle(chat_id, lambda: ledger.fail(chat_id, error))
        self.tally.failed += 1
        self.tally.errors.append((chat_id, error))
        return "failed", chat_id
