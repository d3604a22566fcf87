"""LSA as sumy runs it, without the warning it prints on the user's stderr for a text of fewer distinct
words than sentences ("Rain. Rain. Rain.")."""

from __future__ import annotations

from sumy.summarizers.lsa import LsaSummarizer

from briefing.summarizers.lead import LeadSummarizer


class QuietLsaSummarizer(LsaSummarizer):
    """sumy's LSA; a text with fewer distinct words than sentences, for which sumy warns that "LSA algorithm
    may not work properly", is summarized by its first sentences instead. The warning is not silenced
    around the call: ``warnings.catch_warnings`` is not thread-safe, and summaries run in worker threads."""

    def __call__(self, document, sentences_count):
        if 0 < len(self._create_dictionary(document)) < len(document.sentences):
            return LeadSummarizer(self._stemmer)(document, sentences_count)
        return super().__call__(document, sentences_count)
