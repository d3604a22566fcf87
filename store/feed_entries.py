"""Feed entries as a feed last gave them (title and date, by URL), to tell an updated entry from one
read before; see ``store/migrations/m0017_feed_entries.py``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from briefing.dedupe import normalize_url
from store.db import Database, chunks, from_iso, to_iso


@dataclass(frozen=True)
class EntrySighting:
    """An entry as a feed gave it: its URL, title, and date (``<updated>``, else ``<published>``)."""

    url: str
    title: str
    stamp: datetime | None


def last_sightings(db: Database, urls: Sequence[str]) -> dict[str, EntrySighting]:
    """The entries last read under ``urls``, keyed by the URLs as given."""
    by_norm: dict[str, list[str]] = {}
    for url in urls:
        by_norm.setdefault(normalize_url(url), []).append(url)
    norms = list(by_norm)
    found: dict[str, EntrySighting] = {}
    for chunk in chunks(norms, 500):
        sql = f"SELECT url, title, stamp FROM feed_entries WHERE url IN ({','.join('?' * len(chunk))})"
        for url, title, stamp in db.execute(sql, chunk).fetchall():
            for given in by_norm[url]:
                found[given] = EntrySighting(given, title, from_iso(stamp))
    return found


def record_sightings(db: Database, sightings: Iterable[EntrySighting], *, now: datetime) -> None:
    """Remember each entry's title and date as read ``now`` (replacing what was read before)."""
    db.conn.executemany(
        "INSERT INTO feed_entries (url, title, stamp, seen_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (url) DO UPDATE SET title = excluded.title, stamp = excluded.stamp,"
        " seen_at = excluded.seen_at",
        [(normalize_url(s.url), s.title, to_iso(s.stamp), to_iso(now)) for s in sightings],
    )


def entries_waiting_since(db: Database, urls: Sequence[str]) -> dict[str, datetime]:
    """For entries not stored yet, when each was first left for a later poll (its page failing for
    now), keyed by the URLs as given; an entry never left waiting has none. (A stored entry's row is
    when it was last read: ask only of entries whose URL no article has.)"""
    by_norm: dict[str, list[str]] = {}
    for url in urls:
        by_norm.setdefault(normalize_url(url), []).append(url)
    found: dict[str, datetime] = {}
    for chunk in chunks(list(by_norm), 500):
        sql = f"SELECT url, seen_at FROM feed_entries WHERE url IN ({','.join('?' * len(chunk))})"
        for url, seen_at in db.execute(sql, chunk).fetchall():
            when = from_iso(seen_at)
            if when is not None:
                found.update(dict.fromkeys(by_norm[url], when))
    return found


def note_waiting(db: Database, sightings: Iterable[EntrySighting], *, now: datetime) -> None:
    """Remember entries left for a later poll (their pages failing for now) as seen ``now``, unless a row
    is there already: the first time an entry was left waiting stays, so its wait can be measured; the
    row of an entry read before (an update waiting) is left as it is."""
    db.conn.executemany(
        "INSERT INTO feed_entries (url, title, stamp, seen_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (url) DO NOTHING",
        [(normalize_url(s.url), s.title, to_iso(s.stamp), to_iso(now)) for s in sightings],
    )


def prune_feed_entries(db: Database, *, before: datetime) -> int:
    """Forget the entries last read before ``before``: an entry without a row is judged by its article's
    date, as one read before m0017 is, so only a rare re-read of an updated old entry is lost."""
    return db.execute("DELETE FROM feed_entries WHERE seen_at < ?", [to_iso(before)]).rowcount
