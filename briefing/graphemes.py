"""Where a text may be cut without breaking what a reader sees as one character.

Python indexes code points, but a reader sees grapheme clusters: a letter with its combining accents
("é" written e + U+0301), a flag (two regional indicators: 🇺🇦), a family or a profession joined by
U+200D (👨‍👩‍👧‍👦), a skin tone or a variation selector after its emoji. A reply cut inside one shows half
an emoji, a bare accent, or, for flags, pairs every later flag wrongly (🇺🇦🇺🇦 cut after the first 🇺
reads 🇦🇺: Australia). :func:`head` cuts only at a cluster's edge.

This follows the main rules of Unicode's extended grapheme clusters (UAX #29) that news text and
chat messages meet; it is not all of them (Hangul syllables written as jamo, Indic conjuncts), and
where it errs it cuts as before, never later than asked.
"""

from __future__ import annotations

import unicodedata

ZWJ = "\u200d"


def _extends(ch: str) -> bool:
    """A code point that belongs to the cluster before it: a combining mark, the joiner, a variation
    selector, an emoji modifier (skin tone), or a tag character (the letters of 🏴 subdivision flags)."""
    cp = ord(ch)
    return (
        ch == ZWJ
        or 0xFE00 <= cp <= 0xFE0F
        or 0xE0100 <= cp <= 0xE01EF
        or 0x1F3FB <= cp <= 0x1F3FF
        or 0xE0020 <= cp <= 0xE007F
        or unicodedata.category(ch) in ("Mn", "Mc", "Me")
    )


def _regional(ch: str) -> bool:
    return 0x1F1E6 <= ord(ch) <= 0x1F1FF


def is_boundary(text: str, i: int) -> bool:
    """Whether ``text[:i]`` ends at the edge of a grapheme cluster."""
    if i <= 0 or i >= len(text):
        return True
    before, after = text[i - 1], text[i]
    if before == "\r" and after == "\n":
        return False
    if _extends(after) or before == ZWJ:
        return False
    if _regional(before) and _regional(after):
        run = 0  # regional indicators pair from the start of their run: a cut must fall after a pair
        while i - run > 0 and _regional(text[i - run - 1]):
            run += 1
        return run % 2 == 0
    return True


def boundary(text: str, i: int) -> int:
    """The last cluster edge at or before ``i`` (0 when the first cluster alone reaches past ``i``)."""
    i = max(0, min(i, len(text)))
    while i > 0 and not is_boundary(text, i):
        i -= 1
    return i


def head(text: str, n: int) -> str:
    """``text[:n]`` shortened to end at a cluster's edge; a first cluster longer than ``n`` (a letter with
    hundreds of accents) is cut as asked, as there is no edge before it."""
    return text[: boundary(text, n) or n]
