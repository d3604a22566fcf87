"""A <br> that breaks a sentence mid-way joins its lines; one between lines of their own parts them
(QA17b F2: "the operator said. About 2,000 passengers were affected, and the" as a paragraph)."""

import pytest

from briefing.feeds import parse_feed
from briefing.fragments import continues_line, html_to_text
from briefing.pages import parse_page

BROKEN = (
    "Ferry services between Bergen and the outer islands were cancelled on<br>Sunday as a storm with gusts "
    "of up to 120 km/h hit the western coast,<br>the operator said. About 2,000 passengers were affected, "
    "and the<br>Norwegian Coastal Administration warned ships to stay in port."
)
JOINED = (
    "Ferry services between Bergen and the outer islands were cancelled on Sunday as a storm with gusts "
    "of up to 120 km/h hit the western coast, the operator said. About 2,000 passengers were affected, "
    "and the Norwegian Coastal Administration warned ships to stay in port."
)
SECOND = (
    "The operator said it expected to resume sailings on Monday<br/>morning if the wind eased. Schools "
    "on two islands were closed<br />and several roads were blocked by fallen trees, the police said."
)


@pytest.mark.parametrize(
    ("before", "after", "joined"),
    [
        ("were cancelled on", "Sunday as a storm", True),
        ("about 2,000 were affected, and the", "Norwegian Coastal Administration", True),
        ("hit the western coast,", "The operator said", True),
        ("on Monday", "morning if the wind eased", True),
        ("the operator said.", "About 2,000 passengers", False),
        ("By Amelia Grant", "The city of", False),
        ("10 Downing Street", "London", False),
        ("If you could blow up the world with the flick of a switch", "Would you do it?", False),
        ("Paperback: 154 pages", "Publisher: Strange Animal Publications", False),
    ],
)
def test_a_line_goes_on_only_when_its_sentence_does(before, after, joined):
    assert continues_line(before, after) is joined


def test_a_feed_entrys_lines_broken_mid_sentence_are_one_paragraph():
    text = html_to_text(f"<p>{BROKEN}</p><p>Address:<br>Harbour Office<br><br>Bergen</p>")
    assert text.split("\n\n") == [JOINED, "Address:", "Harbour Office", "Bergen"]


def test_a_feed_entry_read_with_its_broken_lines_joined():
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Coast</title><item><title>Ferries cut'
        f"</title><link>https://coast.test/ferry</link><description><![CDATA[{BROKEN}]]></description>"
        "</item></channel></rss>"
    )
    [entry] = parse_feed(feed.encode()).entries
    assert entry.draft.body == JOINED


def test_a_pages_lines_broken_mid_sentence_are_one_paragraph():
    html = (
        "<html><head><title>Ferry service cut as storm hits western coast</title></head><body><article>"
        f"<h1>Ferry service cut as storm hits western coast</h1><p>{BROKEN}</p><p>{SECOND}</p>"
        "<p>Verse:<br>If you could blow up the world with the flick of a switch<br>Would you do it?</p>"
        "</article></body></html>"
    )
    paragraphs = parse_page(html.encode()).body.split("\n\n")
    assert paragraphs[0] == JOINED
    assert paragraphs[1] == SECOND.replace("<br/>", " ").replace("<br />", " ")
    assert "Would you do it?" in paragraphs[2:]


def test_lines_of_code_stay_lines():
    code = "vals = [ParseRow(r) for r in<br />response.GetRows()]<br />avg = sum(vals) / len(vals)"
    assert html_to_text(f"<pre>{code}</pre>").split("\n\n") == [
        "vals = [ParseRow(r) for r in",
        "response.GetRows()]",
        "avg = sum(vals) / len(vals)",
    ]
    html = (
        "<html><body><article><h1>Reduce nesting</h1><p>Nested code is hard to read, and this is how one "
        "team made a function of theirs shorter and clearer to read.</p>"
        f"<pre>{code}</pre><p>The team said the shorter function was easier to test.</p>"
        "</article></body></html>"
    )
    assert "vals = [ParseRow(r) for r in response" not in parse_page(html.encode()).body
