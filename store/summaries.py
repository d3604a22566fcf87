"""Article summaries: stored in ``articles.summary`` as sentences joined by newlines, with
``articles.summary_key``, what made them (NULL: made before keys were recorded, so stale)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from store.db import Database, chunks, newest_not_keyed
from store.stories import LATEST_MEMBERS


@dataclass(frozen=True)
class StaleArticle:
    """An article whose stored summary was made otherwise than the current settings and rules ask."""

    id: int
    title: str
    body: str
    summary_key: str | None
    story_id: int | None


def save_summary(db: Database, article_id: int, sentences: Sequence[str], key: str | None = None) -> None:
    """Store an article's summary and what made it; a sentence never holds a newline, so the join is
    reversible."""
    text = "\n".join(" ".join(s.split()) for s in sentences if s.strip())
    db.execute("UPDATE articles SET summary = ?, summary_key = ? WHERE id = ?", [text, key, article_id])


def stale_summaries(db: Database, key: str, *, limit: int) -> list[StaleArticle]:
    """Up to ``limit`` articles whose summary was not made with ``key``, newest first (by date, as
    :func:`store.stories.story_members` orders a story's). Each stale key's newest are read through
    ``articles_summary_key``, then merged."""
    ids = newest_not_keyed(db, "summary_key", key, limit=limit)
    if not ids:
        return []
    by_id = _read_stale(db, ids)
    return [by_id[i] for i in ids if i in by_id]


def _read_stale(db: Database, ids: Sequence[int]) -> dict[int, StaleArticle]:
    """The texts of the articles ``ids`` (found stale), by id."""
    by_id: dict[int, StaleArticle] = {}
    for chunk in chunks(list(ids), 500):
        marks = ",".join("?" * len(chunk))
        rows = db.execute(
            f"SELECT id, title, body, summary_key, story_id FROM articles WHERE id IN ({marks})", list(chunk)
        ).fetchall()
        by_id.update((row[0], StaleArticle(*row)) for row in rows)
    return by_id


def stale_among(db: Database, key: str, article_ids: Sequence[int]) -> list[StaleArticle]:
    """Those of the articles whose summary was not made with ``key``, in the order given: the few a
    reply shows, read by id (their keys first, the texts of the stale ones only)."""
    stale: set[int] = set()
    for chunk in chunks(list(article_ids), 500):
        marks = ",".join("?" * len(chunk))
        rows = db.execute(
            f"SELECT id FROM articles WHERE id IN ({marks}) AND summary_key IS NOT ?", [*chunk, key]
        ).fetchall()
        stale.update(row[0] for row in rows)
    if not stale:
        return []
    by_id = _read_stale(db, sorted(stale))
    return [by_id[i] for i in dict.fromkeys(article_ids) if i in by_id]


def count_stale_summaries(db: Database, key: str) -> int:
    """How many articles' summaries were not made with ``key``."""
    row = db.execute(
        "SELECT count(*) FROM articles INDEXED BY articles_summary_key WHERE summary_key IS NOT ?", [key]
    ).fetchone()
    return int(row[0])


def refresh_summary(db: Database, article: StaleArticle, sentences: Sequence[str] | None, key: str) -> bool:
    """Store a summary made again (``None``: keep the stored one, only record ``key``, so an article the
    summarizer fails on is not tried again and again), unless the article changed since it was read
    (another summary was stored, or it was deleted): then nothing, and False."""
    if sentences is None:
        cursor = db.execute(
            "UPDATE articles SET summary_key = ? WHERE id = ? AND summary_key IS ?",
            [key, article.id, article.summary_key],
        )
        return cursor.rowcount > 0
    text = "\n".join(" ".join(s.split()) for s in sentences if s.strip())
    cursor = db.execute(
        "UPDATE articles SET summary = ?, summary_key = ? WHERE id = ? AND summary_key IS ?",
        [text, key, article.id, article.summary_key],
    )
    return cursor.rowcount > 0


def stories_of(db: Database, article_ids: Iterable[int]) -> list[int]:
    """The distinct stories the articles are in, in id order."""
    found: set[int] = set()
    for chunk in chunks(list(article_ids), 500):
        marks = ",".join("?" * len(chunk))
        rows = db.execute(
            f"SELECT DISTINCT story_id FROM articles WHERE id IN ({marks}) AND story_id IS NOT NULL", chunk
        ).fetchall()
        found.update(row[0] for row in rows)
    return sorted(found)


def latest_member_keys(db: Database, story_id: int) -> list[tuple[int, str | None]]:
    """The ids and summary keys of the articles a story's record is made from (its latest, as
    :func:`store.stories.story_members` orders them)."""
    rows = db.execute(
        "SELECT id, summary_key FROM articles WHERE story_id = ? ORDER BY dated_at DESC, id DESC LIMIT ?",
        [story_id, LATEST_MEMBERS],
    ).fetchall()
    return [(row[0], row[1]) for row in rows]
