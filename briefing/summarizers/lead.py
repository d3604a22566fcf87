"""Lead: the first sentences of the article, the baseline every news summarizer has to beat."""

from __future__ import annotations

from sumy.summarizers._summarizer import AbstractSummarizer


class LeadSummarizer(AbstractSummarizer):
    """Rates each sentence by its position alone: earlier is better."""

    def __call__(self, document, sentences_count):
        sentences = document.sentences
        ratings = {s: -i for i, s in enumerate(sentences)}
        return self._get_best_sentences(sentences, sentences_count, ratings)
