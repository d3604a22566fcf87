"""What digests and alerts are made of: recent stories (from ``store.stories``) with the actors their
articles mention, which stories match a followed topic, which stories a chat already received (when,
told in which sentences, holding which just-arrived articles), and the articles of a story with when
each arrived."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from briefing.alerts import LONGEST_NAME, name_words, named_in_headlines
from briefing.digest import Arrival, Received
from briefing.models import Follow, Story
from store.db import Database, chunks, from_iso, to_iso
from store.search import topic_query
from store.stories import LEAD_CHARS, actors_of, stories_by_ids, stories_updated_since


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


def recent_stories(
    db: Database, since: datetime, *, among: Collection[int] | None = None
) -> list[StoryFacts]:
    """Stories updated at or after ``since``, with the actors their articles mention: all of them, or
    only those ``among`` the given ones (the followed actors, all a digest matches). The window's
    stories may hold most of the archive, whose every mention read took 11 s at 100,000 articles; an
    actor's mentions are one range of an index."""
    stories = stories_updated_since(db, since)
    if among is None:
        return _facts(db, stories)
    story_of = {a: s.id for s in stories for a in s.article_ids}
    found: dict[int, set[int]] = defaultdict(set)
    for actor_id in sorted(set(among)):
        rows = db.execute("SELECT DISTINCT article_id FROM mentions WHERE actor_id = ?", [actor_id])
        for (article_id,) in rows.fetchall():
            if (story_id := story_of.get(article_id)) is not None:
                found[story_id].add(actor_id)
    return [StoryFacts(s, frozenset(found.get(s.id, ()))) for s in stories]


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


def actors_in_headlines(
    db: Database, stories: Sequence[Story], actor_ids: Collection[int]
) -> dict[int, frozenset[int]]:
    """Story id → which of ``actor_ids`` a headline of its articles names by the actor's name, as a
    followed actor is matched for an alert (:func:`briefing.alerts.named_in_headlines`: whole words, its
    capitals kept), though the articles' bodies may never mention it ("Nepal holds mass funeral ...").

    The full-text index finds the headlines that may name each actor (its words as a phrase in the
    title: the index ignores case and accents and stems words, so it finds more, never fewer), and of
    those a story's first few are read until one does: the window's stories may hold the whole archive,
    whose every headline read and indexed took a minute and a gigabyte (qa25b F1)."""
    ids = sorted(set(actor_ids))
    if not stories or not ids:
        return {}
    names: dict[int, str] = {}
    for part in chunks(ids, 500):
        marks = ",".join("?" * len(part))
        names.update(db.execute(f"SELECT id, name FROM actors WHERE id IN ({marks})", part).fetchall())
    story_of = {a: s.id for s in stories for a in s.article_ids}
    maybe: dict[tuple[str, int], list[int]] = defaultdict(list)  # (name, story) → articles
    for name in set(names.values()):
        for article_id in _titles_with_phrase(db, name_words(name)):
            if (story_id := story_of.get(article_id)) is not None:
                maybe[(name, story_id)].append(article_id)
    named = _confirmed(db, maybe)
    found: dict[int, set[int]] = defaultdict(set)
    for actor_id, name in names.items():
        for story_id in named.get(name, ()):
            found[story_id].add(actor_id)
    return {story_id: frozenset(actors) for story_id, actors in found.items()}


def _titles_with_phrase(db: Database, words: Sequence[str]) -> list[int]:
    """The articles whose title the full-text index says holds ``words`` in a row; none for a name of
    no words or too many (:data:`LONGEST_NAME`), which is never looked for."""
    if not words or len(words) > LONGEST_NAME:
        return []
    query = f'title : "{" ".join(words)}"'  # the words are letters and digits: nothing to escape
    rows = db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", [query])
    return [r[0] for r in rows.fetchall()]


def _confirmed(db: Database, maybe: Mapping[tuple[str, int], Sequence[int]]) -> dict[str, set[int]]:
    """Name → the stories of which a headline ``maybe`` lists does name it: each (name, story)'s
    headlines are read a few at a time (1, then 2, 4, ...), ending at the first that names it."""
    named: dict[str, set[int]] = defaultdict(set)
    titles: dict[int, str] = {}
    todo = {key: list(ids) for key, ids in maybe.items()}
    take = 1
    while todo:
        batch = {key: ids[:take] for key, ids in todo.items()}
        needed = sorted({a for ids in batch.values() for a in ids} - titles.keys())
        for part in chunks(needed, 500):
            marks = ",".join("?" * len(part))
            rows = db.execute(f"SELECT id, title FROM articles WHERE id IN ({marks})", part).fetchall()
            titles.update((i, t or "") for i, t in rows)
        hits = named_in_headlines(
            {a: titles.get(a, "") for ids in batch.values() for a in ids}, {name for name, _ in batch}
        )
        for key, ids in batch.items():
            name, story_id = key
            if hits.get(name, set()).intersection(ids):
                named[name].add(story_id)
                del todo[key]
            elif len(todo[key]) <= take:
                del todo[key]
            else:
                todo[key] = todo[key][take:]
        take *= 2
    return dict(named)


def stories_matching(db: Database, text: str, *, since: datetime) -> dict[int, list[int]]:
    """Stories updated after ``since`` with an article whose title or body holds the followed topic
    ``text`` (its words near each other, see ``store.search.topic_query``): each with those articles."""
    query = topic_query(text)
    if query is None:
        return {}
    rows = db.execute(
        "SELECT a.story_id, a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
        " WHERE articles_fts MATCH ? AND a.story_id IN (SELECT id FROM stories WHERE last_updated > ?)",
        [query, to_iso(since)],
    )
    found: dict[int, list[int]] = defaultdict(list)
    for story_id, article_id in rows.fetchall():
        found[story_id].append(article_id)
    return dict(found)


def all_follows(db: Database) -> dict[int, list[Follow]]:
    """Every chat's follows, by chat."""
    found: dict[int, list[Follow]] = defaultdict(list)
    for r in db.query("SELECT * FROM follows ORDER BY chat_id, created_at, value"):
        found[r["chat_id"]].append(Follow(r["chat_id"], r["kind"], r["value"], r["actor_id"]))
    return dict(found)


def delivered_story_ids(db: Database, chat_id: int) -> set[int]:
    rows = db.execute("SELECT story_id FROM delivered_stories WHERE chat_id = ?", [chat_id])
    return {r[0] for r in rows.fetchall()}


def received_among(
    db: Database, chat_ids: Sequence[int], story_ids: Sequence[int]
) -> dict[int, dict[int, Received]]:
    """What each of ``chat_ids`` received of each of ``story_ids`` it got (one query a batch of chats)."""
    found: dict[int, dict[int, Received]] = defaultdict(dict)
    if not chat_ids or not story_ids:
        return found
    for chats in chunks(list(chat_ids), 400):
        for stories in chunks(list(story_ids), 500):
            rows = db.execute(
                "SELECT chat_id, story_id, received_at, sentences, held FROM delivered_stories"
                f" WHERE chat_id IN ({','.join('?' * len(chats))})"
                f" AND story_id IN ({','.join('?' * len(stories))})",
                [*chats, *stories],
            )
            for chat_id, story_id, at, sentences, held in rows.fetchall():
                found[chat_id][story_id] = _received(at, sentences, held)
    return found


def received_of(db: Database, chat_id: int) -> dict[int, Received]:
    """What the chat received of every story it got."""
    rows = db.execute(
        "SELECT story_id, received_at, sentences, held FROM delivered_stories WHERE chat_id = ?", [chat_id]
    )
    return {story_id: _received(at, sentences, held) for story_id, at, sentences, held in rows.fetchall()}


def _received(at: str | None, sentences: str, held: str) -> Received:
    articles = frozenset(int(x) for x in held.split(",") if x)
    return Received(from_iso(at), tuple(x for x in sentences.split("\n") if x), articles)


def story_arrivals(db: Database, story_id: int, *, lead_chars: int = LEAD_CHARS) -> list[tuple[Arrival, str]]:
    """A story's articles, each with when it reached the archive and its summary sentences, and the
    start of its body (for an article without a summary: the caller cuts its lead sentences)."""
    rows = db.execute(
        f"SELECT id, source, url, ingested_at, published_at, summary, substr(body, 1, {int(lead_chars)}),"
        " title FROM articles"
        " WHERE story_id = ? ORDER BY ingested_at, id",
        [story_id],
    ).fetchall()
    found = []
    for article_id, source, url, ingested, published, summary, lead, title in rows:
        arrived = from_iso(ingested)
        assert arrived is not None  # ingested_at is NOT NULL
        sentences = tuple(x for x in summary.split("\n") if x)
        found.append((Arrival(article_id, source, url, arrived, sentences, from_iso(published), title), lead))
    return found


def prune_delivered_stories(db: Database, *, before: datetime) -> int:
    """Forget what chats received of stories no article has reached since ``before`` (gone stories
    too), when the chat got them before it too: such a story is too old for any digest or update."""
    cur = db.execute(
        "DELETE FROM delivered_stories WHERE (received_at < ? OR received_at IS NULL AND digest_date < ?)"
        " AND NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = delivered_stories.story_id"
        " AND s.last_updated >= ?)"
        " AND NOT EXISTS (SELECT 1 FROM articles a INDEXED BY articles_story"
        " WHERE a.story_id = delivered_stories.story_id AND a.ingested_at >= ?)",
        [to_iso(before), before.date().isoformat(), to_iso(before), to_iso(before)],
    )
    return cur.rowcount
