"""The test server parses Telegram HTML as Telegram does: allowed tags, entities, UTF-16 offsets."""

import re

import pytest

from briefing.document import Block, Document, Section, Span
from briefing.render import html_messages
from tests.botapi.entities import EntityParseError, parse_html


def test_plain_text_has_no_entities():
    assert parse_html("just words").text == "just words"
    assert parse_html("just words").entities == ()


@pytest.mark.parametrize(
    ("tag", "kind"),
    [("b", "bold"), ("strong", "bold"), ("i", "italic"), ("em", "italic"), ("u", "underline"),
     ("ins", "underline"), ("s", "strikethrough"), ("strike", "strikethrough"),
     ("del", "strikethrough"), ("tg-spoiler", "spoiler"), ("code", "code"), ("pre", "pre"),
     ("blockquote", "blockquote")],
)  # fmt: skip
def test_each_allowed_tag_becomes_its_entity(tag, kind):
    parsed = parse_html(f"a <{tag}>bc</{tag}> d")
    assert parsed.text == "a bc d"
    assert parsed.entities == ({"type": kind, "offset": 2, "length": 2},)


def test_spoiler_span_link_and_expandable_quote():
    parsed = parse_html(
        '<span class="tg-spoiler">x</span><a href="https://e.org/?a=1&amp;b=2">y</a>'
        "<blockquote expandable>z</blockquote>"
    )
    assert parsed.text == "xyz"
    assert parsed.entities == (
        {"type": "spoiler", "offset": 0, "length": 1},
        {"type": "text_link", "offset": 1, "length": 1, "url": "https://e.org/?a=1&b=2"},
        {"type": "expandable_blockquote", "offset": 2, "length": 1},
    )


def test_pre_with_a_language_code_is_one_pre_entity():
    parsed = parse_html('<pre><code class="language-python">x = 1</code></pre>')
    assert parsed.entities == ({"type": "pre", "offset": 0, "length": 5, "language": "python"},)


def test_offsets_are_utf16_units():
    parsed = parse_html("😀 <b>é😀</b>")
    assert parsed.entities == ({"type": "bold", "offset": 3, "length": 3},)
    assert parsed.utf16_length == 6


def test_nested_tags_nest_entities():
    parsed = parse_html("<b>a<i>b</i></b>")
    assert parsed.entities == (
        {"type": "bold", "offset": 0, "length": 2},
        {"type": "italic", "offset": 1, "length": 1},
    )


def test_the_four_named_entities_and_numeric_ones_decode():
    assert parse_html("&lt;&gt;&amp;&quot;&#39;&#x1F600;").text == "<>&\"'😀"


@pytest.mark.parametrize(
    ("html", "error"),
    [
        ("<p>x</p>", 'Unsupported start tag "p" at byte offset 0'),
        ("a <b>x", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("é <br/>", 'Unsupported start tag "br/" at byte offset 3'),
        ("1 < 2", 'Unsupported start tag "" at byte offset 2'),
        ("<b", "Unclosed start tag at byte offset 0"),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        ("<a href>x</a>", 'Expected equal sign in declaration of an attribute of the tag "a"'),
    ],
)
def test_what_telegram_refuses(html, error):
    with pytest.raises(EntityParseError, match="^" + re.escape(error)):
        parse_html(html, strict=False)


@pytest.mark.parametrize(
    "html",
    [
        "AT&T",
        "&nbsp;",
        "&amp",
        "a > b",
        '<a href="javascript:alert(1)">x</a>',
        '<a href="a&b">x</a>',
    ],
)
def test_strict_mode_refuses_what_telegram_forgives(html):
    parse_html(html, strict=False)
    with pytest.raises(EntityParseError):
        parse_html(html)


def test_lenient_mode_keeps_a_bare_ampersand_and_drops_a_bad_link():
    parsed = parse_html('AT&T <a href="javascript:x">y</a>', strict=False)
    assert parsed.text == "AT&T y"
    assert parsed.entities == ()


def test_hostile_text_rendered_by_the_project_parses_back_to_itself():
    hostile = 'Tom & Jerry <b>bold</b> </a> "quoted" 1 < 2 > 0'
    doc = Document(sections=(Section((Block((Span(hostile, bold=True, url="https://e.org/?q=1&x=<>"),)),)),))
    (message,) = html_messages(doc)
    parsed = parse_html(message)
    assert parsed.text == hostile
    kinds = {e["type"] for e in parsed.entities}
    assert kinds == {"bold", "text_link"}
