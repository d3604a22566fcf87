"""Local news names towns after people and people after towns (QA19b F1, F4, F6, F7, F13): a town
after "in" stays the town beside a councillor of that surname, in the article and across the archive;
letters after a name ("KC", "MBE") are no part of it; a regional government named "X de Y" is no
person; a given name and a place word after a role is a person; a firm after "an analyst at" is no
person; and /actor with a name that is exactly another actor's offers both."""

import pytest

from briefing.actors import extract_actors
from briefing.models import Actor
from briefing.render import to_plain
from briefing.service.actors import pick_actor
from briefing.service.commands import Asker, answer, load_all
from store import actors as actor_store
from tests.actor_helpers import add_article

COUNCIL = (
    "Councillors have approved a plan to rebuild the Tannery bridge in Ashby, which has been closed "
    "since the floods. Opposition councillor Moira Ashby, who voted against, said the council had "
    'failed to explain the cost. "We are being asked to sign a blank cheque," Ms Ashby said.'
)
OBITUARY = (
    "Born in Keswick in 1935, she trained as a nurse in Lancaster before returning to the Lakes. "
    'Team leader Andy Lancaster said she had been "an inspiration to generations of rescuers".'
)


def actors_of(text):
    return {(a.name, a.type): sorted(m.surface for m in a.mentions) for a in extract_actors(text)}


def test_a_town_after_in_is_not_the_councillor_of_that_surname():
    found = actors_of(COUNCIL)
    assert found[("Ashby", "place")] == ["Ashby"]
    assert found[("Moira Ashby", "person")] == ["Ashby", "Moira Ashby"]  # "Ms Ashby said" is hers


def test_a_town_before_its_council_is_not_the_councillor():
    found = actors_of("Moira Ashby, a councillor, voted against. Ashby council approved the plan on Monday.")
    assert found[("Moira Ashby", "person")] == ["Moira Ashby"]
    assert found[("Ashby", "place")] == ["Ashby"]


def test_a_listed_town_after_in_is_not_the_person_of_that_surname():
    found = actors_of(OBITUARY)
    assert found[("Lancaster", "place")] == ["Lancaster"]
    assert found[("Andy Lancaster", "person")] == ["Andy Lancaster"]


@pytest.mark.parametrize("text", ["Voters have lost confidence in Ashby.", "Few still believe in Ashby."])
def test_in_after_a_word_of_belief_still_refers_back_to_the_person(text):
    found = actors_of("Moira Ashby, a councillor, resigned on Monday. " + text)
    assert found[("Moira Ashby", "person")] == ["Ashby", "Moira Ashby"]


def test_a_councillor_for_the_town_of_her_surname_is_a_person_not_the_town():
    found = actors_of(
        "The leader of Ashby council resigned on Tuesday. Moira Ashby, a councillor for the town, said the "
        "vote showed a loss of confidence in the leader."
    )
    assert found[("Moira Ashby", "person")] == ["Moira Ashby"]
    assert found[("Ashby", "place")] == ["Ashby"]


def test_a_spokesman_for_a_company_is_a_person_not_the_company():
    found = actors_of("Ann Lee, a spokeswoman for the company, declined to comment. Lee said nothing more.")
    assert found[("Ann Lee", "person")] == ["Ann Lee", "Lee"]


@pytest.mark.parametrize(
    "text",
    [
        "Councillors said the vote showed a loss of confidence in Smith and his cabinet.",
        "Few members still have faith in Hargreaves after the vote.",
    ],
)
def test_a_surname_after_a_word_of_belief_is_a_person_though_never_named_in_full(text):
    found = actors_of(text)
    assert [t for (_, t) in found] == ["person"]


def test_a_councillor_s_title_is_no_part_of_her_name():
    found = actors_of("Councillor Moira Ashby said on Tuesday that members had lost confidence in the plan.")
    assert ("Moira Ashby", "person") in found
    assert not any(n.startswith("Councillor") for n, _ in found)


def test_a_later_article_on_the_town_does_not_join_the_councillor(app):
    add_article(app, COUNCIL, source="Chronicle", day=1)
    add_article(
        app,
        "The Christmas market in Ashby will return next weekend. Roadworks through Ashby had stopped it.",
        source="Gazette",
        day=2,
    )
    places = actor_store.find_actors(app.db, "Ashby", type_="place")
    assert [(a.name, a.article_count) for a in places] == [("Ashby", 2)]
    (councillor,) = actor_store.find_actors(app.db, "Moira Ashby")
    assert councillor.article_count == 1


async def test_actor_with_the_town_s_name_offers_the_town_too(app):
    load_all()
    add_article(app, COUNCIL, source="Chronicle", day=1)
    reply = to_plain((await answer(app, "/actor Ashby", Asker(chat_id=1, user_id=1))).document)
    assert "Ashby — a place" in reply or reply.startswith("ASHBY")
    assert "Moira Ashby" in reply


def test_a_name_exactly_another_actor_s_is_offered_not_passed_over():
    """ "Montenegro": the prime minister by his surname in many articles, the country by its name in one."""
    prime = Actor(1, "Luís Montenegro", "person", aliases=frozenset({"Montenegro"}), article_count=12)
    country = Actor(2, "Montenegro", "place", article_count=1)
    assert pick_actor("Montenegro", [prime, country]) is None
    assert pick_actor("Luís Montenegro", [prime]) == prime
    host = Actor(3, "Ryan", "person", article_count=56)  # one kind: the most named still settles it
    assert pick_actor("Ryan", [host, Actor(4, "Paul Ryan", "person", article_count=3)]) == host


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The judge, Catherine de Souza KC, spoke. De Souza said he showed no remorse.",
            "Catherine de Souza",
        ),
        ("Sir Keir Starmer MP visited the site. Starmer said little.", "Keir Starmer"),
        ("Mary Jones OBE and Alan Hart PhD were honoured. Jones thanked her family.", "Mary Jones"),
        # a given name the lists lack, after a preposition or a title: the letters go all the same
        ("The inquiry heard from Priya Patel MBE, a former minister. Patel said it failed.", "Priya Patel"),
        ("Dr Priya Patel MBE also spoke. Patel said it failed.", "Priya Patel"),
    ],
)
def test_letters_after_a_name_are_no_part_of_it(text, name):
    found = actors_of(text)
    assert (name, "person") in found
    assert len(found[(name, "person")]) == 2  # the surname alone refers back to the name
    assert not any(n.endswith((" KC", " MP", " OBE", " PhD")) for n, _ in found)


def test_a_party_before_a_seat_s_letters_is_no_person():
    found = actors_of("Western Australian Labor MP Jane Roe spoke on Monday.")
    assert ("Western Australian Labor", "person") not in found


def test_a_regional_government_is_no_person_and_takes_no_mention_of_its_region():
    found = actors_of("Nine people died in Galicia, according to the Xunta de Galicia regional government.")
    assert found[("Galicia", "place")] == ["Galicia"]
    assert ("Xunta de Galicia", "person") not in found


def test_a_surname_after_a_particle_is_still_a_person_s():
    found = actors_of("Lula da Silva met Tomás de la Fuente in Lisbon. Da Silva spoke first.")
    assert ("Lula da Silva", "person") in found


def test_a_given_name_and_a_place_word_after_a_role_is_a_person():
    found = actors_of("Council leader Jonathan Brook said the bridge would reopen in 2028.")
    assert ("Jonathan Brook", "person") in found


def test_a_firm_an_analyst_works_at_is_no_person():
    found = actors_of(
        '"A good day," said Sofia Lindqvist-Barnes, an analyst at Peel Hunt. Jeremy Hunt said nothing.'
    )
    assert ("Peel Hunt", "organization") in found
    assert found[("Jeremy Hunt", "person")] == ["Jeremy Hunt"]


async def test_actor_offers_the_country_beside_the_prime_minister_of_its_name(app):
    load_all()
    for day in (1, 2, 3):
        add_article(
            app,
            f"Portuguese Prime Minister Luís Montenegro met union leaders in Lisbon on day {day}. "
            "Montenegro said the budget would pass.",
            source="Lusa",
            day=day,
        )
    add_article(app, "Montenegro has opened the last chapter of its EU accession talks.", source="RFE", day=3)
    reply = await answer(app, "/actor Montenegro", Asker(chat_id=1, user_id=1))
    text = to_plain(reply.document)
    assert "could be more than one actor" in text
    assert "/actor Luís Montenegro" in text
    assert "/actor Montenegro (place)" in text  # the name alone would only ask again
