"""The document model every reply is composed in, before it is rendered as Telegram HTML or plain text.

A ``Document`` is a header (blocks shown once, on the first page) and sections (one story, one quote
group...). Composers build documents from plain values; only ``render`` knows about HTML, so escaping
happens in exactly one place.

    doc = Document(
        header=(heading("Top stories"),),
        sections=(Section((para(bold("Kellogg named envoy")), para("He said...", link("DW", url))),),),
    )
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from briefing.charsets import without_controls
from briefing.graphemes import head

# "source": a link shown on a page's Sources view alone (a story's older article from an outlet it
# names already), never on the page; "tip": a note shown as a paragraph under the first page alone (a
# suggestion, such as the command a request in words meant: said once, not on every page turned)
BlockKind = Literal["para", "heading", "item", "quote", "source", "tip"]
Telling = Literal["ago", "day"]


@dataclass(frozen=True)
class Span:
    """A run of text with one style; ``url`` makes it a link. A span that tells how old something is
    ("5 min ago") keeps the moment it tells of (``at``) and how (``telling``), to be told again later
    (see ``briefing.ages``)."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    url: str | None = None
    at: datetime | None = None
    telling: Telling = "ago"

    def __post_init__(self) -> None:
        # what a reply inserts (a title stored before ingest dropped them, a user's words) holds no
        # control character: a terminal would act on it, Telegram shows junk
        if (clean := without_controls(self.text)) is not self.text:
            object.__setattr__(self, "text", clean)


@dataclass(frozen=True)
class Block:
    """A line of the reply: a paragraph, a heading, a bullet item or a quotation."""

    spans: tuple[Span, ...]
    kind: BlockKind = "para"

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


@dataclass(frozen=True)
class Section:
    """Blocks that belong together and are never split across pages (one story, one dossier part)."""

    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Document:
    """A reply: its header (on the first page), sections, footer (on the last page), and notes on what
    was read otherwise than typed or not done ("One command a message ..."), which close every page: a
    user who reads the first page alone must see them. A note of the kind "tip" (:func:`tip`) closes the
    first page alone."""

    header: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()
    footer: tuple[Block, ...] = field(default=())
    notes: tuple[Block, ...] = ()

    @property
    def text(self) -> str:
        """All visible text, for tests and search."""
        blocks = [*self.header, *(b for s in self.sections for b in s.blocks), *self.footer, *self.notes]
        return "\n".join(b.text for b in blocks if b.kind != "source")


Inline = Span | str


def _spans(parts: Iterable[Inline]) -> tuple[Span, ...]:
    return tuple(p if isinstance(p, Span) else Span(p) for p in parts if p != "")


def para(*parts: Inline) -> Block:
    return Block(_spans(parts))


def tip(*parts: Inline) -> Block:
    """A note that suggests rather than tells what the reply is: under the first page of a paged reply
    alone (see :func:`pages`)."""
    return Block(_spans(parts), "tip")


def heading(*parts: Inline) -> Block:
    return Block(_spans(parts), "heading")


def item(*parts: Inline) -> Block:
    return Block(_spans(parts), "item")


def quote(*parts: Inline) -> Block:
    return Block(_spans(parts), "quote")


def bold(text: str) -> Span:
    return Span(text, bold=True)


def italic(text: str) -> Span:
    return Span(text, italic=True)


def code(text: str) -> Span:
    return Span(text, code=True)


def link(text: str, url: str | None) -> Span:
    """A link; with no url it is plain text, so callers need not check."""
    return Span(text, url=url or None)


def first_links(items: Sequence[tuple[str, str | None]], most: int) -> list[Inline]:
    """The first ``most`` of these (name, url) pairs as links between commas, then "and N more": a story
    hundreds of outlets carried is told by a few of them, not by a wall of names."""
    spans: list[Inline] = []
    for i, (name, url) in enumerate(items[:most]):
        spans += [", ", link(name, url)] if i else [link(name, url)]
    if len(items) > most:
        spans.append(f" and {len(items) - most} more")
    return spans


def message(*lines: Inline | Block) -> Document:
    """A one-section document from short lines: strings and spans become paragraphs."""
    blocks = tuple(x if isinstance(x, Block) else para(x) for x in lines)
    return Document(sections=(Section(blocks),))


def plural(n: int, word: str) -> str:
    """ "1 article", "2,345 articles"."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def clip(text: str, limit: int) -> str:
    """``text`` on one line in at most ``limit`` characters: runs of whitespace become one space, and a
    longer text is cut at a word boundary (if one falls in the second half) and ends in "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = head(text, limit - 1)
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:") + "…"


def pages(doc: Document, per_page: int, fits: Callable[[Document], bool] | None = None) -> list[Document]:
    """Split a document into pages of at most ``per_page`` sections; the header goes on the first page,
    the footer on the last, the notes on every one (a tip on the first alone). With ``fits``, a page also
    takes no section after which it would no longer fit (one message of a chat, say): such a page holds
    fewer sections, and a section that fits nowhere has a page of its own."""
    if per_page < 1:
        raise ValueError("per_page must be at least 1")
    sections = doc.sections
    if len(sections) <= per_page and (fits is None or fits(doc)):
        return [doc]
    later_notes = tuple(b for b in doc.notes if b.kind != "tip")
    groups: list[list[Section]] = []
    for section in sections:
        if groups and len(groups[-1]) < per_page:
            first = len(groups) == 1
            candidate = Document(
                doc.header if first else (),
                (*groups[-1], section),
                doc.footer,
                doc.notes if first else later_notes,
            )
            if fits is None or fits(candidate):
                groups[-1].append(section)
                continue
        groups.append([section])
    return [
        Document(
            header=doc.header if i == 0 else (),
            sections=tuple(group),
            footer=doc.footer if i == len(groups) - 1 else (),
            notes=doc.notes if i == 0 else later_notes,
        )
        for i, group in enumerate(groups)
    ]
