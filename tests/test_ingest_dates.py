"""Dates at ingest: a date ahead of the clock is dropped, the same way for dumps, pages and feeds."""

from datetime import UTC, datetime, timedelta

import httpx
import pytest
from conftest import FIXTURES, NOW
from test_ingest import FAST, FERRY, STORY, story_page

from briefing.adapters.fetch import Fetcher
from briefing.service.batches import FUTURE_TOLERANCE, credible_date
from briefing.service.ingest import ingest_files, ingest_sources
from store.articles import find_by_url, latest_articles


def rss(*items: tuple[str, str, str, str]) -> bytes:
    """A feed of (title, path, pubDate, description) entries."""
    entries = "".join(
        f"<item><title>{title}</title><link>https://news.test/{path}</link>"
        f"<description><![CDATA[{text}]]></description><pubDate>{when}</pubDate></item>"
        for title, path, when, text in items
    )
    head = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://news.test/</link>'
    )
    return (head + entries + "</channel></rss>").encode()


@pytest.mark.parametrize(
    ("ahead", "kept"),
    [(timedelta(0), True), (FUTURE_TOLERANCE, True), (FUTURE_TOLERANCE + timedelta(seconds=1), False)],
)
def test_a_date_ahead_of_the_clock_beyond_the_tolerance_is_dropped(ahead, kept):
    assert credible_date(NOW + ahead, NOW) == (NOW + ahead if kept else None)
    assert credible_date(None, NOW) is None


async def test_a_feed_entry_dated_ahead_is_dated_when_ingested(app, tmp_path):
    full = STORY.replace("<p>", "").replace("</p>", "") * 2
    other = (
        FERRY.replace("<p>", "").replace("</p>", "") * 2
    )  # another story: a copy would be a near-duplicate
    feed = tmp_path / "wire.rss"
    feed.write_bytes(
        rss(
            ("Dated a year ahead", "ahead", "Fri, 23 Jan 2026 12:00:00 GMT", full),
            ("Dated minutes ahead", "skew", "Thu, 23 Jan 2025 12:05:00 GMT", other),
        )
    )
    report = ingest_files(app, [feed])
    assert report.new == 2 and report.failed == ()
    ahead = find_by_url(app.db, "https://news.test/ahead")
    assert ahead.published_at is None and ahead.when == NOW
    assert find_by_url(app.db, "https://news.test/skew").published_at == NOW + timedelta(minutes=5)
    assert report.notes == (
        (
            f"{feed}: Dated a year ahead",
            "its date, 23 Jan 2026 12:00 UTC, is ahead of the clock: dated when ingested",
        ),
    )
    # it does not stay at the top of /latest: the one a few minutes ahead of the clock does
    assert [a.title for a in latest_articles(app.db)] == ["Dated minutes ahead", "Dated a year ahead"]


async def test_a_page_dated_ahead_is_dated_when_ingested_as_a_feed_entry_is(app, tmp_path):
    page = tmp_path / "strike.html"  # published 2 March 2025, after the test's clock
    page.write_bytes((FIXTURES / "pages" / "port_strike.html").read_bytes())
    report = ingest_files(app, [page])
    [article] = latest_articles(app.db)
    assert article.published_at is None and article.when == NOW
    assert [reason for _, reason in report.notes] == [
        "its date, 2 Mar 2025 09:15 UTC, is ahead of the clock: dated when ingested"
    ]


async def test_a_teaser_dated_ahead_takes_its_pages_date(app, tmp_path):
    feed = tmp_path / "wire.rss"
    feed.write_bytes(rss(("Harbour wall", "wall", "Fri, 23 Jan 2026 12:00:00 GMT", "The council met…")))
    page = story_page("Harbour wall", STORY).replace(
        b"</title>", b'</title><meta property="article:published_time" content="2025-01-22T08:00:00Z">'
    )

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=page, headers={"content-type": "text/html"})

    async with Fetcher(FAST, transport=httpx.MockTransport(handler)) as fetcher:
        report = await ingest_sources(app, [str(feed)], fetcher=fetcher)
    assert (report.new, report.notes) == (1, ())
    stored = find_by_url(app.db, "https://news.test/wall")
    assert stored.published_at == datetime(2025, 1, 22, 8, 0, tzinfo=UTC)


async def test_a_date_written_with_a_zone_abbreviation_keeps_its_zone(app, tmp_path):
    dump = tmp_path / "council.txt"
    dump.write_text(
        "Council approves the harbour budget\n\nPublished: January 21, 2025 at 3:14 pm EST\n\n"
        "The city council approved the harbour budget on Tuesday after a long debate about the cost of "
        "raising the sea wall, officials said.\n",
        encoding="utf-8",
    )
    assert ingest_files(app, [dump]).new == 1
    [article] = latest_articles(app.db)
    assert article.published_at == datetime(2025, 1, 21, 20, 14, tzinfo=UTC)
