"""The lines of a text dump, each judged alone (:func:`briefing.furniture.classify`), and the questions
the passes of :mod:`briefing.dumps` ask about a line's neighbours.

Newlines, BOM and hard wrapping are undone; whitespace-only lines holding a non-breaking space are image
placeholders (``spacer_after`` on the line before); a byline and a date on one line are read as two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from briefing.dates import parse_date
from briefing.furniture import Kind, classify, dated_ago, is_clock
from briefing.sentences import ends_sentence, word_count

META = (Kind.AUTHOR, Kind.DATE, Kind.LINK)  # lines about an article: its byline, date, own URL
WORD = re.compile(r"\w+")


@dataclass
class Line:
    text: str
    kind: Kind
    value: object = None
    gap_before: bool = False
    spacer_after: bool = False
    site: str | None = None  # a site credited here: "Source / www.dw.com", "Photo credit: www.dw.com"
    listed: bool = False  # an item of a list that a line ending with ":" introduces
    clock: bool = False  # a time of day alone ("14:52 GMT"): a live page's post time, asked by several passes
    age: timedelta | None = None  # "34 min ago", "Updated 2 hours ago": dated relative to the reading


def read_lines(text: str) -> list[Line]:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines: list[Line] = []
    gap = False
    for raw in text.split("\n"):
        stripped = raw.strip()
        if not stripped:
            if raw.strip(" \t") and lines:  # a non-breaking space alone: an image placeholder
                lines[-1].spacer_after = True
            gap = True
            continue
        stripped = " ".join(stripped.split())
        if lines and not gap and _continues(lines[-1].text, stripped):
            lines[-1].text += " " + stripped
            continue
        lines.append(Line(stripped, Kind.DROP, gap_before=gap))
        gap = False
    lines = [part for line in lines for part in _byline_and_date(line)]
    for line in lines:
        verdict = classify(line.text)
        line.kind, line.value = verdict.kind, verdict.value
        if line.kind is Kind.HEADING and isinstance(line.value, str):  # "Title: ..." is its title
            line.text, line.value = line.value, None
        line.clock = is_clock(line.text)
        if line.kind in (Kind.RELTIME, Kind.DROP):
            line.age = dated_ago(line.text)
    return lines


# "By Jane Doe | 21 November 2026": a byline and a date on one line, split by a mark or a comma
_BYLINE_DATED = re.compile(
    r"^((?:posted |written )?by\s.+?)(?:\s*(?:[|·•,–—]|\s-)\s*|\s+on\s+)(\S.*\d.*)$", re.I
)


def _byline_and_date(line: Line) -> list[Line]:
    """A line holding a byline and a date, as the two lines a page usually gives them; else the line."""
    both = _BYLINE_DATED.match(line.text) if len(line.text) <= 120 else None
    if both is None or classify(both.group(1)).kind is not Kind.AUTHOR or parse_date(both.group(2)) is None:
        return [line]
    return [Line(both.group(1), Kind.DROP, gap_before=line.gap_before), Line(both.group(2), Kind.DROP)]


def _continues(previous: str, line: str) -> bool:
    """A hard-wrapped paragraph: a long line cut mid-sentence, the next starting in lower case."""
    return len(previous) >= 40 and not ends_sentence(previous) and line[0].islower()


def next_line(lines: list[Line], i: int) -> Line | None:
    for j in range(i + 1, len(lines)):
        if lines[j].kind is not Kind.DROP:
            return lines[j]
    return None


def previous_line(lines: list[Line], i: int, skip: tuple[Kind, ...] = (Kind.DROP,)) -> Line | None:
    """The nearest line before line ``i`` of none of the ``skip`` kinds (no copy of the lines before)."""
    for j in range(i - 1, -1, -1):
        if lines[j].kind not in skip:
            return lines[j]
    return None


def is_label_over(label: str, title: str) -> bool:
    """ "Russia-Ukraine War" over "Scholz stands by Ukraine amid criticism at home"."""
    return word_count(label) <= 4 and word_count(title) >= 4 and word_count(title) > word_count(label)
