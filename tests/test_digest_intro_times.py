"""What a digest's intro says of the time it covers, as composed over the store: since the last digest
came (not when it was due), the window after a long pause, and the alerts a quiet digest leaves out."""

from datetime import UTC, datetime, timedelta

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
