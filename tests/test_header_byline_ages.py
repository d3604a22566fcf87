"""A name and an age on one line, parted by a mark or not, over a page's or a feed entry's text: "Jane
Doe · 3 hours ago", "Pablo García · hace 3 horas", "By Jane Doe · Updated 2 hours ago", "Jane Doe
yesterday". Pages and feeds read them as dumps do (one reading, :func:`briefing.furniture.classify`): the
writer is the author, the age dates the article when the page gives no date of its own, and the line is
no text. Headlines and short sentences that end with an age stay what they are."""

from datetime import timedelta

import pytest
from conftest import FIXTURES, NOW

from briefing.dates import age_start, relative_age
from briefing.dumps import split_dump
from briefing.feeds import parse_feed
from briefing.furniture import Kind, classify, dated_ago, looks_like_name
from briefing.header_lines import Header, header_line, page_author
from briefing.pages import parse_page
from briefing.service.ingest import ingest_files
from store.articles import latest_articles

PAGES = FIXTURES / "pages"
TITLE = "Tram line to the old harbour opens in the spring"
LEAD = (
    "The city transport company said on Monday that the new tram line to the old harbour would open in "
    "April, after three years of works and two delays caused by the rebuilding of the bridge."
)
MORE = "Shops along the route have asked the city for help during the last months of the works."
BYLINES = [
    ("Jane Doe · 3 hours ago", "Jane Doe", timedelta(hours=3)),
    ("Pablo García · hace 3 horas", "Pablo García", timedelta(hours=3)),
    ("By Jane Doe · Updated 2 hours ago", "Jane Doe", timedelta(hours=2)),
    ("Jane Doe | Posted 40 minutes ago", "Jane Doe", timedelta(minutes=40)),
    ("Por Ana Souza · Actualizado hace 2 horas", "Ana Souza", timedelta(hours=2)),
    ("Jane Doe yesterday", "Jane Doe", timedelta(days=1)),
    ("Jane Doe yesterday at 6:19 PM", "Jane Doe", timedelta(days=1)),
    ("Katrin Vogel · gestern, 18:19 Uhr", "Katrin Vogel", timedelta(days=1)),
    ("Giulia Bianchi, ieri", "Giulia Bianchi", timedelta(days=1)),
]


@pytest.mark.parametrize(("line", "author", "age"), BYLINES)
def test_a_header_line_and_a_dump_read_a_byline_with_its_age_alike(line, author, age):
    assert header_line(line) == (author, age)
    dump = "\n\n".join((TITLE, line, LEAD, MORE)) + "\n"
    (draft,) = split_dump(dump, source="harbour.txt")
    assert (draft.title, draft.author, draft.age, draft.published_at) == (TITLE, author, age, None)
    assert draft.body.startswith("The city transport company")


@pytest.mark.parametrize(
    "line",
    [
        "What Happened Yesterday",  # a headline's capitals: the age written as the title is
        "Stocks Tumble Yesterday",
        "New York yesterday",  # a place's day, no writer's: no given name first
        "Real Madrid ayer",
        "The Beatles yesterday",
        "Die Wende gestern",
        "Jane Doe resigned yesterday.",  # a sentence
        "The bridge closed 3 hours ago.",
        "Rescue teams arrived two hours ago.",
        "Storm hits coast · 3 hours ago",  # a teaser's title and its age: no name
    ],
)
def test_a_headline_or_sentence_ending_with_an_age_is_no_byline(line):
    assert header_line(line) is None
    verdict = classify(line)  # a dump takes no writer from it either (briefing.bylines.resolve_reltimes)
    writer = verdict.value if verdict.kind is Kind.RELTIME and isinstance(verdict.value, str) else None
    assert writer is None or not looks_like_name(writer)


def test_a_date_lines_word_before_the_age_is_not_the_writers():
    # after a mark it is the update's; a name's own word without one ("Anna Stand") is kept
    assert classify("By Jane Doe · Updated 2 hours ago").value == "Jane Doe"
    assert classify("Anna Stand vor 2 Stunden").value == "Anna Stand"


def test_yesterday_ending_a_byline_is_its_age():
    assert relative_age("Jane Doe yesterday") == timedelta(days=1)
    assert age_start("Jane Doe yesterday") == len("Jane Doe ")
    assert age_start("Pablo García, ayer a las 18:19") == len("Pablo García, ")
    # French "hier" is German "here" as often: no age at a line's end
    assert age_start("Jean Dupont hier") is None
    assert dated_ago("Jane Doe yesterday") == timedelta(days=1)


def test_a_pages_byline_with_its_age_gives_the_author_and_dates_it():
    draft = parse_page((PAGES / "byline_dot_age.html").read_bytes(), "https://courier.test/ferry")
    # trafilatura read "Jane Doe ·" off the byline's <div>: the name is the line's
    assert (draft.author, draft.age, draft.published_at) == ("Jane Doe", timedelta(hours=3), None)
    assert draft.body.startswith("The ferry company restarted")
    assert "ago" not in draft.body


def test_a_pages_own_date_wins_over_the_age_in_its_byline():
    draft = parse_page((PAGES / "byline_dot_age_es.html").read_bytes(), "https://litoral.test/tranvia")
    assert draft.author == "Pablo García" and draft.age is None
    assert draft.published_at is not None and draft.published_at.isoformat() == "2026-11-24T08:15:00+01:00"
    assert draft.body.startswith("La empresa municipal de transporte")


@pytest.mark.parametrize(
    ("name", "author", "age", "lead"),
    [
        ("byline_updated_age.html", "Jane Doe", timedelta(hours=2), "The central library reopened"),
        ("byline_yesterday.html", "Jane Doe", timedelta(days=1), "The town council voted"),
    ],
)
def test_a_pages_byline_line_leaves_its_text(name, author, age, lead):
    draft = parse_page((PAGES / name).read_bytes(), f"https://herald.test/{name}")
    assert (draft.author, draft.age, draft.published_at) == (author, age, None)
    assert draft.body.startswith(lead)


def test_a_short_sentence_with_an_age_under_the_headline_stays_text():
    html = (
        f"<html><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>"
        f"<p>Rescue teams arrived two hours ago.</p><p>{LEAD}</p><p>{MORE}</p></article></body></html>"
    )
    draft = parse_page(html, "https://news.test/tram")
    assert draft.author is None and draft.age is None
    assert draft.body.startswith("Rescue teams arrived two hours ago.")


def test_the_ingest_dates_a_saved_page_by_its_bylines_age(app, tmp_path):
    page = tmp_path / "ferry.html"
    page.write_bytes((PAGES / "byline_dot_age.html").read_bytes())
    assert ingest_files(app, [page]).new == 1
    (article,) = latest_articles(app.db, limit=5)
    assert article.author == "Jane Doe" and article.published_at == NOW - timedelta(hours=3)
    assert article.body.startswith("The ferry company restarted")


def feed(item: str) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Harbour News</title><item><title>{TITLE}</title>"
        f"<link>https://harbour.test/tram</link>{item}</item></channel></rss>"
    ).encode()


def test_a_feed_entry_starting_with_a_byline_and_its_age():
    story = " ".join([LEAD, MORE] * 4)
    content = f"<p>Pablo García · hace 3 horas</p><p>{story}</p>"
    [entry] = parse_feed(feed(f"<content:encoded><![CDATA[{content}]]></content:encoded>")).entries
    assert (entry.draft.author, entry.draft.age, entry.draft.published_at) == (
        "Pablo García",
        timedelta(hours=3),
        None,
    )
    assert entry.draft.body.startswith("The city transport company")


def test_a_feed_entrys_own_date_wins_over_its_bylines_age():
    story = " ".join([LEAD, MORE] * 4)
    item = (
        "<pubDate>Tue, 24 Nov 2026 09:00:00 +0000</pubDate>"
        f"<description><![CDATA[<p>Jane Doe yesterday</p><p>{story}</p>]]></description>"
    )
    [entry] = parse_feed(feed(item)).entries
    assert entry.draft.author == "Jane Doe" and entry.draft.age is None
    assert entry.draft.published_at is not None and entry.draft.published_at.day == 24
    assert entry.draft.body.startswith("The city transport company")


def test_a_metadata_author_of_its_own_is_kept():
    header = Header("Jane Doe", timedelta(hours=3), ("Jane Doe · 3 hours ago",))
    assert page_author("Jane Doe ·", header) == "Jane Doe"  # read off the line
    yesterday = Header("Jane Doe", timedelta(days=1), ("Jane Doe | yesterday",))
    assert page_author("Jane Doe; Yesterday", yesterday) == "Jane Doe"
    assert page_author("Jane Doe, Reuters", header) == "Jane Doe, Reuters"
    assert page_author("Sam Lee", header) == "Sam Lee"
    assert page_author(None, header) == "Jane Doe"


def test_a_metadata_author_read_off_a_dated_byline_is_the_name():
    # trafilatura reads "Ana Reyes · October 5" off "By Ana Reyes · October 5, 2024"
    draft = parse_page((PAGES / "dated_in_url_and_meta.html").read_bytes())
    assert draft.author == "Ana Reyes"
