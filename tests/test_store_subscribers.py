from datetime import time, timedelta

from store import open_db
from store import subscribers as subs
from store.db import _migrations, migrate
from tests.conftest import NOW


def test_subscribe_then_resubscribe_updates_and_reactivates(db):
    s = subs.subscribe(db, 1, timezone="Europe/Kyiv", digest_time=time(7, 30), now=NOW)
    assert (s.timezone, s.digest_time, s.length, s.active) == ("Europe/Kyiv", time(7, 30), 5, True)
    assert subs.set_active(db, 1, False, now=NOW)
    assert subs.active_subscribers(db) == []
    s = subs.subscribe(db, 1, timezone="UTC", digest_time=time(9, 0), now=NOW + timedelta(days=1), length=3)
    assert (s.timezone, s.digest_time, s.length, s.active) == ("UTC", time(9, 0), 3, True)
    assert subs.count_subscribers(db) == (1, 1)


def test_update_keeps_what_is_not_given(db):
    subs.subscribe(db, 1, timezone="Europe/Kyiv", digest_time=time(7, 30), now=NOW, length=4)
    s = subs.update_subscriber(db, 1, now=NOW, digest_time=time(6, 0))
    assert (s.timezone, s.digest_time, s.length) == ("Europe/Kyiv", time(6, 0), 4)
    assert subs.update_subscriber(db, 2, now=NOW, length=3) is None


def test_set_active_on_unknown_chat_is_false(db):
    assert not subs.set_active(db, 99, False, now=NOW)


def test_follow_is_idempotent_and_unfollow_ignores_case(db):
    assert subs.follow(db, 1, "topic", "Oreshnik", now=NOW)
    assert not subs.follow(db, 1, "topic", "Oreshnik", now=NOW)
    assert [f.value for f in subs.follows_of(db, 1)] == ["Oreshnik"]
    assert subs.unfollow(db, 1, "oreshnik")
    assert subs.follows_of(db, 1) == []
    assert not subs.unfollow(db, 1, "oreshnik")


def test_migrate_chat_moves_subscription_and_follows(db):
    subs.subscribe(db, -100, timezone="UTC", digest_time=time(8, 0), now=NOW, chat_type="group")
    subs.follow(db, -100, "topic", "NATO", now=NOW)
    subs.migrate_chat(db, -100, -1001234, now=NOW)
    assert subs.get_subscriber(db, -100) is None
    moved = subs.get_subscriber(db, -1001234)
    assert moved is not None and moved.chat_type == "supergroup"
    assert [f.chat_id for f in subs.follows_of(db, -1001234)] == [-1001234]


def test_migration_8_keeps_the_follows_and_lets_two_actors_share_a_name(tmp_path):
    db = open_db(tmp_path / "old.db", migrate_schema=False)
    db.execute("CREATE TABLE schema_migrations (number INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)")
    for number, name, module in _migrations():
        if number < 8:  # the schema as it was before follows were keyed by actor
            module.apply(db)
            db.execute("INSERT INTO schema_migrations VALUES (?, ?, '')", [number, name])
    db.execute("INSERT INTO actors (id, name, type, key) VALUES (1, 'West', 'place', 'place:west')")
    db.execute("INSERT INTO actors (id, name, type, key) VALUES (2, 'West', 'organization', 'org:west')")
    db.execute("INSERT INTO follows VALUES (7, 'actor', 'West', 1, '2025-01-01T00:00:00+00:00')")
    db.execute("INSERT INTO follows VALUES (7, 'topic', 'grain', NULL, '2025-01-02T00:00:00+00:00')")
    migrate(db)
    assert [(f.kind, f.value, f.actor_id) for f in subs.follows_of(db, 7)] == [
        ("actor", "West", 1),
        ("topic", "grain", None),
    ]
    assert subs.follow(db, 7, "actor", "West", actor_id=2, now=NOW)
    assert not subs.follow(db, 7, "topic", "Grain", now=NOW)
    db.execute("DELETE FROM actors WHERE id = 1")  # an actor gone takes its follows with it, as before
    assert [f.actor_id for f in subs.follows_of(db, 7)] == [None, 2]


def test_a_subscription_reactivated_after_todays_time_gets_its_first_digest_tomorrow(db):
    from datetime import UTC, datetime

    from briefing.schedule import due_digest

    limit = timedelta(hours=6)
    subs.subscribe(db, 5, timezone="UTC", digest_time=time(8, 0), now=datetime(2026, 11, 1, 12, tzinfo=UTC))
    subs.set_active(db, 5, False, now=datetime(2026, 11, 2, 12, tzinfo=UTC))  # /unsubscribe
    at = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)  # /subscribe 08:00, an hour after today's 08:00
    again = subs.subscribe(db, 5, timezone="UTC", digest_time=time(8, 0), now=at)
    new = subs.subscribe(db, 6, timezone="UTC", digest_time=time(8, 0), now=at)
    for sub in (again, new):
        assert due_digest(sub, at + timedelta(seconds=30), late_limit=limit) is None
        tomorrow = due_digest(sub, datetime(2026, 11, 25, 8, 0, tzinfo=UTC), late_limit=limit)
        assert tomorrow is not None and tomorrow.digest_date.isoformat() == "2026-11-25"
    # changing the settings of an active subscription keeps it as it was
    changed = subs.subscribe(db, 5, timezone="UTC", digest_time=time(7, 0), now=at + timedelta(hours=1))
    assert changed.created_at == at
