"""The queue of updates waiting for the bot, with getUpdates' offsets and long polling.

As on Telegram, an update stays queued until the bot confirms it by asking for a higher ``offset``;
a negative offset keeps only that many of the newest; updates of a type the bot did not allow
(``allowed_updates``) are never queued. A long poll returns as soon as an update is pushed, and a
second getUpdates while one is waiting ends the first with 409 Conflict, as Telegram does.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
from typing import Any

from tests.botapi.faults import ApiError

UPDATE_TYPES = frozenset(
    {"message", "edited_message", "channel_post", "edited_channel_post", "business_connection",
     "business_message", "edited_business_message", "deleted_business_messages",
     "message_reaction", "message_reaction_count", "inline_query", "chosen_inline_result",
     "callback_query", "shipping_query", "pre_checkout_query", "purchased_paid_media", "poll",
     "poll_answer", "my_chat_member", "chat_member", "chat_join_request", "chat_boost",
     "removed_chat_boost"}
)  # fmt: skip
# Telegram sends these only to bots that ask for them by name.
OPT_IN_TYPES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
FIRST_UPDATE_ID = 500_000_001

_CONFLICT = (
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
)


def update_type(update: dict[str, Any]) -> str:
    return next(k for k in update if k != "update_id")


class UpdateQueue:
    def __init__(self, on_change: Callable[[], None] = lambda: None) -> None:
        self.on_change = on_change  # told when updates are fetched or a long poll starts waiting
        self.pending: deque[dict[str, Any]] = deque()
        self.dropped: list[dict[str, Any]] = []
        self.allowed: frozenset[str] = UPDATE_TYPES - OPT_IN_TYPES
        self.delivered_up_to = 0
        self.confirmed_up_to = 0
        self._next_id = FIRST_UPDATE_ID
        self._poll: asyncio.Future[str] | None = None
        self.on_push: list[Any] = []  # callables run after each queued update (webhook delivery)

    def push(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Queue an update (its ``update_id`` is assigned) and return it; a type the bot did not
        allow is dropped instead."""
        update = {"update_id": self._next_id, **payload}
        self._next_id += 1
        if update_type(update) not in self.allowed:
            self.dropped.append(update)
            return update
        self.pending.append(update)
        self._wake("update")
        for callback in self.on_push:
            callback()
        return update

    def set_allowed(self, allowed: list[str] | None) -> None:
        if allowed is None:
            return  # not given: the previous setting stays
        unknown = set(allowed) - UPDATE_TYPES
        if unknown:
            raise ApiError(400, f"Bad Request: unknown update type {sorted(unknown)[0]!r}")
        self.allowed = frozenset(allowed) if allowed else UPDATE_TYPES - OPT_IN_TYPES

    def confirm(self, offset: int | None) -> None:
        if not offset:
            return
        if offset > 0:
            while self.pending and self.pending[0]["update_id"] < offset:
                self.confirmed_up_to = self.pending.popleft()["update_id"]
            self.confirmed_up_to = max(self.confirmed_up_to, offset - 1)
        else:
            while len(self.pending) > -offset:
                self.confirmed_up_to = self.pending.popleft()["update_id"]

    def drop_pending(self) -> None:
        self.confirm(self._next_id)

    def take(self, limit: int = 100) -> list[dict[str, Any]]:
        updates = [u for _, u in zip(range(limit), self.pending, strict=False)]
        if updates:
            self.delivered_up_to = max(self.delivered_up_to, updates[-1]["update_id"])
            self.on_change()
        return updates

    @property
    def polling(self) -> bool:
        """Whether a long poll is waiting for updates now (the bot is up and listening)."""
        return self._poll is not None and not self._poll.done()

    async def poll(self, offset: int | None, limit: int, timeout: float) -> list[dict[str, Any]]:
        """getUpdates: confirm, then answer at once or when an update arrives within ``timeout``."""
        self.confirm(offset)
        self._wake("conflict")
        updates = self.take(limit)
        if updates or timeout <= 0:
            return updates
        future: asyncio.Future[str] = asyncio.get_running_loop().create_future()
        self._poll = future
        self.on_change()
        try:
            outcome = await asyncio.wait_for(future, timeout)
        except TimeoutError:
            outcome = "timeout"
        finally:
            if self._poll is future:
                self._poll = None
        if outcome == "conflict":
            raise ApiError(409, _CONFLICT)
        return self.take(limit)

    def close(self) -> None:
        """End a waiting long poll (empty answer), so the server can stop at once."""
        self._wake("closed")

    def _wake(self, outcome: str) -> None:
        if self._poll is not None and not self._poll.done():
            self._poll.set_result(outcome)
