"""Filling a new database from ``seeds/`` so the bot has something to say at once."""

from __future__ import annotations

from briefing.service import App


def ensure_seeded(app: App) -> None:
    """Ingest the seed documents if the database has never been seeded."""
    # filled in by the ingest work (issue 2)
