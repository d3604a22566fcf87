"""Small tolls as news style writes them, in words ("killing three miners"): they are figures of their
count like "3", so a later report ("the death toll has risen to four") replaces them in a story's
summary and headline, also where the first report told the injured in the same sentence."""

from datetime import timedelta

import pytest
from article_rows import FOLLOWUP_START as T0

from briefing.facts import revises, revisions, with_figures
from briefing.stories import StoryArticle, Vectorizer, idf_of, latest_figures, medoid_title, story_summary

FIRST = (
    "A tunnel collapsed at a copper mine near Kolwezi on Monday night, killing three miners and injuring "
    "five others, the provincial governor said on Tuesday."
)
SECOND = (
    "Three miners were killed and five were hurt when a tunnel caved in at a copper mine outside Kolwezi, "
    "according to the provincial governor."
)
NEWEST = (
    "The death toll from the tunnel collapse at a copper mine near Kolwezi has risen to four, after one "
    "of the injured miners died in hospital, the governor said on Tuesday."
)
LATER = "Mining resumed at the site on Wednesday, a day after a collapse that killed four miners."
DETAIL = "Rescue teams worked through the night to reach the trapped miners."


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The blast killed two workers.", "The blast killed 2 workers."),
        ("Two workers were killed and seven were hurt.", "2 workers were killed and 7 were hurt."),
        ("The toll has risen to three, police said.", "The toll has risen to 3, police said."),
        ("The storm kills four, injures nine.", "The storm kills 4, injures 9."),
        ("Police arrested six protesters and three others.", "Police arrested 6 protesters and 3 others."),
        # no count: a number of things, a part of a group, and "one" (a pronoun as often as a count)
        ("Two ministers met on Friday.", "2 ministers met on Friday."),  # opening a sentence: a figure
        ("The two ministers met on Friday.", "The two ministers met on Friday."),
        ("The fire destroyed three warehouses.", "The fire destroyed three warehouses."),
        (
            "Six remain in hospital, two of them in a critical condition.",
            "6 remain in hospital, two of them in a critical condition.",
        ),
        ("One of the injured died in hospital.", "One of the injured died in hospital."),
        ("Two people were killed.", "2 people were killed."),
        ("It said two people met him.", "It said 2 people met him."),  # people: a count
        ("Medics took the wounded to three hospitals.", "Medics took the wounded to three hospitals."),
    ],
)
def test_small_counts_of_people_in_words_are_figures(sentence, expected):
    assert with_figures(sentence) == expected


def test_a_new_toll_revises_a_first_report_that_told_the_injured_too():
    assert revises(NEWEST, FIRST) and revises(NEWEST, SECOND)
    digits = FIRST.replace("three", "3").replace("five", "5")  # words or digits: one count
    assert revises(NEWEST.replace("four", "4"), digits) and revises(NEWEST, digits)
    # without a word of change, a sentence of fewer counts is no revision of one telling more
    assert not revises("Four miners died in the collapse near Kolwezi, the governor said.", FIRST)
    # the count it names must have other figures in both: the injured were five in both
    assert not revises("The number of injured has risen to five, the governor said.", FIRST)
    assert revises("The number of injured in the collapse near Kolwezi has risen to eight.", FIRST)


def test_a_story_tells_the_newest_small_toll_only():
    leads = [(FIRST, DETAIL), (SECOND,), (NEWEST,), (LATER,)]
    dates = [T0, T0 + timedelta(hours=1), T0 + timedelta(hours=2), T0 + timedelta(hours=3)]
    assert revisions([FIRST, SECOND, NEWEST], {FIRST: 0, SECOND: 1, NEWEST: 2}) == {0: 2, 1: 2}
    summary = story_summary(leads, sentences=3, dates=dates)
    assert NEWEST in summary
    assert FIRST not in summary and SECOND not in summary
    # the headline's article opens the summary with its first sentence's newest revision
    opened = story_summary(leads, sentences=3, dates=dates, first=0)
    assert opened[0] == NEWEST


def test_a_title_with_a_revised_small_toll_is_no_headline():
    titles = [
        "Copper mine collapse kills three, injures five",
        "Three dead as tunnel caves in at Congo copper mine",
        "Copper mine collapse kills three, injures five",
        "Kolwezi mine collapse: death toll rises to four",
    ]
    leads = [(FIRST,), (SECOND,), (FIRST,), (NEWEST,)]
    articles = [
        StoryArticle(n, t, " ".join(lead), "x.cd", T0 + timedelta(hours=n))
        for n, (t, lead) in enumerate(zip(titles, leads, strict=True))
    ]
    revised = latest_figures(leads, [a.when for a in articles])
    sentences = [x for lead in leads for x in lead]
    title = medoid_title(articles, Vectorizer(idf_of(articles)), sentences=sentences, revised=revised)
    assert title == titles[3]
