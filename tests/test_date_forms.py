"""Dates in the forms the rest of the world prints: Russian, Ukrainian and Arabic months, the year first
with slashes ("2026/03/18"), dashes between day, month and year ("18-03-2026"); a US zone puts the month
first; a day without a time (or at 00:00 without a zone) is a day, its clock unknown, in every form; and
only a "Z" on its own is the zone Z (:mod:`briefing.dates`)."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from briefing.dates import day_only, parse_date, zone_written
from briefing.dumps import split_dump
from briefing.feeds import parse_feed

MSK = timezone(timedelta(hours=3))
KST = timezone(timedelta(hours=9))


def day(year: int, month: int, d: int) -> datetime:
    return datetime(year, month, d, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("18 марта 2026", day(2026, 3, 18)),
        ("5 мая 2026 года", day(2026, 5, 5)),
        ("Ср, 18 мар 2026", day(2026, 3, 18)),
        ("Среда, 2 сентября 2026", day(2026, 9, 2)),
        ("18 березня 2026", day(2026, 3, 18)),
        ("7 травня 2026 року", day(2026, 5, 7)),
        ("1 січня 2027", day(2027, 1, 1)),
        ("18 مارس 2026", day(2026, 3, 18)),
        ("الأربعاء 2 سبتمبر 2026", day(2026, 9, 2)),
        ("9 أغسطس 2026", day(2026, 8, 9)),  # hamza on the alef, or not: one month
        ("9 اغسطس 2026", day(2026, 8, 9)),
        ("9 آب 2026", day(2026, 8, 9)),  # the Levant's name, two letters
        ("3 كانون الثاني 2027", day(2027, 1, 3)),  # the Levant's two-word January
        ("3 يناير/كانون الثاني 2027", day(2027, 1, 3)),  # both names, as Al Jazeera prints them
        ("١٨ مارس ٢٠٢٦", day(2026, 3, 18)),  # Arabic-Indic digits
        ("2026/03/18", day(2026, 3, 18)),
        ("2026.03.18", day(2026, 3, 18)),
        ("18-03-2026", day(2026, 3, 18)),
        ("07-03-2026", day(2026, 3, 7)),  # day first, as with slashes and dots
    ],
)
def test_dates_in_cyrillic_arabic_and_numeric_forms_are_read_as_days(text, expected):
    assert parse_date(text) == expected
    assert day_only(text)


def test_a_year_first_date_keeps_its_time_and_zone():
    assert parse_date("2026/03/18 07:45 KST") == datetime(2026, 3, 18, 7, 45, tzinfo=KST)


def test_a_russian_feed_date_is_read():
    data = """<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
    <item><title>Сессия парламента</title><link>http://x.test/a</link>
    <pubDate>Ср, 18 мар 2026 09:30:00 +0300</pubDate>
    <description>Депутаты собрались на весеннюю сессию. Она продлится месяц.</description></item>
    </channel></rss>""".encode()
    [entry] = parse_feed(data).entries
    assert entry.draft.published_at == datetime(2026, 3, 18, 9, 30, tzinfo=MSK)


@pytest.mark.parametrize("text", ["18 Smarch 2026", "Room 18 Block 2026", "2026/13/45", "45-03-2026"])
def test_no_date_is_read_where_no_month_is_named(text):
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("03/07/2026 9:10 AM ET", datetime(2026, 3, 7, 9, 10, tzinfo=timezone(timedelta(hours=-5)))),
        ("03/07/2026 9:10 AM EST", datetime(2026, 3, 7, 9, 10, tzinfo=timezone(timedelta(hours=-5)))),
        ("07/04/2026 4:00 PM PT", datetime(2026, 7, 4, 16, 0, tzinfo=timezone(timedelta(hours=-7)))),
        ("Posted 03/07/2026 11:00 CDT", datetime(2026, 3, 7, 11, 0, tzinfo=timezone(timedelta(hours=-5)))),
    ],
)
def test_a_us_zone_puts_the_month_first(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("03/07/2026 9:10", datetime(2026, 7, 3, 9, 10, tzinfo=UTC)),  # no cue: day first
        ("03/07/2026 9:10 CET", datetime(2026, 7, 3, 9, 10, tzinfo=timezone(timedelta(hours=1)))),
        ("03/07/2026", day(2026, 7, 3)),
        ("03/27/2026 9:10", datetime(2026, 3, 27, 9, 10, tzinfo=UTC)),  # 27 can be no month
        ("27/03/2026 9:10 ET", datetime(2026, 3, 27, 9, 10, tzinfo=timezone(timedelta(hours=-4)))),
    ],
)
def test_without_a_us_zone_the_day_comes_first(text, expected):
    assert parse_date(text) == expected


def test_a_time_followed_by_a_word_in_z_has_no_zone():
    assert zone_written("2026-03-18 10:30 zoo officials said") is None
    assert zone_written("2026-03-18T10:30Z") == "+00:00"
    assert zone_written("2026-03-18 10:30 Z") == "+00:00"
    on_berlin = parse_date("2026-03-18 10:30 zoo keepers", zone="Europe/Berlin")
    assert on_berlin == datetime(2026, 3, 18, 10, 30, tzinfo=timezone(timedelta(hours=1)))


@pytest.mark.parametrize("text", ["18 Mar 2026 00:00", "2026-03-18T00:00:00", "18.03.2026 00:00"])
def test_midnight_without_a_zone_is_a_day(text):
    assert day_only(text)
    assert parse_date(text, zone="Europe/Berlin") == day(2026, 3, 18)


@pytest.mark.parametrize("text", ["18 Mar 2026 00:00 GMT", "2026-03-18T00:00:00Z", "18 Mar 2026 00:00 +0100"])
def test_midnight_with_a_zone_is_a_moment(text):
    assert not day_only(text)


@pytest.mark.parametrize("text", ["18.03.2026", "18/03/2026", "Date: 18.03.2026", "Date: 18/03/2026"])
def test_a_numeric_day_has_no_clock_in_any_form(text):
    assert day_only(text)


LEAD = (
    "The regional council voted on Wednesday to close the old bridge over the river for repairs, "
    "officials said after a long session."
)
MORE = "Traffic will be sent through the northern ring road until the work ends in the autumn."


@pytest.mark.parametrize("line", ["18.03.2026", "Date: 18/03/2026", "18 марта 2026", "2026/03/18"])
def test_a_dump_stores_a_day_date_line_with_its_clock_unknown(line):
    text = "\n\n".join(("Old bridge to close for repairs", line, LEAD, MORE)) + "\n"
    (draft,) = split_dump(text, source="bridge.txt")
    assert draft.published_at == day(2026, 3, 18)
    assert draft.clock_unknown
