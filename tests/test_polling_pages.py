"""A polled feed whose entries' pages fail (a tracking redirector that refuses connections, a site that
tarpits bots, a busy server) is no failing feed: the feed answered and was read, so it is neither backed off
nor paused. Each entry waits for its page a few polls (``page_patience``), then keeps the feed's summary;
a page that answers meanwhile is stored in full. An entry with no prose in its summary to keep is given up
once (at once when its page is gone for good), and so is an update whose page keeps failing: not fetched
again, never counted against a feed whose other entries arrive. Besides the feed's own fetch or parse, only
a feed none of whose entries can be read (every one given up) counts as failing."""

import socket
from datetime import UTC, datetime, timedelta

import pytest
from aiohttp import web

from briefing.adapters.jobs import run_feed_polling
from briefing.service import App, feed_polls
from briefing.service.ingest import ingest_sources
from briefing.service.polling import poll_due_feeds
from store.articles import find_by_url
from store.feed_entries import give_ups_by_feed
from store.sources import due_feeds, find_source, set_polling, upsert_source
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
    return _rss(base, {key: f"{base}/{key}" for key in TEASERS})


def _rss(base: str, links: dict[str, str]) -> bytes:
    """The Baltic Post's feed at ``base``, each teaser's entry linking to ``links[key]``."""
    items = "".join(
        f"<item><title>Gdynia {key} story</title><link>{links[key]}</link><description>{text}</description>"
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


def closed_port() -> int:
    """A loopback port nothing listens on: a connection to it is refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def tracked_rss(base: str, dead: str) -> bytes:
    """The feed at ``base``, its entries' links going through a tracking host at ``dead``: the quay's
    link straight to it, the dunes' through a redirect of the feed's own site."""
    return _rss(base, {"quay": f"{dead}/t/quay", "dunes": f"{base}/r/dunes"})


async def test_a_feed_whose_entry_pages_sit_on_a_dead_host_is_no_failing_feed(app, site, botapi, botapi_bot):
    dead = f"http://127.0.0.1:{closed_port()}"
    site.add_bytes("/feed.xml", tracked_rss(site.base, dead), "application/rss+xml")

    async def tracker(request: web.Request) -> web.Response:
        raise web.HTTPFound(f"{dead}/t/dunes")

    site.add("/r/dunes", tracker)
    url = site.url("/feed.xml")
    source = upsert_source(app.db, kind="feed", location=url, name="Baltic Post", now=T)
    set_polling(app.db, source.id, True)
    patience = feed_polls.page_patience(app)
    assert patience == timedelta(minutes=150)  # 5 polls of 30 minutes, as a failing feed gets
    at, stored = T, []
    while not stored:
        app.clock.now = at
        polled, _ = await run_feed_polling(app, botapi_bot, now=at, pacer=fast_pacer(), policy=QUICK)
        assert polled.polled == 1
        source = find_source(app.db, url)
        assert (source.failures, source.paused, source.last_error) == (0, False, None)
        assert source.next_poll_at == at + timedelta(minutes=30)  # no back-off: the feed is read fine
        stored = [find_by_url(app.db, u) for u in (f"{dead}/t/quay", site.url("/r/dunes"))]
        stored = [a for a in stored if a is not None]
        if at - T < patience:  # waiting for their pages, tried again at each poll
            assert stored == [] and len(polled.failed) == 2, polled.failed
            assert all(why.endswith("tried again at the next poll") for _, why in polled.failed)
        at = source.next_poll_at
    assert at - T == patience + timedelta(minutes=30)  # the poll after the wait kept the summaries
    assert sorted(a.body for a in stored) == sorted(TEASERS.values())
    assert botapi.sent_messages(42) == []  # no "Feed paused" for the admins (BRIEFING_ADMINS=42)
    app.clock.now = at
    again = await poll_due_feeds(app, now=at)  # the entries are known now: their pages are not asked again
    assert (again.new_articles, again.failed) == (0, ())


async def test_a_page_answering_again_is_stored_in_full(app, site):
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
    assert len(report.failed) == 2 and find_source(app.db, url).failures == 0
    assert find_by_url(app.db, site.url("/quay")) is None  # waiting for the next poll
    status["code"] = 200
    later = find_source(app.db, url).next_poll_at
    assert later == T + timedelta(minutes=30)
    app.clock.now = later
    again = await poll_due_feeds(app, now=later)
    assert again.new_articles == 2 and again.failed == ()
    assert find_by_url(app.db, site.url("/quay")).body.startswith(TEASERS["quay"].rstrip("…"))
    assert STORIES["quay"] in find_by_url(app.db, site.url("/quay")).body


async def test_the_feed_s_own_failure_still_counts(app, site):
    site.add_bytes("/feed.xml", b"<html><body>Moved</body></html>", "text/html")
    url = site.url("/feed.xml")
    source = upsert_source(app.db, kind="feed", location=url, name="Baltic Post", now=T)
    set_polling(app.db, source.id, True)
    report = await poll_due_feeds(app, now=T)
    assert len(report.failed) == 1
    source = find_source(app.db, url)
    assert source.failures == 1 and source.next_poll_at == T + timedelta(minutes=60)


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


def bare_rss(base: str, dead: str) -> bytes:
    """The feed at ``base``, its entries linking to the dead host with nothing to keep instead of their
    pages: the quay's summary is only "Read more", the dunes' has none."""
    items = (
        f"<item><title>Gdynia quay story</title><link>{dead}/t/quay</link>"
        "<description>Read more</description>"
        "<pubDate>Thu, 23 Jan 2025 10:00:00 GMT</pubDate></item>"
        f"<item><title>Gdynia dunes story</title><link>{dead}/t/dunes</link>"
        "<pubDate>Thu, 23 Jan 2025 10:00:00 GMT</pubDate></item>"
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Baltic Post</title><link>{base}/</link>'
        f"{items}</channel></rss>"
    ).encode()


async def test_entries_with_nothing_to_keep_fail_the_feed_once_their_wait_runs_out(
    app, site, botapi, botapi_bot
):
    """QA21 F2: an entry whose page never comes and whose summary holds no prose would be lost without a
    word, its page fetched at every poll forever; once it has waited out its patience, the feed fails: it
    is backed off, then paused, and the admins are told why."""
    dead = f"http://127.0.0.1:{closed_port()}"
    site.add_bytes("/feed.xml", bare_rss(site.base, dead), "application/rss+xml")
    url = site.url("/feed.xml")
    source = upsert_source(app.db, kind="feed", location=url, name="Baltic Post", now=T)
    set_polling(app.db, source.id, True)
    patience, limit = feed_polls.page_patience(app), app.settings.feed_max_failures
    at, polls = T, 0
    while not find_source(app.db, url).paused:
        app.clock.now = at
        polled, _ = await run_feed_polling(app, botapi_bot, now=at, pacer=fast_pacer(), policy=QUICK)
        assert polled.polled == 1 and len(polled.failed) == 2, polled.failed
        polls += 1
        source = find_source(app.db, url)
        if at - T < patience:  # still waiting for the pages: the feed itself is read fine
            assert (source.failures, source.last_error) == (0, None)
            assert source.next_poll_at == at + timedelta(minutes=30)
        else:  # waited out, nothing to keep: a failing feed, backed off as one
            failures = source.failures
            assert failures == polls - 5
            assert source.last_error.startswith(
                "2 of its entries' pages could not be fetched for 2 h 30 min, and the feed gives no article"
                " text for them (cannot connect to 127.0.0.1"
            ), source.last_error
            if not source.paused:
                backoff = feed_polls.feed_backoff(app.settings.poll_minutes, failures - 1)
                assert source.next_poll_at == at + backoff
        assert polls <= 5 + limit
        at = source.next_poll_at
    assert polls == 5 + limit and source.failures == limit  # 1 h, 2 h, 4 h, 8 h of back-off, then paused
    assert find_by_url(app.db, f"{dead}/t/quay") is None and find_by_url(app.db, f"{dead}/t/dunes") is None
    told = " ".join(m.text for m in botapi.sent_messages(42))
    assert "Feed paused" in told and "could not be fetched for 2 h 30 min" in told, told
    assert (
        due_feeds(app.db, now=at + timedelta(days=1)) == []
    )  # paused: not polled again until an admin says so


FERRY = "Gdynia ferry story"


def mixed_rss(base: str, *, ferry: str = FERRY, ferry_link: str = "/ferry") -> bytes:
    """The Baltic Post's feed: the quay and dunes teasers, whose pages answer, and a ferry entry with
    nothing to keep but its link ("Read more") at ``ferry_link``."""
    items = "".join(
        f"<item><title>Gdynia {key} story</title><link>{base}/{key}</link><description>{text}</description>"
        "<pubDate>Thu, 23 Jan 2025 10:00:00 GMT</pubDate></item>"
        for key, text in TEASERS.items()
    )
    items += (
        f"<item><title>{ferry}</title><link>{base}{ferry_link}</link><description>Read more</description>"
        "<pubDate>Thu, 23 Jan 2025 10:00:00 GMT</pubDate></item>"
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Baltic Post</title><link>{base}/</link>'
        f"{items}</channel></rss>"
    ).encode()


def hits(site, path: str) -> int:
    return sum(1 for r in site.requests if r.path == path)


def polled_feed(app: App, url: str) -> int:
    source = upsert_source(app.db, kind="feed", location=url, name="Baltic Post", now=T)
    set_polling(app.db, source.id, True)
    return source.id


async def test_one_dead_entry_of_a_healthy_feed_is_given_up_once_and_never_fails_the_feed(
    app, site, botapi, botapi_bot
):
    """A feed whose entries arrive but one, whose page is down for good and whose summary is only "Read
    more": that entry waits out its patience, is given up once (said in the poll's report and in /feeds),
    and is not fetched again; the feed is never failing, backed off nor paused, and the admins hear of
    the give-up once."""
    from briefing.service.commands import Asker, answer, load_all

    site.add_bytes("/feed.xml", mixed_rss(site.base), "application/rss+xml")
    site.add("/quay", story_page)
    site.add("/dunes", story_page)

    async def down(request: web.Request) -> web.Response:
        return web.Response(status=503, text="busy")

    site.add("/ferry", down)
    url = site.url("/feed.xml")
    polled_feed(app, url)
    patience = feed_polls.page_patience(app)
    at, reports = T, []
    for _ in range(12):
        app.clock.now = at
        polled, _ = await run_feed_polling(app, botapi_bot, now=at, pacer=fast_pacer(), policy=QUICK)
        reports.append((at - T, polled))
        source = find_source(app.db, url)
        assert (source.failures, source.paused, source.last_error) == (0, False, None), source.last_error
        assert source.next_poll_at == at + timedelta(minutes=30)
        at = source.next_poll_at
    assert reports[0][1].new_articles == 2  # the quay and the dunes, at once
    ferry = site.url("/ferry")
    for waited, polled in reports:
        if waited < patience:
            assert polled.failed == (
                (ferry, f"feed entry page: HTTP 503 Service Unavailable; {feed_polls.RETRIED}"),
            )
        elif waited == patience:  # the poll after its wait gives it up, once
            given = f"feed entry page: HTTP 503 Service Unavailable; {feed_polls.GIVEN_UP}"
            assert polled.failed == ((ferry, given),)
        else:
            assert (polled.failed, polled.new_articles) == ((), 0)
    assert hits(site, "/ferry") == 6  # 5 polls of waiting, the one that gave it up; none after
    assert find_by_url(app.db, ferry) is None
    # the admins hear of the give-up once, as such: no "Feed paused", nor a feed whose entries all fail
    (told,) = [m.text for m in botapi.sent_messages(42)]
    assert told.startswith("Feed entries given up") and f"gave up 1 entry: “{FERRY}”" in told, told
    load_all()
    listed = (await answer(app, "/feeds", Asker(chat_id=42, user_id=42))).document.text
    assert (
        "last read" in listed
        and f"gave up 1 entry 3 h ago: “{FERRY}” (HTTP 503 Service Unavailable)" in listed
    )
    # a new version of the entry (another title) is tried again, and is stored once its page answers
    site.add_bytes(
        "/feed.xml", mixed_rss(site.base, ferry="Gdynia ferry story, updated"), "application/rss+xml"
    )
    site.add("/ferry", story_page_at("ferry"))
    app.clock.now = at
    again = await poll_due_feeds(app, now=at)
    assert (again.new_articles, again.failed) == (1, ())
    assert "gave up" not in (await answer(app, "/feeds", Asker(chat_id=42, user_id=42))).document.text


def story_page_at(key: str):
    """A page with a story of its own under the headline "Gdynia {key} story"."""

    async def page(request: web.Request) -> web.Response:
        title = f"Gdynia {key} story, updated"
        body = (
            f"<p>The {key} to Karlskrona sailed at dawn with two hundred passengers aboard, the operator"
            " said. "
            "Its engines had been repaired over the weekend after a fire in the hold last month.</p><p>"
            "The harbour master said the crossing would take ten hours in the calm weather expected. "
            "Passengers were offered vouchers for the delay, and freight lorries were loaded first.</p>"
        )
        html = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}"
        return web.Response(text=html + "</article></body></html>", content_type="text/html")

    return page


@pytest.mark.parametrize("status", [404, 410, 403])
async def test_an_entry_without_text_whose_page_is_gone_is_given_up_at_once(app, site, status):
    """A page gone for good (a 404, a 410, a paywall's 403) with nothing in the feed's summary: the entry
    is given up at its first poll, not fetched again at every poll while it stays in the feed; its feed,
    whose other entries arrive, is read fine."""
    site.add_bytes("/feed.xml", mixed_rss(site.base), "application/rss+xml")
    site.add("/quay", story_page)
    site.add("/dunes", story_page)

    async def gone(request: web.Request) -> web.Response:
        return web.Response(status=status, text="gone")

    site.add("/ferry", gone)
    url = site.url("/feed.xml")
    polled_feed(app, url)
    at = T
    for poll in range(4):
        app.clock.now = at
        report = await poll_due_feeds(app, now=at)
        source = find_source(app.db, url)
        assert (source.failures, source.paused) == (0, False)
        if poll == 0:
            assert report.new_articles == 2
            ((where, why),) = report.failed
            assert where == site.url("/ferry") and why.startswith(f"feed entry page: HTTP {status}")
            assert why.endswith("; no article text in the feed's summary; given up"), why
        else:
            assert report.failed == ()
        at = source.next_poll_at
    assert hits(site, "/ferry") == 1


async def test_a_new_feed_s_first_read_keeps_the_entries_it_gave_up(app, site):
    """qa23 F5: an admin's first /ingest of a feed gives up a gone entry; that stays (in /feeds, and left
    alone by the next poll), though the feed is switched to polling after its first read."""
    site.add_bytes("/feed.xml", mixed_rss(site.base), "application/rss+xml")
    site.add("/quay", story_page)
    site.add("/dunes", story_page)
    site.add("/ferry", lambda request: _gone())
    url = site.url("/feed.xml")
    report = await ingest_sources(app, [url], poll=True)
    assert [why.endswith("given up") for _, why in report.failed] == [True]
    source = find_source(app.db, url)
    assert give_ups_by_feed(app.db)[source.id].count == 1
    app.clock.now = source.next_poll_at
    assert (await poll_due_feeds(app, now=source.next_poll_at)).failed == ()
    assert hits(site, "/ferry") == 1


async def _gone() -> web.Response:
    return web.Response(status=404, text="gone")


async def test_a_feed_whose_every_entry_is_gone_fails_from_its_first_poll(app, site) -> str:
    """Nothing a feed lists can be read (every page a 404, no text in the feed): a dead feed in all but
    name, failing at every poll and so backed off, then paused."""
    items = "".join(
        f"<item><title>Gdynia {key} story</title><link>{site.base}/{key}</link>"
        "<description>Read more</description></item>"
        for key in ("quay", "dunes")
    )
    feed = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Baltic Post</title>{items}</channel></rss>'
    )
    site.add_bytes("/feed.xml", feed.encode(), "application/rss+xml")
    url = site.url("/feed.xml")
    polled_feed(app, url)
    at = T
    for poll in range(1, app.settings.feed_max_failures + 1):
        app.clock.now = at
        report = await poll_due_feeds(app, now=at)
        assert len(report.failed) == 2
        source = find_source(app.db, url)
        assert source.failures == poll
        assert source.last_error == (
            "2 of its entries' pages could not be fetched, and the feed gives no article text for them"
            " (HTTP 404 Not Found)"
        )
        at = source.next_poll_at
    assert source.paused and hits(site, "/quay") == 1 and hits(site, "/dunes") == 1
    return url


async def test_resuming_a_dead_feed_tries_the_entries_it_gave_up_again(app, site):
    """An admin resumes a paused feed once its site answers again: the entries it gave up are what it
    failed on, so the next poll fetches their pages once more (and stores them), instead of failing at
    once on its own memory of them."""
    url = await test_a_feed_whose_every_entry_is_gone_fails_from_its_first_poll(app, site)
    site.add("/quay", story_page)
    site.add("/dunes", story_page)
    app.clock.now += timedelta(hours=1)
    report = await ingest_sources(app, [url], poll=True)  # an admin's /ingest of the feed's address
    assert not report.failed
    assert hits(site, "/quay") == 2 and hits(site, "/dunes") == 2
    assert find_by_url(app.db, f"{site.base}/quay") is not None
    source = find_source(app.db, url)
    assert source.failures == 0 and not source.paused


@pytest.mark.parametrize(("status", "tries"), [(503, 6), (410, 1)])
async def test_an_update_whose_page_keeps_failing_is_given_up(app, site, status, tries):
    """An entry stored in full that the feed updates (another title) while its page fails: tried again at
    each poll for as long as a new entry waits when the page fails for now, at once given up when it is
    gone; then the version stored stays, and the update is not fetched again."""
    site.add_bytes("/feed.xml", rss(site.base), "application/rss+xml")
    served = {"status": 200}

    async def page(request: web.Request) -> web.Response:
        if served["status"] != 200:
            return web.Response(status=served["status"], text="no")
        return await story_page(request)

    site.add("/quay", page)
    site.add("/dunes", story_page)
    url = site.url("/feed.xml")
    polled_feed(app, url)
    first = await poll_due_feeds(app, now=T)
    assert first.new_articles == 2
    stored = find_by_url(app.db, site.url("/quay"))
    served["status"] = status
    site.add_bytes(
        "/feed.xml",
        rss(site.base).replace(b"Gdynia quay story", b"Gdynia quay story (update)"),
        "application/rss+xml",
    )
    at, patience = find_source(app.db, url).next_poll_at, feed_polls.page_patience(app)
    start, failed = at, []
    while at - start <= patience + timedelta(hours=2):
        app.clock.now = at
        report = await poll_due_feeds(app, now=at)
        failed.append([why for _, why in report.failed])
        source = find_source(app.db, url)
        assert (source.failures, source.paused) == (0, False)
        at = source.next_poll_at
    assert hits(site, "/quay") == 1 + tries
    error = f"HTTP {status} {'Service Unavailable' if status == 503 else 'Gone'}"
    read_next = [f"feed entry page: {error}; its update is read next time"]
    given = [read_next[0].replace("is read next time", "is given up")]
    assert failed[: tries - 1] == [read_next] * (tries - 1)
    assert failed[tries - 1] == given and all(f == [] for f in failed[tries:])
    assert find_by_url(app.db, site.url("/quay")).body == stored.body  # the full version stays
