"""An archive of an older release, whose lists made "Twitter" another name of X and "Facebook" of Meta,
finds Twitter and Facebook apart after the upgrade, as a new installation does (QA16a F1)."""

import importlib

from store import actors as actor_store
from tests.actor_helpers import add_article

upgrade = importlib.import_module("store.migrations.m0027_curated_renames")


def _names(app, name: str) -> list[str]:
    return [a.name for a in actor_store.find_actors(app.db, name)]


def test_the_old_lists_aliases_are_dropped_and_a_later_twitter_is_its_own_actor(app):
    add_article(app, "X said on Monday that it would charge for posts. Meta reported higher sales.", day=1)
    x = actor_store.find_actors(app.db, "X")[0]
    meta = actor_store.find_actors(app.db, "Meta")[0]
    app.db.conn.executemany(  # what the seeds of an older release stored
        "INSERT INTO actor_aliases (actor_id, alias, norm) VALUES (?, ?, ?)",
        [(x.id, "Twitter", "twitter"), (meta.id, "Facebook", "facebook")],
    )
    assert _names(app, "Twitter") == ["X"] and _names(app, "Facebook") == ["Meta"]
    upgrade.apply(app.db)
    assert _names(app, "Twitter") == [] and _names(app, "Facebook") == []
    assert _names(app, "X") == ["X"] and _names(app, "Meta") == ["Meta"]  # their own names stay
    add_article(app, "Twitter suspended thousands of accounts on Tuesday, the company said.", day=2)
    assert _names(app, "Twitter") == ["Twitter"]
