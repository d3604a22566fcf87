"""Articles for tests, inserted as rows (the ingest pipeline is another capability's)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

from briefing.aliases import fold, strip_article
from store import Database
from store.articles import get_article
from store.db import _migrations, open_db, to_iso, transaction


def insert_article(
    db: Database,
    *,
    title: str,
    body: str,
    source: str = "example.com",
    when: datetime,
    url: str | None = None,
    summary: str = "",
    section: str | None = None,
    author: str | None = None,
):
    """Insert one article row and return it as an ``Article``."""
    digest = hashlib.sha256(f"{title}\n{body}\n{source}\n{url}".encode()).hexdigest()
    article_id = (
        db["articles"]
        .insert(
            {
                "url": url,
                "title": title,
                "body": body,
                "source": source,
                "published_at": to_iso(when),
                "ingested_at": to_iso(when),
                "dated_at": to_iso(when),
                "content_hash": digest,
                "simhash": int(digest[:15], 16),
                "summary": summary,
                "section": section,
                "author": author,
            }
        )
        .last_pk
    )
    return get_article(db, article_id)


def undated(app, article) -> None:
    """Make ``article`` an entry its outlet gave no date (dated when it was read) and enrich it into
    its story, as ingest does."""
    from briefing.service.enrich import enrich_article

    app.db.execute("UPDATE articles SET published_at = NULL WHERE id = ?", [article.id])
    enrich_article(app, article)


def insert_actor(db: Database, actor_id: int, name: str, *aliases: str, mentioned_in: tuple[int, ...] = ()):
    """An actor with aliases (folded as the actor index folds them), mentioned once in each article (its
    mention and its ``article_actors`` row, as ``store.actors`` writes both)."""
    db.execute(
        "INSERT INTO actors (id, name, type, key) VALUES (?, ?, 'person', ?)",
        [actor_id, name, f"person:{name}"],
    )
    aliases = (name, *aliases)
    for alias in aliases:
        db.execute(
            "INSERT INTO actor_aliases (actor_id, alias, norm) VALUES (?, ?, ?)",
            [actor_id, alias, strip_article(fold(alias))],
        )
    for article_id in mentioned_in:
        db.execute(
            "INSERT INTO mentions (actor_id, article_id, sentence_index, sentence_start, sentence_end, start,"
            " end, surface) VALUES (?, ?, 0, 0, 1, 0, 1, ?)",
            [actor_id, article_id, name],
        )
        db.execute(  # the per-article totals the store keeps with every mention (store.actors)
            "INSERT INTO article_actors (actor_id, article_id, dated_at, mentions)"
            " SELECT ?, id, dated_at, 1 FROM articles WHERE id = ?",
            [actor_id, article_id],
        )


FOLLOWUP_START = datetime(2024, 11, 12, 8, 0, tzinfo=UTC)  # when the follow-up tests' first article is out


def enrich_sentences(app, title: str, sentences, source: str, hours: float):
    """An article of ``sentences`` by ``source``, out ``hours`` after ``FOLLOWUP_START``, inserted and
    enriched (actors, summary, story) as ingest does; returned as stored."""
    from briefing.service.enrich import enrich_article

    article = insert_article(
        app.db,
        title=title,
        body=" ".join(sentences),
        source=source,
        when=FOLLOWUP_START + timedelta(hours=hours),
        url=f"https://{source}/{hours}",
    )
    enrich_article(app, article)
    return get_article(app.db, article.id)


def database_before(path, number: int, *, when: datetime) -> Database:
    """A database as the migrations before ``number`` left it (recorded as applied at ``when``), for
    the tests of an upgrade."""
    db = open_db(path, migrate_schema=False)
    columns = "number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL"
    db.execute(f"CREATE TABLE schema_migrations ({columns})")
    for n, name, module in _migrations():
        if n < number:
            with transaction(db):
                module.apply(db)
                db.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [n, name, to_iso(when)])
    return db


def old_follow(
    db: Database, chat_id: int, kind: str, value: str, when: datetime, *, key: str | None, actor_id=None
) -> None:
    """A follow row as an older release wrote it, by hand (its own functions are gone): ``key`` the
    ``value_key`` it stored, None for a release before m0031, which had no such column."""
    row = {"chat_id": chat_id, "kind": kind, "value": value, "actor_id": actor_id, "created_at": to_iso(when)}
    if key is not None:
        row["value_key"] = key
    names = ", ".join(row)
    db.execute(f"INSERT INTO follows ({names}) VALUES ({', '.join('?' * len(row))})", list(row.values()))


def query_plans(db, call) -> list[str]:
    """The query plan of every statement ``call`` runs (as SQLite's EXPLAIN QUERY PLAN details)."""
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        call()
    finally:
        db.conn.set_trace_callback(None)
    return [
        " / ".join(row[3] for row in db.execute("EXPLAIN QUERY PLAN " + sql).fetchall())
        for sql in statements
        if sql.lstrip().upper().startswith("SELECT")
    ]


def harbour_archive(path) -> None:
    """A closed database at ``path`` holding one article of an hour ago, for tests that open it otherwise
    (read-only, locked, on a full disk)."""
    db = open_db(path)
    insert_article(
        db,
        title="Harbour reopens after the storm",
        body="The harbour reopened on Monday after the storm.",
        when=datetime.now(UTC) - timedelta(hours=1),
    )
    db.conn.close()
