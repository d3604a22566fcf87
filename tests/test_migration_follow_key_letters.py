"""m0035: a follow's key counts as one name what the news matches alike (``follow_key``): "İstanbul" and
"istanbul", "é" composed and decomposed, "Élysée" and "Elysee", full-width letters. An archive whose keys
the release before made (``casefold`` alone) is upgraded to one follow of each such name, the first, and
an alert held for the other name still goes out."""

from __future__ import annotations

import sqlite3
import unicodedata
from datetime import UTC, datetime, timedelta

import pytest

from briefing.adapters.delivery import send_due_alerts
from briefing.models import follow_key
from briefing.service import App
from store.alerts import alerts_of, queue_alert
from store.db import migrate, to_iso
from store.subscribers import follow, follows_of, unfollow
from tests.article_rows import database_before, old_follow
from tests.digestkit import QUICK, Clock, add_story, fast_pacer

BEFORE = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
NOON = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
DECOMPOSED = unicodedata.normalize("NFD", "Élysée")
FERRY = "A ferry to İstanbul ran aground on Monday off the Bosphorus shore, officials said."


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("İstanbul", "istanbul"),  # "İ".casefold() is "i" and a combining dot
        ("İSTANBUL", "ıstanbul"),  # the dotless "ı" as readers type it
        ("Élysée", DECOMPOSED),
        ("Élysée", "elysee"),  # the index folds Latin accents: both find the same news
        ("Ｒｏｔｔｅｒｄａｍ", "Rotterdam"),  # full-width letters
        ("Kukuła", "KUKULA"),
        ("“Élysée talks”", "“elysee talks”"),
    ],
)
def test_names_the_news_matches_alike_have_one_key(one, other):
    assert follow_key(one) == follow_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("“port strike”", "port strike"),  # a phrase is matched otherwise than its words
        ("й", "и"),  # the index keeps the marks of Cyrillic and Greek letters
        ("ά", "α"),
    ],
)
def test_names_the_news_matches_otherwise_keep_their_keys(one, other):
    assert follow_key(one) != follow_key(other)


@pytest.fixture
def old(tmp_path):
    db = database_before(tmp_path / "old.db", 35, when=BEFORE)
    yield db
    db.conn.close()


def _followed(db, chat_id: int, kind: str, value: str, hours: int, actor_id: int | None = None) -> None:
    """A follow as the release before stored it (its key case folding alone), ``hours`` after ``BEFORE``."""
    when = BEFORE + timedelta(hours=hours)
    old_follow(db, chat_id, kind, value, when, key=value.casefold(), actor_id=actor_id)


def test_the_old_keys_let_one_name_be_followed_twice(old):
    _followed(old, 5, "topic", "İstanbul", 1)
    _followed(old, 5, "topic", "istanbul", 2)
    _followed(old, 5, "topic", DECOMPOSED, 3)
    _followed(old, 5, "topic", "Élysée", 4)
    assert len(follows_of(old, 5)) == 4


def test_the_upgrade_keeps_the_first_follow_of_a_name_and_every_other_follow(old):
    _followed(old, 5, "topic", "istanbul", 2)  # stored first, followed later (created_at decides)
    _followed(old, 5, "topic", "İstanbul", 1)
    _followed(old, 5, "topic", "Élysée", 3)
    _followed(old, 5, "topic", DECOMPOSED, 4)
    _followed(old, 5, "topic", "ELYSEE", 5)
    _followed(old, 5, "topic", "Ｒｏｔｔｅｒｄａｍ", 6)
    _followed(old, 5, "topic", "rotterdam", 7)
    _followed(old, 5, "topic", "“İstanbul port”", 8)  # a phrase is another follow than its words
    _followed(old, 5, "topic", "İstanbul port", 9)
    _followed(old, 5, "actor", "Istanbul", 10)  # an actor by name and a topic of that name are two
    _followed(old, 6, "topic", "istanbul", 11)  # another chat's follow is its own
    migrate(old)
    assert [f.value for f in follows_of(old, 5)] == [
        "İstanbul",
        "Élysée",
        "Ｒｏｔｔｅｒｄａｍ",
        "“İstanbul port”",
        "İstanbul port",
        "Istanbul",
    ]
    assert [f.value for f in follows_of(old, 6)] == ["istanbul"]
    keys = old.execute("SELECT value, value_key FROM follows").fetchall()
    assert all(key == follow_key(value) for value, key in keys)


def test_after_the_upgrade_the_database_refuses_a_name_the_key_counts_as_followed(old):
    _followed(old, 5, "topic", "İstanbul", 1)
    migrate(old)
    assert not follow(old, 5, "topic", "istanbul", now=NOON)
    assert not follow(old, 5, "topic", "ISTANBUL", now=NOON)
    assert follow(old, 6, "topic", "istanbul", now=NOON)
    with pytest.raises(sqlite3.IntegrityError):  # the index is there again, on the new keys
        old.execute(
            "INSERT INTO follows (chat_id, kind, value, created_at, value_key) VALUES (5, 'topic', ?, ?, ?)",
            ["ıstanbul", to_iso(NOON), follow_key("ıstanbul")],
        )
    assert unfollow(old, 5, "istanbul")
    assert follows_of(old, 5) == []


async def test_an_alert_held_for_the_merged_name_goes_out_under_the_follow_kept(
    old, settings, botapi, botapi_bot
):
    """The alert was queued for "istanbul" (the chat's later follow) and held for the night; the upgrade
    keeps "İstanbul": the alert goes out in the morning, about "İstanbul"."""
    _followed(old, 5, "topic", "İstanbul", 1)
    _followed(old, 5, "topic", "istanbul", 2)
    story = add_story(old, "Ferry aground off İstanbul", updated=NOON, body=FERRY, summary=FERRY)
    (article,) = [r[0] for r in old.execute("SELECT id FROM articles WHERE story_id = ?", [story])]
    assert queue_alert(old, 5, story, reason="istanbul", due_at=NOON, now=NOON, article_id=article)
    migrate(old)
    app = App(db=old, settings=settings, clock=Clock(NOON))
    report = await send_due_alerts(app, botapi_bot, now=NOON, pacer=fast_pacer(), policy=QUICK)
    assert report.sent == 1
    (alert,) = botapi.sent_messages(5)
    assert alert.text.splitlines()[0] == "New about İstanbul"
    assert [a.state for a in alerts_of(old, 5)] == ["sent"]
