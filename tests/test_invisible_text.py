"""Titles and arguments that show nothing (qa22b F4): a feed's title of zero-width spaces was a blank
headline no one could tap; "/follow" with two zero-width joiners followed an invisible “‌”."""

from __future__ import annotations

import pytest

from briefing.charsets import visible
from briefing.dumps import split_dump
from briefing.feeds import parse_feed
from briefing.pages import parse_page
from briefing.service.commands import Asker, answer, load_all, parse
from briefing.titles import given_title
from store import subscribers

load_all()
ALICE = Asker(chat_id=1001, user_id=1001)

BODY = "Flood barriers held in Bexley overnight as the river rose to its highest level in forty years."


def _rss(title: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Odd</title>'
        f"<item><title>{title}</title><link>https://odd.example/1</link>"
        f"<description>{BODY}</description></item></channel></rss>"
    ).encode()


@pytest.mark.parametrize(
    "text",
    [
        "\u200b\u200b",
        "\ufeff",
        "\u200c\u200d",
        " \u2060 ",
        "\u00ad",
        "\u3164\u3164",
        "\u115f\u1160",
        "\u2800",
        "\u034f",  # qa23 F8: Hangul fillers, the Braille blank, the grapheme joiner
    ],
)
def test_marks_that_take_no_room_are_nothing_to_see(text: str) -> None:
    assert not visible(text)
    assert given_title(text) == ""


def test_a_title_keeps_its_words_and_joined_emoji_but_not_its_zero_width_spaces() -> None:
    assert given_title("\ufeffFlood\u200b barriers hold") == "Flood barriers hold"
    assert given_title("Family day 👨\u200d👩\u200d👧") == "Family day 👨\u200d👩\u200d👧"


def test_a_feed_entry_titled_with_zero_width_spaces_gets_a_title_from_its_text() -> None:
    (entry,) = parse_feed(_rss("&#8203;&#8203;")).entries
    assert entry.draft.title.startswith("Flood barriers held in Bexley")


def test_a_page_titled_with_a_byte_order_mark_only_gets_a_title_from_its_text() -> None:
    towns = ("Bexley", "Erith", "Crayford", "Dartford")
    prose = "".join(f"<p>{BODY.replace('Bexley', town)}</p>" for town in towns)
    html = f"<html><head><title>\ufeff\u200b</title></head><body><article>{prose}</article></body></html>"
    assert parse_page(html, "https://odd.example/2").title.startswith("Flood barriers held in Bexley")


def test_a_dump_headline_loses_its_zero_width_space() -> None:
    dump = f"Flood\u200b barriers hold in Bexley\n\n{BODY}\n\n{BODY.replace('Flood', 'Sand')}\n"
    (article,) = split_dump(dump, source="d.txt")
    assert article.title == "Flood barriers hold in Bexley"


def test_an_argument_of_zero_width_joiners_is_no_argument() -> None:
    assert parse("/follow \u200c\u200c") == ("follow", "")
    assert parse("/search \u200d") == ("search", "")
    assert parse("/follow \u3164\u3164") == ("follow", "")  # qa23 F8: Hangul fillers, a "blank name"
    assert parse("/follow Kellogg") == ("follow", "Kellogg")


async def test_follow_with_only_invisible_marks_asks_for_a_name(app) -> None:
    reply = await answer(app, "/follow \u200c\u200c", ALICE)
    assert "/follow Kellogg" in reply.document.text
    assert subscribers.follows_of(app.db, 1001) == []
