"""Frozen dataclasses that cross boundaries: parsers produce them, the store takes and returns them."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Literal

from briefing.charsets import without_controls
from briefing.letters import fold_as_indexed, fold_punctuation

ActorType = Literal["person", "organization", "place"]
SourceKind = Literal["file", "page", "feed"]
# How an article's moment is known: "time", its outlet's date and time; "day", its outlet's day only (a
# time read without a zone: ``clock_unknown``); "ingest", not from its outlet at all: the archive's own
# moment of reading it, which says when it arrived, not when it was written
Dating = Literal["time", "day", "ingest"]


def dating_of(*, dated: bool, clock_unknown: bool) -> Dating:
    """How a moment is known: ``dated``, by its outlet; ``clock_unknown``, to the day only."""
    if not dated:
        return "ingest"
    return "day" if clock_unknown else "time"


@dataclass(frozen=True)
class ArticleDraft:
    """An article as a parser found it, before it is stored. Datetimes are timezone-aware."""

    title: str
    body: str
    source: str
    url: str | None = None
    author: str | None = None
    section: str | None = None
    published_at: datetime | None = None
    # how long before it was read the source says it was written ("34 min ago"), when it gives no date:
    # whoever reads it (the ingest) knows that moment and dates it
    age: timedelta | None = None
    # ``published_at``'s time of day was written without a zone and none could be found: read as UTC, it
    # may be up to 14 h off, so only its day is sure and a reply tells it by the day, not "3 h ago"
    clock_unknown: bool = False
    # the text is only the feed's summary, its page not read (m0046): ``TEASER_RETRY``, the page failing
    # for now and no later poll to try it, so the next read of the feed fetches it again; ``TEASER_KEPT``,
    # the page gone or given its wait, so only an ingest of the page itself reads it. 0: the article's own
    teaser: int = 0
    # the address the page was read at when its own (canonical) URL, ``url``, is another: a feed's link to
    # a page that has moved since the entry was first read (the link is remembered as the page's)
    link: str | None = None

    def __post_init__(self) -> None:
        # one spelling of every letter (NFC): a decomposed "Zu\u0308rich" from some systems is the same
        # word, name and search term as "Zürich", and the same article for the content hash; and no
        # control characters, which a source's text may hold and a terminal would act on (a title in red,
        # the window renamed: "\x1b]0;...\x07")
        for name in ("title", "body", "source", "author", "section"):
            value = getattr(self, name)
            if not value:
                continue
            clean = without_controls(value)
            if not unicodedata.is_normalized("NFC", clean):
                clean = unicodedata.normalize("NFC", clean)
            if clean is not value:
                object.__setattr__(self, name, clean)


TEASER_RETRY = 1
TEASER_KEPT = 2


@dataclass(frozen=True)
class Article:
    """A stored article."""

    id: int
    title: str
    body: str
    source: str
    ingested_at: datetime
    content_hash: str
    url: str | None = None
    author: str | None = None
    section: str | None = None
    published_at: datetime | None = None
    summary: tuple[str, ...] = ()
    story_id: int | None = None
    clock_unknown: bool = False  # as the draft's: only the day of ``published_at`` is sure
    teaser: int = 0  # as the draft's: only its feed's summary, its page not read (m0046)

    @property
    def when(self) -> datetime:
        """The article's date: published if the source gave it, else when we ingested it."""
        return self.published_at or self.ingested_at

    @property
    def dating(self) -> Dating:
        """How ``when`` is known, so a reply tells it as such ("3 h ago", "today", "added 3 h ago")."""
        return dating_of(dated=self.published_at is not None, clock_unknown=self.clock_unknown)


@dataclass(frozen=True)
class Sentence:
    """A sentence with its character offsets into the text it came from."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """One mention of an actor: offsets into the article body and the sentence holding it."""

    start: int
    end: int
    surface: str
    sentence_index: int


@dataclass(frozen=True)
class ExtractedActor:
    """An actor found in one text, before merging with the archive."""

    name: str
    type: ActorType
    mentions: tuple[Mention, ...]
    aliases: frozenset[str] = frozenset()
    role: str | None = None
    # the type is the extractor's default, not read from the text: the archive may know better
    guessed: bool = False


@dataclass(frozen=True)
class Actor:
    """An actor of the archive, under its canonical name."""

    id: int
    name: str
    type: ActorType
    aliases: frozenset[str] = frozenset()
    role: str | None = None
    article_count: int = 0
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    mention_count: int = 0


@dataclass(frozen=True)
class Source:
    """Where articles come from: a file, a page, or a feed (which may be polled)."""

    id: int
    kind: SourceKind
    location: str
    name: str
    added_at: datetime
    poll: bool = False
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0
    paused: bool = False
    last_error: str | None = None
    next_poll_at: datetime | None = None


@dataclass(frozen=True)
class Story:
    """Articles about one event, from one or more outlets."""

    id: int
    headline: str
    article_ids: tuple[int, ...]
    sources: tuple[str, ...]
    first_seen: datetime
    last_updated: datetime
    summary: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    headline_url: str | None = None  # the URL of the article the headline is the title of
    # (outlet, title, url) of its articles past each outlet's newest, which ``links`` leaves out (two
    # reports from one wire), newest first and a few at most: the Sources page links them too
    more_links: tuple[tuple[str, str, str], ...] = ()
    dated: bool = True  # whether an article of it has its outlet's date, not only when it was read
    # how the moment of its newest article (``last_updated``) is known: a reply tells its age so
    newest_dating: Dating = "time"


@dataclass(frozen=True)
class Subscriber:
    """A chat that receives the daily digest; ``created_at`` is when it (last) subscribed: no digest
    due before that is sent."""

    chat_id: int
    timezone: str
    digest_time: time
    length: int = 5
    active: bool = True
    chat_type: str = "private"
    created_at: datetime | None = None
    last_digest_at: datetime | None = None


@dataclass(frozen=True)
class Follow:
    """A chat follows an actor or a topic."""

    chat_id: int
    kind: Literal["actor", "topic"]
    value: str
    actor_id: int | None = None


def follow_key(value: str) -> str:
    """What a follow's name is known by: /follow finds "rotterdam" already followed as "Rotterdam",
    /unfollow stops "Rotterdam" asked as "rotterdam", and an alert queued for "Rotterdam" still goes to a
    chat that unfollowed it and followed "rotterdam" again. Two names are one follow when the news would
    match them alike: the full-text index (``porter unicode61 remove_diacritics``, over ``fold_letters``
    text) and the search's words (NFKC) fold case, the accents of Latin letters ("Élysée" is "Elysee",
    "İstanbul" is "istanbul"), letters such as "ł" or "ß" (``briefing.letters``), and full-width letters,
    and a name composed or decomposed ("é" or "e" and U+0301) is the same text; the accents of Greek or
    Cyrillic letters, which the index keeps ("й" is not "и"), stay. The apostrophe, dash and quote a
    keyboard types are one each (``fold_punctuation``): "Cote d’Ivoire" (iOS) is "Cote d'Ivoire", and
    "“port strike”" is '"port strike"'. Quotes stay: a phrase followed in quotes is matched otherwise than
    its words. The database stores it (``follows.value_key``, m0031, m0035, m0038, m0040) and keeps one follow
    a key: a change here needs a migration that makes the stored keys anew."""
    return fold_punctuation(fold_as_indexed(value))


@dataclass(frozen=True)
class IngestReport:
    """What one ingest run did: counts, the reason for each failure, and notes.

    ``failed`` and ``notes`` hold ``(source, reason)`` pairs; a note is worth telling but not a failure
    (a feed parsed after recovering from an XML error). ``not_modified`` counts feeds that answered
    304 to a conditional GET; ``new_ids`` are the ids of the articles stored; ``alerts`` counts the
    alerts they queued for the chats following what they are about. ``updated`` counts the pages stored
    as a new version of one stored before (a feed's update, a page ingested again after it changed, a
    page read in full for the feed's summary kept in its place), apart from ``new``; their ids are among
    ``new_ids`` too.
    """

    new: int = 0
    duplicate: int = 0
    near_duplicate: int = 0
    failed: tuple[tuple[str, str], ...] = field(default=())
    not_modified: int = 0
    notes: tuple[tuple[str, str], ...] = field(default=())
    new_ids: tuple[int, ...] = field(default=())
    alerts: int = 0
    updated: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed
