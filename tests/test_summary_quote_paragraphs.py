"""A quotation that goes on into the next paragraph, in wire style (no closing mark at the paragraph's
end, the next paragraph opening with a quote mark again), is one speaker's words: the summary tells it
whole with its speaker, never its first part alone with an open quote mark."""

import pytest

from briefing.summary import _paragraphs, build_document, summarize

BODY = (
    "The head of the fishermen's union, Tomas Lindqvist, said on Monday that the fleet would stay in port.\n"
    "{o}Our boats will not sail while the quotas stand. Every family here depends on them.\n"
    "{o}We have asked the ministry for talks. Nobody has answered us,{c} Lindqvist told a meeting "
    "in the harbour.\n"
    "The union represents about 900 fishermen along the west coast.\n"
    "The ministry said it would publish new quotas in the spring."
)


@pytest.mark.parametrize("opening, closing", [('"', '"'), ("\u201c", "\u201d")])
def test_a_quotation_over_two_paragraphs_is_one_sentence_with_its_speaker(opening, closing):
    body = BODY.format(o=opening, c=closing)
    sentences = [s._text for p in build_document(body).paragraphs for s in p.sentences]
    quoted = [s for s in sentences if "boats" in s or "ministry for talks" in s]
    assert len(quoted) == 1
    assert quoted[0].startswith(opening + "Our boats") and quoted[0].endswith("in the harbour.")
    for algorithm in ("default", "lexrank", "lead"):
        for sentence in summarize(body, sentences=3, algorithm=algorithm):
            # no part of the quotation without its speaker
            assert ("boats" in sentence or "answered" in sentence) <= ("Lindqvist told" in sentence)


def test_paragraphs_that_close_their_quotations_stay_apart():
    body = '"We are ready," she said.\n"So are we," he said.\nIt was "fine". Then "more.\nPlain text.'
    assert _paragraphs(body) == [
        '"We are ready," she said.',
        '"So are we," he said.',
        'It was "fine". Then "more.',
        "Plain text.",
    ]
    # a paragraph left open before one that opens no quotation is not joined
    assert len(_paragraphs('"We will win.\nThe vote is on Sunday.')) == 2
