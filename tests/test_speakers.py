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


@pytest.mark.parametrize(
    "text",
    [
        # the sentence after the quotation names whose words they were
        "“The deal is fair,” said Rosa Diaz, the mayor. “It costs the city nothing.” "
        "That was not how council member Omar Haddad saw it, who told the meeting it was a giveaway.",
        # ... or attributes it and ends there
        "“The deal is fair,” said Rosa Diaz, the mayor. “It costs the city nothing.” Omar Haddad disagreed, "
        "and replied.",
        '"The deal is fair," the mayor said. "It costs the city nothing." The council\'s auditor replied.',
    ],
)
def test_a_quotation_claimed_by_the_next_sentence_is_not_the_first_speakers(text):
    sentences = read(text)
    assert "“It costs the city nothing.”" in sentences or '"It costs the city nothing."' in sentences


def test_a_quotation_followed_by_news_of_the_same_speaker_still_joins():
    text = (
        "“The deal is fair,” said Rosa Diaz, the mayor. “It costs the city nothing.” "
        "Diaz said the vote would be held in March."
    )
    assert read(text)[0] == "“The deal is fair,” said Rosa Diaz, the mayor. “It costs the city nothing.”"


def test_a_quotation_followed_by_another_unnamed_statement_still_joins():
    text = (
        "“The deal is fair,” said Rosa Diaz, the mayor. “It costs the city nothing.” "
        "The vote is due in March, the council said."
    )
    assert len(read(text)) == 2


def test_no_join_across_a_paragraph_break():
    text = "“The deal is fair,” said Rosa Diaz, the mayor.\n\n“It costs the city nothing.”"
    assert read(text) == ["“The deal is fair,” said Rosa Diaz, the mayor.", "“It costs the city nothing.”"]


def test_a_quotation_pointed_back_at_is_not_the_first_speakers_even_unnamed():
    text = "“The deal is fair,” she said. “It costs the city nothing.” Those were the words of Omar Haddad."
    assert len(read(text)) == 3


def test_after_an_unnamed_speaker_a_named_one_may_be_the_same():
    text = "“The deal is fair,” she said. “It costs the city nothing.” Diaz said the vote would be in March."
    assert read(text)[0] == "“The deal is fair,” she said. “It costs the city nothing.”"


PULL_QUOTE = "“Every bus will run on time by spring.”"
ATTRIBUTED = "“We fixed the depot,” said Ana Ruiz, the transit chief. " + PULL_QUOTE


@pytest.mark.parametrize(
    "body",
    [
        f"The city bought 40 new buses.\n\n{ATTRIBUTED}\n\n{PULL_QUOTE}\n\nFares stay the same.",
        f"The city bought 40 new buses.\n\n{PULL_QUOTE}\n\n{ATTRIBUTED}\n\nFares stay the same.",
    ],
)
def test_a_pull_quote_printed_again_is_told_once_with_its_speaker(body):
    assert [str(s) for s in build_document(body).sentences] == [
        "The city bought 40 new buses.",
        ATTRIBUTED,
        "Fares stay the same.",
    ]


def test_the_attributed_half_printed_again_is_a_repeat_too():
    body = f"{ATTRIBUTED}\n\n“We fixed the depot,” said Ana Ruiz, the transit chief."
    assert [str(s) for s in build_document(body).sentences] == [ATTRIBUTED]


def test_a_dropped_repeat_leaves_room_under_the_limit():
    body = f"{PULL_QUOTE}\n\n{ATTRIBUTED}\n\nFares stay the same.\n\nThe depot reopens in May."
    assert [str(s) for s in build_document(body, limit=2).sentences] == [ATTRIBUTED, "Fares stay the same."]


def test_a_name_far_from_the_speech_verb_is_no_other_speaker():
    text = (
        "“The deal is fair,” said Rosa Diaz, the mayor. “It costs the city nothing.” "
        "She said the plan had been drafted over the summer with the help of Omar Haddad."
    )
    assert read(text)[0] == "“The deal is fair,” said Rosa Diaz, the mayor. “It costs the city nothing.”"
