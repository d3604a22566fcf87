"""Cutting text only where a reader sees a character end (qa22b F2, F3): flags, joined emoji, accents."""

from __future__ import annotations

import pytest

from briefing.briefs import shorten
from briefing.document import Document, Section, clip, para
from briefing.graphemes import boundary, head, is_boundary
from briefing.render import html_messages, plain_messages, utf16_len

UA = "🇺🇦"
FAMILY = "👨\u200d👩\u200d👧\u200d👦"
ACCENTED = "e\u0301\u0302\u0303"


@pytest.mark.parametrize(
    ("text", "cut", "edge"),
    [
        ("abc", 2, 2),
        (UA * 3, 3, 2),  # between the 🇺 and 🇦 of the second flag: back to after the first flag
        (UA * 3, 4, 4),
        ("x" + UA * 2, 2, 1),  # the run of indicators pairs from its own start, not the text's
        ("x" + UA * 2, 3, 3),
        (FAMILY * 2, 3, 0),  # inside the first family: no edge before it
        (FAMILY * 2, 9, 7),
        (ACCENTED * 2, 2, 0),
        (ACCENTED * 2, 6, 4),
        ("👍🏽 ok", 1, 0),  # a skin tone stays with its hand
        ("❤\ufe0f!", 1, 0),  # a variation selector stays with its heart
        ("a\r\nb", 2, 1),
    ],
)
def test_boundary_falls_at_the_edge_of_a_cluster(text: str, cut: int, edge: int) -> None:
    assert boundary(text, cut) == edge
    assert is_boundary(text, edge)


def test_head_never_cuts_inside_a_flag_and_cuts_as_asked_when_there_is_no_edge() -> None:
    assert head("x" + UA * 5, 4) == "x" + UA
    assert head(ACCENTED, 2) == ACCENTED[:2]  # one letter with three accents, asked for two code points


def _clusters_whole(messages: list[str], whole: str) -> None:
    """Every message ends at a cluster edge of the text they were cut from."""
    at = 0
    for message in messages:
        at = whole.index(message.strip(), at) + len(message.strip())
        assert is_boundary(whole, at), (at, whole[at - 3 : at + 3])


@pytest.mark.parametrize("text", ["x" + UA * 1100, FAMILY * 700, ACCENTED * 1100])
def test_a_long_message_without_spaces_is_split_between_characters(text: str) -> None:
    doc = Document(sections=(Section((para(text),)),))
    plain = plain_messages(doc)
    assert len(plain) > 1
    assert all(utf16_len(m) <= 4096 for m in plain)
    _clusters_whole(plain, text)
    html = html_messages(doc)
    assert len(html) > 1 and all(utf16_len(m) <= 4096 for m in html)
    _clusters_whole(html, text)


def test_a_flag_in_a_clipped_headline_or_query_is_kept_whole_or_left_out() -> None:
    assert clip("x" + UA * 40, 10) == "x" + UA * 4 + "…"
    assert shorten("zz " + "x" + UA * 40, 10) == "zz x" + UA * 2 + "…"
    assert clip("Kelso " + FAMILY * 30, 12) == "Kelso…"
