"""A chat that stops following (or blocks the bot) and comes back: what it follows is matched in any letter
case, as /follow and /unfollow match it, and an alert dropped before it went out is not the story's one
alert, so the story's next article brings it (once, in the chat's waking hours). Sent through the
loopback Bot API, on the settable Clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from briefing.models import follow_key
from briefing.service import App
from briefing.service.polling import queue_alerts
from store.alerts import (
    AlertKey,
    alerts_of,
    claim_alert,
    drop_alerts,
    queue_alert,
    release_unconfirmed_alert,
    renew_waiting,
)
from store.digests import received_of
from store.stories import merge_stories
from store.subscribers import follow, follows_of, is_unreachable, mark_reachable, unfollow
from tests.botapi import Fault
from tests.digestkit import Clock, add_story, join_story
from tests.strike_alerts import COURT, NIGHT, STRIKE, ids, send, strike_story

SEVEN = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)  # the default quiet hours (22:00-07:00, UTC) end
TALKS = "Union leaders and Rotterdam port employers resumed talks on Wednesday under a mediator."


@pytest.fixture
def app(db, settings) -> App:
    return App(db=db, settings=settings, clock=Clock(NIGHT))


def arrives(app: App, story: int, source: str, summary: str, at: datetime) -> int:
    """An article of ``source`` joins the story at ``at`` and queues its alerts; how many."""
    app.clock.now = at
    return queue_alerts(app, [join_story(app.db, story, source, summary=summary, dated=at)], now=at)


def test_one_normalisation_for_follow_values():
    assert follow_key("Rotterdam") == follow_key("rotterdam") == follow_key("ROTTERDAM")
    assert follow_key("ÉLYSÉE") == follow_key("élysée") and follow_key("Straße") == follow_key("STRASSE")
    assert follow_key("“port strike”") != follow_key("port strike")  # a phrase is matched otherwise


def test_unfollow_matches_letters_beyond_ascii_in_any_case(db):
    """SQLite's lower() knows only A-Z: "élysée" did not stop "ÉLYSÉE"."""
    follow(db, 5, "topic", "ÉLYSÉE", now=NIGHT)
    follow(db, 5, "topic", "Élysée talks", now=NIGHT)
    assert unfollow(db, 5, "élysée")
    assert [f.value for f in follows_of(db, 5)] == ["Élysée talks"]
    assert not unfollow(db, 5, "élysée")


async def test_a_held_alert_goes_to_a_chat_that_followed_again_in_another_case(app, db, botapi, botapi_bot):
    """The strike breaks in the chat's night; it unfollows "Rotterdam" and follows "rotterdam" again
    before morning: the alert held for it still goes out at 07:00, about "rotterdam", and the news that
    came meanwhile renews it under that name once."""
    follow(db, 5, "topic", "Rotterdam", now=NIGHT)
    story = strike_story(db, NIGHT)
    assert queue_alerts(app, ids(db, story), now=NIGHT) == 1
    assert unfollow(db, 5, "Rotterdam")
    follow(db, 5, "topic", "rotterdam", now=NIGHT + timedelta(minutes=5))
    assert arrives(app, story, "NOS", COURT, NIGHT + timedelta(hours=2)) == 0  # the held alert is renewed
    ((reason, state),) = [(a.reason, a.state) for a in alerts_of(db, 5)]
    assert (reason, state) == ("rotterdam", "pending")  # once, as the chat follows it now
    assert (await send(app, botapi_bot, SEVEN)).sent == 1
    (alert,) = botapi.sent_messages(5)
    assert "rotterdam" in alert.text and "Rotterdam\nrotterdam" not in alert.text
    assert story in received_of(db, 5)


def test_a_held_alert_renewed_in_another_case_names_the_follow_once(db):
    follow(db, 5, "topic", "Rotterdam", now=NIGHT)
    story = strike_story(db, NIGHT)
    (first,) = ids(db, story)
    reason = "Rotterdam\nport strike"
    assert queue_alert(db, 5, story, reason=reason, due_at=SEVEN, now=NIGHT, article_id=first)
    assert renew_waiting(db, 5, story, reasons=["ROTTERDAM", "dock workers"], article_id=first + 1)
    assert alerts_of(db, 5)[0].reason == "ROTTERDAM\nport strike\ndock workers"


async def test_an_alert_dropped_after_unfollowing_does_not_block_the_story_once_followed_again(
    app, db, botapi, botapi_bot
):
    """The held alert is dropped at 07:00 (the chat unfollowed in the night). The chat follows Rotterdam
    again; the court ruling joins the story: one alert, the story's first telling to this chat; a mere
    third article of the story brings no second first telling."""
    follow(db, 5, "topic", "Rotterdam", now=NIGHT)
    story = strike_story(db, NIGHT)
    assert queue_alerts(app, ids(db, story), now=NIGHT) == 1
    assert unfollow(db, 5, "rotterdam")
    assert (await send(app, botapi_bot, SEVEN)).sent == 0
    assert [a.state for a in alerts_of(db, 5)] == ["dropped"]
    follow(db, 5, "topic", "Rotterdam", now=SEVEN + timedelta(minutes=30))
    court_at = SEVEN + timedelta(hours=1)
    assert arrives(app, story, "NOS", COURT, court_at) == 1
    ((state, due, created),) = [(a.state, a.due_at, a.created_at) for a in alerts_of(db, 5)]
    assert (state, due, created) == ("pending", court_at, court_at)  # queued anew, not the night's
    assert (await send(app, botapi_bot, court_at)).sent == 1
    (alert,) = botapi.sent_messages(5)
    assert COURT in alert.text  # the news that brought it, with the story it joined
    assert [(a.development, a.state) for a in alerts_of(db, 5)] == [(0, "sent")]
    # the story is the chat's now: another outlet re-telling the ruling is no new alert
    assert arrives(app, story, "AFP", COURT, court_at + timedelta(hours=1)) == 0
    assert len(botapi.sent_messages(5)) == 1


async def test_a_dropped_alert_queued_again_keeps_the_quiet_hours(app, db, botapi, botapi_bot):
    """Followed again in the evening, the story's next article comes in the night: the new alert waits
    for 07:00 like any other."""
    follow(db, 5, "topic", "Rotterdam", now=NIGHT)
    story = strike_story(db, NIGHT)
    assert queue_alerts(app, ids(db, story), now=NIGHT) == 1
    unfollow(db, 5, "Rotterdam")
    await send(app, botapi_bot, SEVEN)
    follow(db, 5, "topic", "Rotterdam", now=SEVEN + timedelta(hours=12))
    late = datetime(2026, 11, 24, 23, 30, tzinfo=UTC)
    assert arrives(app, story, "NOS", COURT, late) == 1
    assert [(a.state, a.due_at) for a in alerts_of(db, 5)] == [("pending", SEVEN + timedelta(days=1))]
    assert (await send(app, botapi_bot, late + timedelta(minutes=1))).sent == 0
    assert (await send(app, botapi_bot, SEVEN + timedelta(days=1))).sent == 1


async def test_a_chat_that_blocked_the_bot_and_came_back_gets_the_story_s_next_alert(
    app, db, botapi, botapi_bot
):
    """The chat had blocked the bot when the strike's alert went: refused, dropped, the chat deactivated.
    It writes to the bot again; the court ruling brings the story's alert, which it now receives."""
    follow(db, 5, "topic", "Rotterdam", now=NIGHT)
    story = strike_story(db, NIGHT)
    assert queue_alerts(app, ids(db, story), now=NIGHT) == 1
    botapi.inject(Fault.blocked(), "sendMessage", chat_id=5, times=1)
    assert (await send(app, botapi_bot, SEVEN)).deactivated == 1
    assert [a.state for a in alerts_of(db, 5)] == ["dropped"] and is_unreachable(db, 5)
    court_at = SEVEN + timedelta(hours=1)
    assert arrives(app, story, "NOS", COURT, court_at) == 0  # still blocked: nothing for it
    mark_reachable(db, 5)  # it wrote to the bot
    assert not is_unreachable(db, 5)
    talks_at = court_at + timedelta(hours=1)
    assert arrives(app, story, "Reuters", TALKS, talks_at) == 1
    assert (await send(app, botapi_bot, talks_at)).sent == 1
    (alert,) = botapi.sent_messages(5)
    assert TALKS in alert.text
    assert [(a.development, a.state) for a in alerts_of(db, 5)] == [(0, "sent")]


def test_a_first_alert_sent_or_perhaps_delivered_is_never_queued_again(db):
    """Only a first telling known not to have reached the chat is queued anew: not one sent, nor one
    whose sending went unanswered (Telegram may have delivered it) before it was dropped."""
    story = strike_story(db, NIGHT)
    key = AlertKey(5, story)
    assert queue_alert(db, 5, story, reason="Rotterdam", due_at=NIGHT, now=NIGHT)
    assert claim_alert(db, key, now=NIGHT)
    assert release_unconfirmed_alert(db, key, error="timed out", now=NIGHT, resends=1)
    assert drop_alerts(db, 5, [story], error="not sent: the chat no longer follows Rotterdam", now=NIGHT)
    assert not queue_alert(db, 5, story, reason="Rotterdam", due_at=SEVEN, now=SEVEN)
    assert [a.state for a in alerts_of(db, 5)] == ["dropped"]
    other = add_story(db, "Rotterdam port reopens", updated=NIGHT, body="The Rotterdam port reopened.")
    assert queue_alert(db, 6, other, reason="Rotterdam", due_at=NIGHT, now=NIGHT)
    assert not queue_alert(db, 6, other, reason="Rotterdam", due_at=SEVEN, now=SEVEN)  # pending
    drop_alerts(db, 6, [other], error="not sent", now=NIGHT)
    assert queue_alert(db, 6, other, reason="Rotterdam", due_at=SEVEN, now=SEVEN)
    assert [(a.state, a.error, a.due_at) for a in alerts_of(db, 6)] == [("pending", None, SEVEN)]


async def test_a_topic_is_matched_in_the_news_in_any_case_and_its_sentence_shown(app, db, botapi, botapi_bot):
    """A topic followed as "Gaza", "gaza" or "GAZA" finds the same article, and each alert shows the
    sentence that names it as the article writes it."""
    body = (
        "Aid agencies met in Cairo on Monday to plan deliveries. Trucks carrying flour crossed into GAZA on"
        " Tuesday, officials said."
    )
    for chat, value in ((5, "Gaza"), (6, "gaza"), (7, "GAZA")):
        follow(db, chat, "topic", value, now=SEVEN)
    story = add_story(db, "Aid agencies plan deliveries", updated=SEVEN, body=body, summary=body)
    app.clock.now = SEVEN
    assert queue_alerts(app, ids(db, story), now=SEVEN) == 3
    assert (await send(app, botapi_bot, SEVEN)).sent == 3
    for chat, value in ((5, "Gaza"), (6, "gaza"), (7, "GAZA")):
        (alert,) = botapi.sent_messages(chat)
        assert alert.text.splitlines()[0] == f"New about {value}"
        assert "Trucks carrying flour crossed into GAZA on Tuesday, officials said." in alert.text


def test_two_stories_merged_keep_the_alert_waiting_not_the_one_dropped(db):
    """The chat's alert of one story was dropped (it had unfollowed); after following again it has one
    waiting for another story; the two stories prove one: the waiting alert is kept."""
    dropped = strike_story(db, NIGHT)
    waiting = add_story(db, "Rotterdam port halted", updated=NIGHT, body=STRIKE)
    assert queue_alert(db, 5, dropped, reason="Rotterdam", due_at=NIGHT, now=NIGHT)
    drop_alerts(db, 5, [dropped], error="not sent: the chat no longer follows Rotterdam", now=NIGHT)
    assert queue_alert(db, 5, waiting, reason="Rotterdam", due_at=SEVEN, now=NIGHT)
    merge_stories(db, dropped, [waiting])
    assert [(a.story_id, a.state, a.due_at) for a in alerts_of(db, 5)] == [(dropped, "pending", SEVEN)]
