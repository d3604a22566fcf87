"""Sentences and words without downloaded data: NLTK's Punkt with our own abbreviation list.

``split_sentences(text)`` gives sentences with character offsets. Lines are split first, so a headline or
a section label on its own line is never glued to the next sentence. :class:`Tokenizer` is the duck-typed
tokenizer sumy expects (``to_sentences``, ``to_words``), so sumy's parsers and summarizers run offline.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nltk.tokenize import NLTKWordTokenizer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from briefing.models import Sentence

# Lower-case, without the final period (Punkt's convention). Multi-dot ones ("u.s") keep inner dots.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms mx dr prof sr jr st mt ft rev hon gen lt col maj capt cpt cmdr adm sgt cpl pvt brig gov
    pres sen rep reps sens amb supt insp det atty dept univ assn bros inc corp co ltd plc llc
    no nos vol vols fig figs approx est ca cf vs etc al
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    u.s u.k u.n u.s.a e.u a.m p.m e.g i.e d.c n.y l.a
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb
    nev okla ore pa tenn tex va vt wash wis wyo
    """.split()
)

_WORD = re.compile(r"^[^\W_](?:[^\W_]|['’\-.])*$", re.UNICODE)
_LINE = re.compile(r"[^\n]+")


@lru_cache(maxsize=1)
def _punkt() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


_words = NLTKWordTokenizer()


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text``, each with its ``start``/``end`` offsets into ``text``."""
    punkt = _punkt()
    out = []
    for line in _LINE.finditer(text):
        chunk = line.group()
        for start, end in punkt.span_tokenize(chunk):
            piece = chunk[start:end]
            stripped = piece.strip()
            if not stripped:
                continue
            lead = len(piece) - len(piece.lstrip())
            s = line.start() + start + lead
            out.append(Sentence(stripped, s, s + len(stripped)))
    return out


def split_words(sentence: str) -> list[str]:
    """Word tokens of a sentence, punctuation dropped (``"U.S."`` and ``"€28"`` survive as words)."""
    tokens = _words.tokenize(sentence)
    return [t.strip("€$£") or t for t in tokens if _WORD.match(t.strip("€$£") or "_")]


class Tokenizer:
    """sumy's tokenizer interface, offline."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(s.text for s in split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(split_words(sentence))
