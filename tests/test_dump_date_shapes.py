"""A dump's date line in a language the bot does not read ("24 Kasım 2026") is still a date line: under
a title it starts an article as a date line read does, and goes from the text, so that one unread date
does not glue two articles into one (:func:`briefing.dates.looks_like_date`)."""

from datetime import UTC, datetime

import pytest

from briefing.dates import looks_like_date
from briefing.dumps import split_dump
from briefing.furniture import Kind, classify

FIRST = (
    "The regional council voted on Wednesday to close the old bridge over the river for repairs, "
    "officials said after a long session.",
    "Traffic will be sent through the northern ring road until the work ends in the autumn.",
)
SECOND = (
    "The city library will open on Sundays from next month, the mayor's office announced on Thursday "
    "after a petition signed by four thousand residents.",
    "Staff will be paid extra for the weekend shifts, the office said.",
)


def dump(first_date: str, second_date: str) -> str:
    parts = ("Old bridge to close for repairs", first_date, *FIRST, "Library to open on Sundays", second_date)
    return "\n\n".join((*parts, *SECOND)) + "\n"


@pytest.mark.parametrize(
    "line",
    [
        "18 Kasım 2026",  # Turkish
        "18 Νοεμβρίου 2026",  # Greek
        "18 listopada 2026 r.",  # Polish
        "Çarşamba, 18 Kasım 2026, 09:30",
        "Kasım 18, 2026",
        "Warszawa, 18 listopada 2026",
        "Published 18 Νοεμβρίου 2026",
    ],
)
def test_an_unread_date_line_still_splits_the_articles(line):
    drafts = split_dump(dump(line, line.replace("18", "19")), source="x.txt")
    assert [d.title for d in drafts] == ["Old bridge to close for repairs", "Library to open on Sundays"]
    assert all("2026" not in d.body for d in drafts)  # the date lines go from the text
    assert all(d.published_at is None for d in drafts)  # ... and date nothing


def test_a_date_line_whose_month_is_known_by_its_stem_is_read():
    drafts = split_dump(dump("18 Mart 2026", "19 Mart 2026"), source="x.txt")  # Turkish: "mar" is March
    assert [d.published_at for d in drafts] == [
        datetime(2026, 3, 18, tzinfo=UTC),
        datetime(2026, 3, 19, tzinfo=UTC),
    ]


def test_read_dates_in_other_scripts_split_and_date_the_articles():
    drafts = split_dump(dump("18 марта 2026", "القاهرة – 19 مارس 2026"), source="x.txt")
    assert [d.published_at for d in drafts] == [
        datetime(2026, 3, 18, tzinfo=UTC),
        datetime(2026, 3, 19, tzinfo=UTC),
    ]
    assert [d.title for d in drafts] == ["Old bridge to close for repairs", "Library to open on Sundays"]


@pytest.mark.parametrize(
    "line", ["18 Mart 2026", "Kasım 24, 2026", "45/13/2026", "Pazartesi, 2 Mart 2026 14:05"]
)
def test_date_shapes(line):
    assert looks_like_date(line)
    assert classify(line).kind is Kind.DATE


@pytest.mark.parametrize(
    "line",
    [
        "Top 10 Movies of 2026",
        "Election 2026",
        "10 Downing Street",
        "99 Luftballons 2026",
        "Class of 2026",
        "24 Hours 2026",  # a subhead of English words in capitals, not a month it does not read (qa26 F2)
        "12 Years 2014",
    ],
)
def test_headings_with_numbers_are_no_date_lines(line):
    assert not looks_like_date(line)
    assert classify(line).kind is Kind.HEADING


def test_a_number_line_under_a_paragraph_alone_starts_no_article():
    text = "\n\n".join(("Old bridge to close for repairs", "18.03.2026", *FIRST, "Issue 12, 2026", *SECOND))
    (draft,) = split_dump(text + "\n", source="x.txt")
    assert draft.title == "Old bridge to close for repairs"


def test_a_subhead_shaped_like_a_date_keeps_its_article_whole():
    """ "24 Hours 2026" inside an article is a subhead, not a date line starting another article: the text
    after it stays in the article, with the subhead (qa26 F2)."""
    text = "\n\n".join(
        ("Old bridge to close for repairs", "18 November 2026", *FIRST, "24 Hours 2026", *SECOND)
    )
    [draft] = split_dump(text + "\n", source="x.txt")
    assert "24 Hours 2026" in draft.body and SECOND[1] in draft.body
