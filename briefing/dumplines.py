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
from briefing.furniture import DATE_LINE_CHARS, FOREIGN_BY, Kind, classify, dated_ago, is_clock
from briefing.sentences import ends_sentence, has_cjk, word_count

META = (Kind.AUTHOR, Kind.DATE, Kind.LINK, Kind.SECTION)  # lines about an article: byline, date, URL, section
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
    masthead: bool = False  # the outlet's name over an article ("The Daily Ledger"): no title, no section


def read_lines(text: str) -> list[Line]:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    raws = text.split("\n")
    width = wrap_width(raws)
    lines: list[Line] = []
    gap = False
    for raw in raws:
        stripped = raw.strip()
        if not stripped:
            if raw.strip(" \t") and lines:  # a non-breaking space alone: an image placeholder
                lines[-1].spacer_after = True
            gap = True
            continue
        stripped = " ".join(stripped.split())
        if lines and not gap and _continues(lines[-1].text, stripped, width):
            lines[-1].text += " " + stripped
            continue
        lines.append(Line(stripped, Kind.DROP, gap_before=gap))
        gap = False
    lines = [part for line in lines for part in _as_page_gives(line)]
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
    rf"^((?:posted |written )?(?:by|{FOREIGN_BY})\s.+?)(?:\s*(?:[|·•,–—]|\s-)\s*|\s+on\s+)(\S.*\d.*)$", re.I
)


def _as_page_gives(line: Line) -> list[Line]:
    """The line as the lines most pages give: a byline and a date, a date and its update, on two."""
    return [part for half in _byline_and_date(line) for part in _published_and_updated(half)]


def _byline_and_date(line: Line) -> list[Line]:
    """A line holding a byline and a date, as the two lines a page usually gives them; else the line."""
    both = _BYLINE_DATED.match(line.text) if len(line.text) <= 120 else None
    if both is None or classify(both.group(1)).kind is not Kind.AUTHOR or parse_date(both.group(2)) is None:
        return [line]
    return [Line(both.group(1), Kind.DROP, gap_before=line.gap_before), Line(both.group(2), Kind.DROP)]


# "Published 6:45 a.m. CT Nov. 21, 2026 | Updated 9:12 a.m. CT Nov. 21, 2026": two dates on one line
_THEN_UPDATE = re.compile(r"^(.*?\d.*?)\s*[|·•,–—-]?\s*\b((?:last\s+)?updated\b.*\d.*)$", re.I)


def _published_and_updated(line: Line) -> list[Line]:
    """A date line going on to its update ("Published ... | Updated ...", "PUBLISHED: ... | UPDATED: ...",
    as USA Today and the Daily Mail print them), as the two lines other pages give them: the published
    date dates the article, as it does when the update is on a line of its own."""
    both = _THEN_UPDATE.match(line.text) if len(line.text) <= DATE_LINE_CHARS else None
    if both is None:
        return [line]
    published, updated = classify(both.group(1)), classify(both.group(2))
    if published.kind is not Kind.DATE or published.value is None or updated.kind is not Kind.DATE:
        return [line]
    return [Line(both.group(1), Kind.DROP, gap_before=line.gap_before), Line(both.group(2), Kind.DROP)]


def _continues(previous: str, line: str, width: int | None) -> bool:
    """A hard-wrapped paragraph: a long line cut mid-sentence, the next starting in lower case, or in a
    dump wrapped at ``width`` columns a capital the wrap moved down (:func:`_wrapped`)."""
    if len(previous) >= 40 and not ends_sentence(previous) and line[0].islower():
        return True
    return _wrapped(previous, line, width)


WRAP_COLUMNS = 100  # a dump hard-wrapped (a newsletter, ``lynx -dump``) has no longer line than this ...
WRAP_FULL = 3  # ... and at least this many lines that nearly fill the width (within WRAP_SLACK columns)
WRAP_SLACK = 12


def wrap_width(raws: list[str]) -> int | None:
    """The column a hard-wrapped dump is wrapped at (its longest line's length), or None for a dump whose
    paragraphs are lines of their own: one with a line longer than WRAP_COLUMNS, or too few long lines."""
    lengths = [len(" ".join(raw.split())) for raw in raws if raw.strip()]
    width = max(lengths, default=0)
    if not WRAP_SLACK < width <= WRAP_COLUMNS:
        return None
    return width if sum(length >= width - WRAP_SLACK for length in lengths) >= WRAP_FULL else None


def _wrapped(text: str, line: str, width: int | None) -> bool:
    """A line of a hard-wrapped dump cut mid-sentence, the next one's first word too long to have fitted
    on it, as a wrap breaks lines: one paragraph, whatever case the next line starts with ("... the
    shipping company Nordvik" / "Tankers 2.5 million kroner ..."). A line ending a sentence or with ":"
    (a list follows), a byline or date under a title, and Chinese or Japanese (no spaces to wrap at)
    are left as they are."""
    if width is None or len(text) < 40 or ends_sentence(text) or text.endswith(":") or has_cjk(line):
        return False
    if len(text) + 1 + len(line.split()[0]) <= width:
        return False  # the word would have fitted: the line ended where its writer ended it
    return classify(line).kind not in META


def next_line(lines: list[Line], i: int) -> Line | None:
    for j in range(i + 1, len(lines)):
        if lines[j].kind is not Kind.DROP:
            return lines[j]
    return None


def previous_line(lines: list[Line], i: int, skip: tuple[Kind, ...] = (Kind.DROP,)) -> Line | None:
    """The nearest line before line ``i`` of none of the ``skip`` kinds (no copy of the lines before)."""
    j = previous_index(lines, i, skip)
    return None if j is None else lines[j]


def previous_index(lines: list[Line], i: int, skip: tuple[Kind, ...] = (Kind.DROP,)) -> int | None:
    """The index of :func:`previous_line`, for a caller that goes on upwards from it."""
    for j in range(i - 1, -1, -1):
        if lines[j].kind not in skip:
            return j
    return None


LONG_TITLE_CHARS = 60  # a heading this long is a title, not a subheading, in however few words


def is_label_over(label: str, title: str) -> bool:
    """ "Russia-Ukraine War" over "Scholz stands by Ukraine amid criticism at home"; not a headline over
    its standfirst (:func:`reads_as_headline`: "Medical Journal Retracts Paper" over "Editors cite flawed
    data and undisclosed funding"). The title is four words or more, or LONG_TITLE_CHARS long in fewer
    (a long word, a name run together): two short headings in a row may be two subheadings."""
    return (
        word_count(label) <= 4
        and (word_count(title) >= 4 or len(title) >= LONG_TITLE_CHARS)
        and word_count(title) > word_count(label)
        and not reads_as_headline(label)
    )


LABEL_WORDS = 3  # a section label names its subject in this many words at most, joins aside
# the words and marks that join a label's words: "Culture | Books", "Middle East and Africa", "Arts & Culture"
_LABEL_JOINS = frozenset("and & | / of the".split())
# a verb's past, a headline's word: "Weekly Bin Collections Scrapped", "Harbour Herald Closed" ("Featured",
# "Related": one word alone is a label's)
VERB_PAST = re.compile(r"\w{3}[^e\W]ed$")


def reads_as_headline(heading: str) -> bool:
    """Whether a short heading says what happened, as a headline Written In Title Case does, where a label
    names a subject: four words or more besides the joins ("Medical Journal Retracts Paper"), or two or
    more with a verb's past ("Weekly Bin Collections Scrapped", "Ferry Service Suspended"). A heading
    with a longer word in lower case ("Royal visitors in Washington", "1 outlet: Harbour News") or in
    capitals alone ("STORIES ABOUT NORTH KOREA") is not so written: it stays a label."""
    if not _title_case(heading):
        return False
    words = [word for word in heading.casefold().split() if word not in _LABEL_JOINS and WORD.search(word)]
    return len(words) > LABEL_WORDS or (len(words) >= 2 and any(VERB_PAST.search(word) for word in words))


def _title_case(text: str) -> bool:
    """Every word of four letters or more capitalised, and not every letter: "Harbour Ferry Returns To
    Service"."""
    long = [word for word in WORD.findall(text) if len(word) >= 4 and not word.isdigit()]
    return bool(long) and all(word[0].isupper() for word in long) and not text.isupper()
