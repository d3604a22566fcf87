"""Composing digests over the store: which chats are due now, what each digest holds, and storing its
parts as pending deliveries (the adapter sends them; see ``briefing.adapters.delivery``).

The database is the source of truth: a digest is composed at most once per (chat, slot), and a chat's
digests at least ``settings.min_gap_hours`` apart (see ``briefing.schedule``), so this can run as often
as we like (every 30 s) and after any restart. A story a chat received comes back only as an update
(``briefing.digest.story_update``): articles reached it after the digest that told it was composed, and
they bring facts the chat was not told. Each digest records the articles it held of those that had only
just reached the archive (``ARRIVAL_SLACK``), so that boundary is exact.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from briefing.digest import (
    ARRIVAL_SLACK,
    FIRST_DIGEST_HOURS,
    Arrival,
    Digest,
    DigestPart,
    Intro,
    Received,
    Selection,
    digest_messages,
    is_new,
    select_stories,
    story_update,
)
from briefing.errors import NotFoundError, UnsubscribedError
from briefing.models import Story, Subscriber
from briefing.relevance import followed_words, holding
from briefing.schedule import DigestSlot, due_digest, local_date, zone
from briefing.service import App
from briefing.service.alerts import arrivals_of
from briefing.service.commands import TERMINAL_CHAT_ID
from briefing.service.resummarize import current_stories
from store.alerts import claimed_among, fold_alerts, has_pending_alerts, sent_times
from store.db import transaction
from store.deliveries import (
    NewDigest,
    NewPart,
    add_digests,
    has_digest,
    last_delivered_among,
    last_delivered_at,
    owed_story_ids,
    record_skipped,
    slots_present,
)
from store.digests import (
    StoryFacts,
    actors_in_headlines,
    all_follows,
    received_among,
    received_of,
    recent_stories,
    stories_arrived_since,
    stories_matching,
)
from store.search import article_texts
from store.stories import latest_dated_news, story_text_sizes
from store.subscribers import active_subscribers, get_subscriber

log = logging.getLogger(__name__)

BATCH = 200


@dataclass(frozen=True)
class ComposedDigest:
    """A chat's digest, and ``held``: per story it carries, the articles it held that reached the archive
    in the ``ARRIVAL_SLACK`` before it was composed (see ``briefing.digest.Received``)."""

    subscriber: Subscriber
    digest_date: date
    digest: Digest
    parts: tuple[DigestPart, ...]
    held: tuple[tuple[int, tuple[int, ...]], ...] = ()


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
        self.follows = all_follows(app.db)
        followed = {f.actor_id for fs in self.follows.values() for f in fs if f.actor_id is not None}
        self.followed_actors = frozenset(followed)
        # each story's actors among the followed ones: all that matches() asks of them
        self.stories: list[StoryFacts] = recent_stories(app.db, self.window_start, among=followed)
        # when the stories of the window last got an article: news dated before a chat's last digest but
        # read after it is new to the chat (news dated before the window is not: an archive import)
        self.arrived = stories_arrived_since(app.db, self.window_start)
        # when the archive has dated news, stories of undated entries alone rank among themselves by
        # their outlets, articles and longest article, as /brief ranks them; else by when they were read
        undated = [f.story.id for f in self.stories if not f.story.dated]
        dated_news = undated and latest_dated_news(app.db) is not None
        self.sizes = story_text_sizes(app.db, undated) if dated_news else None
        self._topics: dict[str, set[int]] = {}
        self._rendered: dict[object, tuple[Digest, tuple[DigestPart, ...]]] = {}
        self._selected: dict[object, Selection] = {}
        self._arrivals: dict[int, list[Arrival]] = {}
        self._updates: dict[tuple[int, Received], Story | None] = {}
        self._held: dict[tuple[int, bool], tuple[int, ...]] = {}
        self._candidates: dict[datetime, dict[int, Story]] = {}
        self._headlined: dict[int, frozenset[int]] | None = None
        self._by_id = {f.story.id: f.story for f in self.stories}

    def _topic(self, value: str) -> set[int]:
        """The stories that hold the topic, searched once for all the chats that follow it as written: not
        once for its every letter case, since the search reads case ("IT jobs" looks for "IT", "it jobs"
        for "jobs" alone), as alerts look for a topic."""
        if value not in self._topics:
            found = stories_matching(self.app.db, value, since=self.window_start)
            # "wellness" as written, not every "well" the index finds; "news", not every "new"
            if written := followed_words(value):
                texts = article_texts(self.app.db, [a for ids in found.values() for a in ids])
                kept = set(holding(texts, written))
                found = {story: ids for story, ids in found.items() if kept.intersection(ids)}
            self._topics[value] = set(found)
        return self._topics[value]

    def matches(self, chat_id: int) -> dict[int, list[str]]:
        """Story id → the chat's follows that the story matches."""
        found: dict[int, list[str]] = {}
        for f in self.follows.get(chat_id, ()):
            if f.kind == "actor" and f.actor_id is not None:
                headlined = self.headlined
                ids = {
                    s.story.id
                    for s in self.stories
                    if f.actor_id in s.actor_ids or f.actor_id in headlined.get(s.story.id, ())
                }
            else:
                ids = self._topic(f.value)
            for story_id in ids:
                found.setdefault(story_id, []).append(f.value)
        return found

    def since(self, sub: Subscriber, reached: Mapping[int, datetime] | None = None) -> datetime | None:
        """What the chat's digest is new since: when its last digest was composed, or, if that one never
        reached the chat (a failed send), the last one that did; None for a chat no digest ever reached.
        ``reached``: that composition cut-off for each chat of a batch (see ``last_delivered_among``), else
        looked up. Less the :data:`ARRIVAL_SLACK` (a story whose article was still being stored then is
        news; one the digest told comes again only as an update), and never before the story window's
        start (see :meth:`window_cut`)."""
        last = self._last(sub, reached)
        return None if last is None else max(last - ARRIVAL_SLACK, self.window_start)

    def _last(self, sub: Subscriber, reached: Mapping[int, datetime] | None) -> datetime | None:
        if sub.last_digest_at is None:
            return None
        if reached is not None:
            last = reached.get(sub.chat_id)
        else:
            last = last_delivered_at(self.app.db, sub.chat_id)
        return None if last is None else min(sub.last_digest_at, last)

    def owed(
        self, subs: Sequence[Subscriber], reached: Mapping[int, datetime] | None = None
    ) -> dict[int, set[int]]:
        """Per chat of ``subs``: the stories of its digests' parts given up since its last digest that
        reached it (see ``owed_story_ids``), which its next digest carries (nothing lost)."""
        cuts = {s.chat_id: self._last(s, reached) for s in subs}
        return owed_story_ids(self.app.db, cuts, not_before=self.window_start)

    def window_cut(self, sub: Subscriber, reached: Mapping[int, datetime] | None = None) -> bool:
        """Whether the chat's last digest is older than the story window, so its digest holds only the
        window's stories (after a long pause), not all since that digest."""
        last = self._last(sub, reached)
        return last is not None and last < self.window_start

    def intro(
        self,
        sub: Subscriber,
        selection: Selection,
        *,
        reached: Mapping[int, datetime] | None = None,
    ) -> Intro:
        """What the chat's digest says of the time it covers (see ``briefing.digest.Intro``): from when the
        last digest that reached the chat was composed (not when it was sent: a late send held nothing
        newer), the digest's own start. The alerts sent over that time are counted only for a quiet
        digest, the one that names them."""
        last = self._last(sub, reached)
        cut = self.window_cut(sub, reached)
        hours = self.app.settings.story_window_hours if cut else 0
        alerts = 0
        if selection.quiet:
            start = selection.since or self.now - timedelta(hours=FIRST_DIGEST_HOURS)
            if last is not None and not cut:
                start = max(start, last)
            alerts = len(sent_times(self.app.db, sub.chat_id, since=start))
        return Intro(last_composed=last, window_hours=hours, alerts=alerts)

    @property
    def headlined(self) -> dict[int, frozenset[int]]:
        """Story id → the followed actors a headline of its articles names (see ``actors_in_headlines``):
        a story an alert told a follower of is the follower's in the digest too. Found once, when first
        a chat follows an actor."""
        if self._headlined is None:
            stories = [s.story for s in self.stories]
            self._headlined = actors_in_headlines(self.app.db, stories, self.followed_actors)
        return self._headlined

    @property
    def story_ids(self) -> list[int]:
        return [f.story.id for f in self.stories]

    def _story_arrivals(self, story_id: int) -> list[Arrival]:
        if story_id not in self._arrivals:
            self._arrivals[story_id] = arrivals_of(self.app, story_id)
        return self._arrivals[story_id]

    def candidates(self, cutoff: datetime) -> dict[int, Story]:
        """The stories with news after ``cutoff``, by id (most chats share a cutoff: found once)."""
        if cutoff not in self._candidates:
            news = (f.story for f in self.stories if is_new(f.story, cutoff, self.arrived))
            self._candidates[cutoff] = {s.id: s for s in news}
        return self._candidates[cutoff]

    def updates(self, candidates: Mapping[int, Story], received: Mapping[int, Received]) -> dict[int, Story]:
        """The updates of the received stories among ``candidates`` that articles reached since."""
        found: dict[int, Story] = {}
        for story_id, told in received.items():
            story = candidates.get(story_id)
            if story is None or told.at is None:
                continue
            at = told.at - ARRIVAL_SLACK
            if self.arrived.get(story_id, at) <= at:
                continue  # nothing arrived since: no need to read its articles
            key = (story.id, told)
            if key not in self._updates:
                self._updates[key] = story_update(story, self._story_arrivals(story.id), told)
            if (update := self._updates[key]) is not None:
                found[story.id] = update
        return found

    def held(self, story: Story, *, update: bool) -> tuple[int, ...]:
        """The articles a digest composed now holds of a story among those that reached the archive in
        the last ``ARRIVAL_SLACK`` (the later ones may still come as news: the moment cannot tell): those
        the story had when the stories were loaded, or for an update those it was made of."""
        recent = self.now - ARRIVAL_SLACK
        if self.arrived.get(story.id, recent) <= recent:
            return ()
        key = (story.id, update)
        if key not in self._held:
            among = set(story.article_ids) if not update else None
            self._held[key] = tuple(
                a.article_id
                for a in self._story_arrivals(story.id)
                if a.arrived > recent and (among is None or a.article_id in among)
            )
        return self._held[key]

    def compose(
        self,
        sub: Subscriber,
        digest_date: date,
        *,
        received: Mapping[int, Received] | None = None,
        reached: Mapping[int, datetime] | None = None,
        in_flight: Collection[int] | None = None,
        owed: Collection[int] | None = None,
    ) -> ComposedDigest:
        """The chat's digest; ``received`` (what it already received of which stories), ``reached``
        (see :meth:`since`) and ``in_flight`` are looked up if not given. ``in_flight``: the stories of
        alerts being sent to the chat right now (claimed), left to them: the digest would tell their news
        a second time, since what an alert told counts only once Telegram confirmed it. ``owed``: see
        :meth:`owed`; those of the window's stories not new since the last digest are candidates too."""
        if reached is None and sub.last_digest_at is not None:  # once, for since() and the intro
            reached = last_delivered_among(self.app.db, [sub.chat_id])
        since = self.since(sub, reached)
        cutoff = since or self.now - timedelta(hours=FIRST_DIGEST_HOURS)
        if received is None:
            received = received_of(self.app.db, sub.chat_id)
        if in_flight is None:
            in_flight = claimed_among(self.app.db, [sub.chat_id]).get(sub.chat_id, set())
        if owed is None:
            owed = self.owed([sub], reached).get(sub.chat_id, set())
        matches = self.matches(sub.chat_id)
        candidates = self.candidates(cutoff)
        late = {i: s for i in owed if i not in candidates and (s := self._by_id.get(i)) is not None}
        if late:
            candidates = {**candidates, **late}
        carried = frozenset(late)
        if in_flight:
            candidates = {k: s for k, s in candidates.items() if k not in in_flight}
        updates = self.updates(candidates, received)
        # chats with the same inputs get the same selection: choose and render it once
        followed = tuple(sorted((k, tuple(v)) for k, v in matches.items()))
        delivered = frozenset(received)
        inputs = (
            cutoff,
            since,
            delivered,
            frozenset(updates.items()),
            followed,
            sub.length,
            frozenset(in_flight),
            carried,
        )
        if inputs not in self._selected:
            self._selected[inputs] = select_stories(
                candidates.values(),
                matches=matches,
                delivered=delivered,
                since=since,
                length=sub.length,
                now=self.now,
                arrived=self.arrived,
                updates=updates,
                sizes=self.sizes,
                carried=carried,
            )
        selection = self._selected[inputs]
        if self.app.summaries_on_read and selection.stories:  # `digest` from the command line: no job has
            # made the summaries of an older summarizer again, so those the digest shows are made now
            selection = replace(selection, stories=tuple(current_stories(self.app, selection.stories)))
        intro = self.intro(sub, selection, reached=reached)
        key = (selection, digest_date, sub.timezone, intro)
        if key not in self._rendered:
            self._rendered[key] = digest_messages(
                selection, digest_date=digest_date, tz=zone(sub.timezone), intro=intro
            )
        digest, parts = self._rendered[key]
        chosen = zip(selection.stories, (s.id in selection.updates for s in selection.stories), strict=True)
        held = tuple((s.id, ids) for s, update in chosen if (ids := self.held(s, update=update)))
        return ComposedDigest(sub, digest_date, digest, parts, held)


def _new_digest(composed: ComposedDigest, due_at: datetime) -> NewDigest:
    held = dict(composed.held)
    parts = tuple(
        NewPart(p.html, p.plain, p.story_ids, p.facts, tuple((i, held[i]) for i in p.story_ids if i in held))
        for p in composed.parts
    )
    return NewDigest(composed.subscriber.chat_id, composed.digest_date, parts, due_at)


def store_digests(
    app: App, items: Sequence[tuple[ComposedDigest, datetime]], *, now: datetime
) -> list[ComposedDigest]:
    """Store composed digests (each with its due instant) as pending parts, skipping chats that have one
    for that date already; alerts still waiting for stories a digest carries are folded into it."""
    by_key = {(c.subscriber.chat_id, c.digest_date): c for c, _ in items}
    with transaction(app.db):
        stored = add_digests(app.db, [_new_digest(c, due) for c, due in items], now=now)
        if stored and has_pending_alerts(app.db):
            for d in stored:
                fold_alerts(app.db, d.chat_id, by_key[(d.chat_id, d.digest_date)].digest.story_ids)
    return [by_key[(d.chat_id, d.digest_date)] for d in stored]


def _skip_reason(slot: DigestSlot, sub: Subscriber, limit_hours: int) -> str:
    due = slot.due_at.astimezone(zone(sub.timezone))
    hours = slot.lateness.total_seconds() / 3600
    return f"due {due:%Y-%m-%d %H:%M %Z}, {hours:.1f} h ago, more than the late limit of {limit_hours} h"


def _compose_batch(
    composer: Composer, batch: Sequence[tuple[Subscriber, DigestSlot]], failed: list[tuple[int, str]]
) -> list[tuple[ComposedDigest, datetime]]:
    chat_ids = [s.chat_id for s, _ in batch]
    received = received_among(composer.app.db, chat_ids, composer.story_ids)
    digested = [s.chat_id for s, _ in batch if s.last_digest_at]
    reached = last_delivered_among(composer.app.db, digested)
    in_flight = claimed_among(composer.app.db, chat_ids)
    owed = composer.owed([s for s, _ in batch], reached)
    ready = []
    for sub, slot in batch:
        try:
            composed = composer.compose(
                sub,
                slot.digest_date,
                received=received.get(sub.chat_id, {}),
                reached=reached,
                in_flight=in_flight.get(sub.chat_id, set()),
                owed=owed.get(sub.chat_id, set()),
            )
            ready.append((composed, slot.due_at))
        except Exception as exc:  # one chat's bad data must not stop the others
            log.exception("composing the digest for chat %s failed", sub.chat_id)
            failed.append((sub.chat_id, f"{type(exc).__name__}: {exc}"))
    return ready


class DueDigests:
    """The digests due at one moment. Built, it has recorded the ones missed past the late limit;
    :meth:`steps` then composes and stores the rest a batch at a time, so an async caller can let the
    event loop run in between (and start sending what is stored while the rest is composed)."""

    def __init__(self, app: App, now: datetime):
        self.app, self.now = app, now
        limit, gap = (
            timedelta(hours=app.settings.late_limit_hours),
            timedelta(hours=app.settings.min_gap_hours),
        )
        slots = [
            (s, d)
            for s in active_subscribers(app.db)
            if s.chat_id != TERMINAL_CHAT_ID and (d := due_digest(s, now, late_limit=limit, min_gap=gap))
        ]
        present = slots_present(app.db, [(s.chat_id, slot.digest_date, slot.due_at) for s, slot in slots])
        todo = [(s, slot) for s, slot in slots if (s.chat_id, slot.digest_date, slot.due_at) not in present]
        self.skipped = 0
        for sub, slot in todo:
            if slot.expired:
                reason = _skip_reason(slot, sub, app.settings.late_limit_hours)
                self.skipped += record_skipped(
                    app.db, sub.chat_id, slot.digest_date, due_at=slot.due_at, reason=reason, now=now
                )
        self.todo = [(s, slot) for s, slot in todo if not slot.expired]
        self.composed = self.quiet = 0
        self.failed: list[tuple[int, str]] = []

    def steps(self, batch: int = BATCH) -> Iterator[int]:
        """Compose and store the next ``batch`` digests per step; yields how many were stored."""
        composer = Composer(self.app, self.now) if self.todo else None
        for chats in self.batches(batch):
            assert composer is not None
            yield self.store(self.compose(composer, chats))

    def batches(self, batch: int = BATCH) -> list[Sequence[tuple[Subscriber, DigestSlot]]]:
        """The due chats, ``batch`` at a time."""
        return [self.todo[start : start + batch] for start in range(0, len(self.todo), batch)]

    def compose(
        self, composer: Composer, chats: Sequence[tuple[Subscriber, DigestSlot]]
    ) -> list[tuple[ComposedDigest, datetime]]:
        """The digests of ``chats`` (those that failed are recorded): reads only, so a worker thread may
        compose them on a connection of its own (``composer``'s) while the loop's stores the last batch."""
        return _compose_batch(composer, chats, self.failed)

    def store(self, ready: Sequence[tuple[ComposedDigest, datetime]]) -> int:
        """Store composed digests on this one's connection; how many were stored."""
        stored = store_digests(self.app, ready, now=self.now)
        self.composed += len(stored)
        self.quiet += sum(c.digest.quiet for c in stored)
        return len(stored)

    def report(self) -> ComposeReport:
        return ComposeReport(self.composed, self.quiet, self.skipped, tuple(self.failed))


def compose_due(app: App, *, now: datetime) -> ComposeReport:
    """Compose and store every digest due at ``now`` that is not stored yet; record the ones missed
    by more than ``settings.late_limit_hours``. One failing chat never stops the others."""
    due = DueDigests(app, now)
    for _ in due.steps():
        pass
    return due.report()


def digest_subscriber(app: App, chat_id: int, *, active: bool = True) -> Subscriber:
    """The chat's subscription; ``NotFoundError`` if it never subscribed, and ``UnsubscribedError`` if it
    stopped and ``active`` is required."""
    sub = get_subscriber(app.db, chat_id)
    if sub is None:
        raise NotFoundError(f"chat {chat_id} is not subscribed to the digest (it never sent /subscribe)")
    if active and not sub.active:
        raise UnsubscribedError(
            f"chat {chat_id} is unsubscribed (it sent /unsubscribe, or blocked the bot); nothing was sent"
        )
    return sub


def compose_for_chat(app: App, chat_id: int, *, now: datetime) -> ComposedDigest:
    """This chat's digest as it would be composed now (nothing is stored), even if it is unsubscribed."""
    sub = digest_subscriber(app, chat_id, active=False)
    return Composer(app, now).compose(sub, local_date(now, zone(sub.timezone)))


def dry_run(app: App, chat_id: int, *, now: datetime) -> str:
    """``bot.py digest --dry-run``: the chat's digest as it would be composed now, as plain text."""
    composed = compose_for_chat(app, chat_id, now=now)
    return "\n\n".join(p.plain or p.html for p in composed.parts)


def compose_and_store_now(app: App, chat_id: int, *, now: datetime) -> tuple[ComposedDigest | None, date]:
    """For ``bot.py digest --send``: compose today's digest for the chat now and store it as pending,
    unless the chat already has one for today (then nothing is composed: returns None and the date)."""
    sub = digest_subscriber(app, chat_id)
    today = local_date(now, zone(sub.timezone))
    if has_digest(app.db, chat_id, today):
        return None, today
    composed = Composer(app, now).compose(sub, today)
    store_digests(app, [(composed, now)], now=now)
    return composed, today


__all__ = [
    "ComposeReport",
    "ComposedDigest",
    "Composer",
    "DueDigests",
    "compose_and_store_now",
    "compose_due",
    "compose_for_chat",
    "digest_subscriber",
    "dry_run",
    "store_digests",
]
