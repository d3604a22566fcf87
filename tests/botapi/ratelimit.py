"""Telegram's flood limits, enforced the way the real server answers them: 429 with ``retry_after``.

Telegram asks bots to stay under about 30 messages per second overall, one message per second in
one chat, and 20 messages per minute in one group. Each limit is a sliding window here: a message
is accepted when every window it falls in has room, and otherwise refused with the whole seconds
until the oldest message in the full window leaves it (at least 1, as Telegram's are).

Usage::

    server.enable_rate_limits(RateLimits())                        # Telegram's figures
    server.enable_rate_limits(RateLimits(per_chat=Window(3, 1.0)))  # allow short bursts per chat
    server.rate_limit_stats  # RateLimitStats(accepted, overall, per_chat, per_group, ...)

Refused requests do not count against the windows. Each check costs O(1) amortised (a deque per
window and chat), so tens of thousands of chats and thousands of requests per second are fine.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

MESSAGE_METHODS = frozenset(
    {"sendMessage", "sendPhoto", "sendDocument", "sendAudio", "sendVideo", "sendAnimation",
     "sendVoice", "sendSticker", "sendMediaGroup", "sendLocation", "sendContact", "sendPoll",
     "copyMessage", "forwardMessage"}
)  # fmt: skip


@dataclass(frozen=True)
class Window:
    """At most ``limit`` messages in any ``period`` seconds."""

    limit: int
    period: float


@dataclass(frozen=True)
class RateLimits:
    """Which windows apply; None switches one off. ``methods`` are the requests that count."""

    overall: Window | None = Window(30, 1.0)
    per_chat: Window | None = Window(1, 1.0)
    per_group: Window | None = Window(20, 60.0)
    methods: frozenset[str] = MESSAGE_METHODS


@dataclass
class RateLimitStats:
    """What the limiter did: messages it let through, and refusals by the window that was full."""

    accepted: int = 0
    overall: int = 0
    per_chat: int = 0
    per_group: int = 0
    retry_after_max: int = 0

    @property
    def refused(self) -> int:
        return self.overall + self.per_chat + self.per_group


@dataclass
class RateLimiter:
    """Sliding-window log per window (and per chat); ``clock`` is monotonic seconds."""

    limits: RateLimits
    clock: Callable[[], float] = time.monotonic
    stats: RateLimitStats = field(default_factory=RateLimitStats)
    _overall: deque[float] = field(default_factory=deque)
    _chats: dict[int | str, deque[float]] = field(default_factory=dict)
    _groups: dict[int | str, deque[float]] = field(default_factory=dict)

    def counts(self, method: str) -> bool:
        return method in self.limits.methods

    def check(self, chat_id: int | str, *, group: bool) -> int | None:
        """Accept one message to ``chat_id`` (None) or say how many seconds to wait (an int)."""
        now = self.clock()
        windows: list[tuple[str, Window, deque[float]]] = []
        if self.limits.overall:
            windows.append(("overall", self.limits.overall, self._overall))
        if self.limits.per_chat:
            windows.append(("per_chat", self.limits.per_chat, self._chats.setdefault(chat_id, deque())))
        if group and self.limits.per_group:
            windows.append(("per_group", self.limits.per_group, self._groups.setdefault(chat_id, deque())))
        for name, window, log in windows:
            while log and log[0] <= now - window.period:
                log.popleft()
            if len(log) >= window.limit:
                wait = max(1, math.ceil(log[0] + window.period - now))
                setattr(self.stats, name, getattr(self.stats, name) + 1)
                self.stats.retry_after_max = max(self.stats.retry_after_max, wait)
                return wait
        for _, _, log in windows:
            log.append(now)
        self.stats.accepted += 1
        return None
