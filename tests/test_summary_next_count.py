"""A toll told after the toll was told as changing is its next figure, however it is worded: "Nine
people were killed by Storm Bert ..., police said on Monday" after "The number of people killed ... rose
to five on Sunday" (no word of change of its own), and "The death toll rose to nine, and two people are
still missing" (another count beside it). Other victims, a lower figure and a count of another day stay
counts of their own (stories21's Bert brief told nine beside five)."""

from datetime import UTC, datetime, timedelta

import pytest

from briefing.digest import Arrival, Received, story_update
from briefing.facts import first_told, revises, revisions
from briefing.models import Story
from briefing.stories import story_summary

THREE = (
    "Storm Bert killed three people in south Wales on Saturday as rivers burst their banks and hundreds of"
    " homes were flooded, Natural Resources Wales said."
)
FIVE = (
    "The number of people killed in the floods in south Wales rose to five on Sunday after two more bodies"
    " were found in Pontypridd, police said."
)
SEVEN = (
    "At least seven people have died in south Wales after Storm Bert, police said on Monday, as the search"
    " for a missing man in Pontypridd continued."
)
NINE = (
    "Nine people were killed by Storm Bert in south Wales, police said on Monday, after the body of a"
    " missing man was found in Pontypridd."
)


@pytest.mark.parametrize(
    "sentence",
    [
        NINE,
        SEVEN,
        "Nine people were killed in the floods in south Wales, police said on Monday.",
        "Nine people were killed in the floods in south Wales and two are missing, police said on Monday.",
    ],
)
def test_a_plain_toll_after_a_running_toll_is_its_next_figure(sentence):
    assert revises(sentence, FIVE)


@pytest.mark.parametrize(
    "sentence",
    [
        "The number of people killed in the floods in south Wales rose to nine on Monday, and two people are"
        " still missing.",
        "The death toll in south Wales rose to nine on Monday, with two people still missing and 14 injured.",
        "Nine people have now died in the floods in south Wales and two are missing.",
    ],
)
def test_a_new_toll_told_with_another_count_still_revises_the_toll(sentence):
    assert revises(sentence, FIVE)


@pytest.mark.parametrize(
    "sentence, other",
    [
        # a lower plain figure: no next figure of a toll (a toll that falls is told falling)
        ("Three people were killed in the floods in south Wales, police said on Monday.", FIVE),
        # a count of a day of its own: Sunday's arrests are no next figure of Saturday's total
        (
            "Police arrested 45 people at the protest in central London on Sunday.",
            "The number of people arrested at the protest in central London rose to 30 on Saturday.",
        ),
        # other victims: fighters the army killed are no next figure of the civilian toll
        (
            "The army said its troops killed 40 RSF fighters near El Fasher, a spokesman said on Wednesday.",
            "The number of civilians killed near El Fasher rose to 20, activists said.",
        ),
        # and with another count beside the new one
        (
            "The army said its troops killed 40 RSF fighters near El Fasher and 12 were injured.",
            "The number of civilians killed near El Fasher rose to 20, activists said.",
        ),
        # the injured rose: no figure of the dead, however many counts the other names
        (
            "The number of people injured in the floods in south Wales rose to 14 on Monday.",
            FIVE,
        ),
    ],
)
def test_other_counts_stay_their_own(sentence, other):
    assert not revises(sentence, other)


def test_the_story_tells_the_latest_toll_once():
    leads = [
        (THREE, 'First Minister Eluned Morgan said the scenes were "heartbreaking".'),
        (FIVE, "Residents began clearing mud and ruined furniture from their homes as the River Taff fell."),
        (
            SEVEN,
            "First Minister Eluned Morgan said the Welsh government would hold a review of flood defences.",
        ),
        (NINE, "First Minister Eluned Morgan said flood defences along the River Taff would be reviewed."),
    ]
    dates = [1, 2, 3, 4]
    sentences = [THREE, FIVE, SEVEN, NINE]
    assert revisions(sentences, first_told([[x] for x in sentences], dates)) == {0: 3, 1: 3, 2: 3}
    summary = story_summary(leads, sentences=3, dates=dates)
    tolls = [x for x in summary if any(w in x for w in ("killed", "died"))]
    assert tolls == [NINE]


def test_an_update_tells_the_newest_toll_alone():
    now = datetime(2026, 11, 25, 12, tzinfo=UTC)

    def arrival(article_id, source, hours_ago, *sentences):
        return Arrival(
            article_id, source, f"https://{source}/{article_id}", now - timedelta(hours=hours_ago), sentences
        )

    first = arrival(1, "valleysgazette.co.uk", 50, THREE)
    arrivals = [
        first,
        arrival(
            2, "cymrunews.co.uk", 27, FIVE, "Residents began clearing mud from their homes in Pontypridd."
        ),
        arrival(3, "walesnews.co.uk", 2, NINE),
    ]
    story = Story(
        id=3,
        headline="Storm Bert kills three as floods hit south Wales",
        article_ids=(1, 2, 3),
        sources=("valleysgazette.co.uk", "cymrunews.co.uk", "walesnews.co.uk"),
        first_seen=now - timedelta(hours=50),
        last_updated=now - timedelta(hours=2),
        summary=(THREE,),
    )
    update = story_update(story, arrivals, Received(now - timedelta(hours=40), (THREE,)))
    assert update is not None
    assert NINE in update.summary and FIVE not in update.summary


def test_a_plain_title_after_a_running_title_is_its_next_figure():
    running = "Peru quake toll climbs to 27 as rescuers search collapsed houses"
    assert revises("Southern Peru quake: 41 dead, emergency declared", running, titles=True)
    assert not revises("Southern Peru quake: 14 dead, emergency declared", running, titles=True)
