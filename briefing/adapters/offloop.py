"""Maintenance writes run off the event loop, on a connection of their own: the daily prune ran on the
bot's connection, in the loop, where waiting for the write lock held by another process (a ``bot.py
ingest``'s long transaction) stopped every answer for up to ``busy_timeout`` (10 s), as the statistics
refresh did before it (:mod:`briefing.adapters.statistics`).

    report = await off_loop(app.db, work, wait=LOCK_WAIT, name="prune")   # None: busy, called off, failed

``work(db, go_on)`` runs in a daemon thread (as the warm-up's: it never holds the process at exit) on a
new connection to the same file, whose ``busy_timeout`` is :data:`LOCK_TRY_MS`: a write that finds the
lock taken fails within a try, and ``work`` tries again while ``go_on()`` says so (:func:`retried`). The
loop waits for it at most ``wait`` seconds, then calls it off (``go_on()`` turns false, a statement under
way is interrupted and rolled back); a cancelled wait (the stop) calls it off too.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from store.db import LOCK_TRY_MS, Database, StoreError, database_file, is_busy, open_db, transaction

log = logging.getLogger(__name__)
T = TypeVar("T")
GIVE_UP_WAIT = 1.0  # seconds called-off work has to end (a lock try, an interrupted statement)

Work = Callable[[Database, Callable[[], bool]], T]


class Worker(Generic[T]):
    """One piece of work's thread and connection, until it is done or called off; the statistics
    refresh (:mod:`briefing.adapters.statistics`) keeps one across its calls, to run one at a time.
    ``open_log``: the level of the log line when the file cannot be opened."""

    def __init__(
        self, path: Path, work: Work[T], deadline: float, name: str, *, open_log: int = logging.WARNING
    ) -> None:
        self.path, self.work, self.deadline, self.name, self.open_log = path, work, deadline, name, open_log
        self.loop = asyncio.get_running_loop()
        self.finished = asyncio.Event()
        self.result: T | None = None
        self._called_off = threading.Event()
        self._conn: sqlite3.Connection | None = None

    def start(self) -> None:
        threading.Thread(target=self._run, name=f"briefing-{self.name}", daemon=True).start()

    def call_off(self) -> None:
        """Stop waiting for the lock, and cut a statement under way short (its transaction is rolled back)."""
        self._called_off.set()
        conn = self._conn
        if conn is not None:
            with contextlib.suppress(sqlite3.ProgrammingError):  # closed meanwhile: done anyway
                conn.interrupt()

    def go_on(self) -> bool:
        return not self._called_off.is_set() and time.monotonic() < self.deadline

    async def ended(self, deadline: float) -> bool:
        """Wait for the work until ``deadline``, then call it off and give it :data:`GIVE_UP_WAIT` to end;
        False if it outlived that (a daemon thread: it ends alone, or with the process). A cancelled wait
        calls it off too."""
        try:
            await asyncio.wait_for(self.finished.wait(), max(0.0, deadline - time.monotonic()))
            return True
        except TimeoutError:
            self.call_off()
        except asyncio.CancelledError:
            self.call_off()
            raise
        try:
            await asyncio.wait_for(self.finished.wait(), GIVE_UP_WAIT)
        except TimeoutError:
            return False
        return True

    def _run(self) -> None:
        try:
            db = open_db(self.path, migrate_schema=False)
        except StoreError:
            log.log(self.open_log, "%s: cannot open %s", self.name, self.path, exc_info=True)
        else:
            self._conn = db.conn
            try:
                db.execute(f"PRAGMA busy_timeout={LOCK_TRY_MS}")
                self.result = self.work(db, self.go_on)
            except Exception as exc:
                if self.go_on():  # not the interrupt of a called-off statement
                    log.warning("%s failed: %s", self.name, exc, exc_info=not isinstance(exc, sqlite3.Error))
            finally:
                self._conn = None
                db.conn.close()
        finally:
            with contextlib.suppress(RuntimeError):  # the loop closed: nobody waits for the answer
                self.loop.call_soon_threadsafe(self.finished.set)


async def off_loop(db: Database, work: Work[T], *, wait: float, name: str) -> T | None:
    """``work``'s result, run in a thread on a connection of its own to ``db``'s file (see the module's
    docstring); None when it failed (logged), or did not end within ``wait`` seconds (called off). A
    database in memory has no other connection to wait for: the work runs here, on ``db``."""
    path = database_file(db)
    if path is None:
        try:
            return work(db, lambda: True)
        except Exception as exc:
            log.warning("%s failed: %s", name, exc, exc_info=not isinstance(exc, sqlite3.Error))
            return None
    worker = Worker(path, work, time.monotonic() + wait, name)
    worker.start()
    await worker.ended(worker.deadline)
    return worker.result  # if called off: what it did before, if it ended (else None)


class _CalledOff(Exception):
    """The lock came just as the work was called off: its transaction is rolled back unwritten."""


def retried(db: Database, write: Callable[[], T], go_on: Callable[[], bool]) -> T | None:
    """``write()`` in one transaction on ``db``, tried again while another connection holds the write
    lock and ``go_on()``; None when it was called off first. ``go_on()`` is asked again once the lock
    is taken: a try under way when the work was called off (the stop) may get the lock just after."""
    while go_on():
        try:
            with transaction(db):
                if not go_on():
                    raise _CalledOff
                return write()
        except _CalledOff:
            return None
        except sqlite3.Error as exc:
            if not is_busy(exc):
                raise
    return None
