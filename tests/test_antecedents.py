"""Sentences that need what came before them do not open a summary (QA17a F11)."""

from pathlib import Path

import pytest

from briefing.antecedents import follows_from, leans_back, needed_before, opens_on_pronoun, with_full_names
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
    # "However, ...", and "Randall-Gay’s mother subsequently complained" after the sentence that tells who
    # she is (QA20b F9)
    assert needed_before(NASSAR) == {2: (frozenset({1}),), 3: (frozenset({0, 1, 2}),)}
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


GUIDE = [
    "Installing the Zeta compiler on a fresh laptop took me ten minutes this time.",
    "Download the installer from the project page and unpack it in your home folder.",
    "Do not pass the --legacy flag to the installer script.",
    "You will get a version of the Zeta compiler that cannot build packages from the package index.",
    "Then the Zeta compiler builds packages from the package index, and the compiler updates itself.",
]


@pytest.mark.parametrize(
    "sentence, follows",
    [
        ("You will get a version of Ruby that can't install gems.", True),
        ("You’ll need a second disk for the backups.", True),
        ("This means the bank will have to raise more capital.", True),
        ("That is why the council voted against the plan.", True),
        ("That’s why the talks failed.", True),
        ("It means the factory will close in March.", True),
        ("All this means that traditional conservatives have less to object to.", True),
        ("“You will see a very different approach,” the minister said.", False),  # the speaker's "you"
        ("If you skip the step, you will get an error.", False),  # its condition is its own
        ("This week the court ruled against the city.", False),
        ("Then run rvm requirements and install what it tells you to install.", True),  # the next step
        ("Finally, stir in the butter.", True),
        ("Then the storm hit the coast.", False),
        ("Next year the plant will close.", False),
        ("Finally, police said the road had reopened.", False),
    ],
)
def test_a_consequence_follows_from_the_sentence_before_it(sentence, follows):
    assert follows_from(sentence) is follows


def test_a_consequence_needs_the_sentence_just_before_it_and_a_pronoun_opener_any_before_it():
    assert needed_before(GUIDE)[3] == (frozenset({2}),)
    assert needed_before(GUIDE)[4] == (frozenset({0, 1, 2, 3}),)  # "Then ..."
    opened = ["The library reopened on Saturday.", "It was the first in the county to lend tools."]
    assert needed_before(opened) == {1: (frozenset({0}),)}
    assert needed_before(["The strike ended.", "They went back to work on Monday."]) == {1: (frozenset({0}),)}


@pytest.mark.parametrize("sentences", [1, 2, 3, 4])
def test_a_step_s_consequence_is_told_right_after_the_step_or_not_at_all(sentences):
    """QA17d F9: "You will get a version of Ruby that can't install gems." stood alone, as if the recipe
    gave a broken Ruby; it is the consequence of the step before it ("Don't ... specify --ruby")."""
    summary = summarize("\n\n".join(GUIDE), sentences=sentences)
    if GUIDE[3] in summary:
        assert summary.index(GUIDE[3]) == summary.index(GUIDE[2]) + 1
    assert summarize("\n\n".join(GUIDE), sentences=1) != (GUIDE[3],)  # the sentence it ranked first


@pytest.mark.parametrize("sentence", ["It was", "They were", "Its branch was", "Their branch was"])
def test_a_summary_does_not_open_on_it_or_they(sentence):
    library = [
        "The Riverside library reopened on Saturday after a rebuild.",
        f"{sentence} the first library in the county to lend tools, and readers queued on Saturday for the "
        "reopened library's tools and books.",  # the one sentence sharing words with both others: central
        "Readers borrowed tools and books.",
    ]
    summary = summarize("\n\n".join(library), sentences=1)
    assert summary and not opens_on_pronoun(summary[0])


@pytest.mark.parametrize(
    "introduction, full",
    [
        ("Analyst Marta Kowalczyk of Baltic Securities called the cut a surprise.", "Marta Kowalczyk"),
        ("Dr Marta Kowalczyk, who studies gas markets, called the cut a surprise.", "Marta Kowalczyk"),
        ("Chief Executive John Paul Kowalczyk called the cut a surprise.", "John Paul Kowalczyk"),
    ],
)
def test_a_surname_introduced_after_a_capitalised_title_is_written_in_full(introduction, full):
    """The name is found wherever it starts in a run of capitalised words, its given names all kept."""
    sentences = [
        "Shares in Norvale Energy fell 12% on Tuesday after the company cut its forecast.",
        introduction,
        "The company blamed lower gas prices.",
        "Kowalczyk said investors would want a clearer plan.",
    ]
    told = with_full_names([(0, sentences[0]), (3, sentences[3])], sentences)
    assert told == [sentences[0], f"{full} said investors would want a clearer plan."]


def test_a_surname_with_a_particle_is_all_of_it_and_the_particle_alone_is_no_surname():
    """The surname of "Marine Le Pen" is "Le Pen": a French sentence opening on the article "Le" is not her
    surname alone, to be written "Marine Le nouveau gouvernement ..." (qa25c F6)."""
    french = [
        "La cheffe du Rassemblement national, Marine Le Pen, a dénoncé « un choix sans surprise ».",
        "Le Parti socialiste réclame un vote de confiance.",
        "Le nouveau gouvernement sera présenté d'ici la fin de la semaine.",
    ]
    assert with_full_names([(1, french[1]), (2, french[2])], french) == french[1:]
    english = [
        "The actor Robert De Niro opened a restaurant in London on Monday.",
        "De Niro said he had wanted one there for years.",
        "Le Monde reported the opening.",
    ]
    # the surname with its particle, used alone, is written in full as any other is (qa26 F9); "Le Monde"
    # is no surname of anyone the text named
    assert with_full_names([(1, english[1]), (2, english[2])], english) == [
        "Robert De Niro said he had wanted one there for years.",
        english[2],
    ]


def test_a_particle_surname_alone_after_a_date_word_is_written_in_full():
    # qa26 F9: "Jeudi, Le Pen a ajouté" and "Le Pen said" were left bare, unlike "Smith said"
    french = [
        "Selon le parti, Marine Le Pen a dénoncé un budget injuste.",
        "La gauche soutiendrait la motion.",
        "Jeudi, Le Pen a ajouté que la censure serait déposée.",
    ]
    assert with_full_names([(1, french[1]), (2, french[2])], french)[1] == (
        "Jeudi, Marine Le Pen a ajouté que la censure serait déposée."
    )
    english = ["Marine Le Pen was barred from office on Monday.", "Le Pen said the ruling was political."]
    assert with_full_names([(1, english[1])], english) == ["Marine Le Pen said the ruling was political."]


def test_a_namesake_given_in_full_leaves_the_other_persons_full_name_to_be_given():
    sentences = [
        "Simon Cowell is to judge a new television contest for first-time novelists.",
        "The contest opens to entries in March.",
        "Writer Tony Cowell is among the judges.",
        "“I'm not going to be the Mr Nasty of books,” said Cowell, 54.",
    ]
    assert with_full_names([(2, sentences[2]), (3, sentences[3])], sentences) == [
        sentences[2],
        "“I'm not going to be the Mr Nasty of books,” said Simon Cowell, 54.",
    ]


def test_a_name_in_brackets_is_one_name():
    sentences = [
        "Only Shaun Wright-Phillips looked lively for City.",
        "City made one change at half-time.",
        "Man City: James, Mills (Bradley Wright-Phillips 83), Dunne, Distin, Thatcher.",
    ]
    assert with_full_names([(2, sentences[2])], sentences) == [sentences[2]]


def test_a_possessive_ends_a_name_and_a_titles_article_is_no_surname():
    """A book title after a possessive names no one called "The" ("Andrew Taylor's The American Boy"), and
    "Argentina's Agustin Calleri" names Agustin Calleri, whom the summary does not name in full twice."""
    sentences = [
        "The finalists include Andrew Taylor's The American Boy and Alice Sebold's The Lovely Bones.",
        "Argentina's Agustin Calleri beat fourth seed Jiri Novak 7-5 6-1 at the Mexican Open.",
        "The best read award is part of the British Book Awards.",
        "Calleri will face Albert Montanes in the semi-finals.",
    ]
    assert with_full_names([(1, sentences[1]), (2, sentences[2]), (3, sentences[3])], sentences) == [
        sentences[1],
        sentences[2],
        sentences[3],
    ]
    assert with_full_names([(3, sentences[3])], sentences) == ["Agustin " + sentences[3]]
