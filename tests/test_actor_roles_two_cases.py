"""A role survives the other sentences of its article (qa26 F3, F8): an office written in lower case
("sworn in as minister of public works") and in its title form ("Minister of Public Works Luisa Meque")
is one role, in the title form; and a title before "of" opens an office as a sentence's first word though
the text also writes the title in lower case, so its holder keeps the role."""

import pytest

from briefing.actors import extract_actors
from briefing.roles import distinct
from tests.actor_helpers import add_article, role_of

APPOINTED = (
    "President Daniel Chapo appointed Luisa Meque, the head of the disaster agency, "
    "as minister of public works."
)
SWORN_IN = "Meque was sworn in as minister of public works on Tuesday."
SAID = "Minister of Public Works Luisa Meque said roads would be rebuilt."
HEALTH = "Minister of Health Armindo Tiago said clinics were open."


def roles(text):
    return {a.name: a.role for a in extract_actors(text)}


@pytest.mark.parametrize(
    "text, expected",
    [
        (APPOINTED, "minister of public works"),
        (f"{APPOINTED} {SWORN_IN}", "minister of public works"),
        (f"{APPOINTED} {SWORN_IN} {SAID}", "Minister of Public Works"),
        (f"{APPOINTED} {SAID}", "Minister of Public Works"),
        (f"{SWORN_IN} {SAID}", "Minister of Public Works"),
        (SAID, "Minister of Public Works"),
    ],
)  # fmt: skip
def test_the_appointed_office_stays_in_its_title_form(text, expected):
    assert roles(text)["Luisa Meque"] == expected


@pytest.mark.parametrize("before", ["", "Clinics reopened on Monday. ", f"{APPOINTED} "])
def test_an_office_first_in_a_sentence_keeps_its_holder_s_role(before):
    assert roles(before + HEALTH)["Armindo Tiago"] == "Minister of Health"


def test_one_role_in_two_cases_is_one_role_in_its_title_form():
    assert distinct(["minister of health", "nominee", "Minister of Health", "Republican nominee"]) == [
        "Minister of Health",
        "Republican nominee",
    ]


def test_the_dossier_shows_the_office_in_its_title_form(app):
    add_article(app, f"{APPOINTED} {SWORN_IN} {SAID} {HEALTH}", source="Wire", day=4)
    assert role_of(app.db, "Luisa Meque") == "Minister of Public Works"
    assert role_of(app.db, "Armindo Tiago") == "Minister of Health"
