"""m0031: the database keeps a chat's follows apart by the bot's own rule (``follow_key``, Unicode case
folding), not SQLite's lower() (A-Z alone). An archive of an older release holding "ÉLYSÉE" and "élysée"
for one chat is upgraded to one follow, the first, and an alert held for the other name still goes out."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from briefing.adapters.delivery import send_due_alerts
from briefing.models import follow_key
from briefing.service import App
from store.alerts import alerts_of, queue_alert
from store.db import migrate, to_iso
from store.subscribers import follow, follows_of, unfollow
from tests.article_rows import database_before, old_follow
from tests.digestkit import QUICK, Clock, add_actor, add_story, fast_pacer

BEFORE = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
NOON = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
PALACE = "Protesters gathered outside the Élysée on Monday as the president met union leaders."


@pytest.fixture
def old(tmp_path):
    db = database_before(tmp_path / "old.db", 31, when=BEFORE)
    yield db
    db.conn.close()


def _followed(db, chat_id: int, kind: str, value: str, hours: int, actor_id: int | None = None) -> None:
    """A follow as an older release stored it, ``hours`` after ``BEFORE``."""
    old_follow(db, chat_id, kind, value, BEFORE + timedelta(hours=hours), key=None, actor_id=actor_id)


def test_the_old_index_let_a_name_in_two_cases_be_followed_twice(old):
    _followed(old, 5, "topic", "élysée", 2)
    _followed(old, 5, "topic", "ÉLYSÉE", 1)
    assert len(follows_of(old, 5)) == 2  # lower() folds E and L and Y, not É


def test_the_upgrade_keeps_the_first_follow_of_a_name_and_every_other_follow(old):
    west = add_actor(old, "West", "place")
    _followed(old, 5, "topic", "élysée", 2)  # stored first, followed later (created_at decides)
    _followed(old, 5, "topic", "ÉLYSÉE", 1)
    _followed(old, 5, "topic", "Straße", 3)
    _followed(old, 5, "topic", "STRASSE", 4)  # "ß" case-folds to "ss"
    _followed(old, 5, "topic", "“port strike”", 5)  # a phrase is another follow than its words
    _followed(old, 5, "topic", "port strike", 6)
    _followed(old, 5, "actor", "West", 7, actor_id=west)  # the actor and the topic of a name are two
    _followed(old, 5, "topic", "west", 8)
    _followed(old, 6, "topic", "Élysée", 9)  # another chat's follow is its own
    migrate(old)
    assert [f.value for f in follows_of(old, 5)] == [
        "ÉLYSÉE",
        "Straße",
        "“port strike”",
        "port strike",
        "West",
        "west",
    ]
    assert [f.value for f in follows_of(old, 6)] == ["Élysée"]
    keys = old.execute("SELECT value, value_key FROM follows").fetchall()
    assert all(key == follow_key(value) for value, key in keys)


def test_after_the_upgrade_the_database_refuses_a_name_followed_in_another_case(old):
    _followed(old, 5, "topic", "ÉLYSÉE", 1)
    migrate(old)
    assert not follow(old, 5, "topic", "élysée", now=NOON)
    assert not follow(old, 5, "topic", "Élysée", now=NOON)
    assert follow(old, 6, "topic", "élysée", now=NOON)
    with pytest.raises(sqlite3.IntegrityError):  # a writer of its own must keep the rule too
        old.execute(
            "INSERT INTO follows (chat_id, kind, value, created_at, value_key) VALUES (5, 'topic', ?, ?, ?)",
            ["élysée", to_iso(NOON), follow_key("élysée")],
        )
    with pytest.raises(sqlite3.IntegrityError):  # and give the key: none is made up for it
        old.execute(
            "INSERT INTO follows (chat_id, kind, value, created_at) VALUES (5, 'topic', 'Marseille', ?)",
            [to_iso(NOON)],
        )
    assert unfollow(old, 5, "élysée")
    assert follows_of(old, 5) == []
    assert follow(old, 5, "topic", "élysée", now=NOON)  # followed anew, under the name asked for
    assert [f.value for f in follows_of(old, 5)] == ["élysée"]


def test_unfollow_stops_the_follow_of_that_kind_and_actor_alone(old):
    west_place, west_org = add_actor(old, "West", "place"), add_actor(old, "West", "organization")
    migrate(old)
    follow(old, 5, "actor", "West", actor_id=west_place, now=NOON)
    follow(old, 5, "actor", "West", actor_id=west_org, now=NOON)
    follow(old, 5, "topic", "WEST", now=NOON)
    assert unfollow(old, 5, "west", kind="actor", actor_id=west_org)
    assert {(f.kind, f.actor_id) for f in follows_of(old, 5)} == {("actor", west_place), ("topic", None)}
    assert unfollow(old, 5, "West", kind="topic")
    assert [f.actor_id for f in follows_of(old, 5)] == [west_place]
    assert not unfollow(old, 5, "West", kind="topic")


async def test_an_alert_held_for_the_merged_name_goes_out_under_the_follow_kept(
    old, settings, botapi, botapi_bot
):
    """The alert was queued for "élysée" (the chat's later follow) and held for the night; the upgrade
    keeps "ÉLYSÉE": the alert goes out in the morning, about "ÉLYSÉE"."""
    _followed(old, 5, "topic", "ÉLYSÉE", 1)
    _followed(old, 5, "topic", "élysée", 2)
    story = add_story(old, "Protest at the Élysée", updated=NOON, body=PALACE, summary=PALACE)
    (article,) = [r[0] for r in old.execute("SELECT id FROM articles WHERE story_id = ?", [story])]
    assert queue_alert(old, 5, story, reason="élysée", due_at=NOON, now=NOON, article_id=article)
    migrate(old)
    app = App(db=old, settings=settings, clock=Clock(NOON))
    report = await send_due_alerts(app, botapi_bot, now=NOON, pacer=fast_pacer(), policy=QUICK)
    assert report.sent == 1
    (alert,) = botapi.sent_messages(5)
    assert alert.text.splitlines()[0] == "New about ÉLYSÉE"
    assert [a.state for a in alerts_of(old, 5)] == ["sent"]
