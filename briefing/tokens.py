"""Word tokens with offsets, and what the extractor needs to know about each (capitalised, acronym...).

``tokenize(sentence)`` keeps abbreviations with their dot (``Gen.``, ``Co.``, ``U.S.``), initials
(``J.``), and hyphenated or apostrophised words whole (``al-Muslimi``, ``O'Brien``); a possessive
``'s`` is marked, not split, so offsets stay those of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.aliases import fold
from briefing.cues import COMMON, MONTHS_DAYS
from briefing.models import Sentence

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W\d_][\w]*(?:[-'’][\w]+)*|\d[\d.,]*\w*|[^\w\s]")
# Abbreviations that keep their dot (folded, without it).
DOTTED = frozenset(
    [
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cmdr",
        "adm",
        "sgt",
        "cpl",
        "pvt",
        "brig",
        "gov",
        "sen",
        "rep",
        "reps",
        "amb",
        "supt",
        "det",
        "mr",
        "mrs",
        "ms",
        "mx",
        "dr",
        "prof",
        "rev",
        "hon",
        "jr",
        "sr",
        "st",
        "mt",
        "ft",
        "co",
        "corp",
        "inc",
        "ltd",
        "bros",
        "no",
        "spc",
    ]
)
_PARTICLE_PREFIXES = (
    "al-",
    "el-",
    "ul-",
    "bin-",
    "ibn-",
    "ad-",
    "as-",
    "an-",
    "ash-",
    "at-",
    "az-",
)


@dataclass(slots=True)
class Token:
    """One token: ``low`` is lower-case without a final dot; ``norm`` the folded form of the name part."""

    text: str
    start: int
    end: int
    low: str
    norm: str
    word: bool
    cap: bool = False
    acronym: bool = False
    initial: bool = False
    possessive: bool = False

    @property
    def name_like(self) -> bool:
        """Could be part of a name: capitalised and not a function word or a month."""
        if self.acronym or self.initial:
            return True
        return self.cap and self.low not in COMMON and self.low not in MONTHS_DAYS

    @property
    def name_end(self) -> int:
        """Where the name part ends: before a possessive ``'s``."""
        return self.end - 2 if self.possessive else self.end


def _word(text: str, start: int, end: int, following: str) -> Token:
    low = text.lower()
    if following == "." and (low in DOTTED or (len(text) == 1 and text.isupper())):
        text += "."
        end += 1
    possessive = len(text) > 3 and text[-2:] in ("'s", "’s")
    base = text[:-2] if possessive else text
    first = base[0]
    cap = first.isupper() or (
        low.startswith(_PARTICLE_PREFIXES) and base[low.index("-") + 1 : low.index("-") + 2].isupper()
    )
    letters = [c for c in base if c.isalpha()]
    if len(letters) < len(base) and any(c.isdigit() for c in base):
        cap = False  # "F-16", "Pick6": models and codes, not names
    acronym = len(letters) >= 2 and all(c.isupper() for c in letters) and "." not in base[:-1]
    initial = len(text) == 2 and text[1] == "." and first.isupper()
    dotted_acronym = "." in base[:-1] and all(c.isupper() for c in letters)
    return Token(
        text=text,
        start=start,
        end=end,
        low=low.rstrip("."),
        norm=fold(base),
        word=True,
        cap=cap,
        acronym=acronym or dotted_acronym,
        initial=initial,
        possessive=possessive,
    )


def tokenize(sentence: Sentence) -> list[Token]:
    """The tokens of a sentence, with offsets into the text the sentence came from."""
    text = sentence.text
    out: list[Token] = []
    skip_to = 0
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        if s < skip_to:
            continue
        tok = m.group()
        if tok[0].isalpha():
            following = text[e : e + 1]
            t = _word(tok, sentence.start + s, sentence.start + e, following)
            skip_to = e + (1 if t.end - sentence.start > e else 0)
            out.append(t)
        else:
            out.append(Token(tok, sentence.start + s, sentence.start + e, tok.lower(), tok, word=False))
    return out
