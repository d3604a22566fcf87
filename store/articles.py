"""Articles: typed reads and writes; duplicates and near-duplicates recognised on the way in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from briefing.dedupe import (
    MAX_DISTANCE,
    bands,
    content_hash,
    hamming,
    is_near_duplicate,
    normalize_url,
    simhash,
    to_signed,
    to_unsigned,
)
from briefing.models import Article, ArticleDraft
from store.db import Database, from_iso, to_iso


def article_from_row(row: dict[str, Any]) -> Article:
    """An ``Article`` from a row of the ``articles`` table (as a dict)."""
    ingested = from_iso(row["ingested_at"])
    assert ingested is not None
    summary = tuple(s for s in (row.get("summary") or "").split("\n") if s)
    return Article(
        id=row["id"],
        title=row["title"],
        body=row["body"],
        source=row["source"],
        ingested_at=ingested,
        content_hash=row["content_hash"],
        url=row.get("url"),
        author=row.get("author"),
        section=row.get("section"),
        published_at=from_iso(row.get("published_at")),
        summary=summary,
        story_id=row.get("story_id"),
    )


def get_article(db: Database, article_id: int) -> Article | None:
    rows = list(db.query("SELECT * FROM articles WHERE id = ?", [article_id]))
    return article_from_row(rows[0]) if rows else None


def count_articles(db: Database) -> int:
    return db.execute("SELECT count(*) FROM articles").fetchone()[0]


Outcome = Literal["new", "duplicate", "near_duplicate"]


@dataclass(frozen=True)
class AddResult:
    """What :func:`add_article` did: stored a new article, or recognised an existing one.

    ``article`` is the new article, or for a (near-)duplicate the stored original it matched;
    ``similarity`` is the shingle similarity to that original for a near-duplicate.
    """

    outcome: Outcome
    article: Article
    similarity: float | None = None


def add_article(
    db: Database, draft: ArticleDraft, *, now: datetime, source_id: int | None = None
) -> AddResult:
    """Store ``draft`` unless it is already there.

    A duplicate is the same URL (normalised) or the same normalised text; a near-duplicate is a text
    whose simhash is within ``dedupe.MAX_DISTANCE`` bits of a stored one *and* whose shingles are
    similar enough. A near-duplicate is recorded in ``near_duplicates`` (once), never stored as new.
    Call inside a transaction: the article, its bands and its FTS row go in together.
    """
    url = normalize_url(draft.url) if draft.url else None
    digest = content_hash(draft.body)
    seen = _find_seen(db, url, digest)
    if seen is not None:
        return seen
    fingerprint = simhash(draft.body)
    match = _closest(db, fingerprint, draft.body)
    if match is not None:
        original, score = match
        _record_near_duplicate(db, original.id, draft, url, digest, score, now)
        return AddResult("near_duplicate", original, score)
    return AddResult("new", _insert(db, draft, url, digest, fingerprint, now, source_id))


def _find_seen(db: Database, url: str | None, digest: str) -> AddResult | None:
    # the same URL or text as a stored article, or as a near-duplicate seen before, is not news
    row = db.execute(
        "SELECT id FROM articles WHERE content_hash = ? OR url = ?"
        " UNION ALL SELECT article_id FROM near_duplicates WHERE content_hash = ? OR url = ?"
        " LIMIT 1",
        [digest, url, digest, url],
    ).fetchone()
    if row is None:
        return None
    original = get_article(db, row[0])
    assert original is not None
    return AddResult("duplicate", original)


def _closest(db: Database, fingerprint: int, body: str) -> tuple[Article, float] | None:
    best: tuple[Article, float] | None = None
    for article_id, stored in near_duplicate_candidates(db, fingerprint):
        original = get_article(db, article_id)
        if original is None:
            continue
        close, score = is_near_duplicate(fingerprint, stored, body, original.body)
        if close and (best is None or score > best[1]):
            best = (original, score)
    return best


def _insert(
    db: Database,
    draft: ArticleDraft,
    url: str | None,
    digest: str,
    fingerprint: int,
    now: datetime,
    source_id: int | None,
) -> Article:
    ingested = to_iso(now)
    published = to_iso(draft.published_at)
    cursor = db.execute(
        "INSERT INTO articles (url, title, body, source, source_id, author, section, published_at,"
        " ingested_at, dated_at, content_hash, simhash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            url,
            draft.title,
            draft.body,
            draft.source,
            source_id,
            draft.author,
            draft.section,
            published,
            ingested,
            published or ingested,
            digest,
            to_signed(fingerprint),
        ],
    )
    article_id = cursor.lastrowid
    assert article_id is not None
    db.conn.executemany(
        "INSERT INTO article_bands (band, value, article_id) VALUES (?, ?, ?)",
        [(band, value, article_id) for band, value in enumerate(bands(fingerprint))],
    )
    return Article(
        id=article_id,
        title=draft.title,
        body=draft.body,
        source=draft.source,
        ingested_at=from_iso(ingested) or now,
        content_hash=digest,
        url=url,
        author=draft.author,
        section=draft.section,
        published_at=from_iso(published),
    )


def _record_near_duplicate(
    db: Database,
    article_id: int,
    draft: ArticleDraft,
    url: str | None,
    digest: str,
    score: float,
    now: datetime,
) -> None:
    db.execute(
        "INSERT OR IGNORE INTO near_duplicates (article_id, url, source, title, content_hash,"
        " similarity, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [article_id, url, draft.source, draft.title, digest, round(score, 4), to_iso(now)],
    )


def near_duplicate_candidates(db: Database, fingerprint: int) -> list[tuple[int, int]]:
    """``(article_id, simhash)`` of stored articles within ``MAX_DISTANCE`` bits of ``fingerprint``,
    found through the four 16-bit bands (any two such fingerprints share a band)."""
    params: list[int] = []
    for band, value in enumerate(bands(fingerprint)):
        params += [band, value]
    where = " OR ".join(["(band = ? AND value = ?)"] * (len(params) // 2))
    # A candidate's fingerprint is put back together from its own four bands: reading it from
    # ``articles`` would walk each row's body pages.
    # (the top band is shifted as a signed value so the sum stays a signed 64-bit integer)
    rows = db.execute(
        "SELECT article_id, sum(CASE WHEN band = 3 AND value >= 32768 THEN (value - 65536) << 48"
        " ELSE value << (16 * band) END) FROM article_bands WHERE article_id IN"
        f" (SELECT article_id FROM article_bands WHERE {where}) GROUP BY article_id",
        params,
    ).fetchall()
    found = ((article_id, to_unsigned(signed)) for article_id, signed in rows)
    return [(a, p) for a, p in found if hamming(p, fingerprint) <= MAX_DISTANCE]


@dataclass(frozen=True)
class NearDuplicate:
    """A near-duplicate sighting: another copy of a stored article, with small edits."""

    article_id: int
    source: str
    title: str
    similarity: float
    seen_at: datetime
    url: str | None = None


def near_duplicates_of(db: Database, article_id: int) -> list[NearDuplicate]:
    rows = db.query("SELECT * FROM near_duplicates WHERE article_id = ? ORDER BY seen_at, id", [article_id])
    return [
        NearDuplicate(
            article_id=row["article_id"],
            source=row["source"],
            title=row["title"],
            similarity=row["similarity"],
            seen_at=from_iso(row["seen_at"]) or datetime.min.replace(tzinfo=UTC),
            url=row["url"],
        )
        for row in rows
    ]


def _one(db: Database, sql: str, params: list[Any]) -> Article | None:
    rows = list(db.query(sql, params))
    return article_from_row(rows[0]) if rows else None


def find_by_url(db: Database, url: str) -> Article | None:
    """The article stored under ``url`` (compared in normalised form)."""
    return _one(db, "SELECT * FROM articles WHERE url = ?", [normalize_url(url)])


def known_url(db: Database, url: str) -> bool:
    """Whether ``url`` was ingested before, as an article or as a near-duplicate of one."""
    norm = normalize_url(url)
    row = db.execute(
        "SELECT 1 FROM articles WHERE url = ? UNION ALL SELECT 1 FROM near_duplicates WHERE url = ? LIMIT 1",
        [norm, norm],
    ).fetchone()
    return row is not None


def find_by_hash(db: Database, digest: str) -> Article | None:
    return _one(db, "SELECT * FROM articles WHERE content_hash = ?", [digest])


def dated_since(db: Database, article_ids: Sequence[int], since: datetime) -> list[int]:
    """Those of the articles dated ``since`` or later (published, else ingested), in the order given."""
    recent: set[int] = set()
    ids = list(dict.fromkeys(article_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        sql = f"SELECT id FROM articles WHERE id IN ({','.join('?' * len(chunk))}) AND dated_at >= ?"
        recent.update(r[0] for r in db.execute(sql, [*chunk, to_iso(since)]).fetchall())
    return [i for i in ids if i in recent]


def latest_articles(db: Database, *, limit: int = 20, since: datetime | None = None) -> list[Article]:
    """The newest articles by date (published, else ingested), newest first."""
    if since is None:
        rows = db.query("SELECT * FROM articles ORDER BY dated_at DESC, id DESC LIMIT ?", [limit])
    else:
        rows = db.query(
            "SELECT * FROM articles WHERE dated_at >= ? ORDER BY dated_at DESC, id DESC LIMIT ?",
            [to_iso(since), limit],
        )
    return [article_from_row(row) for row in rows]
