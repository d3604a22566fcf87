"""Composing a chat's daily digest, and cutting it into the messages that will be delivered.

Pure. The digest holds what is new since the chat's last digest: the top stories (ranked as /brief
ranks them, :func:`briefing.stories.rank_stories`), first those about the actors and topics the chat
follows, each once with its summary and sources, and nothing the chat already received. A quiet day is
one line, not a repeat of yesterday.

    selection = select_stories(candidates, matches={7: ("Keith Kellogg",)}, delivered={3},
                               since=last_digest_at, length=5, now=now)
    digest = compose_digest(selection, digest_date=date(2025, 1, 23), tz=ZoneInfo("Europe/Kyiv"))
    parts = digest_parts(digest)  # [DigestPart(html, plain, story_ids), ...], one message each
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from briefing.document import Block, Document, Section, Span, clip, heading, italic, link, message, para
from briefing.models import Story
from briefing.render import TELEGRAM_LIMIT, html_messages, plain_messages
from briefing.stories import rank_stories

MAX_HEADLINE = 200
MAX_SENTENCE = 400
SUMMARY_SENTENCES = 2
MAX_SOURCES = 6


@dataclass(frozen=True)
class Selection:
    """The stories chosen for one digest, in order, with the follows each one matches."""

    stories: tuple[Story, ...]
    because: tuple[tuple[str, ...], ...]
    since: datetime | None

    @property
    def quiet(self) -> bool:
        return not self.stories


@dataclass(frozen=True)
class Digest:
    """A composed digest: the document, and the story each of its sections is about."""

    document: Document
    section_story_ids: tuple[int | None, ...]
    quiet: bool

    @property
    def story_ids(self) -> tuple[int, ...]:
        return tuple(i for i in self.section_story_ids if i is not None)


@dataclass(frozen=True)
class DigestPart:
    """One message of a digest: its HTML, its plain-text twin, and the stories it carries."""

    html: str
    plain: str
    story_ids: tuple[int, ...]


def is_new(story: Story, since: datetime, arrived: Mapping[int, datetime]) -> bool:
    """Whether a story has news after ``since``: dated after it, or reached the archive after it
    (``arrived``: story id → when its newest article was ingested)."""
    return story.last_updated > since or arrived.get(story.id, story.last_updated) > since


def select_stories(
    candidates: Iterable[Story],
    *,
    matches: Mapping[int, Sequence[str]],
    delivered: AbstractSet[int],
    since: datetime | None,
    length: int,
    now: datetime,
    arrived: Mapping[int, datetime] | None = None,
) -> Selection:
    """The stories new since ``since`` and not yet ``delivered``: those matching the chat's follows
    (``matches``: story id → names of the follows it matches) first, then the top ones, ``length`` in all.
    A story is new if its news is dated after ``since`` or reached the archive after it (``arrived``:
    story id → when its newest article was ingested), so news dated earlier but read late is not lost."""
    arrived = arrived or {}
    fresh = {
        s.id: s
        for s in candidates
        if s.id not in delivered and (since is None or is_new(s, since, arrived)) and s.last_updated <= now
    }
    ranked = rank_stories(fresh.values(), now)
    followed = [s for s in ranked if matches.get(s.id)]
    others = [s for s in ranked if not matches.get(s.id)]
    chosen = (followed + others)[: max(0, length)]
    because = tuple(tuple(dict.fromkeys(matches.get(s.id, ()))) for s in chosen)
    return Selection(tuple(chosen), because, since)


def _day(value: date) -> str:
    return f"{value:%A} {value.day} {value:%B}"


def _since_label(since: datetime, tz: ZoneInfo) -> str:
    local = since.astimezone(tz)
    return f"{_day(local.date())}, {local:%H:%M}"


def _story_section(story: Story, because: Sequence[str]) -> Section:
    links = story.links if len(story.links) == len(story.sources) else (None,) * len(story.sources)
    blocks: list[Block] = [para(Span(clip(story.headline, MAX_HEADLINE), bold=True, url=story.headline_url))]
    if because:
        blocks.append(para(italic("You follow " + ", ".join(because))))
    summary = " ".join(clip(s, MAX_SENTENCE) for s in story.summary[:SUMMARY_SENTENCES])
    if summary:
        blocks.append(para(summary))
    if story.sources:
        spans: list[Span | str] = ["Sources: "]
        for i, (name, url) in enumerate(list(zip(story.sources, links, strict=True))[:MAX_SOURCES]):
            spans += [", "] if i else []
            spans.append(link(clip(name, 60), url))
        if len(story.sources) > MAX_SOURCES:
            spans.append(f" and {len(story.sources) - MAX_SOURCES} more")
        blocks.append(para(*spans))
    return Section(tuple(blocks))


def compose_digest(selection: Selection, *, digest_date: date, tz: ZoneInfo) -> Digest:
    """The digest document for ``digest_date`` (local to ``tz``)."""
    if selection.quiet:
        if selection.since is None:
            line = "No news yet. /brief shows the latest stories whenever you like."
        else:
            line = (
                f"Nothing new since your last digest ({_since_label(selection.since, tz)}). "
                "/brief shows the top stories now."
            )
        return Digest(message(line), (None,), quiet=True)
    n = len(selection.stories)
    noun = "story" if n == 1 else "stories"
    if selection.since is None:
        intro = f"The top {n} {noun} of the day."
    else:
        intro = f"{n} new {noun} since {_since_label(selection.since, tz)}."
    header = (heading(f"Your digest for {_day(digest_date)}"), para(italic(intro)))
    sections = tuple(_story_section(s, b) for s, b in zip(selection.stories, selection.because, strict=True))
    footer = (para(italic("More with /brief · change the time or length with /settings")),)
    doc = Document(header=header, sections=sections, footer=footer)
    return Digest(doc, tuple(s.id for s in selection.stories), quiet=False)


def _utf16_cut(text: str, limit: int) -> str:
    return text.encode("utf-16-le")[: 2 * limit].decode("utf-16-le", errors="ignore")


def _page(digest: Digest, indexes: Sequence[int], *, first: bool, footer: bool) -> Document:
    doc = digest.document
    return Document(
        header=doc.header if first else (),
        sections=tuple(doc.sections[i] for i in indexes),
        footer=doc.footer if footer else (),
    )


def _fits(doc: Document, limit: int) -> bool:
    return len(html_messages(doc, limit)) == 1 and len(plain_messages(doc, limit)) == 1


def digest_parts(digest: Digest, limit: int = TELEGRAM_LIMIT) -> list[DigestPart]:
    """The digest as messages, whole stories per message, each with an HTML and a plain rendering
    of the same content (so a part rejected as HTML can be re-sent as plain text, one for one)."""
    pages: list[list[int]] = []
    current: list[int] = []
    for i in range(len(digest.document.sections)):
        trial = [*current, i]
        # the footer is counted on every page, so the real last page (which carries it) fits too
        if not current or _fits(_page(digest, trial, first=not pages, footer=True), limit):
            current = trial
        else:
            pages.append(current)
            current = [i]
    if current:
        pages.append(current)
    parts: list[DigestPart] = []
    for n, indexes in enumerate(pages):
        doc = _page(digest, indexes, first=n == 0, footer=n == len(pages) - 1)
        ids = tuple(x for x in (digest.section_story_ids[i] for i in indexes) if x is not None)
        htmls, plains = html_messages(doc, limit), plain_messages(doc, limit)
        if len(htmls) == len(plains):
            parts += [DigestPart(h, p, ids) for h, p in zip(htmls, plains, strict=True)]
        else:  # one story too long for a message: its plain twin is cut differently; keep it whole
            parts += [DigestPart(h, "", ids) for h in htmls[:-1]]
            parts.append(DigestPart(htmls[-1], _utf16_cut("\n\n".join(plains), limit), ids))
    return parts
