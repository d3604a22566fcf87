"""A lone given name ("Sir Keir") in a text that never writes the surname joins the archive's person the
news has called by it alone (``store.actors``)."""

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
