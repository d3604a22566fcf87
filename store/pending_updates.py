"""Updates fetched from Telegram but not answered when the bot stopped, kept for its next start; see
``store/migrations/m0024_pending_updates.py``. An update is kept once (by its update id): saving it
again, as a stop during the replay does, keeps the first copy."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from store.db import Database, from_iso, to_iso


@dataclass(frozen=True)
class PendingUpdate:
    """An update as Telegram sent it (its JSON), and when the stopping bot saved it."""

    update_id: int
    data: str
    saved_at: datetime


def save_pending(db: Database, updates: Iterable[tuple[int, str]], *, now: datetime) -> int:
    """Keep each ``(update_id, json)`` for the next start; the number newly kept."""
    cur = db.conn.executemany(
        "INSERT OR IGNORE INTO pending_updates (update_id, data, saved_at) VALUES (?, ?, ?)",
        [(update_id, data, to_iso(now)) for update_id, data in updates],
    )
    return cur.rowcount


def pending_updates(db: Database) -> list[PendingUpdate]:
    """The kept updates, oldest (lowest update id) first."""
    rows = db.execute("SELECT update_id, data, saved_at FROM pending_updates ORDER BY update_id").fetchall()
    return [PendingUpdate(update_id, data, _when(saved_at)) for update_id, data, saved_at in rows]


def forget_pending(db: Database, update_id: int) -> None:
    """The update was answered (or dropped): it is not kept any longer."""
    db.execute("DELETE FROM pending_updates WHERE update_id = ?", [update_id])


def _when(value: str) -> datetime:
    when = from_iso(value)
    assert when is not None  # the column is NOT NULL
    return when
