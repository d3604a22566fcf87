"""A byline and its age on one line in German, French, Spanish, Portuguese and Italian ("Pablo García
hace 3 horas"), as "S.Chen34 min ago" in English; and English ages counted in words ("two hours ago").
The writer is the article's author, the age dates it relative to the reading, and the line is no text."""

from datetime import timedelta

import pytest
from conftest import NOW

from briefing.dates import age_start, relative_age
from briefing.dumps import split_dump
from briefing.furniture import Kind, classify, dated_ago
from briefing.header_lines import header_line
from briefing.pages import parse_page
from briefing.service.ingest import ingest_files
from store.articles import latest_articles

TITLE = "Tram line to the old harbour opens in the spring"
LEAD = (
    "The city transport company said on Monday that the new tram line to the old harbour would open in "
    "April, after three years of works and two delays caused by the rebuilding of the bridge."
)
MORE = "Shops along the route have asked the city for help during the last months of the works."


def dump(*header: str) -> str:
    return "\n\n".join((TITLE, *header, LEAD, MORE)) + "\n"


@pytest.mark.parametrize(
    ("line", "author", "age"),
    [
        ("Lucía Fernández hace 3 horas", "Lucía Fernández", timedelta(hours=3)),
        ("Giulia Bianchi 2 ore fa", "Giulia Bianchi", timedelta(hours=2)),
        ("Ana Beatriz Costa há 5 horas", "Ana Beatriz Costa", timedelta(hours=5)),
        ("Katrin Vogel vor 2 Stunden", "Katrin Vogel", timedelta(hours=2)),
        ("Claire Dubois il y a 40 minutes", "Claire Dubois", timedelta(minutes=40)),
        ("Katrin Vogel · vor zwei Tagen", "Katrin Vogel", timedelta(days=2)),
        ("Por Lucía Fernández · hace 3 horas", "Lucía Fernández", timedelta(hours=3)),
        ("Di Giulia Bianchi, un'ora fa", "Giulia Bianchi", timedelta(hours=1)),
    ],
)
def test_a_foreign_byline_and_its_age_on_one_line(line, author, age):
    (draft,) = split_dump(dump(line), source="x.txt")
    assert (draft.title, draft.author, draft.published_at, draft.age) == (TITLE, author, None, age)
    assert draft.body.startswith("The city transport company")


@pytest.mark.parametrize(
    "line",
    [
        "Die Wende vor 30 Jahren",  # an article first: no person's name
        "La Repubblica 3 ore fa",
        "Berliner Mauer vor 35 Jahren",  # years: a headline's span, not a byline's age
        "Fernández hace 3 horas",  # one word: a place or a surname, no byline
    ],
)
def test_a_headline_with_a_span_of_time_is_no_byline(line):
    assert classify(line).kind is Kind.HEADING and dated_ago(line) is None


def test_the_ingest_dates_a_foreign_byline_age_by_the_moment_it_reads(app, tmp_path):
    (tmp_path / "a.txt").write_text(dump("Giulia Bianchi 2 ore fa"), encoding="utf-8")
    assert ingest_files(app, [tmp_path / "a.txt"]).new == 1
    (article,) = latest_articles(app.db, limit=5)
    assert article.author == "Giulia Bianchi" and article.published_at == NOW - timedelta(hours=2)


def test_a_page_and_a_header_line_read_the_foreign_byline_and_age():
    assert header_line("João Pereira há 5 horas") == ("João Pereira", timedelta(hours=5))
    html = (
        f"<html><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>"
        f"<p>Katrin Vogel vor 2 Stunden</p><p>{LEAD}</p><p>{MORE}</p></article></body></html>"
    )
    draft = parse_page(html, "https://news.test/tram")
    assert draft.published_at is None and draft.age == timedelta(hours=2)
    assert draft.body.startswith("The city transport company")


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("two hours ago", timedelta(hours=2)),
        ("Three days ago", timedelta(days=3)),
        ("an hour ago", timedelta(hours=1)),
        ("a day ago", timedelta(days=1)),
        ("twelve minutes ago", timedelta(minutes=12)),
        ("Jane Doe · five hours ago", timedelta(hours=5)),
        ("Someone two hours later", None),
        ("network hours ago", None),  # a count is a whole word: not "...one"
    ],
)
def test_relative_age_reads_english_counts_in_words(text, age):
    assert relative_age(text) == age


@pytest.mark.parametrize(
    ("header", "author", "age"),
    [
        (("two hours ago",), None, timedelta(hours=2)),
        (("By Jane Doe", "three days ago"), "Jane Doe", timedelta(days=3)),
        (("Jane Doe five hours ago",), "Jane Doe", timedelta(hours=5)),
        (("Updated ten minutes ago",), None, timedelta(minutes=10)),
        (("yesterday",), None, timedelta(days=1)),
    ],
)
def test_an_english_age_in_words_dates_a_dump(header, author, age):
    (draft,) = split_dump(dump(*header), source="x.txt")
    assert (draft.author, draft.published_at, draft.age) == (author, None, age)
    assert draft.body.startswith("The city transport company") and "ago" not in draft.body


@pytest.mark.parametrize("line", ["The ferry left two days ago.", "He arrived 2 days ago."])
def test_a_short_sentence_ending_with_an_age_stays_text(line):
    assert classify(line).kind is Kind.PROSE and dated_ago(line) is None
    text = "\n\n".join((TITLE, "By Jane Doe", LEAD, line, MORE))
    (draft,) = split_dump(text, source="x.txt")
    assert line in draft.body and draft.age is None


def test_age_start_is_where_the_age_begins():
    assert age_start("Lucía Fernández hace 3 horas") == len("Lucía Fernández ")
    assert age_start("S.Chen34 min ago") == len("S.Chen")
    assert age_start("yesterday") is None and age_start("The vote") is None
