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
    """What a use case needs: the database, the settings and a clock (tests pass their own)."""

    db: Database
    settings: Settings
    clock: Callable[[], datetime] = field(default=utc_now)

    def now(self) -> datetime:
        return self.clock()
