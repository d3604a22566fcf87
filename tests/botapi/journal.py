"""The record of every answered request, indexed for queries, and waiting on it without sleeping.

Records are kept in the order they were answered; ``seq`` is a record's position. Indexes by method
and by chat make ``requests("sendMessage")`` and ``requests(chat_id=...)`` cost what they return,
not the whole history. Waiters are woken on each new record (or any other change the server
announces) and scan only the records added since they last looked.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Callable
from typing import TypeVar

from tests.botapi.objects import RecordedRequest

T = TypeVar("T")
Predicate = Callable[[RecordedRequest], bool]


class Journal:
    def __init__(self) -> None:
        self.records: list[RecordedRequest] = []
        self._by_method: dict[str, list[RecordedRequest]] = defaultdict(list)
        self._by_chat: dict[str, list[RecordedRequest]] = defaultdict(list)
        self._watchers: list[asyncio.Future[None]] = []
        self.listeners: list[Callable[[RecordedRequest], None]] = []  # told of each new record

    def __len__(self) -> int:
        return len(self.records)

    def add(self, record: RecordedRequest) -> None:
        self.records.append(record)
        self._by_method[record.method].append(record)
        if record.chat_id is not None:
            self._by_chat[str(record.chat_id)].append(record)
        for listener in self.listeners:
            listener(record)
        self.notify()

    def notify(self) -> None:
        """Wake every waiter to look again (called on each record and on other state changes)."""
        watchers, self._watchers = self._watchers, []
        for future in watchers:
            if not future.done():
                future.set_result(None)

    def select(
        self,
        method: str | None = None,
        *,
        chat_id: int | str | None = None,
        since: int = 0,
        ok: bool | None = None,
        predicate: Predicate | None = None,
    ) -> list[RecordedRequest]:
        if method is not None:
            pool = self._by_method.get(method, [])
        elif chat_id is not None:
            pool = self._by_chat.get(str(chat_id), [])
        else:
            pool = self.records
        start = _first_at_or_after(pool, since)
        return [r for r in pool[start:] if _matches(r, method, chat_id, ok, predicate)]

    async def until(self, check: Callable[[], T | None], timeout: float, describe: Callable[[], str]) -> T:
        """Return ``check()``'s first non-None value, re-checking on every change; TimeoutError with
        ``describe()`` after ``timeout`` seconds."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            found = check()
            if found is not None:
                return found
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(describe())
            future: asyncio.Future[None] = loop.create_future()
            self._watchers.append(future)
            try:
                await asyncio.wait((future,), timeout=remaining)
            finally:
                if not future.done():
                    future.cancel()

    async def wait_for_requests(
        self,
        n: int,
        method: str | None,
        predicate: Predicate | None,
        *,
        chat_id: int | str | None,
        since: int,
        ok: bool | None,
        timeout: float,
    ) -> list[RecordedRequest]:
        found: list[RecordedRequest] = []
        cursor = since

        def check() -> list[RecordedRequest] | None:
            nonlocal cursor
            for record in self.records[cursor:]:
                if _matches(record, method, chat_id, ok, predicate):
                    found.append(record)
            cursor = len(self.records)
            return found[:n] if len(found) >= n else None

        def describe() -> str:
            wanted = f"{n} x {method or 'any method'}" + (f" to chat {chat_id}" if chat_id else "")
            recent = "\n  ".join(r.summary() for r in self.records[-12:]) or "(none)"
            return (
                f"timed out after {timeout}s waiting for {wanted} since #{since}; "
                f"{len(found)} matched. Last requests:\n  {recent}"
            )

        return await self.until(check, timeout, describe)


def _matches(
    record: RecordedRequest,
    method: str | None,
    chat_id: int | str | None,
    ok: bool | None,
    predicate: Predicate | None,
) -> bool:
    if method is not None and record.method != method:
        return False
    if chat_id is not None and str(record.chat_id) != str(chat_id):
        return False
    if ok is not None and record.ok != ok:
        return False
    return predicate is None or bool(predicate(record))


def _first_at_or_after(pool: list[RecordedRequest], seq: int) -> int:
    lo, hi = 0, len(pool)
    while lo < hi:
        mid = (lo + hi) // 2
        if pool[mid].seq < seq:
            lo = mid + 1
        else:
            hi = mid
    return lo
