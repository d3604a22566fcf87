"""Operator items of feed polling (QA12a F18): an entry listed twice is fetched once, feeds due together
are polled a few at a time (a slow one delays none of the others), secrets in a feed's address are
masked wherever it is shown or logged."""

import asyncio
import io
import logging
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from aiohttp import web

from briefing.adapters.jobs import run_feed_polling
from briefing.adapters.redaction import redact_logs
from briefing.addresses import mask_urls, shown_url
from briefing.service import App
from briefing.service.commands import Asker, answer, load_all
from briefing.service.polling import poll_due_feeds
from store.articles import find_by_url
from store.sources import find_source, set_polling, upsert_source
from tests.digestkit import QUICK, Clock, fast_pacer

T = datetime(2025, 1, 23, 12, 0, tzinfo=UTC)
ADMIN = Asker(chat_id=42, user_id=42)  # BRIEFING_ADMINS=42 in the test settings
READER = Asker(chat_id=1001, user_id=1001)
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


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("http://alice:s3cretpw@news.test/x?a=1", "http://news.test/x?a=1"),
        ("https://news.test/rss?apikey=SEKRIT&lang=en", "https://news.test/rss?apikey=***&lang=en"),
        ("https://news.test/rss?lang=en&access_token=abc#top", "https://news.test/rss?lang=en&access_token=***#top"),
        ("https://news.test/r?monkey=1&keyword=2&key=3", "https://news.test/r?monkey=1&keyword=2&key=***"),
        ("https://s3.test/a?X-Amz-Signature=ff&sig=zz;password=pw", "https://s3.test/a?X-Amz-Signature=***&sig=***;password=***"),
        ("https://news.test/rss?page=2", "https://news.test/rss?page=2"),
    ],
)  # fmt: skip
def test_an_address_is_shown_without_its_secrets(url, shown):
    assert shown_url(url) == shown


def test_the_addresses_in_a_text_are_masked_and_its_punctuation_kept():
    text = "GET 'https://x.test/rss?apikey=K1' failed: loop at http://u:p@x.test/a?token=T2, (https://x.test/?key=K3)."
    assert mask_urls(text) == (
        "GET 'https://x.test/rss?apikey=***' failed: loop at http://x.test/a?token=***, (https://x.test/?key=***)."
    )


def test_every_log_line_has_the_addresses_secrets_masked():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    redact_logs(handlers=[handler])
    redact_logs("123:TOKEN", handlers=[handler])  # the bot token too, later, on the same handler
    logger = logging.getLogger("briefing.test_feed_operator")
    logger.addHandler(handler)
    try:
        logger.warning("feed %s paused: %s", "https://x.test/rss?apikey=SEKRIT", "bot123:TOKEN/getMe")
    finally:
        logger.removeHandler(handler)
    assert stream.getvalue() == "feed https://x.test/rss?apikey=*** paused: bot***/getMe\n"


async def test_a_feeds_api_key_is_used_to_fetch_and_masked_wherever_the_feed_is_shown(
    app, site, botapi, botapi_bot
):
    app = App(db=app.db, settings=replace(app.settings, feed_max_failures=1), clock=app.clock)
    keys = []

    async def feed(request: web.Request) -> web.Response:
        keys.append(request.query.get("apikey"))
        return web.Response(status=503, text="busy")

    site.add("/rss", feed)
    url, shown = site.url("/rss?apikey=SEKRIT&lang=en"), site.url("/rss?apikey=***&lang=en")
    source_id = register(app, url)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    redact_logs(handlers=[handler])
    logging.getLogger().addHandler(handler)
    try:
        polled, _ = await run_feed_polling(app, botapi_bot, now=T, pacer=fast_pacer(), policy=QUICK)
    finally:
        logging.getLogger().removeHandler(handler)
    assert keys == ["SEKRIT"]  # the key is the feed's: it is sent
    assert polled.failed == ((shown, "HTTP 503 Service Unavailable"),)
    assert f"feed {shown} paused after 1 failures" in stream.getvalue() and "SEKRIT" not in stream.getvalue()
    (notice,) = botapi.sent_messages(42)
    assert f"Baltic Post — {shown}" in notice.text and f"/ingest {shown}" in notice.text
    assert "SEKRIT" not in notice.text
    load_all()
    listed = await answer(app, "/feeds", ADMIN)
    assert shown in listed.document.text and "SEKRIT" not in listed.document.text
    for asker in (ADMIN, READER):
        for command in ("/sources", "/stats"):
            assert "SEKRIT" not in (await answer(app, command, asker)).document.text
    # the address as shown stands for the feed: /ingest resumes it, /unfeed stops it
    site.add_bytes("/rss", rss(site.base, []), "application/rss+xml")
    resumed = await answer(app, f"/ingest {shown}", ADMIN)
    assert "Feed Baltic Post is now read every" in resumed.document.text
    source = find_source(app.db, url)
    assert source.id == source_id and source.poll and not source.paused
    assert find_source(app.db, shown) is None
    stopped = await answer(app, f"/unfeed {shown}", ADMIN)
    assert f"({shown}) is no longer polled" in stopped.document.text and "SEKRIT" not in stopped.document.text


async def test_an_ingest_reply_and_report_never_show_a_feeds_secret(app, site):
    load_all()
    reply = await answer(app, f"/ingest {site.url('/missing.xml?token=SEKRIT')}", ADMIN)
    assert f"Failed: {site.url('/missing.xml?token=***')} — HTTP 404 Not Found" in reply.document.text


async def test_a_user_name_and_password_in_an_entry_link_are_not_stored_with_the_article(app, site):
    with_password = site.base.replace("http://", "http://alice:s3cretpw@")
    site.add_bytes("/feed.xml", rss(with_password, ["/quay"]), "application/rss+xml")
    site.add("/quay", quay_page)
    register(app, site.url("/feed.xml"))
    report = await poll_due_feeds(app, now=T)
    assert report.new_articles == 1
    (stored,) = [row["url"] for row in app.db.query("SELECT url FROM articles")]
    assert stored == site.url("/quay")
    again = await poll_due_feeds(app, now=T + timedelta(hours=1))  # known: not fetched again
    assert again.new_articles == 0 and requests_for(site, "/quay") == 1
