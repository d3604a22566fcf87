"""A lone given name ("Sir Keir") in a text that never writes the surname joins the archive's person the
news has called by it alone (``store.actors``)."""

import pytest

from store import actors as actor_store
from tests.actor_helpers import add_article


def _people(app, name):
    return [(a.name, a.article_count) for a in actor_store.find_actors(app.db, name, type_="person")]


def test_a_knight_named_by_his_given_name_is_the_person_called_so(app):
    add_article(
        app, "Prime Minister Rupert Harcastle met donors. Sir Rupert said the budget would pass.", day=1
    )
    add_article(app, "Sir Rupert indicated that planning would move to a new phase.", day=2)
    assert _people(app, "Rupert Harcastle") == [("Rupert Harcastle", 2)]


def test_a_given_name_no_article_used_alone_joins_no_one(app):
    add_article(app, "Prime Minister Rupert Harcastle met donors on Monday in Leeds.", day=1)
    add_article(app, "Sir Rupert indicated that planning would move to a new phase.", day=2)
    assert _people(app, "Rupert Harcastle") == [("Rupert Harcastle", 1)]


def test_a_surname_once_guessed_a_firm_joins_the_person_the_archive_knows_by_it(app):
    """A lone "Harcastle" the text left to a guess became an organisation in the first article; once the
    archive clearly knows Rupert Harcastle by that word, a later guess is him, not the firm again."""
    guess = "The visit by Harcastle to France was short. The trip by Harcastle to Lille was long."
    add_article(app, guess, day=1)
    for day in (2, 3, 4):
        add_article(
            app,
            f"Prime Minister Rupert Harcastle met donors in Leeds on day {day}. Harcastle spoke.",
            day=day,
        )

    def counts():
        return {a.name: (a.type, a.article_count) for a in actor_store.find_actors(app.db, "Harcastle")}

    before = counts()
    assert before["Harcastle"] == ("organization", 1)
    add_article(app, guess.replace("Lille", "Nice"), day=5)
    after = counts()
    assert after["Harcastle"] == ("organization", 1)
    assert after["Rupert Harcastle"] == ("person", before["Rupert Harcastle"][1] + 1)


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_country_given_name_beside_a_person_by_et_is_a_person(tagger):
    from briefing.actors import extract_actors

    text = "Marine Le Pen et Jordan Kervella ont réclamé mardi des élections anticipées à Paris."
    found = {(a.name, a.type) for a in extract_actors(text, tagger=tagger)}
    assert ("Jordan Kervella", "person") in found
    assert not any(name == "Jordan Kervella" and type_ != "person" for name, type_ in found)


@pytest.mark.parametrize("tagger", ["shipped", None])
@pytest.mark.parametrize(
    "text, place",
    [
        ("Benjamin Netanyahu and Jordan Valley council leaders toured farms on Monday.", "Jordan Valley"),
        ("Olaf Scholz and Chad Lake officials met in Berlin on Tuesday.", "Chad Lake"),
    ],
)
def test_a_country_name_before_a_place_word_beside_a_person_stays_a_place(tagger, text, place):
    """ "Jordan Valley" after "Netanyahu and" is the valley: the word after the country's name names a kind
    of place, so it is no person's surname (qa28 F1)."""
    from briefing.actors import extract_actors

    found = {(a.name, a.type) for a in extract_actors(text, tagger=tagger)}
    assert (place, "person") not in found
