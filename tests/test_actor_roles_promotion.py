"""A person's role follows a promotion (qa25a F2): the office an appointment gives ("appointed X, the
agency's spokeswoman, as minister", "X was sworn in as minister") is the new role, the apposition beside
it the old job, and the dossier shows the new office once the news tells it."""

import pytest

from briefing.actors import extract_actors
from tests.actor_helpers import add_article, role_of

SPOKESWOMAN = "Odete Maculuve, the agency's spokeswoman, said 65,000 people had been displaced."
APPOINTED = (
    "President Daniel Chapo on Thursday appointed Odete Maculuve, the spokeswoman of the national disaster "
    "agency, as minister of state administration, in a reshuffle announced on state television."
)
SWORN_IN = (
    "Odete Maculuve was sworn in as minister of state administration on Thursday. Maculuve said little."
)


def role(text, name="Odete Maculuve"):
    return {a.name: a.role for a in extract_actors(text)}[name]


@pytest.mark.parametrize(
    "text, expected",
    [
        (APPOINTED, "minister of state administration"),
        (SWORN_IN, "minister of state administration"),
        ("Odete Maculuve was appointed minister of health on Friday. Maculuve thanked the president.",
         "minister of health"),
        ("The president appointed Odete Maculuve, a former judge, as head of the commission.",
         "head of the commission"),
        ("Odete Maculuve, the new minister of health, said the clinics would reopen.", "minister of health"),
    ],
)  # fmt: skip
def test_the_office_an_appointment_gives_is_the_role(text, expected):
    assert role(text) == expected


def test_a_passive_without_an_office_gives_no_role():
    assert role("Odete Maculuve was named in the report. Maculuve said she had done nothing wrong.") is None


def test_the_dossier_follows_the_spokeswoman_into_her_new_office(app):
    add_article(app, SPOKESWOMAN, source="Herald", day=3)
    assert role_of(app.db, "Odete Maculuve") == "agency's spokeswoman"
    add_article(app, APPOINTED, source="Meridian", day=4)
    assert role_of(app.db, "Odete Maculuve") == "minister of state administration"
    add_article(app, "Minister Odete Maculuve said vaccination teams would arrive.", source="Herald", day=6)
    assert role_of(app.db, "Odete Maculuve") == "minister of state administration"


def test_the_sworn_in_office_replaces_the_old_job(app):
    add_article(app, SPOKESWOMAN, source="Herald", day=3)
    add_article(app, SWORN_IN, source="Wire", day=4)
    assert role_of(app.db, "Odete Maculuve") == "minister of state administration"
