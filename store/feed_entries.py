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
    """An entry as a feed gave it: its URL, title, and date (``<updated>``, else ``<published>``);
    ``source_id``, the feed that gave it when it was last read (None: not known, a row from before)."""

    url: str
    title: str
    stamp: datetime | None
    source_id: int | None = None


def last_sightings(db: Database, urls: Sequence[str]) -> dict[str, EntrySighting]:
    """The entries last read under ``urls``, keyed by the URLs as given."""
    by_norm: dict[str, list[str]] = {}
    for url in urls:
        by_norm.setdefault(normalize_url(url), []).append(url)
    norms = list(by_norm)
    found: dict[str, EntrySighting] = {}
    for chunk in chunks(norms, 500):
        sql = (
            "SELECT url, title, stamp, source_id FROM feed_entries"
            f" WHERE url IN ({','.join('?' * len(chunk))})"
        )
        for url, title, stamp, source_id in db.execute(sql, chunk).fetchall():
            for given in by_norm[url]:
                found[given] = EntrySighting(given, title, from_iso(stamp), source_id)
    return found


def record_sightings(
    db: Database, sightings: Iterable[EntrySighting], *, now: datetime, source_id: int | None = None
) -> None:
    """Remember each entry's title and date as read ``now`` by the feed ``source_id`` (replacing what was
    read before, by whichever feed)."""
    db.conn.executemany(
        "INSERT INTO feed_entries (url, title, stamp, seen_at, source_id) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (url) DO UPDATE SET title = excluded.title, stamp = excluded.stamp,"
        " seen_at = excluded.seen_at, waiting_since = NULL, given_up_at = NULL, given_up_why = NULL,"
        " told_at = NULL, source_id = coalesce(excluded.source_id, source_id)",
        [(normalize_url(s.url), s.title, to_iso(s.stamp), to_iso(now), source_id) for s in sightings],
    )


def _by_norm(urls: Sequence[str]) -> dict[str, list[str]]:
    by_norm: dict[str, list[str]] = {}
    for url in urls:
        by_norm.setdefault(normalize_url(url), []).append(url)
    return by_norm


def entries_waiting_since(db: Database, urls: Sequence[str]) -> dict[str, datetime]:
    """When each entry's page (a new entry's, or an update's) was first left for a later poll, failing
    for now, keyed by the URLs as given; an entry not waiting (never, read since, or given up) has none."""
    by_norm = _by_norm(urls)
    found: dict[str, datetime] = {}
    for chunk in chunks(list(by_norm), 500):
        sql = (
            f"SELECT url, waiting_since FROM feed_entries WHERE url IN ({','.join('?' * len(chunk))})"
            " AND given_up_at IS NULL AND waiting_since IS NOT NULL"
        )
        for url, since in db.execute(sql, chunk).fetchall():
            when = from_iso(since)
            if when is not None:
                found.update(dict.fromkeys(by_norm[url], when))
    return found


def note_waiting(db: Database, sightings: Iterable[EntrySighting], *, now: datetime) -> None:
    """Remember entries left for a later poll (their pages failing for now) as waiting since ``now``,
    unless they wait already: the first miss stays, so the wait can be measured. The title and date of an
    entry read before (an update waiting) stay as read; an entry given up and tried again (the feed gave a
    new version of it) waits anew."""
    db.conn.executemany(
        "INSERT INTO feed_entries (url, title, stamp, seen_at, waiting_since) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (url) DO UPDATE SET waiting_since = CASE WHEN given_up_at IS NULL"
        " THEN coalesce(waiting_since, excluded.waiting_since) ELSE excluded.waiting_since END,"
        " given_up_at = NULL, given_up_why = NULL",
        [(normalize_url(s.url), s.title, to_iso(s.stamp), to_iso(now), to_iso(now)) for s in sightings],
    )


@dataclass(frozen=True)
class GivenUp:
    """An entry a polled feed gave up: its page gone for good, or failing for now all through its wait
    (``waited``), with no prose in the feed's summary to keep instead. ``sighting``: the version given up
    (a later one the feed gives is tried again); ``why``: the page's error."""

    sighting: EntrySighting
    why: str
    waited: bool
    at: datetime | None = None


def give_up(db: Database, entries: Iterable[GivenUp], *, source_id: int, now: datetime) -> None:
    """Remember ``entries`` as given up ``now`` by the feed ``source_id``, as the version the feed gives
    now, so later polls leave them alone (and an update given up is not read again until it changes)."""
    db.conn.executemany(
        "INSERT INTO feed_entries (url, title, stamp, seen_at, waiting_since, given_up_at, given_up_why,"
        " source_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (url) DO UPDATE SET title = excluded.title, stamp = excluded.stamp,"
        " seen_at = excluded.seen_at, given_up_at = excluded.given_up_at,"
        " given_up_why = excluded.given_up_why, source_id = excluded.source_id,"
        " waiting_since = CASE WHEN excluded.waiting_since IS NULL THEN NULL"
        " ELSE coalesce(waiting_since, excluded.waiting_since) END",
        [
            (
                normalize_url(g.sighting.url),
                g.sighting.title,
                to_iso(g.sighting.stamp),
                to_iso(now),
                to_iso(now) if g.waited else None,
                to_iso(now),
                g.why,
                source_id,
            )
            for g in entries
        ],
    )


def note_still_listed(db: Database, urls: Sequence[str], *, now: datetime, after: datetime) -> None:
    """Remember that the feed still lists the given-up entries ``urls``, seen ``now``, for those last seen
    before ``after`` (a write a day, not one a poll): the daily pruning forgets entries by when they were
    last seen, and a given-up entry forgotten while its feed still lists it would be read as new, given
    up and told to the admins once more."""
    for chunk in chunks(sorted({normalize_url(u) for u in urls}), 500):
        db.execute(
            f"UPDATE feed_entries SET seen_at = ? WHERE url IN ({','.join('?' * len(chunk))})"
            " AND given_up_at IS NOT NULL AND seen_at < ?",
            [to_iso(now), *chunk, to_iso(after)],
        )


_GIVEN_UP = "url, title, stamp, waiting_since, given_up_at, given_up_why"  # what :func:`_given_up` reads


def entries_given_up(db: Database, urls: Sequence[str]) -> dict[str, GivenUp]:
    """The entries among ``urls`` given up (:func:`give_up`), keyed by the URLs as given."""
    by_norm = _by_norm(urls)
    found: dict[str, GivenUp] = {}
    for chunk in chunks(list(by_norm), 500):
        sql = (
            f"SELECT {_GIVEN_UP} FROM feed_entries"
            f" WHERE url IN ({','.join('?' * len(chunk))}) AND given_up_at IS NOT NULL"
        )
        for url, title, stamp, since, at, why in db.execute(sql, chunk).fetchall():
            for given in by_norm[url]:
                found[given] = _given_up(given, title, stamp, since, at, why)
    return found


def _given_up(
    url: str, title: str, stamp: str | None, since: str | None, at: str | None, why: str | None
) -> GivenUp:
    """A given-up entry from its ``feed_entries`` row's columns."""
    return GivenUp(EntrySighting(url, title, from_iso(stamp)), why or "", since is not None, from_iso(at))


@dataclass(frozen=True)
class FeedGiveUps:
    """A feed's entries given up and kept in ``feed_entries``: how many, and the last one."""

    count: int
    last: GivenUp


def give_ups_by_feed(db: Database) -> dict[int, FeedGiveUps]:
    """The entries each polled feed gave up (by its source id), for ``/feeds``."""
    sql = (
        "SELECT source_id, count(*), url, title, stamp, waiting_since, max(given_up_at), given_up_why"
        " FROM feed_entries WHERE given_up_at IS NOT NULL AND source_id IS NOT NULL GROUP BY source_id"
    )
    found: dict[int, FeedGiveUps] = {}
    for source_id, count, url, title, stamp, since, at, why in db.execute(sql).fetchall():
        found[source_id] = FeedGiveUps(count, _given_up(url, title, stamp, since, at, why))
    return found


def untold_give_ups(db: Database, source_id: int) -> list[GivenUp]:
    """The entries the feed ``source_id`` gave up that the admins were not told of (m0042), the last given
    up first."""
    return _feed_give_ups(db, source_id, "given_up_at IS NOT NULL AND told_at IS NULL", [])


def give_ups_since(db: Database, source_id: int, since: datetime) -> list[GivenUp]:
    """The entries the feed ``source_id`` gave up from ``since`` on, the last given up first."""
    return _feed_give_ups(db, source_id, "given_up_at >= ?", [to_iso(since)])


def _feed_give_ups(db: Database, source_id: int, where: str, params: Sequence[object]) -> list[GivenUp]:
    """The entries of the feed ``source_id`` that ``where`` (with ``params``) holds of, the last given up
    first: the one query of the notices' two lists."""
    sql = f"SELECT {_GIVEN_UP} FROM feed_entries WHERE source_id = ? AND {where}"
    sql += " ORDER BY given_up_at DESC, url"
    return [_given_up(*row) for row in db.execute(sql, [source_id, *params]).fetchall()]


def mark_told(
    db: Database,
    source_id: int,
    *,
    now: datetime,
    since: datetime | None = None,
    through: datetime | None = None,
) -> None:
    """Remember that the admins were told ``now`` of every entry the feed ``source_id`` gave up (from
    ``since`` on, and up to ``through``, if given: a notice tells the entries given up by the time it
    was composed, not one given up while it was being sent): an entry given up again later (a new
    version of it, a resumed feed) is not told again."""
    db.execute(
        "UPDATE feed_entries SET told_at = ? WHERE source_id = ? AND given_up_at >= coalesce(?, '')"
        " AND (? IS NULL OR given_up_at <= ?) AND told_at IS NULL",
        [to_iso(now), source_id, to_iso(since), to_iso(through), to_iso(through)],
    )


def prune_feed_entries(db: Database, *, before: datetime) -> int:
    """Forget the entries last read before ``before``: an entry without a row is judged by its article's
    date, as one read before m0017 is, so only a rare re-read of an updated old entry is lost."""
    return db.execute("DELETE FROM feed_entries WHERE seen_at < ?", [to_iso(before)]).rowcount
