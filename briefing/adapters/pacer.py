"""Pacing outgoing messages under Telegram's flood limits, on our side, before Telegram has to refuse.

Telegram allows about 30 messages a second overall, one a second to one chat, and 20 a minute to one
group, and counts in sliding windows. The pacer counts the same way, on the moments it actually granted
a send: at most ``Limits.per_window`` grants in any ``Limits.window`` seconds (30 in 1.02 s: a 20 ms
margin for the way to Telegram), at least ``min_gap`` apart (no bursts), each chat's messages
``chat_interval`` apart and each group's at most ``group_per_window`` in ``group_window`` seconds.
Because every limit is measured on real grant times, an event loop that stalled cannot release a burst
when it wakes, and lateness costs throughput once per window, not once per message.

When Telegram still answers 429 (``RetryAfter``), :meth:`Pacer.retry_after` keeps that chat waiting the
time Telegram asked and slows everything by ``slowdown`` (the windows stretch); each message that goes
through wins back ``recovery`` (so a rare 429 costs one short pause, while more than about one refusal
in six messages keeps slowing the bot down until Telegram stops refusing). A ``RetryAfter`` of
``flood_pause`` seconds or more is read as the whole bot being flood-limited, and pauses every send
for that long.

    pacer = Pacer(Limits())
    await pacer.wait(chat_id)  # returns when this chat may send: send at once
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

    per_window: int = 30
    window: float = 1.02
    min_gap: float = 1 / 40
    chat_interval: float = 1.05
    group_per_window: int = 20
    group_window: float = 61.0
    slowdown: float = 0.98
    recovery: float = 0.004
    min_speed: float = 0.05
    flood_pause: float = 5.0

    @property
    def per_second(self) -> float:
        return self.per_window / self.window


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
        self.speed = 1.0  # 1.0 = full speed; RetryAfter lowers it
        self._clock, self._sleep = clock, sleep
        self._grants: deque[float] = deque()
        self._paused_until = 0.0
        self._turn = asyncio.Lock()
        self._chat_ready: dict[int, float] = {}
        self._groups: dict[int, deque[float]] = {}
        self.retry_afters = 0
        self.granted = 0

    @property
    def rate(self) -> float:
        """Messages per second at the current speed."""
        return self.limits.per_second * self.speed

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

    def _next_grant(self) -> float:
        window, gap = self.limits.window / self.speed, self.limits.min_gap / self.speed
        at = self._paused_until
        if self._grants:
            at = max(at, self._grants[-1] + gap)
            if len(self._grants) >= self.limits.per_window:
                at = max(at, self._grants[-self.limits.per_window] + window)
        return at

    async def wait(self, chat_id: int) -> None:
        """Wait for this chat's next send slot; send right after it returns."""
        while (ready := self.ready_at(chat_id)) > self._clock():
            await self._sleep(ready - self._clock())
        async with self._turn:  # one grant at a time, in arrival order
            while (at := self._next_grant()) > self._clock():
                await self._sleep(at - self._clock())
            now = self._clock()
            self._grants.append(now)
            if len(self._grants) > self.limits.per_window:
                self._grants.popleft()
        self._chat_ready[chat_id] = now + self.limits.chat_interval
        if chat_id < 0:
            self._groups.setdefault(chat_id, deque()).append(now)
        self.granted += 1
        if self.granted % 1024 == 0:
            self._forget(now)

    def _forget(self, now: float) -> None:
        """Drop chats whose limits no longer hold anything back (keeps memory flat over long runs)."""
        self._chat_ready = {c: t for c, t in self._chat_ready.items() if t > now}
        cutoff = now - self.limits.group_window
        self._groups = {c: q for c, q in self._groups.items() if q and q[-1] > cutoff}

    def sent(self) -> None:
        """A message went through: win back some of the speed lost to RetryAfter."""
        if self.speed < 1.0:
            self.speed = min(1.0, self.speed + self.limits.recovery)

    def retry_after(self, chat_id: int, seconds: float) -> None:
        """Telegram said to wait ``seconds``: the chat waits, the pacer slows (or pauses, if long)."""
        self.retry_afters += 1
        now = self._clock()
        self._chat_ready[chat_id] = max(self._chat_ready.get(chat_id, 0.0), now + seconds)
        self.speed = max(self.limits.min_speed, self.speed * self.limits.slowdown)
        if seconds >= self.limits.flood_pause:
            self._paused_until = max(self._paused_until, now + seconds)
