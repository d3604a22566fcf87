"""Terms: the words of a text as SQLite's FTS5 ``porter unicode61 remove_diacritics`` tokenizer sees
them, folded and stemmed, and the inverse document frequencies that stories and facts weigh them by.

    terms_of("The earthquakes struck Chala") -> ["earthquak", "struck", "chala"]
    idf = idf_table({"earthquak": 3, "chala": 1}, documents=40)
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from typing import TypeVar

from nltk.stem.porter import PorterStemmer

from briefing.summarizers import stop_words

K = TypeVar("K")

_TOKEN = re.compile(r"[^\W_]+")
# FTS5's remove_diacritics folds Latin letters only ("café" -> "cafe", but "й" stays "й")
_LATIN_DIACRITICS = re.compile(r"(?<=[a-z])[\u0300-\u036f]+")


@lru_cache(maxsize=1)
def _porter() -> PorterStemmer:
    return PorterStemmer(PorterStemmer.ORIGINAL_ALGORITHM)  # FTS5's porter is the original algorithm


@lru_cache(maxsize=1)
def _stops() -> frozenset[str]:
    return frozenset(_fold(w) for w in stop_words())


def _fold(text: str) -> str:
    if text.isascii():
        return text.lower()
    return unicodedata.normalize(
        "NFC", _LATIN_DIACRITICS.sub("", unicodedata.normalize("NFKD", text.casefold()))
    )


def words(text: str) -> list[str]:
    """A text's runs of letters and digits, as FTS5's unicode61 splits it (nothing folded)."""
    return _TOKEN.findall(text)


@lru_cache(maxsize=65536)
def stem(token: str) -> str:
    """A folded word stemmed as FTS5's porter stems it."""
    return _porter().stem(token)


def content_words(text: str) -> list[str]:
    """A text's words as FTS5 sees them (case and accents folded), stop words and numbers dropped."""
    stops = _stops()
    return [t for t in words(_fold(text)) if len(t) > 2 and t not in stops and not t.isdigit()]


def terms_of(text: str) -> list[str]:
    """Content terms of a text: its content words stemmed as FTS5 stems them."""
    return [stem(w) for w in content_words(text)]


def idf_table(document_frequency: Mapping[K, int], documents: int) -> dict[K, float]:
    """Smoothed inverse document frequencies, from counts of the documents holding each term."""
    return {t: math.log((1 + documents) / (1 + df)) + 1.0 for t, df in document_frequency.items()}
