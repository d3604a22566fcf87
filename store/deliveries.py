"""Digest deliveries: each digest is stored once as numbered parts, keyed by its chat, its local date
and ``seq`` (0 for the date's first digest; 1 and on for a later one with the same date, after the chat
changed its timezone or time: see ``briefing.schedule``), and each part moves pending → claimed → sent
(or failed). A part is claimed just before it is sent and marked sent, with Telegram's message id, only
once Telegram confirmed it; a part left claimed by a crash is made pending again at the next start and
resent (Telegram has no idempotency key: at-least-once).

A digest missed by more than the late limit is recorded as one failed part 0 whose error starts with
``skipped:``, so the history shows it and nothing tries it again.

Each part also keeps what it tells of each of its stories, when its digest was composed, and which of the
stories' articles it held of those that had only just reached the archive; once the part is confirmed,
``delivered_stories`` holds, per chat and story, the latest such moment, every sentence sent (what a
later update must not repeat) and those articles (what a later update must not take for new).
:func:`prune_deliveries` forgets old history.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from store.db import Database, chunks, from_iso, release_unconfirmed, to_iso, transaction

SKIPPED = "skipped: "


@dataclass(frozen=True)
class PartKey:
    chat_id: int
    digest_date: date
    part: int
    seq: int = 0  # which of the chat's digests labelled ``digest_date`` (see the module's docstring)


@dataclass(frozen=True)
class Part:
    """One message of a digest and where its delivery stands."""

    chat_id: int
    digest_date: date
    part: int
    state: str
    text: str
    plain: str = ""
    story_ids: tuple[int, ...] = ()
    message_id: int | None = None
    due_at: datetime | None = None
    claimed_at: datetime | None = None
    sent_at: datetime | None = None
    attempts: int = 0
    sent_plain: bool = False
    error: str | None = None
    seq: int = 0

    @property
    def key(self) -> PartKey:
        return PartKey(self.chat_id, self.digest_date, self.part, self.seq)


@dataclass(frozen=True)
class NewPart:
    """A part to store: its HTML, its plain-text twin, the stories it carries, the sentences it tells of
    each (``facts``: story id and sentences) and the articles it held of each that had just reached the
    archive (``held``: story id and article ids; see ``briefing.digest.Received``)."""

    html: str
    plain: str
    story_ids: tuple[int, ...] = ()
    facts: tuple[tuple[int, tuple[str, ...]], ...] = ()
    held: tuple[tuple[int, tuple[int, ...]], ...] = ()


def _by_story_json(pairs: Sequence[tuple[int, Sequence[Any]]]) -> str:
    return json.dumps({str(sid): list(values) for sid, values in pairs}, ensure_ascii=False) if pairs else ""


def _part(row: dict[str, Any]) -> Part:
    return Part(
        chat_id=row["chat_id"],
        digest_date=date.fromisoformat(row["digest_date"]),
        part=row["part"],
        state=row["state"],
        text=row["text"],
        plain=row["plain"],
        story_ids=tuple(int(x) for x in row["story_ids"].split(",") if x),
        message_id=row["message_id"],
        due_at=from_iso(row["due_at"]),
        claimed_at=from_iso(row["claimed_at"]),
        sent_at=from_iso(row["sent_at"]),
        attempts=row["attempts"],
        sent_plain=bool(row["sent_plain"]),
        error=row["error"],
        seq=row["seq"],
    )


def _where(key: PartKey) -> tuple[str, list[Any]]:
    return "chat_id = ? AND digest_date = ? AND seq = ? AND part = ?", [
        key.chat_id,
        key.digest_date.isoformat(),
        key.seq,
        key.part,
    ]


@dataclass(frozen=True)
class NewDigest:
    """A composed digest to store: its chat, local date, parts, and when it was due."""

    chat_id: int
    digest_date: date
    parts: tuple[NewPart, ...]
    due_at: datetime


def add_digests(db: Database, digests: Sequence[NewDigest], *, now: datetime) -> list[NewDigest]:
    """Store composed digests as pending parts and note each chat's last digest, in one transaction;
    a chat that already has a digest (or a skipped one) for that date due at that instant is left
    alone, and a second digest of a date, due at another instant, is stored as the date's next ``seq``.
    Returns the digests stored."""
    with transaction(db):
        slots = _slots(db, [(d.chat_id, d.digest_date) for d in digests])
        fresh, rows = [], []
        for d in digests:
            seq = _free_seq(slots, d.chat_id, d.digest_date, d.due_at)
            if seq is None:
                continue
            slots.setdefault((d.chat_id, d.digest_date), {})[seq] = d.due_at
            fresh.append(d)
            rows += [
                (d.chat_id, d.digest_date.isoformat(), seq, i, p.html, p.plain,
                 ",".join(map(str, p.story_ids)), to_iso(d.due_at), _by_story_json(p.facts), to_iso(now),
                 _by_story_json(p.held))
                for i, p in enumerate(d.parts)
            ]  # fmt: skip
        db.conn.executemany(
            "INSERT INTO deliveries (chat_id, digest_date, seq, part, state, text, plain, story_ids, due_at,"
            " facts, composed_at, held) VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        mark_digests_sent(db, [d.chat_id for d in fresh], now)
    return fresh


def _slots(
    db: Database, pairs: Sequence[tuple[int, date]]
) -> dict[tuple[int, date], dict[int, datetime | None]]:
    """For each (chat, date) of ``pairs`` that has digests: each digest's seq and due instant."""
    found: dict[tuple[int, date], dict[int, datetime | None]] = {}
    wanted = set(pairs)
    days = sorted({day.isoformat() for _, day in wanted})
    for chats in chunks(sorted({chat for chat, _ in wanted}), 400):
        rows = db.execute(
            "SELECT DISTINCT chat_id, digest_date, seq, due_at FROM deliveries"
            f" WHERE digest_date IN ({','.join('?' * len(days))})"
            f" AND chat_id IN ({','.join('?' * len(chats))})",
            [*days, *chats],
        ).fetchall()
        for chat, day, seq, due in rows:
            if (key := (chat, date.fromisoformat(day))) in wanted:
                found.setdefault(key, {})[seq] = from_iso(due)
    return found


def slots_present(
    db: Database, slots: Sequence[tuple[int, date, datetime]]
) -> set[tuple[int, date, datetime]]:
    """Which of ``slots`` (chat, local date, due instant) have a digest stored, or recorded as skipped."""
    found = _slots(db, [(chat, day) for chat, day, _ in slots])
    return {(chat, day, due) for chat, day, due in slots if due in found.get((chat, day), {}).values()}


def _free_seq(
    slots: dict[tuple[int, date], dict[int, datetime | None]], chat_id: int, day: date, due_at: datetime
) -> int | None:
    """The seq a digest of ``day`` due at ``due_at`` is stored under; None if it is stored already."""
    taken = slots.get((chat_id, day), {})
    if due_at in taken.values():
        return None
    return max(taken, default=-1) + 1


def add_digest(
    db: Database,
    chat_id: int,
    digest_date: date,
    parts: Sequence[NewPart],
    *,
    due_at: datetime,
    now: datetime,
) -> bool:
    """Store one composed digest (see :func:`add_digests`); False if the chat has one for that date."""
    return bool(add_digests(db, [NewDigest(chat_id, digest_date, tuple(parts), due_at)], now=now))


def last_delivered_at(db: Database, chat_id: int) -> datetime | None:
    """The composition cut-off of the last digest Telegram confirmed for the chat: when it was composed
    (a row from before that was kept: when it was due, which is never later). That digest covered the
    news up to then, however late it was sent, so the next one starts there and its intro names it.
    None if no digest ever reached the chat."""
    return last_delivered_among(db, [chat_id]).get(chat_id)


def last_delivered_among(db: Database, chat_ids: Sequence[int]) -> dict[int, datetime]:
    """:func:`last_delivered_at` of each of ``chat_ids`` that a digest ever reached (one query a batch)."""
    found: dict[int, datetime] = {}
    for chats in chunks(list(dict.fromkeys(chat_ids)), 400):
        rows = db.execute(
            # "+state": the chats' own rows (the primary key), not every part ever sent (deliveries_pending)
            "SELECT chat_id, max(coalesce(composed_at, due_at)) FROM deliveries"
            f" WHERE chat_id IN ({','.join('?' * len(chats))}) AND +state = 'sent' GROUP BY chat_id",
            chats,
        )
        for chat_id, at in rows.fetchall():
            if (when := from_iso(at)) is not None:
                found[chat_id] = when
    return found


def owed_story_ids(
    db: Database, reached: Mapping[int, datetime | None], *, not_before: datetime
) -> dict[int, set[int]]:
    """Per chat of ``reached`` (chat → its :func:`last_delivered_at`, None if no digest reached it): the
    stories of its digest parts given up (failed: refused, blocked, past the late limit) that were
    composed at or after that cut-off. A digest counts as reached once one part is confirmed, so the
    stories of its other parts are older than the next digest's "since": they are owed to the chat and
    come in its next digest all the same (nothing lost). Chats owed nothing are left out; so are parts
    composed before ``not_before`` (the story window's start: their stories are out of it)."""
    found: dict[int, set[int]] = {}
    for chats in chunks(list(reached), 400):
        rows = db.execute(  # "+state": the chats' own rows (the primary key), not every failed part
            "SELECT chat_id, story_ids, coalesce(composed_at, due_at) FROM deliveries"
            f" WHERE chat_id IN ({','.join('?' * len(chats))}) AND +state = 'failed' AND story_ids != ''"
            " AND coalesce(composed_at, due_at) >= ?",
            [*chats, to_iso(not_before)],
        ).fetchall()
        for chat_id, ids, at in rows:
            cut, when = reached.get(chat_id), from_iso(at)
            if cut is None or (when is not None and when >= cut):
                found.setdefault(chat_id, set()).update(int(x) for x in ids.split(",") if x)
    return found


def settle_undelivered(db: Database, chat_ids: Sequence[int]) -> None:
    """After parts were given up: a chat whose last composed digest has no part sent or still to send
    never got it, so that digest does not count as its last one (the 8-hour gap, "your last one came"):
    the last one Telegram confirmed does (its composition cut-off, as :func:`last_delivered_at`), or
    none."""
    for chats in chunks(sorted(set(chat_ids)), 400):
        db.execute(  # "+d.state": each chat's own rows (the primary key), as in last_delivered_among
            "UPDATE subscribers SET last_digest_at = (SELECT max(coalesce(d.composed_at, d.due_at))"
            " FROM deliveries d WHERE d.chat_id = subscribers.chat_id AND +d.state = 'sent')"
            f" WHERE chat_id IN ({','.join('?' * len(chats))}) AND last_digest_at IS NOT NULL"
            " AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.chat_id = subscribers.chat_id"
            " AND +d.state IN ('sent', 'pending', 'claimed')"
            " AND coalesce(d.composed_at, d.due_at) >= subscribers.last_digest_at)",
            chats,
        )


def mark_digests_sent(db: Database, chat_ids: Sequence[int], at: datetime) -> None:
    """Note when the chats' last digest was composed: the next one holds what is new since then."""
    db.conn.executemany(
        "UPDATE subscribers SET last_digest_at = ? WHERE chat_id = ?", [(to_iso(at), c) for c in chat_ids]
    )


def record_skipped(
    db: Database, chat_id: int, digest_date: date, *, due_at: datetime, reason: str, now: datetime
) -> bool:
    """Record that the digest of this date due at ``due_at`` was not sent (e.g. the bot was down past the
    late limit); False if it was recorded (or stored) already."""
    with transaction(db):
        seq = _free_seq(_slots(db, [(chat_id, digest_date)]), chat_id, digest_date, due_at)
        if seq is None:
            return False
        db.execute(
            "INSERT INTO deliveries (chat_id, digest_date, seq, part, state, due_at, error, sent_at)"
            " VALUES (?, ?, ?, 0, 'failed', ?, ?, ?)",
            [chat_id, digest_date.isoformat(), seq, to_iso(due_at), SKIPPED + reason, to_iso(now)],
        )
    return True


def has_digest(db: Database, chat_id: int, digest_date: date) -> bool:
    row = db.execute(
        "SELECT 1 FROM deliveries WHERE chat_id = ? AND digest_date = ? LIMIT 1",
        [chat_id, digest_date.isoformat()],
    ).fetchone()
    return row is not None


def parts_of(db: Database, chat_id: int, digest_date: date) -> list[Part]:
    """The parts of the chat's digests of that date (usually one digest; see ``seq``), in order."""
    rows = db.query(
        "SELECT * FROM deliveries WHERE chat_id = ? AND digest_date = ? ORDER BY seq, part",
        [chat_id, digest_date.isoformat()],
    )
    return [_part(r) for r in rows]


def get_part(db: Database, key: PartKey) -> Part | None:
    where, params = _where(key)
    rows = list(db.query(f"SELECT * FROM deliveries WHERE {where}", params))
    return _part(rows[0]) if rows else None


def chats_with_pending(db: Database) -> list[int]:
    """Chats with parts waiting to be sent, the longest-due first."""
    rows = db.execute(
        "SELECT chat_id, min(due_at) AS due FROM deliveries WHERE state = 'pending'"
        " GROUP BY chat_id ORDER BY due, chat_id"
    )
    return [r[0] for r in rows.fetchall()]


def pending_parts(db: Database, chat_id: int) -> list[Part]:
    rows = db.query(
        "SELECT * FROM deliveries WHERE chat_id = ? AND state = 'pending'"
        " ORDER BY due_at, digest_date, seq, part",
        [chat_id],
    )
    return [_part(r) for r in rows]


def claim_part(db: Database, key: PartKey, *, now: datetime) -> bool:
    """Claim a pending part just before sending it; False if it is not pending any more."""
    where, params = _where(key)
    cur = db.execute(
        f"UPDATE deliveries SET state = 'claimed', claimed_at = ? WHERE {where} AND state = 'pending'",
        [to_iso(now), *params],
    )
    return cur.rowcount > 0


def confirm_part(db: Database, key: PartKey, *, message_id: int, now: datetime, plain: bool = False) -> None:
    """Telegram confirmed the part: mark it sent and remember its stories as received by the chat, as
    of when the digest was composed, with the sentences it told of them and the articles it held."""
    where, params = _where(key)
    with transaction(db):
        db.execute(
            f"UPDATE deliveries SET state = 'sent', message_id = ?, sent_at = ?, sent_plain = ?, error = NULL"
            f" WHERE {where}",
            [message_id, to_iso(now), int(plain), *params],
        )
        row = db.execute(
            "SELECT story_ids, facts, coalesce(composed_at, due_at, sent_at), held FROM deliveries"
            f" WHERE {where}",
            params,
        ).fetchone()
        if row is not None and row[0]:
            told: dict[str, list[str]] = json.loads(row[1]) if row[1] else {}
            held: dict[str, list[int]] = json.loads(row[3]) if row[3] else {}
            for story_id in (int(x) for x in row[0].split(",") if x):
                _received(db, key, story_id, told.get(str(story_id), []), held.get(str(story_id), []), row[2])


def _received(
    db: Database, key: PartKey, story_id: int, told: Sequence[str], held: Sequence[int], at: str | None
) -> None:
    """Add one story's delivery to what the chat received of it (sentences and articles kept once)."""
    old = db.execute(
        "SELECT received_at, sentences, held FROM delivered_stories WHERE chat_id = ? AND story_id = ?",
        [key.chat_id, story_id],
    ).fetchone()
    before = [x for x in old[1].split("\n") if x] if old else []
    sentences = "\n".join(dict.fromkeys([*before, *(" ".join(x.split()) for x in told)]))
    articles = sorted({*(int(x) for x in (old[2] if old else "").split(",") if x), *held})
    latest = max(filter(None, [old[0] if old else None, at]), default=None)
    db.execute(
        "INSERT OR REPLACE INTO delivered_stories (chat_id, story_id, digest_date, received_at, sentences,"
        " held) VALUES (?, ?, ?, ?, ?, ?)",
        [key.chat_id, story_id, key.digest_date.isoformat(), latest, sentences, ",".join(map(str, articles))],
    )


def record_alerted(
    db: Database, chat_id: int, story_id: int, *, told: Sequence[str], held: Sequence[int], at: datetime
) -> None:
    """A story the chat got as an alert counts as received, as a digest's stories do: the next digest
    tells it only as an update with what reached it since (``held``: its articles then, or an update
    alert's; ``told``: the sentences the alert showed), else leaves it out."""
    _received(db, PartKey(chat_id, at.date(), 0), story_id, told, held, to_iso(at))


def release_part(db: Database, key: PartKey, *, error: str) -> None:
    """Put a claimed part back to pending for a later run (a transient failure), counting the attempt."""
    where, params = _where(key)
    db.execute(
        f"UPDATE deliveries SET state = 'pending', attempts = attempts + 1, error = ? WHERE {where}",
        [error[:500], *params],
    )


def release_unconfirmed_part(db: Database, key: PartKey, *, error: str, now: datetime, resends: int) -> bool:
    """Telegram may have received the part without its answer reaching us (a read timeout): put it back
    to pending for a later run while it has been left unconfirmed at most ``resends`` times, else give it
    up (failed: its stories are not counted as received). True if it will be sent again."""
    where, params = _where(key)
    with transaction(db):
        again = release_unconfirmed(
            db, "deliveries", where, list(params), error=error, now=now, resends=resends,
            again="sent again in a later run", counts="attempts = attempts + 1, ",
        )  # fmt: skip
        if not again:
            settle_undelivered(db, [key.chat_id])
    return again


def fail_part(db: Database, key: PartKey, *, error: str, now: datetime) -> None:
    """Give up on one part (see :func:`settle_undelivered`: a digest none of whose parts went is not
    the chat's last one)."""
    where, params = _where(key)
    with transaction(db):
        db.execute(
            f"UPDATE deliveries SET state = 'failed', error = ?, sent_at = ? WHERE {where}",
            [error[:500], to_iso(now), *params],
        )
        settle_undelivered(db, [key.chat_id])


def unsent_story_ids(db: Database, chat_id: int) -> set[int]:
    """The stories of the chat's digest parts composed but not yet confirmed (pending or claimed)."""
    rows = db.execute(
        "SELECT story_ids FROM deliveries WHERE chat_id = ? AND state IN ('pending', 'claimed')", [chat_id]
    ).fetchall()
    return {int(x) for (ids,) in rows if ids for x in ids.split(",") if x}


def fail_chat(db: Database, chat_id: int, *, error: str, now: datetime) -> int:
    """Give up on every unsent part of a chat (it blocked the bot); returns how many."""
    with transaction(db):
        cur = db.execute(
            "UPDATE deliveries SET state = 'failed', error = ?, sent_at = ?"
            " WHERE chat_id = ? AND state IN ('pending', 'claimed')",
            [error[:500], to_iso(now), chat_id],
        )
        settle_undelivered(db, [chat_id])
    return cur.rowcount


def recover_claimed(db: Database) -> int:
    """At start: parts a crash left claimed may or may not have reached Telegram; make them pending
    so they are sent again (at-least-once). Returns how many."""
    cur = db.execute(
        "UPDATE deliveries SET state = 'pending', error = 'unconfirmed when the bot stopped: resent'"
        " WHERE state = 'claimed'"
    )
    return cur.rowcount


def expire_pending(db: Database, *, due_before: datetime, now: datetime) -> int:
    """Give up on pending parts of digests due before ``due_before`` (past the late limit)."""
    with transaction(db):
        rows = db.execute(
            "UPDATE deliveries SET state = 'failed', sent_at = ?,"
            " error = 'too late: not delivered within the late limit'"
            " || coalesce(' (last error: ' || error || ')', '')"
            " WHERE state = 'pending' AND due_at < ? RETURNING chat_id",
            [to_iso(now), to_iso(due_before)],
        ).fetchall()
        settle_undelivered(db, [chat for (chat,) in rows])
    return len(rows)


def prune_deliveries(db: Database, *, before: date) -> int:
    """Forget the parts of digests dated before ``before`` that are settled (sent or failed): never a
    part still pending or claimed, and never a chat's latest confirmed digest (what its next digest is
    new since). Returns how many rows went."""
    cur = db.execute(
        # "+state": found by date (deliveries_date_chat), not among every part ever sent
        "DELETE FROM deliveries WHERE digest_date < ? AND +state IN ('sent', 'failed')"
        " AND digest_date IS NOT (SELECT max(l.digest_date) FROM deliveries l"
        " WHERE l.chat_id = deliveries.chat_id AND l.state = 'sent')",
        [before.isoformat()],
    )
    return cur.rowcount


def delivery_counts(db: Database) -> dict[str, int]:
    """Parts by state."""
    rows = db.execute("SELECT state, count(*) FROM deliveries GROUP BY state").fetchall()
    return {state: n for state, n in rows}
