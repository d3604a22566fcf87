"""A place written with the state or country that holds it ("Washington, D.C.", "Portland, Ore.", "Paris,
France") is one name in a list of names, not two (briefing.place_names)."""

from __future__ import annotations

import pytest

from briefing.name_lists import listed
from briefing.place_names import city_of, one_place
from briefing.service.commands import Asker, answer, load_all
from store import subscribers
from tests.actor_helpers import add_article

ALICE = Asker(chat_id=1001, user_id=1001)
load_all()


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Washington", "D.C."),  # a postal code, with dots
        ("Washington", "DC"),
        ("Portland", "Ore."),  # a newsroom abbreviation no list holds
        ("Springfield", "Ill."),
        ("St. Louis", "Mo."),
        ("New York", "N.Y."),
        ("Victoria", "BC"),  # a Canadian province
        ("Paris", "France"),  # a country holding the city
        ("Kyiv", "UA"),  # by its ISO code
        ("London", "UK"),  # by a short form of the gazetteer's
        ("Atlanta", "Georgia"),  # the US state
        ("Tbilisi", "Georgia"),  # the country
        ("Texas", "USA"),  # a state of the country
        ("Bayern", "Germany"),  # a subdivision of the country (pycountry)
        ("Paris", "Texas"),  # a city of the lists in a state that does not hold it: another Paris
        ("Portland", "Maine"),  # the lists hold cities of 100,000; Maine's Portland is smaller
        ("Smallville", "Kan."),  # no city of the lists, but an abbreviation written only after a place
    ],
)
def test_a_place_and_what_holds_it_are_one_place(before, after):
    assert one_place(before, after)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Kellogg", "Zelensky"),
        ("Trump", "Russia"),  # no place
        ("Kyiv", "Russia"),  # a city its country does not hold: two places
        ("Gaza", "Israel"),
        ("US", "UK"),  # two countries
        ("Texas", "Florida"),  # two states
        ("Washington", "Oregon"),  # a state (and city) before a state: two names
        ("New York", "New Jersey"),
        ("Moscow", "Georgia"),  # the state is a country too: more likely two names of a list
        ("Kellogg", "CA"),  # a code after no place
        ("Paris", "London"),
        ("Hamas", "Hezbollah"),
    ],
)
def test_names_of_a_list_are_not_one_place(before, after):
    assert not one_place(before, after)


def test_the_place_of_a_name_is_the_city_the_region_holds():
    assert city_of("Paris, France") == "Paris"
    assert city_of("Washington, D.C.") == "Washington"
    assert city_of("Portland, Ore") == "Portland"
    assert city_of("Paris, Texas") is None  # not the Paris the archive most likely knows
    assert city_of("Kellogg, Zelensky") is None and city_of("Paris") is None


def test_a_list_keeps_a_place_s_comma_and_cuts_the_others():
    assert listed("Kellogg, Zelensky", one_place) == ["Kellogg", "Zelensky"]
    assert listed("Kellogg, Portland, Ore., Zelensky", one_place) == ["Kellogg", "Portland, Ore.", "Zelensky"]
    assert listed("Paris, Texas, USA", one_place) == ["Paris, Texas, USA"]  # each pair one place
    assert listed("Kellogg, Paris, Texas, USA, Putin", one_place) == ["Kellogg", "Paris, Texas, USA", "Putin"]
    assert listed("Trump, Paris, Texas, United States", one_place) == ["Trump", "Paris, Texas, United States"]
    assert listed("Atlanta, Georgia, Russia", one_place) == ["Atlanta", "Georgia", "Russia"]
    assert listed("Portland, Maine, Boston", one_place) == ["Portland", "Maine", "Boston"]
    assert listed("Seattle, Wash., USA", one_place) == ["Seattle, Wash., USA"]  # its last part holds "Wash."
    # in a longer list a region written out is a name of the list
    assert listed("Kyiv, Kharkiv, Ukraine", one_place) == ["Kyiv", "Kharkiv", "Ukraine"]
    assert listed("Kharkiv, Ukraine", one_place) == ["Kharkiv, Ukraine"]
    assert listed("Portland; Maine", one_place) == ["Portland", "Maine"]  # a semicolon always cuts
    assert listed("Trump,, Putin", one_place) == ["Trump", "Putin"]


@pytest.fixture
def news(app):
    add_article(
        app,
        "Donald Trump flew to Washington on Monday. In Washington, Trump met Keith Kellogg. Later Trump"
        " spoke about Paris. Paris hosted talks. Kellogg returned to Washington.",
    )
    return app


def followed(app) -> list[tuple[str, str]]:
    return [(f.kind, f.value) for f in subscribers.follows_of(app.db, 1001)]


async def test_a_place_with_its_state_is_followed_as_the_place_the_archive_knows(news):
    reply = await answer(news, "/follow Washington, D.C.", ALICE)
    assert reply.document.text.startswith("Following Washington (place), for “Washington, D.C.”.")
    assert followed(news) == [("actor", "Washington")]
    reply = await answer(news, "/follow Kellogg; Paris, France", ALICE)  # a semicolon, then a place
    assert "\nParis (place), for “Paris, France”\n" in reply.document.text
    assert {v for _, v in followed(news)} == {"Washington", "Keith Kellogg", "Paris"}
    stopped = await answer(news, "/unfollow Paris, France", ALICE)
    assert stopped.document.text.startswith("Stopped following Paris.")


async def test_a_place_the_archive_does_not_know_is_one_topic(news):
    reply = await answer(news, "/follow Portland, Ore.", ALICE)
    assert reply.document.text.startswith("Following the topic Portland, Ore.")
    assert "Following:" not in reply.document.text
    await answer(news, "/follow Paris, Texas", ALICE)  # another Paris: its words, not the archive's Paris
    assert set(followed(news)) == {("topic", "Portland, Ore"), ("topic", "Paris, Texas")}


async def test_names_that_are_no_one_place_are_still_cut(news):
    reply = await answer(news, "/follow Kellogg, Trump", ALICE)
    assert reply.document.text.startswith("Following:\nKeith Kellogg (person)\nDonald Trump (person)\n")


async def test_a_topic_ending_with_a_dot_gets_no_second_one(news):
    reply = await answer(news, "/follow U.S. (topic)", ALICE)
    assert reply.document.text.startswith("Following the topic U.S.\n")
