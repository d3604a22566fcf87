"""/actor with one word of a full name that no alias holds (qa25a F10, qa25c F8): a stored person's exact
surname finds them, a family name several share lists them all, a Japanese name asked in the other order
finds the person, and candidates that would read the same are told apart by their articles and outlets."""

import pytest

from briefing.actors import extract_actors
from briefing.render import to_plain
from briefing.service.commands import Asker, answer, load_all
from tests.actor_helpers import add_article

ASKER = Asker(chat_id=1, user_id=1)


@pytest.fixture(autouse=True)
def commands():
    load_all()


async def ask(app, text):
    reply = await answer(app, text, ASKER)
    return to_plain(reply.document)


async def test_the_exact_surname_of_a_stored_person_finds_them(app):
    add_article(app, "Abdul Karimo, the head of rescue operations, said boats had reached Ibo.", day=20)
    text = await ask(app, "/actor Karimo")
    assert text.startswith("ABDUL KARIMO"), text
    assert "no one called" not in text


async def test_a_family_name_several_people_share_lists_them_all(app):
    add_article(app, "Lawmakers approved Nguyễn Thị Thanh Hà as head of the central bank.", day=20)
    add_article(app, "She replaces Nguyễn Thị Hồng, who retired after eight years.", day=21)
    text = await ask(app, "/actor Nguyen")
    assert "no one called" not in text
    assert "could be more than one actor" in text
    assert "/actor Nguyễn Thị Thanh Hà" in text and "/actor Nguyễn Thị Hồng" in text


async def test_a_japanese_name_asked_in_the_other_order_finds_the_person(app):
    add_article(
        app, "Japanese Prime Minister Ishiba Shigeru met reporters. Ishiba said talks went well.", day=20
    )
    text = await ask(app, "/actor Shigeru Ishiba")
    assert "ISHIBA SHIGERU" in text, text
    text = await ask(app, "/actor Ishiba")
    assert text.startswith("ISHIBA SHIGERU"), text


def test_a_family_name_written_first_is_the_person_named_again():
    text = "Japanese Prime Minister Ishiba Shigeru met reporters. Ishiba said talks went well."
    people = {a.name: a.aliases for a in extract_actors(text) if a.type == "person"}
    assert list(people) == ["Ishiba Shigeru"]
    assert "Ishiba" in people["Ishiba Shigeru"]


def test_a_western_name_keeps_its_surname():
    text = "Defence analyst Isaura Thomas spoke in London. Thomas said the front would hold."
    people = {a.name: a.aliases for a in extract_actors(text) if a.type == "person"}
    assert list(people) == ["Isaura Thomas"]


async def test_two_suggestions_that_read_the_same_are_told_apart(app):
    add_article(app, "Rescue chief Abdul Carimo said boats had reached Ibo.", source="Herald", day=20)
    add_article(app, "Rescue chief Abdul Carimo said the search went on.", source="Wire", day=21)
    add_article(app, "Rescue chief Abdul Karimo said the search would end.", source="Meridian", day=21)
    text = await ask(app, "/actor Abdul Karmo")
    assert "/actor Abdul Carimo — person, Rescue chief, 2 articles, in Herald, Wire" in text, text
    assert "/actor Abdul Karimo — person, Rescue chief, 1 article, in Meridian" in text, text
