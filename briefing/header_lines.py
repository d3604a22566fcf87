"""The byline and age over an article's text on a web page or in a feed entry's HTML.

A page prints its byline and its age in a line of their own under the headline: ``<p>By Anna Schmidt</p>``,
``<p class="byline">3 hours ago</p>``, ``<div class="meta">By Anna Schmidt · vor 3 Stunden</div>``. The
dump reader knows these lines (:func:`briefing.furniture.classify`); trafilatura does not: it keeps an
unmarked one as the article's first paragraph ("By Anna Schmidt" stored as text, no author), drops one
whose class says "meta" or "byline" with what it said (the age lost), and may run a short page's
headline, byline and lead into one line ("By Anna de Vries Dock workers...", where "Anna de Vries Dock"
became a place). :func:`page_header` reads those lines from the page itself, between its headline (the
last ``<h1>`` before the text) and its first paragraph of prose, and :func:`without_header` takes them
out of the extracted paragraphs. :func:`entry_header` does both for a feed entry's paragraphs.

A header line is made of a byline ("By X", "Von X", "Par X"), an age ("3 hours ago", "vor 3
Stunden", "Updated 2 hours ago") and a date, alone or joined by "·", "|", "•" or a dash; any other
word and it is text. A name with no "By" is a byline only with an age on its line, as the dump reader
reads it: "Jane Doe · 3 hours ago", "Pablo García · hace 3 horas", "Jane Doe yesterday".
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from briefing.dates import day_only, zone_written
from briefing.furniture import (
    Kind,
    Verdict,
    classify,
    dated_ago,
    given_first,
    is_job_line,
    is_outlet_byline,
    looks_like_name,
    names_a_date,
    writer_for_outlet,
)
from briefing.sentences import word_count

# What joins a byline and a time on one line: "By X · 3 hours ago", "By X | 21 Nov 2026", "By X — 3h ago"
_JOINS = re.compile(r"\s+[·•|–—-]\s+")
# ... and an age before its byline: "Posted 2 hours ago by Sarah Khan" (the "by" a byline's, lower case)
_BY_AFTER = re.compile(r"\s+(?=by\s)")
HEADER_WORDS = 16  # no byline and time, however long the name, is longer
# The paragraphs read before the text must have begun: a header holds a few lines, a page's links more
HEADER_LINES = 6
# Elements that hold a line of text, and those that hold lines (a leaf line holds none of these)
_LINES = frozenset("p div span address time small li dd dt section header".split())
_HOLDERS = frozenset(
    "p div li dd dt ul ol table section article header footer blockquote figure address".split()
)
_HOLDERS |= {f"h{n}" for n in range(1, 7)}
_SKIP = frozenset("script style noscript template nav aside footer form button figcaption select".split())


@dataclass(frozen=True)
class Header:
    """What an article's header lines say (``author``, ``age``) and the lines themselves, as written;
    ``dated``: the first of its lines that writes a time of day with its zone ("By Ann Lee · 2026-11-25
    08:00 UTC"), which the page's metadata, read by htmldate, may give without its zone or its time."""

    author: str | None = None
    age: timedelta | None = None
    lines: tuple[str, ...] = ()
    dated: str | None = None


_WORD = re.compile(r"\w+")
# the words that join writers in a byline, which trafilatura writes as "; " ("Sarah Khan; Tom Baker")
_JOINING_WORDS = frozenset("and und et y e".split())


def page_author(metadata: str | None, header: Header) -> str | None:
    """The page's author: its metadata's (trafilatura's), else the header's. When trafilatura read its
    author off the header's own lines, age and all ("Jane Doe ·" off "Jane Doe · 3 hours ago", "Jane Doe;
    Yesterday" off "Jane Doe | yesterday": it keeps the words that are no figures), or job and all
    ("Jane Doe Political Editor, Europe" off "By Jane Doe" over "Political Editor, Europe"), the header's
    name is what those lines say. A metadata author that is a date line's word ("Posted", "Updated",
    "Date", "Published": trafilatura's guess off "Posted 2 hours ago by Sarah Khan"), a date or an age
    (:func:`briefing.furniture.names_a_date`) names no one, nor does the newsroom's ("Africa Wire staff")."""
    if metadata and (names_a_date(metadata) or is_outlet_byline(metadata)):
        metadata = None
    if not metadata or not header.author or metadata == header.author:
        return metadata or header.author
    said = set(_WORD.findall(metadata.lower()))
    named = set(_WORD.findall(header.author.lower())) - _JOINING_WORDS
    written = {word for line in header.lines for word in _WORD.findall(line.lower())}
    return header.author if named <= said <= written else metadata


def header_line(text: str) -> tuple[str | None, timedelta | None] | None:
    """The author and the age a header line gives ("By Anna Schmidt · vor 3 Stunden" → ("Anna Schmidt",
    3 hours)), or None when ``text`` is not one (a word that is neither a byline, an age nor a date)."""
    text = " ".join(text.split())
    if not text or word_count(text) > HEADER_WORDS:
        return None
    whole = _byline_with_age(text)
    if whole is not None:
        return whole
    author: str | None = None
    age: timedelta | None = None
    unsigned: str | None = None  # a writer named without "By", for an outlet: "Li Wei for The Daily Herald"
    newsroom = False  # the outlet's byline, a header line that names no author
    for part in (piece for joined in _JOINS.split(text) for piece in _BY_AFTER.split(joined)):
        verdict = classify(part)
        ago = dated_ago(part)
        if ago is not None:
            age = age or ago
            author = author or _writer(verdict)
        elif verdict.kind is Kind.AUTHOR and isinstance(verdict.value, str):
            author = author or verdict.value
        elif (writer := writer_for_outlet(part)) is not None:
            unsigned = unsigned or writer
        elif is_outlet_byline(part):  # "By Africa Wire staff": a byline of no one
            newsroom = True
        elif verdict.kind is not Kind.DATE or verdict.value is None:
            return None
    if unsigned is not None and age is None:  # a name with no "By" is a byline only with an age by it
        return None
    author = author or unsigned
    return (author, age) if author or age or newsroom else None


def _byline_with_age(text: str) -> tuple[str, timedelta] | None:
    """A writer and an age on one line as the dump reader reads it (:func:`briefing.furniture.classify`),
    the mark between them no split: "Jane Doe · 3 hours ago", "Pablo García · hace 3 horas", "By Jane Doe
    · Updated 2 hours ago", "Jane Doe yesterday". Split at the "·", "Jane Doe" alone would be a heading."""
    verdict = classify(text)
    age = dated_ago(text) if verdict.kind is Kind.RELTIME else None
    who = _writer(verdict) if age is not None else None
    return (who, age) if who is not None and age is not None else None


def _writer(verdict: Verdict) -> str | None:
    """The writer a line with an age names ("S.Chen34 min ago"), when it is a person's name of two words
    or more (a site's name alone, "Reuters 3 hours ago", is none)."""
    who = verdict.value if verdict.kind is Kind.RELTIME else None
    return who if isinstance(who, str) and looks_like_name(who) and word_count(who) >= 2 else None


def page_header(tree: Any) -> Header:
    """The header lines of a page's article (``tree``: the page as lxml parsed it): at most
    :data:`HEADER_LINES` lines under its headline (an ``<h1>``; a page without one, from its start),
    before its first paragraph of prose. What comes before the headline (a site's menu, a teaser)
    is passed by, and so are navigation, forms and asides."""
    body = tree.find(".//body") if tree is not None else None
    if body is None:
        return Header()
    started = body.find(".//h1") is None
    found: list[tuple[str, str | None, timedelta | None]] = []
    seen = 0
    name: str | None = None  # the line before, when it may be a writer's name over their job
    dated: str | None = None
    for line in _leaf_lines(body):
        if line is None:  # a headline: the header starts again under it
            started, found, seen, name, dated = True, [], 0, None, None
            continue
        if not started:
            continue
        read = header_line(line)
        if dated is None and _zoned_time(line):
            dated = line
        if read is not None:
            found.append((line, *read))
        elif _job_under_byline(line, found):
            found.append((line, None, None))
        elif name is not None and is_job_line(line):  # "Ingrid Solberg" / "Senior Correspondent"
            found += [(name, name, None), (line, None, None)]
        elif classify(line).kind is Kind.PROSE:
            break
        name = line if read is None and _writer_alone(line) else None
        seen += 1
        if seen >= HEADER_LINES:
            break
    return replace(_header(found), dated=dated)


def _zoned_time(line: str) -> bool:
    """Whether a header line is a date line with a time of day and its zone ("Updated 2026-11-25 08:00
    UTC", "By Pat Kim | 2026-11-25T06:15 GMT+1"): it says the moment, not a day."""
    if word_count(line) > HEADER_WORDS or classify(line).kind is not Kind.DATE:
        return False
    return zone_written(line) is not None and not day_only(line)


def _writer_alone(line: str) -> bool:
    """Whether a header line may be a writer's name without "By", read as one when their job follows it:
    two to four capitalised words, a given name first ("Ingrid Solberg"; "Harbour Authority" is none)."""
    return 2 <= word_count(line) <= 4 and looks_like_name(line) and given_first(line)


def _job_under_byline(line: str, found: list[tuple[str, str | None, timedelta | None]]) -> bool:
    """Whether a line is the writer's job right under the byline's line ("By Ingrid Solberg" /
    "Political Editor, Europe", :func:`briefing.furniture.is_job_line`): a header line too, so that it
    leaves the text as the dump reader leaves it (trafilatura kept it as the first paragraph)."""
    return bool(found) and found[-1][1] is not None and is_job_line(line)


def _leaf_lines(body: Any) -> Iterator[str | None]:
    """The page's lines of text in order, each an element holding no other line; None for each ``<h1>``."""
    stack = [body]
    while stack:
        element = stack.pop()
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIP:
            continue
        if tag == "h1":
            yield None
            continue
        holds_lines = any(isinstance(c.tag, str) and c.tag in _HOLDERS for c in element.iterdescendants())
        if tag in _LINES and not holds_lines:
            text = " ".join(" ".join(element.itertext()).split())
            if any(c.isalpha() for c in text):
                yield text
            continue
        stack.extend(reversed([c for c in element if isinstance(c.tag, str)]))


def _header(found: list[tuple[str, str | None, timedelta | None]]) -> Header:
    author = next((who for _, who, _ in found if who), None)
    age = next((ago for _, _, ago in found if ago is not None), None)
    return Header(author, age, tuple(line for line, _, _ in found))


def without_header(paragraphs: Sequence[str], header: Header) -> list[str]:
    """The paragraphs without the header's lines: one that is a header line goes, and one that starts
    with one (a short page's byline run into its lead) keeps the rest."""
    if not header.lines:
        return list(paragraphs)
    kept: list[str] = []
    for k, paragraph in enumerate(paragraphs):
        if k < HEADER_LINES:
            paragraph = _after_lines(paragraph, header.lines)
        if paragraph:
            kept.append(paragraph)
    return kept


def _after_lines(paragraph: str, lines: tuple[str, ...]) -> str:
    for line in lines:
        rest = _after(paragraph, line)
        if rest is not None and (not rest or rest[:1].isupper() or rest[:1].isdigit()):
            return rest
    return paragraph


def _after(paragraph: str, line: str) -> str | None:
    """What follows ``line`` at the start of ``paragraph``, spaces aside (an inline tag may add or take
    one), or None when it does not start with it."""
    want = "".join(line.split())
    at = 0
    for k, char in enumerate(paragraph):
        if char.isspace():
            continue
        if at == len(want):
            return paragraph[k:].strip()
        if char != want[at]:
            return None
        at += 1
    return "" if at == len(want) else None


def entry_header(paragraphs: Sequence[str]) -> tuple[Header, list[str]]:
    """A feed entry's header lines (its first paragraphs, before its first of prose; a writer's job under
    the byline among them) and the paragraphs without them. A photo's caption among them ("Photo: Smoke
    rises ... (Prairie Post/Ken Lee)") goes too: it is no sentence of the article."""
    found: list[tuple[str, str | None, timedelta | None]] = []
    dropped: set[int] = set()
    for k, paragraph in enumerate(paragraphs[:HEADER_LINES]):
        read = header_line(paragraph)
        if read is not None or _job_under_byline(paragraph, found):
            found.append((paragraph, *(read or (None, None))))
            dropped.add(k)
            continue
        kind = classify(paragraph).kind
        if kind is Kind.CREDIT and found:
            dropped.add(k)
        elif kind is not Kind.HEADING:
            break
    if not found:
        return Header(), list(paragraphs)
    return _header(found), [p for k, p in enumerate(paragraphs) if k not in dropped]
