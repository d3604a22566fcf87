"""A summary's "he" or "she" whose person it left out is named (QA: "He said ..." opening a summary)."""

from pathlib import Path

import pytest

from briefing.antecedents import told_apart
from briefing.referents import People, _Named, pronoun_of, with_names
from briefing.service.summaries import summarize_file
from briefing.summary import summarize

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

COUNCIL = [
    "The city council met on Tuesday to debate the budget for the new harbour bridge.",
    "Council leader Margaret Okafor opened the session.",
    "She said the harbour bridge budget would rise by $40m because steel for the bridge cost more, and the "
    "council would vote on the bridge budget next week.",
    "The harbour bridge was first proposed in 2019 by the port authority.",
]
QUOTED = (
    "“The harbour bridge budget will rise by $40m because steel for the bridge costs more, and the council "
    "will vote on the bridge budget next week,” she said."
)


@pytest.mark.parametrize(
    "sentence, pronoun",
    [
        ("He said the talks had failed.", "He"),
        ("Her lawyer said the claim was false.", "Her"),
        ("“We will not give up,” she added.", "she"),
        ("'Why now?' he asked.", "he"),
        ("His Majesty's Government said the talks had failed.", None),
        ("Hezbollah said the talks had failed.", None),
        ("The minister said he would resign.", None),  # "he" after its person, in the same sentence
    ],
)
def test_the_pronoun_a_sentence_leans_on(sentence, pronoun):
    match = pronoun_of(sentence)
    assert (match.group("pronoun") if match else None) == pronoun


def test_an_opening_he_or_she_is_replaced_by_the_one_person_named_before():
    summary = summarize("\n\n".join(COUNCIL), sentences=1)
    assert summary == ("Margaret Okafor" + COUNCIL[2].removeprefix("She"),)


def test_a_quotations_speaker_is_named_and_the_summary_may_open_on_it():
    summary = summarize("\n\n".join([*COUNCIL[:2], QUOTED, COUNCIL[3]]), sentences=1)
    assert summary == (QUOTED.replace("she said", "Margaret Okafor said"),)


def test_a_pronoun_is_kept_when_the_summary_just_named_its_person():
    people = People(COUNCIL)
    assert with_names([(1, COUNCIL[1]), (2, COUNCIL[2])], people) == COUNCIL[1:3]


def test_a_person_named_again_is_written_as_the_article_shortens_the_name():
    sentences = [
        "Council leader Margaret Okafor opened the session.",
        "Mayor John Tran said the bridge would open in 2027.",
        "The session was later closed by Okafor after a vote on the bridge.",
        "“We will not pay more,” she said.",
    ]
    # the summary named Okafor, then Tran: "she" is named again, as the article shortens the name
    chosen = [(0, sentences[0]), (1, sentences[1]), (3, sentences[3])]
    assert with_names(chosen, People(sentences))[2] == "“We will not pay more,” Okafor said."
    # named only three sentences or more before, the person is not clear
    far = [sentences[0], *(f"The bridge will cost ${n}m more." for n in (10, 20, 30)), sentences[3]]
    assert People(far).referent(4) is None


@pytest.mark.parametrize(
    "before",
    [
        "Council leader Margaret Okafor and her deputy Tom Reyes opened the session.",  # two people
        "In 2019 she and Margaret Okafor opened the session.",  # someone else, before the name
        "Council leader Mr Tom Reyes opened the session.",  # a "Mr" is no "she"
        "The council opened the session.",  # no one named
        # someone the actor extraction does not know comes between ("and Alli is given time to shoot")
        "Council leader Margaret Okafor spoke first, and Oduya was given time to reply.",
    ],
)
def test_no_name_is_written_when_the_person_is_not_clear(before):
    sentences = [COUNCIL[0], before, COUNCIL[2]]
    assert People(sentences).referent(2) is None
    assert with_names([(2, COUNCIL[2])], People(sentences)) == [COUNCIL[2]]
    # nor does the summary open on the pronoun
    summary = summarize("\n\n".join([*sentences, COUNCIL[3]]), sentences=1)
    assert summary and pronoun_of(summary[0]) is None


def test_his_and_her_become_the_persons_possessive():
    sentences = ["Mark Salling, the Glee actor, has died at 35.", "His attorney confirmed the news."]
    assert with_names([(1, sentences[1])], People(sentences)) == [
        "Mark Salling's attorney confirmed the news."
    ]


def test_a_summary_without_a_pronoun_reads_no_actors(monkeypatch):
    def boom(*args, **kwargs):
        raise AssertionError("the actors were read")

    monkeypatch.setattr("briefing.actors.extract_actors", boom)
    assert with_names([(0, COUNCIL[0])], People(COUNCIL)) == [COUNCIL[0]]


def test_the_seed_articles_speakers_are_named():
    """Seed 003 (DW): "“..., That’s what we’d need,” he said." and "“Russia may benefit ...,” he told DW"
    were told without the sentences naming Nico Lange and Andrei Lankov."""
    result = summarize_file(
        SEEDS / "003_41bc48a647531916.txt", sentences=3, algorithm="default", max_sentences=400
    )
    summary = " ".join(result.summary)
    assert "” he said" not in summary and "” he told" not in summary
    assert "” Nico Lange said" in summary and "” Andrei Lankov told DW" in summary


@pytest.mark.parametrize(
    "sentence, pronoun",
    [
        ("Last year, she said, the city spent more on consultants than on books.", "she"),
        ("But she faces a council that rejected her last budget.", "she"),
        ("The deficit is the largest in a decade, she said.", "she"),
        ("Officials said he would resign before the vote.", "he"),
        ("Court documents show she was paid twice.", "she"),
        ("“We lost, he said, and we move on,” the captain said.", None),  # the speaker's "he"
        ("Williams says he expects a hard game.", None),  # a name, maybe "he" himself
        ("The world champion says he is fit.", None),  # a person: maybe "he" himself
    ],
)
def test_a_pronoun_inside_a_sentence_it_leans_on(sentence, pronoun):
    match = pronoun_of(sentence)
    assert (match.group("pronoun") if match else None) == pronoun


BUDGET = [
    "The city council met on Monday to discuss the budget gap.",
    "Mayor Ingrid Solheim proposed closing two libraries.",
    "Residents packed the hall to protest.",
    "Last year, she said, the city spent more on consultants than on books.",
    "Officials said she would present a revised plan in March.",
    "The deficit is the largest in a decade, she said.",
]


def test_a_pronoun_inside_a_sentence_is_named_when_its_person_is_clear():
    told = with_names([(0, BUDGET[0]), (3, BUDGET[3]), (4, BUDGET[4]), (5, BUDGET[5])], People(BUDGET))
    assert told == [
        BUDGET[0],
        "Last year, Ingrid Solheim said, the city spent more on consultants than on books.",
        BUDGET[4],  # the summary just named her
        BUDGET[5],
    ]
    assert with_names([(4, BUDGET[4])], People(BUDGET)) == [
        "Officials said Ingrid Solheim would present a revised plan in March."
    ]


def test_a_pronoun_inside_a_sentence_that_names_someone_is_left_as_written():
    sentences = [*BUDGET[:3], "Opposition leader Per Dahl was not convinced, she said."]
    assert with_names([(3, sentences[3])], People(sentences)) == [sentences[3]]


def test_a_person_the_summary_named_by_the_surname_alone_is_not_written_in_full_twice():
    """A surname alone ("Kowalczyk said ...") is written in full there, so a later "she" is "Kowalczyk"."""
    sentences = [
        "Shares in Norvale Energy fell 12% on Tuesday after the company cut its forecast.",
        "Analyst Marta Kowalczyk of Baltic Securities called the cut a surprise.",
        "Kowalczyk said investors would want a clearer plan.",
        "Chief executive Tomasz Wrona defended the decision.",
        "Gas prices fell by a third over the winter, Wrona said.",
        "Analyst Marta Kowalczyk expects another cut in the spring.",
        "“It is hard to see a floor yet,” she said.",
    ]
    people = People(sentences)
    assert told_apart([(people, 2, sentences[2]), (people, 4, sentences[4]), (people, 6, sentences[6])]) == [
        "Marta Kowalczyk said investors would want a clearer plan.",
        "Gas prices fell by a third over the winter, Tomasz Wrona said.",
        "“It is hard to see a floor yet,” Kowalczyk said.",
    ]


def test_a_person_whose_name_reads_as_a_title_makes_no_one_clear():
    """The extraction may take a film's title for a person ("Assault on Precinct 13 was in third.", named
    "Assault On Precinct"): a "person" written with a title's "on", "and", "of" or a word in lower case
    (not a particle: "von der Leyen") is someone, maybe no one."""
    sentences = [
        "Robert Vance has topped the box office charts with two films.",
        "The thriller took £7.2m in three days.",
        "Assault on Precinct 13 was in third.",
        "In the sequel, she plays a retired detective.",
    ]

    def read_as(name: str, surface: str) -> People:
        people = People(sentences)
        people.__dict__["_named"] = _Named(
            [[(0, "Robert Vance")], [], [(0, name)], []],
            {"Robert Vance": ["Robert Vance"], name: [surface]},
            {},
            [False] * 4,
        )
        return people

    assert read_as("Assault On Precinct", "Precinct").referent(3) is None
    assert read_as("Assault On Precinct", "Assault on Precinct").referent(3) is None
    assert with_names([(3, sentences[3])], read_as("Assault On Precinct", "Precinct")) == [sentences[3]]
    # a name with its particles is one
    assert read_as("Ursula von der Leyen", "von der Leyen").referent(3) == "Ursula von der Leyen"


def test_a_sentence_naming_one_person_with_a_pronoun_inside_it_names_that_person():
    sentences = [
        "Former Australian wing David Campese has told England to stop complaining about referees.",
        "England lost to Ireland on Saturday.",
        "But although Campese admitted he was surprised by the defeat, he insisted England lacked talent.",
        "“England are beginning to realise that being world champions does not win games,” he said.",
    ]
    assert with_names([(3, sentences[3])], People(sentences)) == [
        sentences[3].replace("he said", "David Campese said")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        QUOTED,  # "“...,” she said."
        "Officials said she would ask for $40m more because steel for the harbour bridge cost more, and the "
        "council would vote on the bridge budget next week.",
        "The harbour bridge budget would rise by $40m because steel for the bridge cost more, and the "
        "council would vote on the bridge budget next week, she said.",
    ],
)
def test_a_summary_does_not_open_on_a_sentence_whose_pronoun_is_unclear(sentence):
    """A quotation's speaker or a "she" inside the sentence whose person is not clear (two people named
    before it) waits for a sentence before it, as an opening "She said ..." does."""
    before = "Council leader Margaret Okafor and her deputy Tom Reyes opened the session."
    body = "\n\n".join([COUNCIL[0], before, sentence, COUNCIL[3]])
    summary = summarize(body, sentences=1)
    assert summary and summary[0] != sentence
    # with the person clear, it opens the summary, named
    clear = summarize("\n\n".join([COUNCIL[0], COUNCIL[1], sentence, COUNCIL[3]]), sentences=1)
    assert clear and "Margaret Okafor" in clear[0] and pronoun_of(clear[0]) is None
