"""Stories: typed reads and writes, candidate articles for clustering, and the articles' actors."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from itertools import groupby
from operator import itemgetter
from typing import Any

from briefing.models import Story, dating_of
from briefing.stories import StoryArticle
from briefing.terms import terms_of
from store.alerts import DROPPED
from store.articles import CURRENT, current
from store.db import Database, chunks, from_iso, snapshot, to_iso

LEAD_CHARS = 600  # an article without a summary is represented by the start of its body
MORE_LINKS = 6  # a story's links past its outlets' newest (``Story.more_links``), for its Sources page


@dataclass(frozen=True)
class StoryRecord:
    """What is stored of a story besides its articles."""

    headline: str
    summary: tuple[str, ...]
    first_seen: datetime
    last_updated: datetime
    article_count: int
    source_count: int


@dataclass(frozen=True)
class StoryStats:
    """What a briefing ranks a story by, without loading its articles."""

    id: int
    last_updated: datetime
    article_count: int
    source_count: int


_STORY_ARTICLE_SQL = (
    f"SELECT a.id, a.title, a.summary, substr(a.body, 1, {LEAD_CHARS}) AS lead, a.source, a.dated_at, a.url, "
    "a.story_id, a.section, a.author FROM articles a"
)


def _story_article(
    row: dict[str, Any],
    actors: frozenset[int] = frozenset(),
    names: frozenset[str] = frozenset(),
    kinds: Mapping[str, frozenset[int]] | None = None,
) -> StoryArticle:
    when = from_iso(row["dated_at"])
    assert when is not None
    summary = tuple(x for x in row["summary"].split("\n") if x)
    return StoryArticle(
        id=row["id"],
        title=row["title"],
        lead=" ".join(summary) or row["lead"],
        summary=summary,
        source=row["source"],
        when=when,
        url=row["url"],
        actors=actors,
        story_id=row["story_id"],
        names=names,
        opening=row["lead"],
        section=row["section"],
        author=row["author"],
        places=(kinds or {}).get("place", frozenset()),
        people=(kinds or {}).get("person", frozenset()),
        organizations=(kinds or {}).get("organization", frozenset()),
    )


def actors_of(db: Database, article_ids: Sequence[int]) -> dict[int, frozenset[int]]:
    """The actors each article mentions (empty when no actor index exists yet)."""
    found: dict[int, set[int]] = defaultdict(set)
    for chunk in chunks(article_ids, 500):
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT DISTINCT article_id, actor_id FROM mentions WHERE article_id IN ({marks})"
        for article_id, actor_id in db.execute(sql, list(chunk)).fetchall():
            found[article_id].add(actor_id)
    return {k: frozenset(v) for k, v in found.items()}


def actor_frequencies(db: Database, actor_ids: Iterable[int]) -> dict[int, int]:
    """How many articles mention each of these actors."""
    found: dict[int, int] = {}
    for chunk in chunks(list(dict.fromkeys(actor_ids)), 500):
        sql = f"SELECT id, article_count FROM actors WHERE id IN ({','.join('?' * len(chunk))})"
        found.update(db.execute(sql, list(chunk)).fetchall())
    return found


def _with_actors(db: Database, rows: list[dict[str, Any]]) -> list[StoryArticle]:
    actors: dict[int, set[int]] = defaultdict(set)
    names: dict[int, set[str]] = defaultdict(set)
    kinds: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))  # article -> type -> actors
    for chunk in chunks([r["id"] for r in rows], 500):
        sql = (
            "SELECT DISTINCT m.article_id, m.actor_id, a.name, a.type FROM mentions m "
            f"JOIN actors a ON a.id = m.actor_id WHERE m.article_id IN ({','.join('?' * len(chunk))})"
        )
        for article_id, actor_id, name, kind in db.execute(sql, list(chunk)).fetchall():
            actors[article_id].add(actor_id)
            names[article_id].update(_name_terms(name))
            kinds[article_id][kind].add(actor_id)
    return [
        _story_article(
            r,
            frozenset(actors[r["id"]]),
            frozenset(names[r["id"]]),
            {kind: frozenset(ids) for kind, ids in kinds[r["id"]].items()},
        )
        for r in rows
    ]


@lru_cache(maxsize=65536)
def _name_terms(name: str) -> tuple[str, ...]:
    return tuple(terms_of(name))


def story_article(db: Database, article_id: int) -> StoryArticle | None:
    rows = list(db.query(f"{_STORY_ARTICLE_SQL} WHERE a.id = ?", [article_id]))
    return _with_actors(db, rows)[0] if rows else None


def save_keys(db: Database, article_id: int, when: datetime, terms: Iterable[str]) -> None:
    """Index an article under its key terms."""
    db.conn.executemany(
        "INSERT OR IGNORE INTO story_keys (term, dated_at, article_id) VALUES (?, ?, ?)",
        [(t, to_iso(when), article_id) for t in terms],
    )


def replace_keys(db: Database, keys: Iterable[tuple[str, datetime, int]]) -> None:
    """Index every article afresh: ``(term, date, article id)`` rows."""
    db.execute("DELETE FROM story_keys")
    db.conn.executemany(
        "INSERT OR IGNORE INTO story_keys (term, dated_at, article_id) VALUES (?, ?, ?)",
        ((t, to_iso(when), i) for t, when, i in keys),
    )


def candidate_stories(
    db: Database, terms: Sequence[str], *, since: datetime, until: datetime, exclude: int, limit: int = 8
) -> list[int]:
    """Stories with an article dated within [since, until] that shares key terms with the new one,
    most shared terms first."""
    if not terms:
        return []
    marks = ",".join("?" * len(terms))
    rows = db.execute(
        "SELECT a.story_id FROM story_keys k JOIN articles a ON a.id = k.article_id "
        f"WHERE k.term IN ({marks}) AND k.dated_at BETWEEN ? AND ? AND k.article_id != ? "
        "AND a.story_id IS NOT NULL GROUP BY a.story_id "
        "ORDER BY count(DISTINCT k.term) DESC, max(k.dated_at) DESC LIMIT ?",
        [*terms, to_iso(since), to_iso(until), exclude, limit],
    ).fetchall()
    return [r[0] for r in rows]


# a story's record (headline, summary) is made from this many of its latest articles
LATEST_MEMBERS = 30


def story_members(db: Database, story_id: int, *, limit: int = LATEST_MEMBERS) -> list[StoryArticle]:
    """A story's latest articles, newest first."""
    sql = f"{_STORY_ARTICLE_SQL} WHERE a.story_id = ? ORDER BY a.dated_at DESC, a.id DESC LIMIT ?"
    return _with_actors(db, list(db.query(sql, [story_id, limit])))


def same_titled(db: Database, article: StoryArticle, *, limit: int = 5) -> list[StoryArticle]:
    """The latest other articles of the article's outlet with its very title, in a story: a re-published
    post may be among them."""
    sql = (
        f"{_STORY_ARTICLE_SQL} WHERE a.source = ? AND a.title = ? AND a.id != ? AND a.story_id IS NOT NULL "
        "ORDER BY a.id DESC LIMIT ?"
    )
    return [_story_article(r) for r in db.query(sql, [article.source, article.title, article.id, limit])]


def newest_of_sources(db: Database, sources: Iterable[str]) -> dict[str, int]:
    """Each outlet's newest article id (outlets without articles left out)."""
    found: dict[str, int] = {}
    for source in dict.fromkeys(sources):
        row = db.execute("SELECT max(id) FROM articles WHERE source = ?", [source]).fetchone()
        if row[0] is not None:
            found[source] = row[0]
    return found


def latest_of_sources(db: Database, sources: Iterable[str], *, limit: int) -> list[StoryArticle]:
    """The latest ``limit`` articles of each of these outlets (by id: as they arrived), without their
    actors: what an outlet's template is read from."""
    found: list[StoryArticle] = []
    for source in dict.fromkeys(sources):
        sql = f"{_STORY_ARTICLE_SQL} WHERE a.source = ? ORDER BY a.id DESC LIMIT ?"
        found.extend(_story_article(r) for r in db.query(sql, [source, limit]))
    return found


def articles_between(db: Database, since: datetime | None, until: datetime | None) -> list[StoryArticle]:
    """Every article dated within [since, until] (either end open), oldest first."""
    sql = (
        f"{_STORY_ARTICLE_SQL} WHERE a.dated_at >= coalesce(?, '') AND a.dated_at <= coalesce(?, '9999') "
        "ORDER BY a.dated_at, a.id"
    )
    return _with_actors(db, list(db.query(sql, [to_iso(since), to_iso(until)])))


def document_frequencies(db: Database, terms: Iterable[str]) -> tuple[dict[str, int], int]:
    """How many articles hold each term, and how many articles were counted."""
    terms = [t for t in dict.fromkeys(terms) if t]
    found: dict[str, int] = {}
    for chunk in chunks(terms, 500):
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT term, articles FROM story_terms WHERE term IN ({marks})"
        found.update(db.execute(sql, list(chunk)).fetchall())
    row = db.execute("SELECT articles FROM story_terms WHERE term = ''").fetchone()
    return found, row[0] if row else 0


def count_terms(db: Database, terms: Iterable[str]) -> None:
    """Count one more article holding each of ``terms``."""
    rows = [(t,) for t in {*terms, ""}]
    db.conn.executemany(
        "INSERT INTO story_terms (term, articles) VALUES (?, 1) "
        "ON CONFLICT (term) DO UPDATE SET articles = articles + 1",
        rows,
    )


def replace_term_counts(db: Database, frequencies: Mapping[str, int], articles: int) -> None:
    """Start the counts afresh (after a re-cluster has counted every article)."""
    db.execute("DELETE FROM story_terms")
    rows = [(t, n) for t, n in frequencies.items() if t]
    db.conn.executemany("INSERT INTO story_terms (term, articles) VALUES (?, ?)", [*rows, ("", articles)])


def create_story(db: Database, record: StoryRecord) -> int:
    cursor = db.execute(
        "INSERT INTO stories (headline, summary, first_seen, last_updated, article_count, source_count) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        _values(record),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def update_story(db: Database, story_id: int, record: StoryRecord) -> None:
    db.execute(
        "UPDATE stories SET headline = ?, summary = ?, first_seen = ?, last_updated = ?, "
        "article_count = ?, source_count = ? WHERE id = ?",
        [*_values(record), story_id],
    )


def _values(record: StoryRecord) -> list[Any]:
    return [
        record.headline,
        "\n".join(record.summary),
        to_iso(record.first_seen),
        to_iso(record.last_updated),
        record.article_count,
        record.source_count,
    ]


def set_story(db: Database, article_ids: Sequence[int], story_id: int | None) -> None:
    for chunk in chunks(article_ids, 500):
        marks = ",".join("?" * len(chunk))
        db.execute(f"UPDATE articles SET story_id = ? WHERE id IN ({marks})", [story_id, *chunk])


def merge_stories(db: Database, into: int, others: Sequence[int]) -> None:
    """Move the articles of the stories ``others`` into the story ``into`` and delete ``others``. What
    each chat received of them becomes what it received of ``into`` (the sentences and held articles of
    both, the latest moment), and their pending alerts ``into``'s, so nothing told is told again (an
    alert of ``into`` dropped unsent does not stand in the way of one of theirs)."""
    for other in others:
        db.execute("UPDATE articles SET story_id = ? WHERE story_id = ?", [into, other])
        rows = db.execute(
            "SELECT chat_id, received_at, sentences, held FROM delivered_stories WHERE story_id = ?", [other]
        ).fetchall()
        for chat_id, received_at, sentences, held in rows:
            mine = db.execute(
                "SELECT received_at, sentences, held FROM delivered_stories"
                " WHERE chat_id = ? AND story_id = ?",
                [chat_id, into],
            ).fetchone()
            if mine is None:
                db.execute(
                    "UPDATE delivered_stories SET story_id = ? WHERE chat_id = ? AND story_id = ?",
                    [into, chat_id, other],
                )
                continue
            latest = max((x for x in (mine[0], received_at) if x), default=None)
            told = "\n".join(dict.fromkeys(x for x in (*mine[1].split("\n"), *sentences.split("\n")) if x))
            kept = ",".join(dict.fromkeys(x for x in (*mine[2].split(","), *held.split(",")) if x))
            db.execute(
                "UPDATE delivered_stories SET received_at = ?, sentences = ?, held = ? "
                "WHERE chat_id = ? AND story_id = ?",
                [latest, told, kept, chat_id, into],
            )
            db.execute("DELETE FROM delivered_stories WHERE chat_id = ? AND story_id = ?", [chat_id, other])
        # an alert dropped unsent (see ``store.alerts``) is no telling: it gives way to the other's
        db.execute(
            f"DELETE FROM alerts WHERE story_id = ? AND state = '{DROPPED}' AND EXISTS"
            " (SELECT 1 FROM alerts o WHERE o.story_id = ? AND o.chat_id = alerts.chat_id"
            " AND o.development = alerts.development"
            f" AND o.state != '{DROPPED}')",
            [into, other],
        )
        db.execute("UPDATE OR IGNORE alerts SET story_id = ? WHERE story_id = ?", [into, other])
        db.execute("DELETE FROM alerts WHERE story_id = ?", [other])
        db.execute("DELETE FROM stories WHERE id = ?", [other])


def story_counts(db: Database, story_id: int) -> tuple[int, int, datetime, datetime]:
    """A story's article count, distinct source count, first and last article dates. A page stored in
    versions counts once (its old versions are its history); a story of old versions alone counts them."""
    row = db.execute(
        f"SELECT count(CASE WHEN {CURRENT} THEN 1 END), count(DISTINCT CASE WHEN {CURRENT} THEN source END),"
        " min(dated_at), max(dated_at), count(*), count(DISTINCT source) FROM articles WHERE story_id = ?",
        [story_id],
    ).fetchone()
    first, last = from_iso(row[2]), from_iso(row[3])
    assert first is not None and last is not None, f"story {story_id} has no articles"
    if not row[0]:
        return row[4], row[5], first, last
    return row[0], row[1], first, last


def delete_stories_without_articles(db: Database) -> int:
    cursor = db.execute(
        "DELETE FROM stories WHERE id NOT IN (SELECT story_id FROM articles WHERE story_id IS NOT NULL)"
    )
    return cursor.rowcount


def _stories(db: Database, where: str, params: list[Any]) -> list[Story]:
    """The stories ``where`` selects (``s.`` its columns) that have articles, by id. Read in one snapshot
    as two statements: the stories' own rows once, then their articles' few small columns, newest first
    (joined to every article row, a story's long summary was read and decoded once per article: most of
    the time of a /brief on a large archive)."""
    with snapshot(db):
        heads = db.execute(
            f"SELECT s.id, s.headline, s.summary, s.first_seen, s.last_updated FROM stories s WHERE {where}",
            params,
        ).fetchall()
        members = db.execute(
            "SELECT s.id, a.id, a.source, a.url, a.title = s.headline, a.published_at IS NOT NULL, "
            f"a.clock_unknown, a.title, {current('a.url')} "
            f"FROM stories s JOIN articles a ON a.story_id = s.id WHERE {where} "
            "ORDER BY s.id, a.dated_at DESC, a.id DESC",
            params,
        ).fetchall()
    own = {row[0]: row for row in heads}
    found: list[Story] = []
    for sid, group in groupby(members, key=itemgetter(0)):
        head = own.get(sid)
        if head is None:  # cannot be, in one snapshot
            continue
        rows = list(group)
        # a page stored in versions is one article, its newest: the old ones are its history
        rows = [r for r in rows if r[8]] or rows
        links: dict[str, str] = {}  # each source's newest article's link, sources in that order
        more: list[tuple[str, str, str]] = []  # the other articles' links, past each source's newest
        for _, _, source, url, _, _, _, title, _ in rows:
            if source not in links:
                links[source] = url or ""
            elif url and url not in links.values() and len(more) < MORE_LINKS:
                more.append((source, title or "", url))
        _, headline, summary, first, last = head
        found.append(
            Story(
                id=sid,
                headline=headline,
                article_ids=tuple(r[1] for r in rows),
                sources=tuple(links),
                first_seen=from_iso(first),  # type: ignore[arg-type]
                last_updated=from_iso(last),  # type: ignore[arg-type]
                summary=tuple(x for x in summary.split("\n") if x),
                links=tuple(links.values()),
                more_links=tuple(more),
                # the newest article with the headline's title
                headline_url=next((r[3] for r in rows if r[4] and r[3]), None),
                dated=any(r[5] for r in rows),
                # the first row is the newest article: how its moment is known
                newest_dating=dating_of(dated=bool(rows[0][5]), clock_unknown=bool(rows[0][6])),
            )
        )
    return found


_STATS_SQL = "SELECT id, last_updated, article_count, source_count FROM stories"


def _stats(rows: Iterable[tuple]) -> list[StoryStats]:
    return [StoryStats(r[0], from_iso(r[1]), r[2], r[3]) for r in rows]  # type: ignore[arg-type]


def stories_without_dates(db: Database, story_ids: Sequence[int]) -> set[int]:
    """Those of these stories none of whose articles its outlet dated (each dated when it was read)."""
    found: set[int] = set()
    for chunk in chunks(list(dict.fromkeys(story_ids)), 500):
        sql = (
            f"SELECT id FROM stories WHERE id IN ({','.join('?' * len(chunk))}) AND NOT EXISTS "
            "(SELECT 1 FROM articles a WHERE a.story_id = stories.id AND a.published_at IS NOT NULL)"
        )
        found.update(r[0] for r in db.execute(sql, list(chunk)).fetchall())
    return found


def story_text_sizes(db: Database, story_ids: Sequence[int]) -> dict[int, int]:
    """Each story's longest article body, in characters: how much of a report it holds."""
    found: dict[int, int] = {}
    for chunk in chunks(list(dict.fromkeys(story_ids)), 500):
        sql = (
            "SELECT story_id, max(length(body)) FROM articles "
            f"WHERE story_id IN ({','.join('?' * len(chunk))}) GROUP BY story_id"
        )
        found.update((sid, size or 0) for sid, size in db.execute(sql, list(chunk)).fetchall())
    return found


def story_stats_since(db: Database, since: datetime) -> list[StoryStats]:
    """The ranking figures of the stories with an article at or after ``since``."""
    return _stats(db.execute(f"{_STATS_SQL} WHERE last_updated >= ?", [to_iso(since)]).fetchall())


def story_stats_latest(db: Database, limit: int, *, before: datetime | None = None) -> list[StoryStats]:
    """The ranking figures of the ``limit`` most recently updated stories (updated before ``before``)."""
    sql = f"{_STATS_SQL} WHERE last_updated < coalesce(?, '9999') ORDER BY last_updated DESC, id DESC LIMIT ?"
    return _stats(db.execute(sql, [to_iso(before), limit]).fetchall())


def story_stats_of(db: Database, story_ids: Sequence[int]) -> list[StoryStats]:
    """The ranking figures of these stories."""
    found: list[StoryStats] = []
    for chunk in chunks(list(dict.fromkeys(story_ids)), 500):
        sql = f"{_STATS_SQL} WHERE id IN ({','.join('?' * len(chunk))})"
        found.extend(_stats(db.execute(sql, list(chunk)).fetchall()))
    return found


def stories_updated_since(db: Database, since: datetime) -> list[Story]:
    """Stories with an article at or after ``since``; each with its articles (newest first), its
    sources (in that order), one link per source (empty when the article has no URL) and the link of
    the headline's own article (None when it has no URL)."""
    return _stories(db, "s.last_updated >= ?", [to_iso(since)])


def stories_by_ids(db: Database, story_ids: Sequence[int]) -> list[Story]:
    """The stories with these ids (in no particular order)."""
    found: list[Story] = []
    for chunk in chunks(list(dict.fromkeys(story_ids)), 500):
        found.extend(_stories(db, f"s.id IN ({','.join('?' * len(chunk))})", list(chunk)))
    return found


def get_story(db: Database, story_id: int) -> Story | None:
    found = stories_by_ids(db, [story_id])
    return found[0] if found else None


def latest_story_update(db: Database) -> datetime | None:
    row = db.execute("SELECT max(last_updated) FROM stories").fetchone()
    return from_iso(row[0])


def latest_dated_news(db: Database) -> datetime | None:
    """The date of the newest article in a story that its outlet dated (None when none is)."""
    row = db.execute(
        "SELECT max(dated_at) FROM articles WHERE published_at IS NOT NULL AND story_id IS NOT NULL"
    ).fetchone()
    return from_iso(row[0])


def story_of_articles(db: Database, article_ids: Sequence[int]) -> dict[int, int]:
    """Each article's story (articles in no story left out), in the order of ``article_ids``."""
    found: dict[int, int] = {}
    for chunk in chunks(article_ids, 500):
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT id, story_id FROM articles WHERE id IN ({marks}) AND story_id IS NOT NULL"
        found.update(db.execute(sql, list(chunk)).fetchall())
    return {a: found[a] for a in article_ids if a in found}


def story_ids_of(db: Database, article_ids: Sequence[int]) -> list[int]:
    """The stories of these articles, in the order of their first article in ``article_ids``."""
    return list(dict.fromkeys(story_of_articles(db, article_ids).values()))
