"""Actor extraction of names the lists do not hold: companies by their short names, people with given
names no list knows, people with two surnames, and words that are never actors."""

import pytest

from briefing.actors import extract_actors
from tests.actor_helpers import surfaces_by_actor

typed = surfaces_by_actor


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


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "Worku Tessema",
            "The favourite finished second behind Ethiopia's Worku Tessema in a sprint finish.",
        ),
        (
            "Yalemzerf Yehualaw",
            "Mary Keitany finished second behind Yalemzerf Yehualaw of Ethiopia on Sunday.",
        ),
        (
            "Chinedu Alia",
            "The president asked the state government of Chinedu Alia to resettle 200,000 people.",
        ),
        ("Worku Tessema", "The prize went to Worku Tessema in Berlin. Tessema told reporters he was glad."),
    ],
)
def test_a_person_whose_given_name_no_list_holds_is_a_person(name, text):
    found = typed(text)
    assert found[(name, "person")][0] == name
    assert not any(found_name == name for found_name, type_ in found if type_ != "person")


@pytest.mark.parametrize("text", ["Spain's Alvaro Benitez Group agreed a deal.", "Shares of Ethiopia rose."])
def test_the_cues_of_a_person_need_a_name_of_a_person(text):
    assert not any(type_ == "person" for _, type_ in typed(text))


@pytest.mark.parametrize(
    "text",
    [
        "The vote goes to a runoff after no candidate won a majority in Sunday's first round, they said.",
        "Published: Mon 23 Nov 2026, 2:00 PM\n\nThe mayor of Lima spoke on Saturday.",
        "The talks, first planned for March, resume in August.",
    ],
)
def test_days_and_months_are_never_actors(text):
    names = {name for name, _ in typed(text)}
    assert not names & {"Sunday", "Mon", "Saturday", "March", "August", "Nov"}


def test_a_group_of_people_at_a_sentence_start_is_no_person():
    assert (
        typed("Organisers said a record 35,000 runners started the race. Rescuers searched the river.") == {}
    )


@pytest.mark.parametrize("tagger", ["shipped", None])
@pytest.mark.parametrize(
    "opening",
    [
        "Fans said",
        "Supporters said",
        "Teachers said",
        "Fishermen said",
        "Passengers complained",
        "Victims wrote",
    ],
)
def test_the_plural_of_a_word_for_people_before_a_verb_is_no_person(opening, tagger):
    text = f"{opening} Queen of Jazz Mabel Orrin's last tour was her finest, and her label agreed."
    assert typed(text, tagger=tagger) == {("Mabel Orrin", "person"): ["Mabel Orrin"]}


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_surname_that_looks_plural_before_said_is_still_a_person(tagger):
    assert typed("Harvey Pellings chairs the board. Pellings said the vote would wait.", tagger=tagger) == {
        ("Harvey Pellings", "person"): ["Harvey Pellings", "Pellings"]
    }


@pytest.mark.parametrize(
    "name",
    ["Centro de Estudios Públicos", "Banco Tessera", "Instituto Nacional de Estadística", "Institut Tessera"],
)
def test_spanish_portuguese_and_french_heads_make_an_organisation(name):
    assert typed(f"A poll by the {name} published on Monday gave the senator 51 percent.") == {
        (name, "organization"): [name]
    }


def test_a_person_with_two_surnames_is_one_actor_under_the_name_the_text_uses():
    text = (
        "Senator Marisol Quintero Achával won 34 percent of the vote. Quintero told supporters she would "
        "keep going. Supporters of Marisol Quintero celebrated in Santiago."
    )
    assert typed(text) == {
        ("Marisol Quintero", "person"): ["Marisol Quintero Achával", "Quintero", "Marisol Quintero"],
        ("Santiago", "place"): ["Santiago"],
    }


def test_a_maiden_name_before_the_surname_the_text_uses_keeps_the_full_name():
    text = "Hillary Rodham Clinton spoke on Monday. Clinton said she was pleased."
    assert typed(text) == {("Hillary Rodham Clinton", "person"): ["Hillary Rodham Clinton", "Clinton"]}


def test_a_surname_with_particles_keeps_them_and_no_given_name_is_a_role():
    text = (
        "Brakemoor's chief executive, Dr. Jaap van der Meulen, will become chairman. Van der Meulen said "
        "the deal would save money. Jaap van der Meulen, Brakemoor's chief executive, said so again."
    )
    person = next(a for a in extract_actors(text) if a.type == "person")
    assert person.name == "Jaap van der Meulen"
    assert person.role == "Brakemoor's chief executive"
    assert [m.surface for m in person.mentions][1] == "Van der Meulen"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("The vote was won by former interior minister Joaquín Larraguibel.", "former interior minister"),
        ("NEMA director-general Zubaida Okafor said 12 people had died.", "NEMA director-general"),
    ],
)
def test_a_role_keeps_its_portfolio_and_hyphenated_nouns(text, role):
    person = next(a for a in extract_actors(text) if a.type == "person")
    assert person.role == role


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Hernan Quispe spoke. Later Hernando Quispe said more.", {"Hernan Quispe"}),
        ("Tigist Tessema won. Tigist Tessemma, as Spanish results spell it, was ahead.", {"Tigist Tessema"}),
        ("Tigist Alemu won. Tigist Alemou, as Spanish results spell it, was ahead.", {"Tigist Alemu"}),
        ("Speaker Paul Ryan met John Ryan and Paula Ryan.", {"Paul Ryan", "John Ryan", "Paula Ryan"}),
        ("Maria Lopez met Mario Lopez.", {"Maria Lopez", "Mario Lopez"}),
    ],
)
def test_spellings_of_one_name_merge_and_other_people_of_the_surname_stay_apart(text, names):
    assert {a.name for a in extract_actors(text) if a.type == "person"} == names


@pytest.mark.parametrize(
    ("text", "full", "short"),
    [
        (
            "Juan Carlos Pérez Gallardo spoke on Monday. Later, Pérez Gallardo left.",
            "Juan Carlos Pérez Gallardo",
            "Pérez Gallardo",
        ),
        (
            "Ana Lucrecia Ferrán Ortega said no. Ferrán Ortega then left.",
            "Ana Lucrecia Ferrán Ortega",
            "Ferrán Ortega",
        ),
        (
            "Minister Tomás Velasco de la Vega spoke. Velasco de la Vega left.",
            "Tomás Velasco de la Vega",
            "Velasco de la Vega",
        ),
    ],
)
def test_a_surname_of_two_words_or_more_refers_back_to_the_full_name(text, full, short):
    found = {a.name: [m.surface for m in a.mentions] for a in extract_actors(text)}
    assert found[full][-1] == short
    assert short not in found


def test_two_words_after_a_single_given_name_refer_back_unless_a_relative_is_named():
    # "Ulbrecht Faber" after "Henry Ulbrecht Faber" is him (tests/test_name_references.py); introduced as
    # a relative it is another person
    text = "Henry Ulbrecht Faber founded the firm. His father, Ulbrecht Faber, later ran it."
    found = {a.name for a in extract_actors(text)}
    assert {"Henry Ulbrecht Faber", "Ulbrecht Faber"} <= found


@pytest.mark.parametrize(
    ("text", "name", "mention"),
    [
        (
            "Ma. Theresa Dela Cruz, 54, said she lost her husband.",
            "Ma. Theresa Dela Cruz",
            "Ma. Theresa Dela Cruz",
        ),
        ("Residents of Sto. Niño village fled the floods on Monday.", "Sto. Niño", "Sto. Niño"),
        ("The company was founded by Jack Ma. Analysts were surprised.", "Jack Ma", "Jack Ma"),
    ],
)
def test_a_filipino_names_abbreviation_keeps_its_dot_and_its_name_whole(text, name, mention):
    found = {a.name: [text[m.start : m.end] for m in a.mentions] for a in extract_actors(text)}
    assert found.get(name) == [mention], found
    assert "Ma" not in found and "Sto" not in found
