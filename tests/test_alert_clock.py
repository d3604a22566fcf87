"""A chat's alerts keep its own clock (QA12b F13, F6): a chat that only follows sets its timezone, and
any chat sees and sets its quiet hours in /settings, the bot-wide hours its default."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from briefing.service import App
from briefing.service.alerts import read_quiet
from briefing.service.commands import Asker, answer, load_all
from briefing.service.polling import queue_alerts
from briefing.times_of_day import SettingError
from store.alerts import alerts_of
from store.subscribers import chat_alerts, get_subscriber, migrate_chat, set_chat_alerts
from tests.digestkit import Clock, add_story

NOON = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
TOKYO = Asker(chat_id=81, user_id=81)
KYIV = Asker(chat_id=82, user_id=82)
load_all()


@pytest.fixture
def app(db, settings) -> App:
    return App(db=db, settings=settings, clock=Clock(NOON))


def story_ids(db, story: int) -> list[int]:
    return [r[0] for r in db.execute("SELECT id FROM articles WHERE story_id = ?", [story]).fetchall()]


def due_after(app: App, db, chat_id: int, at: datetime) -> datetime | None:
    """Queue a fresh story's alert at ``at`` and say when it is due."""
    story = add_story(db, f"Oreshnik news {at:%H%M}", updated=at, body="Oreshnik launch.")
    assert queue_alerts(app, story_ids(db, story), now=at) == 1
    return next(a.due_at for a in alerts_of(db, chat_id) if a.story_id == story)


async def test_a_chat_that_only_follows_sets_its_zone_and_its_nights_are_its_own(app, db):
    await answer(app, "/follow Oreshnik", TOKYO)
    reply = await answer(app, "/settings", TOKYO)
    assert "Timezone: UTC" in reply.document.text and "(the bot's default)" in reply.document.text
    reply = await answer(app, "/settings tz Asia/Tokyo", TOKYO)
    assert reply.document.text.startswith("Saved.") and "Timezone: Asia/Tokyo" in reply.document.text
    assert get_subscriber(db, 81) is None  # no digest was taken for it
    # 12:00 in Tokyo (03:00 UTC): the working day, sent at once; UTC's night does not hold it
    work = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
    assert due_after(app, db, 81, work) == work
    # 23:00 in Tokyo (14:00 UTC): held until 07:00 there
    assert due_after(app, db, 81, datetime(2026, 11, 25, 14, 0, tzinfo=UTC)) == datetime(
        2026, 11, 25, 22, 0, tzinfo=UTC
    )
    # a digest taken later keeps the zone set for the alerts
    await answer(app, "/subscribe 08:00", TOKYO)
    sub = get_subscriber(db, 81)
    assert sub is not None and sub.timezone == "Asia/Tokyo"


async def test_follow_in_a_chat_without_a_zone_says_whose_night_it_keeps(app):
    reply = await answer(app, "/follow Oreshnik", TOKYO)
    assert "quiet hours, 22:00–07:00 UTC, waits; set your zone with /settings tz CITY" in reply.document.text
    await answer(app, "/subscribe 08:00 Europe/Kyiv", KYIV)
    reply = await answer(app, "/follow Oreshnik", KYIV)
    assert "(one due in your quiet hours, 22:00–07:00, waits)" in reply.document.text


async def test_a_subscriber_sees_and_changes_its_quiet_hours(app, db):
    await answer(app, "/subscribe 08:00 Europe/Kyiv", KYIV)
    await answer(app, "/follow Oreshnik", KYIV)
    reply = await answer(app, "/settings", KYIV)
    assert "Alerts: quiet 22:00–07:00 (the default), held until they end" in reply.document.text
    reply = await answer(app, "/settings quiet 00:00-08:00", KYIV)
    assert "Alerts: quiet 00:00–08:00, held until they end" in reply.document.text
    # 23:00 in Kyiv (21:00 UTC) is no longer quiet; 01:00 (23:00 UTC) is, until 08:00 Kyiv (06:00 UTC)
    late = datetime(2026, 11, 25, 21, 0, tzinfo=UTC)
    assert due_after(app, db, 82, late) == late
    night = datetime(2026, 11, 25, 23, 0, tzinfo=UTC)
    assert due_after(app, db, 82, night) == datetime(2026, 11, 26, 6, 0, tzinfo=UTC)
    reply = await answer(app, "/settings quiet off", KYIV)
    assert "Alerts: at any hour (no quiet hours)" in reply.document.text
    assert due_after(app, db, 82, night.replace(hour=22)) == night.replace(hour=22)
    reply = await answer(app, "/settings quiet default", KYIV)
    assert "quiet 22:00–07:00 (the default)" in reply.document.text


async def test_quiet_hours_typed_wrong_are_refused_and_nothing_changes(app, db):
    await answer(app, "/subscribe 08:00 Europe/Kyiv", KYIV)
    reply = await answer(app, "/settings quiet sometimes", KYIV)
    assert reply.document.text.startswith("Quiet hours are two times")
    reply = await answer(app, "/settings quiet 23:00-25:00", KYIV)
    assert "25:00" in reply.document.text
    assert chat_alerts(db, 82).quiet_hours is None


def test_quiet_hours_are_read_as_people_write_them():
    assert read_quiet("23:00-06:00") == "23:00-06:00"
    assert read_quiet("11pm to 6am") == "23:00-06:00"
    assert read_quiet("22:30 – 7") == "22:30-07:00"
    assert read_quiet("OFF") == "off"
    assert read_quiet("from 11pm until 6am") == "23:00-06:00"  # qa29a F13: "from" was read as the time
    assert read_quiet("default") is None
    with pytest.raises(SettingError):
        read_quiet("23:00")


def test_a_group_that_becomes_a_supergroup_keeps_its_alert_settings(db):
    set_chat_alerts(db, -4001, timezone="Asia/Tokyo", quiet_hours="off", now=NOON)
    migrate_chat(db, -4001, -1009876543210, now=NOON)
    assert chat_alerts(db, -1009876543210).timezone == "Asia/Tokyo"
    assert chat_alerts(db, -4001).timezone is None


async def test_an_out_of_season_abbreviation_in_a_chat_without_a_digest_speaks_of_its_quiet_hours(app):
    """NOON is in November: CEST is not in effect. The note says what follows the clock in this chat,
    its quiet hours, not a digest it does not have (qa21 F12)."""
    await answer(app, "/follow Oreshnik", KYIV)
    reply = await answer(app, "/settings timezone CEST", KYIV)
    text = reply.document.text
    assert "CEST is not in effect now" in text
    assert "Your quiet hours follow that clock all year" in text
    assert "digest follows" not in text


@pytest.mark.parametrize("typed", ["7-7", "7:00-7:00"])
def test_quiet_hours_that_start_when_they_end_are_asked_about_not_switched_off(typed):
    """QA29a F13: "7-7" (most likely 7pm to 7am) turned quiet hours off, so alerts could wake the user."""
    with pytest.raises(SettingError) as caught:
        read_quiet(typed)
    assert str(caught.value) == (
        f"“{typed}” starts and ends at 07:00, so it is no quiet hours: for 19:00 to 07:00, send /settings"
        " quiet 19:00-07:00; for alerts at any hour, send /settings quiet off."
    )


def test_quiet_hours_read_till_and_between_and_ask_about_midnight_to_midnight_without_a_noon_window():
    """QA31 F6: "from 11pm till 6am" and "between 11pm and 6am" were refused as no two times, and "0-0"
    was answered with "send /settings quiet 12:00-00:00", which makes noon to midnight quiet."""
    assert read_quiet("from 11pm till 6am") == "23:00-06:00"
    assert read_quiet("11pm til 6am") == "23:00-06:00"
    assert read_quiet("between 11pm and 6am") == "23:00-06:00"
    assert read_quiet("Between 22:30 and 7") == "22:30-07:00"
    with pytest.raises(SettingError) as caught:
        read_quiet("0-0")
    assert str(caught.value) == (
        "“0-0” starts and ends at 00:00, so it is no quiet hours: for alerts at any hour, send /settings"
        " quiet off."
    )
