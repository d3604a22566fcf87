"""Alerts: a short message to a chat when a new story about something it follows arrives. Pure.

An alert shows why it came: when neither its headline nor its sentence names what the chat follows (an
article about energy prices that mentions Keith Kellogg in passing), the sentence that does stands in for
the lead sentence, so "New about Keith Kellogg" is never followed by words without him.

At most one alert tells a story first per chat (the store keys them so); after it, each development of
the story (a new article that brings a fact the chat was not told, by the alert or a digest) comes as an
update alert (:func:`compose_update_alert`): the new facts first, their sources, and the story they
belong to. In the chat's quiet hours (22:00–07:00
local by default; a chat that follows without subscribing uses the bot's default timezone) an alert
waits until the quiet hours end; if the chat's digest carries the story first, the alert is folded
into the digest and never sent on its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

from briefing.digest import UPDATE_SENTENCES
from briefing.document import Document, Section, Span, clip, heading, link, para, plural
from briefing.models import Article, Story
from briefing.schedule import quiet_until
from briefing.topics import mentions_topic, read_topic

MAX_HEADLINE = 200
MAX_SENTENCE = 300


@dataclass(frozen=True)
class Why:
    """What a follow matched in the alert's article: the names it goes by there (an actor's names as
    written, or the topic's words), whether it is a topic, and the first sentence that holds it."""

    names: tuple[str, ...]
    sentence: str | None
    topic: bool = False


def _names(text: str, why: Why) -> bool:
    """Whether ``text`` names what ``why`` is about."""
    if why.topic:
        return any(mentions_topic(text, read_topic(name)) for name in why.names)
    return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text, re.I) for n in why.names if n.strip())


def _telling(shown: str, lead: str | None, whys: Sequence[Why]) -> str | None:
    """The sentence the alert shows: the lead, unless neither it nor the headline names what was followed
    and the article has a sentence that does."""
    if any(_names(f"{shown}\n{lead or ''}", why) for why in whys):
        return lead
    return next((why.sentence for why in whys if why.sentence), lead)


def alert_due_at(now: datetime, tz: ZoneInfo, *, quiet_start: time, quiet_end: time) -> datetime:
    """When an alert queued ``now`` may go out: now, or when the chat's quiet hours end."""
    return quiet_until(now, tz, start=quiet_start, end=quiet_end) or now


def _grew(story: Story, newest: Article | None) -> bool:
    return newest is not None and len(story.article_ids) > 1 and newest.title != story.headline


def told_sentence(story: Story, newest: Article | None = None, whys: Sequence[Why] = ()) -> str | None:
    """The one sentence the alert tells (see :func:`compose_alert`), for the digest to know it was told."""
    if _grew(story, newest) and newest is not None:
        shown, lead = newest.title, newest.summary or story.summary
    else:
        shown, lead = story.headline, story.summary
    first = lead[0] if lead else None
    return _telling(shown, first, whys) if whys else first


def compose_alert(
    story: Story, reasons: Sequence[str], newest: Article | None = None, whys: Sequence[Why] = ()
) -> Document:
    """ "New about Keith Kellogg", the headline (linked), one sentence, and the sources. For a story that
    grew (``newest``, the article that brought it back, is not the one its headline is the title of),
    the new article's title, link and first summary sentence, then the story it joined. ``whys``: what
    the follows matched in ``newest`` (see :func:`_telling`)."""
    title = ", ".join(dict.fromkeys(reasons)) or "what you follow"
    joined = []
    if _grew(story, newest) and newest is not None:
        blocks = [para(Span(clip(newest.title, MAX_HEADLINE), bold=True, url=newest.url))]
        outlets = len(dict.fromkeys(story.sources))
        joined = [para(f"In the story: {clip(story.headline, MAX_HEADLINE)} ({plural(outlets, 'source')})")]
    else:
        blocks = [para(Span(clip(story.headline, MAX_HEADLINE), bold=True, url=story.headline_url))]
    sentence = told_sentence(story, newest, whys)
    if sentence:
        blocks.append(para(clip(sentence, MAX_SENTENCE)))
    blocks += joined
    if story.sources:
        names = list(dict.fromkeys(story.sources))[:5]
        links = dict(zip(story.sources, story.links, strict=False))
        spans: list[Span | str] = ["Sources: "]
        for i, name in enumerate(names):
            spans += [", "] if i else []
            spans.append(link(clip(name, 60), links.get(name)))
        blocks.append(para(*spans))
    return Document(
        header=(heading(f"New about {clip(title, 120)}"),),
        sections=(Section(tuple(blocks)),),
        footer=(para("/unfollow to stop these alerts"),),
    )


def compose_update_alert(update: Story, story: Story, reasons: Sequence[str]) -> Document:
    """ "Update on Rotterdam dock strike": what is new about a story the chat heard of, the news first:
    the facts of ``update`` (see ``briefing.digest.story_update``: only those the chat was not told, best
    first), the outlets that told them (each linked to its article), then the story they belong to
    (``story``'s headline, linked)."""
    title = ", ".join(dict.fromkeys(reasons)) or "what you follow"
    facts = [clip(x, MAX_SENTENCE) for x in update.summary[:UPDATE_SENTENCES]]
    blocks = [para(Span(facts[0], bold=True))] if facts else []
    if facts[1:]:
        blocks.append(para(" ".join(facts[1:])))
    if update.headline != story.headline:  # the new article's own title, where it is not the story's
        blocks.append(para(link(clip(update.headline, MAX_HEADLINE), update.headline_url)))
    if update.sources:
        links = dict(zip(update.sources, update.links, strict=False))
        spans: list[Span | str] = ["Source: " if len(update.sources) == 1 else "Sources: "]
        for i, name in enumerate(list(dict.fromkeys(update.sources))[:5]):
            spans += [", "] if i else []
            spans.append(link(clip(name, 60), links.get(name)))
        blocks.append(para(*spans))
    blocks.append(para("In the story: ", link(clip(story.headline, MAX_HEADLINE), story.headline_url)))
    return Document(
        header=(heading(f"Update on {clip(title, 120)}"),),
        sections=(Section(tuple(blocks)),),
        footer=(para("/unfollow to stop these alerts"),),
    )


def update_told(update: Story) -> tuple[str, ...]:
    """The facts an update alert tells (see :func:`compose_update_alert`), for the digest to know them."""
    return tuple(update.summary[:UPDATE_SENTENCES])
