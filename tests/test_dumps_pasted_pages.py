"""Pasted pages (qa20b F1, F2, F10, F12): a site's date line, tag lists, bylines without "By", mastheads."""

from datetime import UTC, datetime

import pytest

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


TAGGED = """Glassworks reopens in Dunmore after two-year closure

By Ines Duarte

Published 2 December 2026, 10:15 GMT

The Dunmore glassworks reopened on Tuesday after a two-year closure, with 40 staff back at the furnaces.

Its new owners said orders from three breweries had made the restart possible this winter.

{label}
Glassmaking
Dunmore
Small businesses

Reuse this content

TRANSPORT

Ferry fares to Holm Island frozen for a second year

By Ruairi Quinn

Published 1 December 2026, 16:00 GMT

Ferry fares to Holm Island will stay at this year's level until 2028, the island council said on Monday.

The council said the freeze would cost it about 80,000 a year, paid from its harbour reserve.
"""


def test_tag_list_is_not_the_next_articles_headline() -> None:
    for label in ("Topics", "Related topics", "Tags", "Filed under"):
        first, second = split_dump(TAGGED.format(label=label), source="x.txt")
        assert second.title == "Ferry fares to Holm Island frozen for a second year", label
        assert second.section == "TRANSPORT"
        assert second.author == "Ruairi Quinn"
        for text in ("Glassmaking", "Small businesses", "Reuse this content", "TRANSPORT"):
            assert text not in first.body and text not in second.body


def test_tag_label_stops_at_the_next_articles_title() -> None:
    """A tag label with no tags under it takes nothing: the next article's section and title stay."""
    text = TAGGED.format(label="Topics").replace("Glassmaking\nDunmore\nSmall businesses\n", "")
    _, second = split_dump(text, source="x.txt")
    assert second.title == "Ferry fares to Holm Island frozen for a second year"
    assert second.section == "TRANSPORT"


UNMARKED = """Observatory

Amateur astronomers spot new comet over the Cairngorms

{byline}
Mon 30 Nov 2026 21.10 GMT

Two amateur astronomers in the Cairngorms have found a comet no survey had listed, the observatory said.

The comet should be visible with binoculars low in the north-east sky until mid-December.
"""


def test_byline_without_by_over_the_date() -> None:
    cases = {
        "Prof. Ewan McCrae, Astronomy Correspondent": "Prof. Ewan McCrae",
        "Siobhán Ní Bhriain in Aviemore": "Siobhán Ní Bhriain",
        "Jo Tran and Sam Lee in Inverness": "Jo Tran and Sam Lee",
        "Helena Marsh": "Helena Marsh",
    }
    for byline, author in cases.items():
        [draft] = split_dump(UNMARKED.format(byline=byline), source="x.txt")
        assert draft.author == author, byline
        assert byline not in draft.body
        assert draft.title == "Amateur astronomers spot new comet over the Cairngorms"


def test_heading_over_the_date_that_names_no_writer_is_no_byline() -> None:
    for heading in ("Storm Arwen", "Comet Tsuchinshan", "A bright visitor in the northern sky"):
        [draft] = split_dump(UNMARKED.format(byline=heading), source="x.txt")
        assert draft.author is None, heading


PAGE = """{top}
Home News Sport What's On Contact

Harbour wall repairs to start in January

By Nadia Farouk

Posted: 01/12/2026

Repairs to the Port Ellery harbour wall will start in January and take six months, the harbour board said.

The board said boats would be moved to the east quay while the work is done.

Sport

Ellery Athletic win cup replay on penalties

By Gus Tanner

Posted: 30/11/2026

Ellery Athletic beat Crossford 5-4 on penalties in their cup replay on Saturday after a 1-1 draw.

The club will play away at Linwick in the next round in January.

{bottom}
"""


def test_copyright_line_names_every_articles_outlet() -> None:
    text = PAGE.format(top="", bottom="© 2026 Ellery Clarion. All rights reserved.")
    drafts = split_dump(text, source="page.txt")
    assert [d.source for d in drafts] == ["Ellery Clarion", "Ellery Clarion"]


@pytest.mark.parametrize(
    ("bottom", "outlet"),
    [
        ("© 2026 Ellery Clarion Co., Inc. All rights reserved.", "Ellery Clarion"),
        ("Copyright © 2026 Ellery Clarion Ltd", "Ellery Clarion"),
        ("© 2026 Ellery Clarion Limited", "Ellery Clarion"),
        ("© 2026 Ellery Media plc. All rights reserved.", "Ellery Media"),
        ("© 2026 Ellery Verlag GmbH", "Ellery Verlag"),
        ("© 2026 Ediciones Ellery S.A.", "Ediciones Ellery"),
        ("© 2026 Ellery Local Media LLC. All rights reserved.", "Ellery Local Media"),
    ],
)
def test_copyright_line_outlet_has_no_company_form(bottom: str, outlet: str) -> None:
    """A company's legal form is no part of the outlet's name: the paper's masthead omits it, and one
    paper would be listed as two outlets (qa21 F6)."""
    drafts = split_dump(PAGE.format(top="", bottom=bottom), source="page.txt")
    assert [d.source for d in drafts] == [outlet, outlet]


def test_masthead_the_page_prints_beats_its_owner_in_the_copyright_line() -> None:
    """The name printed at the top and again in the copyright line is the outlet, not the company that
    owns it ("Gannett Co., Inc."), whichever the page prints first (qa21 F6)."""
    for bottom in ("© 2026 The Quay Desk. All rights reserved.", "Copyright © 2026 Quay Desk Ltd"):
        text = PAGE.format(top="The Quay Desk", bottom=bottom)
        assert [d.source for d in split_dump(text, source="page.txt")] == ["The Quay Desk"] * 2, bottom
    page = PAGE.format(top="", bottom="© 2026 Gannett Co., Inc. All rights reserved.")
    two = page.replace("Sport\n\nEllery Athletic", "The Ellery Herald\n\nEllery Athletic")
    assert [d.source for d in split_dump(two, source="page.txt")] == ["The Ellery Herald"] * 2


def test_top_name_printed_again_by_the_page_is_every_articles_outlet() -> None:
    for bottom in ("Sign in to your Quay Desk account to comment", "The Quay Desk"):
        drafts = split_dump(PAGE.format(top="The Quay Desk", bottom=bottom), source="page.txt")
        assert [d.source for d in drafts] == ["The Quay Desk", "The Quay Desk"]
        assert drafts[0].title == "Harbour wall repairs to start in January"


def test_no_page_name_without_a_second_print_or_a_copyright() -> None:
    for top, bottom in (
        ("The Quay Desk", ""),  # said once: as likely a label
        ("", "© Nadia Farouk"),  # a photo's credit: no year, no rights reserved
        ("Harbour Wall Repairs", "Most read: Harbour wall repairs to start in January"),
    ):
        drafts = split_dump(PAGE.format(top=top, bottom=bottom), source="page.txt")
        assert {d.source for d in drafts} == {"page.txt"}, (top, bottom)


def test_tag_list_over_an_undated_article() -> None:
    """With no byline or date under it, the next article's label and headline still start it: the tags
    are no heading run of the first article's (before, the second article was read as its subheadings)."""
    text = TAGGED.replace("By Ruairi Quinn\n\n", "").replace("Published 1 December 2026, 16:00 GMT\n\n", "")
    for label in ("Topics", "Tags"):
        first, second = split_dump(text.format(label=label), source="x.txt")
        assert (second.title, second.section) == (
            "Ferry fares to Holm Island frozen for a second year",
            "TRANSPORT",
        )
        assert "Glassmaking" not in first.body + second.body


def test_byline_without_by_apart_from_the_date_by_a_blank_line() -> None:
    """qa21 F9: a copy from a browser prints the byline's block and the date's apart."""
    text = UNMARKED.format(byline="Dr. Ines Calloway, Science Editor\n")
    [draft] = split_dump(text, source="x.txt")
    assert draft.author == "Dr. Ines Calloway"
    assert "Ines Calloway" not in draft.body
    assert draft.published_at == datetime(2026, 11, 30, 21, 10, tzinfo=UTC)


def test_heading_apart_from_the_date_that_names_no_writer_is_no_byline() -> None:
    for heading in ("Storm Arwen", "A bright visitor in the northern sky"):
        [draft] = split_dump(UNMARKED.format(byline=heading + "\n"), source="x.txt")
        assert draft.author is None, heading


UNDER_HEADLINE_DATE = """Ferry operator adds winter crossings to Holm Island

{under}

By Marta Lindgren

{published}

The ferry operator will add two crossings a day to Holm Island from December, the council said.

The extra sailings will run until the end of February, when the summer timetable starts.
"""


def test_published_line_with_a_time_beats_a_bare_date_under_the_headline() -> None:
    """qa21 F11: the bare day under the headline is the page's; the "Published" line with its clock dates
    the story."""
    text = UNDER_HEADLINE_DATE.format(
        under="Friday, 4 December 2026", published="Updated: 3 December 2026, 07:45 GMT"
    )
    [draft] = split_dump(text, source="x.txt")
    assert draft.published_at == datetime(2026, 12, 3, 7, 45, tzinfo=UTC)
    assert not draft.clock_unknown


@pytest.mark.parametrize(
    ("under", "published", "expected"),
    [
        # the marked line gives no clock: nothing says which day is the story's, the first one stays
        ("Friday, 4 December 2026", "Published: 3 December 2026", datetime(2026, 12, 4, tzinfo=UTC)),
        # the date under the headline gives its clock: it is no bare page date
        (
            "Friday, 4 December 2026 10:20 GMT",
            "Published: 3 December 2026, 07:45 GMT",
            datetime(2026, 12, 4, 10, 20, tzinfo=UTC),
        ),
    ],
)
def test_date_under_the_headline_stays_without_a_timed_published_line(
    under: str, published: str, expected: datetime
) -> None:
    [draft] = split_dump(UNDER_HEADLINE_DATE.format(under=under, published=published), source="x.txt")
    assert draft.published_at == expected
