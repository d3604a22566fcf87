"""One reading of "(person)", "[organisation]", "(topic)" after a name, for every command."""

import pytest

from briefing.qualifiers import Qualified, qualified, qualifier_list, split_qualifier


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin (person)", Qualified("Putin", "person")),
        ("Putin [Person]", Qualified("Putin", "person")),
        ("West (organisation)", Qualified("West", "organization")),
        ("West (ORGANIZATION)", Qualified("West", "organization")),
        ("West (org)", Qualified("West", "organization")),
        ("Kyiv (place).", Qualified("Kyiv", "place")),
        ("Georgia (country)", Qualified("Georgia", "place")),
        ("Kim  ( topic )", Qualified("Kim", "topic")),
        ("(person)", Qualified("", "person")),
        ("Putin", Qualified("Putin")),
    ],
)
def test_a_qualifier_is_read_in_either_bracket_and_any_case(text, expected):
    assert split_qualifier(text) == expected


@pytest.mark.parametrize("text", ["Putin (company)", "Putin (people)", "Putin [Firm]"])
def test_a_word_in_brackets_that_is_no_qualifier_is_reported(text):
    asked = split_qualifier(text)
    assert (asked.name, asked.kind) == ("Putin", None) and asked.unknown == text[7:-1]


@pytest.mark.parametrize(
    "text", ["Elections (2024)", "Paul Ryan (R-WI)", "Summit (New York)", "Putin (person"]
)
def test_other_brackets_are_part_of_the_words(text):
    assert split_qualifier(text) == Qualified(text)


def test_the_replies_write_organisation_as_the_dossier_does():
    assert qualified("West", "organization") == "West (organisation)"
    assert qualifier_list(topic=True) == "(person), (organisation), (place), (country) or (topic)"


@pytest.mark.parametrize(
    ("text", "name"),
    [("U.S.", "U.S."), ("the U.S.!", "the U.S."), ("U.N. (organisation)", "U.N."), ("Kellogg.", "Kellogg"),
     ("US.", "US"), ("A.", "A"), ("grain exports.", "grain exports")],
)  # fmt: skip
def test_the_last_dot_of_an_abbreviation_is_kept(text, name):
    assert split_qualifier(text).name == name
