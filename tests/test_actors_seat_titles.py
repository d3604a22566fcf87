"""A seat's title right before "of PLACE" or "for PLACE", with no holder's name between ("The Bishop of
Ealing said", "The MP for Ealing said"), holds a place: neither a person nor a body called Ealing
(qa24 F7)."""

import pytest

from briefing.actors import extract_actors


@pytest.mark.parametrize(
    "sentence",
    [
        "The Bishop of Hanwell said on Sunday that the church would stay open.",
        "The MP for Hanwell said the budget was too small.",
    ],
)
def test_the_seat_after_a_seated_title_is_a_place(sentence):
    assert {(a.name, a.type) for a in extract_actors(sentence)} == {("Hanwell", "place")}


def test_the_seats_of_one_text_are_one_place():
    text = (
        "The Bishop of Hanwell said the church would stay open. The MP for Hanwell said the same. "
        "The Mayor of Hanwell, John Smith, laughed."
    )
    found = {(a.name, a.type): len(a.mentions) for a in extract_actors(text)}
    assert found[("Hanwell", "place")] == 3
    assert ("Hanwell", "organization") not in found


def test_a_body_after_a_seated_title_stays_a_body():
    text = "The Governor of the Bank of England said rates would fall."
    assert ("Bank of England", "organization") in {(a.name, a.type) for a in extract_actors(text)}


def test_a_mayors_seat_before_a_verb_of_speech_is_a_place():
    # actors36: "The Mayor of Ealing said" gave a person Ealing, the verb read as his
    text = "The Mayor of Hanwell said the council would raise council tax next year."
    assert {(a.name, a.type) for a in extract_actors(text)} == {("Hanwell", "place")}


def test_a_members_seat_is_a_place_and_no_body():
    # actors36: "The Member of Parliament for Ealing Central" gave a body "Parliament for Ealing Central"
    text = "The Member of Parliament for Hanwell Central criticised the plan on Tuesday."
    assert {(a.name, a.type) for a in extract_actors(text)} == {("Hanwell Central", "place")}


def test_a_named_parliament_before_a_members_seat_stays_a_body():
    text = "The Member of the European Parliament for London said the vote was close."
    found = {(a.name, a.type) for a in extract_actors(text)}
    assert found == {("European Parliament", "organization"), ("London", "place")}


def test_two_seated_people_joined_by_and_keep_their_seats_apart():
    # actors36 (qa24 F7 c3): the first seat ran into the person, "Jane Smith of Hanwell"
    text = (
        "Labour councillor Jane Smith of Hanwell and Conservative councillor Tom Jones of Brent "
        "disagreed on Tuesday."
    )
    found = {(a.name, a.type) for a in extract_actors(text)}
    assert {("Jane Smith", "person"), ("Hanwell", "place"), ("Tom Jones", "person")} <= found
    assert not any("Hanwell" in name and type_ == "person" for name, type_ in found)
