"""Actor extraction of names the lists do not hold: companies by their short names, people with given
names no list knows, people with two surnames, and words that are never actors."""

import pytest

from briefing.actors import extract_actors


def typed(text, **kw):
    """{(name, type): [surfaces]} of the actors of ``text``."""
    return {(a.name, a.type): [m.surface for m in a.mentions] for a in extract_actors(text, **kw)}


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_company_named_again_without_its_legal_form_is_one_organisation(tagger):
    text = (
        "Quorvane Inc. reported record sales on Thursday. Shares in Quorvane rose 3 percent, and Quorvane "
        "said it would buy back more stock."
    )
    assert typed(text, tagger=tagger) == {
        ("Quorvane Inc.", "organization"): ["Quorvane Inc.", "Quorvane", "Quorvane"]
    }


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_company_short_name_of_two_words_is_neither_place_nor_person(tagger):
    text = (
        "Ostermark Freight Ltd agreed on Monday to buy a rival. Shares in Ostermark Freight rose 11 percent, "
        "and analysts said Ostermark Freight would gain access to new ports."
    )
    found = typed(text, tagger=tagger)
    assert found == {
        ("Ostermark Freight Ltd", "organization"): ["Ostermark Freight Ltd", *["Ostermark Freight"] * 2]
    }


@pytest.mark.parametrize(
    "form", ["A/S", "AB", "ASA", "AG", "GmbH", "S.A.", "SpA", "N.V.", "PLC", "Ltd", "LLC", "Inc.", "Corp."]
)
def test_legal_forms_of_many_countries_make_an_organisation(form):
    text = (
        f"Tessvik Marine {form} agreed on Monday to merge with a US rival. Tessvik Marine said it was glad."
    )
    found = typed(text)
    assert found[(f"Tessvik Marine {form}", "organization")] == [f"Tessvik Marine {form}", "Tessvik Marine"]
    assert not any(type_ == "person" for _, type_ in found)


def test_a_company_officer_after_a_possessive_makes_the_name_a_company_elsewhere_too():
    text = (
        "Unions demanded guarantees that the merger of Helsvard and Brakemoor would not cost jobs. "
        "Anna Lind, Helsvard's chief executive, said there were no plans for redundancies."
    )
    found = typed(text)
    assert found[("Helsvard", "organization")] == ["Helsvard", "Helsvard"]


def test_a_company_first_word_that_is_a_known_word_is_no_short_name():
    text = "American Freight Inc. said on Monday it would cut jobs. American workers protested."
    found = typed(text)
    assert ("American Freight Inc.", "organization") in found
    assert found[("United States", "place")] == ["American"]
