"""A writer's job under the byline on a web page, in a feed entry and in a dump ("Senior Correspondent",
"Political Editor, Europe"): it says who wrote the story, not the news. trafilatura kept it as the page's
first paragraph; the dump reader dropped "Business reporter" but not a job with the place it covers."""

from datetime import timedelta

import pytest

from briefing.dumps import split_dump
from briefing.furniture import is_job_line
from briefing.header_lines import entry_header
from briefing.pages import parse_page

TITLE = "Bergen approves shore power for cruise ships"
LEAD = (
    "The harbour authority in Bergen approved a plan on Wednesday to build a shore power station for cruise"
    " ships, cutting the fumes the ships give off while moored."
)
MORE = (
    "The station will cost 400 million kroner and open in 2028, the authority said. Cruise lines welcomed it."
)
LAST = "Residents of the old quarter said the fumes had been a problem for years."


def page(header: str) -> bytes:
    """A page without author or date metadata: the headline, ``header`` under it, then the text."""
    return (
        f"<html><head><title>{TITLE}</title><meta charset='utf-8'></head><body><article><h1>{TITLE}</h1>"
        f"{header}<p>{LEAD}</p><p>{MORE}</p><p>{LAST}</p></article></body></html>"
    ).encode()


@pytest.mark.parametrize(
    "header",
    [
        "<p>By Ingrid Solberg</p><p>Senior Correspondent</p>",
        "<p>By Ingrid Solberg</p><p>Political Editor, Europe</p>",
        "<div class='byline'><p>By Ingrid Solberg</p><p>Chief correspondent, Middle East</p></div>",
        "<p>Ingrid Solberg</p><p>Senior Correspondent</p>",  # a name without "By" over the job: a byline
    ],
)
def test_a_job_under_a_pages_byline_is_no_text(header):
    draft = parse_page(page(header), "https://harbour.example.org/shore-power")
    assert draft.author == "Ingrid Solberg"
    assert draft.body.startswith("The harbour authority in Bergen approved")
    assert "orrespondent" not in draft.body and "Editor" not in draft.body


def test_a_job_between_the_byline_and_the_age_leaves_the_age_read():
    header = "<p>By Ingrid Solberg</p><p>Senior Correspondent</p><p>3 hours ago</p>"
    draft = parse_page(page(header), "https://harbour.example.org/shore-power")
    assert (draft.author, draft.age) == ("Ingrid Solberg", timedelta(hours=3))
    assert draft.body.startswith("The harbour authority in Bergen approved")


@pytest.mark.parametrize(
    "header",
    [
        "<p>By Ingrid Solberg</p><p>Harbour Authority</p>",  # no job's word: a line of the page's, kept
        "<p>Harbour Authority</p><p>Senior Correspondent</p>",  # no writer's name over the job
    ],
)
def test_a_line_that_is_no_job_under_a_byline_stays(header):
    draft = parse_page(page(header), "https://harbour.example.org/shore-power")
    assert draft.body.startswith("Harbour Authority")


def test_a_job_under_a_feed_entrys_byline_goes():
    header, paragraphs = entry_header(["By Ingrid Solberg", "Political Editor, Europe", LEAD, MORE])
    assert header.author == "Ingrid Solberg"
    assert paragraphs == [LEAD, MORE]


def test_a_job_with_its_place_under_a_dumps_byline_goes_and_is_no_outlet():
    text = f"{TITLE}\nBy Ingrid Solberg\nPolitical Editor, Europe\n26 Nov 2026\n{LEAD}\n{MORE}\n"
    (article,) = split_dump(text, source="bergen.txt")
    assert (article.author, article.source) == ("Ingrid Solberg", "bergen.txt")
    assert article.body.startswith("The harbour authority in Bergen approved")


@pytest.mark.parametrize(
    ("line", "job"),
    [
        ("Senior Correspondent", True),
        ("Political Editor, Europe", True),
        ("Chief correspondent, Middle East", True),
        ("Political Editor, Europe and the wider world beyond", False),  # too long for a desk's place
        ("Editor, the paper said.", False),
        ("Harbour Authority", False),
    ],
)
def test_a_job_line_is_a_job_alone_or_with_the_place_it_covers(line, job):
    assert is_job_line(line) is job


def test_a_job_in_the_byline_element_of_a_page_is_no_part_of_the_author():
    # one element, the name and the job in spans: trafilatura reads them as one author
    header = "<div class='byline'><span>By Ingrid Solberg</span><span>Political Editor, Europe</span></div>"
    draft = parse_page(page(header), "https://harbour.example.org/shore-power")
    assert draft.author == "Ingrid Solberg"
    assert draft.body.startswith("The harbour authority in Bergen approved")
