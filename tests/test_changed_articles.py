"""Articles that change after they are first ingested, over 127.0.0.1 (qa32c F2, F5, F6, F8; qa32b F9): a
feed's summary kept while its page failed gives way to the page once read; a page ingested again after it
changed is its new version, as a feed's update is; one page in two feeds is not fetched at every poll; an
update is told apart from news; a page read for a feed entry names its site as the page read directly."""

import logging
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from aiohttp import web
from conftest import NOW

from briefing.adapters.fetch import FetchConfig, Fetcher
from briefing.models import TEASER_KEPT, IngestReport
from briefing.service.admin import _counts
from briefing.service.feed_polls import ingest_feed
from briefing.service.ingest import ingest_sources
from store.articles import count_articles, find_by_url, near_duplicates_of, page_versions

FAST = FetchConfig(timeout=2.0, max_bytes=1_000_000, max_redirects=3, user_agent="TestBot/1.0")

TEASER = (
    "Dock workers at the port of Rotterdam walked out on Tuesday in a dispute over automation, halting "
    "container traffic at Europe's largest port, the FNV union said."
)
PORT = (
    TEASER,
    "The union said the strike would last 48 hours unless the port's operators agreed to talks on the "
    "robot cranes planned for the Maasvlakte terminals, which it says put 800 jobs at risk.",
    "Shipping lines diverted three container ships to Antwerp and Hamburg, and the port authority said "
    "queues of lorries stretched for several kilometres along the A15 motorway on Tuesday afternoon.",
)
QUAKE = (
    "A magnitude 6.4 earthquake struck the mountainous Valdoria province early on Wednesday, killing at "
    "least {toll} people and injuring dozens more, the regional emergency service said.",
    "Rescue teams searched collapsed apartment blocks in the provincial capital Orvel, where power lines "
    "were down and roads into the surrounding villages had been cut by landslides overnight.",
    "The interior ministry said army units had been sent to help, and that schools across the province "
    "would stay closed for the rest of the week while engineers inspected the buildings.",
)
BY_AFTERNOON = (
    "By the afternoon the death toll had risen to 27, with 140 people injured and 3,000 displaced, the "
    "emergency service said."
)


def html(title: str, paragraphs, site_name: str | None = None) -> bytes:
    meta = f'<meta property="og:site_name" content="{site_name}">' if site_name else ""
    text = "".join(f"<p>{p}</p>" for p in paragraphs)
    head = f"<html><head><title>{title}</title>{meta}</head>"
    return f"{head}<body><article><h1>{title}</h1>{text}</article></body></html>".encode()


def rss(title: str, items) -> bytes:
    entries = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid isPermaLink='false'>{guid}</guid>"
        f"<pubDate>Wed, 25 Nov 2026 10:00:00 +0000</pubDate><description>{TEASER}</description></item>"
        for t, link, guid in items
    )
    channel = f"<title>{title}</title><link>http://x.test/</link><description>news</description>{entries}"
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{channel}</channel></rss>'.encode()


@pytest.fixture
async def fetcher():
    async with Fetcher(FAST) as f:
        yield f


@dataclass
class Port:
    """A site whose feed teases one page, which answers ``status`` (503: down for now); hits counted."""

    site: object
    link: str = ""
    status: int = 200
    hits: dict = field(default_factory=dict)

    def serve(self, *, link: str | None = None) -> "Port":
        self.link = link or self.site.url("/p/port.html")

        async def page(request):
            self.hits["page"] = self.hits.get("page", 0) + 1
            if self.status != 200:
                return web.Response(status=self.status)
            return web.Response(
                body=html("Dock workers strike halts Rotterdam port", PORT), content_type="text/html"
            )

        async def feed(request):
            body = rss("Valdoria Herald", [("Dock workers strike halts Rotterdam port", self.link, "e-1")])
            return web.Response(body=body, content_type="application/rss+xml", headers={"ETag": '"f1"'})

        self.site.add("/p/port.html", page)
        self.site.add("/feed.xml", feed)
        return self


async def test_a_summary_kept_while_the_page_was_down_gives_way_to_the_page_at_the_next_read(
    app, site, fetcher
):
    port = Port(site, status=503).serve()
    first = await ingest_sources(app, [site.url("/feed.xml")], fetcher=fetcher)  # no later poll to wait for
    assert first.new == 1 and "kept the feed's summary" in first.notes[0][1]
    assert find_by_url(app.db, port.link).body == TEASER
    port.status = 200
    # the feed answers with the same ETag: read whole all the same, and the page fetched this time
    second = await ingest_sources(app, [site.url("/feed.xml")], fetcher=fetcher)
    assert (second.new, second.updated, second.duplicate, second.failed) == (0, 1, 0, ())
    current = find_by_url(app.db, port.link)
    assert "Maasvlakte" in current.body and not current.teaser
    assert [v.body == TEASER for v in page_versions(app.db, port.link)] == [True, False]
    # read now: not fetched again
    third = await ingest_sources(app, [site.url("/feed.xml")], fetcher=fetcher)
    assert (third.new, third.updated, port.hits["page"]) == (0, 0, 2)


async def test_a_summary_whose_page_fails_a_polled_feeds_whole_wait_is_not_fetched_at_every_poll(
    app, site, fetcher
):
    port = Port(site, status=503).serve()
    await ingest_sources(app, [site.url("/feed.xml")], fetcher=fetcher)  # the summary, to read again
    polled = await ingest_sources(app, [site.url("/feed.xml")], fetcher=fetcher, poll=True)
    assert "read next time" in polled.failed[0][1]  # polled now: the page gets its wait
    app.clock = lambda: NOW + timedelta(hours=3)  # past the wait (2 h 30 min)
    waited = await ingest_feed(app, site.url("/feed.xml"), fetcher=fetcher)
    assert waited.failed == () and find_by_url(app.db, port.link).teaser == TEASER_KEPT
    hits = port.hits["page"]
    app.clock = lambda: NOW + timedelta(hours=4)
    await ingest_feed(app, site.url("/feed.xml"), fetcher=fetcher)
    assert port.hits["page"] == hits  # the summary is kept for good: an ingest of the page reads it
    port.status = 200
    assert (await ingest_sources(app, [port.link], fetcher=fetcher)).updated == 1


async def test_the_page_ingested_itself_replaces_the_feeds_summary_kept_for_it(app, site, fetcher):
    port = Port(site, status=503).serve()
    await ingest_sources(app, [site.url("/feed.xml")], fetcher=fetcher)
    port.status = 200
    report = await ingest_sources(app, [port.link], fetcher=fetcher)
    assert (report.new, report.updated, report.duplicate) == (0, 1, 0)
    assert "Maasvlakte" in find_by_url(app.db, port.link).body


async def test_a_page_over_http_is_the_one_its_feed_linked_over_https(app, site, fetcher):
    secure = site.url("/p/port.html").replace("http://", "https://")  # no TLS here: it cannot be fetched
    Port(site).serve(link=secure)
    first = await ingest_sources(app, [site.url("/feed.xml")], fetcher=fetcher)
    assert first.new == 1 and find_by_url(app.db, secure).body == TEASER
    report = await ingest_sources(app, [site.url("/p/port.html")], fetcher=fetcher)
    assert (report.new, report.updated) == (0, 1)
    # one page, under the https address the feed gave it, its summary set aside
    assert [v.url for v in page_versions(app.db, secure)] == [f"{secure}#version-1", secure]
    assert "Maasvlakte" in find_by_url(app.db, site.url("/p/port.html")).body
    assert count_articles(app.db) == 2


async def test_a_page_ingested_again_after_it_changed_is_its_new_version(app, site, fetcher):
    text = {"paragraphs": [p.format(toll="12") for p in QUAKE]}

    async def quake(request):
        return web.Response(
            body=html("Earthquake kills 12 in Valdoria", text["paragraphs"]), content_type="text/html"
        )

    site.add("/quake.html", quake)
    url = site.url("/quake.html")
    assert (await ingest_sources(app, [url], fetcher=fetcher)).new == 1
    same = await ingest_sources(app, [url], fetcher=fetcher)
    assert (same.new, same.updated, same.duplicate) == (0, 0, 1)
    text["paragraphs"] = ["Updated at 14:05", *(p.format(toll="27") for p in QUAKE), BY_AFTERNOON]
    changed = await ingest_sources(app, [url], fetcher=fetcher)
    assert (changed.new, changed.updated, changed.duplicate) == (0, 1, 0)
    assert "at least 27 people" in find_by_url(app.db, url).body
    assert len(page_versions(app.db, url)) == 2
    # a typo fixed is still a near-duplicate of the version stored, as a feed's update would be
    text["paragraphs"] = [p.replace("surrounding", "surounding") for p in text["paragraphs"]]
    typo = await ingest_sources(app, [url], fetcher=fetcher)
    assert (typo.updated, typo.near_duplicate) == (0, 1)
    assert near_duplicates_of(app.db, find_by_url(app.db, url).id)


async def test_one_page_in_two_feeds_under_two_titles_is_not_fetched_at_every_poll(app, site, fetcher):
    hits = {"page": 0}

    async def page(request):
        hits["page"] += 1
        return web.Response(
            body=html("Dock workers strike halts Rotterdam port", PORT), content_type="text/html"
        )

    link = site.url("/p/port.html")
    site.add("/p/port.html", page)
    a = rss("Desk A", [("Dock workers strike halts Rotterdam port", link, "a-1")])
    b = rss(
        "Desk B", [("Rotterdam port strike: dock workers walk out", f"{link}?utm_source=partner", "b-77")]
    )
    site.add_bytes("/a.xml", a, "application/rss+xml")
    site.add_bytes("/b.xml", b, "application/rss+xml")
    feeds = [site.url("/a.xml"), site.url("/b.xml")]
    for _ in range(3):
        for feed in feeds:
            await ingest_sources(app, [feed], fetcher=fetcher)
    assert hits["page"] == 1
    assert count_articles(app.db) == 1


async def test_an_update_read_again_is_told_in_the_report_not_logged_without_verbose(
    app, site, fetcher, caplog
):
    port = Port(site, status=503).serve()
    await ingest_sources(app, [site.url("/feed.xml")], fetcher=fetcher)
    port.status = 200
    caplog.set_level(logging.INFO)
    report = await ingest_sources(app, [site.url("/feed.xml")], fetcher=fetcher)
    assert report.updated == 1
    assert not [r for r in caplog.records if r.levelno >= logging.INFO and "read again" in r.getMessage()]


def test_the_admins_reply_counts_updates_apart_from_news():
    reply = _counts(IngestReport(new=2, updated=1, duplicate=3))
    text = " ".join(block.text for block in reply)
    assert "2 new, 1 updated, 3 already known" in text


async def test_a_page_read_for_a_feed_entry_is_named_by_its_site_as_the_page_read_directly(
    app, site, fetcher
):
    link = site.url("/p/port.html")
    site.add_bytes(
        "/p/port.html", html("Dock workers strike halts Rotterdam port", PORT, "Markets Desk"), "text/html"
    )
    site.add_bytes(
        "/rss.xml",
        rss("Markets Desk - Markets", [("Dock workers strike", link, "m-1")]),
        "application/rss+xml",
    )
    await ingest_sources(app, [site.url("/rss.xml")], fetcher=fetcher)
    assert find_by_url(app.db, link).source == "Markets Desk"


async def test_a_page_naming_no_site_keeps_its_feeds_name(app, site, fetcher):
    link = site.url("/p/port.html")
    site.add_bytes("/p/port.html", html("Dock workers strike halts Rotterdam port", PORT), "text/html")
    site.add_bytes(
        "/rss.xml", rss("Valdoria Herald", [("Dock workers strike", link, "v-1")]), "application/rss+xml"
    )
    await ingest_sources(app, [site.url("/rss.xml")], fetcher=fetcher)
    assert find_by_url(app.db, link).source == "Valdoria Herald"


async def test_an_update_of_a_page_that_moved_goes_under_its_new_url_as_the_page_path_stores_it(
    app, site, fetcher
):
    """qa32c F9: the entry's link now answers 301 to the page's new canonical URL."""
    old, new = site.url("/news/quake.html"), site.url("/world/quake-toll-27.html")
    state = {"moved": False, "date": "Wed, 25 Nov 2026 09:00:00 +0000", "hits": 0}

    def canonical(url: str, title: str, toll: str) -> bytes:
        paragraphs = [p.format(toll=toll) for p in QUAKE] + ([BY_AFTERNOON] if toll == "27" else [])
        return html(title, paragraphs).replace(
            b"</head>", f'<link rel="canonical" href="{url}"></head>'.encode()
        )

    async def quake(request):
        state["hits"] += 1
        if state["moved"]:
            return web.Response(status=301, headers={"Location": new})
        return web.Response(
            body=canonical(old, "Earthquake kills 12 in Valdoria", "12"), content_type="text/html"
        )

    async def moved(request):
        return web.Response(
            body=canonical(new, "Earthquake kills 27 in Valdoria", "27"), content_type="text/html"
        )

    async def feed(request):
        item = (
            f"<item><title>Earthquake in Valdoria</title><link>{old}</link>"
            f"<guid isPermaLink='false'>q-1</guid><pubDate>{state['date']}</pubDate>"
            "<description>An earthquake struck Valdoria.</description></item>"
        )
        channel = f"<channel><title>Valdoria Herald</title>{item}</channel>"
        body = f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'
        return web.Response(body=body.encode(), content_type="application/rss+xml")

    site.add("/news/quake.html", quake)
    site.add("/world/quake-toll-27.html", moved)
    site.add("/quake.xml", feed)
    assert (await ingest_sources(app, [site.url("/quake.xml")], fetcher=fetcher)).new == 1
    state.update(moved=True, date="Wed, 25 Nov 2026 14:05:00 +0000")
    update = await ingest_sources(app, [site.url("/quake.xml")], fetcher=fetcher)
    assert (update.new, update.updated, update.failed) == (0, 1, ())
    current = find_by_url(app.db, new)
    assert current.url == new and "at least 27 people" in current.body
    assert [v.url for v in page_versions(app.db, new)] == [f"{new}#version-1", new]
    assert find_by_url(app.db, old).id == current.id  # the feed's link is the page's old address
    again = await ingest_sources(app, [site.url("/quake.xml")], fetcher=fetcher)
    assert (again.new, again.updated, again.duplicate, state["hits"]) == (0, 0, 1, 2)
