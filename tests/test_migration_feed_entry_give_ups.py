"""m0039: ``feed_entries`` of an older release, upgraded, keep what they said; an entry an older release
left waiting for its page starts its wait again (its row's ``seen_at`` stood for its first miss), and a
give-up is remembered with the version given up, then forgotten once the entry is read."""

from datetime import UTC, datetime, timedelta

from store import open_db
from store.db import transaction
from store.feed_entries import (
    EntrySighting,
    GivenUp,
    entries_given_up,
    entries_waiting_since,
    give_up,
    give_ups_by_feed,
    last_sightings,
    note_waiting,
    record_sightings,
)
from tests.article_rows import database_before

WHEN = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
READ = "https://news.test/read"
WAITING = "https://news.test/waiting"


def test_rows_of_an_older_release_upgrade_and_a_waiting_entry_waits_anew(tmp_path):
    path = tmp_path / "old.db"
    old = database_before(path, 39, when=WHEN)
    with transaction(old):
        for url in (READ, WAITING):  # as m0017's record_sightings and follows13's note_waiting wrote them
            old.execute(
                "INSERT INTO feed_entries (url, title, stamp, seen_at) VALUES (?, ?, NULL, ?)",
                [url, f"Story at {url}", WHEN.isoformat()],
            )
    old.conn.close()
    db = open_db(path)
    try:
        assert last_sightings(db, [READ])[READ] == EntrySighting(READ, f"Story at {READ}", None)
        assert entries_waiting_since(db, [READ, WAITING]) == {} and entries_given_up(db, [WAITING]) == {}
        later = WHEN + timedelta(hours=5)
        with transaction(db):
            note_waiting(db, [EntrySighting(WAITING, "Story", None)], now=later)
        assert entries_waiting_since(db, [WAITING]) == {WAITING: later}
        with transaction(db):  # a second miss leaves the first
            note_waiting(db, [EntrySighting(WAITING, "Story", None)], now=later + timedelta(hours=1))
        gone = later + timedelta(hours=3)
        with transaction(db):
            give_up(
                db,
                [GivenUp(EntrySighting(WAITING, "Story v2", None), "HTTP 503", True)],
                source_id=7,
                now=gone,
            )
        assert entries_waiting_since(db, [WAITING]) == {}
        (given,) = entries_given_up(db, [WAITING]).values()
        assert (given.sighting.title, given.why, given.waited, given.at) == (
            "Story v2",
            "HTTP 503",
            True,
            gone,
        )
        assert give_ups_by_feed(db)[7].count == 1
        with transaction(db):  # tried again (the feed gave a new version) and read: no longer given up
            record_sightings(db, [EntrySighting(WAITING, "Story v3", None)], now=gone + timedelta(hours=1))
        assert entries_given_up(db, [WAITING]) == {} and give_ups_by_feed(db) == {}
    finally:
        db.conn.close()


def test_m0042_give_ups_of_an_older_release_count_as_told_and_feeds_start_unstalled(tmp_path):
    """m0042: the give-ups /feeds showed before are not news to tell the admins after the upgrade; a
    feed starts with no run of polls that read none of its new entries."""
    from store.feed_entries import untold_give_ups
    from store.sources import entry_stall, record_entry_outcome, upsert_source

    path = tmp_path / "old.db"
    old = database_before(path, 42, when=WHEN)
    with transaction(old):
        feed = upsert_source(old, kind="feed", location="https://news.test/rss", name="News", now=WHEN)
        give_up(
            old, [GivenUp(EntrySighting(READ, "Gone", None), "HTTP 404", False)], source_id=feed.id, now=WHEN
        )
    old.conn.close()
    db = open_db(path)
    try:
        assert untold_give_ups(db, feed.id) == [] and entry_stall(db, feed.id).polls == 0
        later = WHEN + timedelta(hours=1)
        with transaction(db):
            give_up(
                db,
                [GivenUp(EntrySighting(WAITING, "New", None), "HTTP 410", False)],
                source_id=feed.id,
                now=later,
            )
            record_entry_outcome(db, feed.id, read=False, gave_up=True, now=later)
        assert [g.sighting.title for g in untold_give_ups(db, feed.id)] == ["New"]
        assert (entry_stall(db, feed.id).polls, entry_stall(db, feed.id).since) == (1, later)
    finally:
        db.conn.close()
