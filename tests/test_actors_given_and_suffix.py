"""qa34's regressions of actors45: a word before a known surname is a given name only if it can be one
(F1), a pronoun after "X's mother" is the mother's (F2), "Robert F. Kennedy, Jr." is the son (F4), and
"the Duke of Edinburgh award" is no person (F7)."""

import pytest

from briefing.actors import extract_actors


def found(text, tagger):
    return {(a.name, a.type): len(a.mentions) for a in extract_actors(text, tagger=tagger)}


@pytest.mark.parametrize("tagger", ["shipped", None])
@pytest.mark.parametrize("word", ["Like", "Alongside", "Behind", "Beside", "Except", "Ask"])
def test_a_preposition_before_a_known_surname_is_no_given_name(word, tagger):
    text = (
        f"Donald Trump spoke in Ohio on Monday. {word} Trump, the crowd cheered loudly. "
        "Trump said he would return."
    )
    people = {name: n for (name, kind), n in found(text, tagger).items() if kind == "person"}
    assert people == {"Donald Trump": 3}


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_places_demonyms_and_nouns_before_a_surname_are_no_given_names(tagger):
    text = (
        "Benjamin Netanyahu addressed the Knesset on Wednesday. Gaza Netanyahu critics said the war must "
        "end. Hostage Netanyahu talks stalled. Israeli Netanyahu allies backed him. Netanyahu said he would "
        "not resign."
    )
    got = found(text, tagger)
    assert got[("Benjamin Netanyahu", "person")] == 5
    assert ("Gaza", "place") in got
    assert not [name for name, kind in got if kind == "person" and name != "Benjamin Netanyahu"]
    text = "Joe Biden left office in January. Ohio Biden voters were split. Biden said he was proud."
    got = found(text, tagger)
    assert got[("Joe Biden", "person")] == 3
    assert not [name for name, kind in got if kind == "person" and name != "Joe Biden"]
    text = "Lindsay Davenport reached the final. American Davenport will now face the champion."
    assert [name for name, kind in found(text, tagger) if kind == "person"] == ["Lindsay Davenport"]


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_pronoun_after_a_possessive_name_and_kin_is_the_kins(tagger):
    text = "Keir Starmer's mother said she was proud of him. Mr Starmer thanked her."
    assert found(text, tagger) == {("Keir Starmer", "person"): 2}


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_suffix_after_a_comma_is_the_sons_name(tagger):
    text = (
        "Robert F. Kennedy, Jr., the health secretary, fired the vaccine panel on Monday. "
        "Mr. Kennedy said the panel had conflicts of interest."
    )
    got = found(text, tagger)
    assert ("Robert F. Kennedy Jr.", "person") in got
    assert ("Robert F. Kennedy", "person") not in got


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_royal_titles_award_is_no_person(tagger):
    text = (
        "Pupils who completed the Duke of Edinburgh award received certificates. "
        "The Duke of Edinburgh's Award scheme has run since 1956."
    )
    got = found(text, tagger)
    assert not [name for name, kind in got if kind == "person"]
    assert ("Edinburgh", "place") in got
