"""The grade that completes an enlisted rank after its first word: "Seaman Recruit", "Seaman Apprentice",
"Airman Basic", "Airman First Class", "Private First Class", "Fireman Apprentice", "Hospitalman
Recruit". Casualty and award releases name every junior sailor and airman so; the whole rank is the
title, and the name begins after it ("Seaman Recruit Logan Price" is Logan Price, not a person called
"Recruit Logan Price"). A grade word follows only a rank that takes one: "Recruit" alone, or after any
other word, is read as before.
"""

from __future__ import annotations

from briefing.cues import words
from briefing.tokens import Token

GRADED = words("seaman airman fireman hospitalman constructionman private pvt")  # ranks a grade completes
_GRADES = words("recruit apprentice basic")
_CLASSES = words("first second third")  # "... 1st Class" is a rating the reader cuts (``reader._rating``)


def grade_width(toks: list[Token], k: int) -> int:
    """How many tokens from ``k`` are the grade of the rank word just before it: 1 for "Recruit" of
    "Seaman Recruit", 2 for "First Class" of "Airman First Class", else 0."""
    if not 0 < k < len(toks) or toks[k - 1].low not in GRADED or not toks[k].cap:
        return 0
    if toks[k].low in _GRADES:
        return 1
    if toks[k].low in _CLASSES and k + 1 < len(toks) and toks[k + 1].text == "Class":
        return 2
    return 0
