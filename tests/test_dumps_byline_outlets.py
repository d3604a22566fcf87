"""Bylines that say what the outlet adds to its writer (issue 2, left by dumps17): the outlet the writer
wrote for ("David Jones for the Daily Herald": the source, not the author), a job after a semicolon in a
page's metadata, a middle name before a job run into the name."""

import subprocess
import sys

import pytest
from conftest import ROOT

from briefing.dumps import split_dump
from briefing.furniture import author_name, byline_outlet

PAGE = """Menu
Search

Harbour dredging to start in spring after funding deal

{byline}
Published: 11 March 2025, 10:00 GMT

The county council agreed on Tuesday to fund the dredging of Port Wendle's inner harbour, closing a two-year
dispute with the fishing co-operative.

Work will start in March and take eleven weeks, the harbour master said.

Share this article

Ferry timetable cut for the winter months

By Ruairi Quinn

Published: 11 March 2025, 10:00 GMT

The Holm Island ferry will run four times a day instead of six from November, the operator said on Monday.

Islanders said the cut would make hospital visits on the mainland harder.
"""


@pytest.mark.parametrize(
    ("byline", "author", "source"),
    [
        ("By David Jones for the Daily Herald", "David Jones", "Daily Herald"),
        ("By DAVID JONES FOR THE DAILY HERALD", "David Jones", "Daily Herald"),
        ("By Ann Lee for The Washington Post", "Ann Lee", "The Washington Post"),
        ("By Ann Lee and Tom Reyes for the Wendle Post", "Ann Lee and Tom Reyes", "Wendle Post"),
        ("David Jones for the Daily Herald", "David Jones", "Daily Herald"),  # no "By", over the date
    ],
)
def test_the_outlet_a_writer_wrote_for_is_the_source(byline, author, source):
    articles = split_dump(PAGE.format(byline=byline), source="post.txt")
    assert [a.title for a in articles] == [
        "Harbour dredging to start in spring after funding deal",
        "Ferry timetable cut for the winter months",
    ]
    assert (articles[0].author, articles[0].source) == (author, source)
    assert (articles[1].author, articles[1].source) == ("Ruairi Quinn", "post.txt")  # not carried on


def test_a_byline_without_an_outlet_keeps_the_dumps_source():
    articles = split_dump(PAGE.format(byline="By David Jones"), source="post.txt")
    assert (articles[0].author, articles[0].source) == ("David Jones", "post.txt")


@pytest.mark.parametrize(
    "field",
    [
        "Campaign for Nuclear Disarmament",  # an organisation's name: no writer before "for"
        "Royal Society for the Protection of Birds",
        "Secretary of State for Health",
        "Jane Doe for the first time",  # no outlet's capitalised name after "for"
    ],
)
def test_a_name_with_for_in_it_is_left_alone(field):
    assert author_name(field) == field
    assert byline_outlet(field) is None


@pytest.mark.parametrize(
    ("field", "author"),
    [
        ("Ingrid Solberg Political Editor; Europe", "Ingrid Solberg"),  # a page's metadata, a semicolon
        ("Ingrid Solberg Political Editor, Europe", "Ingrid Solberg"),
        ("Sarah Jane Smith Senior Correspondent", "Sarah Jane Smith"),  # a middle name, a job run in
        ("Sarah Jane Smith Africa Correspondent", "Sarah Jane Smith"),
        ("Sarah Jane Smith Correspondent", "Sarah Jane Smith"),
        ("John Paul Jones Chief Reporter", "John Paul Jones"),
        ("David Thomas Political Editor", "David Thomas"),  # a surname that is a given name, a desk after
        ("Anna Thomas Football Correspondent", "Anna Thomas"),
        ("Mary Ann Lee Editor", "Mary Ann Lee"),
        ("Tom Reyes Senior Correspondent", "Tom Reyes"),
    ],
)
def test_a_job_run_into_the_name(field, author):
    assert author_name(field) == author


def test_an_author_field_of_many_capitalised_joins_is_read_without_hanging():
    """An outlet's "Of" or "And" after "for" was read both as a capitalised word and as a join, so a field
    of thirty of them ("Jane Doe for The Of Of ... x", as a feed's <author> may hold) backtracked for
    hours. A hang guard in a process of its own, not a speed measurement: the read takes milliseconds."""
    code = (
        "from briefing.furniture import author_name; "
        "print(author_name('Jane Doe for The ' + 'Of ' * 40 + 'x').startswith('Jane Doe for'))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=20)
    assert done.returncode == 0 and done.stdout.strip() == "True", done.stderr


def test_an_author_field_of_a_long_run_of_fors_is_read_without_hanging():
    """revP: "Jane Doe for " and 20,000 "For"s took over two minutes, the search's time growing with the
    square of the run; a field longer than a name, "for the" and an outlet is no writer for an outlet and
    is not searched. A hang guard in a process of its own, not a speed measurement."""
    code = (
        "from briefing.furniture import author_name; "
        "print(author_name('Jane Doe for ' + 'For ' * 20_000 + 'x').startswith('Jane Doe for'))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=20)
    assert done.returncode == 0 and done.stdout.strip() == "True", done.stderr
