"""Use cases over the store: ingesting, answering commands, composing digests.

This layer may use ``store`` but never telegram or httpx directly; HTTP comes in through the
``fetch`` adapter it is given, and time through ``App.clock``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from config import Settings
from store import Database


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class App:
    """What a use case needs: the database, the settings and a clock (tests pass their own).

    ``summaries_on_read``: a reply makes the stale summaries it shows again first
    (:mod:`briefing.service.resummarize`): the terminal chat and ``bot.py ask``, which have no background
    job to do it, as the bot on Telegram has."""

    db: Database
    settings: Settings
    clock: Callable[[], datetime] = field(default=utc_now)
    summaries_on_read: bool = False

    def now(self) -> datetime:
        return self.clock()
