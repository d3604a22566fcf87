"""Misreads left from session 13 (actors36): a street's shortened name, a body written with "the", a
departure's portmanteau ("Brexit"), and a leader the news spells two ways in a headline ("Orban")."""

import pytest

from briefing.actors import extract_actors

TAGGERS = ["shipped", None]


def names(text, tagger="shipped"):
    return {(a.name, a.type) for a in extract_actors(text, tagger=tagger)}


@pytest.mark.parametrize("tagger", TAGGERS)
@pytest.mark.parametrize(
    ("sentence", "street"),
    [
        ("The rally began at 100 Maryland Ave. SW on Friday.", "Maryland Ave"),
        ("The office at 12 Baker St. was closed on Friday.", "Baker St."),
        ("Traffic on Oak Rd was slow on Friday.", "Oak Rd"),
    ],
)
def test_a_streets_shortened_name_is_a_place(sentence, street, tagger):
    # qa22c: "Maryland Ave" was an organisation, "Oak Rd" a person
    assert (street, "place") in names(sentence, tagger)


@pytest.mark.parametrize("tagger", TAGGERS)
def test_a_lone_word_after_the_that_speaks_is_no_person(tagger):
    text = "Spending rose again in March, the Treasury said on Tuesday."
    assert not any(type_ == "person" for _, type_ in names(text, tagger))


@pytest.mark.parametrize("tagger", TAGGERS)
def test_a_departures_portmanteau_is_no_actor(tagger):
    # qa22c F12: "While Brexit introduced hurdles" gave an organisation Brexit
    text = (
        "Europe has witnessed a series of crises, particularly following Brexit and increasing tensions "
        "with Russia.\n\nThe meeting also signals an evolving approach in relations post-Brexit. While "
        "Brexit introduced significant diplomatic and logistical hurdles, recent efforts suggest a "
        "willingness to find common ground."
    )
    assert names(text, tagger) == {("Europe", "place"), ("Russia", "place")}


def test_a_leader_in_a_headline_is_found_without_his_accent():
    # qa22c F12: "Orban's 'Surprise' Beijing Visit" missed him and gave a place Surprise (Arizona)
    text = "Orban's 'Surprise' Beijing Visit Sparks EU Controversy\n\nHungary's leader flew to Beijing."
    found = names(text)
    assert ("Viktor Orbán", "person") in found
    assert not any(name == "Surprise" for name, _ in found)


@pytest.mark.parametrize("tagger", TAGGERS)
def test_two_given_names_joined_by_an_ampersand_are_no_place(tagger):
    # qa20b: "hot Chas & Dave action" gave a place Chas (a town the lists know) and a person Dave
    text = "The book, out on Friday, contains hot Chas & Dave action."
    assert names(text, tagger) == {("Chas", "person"), ("Dave", "person")}


@pytest.mark.parametrize("tagger", TAGGERS)
def test_a_country_then_a_place_head_that_is_also_a_town_is_no_person(tagger):
    # guards the country-then-town rule: "Bay" is a town in the lists, and a place's head word
    assert not any(type_ == "person" for _, type_ in names("Georgia Bay was calm on Monday.", tagger))
