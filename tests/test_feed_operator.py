"""Operator items of feed polling (QA12a F18): an entry listed twice is fetched once, feeds due together
are polled a few at a time (a slow one delays none of the others), secrets in a feed's address are
masked wherever it is shown or logged."""

import asyncio
from dataclasses import replace
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


def feed_route(site, path: str, *, page: str):
    site.add_bytes(path, rss(site.base, [page]), "application/rss+xml")


async def test_a_slow_feed_holds_up_none_of_the_others_due_with_it(app, site):
    released = asyncio.Event()

    async def slow(request: web.Request) -> web.Response:
        await released.wait()  # answers only once the feeds after it were read
        return web.Response(body=rss(site.base, ["/quay"]), content_type="application/rss+xml")

    async def down(request: web.Request) -> web.Response:
        return web.Response(status=503, text="busy")

    site.add("/slow.xml", slow)
    site.add("/down.xml", down)
    site.add("/quay", quay_page)
    register(app, site.url("/slow.xml"))  # due first
    register(app, site.url("/down.xml"))
    for name in ("a", "b"):
        feed_route(site, f"/{name}.xml", page="/quay")
        register(app, site.url(f"/{name}.xml"))

    async def release_when_the_others_were_read():
        while not {"/down.xml", "/a.xml", "/b.xml"} <= {r.path for r in site.requests}:
            await asyncio.sleep(0.01)
        released.set()

    helper = asyncio.create_task(release_when_the_others_were_read())
    report = await asyncio.wait_for(poll_due_feeds(app, now=T), timeout=30)
    await helper
    assert report.polled == 4 and report.new_articles == 1
    assert [url for url, _ in report.failed] == [site.url("/down.xml")]


async def test_feeds_are_polled_at_most_feeds_concurrency_at_a_time(app, site):
    app = App(db=app.db, settings=replace(app.settings, feed_concurrency=2), clock=app.clock)
    busy, most = 0, 0

    async def feed(request: web.Request) -> web.Response:
        nonlocal busy, most
        busy += 1
        most = max(most, busy)
        await asyncio.sleep(0.05)
        busy -= 1
        return web.Response(body=rss(site.base, []), content_type="application/rss+xml")

    for k in range(5):
        site.add(f"/f{k}.xml", feed)
        register(app, site.url(f"/f{k}.xml"))
    report = await poll_due_feeds(app, now=T)
    assert report.polled == 5 and report.failed == ()
    assert most == 2


def test_feeds_concurrency_is_a_setting_checked_at_start(tmp_path):
    from config import SettingsError, load_settings

    config = tmp_path / "settings.toml"
    config.write_text("[feeds]\nconcurrency = 0\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"^feeds\.concurrency must be from 1 to 16, got 0$"):
        load_settings({"BRIEFING_DB": str(tmp_path / "b.db")}, path=config)
