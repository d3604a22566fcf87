"""What digests and alerts are made of: recent stories with their sources, links and actors, which
stories match a followed topic, and which stories a chat already received."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from briefing.models import Follow, Story
from store.db import Database, from_iso, to_iso


@dataclass(frozen=True)
class StoryFacts:
    """A story with the actors its articles mention (for matching a chat's follows)."""

    story: Story
    actor_ids: frozenset[int]


def _lines(text: str | None) -> tuple[str, ...]:
    return tuple(s for s in (text or "").split("\n") if s.strip())


def _facts(db: Database, rows: list[dict[str, Any]]) -> list[StoryFacts]:
    if not rows:
        return []
    ids = [r["id"] for r in rows]
    marks = ",".join("?" * len(ids))
    articles: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for a in db.query(
        f"SELECT id, story_id, source, url, summary FROM articles WHERE story_id IN ({marks})"
        " ORDER BY dated_at, id",
        ids,
    ):
        articles[a["story_id"]].append(a)
    actors: dict[int, set[int]] = defaultdict(set)
    for story_id, actor_id in db.execute(
        f"SELECT DISTINCT a.story_id, m.actor_id FROM mentions m JOIN articles a ON a.id = m.article_id"
        f" WHERE a.story_id IN ({marks})",
        ids,
    ).fetchall():
        actors[story_id].add(actor_id)
    return [StoryFacts(_story(r, articles[r["id"]]), frozenset(actors[r["id"]])) for r in rows]


def _story(row: dict[str, Any], articles: list[dict[str, Any]]) -> Story:
    links: dict[str, str | None] = {}
    for a in articles:
        if links.get(a["source"]) is None:
            links[a["source"]] = a["url"]
    summary = _lines(row["summary"]) or next((_lines(a["summary"]) for a in articles if a["summary"]), ())
    first, last = from_iso(row["first_seen"]), from_iso(row["last_updated"])
    assert first is not None and last is not None
    return Story(
        id=row["id"],
        headline=row["headline"],
        article_ids=tuple(a["id"] for a in articles),
        sources=tuple(links),
        first_seen=first,
        last_updated=last,
        summary=summary,
        links=tuple(links.values()),  # type: ignore[arg-type]
    )


def recent_stories(db: Database, since: datetime, *, limit: int = 1000) -> list[StoryFacts]:
    """Stories updated after ``since``, newest first."""
    rows = list(
        db.query(
            "SELECT * FROM stories WHERE last_updated > ? ORDER BY last_updated DESC, id DESC LIMIT ?",
            [to_iso(since), limit],
        )
    )
    return _facts(db, rows)


def stories_by_id(db: Database, story_ids: Iterable[int]) -> dict[int, StoryFacts]:
    ids = sorted(set(story_ids))
    if not ids:
        return {}
    rows = list(db.query(f"SELECT * FROM stories WHERE id IN ({','.join('?' * len(ids))})", ids))
    return {f.story.id: f for f in _facts(db, rows)}


def fts_query(text: str) -> str | None:
    """Every word of ``text`` as a quoted FTS5 term (so no input is read as FTS syntax); None if none."""
    words = re.findall(r"\w+", text)
    return " ".join(f'"{w}"' for w in words) if words else None


def stories_matching(db: Database, text: str, *, since: datetime) -> set[int]:
    """Stories updated after ``since`` with an article whose title or body holds every word of ``text``."""
    query = fts_query(text)
    if query is None:
        return set()
    rows = db.execute(
        "SELECT DISTINCT a.story_id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
        " WHERE articles_fts MATCH ? AND a.story_id IN (SELECT id FROM stories WHERE last_updated > ?)",
        [query, to_iso(since)],
    )
    return {r[0] for r in rows.fetchall()}


def all_follows(db: Database) -> dict[int, list[Follow]]:
    """Every chat's follows, by chat."""
    found: dict[int, list[Follow]] = defaultdict(list)
    for r in db.query("SELECT * FROM follows ORDER BY chat_id, created_at, value"):
        found[r["chat_id"]].append(Follow(r["chat_id"], r["kind"], r["value"], r["actor_id"]))
    return dict(found)


def delivered_story_ids(db: Database, chat_id: int) -> set[int]:
    rows = db.execute("SELECT story_id FROM delivered_stories WHERE chat_id = ?", [chat_id])
    return {r[0] for r in rows.fetchall()}


def delivered_among(db: Database, chat_ids: Sequence[int], story_ids: Sequence[int]) -> dict[int, set[int]]:
    """Which of ``story_ids`` each of ``chat_ids`` already received (one query for a batch of chats)."""
    found: dict[int, set[int]] = defaultdict(set)
    if not chat_ids or not story_ids:
        return found
    rows = db.execute(
        f"SELECT chat_id, story_id FROM delivered_stories WHERE chat_id IN ({','.join('?' * len(chat_ids))})"
        f" AND story_id IN ({','.join('?' * len(story_ids))})",
        [*chat_ids, *story_ids],
    )
    for chat_id, story_id in rows.fetchall():
        found[chat_id].add(story_id)
    return found
