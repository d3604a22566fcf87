"""The replies' rate limiter: each request to a chat takes its slot from the process's :class:`Pacer`,
the one the digests and alerts are paced by (one budget, overall and per chat, the replies first; see
``pacer``), and a 429 is retried after the time Telegram asks, holding back only the chat it was for.
python-telegram-bot's ``AIORateLimiter`` paused every request of the bot on any 429, so one chat's flood
(a long answer in many parts, fast presses) left every other chat without answers for the whole
``retry_after`` (QA13b F2); and it paced the replies apart from the fan-out, which kept pacing of its
own: together they went over Telegram's 30 a second, and one chat could get a reply and a digest part at
once, each within its own pacer's limit.

Telegram asks for about one message a second in one chat, tolerating short bursts: a chat's messages
(sends, and edits: the paging buttons) are paced at most ``Limits.chat_burst`` in any
``Limits.chat_window`` seconds, counting the fan-out's messages to it, so an answer in a few parts
(text, chart) still goes at once, while a chat asking faster than one message a second is answered one
message a second. Only that chat waits. A request that posts nothing in its chat (``sendChatAction``,
``deleteMessage``...) takes an overall slot only, as python-telegram-bot's limiter paced every request
with a chat; one without a chat (answering a button press, ``getMe``) is not paced. A 429 all the same
(Telegram's own limits are not published) holds the chat in the pacer too, so the fan-out waits for it
as well, and slows the pacer."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

from briefing.adapters.pacer import Pacer, Turn

log = logging.getLogger(__name__)
SLACK = 0.1  # seconds added to Telegram's retry_after, as PTB does
MAX_HELD = 512  # chats held at once before the expired holds are swept
# the requests that post or change a message in a chat (Telegram counts those); sendChatAction posts none
PACED_PREFIXES = ("send", "copyMessage", "forwardMessage", "editMessage")
UNPACED = frozenset({"sendChatAction"})

Result = bool | dict[str, Any] | list[dict[str, Any]]


@dataclass(frozen=True)
class _Refused:
    """A 429, as an attempt's result (retried, or raised after the last retry)."""

    error: RetryAfter


class ChatRateLimiter(BaseRateLimiter[int]):
    """Replies paced by the process's :class:`Pacer` (their own, if none is given), with a retry after
    a 429 that waits for the chat's hold alone; requests without a chat (answering a button press,
    getMe...) share one hold of their own."""

    def __init__(
        self, *, max_retries: int, pacer: Pacer | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.max_retries = max_retries
        self.pacer = pacer or Pacer()
        self._held: dict[str | None, float] = {}  # chat → when it may send again (clock seconds)
        self._clock = clock

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Result:
        retries = rate_limit_args or self.max_retries
        chat_id = data.get("chat_id")
        chat = None if chat_id is None else str(chat_id)
        number = _chat_number(chat_id)
        in_chat = endpoint.startswith(PACED_PREFIXES) and endpoint not in UNPACED
        for tried in range(retries + 1):
            await self._wait_for(chat)
            turn = await self._slot(chat, number if in_chat else None)
            try:
                done: Result | _Refused = await callback(*args, **kwargs)
            except RetryAfter as exc:
                done = _Refused(exc)
            finally:
                if turn is not None:
                    self.pacer.answered(turn)
            if not isinstance(done, _Refused):
                if turn is not None:
                    self.pacer.sent()
                return done
            wait = done.error.retry_after
            seconds = (wait.total_seconds() if isinstance(wait, timedelta) else float(wait)) + SLACK
            if tried == retries:
                log.warning("%s to chat %s: still 429 after %d retries", endpoint, chat, retries)
                raise done.error
            log.info("%s to chat %s: 429, chat held back %.1f s", endpoint, chat, seconds)
            self._hold(chat, seconds)
            if in_chat and number is not None:  # the fan-out holds back too; the pacer slows
                self.pacer.retry_after(number, seconds)
        raise AssertionError("unreachable")  # the loop returns or raises

    async def _slot(self, chat: str | None, number: int | None) -> Turn | None:
        """The request's slot: in its chat's window (``number``), or an overall one for another request
        to a chat; none for a request without a chat."""
        if chat is None:
            return None
        return await self.pacer.wait(number, reply=True)

    def _hold(self, chat: str | None, seconds: float) -> None:
        now = self._clock()
        if len(self._held) >= MAX_HELD:
            self._held = {k: until for k, until in self._held.items() if until > now}
        self._held[chat] = max(self._held.get(chat, now), now + seconds)

    async def _wait_for(self, chat: str | None) -> None:
        while (until := self._held.get(chat)) is not None:
            left = until - self._clock()
            if left <= 0:
                self._held.pop(chat, None)
                return
            await asyncio.sleep(left)


def _chat_number(chat_id: Any) -> int | None:
    """A request's chat as the pacer counts it (a ``@channel`` name: not counted per chat)."""
    if isinstance(chat_id, int) and not isinstance(chat_id, bool):
        return chat_id
    try:
        return int(str(chat_id))
    except ValueError:
        return None
