"""Article summaries: stored in ``articles.summary`` as sentences joined by newlines."""

from __future__ import annotations

from collections.abc import Sequence

from store.db import Database


def save_summary(db: Database, article_id: int, sentences: Sequence[str]) -> None:
    """Store an article's summary; a sentence never holds a newline, so the join is reversible."""
    text = "\n".join(" ".join(s.split()) for s in sentences if s.strip())
    db.execute("UPDATE articles SET summary = ? WHERE id = ?", [text, article_id])
