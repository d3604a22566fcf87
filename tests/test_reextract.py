"""Actors stored under older extraction rules are read again: m0041's ``articles.actors_key``,
``store.actors.store_actors_again``, ``briefing.service.reextract`` and the bot's job."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import pytest
from actor_helpers import add_article
from article_rows import database_before, insert_article

import briefing.service.reextract as reextract_service
from briefing.adapters.jobs import Jobs
from briefing.models import ExtractedActor
from briefing.service import App
from briefing.service.actors import actors_key, read_actors
from briefing.service.enrich import enrich_article
from briefing.service.reextract import count_stale, reextract, reextract_in_background, stale_batch
from store import actors as actor_store
from store.articles import get_article
from store.db import migrate, open_db
from store.subscribers import follow

WHEN = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)

ARTICLES = [
    (
        "Irvine Smith, the mayor of Leeds, said the bridge would reopen in March. Smith told reporters that"
        " Network Rail had finished the repairs. The council welcomed the news."
    ),
    (
        "Network Rail met union leaders in York on Wednesday. Angela Rayner said the talks were"
        " constructive. A deal is expected next week."
    ),
    (
        "The mayor of Leeds, Irvine Smith, opened the bridge on Friday. Angela Rayner joined him. Smith"
        " thanked Network Rail for the work."
    ),
]
OLD = {"Irvine Smith": "Author Irvine Smith", "Network Rail": "Network Rail Infrastructure Limited Group"}


def _old_style(actor: ExtractedActor) -> ExtractedActor:
    """What an older release's rules stored for an actor: another name (a title kept in it, a long form),
    at the same places in the text."""
    name = OLD.get(actor.name, actor.name)
    return replace(actor, name=name, aliases=frozenset()) if name != actor.name else actor


def _archive(app: App, *, stale: bool) -> list[int]:
    """The articles stored as ingest does (``stale``: their actors as older rules read them, and the
    rows as a release before m0041 left them: no key, no vote recorded per article)."""
    ids = []
    for day, body in enumerate(ARTICLES, start=1):
        article_id = add_article(app, body, day=day, index=not stale)
        if stale:
            article = get_article(app.db, article_id)
            reading = read_actors(article.title, article.body)
            old = [_old_style(a) for a in reading.actors]
            actor_store.add_article_actors(app.db, article, old, list(reading.sentences))
        ids.append(article_id)
    if stale:
        app.db.execute("UPDATE article_actors SET type = NULL")
    return ids


def _snapshot(app: App) -> dict[str, Any]:
    """Every actor's stored counts, totals, votes, links and mentions, by name (ids differ)."""
    db = app.db
    actors = {
        row[0]: row[1:]
        for row in db.execute(
            "SELECT name, type, article_count, mention_count, first_seen, last_seen, role FROM actors"
        ).fetchall()
    }

    def by_name(sql: str) -> list[tuple[Any, ...]]:
        return sorted(tuple(r) for r in db.execute(sql).fetchall())

    return {
        "actors": actors,
        "sources": by_name(
            "SELECT a.name, s.source, s.articles FROM actor_sources s JOIN actors a ON a.id = s.actor_id"
        ),
        "days": by_name(
            "SELECT a.name, d.day, d.mentions FROM actor_days d JOIN actors a ON a.id = d.actor_id"
        ),
        "types": by_name(
            "SELECT a.name, t.type, t.articles FROM actor_types t JOIN actors a ON a.id = t.actor_id"
        ),
        "links": by_name(
            "SELECT a.name, l.article_id, l.dated_at, l.mentions FROM article_actors l"
            " JOIN actors a ON a.id = l.actor_id"
        ),
        "mentions": by_name(
            "SELECT a.name, m.article_id, m.sentence_index, m.start, m.end, m.surface FROM mentions m"
            " JOIN actors a ON a.id = m.actor_id"
        ),
    }


def _until_current(app: App) -> int:
    runs = 0
    while reextract(app).found:
        runs += 1
    return runs


@pytest.fixture
def fresh(tmp_path, settings) -> dict[str, Any]:
    """The same articles stored by the current rules in an archive of their own."""
    db = open_db(tmp_path / "fresh.db")
    app = App(db=db, settings=settings)
    _archive(app, stale=False)
    return _snapshot(app)


def test_new_articles_are_stored_current_and_nothing_is_stale(app):
    _archive(app, stale=False)
    article = insert_article(app.db, title="Talks", body=ARTICLES[1], when=WHEN, url="https://x.test/1")
    enrich_article(app, article)
    keys = {row[0] for row in app.db.execute("SELECT actors_key FROM articles").fetchall()}
    assert keys == {actors_key()} and count_stale(app) == 0 and stale_batch(app) == []
    assert not reextract(app).found


def test_a_database_before_m0041_upgrades_with_every_article_stale(tmp_path):
    db = database_before(tmp_path / "old.db", 41, when=WHEN)
    article = insert_article(db, title="Old", body="One sentence here. Another one.", when=WHEN)
    assert "m0041_actors_key" in migrate(db)
    assert db.execute("SELECT actors_key FROM articles WHERE id = ?", [article.id]).fetchone()[0] is None
    assert "articles_actors_key" in {row[1] for row in db.execute("PRAGMA index_list(articles)").fetchall()}
    assert "type" in {row[1] for row in db.execute("PRAGMA table_info(article_actors)").fetchall()}


def test_a_stale_archive_is_brought_current_as_if_ingested_now(app, fresh):
    _archive(app, stale=True)
    assert "Author Irvine Smith" in _snapshot(app)["actors"] and count_stale(app) == 3
    assert _until_current(app) >= 1
    assert count_stale(app) == 0
    after = _snapshot(app)
    assert after == fresh
    assert "Author Irvine Smith" not in after["actors"]
    assert not actor_store.find_actors(app.db, "Network Rail Infrastructure Limited Group")


def test_the_dossier_reads_the_new_counts(app):
    _archive(app, stale=True)
    _until_current(app)
    (smith,) = actor_store.find_actors(app.db, "Irvine Smith", type_="person")
    record = actor_store.actor_record(app.db, smith.id)
    assert record is not None
    assert (record.actor.name, record.actor.article_count, record.source_count) == ("Irvine Smith", 2, 1)
    assert {q.article.article_id for q in record.quotes} == {1, 3}
    assert [n for _, n in actor_store.mentions_per_day(app.db, smith.id)] == [2, 2]


def test_running_it_again_changes_nothing(app):
    _archive(app, stale=True)
    _until_current(app)
    before = _snapshot(app)
    assert reextract(app) == reextract_service.Reextracted(0, 0, False)
    # an article marked stale again (the rules' version bumped) comes out the same
    app.db.execute("UPDATE articles SET actors_key = 'v0'")
    _until_current(app)
    assert _snapshot(app) == before


def test_a_followed_actor_survives_and_is_found_by_both_names(app):
    _archive(app, stale=True)
    (old,) = actor_store.find_actors(app.db, "Author Irvine Smith")
    (rail,) = actor_store.find_actors(app.db, "Network Rail Infrastructure Limited Group")
    follow(app.db, 7, "actor", "Author Irvine Smith", now=WHEN, actor_id=old.id)
    _until_current(app)
    kept = actor_store.get_actor(app.db, old.id)
    assert kept is not None and kept.article_count == 2 and kept.mention_count == 4
    assert [a.id for a in actor_store.find_actors(app.db, "Irvine Smith", type_="person")] == [old.id]
    assert [a.id for a in actor_store.find_actors(app.db, "Author Irvine Smith")] == [old.id]
    assert (
        actor_store.get_actor(app.db, rail.id) is None
    )  # not followed: gone, its articles are Network Rail's
    assert app.db.execute("SELECT actor_id FROM follows WHERE chat_id = 7").fetchall() == [(old.id,)]


def test_a_followed_actor_no_article_names_any_more_is_kept(app):
    add_article(app, ARTICLES[1], day=1, index=False)
    article = get_article(app.db, 1)
    reading = read_actors(article.title, article.body)
    start = article.body.index("union leaders")
    bogus = ExtractedActor(
        "Union Leaders",
        "organization",
        (replace(reading.actors[0].mentions[0], start=start, end=start + 13),),
    )
    other = ExtractedActor(
        "Week Group", "organization", (replace(bogus.mentions[0], start=start - 5, end=start - 1),)
    )
    actor_store.add_article_actors(app.db, article, [*reading.actors, bogus, other], list(reading.sentences))
    (union,) = actor_store.find_actors(app.db, "Union Leaders")
    follow(app.db, 7, "actor", "Union Leaders", now=WHEN, actor_id=union.id)
    assert _until_current(app) == 1
    kept = actor_store.get_actor(app.db, union.id)
    assert kept is not None and (kept.article_count, kept.mention_count, kept.first_seen) == (0, 0, None)
    assert actor_store.find_actors(app.db, "union leaders")[0].id == union.id
    assert not actor_store.find_actors(app.db, "Week Group")


def test_a_stop_mid_way_resumes_at_the_next_start(app, settings, fresh):
    _archive(app, stale=True)
    assert reextract(app, limit=1).articles == 1  # the newest article, then the bot stops
    assert count_stale(app) == 2
    keys = [row[0] for row in app.db.execute("SELECT actors_key FROM articles ORDER BY id").fetchall()]
    assert keys == [None, None, actors_key()]
    path = app.db.conn.execute("PRAGMA database_list").fetchone()[2]
    app.db.conn.close()
    again = App(db=open_db(path), settings=settings)
    _until_current(again)
    assert _snapshot(again) == fresh


async def test_a_stop_while_reading_stores_nothing(app):
    _archive(app, stale=True)
    before = _snapshot(app)
    task = asyncio.create_task(reextract_in_background(app))
    await asyncio.sleep(0)  # the batch is read and handed to a worker thread
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert count_stale(app) == 3 and _snapshot(app) == before


async def test_in_background_brings_the_archive_current(app, fresh):
    _archive(app, stale=True)
    while (await reextract_in_background(app, 2)).found:
        pass
    assert _snapshot(app) == fresh


def test_an_article_changed_since_it_was_read_keeps_what_was_stored(app):
    _archive(app, stale=True)
    (newest, *_) = stale_batch(app)
    read = reextract_service.read_again([newest])
    app.db.execute("UPDATE articles SET actors_key = 'other' WHERE id = ?", [newest.article.id])
    before = _snapshot(app)
    assert reextract_service.store_read(app, read[0]).articles == 0
    assert _snapshot(app) == before


def test_an_article_extraction_fails_on_keeps_its_actors_and_is_not_read_again(app, monkeypatch):
    _archive(app, stale=True)
    before = _snapshot(app)
    monkeypatch.setattr(reextract_service, "read_actors", lambda title, body: None)
    _until_current(app)
    assert count_stale(app) == 0 and _snapshot(app) == before


class _Job:
    removed = False

    def schedule_removal(self) -> None:
        self.removed = True


async def test_the_job_reads_batches_until_current_then_removes_itself(app, caplog):
    _archive(app, stale=True)
    jobs, job = Jobs(app), _Job()
    jobs.reextract_batch = 2
    context = SimpleNamespace(job=job)
    caplog.set_level(logging.INFO, logger="briefing.adapters.jobs")
    await jobs.reextract(context)
    assert (jobs.reextracted, job.removed) == (2, False)
    await jobs.reextract(context)
    await jobs.reextract(context)
    assert job.removed and count_stale(app) == 0 and jobs.reextracted == 3
    assert "actors: all current" in caplog.text


async def test_the_job_does_nothing_once_the_bot_stops(app):
    _archive(app, stale=True)
    jobs, job = Jobs(app), _Job()
    await jobs.stop()
    await jobs.reextract(SimpleNamespace(job=job))
    assert count_stale(app) == 3 and not job.removed


@pytest.mark.parametrize("stale", [False, True])
def test_install_jobs_schedules_the_job_only_when_actors_are_stale(app, stale):
    from briefing.adapters.jobs import install_jobs

    _archive(app, stale=stale)
    scheduled: list[str] = []

    def schedule(*a, name, **k):
        scheduled.append(name)

    queue = SimpleNamespace(run_repeating=schedule, run_once=schedule)
    install_jobs(SimpleNamespace(job_queue=queue), app)
    assert ("reextract" in scheduled) == stale
