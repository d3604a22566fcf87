"""Helpers for the actor tests: articles inserted straight into the store, then indexed."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from briefing.service import App
from briefing.service.actors import index_actors
from store.articles import get_article


def add_article(
    app: App, body: str, *, title: str = "", source: str = "Wire", day: int = 1, url: str | None = None
) -> int:
    """Store an article dated 2025-01-``day`` and index its actors; return its id."""
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
    index_actors(app, article)
    return article_id
