"""A province written after its place's name in lower case is part of the mention, and the same actor
(texts of our own)."""

import pytest

from briefing.actors import extract_actors
from tests.actor_helpers import surfaces_by_actor as typed


def test_a_lower_case_province_is_part_of_the_mention_of_the_same_place():
    actors = extract_actors(
        "Drones struck Nineveh governorate and Idlib province. Idlib was calm.", tagger=None
    )
    by_name = {a.name: [m.surface for m in a.mentions] for a in actors}
    assert by_name["Nineveh"] == ["Nineveh governorate"]
    assert by_name["Idlib"] == ["Idlib province", "Idlib"]  # one actor, whatever the mention says


def test_an_area_around_a_place_is_not_its_name():
    actors = extract_actors("Rain fell across the Haifa region and the Karrada district.", tagger=None)
    surfaces = [m.surface for a in actors for m in a.mentions]
    assert "Haifa" in surfaces
    assert not any("region" in s or "district" in s for s in surfaces)


def test_a_capitalised_province_is_the_same_actor_as_the_place():
    # QA18b F9: "Idlib Province" was an actor apart from "Idlib" in the same article
    text = "Rebels held the province of Idlib. Drones struck Idlib Province and Nineveh Governorate today."
    for tagger in (None, "shipped"):
        by_name = {a.name: [m.surface for m in a.mentions] for a in extract_actors(text, tagger=tagger)}
        assert by_name["Idlib"] == ["Idlib", "Idlib Province"], tagger
        assert by_name["Nineveh"] == ["Nineveh Governorate"], tagger


def test_a_province_the_lists_do_not_know_is_named_without_its_unit():
    # QA18b F9: "Sichuan province" was the actor's name; the actor is the place, the word the mention's
    text = "Gansu province reported floods on Tuesday, and Yunnan province reported landslides."
    by_name = {a.name: [m.surface for m in a.mentions] for a in extract_actors(text, tagger="shipped")}
    assert by_name.get("Gansu") == ["Gansu province"], by_name
    assert by_name.get("Yunnan") == ["Yunnan province"], by_name


def test_a_province_named_by_a_direction_keeps_its_unit():
    text = "Saudi Arabia's Eastern Province and Zambia's Northern Province were calm."
    for tagger in (None, "shipped"):
        names = [a.name for a in extract_actors(text, tagger=tagger)]
        assert "Eastern Province" in names and "Northern Province" in names, tagger


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_place_whose_listed_name_holds_a_comma_is_one_mention(tagger):
    """ "Washington, D.C." is one place, as the lists name it; a town and its state stay two."""
    found = typed("He moved to Washington, D.C., in 1990. She lives in Metairie, Louisiana.", tagger=tagger)
    assert found[("Washington, D.C.", "place")] == ["Washington, D.C."], found
    assert ("Metairie", "place") in found and ("Louisiana", "place") in found, found
