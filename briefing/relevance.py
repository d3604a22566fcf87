"""How well an article matches a topic's words: whether its title holds them all, and a BM25 score. Pure.

FTS5's own ``bm25()`` is exact but costs a scan of each word's whole posting list per statement: for a word
in most of a 100,000-article archive ("Ukraine") that is seconds for a few hundred articles. A topic brief
only needs to order the few hundred articles it already found, so the score is computed here from their
text: the words are stemmed as FTS5's porter tokenizer does, title words weigh ``TITLE_WEIGHT`` times body
words, term frequency saturates (``K1``) and is normalised by length (``B``), and a word's weight (idf)
is taken over the articles being ranked.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from nltk.stem.porter import PorterStemmer

from briefing.aliases import fold
from briefing.letters import fold_letters

TITLE_WEIGHT = 10.0
K1 = 1.2
B = 0.75
_WORD = re.compile(r"[^\W_]+")
_PORTER = PorterStemmer(PorterStemmer.ORIGINAL_ALGORITHM)


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The porter stem of a folded word ("Talks" -> "talk", "Ukraine's" -> "ukrain")."""
    return _PORTER.stem(fold(word))


def _counts(text: str, stems: set[str], finder: re.Pattern[str]) -> tuple[dict[str, int], int]:
    """How often each stem occurs in ``text``, and the text's length in words (estimated)."""
    found: dict[str, int] = {}
    for match in finder.finditer(text):
        s = stem(match.group())
        if s in stems:
            found[s] = found.get(s, 0) + 1
    return found, max(1, len(text) // 6)


def topic_relevance(
    words: Sequence[str], texts: Mapping[int, tuple[str, str]]
) -> dict[int, tuple[bool, float]]:
    """For each article id, (title holds every word, BM25 score >= 0) for ``words`` over its
    ``(title, body)``."""
    stems = {stem(w) for w in words if w.strip()}
    if not stems or not texts:
        return {a: (False, 0.0) for a in texts}
    # candidate words start like a stem; the stem of each candidate decides
    prefixes = sorted({s[: max(1, min(len(s), 4))] for s in stems}, key=len, reverse=True)
    finder = re.compile(r"\b(?:" + "|".join(map(re.escape, prefixes)) + r")[^\W_]*", re.I)
    seen: dict[int, tuple[dict[str, float], float, bool]] = {}
    for article, (title, body) in texts.items():
        # "Løkke" written so begins like the stem of "Lokke" once its letters are folded as the index's
        in_title, title_len = _counts(fold_letters(title), stems, finder)
        in_body, body_len = _counts(fold_letters(body), stems, finder)
        tf = {s: TITLE_WEIGHT * in_title.get(s, 0) + in_body.get(s, 0) for s in stems}
        seen[article] = (tf, TITLE_WEIGHT * title_len + body_len, set(in_title) == stems)
    n = len(seen)
    average = sum(length for _, length, _ in seen.values()) / n
    df = {s: sum(1 for tf, _, _ in seen.values() if tf[s]) for s in stems}
    idf = {s: math.log(1 + (n - df[s] + 0.5) / (df[s] + 0.5)) for s in stems}
    out: dict[int, tuple[bool, float]] = {}
    for article, (tf, length, titled) in seen.items():
        norm = K1 * (1 - B + B * length / average)
        out[article] = (titled, sum(idf[s] * tf[s] * (K1 + 1) / (tf[s] + norm) for s in stems if tf[s]))
    return out
