"""A polled feed whose entries' pages never answer (a site that tarpits bots) is a failing feed: backed off,
paused after ``max_failures`` polls with a notice to the admins, its entries kept with the feed's summaries
at the last try; a page that answers again resets the count (QA12a F11)."""

from datetime import UTC, datetime, timedelta

import pytest
from aiohttp import web

from briefing.adapters.jobs import run_feed_polling
from briefing.service import App, feed_polls
from briefing.service.polling import poll_due_feeds
from store.articles import find_by_url
from store.sources import find_source, set_polling, upsert_source
from tests.digestkit import QUICK, Clock, fast_pacer

T = datetime(2025, 1, 23, 12, 0, tzinfo=UTC)
TEASERS = {
    "quay": "Harbour officials in Gdynia are weighing a ban on cruise ships at the old quay after residents…",
    "dunes": "Storms washed away a third of the dunes on the Hel peninsula overnight, the coastguard said…",
}
STORIES = {
    "quay": "Residents complained for years about the fumes of the liners moored beside the old town. The "
    "council will vote on the proposal in January, and the port authority has asked for a delay. ",
    "dunes": "Volunteers filled sandbags through the night as the sea broke through near Jastarnia. The "
    "regional governor asked the army for help, and the railway line to the tip was closed. ",
}


def rss(base: str) -> bytes:
    items = "".join(
        f"<item><title>Gdynia {key} story</title><link>{base}/{key}</link><description>{text}</description>"
        "<pubDate>Thu, 23 Jan 2025 10:00:00 GMT</pubDate></item>"
        for key, text in TEASERS.items()
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Baltic Post</title><link>{base}/</link>'
        f"{items}</channel></rss>"
    ).encode()


async def story_page(request: web.Request) -> web.Response:
    """The page of the story a feed entry teases, at /quay or /dunes."""
    key = request.path.strip("/")
    title, lead = f"Gdynia {key} story", TEASERS[key].rstrip("…") + "."
    html = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{lead}</p>"
    return web.Response(
        text=html + f"<p>{STORIES[key] * 3}</p></article></body></html>", content_type="text/html"
    )


@pytest.fixture
def app(db, settings) -> App:
    return App(db=db, settings=settings, clock=Clock(T))


async def test_a_feed_whose_pages_never_answer_backs_off_and_is_paused(app, site, botapi, botapi_bot):
    site.add_bytes("/feed.xml", rss(site.base), "application/rss+xml")

    async def down(request: web.Request) -> web.Response:
        return web.Response(status=503, text="busy")

    site.add("/quay", down)
    site.add("/dunes", down)
    url = site.url("/feed.xml")
    source = upsert_source(app.db, kind="feed", location=url, name="Baltic Post", now=T)
    set_polling(app.db, source.id, True)
    at, waits = T, []
    for k in range(app.settings.feed_max_failures):
        app.clock.now = at
        polled, _ = await run_feed_polling(app, botapi_bot, now=at, pacer=fast_pacer(), policy=QUICK)
        assert polled.polled == 1
        source = find_source(app.db, url)
        assert source.failures == k + 1
        waits.append(source.next_poll_at - at)
        at = source.next_poll_at
    assert waits[:4] == [timedelta(minutes=m) for m in (60, 120, 240, 480)]
    assert source.paused
    assert (
        source.last_error
        == "none of its 2 new entries' pages could be fetched (HTTP 503 Service Unavailable)"
    )
    (notice,) = botapi.sent_messages(42)  # BRIEFING_ADMINS=42
    assert notice.text.startswith("Feed paused\n\nBaltic Post — " + url)
    # the last try left nothing waiting: each entry keeps the feed's summary
    assert find_by_url(app.db, site.url("/quay")).body == TEASERS["quay"]
    assert find_by_url(app.db, site.url("/dunes")).body == TEASERS["dunes"]


async def test_a_page_answering_again_resets_the_count(app, site):
    site.add_bytes("/feed.xml", rss(site.base), "application/rss+xml")
    status = {"code": 503}

    async def page(request: web.Request) -> web.Response:
        if status["code"] != 200:
            return web.Response(status=status["code"], text="busy")
        return await story_page(request)

    site.add("/quay", page)
    site.add("/dunes", page)
    url = site.url("/feed.xml")
    source = upsert_source(app.db, kind="feed", location=url, name="Baltic Post", now=T)
    set_polling(app.db, source.id, True)
    report = await poll_due_feeds(app, now=T)
    assert len(report.failed) == 2 and find_source(app.db, url).failures == 1
    assert find_by_url(app.db, site.url("/quay")) is None  # waiting for the next poll
    status["code"] = 200
    later = find_source(app.db, url).next_poll_at
    app.clock.now = later
    again = await poll_due_feeds(app, now=later)
    assert again.new_articles == 2 and find_source(app.db, url).failures == 0


async def test_a_poll_broken_off_after_the_feed_was_read_reads_it_in_full_next_time(app, site, monkeypatch):
    """The feed's ETag is stored when it is read, before its entries are: a poll that breaks off then
    (the store locked by an ingest) must not leave a "304 Not Modified" to skip those entries for good."""
    asked = []

    async def feed(request: web.Request) -> web.Response:
        asked.append(request.headers.get("If-None-Match"))
        if request.headers.get("If-None-Match") == '"v1"':
            return web.Response(status=304)
        return web.Response(body=rss(site.base), content_type="application/rss+xml", headers={"ETag": '"v1"'})

    site.add("/feed.xml", feed)
    site.add("/quay", story_page)
    site.add("/dunes", story_page)
    url = site.url("/feed.xml")
    source = upsert_source(app.db, kind="feed", location=url, name="Baltic Post", now=T)
    set_polling(app.db, source.id, True)
    real, calls = feed_polls.store_drafts_async, []

    async def locked(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("database is locked")  # what the store raises while an ingest writes
        return await real(*args, **kwargs)

    monkeypatch.setattr(feed_polls, "store_drafts_async", locked)
    first = await poll_due_feeds(app, now=T)
    assert first.failed and find_by_url(app.db, site.url("/quay")) is None
    later = find_source(app.db, url).next_poll_at
    app.clock.now = later
    await poll_due_feeds(app, now=later)
    assert asked == [None, None]  # read in full again, not "If-None-Match: v1"
    assert find_by_url(app.db, site.url("/quay")) is not None
