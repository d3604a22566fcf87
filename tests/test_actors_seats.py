"""A titled person's "of PLACE": where a councillor, a governor or a bishop sits is a place, neither part of
the name nor a person of its own (qa22a F2)."""

import pytest

from tests.actor_helpers import surfaces_by_actor

TAGGERS = ["shipped", None]


@pytest.mark.parametrize("tagger", TAGGERS)
@pytest.mark.parametrize(
    ("sentence", "person", "place"),
    [
        ("Councillor Jane Smith of Ealing said the budget was too small.", "Jane Smith", "Ealing"),
        ("Regional governor Tomas Berkvist of Skane also spoke.", "Tomas Berkvist", "Skane"),
        ("Bishop Robert Barron of Winona prayed for the victims.", "Robert Barron", "Winona"),
    ],
)
def test_of_a_place_after_a_seated_title_and_a_name_is_the_place(sentence, person, place, tagger):
    text = f"Officials met on Monday over the budget. {sentence} {person.split()[1]} later agreed."
    found = surfaces_by_actor(text, tagger=tagger)
    assert found[(person, "person")] == [person, person.split()[1]]
    assert found[(place, "place")] == [place]


@pytest.mark.parametrize("tagger", TAGGERS)
def test_of_after_a_title_that_holds_no_seat_is_left_to_the_other_rules(tagger):
    text = "Officials met on Monday. Spokesman Tom Brown of Oxfam said aid was late."
    found = surfaces_by_actor(text, tagger=tagger)
    assert ("Oxfam", "place") not in found
