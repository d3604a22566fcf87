"""Alerts and what happens while one is on its way (revC R2, R13, R11): news that reaches a story while
its alert is being sent stays news; a digest composed meanwhile leaves the story to the alert; alerts
queued before m0021 (pending, or claimed by a crash) still go out once. Through the loopback Bot API."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from briefing.adapters.delivery import recover, run_due_digests, send_due_alerts
from briefing.service import App
from briefing.service.alerts import story_news
from briefing.service.digests import compose_due
from briefing.service.polling import queue_alerts
from store import open_db
from store.alerts import alerts_of
from store.db import to_iso
from store.deliveries import parts_of, record_alerted
from store.digests import stories_by_id
from store.subscribers import follow
from tests.article_rows import database_before
from tests.digestkit import QUICK, Clock, add_story, fast_pacer, join_story, subscriber

NINE = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
NEXT_MORNING = datetime(2026, 11, 24, 6, 0, tzinfo=UTC)
STRIKE = "Dock workers in Rotterdam walked out on Monday over pay, halting container traffic at the port."
COURT = (
    "A Rotterdam court ordered the striking dockers back to work on Tuesday, citing damage to the economy."
)
UNION = "The FNV union said it would appeal the Rotterdam ruling and called a rally outside the town hall."


class MidSend:
    """A bot that runs ``meanwhile`` as each message is on its way (after its claim, before Telegram
    answers): what an ingest or the digest job can do while the sender awaits the Bot API."""

    def __init__(self, bot, meanwhile: Callable[[], None]):
        self.bot, self.meanwhile = bot, meanwhile

    async def send_message(self, *args, **kwargs):
        self.meanwhile()
        return await self.bot.send_message(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.bot, name)


@pytest.fixture
def app(db, settings) -> App:
    return App(db=db, settings=settings, clock=Clock(NINE))


def strike_story(db, at: datetime = NINE) -> int:
    return add_story(db, "Rotterdam dock workers strike", updated=at, body=STRIKE, summary=STRIKE)


def ids(db, story_id: int) -> list[int]:
    return [r[0] for r in db.execute("SELECT id FROM articles WHERE story_id = ? ORDER BY id", [story_id])]


def send(app: App, bot, at: datetime):
    app.clock.now = at
    return send_due_alerts(app, bot, now=at, pacer=fast_pacer(), policy=QUICK)


async def test_news_that_reaches_a_story_while_its_alert_is_sent_is_told_later(app, db, botapi, botapi_bot):
    follow(db, 7, "topic", "Rotterdam", now=NINE)
    subscriber(db, 7, "06:00")
    story = strike_story(db)
    assert queue_alerts(app, ids(db, story), now=NINE) == 1
    arrived: list[int] = []

    def court_arrives() -> None:  # while the alert waits for Telegram (the pacer, a 429, a slow API)
        app.clock.now = NINE + timedelta(seconds=2)
        arrived.append(join_story(db, story, "NOS", summary=COURT, dated=app.clock.now))
        assert queue_alerts(app, arrived, now=app.clock.now) == 0  # the alert is claimed: no second one
        app.clock.now = NINE + timedelta(seconds=30)  # when Telegram answers

    assert (
        await send_due_alerts(app, MidSend(botapi_bot, court_arrives), now=NINE, pacer=fast_pacer())
    ).sent == 1
    (alert,) = botapi.sent_messages(7)
    assert STRIKE in alert.text and COURT not in alert.text
    # the alert counts from when it was read: the court ruling is still news to the chat
    news = story_news(app, 7, stories_by_id(db, [story])[story].story)
    assert news is not None and news.summary == (COURT,)
    app.clock.now = NEXT_MORNING
    await run_due_digests(app, botapi_bot, now=NEXT_MORNING, pacer=fast_pacer(), policy=QUICK)
    _, digest = botapi.sent_messages(7)
    assert COURT in digest.text and STRIKE not in digest.text


async def _strike_told_then_court_ruled(app, db, bot) -> tuple[int, int]:
    """Chat 7 follows Rotterdam, is alerted to the strike story and subscribes; three hours later a court
    ruling joins the story. The story's id and the ruling's article id."""
    follow(db, 7, "topic", "Rotterdam", now=NINE)
    story = strike_story(db)
    assert queue_alerts(app, ids(db, story), now=NINE) == 1
    assert (await send(app, bot, NINE)).sent == 1
    subscriber(db, 7, "06:00")
    return story, join_story(db, story, "NOS", summary=COURT, dated=NINE + timedelta(hours=3))


async def test_a_digest_composed_while_an_update_alert_is_sent_leaves_the_story_to_it(
    app, db, botapi, botapi_bot
):
    story, court = await _strike_told_then_court_ruled(app, db, botapi_bot)
    union = join_story(db, story, "DW", summary=UNION, dated=NINE + timedelta(hours=3))
    assert queue_alerts(app, [court, union], now=NINE + timedelta(hours=3)) == 1
    # the update is due now but the sender is slow: the digest job composes the morning's digest meanwhile
    composed = []
    after_quiet = NEXT_MORNING + timedelta(hours=1, minutes=30)
    slow = MidSend(botapi_bot, lambda: composed.append(compose_due(app, now=after_quiet).composed))
    assert (await send(app, slow, after_quiet)).sent == 1
    assert composed == [1]
    _, update = botapi.sent_messages(7)
    assert update.text.startswith("Update on Rotterdam") and COURT in update.text
    await run_due_digests(app, botapi_bot, now=after_quiet, pacer=fast_pacer(), policy=QUICK)
    (part,) = parts_of(db, 7, NEXT_MORNING.date())
    assert part.state == "sent" and story not in part.story_ids
    assert COURT not in part.plain and UNION not in part.plain  # told once, by the update


async def test_without_an_alert_in_flight_the_digest_tells_the_update_and_folds_the_alert(
    app, db, botapi, botapi_bot
):
    """The counterpart of the test above: the same update, not yet claimed, goes in the digest."""
    _, court = await _strike_told_then_court_ruled(app, db, botapi_bot)
    assert queue_alerts(app, [court], now=NINE + timedelta(hours=3)) == 1
    app.clock.now = NEXT_MORNING
    await run_due_digests(app, botapi_bot, now=NEXT_MORNING, pacer=fast_pacer(), policy=QUICK)
    assert COURT in botapi.sent_messages(7)[-1].text
    assert [(a.development, a.state) for a in alerts_of(db, 7)] == [(0, "sent"), (1, "folded")]


@pytest.mark.parametrize("state", ["pending", "claimed"])
async def test_alerts_queued_before_developments_go_out_once(tmp_path, settings, botapi, botapi_bot, state):
    path = tmp_path / "old.db"
    old = database_before(path, 21, when=NINE)
    story = strike_story(old)
    old.execute(
        "INSERT INTO alerts (chat_id, story_id, reason, state, created_at, due_at, article_id)"
        " VALUES (7, ?, 'Rotterdam', ?, ?, ?, ?)",
        [story, state, to_iso(NINE), to_iso(NINE), ids(old, story)[0]],
    )
    old.execute(  # followed as that release stored it (m0031 adds the key)
        "INSERT INTO follows (chat_id, kind, value, created_at) VALUES (7, 'topic', 'Rotterdam', ?)",
        [to_iso(NINE)],
    )
    old.conn.close()
    db = open_db(path)
    try:
        app = App(db=db, settings=settings, clock=Clock(NINE))
        assert recover(app) == (state == "claimed")
        assert (await send(app, botapi_bot, NINE)).sent == 1
        assert (await send(app, botapi_bot, NINE + timedelta(minutes=1))).sent == 0
        (alert,) = botapi.sent_messages(7)
        assert alert.text.startswith("New about Rotterdam") and STRIKE in alert.text
        assert [(a.development, a.state) for a in alerts_of(db, 7)] == [(0, "sent")]
        # it counts as the first telling: a development later comes as an update
        later = NINE + timedelta(hours=2)
        court = join_story(db, story, "NOS", summary=COURT, dated=later)
        assert queue_alerts(app, [court], now=later) == 1
        assert [(a.development, a.state) for a in alerts_of(db, 7)] == [(0, "sent"), (1, "pending")]
    finally:
        db.conn.close()


def test_followers_told_different_things_of_a_story_get_their_own_update(app, db):
    """What is new is worked out once per what a chat received (revC R1): chats told the same share it,
    a chat told more gets no update of what it knows."""
    story = strike_story(db)
    held = ids(db, story)
    for chat in (1, 2):
        follow(db, chat, "topic", "Rotterdam", now=NINE)
        record_alerted(db, chat, story, told=[STRIKE], held=held, at=NINE)
    follow(db, 3, "topic", "Rotterdam", now=NINE)
    record_alerted(db, 3, story, told=[STRIKE, COURT], held=held, at=NINE)  # told of the ruling already
    later = NINE + timedelta(hours=2)
    court = join_story(db, story, "NOS", summary=COURT, dated=later)
    assert queue_alerts(app, [court], now=later) == 2
    assert [[a.development for a in alerts_of(db, chat)] for chat in (1, 2, 3)] == [[1], [1], []]
