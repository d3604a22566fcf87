"""Articles: typed reads and writes; duplicates and near-duplicates recognised on the way in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from briefing.dedupe import (
    Sketch,
    content_hash,
    is_copy_of,
    is_near_duplicate,
    normalize_url,
    profile,
    sketch,
)
from briefing.furniture import with_co_writers
from briefing.models import TEASER_KEPT, TEASER_RETRY, Article, ArticleDraft
from briefing.versions import VERSION_MARK, version_url
from store.db import Database, chunks, from_iso, to_iso
from store.sketches import save_sketch, sketch_candidates

# an old version of a page (``briefing.versions``): its URL bears the fragment no other stored URL has. The
# partial indexes of m0047 hold just these rows, so counting them beside an index's counts reads no more
OLD_VERSION = f"instr(url, '{VERSION_MARK}') > 0"


def current(url: str = "url") -> str:
    """SQL true of an article as the archive lists and counts it, its URL column named ``url`` ("a.url"
    in a join): no old version of a page (that one is its page's history)."""
    return f"({url} IS NULL OR instr({url}, '{VERSION_MARK}') = 0)"


CURRENT = current()


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
        clock_unknown=bool(row.get("clock_unknown")),
        teaser=row.get("teaser") or 0,
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
    ``similarity`` is, for a near-duplicate, the share of the shorter text's content-word pairs found
    in the other (``dedupe.resemblance``); ``replaced``, for a new article that is its page's new version,
    the version before it, set aside (an update, told apart from news in the ingest's report).
    """

    outcome: Outcome
    article: Article
    similarity: float | None = None
    replaced: Article | None = None


def add_article(
    db: Database,
    draft: ArticleDraft,
    *,
    now: datetime,
    source_id: int | None = None,
    revision: bool = False,
) -> AddResult:
    """Store ``draft`` unless it is already there.

    A duplicate is the same URL (normalised) or the same normalised text; a near-duplicate is a text
    that shares a MinHash band key with a stored one and passes ``dedupe.is_near_duplicate`` against
    it (most of the shorter text's word pairs in the other, lengths within a factor of two) and
    ``dedupe.is_copy_of`` (no new count, no other figures a later day, no template's next edition). A
    near-duplicate is recorded in ``near_duplicates`` (once), never stored as new.

    ``revision``: the draft is the page at a known URL read again, because its feed says the entry
    changed. Its URL makes it no duplicate; the same text does, and a copy of the page's current
    version (:func:`_add_revision`) is a near-duplicate of it. A page ingested again under a known URL
    (not a feed's summary of it) is compared so too: a page whose text changed since is the same article
    updated, as a feed's update is, not a duplicate (qa32c F6), and a page read in full where its feed's
    summary was kept (``teaser``) replaces it (qa32c F2).
    Call inside a transaction: the article, its sketch and its FTS row go in together.
    """
    url = normalize_url(draft.url) if draft.url else None
    digest = content_hash(draft.body)
    # a URL known only as another article's copy (a near-duplicate's) stays a duplicate, as before
    if url is not None and (revision or (not draft.teaser and find_by_url(db, url) is not None)):
        if not revision and (seen := _find_seen(db, None, digest)) is not None:
            _credit_co_writers(db, seen.article, draft)
            return seen
        link = normalize_url(draft.link) if revision and draft.link else None
        return _add_revision(db, draft, url, digest, now, source_id, link)
    seen = _find_seen(db, url, digest)
    if seen is not None:
        _credit_co_writers(db, seen.article, draft)
        return seen
    found = sketch(draft.body)
    match = _closest(db, found, draft)
    if match is not None:
        original, score = match
        _record_near_duplicate(db, original, draft, url, digest, score, now)
        return AddResult("near_duplicate", original, score)
    return _add_new(db, draft, url, digest, found, now, source_id)


def _add_new(
    db: Database,
    draft: ArticleDraft,
    url: str | None,
    digest: str,
    found: Sketch,
    now: datetime,
    source_id: int | None,
    replaced: Article | None = None,
) -> AddResult:
    article = _insert(db, draft, url, digest, now, source_id)
    save_sketch(db, article.id, found)
    return AddResult("new", article, replaced=replaced)


def _add_revision(
    db: Database,
    draft: ArticleDraft,
    url: str,
    digest: str,
    now: datetime,
    source_id: int | None,
    link: str | None = None,
) -> AddResult:
    """A page read again: nothing if its text is known; a near-duplicate of its current version (or of
    another article) if a copy of it; else its new version. The page's URL names its current version:
    the version before keeps its row (its text, its story, what was said of it) under the URL with a
    fragment, ``#version-1``, ``#version-2``... (:func:`_set_aside`): a link that still opens the page,
    and an identity of its own, since the URL alone is the newest version's. A current version that is
    only its feed's summary (``teaser``) is no original of the page read in full, however alike: the page
    is its new version. ``link``: the address the page was read at, its own URL (``url``) being another
    (moved since): a version stored under the link is the page's version before, set aside under ``url``,
    and the link is remembered as the page's (:func:`_remember_alias`)."""
    seen = _find_seen(db, None, digest)
    if seen is not None:
        if draft.teaser == TEASER_KEPT and seen.article.teaser == TEASER_RETRY:
            # its page failed again where a poll gave it its wait: no later read fetches it again
            db.execute("UPDATE articles SET teaser = ? WHERE id = ?", [TEASER_KEPT, seen.article.id])
        return seen
    found = sketch(draft.body)
    current = _current_version(db, url) or (_current_version(db, link) if link else None)
    summary = current if current is not None and current.teaser and not draft.teaser else None
    if current is not None and summary is None:
        close, score = is_near_duplicate(found, profile(current.body))
        if close and _copies(draft, current, score):
            _record_near_duplicate(db, current, draft, url, digest, score, now)
            return AddResult("near_duplicate", current, score)
    match = _closest(db, found, draft, skip=summary)
    if match is not None:
        original, score = match
        _record_near_duplicate(db, original, draft, url, digest, score, now)
        return AddResult("near_duplicate", original, score)
    replaced = None
    if current is not None and current.url in same_page(url):
        url = _page_url(url, current.url)
        _set_aside(db, current.id, url)
        replaced = current
    elif current is not None and link is not None and current.url in same_page(link):
        _set_aside(db, current.id, url)  # the page moved: its versions go on under its own URL
        replaced = current
    if link is not None and link not in same_page(url):
        _remember_alias(db, link, url, now)
    return _add_new(db, draft, url, digest, found, now, source_id, replaced)


def _remember_alias(db: Database, link: str, url: str, now: datetime) -> None:
    """Remember ``link`` as an address of the page whose own URL is ``url`` (m0046's ``page_aliases``)."""
    db.execute(
        "INSERT INTO page_aliases (url, page_url, added_at) VALUES (?, ?, ?)"
        " ON CONFLICT (url) DO UPDATE SET page_url = excluded.page_url",
        [link, url, to_iso(now)],
    )


def _current_version(db: Database, url: str) -> Article | None:
    """The article a (normalised) URL names now: the one stored under it (or under its other scheme,
    :func:`same_page`), else the original of the near-duplicate seen there."""
    found = _stored_under(db, url)
    if found is not None:
        return found
    row = db.execute(
        "SELECT article_id FROM near_duplicates WHERE url IN (?, ?) ORDER BY id DESC LIMIT 1", same_page(url)
    ).fetchone()
    return get_article(db, row[0]) if row else None


def same_page(url: str) -> tuple[str, str]:
    """A normalised URL and the same address over the other of http and https: one site's page served
    both ways is one page (a feed linking ``https://`` and the page ingested as ``http://``, qa32c t15).
    Stored URLs keep the scheme they came with; only the lookups read both."""
    for one, other in (("http://", "https://"), ("https://", "http://")):
        if url.startswith(one):
            return url, other + url.removeprefix(one)
    return url, url


def _page_url(url: str, stored: str) -> str:
    """The URL a page's new version goes under when its version before is stored under ``stored``: that
    one, unless it is the same page over http and ``url`` the https address (the one a link should use)."""
    return url if url.startswith("https://") else stored


def _set_aside(db: Database, article_id: int, url: str) -> None:
    """Give the article at ``url`` the URL of an older version of its page: ``url#version-N``."""
    count = db.execute(f"SELECT count(*) FROM articles WHERE {_VERSIONS}", _versions_of(url)).fetchone()[0]
    n = max(count, 1)  # none under ``url`` yet: a page that moved there
    while db.execute("SELECT 1 FROM articles WHERE url = ?", [version_url(url, n)]).fetchone():
        n += 1  # a version pruned since: the numbers need not be dense, only unique
    db.execute("UPDATE articles SET url = ? WHERE id = ?", [version_url(url, n), article_id])


def page_versions(db: Database, url: str) -> list[Article]:
    """The versions of the page at ``url`` stored as it was updated, oldest first: those set aside
    (``url#version-N``) and the current one (``url``)."""
    rows = db.query(f"SELECT * FROM articles WHERE {_VERSIONS} ORDER BY id", _versions_of(url))
    return [article_from_row(row) for row in rows]


# the rows of one page's versions: a stored URL has no fragment but a version's, so those between "url#"
# and "url$" are its versions (:func:`_versions_of` gives the page's URL and those bounds)
_VERSIONS = "(url = ? OR (url > ? AND url < ?))"


def _versions_of(url: str) -> list[str]:
    norm = normalize_url(url)
    return [norm, norm + "#", norm + "$"]


def is_stored(db: Database, draft: ArticleDraft) -> bool:
    """Would :func:`add_article` find ``draft`` a duplicate: its text stored already, or its URL for a
    draft with no URL's page to compare (a known URL with another text may be the page updated)."""
    if _find_seen(db, None, content_hash(draft.body)) is not None:
        return True
    return draft.teaser != 0 and draft.url is not None and known_url(db, draft.url)


def _find_seen(db: Database, url: str | None, digest: str) -> AddResult | None:
    # the same URL or text as a stored article, or as a near-duplicate seen before, is not news. One
    # lookup a column: with "content_hash = ? OR url = ?" and an archive's statistics (ANALYZE) SQLite
    # chose to scan the articles, a second for every new article of a 100,000-article archive
    pair = same_page(url) if url is not None else (None, None)
    row = db.execute(
        "SELECT id FROM articles WHERE content_hash = ? UNION ALL SELECT id FROM articles WHERE url IN (?, ?)"
        " UNION ALL SELECT article_id FROM near_duplicates WHERE content_hash = ?"
        " UNION ALL SELECT article_id FROM near_duplicates WHERE url IN (?, ?) LIMIT 1",
        [digest, *pair, digest, *pair],
    ).fetchone()
    if row is None:
        return None
    original = get_article(db, row[0])
    assert original is not None
    return AddResult("duplicate", original)


def _closest(
    db: Database, found: Sketch, draft: ArticleDraft, *, skip: Article | None = None
) -> tuple[Article, float] | None:
    # the candidates come most similar first: the first that passes is the original (reading the
    # others would cost a text each, and an archive of one topic has many chance candidates)
    for article_id in sketch_candidates(db, found):
        original = get_article(db, article_id) if skip is None or article_id != skip.id else None
        if original is None:
            continue
        close, score = is_near_duplicate(found, profile(original.body))
        if close and _copies(draft, original, score):
            return original, score
    return None


def _copies(draft: ArticleDraft, original: Article, containment: float) -> bool:
    return is_copy_of(
        draft.title,
        draft.body,
        original.title,
        original.body,
        containment,
        dated=draft.published_at,
        original_dated=original.published_at,
    )


def _insert(
    db: Database,
    draft: ArticleDraft,
    url: str | None,
    digest: str,
    now: datetime,
    source_id: int | None,
) -> Article:
    ingested = to_iso(now)
    published = to_iso(draft.published_at)
    clock_unknown = draft.clock_unknown and published is not None
    cursor = db.execute(
        "INSERT INTO articles (url, title, body, source, source_id, author, section, published_at,"
        " ingested_at, dated_at, content_hash, simhash, clock_unknown, teaser)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
            0,  # articles.simhash is no longer used (m0011)
            int(clock_unknown),
            draft.teaser,
        ],
    )
    article_id = cursor.lastrowid
    assert article_id is not None
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
        clock_unknown=clock_unknown,
        teaser=draft.teaser,
    )


def _record_near_duplicate(
    db: Database,
    original: Article,
    draft: ArticleDraft,
    url: str | None,
    digest: str,
    score: float,
    now: datetime,
) -> None:
    db.execute(
        "INSERT OR IGNORE INTO near_duplicates (article_id, url, source, title, content_hash,"
        " similarity, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [original.id, url, draft.source, draft.title, digest, round(score, 4), to_iso(now)],
    )
    _credit_co_writers(db, original, draft)


def _credit_co_writers(db: Database, stored: Article, draft: ArticleDraft) -> None:
    """A copy (same text or a near-duplicate) crediting a co-writer the stored article leaves out ("By
    Maria Lopez and Tom Reyes" against "By Maria Lopez"): the stored article keeps both writers."""
    if (writers := with_co_writers(stored.author, draft.author)) is not None:
        db.execute("UPDATE articles SET author = ? WHERE id = ?", [writers, stored.id])


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
    """The article stored under ``url`` (compared in normalised form, over http or https), else under the
    URL of the page ``url`` is an old address of (``page_aliases``)."""
    norm = normalize_url(url)
    found = _stored_under(db, norm)
    if found is not None:
        return found
    row = db.execute(
        "SELECT page_url FROM page_aliases WHERE url IN (?, ?) LIMIT 1", same_page(norm)
    ).fetchone()
    return _stored_under(db, row[0]) if row else None


def _stored_under(db: Database, url: str) -> Article | None:
    """The article stored under a normalised ``url``, else under the same address over the other scheme
    (:func:`same_page`)."""
    return _one(
        db, "SELECT * FROM articles WHERE url IN (?, ?) ORDER BY url = ? DESC LIMIT 1", [*same_page(url), url]
    )


def known_url(db: Database, url: str) -> bool:
    """Whether ``url`` was ingested before (over http or https), as an article or as a near-duplicate of
    one, or is an old address of a page stored under its own (``page_aliases``)."""
    pair = same_page(normalize_url(url))
    row = db.execute(
        "SELECT 1 FROM articles WHERE url IN (?, ?)"
        " UNION ALL SELECT 1 FROM near_duplicates WHERE url IN (?, ?)"
        " UNION ALL SELECT 1 FROM page_aliases WHERE url IN (?, ?) LIMIT 1",
        [*pair, *pair, *pair],
    ).fetchone()
    return row is not None


def summaries_to_retry(db: Database, urls: Sequence[str]) -> set[str]:
    """Those of ``urls`` whose stored article is only its feed's summary, kept as its page failed for now
    with no later poll to try it (``teaser`` 1, m0046): the next read of the feed fetches the page."""
    by_norm: dict[str, list[str]] = {}
    for url in urls:
        by_norm.setdefault(normalize_url(url), []).append(url)
    found: set[str] = set()
    for chunk in chunks(list(by_norm), 500):
        sql = f"SELECT url FROM articles WHERE url IN ({','.join('?' * len(chunk))}) AND teaser = ?"
        found.update(
            given for (url,) in db.execute(sql, [*chunk, TEASER_RETRY]).fetchall() for given in by_norm[url]
        )
    return found


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
    """The newest articles by date (published, else ingested), newest first; a page stored in versions
    once, as its newest."""
    if since is None:
        rows = db.query(
            f"SELECT * FROM articles WHERE {CURRENT} ORDER BY dated_at DESC, id DESC LIMIT ?", [limit]
        )
    else:
        rows = db.query(
            f"SELECT * FROM articles WHERE dated_at >= ? AND {CURRENT}"
            " ORDER BY dated_at DESC, id DESC LIMIT ?",
            [to_iso(since), limit],
        )
    return [article_from_row(row) for row in rows]
