"""How old a piece of news is, in words a reader uses ("5 min ago", "yesterday"), and the same words told
again later: a page kept behind a "More" button for a week must not still say "just now".

A span that tells an age carries the moment it is about (``Span.at``) and how it tells it
(``Span.telling``); :func:`retold` writes every such span anew for another ``now``. Pure.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from briefing.document import Block, Document, Section, Span, Telling
from briefing.models import Article, Dating


def ago(when: datetime, now: datetime) -> str:
    """'just now', '5 min ago', '3 h ago', 'yesterday' (the day before, not any age under 48 h: Sunday's
    news is not "yesterday" on Tuesday morning), else the date ('13 Nov 2024')."""
    seconds = (now - when).total_seconds()
    if seconds < 0:
        return _date(when)
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{int(seconds // 60)} min ago"
    if seconds < 86400:
        return f"{int(seconds // 3600)} h ago"
    if (now.date() - when.date()).days == 1:
        return "yesterday"
    return _date(when)


def day(when: datetime, now: datetime) -> str:
    """'today', 'yesterday', '13 Nov' (this year), '13 Nov 2024'."""
    days = (now.date() - when.date()).days
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    return _date(when) if when.year != now.year else f"{when.day} {when:%b}"


def _date(when: datetime) -> str:
    """ "13 Nov 2024"."""
    return f"{when.day} {when:%b %Y}"


_TELL = {"ago": ago, "day": day}


def age(when: datetime, now: datetime, telling: Telling = "ago", *, italic: bool = False) -> Span:
    """A span that tells how old ``when`` is at ``now``, and can be told again later."""
    return Span(_TELL[telling](when, now), italic=italic, at=when, telling=telling)


def dated_age(
    when: datetime, dating: Dating, now: datetime, telling: Telling = "ago", *, italic: bool = False
) -> tuple[Span, ...]:
    """How old a moment is, told as it is known (``dating``): "3 h ago" when its outlet gave the time; by
    its day ("today", "13 Nov") when only the day is sure (a time read as UTC for want of a zone may be
    up to 14 h off); "added 3 h ago" when the outlet gave none and ``when`` is the moment the archive read
    it, which says when the news arrived, not when it was written."""
    told = age(when, now, "day" if dating == "day" else telling, italic=italic)
    return (Span("added ", italic=italic), told) if dating == "ingest" else (told,)


def article_age(article: Article, now: datetime, *, italic: bool = False) -> tuple[Span, ...]:
    """How old an article is, as its date is known (:func:`dated_age`)."""
    return dated_age(article.when, article.dating, now, italic=italic)


def retold(doc: Document, now: datetime) -> Document:
    """The document with every age told as of ``now``."""

    def block(b: Block) -> Block:
        if not any(s.at for s in b.spans):
            return b
        spans = tuple(
            replace(s, text=_TELL[s.telling](s.at, now)) if s.at is not None else s for s in b.spans
        )
        return replace(b, spans=spans)

    return Document(
        header=tuple(block(b) for b in doc.header),
        sections=tuple(Section(tuple(block(b) for b in s.blocks)) for s in doc.sections),
        footer=tuple(block(b) for b in doc.footer),
        notes=doc.notes,
    )
