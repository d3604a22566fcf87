"""Scheduled jobs on the Telegram application's job queue: daily digests and feed polling.

The digests work (issue 6) fills this module; ``build_application`` calls :func:`install_jobs` last.
"""

from __future__ import annotations

from typing import Any

from briefing.service import App


def install_jobs(application: Any, app: App) -> None:
    """Schedule the bot's recurring work on ``application.job_queue`` (filled in by the digests work)."""
