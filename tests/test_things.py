"""Names of weapons and machines are things, not actors; actors named before such nouns stay."""

import pytest

from briefing.actors import extract_actors


def names(text):
    return {(a.name, a.type) for a in extract_actors(text)}


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        (
            "Berlin still refuses to supply long-range Taurus missiles. Taurus cruise missiles could help.",
            "Taurus",
        ),
        ("Critical assets such as ATACMS missiles have largely come from America.", "ATACMS"),
        (
            "The test of the Oreshnik missile alarmed Kyiv. The Oreshnik ballistic missile flew fast.",
            "Oreshnik",
        ),
    ],
)
def test_a_name_written_before_a_weapon_noun_is_no_actor(text, thing):
    assert thing not in {name for name, _ in names(text)}


def test_actors_before_weapon_nouns_stay():
    found = names("Hezbollah rockets hit the town. Russian missiles struck Kyiv. Iranian drones were used.")
    assert {("Hezbollah", "organization"), ("Russia", "place"), ("Iran", "place")} <= found


def test_a_name_mostly_used_as_an_actor_stays_one():
    found = names("Saab said sales rose. Saab will open a plant. Saab missiles sell well.")
    assert "Saab" in {name for name, _ in found}


def test_a_name_given_to_a_weapon_after_it_is_no_actor():
    found = extract_actors(
        "Russia tested a medium-range ballistic missile, known as Oreshnik, during its operation in Ukraine."
    )
    assert "Oreshnik" not in {a.name for a in found}
    found = extract_actors("The army flew a drone called Falcon over the border near Kursk.")
    assert "Falcon" not in {a.name for a in found}
