"""`/actor` with a Gulf house ("Al Nahyan") or an honorific and a given name ("Sheikh Mohammed") that the news
calls a person by: a name of theirs, not a close match (issue 3)."""

import pytest


async def _ask(app, name):
    from briefing.render import to_plain
    from briefing.service.commands import Asker, answer, load_all

    load_all()
    return to_plain((await answer(app, f"/actor {name}", Asker(1, 1))).document)


def _two_sheikhs(app):
    from tests.actor_helpers import add_article

    add_article(
        app,
        "Emirati President Sheikh Mohamed bin Zayed Al Nahyan met officials in Paris on Monday. Sheikh "
        "Mohamed said the visit was a success.",
        day=1,
    )
    add_article(
        app,
        "Dubai ruler Sheikh Mohammed bin Rashid Al Maktoum opened the expo on Tuesday. Sheikh Mohammed said "
        "the city would grow.",
        day=2,
    )


@pytest.mark.parametrize(
    "asked, meant",
    [
        ("Al Nahyan", "MOHAMED BIN ZAYED AL NAHYAN"),  # actors39 left: the one prince of the house
        ("Sheikh Mohammed", "MOHAMMED BIN RASHID AL MAKTOUM"),  # actors41 left: "Closest match for Mohammed"
        ("Sheikh Mohamed", "MOHAMED BIN ZAYED AL NAHYAN"),
    ],
)
async def test_a_house_or_an_honorific_and_given_name_the_news_uses_answers_as_a_name(app, asked, meant):
    _two_sheikhs(app)
    text = await _ask(app, asked)
    assert text.startswith(meant), text


async def test_an_honorific_and_given_name_the_news_gave_two_people_asks_which_one(app):
    from tests.actor_helpers import add_article

    _two_sheikhs(app)
    add_article(
        app,
        "Saudi Crown Prince Mohammed bin Salman met envoys in Riyadh on Wednesday. Sheikh Mohammed said the "
        "talks went well.",
        day=3,
    )
    text = await _ask(app, "Sheikh Mohammed")
    assert "Which one?" in text and "Mohammed bin Salman" in text and "Mohammed bin Rashid" in text, text
