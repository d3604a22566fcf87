"""Forgetting old delivery history: digests long sent, what chats received of stories long over,
expired button ids and reply records, and what feed entries said when last read long ago. Run at start
and every day (``briefing.adapters.jobs``).

Nothing that keeps a digest from being sent twice goes: a part still pending or claimed, the digests
of the late limit's window, and each chat's latest confirmed digest (what its next one is new since)
stay whatever their age; what a chat received of a story stays while the story can still grow (an
article reached it within the retention, or it was updated within it), so an update never repeats.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from briefing.service import App
from store.callbacks import CALLBACK_DAYS, REPLY_DAYS, prune_callbacks, prune_replies
from store.db import transaction
from store.deliveries import prune_deliveries
from store.digests import prune_delivered_stories
from store.feed_entries import prune_feed_entries

log = logging.getLogger(__name__)

# digest dates are the chats' local dates: a day either side of UTC covers every timezone
ZONE_SLACK = timedelta(days=1)


@dataclass(frozen=True)
class PruneReport:
    """How many rows went: digest parts, received stories, button ids, reply records, feed entries."""

    parts: int = 0
    stories: int = 0
    callbacks: int = 0
    replies: int = 0
    entries: int = 0

    @property
    def total(self) -> int:
        return self.parts + self.stories + self.callbacks + self.replies + self.entries


def prune_history(app: App, *, now: datetime) -> PruneReport:
    """Forget what is older than ``settings.retention_days`` (buttons and replies: their own ages)."""
    cutoff = now - timedelta(days=app.settings.retention_days)
    with transaction(app.db):
        report = PruneReport(
            parts=prune_deliveries(app.db, before=(cutoff - ZONE_SLACK).date()),
            stories=prune_delivered_stories(app.db, before=cutoff),
            callbacks=prune_callbacks(app.db, now - timedelta(days=CALLBACK_DAYS)),
            replies=prune_replies(app.db, now - timedelta(days=REPLY_DAYS)),
            entries=prune_feed_entries(app.db, before=cutoff),
        )
    if report.total:
        log.info("pruned history older than %d days: %s", app.settings.retention_days, report)
    return report


__all__ = ["PruneReport", "prune_history"]
