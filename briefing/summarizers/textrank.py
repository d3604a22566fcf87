"""TextRank with its similarity matrix built by numpy, and the project's default: TextRank without
self-loops.

sumy's edge weight between two sentences is the number of shared word occurrences (each word of one
counted in the other) over the sum of the logs of their lengths. With C the sentence-by-stem count
matrix, the shared counts are ``C @ C.T``: one product instead of sumy's Python double loop.

sumy also links every sentence to itself. A sentence that shares no word with the others then keeps
all of its weight on its own loop, an absorbing state of the random walk, and ranks near the top: an
off-topic aside beats the story. Without self-loops (and with a sentence linked to nothing jumping
anywhere, as in PageRank) the walk rewards only what other sentences echo. On the BBC News Summary
dev set this beats every plain sumy summarizer at both budgets (bench/RESULTS.md).
"""

from __future__ import annotations

import numpy
from sumy.summarizers.text_rank import TextRankSummarizer


class MatrixTextRankSummarizer(TextRankSummarizer):
    """sumy's TextRank, same ratings, with the similarity matrix computed in one product."""

    self_loops = True

    def _create_matrix(self, document):
        return self.matrix_of([self._to_words_set(s) for s in document.sentences])

    def matrix_of(self, sentences: list[list[str]]) -> numpy.ndarray:
        """The damped stochastic matrix of sentences given as lists of stems."""
        n = len(sentences)
        vocabulary: dict[str, int] = {}
        columns = [[vocabulary.setdefault(w, len(vocabulary)) for w in words] for words in sentences]
        counts = numpy.zeros((n, max(1, len(vocabulary))))
        for row, ids in enumerate(columns):
            numpy.add.at(counts[row], ids, 1.0)
        shared = counts @ counts.T
        logs = numpy.log(numpy.maximum([len(words) for words in sentences], 1))
        norm = logs[:, None] + logs[None, :]
        # two one-word sentences have norm 0: sumy then takes the shared count itself (0 or 1)
        weights = numpy.divide(shared, norm, out=shared.copy(), where=~numpy.isclose(norm, 0.0))
        if not self.self_loops:
            numpy.fill_diagonal(weights, 0.0)
            isolated = weights.sum(axis=1) == 0
            weights[isolated] = 1.0
            weights[isolated, isolated] = 0.0
        weights /= weights.sum(axis=1)[:, None] + self._ZERO_DIVISION_PREVENTION
        return numpy.full((n, n), (1.0 - self.damping) / n) + self.damping * weights


class LooplessTextRankSummarizer(MatrixTextRankSummarizer):
    """The project's default: TextRank whose sentences do not vote for themselves."""

    self_loops = False


# A short article's graph has too few edges for centrality to mean much: its lead, which shares its words
# with the headline more than with the body ("Storms knock out power to 200,000" over "... knocking out
# power to about 200,000 homes"), gets little more than the random jump's share and is left out.
SHORT_ARTICLE = 8  # sentences
LEAD_MIN_SHARED = 3  # headline words the lead repeats, and at least half of them


class NewsTextRankSummarizer(LooplessTextRankSummarizer):
    """The project's default: TextRank without self-loops that puts a short article's lead first."""

    def rate_sentences(self, document):
        ratings = super().rate_sentences(document)
        if self.is_lead(document):
            ratings[document.sentences[0]] = max(ratings.values()) + 1.0
        return ratings

    def is_lead(self, document) -> bool:
        """Whether a short article's first sentence is its lead: it repeats the headline's words (at
        least half of them, three or more) and more of them than any other sentence."""
        sentences = document.sentences
        if not sentences or len(sentences) > SHORT_ARTICLE:
            return False
        top = document.paragraphs[0].headings  # the headline, or a label over the text
        if not top:
            return False
        headline = set(self._to_words_set(top[0]))
        shared = [len(headline.intersection(self._to_words_set(s))) for s in sentences]
        first = shared[0]
        return first >= LEAD_MIN_SHARED and 2 * first >= len(headline) and first > max(shared[1:], default=0)
