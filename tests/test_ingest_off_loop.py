"""A long page read by the running bot does not hold up its event loop: the reading of each article's text
(actor extraction, the summary) runs in a worker thread, and only the store's writes on the loop
(QA15b F1: one 830 KB page given to /ingest froze every chat for 11 s)."""

import asyncio
import threading

from briefing.models import ArticleDraft
from briefing.service import batches, enrich
from briefing.service.batches import Tally, store_drafts_async
from briefing.service.ingest import ingest_sources
from store.actors import find_actors
from store.articles import count_articles, get_article, latest_articles

BODY = (
    "Norway's Defence Minister Tore Sandvik said on Monday that the army would buy new trucks. "
    "The order is worth 2 billion kroner, the ministry said. Deliveries start next year."
)


def _summary(app, article_id: int) -> tuple[str, ...]:
    article = get_article(app.db, article_id)
    assert article is not None
    return article.summary


def _draft(title: str = "Norway buys army trucks", body: str = BODY, url: str | None = None) -> ArticleDraft:
    return ArticleDraft(title=title, body=body, source="Wire", url=url)


async def test_the_text_is_read_in_a_worker_thread_and_its_reading_stored(app, monkeypatch):
    threads = []
    real = enrich.prepare_enrichment

    def spy(settings, title, body):
        threads.append(threading.current_thread())
        return real(settings, title, body)

    monkeypatch.setattr(batches, "prepare_enrichment", spy)
    tally = Tally()
    await store_drafts_async(app, [_draft()], tally, label="test", source_id=None)
    assert tally.new == 1 and threads and threads[0] is not threading.main_thread()
    article = latest_articles(app.db, limit=1)[0]
    assert _summary(app, article.id)  # the reading done ahead was stored with the article
    assert "Tore Sandvik" in {a.name for a in find_actors(app.db, "Tore Sandvik")}


async def test_the_loop_keeps_running_while_a_slow_text_is_read(app, monkeypatch):
    real = enrich.prepare_enrichment
    reading = threading.Event()

    def slow(settings, title, body):
        reading.set()
        threading.Event().wait(0.5)  # a long page's reading, done in the worker
        return real(settings, title, body)

    monkeypatch.setattr(batches, "prepare_enrichment", slow)
    ticks = 0
    stop = asyncio.Event()

    async def chat():
        nonlocal ticks
        while not stop.is_set():
            ticks += reading.is_set()
            await asyncio.sleep(0.01)

    ticker = asyncio.create_task(chat())
    await store_drafts_async(app, [_draft()], Tally(), label="test", source_id=None)
    stop.set()
    await ticker
    assert ticks >= 10  # the other coroutine ran many times while the text was read; on the loop: none


async def test_a_duplicate_is_not_read_again(app, monkeypatch):
    await store_drafts_async(app, [_draft(url="https://example.org/a")], Tally(), label="t", source_id=None)
    calls = []
    monkeypatch.setattr(batches, "prepare_enrichment", lambda *a: calls.append(a))
    tally = Tally()
    await store_drafts_async(app, [_draft(url="https://example.org/a")], tally, label="t", source_id=None)
    assert tally.duplicate == 1 and calls == []


async def test_a_failing_reading_ahead_is_done_again_in_the_store_where_it_is_reported(app, monkeypatch):
    def broken(settings, title, body):
        raise RuntimeError("boom")

    monkeypatch.setattr(batches, "prepare_enrichment", broken)
    tally = Tally()
    await store_drafts_async(app, [_draft()], tally, label="test", source_id=None)
    assert tally.new == 1 and tally.failed == []
    article = latest_articles(app.db, limit=1)[0]
    assert _summary(app, article.id)


def test_a_reading_of_other_text_than_the_stored_article_is_not_used(app):
    other = enrich.prepare_enrichment(app.settings, "Another story", "Another text. It is short.")
    tally = Tally()
    batches.store_drafts(app, [_draft()], tally, label="test", source_id=None)
    article = latest_articles(app.db, limit=1)[0]
    enrich.enrich_article(app, article, other)  # mismatched: read again from the article itself
    assert any("Sandvik" in s for s in _summary(app, article.id))


async def test_a_long_page_is_ingested_whole_through_the_worker(app, site):
    paragraphs = "".join(f"<p>{BODY} Paragraph {k} ends here.</p>" for k in range(300))
    head = "<html><head><title>Norway buys trucks</title></head>"
    page = f"{head}<body><article>{paragraphs}</article></body></html>"
    site.add_bytes("/long.html", page.encode(), "text/html")
    report = await ingest_sources(app, [site.url("/long.html")])
    assert report.new == 1 and count_articles(app.db) == 1
    assert find_actors(app.db, "Tore Sandvik")
