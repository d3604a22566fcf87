"""Edmundson much as sumy's own command line configures it: cue, title and location methods.

sumy's ``EdmundsonSummarizer`` needs its word lists set from outside; its command line takes the bonus
words from the document's headings, the stigma words from its parser's (Czech) defaults and the null
words from the stop list. Here that happens for each document, so the summarizer is a plain callable
like the others; the one difference is that the headings' stop words are not bonus words (with them,
"the" would reward nearly every sentence).
"""

from __future__ import annotations

from sumy.parsers.parser import DocumentParser
from sumy.summarizers.edmundson import EdmundsonSummarizer


class HeadingEdmundsonSummarizer(EdmundsonSummarizer):
    """Edmundson with bonus words from the headings and null words from the stop list."""

    def __init__(self, stemmer, stop_words):
        super().__init__(stemmer)
        self.null_words = stop_words
        self.stigma_words = DocumentParser.STIGMA_WORDS
        self._stop_words = frozenset(stop_words)

    def __call__(self, document, sentences_count):
        heading_words = [w for h in document.headings for w in h.words if w.lower() not in self._stop_words]
        self.bonus_words = heading_words or DocumentParser.SIGNIFICANT_WORDS
        return super().__call__(document, sentences_count)
