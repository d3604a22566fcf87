"""A month's name alone that is a person's surname: "May said" after "Theresa May".

A month's name is no name-like word (``briefing.tokens``), so the rules read "May" alone as a date. Where
the text names a person in full whose surname is a month ("Theresa May", "Brian May"), a lone "May" is that
person when the words around it say so: a title before it ("Mrs May", "Prime Minister May", which name
the person even in a text that never gives the full name), a speech
verb or "who" after it ("May said", "May, who..."), or a verb of a subject after it in the middle of a
sentence ("but May has refused"). "In May 2019", "early May" and "May was wet" stay dates.
"""

from __future__ import annotations

from itertools import pairwise

from briefing.coref import Candidate
from briefing.cues import MONTHS, PLACE_PREPOSITIONS, SPEECH_VERBS, SUBJECT_VERBS, words
from briefing.tokens import Token

_WHO = words("who whose")
# words before a month that make it a date: "since May", "early May", "last May"
_DATE_BEFORE = PLACE_PREPOSITIONS | words(
    "since until till by during before after of early mid late last next this every each until through"
)
_SUBJECT_VERBS = SUBJECT_VERBS - words("shares stock rose fell cut")
# titles that make a month after them a person's surname: "Mrs May", "Prime Minister May"; not "General"
_HONORIFICS = words(
    """mr mrs ms mx dr sir dame lord lady prof professor minister president premier chancellor secretary
    senator governor mayor judge justice"""
)


def month_surnames(
    cands: list[Candidate], tokens: list[list[Token]], headlines: list[int]
) -> list[Candidate]:
    """Candidates for the lone mentions of a person's month surname the rules left out (see the module
    docstring), typed person; ``tokens`` are the sentences' tokens and ``headlines`` the sentences that
    are title-case lines, where capitals say nothing."""
    surnames = {
        c.toks[-1].norm for c in cands if c.type == "person" and len(c.toks) > 1 and c.toks[-1].low in MONTHS
    }
    for index, toks in enumerate(tokens):  # "Mrs May" names a person, whom "May said" then refers to
        if index not in headlines:
            surnames.update(b.norm for a, b in pairwise(toks) if b.cap and b.low in MONTHS and _titles(a))
    if not surnames:
        return []
    taken = {t.start for c in cands for t in c.toks}
    skip = set(headlines)
    out = []
    for index, toks in enumerate(tokens):
        if index in skip:
            continue
        for k, tok in enumerate(toks):
            if tok.cap and tok.norm in surnames and tok.start not in taken and _says_person(toks, k):
                out.append(Candidate([tok], index, "person", context="person", why="surname"))
    return out


def _titles(tok: Token) -> bool:
    return tok.low.rstrip(".") in _HONORIFICS


def _says_person(toks: list[Token], k: int) -> bool:
    """Do the words around the month at ``k`` make it a person's name?"""
    before = toks[k - 1] if k > 0 else None
    after = [t.low for t in toks[k + 1 : k + 3]]
    if before is not None and before.low in _DATE_BEFORE:
        return False
    if after and after[0][:1].isdigit():
        return False  # "May 12", "May 2019"
    if before is not None and _titles(before):
        return True
    if after and (after[0] in SPEECH_VERBS or after[0] in _WHO or after[:2] == [",", "who"]):
        return True
    first = not any(t.word for t in toks[:k])
    return bool(after) and not first and after[0] in _SUBJECT_VERBS
