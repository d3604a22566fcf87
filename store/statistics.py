"""The query planner's statistics refreshed on a connection of its own, so that waiting for the write
lock (another process writing: up to ``busy_timeout``, 10 s) holds up a worker thread and not the
connection that answers (:mod:`briefing.adapters.statistics` runs these):

    statements = stale_statistics(db)        # the answering connection: what it would analyze, no lock
    write_statistics(other, statements, go_on=lambda: not stopping)   # the thread's connection
    reload_statistics(db)                    # the answering connection reads them, if the lock is free

``PRAGMA optimize`` chooses the tables from what its own connection queried, which a new connection has
not (SQLite 3.40 has no "every table" mask): hence the first step on the connection that answers.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from store.db import ANALYSIS_LIMIT, LOCK_TRY_MS, Database

# PRAGMA optimize's mask: 0x02 the ANALYZE of tables whose statistics are missing or stale, 0x01 its
# debugging mode, which returns those statements instead of running them
_LIST_ANALYZE = "PRAGMA optimize(0x03)"


def stale_statistics(db: Database) -> tuple[str, ...]:
    """The ``ANALYZE`` statements ``PRAGMA optimize`` would run on this connection now (the tables it
    queried whose statistics are missing or have grown many times over), not run: that reads the schema
    only and takes no lock, so the event loop may ask. Empty when there is nothing to do, or it cannot
    tell (statistics are an optimisation, never a reason to fail)."""
    try:
        return tuple(str(row[0]) for row in db.execute(_LIST_ANALYZE).fetchall())
    except sqlite3.DatabaseError:
        return ()


def write_statistics(db: Database, statements: Sequence[str], *, go_on: Callable[[], bool]) -> bool:
    """Run ``statements`` (of :func:`stale_statistics`, asked on another connection to the same file) in
    one write transaction, reading at most ``ANALYSIS_LIMIT`` rows an index. The write lock is asked for
    in tries of ``LOCK_TRY_MS`` while ``go_on()`` says so, and ``go_on()`` is asked again before each
    statement: a stop calls the work off within a try (``db.conn.interrupt()`` cuts a statement short).
    False when nothing was written (called off, busy all along, a read-only or full database)."""
    try:
        db.execute(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
        db.execute(f"PRAGMA busy_timeout={LOCK_TRY_MS}")
        while True:
            if not go_on():
                return False
            try:
                db.execute("BEGIN IMMEDIATE")
                break
            except sqlite3.OperationalError as exc:
                if getattr(exc, "sqlite_errorname", None) != "SQLITE_BUSY":
                    raise
        for statement in statements:
            if not go_on():
                db.execute("ROLLBACK")
                return False
            db.execute(statement)
        db.execute("COMMIT")
    except sqlite3.DatabaseError:
        if db.conn.in_transaction:
            db.execute("ROLLBACK")
        return False
    return True


def reload_statistics(db: Database) -> bool:
    """Have this connection's query planner read ``sqlite_stat1`` again (``ANALYZE sqlite_schema``), as
    another connection rewrote it: SQLite reads statistics with the schema, and ANALYZE does not change
    the schema. That takes the write lock for a moment; it is asked for once, without waiting, so the
    event loop may ask: False when another connection holds it (try again later)."""
    (wait,) = db.execute("PRAGMA busy_timeout").fetchone()
    db.execute("PRAGMA busy_timeout=0")
    try:
        db.execute("ANALYZE sqlite_schema")
    except sqlite3.DatabaseError:
        return False
    finally:
        db.execute(f"PRAGMA busy_timeout={int(wait)}")
    return True
