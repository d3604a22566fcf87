"""Stale stored summaries (made by an older summarizer or other settings) are made again, with their
stories: m0034's ``articles.summary_key``, ``briefing.service.resummarize`` and the bot's job."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from article_rows import database_before, insert_article, query_plans

import briefing.service.summaries as summaries_service
from briefing.adapters.jobs import Jobs
from briefing.service import App
from briefing.service.enrich import enrich_article
from briefing.service.resummarize import count_stale, resummarize, stale_batch
from briefing.service.stories import refresh_stories
from briefing.service.summaries import summarize_text, summary_key
from store.articles import get_article
from store.db import migrate, open_db
from store.stories import StoryRecord, create_story, set_story
from store.summaries import refresh_summary, stale_summaries

WHEN = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)

BODIES = [
    (
        "Port strike halts grain exports",
        "Dock workers in Odesa walked out on Monday over unpaid wages. The strike halted grain exports from "
        "the port for the first time this year. Union leader Olena Kovalenko said the walkout would last "
        "until the wages were paid. Shipping firms said dozens of vessels were waiting offshore. The "
        "ministry promised talks on Tuesday.",
    ),
    (
        "Storm closes mountain passes",
        "Heavy snow closed three mountain passes in the Alps on Sunday. Police said drivers were stranded "
        "for hours near the Brenner. The weather service warned of more snow through Wednesday. Ski "
        "resorts welcomed the early start of the season. Rail services were running with delays.",
    ),
    (
        "City council approves new budget",
        "The city council approved a budget of 2.4 billion euros on Thursday. Spending on schools rises by "
        "eight percent. The opposition voted against the plan, calling it reckless. Mayor Anna Berg said "
        "the budget kept taxes flat. The plan takes effect in January.",
    ),
]


def _stale_archive(app: App, count: int = 3) -> list[int]:
    """``count`` articles enriched as ingest does, then made stale as an older release left them: a
    summary of other sentences and no key; each in a story of its own telling the old summary."""
    ids = []
    for n in range(count):
        title, body = BODIES[n % len(BODIES)]
        article = insert_article(
            app.db, title=f"{title} {n}", body=body, when=WHEN + timedelta(hours=n), url=f"https://x.test/{n}"
        )
        enrich_article(app, article)
        ids.append(article.id)
    app.db.execute("UPDATE articles SET summary = 'An old summary.', summary_key = NULL")
    app.db.execute("UPDATE stories SET summary = 'An old summary.'")
    return ids


def _summary(app: App, article_id: int) -> tuple[str | None, str]:
    row = app.db.execute("SELECT summary_key, summary FROM articles WHERE id = ?", [article_id]).fetchone()
    return row[0], row[1]


def test_a_database_before_m0034_upgrades_with_every_summary_stale(tmp_path, settings):
    db = database_before(tmp_path / "old.db", 34, when=WHEN)
    article = insert_article(
        db, title="Old", body="One sentence here. Another one.", when=WHEN, summary="Old."
    )
    assert "m0034_summary_key" in migrate(db)
    assert db.execute("SELECT summary_key FROM articles WHERE id = ?", [article.id]).fetchone()[0] is None
    indexes = {row[1] for row in db.execute("PRAGMA index_list(articles)").fetchall()}
    assert "articles_summary_key" in indexes
    app = App(db=db, settings=settings, clock=lambda: WHEN)
    assert count_stale(app) == 1
    assert [a.id for a in stale_batch(app)] == [article.id]
    db.conn.close()
    reopened = open_db(tmp_path / "old.db")  # migrating again is a no-op
    assert reopened.execute("SELECT count(*) FROM articles WHERE summary_key IS NULL").fetchone()[0] == 1
    reopened.conn.close()


def test_ingest_records_what_made_the_summary(app):
    (title, body) = BODIES[0]
    article = insert_article(app.db, title=title, body=body, when=WHEN)
    enrich_article(app, article)
    key, summary = _summary(app, article.id)
    assert key == summary_key(app.settings) and key.endswith(":default:3:400")
    assert summary and count_stale(app) == 0
    assert resummarize(app).found is False


def test_stale_summaries_are_made_again_in_batches_newest_first(app):
    ids = _stale_archive(app, 5)
    assert count_stale(app) == 5
    first = resummarize(app, limit=2)
    assert (first.articles, first.found) == (2, True)
    assert [i for i in ids if _summary(app, i)[0] == summary_key(app.settings)] == ids[-2:]
    assert count_stale(app) == 3
    for article_id in ids[-2:]:
        article = get_article(app.db, article_id)
        _, stored = _summary(app, article_id)
        assert tuple(stored.split("\n")) == summarize_text(app.settings, article.title, article.body)
        assert stored != "An old summary."
    assert resummarize(app, limit=2).articles == 2
    assert resummarize(app, limit=2).articles == 1
    last = resummarize(app, limit=2)
    assert (last.articles, last.found) == (0, False)
    assert count_stale(app) == 0


def test_a_changed_setting_makes_summaries_stale(app):
    (title, body) = BODIES[0]
    article = insert_article(app.db, title=title, body=body, when=WHEN)
    enrich_article(app, article)
    assert len(_summary(app, article.id)[1].split("\n")) == 3
    shorter = App(db=app.db, settings=replace(app.settings, summary_sentences=1), clock=app.clock)
    assert count_stale(shorter) == 1
    assert resummarize(shorter).articles == 1
    key, summary = _summary(shorter, article.id)
    assert key == summary_key(shorter.settings) != summary_key(app.settings)
    assert len(summary.split("\n")) == 1
    other = App(db=app.db, settings=replace(app.settings, summary_algorithm="lexrank"), clock=app.clock)
    assert count_stale(other) == 1


def test_a_new_summarizer_version_makes_summaries_stale(app, monkeypatch):
    ids = _stale_archive(app, 2)
    while resummarize(app).found:
        pass
    assert count_stale(app) == 0
    monkeypatch.setattr(summaries_service, "SUMMARY_VERSION", 999)
    assert summary_key(app.settings).startswith("v999:")
    assert count_stale(app) == 2
    assert resummarize(app).articles == 2
    assert {_summary(app, i)[0] for i in ids} == {summary_key(app.settings)}


def test_story_summaries_follow_their_articles(app):
    ids = _stale_archive(app, 1)
    story_id = get_article(app.db, ids[0]).story_id
    assert (
        app.db.execute("SELECT summary FROM stories WHERE id = ?", [story_id]).fetchone()[0]
        == "An old summary."
    )
    assert resummarize(app).stories == 1
    story = app.db.execute("SELECT summary FROM stories WHERE id = ?", [story_id]).fetchone()[0]
    assert story != "An old summary."
    assert story.split("\n")[0] in _summary(app, ids[0])[1].split("\n")


def test_a_story_of_several_articles_is_summarized_again_from_them(app):
    ids = _stale_archive(app, 3)
    story_id = create_story(app.db, StoryRecord("Old headline", ("An old summary.",), WHEN, WHEN, 3, 1))
    set_story(app.db, ids, story_id)
    result = resummarize(app)
    assert (result.articles, result.stories) == (3, 1)
    story = app.db.execute("SELECT summary FROM stories WHERE id = ?", [story_id]).fetchone()[0]
    sentences = {s for i in ids for s in _summary(app, i)[1].split("\n")}
    assert story != "An old summary." and set(story.split("\n")) <= sentences
    assert refresh_stories(app, [story_id, 12345]) == 1  # a story without articles is left alone


def test_a_story_is_made_again_once_when_its_latest_articles_are_all_current(app):
    ids = _stale_archive(app, 3)
    story_id = create_story(app.db, StoryRecord("Old headline", ("An old summary.",), WHEN, WHEN, 3, 1))
    set_story(app.db, ids, story_id)
    story_summary = "SELECT summary FROM stories WHERE id = ?"
    assert [resummarize(app, limit=1).stories for _ in ids] == [0, 0, 1]
    assert app.db.execute(story_summary, [story_id]).fetchone()[0] != "An old summary."
    # an article older than the latest the story is made from does not make it again
    app.db.execute("UPDATE stories SET summary = 'Kept.' WHERE id = ?", [story_id])
    app.db.execute("UPDATE articles SET summary_key = NULL WHERE id = ?", [ids[0]])
    with monkeypatch_latest(1):
        assert resummarize(app).stories == 0
    assert app.db.execute(story_summary, [story_id]).fetchone()[0] == "Kept."


def test_a_summary_stored_meanwhile_is_kept(app):
    ids = _stale_archive(app, 1)
    (stale,) = stale_summaries(app.db, summary_key(app.settings), limit=5)
    app.db.execute("UPDATE articles SET summary = 'Newer.', summary_key = 'v1:other:3:400' WHERE id = ?", ids)
    assert not refresh_summary(app.db, stale, ("Made from the old read.",), summary_key(app.settings))
    assert _summary(app, ids[0]) == ("v1:other:3:400", "Newer.")


def test_the_stale_articles_are_found_through_the_index(app):
    _stale_archive(app, 3)
    app.db.execute("UPDATE articles SET summary_key = 'v0:default:3:400' WHERE id = 1")
    plans = query_plans(app.db, lambda: stale_summaries(app.db, summary_key(app.settings), limit=2))
    assert plans and not any("SCAN articles" in p and "INDEX" not in p for p in plans), plans
    assert [a.id for a in stale_summaries(app.db, summary_key(app.settings), limit=5)] == [3, 2, 1]
    # newest by date, as a story orders its articles, whatever order they were stored in
    app.db.execute("UPDATE articles SET dated_at = '2026-11-21T00:00:00+00:00' WHERE id = 2")
    assert [a.id for a in stale_summaries(app.db, summary_key(app.settings), limit=2)] == [2, 3]


@contextmanager
def monkeypatch_latest(n: int):
    """Stories made from their ``n`` latest articles."""
    import store.summaries

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(store.summaries, "LATEST_MEMBERS", n)
        yield


def test_an_article_the_summarizer_fails_on_keeps_its_summary_and_is_not_tried_again(
    app, monkeypatch, caplog
):
    import briefing.service.resummarize as resummarize_module

    ids = _stale_archive(app, 2)
    real = resummarize_module.summarize_text

    def failing(settings, title, body):
        if title.startswith("Storm"):
            raise ValueError("broken")
        return real(settings, title, body)

    monkeypatch.setattr(resummarize_module, "summarize_text", failing)
    assert resummarize(app).articles == 2
    assert _summary(app, ids[1]) == (summary_key(app.settings), "An old summary.")
    assert _summary(app, ids[0])[1] != "An old summary."
    assert "article 2" in caplog.text and count_stale(app) == 0


class _Job:
    def __init__(self) -> None:
        self.removed = False

    def schedule_removal(self) -> None:
        self.removed = True


async def test_the_job_refreshes_in_the_background_and_stops_when_nothing_is_stale(app):
    ids = _stale_archive(app, 3)
    jobs, job = Jobs(app), _Job()
    jobs.resummarize_batch = 2
    context = SimpleNamespace(job=job)
    await jobs.resummarize(context)
    assert (jobs.resummarized, job.removed) == (2, False)
    await jobs.resummarize(context)
    assert (jobs.resummarized, job.removed) == (3, False)
    await jobs.resummarize(context)
    assert job.removed and count_stale(app) == 0
    assert {_summary(app, i)[0] for i in ids} == {summary_key(app.settings)}


async def test_the_job_does_nothing_once_the_bot_stops(app):
    _stale_archive(app, 1)
    jobs, job = Jobs(app), _Job()
    await jobs.stop()
    await jobs.resummarize(SimpleNamespace(job=job))
    assert count_stale(app) == 1 and not job.removed


@pytest.mark.parametrize("stale", [0, 2])
def test_install_jobs_schedules_the_refresh_only_when_summaries_are_stale(app, stale):
    from briefing.adapters.jobs import install_jobs

    if stale:
        _stale_archive(app, stale)
    scheduled: list[str] = []

    def schedule(*a, name, **k):
        scheduled.append(name)

    queue = SimpleNamespace(run_repeating=schedule, run_once=schedule)
    install_jobs(SimpleNamespace(job_queue=queue), app)
    assert ("resummarize" in scheduled) == bool(stale)
