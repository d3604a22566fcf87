"""A date line's time without a zone ("Published: Wed 13 Nov 2024, 6:19 PM") is read on the clock the
page writes its other times on, else on its outlet's country's clock when that country has one, else as
UTC (:func:`briefing.dumps.split_dump`, :func:`briefing.pages.parse_page`)."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from briefing.dates import day_only, parse_date, unzoned_clock, zone_written
from briefing.dumps import split_dump
from briefing.pages import parse_page
from briefing.site_zones import site_zone

CET = timezone(timedelta(hours=1))
LEAD = (
    "The harbour authority said on Tuesday that the new ferry line to the islands would start in spring, "
    "after two years of delays caused by the shortage of qualified crews."
)
MORE = "Residents of the islands have waited for the service since the old line closed in 2019."


def dated(*header: str) -> datetime | None:
    text = "\n\n".join(("Ferry line to the islands will start in spring", *header, LEAD, MORE)) + "\n"
    (draft,) = split_dump(text, source="ferry.txt")
    return draft.published_at


@pytest.mark.parametrize(
    ("text", "unzoned", "zone"),
    [
        ("Wed 13 Nov 2024, 6:19 PM", True, None),
        ("Publié le 13 novembre 2024 à 18h19", True, None),
        ("Wed 13 Nov 2024, 6:19 PM GMT", False, "+00:00"),
        ("Nov 13, 2024 6:19 PM +0530", False, "+05:30"),
        ("March 3, 2025 2 p.m. ET", False, "America/New_York"),
        ("2024-11-13T18:19:00Z", False, "+00:00"),
        ("13 Nov 2024", False, None),  # a day: no clock to read on any zone
    ],
)
def test_a_dates_zone_is_told_from_its_absence(text, unzoned, zone):
    assert (unzoned_clock(text), zone_written(text)) == (unzoned, zone)


def test_a_time_without_a_zone_is_read_on_the_zone_given():
    assert parse_date("Wed 13 Nov 2024, 6:19 PM", zone="Europe/Berlin") == datetime(
        2024, 11, 13, 18, 19, tzinfo=CET
    )
    assert parse_date("Wed 13 Nov 2024, 6:19 PM EST", zone="Europe/Berlin").utcoffset() == timedelta(hours=-5)
    assert parse_date("13 Nov 2024", zone="Asia/Tokyo") == datetime(2024, 11, 13, tzinfo=UTC)  # a day stays


@pytest.mark.parametrize(
    ("host", "zone"),
    [
        ("spiegel.de", "Europe/Berlin"),
        ("news.bbc.co.uk", "Europe/London"),
        ("www.lemonde.fr", "Europe/Paris"),
        ("nytimes.com", None),
        ("abc.net.au", None),  # several clocks, none clearly the country's
        ("techcrunch.io", None),  # a country domain sold as a generic name
        (None, None),
    ],
)
def test_an_outlets_zone_is_its_country_domains_one_clock(host, zone):
    assert site_zone(host) == zone


def test_a_dump_with_no_zone_anywhere_reads_the_time_as_utc():
    assert dated("Published: Wed 13 Nov 2024, 6:19 PM") == datetime(2024, 11, 13, 18, 19, tzinfo=UTC)


def test_a_zone_written_elsewhere_in_the_dump_is_its_clock():
    when = dated("Published: Wed 13 Nov 2024, 6:19 PM", "Updated: Thu 14 Nov 2024, 9:02 AM CET")
    assert when == datetime(2024, 11, 13, 18, 19, tzinfo=CET)


def test_two_zones_written_in_the_dump_tell_nothing():
    header = ("Published: Wed 13 Nov 2024, 6:19 PM", "Updated: Thu 14 Nov 2024, 9:02 AM CET", "14:52 GMT")
    assert dated(*header) == datetime(2024, 11, 13, 18, 19, tzinfo=UTC)


@pytest.mark.parametrize(
    ("credit", "expected"),
    [
        ("Source: www.spiegel.de", datetime(2024, 11, 13, 18, 19, tzinfo=CET)),
        ("URL: https://www.lemonde.fr/a/b", datetime(2024, 11, 13, 18, 19, tzinfo=CET)),
        ("URL: https://www.nytimes.com/a/b", datetime(2024, 11, 13, 18, 19, tzinfo=UTC)),
    ],
)
def test_the_outlets_country_gives_the_clock(credit, expected):
    assert dated(credit, "Published: Wed 13 Nov 2024, 6:19 PM") == expected


def test_a_zone_on_the_date_line_itself_wins_over_the_outlets():
    when = dated("Source: www.spiegel.de", "Published: Wed 13 Nov 2024, 6:19 PM GMT")
    assert when == datetime(2024, 11, 13, 18, 19, tzinfo=UTC)


def page(meta: str) -> str:
    return (
        f'<html><head><title>Ferry line</title><meta property="article:published_time" content="{meta}">'
        f"</head><body><article><h1>Ferry line</h1><p>{LEAD}</p><p>{MORE}</p></article></body></html>"
    )


@pytest.mark.parametrize(
    ("meta", "url", "expected"),
    [
        ("2024-11-13T18:19:00", "https://www.spiegel.de/a", datetime(2024, 11, 13, 18, 19, tzinfo=CET)),
        ("2024-11-13T18:19:00", "https://nytimes.com/a", datetime(2024, 11, 13, 18, 19, tzinfo=UTC)),
        ("2024-11-13T18:19:00-05:00", "https://www.spiegel.de/a", datetime(2024, 11, 13, 23, 19, tzinfo=UTC)),
        ("2024-11-13", "https://www.spiegel.de/a", datetime(2024, 11, 13, tzinfo=UTC)),
    ],
)
def test_a_pages_time_without_a_zone_is_on_its_outlets_clock(meta, url, expected):
    assert parse_page(page(meta), url).published_at == expected


AT_1819_UTC = datetime(2024, 11, 13, 18, 19, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "zone", "expected"),
    [
        ("2024-11-13 18:19 UTC", "+00:00", AT_1819_UTC),
        ("2024-11-13 18:19 GMT", "+00:00", AT_1819_UTC),
        ("2024-11-13 19:19:00 GMT+1", "+01:00", AT_1819_UTC),
        ("2024-11-13 19:19 CET", "+01:00", AT_1819_UTC),
        ("2024-11-13 13:19 ET", "America/New_York", AT_1819_UTC),
    ],
)
def test_a_zone_word_after_an_iso_dates_time_is_its_zone(text, zone, expected):
    assert (unzoned_clock(text), zone_written(text)) == (False, zone)
    assert parse_date(text, zone="Asia/Tokyo") == expected


@pytest.mark.parametrize("credit", ["Source: www.spiegel.de", "URL: https://www.nytimes.com/a/b"])
def test_an_iso_date_line_in_utc_is_neither_the_outlets_clock_nor_unknown(credit):
    header = "\n\n".join((credit, "Date: 2024-11-13 18:19 UTC", LEAD, MORE))
    (draft,) = split_dump(f"Ferry line to the islands will start in spring\n\n{header}\n", source="ferry.txt")
    assert (draft.published_at, draft.clock_unknown) == (AT_1819_UTC, False)


# QA24 F5: an ISO day whose time is written another way after it, a comma, "am"/"pm", a zone in brackets
@pytest.mark.parametrize(
    ("text", "zone", "expected"),
    [
        ("2024-11-13, 18:19 UTC", "+00:00", AT_1819_UTC),
        ("2024-11-13 6:19 pm UTC", "+00:00", AT_1819_UTC),
        ("2024-11-13 6:19 p.m. GMT", "+00:00", AT_1819_UTC),
        ("2024-11-13 18:19 (UTC)", "+00:00", AT_1819_UTC),
        ("2024-11-13 at 19:19 CET", "+01:00", AT_1819_UTC),
    ],
)
def test_an_iso_days_time_written_loosely_keeps_its_time_and_zone(text, zone, expected):
    assert (unzoned_clock(text), zone_written(text), day_only(text)) == (False, zone, False)
    assert parse_date(text, zone="Asia/Tokyo") == expected


def test_an_iso_days_loose_time_without_a_zone_is_on_an_unknown_clock():
    assert unzoned_clock("2024-11-13, 18:19") and not day_only("2024-11-13, 18:19")
    assert day_only("2024-11-13, 18 people")


@pytest.mark.parametrize("line", ["Published: 2024-11-13, 18:19 UTC", "Published: 2024-11-13 6:19 pm (UTC)"])
def test_a_dumps_iso_date_line_with_a_loose_time_dates_it(line):
    header = "\n\n".join(("By Ann Lee", line, LEAD, MORE))
    (draft,) = split_dump(f"Ferry line to the islands will start in spring\n\n{header}\n", source="ferry.txt")
    assert (draft.published_at, draft.clock_unknown) == (AT_1819_UTC, False)
