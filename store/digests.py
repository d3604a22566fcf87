"""What digests and alerts are made of: recent stories (from ``store.stories``) with the actors their
articles mention, which stories match a followed topic, and which stories a chat already received."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from briefing.models import Follow, Story
from store.db import Database, from_iso, to_iso
from store.search import fts_query
from store.stories import actors_of, stories_by_ids, stories_updated_since


@dataclass(frozen=True)
class StoryFacts:
    """A story with the actors its articles mention (for matching a chat's follows)."""

    story: Story
    actor_ids: frozenset[int]


def _facts(db: Database, stories: list[Story]) -> list[StoryFacts]:
    actors = actors_of(db, [a for s in stories for a in s.article_ids])
    return [
        StoryFacts(s, frozenset().union(*(actors.get(a, frozenset()) for a in s.article_ids)))
        for s in stories
    ]


def recent_stories(db: Database, since: datetime) -> list[StoryFacts]:
    """Stories updated at or after ``since``, with the actors their articles mention."""
    return _facts(db, stories_updated_since(db, since))


def stories_arrived_since(db: Database, since: datetime) -> dict[int, datetime]:
    """Stories with an article ingested at or after ``since``: when the newest of them arrived."""
    # Left to itself SQLite walks the whole articles_story index for the GROUP BY (44 ms at 200,000
    # articles); the articles of the last day or two are few, and articles_ingested_at finds them at once.
    rows = db.execute(
        "SELECT story_id, max(ingested_at) FROM articles INDEXED BY articles_ingested_at"
        " WHERE ingested_at >= ? AND story_id IS NOT NULL GROUP BY story_id",
        [to_iso(since)],
    ).fetchall()
    return {r[0]: from_iso(r[1]) for r in rows}  # type: ignore[misc]


def stories_by_id(db: Database, story_ids: Iterable[int]) -> dict[int, StoryFacts]:
    return {f.story.id: f for f in _facts(db, stories_by_ids(db, sorted(set(story_ids))))}


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
