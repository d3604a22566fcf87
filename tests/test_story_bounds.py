"""Two first reports of one count, one a lower bound ("at least nine people died") and one a higher figure
of the same day and event ("killing at least 14 people"), are one count: the story tells the higher
figure once, whichever came first; the bound is an outlet's stale first figure, not news (qa25a, day 1
of a story telling both "at least ten" and "12")."""

import pytest

from briefing.facts import exceeds_bound, first_told, revisions
from briefing.stories import story_summary

HIGHER = (
    "Flash floods swept through the town of Kralovo in eastern Slovakia on Thursday, killing at least 14"
    " people, officials said."
)
BOUND = "At least nine people died when flash floods hit Kralovo on Thursday, the interior ministry said."


def test_a_higher_figure_of_the_count_exceeds_the_bound():
    assert exceeds_bound(HIGHER, BOUND)
    assert not exceeds_bound(BOUND, HIGHER)


@pytest.mark.parametrize(
    "other",
    [
        "At least nine people died when flash floods hit Kralovo on Wednesday, the ministry said.",  # a day
        "At least nine people were injured when flash floods hit Kralovo on Thursday.",  # another count
        "At least 20 people died when flash floods hit Kralovo on Thursday.",  # a higher bound
        "At least nine people died in Hungary on Thursday when a bridge collapsed near Szeged.",  # apart
        "A second flood killed at least nine people in Kralovo on Thursday.",  # another event
    ],
)
def test_other_days_counts_events_or_a_higher_bound_are_not_exceeded(other):
    assert not exceeds_bound(HIGHER, other)


def test_a_figure_told_exactly_is_no_bound():
    assert not exceeds_bound(HIGHER, "Nine people died when flash floods hit Kralovo on Thursday.")


@pytest.mark.parametrize("dates", [[1, 2], [2, 1]])
def test_the_story_tells_the_higher_figure_once_whichever_came_first(dates):
    first = (HIGHER, "Rescuers used boats to reach families stranded on rooftops.")
    second = (BOUND, "The river rose by two metres in three hours, the water authority said.")
    sentences = [HIGHER, BOUND]
    told_at = first_told([[HIGHER], [BOUND]], dates)
    assert revisions(sentences, told_at) == {1: 0}
    told = story_summary([first, second], sentences=3, dates=dates)
    assert HIGHER in told
    assert BOUND not in told


def test_a_later_toll_still_revises_the_higher_figure():
    later = "The death toll from the Kralovo floods rose to 23 on Friday."
    sentences = [HIGHER, BOUND, later]
    assert revisions(sentences, first_told([[HIGHER], [BOUND], [later]], [1, 2, 3])) == {0: 2, 1: 2}


def test_a_bound_of_a_narrower_place_is_a_count_of_its_own():
    wider = "On Monday, Russian strikes killed 25 people, regional officials said."
    narrower = "At least ten people were killed in Saltivka on Monday in a Russian strike on a market."
    assert not exceeds_bound(wider, narrower)
