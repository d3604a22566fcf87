"""Date lines left from session 14 (qa26 F10): a US region's word after the time ("6:19 PM Eastern") puts
the month first as "ET" does, and a two-digit year ("24.11.26") is read when the day and the month can be
told apart."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from briefing.dates import parse_date
from briefing.dumps import split_dump

LEAD = "Tram drivers in the city voted"

NEW_YORK_5_NOV = timezone(timedelta(hours=-5))
PACIFIC, CENTRAL, MOUNTAIN = (timezone(timedelta(hours=-h)) for h in (8, 6, 7))


@pytest.mark.parametrize(
    ("line", "when"),
    [
        ("11/05/2026 6:19 PM Eastern", datetime(2026, 11, 5, 18, 19, tzinfo=NEW_YORK_5_NOV)),
        (
            "11/05/2026 3:19 p.m. Pacific Time",
            datetime(2026, 11, 5, 15, 19, tzinfo=PACIFIC),
        ),
        ("11/05/2026 5:19 PM Central", datetime(2026, 11, 5, 17, 19, tzinfo=CENTRAL)),
        (
            "03/04/2026 10:00 Mountain Standard Time",
            datetime(2026, 3, 4, 10, 0, tzinfo=MOUNTAIN),
        ),
        # a place's word after the time is no US clock: the day comes first, as without it
        ("11/05/2026 14:05 Central European Time", datetime(2026, 5, 11, 14, 5, tzinfo=UTC)),
        ("11/05/2026 18:19 Pacific Islands Forum", datetime(2026, 5, 11, 18, 19, tzinfo=UTC)),
    ],
)
def test_a_us_regions_word_after_the_time_puts_the_month_first(line, when):
    assert parse_date(line) == when


@pytest.mark.parametrize(
    ("line", "when"),
    [
        ("24.11.26", datetime(2026, 11, 24, tzinfo=UTC)),
        ("24/11/26", datetime(2026, 11, 24, tzinfo=UTC)),
        ("13.02.26 09:30", datetime(2026, 2, 13, 9, 30, tzinfo=UTC)),
        ("07.07.26", datetime(2026, 7, 7, tzinfo=UTC)),
        ("11/05/26 6:19 PM ET", datetime(2026, 11, 5, 18, 19, tzinfo=NEW_YORK_5_NOV)),
        ("Published: 24.11.26", datetime(2026, 11, 24, tzinfo=UTC)),
    ],
)
def test_a_two_digit_year_is_read_when_the_day_is_plain(line, when):
    assert parse_date(line) == when


@pytest.mark.parametrize(
    ("line", "when"),
    [
        ("Posted 24/11/26 at 9:15", datetime(2026, 11, 24, 9, 15, tzinfo=UTC)),
        ("Mi., 24.11.26", datetime(2026, 11, 24, tzinfo=UTC)),
        ("Politics | 24.11.26", datetime(2026, 11, 24, tzinfo=UTC)),
        ("Updated on 24.11.26", datetime(2026, 11, 24, tzinfo=UTC)),
    ],
)
def test_a_two_digit_year_after_a_dating_word_a_weekday_or_a_separator_is_read(line, when):
    assert parse_date(line) == when


@pytest.mark.parametrize("line", ["Tel. 24.11.26", "Room 24.11.26", "Call 030 24.11.26", "Version 13.02.26"])
def test_a_two_digit_year_after_any_other_word_is_no_date(line):
    """QA31 F9: "Tel. 24.11.26" and "Room 24.11.26" were read as 24 November 2026: a short year's figures
    after any word are as likely a phone number, a room or a version."""
    assert parse_date(line) is None


@pytest.mark.parametrize("line", ["05.11.26", "10.0.24.11", "3-1-26", "v1.12.26", "1.2.3.4"])
def test_an_ambiguous_short_date_or_a_run_of_figures_is_not_read(line):
    assert parse_date(line) is None


SHORT_DATED = """Tram drivers vote to strike over night shifts

{date}

Tram drivers in the city voted on Monday to strike for two days next month over changes to night shifts.
"""


def test_a_dump_dated_with_a_two_digit_year_is_dated():
    [draft] = split_dump(SHORT_DATED.format(date="24.11.26"), source="courier.txt")
    assert draft.published_at == datetime(2026, 11, 24, tzinfo=UTC)
    [vague] = split_dump(SHORT_DATED.format(date="05.11.26"), source="courier.txt")
    assert vague.published_at is None
    assert vague.body.startswith(LEAD)
