"""Helpers for the actor tests: articles inserted straight into the store, then indexed."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from briefing.models import ActorType, ExtractedActor, Mention
from briefing.sentences import split_sentences
from briefing.service import App
from briefing.service.actors import index_actors
from store import actors as actor_store
from store.articles import get_article
from store.db import Database


def add_article(
    app: App,
    body: str,
    *,
    title: str = "",
    source: str = "Wire",
    day: int = 1,
    url: str | None = None,
    index: bool = True,
) -> int:
    """Store an article dated 2025-01-``day`` and index its actors (unless not ``index``); return its id."""
    when = datetime(2025, 1, day, 9, 0, tzinfo=UTC).isoformat()
    article_id = (
        app.db["articles"]
        .insert(
            {
                "title": title or body.split(".")[0][:60],
                "body": body,
                "source": source,
                "url": url,
                "published_at": when,
                "ingested_at": when,
                "dated_at": when,
                "content_hash": hashlib.sha256(body.encode()).hexdigest(),
                "simhash": 0,
            }
        )
        .last_pk
    )
    article = get_article(app.db, article_id)
    assert article is not None
    if index:
        index_actors(app, article)
    return article_id


def add_article_naming(
    app: App, body: str, actors: list[tuple[str, ActorType]], *, day: int = 1, source: str = "Wire"
) -> int:
    """Store an article whose actors are the ``(name, type)`` given, each mentioned where its name first
    occurs (the extractor's own reading is not wanted: two actors of one name, say); return its id."""
    article_id = add_article(app, body, day=day, source=source, index=False)
    article = get_article(app.db, article_id)
    assert article is not None
    sentences = split_sentences(body)
    extracted = []
    for name, type_ in actors:
        start = body.index(name)
        index = next(k for k, s in enumerate(sentences) if s.start <= start < s.end)
        extracted.append(ExtractedActor(name, type_, (Mention(start, start + len(name), name, index),)))
    actor_store.add_article_actors(app.db, article, extracted, sentences)
    return article_id


def surfaces_by_actor(text: str, **kw) -> dict[tuple[str, str], list[str]]:
    """{(name, type): [surfaces]} of the actors ``extract_actors`` finds in ``text``."""
    from briefing.actors import extract_actors

    return {(a.name, a.type): [m.surface for m in a.mentions] for a in extract_actors(text, **kw)}


def role_of(db: Database, name: str) -> str | None:
    """The role the store keeps for the one person called ``name``."""
    (actor,) = actor_store.find_actors(db, name, type_="person")
    return actor.role


# Two pairs of leaders, each named in full then by surname: the news the follow-list tests follow
LEADERS_NEWS = (
    "Retired general Keith Kellogg met Volodymyr Zelensky in Kyiv. Kellogg promised help, and Zelensky"
    " thanked him. Donald Trump spoke with Vladimir Putin by phone. Trump said Putin wanted peace."
)


def two_leaders_listed(command: str) -> list[str]:
    """Kellogg and Zelensky of ``LEADERS_NEWS`` in one ``command``, each way a list of names is written:
    /follow and /unfollow cut them alike."""
    return [
        "Kellogg, Zelensky",
        "Kellogg; Zelensky",
        f"Kellogg /{command} Zelensky",
        "Kellogg and Zelensky",
        "Kellogg\nZelensky",
    ]
