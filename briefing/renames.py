"""A name the text says another replaced: "X, formerly Twitter", "X (formerly known as Twitter)", "Meta,
previously Facebook", "Twitter, now called X". The two are one actor of the text, under the newer name,
and the older is its alias, so the archive finds the actor by either. The text says so itself, which
makes the older name a name even where nothing else would ("Twitter" capitalised once); no list of
renamed companies is kept, so "Twitter" in an article of 2017 is Twitter, not X."""

from __future__ import annotations

import re

from briefing.coref import Candidate
from briefing.tokens import Token

_CALLED = r"(?:\s+(?:known\s+as|called|named|renamed))?"
_FORMERLY = re.compile(rf"\s*[,(]\s*(?:formerly|previously){_CALLED}\s+")  # after the newer name
_NOW = re.compile(rf"\s*[,(]\s*now{_CALLED}\s+$")  # before it
# the older name ends there: "formerly Google product chief" or "formerly Microsoft's" rename nothing
_CLOSED = re.compile(r"\s*(?:[,);:.!?\u2013\u2014]|$)")
_WINDOW = 30
# another name in apposition after a name: "Ahmed al-Sharaa, also known as Abu Mohammed al-Julani"
_AKA = re.compile(
    r"\s*[,(]\s*(?:(?:also|better|more\s+commonly|commonly|widely)\s+)?known\s+as\s+", re.IGNORECASE
)


def renamed(cands: list[Candidate], tokens: list[list[Token]], text: str) -> None:
    """Give the older name of each rename the text states the newer one's name and type, in every
    mention of the older name in the text (a candidate of its own if the rules left it none)."""
    for new in [c for c in cands if c.type is not None and c.canonical]:
        toks = tokens[new.sentence]
        after = _FORMERLY.match(text, new.end)
        cut = max(0, new.start - _WINDOW)
        before = _NOW.search(text[cut : new.start])
        aka = _AKA.match(text, new.end)
        if aka and _also_known_as(cands, new, aka.end(), text):
            continue
        if after:
            old = _name_from(toks, after.end(), text)
        elif before and _CLOSED.match(text, new.end):
            old = _name_to(toks, cut + before.start())
        else:
            continue
        if old:
            _rename(cands, new, old)


def _also_known_as(cands: list[Candidate], named: Candidate, start: int, text: str) -> bool:
    """Is the name that begins at ``start`` and closes there another name of ``named`` ("also known as",
    "better known as")? It is then one actor with it, under the name the text gives first, in every mention
    of the other name and of the name it stands for in the text ("al-Julani" alone); a name of another
    type ("the group known as Hamas") is left as it is."""
    other = next((c for c in cands if c.start == start and c.type in (named.type, None)), None)
    if other is None or not _CLOSED.match(text, other.end) or other.norm == named.norm:
        return False
    first = other.canonical
    for c in cands:
        if c.norm == other.norm or (first and c.canonical == first and c.type == other.type):
            c.type, c.canonical, c.guessed = named.type, named.canonical, False
    return True


def _name_from(toks: list[Token], start: int, text: str) -> list[Token]:
    """The run of capitalised words that begins at ``start`` and closes there, if it does."""
    run = [t for t in toks if t.start >= start]
    name: list[Token] = []
    for t in run:
        if not (t.word and t.cap) or (name and t.start > name[-1].end + 1):
            break
        name.append(t)
    if not name or name[0].start != start or name[-1].possessive:
        return []
    return name if _CLOSED.match(text, name[-1].end) else []


def _name_to(toks: list[Token], end: int) -> list[Token]:
    """The run of capitalised words that ends at ``end`` (the comma or bracket before "now")."""
    name: list[Token] = []
    for t in reversed([t for t in toks if t.end <= end]):
        if not (t.word and t.cap) or t.possessive or (name and t.end < name[0].start - 1):
            break
        name.insert(0, t)
    return name if name and name[-1].end == end else []


def _rename(cands: list[Candidate], new: Candidate, toks: list[Token]) -> None:
    norm = " ".join(t.norm for t in toks)
    if norm == new.norm:
        return
    same = [c for c in cands if c.norm == norm]
    for c in same:
        c.type, c.canonical, c.guessed = new.type, new.canonical, False
    if not any(c.start == toks[0].start for c in same):
        cands.append(Candidate(toks, new.sentence, new.type, new.canonical, why="rename"))
