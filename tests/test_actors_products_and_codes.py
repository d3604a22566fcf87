"""Companies and products by their shape, and words in capitals that name no one (qa22c F7, F8, F10):
"SpaceX" and "Britain's Unilever" are companies, "a Falcon 9 rocket" no place, "Mac OS X" no person,
"NSString" and "NULL" nothing, "SW" a bearing."""

import pytest

from briefing.shapes import camel_cased
from briefing.tokens import Token
from tests.actor_helpers import surfaces_by_actor

TAGGERS = ["shipped", None]


@pytest.mark.parametrize("tagger", TAGGERS)
def test_a_camel_cased_word_is_a_company_and_a_numbered_model_no_place(tagger):
    text = "Elon Musk's SpaceX launched a Falcon 9 rocket for NASA on Tuesday. SpaceX said it went well."
    found = surfaces_by_actor(text, tagger=tagger)
    assert found[("SpaceX", "organization")] == ["SpaceX", "SpaceX"]
    assert not any(name.startswith("Falc") for name, _ in found)


@pytest.mark.parametrize("tagger", TAGGERS)
def test_one_word_after_a_countrys_possessive_is_a_company_unless_it_speaks(tagger):
    text = (
        "Britain's Unilever reported higher sales, and Germany's Siemens cut jobs. Japan's Kishida said "
        "little."
    )
    found = surfaces_by_actor(text, tagger=tagger)
    assert found[("Unilever", "organization")] == ["Unilever"]
    assert found[("Siemens", "organization")] == ["Siemens"]
    assert ("Kishida", "organization") not in found


@pytest.mark.parametrize("name", ["SpaceX", "OpenAI", "BlackRock", "DeepMind"])
def test_camel_cased_names_are_companies_by_shape(name):
    assert camel_cased(Token(name, 0, len(name), name.lower(), name.lower(), True, cap=True))


@pytest.mark.parametrize(
    "name", ["McCarthy", "MacArthur", "DeSantis", "LeBron", "FitzGerald", "Kellogg", "PhD"]
)
def test_surnames_with_a_capital_inside_are_not_camel_cased(name):
    assert not camel_cased(Token(name, 0, len(name), name.lower(), name.lower(), True, cap=True))


@pytest.mark.parametrize("tagger", TAGGERS)
def test_an_operating_systems_version_is_no_person(tagger):
    text = "The NSString class and NSDate values changed in Mac OS X. Apple shipped Mac OS X in 2001."
    found = surfaces_by_actor(text, tagger=tagger)
    assert not any(type_ == "person" for _, type_ in found)
    assert not any(name.startswith("NS") for name, _ in found)


@pytest.mark.parametrize("tagger", TAGGERS)
def test_constants_and_bearings_in_capitals_are_no_bodies(tagger):
    text = (
        "The method returns NULL or a BOOL, and the flag is YES by default. The storm was 1,218 miles SW "
        "of Bermuda on Monday."
    )
    found = surfaces_by_actor(text, tagger=tagger)
    assert not any(name in ("NULL", "BOOL", "YES", "SW") for name, _ in found)


@pytest.mark.parametrize("tagger", TAGGERS)
def test_a_first_word_joined_to_an_acting_acronym_is_a_body_too(tagger):
    text = "Shipping shares rose on Monday. Maersk and DSV also gained in Copenhagen."
    found = surfaces_by_actor(text, tagger=tagger)
    assert found[("Maersk", "organization")] == ["Maersk"]
    assert found[("DSV", "organization")] == ["DSV"]


@pytest.mark.parametrize("tagger", TAGGERS)
def test_a_first_word_joined_to_an_acronym_that_describes_people_stays_unread(tagger):
    text = "Talks resumed on Monday. Hale and EU officials met in Brussels."
    found = surfaces_by_actor(text, tagger=tagger)
    assert ("Hale", "organization") not in found


@pytest.mark.parametrize("tagger", TAGGERS)
def test_one_word_after_a_countrys_possessive_beside_a_named_company_is_a_company(tagger):
    text = "Britain's Unilever and the German carmaker Volkswagen both cut their forecasts on Tuesday."
    found = surfaces_by_actor(text, tagger=tagger)
    assert found[("Unilever", "organization")] == ["Unilever"]
    assert found[("Volkswagen", "organization")] == ["Volkswagen"]
