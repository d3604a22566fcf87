"""Sending one message to Telegram with the bookkeeping that makes a fan-out safe to repeat.

:meth:`Sender.send` claims the message in the store (``Ledger.claim``), waits for a pacer slot, sends
it, and records the outcome. Telegram's answers, as python-telegram-bot raises them:

TelegramError
 ├── RetryAfter          429: the chat waits what Telegram asked, the pacer slows; then sent again
 ├── ChatMigrated        the group became a supergroup: the subscription moves, sent to the new id
 ├── Forbidden           blocked, kicked, deactivated: the subscriber is deactivated, the chat skipped
 ├── NetworkError        5xx, connection trouble: retried with backoff, then left for the next run
 │    ├── TimedOut       (same; the message may have arrived: the at-least-once edge)
 │    └── BadRequest     "can't parse entities": re-sent as plain text; "chat not found": as Forbidden;
 │                       anything else: this message failed for good, the chat's next one goes on
 └── InvalidToken        nothing can be sent: the run stops
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Literal, Protocol

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
)

from briefing.adapters.pacer import Pacer
from briefing.service import App
from store.alerts import fail_chat_alerts
from store.deliveries import fail_chat
from store.subscribers import mark_unreachable, migrate_chat

log = logging.getLogger(__name__)

Status = Literal["sent", "blocked", "failed", "later", "skipped"]
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
MAX_MIGRATIONS = 2


@dataclass(frozen=True)
class SendPolicy:
    """How hard one run tries: ``attempts`` for 5xx/network errors (waiting ``backoff`` seconds, doubled
    each time), ``retry_afters`` 429s per message, ``workers`` chats served at once."""

    attempts: int = 3
    backoff: float = 0.5
    retry_afters: int = 5
    workers: int = 16


class Ledger(Protocol):
    """Where one message's delivery is recorded (a digest part, an alert)."""

    def claim(self, chat_id: int) -> bool: ...

    def confirm(self, chat_id: int, message_id: int, plain: bool) -> None: ...

    def release(self, chat_id: int, error: str) -> None: ...

    def fail(self, chat_id: int, error: str) -> None: ...


@dataclass
class Tally:
    """What a run did, counted as it goes."""

    sent: int = 0
    plain: int = 0
    failed: int = 0
    later: int = 0
    deactivated: int = 0
    migrated: int = 0
    retried: int = 0
    rate_limited: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    moves: list[tuple[int, int]] = field(default_factory=list)


def _seconds(value: int | float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class Sender:
    """Sends messages for one run: a bot, the process's pacer, a policy, and the run's tally."""

    def __init__(self, app: App, bot: Bot, pacer: Pacer, policy: SendPolicy | None = None):
        self.app, self.bot, self.pacer = app, bot, pacer
        self.policy = policy or SendPolicy()
        self.tally = Tally()

    def block(self, chat_id: int, reason: str) -> None:
        """The chat refuses our messages: deactivate it and give up its unsent messages."""
        now = self.app.now()
        mark_unreachable(self.app.db, chat_id, reason=reason, now=now)
        fail_chat(self.app.db, chat_id, error=f"chat unreachable: {reason}", now=now)
        fail_chat_alerts(self.app.db, chat_id, error=f"chat unreachable: {reason}", now=now)
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
        if not ledger.claim(chat_id):
            return "skipped", chat_id
        as_plain, errors, floods, moves = False, 0, 0, 0
        while True:
            await self.pacer.wait(chat_id)
            try:
                message = await self.bot.send_message(
                    chat_id,
                    plain if as_plain else html,
                    parse_mode=None if as_plain else ParseMode.HTML,
                    link_preview_options=NO_PREVIEW,
                )
            except RetryAfter as exc:
                self.pacer.retry_after(chat_id, _seconds(exc.retry_after))
                self.tally.rate_limited += 1
                floods += 1
                if floods > self.policy.retry_afters:
                    return self._later(ledger, chat_id, f"flood control: {exc}")
                continue
            except ChatMigrated as exc:
                moves += 1
                if moves > MAX_MIGRATIONS:
                    return self._failed(ledger, chat_id, f"migrated more than {MAX_MIGRATIONS} times")
                self.migrate(chat_id, exc.new_chat_id)
                chat_id = exc.new_chat_id
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
                if "chat not found" in text:
                    self.block(chat_id, exc.message)
                    return "blocked", chat_id
                return self._failed(ledger, chat_id, f"refused by Telegram: {exc.message}")
            except InvalidToken:
                ledger.release(chat_id, "the bot token was refused")
                raise
            except NetworkError as exc:  # 5xx, timeouts, connection errors
                errors += 1
                if errors >= self.policy.attempts:
                    return self._later(ledger, chat_id, f"{type(exc).__name__}: {exc}")
                self.tally.retried += 1
                await asyncio.sleep(self.policy.backoff * 2 ** (errors - 1))
                continue
            except TelegramError as exc:
                return self._later(ledger, chat_id, f"{type(exc).__name__}: {exc}")
            except Exception as exc:  # a bug, not Telegram: logged, and the message waits for the next run
                log.exception("sending to chat %s failed unexpectedly", chat_id)
                return self._later(ledger, chat_id, f"{type(exc).__name__}: {exc}")
            ledger.confirm(chat_id, message.message_id, as_plain)
            self.pacer.sent()
            self.tally.sent += 1
            self.tally.plain += as_plain
            return "sent", chat_id

    def _later(self, ledger: Ledger, chat_id: int, error: str) -> tuple[Status, int]:
        ledger.release(chat_id, error)
        self.tally.later += 1
        self.tally.errors.append((chat_id, error))
        return "later", chat_id

    def _failed(self, ledger: Ledger, chat_id: int, error: str) -> tuple[Status, int]:
        ledger.fail(chat_id, error)
        self.tally.failed += 1
        self.tally.errors.append((chat_id, error))
        return "failed", chat_id
