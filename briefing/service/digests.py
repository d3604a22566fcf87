"""Composing digests over the store: which chats are due now, what each digest holds, and storing its
parts as pending deliveries (the adapter sends them; see ``briefing.adapters.delivery``).

The database is the source of truth: a digest is composed at most once per (chat, local date), so
this can run as often as we like (every 30 s) and after any restart.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from briefing.digest import Digest, DigestPart, compose_digest, digest_parts, select_stories
from briefing.errors import NotFoundError
from briefing.models import Story, Subscriber
from briefing.schedule import DigestSlot, due_digest, local_date, zone
from briefing.service import App
from store.alerts import fold_alerts
from store.db import transaction
from store.deliveries import NewPart, add_digest, digests_present, has_digest, record_skipped
from store.digests import StoryFacts, all_follows, delivered_story_ids, recent_stories, stories_matching
from store.subscribers import active_subscribers, get_subscriber

log = logging.getLogger(__name__)

FIRST_DIGEST_HOURS = 24
BATCH = 200


@dataclass(frozen=True)
class ComposedDigest:
    subscriber: Subscriber
    digest_date: date
    digest: Digest
    parts: tuple[DigestPart, ...]


@dataclass(frozen=True)
class ComposeReport:
    composed: int = 0
    quiet: int = 0
    skipped: int = 0
    failed: tuple[tuple[int, str], ...] = ()


class Composer:
    """Composes digests at one moment, loading the recent stories and follows once for all chats and
    rendering each distinct digest once (most chats that follow nothing get the same one)."""

    def __init__(self, app: App, now: datetime):
        self.app, self.now = app, now
        self.window_start = now - timedelta(hours=app.settings.story_window_hours)
        self.stories: list[StoryFacts] = recent_stories(app.db, self.window_start)
        self.follows = all_follows(app.db)
        self._topics: dict[str, set[int]] = {}
        self._rendered: dict[object, tuple[Digest, tuple[DigestPart, ...]]] = {}

    def _topic(self, value: str) -> set[int]:
        key = value.casefold()
        if key not in self._topics:
            self._topics[key] = stories_matching(self.app.db, value, since=self.window_start)
        return self._topics[key]

    def matches(self, chat_id: int) -> dict[int, list[str]]:
        """Story id → the chat's follows that the story matches."""
        found: dict[int, list[str]] = {}
        for f in self.follows.get(chat_id, ()):
            if f.kind == "actor" and f.actor_id is not None:
                ids = {s.story.id for s in self.stories if f.actor_id in s.actor_ids}
            else:
                ids = self._topic(f.value)
            for story_id in ids:
                found.setdefault(story_id, []).append(f.value)
        return found

    def since(self, sub: Subscriber) -> datetime | None:
        if sub.last_digest_at is None:
            return None
        return max(sub.last_digest_at, self.window_start)

    def compose(self, sub: Subscriber, digest_date: date) -> ComposedDigest:
        since = self.since(sub)
        cutoff = since or self.now - timedelta(hours=FIRST_DIGEST_HOURS)
        candidates: list[Story] = [f.story for f in self.stories if f.story.last_updated > cutoff]
        selection = select_stories(
            candidates,
            matches=self.matches(sub.chat_id),
            delivered=delivered_story_ids(self.app.db, sub.chat_id),
            since=since,
            length=sub.length,
            now=self.now,
        )
        key = (selection, digest_date, sub.timezone)
        if key not in self._rendered:
            digest = compose_digest(selection, digest_date=digest_date, tz=zone(sub.timezone))
            self._rendered[key] = (digest, tuple(digest_parts(digest)))
        digest, parts = self._rendered[key]
        return ComposedDigest(sub, digest_date, digest, parts)


def _new_parts(composed: ComposedDigest) -> list[NewPart]:
    return [NewPart(p.html, p.plain, p.story_ids) for p in composed.parts]


def store_digest(app: App, composed: ComposedDigest, *, due_at: datetime, now: datetime) -> bool:
    """Store a composed digest as pending parts (False if the chat has one for that date already);
    alerts still waiting for stories it carries are folded into it."""
    chat_id = composed.subscriber.chat_id
    with transaction(app.db):
        added = add_digest(
            app.db, chat_id, composed.digest_date, _new_parts(composed), due_at=due_at, now=now
        )
        if added:
            fold_alerts(app.db, chat_id, composed.digest.story_ids)
    return added


def _skip_reason(slot: DigestSlot, sub: Subscriber, limit_hours: int) -> str:
    due = slot.due_at.astimezone(zone(sub.timezone))
    hours = slot.lateness.total_seconds() / 3600
    return f"due {due:%Y-%m-%d %H:%M %Z}, {hours:.1f} h ago, more than the late limit of {limit_hours} h"


def compose_due(app: App, *, now: datetime) -> ComposeReport:
    """Compose and store every digest due at ``now`` that is not stored yet; record the ones missed
    by more than ``settings.late_limit_hours``. One failing chat never stops the others."""
    limit = timedelta(hours=app.settings.late_limit_hours)
    slots = [(s, slot) for s in active_subscribers(app.db) if (slot := due_digest(s, now, late_limit=limit))]
    present = digests_present(app.db, {slot.digest_date for _, slot in slots})
    todo = [(s, slot) for s, slot in slots if (s.chat_id, slot.digest_date) not in present]
    composed = quiet = skipped = 0
    failed: list[tuple[int, str]] = []
    composer: Composer | None = None
    for start in range(0, len(todo), BATCH):
        ready: list[tuple[ComposedDigest, DigestSlot]] = []
        for sub, slot in todo[start : start + BATCH]:
            if slot.expired:
                skipped += record_skipped(
                    app.db, sub.chat_id, slot.digest_date, due_at=slot.due_at, now=now,
                    reason=_skip_reason(slot, sub, app.settings.late_limit_hours),
                )  # fmt: skip
                continue
            try:
                composer = composer or Composer(app, now)
                ready.append((composer.compose(sub, slot.digest_date), slot))
            except Exception as exc:  # one chat's bad data must not stop the others
                log.exception("composing the digest for chat %s failed", sub.chat_id)
                failed.append((sub.chat_id, f"{type(exc).__name__}: {exc}"))
        with transaction(app.db):
            for item, slot in ready:
                if store_digest(app, item, due_at=slot.due_at, now=now):
                    composed += 1
                    quiet += item.digest.quiet
    return ComposeReport(composed, quiet, skipped, tuple(failed))


def compose_for_chat(app: App, chat_id: int, *, now: datetime) -> ComposedDigest:
    """This chat's digest as it would be composed now (nothing is stored)."""
    sub = get_subscriber(app.db, chat_id)
    if sub is None:
        raise NotFoundError(f"chat {chat_id} is not subscribed to the digest")
    return Composer(app, now).compose(sub, local_date(now, zone(sub.timezone)))


def dry_run(app: App, chat_id: int, *, now: datetime) -> str:
    """``bot.py digest --dry-run``: the chat's digest as it would be composed now, as plain text."""
    composed = compose_for_chat(app, chat_id, now=now)
    return "\n\n".join(p.plain or p.html for p in composed.parts)


def compose_and_store_now(app: App, chat_id: int, *, now: datetime) -> tuple[ComposedDigest | None, date]:
    """For ``bot.py digest --send``: compose today's digest for the chat now and store it as pending,
    unless the chat already has one for today (then nothing is composed: returns None and the date)."""
    sub = get_subscriber(app.db, chat_id)
    if sub is None:
        raise NotFoundError(f"chat {chat_id} is not subscribed to the digest")
    today = local_date(now, zone(sub.timezone))
    if has_digest(app.db, chat_id, today):
        return None, today
    composed = Composer(app, now).compose(sub, today)
    store_digest(app, composed, due_at=now, now=now)
    return composed, today


__all__ = [
    "ComposeReport",
    "ComposedDigest",
    "Composer",
    "compose_and_store_now",
    "compose_due",
    "compose_for_chat",
    "dry_run",
    "store_digest",
]
