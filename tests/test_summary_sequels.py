"""Summary sentences that need what came before them, and fragments that are no sentences (QA20b F9)."""

import pytest
from conftest import FIXTURES

from briefing.antecedents import needed_before, points_back, tells_a_sequel
from briefing.feeds import parse_feed
from briefing.referents import People
from briefing.summary import is_fragment, summarize


@pytest.mark.parametrize(
    ("sentence", "sequel"),
    [
        ("Randall-Gay’s mother subsequently complained to Meridian Township police department.", True),
        ("She was later named as his wife, Leah LaBelle, by the Miami Heat.", True),
        ("The bridge was thereafter closed to lorries.", True),
        ("The vote is later this week.", False),
        ("Police later said the man had died.", False),  # said: no past participle after "was later"
        ("“He was later named,” the coach said.", False),  # the speaker's words
    ],
)
def test_a_sentence_telling_what_happened_next_is_a_sequel(sentence, sequel):
    assert tells_a_sequel(sentence) is sequel


@pytest.mark.parametrize(
    ("sentence", "back"),
    [
        (
            "In no other category has this choice been more painful, because the director rules.",
            True,
        ),
        ("Officials said these measures would cut costs by a third.", True),
        ("The council met this week to approve the budget.", False),
        ("Prices in this country have risen for a year.", False),
        (
            "The minister said on Tuesday the agency knew of the risk and this decision followed.",
            False,
        ),
    ],
)
def test_this_or_these_among_a_sentences_first_words_points_back(sentence, back):
    assert points_back(sentence) is back


@pytest.mark.parametrize(
    ("sentence", "fragment"),
    [
        ("America’s public lands.", True),
        ("The city's tram since 1998, now longer.", True),
        ("Britain's economy shrank.", False),
        ("Britain's economy grows again.", False),
        ("The company's shares fell 5% on Monday.", False),
        ("The minister's car was stolen.", False),
        ("He was 38.", False),  # no possessive: a short sentence like any other
    ],
)
def test_a_possessive_noun_phrase_without_a_verb_is_a_fragment(sentence, fragment):
    assert is_fragment(sentence) is fragment


def test_a_sequel_and_a_this_wait_for_what_they_need():
    sentences = [
        "The star was treated by the doctor in 1997.",
        "Her mother subsequently complained to police.",
        "Critics disagreed with the panel.",
        "In no other year has this choice been so hard.",
    ]
    assert needed_before(sentences) == {1: (frozenset({0}),), 3: (frozenset({0, 1, 2}),)}


def test_a_she_is_no_man_the_sentences_before_name():
    # "his Range Rover": Butler is a "he", so the "she" is not him
    people = People(
        [
            "Butler lost control of his Range Rover in the early hours.",
            "A passenger also died.",
            "She was named by the Miami Heat.",
        ]
    )
    assert people.referent(2) is None


def test_the_guardians_she_was_later_named_comes_only_after_the_passenger_it_names():
    # tests/fixtures/feeds/guardian.rss (rss-parser's test input): Rasual Butler's crash
    [entry] = [
        e
        for e in parse_feed((FIXTURES / "feeds" / "guardian.rss").read_bytes()).entries
        if "Butler" in e.draft.title
    ]
    summary = summarize(entry.draft.body, title=entry.draft.title, sentences=3)
    later = [k for k, s in enumerate(summary) if "later named as his wife" in s]
    assert not later or summary[later[0] - 1].startswith("A passenger")


def test_a_fragment_is_no_summary_sentence():
    body = (
        "The city's tram since 1998, now longer.\n\n"
        "The first trams ran to the old harbour on Monday, two years late, after the track was done.\n\n"
        "Shop owners on the quay said they hoped the trams would bring back the customers they had lost."
    )
    assert "The city's tram since 1998, now longer." not in summarize(body, title="Tramway reaches harbour")
