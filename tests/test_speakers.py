"""A quotation-only sentence is read with the speaker named in the sentence before it."""

import pytest

from briefing.sentences import split_sentences
from briefing.speakers import MAX_ATTRIBUTED, attribute_quotes
from briefing.summary import build_document


def read(text):
    return [s.text for s in attribute_quotes(text, split_sentences(text))]


def test_a_quotation_after_its_attributed_first_half_keeps_the_speaker():
    text = (
        '"We are pleased to expand our fleet," said Jane Doe, CEO of Nordhavn Shipping. '
        '"We remain on track to take delivery of four vessels in 2027." The ships will serve the North Sea.'
    )
    assert read(text) == [
        '"We are pleased to expand our fleet," said Jane Doe, CEO of Nordhavn Shipping. '
        '"We remain on track to take delivery of four vessels in 2027."',
        "The ships will serve the North Sea.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Jane Doe said: “We stay.” “We will not move.”",
        "“We stay,” she told reporters. “We will not move.”",
        "“We stay,” the minister says. “We will not move. Not now.”",
    ],
)
def test_the_speaker_may_come_before_or_after_the_first_quotation(text):
    assert read(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        'The port reopened on Monday. "We will not move."',  # nobody quoted before it
        'The union called it "a betrayal" in a statement. "We will not move."',  # no one said it
        '"We stay," she said. "We will not move," her deputy added.',  # the second names its own speaker
    ],
)
def test_a_quotation_without_an_attributed_one_before_it_stands_alone(text):
    assert len(read(text)) == 2


def test_a_long_pair_stays_two_sentences():
    first = '"We stay," said Jane Doe. '
    second = '"' + "We will not move from the harbour, " * 10 + 'whatever they offer."'
    assert len(first + second) > MAX_ATTRIBUTED
    assert read(first + second) == [first.strip(), second]


def test_the_summary_reads_the_speaker_with_the_quotation():
    body = (
        '"We are pleased," said Jane Doe, CEO. "We remain on track."\n\nThe ships will serve the North Sea.'
    )
    document = build_document(body)
    assert [str(s) for s in document.sentences] == [
        '"We are pleased," said Jane Doe, CEO. "We remain on track."',
        "The ships will serve the North Sea.",
    ]


def test_one_quotation_joins_its_speaker_the_next_stands_alone():
    text = "“We stay,” she said. “We will not move.” “Never.”"
    assert read(text) == ["“We stay,” she said. “We will not move.”", "“Never.”"]
