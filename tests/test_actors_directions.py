"""A direction word and a name: a place the lists know whole ("Northern Ireland"), never the bare country
after it; a direction and a word that is no place is no place ("West Ham", "Northern Rock")."""

import pytest
from actor_helpers import surfaces_by_actor


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_sentence_that_opens_with_a_known_place_in_the_possessive_names_it_whole(tagger):
    found = surfaces_by_actor(
        "Northern Ireland's first minister Aoife Brennan met officials in Belfast. The northern towns voted.",
        tagger=tagger,
    )
    assert found[("Northern Ireland", "place")] == ["Northern Ireland"]
    assert ("Ireland", "place") not in found


@pytest.mark.parametrize(
    "text, name",
    [
        ("West Ham signed a striker from Lyon on Friday.", "West Ham"),
        ("Northern Rock collapsed in 2007, and its savers queued for days.", "Northern Rock"),
        ("Savers queued outside branches of Southern Crest for days.", "Southern Crest"),
    ],
)
@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_direction_and_a_word_that_is_no_place_is_no_place(text, name, tagger):
    found = surfaces_by_actor(text, tagger=tagger)
    assert found[(name, "organization")] == [name]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Fighting spread in North Kivu on Monday.", "North Kivu"),
        ("He moved to Surabaya, East Java, where he studied music.", "East Java"),
        ("Traders from the South East sold grain.", "South East"),
    ],
)
def test_a_direction_and_a_word_the_context_places_stays_a_place(text, name):
    assert (name, "place") in surfaces_by_actor(text)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Fighting in North Kivu continued on Monday. North Kivu is restive.", "North Kivu"),
        ("North Kivu is restive. Fighting in North Kivu continued on Monday.", "North Kivu"),
        ("South Shields voted Labour. Voters in South Shields were angry.", "South Shields"),
        ("Goma, North Kivu, was shelled overnight. North Kivu is restive.", "North Kivu"),
    ],
)
@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_direction_and_a_word_the_text_places_once_is_a_place_everywhere(text, name, tagger):
    found = surfaces_by_actor(text, tagger=tagger)
    assert found[(name, "place")] == [name, name]
    assert (name, "organization") not in found


def test_a_club_the_text_never_places_stays_a_club():
    found = surfaces_by_actor("West Ham won on Saturday. His years at West Ham were his best.")
    assert found[("West Ham", "organization")] == ["West Ham", "West Ham"]
