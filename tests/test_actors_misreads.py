"""Session 10's open misreads, each fixed by a general rule (not a list of the strings): a long numbered
work's name ("Grand Theft Auto V"), a plural noun for people that opens a sentence and speaks ("Mourners
said"), a rank's own plural as an epithet ("King of Kings Haile Selassie"), a place head's plural as a realm
("Lord of the Isles"), a party named with "and" ("Law and Justice"), and a rating before a given name alone
("Fireman Sam")."""

import pytest

from tests.actor_helpers import surfaces_by_actor as typed


@pytest.mark.parametrize("tagger", ["shipped", None])
@pytest.mark.parametrize(
    "text",
    [
        "Rockstar released Grand Theft Auto V in 2013, and the game sold well.",
        "Critics loved Silent Stone Harbour III when it came out in May.",
        "Players queued for Iron Lantern Saga IV at the arcade in Tessvik.",
    ],
)
def test_three_words_and_a_numeral_with_no_given_name_are_no_person(text, tagger):
    assert not [n for (n, t) in typed(text, tagger=tagger) if t == "person"]


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_long_numbered_name_with_a_given_name_or_an_initial_is_a_person(tagger):
    text = (
        "Martin Luther King III spoke first. Then Charles H. Keating IV spoke, and Eberhard Faber V "
        "played guitar."
    )
    people = {n for (n, t) in typed(text, tagger=tagger) if t == "person"}
    assert {"Martin Luther King III", "Charles H. Keating IV", "Eberhard Faber V"} <= people


@pytest.mark.parametrize("tagger", ["shipped", None])
@pytest.mark.parametrize(
    "opening",
    [
        "Mourners said",
        "Bystanders said",
        "Evacuees told reporters",
        "Survivors said",
        "Worshippers said",
        "Police said",
        "Rebels said",
        "Locals said",
        "Medics said",
        "Hostages said",
        "Pilgrims said",
    ],
)
def test_a_plural_noun_for_people_no_list_holds_before_a_speech_verb_is_no_person(opening, tagger):
    text = f"{opening} the storm hit homes in Tessvik at night. Later, Tomas Irving led the rescue."
    assert typed(text, tagger=tagger) == {
        ("Tessvik", "place"): ["Tessvik"],
        ("Tomas Irving", "person"): ["Tomas Irving"],
    }


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_surname_of_the_same_shape_that_the_text_names_in_full_is_a_person(tagger):
    """The text gives the full name before or after the surname alone, or a title's abbreviation does."""
    assert typed("Walters said the talks failed. Later, Anne Walters left Oslo.", tagger=tagger)[
        ("Anne Walters", "person")
    ] == ["Walters", "Anne Walters"]
    assert typed("Tom Daniels runs the mill. Daniels said it would close.", tagger=tagger) == {
        ("Tom Daniels", "person"): ["Tom Daniels", "Daniels"]
    }
    found = typed("Mr. Chalmers arrived. Chalmers said the budget would pass.", tagger=tagger)
    assert [n for (n, t) in found if t == "person"] == ["Chalmers"], found


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_ranks_own_plural_is_an_epithet_before_the_holders_name(tagger):
    for text, name in (
        ("The emperor King of Kings Haile Selassie visited Jamaica in 1966.", "Haile Selassie"),
        ("The poem hails Lord of Lords Ostrid Varnay as a saint.", "Ostrid Varnay"),
    ):
        found = typed(text, tagger=tagger)
        assert (name, "person") in found, (text, found)


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_rank_of_a_place_heads_plural_is_a_person_not_a_work(tagger):
    for text, name in (
        ("The Lord of the Isles is a title held by the heir to the throne.", "Lord of the Isles"),
        ("She met the Duke of the Valleys on Sunday.", "Duke of the Valleys"),
    ):
        assert (name, "person") in typed(text, tagger=tagger), text
    # a common noun's plural is still a work's
    assert not typed("He reread Lord of the Rings on the train.", tagger=tagger)


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_party_named_with_and_is_one_organisation(tagger):
    text = (
        "Poland's Law and Justice party lost power in 2023. Law and Justice said it would appeal. In "
        "Velmora the Order and Renewal party won."
    )
    found = typed(text, tagger=tagger)
    assert found[("Law and Justice", "organization")] == ["Law and Justice", "Law and Justice"], found
    assert ("Order and Renewal", "organization") in found, found
    assert not [n for (n, t) in found if n in ("Law", "Justice", "Order", "Renewal")], found


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_two_actors_joined_by_and_before_party_stay_two(tagger):
    found = typed("Russia and Ukraine party officials met in Geneva.", tagger=tagger)
    assert ("Russia", "place") in found and ("Ukraine", "place") in found, found


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_rating_and_a_given_name_alone_are_a_characters_name(tagger):
    found = typed("Children love Fireman Sam, and Airman Joe is a cartoon too.", tagger=tagger)
    assert found == {("Fireman Sam", "person"): ["Fireman Sam"], ("Airman Joe", "person"): ["Airman Joe"]}
    found = typed("Fireman Sam airs at noon. Fans of Fireman Sam queued in Leeds.", tagger=tagger)
    assert found[("Fireman Sam", "person")] == ["Fireman Sam", "Fireman Sam"], found


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_rating_before_a_full_name_and_its_surname_is_a_sailors_title(tagger):
    text = "Fireman Recruit Sam Hale was injured. Fireman Hale said the fire spread below deck."
    assert typed(text, tagger=tagger) == {("Sam Hale", "person"): ["Sam Hale", "Hale"]}


def test_a_tagged_name_begins_at_its_capitals_not_at_a_word_that_describes_it():
    text = "Turkey's ruling Justice and Development party won. Velmora's ruling Order and Renewal Party lost."
    found = typed(text)
    assert found[("Justice and Development", "organization")] == ["Justice and Development"], found
    assert found[("Order and Renewal Party", "organization")] == ["Order and Renewal Party"], found


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_lone_word_in_quotes_that_only_the_place_list_knows_is_no_place(tagger):
    # qa22c F12: a sidebar's "Orban's 'Surprise' Beijing Visit" named Surprise, Arizona
    for text in (
        "Orban’s ‘Surprise’ Beijing Visit Sparks EU Controversy",
        "Police said the “Surprise” inspection was planned weeks ago in Beijing.",
    ):
        found = typed(text, tagger=tagger)
        assert ("Surprise", "place") not in found and ("Beijing", "place") in found


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_the_town_unquoted_and_a_quoted_country_keep_their_reading(tagger):
    assert ("Surprise", "place") in typed("He moved to Surprise, Arizona, in 2010.", tagger=tagger)
    assert ("Ukraine", "place") in typed("Voters spoke of ‘Ukraine’ fatigue in Ohio.", tagger=tagger)
