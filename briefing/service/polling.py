"""Feed polling and alerts over the store.

:func:`queue_alerts` turns newly stored articles into alerts for the chats that follow what they are
about: at most one per story per chat, none for an unsubscribed (deactivated) chat or a story the chat
already received, each due now or when the chat's quiet hours end.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, time

from briefing.alerts import alert_due_at
from briefing.schedule import zone
from briefing.service import App
from store.alerts import followers_of_articles, queue_alert
from store.db import transaction
from store.subscribers import get_subscriber

log = logging.getLogger(__name__)


def quiet_hours(app: App) -> tuple[time, time]:
    start, _, end = app.settings.alert_quiet_hours.partition("-")
    return time.fromisoformat(start.strip()), time.fromisoformat(end.strip())


def queue_alerts(app: App, article_ids: Sequence[int], *, now: datetime) -> int:
    """Queue alerts for new articles; returns how many were queued."""
    start, end = quiet_hours(app)
    queued = 0
    with transaction(app.db):
        for (chat_id, story_id), reasons in followers_of_articles(app.db, article_ids).items():
            sub = get_subscriber(app.db, chat_id)
            if sub is not None and not sub.active:
                continue
            tz = zone(sub.timezone if sub is not None else app.settings.timezone)
            due = alert_due_at(now, tz, quiet_start=start, quiet_end=end)
            queued += queue_alert(app.db, chat_id, story_id, reason="\n".join(reasons), due_at=due, now=now)
    return queued
