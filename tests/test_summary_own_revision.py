"""An article that tells its own update ("A bus crash ... killed two people" and, further on, "the death
toll had risen to three") is not summarized by its stale figure alone: the revision is told right after
the sentence it revises (qa24 F4). Its count is read count by count ("killed two workers and injured
three" holds the new figure as the injured), "died in hospital" counts no injured, and "now stands at
three", "have now died" tell the latest figure."""

import pytest

from briefing.facts import count_kinds, revises
from briefing.stories import story_summary
from briefing.summary import summarize, with_revisions

BUS = "A bus crash in Kent killed two people on Monday morning, police said."
FIRE = "A fire at a warehouse in Leeds killed two workers and injured three on Monday night, officials said."
UPDATES = [
    "Police later said the death toll had risen to three after a passenger died in hospital.",
    "The death toll has risen to three after a firefighter died in hospital.",
    "The death toll now stands at three, police said.",
    "Three workers have now died, officials said.",
    "The death toll climbed to three on Tuesday.",
    "Police said the number of dead rose to three.",
]


@pytest.mark.parametrize(
    "sentence, kinds",
    [
        ("A passenger died in hospital.", {"~dead"}),
        ("Three others were treated in hospital.", set()),
        ("Seven people were hospitalised.", {"~hurt"}),
        ("Seven people were hospitalized.", {"~hurt"}),
    ],
)
def test_a_hospital_is_a_place_and_hospitalised_a_count(sentence, kinds):
    assert count_kinds(sentence) == kinds


@pytest.mark.parametrize("update", UPDATES)
@pytest.mark.parametrize("first", [BUS, FIRE])
def test_a_later_toll_revises_the_first(update, first):
    assert revises(update, first)


@pytest.mark.parametrize(
    "sentence",
    [
        "Three others were treated in hospital.",
        "A second bus crash in Kent killed three people on Tuesday.",
        "The fire injured three firefighters, officials said.",
        "The death toll in last year's fire at the same site was three, officials said.",
    ],
)
def test_other_counts_are_no_revision(sentence):
    assert not revises(sentence, FIRE)


BUS_ARTICLE = "\n\n".join(
    [
        BUS,
        "The bus left the road near Ashford at about 8am and overturned in a field.",
        UPDATES[0],
        "Four people were injured, two of them seriously, the ambulance service said.",
        "The driver was arrested on suspicion of dangerous driving.",
    ]
)
FIRE_ARTICLE = "\n\n".join(
    [
        FIRE,
        "Crews fought the blaze for six hours before bringing it under control.",
        UPDATES[1],
        "The cause of the fire is not yet known.",
    ]
)


@pytest.mark.parametrize("body, update", [(BUS_ARTICLE, UPDATES[0]), (FIRE_ARTICLE, UPDATES[1])])
@pytest.mark.parametrize("budget", [{"sentences": 3}, {"sentences": 2}, {"words": 60}])
def test_the_summary_tells_the_update_right_after_the_stale_toll(body, update, budget):
    told = summarize(body, title="Crash", **budget)
    assert summarize(body, title="Crash", sentences=1) == (update,)
    stale = next(x for x in told if "killed two" in x)
    assert told[told.index(stale) + 1] == update
    if "sentences" in budget:
        assert len(told) == budget["sentences"]


def test_the_revision_takes_the_place_of_the_lowest_ranked_sentence_no_other_needs():
    texts = [BUS, "It overturned in a field.", "The road was closed.", UPDATES[0]]
    needs = {1: (frozenset({0}),)}
    # 2 ranked lowest: it makes room
    assert with_revisions([0, 1, 2], [0, 1, 2], texts, needs) == [0, 3, 1]
    # 1 ranked lowest, but nothing else needs it; 2 would be left alone otherwise
    assert with_revisions([0, 1, 2], [0, 2, 1], texts, needs) == [0, 3, 2]
    # a revision already told is moved up to follow the sentence it revises
    assert with_revisions([0, 1, 3], [0, 1, 3], texts, needs) == [0, 3, 1]
    # with no other sentence to make room, the revision replaces the stale sentence
    assert with_revisions([0], [0], texts, needs) == [3]
    # a revision that needs a sentence the summary does not tell is not told
    assert with_revisions([0, 2], [0, 2], texts, {3: (frozenset({1}),)}) == [0, 2]


def test_a_story_tells_the_later_toll_of_another_article_counting_two_kinds():
    first = (FIRE, "Crews fought the blaze for six hours before bringing it under control.")
    later = ("The Leeds warehouse fire has claimed a third life.", UPDATES[1])
    told = story_summary([first, later], sentences=3, dates=[1, 2])
    assert FIRE not in told
    # the toll of three, told once: "has claimed a third life" tells it too (summ18)
    assert len(set(later) & set(told)) == 1
