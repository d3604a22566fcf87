"""A body's full name before its acronym in brackets, read as one name however it is written.

"the Organization for Security and Co-operation in Europe (OSCE)" holds "in", "and" and a hyphen, where
the runs of capitalised words part ("Organization for Security", "Europe"); "the far-right National Rally
(RN)" gives the acronym of its French name, "Rassemblement National", in another order. When the
initials of the words just before the brackets spell the acronym, those words are one actor's name and
the acronym names it too, wherever the text uses it alone.
"""

from __future__ import annotations

from briefing.cues import ORG_HEADS, words
from briefing.names import Doc, add_candidate, known_name
from briefing.tokens import Token

MAX_LONG_FORM = 10
# lower-case words inside a body's name, in English and the languages its acronym may come from
_INSIDE = words("of for and in on the to at de du des la le et del di &")


def read_long_form(doc: Doc, index: int, toks: list[Token]) -> None:
    """For each "(ACRONYM)" of the sentence ``toks`` whose letters the capitalised words before it begin,
    one candidate for those words (the lists' type and name, else an organisation's) that the acronym's
    candidates name too; a long form the reading already has whole as a body or a place is left as it is,
    and so is a person's name ("Andrés Manuel López Obrador (AMLO)")."""
    for j in range(1, len(toks) - 2):
        if toks[j].text != "(" or toks[j + 2].text != ")" or not _letters(toks[j + 1]):
            continue
        a = _long_form(toks, j, toks[j + 1].text)
        if a is not None:
            _one_name(doc, index, toks, a, j)


def _letters(tok: Token) -> bool:
    return tok.acronym and tok.text.isalpha() and 2 <= len(tok.text) <= 8


def _long_form(toks: list[Token], j: int, acronym: str) -> int | None:
    """Where the name that ``acronym`` abbreviates begins before ``toks[j]``: the nearest capitalised word
    from which the initials of the capitalised words up to ``j`` spell it, in order, or in another order
    for a name of capitalised words alone (a translation's word order, "National Rally (RN)")."""
    for a in range(j - 1, max(-1, j - 1 - MAX_LONG_FORM), -1):
        tok = toks[a]
        if not tok.word or tok.possessive:
            return None
        if not tok.text[:1].isupper():
            if tok.low in _INSIDE and a < j - 1:
                continue
            return None
        span = toks[a:j]
        for initials in _initials(span):
            if initials == acronym:
                return a
            joined = all(t.text[:1].isupper() for t in span)
            if joined and len(span) > 1 and sorted(initials) == sorted(acronym):
                return a
    return None


def _initials(span: list[Token]) -> list[str]:
    """The first letters of the capitalised words ("Co-operation": C), and of each capitalised part of
    a hyphenated word too ("Anti-Corruption": A and C)."""
    first = "".join(t.text[0] for t in span if t.text[:1].isupper())
    parts = "".join(p[0] for t in span if t.text[:1].isupper() for p in t.text.split("-") if p[:1].isupper())
    return [first] if parts == first else [first, parts]


def _one_name(doc: Doc, index: int, toks: list[Token], a: int, j: int) -> None:
    span = toks[a:j]
    start, end = span[0].start, span[-1].end
    norm = " ".join(t.norm for t in span)
    mine = [c for c in doc.candidates if c.sentence == index and c.start < end and start < c.end]
    if any(c.start < start or c.end > end for c in mine):
        return  # a longer name holds these words ("the French National Rally (RN)" is read so)
    if any(c.start == start and c.end == end and c.type in ("organization", "place") for c in mine):
        return  # "International Committee of the Red Cross (ICRC)": read whole already
    if len(mine) > 1 and all(c.type == "place" for c in mine):
        return  # places side by side are no body's name, whatever their initials
    known = known_name(doc.gaz, norm)
    if known is None and span[0].norm in doc.gaz.given_names and not any(t.low in ORG_HEADS for t in span):
        return  # a person's initials
    for c in mine:
        doc.candidates.remove(c)
    type_ = known[1] if known else "organization"
    canonical, why = (known[0], "list") if known else (None, "head")
    add_candidate(doc, index, span, type_, canonical=canonical, why=why)
    acronyms = [c for c in doc.candidates if c.sentence == index and c.toks[0] is toks[j + 1]]
    for c in acronyms:
        c.type, c.alias_of = type_, norm
    if not acronyms:
        add_candidate(doc, index, [toks[j + 1]], type_, alias_of=norm, why="bracket")
