"""An article's (or a later article's) own toll update is read as the newest figure of the count, in the
wordings news uses besides "the toll rose to three": a running total ("bringing the number of dead to
three"), "now stands at seven after two of the injured died" (the injured there are the cause, not a
count told), an ordinal death ("a third resident died in hospital", "has claimed a third life"), and "Three
miners have now died" against a first report whose 3 counted the injured (qa26 F6, summ17's left cases)."""

import pytest

from briefing.facts import count_kinds, restates, revises, with_figures
from briefing.stories import story_summary
from briefing.summary import summarize

BLAST = "A gas explosion at a block of flats in Hull killed two residents on Friday, fire officials said."
PIT = "A roof fall at a pit near Katowice killed two miners and injured three on Tuesday, officials said."
COACH = "Five passengers died when a coach overturned on a motorway near Lyon on Saturday, police said."


@pytest.mark.parametrize(
    "update",
    [
        "Police said a third resident, an 81-year-old man, had died, bringing the number of dead to three.",
        "A neighbour died in hospital on Sunday, bringing the death toll to three.",
        "A third resident died in hospital on Saturday, police said.",
        "The third victim, a 12-year-old girl, died in hospital on Sunday.",
        "A third person has died after the explosion, police said.",
        "Police confirmed a third death on Sunday.",
        "The explosion has claimed a third life.",
        "Firefighters recovered a third body from the rubble on Saturday.",
        "A third body was found in the rubble on Saturday.",
        "A second resident died on Sunday, raising the number of victims to three.",
        "The death of a woman in hospital on Sunday took the toll to three.",
        "The number of dead has now reached three, police said.",
        "Police said three people had now died.",
        "Another resident died in hospital, bringing the toll to three.",
        "A further death was confirmed on Sunday, bringing the toll to three.",
        "A woman injured in the blast died in hospital on Sunday, bringing the death toll to three.",
        "A man hurt in the blast died on Sunday, taking the number of people killed to three.",
        "The number of people who died has risen to three.",
    ],
)
def test_an_update_worded_as_a_running_total_or_an_ordinal_death_revises_the_first_toll(update):
    assert revises(update, BLAST)


def test_a_toll_that_now_stands_at_a_figure_after_injured_died_revises_the_first():
    update = "Officials said the death toll now stands at eight after three of the critically injured died."
    assert revises(update, COACH)


@pytest.mark.parametrize(
    "sentence",
    [
        "A second gas explosion in Hull killed three people on Sunday.",
        "A third man was arrested on Sunday, police said.",
        "The third patient was discharged from hospital on Sunday.",
        "Police made a third arrest on Sunday, bringing the number of arrests to three.",
        "Ambulances took the injured to three hospitals.",
        "The block was given a second life as student housing in 2004.",
        "Another gas explosion in Leeds killed three people, bringing the number of such blasts to three.",
        "Rescuers reached three more flats on Sunday.",
    ],
)
def test_other_ordinals_and_other_counts_are_no_revision(sentence):
    assert not revises(sentence, BLAST)


@pytest.mark.parametrize(
    "sentence, told",
    [
        ("A third resident died in hospital.", "The toll now 3, a resident died in hospital."),
        ("Divers recovered a fourth body.", "Divers recovered a body, the toll now 4,."),
        ("A second car bomb killed five people.", "A second car bomb killed 5 people."),
        ("A second man was arrested.", "A second man was arrested."),
        ("Another resident died, bringing the toll to three.", "A resident died, bringing the toll to 3."),
        ("A second resident died, raising the toll to four.", "A resident died, raising the toll to 4."),
    ],
)
def test_an_ordinal_death_is_read_as_the_toll(sentence, told):
    assert with_figures(sentence) == told


def test_the_injured_in_the_cause_of_a_change_are_no_count_told():
    sentence = "The death toll now stands at eight after three of the critically injured died overnight."
    assert count_kinds(sentence) == {"~dead", "~hurt"}  # the words are there ...
    assert revises(sentence, COACH)  # ... but the toll is the one count it tells


HULL = "\n".join(
    [
        "Gas blast in Hull",
        "",
        BLAST + " Crews pulled 11 people from the upper floors of the five-storey building.",
        "The explosion happened shortly after 6am in a ground-floor flat. Neighbours said they had smelled"
        " gas for days. The housing association said 30 households had been moved to hotels.",
        "Police later said a third resident, an 81-year-old man, had died in hospital, bringing the number of"
        " dead to three. An inquiry into the cause has begun. The gas network said it had checked the street"
        " in June.",
    ]
)


@pytest.mark.parametrize("sentences", [1, 2, 3])
def test_an_article_telling_its_own_update_is_summarized_by_the_newest_toll(sentences):
    told = summarize(HULL.split("\n", 1)[1], title="Gas blast in Hull", sentences=sentences)
    update = next(s for s in told if "bringing the number of dead" in s)
    if BLAST in told:
        assert told.index(update) == told.index(BLAST) + 1


def test_a_later_article_whose_figure_the_first_told_as_another_count_is_no_restatement():
    update = "Three miners have now died, officials said."
    assert not restates(update, PIT)
    assert restates("Two miners were killed and three injured near Katowice, officials said.", PIT)
    first = (PIT, "Rescuers worked for nine hours to reach the men.", "The cause is not yet known.")
    later = (update, "The company said it was cooperating with the mining authority.")
    told = story_summary([first, later], sentences=3, dates=[1, 2])
    assert update in told
    assert PIT not in told
