"""Operator items of feed polling (QA12a F18): an entry listed twice is fetched once, feeds due together
are polled a few at a time (a slow one delays none of the others), secrets in a feed's address are
masked wherever it is shown or logged."""

import asyncio
from datetime import UTC, datetime

import pytest
from aiohttp import web

from briefing.service import App
from briefing.service.polling import poll_due_feeds
from store.articles import find_by_url
from store.sources import set_polling, upsert_source
from tests.digestkit import Clock

T = datetime(2025, 1, 23, 12, 0, tzinfo=UTC)
TEASER = "Harbour officials in Gdynia are weighing a ban on cruise ships at the old quay after residents…"
STORY = (
    "Residents complained for years about the fumes of the liners moored beside the old town. The council "
    "will vote on the proposal in January, and the port authority has asked for a delay. "
)


def rss(base: str, paths, *, title: str = "Baltic Post") -> bytes:
    items = "".join(
        f"<item><title>Gdynia quay story</title><link>{base}{path}</link><guid>{base}{path}</guid>"
        f"<description>{TEASER}</description><pubDate>Thu, 23 Jan 2025 10:00:00 GMT</pubDate></item>"
        for path in paths
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title><link>{base}/</link>'
        f"{items}</channel></rss>"
    ).encode()


async def quay_page(request: web.Request) -> web.Response:
    title = "Gdynia quay story"
    html = (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>{TEASER.rstrip('…')}.</p><p>{STORY * 3}</p></article></body></html>"
    )
    return web.Response(text=html, content_type="text/html")


@pytest.fixture
def app(db, settings) -> App:
    return App(db=db, settings=settings, clock=Clock(T))


def register(app: App, url: str, name: str = "Baltic Post") -> int:
    source = upsert_source(app.db, kind="feed", location=url, name=name, now=T)
    set_polling(app.db, source.id, True)
    return source.id


def requests_for(site, path: str) -> int:
    return sum(1 for r in site.requests if r.path == path)


async def test_an_entry_listed_twice_in_a_feed_has_its_page_fetched_once(app, site):
    site.add_bytes("/feed.xml", rss(site.base, ["/quay", "/quay"]), "application/rss+xml")
    site.add("/quay", quay_page)
    register(app, site.url("/feed.xml"))
    report = await poll_due_feeds(app, now=T)
    assert (report.new_articles, report.failed) == (1, ())
    assert requests_for(site, "/quay") == 1
    assert find_by_url(app.db, site.url("/quay")).body.count("Residents complained") == 3
