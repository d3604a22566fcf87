"""Actor extraction: where a mention begins and ends, which words are no actor, and which roles are read.
Each test is a finding of a reading of the news, in sentences of our own."""

import pytest

from briefing.actors import extract_actors
from tests.actor_helpers import surfaces_by_actor

typed = surfaces_by_actor


def by_name(text, **kw):
    return {a.name: a for a in extract_actors(text, **kw)}


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_two_known_organisations_joined_by_and_are_two_actors(tagger):
    found = typed("Talks with armed groups such as Hezbollah and Hamas stalled again.", tagger=tagger)
    assert found[("Hezbollah", "organization")] == ["Hezbollah"]
    assert found[("Hamas", "organization")] == ["Hamas"]


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_place_mention_leaves_out_the_words_that_describe_it(tagger):
    text = (
        "Drones struck Ukraine’s northeastern city of Sumy overnight. Ships docked in the port city of "
        "Vladivostok."
    )
    found = typed(text, tagger=tagger)
    assert found[("Sumy", "place")] == ["Sumy"]
    assert found[("Vladivostok", "place")] == ["Vladivostok"]


def test_a_direction_before_a_place_is_no_alias():
    text = (
        "Troops have taken several villages in Ukraine’s eastern Donetsk region, according to officials. "
        "Donetsk was quiet by noon."
    )
    donetsk = by_name(text)["Donetsk"]
    assert [m.surface for m in donetsk.mentions] == ["eastern Donetsk", "Donetsk"]  # as re3d's gold marks it
    assert donetsk.type == "place" and donetsk.aliases == set()


def test_a_name_completed_in_brackets_is_mentioned_as_written():
    text = "“The plan is sound,” [German Chancellor Olaf] Scholz told reporters."
    scholz = by_name(text)["Olaf Scholz"]
    assert [m.surface for m in scholz.mentions] == ["Scholz"]
    assert scholz.mentions[0].start == text.index("Scholz told")


def test_aliases_are_names_not_what_a_state_has_or_does():
    text = (
        "Russian forces shelled the town. Shells fell on Russian territory too, and Russia said it would "
        "respond. Ukrainian troops held the line."
    )
    for actor in extract_actors(text):
        assert all(a[:1].isupper() and " " not in a for a in actor.aliases), (actor.name, actor.aliases)


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_nationality_before_a_body_the_text_names_without_it_is_no_second_actor(tagger):
    text = (
        "Members of the Danish Social Liberal Party walked out. A spokesman for the Social Liberal Party "
        "said the party would not return."
    )
    found = typed(text, tagger=tagger)
    assert found[("Social Liberal Party", "organization")] == ["Social Liberal Party", "Social Liberal Party"]
    assert found[("Denmark", "place")] == ["Danish"]
    assert not any("Danish" in name for name, _ in found)


def test_a_head_alone_refers_back_to_the_longer_name():
    text = (
        "The Federation of Harbour Pilots has 40 members. Jonas Brandt, chair of the Federation’s board, "
        "said the Federation would strike."
    )
    found = by_name(text)
    assert "Federation" not in found
    pilots = found["Federation of Harbour Pilots"]
    assert [m.surface for m in pilots.mentions] == [
        "Federation of Harbour Pilots",
        "Federation",
        "Federation",
    ]
    assert "Federation" not in pilots.aliases  # a head alone finds no actor in other articles


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_person_introduced_by_according_to_and_a_body_after_the(tagger):
    text = "According to Mareike Stolzenberg of the Green Party, the plan failed in the Landtag on Friday."
    found = typed(text, tagger=tagger)
    assert found[("Mareike Stolzenberg", "person")] == ["Mareike Stolzenberg"]
    assert found[("Green Party", "organization")] == ["Green Party"]


def test_an_acronym_spelt_out_in_lower_case_words_is_no_organisation():
    text = "The army tested an intercontinental ballistic missile (ICBM) on Monday. The ICBM flew 900 km."
    assert not any(a.name == "ICBM" for a in extract_actors(text))
    found = by_name("The North Atlantic Treaty Organization (NATO) met in Brussels.")
    assert found["NATO"].type == "organization"


def test_names_inside_the_title_of_a_book_are_no_actors():
    text = "In his book A Short Road to Peace in Europe, Jonas Brandt argues for talks. Brandt said so."
    assert set(by_name(text)) == {"Jonas Brandt"}


def test_a_known_name_whose_last_word_is_not_capitalised_is_found():
    found = typed("The envoy was received in the White house on Tuesday.")
    assert found == {("White House", "organization"): ["White house"]}
    assert by_name("The envoy was received in the White house on Tuesday.")["White House"].aliases == set()


def test_a_plural_common_noun_beginning_a_sentence_is_no_name():
    text = "Unions said the strike would go ahead. Ministries said they would comply. The union wants more."
    assert extract_actors(text) == []


def test_a_company_named_after_two_founders_is_one_organisation():
    found = typed("The deal was signed by Ben & Kerry Holdings on Monday.")
    assert found == {("Ben & Kerry Holdings", "organization"): ["Ben & Kerry Holdings"]}


def test_a_surname_of_a_name_the_tagger_reads_as_no_person_is_no_person():
    text = (
        "The minister toured the clinic and the Sarkin Gwari palace beside the river. She offered her "
        "sympathy to the Gwari community at a meeting with Sarkin Gwari and his council."
    )
    found = {(a.name, a.type) for a in extract_actors(text)}
    assert ("Sarkin Gwari", "person") in found or ("Sarkin Gwari", "place") in found
    assert not any(name == "Gwari" for name, _ in found)  # not also a person "Gwari"
    assert ("Gwari community", "organization") in found  # a people, as "the Yazidi community"


def test_a_language_service_of_a_broadcaster_is_no_state():
    found = typed("In an interview with the BBC’s Russian service, he spoke about the war.")
    assert found[("Russia", "place")] == ["Russian"]
    assert ("Russia", "organization") not in found


def test_a_short_word_before_a_hyphen_is_a_known_name_only_in_capitals():
    found = typed("Un-named officials said the talks failed. The UN-backed plan stalled.")
    assert found == {("United Nations", "organization"): ["UN"]}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "The plan was praised by former prime minister Aldous Penhallow.",
            "Aldous Penhallow",
            "former prime minister",
        ),
        ("The visit was hosted by Crown Prince Faisal bin Nasser.", "Faisal bin Nasser", "Crown Prince"),
        (
            "Trump named his incoming national security adviser, Rep. Martin Oakes, on Sunday.",
            "Martin Oakes",
            "incoming national security adviser",
        ),
        (
            "Adaeze Okafor, former governor and 2027 presidential candidate, called for calm.",
            "Adaeze Okafor",
            "former governor and 2027 presidential candidate",
        ),
        (
            "Secretary of the New Mexico Department of Water Safety Tom Rawley said the roads were closed.",
            "Tom Rawley",
            "Secretary of the New Mexico Department of Water Safety",
        ),
        (
            "The mayor of Dunmore, Orla Teague, said 500 heating points would open.",
            "Orla Teague",
            "mayor of Dunmore",
        ),
        (
            "The chief executive of Valtera Grid, Mikkel Brandt, warned of outages.",
            "Mikkel Brandt",
            "chief executive of Valtera Grid",
        ),
        (
            "A spokesman for the Harbour Authority, Dario Fenn, declined to comment.",
            "Dario Fenn",
            "spokesman for the Harbour Authority",
        ),
    ],
)
def test_roles(text, name, role):
    assert by_name(text)[name].role == role


def test_a_place_named_before_a_comma_gives_no_role():
    found = by_name("Outside the capital of Velmora, Dunmore, the roads were closed.")
    assert all(a.role is None for a in found.values())


def test_a_role_word_before_a_thing_is_no_role():
    found = by_name("Okafor shared the photos on his official X handle on Wednesday.")
    assert all(a.role is None for a in found.values())


def test_an_office_holder_after_the_body_is_a_person_and_the_body_an_organisation():
    text = "Secretary of the New Mexico Department of Water Safety Tom Rawley said the roads were closed."
    found = typed(text)
    assert found[("New Mexico Department of Water Safety", "organization")] == [
        "New Mexico Department of Water Safety"
    ]
    assert found[("Tom Rawley", "person")] == ["Tom Rawley"]


def test_a_companys_arm_in_a_country_is_one_organisation():
    found = typed("The ruling was a blow to Hartwell’s Ireland, which had opposed the trademark.")
    assert found == {("Hartwell’s Ireland", "organization"): ["Hartwell’s Ireland"]}


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_name_that_files_a_complaint_is_an_organisation(tagger):
    found = typed("Brightwave, which filed the original complaint, welcomed the decision.", tagger=tagger)
    assert found == {("Brightwave", "organization"): ["Brightwave"]}


def test_a_country_of_two_names_begins_a_sentence():
    found = typed("Bosnia and Herzegovina is holding elections on Sunday.")
    assert found == {("Bosnia and Herzegovina", "place"): ["Bosnia and Herzegovina"]}
