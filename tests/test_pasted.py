"""A headline pasted back: where it may begin in the text, and whether a stored title ends there as a
pasted headline does (the bot's list entry, a page title's " | Section | Outlet", a digest's label)."""

from __future__ import annotations

import pytest

from briefing.pasted import headline_starts, lead_words, names_outlet, specific, title_end

TITLE = "Lorde takes out newspaper advert in wake of Grammys snub to women"


@pytest.mark.parametrize(
    "text",
    [
        TITLE,
        f"{TITLE}.",
        f"{TITLE} | Music | The Guardian",
        f"{TITLE}\nThe Guardian · 31 Jan 2018\n• New Zealand singer Lorde has taken out an advert.",
        f"{TITLE} · The Guardian · 3 h ago",
        f"{TITLE} - The Guardian",
        f"{TITLE} (Grammys row)",
        "lorde TAKES out newspaper advert in wake of grammys snub to women",
    ],
)
def test_a_title_ends_where_a_pasted_headline_does(text):
    assert title_end(text, 0, TITLE) == len(TITLE)


@pytest.mark.parametrize(
    "text",
    [
        f"{TITLE} tour dates",  # more words: a search that begins with the title, not the headline
        f"{TITLE}s",
        "Lorde takes out newspaper advert",
        f"Lorde: {TITLE}",
    ],
)
def test_a_title_is_no_pasted_headline_when_words_follow_it_or_some_are_missing(text):
    assert title_end(text, 0, TITLE) is None


def test_a_headline_the_bot_cut_short_is_the_title_it_begins():
    cut = "Lorde takes out newspaper advert in wake of Gram…"
    assert title_end(cut, 0, TITLE) == cut.index("…")
    assert title_end(f"{cut}\nThe Guardian · 3 h ago", 0, TITLE) == cut.index("…")
    assert title_end("Lorde takes…", 0, TITLE) is None  # two words: anything could begin so
    assert title_end("Lorde takes out the bins…", 0, TITLE) is None


def test_a_short_title_is_a_searchs_words_not_a_headline():
    assert title_end("Ukraine", 0, "Ukraine") is None
    assert title_end("Week in review", 0, "Week in review") == len("Week in review")


def test_a_headline_begins_a_line_after_the_bots_label():
    text = f"New about Lorde\nUpdate: {TITLE} (Grammys row)\nYou follow Lorde"
    starts = headline_starts(text)
    assert starts[1] == text.index("Lorde takes")
    assert title_end(text, starts[1], TITLE) is not None
    assert headline_starts(f"In the story: {TITLE} (3 sources)") == [len("In the story: ")]
    assert lead_words(text, starts[1]) == ["newspaper", "grammys", "advert"]  # the longest: rare words


def test_accents_and_letters_are_folded_as_the_index_folds_them():
    assert title_end("Łukasz Kukuła wins the Straße prize", 0, "Lukasz Kukula wins the Strasse prize")
    assert lead_words("Zürich café reopens", 0) == ["reopens", "zurich", "cafe"]


def test_the_words_looked_up_are_those_before_the_first_separator():
    assert lead_words("Scholz visits Kyiv | Politics | Deutsche Welle", 0) == ["scholz", "visits", "kyiv"]
    assert lead_words("Trump — the return of a president", 0) == ["return", "trump"]  # three at least
    assert lead_words("Of the in a | x", 0) == []


def test_the_outlet_named_after_a_headline():
    assert names_outlet(" | Music | The Guardian", "The Guardian")
    assert names_outlet("\nthe guardian · 3 h ago", "The Guardian")
    assert not names_outlet(" | Music | The Guardian", "BBC")
    assert not names_outlet(" | Music", "")


def test_a_short_title_is_a_headline_only_with_the_bots_text_around_it():
    """QA33 F12: "What we know" typed alone is a search's words; pasted with an outlet or a label, or a
    title of four words or more, it is a headline."""
    assert not specific("What we know", 0, 12, "What we know")
    assert not specific("What we know?", 0, 12, "What we know")
    assert specific("What we know | World | BBC", 0, 12, "What we know")
    assert specific("Update: What we know", 8, 20, "What we know")
    assert specific("New about Leeds\nWhat we know", 16, 28, "What we know")
    assert specific("Trump wins the vote", 0, 19, "Trump wins the vote")
