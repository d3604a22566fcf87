"""The query planner's statistics refreshed without holding up the event loop: the daily job and the
stop ran ``PRAGMA optimize`` on the bot's connection, in the loop, where waiting for the write lock held
by another process (a ``bot.py ingest``) stopped every answer for up to ``busy_timeout`` (10 s).

    statistics = Statistics(app.db)
    await statistics.refresh()                          # the daily job: waits up to LOCK_WAIT, off the loop
    await statistics.refresh(wait=STOP_WAIT, reload=False)   # the stop: done or given up within STOP_WAIT

The loop asks its own connection which tables need it (no lock: ``store.statistics``); a daemon thread,
as the warm-up's, writes them on a connection of its own, one refresh at a time; the loop's connection
then reads them again, if the write lock is free at once (a few tries).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from store.db import Database, StoreError, database_file, open_db, refresh_statistics
from store.statistics import reload_statistics, stale_statistics, write_statistics

log = logging.getLogger(__name__)
LOCK_WAIT = 10.0  # seconds the daily refresh may wait for the write lock and work: the busy_timeout
STOP_WAIT = 1.0  # the same at a stop, which takes "a second or two" (README): given up after it
GIVE_UP_WAIT = 1.0  # seconds a called-off refresh has to end (a lock try, an interrupted ANALYZE)
RELOAD_TRIES = 5  # the loop's connection reads the new statistics: tries, without waiting for the lock,
RELOAD_PAUSE = 0.2  # this many seconds apart


class _Analysis:
    """One refresh's thread: its own connection writes the statistics until it is done or called off."""

    def __init__(self, path: Path, statements: Sequence[str], deadline: float) -> None:
        self.path, self.statements, self.deadline = path, statements, deadline
        self.loop = asyncio.get_running_loop()
        self.finished = asyncio.Event()
        self.written = False
        self._called_off = threading.Event()
        self._conn: sqlite3.Connection | None = None

    def start(self) -> None:
        threading.Thread(target=self._run, name="briefing-statistics", daemon=True).start()

    def call_off(self) -> None:
        """Stop waiting for the lock, and cut an ANALYZE under way short (its transaction is rolled back)."""
        self._called_off.set()
        conn = self._conn
        if conn is not None:
            with contextlib.suppress(sqlite3.ProgrammingError):  # closed meanwhile: done anyway
                conn.interrupt()

    def _go_on(self) -> bool:
        return not self._called_off.is_set() and time.monotonic() < self.deadline

    def _run(self) -> None:
        try:
            db = open_db(self.path, migrate_schema=False)
        except StoreError:
            log.debug("statistics: cannot open %s", self.path, exc_info=True)
        else:
            self._conn = db.conn
            try:
                self.written = write_statistics(db, self.statements, go_on=self._go_on)
            finally:
                self._conn = None
                db.conn.close()
        finally:
            with contextlib.suppress(RuntimeError):  # the loop closed: nobody waits for the answer
                self.loop.call_soon_threadsafe(self.finished.set)


class Statistics:
    """The refreshes of one connection's query statistics (see the module's docstring)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._analysis: _Analysis | None = None

    async def refresh(self, *, wait: float = LOCK_WAIT, reload: bool = True) -> bool:
        """Refresh what ``PRAGMA optimize`` would on this connection, its waiting and writing in a thread;
        within ``wait`` seconds, else it is called off (a refresh under way is waited for first, within
        the same time). ``reload``: this connection then uses them. False when they were not written
        (busy all along, read-only), or written and not read here yet: the next refresh tries again."""
        deadline = time.monotonic() + wait
        if self._analysis is not None:
            if not await _ended(self._analysis, deadline):
                return False
            self._analysis = None
        statements = stale_statistics(self.db)
        if not statements:
            return True
        path = database_file(self.db)
        if path is None:  # in memory: no other connection can hold its lock
            return refresh_statistics(self.db)
        analysis = self._analysis = _Analysis(path, statements, deadline)
        analysis.start()
        try:
            if not await _ended(analysis, deadline) or not analysis.written:
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


async def _ended(analysis: _Analysis, deadline: float) -> bool:
    """Wait for ``analysis`` until ``deadline``, then call it off and give it a moment to end; False if
    it outlived that (a daemon thread: it ends alone, or with the process). A cancelled wait calls it
    off too."""
    try:
        await asyncio.wait_for(analysis.finished.wait(), max(0.0, deadline - time.monotonic()))
        return True
    except TimeoutError:
        analysis.call_off()
    except asyncio.CancelledError:
        analysis.call_off()
        raise
    try:
        await asyncio.wait_for(analysis.finished.wait(), GIVE_UP_WAIT)
    except TimeoutError:
        return False
    return True
