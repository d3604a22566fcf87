"""What the archive holds about an actor, as the store returns it and the dossier composes it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from briefing.models import Actor, Dating


@dataclass(frozen=True)
class ArticleLink:
    """An article, as a line of a list: its title, outlet, date and link."""

    article_id: int
    title: str
    source: str
    when: datetime
    url: str | None = None
    dating: Dating = "time"  # how ``when`` is known: an undated article's is the moment it was read


@dataclass(frozen=True)
class Quote:
    """A sentence of an article that mentions an actor."""

    sentence: str
    article: ArticleLink
    sentence_index: int


@dataclass(frozen=True)
class CoMention:
    """Another actor named in the same articles, and in how many of them."""

    actor: Actor
    articles: int


@dataclass(frozen=True)
class ActorRecord:
    """Everything a dossier says about one actor."""

    actor: Actor
    source_count: int
    quotes: tuple[Quote, ...]
    co_mentioned: tuple[CoMention, ...]
    latest: tuple[ArticleLink, ...]
    # the first and last dates of the actor's articles their outlets dated, when some are: an undated
    # article's date is the moment the archive read it, which says nothing of when the actor was in the news
    dated_seen: tuple[datetime, datetime] | None = None
    # no article of the actor's has a date of its own: its first and last seen are when they were added
    only_added: bool = False
    # how many undated articles the archive read after the last dated one, and when it read the newest:
    # the latest articles say "added today" of them, so the header says so too
    added_since: tuple[int, datetime] | None = None
    # the co-mentions were counted in the actor's latest this many articles, not in all of them (a bound on
    # the dossier's time for an actor of 100,000 articles); None when they were counted in all
    co_window: int | None = None
