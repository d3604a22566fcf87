"""Pages of a long reply, the "sources" view of a page, and the keys that move between them.

A long reply is shown one page (``per_page`` sections) at a time under a row of keys; a chat adapter
keeps the reply's :class:`Keyboard` state under a short id and puts ``<id>:<action>`` in each button,
so callback data stays far below Telegram's 64 bytes. Actions:

    p3   show page 3
    s3   show the sources (the links) of page 3
    b0   run the reply's first button (a command, see ``briefing.service.commands.Button``)

Pure functions: documents in, documents and keys out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from briefing.document import (
    Block,
    Document,
    Section,
    Span,
    Telling,
    heading,
    italic,
    item,
    link,
    pages,
    para,
)
from briefing.graphemes import head
from briefing.render import TELEGRAM_LIMIT, to_html, utf16_len

MAX_TITLE_CHARS = 80
PAGE_ROOM = TELEGRAM_LIMIT - 100  # a page's text, leaving room for its "Page 2 of 3" line
_ACTION = re.compile(r"^([psb])(\d{1,4})$")


@dataclass(frozen=True)
class Key:
    """An inline key: its label and the action it asks for."""

    label: str
    action: str


Keyboard = tuple[tuple[Key, ...], ...]


@dataclass(frozen=True)
class View:
    """What a message shows: a document and the keys under it."""

    document: Document
    keys: Keyboard = ()


@dataclass(frozen=True)
class Paged:
    """What a message's keys stand for: the whole reply (when it has pages) and the reply's buttons as
    rows of ``(label, command)``."""

    document: Document | None = None
    buttons: tuple[tuple[tuple[str, str], ...], ...] = ()
    per_page: int | None = None  # the reply's own page size (see ``Reply.per_page``), kept for its keys

    @property
    def labels(self) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(label for label, _ in row) for row in self.buttons)

    @property
    def commands(self) -> tuple[str, ...]:
        """The buttons' commands, numbered as :func:`button_keys` numbers the keys."""
        return tuple(cmd for row in self.buttons for _, cmd in row)

    def to_json(self) -> str:
        doc = None if self.document is None else _doc_to_obj(self.document)
        buttons = [[list(b) for b in row] for row in self.buttons]
        size = {} if self.per_page is None else {"pp": self.per_page}
        return json.dumps({"doc": doc, "buttons": buttons, **size}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Paged:
        obj = json.loads(text)
        doc = None if obj.get("doc") is None else _doc_from_obj(obj["doc"])
        buttons = tuple(tuple((str(b[0]), str(b[1])) for b in row) for row in obj.get("buttons", ()))
        return cls(doc, buttons, obj.get("pp"))


def parse_action(action: str) -> tuple[str, int] | None:
    """``"p3"`` → ``("p", 3)``; None for anything else."""
    match = _ACTION.match(action)
    return (match.group(1), int(match.group(2))) if match else None


def split_pages(doc: Document, per_page: int) -> list[Document]:
    """The pages of a reply: ``per_page`` sections at most, and only as many as fit in one Telegram
    message, so that a page is one message and turning it edits that message."""
    return pages(doc, per_page, fits=lambda page: utf16_len(to_html(page)) <= PAGE_ROOM)


def page_count(doc: Document, per_page: int) -> int:
    return len(split_pages(doc, per_page))


def button_keys(labels: Sequence[Sequence[str]]) -> Keyboard:
    """Keys for a reply's buttons, given as rows of labels; they are numbered row by row."""
    rows, n = [], 0
    for row in labels:
        rows.append(tuple(Key(label, f"b{n + i}") for i, label in enumerate(row)))
        n += len(row)
    return tuple(r for r in rows if r)


def page_view(
    doc: Document, page: int, per_page: int, *, extra: Keyboard = (), split: Sequence[Document] | None = None
) -> View:
    """Page ``page`` (from 1; clamped) with keys to the pages around it and to its sources. ``split``:
    the document's pages (:func:`split_pages`) when the caller has them already (each page is rendered
    to see that it fits)."""
    all_pages = split_pages(doc, per_page) if split is None else split
    total = len(all_pages)
    page = min(max(page, 1), total)
    shown = all_pages[page - 1]
    if total == 1:
        return View(shown, extra)
    nav = []
    if page > 1:
        nav.append(Key("◂ Back", f"p{page - 1}"))
    if page < total:
        nav.append(Key(f"More ▸ {page + 1}/{total}", f"p{page + 1}"))
    if _links(shown):
        nav.append(Key("Sources", f"s{page}"))
    # the notes close every page, above its number
    footer = (*shown.footer, *shown.notes, para(italic(f"Page {page} of {total}")))
    return View(Document(shown.header, shown.sections, footer), (tuple(nav), *extra))


def asked_view(doc: Document, kind: str, page: int, per_page: int, *, extra: Keyboard = ()) -> View | None:
    """The view a key asks for, ``"p"`` a page or ``"s"`` its sources; None for a page the reply does
    not have, or the sources of one that has no Sources key (data forged, or from an older layout):
    such a press is told the button expired, not shown the last page or an empty list."""
    all_pages = split_pages(doc, per_page)
    if not 1 <= page <= len(all_pages):
        return None
    if kind == "p":
        return page_view(doc, page, per_page, extra=extra, split=all_pages)
    if kind == "s" and len(all_pages) > 1 and _links(all_pages[page - 1]):
        return sources_view(doc, page, per_page)
    return None


def sources_view(doc: Document, page: int, per_page: int) -> View:
    """The links of page ``page``, grouped by the section (story) they belong to."""
    all_pages = split_pages(doc, per_page)
    page = min(max(page, 1), len(all_pages))
    shown = all_pages[page - 1]
    sections = []
    for section in shown.sections:
        # the title's own link (a story's headline) is the title above them: its outlets' links, if any
        links = _links(Document(sections=(Section(section.blocks[1:]),))) or _links(
            Document(sections=(section,))
        )
        if links:
            title = _title(section)
            sections.append(Section((para(title), *(item(link(s.text, s.url)) for s in links))))
    if not sections:
        sections.append(Section((para("This page links to no sources."),)))
    back = ((Key("◂ Back", f"p{page}"),),)
    return View(Document(header=(heading("Sources"),), sections=tuple(sections)), back)


def _title(section: Section) -> str:
    text = " ".join(section.blocks[0].text.split()) if section.blocks else ""
    return text if len(text) <= MAX_TITLE_CHARS else head(text, MAX_TITLE_CHARS - 1).rstrip() + "…"


def _links(doc: Document) -> list[Span]:
    seen, out = set(), []
    blocks = [*doc.header, *(b for s in doc.sections for b in s.blocks), *doc.footer, *doc.notes]
    for span in (s for b in blocks for s in b.spans):
        if span.url and span.url not in seen:
            seen.add(span.url)
            out.append(span)
    return out


def _span_to_obj(s: Span) -> list[Any]:
    obj = [s.text, int(s.bold) | int(s.italic) << 1 | int(s.code) << 2, s.url]
    return obj if s.at is None else [*obj, s.at.isoformat(), s.telling]  # an age, told again when shown


def _span_from_obj(obj: list[Any]) -> Span:
    text, f, url, *age = obj
    at = datetime.fromisoformat(age[0]) if age else None
    telling: Telling = "day" if age and age[1] == "day" else "ago"
    return Span(text, bool(f & 1), bool(f & 2), bool(f & 4), url, at, telling)


def _block_to_obj(block: Block) -> dict[str, Any]:
    return {"k": block.kind, "s": [_span_to_obj(s) for s in block.spans]}


def _block_from_obj(obj: dict[str, Any]) -> Block:
    return Block(tuple(_span_from_obj(s) for s in obj["s"]), obj["k"])


def _doc_to_obj(doc: Document) -> dict[str, Any]:
    return {
        "h": [_block_to_obj(b) for b in doc.header],
        "s": [[_block_to_obj(b) for b in s.blocks] for s in doc.sections],
        "f": [_block_to_obj(b) for b in doc.footer],
        "n": [_block_to_obj(b) for b in doc.notes],
    }


def _doc_from_obj(obj: dict[str, Any]) -> Document:
    return Document(
        header=tuple(_block_from_obj(b) for b in obj["h"]),
        sections=tuple(Section(tuple(_block_from_obj(b) for b in s)) for s in obj["s"]),
        footer=tuple(_block_from_obj(b) for b in obj["f"]),
        notes=tuple(_block_from_obj(b) for b in obj.get("n", ())),  # a button from before notes: none
    )
