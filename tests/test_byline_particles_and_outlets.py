"""Bylines left from session 13 (issue 2): a date line in a feed's author field, names with lower-case
particles ("al-Masri", "ibn", "el-Amin"), an outlet's own byline ("Coastline Courier staff", "<Outlet>
correspondent in <City>"), writers joined in another language after their ages, and a writer "for the
<Outlet>" whose given name is not in the list."""

import pytest

from briefing.dumps import split_dump
from briefing.feeds import parse_feed
from briefing.furniture import names_a_date
from briefing.header_lines import Header, page_author

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Harbour Post</title>
<link>https://harbourpost.example/</link><description>News</description>
<item><title>Ferry timetable cut for the winter months</title><link>https://harbourpost.example/ferry</link>
<dc:creator>{author}</dc:creator>
<description>The island ferry will run four times a day instead of six from November, the operator said on
Monday. Islanders said the cut would make hospital visits on the mainland harder.</description></item>
</channel></rss>"""


@pytest.mark.parametrize("field", ["Posted", "Updated", "Date:", "25 November 2026", "Updated: 25 Nov 2026",
                                   "3 hours ago", "Published 2 hours ago"])  # fmt: skip
def test_a_feed_author_field_holding_a_date_line_names_no_one(field):
    [entry] = parse_feed(RSS.format(author=field).encode()).entries
    assert entry.draft.author is None


@pytest.mark.parametrize("field", ["Ruairi Quinn", "June Li", "August Wilson"])
def test_a_feed_author_that_is_a_name_stays(field):
    [entry] = parse_feed(RSS.format(author=field).encode()).entries
    assert entry.draft.author == field
    assert not names_a_date(f"{field} · 3 hours ago")  # a writer and an age


def test_a_page_metadata_author_that_is_a_date_names_no_one():
    header = Header("Sam Lee", None, ("By Sam Lee",))
    assert page_author("25 November 2026", header) == "Sam Lee"
    assert page_author("3 hours ago", Header()) is None


DUMP = """Title: Heavy rain closes schools across the capital
URL: https://harbourpost.example/rain
Date: 24/11/2026
{byline}

Heavy rain hit the capital on Tuesday, officials said. The storm closed schools and flooded roads.

Forecasters expect more rain on Wednesday.
"""


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("Author: Ahmed al-Masri", "Ahmed al-Masri"),
        ("By Faisal ibn Abdulaziz", "Faisal ibn Abdulaziz"),
        ("By Hamza el-Amin", "Hamza el-Amin"),
        ("By Salah ad-Din Yusuf", "Salah ad-Din Yusuf"),
        ("By Mohammed bin Rashid", "Mohammed bin Rashid"),  # a control: read before
    ],
)
def test_a_name_with_a_lower_case_particle_is_the_author(byline, author):
    [article] = split_dump(DUMP.format(byline=byline), source="post.txt")
    assert article.author == author
    assert article.body.startswith("Heavy rain hit the capital")


def test_a_lower_case_word_with_a_hyphen_is_no_name():
    [article] = split_dump(DUMP.format(byline="By all-night trains"), source="post.txt")
    assert article.author is None
