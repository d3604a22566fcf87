"""A country that acts beside a body, or holds a place or a duty among others, is its state: an
organisation; a country described, or after "in", is the place."""

import pytest
from actor_helpers import surfaces_by_actor


@pytest.mark.parametrize(
    "text",
    [
        "The captain said he was glad to work together with the U.S. and Royal Navy in the Gulf.",
        "The United States and the Harbour Defence League can play a part in the talks.",
        "The Harbour Defence League and the United States can play a part in the talks.",
    ],
)
@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_country_beside_a_body_is_its_state(text, tagger):
    found = surfaces_by_actor(text, tagger=tagger)
    assert ("United States", "organization") in found
    assert ("United States", "place") not in found


def test_a_country_after_in_stays_a_place():
    found = surfaces_by_actor("Troops in Iraq and NATO bases in Turkey were put on alert.")
    assert ("Iraq", "place") in found


@pytest.mark.parametrize(
    "text",
    [
        "Russia has a special responsibility in this regard, the minister said.",
        "The UK is at the forefront of global efforts to end the siege.",
        "France is one of our most important partners in the region.",
    ],
)
def test_a_country_that_holds_a_place_or_a_duty_among_others_is_its_state(text):
    assert any(type_ == "organization" for _, type_ in surfaces_by_actor(text))


@pytest.mark.parametrize(
    "text",
    [
        "Portugal is the exception on the tour, a playful beach break.",
        "Syria is being ripped apart by this destruction.",
        "Syria has for too long been the world's biggest crisis.",
    ],
)
def test_a_country_described_stays_a_place(text):
    assert all(type_ == "place" for _, type_ in surfaces_by_actor(text))


@pytest.mark.parametrize(
    "text",
    [
        "Iraq will be able to benefit from this U.S. sovereign loan guarantee.",
        "The town was rebuilt with UK military support last year.",
    ],
)
def test_a_country_before_a_qualified_noun_of_state_action_is_its_state(text):
    assert any(type_ == "organization" for _, type_ in surfaces_by_actor(text))


def test_countries_joined_by_a_hyphen_before_a_partnership_are_states():
    found = surfaces_by_actor("He said a strong U.S.-Iraq partnership is critical to finish the job.")
    assert ("United States", "organization") in found
    assert ("Iraq", "organization") in found


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_country_listed_before_a_body_is_its_state(tagger):
    found = surfaces_by_actor(
        "The U.S., French and Royal Navy are working together in the Gulf.", tagger=tagger
    )
    assert ("United States", "organization") in found


def test_a_group_is_named_with_its_kind():
    found = surfaces_by_actor("The operation aims to eliminate the ISIL terrorist group in Iraq and Syria.")
    assert found[("Islamic State", "organization")] == ["ISIL terrorist group"]


def test_a_regions_own_government_is_a_body_under_its_own_name():
    found = surfaces_by_actor(
        "Carter praised cooperation between Baghdad and the Kurdistan regional government."
    )
    assert found[("Kurdistan regional government", "organization")] == ["Kurdistan regional government"]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Tourists visited France and the Louvre Museum last summer.", "France"),
        ("Trade between China and the European Union grew last year.", "China"),
        ("The tour takes in Peru and the Machu Picchu Sanctuary.", "Peru"),
    ],
)
@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_country_beside_a_body_that_does_nothing_of_a_state_stays_a_place(text, country, tagger):
    found = surfaces_by_actor(text, tagger=tagger)
    assert (country, "place") in found
    assert (country, "organization") not in found


def test_a_country_beside_any_body_that_then_acts_as_states_do_is_its_state():
    found = surfaces_by_actor("Canada and the Harbour Trade Board agreed on new rules for shipping.")
    assert ("Canada", "organization") in found


def test_a_citys_local_government_is_the_sector_not_a_body():
    found = surfaces_by_actor("Funding for London local government fell again this year.")
    assert found == {("London", "place"): ["London"]}


def test_a_government_after_the_last_word_of_a_longer_name_is_not_that_words():
    found = surfaces_by_actor("Brazil's Rio Grande do Sul state government asked for aid after the floods.")
    assert not any(name.startswith("Sul") and type_ == "organization" for name, type_ in found)


@pytest.mark.parametrize(
    "text, country",
    [
        ("Britain and the EU are already poised to begin talks.", "United Kingdom"),
        ("NATO and Russia traded accusations over the drills.", "Russia"),
    ],
)
def test_a_country_beside_a_body_of_states_is_its_state(text, country):
    assert (country, "organization") in surfaces_by_actor(text)


def test_a_country_in_a_relation_between_two_is_no_state_that_acts():
    found = surfaces_by_actor("Cooperation between Russia and the Houthis grew after the war began.")
    assert ("Russia", "place") in found
    assert ("Russia", "organization") not in found
