"""Bylines left from session 14 (qa28 F9): a writer "for the <Outlet>" with the place they filed from after
it, such a byline without "By" under an export's date, the outlet's bylines with an acronym, a desk or the
outlet after the job, a beat before "correspondent", a campaign "for the <Place>", and a feed's author with
its age."""

from datetime import timedelta

import pytest

from briefing.dumps import split_dump
from briefing.feeds import parse_feed
from briefing.furniture import Kind, author_name, byline_outlet, classify, is_outlet_byline, writer_for_outlet
from briefing.header_lines import header_line

EXPORT = """Title: Tram drivers vote to strike over night shifts
URL: https://lakeside-courier.example/trams
Date: 24/11/2026
{byline}

Tram drivers in the city voted on Monday to strike for two days next month over changes to night shifts.

The operator said it would run a reduced service on the busiest lines.
"""

LEAD = "Tram drivers in the city voted"


@pytest.mark.parametrize(
    ("byline", "author", "source"),
    [
        ("Tomasz Nowak for the Lakeside Courier", "Tomasz Nowak", "Lakeside Courier"),
        ("Hu Jing for the Evening Star", "Hu Jing", "Evening Star"),
        ("Mara Quist, Senior Transport Correspondent", "Mara Quist", None),
        ("By Mara Quist for the Evening Star in Gdansk", "Mara Quist", "Evening Star"),
    ],
)
def test_a_writer_under_an_exports_date_is_the_author(byline, author, source):
    [draft] = split_dump(EXPORT.format(byline=byline), source="courier.txt")
    assert draft.author == author
    assert draft.body.startswith(LEAD)
    assert draft.title == "Tram drivers vote to strike over night shifts"
    if source:
        assert draft.source == source


@pytest.mark.parametrize(
    "byline",
    [
        "NPR correspondent in Warsaw",
        "Lakeside Courier transport correspondent",
        "Evening Star political reporters",
        "Staff writer for the Evening Star",
        "Our transport correspondent",
    ],
)
def test_an_outlets_byline_with_a_desk_or_initials_leaves_the_text(byline):
    [draft] = split_dump(EXPORT.format(byline=byline), source="courier.txt")
    assert draft.author is None
    assert draft.body.startswith(LEAD)
    assert is_outlet_byline(byline)


@pytest.mark.parametrize(
    "line",
    [
        "White House correspondent",
        "Pentagon correspondent",
        "War correspondent in Gaza",
        "Kenji met reporters",
    ],
)
def test_a_beat_or_a_headline_before_correspondent_is_no_outlet_byline(line):
    assert not is_outlet_byline(line)
    assert classify(line).kind is Kind.HEADING


def test_the_place_filed_from_after_the_outlet_is_neither_name_nor_outlet():
    assert author_name("Mara Quist for the Evening Star in Gdansk") == "Mara Quist"
    assert byline_outlet("By Mara Quist for the Evening Star in Gdansk") == "Evening Star"
    assert writer_for_outlet("Hu Jing for the Evening Star in Gdansk") == "Hu Jing"
    assert header_line("Hu Jing for the Evening Star in Gdansk · 2 hours ago") == (
        "Hu Jing",
        timedelta(hours=2),
    )


@pytest.mark.parametrize("field", ["Save Our Pub for the Village", "Hands Off Our Park for the Town"])
def test_a_campaigns_name_for_the_place_is_no_writer(field):
    assert writer_for_outlet(field) is None
    assert byline_outlet(field) is None
    assert author_name(field) == field


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Lakeside Courier</title>
<link>https://lakeside-courier.example/</link><description>News</description>
<item><title>Tram drivers vote to strike over night shifts</title><link>https://lakeside-courier.example/t</link>
<dc:creator>{author}</dc:creator>
<description>Tram drivers in the city voted on Monday to strike for two days next month over changes to night
shifts. The operator said it would run a reduced service.</description></item>
</channel></rss>"""


@pytest.mark.parametrize(
    ("field", "author"),
    [
        ("Mara Quist · 3 hours ago", "Mara Quist"),
        ("Mara Quist and Hu Jing | 20 minutes ago", "Mara Quist and Hu Jing"),
        ("Mara Quist", "Mara Quist"),
    ],
)
def test_a_feed_author_with_its_age_is_the_writer(field, author):
    [entry] = parse_feed(RSS.format(author=field).encode()).entries
    assert entry.draft.author == author
