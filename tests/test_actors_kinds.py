"""Actor extraction where English says what a name is: names listed as examples of a kind ("bands like
X, Y and Z", "X and other towns"), a name of one word and a name with a head joined by "and"
("Brindle and Oxley Company"), and "the" before a name ending in a plural ("the Harbour Gulls")."""

import pytest

from briefing.actors import extract_actors
from briefing.kinds import listed_kinds
from briefing.sentences import split_sentences
from briefing.tokens import tokenize


def typed(text, **kw):
    """{surface: type} of every mention of ``text``."""
    return {m.surface: a.type for a in extract_actors(text, **kw) for m in a.mentions}


def kinds(sentence):
    toks = tokenize(split_sentences(sentence)[0])
    first, last = listed_kinds(toks)
    return {toks[k].text: kind for k, kind in {**first, **last}.items()}


def test_a_plural_kind_before_such_as_like_or_including_types_every_name_of_the_list():
    assert kinds("He toured with bands like The Velvet Foxes, Marrow Lane and Tin Anchor.") == {
        "Velvet": "organization",
        "Marrow": "organization",
        "Tin": "organization",
    }
    assert kinds("Sales rose at retailers such as Quorvane, Ostermark and Helsvard.") == {
        "Quorvane": "organization",
        "Ostermark": "organization",
        "Helsvard": "organization",
    }
    assert kinds("He played with guitarists including Tohra Dasi and Ridel Mako.") == {
        "Tohra": "person",
        "Ridel": "person",
    }


def test_names_before_and_other_kind_take_that_kind():
    assert kinds("Shelling hit Qamenas, Sarmin and other towns in the north.") == {
        "Qamenas": "place",
        "Sarmin": "place",
    }
    assert kinds("They were supported by Marrow Lane, Tin Anchor, and several other bands.") == {
        "Lane": "organization",
        "Anchor": "organization",
    }


def test_no_kind_without_a_list_or_when_two_kinds_share_it():
    assert kinds("They did not like Velmont at all.") == {}
    assert kinds("Bands and artists such as Marrow Lane and Tin Anchor played.") == {}
    assert kinds("Towns such as") == {}


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_bands_named_as_examples_are_organisations_not_people(tagger):
    found = typed("He toured with bands like Marrow Lane, Tin Anchor and Cobalt Harrier.", tagger=tagger)
    assert found == {
        "Marrow Lane": "organization",
        "Tin Anchor": "organization",
        "Cobalt Harrier": "organization",
    }


def test_a_kind_never_overrides_a_firm_reading():
    found = typed("He met people such as Quorvane Holdings and President Emmanuel Macron.", tagger=None)
    assert found["Quorvane Holdings"] == "organization"  # a head says so, though "people" precedes it
    assert found["Emmanuel Macron"] == "person"


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_one_word_and_a_headed_name_are_one_name(tagger):
    found = typed("The Brindle and Oxley Company built the engines in 1890.", tagger=tagger)
    assert found == {"Brindle and Oxley Company": "organization"}


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_country_and_a_headed_name_stay_two(tagger):
    found = typed("Russia and Ukraine Defence Ministry officials met on Monday.", tagger=tagger)
    assert found["Russia"] == "place"
    assert "Russia and Ukraine Defence Ministry" not in found


def test_the_and_a_two_word_name_ending_in_a_plural_is_a_team_not_a_person():
    found = typed("He pitched for the Harbour Gulls before he joined the Red Lanterns in May.", tagger=None)
    assert found == {"Harbour Gulls": "organization", "Red Lanterns": "organization"}
    found = typed("Mr Tovald Jones met Ilse Ranks at the talks.", tagger=None)
    assert found["Tovald Jones"] == "person"


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_and_inside_what_follows_a_head_and_of_joins_one_name(tagger):
    found = typed(
        "The U.S. Department of Health and Human Services wrote to the Velmont Institute of Arts "
        "and Sciences.",
        tagger=tagger,
    )
    assert found["U.S. Department of Health and Human Services"] == "organization"
    assert found["Velmont Institute of Arts and Sciences"] == "organization"


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_and_the_begins_a_second_name(tagger):
    found = typed("The Ministry of Defence and the Home Office met on Monday.", tagger=tagger)
    assert found == {"Ministry of Defence": "organization", "Home Office": "organization"}


def test_a_hall_of_fame_is_an_organisation_and_for_the_before_a_place_begins_a_second_name():
    found = typed(
        "He joined the Curling Hall of Fame after he played in the Northern Curling League "
        "for the Winnipeg Otters.",
        tagger=None,
    )
    assert found == {
        "Curling Hall of Fame": "organization",
        "Northern Curling League": "organization",
        "Winnipeg Otters": "organization",
    }
    found = typed("The Office for the Coordination of Humanitarian Affairs said so.", tagger=None)
    assert found == {"Office for the Coordination of Humanitarian Affairs": "organization"}


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_regnal_number_ends_a_persons_name(tagger):
    found = typed("Louis XVI was crowned in 1774; Pope Benedict XVI resigned in 2013.", tagger=tagger)
    assert found == {"Louis XVI": "person", "Benedict XVI": "person"}


def test_street_and_estate_words_end_a_place_and_a_casino_is_an_organisation():
    found = typed(
        "The park at the corner of Tavish Way and Orlow Place lies beside Marden Estate. He played poker "
        "at the Lindley Casino.",
        tagger=None,
    )
    assert found == {
        "Tavish Way": "place",
        "Orlow Place": "place",
        "Marden Estate": "place",
        "Lindley Casino": "organization",
    }


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_an_office_with_a_country_names_no_one_and_a_portfolio_title_takes_a_surname_a_place_shares(tagger):
    found = typed(
        "The UK Special Representative for Libya met the Secretary of State for Scotland. Later Secretary of "
        "State Lincoln spoke.",
        tagger=tagger,
    )
    assert found == {"UK": "place", "Libya": "place", "Scotland": "place", "Lincoln": "person"}


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_unit_head_ends_an_organisation_and_a_country_may_begin_a_long_bodys_name(tagger):
    found = typed(
        "The 212th Fighter Wing and U.S. Naval Forces Europe Command took part. Lorna Wing wrote it.",
        tagger=tagger,
    )
    assert found == {
        "212th Fighter Wing": "organization",
        "U.S. Naval Forces Europe Command": "organization",
        "Lorna Wing": "person",
    }


def test_a_name_across_the_or_throughout_the_is_a_place():
    found = typed("The brigade crossed the bridge and fought across the Velder in 1945.", tagger=None)
    assert found == {"Velder": "place"}


def test_the_tagger_keeps_a_kind_the_text_states():
    found = typed("He toured with bands like Marrow Lane and Tin Anchor.")
    assert found == {"Marrow Lane": "organization", "Tin Anchor": "organization"}


def test_an_untyped_name_in_a_series_of_one_kind_takes_that_kind():
    text = "Guests came from Paris, Lyon, Velmont and Nantes. They met Tieck, Marta Lenz and Jonas Ebert."
    found = typed(text, tagger=None)
    assert found["Velmont"] == "place"  # a word capitalised once, typed only by its series
    assert found["Tieck"] == "person"
    assert typed("They praised Velmont warmly.", tagger=None) == {}  # alone, no evidence of a name


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_what_the_sentence_says_a_name_is_types_it(tagger):
    text = (
        "Bilvang is a Danish chain of hypermarkets. Velmont is a commune in the Landes. Quorvane, a shipping "
        "company, said so. Bilvang opened a store in Velmont."
    )
    found = typed(text, tagger=tagger)
    assert found["Bilvang"] == "organization"
    assert found["Velmont"] == "place"
    assert found["Quorvane"] == "organization"


def test_a_kind_noun_that_heads_no_phrase_says_nothing():
    found = typed("Tovald Jones, a band member, said so.", tagger=None)
    assert found == {"Tovald Jones": "person"}


def test_a_kind_noun_just_before_a_name_types_it():
    found = typed(
        "He joined the band Marrow Lane, then the company Quorvane, in the town Velmont.", tagger=None
    )
    assert found == {"Marrow Lane": "organization", "Quorvane": "organization", "Velmont": "place"}
