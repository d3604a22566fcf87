"""Alerts for a later development of a story a chat follows (QA12b F1): a chat that heard of a story, by
an alert or a digest, gets an update alert when a new article brings a fact it was not told; a mere
re-telling brings none. One per batch, quiet hours and the hourly cap kept, nothing sent twice after a
crash, and the digest does not repeat what the update told. Sent through the loopback Bot API."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from briefing.adapters.delivery import recover, run_due_digests, send_due_alerts
from briefing.service import App
from briefing.service.polling import queue_alerts
from store import open_db
from store.alerts import AlertKey, alerts_of, claim_alert, queue_alert
from store.db import to_iso
from store.digests import received_of
from store.subscribers import follow
from tests.article_rows import database_before
from tests.digestkit import QUICK, Clock, add_story, fast_pacer, join_story, subscriber

EARLY = datetime(2026, 11, 23, 5, 59, tzinfo=UTC)
MORNING = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)
NINE = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
NEXT_MORNING = datetime(2026, 11, 24, 6, 0, tzinfo=UTC)
STRIKE = "Dock workers in Rotterdam walked out on Monday over pay, halting container traffic at the port."
RETOLD = "Rotterdam dock workers walked out on Monday over pay, halting container traffic at the port."
COURT = (
    "A Rotterdam court ordered the striking dockers back to work on Tuesday, citing damage to the economy."
)
UNION = "The FNV union said it would appeal the Rotterdam ruling and called a rally outside the town hall."


@pytest.fixture
def app(db, settings) -> App:
    return App(db=db, settings=settings, clock=Clock(EARLY))


def send(app: App, bot, at: datetime):
    app.clock.now = at
    return send_due_alerts(app, bot, now=at, pacer=fast_pacer(), policy=QUICK)


def strike_story(db, at: datetime = EARLY) -> int:
    return add_story(db, "Rotterdam dock workers strike", updated=at, body=STRIKE, summary=STRIKE)


def ids(db, story_id: int) -> list[int]:
    return [r[0] for r in db.execute("SELECT id FROM articles WHERE story_id = ? ORDER BY id", [story_id])]


async def told_by_digest(app: App, db, bot) -> int:
    """Alice follows the strike; it arrives at 05:59 and her 06:00 digest carries it (the alert folded)."""
    subscriber(db, 5, "06:00")
    follow(db, 5, "topic", "Rotterdam", now=EARLY)
    story = strike_story(db)
    assert queue_alerts(app, ids(db, story), now=EARLY) == 1  # due at 07:00, the end of the quiet hours
    app.clock.now = MORNING
    await run_due_digests(app, bot, now=MORNING, pacer=fast_pacer(), policy=QUICK)
    assert [a.state for a in alerts_of(db, 5)] == ["folded"]
    return story


async def test_a_development_of_a_story_told_in_the_digest_comes_as_an_update_alert(
    app, db, botapi, botapi_bot
):
    story = await told_by_digest(app, db, botapi_bot)
    court = join_story(db, story, "NOS", summary=COURT, dated=NINE)
    assert queue_alerts(app, [court], now=NINE) == 1
    assert (await send(app, botapi_bot, NINE)).sent == 1
    digest, alert = botapi.sent_messages(5)
    assert "Your digest" in digest.text
    lines = alert.text.splitlines()
    assert lines[:3] == ["Update on Rotterdam", "", COURT]  # it says it is an update, the news first
    assert "Source: NOS" in lines
    assert "In the story: Rotterdam dock workers strike" in lines
    assert STRIKE not in alert.text  # what the digest told is not told again
    links = [e["url"] for e in alert.entities if e["type"] == "text_link"]
    assert any(url.startswith(f"https://nos.example/{story}/") for url in links)
    assert [(a.development, a.state, a.article_id) for a in alerts_of(db, 5)] == [
        (0, "folded", ids(db, story)[0]),
        (1, "sent", court),
    ]


async def test_a_development_of_a_story_told_by_an_alert_comes_as_an_update_alert(
    app, db, botapi, botapi_bot
):
    follow(db, 7, "topic", "Rotterdam", now=NINE)  # follows without a digest
    story = strike_story(db, NINE)
    assert queue_alerts(app, ids(db, story), now=NINE) == 1
    assert (await send(app, botapi_bot, NINE)).sent == 1
    later = NINE + timedelta(hours=3)
    court = join_story(db, story, "NOS", summary=COURT, dated=later)
    assert queue_alerts(app, [court], now=later) == 1
    assert (await send(app, botapi_bot, later)).sent == 1
    first, update = botapi.sent_messages(7)
    assert first.text.startswith("New about Rotterdam") and STRIKE in first.text
    assert update.text.splitlines()[:3] == ["Update on Rotterdam", "", COURT]


async def test_an_update_of_a_side_sentence_after_a_retold_lead_keeps_the_lead(app, db, botapi, botapi_bot):
    """QA20c F7: Reuters retells the strike (its lead judged told) and adds one side sentence, which
    alone would mean little: the update alert tells Reuters's lead before it."""
    side = "Port officials in Rotterdam apologised to shipping lines for the delays."
    follow(db, 7, "topic", "Rotterdam", now=NINE)
    story = strike_story(db, NINE)
    assert queue_alerts(app, ids(db, story), now=NINE) == 1
    assert (await send(app, botapi_bot, NINE)).sent == 1
    later = NINE + timedelta(hours=3)
    retold = join_story(db, story, "Reuters", summary=f"{RETOLD}\n{side}", dated=later)
    assert queue_alerts(app, [retold], now=later) == 1
    assert (await send(app, botapi_bot, later)).sent == 1
    _, update = botapi.sent_messages(7)
    assert update.text.splitlines()[:4] == ["Update on Rotterdam", "", RETOLD, side]


async def test_another_outlet_retelling_what_the_chat_was_told_alerts_no_one(app, db, botapi, botapi_bot):
    story = await told_by_digest(app, db, botapi_bot)
    retold = join_story(db, story, "Reuters", summary=RETOLD, dated=NINE)
    assert queue_alerts(app, [retold], now=NINE) == 0
    assert (await send(app, botapi_bot, NINE)).sent == 0
    assert len(botapi.sent_messages(5)) == 1  # the digest only


async def test_one_update_alert_for_a_batch_with_both_developments(app, db, botapi, botapi_bot):
    story = await told_by_digest(app, db, botapi_bot)
    court = join_story(db, story, "NOS", summary=COURT, dated=NINE)
    union = join_story(db, story, "DW", summary=UNION, dated=NINE)
    assert queue_alerts(app, [court, union], now=NINE) == 1
    assert queue_alerts(app, [court, union], now=NINE) == 0  # the same batch again (a retried poll)
    assert (await send(app, botapi_bot, NINE)).sent == 1
    _, alert = botapi.sent_messages(5)
    assert COURT in alert.text and UNION in alert.text
    assert "Sources: " in alert.text and "NOS" in alert.text and "DW" in alert.text


async def test_developments_in_the_night_wait_for_the_morning_as_one_alert(app, db, botapi, botapi_bot):
    follow(db, 7, "topic", "Rotterdam", now=NINE)
    story = strike_story(db, NINE)
    queue_alerts(app, ids(db, story), now=NINE)
    await send(app, botapi_bot, NINE)
    night = datetime(2026, 11, 23, 23, 0, tzinfo=UTC)
    court = join_story(db, story, "NOS", summary=COURT, dated=night)
    assert queue_alerts(app, [court], now=night) == 1
    assert alerts_of(db, 7)[-1].due_at == datetime(2026, 11, 24, 7, 0, tzinfo=UTC)  # quiet hours kept
    assert (await send(app, botapi_bot, night)).sent == 0
    union = join_story(db, story, "DW", summary=UNION, dated=night + timedelta(hours=2))
    assert queue_alerts(app, [union], now=night + timedelta(hours=2)) == 0  # one is waiting already
    assert (await send(app, botapi_bot, datetime(2026, 11, 24, 7, 0, tzinfo=UTC))).sent == 1
    _, update = botapi.sent_messages(7)
    assert COURT in update.text and UNION in update.text  # what reached the story by then
    assert [a.development for a in alerts_of(db, 7)] == [0, 1]


async def test_an_update_the_digest_tells_first_is_folded_and_the_digest_after_an_update_repeats_nothing(
    app, db, botapi, botapi_bot
):
    story = await told_by_digest(app, db, botapi_bot)
    night = datetime(2026, 11, 23, 23, 0, tzinfo=UTC)
    court = join_story(db, story, "NOS", summary=COURT, dated=night)
    assert queue_alerts(app, [court], now=night) == 1  # due at 07:00
    app.clock.now = NEXT_MORNING
    await run_due_digests(app, botapi_bot, now=NEXT_MORNING, pacer=fast_pacer(), policy=QUICK)
    assert alerts_of(db, 5)[-1].state == "folded"
    assert (await send(app, botapi_bot, NEXT_MORNING + timedelta(hours=1))).sent == 0
    _, digest = botapi.sent_messages(5)
    assert "Update: " in digest.text and COURT in digest.text
    # the other way round: the update alert told COURT, so the next digest leaves it out
    later = NEXT_MORNING + timedelta(hours=3)
    union = join_story(db, story, "DW", summary=UNION, dated=later)
    add_story(db, "Brussels talks on gas prices", updated=later)
    assert queue_alerts(app, [union], now=later) == 1
    assert (await send(app, botapi_bot, later)).sent == 1
    assert UNION in set(received_of(db, 5)[story].sentences)
    day3 = NEXT_MORNING + timedelta(days=1)
    app.clock.now = day3
    await run_due_digests(app, botapi_bot, now=day3, pacer=fast_pacer(), policy=QUICK)
    *_, update, digest3 = botapi.sent_messages(5)
    assert update.text.startswith("Update on Rotterdam") and UNION in update.text
    assert "Brussels talks on gas prices" in digest3.text
    assert UNION not in digest3.text and COURT not in digest3.text


async def test_update_alerts_count_towards_the_hourly_cap(db, settings, botapi, botapi_bot):
    app = App(db=db, settings=replace(settings, alerts_per_hour=1), clock=Clock(NINE))
    follow(db, 7, "topic", "Rotterdam", now=NINE)
    story = strike_story(db, NINE)
    queue_alerts(app, ids(db, story), now=NINE)
    assert (await send(app, botapi_bot, NINE)).sent == 1
    soon = NINE + timedelta(minutes=10)
    court = join_story(db, story, "NOS", summary=COURT, dated=soon)
    assert queue_alerts(app, [court], now=soon) == 1
    assert (await send(app, botapi_bot, soon)).sent == 0
    assert alerts_of(db, 7)[-1].due_at == NINE + timedelta(hours=1)
    assert (await send(app, botapi_bot, NINE + timedelta(hours=1))).sent == 1


async def test_an_update_left_claimed_by_a_crash_is_sent_once(app, db, botapi, botapi_bot):
    story = await told_by_digest(app, db, botapi_bot)
    court = join_story(db, story, "NOS", summary=COURT, dated=NINE)
    assert queue_alerts(app, [court], now=NINE) == 1
    assert claim_alert(db, AlertKey(5, story, 1), now=NINE)  # then the process died before sending
    assert queue_alerts(app, [court], now=NINE) == 0  # the claimed one still waits to go out
    assert recover(app) == 1
    assert (await send(app, botapi_bot, NINE)).sent == 1
    assert (await send(app, botapi_bot, NINE + timedelta(minutes=1))).sent == 0
    assert queue_alerts(app, [court], now=NINE + timedelta(minutes=2)) == 0  # told: no news any more
    assert len(botapi.sent_messages(5)) == 2  # the digest, one update


def test_a_chat_that_never_heard_of_the_story_gets_its_first_telling_not_an_update(app, db):
    story = strike_story(db, NINE)
    follow(db, 7, "topic", "Rotterdam", now=NINE)
    court = join_story(db, story, "NOS", summary=COURT, dated=NINE)
    assert queue_alerts(app, ids(db, story), now=NINE) == 1
    assert [(a.development, a.article_id) for a in alerts_of(db, 7)] == [(0, court)]


def test_alerts_stored_before_developments_are_first_tellings(tmp_path):
    path = tmp_path / "old.db"
    old = database_before(path, 21, when=EARLY)
    story = strike_story(old)
    old.execute(
        "INSERT INTO alerts (chat_id, story_id, reason, state, created_at, due_at, sent_at, message_id)"
        " VALUES (7, ?, 'Rotterdam', 'sent', ?, ?, ?, 3)",
        [story, to_iso(EARLY), to_iso(EARLY), to_iso(EARLY)],
    )
    old.conn.close()
    db = open_db(path)
    try:
        (alert,) = alerts_of(db, 7)
        assert (alert.development, alert.state, alert.message_id, alert.reason) == (0, "sent", 3, "Rotterdam")
        assert not queue_alert(db, 7, story, reason="Rotterdam", due_at=NINE, now=NINE)  # told once only
    finally:
        db.conn.close()


async def test_news_that_reaches_a_story_while_its_first_alert_waits_leads_that_alert(
    app, db, botapi, botapi_bot
):
    follow(db, 7, "topic", "Rotterdam", now=EARLY)
    night = datetime(2026, 11, 22, 23, 0, tzinfo=UTC)
    app.clock.now = night
    story = strike_story(db, night)
    assert queue_alerts(app, ids(db, story), now=night) == 1  # due at 07:00
    app.clock.now = night + timedelta(hours=4)
    court = join_story(db, story, "NOS", summary=COURT, dated=night + timedelta(hours=4))
    assert queue_alerts(app, [court], now=night + timedelta(hours=4)) == 0  # no second alert
    assert (await send(app, botapi_bot, datetime(2026, 11, 23, 7, 0, tzinfo=UTC))).sent == 1
    (alert,) = botapi.sent_messages(7)
    assert alert.text.splitlines()[:6] == [
        "New about Rotterdam",
        "",
        f"NOS on story {story}",
        COURT,
        "In the story: Rotterdam dock workers strike",
        STRIKE,  # the report that broke the story is told too (QA17c F1)
    ]
    assert [(a.development, a.article_id) for a in alerts_of(db, 7)] == [(0, ids(db, story)[0])]
    assert set(received_of(db, 7)[story].sentences) == {COURT, STRIKE}


async def test_a_retelling_of_what_an_update_alert_told_alerts_no_one(app, db, botapi, botapi_bot):
    story = await told_by_digest(app, db, botapi_bot)
    court = join_story(db, story, "NOS", summary=COURT, dated=NINE)
    assert queue_alerts(app, [court], now=NINE) == 1
    assert (await send(app, botapi_bot, NINE)).sent == 1
    later = NINE + timedelta(hours=1)
    retold = "On Tuesday a Rotterdam court ordered the striking dockers back to work, citing the economy."
    again = join_story(db, story, "Reuters", summary=retold, dated=later)
    assert queue_alerts(app, [again], now=later) == 0
    union = join_story(db, story, "DW", summary=UNION, dated=later)
    assert queue_alerts(app, [union], now=later) == 1  # a fact it was not told: a development
