"""Football clubs are organisations: by their cues, by the curated lists of seeds/clubs.toml, by the club
they play, and by a short form after the club's name; a city inside a club's name is no place."""

import pytest
from actor_helpers import surfaces_by_actor


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_city_inside_a_clubs_name_is_no_place(tagger):
    found = surfaces_by_actor(
        "Bayern Munich beat Paris Saint-Germain 2-1 on Wednesday, while Atlético Madrid drew with AC Milan.",
        tagger=tagger,
    )
    for club in ("Bayern Munich", "Paris Saint-Germain", "Atlético Madrid", "AC Milan"):
        assert found[(club, "organization")] == [club]
    assert not [key for key in found if key[1] != "organization"]


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_clubs_named_like_people_or_places_are_clubs_in_a_sentence_about_a_match(tagger):
    found = surfaces_by_actor(
        "Arsenal manager Mikel Arteta said Chelsea had been the better side, and Tottenham beat Fulham.",
        tagger=tagger,
    )
    assert found[("Arsenal", "organization")] == ["Arsenal"]
    assert found[("Chelsea", "organization")] == ["Chelsea"]
    assert found[("Tottenham Hotspur", "organization")] == ["Tottenham"]
    assert found[("Fulham", "organization")] == ["Fulham"]
    assert found[("Mikel Arteta", "person")] == ["Mikel Arteta"]


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_the_same_names_outside_sport_keep_their_reading(tagger):
    found = surfaces_by_actor(
        "Chelsea Clinton visited the Chelsea Flower Show. Heavy rain fell in Liverpool and Mexico City.",
        tagger=tagger,
    )
    assert found[("Chelsea Clinton", "person")] == ["Chelsea Clinton"]
    assert found[("Liverpool", "place")] == ["Liverpool"]
    assert found[("Mexico City", "place")] == ["Mexico City"]
    assert ("Chelsea", "organization") not in found


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_clubs_are_read_by_their_own_cues_without_a_list(tagger):
    found = surfaces_by_actor(
        "Wrexham AFC beat Blackburn Rovers 3-1, while Newcastle United drew with Leicester City.",
        tagger=tagger,
    )
    for club in ("Wrexham AFC", "Blackburn Rovers", "Newcastle United", "Leicester City"):
        assert found[(club, "organization")] == [club]


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_team_beaten_by_a_club_is_a_club(tagger):
    found = surfaces_by_actor("Real Madrid beat Grimsworth 2-0 at the Bernabéu.", tagger=tagger)
    assert found[("Grimsworth", "organization")] == ["Grimsworth"]
    assert found[("Real Madrid", "organization")] == ["Real Madrid"]


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_short_form_after_the_clubs_name_refers_back_to_it(tagger):
    found = surfaces_by_actor(
        "Real Madrid moved to the top of La Liga on Tuesday after a 2-0 win over Sevilla. Real had lost "
        "their previous two league games. FC Barcelona said its new stadium would open in March. Barcelona "
        "had led twice before Girona equalised. Fans later gathered in Barcelona.",
        tagger=tagger,
    )
    assert found[("Real Madrid", "organization")] == ["Real Madrid", "Real"]
    assert found[("Sevilla FC", "organization")] == ["Sevilla"]
    assert found[("FC Barcelona", "organization")] == ["FC Barcelona", "Barcelona"]
    assert found[("Barcelona", "place")] == ["Barcelona"]


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_short_form_two_clubs_share_is_left_alone(tagger):
    found = surfaces_by_actor(
        "Manchester United drew with Newcastle United 1-1. United had not lost at home since August.",
        tagger=tagger,
    )
    assert found[("Manchester United", "organization")] == ["Manchester United"]
    assert found[("Newcastle United", "organization")] == ["Newcastle United"]


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_korean_name_with_the_family_name_son_is_a_person(tagger):
    found = surfaces_by_actor("Tottenham won 2-0, with both goals from Son Heung-min.", tagger=tagger)
    assert found[("Son Heung-min", "person")] == ["Son Heung-min"]
    assert ("Son", "place") not in found


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_headlines_short_forms_name_the_clubs_of_its_story(tagger):
    found = surfaces_by_actor(
        "Sport\n\nUnited stun Barcelona late on\n\nManchester United beat FC Barcelona 3-2 at Old Trafford "
        "on Tuesday night.",
        tagger=tagger,
    )
    assert found[("Manchester United", "organization")] == ["United", "Manchester United"]
    assert found[("FC Barcelona", "organization")] == ["Barcelona", "FC Barcelona"]
    assert ("Barcelona", "place") not in found
