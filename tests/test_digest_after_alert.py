"""A story the chat got as an alert is not told again as a new story in its next digest (QA12b F11): it
comes back only as an update with what reached it after the alert, or not at all."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from briefing.adapters.delivery import run_due_digests, send_due_alerts
from briefing.service import App
from briefing.service.polling import queue_alerts
from store.alerts import alerts_of
from store.subscribers import follow
from tests.digestkit import QUICK, Clock, add_story, fast_pacer, join_story, subscriber

ALERTED = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
MORNING = datetime(2026, 11, 26, 6, 0, tzinfo=UTC)
STRUCK = "An earthquake of magnitude 6.8 shook northern Chile on Wednesday, killing 12 people."
RESCUE = "Rescue teams from Peru reached Antofagasta with search dogs on Wednesday evening."


@pytest.fixture
def app(db, settings) -> App:
    return App(db=db, settings=settings, clock=Clock(ALERTED))


async def alert_then_digest(app: App, db, botapi, bot, *, later: str = "") -> str:
    subscriber(db, 5, "06:00", "UTC")
    follow(db, 5, "topic", "Chile", now=ALERTED)
    quake = add_story(db, "Earthquake shakes northern Chile", updated=ALERTED, body=STRUCK, summary=STRUCK)
    add_story(db, "Brussels talks on gas prices", updated=ALERTED + timedelta(hours=2))
    articles = [r[0] for r in db.execute("SELECT id FROM articles WHERE story_id = ?", [quake])]
    assert queue_alerts(app, articles, now=ALERTED) == 1
    assert (await send_due_alerts(app, bot, now=ALERTED, pacer=fast_pacer(), policy=QUICK)).sent == 1
    assert alerts_of(db, 5)[0].state == "sent"
    if later:
        join_story(db, quake, "Reuters", summary=later, dated=ALERTED + timedelta(hours=6))
    app.clock.now = MORNING
    await run_due_digests(app, bot, now=MORNING, pacer=fast_pacer(), policy=QUICK)
    (alert, digest) = botapi.sent_messages(5)
    assert alert.text.startswith("New about Chile")
    return digest.text


async def test_a_story_told_by_an_alert_is_left_out_of_the_next_digest(app, db, botapi, botapi_bot):
    digest = await alert_then_digest(app, db, botapi, botapi_bot)
    assert "Brussels talks on gas prices" in digest
    assert "Earthquake" not in digest and STRUCK not in digest


async def test_a_story_told_by_an_alert_that_grew_comes_as_an_update_with_only_the_new(
    app, db, botapi, botapi_bot
):
    digest = await alert_then_digest(app, db, botapi, botapi_bot, later=f"{STRUCK}\n{RESCUE}")
    assert "Update: " in digest and RESCUE in digest
    assert STRUCK not in digest  # the alert told it
    assert "Brussels talks on gas prices" in digest
