"""Several names in one command: "/follow Kellogg, Zelensky", "/follow Trump /follow Putin", "Hamas and
Hezbollah". Pure: where a message may be cut into names; whether to cut it is the caller's to decide (a
name that holds "and" or a comma, "Bosnia and Herzegovina", is one name when the archive knows it).

A cut falls only outside quotes: ``"bread, butter"`` is one phrase.
"""

from __future__ import annotations

import re

from briefing.topics import QUOTES

# a list's separators: a comma (not one inside a number, "1,000"), a semicolon, a line break
LIST = re.compile(r"\s*(?:;|\n|(?<!\d),|,(?!\d))\s*")
# names joined by "and", "&" or "+" ("Hamas and Hezbollah"); "AT&T" has no spaces and stays whole
JOINED = re.compile(r"\s+(?:and|&|\+)\s+", re.IGNORECASE)
_LEADING_AND = re.compile(r"^(?:and|&|\+)\s+", re.IGNORECASE)  # "Zelensky, and Trump": its last name


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
        stripped = [_LEADING_AND.sub("", piece) for piece in stripped]
    return [piece for piece in stripped if piece]
