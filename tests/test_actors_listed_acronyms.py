"""An acronym the lists give an actor of its own ("UK", "EU") names that actor, though a body the text
names has the same initials; only brackets after the body's name make the acronym the body's."""

from briefing.actors import extract_actors


def names(text: str) -> dict[str, list[str]]:
    return {a.name: [text[m.start : m.end] for m in a.mentions] for a in extract_actors(text)}


def test_a_university_with_the_initials_u_k_does_not_take_the_uk():
    text = "Staff at Kingston University walked out on Monday. The UK government said fees would rise."
    found = names(text)
    assert found["Kingston University"] == ["Kingston University"]
    assert "UK" in found["United Kingdom"][0]


def test_a_university_of_place_does_not_take_the_uk_either():
    found = names("Staff at the University of Kent walked out. The UK government said fees would rise.")
    assert found["University of Kent"] == ["University of Kent"]
    assert "United Kingdom" in found


def test_a_body_whose_initials_spell_a_listed_name_keeps_its_own_name_only():
    found = names("Ministers met the Union Kabinet in Brussels. The UK and the EU signed a deal.")
    assert found["Union Kabinet"] == ["Union Kabinet"]
    assert found["United Kingdom"] == ["UK"]


def test_an_unlisted_acronym_still_binds_to_the_body_it_spells():
    found = names("The International Criminal Court met on Monday. The ICC said it would rule soon.")
    assert found["International Criminal Court"] == ["International Criminal Court", "ICC"]


def test_a_listed_acronym_in_the_headline_is_no_alias_of_a_same_initials_body():
    text = "Staff at Kingston University walked out on Monday over pay."
    actor = next(a for a in extract_actors(text, title="UK staff strike over pay"))
    assert actor.name == "Kingston University" and "UK" not in actor.aliases
