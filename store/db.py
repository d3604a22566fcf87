"""Opening the database: pragmas, numbered migrations, transactions, and time as text.

Migrations are the modules ``store/migrations/mNNNN_<name>.py``, each with ``apply(db)``. They run in
number order, once each, inside a transaction; ``schema_migrations`` records which ran.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import shutil
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from sqlite_utils import Database

import store.migrations as migrations_pkg
from briefing.letters import fold_letters

T = TypeVar("T")

__all__ = [
    "Database",
    "StoreError",
    "cannot_write",
    "chunks",
    "database_file",
    "from_iso",
    "open_db",
    "open_read_only",
    "open_reader",
    "refresh_statistics",
    "register_functions",
    "savepoint",
    "snapshot",
    "to_iso",
    "transaction",
    "writable",
]


class StoreError(RuntimeError):
    """The database cannot be opened or migrated."""


class UnwritableFolderError(StoreError):
    """The database's folder cannot be written (a read-only filesystem or folder), so SQLite cannot make
    the ``-wal`` and ``-shm`` files it opens a database with: :func:`open_read_only` can still read it."""


# free bytes below which a failure to open is put down to a full disk: SQLite's -shm alone takes 32 KB
NEARLY_FULL = 1 << 20


def _why_not_opened(path: Path, exc: sqlite3.DatabaseError) -> StoreError:
    """The operator's reason ``path`` could not be opened to write: SQLite says "unable to open database
    file" for a read-only folder and "disk I/O error" for a full disk, neither of which names the cause."""
    name = str(getattr(exc, "sqlite_errorname", ""))
    folder = path.parent
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_READONLY")) and not os.access(folder, os.W_OK):
        return UnwritableFolderError(
            f"cannot open database {path} to write: its folder {folder} cannot be written (a read-only"
            " filesystem or folder?), and SQLite makes its -wal and -shm files there"
        )
    if name.startswith(("SQLITE_IOERR", "SQLITE_FULL", "SQLITE_CANTOPEN")):
        try:
            free = shutil.disk_usage(folder).free
        except OSError:
            free = NEARLY_FULL
        if free < NEARLY_FULL:
            return StoreError(
                f"cannot open database {path}: no space left on the device for it and its -wal and -shm"
                f" files ({free:,} bytes free in {folder}); free some space and start again"
            )
    if is_busy(exc):
        return StoreError(
            f"cannot open database {path}: another process holds it locked (another bot.py, an ingest,"
            " a backup?); try again when it is done"
        )
    return StoreError(f"cannot open database {path}: {exc}")


def _remove_stray(side_files: dict[Path, bool]) -> None:
    """Remove the -shm (and an empty -wal) a failed open made beside the database, that were not there
    before it: a 3-byte -shm left on a full disk is clutter that looks like damage."""
    for file, existed in side_files.items():
        try:
            if not existed and file.is_file() and (file.name.endswith("-shm") or file.stat().st_size == 0):
                file.unlink()
        except OSError:
            pass


def _migrations() -> list[tuple[int, str, object]]:
    found = []
    for info in pkgutil.iter_modules(migrations_pkg.__path__):
        name = info.name
        if name.startswith("m") and name[1:5].isdigit():
            module = importlib.import_module(f"store.migrations.{name}")
            found.append((int(name[1:5]), name, module))
    numbers = [n for n, _, _ in found]
    if len(numbers) != len(set(numbers)):
        raise StoreError(f"two migrations share a number: {sorted(numbers)}")
    return sorted(found, key=lambda x: x[0])


def _fold_letters(value: str | None) -> str | None:
    return fold_letters(value) if isinstance(value, str) else value


def register_functions(conn: sqlite3.Connection) -> None:
    """The SQL functions the schema calls, on one connection: ``fold_letters(text)``
    (``briefing.letters``), which the full-text index triggers and its content view apply to titles and
    bodies. Every connection that writes articles needs it ("no such function" otherwise)."""
    conn.create_function("fold_letters", 1, _fold_letters, deterministic=True)


def migrate(db: Database) -> list[str]:
    """Apply the migrations that have not run yet; return their names."""
    register_functions(db.conn)  # migrations write articles, whose triggers call it
    db.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (number INTEGER PRIMARY KEY, name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL)"
    )
    done = {row[0] for row in db.execute("SELECT number FROM schema_migrations").fetchall()}
    known = _migrations()
    newest = max((number for number, _, _ in known), default=0)
    if done and max(done) > newest:
        # an older release on a database its newer self upgraded: a column or table it does not know
        # would be left unfilled, silently; it must not write there
        raise StoreError(
            f"the database was upgraded by a newer Briefing (migration {max(done)}; this one knows up to "
            f"{newest}): run the newer version, or restore a backup made before the upgrade"
        )
    applied = []
    for number, name, module in known:
        if number in done:
            continue
        with transaction(db):
            # asked again under the write lock: another process opening the same new file may have
            # applied it since the first look
            ran = "SELECT 1 FROM schema_migrations WHERE number = ?"
            if db.execute(ran, [number]).fetchone() is not None:
                continue
            module.apply(db)  # type: ignore[attr-defined]
            db.execute(
                "INSERT INTO schema_migrations (number, name, applied_at) VALUES (?, ?, ?)",
                [number, name, to_iso(datetime.now(UTC))],
            )
        applied.append(name)
    return applied


def _database(conn: sqlite3.Connection) -> Database:
    """A connection opened to write or only to read, set up as every one of the project's is: its
    pragmas and the SQL functions the queries call."""
    conn.execute("PRAGMA busy_timeout=10000")
    conn.execute("PRAGMA foreign_keys=ON")
    # 32 MB of page cache (the default is 2 MB): ingest touches random pages of the hash,
    # URL and band indexes, which outgrow 2 MB at a few tens of thousands of articles
    conn.execute("PRAGMA cache_size=-32000")
    register_functions(conn)
    return Database(conn)


SIDES = ("-wal", "-shm")  # the files SQLite keeps beside a WAL database


def open_db(path: str | Path, *, migrate_schema: bool = True) -> Database:
    """Open the database at ``path`` (``":memory:"`` for tests), set pragmas, and migrate it."""
    conn: sqlite3.Connection | None = None
    side_files: dict[Path, bool] = {}
    try:
        if str(path) == ":memory:":
            conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        else:
            p = Path(path)
            p.parent.mkdir(parents=True, exist_ok=True)
            side_files = {p.with_name(p.name + end): p.with_name(p.name + end).exists() for end in SIDES}
            conn = sqlite3.connect(str(p), isolation_level=None, check_same_thread=False, timeout=10)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        db = _database(conn)
        if migrate_schema:
            migrate(db)
        return db
    except sqlite3.DatabaseError as exc:
        if str(path) == ":memory:":
            raise StoreError(f"cannot open database {path}: {exc}") from exc
        if conn is not None:
            conn.close()
            _remove_stray(side_files)
        raise _why_not_opened(Path(path), exc) from exc


def open_read_only(path: str | Path) -> Database:
    """Open an existing database only to read it, where :func:`open_db` cannot: on a read-only
    filesystem (a backup's medium, a container's read-only volume) SQLite cannot make the WAL index file
    beside it, so the file is opened as immutable, which needs none. Nothing can write it there, but a
    ``-wal`` file left beside it by a crash is not read: its last changes are not seen. A database that
    still needs a migration is refused (it cannot take it)."""
    uri = Path(path).absolute().as_uri()
    try:
        try:
            conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:  # no WAL index and no way to make one: a read-only folder
            conn = sqlite3.connect(
                f"{uri}?immutable=1", uri=True, isolation_level=None, check_same_thread=False
            )
        db = _database(conn)
        migrate(db)  # with nothing to apply it writes nothing; else it fails as read-only, said below
        return db
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorname", "").startswith("SQLITE_READONLY"):
            raise StoreError(
                f"cannot open database {path}: it needs upgrading to this version, and it cannot be written"
            ) from exc
        raise StoreError(f"cannot open database {path}: {exc}") from exc


def writable(db: Database) -> bool:
    """Whether ``db`` can be written: SQLite opens a file it may not write (a read-only or immutable
    file) for reading without a word, and the first write fails. The probe rewrites the header's
    user_version as it is, and is rolled back. Another writer holding the lock is not a read-only
    database."""
    wait = int(db.execute("PRAGMA busy_timeout").fetchone()[0])
    db.execute("PRAGMA busy_timeout=100")  # a start is not held up by an ingest's long transaction
    try:
        db.execute("BEGIN IMMEDIATE")
        try:
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            db.execute(f"PRAGMA user_version = {version}")
        finally:
            if db.conn.in_transaction:
                db.execute("ROLLBACK")
    except sqlite3.DatabaseError as exc:
        return is_busy(exc) or not cannot_write(exc)
    finally:
        db.execute(f"PRAGMA busy_timeout={wait}")
    return True


# rows of each index ANALYZE reads: SQLite's advice for PRAGMA optimize (100-1000 work well); a table of
# any size is then analyzed in a fraction of a second (all of a 100,000-article archive: 0.15-0.3 s)
ANALYSIS_LIMIT = 400


def refresh_statistics(db: Database) -> bool:
    """Let SQLite refresh the query planner's statistics where they are missing or stale: ``PRAGMA
    optimize`` analyzes the tables this connection queried whose statistics would have helped it (never
    analyzed, or grown many times over since), each within ``ANALYSIS_LIMIT`` rows an index. Usually it
    does nothing. Run it before closing a connection that did real work, and now and then on one that
    stays open. False when it could not write them (a busy, read-only or full database): statistics are
    an optimisation, never a reason to fail."""
    try:
        db.execute(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
        db.execute("PRAGMA optimize")
    except sqlite3.DatabaseError:
        return False
    return True


@contextmanager
def transaction(db: Database, *, begin: str = "BEGIN IMMEDIATE") -> Iterator[Database]:
    """One write transaction (BEGIN IMMEDIATE), committed on success, rolled back on error. Nests.
    ``begin="BEGIN"``: a read transaction (see :func:`snapshot`)."""
    conn = db.conn
    if conn.in_transaction:
        yield db
        return
    conn.execute(begin)
    try:
        yield db
    except BaseException:
        if conn.in_transaction:  # SQLite itself rolls back on a full disk: the error is the one to tell
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # a COMMIT that failed (a full disk) leaves it open, and every later
            conn.execute("ROLLBACK")  # transaction would join it, never to be committed
        raise


def chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    """``items`` in slices of at most ``size``: an ``IN (?, ...)`` list stays within SQLite's limit on
    variables in one statement."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


def to_iso(value: datetime | None) -> str | None:
    """Datetimes are stored as UTC ISO-8601 text, so they sort and compare as strings."""
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError("naive datetime: pass timezone-aware values to the store")
    return value.astimezone(UTC).isoformat(timespec="seconds")


def from_iso(value: str | None) -> datetime | None:
    if not value:
        return None
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


@contextmanager
def savepoint(db: Database, name: str = "item") -> Iterator[Database]:
    """A nested unit in a transaction: on error only its own writes are undone, then it re-raises.

    Batches use it so that one bad item never loses the others written in the same transaction.
    """
    db.execute(f"SAVEPOINT {name}")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:  # not when SQLite rolled the whole transaction back (a full disk)
            db.execute(f"ROLLBACK TO {name}")
            db.execute(f"RELEASE {name}")
        raise
    else:
        db.execute(f"RELEASE {name}")


# the database file itself cannot be written, whatever is written: a full disk, an I/O error, a read-only
# or damaged file (SQLite's primary result codes; an extended one, SQLITE_IOERR_WRITE, starts with its own)
_UNWRITABLE = (
    "SQLITE_FULL",
    "SQLITE_IOERR",
    "SQLITE_READONLY",
    "SQLITE_CORRUPT",
    "SQLITE_NOTADB",
    "SQLITE_CANTOPEN",
)


def cannot_write(exc: BaseException) -> bool:
    """Whether ``exc`` says the database cannot be written at all (a full disk...), rather than that one
    write was wrong: a batch stops there instead of failing each of its items the same way."""
    name = getattr(exc, "sqlite_errorname", None) if isinstance(exc, sqlite3.DatabaseError) else None
    return isinstance(name, str) and name.startswith(_UNWRITABLE)


# one try for the write lock (a connection's ``busy_timeout``, ms) by work that may be called off between
# tries: a stop's, or a wait's end (``store.statistics``, ``briefing.adapters.offloop``)
LOCK_TRY_MS = 200


def is_busy(exc: BaseException) -> bool:
    """Whether ``exc`` says another connection kept the database locked past ``busy_timeout`` (a long
    ingest's transaction): a write that can wait for a later moment is left for it."""
    name = getattr(exc, "sqlite_errorname", None) if isinstance(exc, sqlite3.DatabaseError) else None
    return isinstance(name, str) and name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))


UNCONFIRMED = "unconfirmed: "  # the error of a send whose answer never came


def release_unconfirmed(
    db: Database,
    table: str,
    where: str,
    params: list,
    *,
    error: str,
    now: datetime,
    resends: int,
    again: str,
    counts: str = "",
) -> bool:
    """A message Telegram may have received without its answer reaching us (a read timeout), a digest
    part or an alert, the row of ``table`` where ``where``: pending again for a later run while it has
    been left unconfirmed at most ``resends`` times (its error ends with ``again``), else failed (given
    up, "not sent again"). ``counts``: more counters to raise ("attempts = attempts + 1, "). True if it
    will be sent again."""
    with transaction(db):
        row = db.execute(f"SELECT unconfirmed FROM {table} WHERE {where}", params).fetchone()
        resent = row is not None and row[0] < resends
        db.execute(
            f"UPDATE {table} SET state = ?, unconfirmed = unconfirmed + 1, {counts}error = ?, sent_at = ?"
            f" WHERE {where}",
            [
                "pending" if resent else "failed",
                f"{UNCONFIRMED}{error}; {again if resent else 'not sent again'}"[:500],
                None if resent else to_iso(now),
                *params,
            ],
        )
    return resent


def open_reader(db: Database) -> Database | None:
    """A second connection to ``db``'s file, for reading in another thread while the first writes (WAL
    lets one read as another writes); None for an in-memory database, which no other connection sees.
    The caller closes it."""
    path = database_file(db)
    return None if path is None else open_db(path, migrate_schema=False)


def database_file(db: Database) -> Path | None:
    """The file of the connection's main database; None in memory (no other connection can open it)."""
    for _, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return Path(file) if file else None
    return None


def snapshot(db: Database) -> AbstractContextManager[Database]:
    """Reads that see one state of the database (a read transaction), whatever is written meanwhile:
    :func:`transaction` begun without taking the write lock."""
    return transaction(db, begin="BEGIN")


# the per-article keys of what a release made ("summary_key", "actors_key"), each with its index
_KEYED = {"summary_key": "articles_summary_key", "actors_key": "articles_actors_key"}


def newest_not_keyed(db: Database, column: str, key: str, *, limit: int) -> list[int]:
    """Up to ``limit`` ids of the newest articles (by date, then id) whose ``column`` is not ``key``: the
    keys the archive holds other than ``key`` (a handful: one per release or setting it has seen) are each
    found by one seek in the column's index, rather than a walk over every article, and each one's newest
    articles read through it, then merged."""
    index = _KEYED[column]
    stale: list[str | None] = []
    if db.execute(f"SELECT 1 FROM articles WHERE {column} IS NULL LIMIT 1").fetchone():
        stale.append(None)
    after = ""
    while True:
        row = db.execute(f"SELECT min({column}) FROM articles WHERE {column} > ?", [after]).fetchone()
        if row[0] is None:
            break
        after = row[0]
        if after != key:
            stale.append(after)
    found: list[tuple[str, int]] = []
    for other in stale:
        rows = db.execute(
            f"SELECT dated_at, id FROM articles INDEXED BY {index} WHERE {column} IS ?"
            " ORDER BY dated_at DESC, id DESC LIMIT ?",
            [other, limit],
        ).fetchall()
        found.extend((row[0], row[1]) for row in rows)
    return [i for _, i in sorted(found, reverse=True)[:limit]]
