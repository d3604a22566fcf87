"""Pacing outgoing messages under Telegram's flood limits, on our side, before Telegram has to refuse.

Telegram allows about 30 messages a second overall, one a second to one chat (short bursts allowed), and
20 a minute to one group, and counts in sliding windows. The pacer counts the same way, on the moments it
actually granted a send: at most ``Limits.per_window`` grants in any ``Limits.window`` seconds (30 in
1.02 s: a 20 ms margin for the way to Telegram), at least ``min_gap`` apart (no bursts), each chat at most
``chat_burst`` messages in any ``chat_window`` seconds and each group at most ``group_per_window`` in
``group_window`` seconds. Because every limit is measured on real grant times, an event loop that stalled
cannot release a burst when it wakes, and lateness costs throughput once per window, not once per message.

One pacer serves the whole process: the replies (``chat_limiter.ChatRateLimiter``, with ``reply=True``)
and the digests' and alerts' fan-out share its overall budget and each chat's window, so the two together
stay under Telegram's 30 a second, and a chat that just got a reply does not get a digest part at once
as well (two pacers each kept its own limits, and together went over both). Replies come first: a reply
whose chat may send takes the next overall slot before any fan-out message waiting for it, so a user's
command is not answered behind a fan-out of 10,000 digests. A reply may use the chat's burst at once (an
answer in a few parts, its chart); the fan-out also keeps ``chat_interval`` after the chat's last message
(one a second, never a burst). A request of a reply that posts nothing in its chat (``sendChatAction``)
takes an overall slot only (``chat_id=None``).

When Telegram still answers 429 (``RetryAfter``), :meth:`Pacer.retry_after` keeps that chat waiting the
time Telegram asked and slows everything by ``slowdown`` (the windows stretch); each message that goes
through wins back ``recovery`` (so a rare 429 costs one short pause, while more than about one refusal
in six messages keeps slowing the bot down until Telegram stops refusing). A ``RetryAfter`` of
``flood_pause`` seconds or more is read as the whole bot being flood-limited, and pauses every send
for that long.

    pacer = Pacer(Limits())
    turn = await pacer.wait(chat_id)  # returns when this chat may send: send at once
    pacer.answered(turn)              # Telegram answered: the chat's window counts from now
    pacer.sent()                      # after Telegram accepted it
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
    chat_burst: int = 3  # messages one chat may get at once (an answer's parts, its chart)...
    chat_window: float = 3.0  # ...in any this many seconds: one a second on average, Telegram's figure
    group_per_window: int = 20
    group_window: float = 61.0
    slowdown: float = 0.98
    recovery: float = 0.004
    min_speed: float = 0.05
    flood_pause: float = 5.0

    @property
    def per_second(self) -> float:
        return self.per_window / self.window


@dataclass
class Turn:
    """One message's place in its chat's window: when it counts from (moved to its request's answer by
    :meth:`Pacer.answered`: a message slow on its way reached Telegram late, and counted from the moment
    it left, the one a window later came too soon after it)."""

    at: float


class Pacer:
    """Send slots for one bot, shared by every sender in the process (single event loop): the replies'
    limiter and the fan-out."""

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
        self._turn = asyncio.Lock()  # the fan-out's messages take their slots one at a time, in order
        self._replies = 0  # replies waiting for an overall slot (their chat may send): they go first
        self._held: dict[int, float] = {}  # chat → when it may send again (Telegram's RetryAfter)
        self._recent: dict[int, deque[Turn]] = {}  # chat → its last ``chat_burst`` messages
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

    def ready_at(self, chat_id: int, *, reply: bool = False, now: float | None = None) -> float:
        """When this chat may take a slot (``now`` at the earliest: the clock's, by default), by its own
        limits and any global pause: its window (a reply may use its burst), and for the fan-out
        ``chat_interval`` after its last message."""
        now = self._clock() if now is None else now
        ready = max(now, self._held.get(chat_id, 0.0), self._paused_until)
        recent = self._recent.get(chat_id)
        if recent:
            if len(recent) >= self.limits.chat_burst:
                ready = max(ready, min(t.at for t in recent) + self.limits.chat_window)
            if not reply:
                ready = max(ready, max(t.at for t in recent) + self.limits.chat_interval)
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

    async def wait(self, chat_id: int | None, *, reply: bool = False) -> Turn:
        """Wait for this chat's next send slot (``None``: an overall slot only); send right after it
        returns. ``reply``: a reply to a user, served before the fan-out."""
        while True:
            if chat_id is not None:
                while (ready := self.ready_at(chat_id, reply=reply)) > self._clock():
                    await self._sleep(ready - self._clock())
            turn = await (self._reply_slot(chat_id) if reply else self._fanout_slot(chat_id))
            if turn is not None:
                return turn
            # the other kind of message took the chat while this one waited for its slot: out of the
            # line (it would hold back every other chat), wait for the chat again

    async def _reply_slot(self, chat_id: int | None) -> Turn | None:
        self._replies += 1
        try:
            while True:
                now = self._clock()
                if chat_id is not None and self.ready_at(chat_id, reply=True, now=now) > now:
                    return None
                if (at := self._next_grant()) <= now:
                    return self._grant(chat_id, now)
                await self._sleep(at - now)
        finally:
            self._replies -= 1

    async def _fanout_slot(self, chat_id: int | None) -> Turn | None:
        async with self._turn:  # one grant at a time, in arrival order
            while True:
                now = self._clock()
                if chat_id is not None and self.ready_at(chat_id, now=now) > now:
                    return None
                at = self._next_grant()
                if at <= now and not self._replies:
                    return self._grant(chat_id, now)
                # a reply waiting takes this slot: look again a gap later
                await self._sleep(at - now if at > now else self.limits.min_gap / self.speed)

    def _grant(self, chat_id: int | None, now: float) -> Turn:
        self._grants.append(now)
        if len(self._grants) > self.limits.per_window:
            self._grants.popleft()
        turn = Turn(now)
        if chat_id is not None:
            self._recent.setdefault(chat_id, deque(maxlen=self.limits.chat_burst)).append(turn)
            if chat_id < 0:
                self._groups.setdefault(chat_id, deque()).append(now)
        self.granted += 1
        if self.granted % 1024 == 0:
            self._forget(now)
        return turn

    def answered(self, turn: Turn) -> None:
        """Telegram answered the message of ``turn``: its chat's window counts it from now."""
        turn.at = max(turn.at, self._clock())

    def _forget(self, now: float) -> None:
        """Drop chats whose limits no longer hold anything back (keeps memory flat over long runs)."""
        keep = max(self.limits.chat_window, self.limits.chat_interval)
        self._held = {c: t for c, t in self._held.items() if t > now}
        self._recent = {c: q for c, q in self._recent.items() if max(t.at for t in q) + keep > now}
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
        self._held[chat_id] = max(self._held.get(chat_id, 0.0), now + seconds)
        self.speed = max(self.limits.min_speed, self.speed * self.limits.slowdown)
        if seconds >= self.limits.flood_pause:
            self._paused_until = max(self._paused_until, now + seconds)
