"""Updates fetched from Telegram but not answered when the bot stopped, kept for its next start; see
``store/migrations/m0024_pending_updates.py``. An update is kept once (by its update id): saving it
again, as a stop during the replay does, keeps the first copy.

How many starts began to answer an update and never finished it (the process crashed or was killed in
its handler) is counted in its JSON, under ``briefing_replays`` (Telegram's own keys are never named so,
and an older release reading the row passes the key over), rather than in a column of its own: it is
read and written with the update and needs no migration. :func:`pending_updates` takes it out again."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from store.db import Database, from_iso, to_iso

_REPLAYS = "$.briefing_replays"  # the replay count's place in the update's JSON


@dataclass(frozen=True)
class PendingUpdate:
    """An update as Telegram sent it (its JSON), when the bot saved it, and how many starts began to
    answer it from here and never finished (:func:`began_replay`)."""

    update_id: int
    data: str
    saved_at: datetime
    replays: int = 0


def save_pending(db: Database, updates: Iterable[tuple[int, str]], *, now: datetime) -> int:
    """Keep each ``(update_id, json)`` for the next start; the number newly kept."""
    cur = db.conn.executemany(
        "INSERT OR IGNORE INTO pending_updates (update_id, data, saved_at) VALUES (?, ?, ?)",
        [(update_id, data, to_iso(now)) for update_id, data in updates],
    )
    return cur.rowcount


def pending_updates(db: Database) -> list[PendingUpdate]:
    """The kept updates, oldest (lowest update id) first; ``data`` without the replay count."""
    rows = db.execute(
        f"""SELECT update_id,
                CASE WHEN json_valid(data) THEN json_remove(data, '{_REPLAYS}') ELSE data END,
                saved_at,
                CASE WHEN json_valid(data) THEN coalesce(json_extract(data, '{_REPLAYS}'), 0) ELSE 0 END
            FROM pending_updates ORDER BY update_id"""
    ).fetchall()
    return [
        PendingUpdate(update_id, data, _when(saved_at), _count(replays))
        for update_id, data, saved_at, replays in rows
    ]


def began_replay(db: Database, update_id: int) -> None:
    """A start began to answer this kept update: one more replay counted (committed at once, so a crash
    in its handler leaves the count behind). Nothing when it is not kept, or its JSON cannot be read."""
    db.execute(
        f"""UPDATE pending_updates
            SET data = json_set(data, '{_REPLAYS}', coalesce(json_extract(data, '{_REPLAYS}'), 0) + 1)
            WHERE update_id = ? AND json_valid(data)""",
        [update_id],
    )


def forget_pending(db: Database, update_id: int) -> None:
    """The update was answered (or dropped): it is not kept any longer."""
    db.execute("DELETE FROM pending_updates WHERE update_id = ?", [update_id])


def _count(value: object) -> int:
    return value if isinstance(value, int) and value > 0 else 0


def _when(value: str) -> datetime:
    when = from_iso(value)
    assert when is not None  # the column is NOT NULL
    return when
