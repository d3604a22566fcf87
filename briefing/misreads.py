"""Spans the reading takes for actors that local, business and sports copy shows are none, or only part
of one; a pass over a whole text's candidates, after the rest of the reading.

- A name in the possessive before a body's or a building's head is part of that name: "Heronsgate
  Children's Hospice", "The Alzheimer's Society", "St Mary's Church" are one actor each, not "Heronsgate
  Children" and "Hospice", or "St Mary" and "Church". A place's possessive ("Britain's National Trust")
  stays the place.
- A disease named after a person ("Alzheimer's disease") names no actor: the name, wherever the text
  writes it before "disease" or "syndrome", is the disease's.
- A count ("Eighteen people"), a plural of a trade ("Meteorologists said", "Economists"), an honour
  ("appointed MBE"), a tournament's group ("top of Group F") and a crude oil's grade ("Brent crude") are
  no actors.
- A company's ticker in brackets ("Harlow & Co (LON: HRLW)") is another name of the company, not an
  organisation of its own.
- A body named for two places joined by "and" is named whole: "Langdale and Ambleside Mountain Rescue
  Team", "Westmorland and Furness Council", not the second place's part, and is an organisation.
- A lone word in quotes that only the list of places takes for a place ("Orban's ‘Surprise’ Beijing
  Visit": Surprise, Arizona) is a word quoted, a term or a scare quote, not the town.
- A name that ends in a holiday in a headline ("Kendal Christmas market returns") is the name before it
  ("Kendal"), when the text or the lists know that name.
"""

from __future__ import annotations

from itertools import pairwise

from briefing.coref import Candidate
from briefing.cues import words
from briefing.gazetteer import Gazetteer
from briefing.models import ActorType
from briefing.names import known_name
from briefing.shapes import code_name
from briefing.tokens import Token

# heads of a body or a building named with a possessive: "Children's Hospice", "St Mary's Church"
POSSESSIVE_HEADS = words(
    """society hospice hospital trust fund foundation charity association school college church cathedral
    chapel abbey home institute"""
)
_BUILDINGS = words("church cathedral chapel abbey")
_DISEASES = words("disease syndrome palsy")
NUMBER_WORDS = words(
    """two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds
    thousand thousands dozen dozens several many scores"""
)
# plurals of trades: "Meteorologists", "Economists", "Analysts", "Paediatricians", "Officials"
_TRADE_ENDINGS = ("ists", "ysts", "icians", "ials")
HONOURS = words("mbe obe cbe kbe dbe gbe")
_HOLIDAYS = words("christmas easter halloween diwali hanukkah ramadan")
# heads of a body two places may share: "Langdale and Ambleside Mountain Rescue Team"
_SHARED_HEADS = words("team council committee partnership authority trust board")


def joined_bodies(cands: list[Candidate], tokens: list[list[Token]]) -> list[Candidate]:
    """``cands`` with "X and Y ... Team" read whole: the body's candidate takes the word and "and" before
    it, and what the reading made of that word goes."""
    out = list(cands)
    for c in cands:
        if c.toks[-1].low not in _SHARED_HEADS or not c.toks[-1].cap or c.sentence >= len(tokens):
            continue
        toks = tokens[c.sentence]
        k = _token_index(toks, c)
        if k is None or k < 2 or toks[k - 1].low != "and" or not (toks[k - 2].cap and toks[k - 2].word):
            continue
        if k > 2 and toks[k - 3].cap and toks[k - 3].word:
            continue  # "Fire and Rescue" of a longer run, or two names
        first = toks[k - 2]
        others = [o for o in out if o.sentence == c.sentence and o.start <= first.start < o.end]
        if any(o.type in ("person", "organization") for o in others):
            continue  # "Smith and Jones Council" is two people's, "Shell and BP Trust" two firms'
        whole = [first, toks[k - 1], *c.toks]
        out = [o for o in out if o not in others and o is not c]
        name = " ".join(t.text for t in whole)
        out.append(Candidate(whole, c.sentence, "organization", canonical=name, why="head", roles=c.roles))
    return out


def _token_index(toks: list[Token], c: Candidate) -> int | None:
    """Where the candidate's first word stands in its sentence's tokens (None: not there)."""
    return next((i for i, t in enumerate(toks) if t.start == c.start), None)


def possessive_names(cands: list[Candidate], tokens: list[list[Token]], gaz: Gazetteer) -> list[Candidate]:
    """``cands`` with each "X's Head" name read whole, in place of what the reading made of its words."""
    for index, toks in enumerate(tokens):
        for a, b in _possessive_spans(toks, gaz):
            span = toks[a:b]
            start, end = span[0].start, span[-1].name_end
            mine = [c for c in cands if c.sentence == index and c.start < end and start < c.end]
            if any(c.type and c.start <= start and end <= c.end for c in mine):
                continue  # read whole already, or inside a longer name ("King's College London")
            cands = [c for c in cands if not any(c is m for m in mine)]
            type_: ActorType = "place" if span[-1].low in _BUILDINGS else "organization"
            name = " ".join(t.text for t in span)
            cands.append(Candidate(list(span), index, type_, canonical=name, why="head"))
    return cands


def _possessive_spans(toks: list[Token], gaz: Gazetteer) -> list[tuple[int, int]]:
    out = []
    for p, tok in enumerate(toks):
        if not (tok.possessive and tok.cap and tok.word):
            continue
        a = p
        while a and toks[a - 1].cap and toks[a - 1].word and toks[a - 1].low != "the" and p - a < 2:
            a -= 1
        owner = " ".join(t.norm for t in toks[a : p + 1])
        if gaz.place(owner) or gaz.demonyms.get(owner):
            continue
        b = p + 1
        while b < len(toks) and toks[b].cap and toks[b].word and b - p <= 2:
            if toks[b].low in POSSESSIVE_HEADS:
                out.append((a, b + 1))
                break
            b += 1
    return out


def not_actors(cands: list[Candidate], tokens: list[list[Token]], gaz: Gazetteer) -> list[Candidate]:
    """``cands`` without the spans that name no actor, tickers made the company's other name, and holiday
    names cut to the name before the holiday."""
    following = {(i, t.end): nxt.low for i, toks in enumerate(tokens) for t, nxt in pairwise(toks)}
    diseases = {
        c.norm
        for c in cands
        if c.toks[-1].possessive and following.get((c.sentence, c.toks[-1].end)) in _DISEASES
    }
    at = {(i, t.start): k for i, toks in enumerate(tokens) for k, t in enumerate(toks)}
    out = []
    for c in cands:
        toks = c.toks
        if (
            c.norm in diseases
            or _no_actor(c, following.get((c.sentence, toks[-1].end), ""))
            or _model_number(c, tokens, at, gaz)
            or (len(toks) == 1 and toks[0].low in _HOLIDAYS)
            or _quoted_word(c, tokens, gaz)
        ):
            continue  # "Christmas" alone refers back to no "Kendal Christmas"
        if toks[-1].low in _HOLIDAYS and len(toks) > 1:
            cut = _before_holiday(c, gaz, cands)
            if cut is not None:
                out.append(cut)
            continue
        out.append(c)
    _tickers(out, tokens)
    return out


_OPENING_QUOTES = frozenset("‘“'\"«")
_CLOSING_QUOTES = frozenset("’”'\"»")


def _quoted_word(c: Candidate, tokens: list[list[Token]], gaz: Gazetteer) -> bool:
    """Is the candidate one word in quotes that only the list of places makes a place ("Orban's ‘Surprise’
    Beijing Visit", "a “Paradise” for investors")? A word so quoted is a term used or mentioned, and a
    headline capitalises every word: not Surprise, Arizona. A country or a name the lists know as an
    actor keeps its reading ("‘Ukraine’ fatigue")."""
    if len(c.toks) != 1 or c.type != "place" or c.sentence >= len(tokens):
        return False
    if c.norm in gaz.countries or c.norm in gaz.known or c.norm not in gaz.places:
        return False
    toks = tokens[c.sentence]
    k = _token_index(toks, c)
    return (
        k is not None
        and 0 < k < len(toks) - 1
        and toks[k - 1].text in _OPENING_QUOTES
        and (toks[k + 1].text in _CLOSING_QUOTES)
    )


def _model_number(
    c: Candidate, tokens: list[list[Token]], at: dict[tuple[int, int], int], gaz: Gazetteer
) -> bool:
    """Is a lone word the lists hold as a town a product's name with its model number: an article, the
    word, a number of up to three digits and a noun in lower case ("a Falcon 9 rocket", "the Apollo 11
    crew")? No place: a town is not numbered so, and a year ("Paris 2024") has four digits."""
    k = at.get((c.sentence, c.start))
    if c.type != "place" or len(c.toks) != 1 or k is None or c.norm in gaz.countries:
        return False
    toks = tokens[c.sentence]
    if k == 0 or toks[k - 1].low not in ("a", "an", "the") or k + 2 >= len(toks):
        return False
    number, noun = toks[k + 1], toks[k + 2]
    return number.text.isdigit() and len(number.text) <= 3 and noun.word and not noun.cap


def _no_actor(c: Candidate, after: str) -> bool:
    """Is the candidate a count, a trade, an honour, a group or a crude grade? ``after``: the next word."""
    toks = c.toks
    if toks[0].low in NUMBER_WORDS and len(toks) > 1 and all(t.word and not t.cap for t in toks[1:]):
        return True  # "Eighteen people"
    if len(toks) == 1 and toks[0].low in HONOURS:
        return True  # "appointed MBE"
    if any(code_name(t) for t in toks):
        return True  # "NSString", "UIView": a class in a developers' article
    if len(toks) == 2 and toks[0].low == "group" and len(toks[1].text) == 1 and toks[1].text.isupper():
        return True  # "Group F"
    if after == "crude" and not toks[-1].possessive:
        return True  # "Brent crude"
    return c.type == "person" and len(toks) == 1 and toks[0].low.endswith(_TRADE_ENDINGS)


def _before_holiday(c: Candidate, gaz: Gazetteer, cands: list[Candidate]) -> Candidate | None:
    """ "Kendal" of "Kendal Christmas", typed as the text or the lists type it; None if neither does
    ("Father Christmas" is a name)."""
    head = c.toks[:-1]
    norm = " ".join(t.norm for t in head)
    same = next((o for o in cands if o is not c and o.norm == norm and o.type and o.canonical), None)
    if same is not None:
        return Candidate(list(head), c.sentence, same.type, canonical=same.canonical, why=same.why)
    known = known_name(gaz, norm)
    if known is None:
        return None
    return Candidate(list(head), c.sentence, known[1], canonical=known[0], why="list")


def _ticker_opening(toks: list[Token], k: int) -> int | None:
    """Where the bracket opens before the ticker at ``k``: "(NASDAQ: VTRX)", "(AAPL)" or a cashtag
    "($AAPL)" right after a company's name; None for any other shape."""
    if k >= 4 and toks[k - 1].text == ":" and toks[k - 3].text == "(" and toks[k - 2].text.isupper():
        return k - 3
    if k >= 2 and toks[k - 1].text == "(":
        return k - 1
    if k >= 3 and toks[k - 1].text == "$" and toks[k - 2].text == "(":
        return k - 2
    return None


def _tickers(cands: list[Candidate], tokens: list[list[Token]]) -> None:
    """A ticker in brackets after a company ("Harlow & Co (LON: HRLW)", "Vantrix Inc. (NASDAQ: VTRX)",
    "Apple ($AAPL)") takes the company's name and type: one actor, the ticker its other name."""
    by_end = {(c.sentence, c.end): c for c in cands if c.type == "organization" and c.canonical}
    for c in cands:
        if len(c.toks) != 1 or not c.toks[0].text.isupper() or c.sentence >= len(tokens):
            continue
        toks = tokens[c.sentence]
        k = _token_index(toks, c)
        if k is None or k + 1 >= len(toks) or toks[k + 1].text != ")":
            continue
        opening = _ticker_opening(toks, k)
        if opening is None:
            continue
        company = by_end.get((c.sentence, toks[opening - 1].name_end))
        if company is not None and company is not c:
            c.type, c.canonical, c.alias_of = company.type, company.canonical, company.norm
