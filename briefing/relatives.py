"""A surname alone that an apposition makes a relative of the person it would refer to is someone else:
"Kim, the powerful sister of Kim Jong-un, said" is not Kim Jong Un but the other Kim the text names. A Gulf
royal house alone ("the Al Saud family") is none of the princes the text names in full."""

from __future__ import annotations

from briefing.aliases import PARTICLES, dynasty, family_first
from briefing.coref import Candidate
from briefing.names import GERMAN_ARTICLES
from briefing.tokens import Positions, Token

_KIN = frozenset(
    """sister brother son daughter father mother wife husband uncle aunt nephew niece cousin widow widower
    grandson granddaughter grandfather grandmother stepson stepdaughter""".split()
)
_BEFORE_KIN = frozenset({"the", "his", "her", "their", "a"})
# relation words of German copy, before "von" as the English ones before "of": "Die Witwe von Alexej Nawalny"
_GERMAN_KIN = frozenset(
    """witwe witwer sohn tochter vater mutter bruder schwester ehefrau ehemann frau mann onkel tante neffe
    nichte cousin cousine enkel enkelin freund freundin lebensgefährte lebensgefährtin""".split()
)


def relation_before(toks: list[Token], j: int) -> bool:
    """Is ``toks[j]``, an "of" or "von", the link between a relation word and the person it relates to,
    no part of one name: "The Widow of Alexei Navalny", "Die Witwe von Alexej Nawalny", "der Anwalt von
    Peter Maffay" (a German noun after an article)? The person is then the name after it, when that is
    two words or more ("Son of Sam" stays one name); a noble's "von" ("Ursula von der Leyen") follows a
    given name, no relation word."""
    if j < 1 or j + 2 >= len(toks) or toks[j].low not in ("of", "von"):
        return False
    if not (toks[j + 1].name_like and (toks[j + 2].name_like or toks[j + 2].low in PARTICLES)):
        return False  # "von Peter Maffay", "von Ursula von der Leyen"
    before = toks[j - 1].low
    if before in _KIN or before in _GERMAN_KIN:
        return True
    return toks[j].low == "von" and j >= 2 and toks[j - 2].low in GERMAN_ARTICLES  # "der Anwalt von"


def relations_apart(cands: list[Candidate], tokens: list[list[Token]]) -> list[Candidate]:
    """The candidates with a relation read apart from the person it relates to (``relation_before``): a
    span over "Die Witwe von Alexej Nawalny" (the tagger's) is the name after "von"; a span that ends on
    the relation word ("Die Witwe", "Die Freundin") names no one."""
    positions = Positions(tokens)
    out = []
    for c in cands:
        toks = tokens[c.sentence]
        at = positions.of(c.sentence).get(c.start)
        if at is None or c.type not in ("person", "organization", None):
            out.append(c)
            continue
        end = at + len(c.toks)
        if end < len(toks) and relation_before(toks, end):
            continue  # "Die Witwe" of "Die Witwe von Alexej Nawalny"
        cut = next((k for k in range(at + 1, end - 2) if relation_before(toks, k)), None)
        if cut is not None:
            c.toks, c.type = toks[cut + 1 : end], "person"
            c.canonical = " ".join(t.text for t in c.toks)
        out.append(c)
    return out


def kin_apart(cands: list[Candidate], tokens: list[list[Token]]) -> None:
    """Give a lone family name or surname followed by ", the (...) sister of <that person>" to the one
    other person of the text it may name; with none or several, it stays as it was read."""
    positions = Positions(tokens)
    full = [c for c in cands if c.type == "person" and c.canonical and len(c.toks) > 1]
    for c in cands:
        if c.type != "person" or len(c.toks) != 1 or not c.canonical:
            continue
        at = _kin_of(tokens[c.sentence], positions.of(c.sentence).get(c.start))
        relative = next((o for o in full if o.sentence == c.sentence and o.start >= at >= 0), None)
        if relative is None or relative.canonical != c.canonical or relative.start - at > 40:
            continue
        others = {o.canonical for o in full if o.canonical != c.canonical and _called(o) == c.norm}
        if len(others) == 1:
            c.canonical = others.pop()


def houses_apart(cands: list[Candidate]) -> list[Candidate]:
    """The candidates without a person named only by the house ("Al Saud") of a person the text names in
    full (King Salman bin Abdulaziz Al Saud): "The Al Saud family has ruled" and "Al Saud officials" are
    the family, which no one person is."""
    houses = {dynasty(c.norm) for c in cands if c.type == "person" and len(c.toks) > 3}
    return [c for c in cands if not (c.type == "person" and c.norm in houses)]


def _called(cand: Candidate) -> str:
    """The word a person is referred to by alone: the family name first ("kim"), else the last."""
    norms = [t.norm for t in cand.toks]
    return norms[0] if family_first(norms) else norms[-1]


def _kin_of(toks: list[Token], i: int | None) -> int:
    """Where the words after "of" begin in ", the powerful sister of" after the name at ``toks[i]``, as a
    text offset; -1 where no such apposition follows."""
    if i is None or i + 3 >= len(toks) or toks[i + 1].text != ",":
        return -1
    k = i + 2
    if toks[k].low in _BEFORE_KIN:
        k += 1
    while k < len(toks) - 1 and k - i <= 6 and toks[k].word and not toks[k].cap and toks[k].low not in _KIN:
        k += 1  # "powerful", "younger", "late"
    if k + 2 >= len(toks) or toks[k].low not in _KIN or toks[k + 1].low != "of":
        return -1
    return toks[k + 2].start
