"""A date line without a time over a time alone on the next line ("Published: Wed 13 Nov 2024" over
"6:19 PM", "13 November 2024" over "18:19 GMT"): the article is dated at that time, the time line is no
text, and a time without a zone is read on the outlet's clock, or marked as of an unknown one, as the
same date and time on one line are."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from briefing.dumps import split_dump
from briefing.furniture import time_alone

TITLE = "Harbour authority names a date for the new ferry line"
LEAD = (
    "The harbour authority said on Wednesday that the new ferry line to the islands would start in "
    "spring, after two years of delays caused by the shortage of qualified crews."
)
MORE = "Residents of the islands have waited for the service since the old line closed in 2019."
AT_1819 = datetime(2024, 11, 13, 18, 19, tzinfo=UTC)
NEW_YORK_1819 = datetime(2024, 11, 13, 18, 19, tzinfo=timezone(-timedelta(hours=5)))


def one(*header: str):
    """The one article of a dump of a title, these header lines (one a line, no blank between them) and
    two paragraphs."""
    (draft,) = split_dump("\n\n".join((TITLE, "\n".join(header), LEAD, MORE)) + "\n", source="x.txt")
    return draft


@pytest.mark.parametrize(
    ("date", "time", "when"),
    [
        ("13 November 2024", "18:19 GMT", AT_1819),
        ("13 November 2024", "18:19 (GMT)", AT_1819),
        (
            "Wed 13 Nov 2024",
            "6:19 p.m. ET",
            datetime(2024, 11, 13, 18, 19, tzinfo=timezone(-timedelta(hours=5))),
        ),
        ("Published: Wed 13 Nov 2024", "6:19 PM", AT_1819),
        ("Posted on 13 Nov 2024", "at 18:19", AT_1819),
        ("13. November 2024", "18:19 Uhr", AT_1819),
        ("13 novembre 2024", "18h19", AT_1819),
        ("13 November 2024", "6 PM", datetime(2024, 11, 13, 18, tzinfo=UTC)),
        ("13 November 2024", "Posted at 6.19pm", AT_1819),
    ],
)
def test_the_time_on_the_line_under_a_date_dates_the_article_and_leaves_the_text(date, time, when):
    draft = one(date, time)
    assert draft.published_at == when
    assert draft.body == f"{LEAD}\n\n{MORE}"  # the time line is not a paragraph
    assert draft.title == TITLE


def test_a_blank_line_between_the_date_and_its_time_changes_nothing():
    draft = one("13 November 2024\n", "18:19 GMT")
    assert draft.published_at == AT_1819 and draft.body == f"{LEAD}\n\n{MORE}"


def test_a_published_label_over_its_date_over_its_time_keeps_the_time():
    draft = one("Published", "13 November 2024", "18:19 GMT")
    assert draft.published_at == AT_1819 and draft.body == f"{LEAD}\n\n{MORE}"


def test_a_time_without_a_zone_under_a_date_is_read_on_the_outlets_clock():
    berlin = one("Source: www.spiegel.de", "Published: Wed 13 Nov 2024", "6:19 PM")
    assert berlin.published_at == datetime(2024, 11, 13, 17, 19, tzinfo=UTC)  # 18:19 in Berlin (CET)
    assert not berlin.clock_unknown
    # no site, no zone written anywhere: read as UTC, only its day sure, as "13 Nov 2024, 6:19 PM" is
    nowhere = one("Published: Wed 13 Nov 2024", "6:19 PM")
    assert nowhere.published_at == AT_1819 and nowhere.clock_unknown
    assert one("Published: Wed 13 Nov 2024, 6:19 PM").clock_unknown
    # ... and the zone another date line writes is the dump's clock
    zoned = one("Published: Wed 13 Nov 2024", "6:19 PM", "Updated: Wed 13 Nov 2024, 7:02 PM CET")
    assert zoned.published_at == datetime(2024, 11, 13, 17, 19, tzinfo=UTC) and not zoned.clock_unknown


def test_an_updates_time_under_the_date_is_not_the_articles_but_is_no_text_either():
    draft = one("Published: 13 Nov 2024", "Updated 18:20")
    assert draft.published_at == datetime(2024, 11, 13, tzinfo=UTC)
    assert draft.body == f"{LEAD}\n\n{MORE}"


def test_a_date_with_its_own_time_keeps_it():
    draft = one("Published: 13 Nov 2024, 9:00 AM GMT", "18:19 GMT")
    assert draft.published_at == datetime(2024, 11, 13, 9, tzinfo=UTC)


@pytest.mark.parametrize(
    ("line", "time"),
    [
        ("6:19 PM", "6:19 PM"),
        ("18:19 GMT+1", "18:19 GMT+1"),
        ("um 18:19 Uhr", "18:19 Uhr"),
        ("Published at 6 p.m.", "6 p.m."),
        ("6", None),  # a number
        ("2024", None),
        ("Updated 18:20", None),  # an update's
        ("6 people", None),
        ("At 6 PM the ferry left", None),
        ("18:19 GMT, the ferry left the harbour", None),
    ],
)
def test_a_time_alone_is_a_time_of_day_and_nothing_else(line, time):
    assert time_alone(line) == time
