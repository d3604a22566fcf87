"""HTML pages → drafts through trafilatura: main text and metadata, nothing fetched."""

from datetime import UTC, datetime

import pytest
from conftest import FIXTURES

from briefing.errors import EmptySourceError
from briefing.pages import parse_page

PAGES = FIXTURES / "pages"


def test_main_text_title_author_date_and_canonical_url():
    html = (PAGES / "port_strike.html").read_text(encoding="utf-8")
    draft = parse_page(html, "http://127.0.0.1:8000/p?id=1")
    assert draft.title == "Port strike halts shipping along the Atlantic coast"
    assert draft.author == "Maria Lopez"
    assert draft.published_at == datetime(2025, 3, 2, 9, 15, tzinfo=UTC)
    assert draft.url == "https://harbour-gazette.test/europe/port-strike-halts-shipping"
    assert draft.source == "Harbour Gazette"
    paragraphs = draft.body.split("\n\n")
    assert paragraphs[0].startswith("Dock workers in three Atlantic ports walked out")
    assert "What happens next" in paragraphs
    assert paragraphs[-1].startswith("Ministers have so far refused to intervene")
    for junk in ("Subscribe", "Most read", "Rail unions", "All rights reserved", "Privacy"):
        assert junk not in draft.body


def test_bytes_in_a_declared_legacy_charset():
    draft = parse_page((PAGES / "cafe_cp1252.html").read_bytes(), None, source="cafe.html")
    assert draft.title == "Café owners protest"
    assert "“We cannot pay twice for the same pavement,”" in draft.body
    assert draft.source == "cafe.html" and draft.url is None


def test_the_fetched_url_stands_in_when_there_is_no_canonical_one():
    html = (PAGES / "cafe_cp1252.html").read_bytes()
    draft = parse_page(html, "http://127.0.0.1:9/cafe")
    assert draft.url == "http://127.0.0.1:9/cafe"


@pytest.mark.parametrize(
    "html",
    ["", "   ", (FIXTURES / "feeds" / "notafeed.html").read_text(), "<html><body></body></html>"],
    ids=["empty", "blank", "no-article", "no-body"],
)
def test_a_page_without_article_text(html):
    with pytest.raises(EmptySourceError):
        parse_page(html, "http://127.0.0.1/x")


def test_a_page_without_a_date_takes_no_year_from_its_text():
    # "since 1998", "first proposed in 2011": years the story mentions, not the day it was written
    draft = parse_page((PAGES / "undated_tramway.html").read_bytes(), None, source="tram.html")
    assert draft.published_at is None


def test_the_published_time_wins_over_the_day_in_the_url():
    draft = parse_page((PAGES / "dated_in_url_and_meta.html").read_bytes())
    assert draft.url == "https://island-tribune.test/local/2024/10/05/ferry-resumes"
    assert draft.published_at == datetime(2024, 10, 5, 19, 30, tzinfo=UTC)


def test_the_day_in_the_url_when_nothing_else_dates_the_page():
    html = (PAGES / "dated_in_url_and_meta.html").read_text(encoding="utf-8")
    html = html.replace('<meta property="article:published_time" content="2024-10-05T14:30:00-05:00">', "")
    html = html.replace("October 5, 2024", "")
    assert parse_page(html).published_at == datetime(2024, 10, 5, tzinfo=UTC)


def test_a_date_ahead_is_kept_for_the_ingest_to_judge():
    html = (PAGES / "port_strike.html").read_text(encoding="utf-8").replace("2025-03-02", "2099-03-02")
    assert parse_page(html).published_at == datetime(2099, 3, 2, 9, 15, tzinfo=UTC)
