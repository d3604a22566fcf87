"""m0030: an archive of an older release, where an alert dropped unsent (the chat unfollowed, or blocked
the bot) was stored as 'failed', upgraded: those drops no longer block their story for the chat, while a
failure that may have reached the chat still does (no alert twice)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from briefing.adapters.delivery import send_due_alerts
from briefing.service import App
from briefing.service.polling import queue_alerts
from store.alerts import alerts_of, queue_alert
from store.db import migrate, to_iso
from store.subscribers import follow
from tests.article_rows import database_before
from tests.digestkit import QUICK, Clock, add_story, fast_pacer, join_story

BEFORE = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)  # when the older release made the database
DROPPED_AT = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
NOON = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
STRIKE = "Dock workers in Rotterdam walked out on Monday over pay, halting container traffic at the port."
COURT = "A Rotterdam court ordered the striking dockers back to work on Tuesday."

# (the error an older release wrote, what it was, its sends Telegram never answered: it may have arrived)
OLD_FAILURES = [
    ("not sent: the chat no longer follows Rotterdam", "dropped", 0),
    ("not sent: the chat stopped its alerts (unsubscribed, or blocked the bot)", "dropped", 0),
    ("not sent: the chat cannot be reached (it blocked the bot, or left)", "dropped", 0),
    ("not sent: the chat cannot be reached (it blocked the bot, left, or is the terminal's)", "dropped", 0),
    ("chat unreachable: Forbidden: bot was blocked by the user", "dropped", 0),
    ("chat unreachable: Chat not found", "dropped", 0),
    ("unconfirmed: TimedOut: Timed out; not sent again", "failed", 1),
    ("refused by Telegram: Message is too long", "failed", 0),
    ("migrated more than 2 times", "failed", 0),
]


@pytest.fixture
def old(tmp_path):
    db = database_before(tmp_path / "old.db", 30, when=BEFORE)
    yield db
    db.conn.close()


def _failed(db, chat_id: int, story_id: int, error: str, *, unconfirmed: int = 0, claimed: bool = False):
    """An alert as an older release left it: failed at ``DROPPED_AT`` with ``error``."""
    db.execute(
        "INSERT INTO alerts (chat_id, story_id, development, state, reason, created_at, due_at, claimed_at,"
        " sent_at, error, unconfirmed) VALUES (?, ?, 0, 'failed', 'Rotterdam', ?, ?, ?, ?, ?, ?)",
        [
            chat_id,
            story_id,
            to_iso(DROPPED_AT - timedelta(hours=8)),
            to_iso(DROPPED_AT),
            to_iso(DROPPED_AT) if claimed else None,
            to_iso(DROPPED_AT),
            error,
            unconfirmed,
        ],
    )


@pytest.mark.parametrize(("error", "state", "unanswered"), OLD_FAILURES)
def test_an_old_drop_becomes_dropped_and_no_longer_blocks_its_story(old, error, state, unanswered):
    story = add_story(old, "Rotterdam dock workers strike", updated=DROPPED_AT, body=STRIKE)
    _failed(old, 5, story, error, unconfirmed=unanswered)
    migrate(old)
    ((now_state, kept_error),) = [(a.state, a.error) for a in alerts_of(old, 5)]
    assert (now_state, kept_error) == (state, error)  # what it was, said as the bot says it now
    queued = queue_alert(old, 5, story, reason="Rotterdam", due_at=NOON, now=NOON)
    assert queued == (state == "dropped")


def test_a_drop_after_an_unanswered_send_still_blocks_its_story(old):
    """Dropped, but sent once without an answer before (Telegram may have delivered it): 'dropped' as the
    bot writes it now, and still the story's one alert."""
    story = add_story(old, "Rotterdam dock workers strike", updated=DROPPED_AT, body=STRIKE)
    _failed(old, 5, story, "not sent: the chat no longer follows Rotterdam", unconfirmed=1, claimed=True)
    migrate(old)
    assert [a.state for a in alerts_of(old, 5)] == ["dropped"]
    assert not queue_alert(old, 5, story, reason="Rotterdam", due_at=NOON, now=NOON)


def test_a_drop_from_before_unanswered_sends_were_counted_stays_failed_if_a_send_was_tried(old):
    """Before migration 10 a send that got no answer was tried again at once, and not counted: a drop
    of that time of an alert that had been claimed may hide a delivery, and keeps blocking. One never
    claimed, or dropped since, is a drop."""
    m10 = DROPPED_AT + timedelta(hours=1)  # the release that counts them came after the drops
    old.execute("UPDATE schema_migrations SET applied_at = ? WHERE number = 10", [to_iso(m10)])
    stories = [add_story(old, f"Rotterdam story {n}", updated=DROPPED_AT, body=STRIKE) for n in range(3)]
    unreachable = "chat unreachable: Forbidden: bot was blocked by the user"
    _failed(old, 5, stories[0], unreachable, claimed=True)
    _failed(old, 5, stories[1], unreachable)
    _failed(old, 6, stories[2], unreachable, claimed=True)
    old.execute("UPDATE alerts SET sent_at = ? WHERE chat_id = 6", [to_iso(m10 + timedelta(hours=1))])
    migrate(old)
    assert [(a.story_id, a.state) for a in alerts_of(old, 5) + alerts_of(old, 6)] == [
        (stories[0], "failed"),
        (stories[1], "dropped"),
        (stories[2], "dropped"),
    ]


def test_sent_and_pending_alerts_are_left_as_they_were(old):
    story = add_story(old, "Rotterdam dock workers strike", updated=DROPPED_AT, body=STRIKE)
    _failed(old, 5, story, "not sent: the chat no longer follows Rotterdam")
    old.execute("UPDATE alerts SET state = 'sent', message_id = 12, error = NULL WHERE chat_id = 5")
    _failed(old, 6, story, "chat unreachable: Forbidden: bot was blocked by the user")
    old.execute("UPDATE alerts SET state = 'pending' WHERE chat_id = 6")
    migrate(old)
    assert [a.state for a in alerts_of(old, 5) + alerts_of(old, 6)] == ["sent", "pending"]


async def test_a_chat_whose_alert_an_older_release_dropped_gets_the_story_s_next_one(
    old, settings, botapi, botapi_bot
):
    """The older release dropped the strike's alert (the chat had unfollowed Rotterdam) and stored it
    failed. Upgraded, the chat follows Rotterdam again: the court ruling brings the story's alert, once."""
    app = App(db=old, settings=settings, clock=Clock(NOON))
    story = add_story(old, "Rotterdam dock workers strike", updated=DROPPED_AT, body=STRIKE, summary=STRIKE)
    _failed(old, 5, story, "not sent: the chat no longer follows Rotterdam")
    migrate(old)
    follow(old, 5, "topic", "Rotterdam", now=NOON - timedelta(hours=1))
    court = join_story(old, story, "NOS", summary=COURT, dated=NOON)
    assert queue_alerts(app, [court], now=NOON) == 1
    report = await send_due_alerts(app, botapi_bot, now=NOON, pacer=fast_pacer(), policy=QUICK)
    assert report.sent == 1
    (alert,) = botapi.sent_messages(5)
    assert COURT in alert.text
    assert [(a.development, a.state) for a in alerts_of(old, 5)] == [(0, "sent")]
    later = join_story(old, story, "AFP", summary=COURT, dated=NOON + timedelta(hours=1))
    assert queue_alerts(app, [later], now=NOON + timedelta(hours=1)) == 0  # the story is the chat's now
