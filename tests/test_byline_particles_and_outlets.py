"""Bylines left from session 13 (issue 2): a date line in a feed's author field, names with lower-case
particles ("al-Masri", "ibn", "el-Amin"), an outlet's own byline ("Coastline Courier staff", "<Outlet>
correspondent in <City>"), writers joined in another language after their ages, and a writer "for the
<Outlet>" whose given name is not in the list."""

import pytest

from briefing.dumps import split_dump
from briefing.feeds import parse_feed
from briefing.furniture import author_name, byline_outlet, is_outlet_byline, names_a_date
from briefing.header_lines import Header, entry_header, page_author

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


@pytest.mark.parametrize(
    "byline",
    [
        "By Coastline Courier staff",
        "Coastline Courier correspondent in Maputo",
        "Our correspondent in Maputo",
        "From our correspondent",
        "By Staff Reporter",
        "Coastline Courier staff writers",
    ],
)
def test_an_outlets_own_byline_names_no_author_and_leaves_the_text(byline):
    [article] = split_dump(DUMP.format(byline=byline), source="post.txt")
    assert article.author is None
    assert article.body.startswith("Heavy rain hit the capital")
    assert "Coastline" not in article.body


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("By Jane Doe, Coastline Courier correspondent", "Jane Doe"),
        ("By Jane Doe, Coastline Courier staff writer", "Jane Doe"),
    ],
)
def test_a_writer_named_with_the_outlets_job(byline, author):
    [article] = split_dump(DUMP.format(byline=byline), source="post.txt")
    assert article.author == author


def test_a_job_or_a_headline_before_correspondent_is_no_outlet_byline():
    jobs = [
        "Foreign correspondent",
        "Middle East correspondent",
        "War correspondent in Gaza",
        "Jane Doe staff writer",
    ]
    for line in jobs:
        assert not is_outlet_byline(line), line
    assert author_name("Ann Lee, Tom Roe Health editor") == "Ann Lee, Tom Roe"  # two writers


def test_an_outlets_byline_in_a_feed_or_a_page_names_no_author():
    [entry] = parse_feed(RSS.format(author="Coastline Courier staff").encode()).entries
    assert entry.draft.author is None
    header, rest = entry_header(
        ["By Coastline Courier staff", "Heavy rain hit the capital on Tuesday, officials said."]
    )
    assert header.author is None and rest == ["Heavy rain hit the capital on Tuesday, officials said."]
    assert page_author("Coastline Courier staff", header) is None


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("Von Katrin Vogel, 34, und Stefan Brandt", "Katrin Vogel und Stefan Brandt"),
        ("Par Jean Dupont, 41, et Marie Lefort", "Jean Dupont et Marie Lefort"),
        ("By Sarah Khan, 42, Tom Baker, 35", "Sarah Khan and Tom Baker"),
        ("By Sarah Khan, 42, and Tom Baker, 35", "Sarah Khan and Tom Baker"),  # the "and" form, as before
        ("By Ann Lee, Li Wei", "Ann Lee, Li Wei"),  # no ages: the outlet's own list
    ],
)
def test_writers_joined_after_their_ages_are_each_named(byline, author):
    [article] = split_dump(DUMP.format(byline=byline), source="post.txt")
    assert article.author == author
    assert article.body.startswith("Heavy rain hit the capital")


def test_writers_listed_with_ages_and_an_age_of_the_story():
    header, rest = entry_header(
        ["By Sarah Khan, 42, Tom Baker, 35 · 2 hours ago", "Heavy rain hit the capital."]
    )
    assert header.author == "Sarah Khan and Tom Baker" and rest == ["Heavy rain hit the capital."]
    assert author_name("Katrin Vogel, 34, und Stefan Brandt") == "Katrin Vogel und Stefan Brandt"
    assert author_name("Tom Fuller, 42, Football Correspondent") == "Tom Fuller"


@pytest.mark.parametrize(
    ("byline", "author", "source"),
    [
        ("By Xu Qing for the Coast Herald", "Xu Qing", "Coast Herald"),
        ("By Nguyen Van Thanh for The Harbour Times", "Nguyen Van Thanh", "The Harbour Times"),
        ("By Tomasz Wrobel for the Coast Herald", "Tomasz Wrobel", "Coast Herald"),  # a listed given name
    ],
)
def test_a_writer_for_the_outlet_is_the_author_whatever_their_given_name(byline, author, source):
    [article] = split_dump(DUMP.format(byline=byline), source="post.txt")
    assert (article.author, article.source) == (author, source)


def test_a_writer_for_the_outlet_over_an_age_on_a_page():
    header, _ = entry_header(["Xu Qing for the Coast Herald · 2 hours ago", "Heavy rain hit the capital."])
    assert header.author == "Xu Qing"


@pytest.mark.parametrize(
    "field",
    ["Secretary of State for the Home Department", "Minister for the Economy", "Foreign Office for the Times",
     "Xu Qing for Reuters"],
)  # fmt: skip
def test_an_office_or_a_name_without_the_for_an_outlet_is_left_as_it_is(field):
    assert author_name(field) == field and byline_outlet(field) is None


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("By XU QING", "Xu Qing"),
        ("By TAN KAI WEN", "Tan Kai Wen"),
        ("By OMAR AL-HASSAN", "Omar Al-Hassan"),
        ("By BBC NEWS", "BBC NEWS"),  # a desk's capitals stay
    ],
)
def test_a_byline_in_capitals_is_cased_though_its_given_name_is_not_listed(byline, author):
    [article] = split_dump(DUMP.format(byline=byline), source="post.txt")
    assert article.author == author


PAGE = """Harbour dredging to start in spring after funding deal

{name}

{date}

The county council agreed on Tuesday to fund the dredging of the inner harbour, closing a two-year dispute.

Work will start in March and take eleven weeks, the harbour master said.
"""


@pytest.mark.parametrize(
    ("name", "date", "author"),
    [
        ("Ольга Коваленко", "24.11.2026", "Ольга Коваленко"),  # "Olga", a listed given name
        ("Иван Петров", "24 November 2026", "Иван Петров"),
        ("Helena Marsh", "24 November 2026", "Helena Marsh"),  # a control
        ("Climate Crisis", "24 November 2026", None),
    ],
)
def test_a_name_line_in_cyrillic_between_the_headline_and_its_date_is_the_byline(name, date, author):
    [article] = split_dump(PAGE.format(name=name, date=date), source="post.txt")
    assert article.author == author
    assert article.body.startswith("The county council") is (author is not None)


@pytest.mark.parametrize(
    ("byline", "author"),
    [("بقلم: سارة الأحمد", "سارة الأحمد"), ("Автор: Ольга Коваленко", "Ольга Коваленко")],
)
def test_an_arabic_or_russian_author_label_is_a_byline(byline, author):
    [article] = split_dump(DUMP.format(byline=byline), source="post.txt")
    assert article.author == author
    assert article.body.startswith("Heavy rain hit the capital")


def test_an_uncased_sentence_after_a_label_is_no_name():
    [article] = split_dump(DUMP.format(byline="بقلم: هذا نص طويل جدا عن المطر"), source="post.txt")
    assert article.author is None


LONG = """{headline}

By Ruairi Quinn

Published: 11 March 2025, 10:00 GMT

The county council agreed on Tuesday to fund the dredging of Port Wendle's inner harbour, closing a two-year
dispute with the fishing co-operative over who should pay for the work.

Work will start in March and take eleven weeks, the harbour master said.
"""
HEADLINE = (
    "Port Wendle council agrees to fund the dredging of the inner harbour after a two-year dispute with the "
    "fishing co-operative."
)


def test_a_long_headline_ending_with_a_full_stop_over_its_byline_is_the_title():
    [article] = split_dump(LONG.format(headline=HEADLINE), source="post.txt")
    assert article.title == HEADLINE and article.author == "Ruairi Quinn"
    assert article.body.startswith("The county council agreed on Tuesday")


def test_a_long_first_paragraph_under_its_byline_stays_the_text():
    text = LONG.replace("{headline}\n\n", "Harbour dredging to start in spring\n\n")
    text = text.replace("The county council agreed", HEADLINE + "\n\nThe county council agreed")
    [article] = split_dump(text, source="post.txt")
    assert article.title == "Harbour dredging to start in spring"
    assert article.body.startswith(HEADLINE)
