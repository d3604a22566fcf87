"""Pages of long replies, their sources view and the state kept for their buttons."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from briefing.ages import age, retold
from briefing.document import Document, Section, bold, code, heading, italic, link, para
from briefing.paging import (
    Key,
    Paged,
    asked_view,
    button_keys,
    page_count,
    page_view,
    parse_action,
    sources_view,
    split_pages,
)
from briefing.render import html_messages


def doc(n: int) -> Document:
    sections = tuple(
        Section((para(bold(f"Story {i}")), para("Body ", link(f"Outlet {i}", f"https://ex.com/{i}"))))
        for i in range(1, n + 1)
    )
    return Document(header=(heading("Top stories"),), sections=sections, footer=(para("The end"),))


def test_a_short_reply_has_one_page_and_no_keys():
    view = page_view(doc(2), 1, 3)
    assert view.document == doc(2) and view.keys == ()


def test_the_first_page_has_more_and_sources():
    view = page_view(doc(7), 1, 3)
    assert "Story 3" in view.document.text and "Story 4" not in view.document.text
    assert view.document.header == (heading("Top stories"),)
    assert view.keys == ((Key("More ▸ 2/3", "p2"), Key("Sources", "s1")),)
    assert "Page 1 of 3" in view.document.text


def test_a_middle_page_goes_both_ways_and_the_last_has_the_footer():
    assert [k.action for k in page_view(doc(7), 2, 3).keys[0]] == ["p1", "p3", "s2"]
    last = page_view(doc(7), 3, 3)
    assert [k.action for k in last.keys[0]] == ["p2", "s3"]
    assert "The end" in last.document.text and last.document.header == ()


def test_pages_out_of_range_are_clamped():
    assert "Page 3 of 3" in page_view(doc(7), 99, 3).document.text
    assert "Page 1 of 3" in page_view(doc(7), 0, 3).document.text


def test_extra_keys_stay_under_every_page():
    extra = button_keys([["Follow"], ["Mute", "Share"]])
    assert extra == ((Key("Follow", "b0"),), (Key("Mute", "b1"), Key("Share", "b2")))
    assert page_view(doc(7), 2, 3, extra=extra).keys[1:] == extra
    assert page_view(doc(1), 1, 3, extra=extra).keys == extra


def test_sources_lists_the_links_of_one_page_by_story():
    view = sources_view(doc(7), 2, 3)
    text = view.document.text
    assert "Story 4" in text and "Outlet 6" in text and "Outlet 3" not in text
    urls = [s.url for s in view.document.sections[0].blocks[1].spans]
    assert urls == ["https://ex.com/4"]
    assert view.keys == ((Key("◂ Back", "p2"),),)


def test_sources_lists_a_storys_outlets_not_its_linked_headline_and_an_articles_title_link():
    story = Section(
        (para(link("Kellogg named envoy", "https://dw.com/a")), para(link("dw.com", "https://dw.com/a")))
    )
    article = Section((para(link("Port strike ends", "https://ap.org/p")), para("ap.org · today")))
    view = sources_view(Document(sections=(story, article)), 1, 3)
    assert [[s.text for b in sec.blocks for s in b.spans] for sec in view.document.sections] == [
        ["Kellogg named envoy", "dw.com"],
        ["Port strike ends", "Port strike ends"],
    ]


def test_a_page_without_links_says_so():
    plain = Document(sections=tuple(Section((para(f"S{i}"),)) for i in range(5)))
    assert "links to no sources" in sources_view(plain, 1, 3).document.text
    assert [k.label for k in page_view(plain, 1, 3).keys[0]] == ["More ▸ 2/2"]


def test_paged_state_survives_json_with_every_style():
    document = Document(
        header=(heading("H ", italic("i")),),
        sections=(Section((para(bold("b"), code("<c>"), link("l & m", "https://x.y/?a=1&b=2")),)),),
        footer=(para("f"),),
    )
    state = Paged(document, ((("✓ 3 stories", "/settings length 3"), ("5", "/settings length 5")),))
    back = Paged.from_json(state.to_json())
    assert back == state
    assert back.commands == ("/settings length 3", "/settings length 5")
    assert back.labels == (("✓ 3 stories", "5"),)
    assert Paged.from_json(Paged(None, ()).to_json()) == Paged(None, ())


@pytest.mark.parametrize(
    ("action", "parsed"),
    [("p2", ("p", 2)), ("s10", ("s", 10)), ("b0", ("b", 0)), ("x1", None), ("p", None), ("p-1", None)],
)
def test_parse_action(action, parsed):
    assert parse_action(action) == parsed


def test_page_count():
    assert page_count(doc(7), 3) == 3 and page_count(doc(3), 3) == 1


def test_a_page_holds_only_as_many_stories_as_fit_in_one_message():
    long = tuple(Section((para(f"Story {i}"), para(f"Fact {i}. " * 260))) for i in range(1, 6))
    doc = Document(header=(heading("Top stories"),), sections=long, footer=(para("The end"),))
    shown = split_pages(doc, 5)
    assert [len(p.sections) for p in shown] == [1, 1, 1, 1, 1]  # each story is ~2,100 characters
    assert all(len(html_messages(p)) == 1 for p in shown)
    assert shown[0].header == doc.header and shown[-1].footer == doc.footer
    short = Document(sections=tuple(Section((para(f"Story {i}"),)) for i in range(12)))
    assert [len(p.sections) for p in split_pages(short, 5)] == [5, 5, 2]


def test_ages_survive_the_stored_state_and_are_told_again_when_shown():
    now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    week_ago = now - timedelta(days=6)
    story = (para(bold("Story"), " · ", age(now, now, italic=True)), para("seen ", age(week_ago, now, "day")))
    page = Document(sections=(Section(story),))
    back = Paged.from_json(Paged(page).to_json()).document
    assert back == page and back.text == "Story · just now\nseen 18 Nov"
    later = retold(back, now + timedelta(days=1, hours=2))
    assert later.text == "Story · yesterday\nseen 18 Nov"
    assert later.sections[0].blocks[0].spans[2].italic
    assert retold(doc(2), now) == doc(2)  # nothing to tell again: the same document


def test_a_key_for_a_page_or_sources_the_reply_does_not_have_asks_for_nothing():
    assert asked_view(doc(7), "p", 3, 3) == page_view(doc(7), 3, 3)
    assert asked_view(doc(7), "s", 2, 3) == sources_view(doc(7), 2, 3)
    assert asked_view(doc(7), "p", 4, 3) is None and asked_view(doc(7), "p", 0, 3) is None
    assert asked_view(doc(7), "s", 9, 3) is None
    assert asked_view(doc(2), "s", 1, 3) is None  # one page: it has no Sources key
    unlinked = Document(sections=tuple(Section((para(f"Story {i}"),)) for i in range(4)))
    assert asked_view(unlinked, "s", 1, 3) is None
