"""A name in apposition after "also known as", "known as" or "better known as" is another name of the
actor named first: one actor of the text, under the first name, found by either."""

import pytest

from briefing.actors import extract_actors
from briefing.render import to_plain
from briefing.service.commands import Asker, answer, load_all
from tests.actor_helpers import add_article


def people(text: str) -> dict[str, list[str]]:
    return {
        a.name: [text[m.start : m.end] for m in a.mentions]
        for a in extract_actors(text)
        if a.type == "person"
    }


def test_also_known_as_makes_one_person():
    text = (
        "Syria's interim President Ahmed al-Sharaa, also known as Abu Mohammed al-Julani, called for calm. "
        "Al-Julani once led the rebels."
    )
    found = people(text)
    assert list(found) == ["Ahmed al-Sharaa"]
    assert found["Ahmed al-Sharaa"] == ["Ahmed al-Sharaa", "Abu Mohammed al-Julani", "Al-Julani"]


def test_the_other_name_is_an_alias_for_the_archive():
    text = "The rebel leader Ahmed al-Sharaa, better known as Abu Mohammed al-Julani, spoke in Damascus."
    actor = next(a for a in extract_actors(text) if a.type == "person")
    assert "Abu Mohammed al-Julani" in actor.aliases


def test_a_name_the_apposition_does_not_close_is_left_apart():
    found = people("Ali Hassan, known as Abu Ali in Gaza, spoke on Monday.")
    assert "Ali Hassan" in found and "Abu Ali" in found


@pytest.fixture(autouse=True)
def commands():
    load_all()


async def test_the_archive_finds_the_person_by_the_other_name(app):
    add_article(
        app,
        "Syria's interim President Ahmed al-Sharaa, also known as Abu Mohammed al-Julani, called for calm.",
        day=3,
    )
    for name in ("al-Julani", "Abu Mohammed al-Julani", "Ahmed al-Sharaa"):
        reply = await answer(app, f"/actor {name}", Asker(chat_id=1, user_id=1))
        assert to_plain(reply.document).startswith("AHMED AL-SHARAA"), name
