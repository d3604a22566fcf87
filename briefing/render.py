"""Render documents as Telegram HTML or plain text, and split them to fit Telegram's message limit.

Every piece of text is escaped here and nowhere else. A message is cut between sections, then between
blocks, and only a single block longer than the limit is cut inside, at a space, by splitting its spans,
so a tag is never broken. Lengths are counted in UTF-16 code units, as Telegram counts them.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from briefing.document import Block, Document, Span
from briefing.graphemes import boundary

TELEGRAM_LIMIT = 4096
_SAFE_SCHEMES = ("http://", "https://", "tg://")


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _span_html(span: Span) -> str:
    text = html.escape(span.text, quote=False)
    if span.code:
        text = f"<code>{text}</code>"
    if span.italic:
        text = f"<i>{text}</i>"
    if span.bold:
        text = f"<b>{text}</b>"
    if span.url and span.url.lower().startswith(_SAFE_SCHEMES):
        text = f'<a href="{html.escape(span.url, quote=True)}">{text}</a>'
    return text


def _span_plain(span: Span) -> str:
    if span.url and span.url.lower().startswith(_SAFE_SCHEMES) and span.url != span.text:
        return f"{span.text} <{span.url}>"
    return span.text


def block_html(block: Block) -> str:
    inner = "".join(_span_html(s) for s in block.spans)
    if block.kind == "heading":
        return f"<b>{inner}</b>" if not all(s.bold for s in block.spans) else inner
    if block.kind == "item":
        return f"• {inner}"
    if block.kind == "quote":
        return f"<blockquote>{inner}</blockquote>"
    return inner


def block_plain(block: Block) -> str:
    inner = "".join(_span_plain(s) for s in block.spans)
    if block.kind == "heading":
        return capitals(inner) if len(inner) < 60 else inner
    if block.kind == "item":
        return f"• {inner}"
    if block.kind == "quote":
        if inner.startswith(("“", '"')):
            return inner
        return f"“{inner.translate(_NESTED)}”"  # quotation marks inside a quotation are single
    return inner


def capitals(text: str) -> str:
    """``text`` in capitals, but a letter whose capital is two letters is kept: "ß" would become "SS"
    ("beschließt" -> "BESCHLIESST", another word than the one written), "ﬁ" "FI"."""
    return "".join(up if len(up := c.upper()) == 1 else c for c in text)


_NESTED = str.maketrans({"“": "‘", "”": "’"})


def _groups(doc: Document) -> list[list[Block]]:
    groups = []
    if doc.header:
        groups.append(list(doc.header))
    groups.extend(list(s.blocks) for s in doc.sections)
    if doc.footer:
        groups.append(list(doc.footer))
    if doc.notes:
        groups.append(list(doc.notes))
    shown = ([b for b in g if b.kind != "source"] for g in groups)  # those are for the Sources view
    return [g for g in shown if g]


def _render(doc: Document, one: Callable[[Block], str]) -> str:
    return "\n\n".join("\n".join(one(b) for b in group) for group in _groups(doc))


def to_html(doc: Document) -> str:
    return _render(doc, block_html)


def to_plain(doc: Document) -> str:
    return _render(doc, block_plain)


def _cut_span(span: Span, room: int, one: Callable[[Block], str]) -> tuple[Span, Span]:
    """Cut a span so that its first part renders within ``room`` UTF-16 units (at a space if possible)."""
    lo, hi = 1, len(span.text)
    while lo < hi:  # the longest prefix that fits, by bisection on rendered length
        mid = (lo + hi + 1) // 2
        if (
            utf16_len(one(Block((Span(span.text[:mid], span.bold, span.italic, span.code, span.url),))))
            <= room
        ):
            lo = mid
        else:
            hi = mid - 1
    cut = boundary(span.text, lo) or lo
    space = span.text.rfind(" ", 0, cut)
    if space > cut // 2:
        cut = space + 1
    head = Span(span.text[:cut], span.bold, span.italic, span.code, span.url)
    tail = Span(span.text[cut:], span.bold, span.italic, span.code, span.url)
    return head, tail


def _split_block(block: Block, limit: int, one: Callable[[Block], str]) -> list[Block]:
    """Cut one over-long block into blocks that each render within ``limit``."""
    out: list[Block] = []
    current: list[Span] = []
    pending = list(block.spans)
    while pending:
        span = pending.pop(0)
        trial = Block((*current, span), block.kind)
        if utf16_len(one(trial)) <= limit:
            current.append(span)
            continue
        used = utf16_len(one(Block(tuple(current), block.kind))) if current else 0
        room = limit - used
        if room > 16 and len(span.text) > 1:
            before = tuple(current)

            def within(b: Block, before: tuple[Span, ...] = before) -> str:
                return one(Block((*before, *b.spans), block.kind))

            head, tail = _cut_span(span, room, within)
            if head.text:
                current.append(head)
            pending.insert(0, tail)
        elif current:
            pending.insert(0, span)
        else:  # a single character that cannot fit: cannot happen with a sane limit
            raise ValueError(f"limit {limit} too small to render any text")
        out.append(Block(tuple(current), block.kind))
        current = []
    if current:
        out.append(Block(tuple(current), block.kind))
    return out


def block_text(block: Block) -> str:
    """What Telegram counts of a block sent as HTML: its text after entity parsing (no tags, no link
    targets, entities unescaped)."""
    inner = "".join(s.text for s in block.spans)
    return f"• {inner}" if block.kind == "item" else inner


def _messages(
    doc: Document, limit: int, one: Callable[[Block], str], seen: Callable[[Block], str] | None = None
) -> list[str]:
    """The rendered messages (``one``), cut so that what Telegram counts of each (``seen``, by default
    the rendering itself) is within ``limit``."""
    seen = seen or one
    messages: list[str] = []
    current, size = "", 0
    for group in _groups(doc):
        lines: list[tuple[str, int]] = []
        for block in group:
            counted = seen(block)
            if utf16_len(counted) > limit:
                lines.extend((one(b), utf16_len(seen(b))) for b in _split_block(block, limit, seen))
            else:  # rendered once: what is counted is the message itself but with by_text
                lines.append((counted if seen is one else one(block), utf16_len(counted)))
        sep = "\n\n"
        for i, (line, length) in enumerate(lines):
            joiner = sep if i == 0 else "\n"
            if not current:
                current, size = line, length
            elif size + utf16_len(joiner) + length <= limit:
                current += joiner + line
                size += utf16_len(joiner) + length
            else:
                messages.append(current)
                current, size = line, length
    if current:
        messages.append(current)
    return messages


def html_messages(doc: Document, limit: int = TELEGRAM_LIMIT, *, by_text: bool = False) -> list[str]:
    """The document as Telegram HTML messages, each within ``limit`` UTF-16 units of HTML, or with
    ``by_text`` of the text Telegram counts (its 4096 applies after entity parsing: tags and link
    targets do not count), so a digest with many links is not cut into more messages than it needs."""
    return _messages(doc, limit, block_html, block_text if by_text else None)


def plain_messages(doc: Document, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """The document as plain-text messages (the fallback when Telegram rejects our HTML)."""
    return _messages(doc, limit, block_plain)
