"""Ranking: how much a story weighs in a briefing, from its recency, its independent sources and its size.

ranked = rank_stories(stories, now=now)                  # best first
weight = score(last_updated=t, sources=3, articles=5, now=now)
topic_recency(timedelta(days=30)) -> 0.47                # a topic brief's fade: a month old is half as fresh
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from briefing.models import Story


@dataclass(frozen=True)
class Ranking:
    """How a briefing weighs a story: ``(1 + log2(1 + sources) + ½·log2(1 + articles)) * 0.5 ** (age /
    half_life)``, with ``source_weight`` and ``size_weight`` the two logarithms' factors."""

    half_life: timedelta = timedelta(hours=24)
    source_weight: float = 1.0
    size_weight: float = 0.5


def score(
    *, last_updated: datetime, sources: int, articles: int, now: datetime, ranking: Ranking = Ranking()
) -> float:
    """Recency, independent sources and size, in one number (higher first)."""
    age = max(0.0, (now - last_updated).total_seconds())
    decay = 0.5 ** (age / ranking.half_life.total_seconds())
    return (
        1.0 + ranking.source_weight * math.log2(1 + sources) + ranking.size_weight * math.log2(1 + articles)
    ) * decay


def story_score(story: Story, now: datetime, ranking: Ranking = Ranking()) -> float:
    """:func:`score` of a story."""
    return score(
        last_updated=story.last_updated,
        sources=len(set(story.sources)),
        articles=len(story.article_ids),
        now=now,
        ranking=ranking,
    )


def undated_order(*, sources: int, articles: int, size: int) -> tuple[int, int, int]:
    """How stories of undated entries alone rank among themselves, best first, as /brief and the digest
    rank them: each was dated when it was read, which only says which was read last (the last file of a
    batch, a test feed's "This item is fine." ahead of the seed dumps read a minute before). Outlets and
    articles first, then how much of a report the story holds (``size``: its longest article)."""
    return (-sources, -articles, -size)


def rank_stories(
    stories: Iterable[Story],
    now: datetime,
    ranking: Ranking = Ranking(),
    sizes: Mapping[int, int] | None = None,
) -> list[Story]:
    """Stories best first for a briefing at ``now``; a story with no dated article after those with one:
    an entry its outlet gave no date is dated when it was read, which says nothing of when it happened (a
    feed's test items, an old undated post read today). Given ``sizes`` (story id -> its longest article),
    as when the archive has dated news, those come in :func:`undated_order`, then as dated ones would."""

    def key(s: Story) -> tuple[bool, tuple[int, int, int], float, float, int]:
        undated = (
            (0, 0, 0)
            if s.dated or sizes is None
            else undated_order(
                sources=len(set(s.sources)), articles=len(s.article_ids), size=sizes.get(s.id, 0)
            )
        )
        return (not s.dated, undated, -story_score(s, now, ranking), -s.last_updated.timestamp(), -s.id)

    return sorted(stories, key=key)


TOPIC_HALF_LIFE = timedelta(days=7)
TOPIC_LONG_HALF_LIFE = timedelta(days=180)
TOPIC_RECENCY = 0.5  # the share of a topic story's freshness that fades over months, not days


def topic_recency(age: timedelta) -> float:
    """How fresh a story is for a topic brief, in (0, 1]: half of it fades in weeks (``TOPIC_HALF_LIFE``),
    half in months (``TOPIC_LONG_HALF_LIFE``). A topic brief answers "what about X", so a week-old story
    about X still outranks today's passing mention (about 0.8 of today's freshness); a story years old
    does not outrank this week's (a year: 0.13; seven years: about 0)."""
    seconds = max(0.0, age.total_seconds())
    fast = 0.5 ** (seconds / TOPIC_HALF_LIFE.total_seconds())
    slow = 0.5 ** (seconds / TOPIC_LONG_HALF_LIFE.total_seconds())
    return (1 - TOPIC_RECENCY) * fast + TOPIC_RECENCY * slow
