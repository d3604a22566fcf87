"""Within one text: which candidate spans are one actor, under which canonical name.

A surname alone, or with a title ("Kellogg", "Gen. Kellogg"), refers to the person of the text with that
surname (the latest one named before it, else the first); a spelling variant meets its full name through
``briefing.aliases.skeleton``. Known aliases (``seeds/actors.toml``) give the canonical name. A word left
untyped by its run takes the type it has elsewhere in the text, then its context; a capitalised first word
of a sentence with no evidence at all is dropped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from briefing.aliases import (
    CORPORATE,
    PARTICLES,
    PATRONYMICS,
    SUFFIXES,
    actor_key,
    family_first,
    fold,
    name_tails,
    skeleton,
    spelt_alike,
)
from briefing.cues import CALENDAR, ORG_FIRST, ORG_FIRST_ROMANCE, ORG_HEADS, PORTFOLIOS, TITLES, UNIT_HEADS
from briefing.gazetteer import Gazetteer
from briefing.given_names import compound_given
from briefing.models import ActorType, ExtractedActor, Mention
from briefing.roles import bare_title, distinct
from briefing.tokens import Token

MAX_ROLES = 3
_FUNCTION_WORDS = frozenset({"of", "the", "for", "and", "on", "in"})


@dataclass(slots=True)
class Candidate:
    """A span that may be an actor, before the whole text is read."""

    toks: list[Token]
    sentence: int
    type: ActorType | None
    canonical: str | None = None
    initial: bool = False
    brand: bool = False
    context: str = ""
    roles: list[str] = field(default_factory=list)
    alias_of: str | None = None
    common: bool = False
    guessed: bool = False
    why: str = ""  # which rule gave the type: "list", "title", "head", "context"... (a tagger feature)
    _norm: tuple[int, str] = (0, "")  # the folded name, and the id of the token list it was made from

    @property
    def start(self) -> int:
        return self.toks[0].start

    @property
    def end(self) -> int:
        return self.toks[-1].name_end

    @property
    def norm(self) -> str:
        """The folded name ("keith kellogg"); ``toks`` is only ever replaced, never changed in place."""
        key, norm = self._norm
        if key != id(self.toks):
            norm = " ".join(t.norm for t in self.toks)
            self._norm = (id(self.toks), norm)
        return norm


def _name_words(cand: Candidate) -> list[str]:
    return [t.norm for t in cand.toks if t.norm not in PARTICLES and t.norm not in SUFFIXES and not t.initial]


def _surname_keys(cand: Candidate) -> list[str]:
    """The words a later mention may refer to the person by alone: the surname, with its particles too
    ("da Silva") and under its skeleton; "bin Salman" only, as "Salman" alone names the father; the family
    name of a name that puts it first ("Kim" of Kim Jong Un, "Wang" of Wang Yi), never its given name."""
    words = [t.norm for t in cand.toks]
    if family_first(words):
        return [words[0]]
    last = cand.toks[-1]
    if len(cand.toks) > 1 and cand.toks[-2].norm in PATRONYMICS:
        return [f"{cand.toks[-2].norm} {last.norm}"]
    keys = [last.norm, skeleton(last.norm)]
    if len(cand.toks) > 1 and cand.toks[-2].norm in PARTICLES:
        keys.append(f"{cand.toks[-2].norm} {last.norm}")
    return keys


def _tails(cand: Candidate, gaz: Gazetteer, text: str) -> list[str]:
    """The later parts of a person's long name that refer back to them (``briefing.aliases.name_tails``):
    "Lula da Silva", "Pinto Luz", "López Obrador", folded."""
    if cand.type != "person" or len(cand.toks) < 3:
        return []
    return [fold(tail) for tail in name_tails(_surface(cand, text), gaz.given_names)]


_KIN = re.compile(
    r"\b(?:father|mother|son|daughter|brother|sister|uncle|aunt|nephew|niece|cousin|wife|husband|widow|"
    r"grandfather|grandmother|grandson|granddaughter|namesake)\W{0,3}$",
    re.IGNORECASE,
)


def _kin_before(cand: Candidate, text: str) -> bool:
    """Is the name introduced as a relative ("his father, Ulbrecht Faber")? Then a part of another's
    name it shares is a name of its own."""
    return bool(_KIN.search(text[max(0, cand.start - 30) : cand.start]))


def as_written(surface: str) -> str:
    """A name as the text writes it, without an editor's brackets or line breaks inside it
    ("Vladimir] Putin" -> "Vladimir Putin")."""
    return " ".join(surface.replace("[", " ").replace("]", " ").split())


def _surface(cand: Candidate, text: str) -> str:
    return as_written(text[cand.start : cand.end])


class _People:
    """The people a text names in full, by surname."""

    def __init__(self, cands: list[Candidate], gaz: Gazetteer, text: str) -> None:
        self.by_surname: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self.by_skeleton: dict[str, str] = {}
        self.by_given: dict[str, str] = {}
        self.by_inner: dict[str, set[str]] = defaultdict(set)
        self.first_names: dict[str, set[str]] = defaultdict(set)  # the people of each given name
        self.given_names = gaz.given_names
        # (given name, surname skeleton) → canonical, of two-word names: one entry a name however often
        # it is written, so a long text's thousand "Maria Lopez" are compared once
        self.pairs: dict[tuple[str, str], str] = {}
        self._variants: dict[tuple[str, str], str | None] = {}  # what _variant_of found, until a new pair
        shorter = {c.norm for c in cands if len(c.toks) < 3}
        # "López Obrador" after "Andrés Manuel López Obrador" is his surname, not a name of its own
        tails = {id(c): _tails(c, gaz, text) for c in cands}
        longs = {key for found in tails.values() for key in found}
        for c in cands:
            if (
                c.type != "person"
                or len(_name_words(c)) < 2
                or (c.norm in longs and not _kin_before(c, text))
            ):
                continue
            name = _canonical_person(c, gaz, text)
            first = _two_surnames(c, gaz)
            if first and name == _surface(c, text) and _known_by_first_surname(c, shorter):
                name = as_written(text[c.start : first.toks[-1].end])
            name = self._variant_of(c) or name
            c.canonical = self.by_skeleton.setdefault(skeleton(c.norm), name)
            if len(c.toks) == 2 and len(_name_words(c)) == 2:
                pair = (c.toks[0].norm, skeleton(c.toks[1].norm))
                if pair not in self.pairs:
                    self.pairs[pair] = c.canonical
                    self._variants.clear()
            if first:  # "Claudia Sheinbaum" and "Sheinbaum" are Claudia Sheinbaum Pardo
                self.by_skeleton.setdefault(skeleton(first.norm), c.canonical)
                self.by_surname[first.toks[-1].norm].append((c.start, c.canonical))
            for key in _surname_keys(c) + tails[id(c)]:
                self.by_surname[key].append((c.start, c.canonical))
            self.by_given.setdefault(c.toks[0].norm, c.canonical)
            if family_first([t.norm for t in c.toks]):
                continue  # "Jong" of Kim Jong Un is a part of his given name
            self.first_names[c.toks[0].norm].add(c.canonical)
            for tok in c.toks[1:-1]:  # "Lula" in "Luiz Inácio Lula da Silva"
                if tok.cap and tok.norm not in PARTICLES and not tok.initial:
                    self.by_inner[tok.norm].add(c.canonical)

    def _variant_of(self, cand: Candidate) -> str | None:
        """The person named before whose name this one spells another way, with the same surname and a
        longer or shorter given name ("Hernan Quispe", "Hernando Quispe"), or the same given name and a
        surname a letter off ("Tigist Alemou", "Tigist Alemu"); "Paul Ryan" and "John Ryan" are two."""
        words = _name_words(cand)
        if len(words) != 2 or len(cand.toks) != 2:
            return None
        key = (words[0], skeleton(words[1]))
        if key not in self._variants:
            alike = (name for pair, name in self.pairs.items() if spelt_alike(pair, key))
            self._variants[key] = next(alike, None)
        return self._variants[key]

    def find(self, cand: Candidate, text: str) -> str | None:
        """The full name a lone surname (or skeleton, or a later part of a long name, or a middle name)
        refers to."""
        full = self.by_skeleton.get(skeleton(cand.norm))
        if full:
            return full
        if cand.context == "given":  # "Sir Keir" is Keir Starmer
            return self.by_given.get(cand.norm)
        if len(_name_words(cand)) > 1 and (cand.norm not in self.by_surname or _kin_before(cand, text)):
            return None
        options = self.by_surname.get(cand.norm) or self.by_surname.get(skeleton(cand.norm))
        if not options:
            inner = self.by_inner.get(cand.norm, set())
            return next(iter(inner)) if len(inner) == 1 and len(cand.toks) == 1 else None
        before = [name for start, name in options if start <= cand.start]
        return before[-1] if before else options[0][1]

    def first_name_of(self, cand: Candidate) -> str | None:
        """The one person of the text a given name alone refers to ("thanks to you, Sean" after "Sean
        Hannity"); none for two Seans, a place, or where the words around say place ("in Coleman")."""
        if len(cand.toks) > 1 or cand.type not in ("person", None) or cand.brand:
            return None
        if cand.context in ("place", "organization") or cand.norm not in self.given_names:
            return None
        people = self.first_names.get(cand.norm, set())
        return next(iter(people)) if len(people) == 1 else None


def _two_surnames(cand: Candidate, gaz: Gazetteer) -> Candidate | None:
    """For a name of a given name and two surnames, as Spanish and Portuguese names are ("Claudia Sheinbaum
    Pardo"), the name with the first surname alone ("Claudia Sheinbaum"); else None. A middle word that is
    a given name ("Mary Ann Smith") or a particle ("Lula da Silva") is no first surname."""
    toks = cand.toks
    if len(toks) != 3 or not all(t.cap and t.word and not t.initial and not t.acronym for t in toks):
        return None
    given, first, second = (t.norm for t in toks)
    names = gaz.given_names
    if given not in names or first in names or second in names or {first, second} & PARTICLES:
        return None
    if family_first([given, first, second]) or compound_given([given, first, second]):
        return None  # "Kim Jong Un" has no surname "Jong", "Abdel Fattah el-Sisi" none "Fattah"
    return Candidate(toks[:2], cand.sentence, "person")


def _known_by_first_surname(cand: Candidate, shorter: set[str]) -> bool:
    """Does the text call the person by the first of two surnames ("Sheinbaum", "Claudia Sheinbaum") and
    never by the second alone? Then that is the name the news knows them by; "Hillary Rodham Clinton",
    called "Clinton", keeps her full name."""
    given, first, second = (t.norm for t in cand.toks)
    return (first in shorter or f"{given} {first}" in shorter) and second not in shorter


def _canonical_person(cand: Candidate, gaz: Gazetteer, text: str) -> str:
    known = gaz.known.get(cand.norm) or gaz.known.get(skeleton(cand.norm))
    if known and known[1] == "person":
        return known[0]
    return _surface(cand, text)


def resolve(cands: list[Candidate], gaz: Gazetteer, text: str) -> None:
    """Give every candidate its type and canonical name, or type None to drop it."""
    _without_affiliation(cands, gaz)
    _one_sense(cands)
    companies = _companies(cands, gaz, text)
    named = {id(c) for c in cands if companies and _company_name(c, companies, gaz)}  # a company's name
    people = _People([c for c in cands if id(c) not in named], gaz, text)
    seen: dict[str, tuple[ActorType, str]] = {}
    referred: set[str] = set()
    for c in cands:
        lone_place = _lone_place(c, gaz)
        full = people.find(c, text) if c.type in ("person", None) or lone_place else None
        if full and lone_place and fold(full.split()[0]) not in gaz.given_names:
            full = None  # "Copenhagen" is no surname of "Nasdaq Copenhagen"
        company = companies.get(c.norm) if id(c) in named else None
        if full and company and len(c.toks) > 1:
            full = None  # "Eberhard Faber" after "Eberhard Faber GmbH" is the firm, not Henry Eberhard Faber
        how = "surname"
        if not full and not company:
            full, how = people.first_name_of(c), "given"
        if full:
            if len(c.toks) == 1 and c.context == "person":
                referred.add(full)  # "Bekele said", not "the Connector" after "Fairfax Connector"
            c.type, c.canonical, c.why = "person", full, c.why or how
        elif company:
            # the legal form of its full name is as firm a head as "Ministry"
            c.type, c.canonical, c.why = "organization", company, "head"
        elif c.type == "person" and c.canonical is None:
            c.canonical = _canonical_person(c, gaz, text)
        elif c.type == "organization" and c.canonical is None:
            known = gaz.known.get(c.norm)
            c.canonical = known[0] if known else _surface(c, text)
        elif c.type == "place" and c.canonical is None:
            c.canonical = _surface(c, text)
        if c.type is not None and c.alias_of is None and not c.initial:
            seen.setdefault(c.norm, (c.type, c.canonical or _surface(c, text)))
    for c in cands:  # a name the text refers back to by its surname alone is a person's, firmly
        if c.type == "person" and c.canonical in referred and c.why in ("shape", "particle"):
            c.why = "surname"
    _short_forms(cands, gaz, seen)
    contexts: dict[str, set[str]] = defaultdict(set)
    for c in cands:
        if c.type is None:
            contexts[c.norm].add("brand" if c.brand else c.context)
            contexts[c.norm].add("again" if "seen" in contexts[c.norm] else "seen")
    for c in cands:
        if c.alias_of is not None or c.type is None:
            _settle(c, seen, contexts[c.norm], gaz, text)
    _refer_back(cands, gaz)


_GENERIC = (
    ORG_HEADS | PORTFOLIOS | UNIT_HEADS | frozenset({"national", "federal", "royal", "central", "of", "the"})
)


def _refer_back(cands: list[Candidate], gaz: Gazetteer) -> None:
    """An organisation written two ways in one text is one actor. A nationality before a name the lists
    or the text know without it says where the body is, no part of its name ("the Danish Social Liberal
    Party" after or before "the Social Liberal Party" is a mention of Denmark and of the party); a head
    alone after a longer name with that word refers back to it ("the Guild's board" after "the Guild of
    Harbour Pilots")."""
    orgs = [c for c in cands if c.type == "organization" and c.alias_of is None]
    alone = {c.norm: c for c in orgs if c.toks[0].norm not in gaz.demonyms}
    nations: dict[str, set[str]] = defaultdict(set)  # "Australian" and "Canadian League of Rights": two
    for c in orgs:
        if len(c.toks) > 2 and c.toks[0].norm in gaz.demonyms:
            nations[" ".join(t.norm for t in c.toks[1:])].add(gaz.demonyms[c.toks[0].norm])
    for c in orgs:
        first = c.toks[0]
        if len(c.toks) > 2 and first.norm in gaz.demonyms and not first.possessive:
            rest = " ".join(t.norm for t in c.toks[1:])
            known = gaz.known.get(rest)
            plain = alone.get(rest)
            generic = all(t.low in _GENERIC for t in c.toks[1:])  # "German Air Force" is no "Air Force"
            firm = (known and known[1] == "organization") or plain is not None
            if firm and not generic and len(nations[rest]) == 1:
                cands.append(Candidate([first], c.sentence, "place", gaz.demonyms[first.norm], why="list"))
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


# words for a person's party before the name: "Republican Ed Gillespie" is Ed Gillespie, a Republican
_AFFILIATIONS = frozenset(
    "republican republicans democrat democrats gop tory tories labour conservative liberal socialist".split()
)


def _without_affiliation(cands: list[Candidate], gaz: Gazetteer) -> None:
    """A person's name begun by their party ("Republican Chris Christie") is the name after it, or the
    archive knows one person under two names."""
    for c in cands:
        party = c.toks[0].low in _AFFILIATIONS
        if party and c.type == "person" and len(c.toks) > 2 and c.toks[1].norm in gaz.given_names:
            c.toks, c.canonical = c.toks[1:], None


# The rules whose type stands against other readings of the same name: a list, a title, a surname of a
# person named in full, an organisation head, a brand. The tagger (``briefing.tagger.FIRM``) and the
# kinds (``briefing.kinds``) each add their own to these.
FIRM_RULES = frozenset({"list", "title", "surname", "head", "brand"})


def _one_sense(cands: list[Candidate]) -> None:
    """A name the text types firmly as an organisation or a place is that wherever else the text writes it
    and only a guess typed it otherwise: "Castellan's chief executive" makes "the merger of Castellan" the
    company too."""
    firm: dict[str, set[tuple[ActorType, str | None]]] = defaultdict(set)
    for c in cands:
        if c.why in FIRM_RULES and c.type in ("organization", "place"):
            firm[c.norm].add((c.type, c.canonical))
    for c in cands:
        found = firm.get(c.norm)
        if found and len(found) == 1 and c.type is not None and c.why not in FIRM_RULES:
            type_, canonical = next(iter(found))
            if c.type != type_:
                c.type, c.canonical, c.why = type_, canonical, "seen"


def _company_name(cand: Candidate, companies: dict[str, str], gaz: Gazetteer) -> bool:
    """Is the candidate a company's short name, not a name a title or the lists give a person or place? A
    city the company is named after is the company unless the words around say place ("Toyota said",
    not "in Toyota")."""
    if cand.norm not in companies or cand.why == "title":
        return False
    if cand.why != "list":
        return True
    return cand.type == "place" and _lone_place(cand, gaz) and cand.context != "place"


def _companies(cands: list[Candidate], gaz: Gazetteer, text: str) -> dict[str, str]:
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
        full = c.canonical or _surface(c, text)
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


def _short_forms(cands: list[Candidate], gaz: Gazetteer, seen: dict[str, tuple[ActorType, str]]) -> None:
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
    "International Criminal Court")."""
    by_initials: dict[str, set[tuple[ActorType, str]]] = defaultdict(set)
    for c in cands:
        content = [t for t in c.toks if t.word and t.norm not in _FUNCTION_WORDS]
        # initials only of a name written in capitals: "Ukrainian service" (a state's) is no "U.S."
        if c.type == "organization" and c.canonical and len(c.toks) > 1 and all(t.cap for t in content):
            initials = "".join(t.norm[0] for t in content)
            by_initials[initials].add(("organization", c.canonical))
    for c in cands:
        if len(c.toks) == 1 and c.toks[0].acronym and c.norm not in gaz.known:
            found = by_initials.get(c.norm.replace(" ", ""), set())
            if len(found) == 1:
                c.type, c.canonical = next(iter(found))
                seen[c.norm] = (c.type, c.canonical)


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


def _lone_place(cand: Candidate, gaz: Gazetteer) -> bool:
    """A one-word city that may be a surname instead ("Jackson", "Austin")."""
    return cand.type == "place" and len(cand.toks) == 1 and cand.norm in gaz.places


def _settle(
    c: Candidate, seen: dict[str, tuple[ActorType, str]], contexts: set[str], gaz: Gazetteer, text: str
) -> None:
    """Type a candidate its run left open: by the text's other uses, its context, then a default."""
    if c.norm in seen:
        c.type, c.canonical = seen[c.norm]
        c.why = "seen"
    elif c.alias_of is not None:
        c.canonical = c.canonical or _surface(c, text)
    elif "brand" in contexts and c.toks[-1].possessive:
        c.type, c.canonical, c.why = "organization", text[c.start : c.toks[-1].end], "brand"
        c.toks = [*c.toks[:-1], _whole(c.toks[-1])]
    elif "person" in contexts:
        c.type, c.canonical, c.why = "person", _surface(c, text), "context"
    elif "organization" in contexts:
        c.type, c.canonical, c.why = "organization", _surface(c, text), "context"
    elif "place" in contexts and not c.initial:
        c.type, c.canonical, c.why = "place", _surface(c, text), "context"
        # "guarantees from Nordhavn": a lone word no list holds, after a preposition alone, may be the
        # company the archive knows by it
        c.guessed = len(c.toks) == 1
    elif len(c.toks) == 1 and c.norm in gaz.given_names:
        c.type, c.canonical, c.why = "person", _surface(c, text), "given"
    elif c.initial or c.common:
        c.type = None
    elif "again" not in contexts:
        c.type = None  # a word capitalised once, with nothing to say what it is: no evidence of a name
    else:
        c.type, c.canonical, c.guessed, c.why = "organization", _surface(c, text), True, "guess"


def _whole(tok: Token) -> Token:
    """The token with its possessive kept as part of the name ("Kellogg's" the company)."""
    return Token(
        tok.text, tok.start, tok.end, tok.low, tok.norm + "s", tok.word, tok.cap, tok.acronym
    ).refresh()


def match_headlines(cands: list[Candidate], gaz: Gazetteer, headlines: list[tuple[int, list[Token]]]) -> None:
    """Mentions in title-case lines: only names the body or the lists establish."""
    table: dict[str, tuple[ActorType, str]] = {}
    surnames: set[str] = set()
    for c in cands:
        if c.type is not None and c.canonical:
            table.setdefault(c.norm, (c.type, c.canonical))
            if c.type == "person":  # "Kim" of Kim Jong Un, not "Un" (the UN in a headline)
                for key in _surname_keys(c)[:1]:
                    surnames.add(key)
                    table.setdefault(key, (c.type, c.canonical))
    surnames -= {c.norm for c in cands if c.type is not None and len(c.toks) == 1 and c.why != "surname"}
    for index, toks in headlines:
        i = 0
        while i < len(toks):
            width = _match(toks, i, table, gaz)
            if width == 1 and toks[i].norm in surnames and _another_full_name(toks, i, gaz):
                width = 0
            if width:
                norm = " ".join(t.norm for t in toks[i : i + width])
                type_, name = table.get(norm) or _gaz(norm, gaz)
                cands.append(Candidate(toks[i : i + width], index, type_, name))
                i += width
            else:
                i += 1


def _another_full_name(toks: list[Token], i: int, gaz: Gazetteer) -> bool:
    """Is the surname at ``toks[i]`` another person's, by the name before it: a given name ("Tomos Morgan"
    is not Eluned Morgan), or any word on a line that is a name alone (a byline)?"""
    before = toks[i - 1] if i > 0 else None
    if before is None or not before.word or not before.cap or before.acronym or before.low in TITLES:
        return False
    return before.norm in gaz.given_names or (len(toks) <= 3 and all(t.word and t.cap for t in toks))


def _gaz(norm: str, gaz: Gazetteer) -> tuple[ActorType, str]:
    if norm in gaz.known:
        name, type_ = gaz.known[norm]
        return type_, name
    return "place", gaz.place(norm) or gaz.demonyms[norm]


def _match(toks: list[Token], i: int, table: dict, gaz: Gazetteer) -> int:
    if not toks[i].word or not (toks[i].cap or toks[i].acronym) or toks[i].norm in CALENDAR:
        return 0
    for width in range(min(5, len(toks) - i), 0, -1):
        span = toks[i : i + width]
        if not (span[-1].cap or span[-1].acronym) or not all(t.word for t in span):
            continue
        norm = " ".join(t.norm for t in span)
        if norm in table or norm in gaz.known or gaz.place(norm) or norm in gaz.demonyms:
            return width
    return 0


def group(cands: list[Candidate], text: str) -> list[ExtractedActor]:
    """One actor per (type, canonical key), mentions in text order."""
    by_key: dict[str, list[Candidate]] = defaultdict(list)
    for c in sorted(cands, key=lambda c: c.start):
        if c.type is not None and c.canonical:
            by_key[actor_key(c.canonical, c.type)].append(c)
    actors = []
    for group_ in by_key.values():
        first = group_[0]
        name = first.canonical or ""
        mentions = _mentions(group_, text)
        if not mentions:
            continue
        # another name the text gives the actor; "northern Virginia" is a part of Virginia, no name of it,
        # and "Sean" of Sean Hannity is no name to find him by in other articles
        written = {as_written(m.surface) for m in mentions}
        not_names = {fold(name), *(_given_name(name) if first.type == "person" else ())}
        # nor is "the Federation" of the International Federation of Yemeni Migrants: a head alone
        aliases = frozenset(
            a for a in written if fold(a) not in not_names and fold(a) not in ORG_HEADS and _a_name(a)
        )
        roles = distinct([r for c in group_ for r in c.roles])
        if not all(bare_title(r) for r in roles):  # "Rep." says less than "national security adviser"
            roles = [r for r in roles if not bare_title(r)]
        roles = roles[:MAX_ROLES]
        actors.append(
            ExtractedActor(
                name=name,
                type=first.type or "organization",
                mentions=mentions,
                aliases=aliases,
                role="; ".join(roles) or None,
                guessed=all(c.guessed for c in group_),
            )
        )
    return actors


# lower-case words a name may hold between its capitalised ones: "Bosnia and Herzegovina", "Gulf of Aden"
_NAME_JOINERS = _FUNCTION_WORDS | PARTICLES | {"&", "de", "y", "upon", "to"}


def _a_name(written: str) -> bool:
    """Is a mention's text a name to find the actor by in other articles? "Russian forces", "Russian
    territory" or "Ukrainian service" are what a state has or does, in lower-case words; not names
    ("al-Qaeda", "Côte d'Ivoire" are)."""
    words = written.split()
    return not written[:1].islower() and all(
        any(ch.isupper() or ch.isdigit() for ch in w) or w.lower() in _NAME_JOINERS or not w[:1].isalpha()
        for w in words
    )


def _given_name(name: str) -> list[str]:
    """The given name of a person's name of several words, folded ("sean" of Sean Hannity; none of Kim
    Jong Un, whose first word is the family name)."""
    words = [fold(w) for w in name.split()]
    if len(words) < 2 or family_first(words):
        return []
    return [" ".join(words[: compound_given(words) or 1])]  # "abdel fattah" of Abdel Fattah al-Burhan


def _mentions(group_: list[Candidate], text: str) -> tuple[Mention, ...]:
    out: dict[tuple[int, int], Mention] = {}
    for c in group_:
        start, end = _outside_brackets(text, c.start, c.end)
        out.setdefault((start, end), Mention(start, end, text[start:end], c.sentence))
    return tuple(sorted(out.values(), key=lambda m: m.start))


def _outside_brackets(text: str, start: int, end: int) -> tuple[int, int]:
    """A mention's span without the words an editor put in brackets: in "[Russian President Vladimir]
    Putin" the writer wrote "Putin" (the name is read whole, the mention is what follows the bracket)."""
    surface = text[start:end]
    if "]" in surface:
        cut = surface.rindex("]") + 1
        rest = surface[cut:]
        if any(ch.isalpha() for ch in rest):
            return start + cut + len(rest) - len(rest.lstrip()), end
    if "[" in surface:
        cut = surface.index("[")
        if any(ch.isalpha() for ch in surface[:cut]):
            return start, start + len(surface[:cut].rstrip())
    return start, end
