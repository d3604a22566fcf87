"""A Rotterdam dock strike told overnight, for the alert tests: its articles' sentences, the night
its first report arrives, and the helpers that send what is due and list a story's articles."""

from __future__ import annotations

from datetime import UTC, datetime

from briefing.adapters.delivery import send_due_alerts
from briefing.adapters.sender import SendPolicy
from briefing.service import App
from tests.digestkit import QUICK, add_story, fast_pacer

NIGHT = datetime(2026, 11, 23, 23, 0, tzinfo=UTC)
STRIKE = "Dock workers in Rotterdam walked out on Monday over pay, halting container traffic at the port."
COURT = (
    "A Rotterdam court ordered the striking dockers back to work on Tuesday, citing damage to the economy."
)


def send(app: App, bot, at: datetime, policy: SendPolicy = QUICK):
    """Send the alerts due at ``at``, the app's clock set to it."""
    app.clock.now = at
    return send_due_alerts(app, bot, now=at, pacer=fast_pacer(), policy=policy)


def ids(db, story_id: int) -> list[int]:
    """The story's article ids, oldest first."""
    return [r[0] for r in db.execute("SELECT id FROM articles WHERE story_id = ? ORDER BY id", [story_id])]


def strike_story(db, at: datetime) -> int:
    """The strike's first report, a story of one article updated at ``at``."""
    return add_story(db, "Rotterdam dock workers strike", updated=at, body=STRIKE, summary=STRIKE)
