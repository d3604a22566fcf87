"""The replies' rate limiter: python-telegram-bot's ``AIORateLimiter`` (the overall and per-group
pacing, and a 429 retried after the time Telegram asks), except that a 429 holds back only the chat it
was for. PTB's pauses every request of the bot on any 429, so one chat's flood (a long answer in many
parts, fast presses) left every other chat without answers for the whole ``retry_after`` (QA13b F2).
Telegram's 429s are counted per chat; the overall 30 a second is kept by the pacing.

Only PTB's public API is used: each attempt goes through ``AIORateLimiter.process_request`` (its pacing:
30 requests a second to chats, 20 a minute to each group or channel, paid broadcasts apart), with a
callback that hands a 429 back as a value instead of raising it, so PTB neither pauses every chat nor
logs an error for it; the retry, after the chat's hold, is this class's own.

Telegram asks for about one message a second in one chat, tolerating short bursts, and PTB's pacing
does not count per chat (a private chat is not paced at all): a user sending /brief ten times in a row
got ten answers as fast as the bot made them, and the 429s that follow. Each chat's messages (sends,
not edits or button answers) are paced here too: at most ``CHAT_BURST`` in any ``CHAT_WINDOW`` seconds,
so an answer in a few parts (text, chart) still goes at once, while a chat asking faster than one
message a second is answered one message a second. Only that chat waits; a 429 all the same (Telegram's
own limits are not published) is retried as above."""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import AIORateLimiter

log = logging.getLogger(__name__)
SLACK = 0.1  # seconds added to Telegram's retry_after, as PTB does
MAX_HELD = 512  # chats held at once before the expired holds are swept
CHAT_BURST = 3  # messages one chat may get at once (an answer's parts, its chart)...
CHAT_WINDOW = 3.0  # ...in any this many seconds: one a second on average, Telegram's figure for a chat
MAX_PACED = 4096  # chats counted at once before those with nothing in their window are swept
# the requests that post a message in a chat (Telegram counts those); sendChatAction posts none
PACED_PREFIXES = ("send", "copyMessage", "forwardMessage")
UNPACED = frozenset({"sendChatAction"})

Result = bool | dict[str, Any] | list[dict[str, Any]]


@dataclass(frozen=True)
class _Refused:
    """A 429, passed back through PTB's pacing as the request's result."""

    error: RetryAfter


@dataclass
class _Turn:
    """One message of a chat's window: when it counts from (its request's answer, once it came)."""

    at: float


class ChatRateLimiter(AIORateLimiter):
    """``AIORateLimiter`` whose retry after a 429 waits for the chat's hold alone; requests without a
    chat (answering a button press, getMe...) share one hold of their own."""

    def __init__(
        self,
        *,
        max_retries: int,
        clock: Callable[[], float] = time.monotonic,
        chat_burst: int = CHAT_BURST,
        chat_window: float = CHAT_WINDOW,
    ) -> None:
        super().__init__(max_retries=0)  # PTB's pacing only: the retries are this class's
        self.max_retries = max_retries
        self.chat_burst, self.chat_window = chat_burst, chat_window
        self._held: dict[str | None, float] = {}  # chat → when it may send again (clock seconds)
        self._sent: dict[str, deque[_Turn]] = {}  # chat → its last messages (its window)
        self._clock = clock

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

        async def attempt(*a: Any, **k: Any) -> Result | _Refused:
            try:
                return await callback(*a, **k)
            except RetryAfter as exc:
                return _Refused(exc)

        paced = chat is not None and endpoint.startswith(PACED_PREFIXES) and endpoint not in UNPACED
        for tried in range(retries + 1):
            await self._wait_for(chat)
            turn = await self._take_turn(chat) if paced and chat is not None else None
            try:
                done = await super().process_request(attempt, args, kwargs, endpoint, data, None)  # type: ignore[arg-type]
            finally:
                if turn is not None:  # counted from its answer: Telegram got it by then, not before
                    turn.at = max(turn.at, self._clock())
            if not isinstance(done, _Refused):
                return done
            wait = done.error.retry_after
            seconds = (wait.total_seconds() if isinstance(wait, timedelta) else float(wait)) + SLACK
            if tried == retries:
                log.warning("%s to chat %s: still 429 after %d retries", endpoint, chat, retries)
                raise done.error
            log.info("%s to chat %s: 429, chat held back %.1f s", endpoint, chat, seconds)
            self._hold(chat, seconds)
        raise AssertionError("unreachable")  # the loop returns or raises

    def _hold(self, chat: str | None, seconds: float) -> None:
        now = self._clock()
        if len(self._held) >= MAX_HELD:
            self._held = {k: until for k, until in self._held.items() if until > now}
        self._held[chat] = max(self._held.get(chat, now), now + seconds)

    async def _take_turn(self, chat: str) -> _Turn:
        """Wait until ``chat`` has room in its window (``chat_burst`` messages in ``chat_window`` s),
        then count this message in it. The turn's time is moved to the request's answer once it comes:
        counted from the moment it left, a message slow on its way (a busy machine) reached Telegram
        late and the one a window later came too soon after it (a 429)."""
        if chat not in self._sent and len(self._sent) >= MAX_PACED:
            edge = self._clock() - self.chat_window
            self._sent = {c: turns for c, turns in self._sent.items() if turns and turns[-1].at > edge}
        sent = self._sent.setdefault(chat, deque())
        while True:
            now = self._clock()
            while sent and sent[0].at <= now - self.chat_window:
                sent.popleft()
            if len(sent) < self.chat_burst:
                turn = _Turn(now)
                sent.append(turn)
                return turn
            await asyncio.sleep(sent[0].at + self.chat_window - now)

    async def _wait_for(self, chat: str | None) -> None:
        while (until := self._held.get(chat)) is not None:
            left = until - self._clock()
            if left <= 0:
                self._held.pop(chat, None)
                return
            await asyncio.sleep(left)
