"""Pacing outgoing messages under Telegram's flood limits, on our side, before Telegram has to refuse.

Telegram allows about 30 messages a second overall, one a second to one chat, and 20 a minute to one
group. The pacer hands out send slots evenly spaced (no bursts: Telegram and the loopback server count
in sliding windows) at ``Limits.per_second``, a little under 30, keeps each chat's messages
``chat_interval`` apart and each group under ``group_per_window`` in ``group_window`` seconds.

When Telegram still answers 429 (``RetryAfter``), :meth:`Pacer.retry_after` keeps that chat waiting the
time Telegram asked, and slows the overall rate by ``slowdown``; each message that goes through then
wins back ``recovery`` of the configured rate. A ``RetryAfter`` of ``flood_pause`` seconds or more is
read as the whole bot being flood-limited, and pauses every send for that long.

    pacer = Pacer(Limits())
    await pacer.wait(chat_id)  # returns when this chat may send now
    pacer.sent()               # after Telegram accepted it
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Pacing settings; the defaults keep a small margin under Telegram's limits."""

    per_second: float = 29.0
    chat_interval: float = 1.05
    group_per_window: int = 20
    group_window: float = 61.0
    slowdown: float = 0.9
    recovery: float = 0.02
    min_per_second: float = 1.0
    flood_pause: float = 5.0


class Pacer:
    """Send slots for one bot, shared by every sender in the process (single event loop)."""

    def __init__(
        self,
        limits: Limits | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ):
        self.limits = limits or Limits()
        self.rate = self.limits.per_second
        self._clock, self._sleep = clock, sleep
        self._next_slot = 0.0
        self._paused_until = 0.0
        self._chat_ready: dict[int, float] = {}
        self._groups: dict[int, deque[float]] = {}
        self.retry_afters = 0
        self.granted = 0

    def _group_ready(self, chat_id: int, now: float) -> float:
        log = self._groups.get(chat_id)
        if not log:
            return now
        while log and log[0] + self.limits.group_window <= now:
            log.popleft()
        if len(log) < self.limits.group_per_window:
            return now
        return log[0] + self.limits.group_window

    def ready_at(self, chat_id: int) -> float:
        """When this chat may take a slot, by its own limits and any global pause."""
        now = self._clock()
        ready = max(now, self._chat_ready.get(chat_id, 0.0), self._paused_until)
        if chat_id < 0:
            ready = max(ready, self._group_ready(chat_id, now))
        return ready

    async def wait(self, chat_id: int) -> None:
        """Wait for this chat's next send slot."""
        while (ready := self.ready_at(chat_id)) > self._clock():
            await self._sleep(ready - self._clock())
        now = self._clock()
        slot = max(now, self._next_slot)
        self._next_slot = slot + 1.0 / self.rate
        self._chat_ready[chat_id] = slot + self.limits.chat_interval
        if chat_id < 0:
            self._groups.setdefault(chat_id, deque()).append(slot)
        self.granted += 1
        if self.granted % 1024 == 0:
            self._forget(now)
        if slot > now:
            await self._sleep(slot - now)

    def _forget(self, now: float) -> None:
        """Drop chats whose limits no longer hold anything back (keeps memory flat over long runs)."""
        self._chat_ready = {c: t for c, t in self._chat_ready.items() if t > now}
        cutoff = now - self.limits.group_window
        self._groups = {c: q for c, q in self._groups.items() if q and q[-1] > cutoff}

    def sent(self) -> None:
        """A message went through: win back some of the rate lost to RetryAfter."""
        if self.rate < self.limits.per_second:
            self.rate = min(self.limits.per_second, self.rate + self.limits.recovery * self.limits.per_second)

    def retry_after(self, chat_id: int, seconds: float) -> None:
        """Telegram said to wait ``seconds``: the chat waits, the pacer slows (or pauses, if long)."""
        self.retry_afters += 1
        now = self._clock()
        self._chat_ready[chat_id] = max(self._chat_ready.get(chat_id, 0.0), now + seconds)
        self.rate = max(self.limits.min_per_second, self.rate * self.limits.slowdown)
        if seconds >= self.limits.flood_pause:
            self._paused_until = max(self._paused_until, now + seconds)
