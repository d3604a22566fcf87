"""Headlines set in capitals are written as the article writes their words."""

import pytest

from briefing.recase import is_shouted, readable_title

FLOODS = (
    "The death toll from floods in Chad's capital N'Djamena has risen to 31, the government said on "
    "Tuesday, as rescuers reached districts cut off since the weekend. The UN said it was sending aid."
)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (  # names keep the capitals the text gives them; words the text writes in lower case lose them
            "CHAD FLOOD DEATH TOLL RISES TO 31 AS RESCUERS REACH CUT-OFF DISTRICTS",
            "Chad flood death toll rises to 31 as rescuers reach cut-off districts",
        ),
        ("FLOODS IN N'DJAMENA: UN SENDS AID", "Floods in N'Djamena: UN sends aid"),
        # a short word the text never writes is kept as an acronym; a common one is not
        ("EU AND UN PLEDGE AID TO CHAD", "EU and UN pledge aid to Chad"),
    ],
)
def test_a_shouted_headline_takes_the_case_of_the_articles_words(title, expected):
    assert readable_title(title, FLOODS) == expected


def test_a_word_opening_a_sentence_does_not_make_it_a_name():
    text = "Rescuers reached the district on Monday. Flooded streets slowed the rescuers, officials said."
    assert readable_title("OFFICIALS SAY FLOODED STREETS SLOW RESCUERS", text) == (
        "Officials say flooded streets slow rescuers"
    )


@pytest.mark.parametrize(
    "title",
    [
        "Chad flood toll rises to 31",  # written in the usual case
        "NATO SUMMIT",  # too short to be set in capitals rather than a label
        "UN and NATO leaders meet in Brussels",
        "Владимир Путин встретился с лидерами",  # no capitals at all but the first
        "東京で地震",  # a script without case
    ],
)
def test_other_titles_are_left_as_they_are(title):
    assert readable_title(title, FLOODS) == title
    assert not is_shouted(title)


def test_the_headline_repeated_in_capitals_in_the_text_does_not_count_as_its_case():
    text = "SENATE APPROVES CLEAN PORTS ACT\nThe Senate approved the Clean Ports Act on Tuesday."
    assert readable_title("SENATE APPROVES CLEAN PORTS ACT", text) == "Senate approves Clean Ports Act"
    assert readable_title("LEADERS MEET AT NATO SUMMIT", "NATO said the summit opens today.") == (
        "Leaders meet at NATO summit"  # an acronym seen only opening a sentence stays one
    )
