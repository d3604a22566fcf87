"""A province written after its place's name in lower case is part of the mention, and the same actor
(texts of our own)."""

from briefing.actors import extract_actors


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
