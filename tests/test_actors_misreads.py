"""Session 10's open misreads, each fixed by a general rule (not a list of the strings): a long numbered
work's name ("Grand Theft Auto V"), a plural noun for people that opens a sentence and speaks ("Mourners
said"), a rank's own plural as an epithet ("King of Kings Haile Selassie"), a place head's plural as a realm
("Lord of the Isles"), a party named with "and" ("Law and Justice"), and a rating before a given name alone
("Fireman Sam")."""

import pytest

from tests.actor_helpers import surfaces_by_actor as typed


@pytest.mark.parametrize("tagger", ["shipped", None])
@pytest.mark.parametrize(
    "text",
    [
        "Rockstar released Grand Theft Auto V in 2013, and the game sold well.",
        "Critics loved Silent Stone Harbour III when it came out in May.",
        "Players queued for Iron Lantern Saga IV at the arcade in Tessvik.",
    ],
)
def test_three_words_and_a_numeral_with_no_given_name_are_no_person(text, tagger):
    assert not [n for (n, t) in typed(text, tagger=tagger) if t == "person"]


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_long_numbered_name_with_a_given_name_or_an_initial_is_a_person(tagger):
    text = (
        "Martin Luther King III spoke first. Then Charles H. Keating IV spoke, and Eberhard Faber V "
        "played guitar."
    )
    people = {n for (n, t) in typed(text, tagger=tagger) if t == "person"}
    assert {"Martin Luther King III", "Charles H. Keating IV", "Eberhard Faber V"} <= people
