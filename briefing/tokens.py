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
from briefing.sentences import CJK

# Chinese and Japanese runs are tokens of their own: run into a Latin word ("Trump周二在White"), they
# would make it a longer, capitalised "name"; a company named by its web address is one word:
# "Amazon.com Inc.", "Booking.com"
_TOKEN = re.compile(
    rf"(?:[A-Za-z]\.){{2,}}|[{CJK}]+"
    rf"|[^\W\d_{CJK}][^\W{CJK}]*(?:[-'’][^\W{CJK}]+)*(?:\.(?:com|net|org)(?!\w))?\.?"
    rf"|\d[\d.,]*[^\W{CJK}]*|[^\w\s]"
)
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
        "fr",
        "msgr",
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
        "smt",
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
    # the article before a "sun letter" in transliterations of Syrian and Iraqi places: "Deir ez-Zor",
    # "Jisr esh-Shughur", "Ras el-Ain" (el- above)
    "ar-",
    "ath-",
    "adh-",
    "ez-",
    "esh-",
    "es-",
    "ed-",
    "er-",
    "ud-",
)


_NOT_NAMES = COMMON | MONTHS_DAYS
# "I’ve", "We’ll", "They’re", "Don’t": a pronoun or verb with its contraction is never a name
_CONTRACTIONS = (*(a + end for a in "'’" for end in ("ve", "ll", "re", "m", "d")), "n't", "n’t")


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

    name_like: bool = False  # could be part of a name (``refresh`` sets it from the fields above)

    def refresh(self) -> Token:
        """Set ``name_like``: an acronym, an initial, or capitalised and not a function word or a month."""
        self.name_like = (
            self.acronym
            or self.initial
            or (self.cap and self.low not in _NOT_NAMES and not self.low.endswith(_CONTRACTIONS))
        )
        return self

    @property
    def name_end(self) -> int:
        """Where the name part ends: before a possessive ``'s``."""
        return self.end - 2 if self.possessive else self.end


_WORDS: dict[str, tuple] = {}


def _word(text: str, start: int, end: int) -> Token:
    """A word token; ``text`` keeps a final dot only for an abbreviation or an initial ("Gen.", "J.")."""
    known = _WORDS.get(text)
    if known is None:
        if len(_WORDS) > 200_000:
            _WORDS.clear()
        t = _read_word(text)
        known = _WORDS[text] = (
            t.low,
            t.norm,
            t.cap,
            t.acronym,
            t.initial,
            t.possessive,
            t.refresh().name_like,
        )
    low, norm, cap, acronym, initial, possessive, name_like = known
    return Token(text, start, end, low, norm, True, cap, acronym, initial, possessive, name_like)


def _read_word(text: str) -> Token:
    low = text.lower()
    possessive = len(text) > 3 and text[-2:] in ("'s", "’s")
    base = text[:-2] if possessive else text
    first = base[0]
    cap = first.isupper() or (
        low.startswith(_PARTICLE_PREFIXES) and base[low.index("-") + 1 : low.index("-") + 2].isupper()
    )
    letters = [c for c in base if c.isalpha()]
    if len(letters) < len(base) and any(c.isdigit() for c in base):
        cap = False  # "F-16", "Pick6": models and codes, not names
    acronym = all(c.isupper() for c in letters) and (len(letters) >= 2 or "." in base[:-1])
    initial = len(text) == 2 and text[1] == "." and first.isupper()
    return Token(text, 0, len(text), low.rstrip("."), fold(base), True, cap, acronym, initial, possessive)


def tokenize(sentence: Sentence) -> list[Token]:
    """The tokens of a sentence, with offsets into the text the sentence came from."""
    offset = sentence.start
    out: list[Token] = []
    append = out.append
    for m in _TOKEN.finditer(sentence.text):
        tok = m.group()
        s = offset + m.start()
        if not tok[0].isalpha():
            if tok in "[]":  # an editor's brackets complete a quote: "[Russian President Vladimir] Putin"
                continue
            append(Token(tok, s, s + len(tok), tok, tok, False))
        elif tok.isalpha() and tok.islower() and tok.isascii():
            append(Token(tok, s, s + len(tok), tok, tok, True))  # most words: checked first
        elif tok[-1] == "." and tok[-2:-1] != "." and not _abbreviation(tok, sentence.text, m.end()):
            word = tok[:-1]
            append(_word(word, s, s + len(word)))
            append(Token(".", s + len(word), s + len(tok), ".", ".", False))
        else:
            append(_word(tok, s, s + len(tok)))
    return out


def _abbreviation(tok: str, text: str, end: int) -> bool:
    """A word that keeps its dot: "Gen.", "Co.", an initial "J.", an acronym "U.S.", or a Filipino name's
    "Ma." (Maria), "Sto.", "Sta." before a capitalised word ("Ma. Theresa Dela Cruz"; the sentence
    splitter leaves the sentence whole there, and "Jack Ma." at its end keeps its full stop)."""
    core = tok[:-1]
    if core.lower() in NAME_ABBREVIATIONS:
        rest = text[end : end + 2]
        return len(rest) == 2 and rest[0] == " " and rest[1].isupper()
    return core.lower() in DOTTED or (len(core) == 1 and core.isupper()) or "." in core


NAME_ABBREVIATIONS = frozenset({"ma", "sto", "sta"})


class Positions:
    """Where each token stands in its sentence, by its start offset, for a text's sentences: a sentence's
    map is built once, on first use, so finding a candidate's span costs no scan of the sentence."""

    def __init__(self, tokens: list[list[Token]]) -> None:
        self._tokens = tokens
        self._at: dict[int, dict[int, int]] = {}

    def of(self, sentence: int) -> dict[int, int]:
        at = self._at.get(sentence)
        if at is None:
            at = self._at[sentence] = {t.start: k for k, t in enumerate(self._tokens[sentence])}
        return at
