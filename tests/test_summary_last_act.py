"""A sentence about "the decision" or "the move" that the sentence before it told is told right after
that sentence, or not at all: alone, it names a decision the reader does not know."""

import pytest

from briefing.antecedents import names_the_last_act, needed_before
from briefing.summary import summarize


@pytest.mark.parametrize(
    "sentence, leans",
    [
        ("The regional council said the decision was made for safety reasons.", True),
        ("The decision was taken after a night of talks.", True),
        ("The move follows a week of protests.", True),
        ("The move followed a week of protests.", True),
        ("Officials said that the closure would last a week.", True),
        ("The council's decision to close schools was made on Monday.", False),  # it says which
        ("“The decision was mine,” the mayor said.", False),  # a speaker's words
    ],
)
def test_a_sentence_naming_the_last_act_by_a_noun(sentence, leans):
    assert names_the_last_act(sentence) is leans


def test_it_is_told_only_after_the_sentence_telling_the_act():
    sentences = [
        "Heavy snow cut power to 20,000 homes in the Tatra region on Monday.",
        "Schools in Zakopane will stay closed on Tuesday.",
        "The mayor said the decision was made to keep pupils off icy roads.",
    ]
    assert needed_before(sentences)[2] == (frozenset({1}),)
    body = "Snow in the Tatras\n\n" + "\n".join(
        [
            sentences[0]
            + " Road crews worked through the night to clear the main passes into the mountains.",
            "Forecasters expect another 40 centimetres of snow by Wednesday, the weather service said.",
            sentences[1] + " " + sentences[2],
        ]
    )
    for algorithm in ("default", "lexrank", "luhn"):
        told = summarize(body, sentences=2, algorithm=algorithm)
        if sentences[2] in told:
            assert sentences[1] in told


LIBRARY = [
    "The council voted on Tuesday to close the central library at the end of the year.",
    "The library has been open since 1905 and lends 200,000 books a year.",
    "Residents said they were angry.",
    "The decision was criticised by the local MP.",
    "The move will save 1.2 million pounds a year, the council said.",
]


def test_it_may_follow_the_nearest_sentence_telling_the_act_when_reactions_come_between():
    needs = needed_before(LIBRARY)
    assert needs[3] == (frozenset({0, 2}),)
    assert needs[4] == (frozenset({0, 3}),)
    body = "Council votes to close library\n\n" + "\n\n".join(
        [LIBRARY[0], LIBRARY[1], " ".join(LIBRARY[2:4]), LIBRARY[4]]
    )
    told = summarize(body, sentences=3)
    assert LIBRARY[0] in told and LIBRARY[4] in told


def test_a_sentence_telling_no_act_is_no_antecedent():
    sentences = [
        "Heavy snow cut power to 20,000 homes in the Tatra region on Monday.",
        "Road crews worked through the night.",
        "The mayor said the decision was made to keep pupils off icy roads.",
    ]
    assert needed_before(sentences)[2] == (frozenset({1}),)


@pytest.mark.parametrize(
    "sentence, leans",
    [
        ("Residents welcomed the decision.", True),
        ("Unions condemned the move as reckless.", True),
        ("Parents have criticised the closure, saying it came without warning.", True),
        ("Opposition councillors backed the measure on Tuesday.", True),
        ("Residents welcomed the decision to close the road.", False),  # it says which
        ("The mayor defended the move by the council.", False),
        ("Campaigners welcomed the decision on the bypass.", False),
        ("“We welcome the decision,” the mayor said.", False),  # a speaker's words
    ],
)
def test_a_reaction_to_the_last_act_named_by_a_noun(sentence, leans):
    assert names_the_last_act(sentence) is leans


BRIDGE = [
    "The city council approved a new tram bridge over the Tyne on Tuesday at a cost of 40 million pounds.",
    "Work on the bridge will start in March and take two years, the council said.",
    "The bridge will carry trams, bicycles and pedestrians but no cars.",
    "Residents welcomed the decision.",
]


def test_a_reaction_is_told_only_after_the_act_or_the_sentence_before_it():
    assert needed_before(BRIDGE)[3] == (frozenset({0, 2}),)
    body = "Tyne bridge approved\n\n" + "\n\n".join(BRIDGE)
    for algorithm in ("default", "lexrank", "luhn", "lsa"):
        for n in (1, 2):
            told = summarize(body, sentences=n, algorithm=algorithm)
            if BRIDGE[3] in told:
                before = told[told.index(BRIDGE[3]) - 1 : told.index(BRIDGE[3])]
                assert before and before[0] in (BRIDGE[0], BRIDGE[2])


# an article opening on the reaction, the act told after it (qa30 F11)
OPENS_ON_REACTION = [
    "Residents welcomed the decision.",
    "Harlow council voted on Tuesday to close Millbrook library and open a new hub in the town centre.",
    "Unions condemned the move, saying 12 jobs would be lost.",
    "The library, opened in 1962, will shut in March.",
]


@pytest.mark.parametrize(
    "first",
    [
        "Residents welcomed the decision.",
        "Unions condemned the move as reckless.",
        "Parents have criticised the plan.",
        "Residents welcomed it.",
        "It was widely welcomed by residents.",
    ],
)
def test_a_first_sentence_reacting_to_an_act_told_later_needs_that_act(first):
    assert needed_before([first, *OPENS_ON_REACTION[1:]])[0] == (frozenset({1}),)


NO_ACT = ["The library opened in 1962 and lends 50,000 books a year.", "Its reading room seats 40."]


@pytest.mark.parametrize(
    "sentences",
    [
        ["Residents welcomed the decision to close Millbrook library.", *OPENS_ON_REACTION[1:]],  # says which
        ["It was a cold morning in Harlow.", *OPENS_ON_REACTION[1:]],
        ["Residents welcomed the decision.", *NO_ACT],  # no act told near: the headline's, as before
    ],
)
def test_a_first_sentence_telling_its_act_or_none_told_later_needs_none(sentences):
    assert 0 not in needed_before(sentences)


def test_a_summary_does_not_open_on_a_reaction_to_an_act_told_after_it():
    body = "Council votes to close Millbrook library\n\n" + "\n".join(OPENS_ON_REACTION)
    for algorithm in ("default", "lexrank", "luhn", "lsa"):
        for n in (1, 2, 3):
            told = summarize(body, sentences=n, algorithm=algorithm)
            assert told[0] != OPENS_ON_REACTION[0]
            if OPENS_ON_REACTION[0] in told:
                assert told.index(OPENS_ON_REACTION[1]) < told.index(OPENS_ON_REACTION[0])


def test_a_reaction_to_it_further_on_waits_for_nothing():
    # "it" there is what the sentences before are about (the match), not an act: it may be told alone
    sentences = [
        "Has there been a better Six Nations match than Saturday's epic in Paris?",
        "Those are the questions occupying rugby fans after a scintillating display.",
        "Welsh legend Mervyn Davies hailed it as one of the great performances of the past three decades.",
    ]
    assert 2 not in needed_before(sentences)


# an article opening on a reaction to the response, the deadly event told after it with no verb of an act
# (qa33 F5)
OPENS_ON_RESPONSE = [
    "Villagers praised the rescue effort.",
    "Ten people were killed when a landslide hit a village in the north of the country on Sunday, officials"
    " said.",
    "Rescuers pulled 12 residents alive from the mud.",
    "The army said it had sent 200 soldiers to help.",
]


@pytest.mark.parametrize(
    "first",
    [
        "Villagers praised the rescue effort.",
        "Residents criticised the response.",
        "Survivors have criticised the government's response.",
        "Local leaders praised the emergency response as swift.",
    ],
)
def test_a_first_sentence_reacting_to_the_response_needs_the_event_told_later(first):
    assert needed_before([first, *OPENS_ON_RESPONSE[1:]])[0] == (frozenset({1}),)


@pytest.mark.parametrize(
    "sentences",
    [
        ["Villagers praised the rescue effort in Kamwe.", *NO_ACT],  # no event told near
        ["Villagers praised the response to the landslide.", *OPENS_ON_RESPONSE[1:]],  # says which
    ],
)
def test_a_first_sentence_reacting_to_the_response_with_no_event_near_or_saying_which_needs_none(sentences):
    assert 0 not in needed_before(sentences)


def test_a_summary_does_not_open_on_a_reaction_to_the_response_to_an_event_told_after_it():
    body = "Storm update\n\n" + "\n".join(OPENS_ON_RESPONSE)
    for algorithm in ("default", "lexrank", "luhn", "lsa"):
        for n in (1, 2, 3):
            told = summarize(body, sentences=n, algorithm=algorithm)
            assert told[0] != OPENS_ON_RESPONSE[0]
            if OPENS_ON_RESPONSE[0] in told:
                assert told.index(OPENS_ON_RESPONSE[1]) < told.index(OPENS_ON_RESPONSE[0])
