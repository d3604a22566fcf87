"""An article's metadata read from neighbouring lines of a dump: the site a "Source" footer or photo
credit names, "By" + name, "Published" + date, a time under a date, a name over its desk ("BBC Wales
News": a byline without "By"), a relative time under a title (a byline) or elsewhere (a teaser), and the
note on who wrote it under its text (its byline's names again).
"""

from __future__ import annotations

import re
from datetime import datetime
from itertools import pairwise

from briefing.boilerplate import NEWSROOM_JOBS
from briefing.dates import parse_date
from briefing.dumplines import META, WORD, Line, next_line, previous_index, previous_line
from briefing.furniture import (
    Kind,
    is_job_line,
    looks_like_name,
    strip_bullet,
    time_alone,
    unmarked_byline,
    writer_for_outlet,
)
from briefing.headlines import is_headline
from briefing.mastheads import is_kicker, is_outlet
from briefing.sentences import split_sentences, word_count

# "Source" as dumps in other languages label a credit: German "Quelle", Spanish "Fuente", Portuguese
# and Italian "Fonte", Dutch "Bron" (French and English share "Source"): a German item's "Quelle:
# handelsblatt.com" names its outlet as an English item's "Source: bbc.co.uk" does (qa32b F12)
_SOURCE_WORDS = r"(?:sources?|quellen?|fuentes?|fontes?|bron(?:nen)?)"
_CREDITED_SITE = re.compile(
    rf"^(?:(?:photo|image|picture)\s+)?(?:credits?|{_SOURCE_WORDS})\s*[:\-–—]?\s*(?:https?://)?(?:www\.)?"
    r"((?:[a-z0-9-]+\.)+[a-z]{2,})/?$",
    re.I | re.M,
)
_SITE_UNDER_LABEL = re.compile(
    rf"^(?:credits?|{_SOURCE_WORDS})\s*$\n\s*(?:https?://)?(?:www\.)?"
    r"((?:[a-z0-9-]+\.)+[a-z]{2,})/?\s*$",
    re.I | re.M,
)


_SITE = re.compile(r"(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})/?", re.I)
_SOURCE_LABEL = re.compile(rf"{_SOURCE_WORDS}\s*:?", re.I)
_SOURCE_FIRST = re.compile(_SOURCE_WORDS, re.I)  # a credit line that begins so is a source's, no photo's


def mark_sites(lines: list[Line]) -> None:
    """Sites that a dump credits, line by line. A "Source / www.dw.com" footer ends its article (the
    seed-002 layout glues articles together with nothing else between them) and names its outlet; a
    "Photo credit: www.dw.com" over an article names it too. An article crediting two sites has
    neither as its outlet. A "Source" line between a title and the article's date or lead is the
    credit of the article under it, in its header: it ends nothing, and the title stays its title."""
    for i, line in enumerate(lines):
        credited = _CREDITED_SITE.fullmatch(line.text)
        if credited:
            line.site = credited.group(1).lower()
            if _SOURCE_FIRST.match(line.text):
                line.kind = Kind.DROP if _in_header(lines, i, i) else Kind.BREAK
        elif _SOURCE_LABEL.fullmatch(line.text) and i + 1 < len(lines):
            site = _SITE.fullmatch(lines[i + 1].text)
            if site:
                line.kind = Kind.DROP
                footer = not _in_header(lines, i, i + 1)
                lines[i + 1].kind, lines[i + 1].site = (
                    Kind.BREAK if footer else Kind.DROP,
                    site.group(1).lower(),
                )


def _in_header(lines: list[Line], first: int, last: int) -> bool:
    """Whether the credit on lines ``first``..``last`` sits under a title and over the article's date,
    byline or lead ("prisoner exchange: ..." / "Source: www..." / "Published: ..." / the lead): a footer
    comes after a paragraph, and is followed by the next article's title, if anything. A title ending
    with a full stop or "?" is read as prose until it passes the headline test (:func:`is_headline`)."""
    above = next((j for j in range(first - 1, -1, -1) if lines[j].kind not in (Kind.DROP, Kind.CREDIT)), None)
    after = next_line(lines, last)
    if above is None or after is None or after.kind not in (Kind.PROSE, *META):
        return False
    return lines[above].kind is Kind.HEADING or (
        lines[above].kind is Kind.PROSE and is_headline(lines, above)
    )


def outlet_of(text: str) -> str | None:
    """The site a dump credits as its source ("Source: www.bbc.com", "Photo credit: www.bbc.com"), when it
    names exactly one: a better outlet name than the file's. None when it names none or several."""
    sites = {m.group(1).lower() for m in _CREDITED_SITE.finditer(text)}
    sites |= {m.group(1).lower() for m in _SITE_UNDER_LABEL.finditer(text)}
    return sites.pop() if len(sites) == 1 else None


def pair_metadata(lines: list[Line]) -> None:
    """ "By" + "AFP" → author AFP; "Published" + "on" + "13 Nov 2024" → the date; "22 November 2026" +
    "14:05 GMT" → the date at that time (:func:`pair_times`)."""
    pair_times(lines)
    for i, line in enumerate(lines):
        if line.kind not in (Kind.AUTHOR, Kind.DATE) or line.value is not None:
            continue
        nxt = next_line(lines, i)
        if nxt is None:
            continue
        name = strip_bullet(nxt.text)
        if line.kind is Kind.AUTHOR and nxt.kind is Kind.HEADING and looks_like_name(name):
            line.value, nxt.kind = name, Kind.DROP
        elif line.kind is Kind.DATE and (
            (nxt.kind is Kind.DATE and nxt.value is not None)
            or (nxt.kind is Kind.HEADING and parse_date(nxt.text))
        ):
            # the date line is the two as one ("Published 13 Nov 2024 6:19 PM"), so its time is read
            # again on the outlet's clock as a one-line date is (:func:`briefing.dumps.split_dump`)
            line.text, line.value = f"{line.text} {nxt.text}", nxt.value or parse_date(nxt.text)
            nxt.kind = Kind.DROP


def pair_times(lines: list[Line]) -> None:
    """A date without a time over a time alone ("Published: Wed 13 Nov 2024" over "6:19 PM", "13
    November 2024" over "18:19 GMT", "um 18:19 Uhr", "18h19"): the date at that time, and the time line
    no text. The date line becomes the two as one, so a time without a zone is read on the outlet's
    clock, or marked as of an unknown one, as a one-line date's is."""
    for line, below in pairwise(lines):
        if line.kind is not Kind.DATE or not _midnight(line.value):
            continue
        time = time_alone(below.text)
        when = parse_date(f"{line.text} {time}") if time is not None else None
        if when is not None:
            line.text, line.value, below.kind = f"{line.text} {time}", when, Kind.DROP


# The second line of a two-line byline: the writer's desk or job ("BBC Wales News", "Political editor")
_DESK_WORDS = NEWSROOM_JOBS | {"news", "desk"}
DESK_LINE_WORDS = 6


def pair_desk_bylines(lines: list[Line]) -> None:
    """ "Tomos Morgan" over "BBC Wales News" (or "Political editor", or "BBC News, Manila" with the
    place the desk is in) in an article's header, with no blank line between them: a byline without
    "By", the name its author; unless the header gives a byline of its own below them ("By Margaret
    O'Connell"): a name over a desk, then, is the site's masthead over a section label ("Riverton
    Gazette" / "Local News"), and the explicit byline is the author. A name made as a paper's is
    (:func:`briefing.mastheads.is_masthead`), or another outlet's ("Sky News" over "World News",
    :func:`briefing.mastheads.is_outlet`), is no writer's, byline below or not."""
    for i in range(len(lines) - 1):
        name, desk = lines[i], lines[i + 1]
        if name.kind is not Kind.HEADING or desk.kind is not Kind.HEADING or desk.gap_before:
            continue
        office = desk.text.rsplit(",", 1)[0] if desk.text.count(",") == 1 else desk.text
        last = WORD.findall(office.casefold())[-1:]
        if not (2 <= word_count(name.text) <= 4 and looks_like_name(name.text)) or is_outlet(name.text):
            continue  # "Millbrook Herald" over "Local News": an outlet's name, no writer's
        if word_count(office) > DESK_LINE_WORDS or not last or last[0] not in _DESK_WORDS:
            continue
        before = previous_line(lines, i, (Kind.DROP, Kind.CREDIT))
        if (before is None or before.kind is not Kind.PROSE) and not _bylined_below(lines, i + 2):
            name.kind, name.value, desk.kind = Kind.AUTHOR, name.text, Kind.DROP  # a header's, not a list's


def pair_dated_bylines(lines: list[Line]) -> None:
    """A heading right over the article's date, under its headline: a byline
    without "By" when it names writers (:func:`briefing.furniture.unmarked_byline`: "Dr. Helena Marsh,
    Science Correspondent" / "Wed 12 Nov 2025 09.30 GMT", "Ana Lucía Pérez in Accra" / the date); the
    author is the names, without job or place. An outlet's name (:func:`briefing.mastheads.is_outlet`)
    is no writer's. A blank line may part the name from the date, as a copy from a browser prints the
    byline's and the date's blocks. A name right under the date, over the lead ("Published: 12 March
    2025" / "Helena Marsh" / the text), is one too, as sites that print the date first set it; an
    export's fields between the headline and the date ("URL: ...", "Section: World") are read across,
    as they say no more than the date does ("Title: ..." / "URL: ..." / "Date: ..." / "Li Wei for the
    Harbour Post" / the lead)."""
    # the lines read across: furniture, a photo's credit, an export's link and section fields
    skip = (Kind.DROP, Kind.CREDIT, Kind.LINK, Kind.SECTION)
    for i in range(1, len(lines) - 1):
        line, below = lines[i], lines[i + 1]
        # "Xu Qing for the Herald" ends as a paper's name does, and is a writer's credit
        if line.kind is not Kind.HEADING or (is_outlet(line.text) and writer_for_outlet(line.text) is None):
            continue
        above = previous_index(lines, i, skip)
        if above is None:
            continue
        if below.kind is Kind.DATE:
            bylined = lines[above].kind is Kind.HEADING
        else:  # under the date: the headline over the date, the lead under the name
            over_date = previous_index(lines, above, skip) if lines[above].kind is Kind.DATE else None
            lead = next_line(lines, i)
            bylined = over_date is not None and lines[over_date].kind is Kind.HEADING
            bylined = bylined and lead is not None and lead.kind is Kind.PROSE
        names = unmarked_byline(line.text) if bylined else None
        if names is not None:
            line.kind, line.value = Kind.AUTHOR, names


def drop_job_lines(lines: list[Line]) -> None:
    """A writer's job on its own line in the byline's block ("By Priya Shah" / "Business reporter" /
    the date), and a live page's kicker there ("Live updates" over "Updated 12 minutes ago"): a line
    the byline or the date touches, no blank line between them; a kicker only under the headline (over
    its date, "Analysis" may be the section label of the headline below). They say who wrote the story
    and what kind it is, not the news: kept, the job became the body's first paragraph. A job or a
    kicker set apart by blank lines is a heading as any other (a section label, a subheading)."""
    for i, line in enumerate(lines):
        if line.kind is not Kind.HEADING:
            continue
        job = is_job_line(line.text)  # "Business reporter", "Political Editor, Europe"
        if not (job or is_kicker(line.text)):
            continue
        if not job and ((title := previous_line(lines, i)) is None or title.kind is not Kind.HEADING):
            continue
        above = lines[i - 1] if i and not line.gap_before else None
        below = lines[i + 1] if i + 1 < len(lines) and not lines[i + 1].gap_before else None
        if any(_byline_block(near, job=job) for near in (above, below)):
            line.kind = Kind.DROP


def _byline_block(line: Line | None, job: bool) -> bool:
    """Whether ``line`` is a byline with its name, or (for a kicker) a date line or an age: the lines a
    job or a kicker is printed with."""
    if line is None:
        return False
    if line.kind is Kind.AUTHOR and line.value:
        return True
    return not job and (line.kind is Kind.DATE or line.age is not None)


def _bylined_below(lines: list[Line], start: int) -> bool:
    """Whether a byline with its name ("By Jane Doe") comes from line ``start`` on, before the text."""
    for line in lines[start:]:
        if line.kind is Kind.PROSE:
            return False
        if line.kind is Kind.AUTHOR and line.value:
            return True
    return False


def _midnight(value: object) -> bool:
    return isinstance(value, datetime) and (value.hour, value.minute, value.second) == (0, 0, 0)


def resolve_reltimes(lines: list[Line]) -> None:
    """Under a title (or its date), "S.Chen34 min ago" is a byline, and its age dates the article (when
    nothing else does); anywhere else it heads a teaser: the time line and the teaser's title are not
    article text, and its age is the teaser's. An "Updated 2 hours ago" line another pass dropped (a
    teaser's) dates nothing either."""
    previous: Line | None = None
    for i, line in enumerate(lines):
        if line.kind is Kind.DROP:
            if previous is None or (previous.kind is not Kind.HEADING and previous.kind not in META):
                line.age = None
            continue
        if line.kind is Kind.RELTIME:
            if previous is not None and previous.kind in (Kind.HEADING, *META):
                name = line.value if isinstance(line.value, str) and looks_like_name(line.value) else None
                line.kind, line.value = (Kind.AUTHOR, name) if name else (Kind.DROP, None)
            else:
                line.kind, line.age = Kind.BREAK, None
                nxt = next_line(lines, i)
                if nxt is not None and nxt.kind is Kind.HEADING:
                    nxt.kind = Kind.BREAK
        previous = line


# The names a byline joins: "Hannah Cole and Marcus Webb", "Katrin Vogel und Stefan Brandt", "María López y
# Juan Pérez", "Marco Rossi e Anna Bianchi", "Jean Dupont et Claire Dubois", "Jane Doe, Staff Writer"
_NAME_JOINS = re.compile(r"\s*(?:[,;&]|\b(?:and|und|y|e|et)\b)\s*")
BIO_WORDS = 60  # a note on the writers is a sentence or two each


def drop_author_bios(lines: list[Line]) -> None:
    """The note on who wrote an article, under its text ("Hannah Cole is a congressional reporter.
    Marcus Webb covers agriculture policy.", "Anna Schmidt ist Redakteurin im Ressort Politik."): a
    short paragraph each of whose sentences starts with a full name of the byline above, then what the
    writer is or does. It says who wrote the news, not the news."""
    names: tuple[str, ...] = ()
    for line in lines:
        if line.kind is Kind.AUTHOR and isinstance(line.value, str):
            names = tuple(name for name in _NAME_JOINS.split(line.value) if word_count(name) >= 2)
        elif line.kind is Kind.BREAK:
            names = ()
        elif (
            line.kind is Kind.PROSE
            and names
            # its first sentence must start with a name: checked before the costly sentence split
            and line.text.lstrip().startswith(tuple(f"{name} " for name in names))
            and word_count(line.text) <= BIO_WORDS
        ):
            sentences = split_sentences(line.text)
            if sentences and all(_about_writer(sentence.text, names) for sentence in sentences):
                line.kind = Kind.DROP


# What such a note says of a writer, in English, German, Spanish, Portuguese, Italian and French: "is a
# reporter", "covers transport", "writes about", "ist Redakteurin", "es redactora", "é repórter", "è
# giornalista", "est journaliste" (a story that quotes its writer has them say or do something else)
_BIO_VERBS = frozenset(
    "is was covers writes reports joined has ist war schreibt berichtet arbeitet es escribe cubre "
    "trabaja é escreve cobre è scrive lavora est écrit couvre travaille".split()
)


def _about_writer(sentence: str, names: tuple[str, ...]) -> bool:
    for name in names:
        rest = sentence[len(name) :].split(maxsplit=1) if sentence.startswith(name + " ") else []
        if rest and rest[0] in _BIO_VERBS:
            return True
    return False
