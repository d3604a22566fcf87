"""Sentences that need what came before them do not open a summary (QA17a F11)."""

from pathlib import Path

import pytest

from briefing.antecedents import leans_back, needed_before, with_full_names
from briefing.stories import story_summary
from briefing.summary import summarize

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

NASSAR = [
    "Police dropped an investigation into disgraced former gymnastics doctor Larry Nassar in 2004 after he "
    "told them he was conducting legitimate medical treatment, according to documents released on Wednesday.",
    "Brianne Randall-Gay was 17 when she was treated for scoliosis by Nassar, who massaged her breasts.",
    "Randall-Gay’s mother subsequently complained to Meridian Township police department.",
    "However, Nassar said the treatment was part of “a medical technique known as Sacrotuberous Ligament "
    "Release” and gave police a PowerPoint presentation on the subject.",
]


@pytest.mark.parametrize(
    "sentence",
    [
        "However, Nassar said the treatment was legitimate.",
        "But the union said the strike would go on.",
        "“But we will not give up,” one skipper said.",
        "This is the third strike at the port this year.",
        "These measures will cost $5bn a year.",
    ],
)
def test_a_sentence_answering_what_came_before_leans_back(sentence):
    assert leans_back(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "This week the court ruled against the city.",
        "This Monday the court ruled against the city.",
        "So far, 12 people have died in the floods.",
        "Then-President Barack Obama signed the bill.",
        "Butler said he would stay at the club.",
        "“This is a very special award for the Bank,” said the CEO of the Bank.",
        "Police dropped an investigation into Larry Nassar in 2004.",
    ],
)
def test_a_sentence_that_stands_alone_does_not(sentence):
    assert not leans_back(sentence)


def test_a_sentence_that_leans_back_needs_any_sentence_before_it():
    assert needed_before(NASSAR) == {3: (frozenset({0, 1, 2}),)}  # "However, ..."
    assert needed_before(NASSAR[3:]) == {}  # the first sentence needs none


def test_a_surname_alone_is_written_in_full_when_the_summary_left_out_its_introduction():
    told = with_full_names([(0, NASSAR[0]), (2, NASSAR[2])], NASSAR)
    assert told == [NASSAR[0], "Brianne " + NASSAR[2]]
    # introduced in the summary: as written
    assert with_full_names(list(enumerate(NASSAR[:3])), NASSAR) == NASSAR[:3]


def test_a_name_every_reader_knows_a_titled_name_and_part_of_a_longer_name_stay_as_written():
    sentences = [
        "Russian president Vladimir Putin met Keith Kellogg and Chase Bank's chief in Moscow.",
        "Putin said the talks had been useful, and Mr Kellogg and Deutsche Bank agreed.",
    ]
    assert with_full_names([(1, sentences[1])], sentences) == [sentences[1]]


@pytest.mark.parametrize(
    "sentence",
    [
        "This week's reports that North Korea may send troops is, therefore, hardly surprising.",
        "The minister, however, refused to resign.",
    ],
)
def test_a_connective_inside_a_sentence_does_not_keep_its_news_out(sentence):
    assert not leans_back(sentence)


def test_the_seed_editorials_summary_keeps_its_news():
    """The op-ed's news is in its "..., therefore, ..." sentence: the summary keeps it (QA17d F4)."""
    text = (SEEDS / "001_9c1fce39af10d82c.txt").read_text(encoding="utf-8")
    summary = summarize(text)
    assert summary and not leans_back(summary[0])
    assert any("10,000 soldiers" in s for s in summary)


def test_a_summary_names_in_full_whom_it_did_not_introduce():
    strike = [
        "Dock workers at the port of Rotterdam walked out on Tuesday over pay, halting container traffic.",
        "Maria Jansen, 54, has loaded ships for thirty years and lives in Delft with her family.",
        "Jansen said the strike at the port of Rotterdam over pay would halt container traffic for days.",
        "The union said the walkout over pay at the port of Rotterdam would go on until talks resumed.",
    ]
    for n in (1, 2, 3):
        summary = summarize("\n\n".join(strike), sentences=n)
        assert "Maria " + strike[2] in summary and strike[1] not in summary


def test_a_story_summary_does_not_open_on_a_sentence_that_answers_another():
    leads = [
        [
            "Police dropped an investigation into Larry Nassar in 2004, documents show.",
            "However, Nassar told police the treatment was a medical technique known as ligament release.",
        ],
        ["Nassar told police in 2004 the treatment was a medical technique called ligament release."],
        ["The treatment Nassar told police about was a medical technique known as ligament release."],
    ]
    summary = story_summary(leads, sentences=2)
    assert not leans_back(summary[0])
    if leads[0][1] in summary:
        assert summary.index(leads[0][1]) == summary.index(leads[0][0]) + 1
