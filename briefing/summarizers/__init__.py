"""The summarization algorithms, by name: sumy's own, a Lead baseline, and the project's default
(TextRank without self-loops that puts a short article's lead first, see ``textrank.py``).

``build_summarizer(name)`` returns a sumy-style callable ``summarizer(document, sentences_count)``
with the English stemmer and stop words wired in. Nothing here needs downloaded data: sumy's stop
lists ship with sumy and NLTK's Snowball stemmer is code.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache

from sumy.nlp.stemmers import Stemmer
from sumy.summarizers._summarizer import AbstractSummarizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from briefing.summarizers.edmundson import HeadingEdmundsonSummarizer
from briefing.summarizers.lead import LeadSummarizer
from briefing.summarizers.lsa import QuietLsaSummarizer
from briefing.summarizers.textrank import NewsTextRankSummarizer

LANGUAGE = "english"

_CLASSES: dict[str, type[AbstractSummarizer]] = {
    "default": NewsTextRankSummarizer,
    "lexrank": LexRankSummarizer,
    "textrank": TextRankSummarizer,
    "lsa": QuietLsaSummarizer,  # sumy's, without its warning on a text of fewer words than sentences
    "luhn": LuhnSummarizer,
    "sumbasic": SumBasicSummarizer,
    "kl": KLSummarizer,
}

# sumy's own algorithms, as its command line runs them (the benchmark compares against these)
SUMY_ALGORITHMS = ("lexrank", "textrank", "lsa", "luhn", "edmundson", "sumbasic", "kl")
ALGORITHMS = ("default", "lead", *SUMY_ALGORITHMS)
# KL's cost grows with the cube of the sentence count (the others' with the square at most)
CUBIC = frozenset({"kl"})


@lru_cache(maxsize=1)
def stemmer() -> Callable[[str], str]:
    # Snowball stems each word in pure Python; news repeats its words, so a cache saves most of it
    return lru_cache(maxsize=100_000)(Stemmer(LANGUAGE))


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    return frozenset(get_stop_words(LANGUAGE))


@cache
def build_summarizer(name: str) -> AbstractSummarizer:
    """A summarizer for ``name`` (one of :data:`ALGORITHMS`); ``KeyError`` for an unknown name.

    Built once per name: setting sumy's stop words normalises the whole list, and the summarizers keep
    no state between calls."""
    if name == "lead":
        return LeadSummarizer(stemmer())
    if name == "edmundson":
        return HeadingEdmundsonSummarizer(stemmer(), stop_words())
    summarizer = _CLASSES[name](stemmer())
    summarizer.stop_words = stop_words()
    return summarizer
