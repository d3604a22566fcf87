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
