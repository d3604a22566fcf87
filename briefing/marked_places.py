"""A listed place the text writes with other accents is another word: the Spanish "¿Habrá elecciones?"
is no Hābra (West Bengal), though both fold to "habra".

The lists compare names folded (``briefing.aliases.fold``), so that English copy finds "São Paulo" as
"Sao Paulo" and "Bogotá" as "Bogota". A text that writes no accent, or a list that holds none, tells
nothing; but a text that writes accents of its own on a name the list spells with others ("Habrá",
"Hābra") writes a word of its language, not that place's name.
"""

from __future__ import annotations

import unicodedata

from briefing.aliases import fold
from briefing.coref import Candidate, surface_of


def _marks(written: str) -> list[str]:
    """The accents of a name, in order ("Hābra": the macron)."""
    return [c for c in unicodedata.normalize("NFD", written) if unicodedata.combining(c)]


def other_marks(written: str, listed: str) -> bool:
    """Are the name as written and as listed the same letters, both with accents, and other ones ("Habrá",
    "Hābra")? "São Tomé" for São Tomé and Príncipe is another name of the place, not another spelling."""
    if written.isascii() or listed.isascii() or fold(written) != fold(listed):
        return False
    mine, theirs = _marks(written), _marks(listed)
    if not mine or not theirs:
        return False
    norm = unicodedata.normalize
    return norm("NFC", written).casefold() != norm("NFC", listed).casefold()


def without_other_marks(cands: list[Candidate], text: str) -> list[Candidate]:
    """The candidates but the places whose name the text writes with accents the list's lack."""
    return [
        c
        for c in cands
        if c.type != "place" or not c.canonical or not other_marks(surface_of(c, text), c.canonical)
    ]
