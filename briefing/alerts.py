"""Alerts: a short message to a chat when a new story about something it follows arrives. Pure.

At most one alert per story per chat (the store keys them so). In the chat's quiet hours (22:00–07:00
local by default; a chat that follows without subscribing uses the bot's default timezone) an alert
waits until the quiet hours end; if the chat's digest carries the story first, the alert is folded
into the digest and never sent on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time
from zoneinfo import ZoneInfo

from briefing.document import Document, Section, Span, clip, heading, link, para, plural
from briefing.models import Article, Story
from briefing.schedule import quiet_until

MAX_HEADLINE = 200
MAX_SENTENCE = 300


def alert_due_at(now: datetime, tz: ZoneInfo, *, quiet_start: time, quiet_end: time) -> datetime:
    """When an alert queued ``now`` may go out: now, or when the chat's quiet hours end."""
    return quiet_until(now, tz, start=quiet_start, end=quiet_end) or now


def compose_alert(story: Story, reasons: Sequence[str], newest: Article | None = None) -> Document:
    """ "New about Keith Kellogg", the headline (linked), one sentence, and the sources. For a story that
    grew (``newest``, the article that brought it back, is not the one its headline is the title of),
    the new article's title, link and first summary sentence, then the story it joined."""
    title = ", ".join(dict.fromkeys(reasons)) or "what you follow"
    grew = newest is not None and len(story.article_ids) > 1 and newest.title != story.headline
    if grew and newest is not None:
        blocks = [para(Span(clip(newest.title, MAX_HEADLINE), bold=True, url=newest.url))]
        lead = newest.summary or story.summary
        outlets = len(dict.fromkeys(story.sources))
        joined = [para(f"In the story: {clip(story.headline, MAX_HEADLINE)} ({plural(outlets, 'source')})")]
    else:
        blocks = [para(Span(clip(story.headline, MAX_HEADLINE), bold=True, url=story.headline_url))]
        lead, joined = story.summary, []
    if lead:
        blocks.append(para(clip(lead[0], MAX_SENTENCE)))
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
