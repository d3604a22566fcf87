"""Placeholder and impossible dates are no date: the article is kept and dated as an undated one is."""

from datetime import UTC, datetime

import pytest
from conftest import NOW
from test_ingest_dates import rss

from briefing.dates import parse_date, plausible
from briefing.feeds import parse_feed
from briefing.service.ingest import ingest_files
from store.articles import latest_articles

LEAD = (
    "The city council approved a plan on Tuesday to build a new harbour in the northern district, with "
    "construction expected to start next spring and cost nine million euros."
)
VOTE = "The plan was backed by 31 of the 45 councillors after a debate of four hours."
STORY = " ".join([LEAD, VOTE, LEAD])


@pytest.mark.parametrize(
    "written",
    [
        "0001-01-01T00:00:00Z",  # Go's and .NET's zero time
        "1970-01-01T00:00:00Z",  # the Unix epoch
        "Thu, 01 Jan 1970 00:00:00 GMT",
        "Wed, 31 Dec 1969 19:00:00 EST",  # the epoch on New York's clock
        "1900-01-01",
        "12 March 1850",
    ],
)
def test_a_placeholder_date_reads_as_no_date(written):
    assert parse_date(written) is None


def test_a_real_date_near_a_placeholder_is_kept():
    assert parse_date("1970-01-02T10:00:00Z") == datetime(1970, 1, 2, 10, tzinfo=UTC)
    assert plausible(datetime(2026, 1, 1, tzinfo=UTC)) == datetime(2026, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("0001-01-01T00:00:00Z", None),
        ("Thu, 01 Jan 1970 00:00:00 GMT", None),
        ("2026-13-45T99:00:00Z", None),  # feedparser carries it over to 1 Jan 2027
        ("Sun, 22 Nov 2026 10:00:00 +2500", datetime(2026, 11, 22, 10, tzinfo=UTC)),  # no such zone
        ("Sun, 22 Nov 2026 10:00:00 +0100", datetime(2026, 11, 22, 9, tzinfo=UTC)),
        ("2026-11-22T10:00:00+25:00", datetime(2026, 11, 22, 10, tzinfo=UTC)),
    ],
)
def test_a_feed_entrys_placeholder_or_impossible_date(written, read):
    [entry] = parse_feed(rss(("Harbour plan", "harbour", written, LEAD))).entries
    assert entry.draft.published_at == read
    assert entry.stamp == read


def test_a_feed_entry_with_a_zero_date_is_kept(app, tmp_path):
    feed = tmp_path / "cms.rss"
    feed.write_bytes(rss(("Harbour plan", "harbour", "0001-01-01T00:00:00Z", STORY * 4)))
    report = ingest_files(app, [feed])
    assert report.new == 1 and report.failed == ()
    [article] = latest_articles(app.db)
    assert article.published_at is None and article.when == NOW


def test_a_dump_with_a_zero_date_is_kept(app, tmp_path):
    dump = tmp_path / "export.txt"
    dump.write_text(f"Title: City approves new harbour plan\nDate: 0001-01-01T00:00:00Z\n{LEAD}\n")
    report = ingest_files(app, [dump])
    assert report.new == 1 and report.failed == ()
    [article] = latest_articles(app.db)
    assert article.title == "City approves new harbour plan"
    assert article.published_at is None and article.when == NOW
