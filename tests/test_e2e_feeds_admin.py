"""End to end, the admins and the feeds the bot polls: an address that is not a feed is not polled (QA12a
F4); /feeds lists the polled feeds with their addresses and state, /unfeed stops one (F16); /sources and
/stats show a feed failing before it is paused (F5), and to readers only the feeds their news comes from;
an /ingest of a feed with slow pages is acknowledged at once (F18)."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from aiohttp import web

from briefing.addresses import shown_url
from store.db import to_iso
from store.sources import find_source, record_poll_failure, record_poll_ok, set_polling, upsert_source
from tests.botapi import User
from tests.conftest import NOW
from tests.e2e_helpers import ADMIN, harness

pytestmark = pytest.mark.e2e
ADA = User(ADMIN, "Ada")
STUB = b"""<?xml version="1.0"?>
<head><title>Document Moved</title></head>
<body><h1>Object Moved</h1>This document may be found <a HREF="http://example.com/rss">here</a></body>
"""


@pytest.fixture
async def bot(botapi, tmp_path):
    async with harness(botapi, tmp_path / "bot.db", clock=lambda: NOW) as h:
        yield h


async def test_an_address_that_is_no_feed_is_not_added_to_the_polled_feeds(bot, site):
    site.add_bytes("/moved.rss", STUB, "application/rss+xml")
    url = site.url("/moved.rss")
    reply = await bot.ask(f"/ingest {url}", user=ADA, wait_text="Nothing was ingested")
    assert "not an RSS or Atom feed" in reply.text
    assert "not added to the feeds read on a schedule" in reply.text
    assert "is now read every" not in reply.text
    assert find_source(bot.app.db, url) is None


def add_feeds(bot) -> tuple[int, int, int]:
    """Three polled feeds: one read fine, one failing twice (not paused yet), one paused."""
    db = bot.app.db
    ids = []
    for path, name in (("/ok.xml", "Harbour News"), ("/flaky.xml", "Flaky Post"), ("/dead.xml", "Dead Wire")):
        source = upsert_source(db, kind="feed", location=f"http://feeds.test{path}", name=name, now=NOW)
        set_polling(db, source.id, True)
        ids.append(source.id)
    record_poll_ok(db, ids[0], now=NOW - timedelta(minutes=5), etag=None, last_modified=None)
    for _ in range(2):
        record_poll_failure(
            db, ids[1], now=NOW, error="HTTP 500 Internal Server Error", max_failures=5,
            next_poll_at=NOW + timedelta(minutes=40),
        )  # fmt: skip
    for _ in range(5):
        record_poll_failure(db, ids[2], now=NOW, error="HTTP 404 Not Found", max_failures=5)
    return ids[0], ids[1], ids[2]


async def test_admins_list_the_polled_feeds_with_their_addresses_and_state(bot):
    ok, flaky, dead = add_feeds(bot)
    reply = await bot.ask("/feeds", user=ADA)
    assert reply.text.startswith("Feeds read on a schedule (3)")
    assert f"#{ok} Harbour News — http://feeds.test/ok.xml — last read 5 min ago" in reply.text
    assert (
        f"#{flaky} Flaky Post — http://feeds.test/flaky.xml — failing (2× in a row: HTTP 500 Internal Server "
        "Error), next try in 40 min"
    ) in reply.text
    assert (
        f"#{dead} Dead Wire — http://feeds.test/dead.xml — paused after 5 failures: HTTP 404 Not Found"
        in reply.text
    )
    assert "/unfeed N" in reply.text


async def test_sources_and_stats_show_a_failing_feed_before_it_is_paused(bot):
    add_feeds(bot)
    reply = await bot.ask("/sources", user=ADA)
    assert (
        "Flaky Post — failing (2× in a row: HTTP 500 Internal Server Error), next try in 40 min" in reply.text
    )
    assert "Dead Wire — paused after failures" in reply.text
    assert "Harbour News — last read 5 min ago" in reply.text
    stats = await bot.ask("/stats", user=ADA)
    assert "Read from: 3 (3 feeds)" in stats.text and "Feeds polled: 2, 1 failing; 1 paused" in stats.text


async def test_readers_see_in_sources_only_the_feeds_their_news_comes_from(bot):
    ok, flaky, dead = add_feeds(bot)
    db = bot.app.db
    for n, source_id in enumerate((ok, flaky, dead)):  # each brought an article once
        when = to_iso(NOW)
        row = {"title": f"T{n}", "body": "B", "source": "Wire", "ingested_at": when, "dated_at": when}
        db["articles"].insert({**row, "content_hash": f"h{n}", "simhash": n, "source_id": source_id})
    upsert_source(db, kind="page", location="http://feeds.test/page.html", name="feeds.test", now=NOW)
    quiet = upsert_source(
        db, kind="feed", location="http://feeds.test/quiet.xml", name="Quiet Times", now=NOW
    )
    set_polling(db, quiet.id, True)
    record_poll_ok(db, quiet.id, now=NOW, etag=None, last_modified=None)
    reply = await bot.ask("/sources")
    assert "Harbour News — last read 5 min ago" in reply.text
    for hidden in ("Flaky Post", "Dead Wire", "Quiet Times", "feeds.test —", "paused", "failing"):
        assert hidden not in reply.text
    admin = await bot.ask("/sources", user=ADA)
    assert all(name in admin.text for name in ("Harbour News", "Flaky Post", "Dead Wire", "Quiet Times"))


async def test_an_admin_stops_polling_a_feed_by_number_or_address(bot):
    ok, _, _ = add_feeds(bot)
    reply = await bot.ask(f"/unfeed {ok}", user=ADA)
    assert "Harbour News (http://feeds.test/ok.xml) is no longer polled." in reply.text
    assert "/ingest http://feeds.test/ok.xml" in reply.text
    assert not find_source(bot.app.db, "http://feeds.test/ok.xml").poll
    reply = await bot.ask("/unfeed http://feeds.test/flaky.xml", user=ADA)
    assert "Flaky Post (http://feeds.test/flaky.xml) is no longer polled." in reply.text
    reply = await bot.ask("/feeds", user=ADA)
    assert reply.text.startswith("Feeds read on a schedule (1)") and "Harbour News" not in reply.text
    reply = await bot.ask(f"/unfeed {ok}", user=ADA)  # no longer polled
    assert "Harbour News (http://feeds.test/ok.xml) is not polled: it was stopped already." in reply.text
    reply = await bot.ask("/unfeed", user=ADA)
    assert reply.text.startswith("Which feed?")


async def test_feeds_and_unfeed_are_for_admins_only(bot):
    ok, _, _ = add_feeds(bot)
    for text in ("/feeds", f"/unfeed {ok}"):
        reply = await bot.ask(text)
        assert "only for the bot's administrators" in reply.text
    assert find_source(bot.app.db, "http://feeds.test/ok.xml").poll
    menu = [c["command"] for c in bot.server.commands()]
    assert "feeds" not in menu and "unfeed" not in menu


@pytest.mark.parametrize("typed", ["²", "#①", "99999999999999999999999", "-1", "#"])
async def test_unfeed_of_no_feeds_number_says_so(bot, typed):
    add_feeds(bot)
    reply = await bot.ask(f"/unfeed {typed}", user=ADA)
    assert f"No polled feed is “{typed}”." in reply.text, reply.text


def teaser_feed(base: str, keys) -> bytes:
    items = "".join(
        f"<item><title>Quay story {k}</title><link>{base}/story/{k}</link>"
        f"<description>Harbour officials in Gdynia weigh a ban on cruise ships {k}…</description></item>"
        for k in keys
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Baltic Post</title><link>{base}/</link>'
        f"{items}</channel></rss>"
    ).encode()


async def test_an_ingest_of_a_feed_with_slow_pages_is_acknowledged_before_the_work(bot, site):
    released = asyncio.Event()

    async def slow_page(request: web.Request) -> web.Response:
        await released.wait()  # answers only once the admin was told the work began
        return web.Response(status=404, text="gone")

    site.add_bytes("/rss", teaser_feed(site.base, "abc"), "application/rss+xml")
    for k in "abc":
        site.add(f"/story/{k}", slow_page)
    url = site.url("/rss?apikey=SEKRIT")
    bot.server.push_command(f"/ingest {url}", user=ADA)
    ack = await bot.server.wait_for_message(ADMIN, text="Reading")
    shown = shown_url(url)
    assert shown.startswith(site.url("/rss?apikey=***")) and "SEKRIT" not in shown
    assert (
        ack.text == f"Reading {shown} …\nA feed's entry pages can take a minute or two; the result follows."
    )
    assert not [m for m in bot.server.sent_messages(ADMIN) if "Ingested" in (m.text or "")]
    released.set()
    result = await bot.server.wait_for_message(ADMIN, text="Ingested", timeout=30)
    assert "Feed Baltic Post is now read every" in result.text
    texts = [m.text for m in bot.server.sent_messages(ADMIN)]
    assert texts.index(ack.text) < texts.index(result.text)
