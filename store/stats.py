"""Counts of what the archive holds, for ``/stats`` and ``/sources``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from store.articles import OLD_VERSION
from store.db import Database, from_iso


@dataclass(frozen=True)
class ArchiveCounts:
    articles: int
    near_duplicates: int
    sources: int
    polled_feeds: int
    actors: int
    stories: int
    subscribers_active: int
    subscribers: int
    follows: int
    deliveries_sent: int
    deliveries_failed: int
    deliveries_waiting: int
    outlets: int = 0  # the names on the articles (``articles.source``), as /sources counts them
    # the sources (files, pages, feeds) by kind, the most first: ``(("page", 3), ("feed", 1))``
    source_kinds: tuple[tuple[str, int], ...] = ()
    # articles with no source recorded (``source_id`` NULL): stored before sources were kept, by a bulk
    # load (the benchmark's corpus), or a file's teaser pages
    unsourced: int = 0


@dataclass(frozen=True)
class OutletCount:
    """Articles of one outlet (the ``source`` named on each article) and the newest one's date."""

    name: str
    articles: int
    newest: datetime | None  # the newest its outlet dated; when it dated none, the newest read
    dated: bool = True  # False: the outlet dated none of its articles, ``newest`` is when one was read


@dataclass(frozen=True)
class FeedState:
    location: str
    name: str
    poll: bool
    paused: bool
    failures: int
    last_ok_at: datetime | None
    id: int = 0
    last_error: str | None = None
    next_poll_at: datetime | None = None
    articles: int = 0  # stored from this feed
    stalled_polls: int = 0  # polls in a row that gave up entries and read none of its new ones (m0042)
    stalled_since: datetime | None = None

    @property
    def failing(self) -> bool:
        """Polled, failing, and not paused yet: tried again at ``next_poll_at``."""
        return self.poll and not self.paused and self.failures > 0


# how many outlets the archive has: the names on its articles, as /sources lists them and /stats counts them.
# Through the index of sources, which holds them in order: with sampled statistics (PRAGMA optimize) SQLite
# took a wider index and sorted 100,000 names (60-100 ms, against 0.01 ms)
_OUTLETS_SQL = "SELECT count(DISTINCT source) FROM articles INDEXED BY articles_source"


def _one(db: Database, sql: str) -> int:
    return int(db.execute(sql).fetchone()[0] or 0)


def archive_counts(db: Database) -> ArchiveCounts:
    deliveries = dict(db.execute("SELECT state, count(*) FROM deliveries GROUP BY state").fetchall())
    return ArchiveCounts(
        articles=_one(db, "SELECT count(*) FROM articles"),
        near_duplicates=_one(db, "SELECT count(*) FROM near_duplicates"),
        sources=_one(db, "SELECT count(*) FROM sources"),
        polled_feeds=_one(db, "SELECT count(*) FROM sources WHERE kind = 'feed' AND poll = 1"),
        actors=_one(db, "SELECT count(*) FROM actors"),
        stories=_one(db, "SELECT count(*) FROM stories"),
        subscribers_active=_one(db, "SELECT count(*) FROM subscribers WHERE active = 1"),
        subscribers=_one(db, "SELECT count(*) FROM subscribers"),
        follows=_one(db, "SELECT count(*) FROM follows"),
        deliveries_sent=deliveries.get("sent", 0),
        deliveries_failed=deliveries.get("failed", 0),
        deliveries_waiting=deliveries.get("pending", 0) + deliveries.get("claimed", 0),
        outlets=_one(db, _OUTLETS_SQL),
        unsourced=_one(
            db, "SELECT count(*) FROM articles INDEXED BY articles_source_id WHERE source_id IS NULL"
        ),
        source_kinds=tuple(
            (kind, count)
            for kind, count in db.execute(
                "SELECT kind, count(*) FROM sources GROUP BY kind ORDER BY count(*) DESC, kind"
            ).fetchall()
        ),
    )


def outlet_counts(db: Database, *, limit: int = 30) -> tuple[list[OutletCount], int]:
    """The outlets with the most articles (at most ``limit``) and how many outlets there are in all: read
    from the index that covers each article's outlet and dates (m0044), not the archive's rows."""
    rows = db.execute(
        "SELECT source, count(*), max(CASE WHEN published_at IS NOT NULL THEN dated_at END), max(dated_at)"
        " FROM articles INDEXED BY articles_outlet_dates GROUP BY source ORDER BY count(*) DESC, source"
        " LIMIT ?",
        [limit],
    ).fetchall()
    total = _one(db, _OUTLETS_SQL)
    # a page stored in versions is one article: its old versions, few and in an index of their own
    # (m0047), are taken off each count
    old = dict(
        db.execute(
            f"SELECT source, count(*) FROM articles INDEXED BY articles_old_versions WHERE {OLD_VERSION}"
            " GROUP BY source"
        ).fetchall()
    )
    counts = [(r[0], r[1] - old.get(r[0], 0), r[2], r[3]) for r in rows]
    counts.sort(key=lambda r: (-r[1], r[0]))
    # an outlet's newest news is the newest it dated: an undated page read today is no news of today
    return [OutletCount(r[0], r[1], from_iso(r[2] or r[3]), dated=r[2] is not None) for r in counts], total


def feeds(db: Database) -> list[FeedState]:
    """Every feed, with the articles stored from it: counted in the index on ``articles.source_id``
    (m0023), each feed's own entries only, never the whole archive; a page stored in versions once (its
    old versions in an index of their own, m0047)."""
    rows = db.execute(
        "SELECT location, name, poll, paused, failures, last_ok_at, id, last_error, next_poll_at,"
        " (SELECT count(*) FROM articles WHERE source_id = sources.id) - (SELECT count(*) FROM articles"
        f" INDEXED BY articles_old_version_feeds WHERE source_id = sources.id AND {OLD_VERSION}),"
        " stalled_polls, stalled_since"
        " FROM sources WHERE kind = 'feed' ORDER BY poll DESC, name"
    ).fetchall()
    return [_feed_state(*r) for r in rows]


def _feed_state(
    location: str, name: str, poll: int, paused: int, failures: int, ok: str | None, source_id: int,
    error: str | None, next_at: str | None, articles: int, stalled: int, since: str | None,
) -> FeedState:  # fmt: skip
    return FeedState(
        location, name, bool(poll), bool(paused), failures, from_iso(ok), source_id, error, from_iso(next_at),
        articles, stalled, from_iso(since),
    )  # fmt: skip
