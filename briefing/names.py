"""What a name is, for the rules of actor extraction (``briefing.actors``): the known names of the lists,
titles, the shape of a person's name, and the candidates a sentence's reading adds with their roles."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from briefing import roles
from briefing.aliases import PARTICLES, SUFFIXES
from briefing.coref import Candidate
from briefing.cues import MISC_HEADS, ORG_HEADS, PLACE_HEADS, TITLES, words
from briefing.gazetteer import Gazetteer
from briefing.german_titles import german_office
from briefing.models import ActorType
from briefing.tokens import Token

SMALL = words("a an the of for and to in on at with as by or")
MAX_NAME_TOKENS = 5
ROMAN = words("i ii iii iv v vi vii viii ix x xi xii")


# a regnal or generation number: "Louis XVI", "Charles III", "Pope Benedict XVI", "John Smith IV"
_REGNAL = re.compile(r"(?=[xvi])x{0,3}(?:ix|iv|v?i{0,3})")


def regnal(tok: Token) -> bool:
    return tok.cap and tok.text.isupper() and _REGNAL.fullmatch(tok.low) is not None


@dataclass
class Doc:
    text: str
    gaz: Gazetteer
    lower: set[str]
    candidates: list[Candidate] = field(default_factory=list)


# German's articles, after which a capitalised word is a noun ("das Gesetz", "die Neuwahlen")
GERMAN_ARTICLES = words("der die das dem den des ein eine einem einen einer eines")
# articles of German and French: a capitalised word after one in lower case is a noun ("das Gesetz")
FOREIGN_ARTICLES = GERMAN_ARTICLES | words("deren dessen le la les une")


def known_name(gaz: Gazetteer, norm: str, *, acronym: bool = False) -> tuple[str, ActorType] | None:
    """The canonical name and type the lists give a folded name. An acronym ("NIS") is looked up only
    among known actors and countries, not among cities that fold the same way ("Niš")."""
    if norm in gaz.known:
        return gaz.known[norm]
    if acronym:
        return (gaz.countries[norm], "place") if norm in gaz.countries else None
    place = gaz.place(norm) or gaz.demonyms.get(norm)
    if place:
        return place, "place"
    article, _, rest = norm.partition(" ")
    if (article == "the" or article in FOREIGN_ARTICLES) and rest in gaz.known:
        return gaz.known[rest]  # "the Kremlin", "Der Bundestag"
    return None


def add_candidate(doc: Doc, index: int, toks: list[Token], type_: ActorType | None, **kw: Any) -> Candidate:
    cand = Candidate(toks, index, type_, **kw)
    doc.candidates.append(cand)
    return cand


def read_places(doc: Doc, index: int, toks: list[Token], i: int, j: int) -> None:
    for a, b, place in places_in(doc.gaz, toks, i, j):
        add_candidate(doc, index, toks[a:b], place[1], canonical=place[0], why="list")


def plausible_name(toks: list[Token], given: frozenset[str] | None = None) -> bool:
    """Could the run be a person's name? A place's head in it says no ("Hyde Park"), unless ``given``
    (the given names, passed where a title stands before the run) knows its first word: after "Sgt." or
    "Dr.", "Ann Park" and "Anna Field" are people whose surnames are place words."""
    if not 1 <= len(toks) <= MAX_NAME_TOKENS or toks[0].low in TITLES:
        return False
    for k, t in enumerate(toks):
        if t.acronym and not (k and regnal(t)):
            return False
        if not (t.cap or t.initial or t.low in PARTICLES):
            return False
    surname = given is not None and len(toks) in (2, 3) and toks[0].norm in given
    heads = toks[:-1] if surname else toks
    return (
        not any(t.low in ORG_HEADS or t.low in PLACE_HEADS for t in heads)
        and toks[-1].low not in ORG_HEADS
        and toks[-1].low not in MISC_HEADS
    )


def is_title(tok: Token) -> bool:
    """A title word: "President", "Gen.", "Secretary-General", "President-elect", and a German office as
    German inflects and compounds it ("Präsidenten", "Regierungssprecher", "CSU-Chef")."""
    if tok.low in TITLES or ("-" in tok.low and any(p in TITLES for p in tok.low.split("-"))):
        return True
    return tok.cap and german_office(tok.low)


def suffix_after(toks: list[Token], k: int, j: int) -> bool:
    """Is the word at ``toks[k]`` followed only by a generational or regnal suffix up to ``j``, so that it
    is a surname or a monarch's name ("Martin Luther King Jr.", "King III spoke")? "Jr." alone is no
    one's name, and "King" no title there."""
    return k + 1 < j and all(t.norm in SUFFIXES for t in toks[k + 1 : j])


def plural_title(tok: Token) -> bool:
    """ "Presidents" of "former Presidents Barack Obama, Bill Clinton and Jimmy Carter": a title's plural,
    before the first of the names it is the title of."""
    return tok.low.endswith("s") and tok.low[:-1] in TITLES


def places_in(gaz: Gazetteer, toks: list[Token], i: int, j: int):
    """Known places and actors inside a title ("Swedish Defense Minister" holds Sweden)."""
    k = i
    while k < j:
        hit = leading_place(gaz, toks[k:j])
        if hit:
            yield k, k + hit[1], (hit[0], hit[2])
            k += hit[1]
        else:
            k += 1


def leading_place(gaz: Gazetteer, chunk: list[Token]):
    """The longest known name at the start of ``chunk``: (canonical, width, type), else None."""
    for width in range(min(len(chunk), 4), 0, -1):
        norm = " ".join(t.norm for t in chunk[:width])
        known = known_name(gaz, norm, acronym=width == 1 and chunk[0].acronym)
        if known:
            return known[0], width, known[1]
    return None


def read_roles(doc: Doc, cand: Candidate, toks: list[Token], i: int, j: int) -> None:
    if cand.type == "place":
        return
    # the office the news gives the person is their role from now on, and an apposition beside it their
    # old job ("appointed X, the agency's spokeswoman, as minister"): the minister, no longer the spokeswoman
    taken = roles.appointed_role(doc.text, toks, i, j) if cand.type in ("person", None) else None
    for role in (
        roles.lead_role(doc.text, toks, i),
        None if taken else roles.apposition_role(doc.text, toks, j),
        taken or (roles.as_role(doc.text, toks, j) if cand.type in ("person", None) else None),
    ):
        if role:
            cand.roles.append(role)
    if j + 2 < len(toks) and toks[j].text == "(" and toks[j + 1].acronym and toks[j + 2].text == ")":
        add_candidate(doc, cand.sentence, [toks[j + 1]], cand.type, alias_of=cand.norm, why="bracket")
