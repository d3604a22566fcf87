"""What a digest's intro says of the time it covers, as composed over the store: since the last digest
was composed (not when it was due, nor when a held-up send got it out: the window it covered ends there
and the next one's starts there), the window after a long pause, and the alerts a quiet digest leaves out."""

from datetime import UTC, datetime, timedelta

import time_machine

from briefing.service import App
from briefing.service.digests import compose_due, compose_for_chat
from config import load_settings
from store import deliveries
from store.alerts import AlertKey, claim_alert, confirm_alert, queue_alert
from tests.digestkit import add_story, subscriber

DUE = datetime(2025, 1, 22, 8, 0, tzinfo=UTC)


def _app(db, tmp_path, now):
    return App(db=db, settings=load_settings({"BRIEFING_DB": str(tmp_path / "test.db")}), clock=lambda: now)


def _digest_sent(db, tmp_path, *, composed: datetime, came: datetime) -> None:
    """Compose the digest due at ``DUE``'s time of day at ``composed`` and confirm it at ``came``."""
    assert compose_due(_app(db, tmp_path, composed), now=composed).composed == 1
    key = deliveries.PartKey(1, composed.date(), 0)
    deliveries.claim_part(db, key, now=came)
    deliveries.confirm_part(db, key, message_id=1, now=came)


def _text(db, tmp_path, now) -> str:
    return "\n".join(p.plain for p in compose_for_chat(_app(db, tmp_path, now), 1, now=now).parts)


def test_after_a_late_digest_the_next_one_is_new_since_it_came(db, tmp_path):
    add_story(db, "Floods in Valencia", updated=DUE - timedelta(hours=3), summary="Rivers rose.")
    subscriber(db, 1, "08:00")
    came = DUE + timedelta(hours=2, minutes=15)  # the bot was down: composed and sent late
    _digest_sent(db, tmp_path, composed=came, came=came)
    add_story(db, "Copper strike ends", updated=came + timedelta(hours=2), summary="Workers went back.")
    text = _text(db, tmp_path, DUE + timedelta(days=1))
    assert "1 new story since Wednesday 22 January, 10:15." in text


def test_a_quiet_digest_after_alerts_says_the_alerts_were_the_news(db, tmp_path):
    add_story(db, "Floods in Valencia", updated=DUE - timedelta(hours=3), summary="Rivers rose.")
    subscriber(db, 1, "08:00")
    _digest_sent(db, tmp_path, composed=DUE, came=DUE)
    alerted = add_story(
        db, "Copper strike ends", updated=DUE + timedelta(hours=2), summary="Workers went back."
    )
    when = DUE + timedelta(hours=3)
    assert queue_alert(db, 1, alerted, reason="follow", due_at=when, now=when)
    key = AlertKey(1, alerted)
    assert claim_alert(db, key, now=when)
    confirm_alert(db, key, message_id=7, now=when)
    deliveries.record_alerted(db, 1, alerted, told=("Workers went back.",), held=(), at=when)
    text = _text(db, tmp_path, DUE + timedelta(days=1))
    assert text.startswith(
        "Nothing new beyond the alert sent since your last digest (Wednesday 22 January, 08:00)."
    )


def test_after_a_long_pause_the_intro_names_the_last_digest_and_the_window(db, tmp_path):
    add_story(db, "Floods in Valencia", updated=DUE - timedelta(hours=3), summary="Rivers rose.")
    subscriber(db, 1, "08:00")
    _digest_sent(db, tmp_path, composed=DUE, came=DUE)
    later = DUE + timedelta(days=10)
    add_story(db, "Copper strike ends", updated=later - timedelta(hours=2), summary="Workers went back.")
    text = _text(db, tmp_path, later)
    assert "1 new story since your last digest on Wednesday 22 January (showing the last 3 days)." in text


def test_a_digest_sent_late_covered_what_it_was_composed_over(db, tmp_path):
    """Composed on time at 08:00, sent at 10:15 (retries): a story that came at 09:00 was not in it, so it
    is in the next digest, whose intro says since 08:00 (not 10:15, which would leave 09:00 out)."""
    add_story(db, "Floods in Valencia", updated=DUE - timedelta(hours=3), summary="Rivers rose.")
    subscriber(db, 1, "08:00")
    with time_machine.travel(DUE, tick=False):
        assert compose_due(_app(db, tmp_path, DUE), now=datetime.now(UTC)).composed == 1
    between = DUE + timedelta(hours=1)
    add_story(db, "Copper strike ends", updated=between, summary="Workers went back.")
    came = DUE + timedelta(hours=2, minutes=15)
    with time_machine.travel(came, tick=False):
        key = deliveries.PartKey(1, DUE.date(), 0)
        deliveries.claim_part(db, key, now=datetime.now(UTC))
        deliveries.confirm_part(db, key, message_id=1, now=datetime.now(UTC))
    nxt = DUE + timedelta(days=1)
    with time_machine.travel(nxt, tick=False):
        text = _text(db, tmp_path, datetime.now(UTC))
    assert "1 new story since Wednesday 22 January, 08:00." in text
    assert "Copper strike ends" in text and "Floods in Valencia" not in text


def test_a_digest_composed_late_is_the_start_of_the_next(db, tmp_path):
    """The bot was down until 10:15: the digest composed then covered up to 10:15, so a story it could
    not hold (the chat reads one a day) is not offered again as new the next day."""
    subscriber(db, 1, "08:00")
    db.execute("UPDATE subscribers SET length = 1 WHERE chat_id = 1")
    came = DUE + timedelta(hours=2, minutes=15)
    add_story(db, "Floods in Valencia", updated=DUE + timedelta(hours=1), summary="Rivers rose.")
    add_story(db, "Copper strike ends", updated=DUE + timedelta(hours=2), summary="Workers went back.")
    _digest_sent(db, tmp_path, composed=came, came=came)
    add_story(db, "Quake in Peru", updated=came + timedelta(hours=3), summary="Houses fell.")
    text = _text(db, tmp_path, DUE + timedelta(days=1))
    assert "1 new story since Wednesday 22 January, 10:15." in text and "Quake in Peru" in text
