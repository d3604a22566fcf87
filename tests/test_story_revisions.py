"""A newer report of the same count or vote supersedes the older one however each outlet words it; a
sentence that says which figure it replaces ("up from 26") retires that figure; the same figure of the
same thing in mostly the same words is one fact. Other events, other things counted, other bills stay."""

from datetime import timedelta

import pytest
from article_rows import FOLLOWUP_START as T0
from article_rows import enrich_sentences as ingest

from briefing.facts import fact_weights, figure_part, formers, is_near_duplicate, revises
from briefing.stories import story_summary
from store.stories import get_story

# --- one toll, three outlets, three wordings ----------------------------------------------------------

SLIDE_17 = (  # "the number of people killed", a detail clause with "new" that marks no other event
    "The number of people killed by mudslides in the Colombian city of Manizales rose to 17 on Wednesday, "
    "the disaster agency said, as heavy rain spread into new hillside districts."
)
SLIDE_26 = (  # "the death toll", its own detail clause
    "The death toll from mudslides in the Colombian city of Manizales has climbed to 26, the mayor's "
    "office said on Thursday, as rescue teams reached roads that had been blocked since the weekend."
)
SLIDE_33 = (  # says itself that 26 is old, and names a camp for the displaced in a detail clause
    "At least 33 people have been killed by mudslides in Manizales, the mayor's office said on Thursday, "
    "up from 26 earlier in the day, as the army flew drinking water to a camp for displaced families."
)
SLIDE_SCHOOL = "Classes were suspended in all 40 schools of the city until further notice."
SLIDE_DETAIL = "Mayor Jorge Restrepo asked residents of the slopes above the river to leave their homes."


@pytest.mark.parametrize(
    "older, newer",
    [
        (SLIDE_17, SLIDE_26),  # "number of people killed" and "death toll": one count
        (SLIDE_26, SLIDE_33),  # "up from 26": the newer says the 26 is past
        (
            "Mudslides have killed at least 9 people in Manizales, the capital of Caldas, after the "
            "Chinchina River burst its banks overnight, the disaster agency said on Tuesday.",
            SLIDE_17,
        ),
    ],
)
def test_a_newer_count_revises_the_older_whatever_the_detail_clauses(older, newer):
    assert revises(newer, older)  # which is newer, the dates say (revisions); an "up from" says too:
    assert not revises(SLIDE_26, SLIDE_33)  # the figure a sentence calls past never revises it


def test_a_sentence_that_says_up_from_knows_which_figure_is_past():
    assert formers(SLIDE_33) == {"#26"}
    assert formers("Zelensky raised the figure from the 95 first announced to 103.") == {"#95"}
    assert formers("The toll rose from 12 to 41.") == {"#12"}
    assert formers(SLIDE_26) == frozenset()
    # the clauses that tell the count, without the detail each outlet adds
    assert figure_part(SLIDE_26) == (
        "The death toll from mudslides in the Colombian city of Manizales has climbed to 26"
    )


def test_a_sentence_naming_the_old_figure_revises_it_however_each_names_the_parties():
    first = (
        "Sudan and South Sudan exchanged 48 detainees each on Friday in a swap brokered by the African "
        "Union (AU), the foreign ministry said."
    )
    update = (
        "A total of 55 Sudanese detainees came home in Friday's exchange with South Sudan, the army said on "
        "Saturday, raising the figure from the 48 first announced after seven sick prisoners were added."
    )
    assert revises(update, first)
    # the same figure named as past, but of another thing: the sick, not the exchanged
    assert not revises(
        "Some 60 injured prisoners were treated in Juba on Saturday, up from 48 on Friday, the army said.",
        first,
    )


def test_a_story_of_three_tolls_tells_only_the_newest_and_its_other_facts():
    leads = [(SLIDE_17, SLIDE_DETAIL), (SLIDE_26, SLIDE_SCHOOL), (SLIDE_33,)]
    dates = [T0, T0 + timedelta(hours=20), T0 + timedelta(hours=26)]
    summary = story_summary(leads, sentences=3, dates=dates)
    assert SLIDE_33 in summary
    assert SLIDE_17 not in summary and SLIDE_26 not in summary
    assert {SLIDE_DETAIL, SLIDE_SCHOOL} <= set(summary)  # the other facts are kept


@pytest.mark.parametrize(
    "older, newer",
    [
        (  # two events in one country: another city, another disaster
            SLIDE_17,
            "The death toll from floods in the Colombian port of Cartagena has risen to 21, officials "
            "said on Thursday, as the navy reached flooded islands.",
        ),
        (  # "up from" of another count: the displaced, not the dead
            SLIDE_26,
            "Some 1,200 people were evacuated from Manizales on Thursday, up from 800 on Wednesday, "
            "the mayor's office said.",
        ),
        (  # another figure of another thing
            SLIDE_26,
            "More than 4,000 homes in Manizales have been destroyed, up from 2,500 on Wednesday, the "
            "mayor's office said.",
        ),
        (  # another event of a kind, marked in the clause of its count
            SLIDE_17,
            "The toll from a second mudslide in Manizales rose to 5 on Thursday, the disaster agency said.",
        ),
    ],
)
def test_a_count_of_another_event_or_thing_stays_beside_the_first(older, newer):
    assert not revises(newer, older)
    summary = story_summary([[older], [newer]], sentences=3, dates=[T0, T0 + timedelta(hours=20)])
    assert set(summary) == {older, newer}


# --- votes: a later tally on the same measure is its latest stage ---------------------------------------

VOTE_PROCEDURAL = (
    "The Senate on Wednesday advanced the Rural Broadband Act in a 54-44 procedural vote, clearing the "
    "way for a final vote on the bill that would lay fibre lines to 3,000 towns."
)
VOTE_FINAL = (
    "The Senate on Thursday passed the Rural Broadband Act by a vote of 56 to 43, after two senators who "
    "had missed Wednesday's procedural vote returned to the chamber."
)


def test_a_later_vote_on_the_same_bill_revises_the_earlier_one():
    assert revises(VOTE_FINAL, VOTE_PROCEDURAL)


@pytest.mark.parametrize(
    "older, newer",
    [
        (  # two bills
            VOTE_PROCEDURAL,
            "The Senate on Thursday passed the Farm Credit Act by a vote of 61 to 37, sending the bill "
            "to the House.",
        ),
        (  # one bill, two chambers: both votes are news
            VOTE_FINAL,
            "The House on Friday passed the Rural Broadband Act by a vote of 220 to 210, sending the "
            "bill to the president.",
        ),
        (  # a figure that is no tally is no vote
            VOTE_PROCEDURAL,
            "The Senate on Thursday passed the Rural Broadband Act, which would lay fibre lines to 3,500 "
            "towns by 2030.",
        ),
    ],
)
def test_votes_on_other_bills_or_in_other_chambers_stay_apart(older, newer):
    assert not revises(newer, older)


def test_a_two_article_vote_story_tells_the_passed_bill_in_headline_and_summary(app):
    first = ingest(
        app,
        "Senate advances Rural Broadband Act in 54-44 procedural vote",
        (
            VOTE_PROCEDURAL,
            "Senator Ruth Calloway of Montana, who wrote the bill, said rural families had waited long "
            "enough for broadband.",
        ),
        "capitolwire.example",
        0,
    )
    second = ingest(
        app,
        "SENATE PASSES RURAL BROADBAND ACT 56-43, SENDING BILL TO HOUSE",
        (
            VOTE_FINAL,
            "Senator Ruth Calloway of Montana said the Rural Broadband Act would bring fibre to farms and "
            "small towns.",
        ),
        "hilldaily.example",
        20,
    )
    assert second.story_id == first.story_id
    story = get_story(app.db, first.story_id)
    assert story.headline == "SENATE PASSES RURAL BROADBAND ACT 56-43, SENDING BILL TO HOUSE"
    assert story.summary[0] == VOTE_FINAL
    assert VOTE_PROCEDURAL not in story.summary


# --- one figure of one thing in mostly the same words is one fact --------------------------------------

DEAL = (
    "Kenya and Ethiopia agreed on Monday to share water from the Omo River, with Addis Ababa pledging to "
    "let 25 million cubic metres a year flow into Lake Turkana."
)
DEAL_RETOLD = (  # the same figure of the same thing, with a year of its own
    "Under the accord, Ethiopia will release 25 million cubic metres of water a year into Lake Turkana, "
    "which the two countries have argued over since 2015."
)
DEAL_PAYMENT = (  # the same figure of another thing
    "Ethiopia will also pay 25 million dollars a year to Kenyan fishing villages on the lake shore."
)
DEAL_QUOTE = (
    '"This is a good day for the people of the Omo valley," Kenyan foreign minister Amina Odhiambo said.'
)


def test_the_same_figure_of_the_same_thing_is_told_once():
    story = [DEAL, DEAL_RETOLD, DEAL_PAYMENT, DEAL_QUOTE]
    weights = fact_weights(story)
    assert is_near_duplicate(DEAL, DEAL_RETOLD, weights=weights)
    assert not is_near_duplicate(DEAL, DEAL_PAYMENT, weights=weights)
    assert not is_near_duplicate(DEAL_RETOLD, DEAL_PAYMENT, weights=weights)
    summary = story_summary([[DEAL, DEAL_QUOTE], [DEAL_RETOLD, DEAL_PAYMENT]], sentences=3)
    assert len({DEAL, DEAL_RETOLD} & set(summary)) == 1
    assert {DEAL_PAYMENT, DEAL_QUOTE} <= set(summary)


def test_a_year_apart_from_its_other_words_keeps_a_sentence_its_own():
    built = "The dam on the Omo River was built by an Italian company in 2006 for 1.5 billion euros."
    assert not is_near_duplicate(DEAL, built)


def test_a_toll_told_from_the_district_revises_the_one_told_from_the_village():
    """One landslide: "Nepal's Jajarkot district" in one outlet, "Thapagaun in western Nepal" in the other,
    the later toll worded "the number of people killed" (QA14a F3): the 58 replaces the 41."""
    older = (
        "The death toll from a landslide that buried the village of Thapagaun in western Nepal rose to 41 on"
        " Wednesday, officials said."
    )
    newer = (
        "The number of people killed by the landslide in western Nepal's Jajarkot district rose to 58 late on"
        " Wednesday, police said, after a second slope collapsed near the village of Thapagaun."
    )
    assert revises(newer, older)
    assert not revises(older.replace("Nepal", "Bhutan"), newer.replace("landslide", "flood"))


# --- the day a count was told is not another day of the count -------------------------------------------

QUAKE_14 = (
    "A magnitude 6.1 earthquake struck eastern Turkey on Sunday, killing at least 14 people and injuring 63, "
    "the country's disaster agency AFAD said."
)
QUAKE_27 = (
    "A magnitude 6.1 earthquake struck eastern Turkey on Sunday, killing at least 27 people and injuring 63, "
    "the country's disaster agency AFAD said on Monday."
)


def test_a_day_named_only_in_the_clause_of_saying_does_not_make_another_event():
    """The next day's report of the same quake, the same sentence but its figure and "said on Monday":
    Monday is when the agency told the count, not a second quake's day (QA17b F6)."""
    assert revises(QUAKE_27, QUAKE_14)
    summary = story_summary([[QUAKE_14], [QUAKE_27]], sentences=3, dates=[T0, T0 + timedelta(hours=20)])
    assert list(summary) == [QUAKE_27]


def test_counts_of_other_days_in_their_own_clauses_stay_two_facts():
    saturday = "Police arrested 30 protesters in the capital on Saturday, officials said."
    sunday = "Police arrested 45 protesters in the capital on Sunday, officials said."
    assert not revises(sunday, saturday)
