"""Alerts are worked out off the bot's event loop, and an ingest queues them as it goes: the reads that
decide what to queue (what is new in a story for each chat that heard of it: seconds of CPU for a
thousand chats) run in a worker thread on a connection of their own while the bot answers; ``/ingest``
and ``bot.py ingest`` queue each page's or feed's alerts once it is stored, not after the last source."""

from __future__ import annotations

import asyncio
import threading
from datetime import UTC, datetime

import pytest

from briefing.adapters.fetch import FetchResult
from briefing.document import Document
from briefing.render import to_plain
from briefing.service import App, polling
from briefing.service.commands import Asker, answer, load_all
from briefing.service.ingest import ingest_sources
from store.alerts import alerts_of
from store.subscribers import follow
from tests.digestkit import Clock, add_story

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
load_all()


@pytest.fixture
def app(db, settings) -> App:
    return App(db=db, settings=settings, clock=Clock(NOW))


def text_of(doc: Document) -> str:
    return to_plain(doc)


async def test_the_bot_answers_while_the_alerts_of_new_articles_are_worked_out(app, db, monkeypatch):
    follow(db, 7, "topic", "Rotterdam", now=NOW)
    story = add_story(db, "Rotterdam dock workers strike", updated=NOW, summary="Dockers walked out.")
    (article,) = [r[0] for r in db.execute("SELECT id FROM articles WHERE story_id = ?", [story])]
    answered = threading.Event()
    seen: list[tuple[bool, bool]] = []
    plan = polling._planned_alerts

    def slow_plan(reader: App, article_ids, now):
        # held until the bot has answered a message: on the event loop this would wait in vain
        assert answered.wait(timeout=30), "the bot could not answer while the alerts were worked out"
        seen.append((threading.current_thread() is threading.main_thread(), reader.db is db))
        return plan(reader, article_ids, now)

    monkeypatch.setattr(polling, "_planned_alerts", slow_plan)

    async def ask() -> str:
        reply = await answer(app, "/following", Asker(7, 7))
        answered.set()
        return text_of(reply.document)

    queued, reply = await asyncio.gather(polling.queue_alerts_in_thread(app, [article], now=NOW), ask())
    assert "Rotterdam" in reply
    assert queued == 1
    assert seen == [(False, False)]  # a worker thread, on a connection of its own
    assert [(a.story_id, a.article_id, a.state) for a in alerts_of(db, 7)] == [(story, article, "pending")]


def page(title: str, lead: str) -> bytes:
    return (
        f"<html><head><title>{title}</title>"
        '<meta property="article:published_time" content="2026-11-25T08:30:00Z"></head>'
        f"<body><article><h1>{title}</h1><p>{lead}</p>"
        "<p>Officials said more would be known later in the day, and talks would resume on Thursday.</p>"
        "</article></body></html>"
    ).encode()


class Pages:
    """A fetcher serving pages, noting the follower's alerts already queued at each fetch."""

    def __init__(self, app: App, pages: dict[str, bytes]):
        self.app, self.pages = app, pages
        self.queued_at: dict[str, list[int]] = {}

    async def get(self, url: str, **_: object) -> FetchResult:
        self.queued_at[url] = [a.article_id or 0 for a in alerts_of(self.app.db, 7)]
        return FetchResult(url, 200, self.pages[url], "text/html; charset=utf-8")

    async def aclose(self) -> None:
        pass


async def test_an_ingest_queues_each_pages_alerts_before_it_reads_the_next(app, db):
    follow(db, 7, "topic", "Rotterdam", now=NOW)
    follow(db, 7, "topic", "Antwerp", now=NOW)
    first, second = "https://news.example/rotterdam", "https://news.example/antwerp"
    pages = Pages(
        app,
        {
            first: page(
                "Rotterdam dockers strike", "Dock workers in Rotterdam walked out over pay on Monday."
            ),
            second: page("Antwerp port reopens", "The port of Antwerp reopened after a fire on Sunday."),
        },
    )
    report = await ingest_sources(app, [first, second], fetcher=pages)  # type: ignore[arg-type]
    assert len(report.new_ids) == 2 and report.alerts == 2
    rotterdam, antwerp = report.new_ids
    assert pages.queued_at == {first: [], second: [rotterdam]}  # the first page's alert did not wait
    assert sorted(a.article_id or 0 for a in alerts_of(db, 7)) == [rotterdam, antwerp]


async def test_a_feed_poll_works_out_its_alerts_in_a_worker_thread(db, settings, site, monkeypatch):
    from tests.test_polling import Feed, T, register

    app = App(db=db, settings=settings, clock=Clock(T))
    feed = Feed(site, "/wire.xml")
    register(app, feed.url)
    follow(db, 1001, "topic", "Oreshnik", now=T)
    threads: list[bool] = []
    plan = polling._planned_alerts

    def noted(reader: App, article_ids, now):
        threads.append(threading.current_thread() is threading.main_thread())
        return plan(reader, article_ids, now)

    monkeypatch.setattr(polling, "_planned_alerts", noted)
    report = await polling.poll_due_feeds(app, now=T)
    assert (report.new_articles, report.alerts) == (2, 1)
    assert threads == [False]
    assert [a.state for a in alerts_of(db, 1001)] == ["pending"]
