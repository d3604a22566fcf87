"""Pruning the delivery history: what is old goes, and nothing that keeps a digest or an update from
being sent twice ever does."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from briefing.adapters.delivery import run_due_digests
from briefing.service import App
from briefing.service.retention import prune_history
from store import deliveries as d
from store.callbacks import get_callback, remember_reply, reply_to, save_callback
from store.db import to_iso
from store.digests import received_of
from tests.digestkit import QUICK, Clock, add_story, fast_pacer, join_story, subscriber

NOW = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)
TODAY = NOW.date()


def digest(db, chat_id: int, day: date, state: str, *, stories: tuple[int, ...] = (10,)) -> None:
    due = datetime.combine(day, datetime.min.time(), UTC).replace(hour=8)
    d.add_digest(db, chat_id, day, [d.NewPart("<b>x</b>", "x", stories)], due_at=due, now=due)
    key = d.PartKey(chat_id, day, 0)
    if state in ("claimed", "sent"):
        d.claim_part(db, key, now=due)
    if state == "sent":
        d.confirm_part(db, key, message_id=1, now=due)
    elif state == "failed":
        d.fail_part(db, key, error="Bad Request", now=due)


def dates(db, chat_id: int) -> list[tuple[date, str]]:
    rows = db.execute(
        "SELECT digest_date, state FROM deliveries WHERE chat_id = ? ORDER BY digest_date", [chat_id]
    ).fetchall()
    return [(date.fromisoformat(day), state) for day, state in rows]


def test_old_settled_parts_go_and_unsent_ones_and_each_chats_latest_digest_stay(db):
    old, older = TODAY - timedelta(days=100), TODAY - timedelta(days=120)
    digest(db, 1, older, "sent")
    digest(db, 1, old, "failed")
    digest(db, 1, TODAY - timedelta(days=1), "sent")
    digest(db, 2, older, "sent")  # the last digest chat 2 ever got (it failed since)
    digest(db, 2, old, "failed")
    digest(db, 3, older, "pending")  # never settled: not history yet
    digest(db, 4, old, "claimed")  # a claim a crash left: recovery decides, not pruning
    assert d.prune_deliveries(db, before=TODAY - timedelta(days=90)) == 3
    assert dates(db, 1) == [(TODAY - timedelta(days=1), "sent")]
    assert dates(db, 2) == [(older, "sent")]
    assert d.last_delivered_at(db, 2) is not None  # its next digest is still new since that one
    assert dates(db, 3) == [(older, "pending")] and dates(db, 4) == [(old, "claimed")]


def test_what_a_chat_received_stays_while_the_story_can_still_grow(db):
    ended = add_story(db, "Over long ago", updated=NOW - timedelta(days=120))
    growing = add_story(db, "Still growing", updated=NOW - timedelta(days=100))
    join_story(db, growing, "AP", summary="A new fact.", dated=NOW - timedelta(days=1))
    recent = add_story(db, "Told this week", updated=NOW - timedelta(days=3))
    for story, days in ((ended, 120), (growing, 100), (recent, 3)):
        digest(db, 1, TODAY - timedelta(days=days), "sent", stories=(story,))
    digest(db, 1, TODAY - timedelta(days=110), "sent", stories=(999,))  # its story was deleted since
    from store.digests import prune_delivered_stories

    assert prune_delivered_stories(db, before=NOW - timedelta(days=90)) == 2
    assert set(received_of(db, 1)) == {growing, recent}


def test_buttons_and_reply_records_past_their_age_go_with_the_daily_pruning(app):
    # written newest first: each write forgets only what is old as of its own time
    fresh = save_callback(app.db, 1, "page:3", now=NOW - timedelta(days=1))
    old = save_callback(app.db, 1, "page:2", now=NOW - timedelta(days=9))
    remember_reply(app.db, 1, 11, (21,), now=NOW - timedelta(hours=1))
    remember_reply(app.db, 1, 10, (20,), now=NOW - timedelta(days=3))
    report = prune_history(app, now=NOW)
    assert (report.callbacks, report.replies) == (1, 1)
    assert get_callback(app.db, old) is None and get_callback(app.db, fresh) is not None
    assert reply_to(app.db, 1, 10) is None and reply_to(app.db, 1, 11) is not None


async def test_pruning_every_day_never_brings_a_story_or_an_update_twice(db, settings, botapi, botapi_bot):
    """A week of digests with the shortest retention the settings allow (5 days), pruned before each:
    the story told on day 1 keeps growing with retold facts, so what the chat received of it must stay;
    the one new fact comes once, as an update."""
    app = App(db=db, settings=replace(settings, retention_days=5), clock=Clock(NOW))
    first = NOW - timedelta(days=8)
    story = add_story(db, "Quake in Peru", updated=first - timedelta(hours=2), summary="Roads were damaged.")
    subscriber(db, 1, "08:00")
    for day in range(8):
        at = first + timedelta(days=day)
        if day:  # every day another outlet retells the story; on day 1 one brings a new fact
            told = "Rescuers arrived from Chile." if day == 1 else "Roads were damaged, officials said."
            join_story(db, story, f"Outlet{day}", summary=told, dated=at - timedelta(hours=2))
        app.clock.now = at
        prune_history(app, now=at)
        await run_due_digests(app, botapi_bot, now=at, pacer=fast_pacer(), policy=QUICK)
    texts = [m.text for m in botapi.sent_messages(1)]
    assert len(texts) == 8 and "Quake in Peru" in texts[0]
    assert [n for n, t in enumerate(texts) if "Quake in Peru" in t] == [0, 1]
    assert "(Quake in Peru)" in texts[1] and "Rescuers arrived from Chile." in texts[1]
    assert sum(t.startswith("Nothing new") for t in texts) == 6
    # the first digests are gone (the chat's latest stays), what it received of the story is not
    kept = [day for day, _ in dates(db, 1)]  # pruned last before the last digest: 5 days and a day's slack
    assert kept == [(at - timedelta(days=n)).date() for n in range(6, -1, -1)]
    assert story in received_of(db, 1)


def test_a_part_still_to_send_is_never_pruned_however_old(app):
    digest(app.db, 5, TODAY - timedelta(days=365), "pending")
    app.db.execute("UPDATE deliveries SET due_at = ? WHERE chat_id = 5", [to_iso(NOW - timedelta(days=365))])
    assert prune_history(app, now=NOW).parts == 0
    assert dates(app.db, 5) == [(TODAY - timedelta(days=365), "pending")]


def test_what_feed_entries_said_when_read_long_ago_is_forgotten(app):
    from store.feed_entries import EntrySighting, last_sightings, record_sightings

    old = EntrySighting("https://news.test/a", "Strike ends", NOW - timedelta(days=200))
    new = EntrySighting("https://news.test/b", "Strike begins", NOW - timedelta(days=1))
    record_sightings(app.db, [old], now=NOW - timedelta(days=app.settings.retention_days + 1))
    record_sightings(app.db, [new], now=NOW - timedelta(days=1))
    report = prune_history(app, now=NOW)
    assert report.entries == 1
    assert set(last_sightings(app.db, [old.url, new.url])) == {new.url}


def test_the_daily_pruning_finds_old_rows_by_index_not_by_reading_the_whole_history(app):
    statements: list[str] = []
    app.db.conn.set_trace_callback(statements.append)
    try:
        prune_history(app, now=NOW)
    finally:
        app.db.conn.set_trace_callback(None)
    plans = {
        table: " / ".join(r[3] for r in app.db.execute("EXPLAIN QUERY PLAN " + sql).fetchall())
        for sql in statements
        for table in ("deliveries", "delivered_stories")
        if sql.startswith(f"DELETE FROM {table} ")
    }
    assert plans["deliveries"].startswith("SEARCH deliveries USING INDEX deliveries_date_chat"), plans
    assert "USING INDEX delivered_stories_received" in plans["delivered_stories"], plans
    assert "SCAN" not in " ".join(plans.values()), plans
