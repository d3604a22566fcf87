"""Scheduled jobs in python-telegram-bot's JobQueue (APScheduler in the bot's event loop): the digest
tick every 30 s, the feed tick (polling, admin notices, alerts) every 60 s, the pruning of old
delivery history at start and then every day (off the loop: :func:`pruned`), and, while the archive
holds summaries an older release or other settings made, their remaking
(:mod:`briefing.service.resummarize`): a small batch every ``RESUMMARIZE_SECONDS``, the job removing
itself when none is left; and the same for actors stored under older extraction rules
(:mod:`briefing.service.reextract`, every ``REEXTRACT_SECONDS``).

Why one frequent job instead of one job per subscriber: the database is the source of truth. Every
``DIGEST_SECONDS`` a tick composes the digests that are due and not yet stored, and sends whatever is
pending. A restart, a daylight-saving change, or a subscriber changing their time or zone needs no
rescheduling, a missed tick costs at most one interval, and a crash loses nothing (see
``briefing.adapters.delivery``). APScheduler's defaults would silently drop a run that starts a second
late (``misfire_grace_time=1``); the jobs set ``misfire_grace_time=None`` (a late run still runs: every
tick is idempotent), ``coalesce=True`` (runs missed while the loop was busy become one) and
``max_instances=1``; a tick that finds the previous one still sending returns at once. The half-second
remaking jobs let a second instance in (:data:`BATCH_JOB_KWARGS`), which returns at once, so a batch
longer than the interval is no warning in the log.

The jobs send through a bot of their own (``bot_from_settings``), without python-telegram-bot's rate
limiter: a 429 for one chat then holds back that chat, not every reply of the bot. :meth:`Jobs.stop`
(the bot is stopping) makes a running tick claim nothing more, and cancels it after a short grace.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import fields, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from telegram import Bot
from telegram.error import InvalidToken
from telegram.ext import Application, CallbackContext

from briefing.adapters.delivery import FanoutReport, notify_admins, recover, run_due_digests, send_due_alerts
from briefing.adapters.offloop import off_loop, retried
from briefing.adapters.pacer import Pacer
from briefing.adapters.sender import SendPolicy
from briefing.adapters.statistics import LOCK_WAIT, Statistics
from briefing.addresses import shown_url
from briefing.service import App
from briefing.service.give_ups import GiveUpNews, Stall, give_ups_notice, note_told, stall_notice
from briefing.service.polling import PollReport, paused_notice, poll_due_feeds
from briefing.service.reextract import BATCH as REEXTRACT_BATCH
from briefing.service.reextract import count_stale as count_stale_actors
from briefing.service.reextract import reextract_in_background
from briefing.service.resummarize import BATCH as RESUMMARIZE_BATCH
from briefing.service.resummarize import count_stale, resummarize_in_background
from briefing.service.retention import PruneReport, prune_history
from store.db import Database

if TYPE_CHECKING:
    from briefing.adapters.fetch import Fetcher

log = logging.getLogger(__name__)

DIGEST_SECONDS = 30.0
FEED_SECONDS = 60.0
PRUNE_SECONDS = 24 * 3600.0
# a batch of stale summaries every half second at most (a batch takes 0.2-0.4 s on the busy 2-core test
# machine): the summarizing runs in a worker thread, but holds the GIL much of its time, so a reply in
# the meantime takes longer; short batches with pauses keep that delay short (bench/RESULTS.md)
RESUMMARIZE_SECONDS = 0.5
RESUMMARIZE_FIRST = 20.0  # after the start's own work (recovery, the first ticks, the warm-up)
# stale actors likewise, a batch every half second at most (bench/RESULTS.md), starting a little later
REEXTRACT_SECONDS = 0.5
REEXTRACT_FIRST = 25.0
JOB_KWARGS: dict[str, Any] = {"misfire_grace_time": None, "coalesce": True, "max_instances": 1}
# the remaking jobs tick every half second, and a batch may well take longer under load: APScheduler
# warned of every tick that found the batch still running ("skipped: maximum number of running instances
# reached"), ~90 lines a minute for hours of catch-up (qa25b F5). A second instance is let in instead, and
# returns at once (the job's lock): a tick during a batch is a no-op, not a warning; none runs twice
BATCH_JOB_KWARGS: dict[str, Any] = {**JOB_KWARGS, "max_instances": 2}
STOP_GRACE = 1.5  # seconds a running tick gets to finish its sends in flight when the bot stops
TOKEN_REFUSED = (
    "Telegram refused the bot token (revoked?): nothing is sent until the bot is restarted with a valid"
    " TELEGRAM_BOT_TOKEN"
)
T = TypeVar("T")


class _Batch(Protocol):
    """A catch-up job's batch report: whether it found stale rows."""

    @property
    def found(self) -> bool: ...


B = TypeVar("B", bound=_Batch)


class Jobs:
    """The scheduled work of one bot process: one pacer (one bot, one set of Telegram limits), and the
    bot the ticks send with (``None``: the application's, as the job's context gives it)."""

    def __init__(
        self,
        app: App,
        *,
        bot: Bot | None = None,
        pacer: Pacer | None = None,
        policy: SendPolicy | None = None,
    ):
        self.app, self.bot = app, bot
        self.pacer = pacer or Pacer()
        self.policy = policy
        self.digest_lock = asyncio.Lock()
        self.feed_lock = asyncio.Lock()
        self.resummarize_lock = asyncio.Lock()
        self.resummarized = 0  # articles whose summaries this process made again
        self.resummarize_batch = RESUMMARIZE_BATCH
        self.reextract_lock = asyncio.Lock()
        self.reextracted = 0  # articles whose actors this process read again
        self.reextract_batch = REEXTRACT_BATCH
        self.stopping = asyncio.Event()
        self.statistics = Statistics(app.db)
        self.recovery_lock = asyncio.Lock()
        self.recovery_done = False  # the last run's unconfirmed sends made pending: the ticks may send
        self._runs: set[asyncio.Future[Any]] = set()

    async def _run(self, work: Awaitable[T]) -> T | None:
        """Run one tick's work as a task :meth:`stop` can cancel; None if it did."""
        task = asyncio.ensure_future(work)
        self._runs.add(task)
        try:
            return await task
        except asyncio.CancelledError:
            current = asyncio.current_task()
            if task.cancelled() and current is not None and not current.cancelling():
                log.info("a scheduled run was cut short by the stop; what it left is done at the next start")
                return None
            raise
        except InvalidToken:
            log.error(TOKEN_REFUSED)
            return None
        finally:
            self._runs.discard(task)

    async def stop(self, grace: float = STOP_GRACE) -> None:
        """The bot is stopping: running ticks claim nothing more and compose no more (what is left stays
        due, or pending, for the next start); those still busy after ``grace`` seconds (a send Telegram
        is slow to answer, a feed fetch) are cancelled. Later ticks do nothing."""
        self.stopping.set()
        runs = set(self._runs)
        if runs:
            _, late = await asyncio.wait(runs, timeout=grace)
            for task in late:
                task.cancel()
            await asyncio.gather(*late, return_exceptions=True)

    def _bot(self, context: CallbackContext) -> Bot:
        return self.bot or context.bot

    async def close(self) -> None:
        """Close the jobs' own bot's HTTP client."""
        if self.bot is not None:
            await self.bot.request.shutdown()

    async def recover_at_start(self, context: CallbackContext | None = None) -> bool:
        """Make the parts and alerts the last run left claimed pending again (:func:`recovered`: off the
        loop, as the start's prune), once; until then the digest and feed ticks send nothing, since a
        recovery after a tick has claimed its own would make them pending while they are being sent
        (twice sent). Given up (another process held the write lock), it is tried again at the next
        tick. Whether it is done."""
        if self.recovery_done:
            return True
        async with self.recovery_lock:
            if not self.recovery_done and not self.stopping.is_set():
                self.recovery_done = await self._run(recovered(self.app)) is not None
        return self.recovery_done

    async def digests(self, context: CallbackContext) -> None:
        """Compose what is due and send what is pending (skipped while the previous tick still sends)."""
        if self.digest_lock.locked() or self.stopping.is_set() or not await self.recover_at_start():
            return
        async with self.digest_lock:
            report = await self._run(
                run_due_digests(
                    self.app, self._bot(context), pacer=self.pacer, policy=self.policy, stop=self.stopping
                )
            )
        if report and (report.composed or report.sent or report.failed or report.skipped or report.expired):
            log.info("digests: %s", told(report))

    async def prune(self, context: CallbackContext) -> None:
        """Forget the delivery history older than the retention, then refresh the query statistics of
        what a day's ingest and replies grew (the daily job); both off the loop, and a stop calls them
        off."""
        if not self.stopping.is_set():
            await self._run(pruned(self.app))
        if not self.stopping.is_set():
            await self._run(refreshed(self.statistics))

    async def prune_at_start(self, context: CallbackContext) -> None:
        """The start's prune, off the loop as the daily one (its statistics refresh waits for the day):
        run while the application was being built, it held up the start, and every answer after it,
        for as long as another process held the write lock (up to 10 s of ``busy_timeout``)."""
        if not self.stopping.is_set():
            await self._run(pruned(self.app))

    async def feeds(self, context: CallbackContext) -> None:
        """Poll the feeds that are due, tell the admins about paused ones, send the alerts due."""
        if self.feed_lock.locked() or self.stopping.is_set() or not await self.recover_at_start():
            return
        async with self.feed_lock:
            done = await self._run(
                run_feed_polling(
                    self.app, self._bot(context), pacer=self.pacer, policy=self.policy, stop=self.stopping
                )
            )
        if done is None:
            return
        polled, alerts = done
        for url, reason in polled.failed:  # an operator reads failures without -v
            log.warning("feed %s failed: %s", url, reason)
        if polled.polled or alerts.sent or alerts.failed:
            log.info("feeds: %s; alerts: %s", told(polled), told(alerts))

    async def _catch_up(
        self, context: CallbackContext, lock: asyncio.Lock, batch: Callable[[], Awaitable[B]], failed: str
    ) -> B | None:
        """One batch of a job bringing stale rows up to date (``batch``), never two at once (APScheduler
        may start the job again while a long batch runs: that tick returns at once); when the batch found
        nothing stale the job removes itself (the rules do not change while the process runs). A failure
        is logged (``failed``) and the next run tries again. None when nothing ran."""
        if lock.locked() or self.stopping.is_set():
            return None
        async with lock:
            try:
                done = await self._run(batch())
            except Exception:
                log.exception(failed)
                return None
        if done is not None and not done.found and context.job is not None:
            context.job.schedule_removal()
        return done

    async def resummarize(self, context: CallbackContext) -> None:
        """Make one batch of stale summaries again, and their stories (:meth:`_catch_up`)."""
        done = await self._catch_up(
            context,
            self.resummarize_lock,
            lambda: resummarize_in_background(self.app, self.resummarize_batch),
            "making stale summaries again failed; the next run tries again",
        )
        if done is None:
            return
        self.resummarized += done.articles
        if not done.found:
            if self.resummarized:
                log.info(
                    "summaries: all current (%d made again with the current summarizer)", self.resummarized
                )
        elif self.resummarized and self.resummarized % 1000 < done.articles:
            log.info("summaries: %d made again so far", self.resummarized)

    async def reextract(self, context: CallbackContext) -> None:
        """Read one batch of stale articles' actors again (:meth:`_catch_up`)."""
        done = await self._catch_up(
            context,
            self.reextract_lock,
            lambda: reextract_in_background(self.app, self.reextract_batch),
            "reading stale actors again failed; the next run tries again",
        )
        if done is None:
            return
        self.reextracted += done.articles
        if not done.found:
            if self.reextracted:
                log.info(
                    "actors: all current (%d articles read again with the current rules)", self.reextracted
                )
        elif self.reextracted and self.reextracted % 1000 < done.articles:
            log.info("actors: %d articles read again so far", self.reextracted)


def told(report: Any) -> str:
    """A run's report in words for the log, its zero counts and empty lists left out: "polled 2, new
    articles 3" rather than a 450-character dataclass repr."""
    parts = []
    for f in fields(report):
        value = getattr(report, f.name)
        name = f.name.replace("_", " ")
        if isinstance(value, int) and value:
            parts.append(f"{name} {value}")
        elif isinstance(value, tuple) and value:
            parts.append(f"{name} {len(value)}")
    return ", ".join(parts) or "nothing"


async def run_feed_polling(
    app: App,
    bot: Bot,
    *,
    now: datetime | None = None,
    pacer: Pacer,
    policy: SendPolicy | None = None,
    fetcher: Fetcher | None = None,
    stop: asyncio.Event | None = None,
) -> tuple[PollReport, FanoutReport]:
    """One feed tick: poll the due feeds (queueing alerts for new stories), send each admin a notice
    for every feed this run paused or found stalled, and one of the entries its feeds gave up
    (:mod:`briefing.service.give_ups`), then send the alerts whose time has come."""
    now = now or app.now()
    polled = await poll_due_feeds(app, now=now, fetcher=fetcher)
    for source in polled.paused:
        log.warning(
            "feed %s paused after %d failures: %s", source.location, source.failures, source.last_error
        )
        await notify_admins(app, bot, paused_notice(source), pacer=pacer)
    for stall in polled.stalled:
        shown = shown_url(stall.source.location)
        log.warning("feed %s read none of its new entries in its last %d polls with any", shown, stall.polls)
        sent = await notify_admins(app, bot, stall_notice(stall, app.now()), pacer=pacer)
        _told(app, (stall,), sent)
    if polled.gave_up:  # one message for every feed of the run
        sent = await notify_admins(app, bot, give_ups_notice(polled.gave_up), pacer=pacer)
        _told(app, polled.gave_up, sent)
    alerts = await send_due_alerts(app, bot, now=now, pacer=pacer, policy=policy, stop=stop)
    return polled, alerts


def _told(app: App, news: Sequence[GiveUpNews | Stall], sent: int) -> None:
    """Remember the give-up notices an admin received (or that no admin is there to receive) as told
    (:func:`note_told`); one no admin received is offered again at the feed's next poll. A failure to
    record is logged: the notice may then come once more."""
    if not sent and app.settings.admins:
        log.warning(
            "the notice of %d feeds' give-ups reached no admin; offered again at their next poll", len(news)
        )
        return
    for one in news:
        try:
            note_told(app, one, app.now())
        except Exception:
            log.exception("could not record the give-ups of %s as told", shown_url(one.source.location))


async def recovered(app: App, *, wait: float = LOCK_WAIT) -> int | None:
    """The start's crash recovery (:func:`briefing.adapters.delivery.recover`) off the event loop, as
    :func:`pruned` is (:func:`_retried_off_loop`). Run in the loop while the application was built,
    waiting for the write lock held up the start for up to 10 s. How many sends were made pending again;
    None when it failed or was given up (a warning)."""
    return await _retried_off_loop(
        app,
        recover,
        wait=wait,
        name="recovering the last run's unconfirmed sends",
        given_up="could not recover the sends the last run left unconfirmed (busy, read-only or stopping?);"
        " digests and alerts wait, and the next tick tries again",
    )


async def pruned(app: App, *, wait: float = LOCK_WAIT) -> PruneReport | None:
    """Prune old history off the event loop (:func:`_retried_off_loop`). Run in the loop, waiting for the
    write lock froze every answer for up to 10 s. None when it failed or was given up (a warning): the
    next day's run tries again."""
    return await _retried_off_loop(
        app,
        lambda on: prune_history(on, now=app.now()),
        wait=wait,
        name="pruning the delivery history",
        given_up="could not prune the delivery history (busy, read-only or stopping?); tried again in a day",
    )


async def _retried_off_loop(
    app: App, step: Callable[[App], T], *, wait: float, name: str, given_up: str
) -> T | None:
    """``step`` on the app (:func:`briefing.adapters.offloop.off_loop`): in a thread, on a connection of
    its own, tried again while another process holds the write lock, for ``wait`` seconds at most; None
    when it failed or was given up, with ``given_up`` logged as a warning."""

    def work(db: Database, go_on: Callable[[], bool]) -> T | None:
        return retried(db, lambda: step(replace(app, db=db)), go_on)

    result = await off_loop(app.db, work, wait=wait, name=name)
    if result is None:
        log.warning(given_up)
    return result


async def refreshed(statistics: Statistics, *, wait: float = LOCK_WAIT, reload: bool = True) -> bool:
    """Refresh the query planner's statistics off the event loop (:meth:`Statistics.refresh`); a failure
    (a busy or read-only database) is a warning in the log, and the next run tries again."""
    if await statistics.refresh(wait=wait, reload=reload):
        return True
    log.warning("could not refresh the database's query statistics (busy or read-only?); tried again later")
    return False


def install_jobs(
    application: Application,
    app: App,
    *,
    digest_seconds: float = DIGEST_SECONDS,
    feed_seconds: float = FEED_SECONDS,
    bot: Bot | None = None,
    pacer: Pacer | None = None,
    policy: SendPolicy | None = None,
) -> Jobs:
    """Schedule the recovery from a crash (unconfirmed parts and alerts become pending, to be resent;
    off the loop, once the application runs, before the ticks send), the pruning of old history (once
    as soon as the application starts, then daily; off the loop), the digest tick, the feed tick and
    (while summaries or actors are stale) their remaking on ``application.job_queue``. Call once,
    before the application starts; the returned ``Jobs`` holds the process's pacer and the ``bot`` the
    ticks send with (default: the application's)."""
    if application.job_queue is None:
        raise RuntimeError("python-telegram-bot was installed without the job-queue extra")
    jobs = Jobs(app, bot=bot, pacer=pacer, policy=policy)
    application.job_queue.run_once(
        jobs.recover_at_start, when=0.0, name="recover at start", job_kwargs=JOB_KWARGS
    )
    application.job_queue.run_once(
        jobs.prune_at_start, when=0.0, name="prune at start", job_kwargs=JOB_KWARGS
    )
    application.job_queue.run_repeating(
        jobs.prune, interval=PRUNE_SECONDS, first=PRUNE_SECONDS, name="prune", job_kwargs=JOB_KWARGS
    )
    application.job_queue.run_repeating(
        jobs.digests, interval=digest_seconds, first=1.0, name="digests", job_kwargs=JOB_KWARGS
    )
    application.job_queue.run_repeating(
        jobs.feeds, interval=feed_seconds, first=5.0, name="feeds", job_kwargs=JOB_KWARGS
    )
    stale = count_stale(app)
    if stale:
        log.info(
            "summaries: %d articles' summaries were made by an older summarizer or other settings; making"
            " them again in the background, newest first",
            stale,
        )
        application.job_queue.run_repeating(
            jobs.resummarize,
            interval=RESUMMARIZE_SECONDS,
            first=RESUMMARIZE_FIRST,
            name="resummarize",
            job_kwargs=BATCH_JOB_KWARGS,
        )
    stale = count_stale_actors(app)
    if stale:
        log.info(
            "actors: %d articles' actors were stored under older extraction rules; reading them again in"
            " the background, newest first",
            stale,
        )
        application.job_queue.run_repeating(
            jobs.reextract,
            interval=REEXTRACT_SECONDS,
            first=REEXTRACT_FIRST,
            name="reextract",
            job_kwargs=BATCH_JOB_KWARGS,
        )
    return jobs
