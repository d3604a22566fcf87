"""The terminal chat and ``bot.py ask`` show current summaries: they run no background job making stale
ones again, so a reply makes those it shows current first (``App.summaries_on_read``), and stores them;
a database that cannot be written still answers, with summaries made in memory."""

from __future__ import annotations

import io
import threading
from dataclasses import replace
from datetime import timedelta

import pytest
import time_machine
from article_rows import insert_article

import bot
from briefing.adapters import console
from briefing.adapters.console import CONSOLE, Session, ask
from briefing.service import App, warmup
from briefing.service.commands import load_all
from briefing.service.enrich import enrich_article
from briefing.service.resummarize import count_stale
from briefing.service.summaries import summarize_text, summary_key
from store.db import open_db
from store.sources import upsert_source
from tests.conftest import NOW
from tests.digestkit import subscriber
from tests.test_resummarize import BODIES

load_all()
WHEN = NOW - timedelta(hours=6)
OLD = "An old summary."
ARTICLES = BODIES[:2]  # a port strike and a storm


def no_warm_up() -> threading.Thread:
    """A warm-up done at once (the end of ``bot.py`` waits for it)."""
    thread = threading.Thread(target=lambda: None)
    thread.start()
    return thread


def _stale(app: App) -> list[int]:
    """Articles enriched as ingest does, each in a story of its own, then left as an older release left
    them: another summary, no key, and stories telling it."""
    upsert_source(app.db, kind="file", location="/x/news.txt", name="news.txt", now=NOW)  # not a new archive
    ids = []
    for n, (title, body) in enumerate(ARTICLES):
        article = insert_article(app.db, title=title, body=body, when=WHEN + timedelta(hours=n))
        enrich_article(app, article)
        ids.append(article.id)
    app.db.execute("UPDATE articles SET summary = ?, summary_key = NULL", [OLD])
    app.db.execute("UPDATE stories SET summary = ?", [OLD])
    return ids


def _current(app: App, n: int) -> tuple[str, ...]:
    return summarize_text(app.settings, *ARTICLES[n])


def _stored(app: App) -> list[tuple[str | None, str]]:
    rows = app.db.execute("SELECT summary_key, summary FROM articles ORDER BY id").fetchall()
    return [(row[0], row[1]) for row in rows]


@pytest.fixture
def on_read(app: App) -> App:
    return replace(app, summaries_on_read=True)


async def test_latest_and_search_show_and_store_current_summaries(on_read):
    _stale(on_read)
    shown = await ask(on_read, "/latest", CONSOLE)
    assert OLD not in shown
    assert _current(on_read, 0)[0] in shown and _current(on_read, 1)[0] in shown
    key = summary_key(on_read.settings)
    assert _stored(on_read) == [(key, "\n".join(_current(on_read, n))) for n in range(2)]
    assert count_stale(on_read) == 0
    on_read.db.execute("UPDATE articles SET summary = ?, summary_key = NULL", [OLD])
    found = await ask(on_read, "/search grain exports", CONSOLE)
    assert OLD not in found and _current(on_read, 0)[0] in found
    assert _stored(on_read)[0] == (key, "\n".join(_current(on_read, 0)))
    assert _stored(on_read)[1] == (None, OLD)  # not shown: left to the next reply that shows it


async def test_brief_shows_stories_made_from_current_summaries(on_read):
    _stale(on_read)
    shown = await ask(on_read, "/brief", CONSOLE)
    assert OLD not in shown and _current(on_read, 1)[0] in shown
    stories = [row[0] for row in on_read.db.execute("SELECT summary FROM stories").fetchall()]
    assert OLD not in stories and all(stories)
    assert count_stale(on_read) == 0


async def test_a_current_archive_is_read_as_it_is(on_read):
    _stale(on_read)
    await ask(on_read, "/brief", CONSOLE)
    before = on_read.db.execute("SELECT total_changes()").fetchone()[0]
    assert OLD not in await ask(on_read, "/brief", CONSOLE)
    assert OLD not in await ask(on_read, "/latest", CONSOLE)
    assert on_read.db.execute("SELECT total_changes()").fetchone()[0] == before  # nothing written again


async def test_on_telegram_the_background_job_makes_them_and_a_reply_only_reads(app):
    _stale(app)
    assert not app.summaries_on_read
    assert OLD in await ask(app, "/latest", CONSOLE)
    assert count_stale(app) == 2


async def test_a_database_that_cannot_be_written_answers_with_summaries_made_in_memory(on_read, caplog):
    _stale(on_read)
    on_read.db.execute("PRAGMA query_only = ON")  # as a file the user cannot write
    latest = await ask(on_read, "/latest", CONSOLE)
    brief = await ask(on_read, "/brief", CONSOLE)
    assert OLD not in latest and _current(on_read, 0)[0] in latest
    assert OLD not in brief and _current(on_read, 1)[0] in brief
    assert "could not be stored" in caplog.text
    on_read.db.execute("PRAGMA query_only = OFF")
    assert count_stale(on_read) == 2 and _stored(on_read)[0] == (None, OLD)


async def test_a_database_another_writer_keeps_locked_still_answers(on_read, tmp_path, caplog):
    _stale(on_read)
    on_read.db.execute("PRAGMA busy_timeout = 0")  # not the 10 s an answer would wait
    other = open_db(tmp_path / "test.db")
    other.execute("BEGIN IMMEDIATE")  # a long ingest's transaction
    try:
        latest = await ask(on_read, "/latest", CONSOLE)
    finally:
        other.execute("ROLLBACK")
        other.conn.close()
    assert OLD not in latest and _current(on_read, 0)[0] in latest
    assert "could not be stored" in caplog.text
    assert count_stale(on_read) == 2


def _archive(tmp_path, settings) -> str:
    path = tmp_path / "archive.db"
    db = open_db(path)
    _stale(App(db=db, settings=settings, clock=lambda: NOW))
    db.conn.close()
    return str(path)


def _keys(path: str) -> list[str | None]:
    db = open_db(path)
    try:
        return [row[0] for row in db.execute("SELECT summary_key FROM articles").fetchall()]
    finally:
        db.conn.close()


def test_bot_py_ask_shows_and_stores_current_summaries(tmp_path, settings, capsys):
    path = _archive(tmp_path, settings)
    assert bot.main(["--db", path, "ask", "/latest"], environ={}) == 0
    out = capsys.readouterr().out
    assert OLD not in out and summarize_text(settings, *ARTICLES[0])[0] in out
    assert _keys(path) == [summary_key(settings)] * 2


def test_bot_py_ask_on_a_database_it_cannot_write_still_answers(tmp_path, settings, capsys, monkeypatch):
    path = _archive(tmp_path, settings)

    def read_only(where, **kwargs):
        db = open_db(where, **kwargs)
        db.execute("PRAGMA query_only = ON")
        return db

    monkeypatch.setattr(bot, "open_db", read_only)
    assert bot.main(["--db", path, "ask", "/brief"], environ={}) == 0
    out = capsys.readouterr().out
    assert OLD not in out and summarize_text(settings, *ARTICLES[1])[0] in out
    assert _keys(path) == [None, None]


def test_the_terminal_chat_shows_current_summaries(tmp_path, settings, monkeypatch):
    path = _archive(tmp_path, settings)
    lines = iter(["/latest"])
    out = io.StringIO()
    real_chat = console.chat

    def read(prompt: str) -> str:
        try:
            return next(lines)
        except StopIteration:
            raise EOFError from None

    monkeypatch.setattr(warmup, "start_warm_up", no_warm_up)
    monkeypatch.setattr(console, "chat", lambda app: real_chat(app, read=read, out=out))
    assert bot.main(["--db", path], environ={}) == 0
    assert OLD not in out.getvalue() and summarize_text(settings, *ARTICLES[0])[0] in out.getvalue()
    assert _keys(path) == [summary_key(settings)] * 2


async def test_a_terminal_session_pages_current_summaries(on_read):
    _stale(on_read)
    session = Session(on_read)
    assert OLD not in await session.respond("/brief")


def test_bot_py_digest_dry_run_shows_current_summaries(tmp_path, settings, capsys):
    """`digest --dry-run` runs no background job either: the digest it prints tells the stories with
    summaries of the current summarizer, not those an older release stored."""
    path = _archive(tmp_path, settings)
    db = open_db(path)
    subscriber(db, 42, "09:00")
    db.conn.close()
    with time_machine.travel(NOW, tick=False):
        assert bot.main(["--db", path, "digest", "--chat", "42", "--dry-run"], environ={}) == 0
    out = capsys.readouterr().out
    assert OLD not in out
    assert any(sentence in out for n in range(2) for sentence in summarize_text(settings, *ARTICLES[n]))
