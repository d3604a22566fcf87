"""Feed polling and alerts over the store.

:func:`poll_due_feeds` polls the feeds whose time has come (``sources.poll = 1``, not paused,
``next_poll_at`` passed) through :func:`briefing.service.feed_polls.ingest_feed`: a conditional GET with
the stored ETag and Last-Modified, new entries stored, and the outcome recorded — the next poll in
``poll_minutes``, or after a failure later and later (``poll_minutes * 2**n``, at most 32 times), and
after ``feed_max_failures`` failures in a row the feed paused; one good fetch resets the count. It
reports the feeds this run paused, for the admins to be told.

:func:`queue_alerts` turns newly stored articles into alerts for the chats that follow what they are
about, each due now or when the chat's quiet hours end: a story's first telling at most once per chat,
none for a chat that blocked the bot; for a story the chat already heard of (an alert, a digest), an
update when the new articles bring a fact the chat was not told (one per batch, and none while an alert
of the story still waits to go out).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from briefing.addresses import mask_urls, shown_url
from briefing.alerts import alert_due_at
from briefing.document import Document, Section, code, heading, link, para
from briefing.models import Source
from briefing.schedule import zone
from briefing.service import App
from briefing.service.alerts import StoryNews, brings_news, clock_from
from briefing.service.commands import TERMINAL_CHAT_ID
from briefing.service.feed_polls import feed_backoff, ingest_feed
from briefing.service.give_ups import GiveUpNews, Stall, give_up_news
from store.alerts import (
    Followed,
    followers_of_articles,
    queue_alert,
    queue_update,
    renew_waiting,
    waiting_among,
)
from store.articles import dated_since
from store.db import open_reader, snapshot, transaction
from store.sources import due_feeds, forget_validators, get_source, record_poll_failure
from store.stories import stories_by_ids
from store.subscribers import alert_settings_among

if TYPE_CHECKING:
    from briefing.adapters.fetch import Fetcher

log = logging.getLogger(__name__)


def alert_due(app: App, chat_id: int, now: datetime) -> datetime | None:
    """When an alert queued now for the chat may go out (after its quiet hours, in its zone: see
    ``briefing.service.alerts.alert_clock``); None when the chat cannot be written to (it blocked the
    bot). Alerts come from follows: /unsubscribe stops the digest only, /unfollow the alerts."""
    return alert_dues(app, [chat_id], now)[chat_id]


def alert_dues(app: App, chat_ids: Sequence[int], now: datetime) -> dict[int, datetime | None]:
    """:func:`alert_due` for many chats, their settings read at once."""
    due: dict[int, datetime | None] = {}
    for chat_id, found in alert_settings_among(app.db, chat_ids).items():
        if chat_id == TERMINAL_CHAT_ID or not found.reachable:
            due[chat_id] = None
            continue
        window = (clock := clock_from(app, found.digest_zone, found.own)).window
        if window is None:
            due[chat_id] = now
        else:
            due[chat_id] = alert_due_at(now, zone(clock.timezone), quiet_start=window[0], quiet_end=window[1])
    return due


def queue_alerts(
    app: App, article_ids: Sequence[int], *, now: datetime, batch_last: int | None = None
) -> int:
    """Queue alerts for new articles; returns how many were queued. Articles dated more than
    ``alert_max_age_hours`` before ``now`` (an old archive imported, a new feed's backlog) alert no one.
    What to queue is worked out first, by reads alone (see :func:`_planned_alerts`); the write lock is
    then held only for the inserts, which check again in SQL what may have changed meanwhile.
    ``batch_last``: the last article of the batch these are part of (an ingest queues its articles in
    slices), by default the last of ``article_ids``; see :func:`_queue_planned`."""
    last = _last(article_ids, batch_last)
    return _queue_planned(app, _plan(app, article_ids, now), now, last)


async def queue_alerts_in_thread(
    app: App, article_ids: Sequence[int], *, now: datetime, batch_last: int | None = None
) -> int:
    """:func:`queue_alerts` for the bot's event loop: the reads, which cost CPU (what is new in a story
    for each chat that heard of it: seconds for a thousand chats each told at its own moment), run in a
    worker thread on a connection of their own, so the bot answers meanwhile; the short write stays on
    the loop's connection. An in-memory database (no second connection sees it) is read on the loop."""
    try:
        planned = await asyncio.to_thread(_plan_apart, app, article_ids, now)
    except asyncio.CancelledError:  # the bot stops: the articles are stored, so queue now or never
        queue_alerts(app, article_ids, now=now, batch_last=batch_last)
        raise
    if planned is None:
        return queue_alerts(app, article_ids, now=now, batch_last=batch_last)
    return _queue_planned(app, planned, now, _last(article_ids, batch_last))


def _last(article_ids: Sequence[int], batch_last: int | None) -> int | None:
    return max([*article_ids, *([batch_last] if batch_last is not None else [])], default=None)


def _plan(app: App, article_ids: Sequence[int], now: datetime) -> list[_Planned]:
    article_ids = dated_since(app.db, article_ids, now - timedelta(hours=app.settings.alert_max_age_hours))
    return _planned_alerts(app, article_ids, now)


def _plan_apart(app: App, article_ids: Sequence[int], now: datetime) -> list[_Planned] | None:
    """:func:`_plan` on a connection of its own (for a worker thread), in one read transaction; None
    when the database has no file to open again."""
    reader = open_reader(app.db)
    if reader is None:
        return None
    try:
        with snapshot(reader):
            return _plan(replace(app, db=reader), article_ids, now)
    finally:
        reader.conn.close()


def _queue_planned(app: App, planned: Sequence[_Planned], now: datetime, batch_last: int | None) -> int:
    """Queue what was planned. An alert records the last article of its batch (``batch_last``): the
    articles stored up to it are the report it tells, and only those stored after it are later news it
    leads with if it waits, however soon they come (times are stored to the second: the next ingest may
    store one in the very second the alert was queued). It is stamped with the moment it is queued, not
    the poll's ``now`` (taken before the feed's entries were read and stored)."""
    queued = 0
    stamp = max(now, app.now())
    with transaction(app.db):
        for one in planned:
            queued += _queue_one(app, one, stamp, batch_last)
    return queued


@dataclass(frozen=True)
class _Planned:
    """An alert new articles may bring a chat: when it may go out, and whether, for a story the chat
    heard of, the articles bring it news (an update)."""

    chat_id: int
    story_id: int
    followed: Followed
    due_at: datetime
    news: bool


def _planned_alerts(app: App, article_ids: Sequence[int], now: datetime) -> list[_Planned]:
    """The alerts new articles may bring, read without writing. What is new in a story is worked out
    once per story and per what a chat received of it (``StoryNews``), not once per follower: a story
    followed by a thousand chats told by one digest or one run's alerts costs one update."""
    followers = followers_of_articles(app.db, article_ids)
    if not followers:
        return []
    due = alert_dues(app, sorted({c for c, _ in followers}), now)
    story_ids = sorted({s for _, s in followers})
    news = StoryNews(app, list(due), story_ids)
    waiting = waiting_among(app.db, story_ids)

    def told(key: tuple[int, int]) -> bool:
        """Whether the new articles may bring the chat an update: it heard of the story, and no alert of
        it waits to go out (that one tells what reached the story till then when it goes)."""
        return news.heard_of(*key) and key not in waiting

    # the stories whose news is weighed, read at once (without their actors: only the story is needed)
    weighed = sorted({s for (c, s) in followers if due[c] is not None and told((c, s))})
    stories = {story.id: story for story in stories_by_ids(app.db, weighed)}

    planned = []
    for (chat_id, story_id), followed in followers.items():
        when = due[chat_id]
        if when is None:
            continue
        brought = False
        if told((chat_id, story_id)):
            story = stories.get(story_id)
            brought = story is not None and brings_news(
                news.news(chat_id, story), news.arrivals(story_id), followed.article_ids
            )
        planned.append(_Planned(chat_id, story_id, followed, when, brought))
    return planned


def _queue_one(app: App, one: _Planned, now: datetime, batch_last: int | None) -> int:
    """Queue a planned alert: a story's first telling, else nothing new while an alert of the story
    still waits (it tells what reached the story when it goes out), else an update if the articles
    brought news; 1 if an alert was queued."""
    chat_id, story_id, newest = one.chat_id, one.story_id, one.followed.article_id

    def queued(queue: Callable[..., bool]) -> bool:
        """``queue_alert`` or ``queue_update``: a first telling and an update record the same things."""
        reason = "\n".join(one.followed.reasons)
        return queue(
            app.db, chat_id, story_id, reason=reason, due_at=one.due_at, now=now, article_id=newest,
            batch_last=batch_last,
        )  # fmt: skip

    if queued(queue_alert):
        return 1
    if renew_waiting(app.db, chat_id, story_id, reasons=one.followed.reasons, article_id=newest):
        return 0  # the alert waiting to go out tells the news when it goes
    return int(one.news and queued(queue_update))


@dataclass(frozen=True)
class PollReport:
    """What one polling run did: feeds polled, unchanged (304), new articles, failures by URL, feeds
    paused by this run (to tell the admins about), and alerts queued; the entries given up to tell the
    admins of, and the feeds found stalled (see :mod:`briefing.service.give_ups`)."""

    polled: int = 0
    not_modified: int = 0
    new_articles: int = 0
    failed: tuple[tuple[str, str], ...] = ()
    paused: tuple[Source, ...] = ()
    alerts: int = 0
    gave_up: tuple[GiveUpNews, ...] = ()
    stalled: tuple[Stall, ...] = ()


def _poll_broke_off(app: App, source: Source, now: datetime, error: str) -> None:
    """Record a poll that broke off: a failure, and the feed's validators forgotten, since the feed may
    have been read (its ETag kept) before its entries were stored, and a "304 Not Modified" next time
    would skip them for good. Recording may fail too (the store still locked): the next poll retries."""
    try:
        with transaction(app.db):
            record_poll_failure(
                app.db, source.id, now=now, error=error, max_failures=app.settings.feed_max_failures,
                next_poll_at=now + feed_backoff(app.settings.poll_minutes, source.failures),
            )  # fmt: skip
            forget_validators(app.db, source.id)
    except Exception:
        log.exception("could not record the failed poll of %s", source.location)


async def poll_due_feeds(app: App, *, now: datetime, fetcher: Fetcher | None = None) -> PollReport:
    """Poll every feed whose time has come (conditional GET, backoff and pausing are ingest_feed's),
    ``feeds.concurrency`` at a time, note the feeds this run paused, and queue alerts for the new
    articles. One feed, failing or slow, never stops or holds up the others. The polls share the
    event loop and the store's one connection: each write is a transaction that no ``await`` splits,
    so they never interleave."""
    due = due_feeds(app.db, now)
    gate = asyncio.Semaphore(app.settings.feed_concurrency)
    polls = await asyncio.gather(*(_poll_one(app, source, now, fetcher, gate) for source in due))
    new_ids = [i for one in polls for i in one.new_ids]
    failed = tuple(f for one in polls for f in one.failed)
    paused = tuple(one.paused for one in polls if one.paused is not None)
    not_modified = sum(one.not_modified for one in polls)
    alerts = sum(one.alerts for one in polls)
    gave_up = tuple(one.give_ups for one in polls if isinstance(one.give_ups, GiveUpNews))
    stalls = tuple(one.give_ups for one in polls if isinstance(one.give_ups, Stall))
    return PollReport(len(due), not_modified, len(new_ids), failed, paused, alerts, gave_up, stalls)


@dataclass(frozen=True)
class _FeedPoll:
    new_ids: tuple[int, ...] = ()
    not_modified: int = 0
    failed: tuple[tuple[str, str], ...] = ()
    paused: Source | None = None  # the feed, if this poll paused it
    alerts: int = 0
    give_ups: GiveUpNews | Stall | None = None  # what to tell the admins of its entries given up


async def _poll_one(
    app: App, source: Source, now: datetime, fetcher: Fetcher | None, gate: asyncio.Semaphore
) -> _FeedPoll:
    """One due feed's poll, its failure (a bug, a store locked too long) kept to itself."""
    async with gate:
        try:
            report = await ingest_feed(app, source.location, fetcher=fetcher)
        except Exception as exc:
            log.exception("polling %s failed", source.location)
            error = f"{type(exc).__name__}: {exc}"
            _poll_broke_off(app, source, now, error)
            poll = _FeedPoll(failed=((shown_url(source.location), mask_urls(error)),))
        else:
            alerts = await _queue_feed_alerts(app, source, report.new_ids, now)
            news = _give_up_news(app, source)
            poll = _FeedPoll(
                tuple(report.new_ids), report.not_modified, tuple(report.failed), alerts=alerts, give_ups=news
            )
    after = get_source(app.db, source.id)
    if after is not None and after.paused and not source.paused:
        return replace(poll, paused=after)
    return poll


def _give_up_news(app: App, source: Source) -> GiveUpNews | Stall | None:
    """What to tell the admins of the entries a feed gave up (:func:`give_up_news`); a failure to read or
    record it is logged, and the next poll tells it (it waits in the store)."""
    try:
        return give_up_news(app, source.id, app.now())
    except Exception:
        log.exception("reading the entries %s gave up failed", shown_url(source.location))
        return None


async def _queue_feed_alerts(app: App, source: Source, new_ids: Sequence[int], now: datetime) -> int:
    """Queue the alerts of one feed's new articles as soon as its poll ends, so that another feed's
    error, or a stop in the middle of the run, loses none of them (the next poll sees them as known)."""
    if not new_ids:
        return 0
    try:
        return await queue_alerts_in_thread(app, new_ids, now=now)
    except Exception:
        log.exception("queueing the alerts of %s failed", shown_url(source.location))
        return 0


def paused_notice(source: Source) -> Document:
    """The message the admins get when a feed is paused."""
    error = mask_urls(source.last_error or "unknown")
    shown = shown_url(source.location)  # /ingest takes it masked: it stands for the feed's address
    blocks = (
        para(source.name, " — ", link(shown, shown)),
        para(f"It failed {source.failures} times in a row. The last error: {error}"),
        para(
            "Send ",
            code(f"/ingest {shown}"),
            " to resume polling it, or ",
            code(f"/unfeed {source.id}"),
            " to stop it for good (its articles stay).",
        ),
    )
    return Document(header=(heading("Feed paused"),), sections=(Section(blocks),))
