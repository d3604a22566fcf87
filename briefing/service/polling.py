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
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from briefing.addresses import mask_urls, shown_url
from briefing.alerts import alert_due_at
from briefing.digest import Arrival, story_update
from briefing.document import Document, Section, code, heading, link, para
from briefing.models import Source, Story
from briefing.schedule import zone
from briefing.service import App
from briefing.service.alerts import alert_clock, arrivals_of, brings_news
from briefing.service.commands import TERMINAL_CHAT_ID
from briefing.service.feed_polls import feed_backoff, ingest_feed
from store.alerts import (
    Followed,
    followers_of_articles,
    queue_alert,
    queue_update,
    renew_waiting,
    waiting_alert,
)
from store.articles import dated_since
from store.db import transaction
from store.digests import received_among, stories_by_id
from store.sources import due_feeds, forget_validators, get_source, record_poll_failure
from store.subscribers import is_unreachable

if TYPE_CHECKING:
    from briefing.adapters.fetch import Fetcher

log = logging.getLogger(__name__)


def alert_due(app: App, chat_id: int, now: datetime) -> datetime | None:
    """When an alert queued now for the chat may go out (after its quiet hours, in its zone: see
    ``briefing.service.alerts.alert_clock``); None when the chat cannot be written to (it blocked the
    bot). Alerts come from follows: /unsubscribe stops the digest only, /unfollow the alerts."""
    if chat_id == TERMINAL_CHAT_ID or is_unreachable(app.db, chat_id):
        return None
    clock = alert_clock(app, chat_id)
    window = clock.window
    if window is None:
        return now
    return alert_due_at(now, zone(clock.timezone), quiet_start=window[0], quiet_end=window[1])


def queue_alerts(app: App, article_ids: Sequence[int], *, now: datetime) -> int:
    """Queue alerts for new articles; returns how many were queued. Articles dated more than
    ``alert_max_age_hours`` before ``now`` (an old archive imported, a new feed's backlog) alert no one."""
    article_ids = dated_since(app.db, article_ids, now - timedelta(hours=app.settings.alert_max_age_hours))
    queued = 0
    due: dict[int, datetime | None] = {}  # by chat, looked up once per run
    with transaction(app.db):
        followers = followers_of_articles(app.db, article_ids)
        news = _News(app, followers)
        for (chat_id, story_id), followed in followers.items():
            if chat_id not in due:
                due[chat_id] = alert_due(app, chat_id, now)
            when = due[chat_id]
            if when is None:
                continue
            reason = "\n".join(followed.reasons)
            if queue_alert(
                app.db, chat_id, story_id, reason=reason, due_at=when, now=now, article_id=followed.article_id
            ):
                queued += 1
            elif renew_waiting(
                app.db, chat_id, story_id, reasons=followed.reasons, article_id=followed.article_id
            ):
                continue  # the alert waiting to go out leads with the newest news
            elif news.brought(chat_id, story_id, followed):
                queued += queue_update(
                    app.db,
                    chat_id,
                    story_id,
                    reason=reason,
                    due_at=when,
                    now=now,
                    article_id=followed.article_id,
                )
    return queued


class _News:
    """Whether a batch brought a story's followers news: each story's articles read once a run, and
    only for a chat that heard of the story and waits for no alert of it already."""

    def __init__(self, app: App, followers: dict[tuple[int, int], Followed]):
        self.app = app
        self.received = received_among(
            app.db, sorted({c for c, _ in followers}), sorted({s for _, s in followers})
        )
        self._stories: dict[int, tuple[Story | None, list[Arrival]]] = {}

    def brought(self, chat_id: int, story_id: int, followed: Followed) -> bool:
        received = self.received.get(chat_id, {}).get(story_id)
        if received is None or waiting_alert(self.app.db, chat_id, story_id):
            return False
        if story_id not in self._stories:
            facts = stories_by_id(self.app.db, [story_id]).get(story_id)
            self._stories[story_id] = (facts.story if facts else None, arrivals_of(self.app, story_id))
        story, arrivals = self._stories[story_id]
        if story is None:
            return False
        return brings_news(story_update(story, arrivals, received), arrivals, followed.article_ids)


@dataclass(frozen=True)
class PollReport:
    """What one polling run did: feeds polled, unchanged (304), new articles, failures by URL, feeds
    paused by this run (to tell the admins about), and alerts queued."""

    polled: int = 0
    not_modified: int = 0
    new_articles: int = 0
    failed: tuple[tuple[str, str], ...] = ()
    paused: tuple[Source, ...] = ()
    alerts: int = 0


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
    alerts = queue_alerts(app, new_ids, now=now) if new_ids else 0
    return PollReport(len(due), not_modified, len(new_ids), failed, paused, alerts)


@dataclass(frozen=True)
class _FeedPoll:
    new_ids: tuple[int, ...] = ()
    not_modified: int = 0
    failed: tuple[tuple[str, str], ...] = ()
    paused: Source | None = None  # the feed, if this poll paused it


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
            poll = _FeedPoll(tuple(report.new_ids), report.not_modified, tuple(report.failed))
    after = get_source(app.db, source.id)
    if after is not None and after.paused and not source.paused:
        return replace(poll, paused=after)
    return poll


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
