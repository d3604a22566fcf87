"""A place's administrative unit written after it in lower case: "Idlib province", "Nineveh governorate".

Military and government releases name a province by its capital's name and the word "province" ("strikes
in northwestern Syria's Idlib province"): the word says the province is meant, not the city, so it is part
of the mention, as it is of "Anbar Province" written with a capital. The actor keeps the place's name,
whichever way the unit is written (one actor Idlib for "Idlib", "Idlib province" and "Idlib Province" in a
text; the actor Sichuan for "Sichuan province", though the lists do not know Sichuan), so nothing else
changes. A name the lists know with its unit ("Eastern Province") or one whose other words are only a
direction ("Northern Province") keeps it: there the unit is part of the name. Only the units that take the
place's name this way are read; "the Haifa region" or "the Karrada district" name an area around a place,
not one the text calls by that name.
"""

from __future__ import annotations

from briefing.aliases import fold
from briefing.coref import Candidate
from briefing.cues import words
from briefing.gazetteer import Gazetteer
from briefing.tokens import Positions, Token

UNITS = words("province governorate")
_DIRECTIONS = words(
    """north south east west northern southern eastern western central northeast northwest southeast
    southwest north-east north-west south-east south-west northeastern northwestern southeastern
    southwestern upper lower far new"""
)


def with_units(cands: list[Candidate], tokens: list[list[Token]], gaz: Gazetteer) -> None:
    """Extend a place's mention over a lower-case unit word right after it, and name the actor of a
    place's mention that ends in its unit by the place alone (in place)."""
    positions = Positions(tokens)
    for c in cands:
        if c.type != "place" or c.sentence >= len(tokens) or c.toks[-1].possessive:
            continue
        _without_unit(c, gaz)
        toks = tokens[c.sentence]
        k = positions.of(c.sentence).get(c.toks[-1].start)
        if k is None or k + 1 >= len(toks):
            continue
        unit = toks[k + 1]
        if unit.low in UNITS and not unit.cap and unit.text == unit.low:
            c.toks = [*c.toks, unit]


def _without_unit(c: Candidate, gaz: Gazetteer) -> None:
    """ "Idlib Province", "Sichuan province": the actor is Idlib, Sichuan (the mention keeps the word)."""
    if len(c.toks) < 2 or c.toks[-1].low not in UNITS or not c.canonical:
        return
    rest = c.toks[:-1]
    name = " ".join(t.norm for t in rest)
    if gaz.place(c.norm) is not None or all(t.low in _DIRECTIONS for t in rest) or not rest[0].cap:
        return  # "Eastern Province", "Northern Province": the unit is the name's
    words_ = c.canonical.split()
    if len(words_) < 2 or fold(words_[-1]) != c.toks[-1].norm:
        return  # a canonical name from the lists that does not end in the unit: already the place's
    c.canonical = gaz.place(name) or " ".join(words_[:-1])


def with_comma_names(cands: list[Candidate], tokens: list[list[Token]]) -> list[Candidate]:
    """The candidates with a place's name that holds a comma read whole: "Washington" and "D.C." of
    "Washington, D.C." are one mention when the second's name in the lists begins with the first's and a
    comma. Other places after a comma stay two ("Metairie, Louisiana": a town, then its state)."""
    positions = Positions(tokens)
    places = {
        (c.sentence, positions.of(c.sentence).get(c.toks[0].start)): c
        for c in cands
        if c.type == "place" and c.sentence < len(tokens)
    }
    dropped: set[int] = set()
    for (sentence, k), second in places.items():
        if k is None or k < 2 or not second.canonical or tokens[sentence][k - 1].text != ",":
            continue
        first = next(
            (c for (s, _), c in places.items() if s == sentence and c.toks[-1] is tokens[sentence][k - 2]),
            None,
        )
        if first is None or id(first) in dropped:
            continue
        name = " ".join(t.text for t in first.toks)
        if second.canonical.startswith(f"{name}, ") and not first.toks[-1].possessive:
            second.toks = [*first.toks, tokens[sentence][k - 1], *second.toks]
            dropped.add(id(first))
    return [c for c in cands if id(c) not in dropped] if dropped else cands
