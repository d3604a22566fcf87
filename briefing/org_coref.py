"""Within one text: the other names an organisation goes by, and which of them are one organisation.

A company named with its legal form goes by its shorter names ("Castellan" for "Castellan Logistics
Inc."); an organisation by its initials ("ICC"), by an acronym defined in brackets ("(IRF)"), and by its
head alone after its full name ("the Guild's board"); a nationality before a known name says where the
body is, no part of its name ("the Danish Social Liberal Party"). People's names are
:mod:`briefing.coref`; :func:`briefing.resolution.resolve` applies both.
"""

from __future__ import annotations

import re
from collections import defaultdict

from briefing.aliases import CORPORATE
from briefing.coref import FUNCTION_WORDS, Candidate, is_lone_place, surface_of
from briefing.cues import ORG_FIRST, ORG_FIRST_ROMANCE, ORG_HEADS, PORTFOLIOS, UNIT_HEADS
from briefing.gazetteer import Gazetteer
from briefing.models import ActorType
from briefing.state_bodies import bare_state_body
from briefing.tokens import Token

_GENERIC = (
    ORG_HEADS | PORTFOLIOS | UNIT_HEADS | frozenset({"national", "federal", "royal", "central", "of", "the"})
)


def refer_back(cands: list[Candidate], gaz: Gazetteer, text: str = "") -> None:
    """An organisation written two ways in one text is one actor. A nationality before a name the lists
    or the text know without it says where the body is, no part of its name ("the Danish Social Liberal
    Party" after or before "the Social Liberal Party" is a mention of Denmark and of the party); a head
    alone after a longer name with that word refers back to it ("the Guild's board" after "the Guild of
    Harbour Pilots")."""
    orgs = [c for c in cands if c.type == "organization" and c.alias_of is None]
    alone = {c.norm: c for c in orgs if not _nation_of(c.toks[0], gaz)}
    nations: dict[str, set[str]] = defaultdict(set)  # "Australian" and "Canadian League of Rights": two
    for c in orgs:
        if len(c.toks) > 2 and (nation := _nation_of(c.toks[0], gaz)):
            nations[" ".join(t.norm for t in c.toks[1:])].add(nation)
    for c in orgs:
        first = c.toks[0]
        if len(c.toks) > 2 and (nation := _nation_of(first, gaz)) and not first.possessive:
            rest = " ".join(t.norm for t in c.toks[1:])
            known = gaz.known.get(rest)
            plain = alone.get(rest)
            generic = all(t.low in _GENERIC for t in c.toks[1:])  # "German Air Force" is no "Air Force"
            # nor is "U.S. Supreme Court" the "Supreme Court" of any country: a state body keeps its state
            generic = generic or bare_state_body(rest)
            firm = (known and known[1] == "organization") or plain is not None
            # a country's own name only when the text also writes the body without it ("US Centers for
            # Disease Control and Prevention", then "the Centers for ..."): the lists alone are no
            # evidence, for "U.S. Department of State" may be the body's whole name; and "a" before it
            # brings in another body ("the Badminton Hall of Fame ... also a USA Badminton Hall of Fame")
            if first.norm not in gaz.demonyms:
                firm = plain is not None and _ANOTHER.search(text, 0, c.start) is None
            if firm and not generic and len(nations[rest]) == 1:
                cands.append(Candidate([first], c.sentence, "place", nation, why="list"))
                c.toks = c.toks[1:]
                c.canonical = known[0] if known else plain.canonical if plain else None
        elif len(c.toks) == 1 and first.norm in ORG_HEADS:
            longer = [
                o
                for o in cands
                if o.type == "organization" and len(o.toks) > 1 and o.start < c.start and o.canonical
                if any(t.norm == first.norm for t in o.toks)
            ]
            if longer:
                c.canonical = longer[-1].canonical


_ANOTHER = re.compile(r"\b(?:an?|another)\s+$", re.IGNORECASE)


def _nation_of(tok: Token, gaz: Gazetteer) -> str | None:
    """The country a nationality ("Danish") or a country's name ("US") before a body's name stands for."""
    return gaz.demonyms.get(tok.norm) or gaz.countries.get(tok.norm)


def is_company_name(cand: Candidate, companies: dict[str, str], gaz: Gazetteer) -> bool:
    """Is the candidate a company's short name, not a name a title or the lists give a person or place? A
    city the company is named after is the company unless the words around say place ("Toyota said",
    not "in Toyota")."""
    if cand.norm not in companies or cand.why == "title":
        return False
    if cand.why != "list":
        return True
    return cand.type == "place" and is_lone_place(cand, gaz) and cand.context != "place"


def company_short_names(cands: list[Candidate], gaz: Gazetteer, text: str) -> dict[str, str]:
    """The shorter names a company the text names with its legal form goes by, and its full name:
    "Castellan Logistics" and "Castellan" for "Castellan Logistics Inc.". The first word alone only when
    it is no word the lists know ("Deutsche", "American") nor a given name; a short name two companies
    share is neither's."""
    found: dict[str, set[str]] = defaultdict(set)
    for c in cands:
        if c.type != "organization" or len(c.toks) < 2 or c.toks[-1].norm not in CORPORATE:
            continue
        name = [t for t in c.toks if t.word]
        while name and name[-1].norm in CORPORATE:
            name.pop()
        if not name or not all(t.cap or t.acronym for t in name):
            continue
        full = c.canonical or surface_of(c, text)
        found[" ".join(t.norm for t in name)].add(full)
        first = name[0]
        if len(name) == 2 and (first.low in ORG_FIRST or first.low in ORG_FIRST_ROMANCE):
            found[name[1].norm].add(full)  # "Banco Santander S.A." is "Santander"
        if len(name) > 1 and not (
            first.norm in gaz.known
            or first.norm in gaz.countries
            or first.norm in gaz.demonyms
            or first.norm in gaz.given_names
            or first.acronym
            or len(first.norm) < 3
        ):
            found[first.norm].add(full)
    return {short: next(iter(names)) for short, names in found.items() if len(names) == 1}


def short_forms(cands: list[Candidate], gaz: Gazetteer, seen: dict[str, tuple[ActorType, str]]) -> None:
    """Shorter names an organisation goes by in the text: its initials ("ICC"), its name without the
    legal form ("Apple" for "Apple Inc."), and an acronym defined in brackets ("(IRF)")."""
    _acronyms_of_names(cands, gaz, seen)
    for c in cands:
        if c.type == "organization" and len(c.toks) > 1 and c.toks[-1].norm in CORPORATE and c.canonical:
            seen.setdefault(" ".join(t.norm for t in c.toks[:-1]), ("organization", c.canonical))
    defined: dict[str, tuple[ActorType, str]] = {}
    for c in cands:
        if c.alias_of is not None and c.alias_of in seen:
            _adopt_known_acronym(c, cands, gaz, seen)
            defined[c.norm] = seen[c.norm] = seen[c.alias_of]
    for c in cands:
        if c.norm in defined and c.norm not in gaz.known:
            c.type, c.canonical = defined[c.norm]


def _acronyms_of_names(
    cands: list[Candidate], gaz: Gazetteer, seen: dict[str, tuple[ActorType, str]]
) -> None:
    """An acronym made of the initials of one organisation the text names is that organisation ("ICC" after
    "International Criminal Court"); so is one of the name without the country before it, of its first
    part before "and" ("CDC" after "US Centers for Disease Control and Prevention"), or of the name with
    its head first ("DOJ" after "Justice Department", which is "Department of Justice")."""
    _one_head_order(cands)
    by_initials: dict[str, set[tuple[ActorType, str]]] = defaultdict(set)
    for c in cands:
        content = [t for t in c.toks if t.word and t.norm not in FUNCTION_WORDS]
        # initials only of a name written in capitals: "Ukrainian service" (a state's) is no "U.S."
        if c.type == "organization" and c.canonical and len(c.toks) > 1 and all(t.cap for t in content):
            for initials in initials_of(c.toks, gaz):
                by_initials[initials].add(("organization", c.canonical))
    for c in cands:
        if len(c.toks) == 1 and c.toks[0].acronym and not listed_acronym(c.norm, gaz):
            found = by_initials.get(c.norm.replace(" ", ""), set())
            if len(found) == 1:
                c.type, c.canonical = next(iter(found))
                seen[c.norm] = (c.type, c.canonical)


def listed_acronym(norm: str, gaz: Gazetteer) -> bool:
    """Is the acronym a name the lists give an actor of its own ("UK", "EU", "UN")? Then it names that
    actor, though a body of the text has the same initials ("Kingston University", "University of Kent",
    "Union Kabinet"): only brackets after the long form ("(UK)") would say otherwise, and those are read
    by :mod:`briefing.long_forms`."""
    return any(n in gaz.known or n in gaz.countries for n in (norm, norm.replace(" ", "")))


def initials_of(toks: list[Token], gaz: Gazetteer) -> set[str]:
    """The acronyms a body's name may go by: the initials of its capitalised words, with "of" too
    ("DOJ"), without a country before it ("US Centers ..."), of the words before its first "and"
    when at least three ("CDC"), and of the name with its head first ("Justice Department": "DOJ")."""
    words = [t for t in toks if t.word]
    if len(words) == 2 and words[1].low in ORG_FIRST and words[1].cap and not words[0].acronym:
        words = [words[1], _OF, words[0]]  # "Justice Department" is "Department of Justice"
    if len(words) > 2 and (words[0].norm in gaz.countries or words[0].norm in gaz.demonyms):
        variants = [words, words[1:]]
    else:
        variants = [words]
    found: set[str] = set()
    for ws in variants:
        parts = [ws]
        cut = next((k for k, t in enumerate(ws) if t.low == "and" and not t.cap), None)
        if cut is not None:
            parts.append(ws[:cut])
        for part in parts:
            plain = "".join(t.norm[0] for t in part if t.norm not in FUNCTION_WORDS)
            with_of = "".join(t.norm[0] for t in part if t.norm not in FUNCTION_WORDS or t.low == "of")
            found.update(i for i in (plain, with_of) if len(i) >= 2)
    full = "".join(t.norm[0] for t in words if t.norm not in FUNCTION_WORDS)
    return {i for i in found if i == full or len(i) >= 3}


_OF = Token("of", 0, 0, "of", "of", True)


def _one_head_order(cands: list[Candidate]) -> None:
    """ "Justice Department" and "Department of Justice" in one text are one body, named as the text first
    names it."""
    orgs = [c for c in cands if c.type == "organization" and c.canonical and c.alias_of is None]
    inverted: dict[str, str] = {}
    for c in orgs:
        ws = [t for t in c.toks if t.word]
        if len(ws) == 3 and ws[0].low in ORG_FIRST and ws[1].low == "of" and ws[2].cap:
            inverted.setdefault(f"{ws[2].norm} {ws[0].norm}", c.canonical or "")
    first: dict[str, str] = {}
    for c in orgs:
        ws = [t for t in c.toks if t.word]
        key = " ".join(t.norm for t in ws) if len(ws) == 2 else ""
        if key in inverted:
            first.setdefault(key, c.canonical or "")
    pairs = {inverted[k]: first[k] for k in first}
    for c in orgs:
        if c.canonical in pairs or c.canonical in pairs.values():
            mine = next((a for a, b in pairs.items() if c.canonical in (a, b)))
            c.canonical = _earlier(cands, mine, pairs[mine])


def _earlier(cands: list[Candidate], a: str, b: str) -> str:
    starts = {c.canonical: c.start for c in reversed(cands) if c.canonical in (a, b)}
    return a if starts.get(a, 0) <= starts.get(b, 0) else b


def _adopt_known_acronym(
    alias: Candidate, cands: list[Candidate], gaz: Gazetteer, seen: dict[str, tuple[ActorType, str]]
) -> None:
    """ "Social Democratic Party (SPD)": a known acronym names the long form too."""
    known = gaz.known.get(alias.norm)
    long_form = alias.alias_of or ""
    if not known or known[1] != seen[long_form][0]:
        return
    for c in cands:
        if c.norm == long_form:
            c.canonical = known[0]
    seen[long_form] = (known[1], known[0])
