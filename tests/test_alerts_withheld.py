"""When an alert must not go out, or not as queued: the chat got (or is getting) its story in a digest, it
unfollowed what the alert was about while the alert was held for the night, or it blocked the bot (it is
deactivated; the other chats get theirs). Sent through the loopback Bot API."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from briefing.adapters.delivery import run_due_digests, send_pending
from briefing.adapters.sender import SendPolicy
from briefing.service import App
from briefing.service.digests import compose_due
from briefing.service.polling import queue_alerts
from store import deliveries
from store.alerts import alerts_of
from store.digests import received_of
from store.subscribers import follow, get_subscriber, is_unreachable, set_chat_alerts, unfollow
from tests.botapi import Fault
from tests.digestkit import QUICK, Clock, add_story, fast_pacer, join_story, subscriber
from tests.strike_alerts import COURT, NIGHT, STRIKE, ids, send, strike_story

EIGHT = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)


@pytest.fixture
def app(db, settings) -> App:
    return App(db=db, settings=settings, clock=Clock(NIGHT))


def awake_follower(db, chat_id: int) -> None:
    """A chat with an 08:00 digest (UTC) that follows Rotterdam and takes alerts at any hour."""
    subscriber(db, chat_id, "08:00")
    follow(db, chat_id, "topic", "Rotterdam", now=NIGHT)
    set_chat_alerts(db, chat_id, now=NIGHT, quiet_hours="off")


def confirm_digest(app: App, chat_id: int, at: datetime) -> None:
    key = deliveries.PartKey(chat_id, at.date(), 0)
    assert deliveries.claim_part(app.db, key, now=at)
    deliveries.confirm_part(app.db, key, message_id=1, now=at)


async def test_an_alert_whose_every_article_the_digest_told_is_not_sent(app, db, botapi, botapi_bot):
    """The digest was composed with the strike before its alert was queued (the alert's reading took a
    while), and Telegram confirmed the digest before the alert's turn: the alert tells nothing new."""
    awake_follower(db, 5)
    story = strike_story(db, EIGHT - timedelta(minutes=1))
    app.clock.now = EIGHT
    assert compose_due(app, now=EIGHT).composed == 1
    assert queue_alerts(app, ids(db, story), now=EIGHT) == 1
    confirm_digest(app, 5, EIGHT)
    assert (await send(app, botapi_bot, EIGHT + timedelta(minutes=1))).sent == 0
    assert [a.state for a in alerts_of(db, 5)] == ["folded"]
    assert botapi.sent_messages(5) == []


async def test_an_alert_for_a_story_in_a_digest_still_on_its_way_waits_for_it(app, db, botapi, botapi_bot):
    """The digest that carries the strike is composed but not sent yet when the strike's alert is due:
    the alert waits, and once the digest is confirmed it is folded, so the chat reads the strike once."""
    awake_follower(db, 5)
    story = strike_story(db, EIGHT - timedelta(minutes=1))
    app.clock.now = EIGHT
    assert compose_due(app, now=EIGHT).composed == 1
    assert queue_alerts(app, ids(db, story), now=EIGHT) == 1
    assert (await send(app, botapi_bot, EIGHT)).sent == 0  # the digest's part is still pending
    assert [(a.state, a.due_at) for a in alerts_of(db, 5)] == [("pending", EIGHT + timedelta(minutes=1))]
    await send_pending(app, botapi_bot, pacer=fast_pacer(), policy=QUICK)
    assert (await send(app, botapi_bot, EIGHT + timedelta(minutes=1))).sent == 0
    (digest,) = botapi.sent_messages(5)
    assert digest.text.count(STRIKE) == 1 and [a.state for a in alerts_of(db, 5)] == ["folded"]


async def test_news_a_digest_on_its_way_did_not_hold_comes_as_an_update_after_it(app, db, botapi, botapi_bot):
    """The digest was composed with the strike; the court ruling joined the story a minute later and
    queued the chat's first alert of it; the digest went out before the alert's turn. The digest did not
    tell the ruling: the alert tells it, as an update, not the strike again."""
    awake_follower(db, 5)
    story = strike_story(db, EIGHT - timedelta(minutes=1))
    app.clock.now = EIGHT
    assert compose_due(app, now=EIGHT).composed == 1
    app.clock.now = EIGHT + timedelta(minutes=1)
    court = join_story(db, story, "NOS", summary=COURT, dated=app.clock.now)
    assert queue_alerts(app, [court], now=app.clock.now) == 1
    confirm_digest(app, 5, EIGHT)
    assert (await send(app, botapi_bot, EIGHT + timedelta(minutes=2))).sent == 1
    (alert,) = botapi.sent_messages(5)
    assert COURT in alert.text and STRIKE not in alert.text
    assert COURT in received_of(db, 5)[story].sentences


async def test_an_alert_held_for_the_night_is_not_sent_after_the_chat_unfollows(app, db, botapi, botapi_bot):
    """Two chats follow Rotterdam; the strike breaks in their night. One unfollows before morning: its
    held alert is not sent (nor renewed by the news that comes meanwhile); the other's goes out."""
    for chat in (5, 6):
        follow(db, chat, "topic", "Rotterdam", now=NIGHT)
    story = strike_story(db, NIGHT)
    assert queue_alerts(app, ids(db, story), now=NIGHT) == 2  # both held until 07:00 (UTC)
    assert unfollow(db, 5, "rotterdam")
    app.clock.now = NIGHT + timedelta(hours=2)
    court = join_story(db, story, "NOS", summary=COURT, dated=app.clock.now)
    assert queue_alerts(app, [court], now=app.clock.now) == 0
    assert (await send(app, botapi_bot, datetime(2026, 11, 24, 7, 0, tzinfo=UTC))).sent == 1
    assert botapi.sent_messages(5) == [] and len(botapi.sent_messages(6)) == 1
    ((state, error),) = [(a.state, a.error) for a in alerts_of(db, 5)]
    assert state == "dropped" and error == "not sent: the chat no longer follows Rotterdam"
    assert story not in received_of(db, 5)


@pytest.mark.parametrize("workers", [1, 8])
async def test_a_chat_that_blocked_the_bot_is_deactivated_and_the_others_get_their_alerts(
    app, db, botapi, botapi_bot, workers
):
    """Three subscribers follow Rotterdam; the first to be served blocked the bot. It is deactivated, its
    other alert (another story) is given up, no new one is queued for it; the other two get theirs."""
    for chat in (5, 6, 7):
        awake_follower(db, chat)
    app.clock.now = EIGHT
    strike = strike_story(db, EIGHT)
    port = add_story(db, "Rotterdam port reopens", updated=EIGHT, body="The Rotterdam port reopened.")
    assert queue_alerts(app, ids(db, strike) + ids(db, port), now=EIGHT) == 6
    botapi.inject(Fault.blocked(), "sendMessage", chat_id=5, times=None)
    report = await send(app, botapi_bot, EIGHT, SendPolicy(attempts=3, backoff=0.01, workers=workers))
    assert (report.sent, report.deactivated) == (4, 1)
    assert len(botapi.requests("sendMessage", chat_id=5)) == 1  # one refusal, not one per alert
    assert [len(botapi.sent_messages(chat)) for chat in (6, 7)] == [2, 2]
    assert {a.state for a in alerts_of(db, 5)} == {"dropped"}
    assert is_unreachable(db, 5) and not get_subscriber(db, 5).active
    assert get_subscriber(db, 6).active and get_subscriber(db, 7).active
    later = add_story(db, "Rotterdam talks", updated=EIGHT, body="Rotterdam talks resume.")
    assert queue_alerts(app, ids(db, later), now=EIGHT) == 2  # not for the chat that blocked the bot
    await run_due_digests(app, botapi_bot, now=EIGHT, pacer=fast_pacer(), policy=QUICK)
    assert len(botapi.requests("sendMessage", chat_id=5)) == 1
