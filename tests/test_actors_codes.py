"""An armed group named by a code ("the M23 armed group", "M23 rebels") is an organisation, and so is the
same code elsewhere in the text; a code before no group's words is no name ("F-16 fighters")."""

import pytest
from actor_helpers import surfaces_by_actor

from briefing.codes import code
from briefing.sentences import split_sentences
from briefing.tokens import tokenize


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_code_before_armed_group_names_the_group_wherever_it_stands(tagger):
    found = surfaces_by_actor(
        "The K12 armed group seized Walikale in eastern Congo. K12 took the airport on Monday.", tagger=tagger
    )
    assert found[("K12", "organization")] == ["K12 armed group", "K12"]


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_code_before_rebels_is_the_group_and_its_fighters(tagger):
    found = surfaces_by_actor("Columns of K12 rebels advanced on Bukavu overnight.", tagger=tagger)
    assert found[("K12", "organization")] == ["K12 rebels"]


def test_a_code_before_no_group_is_no_name():
    found = surfaces_by_actor("Two F-16 fighters flew over the M23 motorway near Crawley.")
    assert not any(name in ("F-16", "M23") for name, _ in found)


@pytest.mark.parametrize("text, is_code", [("M23", True), ("K12", True), ("FDLR", False), ("Pick6", False)])
def test_what_a_code_is(text, is_code):
    tok = tokenize(split_sentences(f"{text} rebels.")[0])[0]
    assert code(tok) is is_code


def test_a_code_the_lists_know_as_a_body_is_no_armed_group():
    found = surfaces_by_actor("G20 rebels gathered in the hall. The G20 summit opened on Monday.")
    assert not any("rebels" in s for surfaces in found.values() for s in surfaces)


@pytest.mark.parametrize(
    "text, name, surface",
    [
        ("The K12 terrorist group claimed the attack on Monday.", "K12", "K12 terrorist group"),
        ("Police said the Hezbollah paramilitary group fired.", "Hezbollah", "Hezbollah paramilitary group"),
    ],
)
def test_a_group_by_code_or_by_name_takes_the_same_armed_kinds(text, name, surface):
    found = surfaces_by_actor(text)
    assert found[(name, "organization")] == [surface]
