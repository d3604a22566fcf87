"""Several names in one command: "/follow Kellogg, Zelensky", "/follow Trump /follow Putin", "Hamas and
Hezbollah". Pure: where a message may be cut into names; whether to cut it is the caller's to decide (a
name that holds "and" or a comma, "Bosnia and Herzegovina", is one name when the archive knows it).

A cut falls only outside quotes: ``"bread, butter"`` is one phrase.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefing.topics import QUOTES

# a list's separators: a comma (not one inside a number, "1,000"), a semicolon, a line break
LIST = re.compile(r"\s*(?:;|\n|(?<!\d),|,(?!\d))\s*")
_LINES = re.compile(r"\s*[;\n]\s*")  # those that never join two words of one name
_COMMA = re.compile(r"\s*(?:(?<!\d),|,(?!\d))\s*")
# names joined by "and", "&" or "+" ("Hamas and Hezbollah"); "AT&T" has no spaces and stays whole
JOINED = re.compile(r"\s+(?:and|&|\+)\s+", re.IGNORECASE)
_LEADING_AND = re.compile(r"^(?:and|&|\+)\s+", re.IGNORECASE)  # "Zelensky, and Trump": its last name
# "Trump and /follow Putin": a name cut before the joiner's next name keeps no "and" of its own
_TRAILING_AND = re.compile(r"\s+(?:and|&|\+)$", re.IGNORECASE)


def repeated(command: str) -> re.Pattern[str]:
    """The command typed again on the same line ("/follow Trump /follow Putin"), with a bot's name or a
    full-width slash as Telegram and CJK keyboards write it ("/follow@YourBot", "／follow")."""
    return re.compile(rf"(?:^|\s)[/\uff0f]{re.escape(command)}(?:@\w+)?(?=\s|$)", re.IGNORECASE)


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` is inside quotes: each opening mark to its closing one (a mark never closed quotes
    nothing: a stray ``"`` must not keep a list whole)."""
    spans: list[tuple[int, int]] = []
    k = 0
    while k < len(text):
        closing = QUOTES.get(text[k])
        end = text.find(closing, k + 1) if closing else -1
        if end > k:
            spans.append((k, end))
            k = end
        k += 1
    return spans


def cut(text: str, separators: re.Pattern[str]) -> list[str]:
    """``text`` cut where ``separators`` match outside quotes; each piece stripped (of a list, its last
    name without its "and"), empty pieces dropped."""
    inside = _quoted_spans(text)
    pieces: list[str] = []
    start = 0
    for found in separators.finditer(text):
        if found.start() == found.end() or any(a < found.start() < b for a, b in inside):
            continue
        pieces.append(text[start : found.start()])
        start = found.end()
    pieces.append(text[start:])
    stripped = [piece.strip() for piece in pieces]
    if len(stripped) > 1:
        stripped = [_TRAILING_AND.sub("", _LEADING_AND.sub("", piece)) for piece in stripped]
    return [piece for piece in stripped if piece]


def listed(text: str, one_name: Callable[[str, str, bool], bool]) -> list[str]:
    """``text`` cut as a list (``LIST``), but a comma kept where the words on either side are one name
    (``one_name(before, after, longer)``: "Washington, D.C.", "Paris, France"; ``longer`` when the commas
    cut the line in more than two; of a name with commas already, "Paris, Texas, USA", its last part is
    before). In a longer list a place, its region and the region's country ("Paris, Texas, USA") are one
    name when each pair is. A semicolon or a line break always cuts."""
    names: list[str] = []
    for line in cut(text, _LINES):
        cuts = cut(line, _COMMA)
        pieces: list[str] = []
        chained = False  # the piece before began a chain "place, region, country": this one ends it
        for k, piece in enumerate(cuts):
            before = pieces[-1].rsplit(",", 1)[-1].strip() if pieces else ""
            ends_chain, chained = chained, (
                bool(pieces) and k + 1 < len(cuts) and one_name(before, piece, False)
                and one_name(piece, cuts[k + 1], False)
            )  # fmt: skip
            if pieces and (ends_chain or chained or one_name(before, piece, len(cuts) > 2)):
                pieces[-1] = f"{pieces[-1]}, {piece}"
            else:
                pieces.append(piece)
        names += pieces
    return names
