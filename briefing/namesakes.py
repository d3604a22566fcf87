"""A lone name that a person and a company of one text share: which of the two a bare "Ford" is, in a text
that names both "Doug Ford" and "Ford Motor Company".

The coreference rules (``briefing.coref``) give a lone surname to the person named in full before it. Two
shapes of news say the company instead, and only where the text names both in full:

- the name comes before either full name and the company is named in full first: a headline or a lead
  ("Ford to cut 1,100 jobs", then "Ford Motor Company said on Monday ...", and the premier only later);
- a word for the company itself ("the company's chief executive", "the carmaker") comes before the name in
  its sentence ("... said in a statement that Ford remained committed").

A name that speaks ("Ford said", "Ford told reporters") stays the person's: a company speaks through
people, and "the company's decision", Ford said, is the premier talking about it.

A lone name no person of the text bears, with no title nor role ("Ford", not "President Ford" nor
"Harrison Ford ... Ford said"), is the company where its sentence speaks of a company's trade and of the
name as "it" ("Ford said it will recall 200,000 cars", "Ford and its suppliers cut jobs") and of no "he"
or "she" (``firms_by_trade``); a name of two words whose second is a trade ("Ford Motor") is a company.
"""

from __future__ import annotations

from briefing.aliases import CORPORATE
from briefing.coref import Candidate
from briefing.cues import SPEECH_VERBS, words
from briefing.gazetteer import Gazetteer
from briefing.tokens import Token

# words for the company itself, not for its plants or staff ("workers at the plant said Ford ..." is
# anyone's guess)
_FIRM_WORDS = words("company firm carmaker automaker manufacturer")


def firms_not_people(cands: list[Candidate], tokens: list[list[Token]]) -> None:
    """Retype as the company each lone person's name that is the first word of a company's name in the
    text and that one of the two shapes above says is the company."""
    firms = _firms(cands)
    if not firms:
        return
    people: dict[str, int] = {}
    for c in cands:
        if c.type == "person" and len(c.toks) > 1 and c.canonical:
            people.setdefault(c.canonical, c.start)
    spans = [(c.start, c.end) for c in cands if c.type == "organization"]
    for c in cands:
        if c.type != "person" or len(c.toks) != 1 or c.norm not in firms or c.canonical not in people:
            continue
        if any(a <= c.start and c.end <= b for a, b in spans):
            continue  # the person a body's name holds: "Ford" of "the Ford government"
        firm, firm_start = firms[c.norm]
        toks = tokens[c.sentence] if c.sentence < len(tokens) else []
        if _speaks(toks, c):
            continue
        person_start = people[c.canonical]
        ahead = c.start < person_start and firm_start < person_start
        if ahead or _firm_before(toks, c):
            c.type, c.canonical, c.why = "organization", firm, "head"


# what a company does and has, in the sentence that names it: recalls, cars, shares, plants, earnings
_TRADE = words(
    """recall recalls recalled recalling car cars vehicle vehicles truck trucks model models shares stock
    plant plants factory factories dividend dividends earnings profit profits revenue revenues sales
    shareholders customers jobs workforce suppliers dealers carmaker automaker"""
)
# the second word of a company's name that names its trade, and no surname ("Ford Motor", "Tata Steel")
_TRADE_TAILS = words("motor steel pharma foods chemical chemicals electric electronics telecom mining")
_THING = words("it its")
_PERSONAL = words("he she his her him himself herself")
_BY_THEMSELVES = frozenset({"context", "shape", ""})  # no title, list, full name nor head typed them


def firms_by_trade(cands: list[Candidate], tokens: list[list[Token]], gaz: Gazetteer) -> None:
    """Retype as a company each lone name that only its own shape or a verb after it made a person, whose
    sentence speaks of a company's trade and of it as "it" (see the module docstring), and each such
    name of two words that ends in a trade."""
    for c in cands:
        if c.type != "person" or c.roles or c.why not in _BY_THEMSELVES or c.toks[0].norm in gaz.given_names:
            continue
        if c.canonical not in (None, " ".join(t.text for t in c.toks)):
            continue  # a surname of someone named in full
        toks = tokens[c.sentence] if c.sentence < len(tokens) else []
        trade_tail = len(c.toks) == 2 and c.toks[1].low in _TRADE_TAILS
        if trade_tail or (len(c.toks) == 1 and _spoken_of_as_firm(toks, c)):
            c.type, c.why = "organization", "head"


def _spoken_of_as_firm(toks: list[Token], cand: Candidate) -> bool:
    lows = {t.low for t in toks}
    if lows & _PERSONAL or not lows & _TRADE:
        return False
    clause: list[str] = []  # the words after the name to the end of its clause: "said on Friday it"
    for t in (t for t in toks if t.start >= cand.end):
        if t.text in (",", ";") or len(clause) == 6:
            break
        clause.append(t.low)
    return bool(_THING.intersection(clause))


def _firms(cands: list[Candidate]) -> dict[str, tuple[str, int]]:
    """The first word of each company's name that ends in its legal form ("Ford Motor Company", "Halvorsen
    Freight Ltd"), with its canonical name and where it is first named; a first word two companies share
    is neither's. "The Biden administration" is no company."""
    found: dict[str, tuple[str, int]] = {}
    shared: set[str] = set()
    for c in cands:
        if c.type != "organization" or len(c.toks) < 2 or not c.canonical or not c.toks[0].cap:
            continue
        if c.toks[-1].norm not in CORPORATE:
            continue
        first = c.toks[0].norm
        known = found.get(first)
        if known and known[0] != c.canonical:
            shared.add(first)
        elif not known:
            found[first] = (c.canonical, c.start)
    return {k: v for k, v in found.items() if k not in shared}


def _speaks(toks: list[Token], cand: Candidate) -> bool:
    after = next((k for k, t in enumerate(toks) if t.start >= cand.end), None)
    return after is not None and toks[after].low in SPEECH_VERBS


def _firm_before(toks: list[Token], cand: Candidate) -> bool:
    return any(t.norm in _FIRM_WORDS and not t.cap for t in toks if t.end <= cand.start)
