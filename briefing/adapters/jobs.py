"""Scheduled jobs in python-telegram-bot's JobQueue (APScheduler in the bot's event loop): the digest
tick every 30 s and the feed tick (polling, admin notices, alerts) every 60 s.

Why one frequent job instead of one job per subscriber: the database is the source of truth. Every
``DIGEST_SECONDS`` a tick composes the digests that are due and not yet stored, and sends whatever is
pending. A restart, a daylight-saving change, or a subscriber changing their time or zone needs no
rescheduling, a missed tick costs at most one interval, and a crash loses nothing (see
``briefing.adapters.delivery``). APScheduler's defaults would silently drop a run that starts a second
late (``misfire_grace_time=1``); the jobs set ``misfire_grace_time=None`` (a late run still runs: every
tick is idempotent), ``coalesce=True`` (runs missed while the loop was busy become one) and
``max_instances=1``; a tick that finds the previous one still sending returns at once.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from typing import TYPE_CHECKING, Any

from telegram import Bot
from telegram.ext import Application, CallbackContext

from briefing.adapters.delivery import FanoutReport, notify_admins, recover, run_due_digests, send_due_alerts
from briefing.adapters.pacer import Pacer
from briefing.adapters.sender import SendPolicy
from briefing.service import App
from briefing.service.polling import PollReport, paused_notice, poll_due_feeds

if TYPE_CHECKING:
    from briefing.adapters.fetch import Fetcher

log = logging.getLogger(__name__)

DIGEST_SECONDS = 30.0
FEED_SECONDS = 60.0
JOB_KWARGS: dict[str, Any] = {"misfire_grace_time": None, "coalesce": True, "max_instances": 1}


class Jobs:
    """The scheduled work of one bot process: one pacer (one bot, one set of Telegram limits)."""

    def __init__(self, app: App, *, pacer: Pacer | None = None, policy: SendPolicy | None = None):
        self.app = app
        self.pacer = pacer or Pacer()
        self.policy = policy
        self.digest_lock = asyncio.Lock()
        self.feed_lock = asyncio.Lock()

    async def digests(self, context: CallbackContext) -> None:
        """Compose what is due and send what is pending (skipped while the previous tick still sends)."""
        if self.digest_lock.locked():
            return
        async with self.digest_lock:
            report = await run_due_digests(self.app, context.bot, pacer=self.pacer, policy=self.policy)
        if report.composed or report.sent or report.failed or report.skipped or report.expired:
            log.info("digests: %s", report)

    async def feeds(self, context: CallbackContext) -> None:
        """Poll the feeds that are due, tell the admins about paused ones, send the alerts due."""
        if self.feed_lock.locked():
            return
        async with self.feed_lock:
            polled, alerts = await run_feed_polling(
                self.app, context.bot, pacer=self.pacer, policy=self.policy
            )
        if polled.polled or alerts.sent or alerts.failed:
            log.info("feeds: %s; alerts: %s", polled, alerts)


async def run_feed_polling(
    app: App,
    bot: Bot,
    *,
    now: datetime | None = None,
    pacer: Pacer,
    policy: SendPolicy | None = None,
    fetcher: Fetcher | None = None,
) -> tuple[PollReport, FanoutReport]:
    """One feed tick: poll the due feeds (queueing alerts for new stories), send each admin a notice
    for every feed this run paused, then send the alerts whose time has come."""
    now = now or app.now()
    polled = await poll_due_feeds(app, now=now, fetcher=fetcher)
    for source in polled.paused:
        log.warning(
            "feed %s paused after %d failures: %s", source.location, source.failures, source.last_error
        )
        await notify_admins(app, bot, paused_notice(source), pacer=pacer)
    alerts = await send_due_alerts(app, bot, now=now, pacer=pacer, policy=policy)
    return polled, alerts


def install_jobs(
    application: Application,
    app: App,
    *,
    digest_seconds: float = DIGEST_SECONDS,
    feed_seconds: float = FEED_SECONDS,
    pacer: Pacer | None = None,
    policy: SendPolicy | None = None,
) -> Jobs:
    """Recover from a crash (unconfirmed parts and alerts become pending, to be resent), then schedule
    the digest tick and the feed tick on ``application.job_queue``. Call once, before the application
    starts; the returned ``Jobs`` holds the process's pacer."""
    if application.job_queue is None:
        raise RuntimeError("python-telegram-bot was installed without the job-queue extra")
    recover(app)
    jobs = Jobs(app, pacer=pacer, policy=policy)
    application.job_queue.run_repeating(
        jobs.digests, interval=digest_seconds, first=1.0, name="digests", job_kwargs=JOB_KWARGS
    )
    application.job_queue.run_repeating(
        jobs.feeds, interval=feed_seconds, first=5.0, name="feeds", job_kwargs=JOB_KWARGS
    )
    return jobs
