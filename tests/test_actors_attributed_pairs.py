"""English and French leftovers of actors40 (issue 3): a name after "Selon"/"according to" that may be a
person's or a paper's, and a pair of given names joined by "&" that a singular verb treats as one."""

import pytest

from briefing.actors import extract_actors
from store import actors as actor_store
from tests.actor_helpers import add_article


def _found(text, tagger="shipped"):
    return {a.name: (a.type, a.guessed) for a in extract_actors(text, tagger=tagger)}


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_surname_with_its_article_after_selon_is_no_firm_organisation(tagger):
    # actors40 left: "Selon Le Pen, ..." was an organisation; "Le Parisien" looks the same, so it is a guess
    found = _found("Selon Le Pen, le gouvernement doit démissionner avant le vote.", tagger)
    assert found.get("Le Pen", (None, True))[1], found


def test_selon_and_a_surname_joins_the_person_the_archive_knows_by_it(app):
    for day in (1, 2):
        text = f"Marine Le Pen a parlé à Paris le {day} janvier. Le Pen a dit que le vote aurait lieu."
        add_article(app, text, day=day)
    add_article(app, "Selon Le Pen, le gouvernement doit démissionner avant le vote.", day=3)
    found = {(a.name, a.type): a.article_count for a in actor_store.find_actors(app.db, "Le Pen")}
    assert found.get(("Marine Le Pen", "person")) == 3, found
    assert ("Le Pen", "organization") not in found, found


@pytest.mark.parametrize("tagger", ["shipped", None])
@pytest.mark.parametrize(
    "text, pair",
    [
        ("Tom & Jerry was shown on television on Sunday.", "Tom & Jerry"),
        ("Ant & Dec will host the show again next year.", "Ant & Dec"),
    ],
)
def test_two_given_names_by_an_ampersand_a_singular_verb_treats_as_one_are_one_name(tagger, text, pair):
    # actors40 left: "Tom & Jerry was shown" gave two persons, Tom and Jerry
    found = _found(text, tagger)
    assert found.get(pair, (None,))[0] == "organization", found
    assert not {"Tom", "Jerry", "Ant", "Dec"} & set(found), found


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_two_given_names_by_an_ampersand_with_a_plural_verb_stay_two_people(tagger):
    found = _found("Crowds cheered when Harry & Meghan visited the school in Leeds.", tagger)
    assert found.get("Harry") == ("person", False) and found.get("Meghan") == ("person", False), found
