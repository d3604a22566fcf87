"""The query planner's statistics refreshed without holding up the event loop: the daily job and the
stop ran ``PRAGMA optimize`` on the bot's connection, in the loop, where waiting for the write lock held
by another process (a ``bot.py ingest``) stopped every answer for up to ``busy_timeout`` (10 s).

    statistics = Statistics(app.db)
    await statistics.refresh()                          # the daily job: waits up to LOCK_WAIT, off the loop
    await statistics.refresh(wait=STOP_WAIT, reload=False)   # the stop: done or given up within STOP_WAIT

The loop asks its own connection which tables need it (no lock: ``store.statistics``); a daemon thread
(:class:`briefing.adapters.offloop.Worker`, as the prune's) writes them on a connection of its own, one
refresh at a time; the loop's connection then reads them again, if the write lock is free at once (a
few tries).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

from briefing.adapters.offloop import Worker
from store.db import Database, database_file, refresh_statistics
from store.statistics import reload_statistics, stale_statistics, write_statistics

log = logging.getLogger(__name__)
LOCK_WAIT = 10.0  # seconds the daily refresh may wait for the write lock and work: the busy_timeout
STOP_WAIT = 1.0  # the same at a stop, which takes "a second or two" (README): given up after it
RELOAD_TRIES = 5  # the loop's connection reads the new statistics: tries, without waiting for the lock,
RELOAD_PAUSE = 0.2  # this many seconds apart


class Statistics:
    """The refreshes of one connection's query statistics (see the module's docstring)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._analysis: Worker[bool] | None = None

    async def refresh(self, *, wait: float = LOCK_WAIT, reload: bool = True) -> bool:
        """Refresh what ``PRAGMA optimize`` would on this connection, its waiting and writing in a thread;
        within ``wait`` seconds, else it is called off (a refresh under way is waited for first, within
        the same time). ``reload``: this connection then uses them. False when they were not written
        (busy all along, read-only), or written and not read here yet: the next refresh tries again."""
        deadline = time.monotonic() + wait
        if self._analysis is not None:
            if not await self._analysis.ended(deadline):
                return False
            self._analysis = None
        statements = stale_statistics(self.db)
        if not statements:
            return True
        path = database_file(self.db)
        if path is None:  # in memory: no other connection can hold its lock
            return refresh_statistics(self.db)

        def work(db: Database, go_on: Callable[[], bool]) -> bool:
            return write_statistics(db, statements, go_on=go_on)

        analysis = self._analysis = Worker(path, work, deadline, "statistics", open_log=logging.DEBUG)
        analysis.start()
        try:
            if not await analysis.ended(deadline) or not analysis.result:
                return False
        finally:
            if self._analysis is analysis and analysis.finished.is_set():
                self._analysis = None
        return not reload or await self._reload()

    async def _reload(self) -> bool:
        for _ in range(RELOAD_TRIES):
            if reload_statistics(self.db):
                return True
            await asyncio.sleep(RELOAD_PAUSE)
        return False
