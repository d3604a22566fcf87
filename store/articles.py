"""Articles: typed reads and writes."""

from __future__ import annotations

from typing import Any

from briefing.models import Article
from store.db import Database, from_iso


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
