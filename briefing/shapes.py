"""What a run's shape says, with the lists: an organisation's head, a person's given name, a role before
a name, and where "and", "of" or "for" join one name or part two."""

from __future__ import annotations

import re

from briefing.aliases import PARTICLES
from briefing.cues import (
    EUROPEAN_AFTER,
    LEGAL_FORMS,
    NOBLE,
    OCCUPATIONS,
    ORG_FIRST,
    ORG_FIRST_ROMANCE,
    ORG_HEADS,
    PLACE_CONTEXT,
    PLACE_FIRST,
    PLACE_HEADS,
    ROLE_NOUNS,
    SAINTS,
    TITLES,
    UNIT_HEADS,
    words,
)
from briefing.gazetteer import Gazetteer
from briefing.names import is_title, known_name, leading_place, plausible_name, plural_title
from briefing.tokens import Token


def spelt_after(toks: list[Token], i: int, j: int) -> bool:
    """Does an acronym in brackets after the run spell all its words, "and" too left out ("National
    Disaster Risk Reduction and Management Council (NDRRMC)")? Then the run is one name."""
    if j + 2 >= len(toks) or toks[j].text != "(" or not toks[j + 1].acronym or toks[j + 2].text != ")":
        return False
    initials = "".join(t.text[0] for t in toks[i:j] if t.cap)
    return len(initials) > 2 and initials == toks[j + 1].text.replace(".", "")


def splits_after_place(gaz: Gazetteer, chunk: list[Token], width: int, type_: str) -> bool:
    """After a leading known name, is the rest a separate name? Yes for a person after a nationality
    ("Russian Sergei Ryabkov") or a known actor; otherwise the place begins a longer name."""
    rest = chunk[width:]
    if rest[0].low == "and" and width == 1:
        return False  # "Harlow and Brent Light Railway": ``_one_name_with_and`` kept it whole
    if type_ != "place" or is_title(rest[0]):
        return True
    if rest[-1].norm in ORG_HEADS and not any(is_title(t) for t in rest):
        return False  # "U.S. Naval Forces Europe Command": the country begins the body's name
    if len(rest) > 3:
        return True
    if known_name(gaz, " ".join(t.norm for t in rest)) or leading_place(gaz, rest):
        return True
    return " ".join(t.norm for t in chunk[:width]) in gaz.demonyms and given_name_first(gaz, rest)


def role_then_name(gaz: Gazetteer, chunk: list[Token], *, listing: bool = False) -> int:
    """ "County Coroner William McLaughlin": where a name starting with a given name follows a role.
    ``listing``: another name follows the run ("," or "and" after it)."""
    if _plural_title(gaz, chunk, listing):  # "former Presidents Barack Obama, Bill Clinton and Jimmy Carter"
        return 1
    for k in range(1, len(chunk) - 1):
        if not chunk[k].cap:
            continue  # "van" in "Pieter van der Berg" is no given name Van
        if chunk[k].norm in gaz.given_names and plausible_name(chunk[k:]) and len(chunk) - k <= 4:
            before = chunk[:k]
            if any(t.low in ROLE_NOUNS for t in before):
                return k
            # "Engineer John Greiner", "Senior Kory Lichtensteiger": a short capitalised description, but
            # "St." begins a name ("the St. Louis Eagles")
            if before[0].low in SAINTS:
                return 0
            plain = all(
                t.word and t.norm not in gaz.given_names and not known_name(gaz, t.norm) for t in before
            )
            # "Asaad Hassan al-Shibani": an Arabic name strings given names before its al- surname, so the
            # word before one is a given name the lists lack, not a description
            return k if plain and k <= 2 and not _arabic_surname(chunk[k:]) else 0
    return _occupation_then_name(gaz, chunk)


def _plural_title(gaz: Gazetteer, chunk: list[Token], listing: bool) -> bool:
    """Does a title's plural open the run before a full name ("Presidents Barack Obama", "Senators Ann
    Lee")? It is the title of the list of people the name begins, no part of the name: a list follows, or
    the name begins with a given name ("Advisors Goldman Sachs are ..." names a bank, no person)."""
    first = chunk[0]
    if len(chunk) < 3 or not first.cap or not plural_title(first):
        return False
    if not listing and chunk[1].norm not in gaz.given_names:
        return False
    return all(t.cap and t.word for t in chunk[1:]) and plausible_name(chunk[1:])


def _occupation_then_name(gaz: Gazetteer, chunk: list[Token]) -> int:
    """ "Quarterback Jaylen Moss", "Plumber Jo Tran": an occupation or a team's position before two or three
    capitalised words is a role before a person's name, though the lists lack the given name; not before a
    name the lists know ("Striker Real Madrid" is no one) or one that begins with a known place or body."""
    rest = chunk[1:]
    if chunk[0].low not in OCCUPATIONS or not 2 <= len(rest) <= 3 or not plausible_name(rest):
        return 0
    whole = known_name(gaz, " ".join(t.norm for t in rest))
    return 0 if rest[-1].possessive or whole or known_name(gaz, rest[0].norm) else 1


_ARABIC_PARTICLES = ("al", "el", "bin", "ibn")


def _arabic_surname(chunk: list[Token]) -> bool:
    """Does an Arabic surname end the name ("al-Shibani", "bin Salman"), not "von Faber-Castell"?"""
    return any(t.low in _ARABIC_PARTICLES or t.low.split("-")[0] in ("al", "el") for t in chunk[1:])


def arabic_place(toks: list[Token], i: int) -> bool:
    """ "near Al Shadaddi", "in Al Huwayjah": after a place preposition, "Al" is the article of a place
    name, not the given name of Al Gore; so is "Abu" ("near Abu Kamal", "in Abu Ghraib"), a father's name
    in a person's ("Abu Bakr") but the start of many a town's."""
    placed = i > 0 and toks[i - 1].low in PLACE_CONTEXT
    return placed and toks[i].low in _PLACE_ARTICLES and not _owner(toks, i)


def opening_near(toks: list[Token], i: int, j: int) -> bool:
    """ "Near Sultan Abdallah, one strike destroyed...": a name between a sentence's opening "Near" and a
    comma is where something happened, whatever its words (a title, a given name) would say elsewhere."""
    return i == 1 and toks[0].low == "near" and j < len(toks) and toks[j].text == "," and not _owner(toks, i)


_PLACE_ARTICLES = frozenset(("al", "el", "as", "an", "at", "ar", "ash", "ad", "az", "abu"))


def _owner(toks: list[Token], i: int) -> bool:
    """ "in Abu Mazen's view": a possessive within the name makes it someone's."""
    k = i
    while k < len(toks) and toks[k].cap and k - i < 4:
        if toks[k].possessive:
            return True
        k += 1
    return False


def given_name_first(gaz: Gazetteer, chunk: list[Token]) -> bool:
    """ "George Barros": a given name and a name, though George is also a city."""
    first = chunk[0].norm
    if not 2 <= len(chunk) <= 4 or first not in gaz.given_names:
        return False
    if first in gaz.countries and (len(chunk) < 3 or chunk[1].norm not in gaz.given_names):
        return False  # "Chad Edward Gaudin" is a person, "Chad Ruto" no evidence either way
    if chunk[-1].low in PLACE_HEADS or chunk[-1].low in ORG_HEADS:
        return False
    return plausible_name(chunk) and first not in gaz.demonyms


def split_joined(gaz: Gazetteer, chunk: list[Token]) -> list[tuple[int, int]] | None:
    """Where a run joined by "and"/"of"/"for" is really several names, the pieces; else None."""
    for k, tok in enumerate(chunk):
        if tok.text == "&" and chunk[0].norm in gaz.given_names and chunk[k + 1].norm in gaz.given_names:
            if chunk[-1].low in _AND_HEADS or (len(chunk) == 3 and _founders(chunk)):
                return None  # "Ben & Kerry Holdings", "Johnson & Johnson": one company named after founders
            # "David Christison & Lee Tate", "Harry & Meghan": two people
            return [(0, k), (k + 1, len(chunk))]
        if tok.word and not tok.cap and tok.low in ("and", "of", "for", "on", "upon"):
            if _joins(gaz, chunk, k):
                continue
            rest = k + 2 if chunk[k + 1].low == "the" else k + 1
            return [(0, k), (rest, len(chunk))]
    return None


def _founders(chunk: list[Token]) -> bool:
    """Two given names joined by "&" that name a company, not two people: one name twice ("Johnson &
    Johnson", a family firm) or a brand's possessive ("Ben & Jerry's"). "Harry & Meghan" are a couple."""
    return chunk[0].norm == chunk[2].norm or chunk[2].possessive


def _joins(gaz: Gazetteer, chunk: list[Token], k: int) -> bool:
    """Does the connecting word ``chunk[k]`` join one name: "Ministry of Defence", "Mount of Olives",
    "Department of Health and Human Services", "Brindle and Oxley Company", "Hall of Fame"? Not in
    "League for the Vancouver Canucks", where a place begins a second name."""
    low, left = chunk[k].low, chunk[k - 1].low
    head = chunk[0].low in ORG_FIRST or chunk[0].low in PLACE_FIRST
    if low == "and" and chunk[k + 1].low == "the":
        return False  # "the Ministry of Defence and the Home Office": "the" begins a second name
    if low == "and" and chunk[k + 1].low in PLACE_FIRST:
        return False  # "Ras al Ain and Tal Abyad", "Lake Erie and Lake Huron": a second place begins
    if low == "and" and _epithet_and(gaz, chunk, k):
        return True
    if low == "and":
        # a place's first word ("Gulf of Mexico") joins over "of", not "and": "Ayn Isa and Tabqah Dam"
        head = chunk[0].low in ORG_FIRST
        return head or _one_name_with_and(gaz, chunk, k) or _in_complement(chunk, k)
    if low == "of" and left == "hall" and chunk[k + 1].low == "fame":
        return True
    if low == "of" and left in ("law", "laws") and k >= 2 and chunk[k - 2].low == "the":
        return True  # "International Tribunal for the Law of the Sea": a body of law inside a body's name
    if low == "for" and left in ORG_HEADS and chunk[k + 1].low == "the":
        second = chunk[k + 2 :]
        if second and (second[0].low in SAINTS or leading_place(gaz, second)) and len(second) > 1:
            return False
    return head or org_head(left) or left in PLACE_HEADS or left in TITLES


def _epithet_and(gaz: Gazetteer, chunk: list[Token], k: int) -> bool:
    """Is the "and" at ``k`` inside a rank's epithet that a person's full name follows ("King of Rock and
    Roll Elvis Presley", "Queen of Rhythm and Blues Dinah Washington")? A rank, "of", a word that is no
    place, "and", one more word that is no given name, then a given name and a surname."""
    if k < 3 or k + 3 >= len(chunk):
        return False
    rank, of, left, right = chunk[k - 3], chunk[k - 2], chunk[k - 1], chunk[k + 1]
    if not (rank.cap and rank.low in NOBLE and of.low == "of" and left.cap and right.cap):
        return False
    if leading_place(gaz, [left]) or right.norm in gaz.given_names:
        return False  # "King of Spain and Portugal", "Queen of Soul and Elton John"
    return chunk[k + 2].norm in gaz.given_names and chunk[k + 3].cap and not chunk[k + 3].acronym


def _in_complement(chunk: list[Token], k: int) -> bool:
    """Is the "and" at ``k`` the first inside what follows an organisation's head and "of"/"for"
    ("Institute of Arts and Sciences")?"""
    for m in range(k - 1, 0, -1):
        if chunk[m].low == "and":
            return False
        if chunk[m].low in ("of", "for") and not chunk[m].cap:
            return org_head(chunk[m - 1].low)
    return False


def org_head(low: str) -> bool:
    """An organisation's head word, or its plural: "Centers for Disease Control and Prevention" and
    "National Institutes of Health" are one name each, as "Center for ..." is."""
    return low in ORG_HEADS or (len(low) > 5 and low.endswith("s") and low[:-1] in ORG_HEADS)


# heads of names that two places or two founders' names share: "Harlow and Brent Valley Railway"
_AND_HEADS = ORG_HEADS | LEGAL_FORMS | words("railway railroad railways lines")


def _one_name_with_and(gaz: Gazetteer, chunk: list[Token], k: int) -> bool:
    """ "Brindle and Oxley Company", "Harlow and Brent Railroad": one word, "and", and a name that
    ends in an organisation's head is one name, unless the word is a country or a people ("Russia and
    Ukraine Defence Ministry" are two)."""
    first, rest = chunk[0], chunk[k + 1 :]
    head = rest[-1].norm if rest and rest[-1].possessive else rest[-1].low if rest else ""
    # the head's possessive is the head still: "the Competition and Markets Authority's decision"
    if k != 1 or not first.cap or first.acronym or not 2 <= len(rest) <= 4 or head not in _AND_HEADS:
        return False
    if any(not t.cap for t in rest) or first.norm in gaz.countries or first.norm in gaz.demonyms:
        return False
    return first.norm not in gaz.known


def is_org(chunk: list[Token], gaz: Gazetteer) -> bool:
    last = chunk[-1].norm if chunk[-1].possessive else chunk[-1].low  # "the Defence Ministry's statement"
    if len(chunk) > 1 and last in UNIT_HEADS and chunk[0].norm not in gaz.given_names:
        return True  # "Fighter Wing", "Expeditionary Air Group", but "Lorna Wing" is a person
    if len(chunk) > 1 and (last in ORG_HEADS or last in LEGAL_FORMS or any(t.text == "&" for t in chunk)):
        return True
    if len(chunk) > 2 and chunk[0].low in ORG_FIRST and chunk[1].low in ("of", "for"):
        return True
    if len(chunk) > 2 and [t.low for t in chunk[-3:]] == ["hall", "of", "fame"]:
        return True
    if len(chunk) > 1 and chunk[0].low in ORG_FIRST_ROMANCE:
        return True
    if len(chunk) > 1 and any(t.low in EUROPEAN_AFTER for t in chunk[1:]):
        return True  # "União Europeia", "Gabinete Antifraude Europeu": Europe's bodies, no one's name
    return any(org_head(t.low) and chunk[k + 1].low in ("of", "for") for k, t in enumerate(chunk[:-1]))


_CAMEL = re.compile(r"[A-Z][a-z]+([A-Z][A-Za-z]*)")


def camel_cased(tok: Token) -> bool:
    """Is one word a company's or a product's name by its capitals inside: "SpaceX", "OpenAI", "BlackRock",
    "DeepMind"? A capital after four letters or more, or capitals that end the word after three; a
    surname's prefix ("McCarthy", "MacArthur", "DeSantis", "LeBron", "FitzGerald") is shorter, or is
    "Fitz", and "PhD" is a degree."""
    text = tok.text[:-2] if tok.possessive else tok.text
    m = _CAMEL.fullmatch(text)
    if m is None or text.lower().startswith("fitz"):
        return False
    prefix, rest = text[: m.start(1)], m.group(1)
    return len(prefix) >= 4 or (len(prefix) >= 3 and rest.isupper() and len(rest) <= 3)


def code_name(tok: Token) -> bool:
    """Is a word a programmer's identifier, a two-letter prefix in capitals before a capitalised word
    ("NSString", "UIView", "CGRect")? No actor: a class in a developers' article."""
    return _IDENTIFIER.fullmatch(tok.text) is not None


_IDENTIFIER = re.compile(r"[A-Z]{2}[A-Z][a-z]{2,}[A-Za-z]*")


def has_particle(chunk: list[Token]) -> bool:
    return any(t.low in PARTICLES or ("-" in t.low and t.low.split("-")[0] in PARTICLES) for t in chunk)
