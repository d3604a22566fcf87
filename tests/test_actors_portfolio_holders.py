"""An office "<Title> of <portfolio>" before a name whose given name the lists lack (qa25a F1): the office
ends before the name when the text says it is a person's, and the person takes the office as role."""

import pytest

from briefing.actors import extract_actors


def people(text):
    return {a.name: a.role for a in extract_actors(text) if a.type == "person"}


def names(text):
    return {(a.name, a.type) for a in extract_actors(text)}


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            "The toll was revised on Friday, Minister of State Administration Isaura Nhantumbo said.",
            "Isaura Nhantumbo",
            "Minister of State Administration",
        ),
        (
            "Secretary of State for Health Odete Maculuve said the clinics would reopen.",
            "Odete Maculuve",
            "Secretary of State for Health",
        ),
        (
            "Minister of Public Works Ilídio Massango said the bridge would reopen.",
            "Ilídio Massango",
            "Minister of Public Works",
        ),
    ],
)
def test_a_speaker_after_an_office_of_a_portfolio_is_the_office_holder(text, name, role):
    found = people(text)
    assert found == {name: role}


def test_the_surname_written_again_makes_the_office_holder_a_person():
    text = (
        "Minister of State Administration Odete Maculuve toured the shelters in Pemba. Maculuve, 52, "
        "promised more tents."
    )
    assert people(text) == {"Odete Maculuve": "Minister of State Administration"}
    assert not any("Administration Odete" in n for n, _ in names(text))


def test_no_given_name_swallowed_into_the_body():
    found = names("Mozambique revised the toll, Minister of State Administration Isaura Nhantumbo said.")
    assert ("Isaura Nhantumbo", "person") in found
    assert not any("Isaura" in n and n != "Isaura Nhantumbo" for n, _ in found)


def test_words_the_text_writes_in_lower_case_are_no_office_holder():
    text = "Secretary of State for Health Care Reform said nothing. Care reform was shelved in May."
    assert "Care Reform" not in people(text)
