"""Alerts over the store: why an alert came (what the chat's follows matched in the article that made
it, for the alert to show: see ``briefing.alerts.compose_alert``), what is new about a story the chat
heard of (for an update alert: :func:`story_news`, the digest's "Update:" test), and the clock a chat's
alerts keep (its timezone and quiet hours, its own or the bot's defaults)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, time

from briefing.alerts import Why
from briefing.digest import Arrival, Received, story_update
from briefing.gazetteer import load_gazetteer
from briefing.models import Follow, Story, Subscriber, follow_key
from briefing.service import App
from briefing.service.page_versions import with_versions
from briefing.service.stories import lead_sentences
from briefing.times_of_day import SettingError, parse_time
from briefing.topics import read_topic, sentence_about
from store.alerts import actor_mentioned
from store.digests import received_among, story_arrivals
from store.search import actor_ids_named, article_texts
from store.subscribers import ChatAlerts, chat_alerts, get_subscriber


def still_followed(
    app: App, reasons: Sequence[str], follows: Sequence[Follow], article_id: int | None = None
) -> list[str]:
    """The alert's reasons (the follows it was queued for) the chat still follows, each as the chat
    follows it now, once: a reason matches a follow in any case (``follow_key``, as /unfollow matches),
    so an alert queued for "Rotterdam" still goes to a chat that unfollowed it and followed "rotterdam",
    and says "rotterdam"; and an actor followed again under the name the archive has for it now (see
    :func:`_followed_anew`; only for an alert that records its article: ``article_id``)."""
    current: dict[str, str] = {}
    for f in follows:  # of an actor and a topic of one name, the first followed, as a digest names it
        current.setdefault(follow_key(f.value), f.value)
    actors = {f.actor_id: f.value for f in follows if f.actor_id is not None}
    kept: list[str] = []
    for reason in reasons:
        value = current.get(follow_key(reason)) if reason else None
        if value is None and reason and actors and article_id is not None:
            value = _followed_anew(app, reason, actors, article_id)
        if value is not None:
            kept.append(value)
    return list(dict.fromkeys(kept))


def _followed_anew(app: App, reason: str, actors: Mapping[int, str], article_id: int) -> str | None:
    """The follow (its value) of an actor the chat followed as ``reason`` and follows again under another
    name: a follow keeps the actor's name of its day ("Kellogg"), and the archive may since have learnt
    the full one ("Keith Kellogg"), which /follow now stores. The reason must be a name of the actor, as
    /unfollow finds it, and the alert's article must mention that actor: not another of that name."""
    for actor_id in actor_ids_named(app.db, reason):
        if actor_id in actors and actor_mentioned(app.db, article_id, actor_id) is not None:
            return actors[actor_id]
    return None


def why_alerted(app: App, follows: Sequence[Follow], reasons: Sequence[str], article_id: int) -> list[Why]:
    """For each of the alert's reasons the chat still follows (in any case: ``follow_key``): the names
    it goes by in the article (a country's nationality words among them: "the Portuguese island" names
    Portugal) and the first sentence that holds it (an actor's mention, a topic's words near each
    other)."""
    by_key = {follow_key(f.value): f for f in follows}
    gaz = load_gazetteer()
    whys: list[Why] = []
    body: str | None = None
    for reason in reasons:
        f = by_key.get(follow_key(reason))
        if f is None:
            continue
        forms = gaz.demonyms_of(f.value)
        if f.actor_id is not None:
            found = actor_mentioned(app.db, article_id, f.actor_id)
            if found is not None:
                whys.append(Why((f.value, *found.surfaces, *forms), found.sentence))
                continue
        if body is None:
            body = article_texts(app.db, [article_id]).get(article_id, ("", ""))[1]
        whys.append(Why((f.value, *forms), sentence_about(body, read_topic(f.value)), topic=True))
    return whys


class StoryNews:
    """What is new about stories for chats that heard of them (see :func:`story_news`), reading only:
    what the chats received of the stories is read at once, each story's articles once, and the update
    computed once per story and per what a chat received of it (chats told by one digest, or by one
    run's alerts, share it). ``arrivals``: stories' articles read already (see :func:`arrivals_of`)."""

    def __init__(
        self,
        app: App,
        chat_ids: Sequence[int],
        story_ids: Sequence[int],
        arrivals: Mapping[int, Sequence[Arrival]] | None = None,
    ):
        self.app = app
        self.received = received_among(app.db, sorted(set(chat_ids)), sorted(set(story_ids)))
        self._arrivals: dict[int, Sequence[Arrival]] = dict(arrivals or {})
        self._news: dict[tuple[int, Received], Story | None] = {}

    def heard_of(self, chat_id: int, story_id: int) -> bool:
        return story_id in self.received.get(chat_id, {})

    def arrivals(self, story_id: int) -> Sequence[Arrival]:
        if story_id not in self._arrivals:
            self._arrivals[story_id] = arrivals_of(self.app, story_id)
        return self._arrivals[story_id]

    def news(self, chat_id: int, story: Story) -> Story | None:
        received = self.received.get(chat_id, {}).get(story.id)
        if received is None:
            return None
        key = (story.id, received)
        if key not in self._news:
            self._news[key] = story_update(story, self.arrivals(story.id), received)
        return self._news[key]


def story_news(
    app: App, chat_id: int, story: Story, arrivals: Sequence[Arrival] | None = None
) -> Story | None:
    """What is new about a story the chat heard of (by an alert or a digest), as its digest would tell
    it (``briefing.digest.story_update``: the facts of the articles that reached it since, that the chat
    was not told, news first, with their outlets); None when the chat never heard of it or nothing is
    new. ``arrivals``: the story's articles (see :func:`arrivals_of`), read if not given."""
    given = {story.id: arrivals} if arrivals is not None else None
    return StoryNews(app, [chat_id], [story.id], given).news(chat_id, story)


def arrivals_of(app: App, story_id: int) -> list[Arrival]:
    """A story's articles as an update sees them, each with its lead sentences."""
    read = [
        replace(a, sentences=lead_sentences(a.sentences, lead))
        for a, lead in story_arrivals(app.db, story_id)
    ]
    return with_versions(app.db, read)


def news_since(
    story: Story,
    arrivals: Sequence[Arrival],
    article_id: int,
    queued: datetime | None = None,
    *,
    batch_last: int | None = None,
) -> Story | None:
    """What the story's articles stored after the report ``article_id`` and its batch tell beyond them and
    the articles before them (``briefing.digest.story_update`` as if the chat had been told the story
    with that batch): for a first alert that waited (the quiet hours), the news it leads with when it goes
    out. ``batch_last``: the last article of the batch that queued the alert (another outlet's side report
    of the same poll is the report's, not later news), so an article stored after it is news, even in the
    very second the alert was queued. An alert queued before that was recorded (``batch_last`` None) goes
    by ``queued``, when it was queued: the articles stored by then are the report's."""
    lead = next((a for a in arrivals if a.article_id == article_id), None)
    if lead is None:
        return None
    if batch_last is not None:
        last = max(article_id, batch_last)
        held = frozenset(a.article_id for a in arrivals if a.article_id <= last)
        # each article after the batch was stored after the report: all of them are news (``is_news``)
        return story_update(story, arrivals, Received(lead.arrived, (), held))
    stored = max(queued, lead.arrived) if queued is not None else lead.arrived
    held = frozenset(a.article_id for a in arrivals if a.article_id <= article_id or a.arrived <= stored)
    return story_update(story, arrivals, Received(stored, (), held))


def brings_news(update: Story | None, arrivals: Sequence[Arrival], article_ids: Sequence[int]) -> bool:
    """Whether one of ``article_ids`` (a batch just stored) tells a fact of the ``update``: a story the
    chat heard of developed, not merely another outlet re-telling it."""
    if update is None:
        return False
    facts = set(update.summary)
    batch = set(article_ids)
    return any(
        a.article_id in batch and facts.intersection(" ".join(x.split()) for x in a.telling())
        for a in arrivals
    )


QUIET_EXAMPLE = "/settings quiet 23:00-07:00"
_QUIET_SPLIT = re.compile(r"\s*(?:-|–|—|\bto\b|\buntil\b|\btill?\b)\s*", re.I)
_BETWEEN = re.compile(r"^\s*between\s+(.+?)\s+and\s+(.+?)\s*$", re.I)  # "between 11pm and 6am"
OFF_WORDS = ("off", "none", "no")


def read_quiet(text: str) -> str | None:
    """Quiet hours as typed ("23:00-06:00", "11pm to 6am", "off", "default") as stored: "HH:MM-HH:MM",
    "off", or None for the bot's default."""
    words = text.strip().lower()
    if words in OFF_WORDS:
        return "off"
    if words == "default":
        return None
    between = _BETWEEN.match(text)
    ends = list(between.groups()) if between else _QUIET_SPLIT.split(text.strip())
    if len(ends) != 2 or not all(ends):
        raise SettingError(
            f"Quiet hours are two times, when they start and when they end, e.g. {QUIET_EXAMPLE},"
            " or “off” for alerts at any hour."
        )
    start, end = (parse_time(e, example=QUIET_EXAMPLE) for e in ends)
    if start == end:  # "7-7" is no empty window but most likely 7pm to 7am: asked, not switched off
        evening = (  # not for "0-0": noon to midnight is no night's quiet
            f" for {start.hour + 12:02d}:{start:%M} to {start:%H:%M}, send /settings quiet"
            f" {start.hour + 12:02d}:{start:%M}-{start:%H:%M};"
            if 0 < start.hour < 12
            else ""
        )
        raise SettingError(
            f"“{text.strip()}” starts and ends at {start:%H:%M}, so it is no quiet hours:{evening} for alerts"
            " at any hour, send /settings quiet off."
        )
    return f"{start:%H:%M}-{end:%H:%M}"


def quiet_window(value: str) -> tuple[time, time] | None:
    """The start and end of quiet hours stored as "HH:MM-HH:MM"; None for "off"."""
    if value == "off":
        return None
    start, _, end = value.partition("-")
    return time.fromisoformat(start.strip()), time.fromisoformat(end.strip())


@dataclass(frozen=True)
class AlertClock:
    """The clock a chat's alerts keep: its zone (its digest's, its own, or the bot's), whether that zone
    is only the bot's default, and its quiet hours ("HH:MM-HH:MM" or "off"), whether its own or the bot's."""

    timezone: str
    quiet_hours: str
    zone_is_default: bool
    quiet_is_default: bool

    @property
    def window(self) -> tuple[time, time] | None:
        return quiet_window(self.quiet_hours)


def alert_clock(app: App, chat_id: int) -> AlertClock:
    return clock_of(app, get_subscriber(app.db, chat_id), chat_id)


def clock_of(app: App, sub: Subscriber | None, chat_id: int) -> AlertClock:
    """The chat's alert clock, from its subscription (read already) and its own alert settings."""
    return clock_from(app, sub.timezone if sub is not None else None, chat_alerts(app.db, chat_id))


def clock_from(app: App, digest_zone: str | None, own: ChatAlerts) -> AlertClock:
    """The alert clock of a chat whose digest keeps ``digest_zone`` (None: it has no subscription) and
    whose own alert settings are ``own``."""
    zone = digest_zone if digest_zone is not None else own.timezone
    return AlertClock(
        zone or app.settings.timezone,
        own.quiet_hours or app.settings.alert_quiet_hours,
        zone is None,
        own.quiet_hours is None,
    )
