"""A company called by its possessive ("Kellogg's") is the company wherever the text uses it as a company
("Kellogg's shares fall", "Kellogg's reported lower sales"), under one name, though an envoy called
Keith Kellogg is named too; and `/actor Kellogg's` opens the company."""

import pytest

from briefing.actors import extract_actors
from briefing.render import to_plain
from briefing.service.commands import Asker, answer, load_all
from tests.actor_helpers import add_article

BOTH = (
    "Kellogg's shares fall as cereal sales slow\n\n"
    "BATTLE CREEK, Michigan (Reuters) - Kellogg's reported lower quarterly sales on Tuesday, and the "
    "cereal maker said it would cut 300 jobs. Keith Kellogg, the former envoy, is no relation to the "
    'company. "We are confident," said Kellogg\'s chief executive Gary Pilnick.'
)
COMPANY = (
    "Cereal sales slow\n\nKellogg's reported lower quarterly sales on Tuesday, and the cereal maker said "
    'it would cut 300 jobs. "We are confident," said Kellogg\'s chief executive Gary Pilnick.'
)
ENVOY = (
    "Retired General Keith Kellogg, the special envoy for Ukraine, met officials in Kyiv. "
    "Kellogg said talks went well."
)


def kelloggs(text: str) -> dict[tuple[str, str], list[str]]:
    return {
        (a.name, a.type): [text[m.start : m.end] for m in a.mentions]
        for a in extract_actors(text)
        if "Kellogg" in a.name
    }


def test_the_company_keeps_its_headline_and_its_sales_beside_the_envoy():
    found = kelloggs(BOTH)
    assert found[("Keith Kellogg", "person")] == ["Keith Kellogg"]
    assert len(found[("Kellogg's", "organization")]) == 3


def test_without_the_envoy_the_sales_are_the_companys_under_the_same_name():
    assert kelloggs(COMPANY) == {("Kellogg's", "organization"): ["Kellogg's", "Kellogg"]}


def test_a_persons_possessive_stays_the_persons():
    text = (
        "Elon Musk spoke on Monday. Musk's plan for Mars was delayed, and Musk's shares in Tesla are pledged."
    )
    found = {a.name: (a.type, len(a.mentions)) for a in extract_actors(text) if "Musk" in a.name}
    assert found == {"Elon Musk": ("person", 3)}


def test_the_shares_of_a_person_named_in_full_stay_the_persons():
    # actors36: "Musk's shares fell" was a company called "Musk's" beside Elon Musk
    text = "Elon Musk said demand would recover. Musk's shares fell by ten per cent on Monday."
    found = {a.name: (a.type, len(a.mentions)) for a in extract_actors(text) if "Musk" in a.name}
    assert found == {"Elon Musk": ("person", 2)}


@pytest.fixture(autouse=True)
def commands():
    load_all()


async def ask(app, text):
    return to_plain((await answer(app, text, Asker(chat_id=1, user_id=1))).document)


async def test_actor_with_a_possessive_opens_the_company_and_offers_the_envoy(app):
    add_article(app, ENVOY, day=2)
    add_article(app, ENVOY.replace("Kyiv", "Kharkiv"), day=3)
    add_article(app, COMPANY, day=4)
    text = await ask(app, "/actor Kellogg's")
    assert text.startswith("KELLOGG'S") and "Organisation" in text
    assert "Keith Kellogg" in text  # offered at the end


async def test_a_possessive_only_a_person_bears_says_it_is_the_closest_match(app):
    add_article(app, ENVOY, day=2)
    text = await ask(app, "/actor Kellogg's")
    assert "Closest match" in text and "KEITH KELLOGG" in text
