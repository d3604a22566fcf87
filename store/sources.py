"""Sources: the files, pages and feeds articles come from, and each feed's polling state.

A feed keeps the validators of its last good fetch (``etag``, ``last_modified``) for conditional
GET, and counts consecutive failures: after ``max_failures`` in a row it is paused until resumed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from briefing.models import Source, SourceKind
from store.db import Database, from_iso, to_iso


def source_from_row(row: dict[str, Any]) -> Source:
    added = from_iso(row["added_at"])
    assert added is not None
    return Source(
        id=row["id"],
        kind=row["kind"],
        location=row["location"],
        name=row["name"],
        added_at=added,
        poll=bool(row["poll"]),
        etag=row["etag"],
        last_modified=row["last_modified"],
        failures=row["failures"],
        paused=bool(row["paused"]),
        last_error=row["last_error"],
        next_poll_at=from_iso(row["next_poll_at"]),
    )


def get_source(db: Database, source_id: int) -> Source | None:
    rows = list(db.query("SELECT * FROM sources WHERE id = ?", [source_id]))
    return source_from_row(rows[0]) if rows else None


def find_source(db: Database, location: str) -> Source | None:
    rows = list(db.query("SELECT * FROM sources WHERE location = ?", [location]))
    return source_from_row(rows[0]) if rows else None


def file_name_taken(db: Database, name: str, location: str) -> bool:
    """Whether a file source at another location than ``location`` already goes by ``name``."""
    sql = "SELECT 1 FROM sources WHERE kind = 'file' AND name = ? AND location != ? LIMIT 1"
    return db.execute(sql, [name, location]).fetchone() is not None


def upsert_source(db: Database, *, kind: SourceKind, location: str, name: str, now: datetime) -> Source:
    """The source at ``location``, added if new (a known one keeps its state, gets the new name)."""
    db.execute(
        "INSERT INTO sources (kind, location, name, added_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (location) DO UPDATE SET name = excluded.name",
        [kind, location, name, to_iso(now)],
    )
    found = find_source(db, location)
    assert found is not None
    return found


def list_sources(db: Database, *, kind: SourceKind | None = None, polled: bool | None = None) -> list[Source]:
    where: list[str] = []
    params: list[str | int] = []
    if kind is not None:
        where.append("kind = ?")
        params.append(kind)
    if polled is not None:
        where.append("poll = ?")
        params.append(int(polled))
    sql = "SELECT * FROM sources" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY id"
    return [source_from_row(row) for row in db.query(sql, params)]


def count_sources(db: Database) -> int:
    return db.execute("SELECT count(*) FROM sources").fetchone()[0]


def delete_source(db: Database, source_id: int) -> bool:
    """Forget a source (its articles stay, unlinked). Returns whether it existed."""
    return db.execute("DELETE FROM sources WHERE id = ?", [source_id]).rowcount > 0


def set_polling(db: Database, source_id: int, poll: bool) -> None:
    """Switch polling on or off; on also resumes a paused (or stopped) feed with its failures cleared. A
    feed polled already keeps its count: a failing feed read again is failing one more time in a row, not
    the first, and only a good read clears it (``record_poll_ok``). Resuming a paused feed also takes
    back the entries it gave up (m0039): an admin resumes a feed once its site answers again, and they are
    what it failed on, so its next poll tries their pages once more. A feed polled for the first time
    keeps those its first read gave up. A feed resumed (or polled again after ``/unfeed``) starts its
    count of polls that read none of its new entries afresh, as it does its failures."""
    if poll:
        db.execute(
            "UPDATE feed_entries SET given_up_at = NULL, given_up_why = NULL, waiting_since = NULL"
            " WHERE source_id = ? AND given_up_at IS NOT NULL"
            " AND EXISTS (SELECT 1 FROM sources WHERE id = ? AND paused = 1)",
            [source_id, source_id],
        )
        db.execute(
            "UPDATE sources SET poll = 1, paused = 0,"
            " failures = CASE WHEN poll = 1 AND paused = 0 THEN failures ELSE 0 END,"
            " last_error = CASE WHEN poll = 1 AND paused = 0 THEN last_error END,"
            " stalled_polls = CASE WHEN poll = 1 AND paused = 0 THEN stalled_polls ELSE 0 END,"
            " stalled_since = CASE WHEN poll = 1 AND paused = 0 THEN stalled_since END,"
            " stall_told_at = CASE WHEN poll = 1 AND paused = 0 THEN stall_told_at END WHERE id = ?",
            [source_id],
        )
    else:
        db.execute("UPDATE sources SET poll = 0 WHERE id = ?", [source_id])


def due_feeds(db: Database, now: datetime) -> list[Source]:
    """Polled, unpaused feeds whose next poll time has come (or was never set)."""
    rows = db.query(
        "SELECT * FROM sources WHERE kind = 'feed' AND poll = 1 AND paused = 0"
        " AND (next_poll_at IS NULL OR next_poll_at <= ?) ORDER BY next_poll_at, id",
        [to_iso(now)],
    )
    return [source_from_row(row) for row in rows]


def record_poll_ok(
    db: Database,
    source_id: int,
    *,
    now: datetime,
    etag: str | None,
    last_modified: str | None,
    next_poll_at: datetime | None = None,
) -> None:
    """A good fetch (200 or 304): keep its validators (304: the old ones) and reset failures."""
    db.execute(
        "UPDATE sources SET etag = coalesce(?, etag), last_modified = coalesce(?, last_modified),"
        " last_polled_at = ?, last_ok_at = ?, next_poll_at = ?, failures = 0, last_error = NULL"
        " WHERE id = ?",
        [etag, last_modified, to_iso(now), to_iso(now), to_iso(next_poll_at), source_id],
    )


def forget_validators(db: Database, source_id: int) -> None:
    """Drop a feed's ETag and Last-Modified, so its next poll is a full GET (entries are waiting)."""
    db.execute("UPDATE sources SET etag = NULL, last_modified = NULL WHERE id = ?", [source_id])


def record_poll_failure(
    db: Database,
    source_id: int,
    *,
    now: datetime,
    error: str,
    max_failures: int,
    next_poll_at: datetime | None = None,
    failures_before: int | None = None,
) -> Source:
    """A failed poll of the feed: count it, keep the reason, pause the feed after ``max_failures`` in a
    row. ``failures_before``: the count to go on from, when this poll's good fetch of the feed has reset
    it but its entries then failed it (pages that never came, with nothing in the feed to keep)."""
    db.execute(
        "UPDATE sources SET failures = coalesce(?, failures) + 1, last_error = ?, last_polled_at = ?,"
        " next_poll_at = ?, paused = CASE WHEN coalesce(?, failures) + 1 >= ? THEN 1 ELSE paused END"
        " WHERE id = ?",
        [
            failures_before,
            error[:500],
            to_iso(now),
            to_iso(next_poll_at),
            failures_before,
            max_failures,
            source_id,
        ],
    )
    found = get_source(db, source_id)
    assert found is not None
    return found


@dataclass(frozen=True)
class EntryStall:
    """How a polled feed's new entries have fared (m0042): ``polls``, the polls in a row that gave up
    entries and read none of its new ones, since ``since``; when the admins were told of that run
    (``told_at``), and of the feed's give-ups last (``give_ups_told_at``)."""

    polls: int = 0
    since: datetime | None = None
    told_at: datetime | None = None
    give_ups_told_at: datetime | None = None


def entry_stall(db: Database, source_id: int) -> EntryStall:
    """The feed's :class:`EntryStall` (an unknown feed has none)."""
    row = db.execute(
        "SELECT stalled_polls, stalled_since, stall_told_at, give_ups_told_at FROM sources WHERE id = ?",
        [source_id],
    ).fetchone()
    if row is None:
        return EntryStall()
    return EntryStall(row[0], from_iso(row[1]), from_iso(row[2]), from_iso(row[3]))


def record_entry_outcome(db: Database, source_id: int, *, read: bool, gave_up: bool, now: datetime) -> None:
    """Count a poll of the feed by its new entries: one read (stored, or known by its text) ends a run of
    polls that read none; a poll that gave entries up and read none lengthens it; a poll with nothing new
    to decide (no new entry, or only ones given up before) leaves it as it is."""
    if read:
        db.execute(
            "UPDATE sources SET stalled_polls = 0, stalled_since = NULL, stall_told_at = NULL WHERE id = ?",
            [source_id],
        )
    elif gave_up:
        db.execute(
            "UPDATE sources SET stalled_polls = stalled_polls + 1, stalled_since = coalesce(stalled_since, ?)"
            " WHERE id = ?",
            [to_iso(now), source_id],
        )


def note_give_ups_told(db: Database, source_id: int, *, now: datetime, stall: bool) -> None:
    """Remember that the admins were told ``now`` of the feed's give-ups (``stall``: in the notice of its
    run of polls that read none of its new entries)."""
    db.execute(
        "UPDATE sources SET give_ups_told_at = ?, stall_told_at = CASE WHEN ? THEN ? ELSE stall_told_at END"
        " WHERE id = ?",
        [to_iso(now), int(stall), to_iso(now), source_id],
    )
