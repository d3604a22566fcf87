"""Pasted pages (qa20b F1, F2, F10, F12): a site's date line, tag lists, bylines without "By", mastheads."""

from datetime import UTC, datetime

from briefing.dates import day_only
from briefing.dumps import split_dump

HEADER_DATE = """Skip to content
Home | Angling | Rowing | Sailing
Thursday, 3 December 2026

Angling

Pike record broken at Lowmere reservoir

By Oskar Lindqvist, Angling Correspondent

Published 1 December 2026, 09:40 GMT

A 21kg pike caught at Lowmere reservoir on Sunday has broken the county record, the angling club said.

The fish was weighed by two club officials and released back into the water within ten minutes.
"""


def test_header_date_does_not_beat_the_articles_published_line() -> None:
    [draft] = split_dump(HEADER_DATE, source="x.txt")
    assert draft.published_at == datetime(2026, 12, 1, 9, 40, tzinfo=UTC)
    assert not draft.clock_unknown


def test_header_date_still_dates_an_article_without_its_own() -> None:
    text = HEADER_DATE.replace("Published 1 December 2026, 09:40 GMT\n", "")
    [draft] = split_dump(text, source="x.txt")
    assert draft.published_at == datetime(2026, 12, 3, tzinfo=UTC)
    assert draft.clock_unknown  # a day, not 00:00 UTC


def test_date_line_without_a_clock_is_a_day() -> None:
    text = HEADER_DATE.replace("Published 1 December 2026, 09:40 GMT", "Posted: 01/12/2026")
    [draft] = split_dump(text, source="x.txt")
    assert draft.published_at == datetime(2026, 12, 1, tzinfo=UTC)
    assert draft.clock_unknown


def test_day_only() -> None:
    assert day_only("November 24, 2026")
    assert day_only("Posted: 03/12/2025")
    assert day_only("2026-11-24")
    assert not day_only("Published 23 November 2026, 14:05 GMT")
    assert not day_only("2026-11-24T00:00:00Z")
    assert not day_only("Wed 12 Nov 2025 09.30 GMT")
    assert not day_only("no date here")
