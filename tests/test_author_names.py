"""Author fields are the writers' names: no picture credits, jobs, places or asides (qa20b F13)."""

import pytest
from conftest import NOW

from briefing.dumps import split_dump
from briefing.furniture import author_name, with_co_writers
from briefing.models import ArticleDraft
from store import transaction
from store.articles import add_article, get_article


@pytest.mark.parametrize(
    ("field", "author"),
    [
        ("Rhona Keir, illustration by Tam Ferris for the fife courier", "Rhona Keir"),
        ("Rhona Keir; photographs by Tam Ferris", "Rhona Keir"),
        ("Idris Vane Transport editor", "Idris Vane"),
        ("Idris Vane Health and science correspondent", "Idris Vane"),
        ("Mei Tanaka in Sapporo, Hokkaido", "Mei Tanaka"),
        ("Mei Tanaka in Sapporo and Olu Adeyemi in Lagos", "Mei Tanaka and Olu Adeyemi"),
        ("Olu Adeyemi (live), Mei Tanaka and Idris Vane (earlier)", "Olu Adeyemi, Mei Tanaka and Idris Vane"),
        ("Olu Adeyemi, Sports Writer", "Olu Adeyemi"),
        # the agencies credited after the writer are no co-writer (qa21 F4)
        ("Jane Roe, Guardian staff and agencies", "Jane Roe"),
        ("Jane Roe and agencies", "Jane Roe"),
        ("Jane Roe with wires", "Jane Roe"),
        ("Jane Roe, Reuters and AFP", "Jane Roe"),
        ("Olu Adeyemi and Mei Tanaka, staff and agencies", "Olu Adeyemi and Mei Tanaka"),
        ("Mei Tanaka in Sapporo and agencies", "Mei Tanaka"),
    ],
)
def test_author_is_the_names_only(field: str, author: str) -> None:
    assert author_name(field) == author


@pytest.mark.parametrize(
    "field",
    [
        "Olu Adeyemi and Mei Tanaka",
        "Staff and agencies",
        "Guardian sport",
        "First Dog on the Moon",
        "Theodore Roosevelt IV",
        "Associated Press",
        "newsdesk",
        "Guardian staff reporter",  # no name before the job: the field as it came
        "Guardian staff and agencies",  # only a credit: the field as it came
        "Jane Roe and Bloomberg Smith",  # a writer whose name starts as an agency's
    ],
)
def test_author_without_additions_stays(field: str) -> None:
    assert author_name(field) == field


def test_dump_byline_keeps_both_writers_and_drops_the_credit() -> None:
    text = """Lochside

Reservoir level falls to a ten-year low

By Olu Adeyemi and Mei Tanaka, illustration by Tam Ferris

Published 2 December 2026, 08:00 GMT

The Lochside reservoir is at its lowest level for ten years after a dry autumn, the water board said.

The board asked households to take shorter showers until the level recovers.
"""
    [draft] = split_dump(text, source="x.txt")
    assert draft.author == "Olu Adeyemi and Mei Tanaka"


BOTH = "Kai Brandt and Lea Roth"


def test_near_duplicate_crediting_a_co_writer_adds_them(db) -> None:
    body = "\n\n".join(
        [
            "Tram drivers in Vellmar walked out on Monday over a pay offer they called an insult.",
            "The operator said it had offered a rise of four per cent and would meet the union again.",
            "Commuters queued for buses across the city centre, and schools reported pupils arriving late.",
        ]
    )
    one = ArticleDraft("Vellmar tram strike", body, "page", url="https://vellmar.test/a", author="Kai Brandt")
    two = ArticleDraft("Vellmar tram strike", body + "\n\nMore later.", "dump", author=BOTH)
    with transaction(db):
        first = add_article(db, one, now=NOW)
    with transaction(db):
        second = add_article(db, two, now=NOW)
    assert second.outcome == "near_duplicate"
    stored = get_article(db, first.article.id)
    assert stored is not None and stored.author == "Kai Brandt and Lea Roth"


def test_with_co_writers() -> None:
    assert with_co_writers("Kai Brandt", "Kai Brandt and Lea Roth") == "Kai Brandt and Lea Roth"
    assert with_co_writers("Kai Brandt and Lea Roth", "Kai Brandt") is None  # drops one: kept as stored
    assert with_co_writers("Kai Brandt", "Lea Roth") is None  # another writer: no co-author of this one
    assert with_co_writers(None, "Lea Roth") is None
    assert with_co_writers("Kai Brandt", "kai brandt") is None


def test_same_text_crediting_a_co_writer_adds_them(db) -> None:
    body = "\n\n".join(
        [
            "Tram drivers in Vellmar walked out on Monday over a pay offer they called an insult.",
            "The operator said it had offered a rise of four per cent and would meet the union again.",
        ]
    )
    with transaction(db):
        first = add_article(db, ArticleDraft("Tram strike", body, "page", author="Kai Brandt"), now=NOW)
    with transaction(db):
        second = add_article(db, ArticleDraft("Tram strike", body, "dump", author=BOTH), now=NOW)
    with transaction(db):
        third = add_article(db, ArticleDraft("Tram strike", body, "wire", author="Lea Roth"), now=NOW)
    assert second.outcome == third.outcome == "duplicate"
    stored = get_article(db, first.article.id)
    assert stored is not None and stored.author == BOTH  # a copy naming one of them changes nothing


def test_feed_creator_crediting_agencies_is_the_writer_only() -> None:
    """The Guardian's own credit "..., Guardian staff and agencies" names one writer; before, "and
    agencies" was kept as a co-writer (qa21 F4)."""
    from briefing.feeds import parse_feed

    data = b"""<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Harbour</title>
<link>https://127.0.0.1/</link><description>x</description>
<item><title>Ferry services resume after the storm</title><link>https://127.0.0.1/a</link>
<dc:creator>Jane Roe, Guardian staff and agencies</dc:creator>
<description>Ferry services between the islands resumed on Monday after the storm passed.</description>
<pubDate>Mon, 30 Nov 2026 09:00:00 GMT</pubDate></item>
<item><title>Council approves harbour budget</title><link>https://127.0.0.1/b</link>
<dc:creator>Staff and agencies</dc:creator>
<description>The council approved the harbour budget on Monday after a long debate.</description>
<pubDate>Mon, 30 Nov 2026 10:00:00 GMT</pubDate></item>
</channel></rss>"""
    authors = [entry.draft.author for entry in parse_feed(data).entries]
    assert authors == ["Jane Roe", "Staff and agencies"]
