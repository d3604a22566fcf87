"""A digest composed but not yet sent when its chat unsubscribes is not sent (QA12b F8)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from briefing.adapters.delivery import UNSUBSCRIBED, send_pending
from briefing.service import App
from briefing.service.commands import Asker, answer, load_all
from briefing.service.digests import compose_due
from store import deliveries
from tests.digestkit import QUICK, Clock, add_story, fast_pacer, subscriber

T = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
load_all()


@pytest.fixture
def app(db, settings) -> App:
    return App(db=db, settings=settings, clock=Clock(T))


async def test_a_composed_digest_is_not_sent_after_unsubscribe(app, db, botapi, botapi_bot):
    add_story(db, "Dock strike halts Rotterdam", updated=T - timedelta(hours=1))
    subscriber(db, 7, "08:00", "UTC")
    subscriber(db, 8, "08:00", "UTC")
    assert compose_due(app, now=T).composed == 2
    app.clock.now = T + timedelta(seconds=5)
    reply = await answer(app, "/unsubscribe", Asker(7, 7))
    assert "no more daily digests" in reply.document.text
    app.clock.now = T + timedelta(seconds=10)
    report = await send_pending(app, botapi_bot, pacer=fast_pacer(), policy=QUICK)
    assert report.sent == 1 and [m.chat_id for m in botapi.sent_messages()] == [8]
    (part,) = deliveries.parts_of(db, 7, date(2026, 11, 25))
    assert (part.state, part.error) == ("failed", UNSUBSCRIBED)
    # nothing is left to send later either
    assert (await send_pending(app, botapi_bot, pacer=fast_pacer(), policy=QUICK)).sent == 0
    assert botapi.sent_messages(7) == []
