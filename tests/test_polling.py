"""Polling registered feeds over 127.0.0.1: conditional GET, backoff, pausing with a notice to the admins,
and alerts to followers, once per story."""

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from aiohttp import web

from briefing.adapters.jobs import run_feed_polling
from briefing.service import App
from briefing.service.polling import poll_due_feeds
from store.alerts import alerts_of
from store.sources import find_source, set_polling, upsert_source
from store.subscribers import follow
from tests.digestkit import QUICK, Clock, fast_pacer
from tests.localweb import LocalSite

T = datetime(2025, 1, 23, 12, 0, tzinfo=UTC)
PARAGRAPHS = {
    "missile": "Engineers in Dnipro examined the fragments of the Oreshnik missile that struck the plant. "
    "Investigators catalogued warheads, casings and guidance parts for the international inquiry. ",
    "harvest": "Farmers across the southern plains reported a record wheat harvest despite the drought. "
    "Grain elevators filled early and cooperatives hired extra drivers for the autumn season. ",
    "orchestra": "The city orchestra opened its winter season with a cycle of Sibelius symphonies. "
    "Critics praised the brass section and the young conductor who replaced the ailing director. ",
}


def rss(base: str, keys) -> bytes:
    items = "".join(
        f"<item><title>{k.title()} report</title><link>{base}/story/{k}</link>"
        f"<description><![CDATA[{PARAGRAPHS[k] * 8}]]></description>"
        "<pubDate>Thu, 23 Jan 2025 10:00:00 GMT</pubDate></item>"
        for k in keys
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title><link>{base}/</link>'
        f"{items}</channel></rss>"
    ).encode()


class Feed:
    """A feed route with an ETag; ``status`` set to an error code makes it fail."""

    def __init__(self, site: LocalSite, path: str, keys=("missile", "harvest")):
        self.site, self.keys, self.status, self.version = site, list(keys), 200, 1
        self.seen: list[str | None] = []
        site.add(path, self.handle)
        self.url = site.url(path)

    async def handle(self, request: web.Request) -> web.Response:
        self.seen.append(request.headers.get("If-None-Match"))
        if self.status != 200:
            return web.Response(status=self.status, text="down")
        etag = f'"v{self.version}"'
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers={"ETag": etag})
        body = rss(self.site.base, self.keys)
        return web.Response(body=body, content_type="application/rss+xml", headers={"ETag": etag})


@pytest.fixture
def app(db, settings) -> App:
    return App(db=db, settings=settings, clock=Clock(T))


def register(app: App, url: str) -> int:
    source = upsert_source(app.db, kind="feed", location=url, name="Local Wire", now=T)
    set_polling(app.db, source.id, True)
    return source.id


async def poll(app: App, at: datetime):
    app.clock.now = at
    return await poll_due_feeds(app, now=at)


async def test_a_feed_is_polled_when_due_and_a_repeat_is_a_conditional_get(app, site):
    feed = Feed(site, "/wire.xml")
    register(app, feed.url)
    first = await poll(app, T)
    assert (first.polled, first.new_articles, first.not_modified) == (1, 2, 0)
    assert find_source(app.db, feed.url).next_poll_at == T + timedelta(minutes=30)
    assert (await poll(app, T + timedelta(minutes=10))).polled == 0  # not due yet
    again = await poll(app, T + timedelta(minutes=30))
    assert (again.polled, again.new_articles, again.not_modified) == (1, 0, 1)
    assert feed.seen == [None, '"v1"']


async def test_a_failing_feed_backs_off_is_paused_and_the_admins_are_told(app, site, botapi, botapi_bot):
    feed = Feed(site, "/wire.xml")
    feed.status = 503
    register(app, feed.url)
    at, waits = T, []
    for _ in range(app.settings.feed_max_failures):
        app.clock.now = at
        polled, _ = await run_feed_polling(app, botapi_bot, now=at, pacer=fast_pacer(), policy=QUICK)
        assert polled.polled == 1 and polled.failed[0][0] == feed.url
        source = find_source(app.db, feed.url)
        waits.append(source.next_poll_at - at)
        at = source.next_poll_at
    assert waits[:4] == [timedelta(minutes=m) for m in (60, 120, 240, 480)]  # exponential
    assert source.paused and source.failures == 5
    (notice,) = botapi.sent_messages(42)  # BRIEFING_ADMINS=42
    assert notice.text.startswith("Feed paused\n\nLocal Wire — " + feed.url)
    assert "It failed 5 times in a row. The last error: HTTP 503" in notice.text
    # paused: not polled again, and no second notice
    app.clock.now = at + timedelta(days=1)
    polled, _ = await run_feed_polling(app, botapi_bot, now=at + timedelta(days=1), pacer=fast_pacer())
    assert polled.polled == 0 and len(botapi.sent_messages(42)) == 1
    # resumed (as /ingest URL does) and back up: one good poll resets the count
    set_polling(app.db, source.id, True)
    feed.status = 200
    ok = await poll(app, at + timedelta(days=1))
    assert ok.new_articles == 2 and find_source(app.db, feed.url).failures == 0


async def test_one_failing_feed_does_not_stop_the_others(app, site):
    bad, good = Feed(site, "/bad.xml"), Feed(site, "/good.xml", keys=("orchestra",))
    bad.status = 404
    register(app, bad.url)
    register(app, good.url)
    report = await poll(app, T)
    assert (report.polled, report.new_articles, len(report.failed)) == (2, 1, 1)


async def test_followers_get_one_alert_per_new_story(app, site, botapi, botapi_bot):
    feed = Feed(site, "/wire.xml")
    register(app, feed.url)
    follow(app.db, 1001, "topic", "Oreshnik", now=T)
    follow(app.db, 1002, "topic", "wheat harvest", now=T)
    polled, sent = await run_feed_polling(app, botapi_bot, now=T, pacer=fast_pacer(), policy=QUICK)
    assert (polled.alerts, sent.sent) == (2, 2)
    (alert,) = botapi.sent_messages(1001)
    assert alert.text.startswith("New about Oreshnik\n\nMissile report")
    assert botapi.sent_messages(1002)[0].text.startswith("New about wheat harvest\n\nHarvest report")
    # the feed grows: a new story for nobody's follows, the old stories alert no one again
    feed.keys.append("orchestra")
    feed.version = 2
    later = app.clock.now = T + timedelta(minutes=30)
    polled, sent = await run_feed_polling(app, botapi_bot, now=later, pacer=fast_pacer(), policy=QUICK)
    assert (polled.new_articles, polled.alerts, sent.sent) == (1, 0, 0)
    assert len(botapi.sent_messages(1001)) == 1 and [a.state for a in alerts_of(app.db, 1001)] == ["sent"]


async def test_a_stop_in_the_middle_of_a_run_keeps_the_alerts_of_the_feeds_already_read(app, site):
    """Each feed's alerts are queued as its poll ends: a stop while another feed still hangs loses none
    (its articles stored, the next poll would take them for known and alert no one)."""
    fast = Feed(site, "/fast.xml")
    answer = asyncio.Event()

    async def hanging(request: web.Request) -> web.Response:
        await answer.wait()
        return web.Response(status=503)

    site.add("/hanging.xml", hanging)
    register(app, fast.url)
    register(app, site.url("/hanging.xml"))
    follow(app.db, 1001, "topic", "Oreshnik", now=T)
    run = asyncio.create_task(poll(app, T))
    for _ in range(500):
        if alerts_of(app.db, 1001) or run.done():
            break
        await asyncio.sleep(0.01)
    assert not run.done()  # the hanging feed holds the run up
    run.cancel()
    with pytest.raises(asyncio.CancelledError):
        await run
    answer.set()
    assert [a.state for a in alerts_of(app.db, 1001)] == ["pending"]


MISSILE_RETOLD = (
    "Fragments of the Oreshnik missile that hit the Dnipro plant were examined by engineers on Thursday. "
    "Warheads and guidance parts were logged by investigators for the international inquiry into the strike. "
    "Officials said the findings would be shared with allies. "
)


class Wire(Feed):
    """Another outlet's feed: the missile story in its own words, under its own links."""

    def __init__(self, site: LocalSite, path: str, outlet: str, text: str):
        self.outlet, self.text = outlet, text
        super().__init__(site, path, keys=("missile",))

    async def handle(self, request: web.Request) -> web.Response:
        body = rss(self.site.base, self.keys).decode().replace("/story/", f"/{self.outlet}/")
        body = body.replace(PARAGRAPHS["missile"] * 8, self.text * 8)
        return web.Response(body=body.encode(), content_type="application/rss+xml")


async def test_two_feeds_of_one_run_that_bring_one_story_queue_one_alert(app, site):
    a = Wire(site, "/a.xml", "alpha", PARAGRAPHS["missile"])
    b = Wire(site, "/b.xml", "beta", MISSILE_RETOLD)
    register(app, a.url)
    register(app, b.url)
    follow(app.db, 1001, "topic", "Oreshnik", now=T)
    report = await poll(app, T)
    assert (report.polled, report.new_articles, report.alerts) == (2, 2, 1)
    stories = {r[0] for r in app.db.execute("SELECT story_id FROM articles")}
    assert len(stories) == 1  # the two outlets' articles are one story
    ((alert, *more),) = [alerts_of(app.db, 1001)]
    assert not more and alert.state == "pending"
