"""Within one text: the type and canonical name of every candidate, or None to drop it; then headlines.

:func:`resolve` reads the candidates of a text's body together: a person's surname or given name alone
refers to the person named in full (:mod:`briefing.coref`), an organisation's short names to the
organisation (:mod:`briefing.org_coref`), a name typed firmly once is that type everywhere in the text,
and a word left untyped by its run takes the type it has elsewhere in the text, then its context; a
capitalised first word of a sentence with no evidence at all is dropped. :func:`match_headlines` then
finds in title-case lines only the names the body or the lists establish.
"""

from __future__ import annotations

import re
from collections import defaultdict

from briefing.aliases import PARTICLES, PATRONYMICS, fold
from briefing.coref import (
    FIRM_RULES,
    Candidate,
    People,
    canonical_person,
    is_lone_place,
    surface_of,
    surname_keys,
)
from briefing.cues import CALENDAR, PLACE_HEADS, TITLES, words
from briefing.gazetteer import Gazetteer
from briefing.models import ActorType
from briefing.org_coref import company_short_names, is_company_name, refer_back, short_forms
from briefing.tokens import Token


def resolve(cands: list[Candidate], gaz: Gazetteer, text: str) -> None:
    """Give every candidate its type and canonical name, or type None to drop it."""
    _without_affiliation(cands, gaz)
    _bodies_of_places(cands, gaz)
    _one_sense(cands)
    companies = company_short_names(cands, gaz, text)
    named = {id(c) for c in cands if companies and is_company_name(c, companies, gaz)}  # a company's name
    people = People([c for c in cands if id(c) not in named], gaz, text)
    seen: dict[str, tuple[ActorType, str]] = {}
    referred: set[str] = set()
    towns = _towns_with_councils(text)
    spoken_brands = {c.norm for c in cands if _brand_subject(c, text, _SPOKEN_BRAND)}
    for c in cands:
        if c.type is None and _a_town(c, text, towns):
            # "Ashford has a population of 132,000" after "Ashford Borough Council": firm for the tagger
            c.type, c.canonical, c.why, c.placed = "place", surface_of(c, text), "council", True
        lone_place = is_lone_place(c, gaz)
        # "Bin Salman" is a son's name, whatever the tagger read it as: the text's person, or no one's
        sons = len(c.toks) > 1 and c.toks[0].norm in PATRONYMICS
        full = people.find(c, text) if c.type in ("person", None) or lone_place or sons else None
        if id(c) in people.unclear:
            # "Kim" after Kim Yo Jong and Kim Jong Un both, in one sentence with neither its subject: no one
            c.type, c.canonical, c.why = None, None, "unclear"
            continue
        if (
            c.type in ("person", None)
            and c.why not in FIRM_RULES
            and _company_subject(c, text, full, spoken_brands)
        ):
            # "Kellogg's reported higher sales" is the company, though Keith Kellogg is named: firmly so,
            # its name written with the possessive, as the text writes it
            full = None
            c.type, c.canonical, c.why = "organization", text[c.start : c.toks[-1].end], "brand"
            c.toks = [*c.toks[:-1], _whole(c.toks[-1])]
        if full and lone_place and c.norm in gaz.demonyms and not gaz.place(c.norm):
            full = full if _people_spoken(c, text) else None  # "The Welsh, who love rugby" are no one
        elif full and lone_place and fold(full.split()[0]) not in gaz.given_names and not _speaks(c, text):
            full = None  # "Copenhagen" is no surname of "Nasdaq Copenhagen"; "Fontana said" is Attilio's
        if full and c.type in ("place", None) and (_placed(c, text) or _a_town(c, text, towns)):
            full = None  # "the bridge in Kendal" is the town, though councillor Fiona Kendal speaks
            if c.type is None:  # and not the person the text has named by that word either
                c.type, c.canonical, c.why, c.guessed = "place", surface_of(c, text), "context", True
                c.placed = True
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
            c.canonical = canonical_person(c, gaz, text)
        elif c.type == "organization" and c.canonical is None:
            known = gaz.known.get(c.norm)
            c.canonical = known[0] if known else surface_of(c, text)
        elif c.type == "place" and c.canonical is None:
            c.canonical = surface_of(c, text)
        if c.type is not None and c.alias_of is None and not c.initial:
            seen.setdefault(c.norm, (c.type, c.canonical or surface_of(c, text)))
    for c in cands:  # a name the text refers back to by its surname alone is a person's, firmly
        if c.type == "person" and c.canonical in referred and c.why in ("shape", "particle"):
            c.why = "surname"
    short_forms(cands, gaz, seen)
    _beside_people(cands, text, gaz)
    _paired_with_a_person(cands, text)
    contexts: dict[str, set[str]] = defaultdict(set)
    for c in cands:
        if c.type is None:
            contexts[c.norm].add("brand" if c.brand else c.context)
            contexts[c.norm].add("again" if "seen" in contexts[c.norm] else "seen")
    for c in cands:
        if (c.alias_of is not None or c.type is None) and c.why != "unclear":
            _settle(c, seen, contexts[c.norm], gaz, text)
    refer_back(cands, gaz, text)
    _brand_names(cands)


_AND = re.compile(r"\s+(?:and|or|et|ou|y|und|oder)\s+")
_FIRMLY = frozenset({"list", "title", "surname", "given"})


# "Both Starmer and Macron", "Neither Scholz nor Meloni", "Either Sanchez or Costa": a pair of one kind
_PAIR = re.compile(r"(?:^|[.!?]\s+|\n)(?:Both|Neither|Either)\s+$")
_PAIRED = {"both": r"\s+and\s+", "neither": r"\s+nor\s+", "either": r"\s+or\s+"}


def _paired_with_a_person(cands: list[Candidate], text: str) -> None:
    """A lone word no list knows that opens a sentence's "Both X and Y", "Neither X nor Y" or "Either X or
    Y", whose other half is a person the lists, a title or a full name made so, is a person too: a pair
    named so is of one kind ("Both Starmer and Macron backed the plan"). Only there: a lone untyped word
    beside a person after a plain "and" is left alone (``_beside_people``)."""
    for k, c in enumerate(cands[:-1]):
        if c.type is not None or len(c.toks) != 1 or c.toks[0].possessive:
            continue
        opener = _PAIR.search(text[max(0, c.start - 12) : c.start])
        if opener is None:
            continue
        joiner = _PAIRED[opener.group(0).split()[-1].lower()]
        other = cands[k + 1]
        if (
            other.type == "person"
            and other.why in _FIRMLY
            and re.fullmatch(joiner, text[c.end : other.start])
        ):
            c.type, c.canonical, c.why = "person", surface_of(c, text), "title"


def _beside_people(cands: list[Candidate], text: str, gaz: Gazetteer) -> None:
    """A given name that is also a country's, before a word no list knows, joined by "and" (or the French
    "et", Spanish "y", German "und") to a person, is a person too, not a body named after the place
    ("Marine Le Pen et Jordan Bardella"). (A lone untyped word so joined, "Both Starmer and Macron", is
    left alone: typing it a person shifted the tagger's held-out scores both ways, UK_Government down.)"""
    for k, c in enumerate(cands):
        if c.why != "placename" or len(c.toks) != 2 or c.toks[0].norm not in gaz.given_names:
            continue
        if c.toks[1].norm in PLACE_HEADS:  # "Netanyahu and Jordan Valley council leaders": the valley
            continue
        # a person the lists, a title or a full name made so: no run that only looks like a name
        beside = [
            o for o in cands[max(0, k - 1) : k + 2] if o is not c and o.type == "person" and o.why in _FIRMLY
        ]
        if any(_AND.fullmatch(text[min(c.end, o.end) : max(c.start, o.start)]) for o in beside):
            c.type, c.canonical, c.why = "person", surface_of(c, text), "context"


def _people_spoken(c: Candidate, text: str) -> bool:
    """ "Welsh said", "Welsh, whose book": a people's name alone (no place's too) that speaks, which only
    a person of that surname does; "Irvine Welsh" is that person though the lists lack "Irvine" as a given
    name. After "the" it is the people ("The Welsh, who love rugby,")."""
    return c.context == "person" and _THE_BEFORE.search(text, 0, c.start) is None


def _speaks(c: Candidate, text: str) -> bool:
    """ "Fontana said", "Fontana rejected the criticism and said": a lone word that says something, right
    before a speaking verb or as the subject that opens a sentence and speaks in its first clause. A place
    does not speak; a person the text names in full with that surname does, though the lists lack his
    given name ("Attilio")."""
    if c.context == "person":
        return True
    return c.initial and _SPEAKS_LATER.match(text, c.end) is not None


# the lower-case words of a first clause, then a speaking verb: no comma, no other name between
_SPEAKS_LATER = re.compile(
    r"(?:\s+[a-z][\w'’-]*){0,8}?\s+(?:said|says|told|added|insisted|argued|warned|explained|stated)\b"
)


_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


def _brand_names(cands: list[Candidate]) -> None:
    """A company the text names with its possessive as a subject ("Kellogg's reported") goes by that name
    in its other mentions too ("said Kellogg's chief executive"), so that one text calls it one name."""
    brands = {
        c.norm: c.canonical
        for c in cands
        if c.type == "organization" and c.why == "brand" and c.canonical and c.canonical[-2:] in ("'s", "’s")
    }
    for c in cands:
        if c.type == "organization" and c.norm + "s" in brands:
            c.canonical = brands[c.norm + "s"]


# A preposition that puts the lone word after it on the map ("in Kendal", "through Lancaster"): "to", "at"
# and "from" are left out, for they as often come before a person ("wrote to Kendal", "a call from Kendal").
_PLACED = re.compile(
    r"\b(?:in|near|outside|through|throughout|across|around|towards?|within)\s+$", re.IGNORECASE
)
# A lower-case council after a lone word: the town's ("Kendal council", "Preston city council").
_ITS_COUNCIL = re.compile(r"\s+(?:(?:city|county|town|borough|district)\s+)?council\b")
# Words after which "in" takes a person ("confidence in Starmer", "believe in Kendal").
_IN_SOMEONE = re.compile(
    r"\b(?:confidence|faith|trust|belief|believe[ds]?|interest|hope|pride|disappointment|role|stake)\s+in\s+$",
    re.IGNORECASE,
)


def _towns_with_councils(text: str) -> set[str]:
    """The towns whose councils the text names ("Ashford Borough Council", "Preston City Council")."""
    return {fold(m.group(1)) for m in _NAMED_COUNCIL.finditer(text)}


def _a_town(c: Candidate, text: str, towns: set[str]) -> bool:
    """Is the candidate a lone word, no possessive, that a council the text names takes its name from? A
    local paper's "Ashford" is the town, though a Mrs Janet Ashford is in the news too."""
    return len(c.toks) == 1 and not c.toks[0].possessive and c.norm in towns


_NAMED_COUNCIL = re.compile(r"\b([A-Z][\w'’-]+)\s+(?:City|County|Town|Borough|District|Parish)\s+Council\b")


def _placed(c: Candidate, text: str) -> bool:
    """Is the candidate a lone word that a place preposition comes right before ("in Kendal", "through
    Lancaster"), or a lower-case council right after ("Kendal council")? That word is the place, not a
    surname referring back to a person of the text: one the rules typed a place, or left open with only
    those words around it to say what it is. A possessive ("in Kendal's view") and "in" after a word of
    belief ("faith in Kendal") may still be the person's."""
    if len(c.toks) != 1 or c.toks[0].possessive:
        return False
    if _ITS_COUNCIL.match(text, c.end):
        return True  # "Kendal council approves plan": the town's council
    before = text[max(0, c.start - 40) : c.start]
    return _PLACED.search(before) is not None and _IN_SOMEONE.search(before) is None


# Verbs after a possessive name that make it a company's name, never a person's possessive: a person's
# "Kellogg's" is followed by what is theirs ("Kellogg's plan", "Putin's plans"), not by what they did.
# ``_SPOKEN_BRAND`` leaves out shares that move, which a person named in full may own ("Musk's shares")
_COMPANY_DOES = (
    r"said|says|reported|reports|announced|announces|sells|sold|agreed|expects|expected|posted|plants"
    r"|factories|dealerships|subsidiaries|shareholders"
)
_SPOKEN_BRAND = re.compile(rf"\s+(?:{_COMPANY_DOES})\b")
_BRAND_VERBS = re.compile(
    rf"\s+(?:{_COMPANY_DOES}"
    # and a company's shares moving, or what only a company has: "Kellogg's shares fall as sales slow"
    r"|(?:shares|stock)\s+(?:fall|falls|fell|rise|rises|rose|drop|drops|dropped|slump|slumps|slumped|jump"
    r"|jumps|jumped|gain|gains|gained|sink|sinks|sank|tumble|tumbles|tumbled|surge|surges|surged|slide"
    r"|slides|slid|climb|climbs|climbed))\b"
)


def _brand_subject(c: Candidate, text: str, verbs: re.Pattern[str] = _BRAND_VERBS) -> bool:
    """Is the candidate a possessive name used as the subject of a company's verb ("Kellogg's reported")?"""
    last = c.toks[-1]
    return c.brand and last.possessive and verbs.match(text, last.end) is not None


def _company_subject(c: Candidate, text: str, full: str | None, spoken: set[str]) -> bool:
    """Is the candidate a company by the verb after its possessive? Shares that move are a company's
    ("Kellogg's shares fall") unless the text names a person of that name in full and never has the
    possessive speak or report as a company does: "Elon Musk said ... Musk's shares fell" are his."""
    if not _brand_subject(c, text):
        return False
    return not full or c.norm in spoken or _brand_subject(c, text, _SPOKEN_BRAND)


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


def _bodies_of_places(cands: list[Candidate], gaz: Gazetteer) -> None:
    """A name a particle's shape made a person's, whose one word before the particle is no given name and
    whose words after it a place the lists or the text know ("Xunta de Galicia" beside "nine in Galicia",
    "Junta de Andalucía"), is a body of that place, not a person: else "Galicia" would be its surname.
    "Lula da Silva" names no place after its particle, and "Tomás de la Fuente" begins with a given name."""
    places = {c.norm for c in cands if c.type == "place" or (c.type is None and c.context == "place")}
    for c in cands:
        if c.type != "person" or c.why != "particle":
            continue
        at = next((k for k, t in enumerate(c.toks) if t.low in PARTICLES), 0)
        rest = at + 1
        while rest < len(c.toks) and c.toks[rest].low in PARTICLES:
            rest += 1  # "de la", "van der"
        if at != 1 or rest >= len(c.toks) or c.toks[0].norm in gaz.given_names:
            continue  # "Henrique Lopes de Mendonça": a body's name has one word before its "de"
        tail = " ".join(t.norm for t in c.toks[rest:])
        if tail in places or gaz.place(tail):
            c.type, c.why, c.canonical = "organization", "head", None


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


def _settle(
    c: Candidate, seen: dict[str, tuple[ActorType, str]], contexts: set[str], gaz: Gazetteer, text: str
) -> None:
    """Type a candidate its run left open: by the text's other uses, its context, then a default."""
    if c.norm in seen:
        c.type, c.canonical = seen[c.norm]
        c.why = "seen"
    elif c.alias_of is not None:
        c.canonical = c.canonical or surface_of(c, text)
    elif "brand" in contexts and c.toks[-1].possessive:
        c.type, c.canonical, c.why = "organization", text[c.start : c.toks[-1].end], "brand"
        c.toks = [*c.toks[:-1], _whole(c.toks[-1])]
    elif "person" in contexts:
        c.type, c.canonical, c.why = "person", surface_of(c, text), "context"
    elif "organization" in contexts:
        c.type, c.canonical, c.why = "organization", surface_of(c, text), "context"
    elif "place" in contexts and not c.initial:
        c.type, c.canonical, c.why = "place", surface_of(c, text), "context"
        # "guarantees from Nordhavn": a lone word no list holds, after a preposition alone, may be the
        # company the archive knows by it
        c.guessed = len(c.toks) == 1
    elif len(c.toks) == 1 and c.norm in gaz.given_names:
        c.type, c.canonical, c.why = "person", surface_of(c, text), "given"
    elif c.initial or c.common:
        c.type = None
    elif "again" not in contexts:
        c.type = None  # a word capitalised once, with nothing to say what it is: no evidence of a name
    else:
        c.type, c.canonical, c.guessed, c.why = "organization", surface_of(c, text), True, "guess"


def _whole(tok: Token) -> Token:
    """The token with its possessive kept as part of the name ("Kellogg's" the company)."""
    return Token(
        tok.text, tok.start, tok.end, tok.low, tok.norm + "s", tok.word, tok.cap, tok.acronym
    ).refresh()


# a unit whose name without it is the unit in a headline, where the body names only the unit: "Niger
# Explosion" over a story of "Suleja, Niger State", "Idlib Strikes" over one of "Idlib province"
_UNITS = words("state province region district county oblast governorate prefecture krai raion city")


def match_headlines(cands: list[Candidate], gaz: Gazetteer, headlines: list[tuple[int, list[Token]]]) -> None:
    """Mentions in title-case lines: only names the body or the lists establish; a place the body names
    only with its unit ("Niger State", "Mexico City") is that place in a headline that drops the unit
    ("Niger Explosion"), not the country or the place the lists know by the short name."""
    table: dict[str, tuple[ActorType, str]] = {}
    surnames: set[str] = set()
    for c in cands:
        if c.type is not None and c.canonical:
            table.setdefault(c.norm, (c.type, c.canonical))
            if c.type == "person":  # "Kim" of Kim Jong Un, not "Un" (the UN in a headline)
                for key in surname_keys(c)[:1]:
                    surnames.add(key)
                    table.setdefault(key, (c.type, c.canonical))
    surnames -= {c.norm for c in cands if c.type is not None and len(c.toks) == 1 and c.why != "surname"}
    for c in cands:  # a local paper's masthead, "Ashford & District Echo": the town, not Mrs Ashford
        if c.why == "council" and c.canonical:
            table[c.norm] = (c.type or "place", c.canonical)
    for c in cands:
        if c.type == "place" and c.canonical and len(c.toks) > 1 and c.toks[-1].low in _UNITS:
            table.setdefault(" ".join(t.norm for t in c.toks[:-1]), ("place", c.canonical))
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
