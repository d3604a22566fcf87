"""A place's administrative unit written after it in lower case: "Idlib province", "Nineveh governorate".

Military and government releases name a province by its capital's name and the word "province" ("strikes
in northwestern Syria's Idlib province"): the word says the province is meant, not the city, so it is part
of the mention, as it is of "Anbar Province" written with a capital. The actor keeps the place's name
(one actor for "Idlib" and "Idlib province" in a text), so nothing else changes. Only the units that
take the place's name this way are read; "the Haifa region" or "the Karrada district" name an area around
a place, not one the text calls by that name.
"""

from __future__ import annotations

from briefing.coref import Candidate
from briefing.cues import words
from briefing.tokens import Positions, Token

UNITS = words("province governorate")


def with_units(cands: list[Candidate], tokens: list[list[Token]]) -> None:
    """Extend a place's mention over a lower-case unit word right after it (in place)."""
    positions = Positions(tokens)
    for c in cands:
        if c.type != "place" or c.sentence >= len(tokens) or c.toks[-1].possessive:
            continue
        toks = tokens[c.sentence]
        k = positions.of(c.sentence).get(c.toks[-1].start)
        if k is None or k + 1 >= len(toks):
            continue
        unit = toks[k + 1]
        if unit.low in UNITS and not unit.cap and unit.text == unit.low:
            c.toks = [*c.toks, unit]
