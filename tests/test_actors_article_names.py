"""A German or French definite article (or "La") and one capitalised word name a body, a league or a work,
not a person ("La Liga", "Die Linke", "Les Républicains"); a particle or a nickname stays a person's."""

import pytest
from actor_helpers import surfaces_by_actor


@pytest.mark.parametrize(
    "text, name",
    [
        ("Valencia climbed to third in La Liga after a win on Saturday.", "La Liga"),
        ("Les Républicains chose a new leader on Sunday after a long count.", "Les Républicains"),
        ("Voters in Saxony backed Die Linke in greater numbers than in 2019.", "Die Linke"),
    ],
)
@pytest.mark.parametrize("tagger", ["shipped", None])
def test_an_article_and_a_name_is_no_person(text, name, tagger):
    found = surfaces_by_actor(text, tagger=tagger)
    assert (name, "person") not in found


def test_the_rules_read_a_league_as_an_organisation():
    found = surfaces_by_actor("Barcelona lead La Liga by four points after beating Sevilla.", tagger=None)
    assert found[("La Liga", "organization")] == ["La Liga"]


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_surname_with_a_particle_stays_a_person(tagger):
    found = surfaces_by_actor("Marine Le Pen met voters in Lille. Le Pen told them to vote.", tagger=tagger)
    assert found[("Marine Le Pen", "person")] == ["Marine Le Pen", "Le Pen"]
    assert ("Le Pen", "person") in surfaces_by_actor("Ms Le Pen said the vote was rigged.", tagger=tagger)
    assert ("Le Pen", "person") in surfaces_by_actor("Le Pen said the vote was lost.", tagger=tagger)


@pytest.mark.parametrize(
    "text, name",
    [
        ("El Chapo was extradited to the United States in 2017.", "El Chapo"),
        ("Lo Celso scored twice for Tottenham on Sunday.", "Lo Celso"),
    ],
)
@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_spanish_or_italian_article_before_a_name_leaves_a_person(text, name, tagger):
    found = surfaces_by_actor(text, tagger=tagger)
    assert (name, "organization") not in found
