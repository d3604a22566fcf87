"""An outlet's name over a headline without a newspaper's noun (qa19c F6): the gazetteer's organisations
("Al Jazeera"), an outlet's "News" ("Sky News"), a name printed at the top of every story of the dump and
taken up by none ("The Kyiv Independent"), or a name over the date where a byline would be. Each is the
story's source, never its section or its author; a dump that credits a site keeps that site."""

import pytest

from briefing.dumps import split_dump

TITLE = "Six climbers rescued after two nights on Mont Blanc"
LEAD = (
    "A mountain rescue team reached six climbers stranded on the Mont Blanc massif on Thursday morning"
    " after two nights in a snow hole, French authorities said.\n"
    "The climbers, four from Britain and two from Ireland, were flown to a hospital in Chamonix with"
    " frostbite.\n"
)


def _one(text: str):
    (article,) = split_dump(text, source="alps.txt")
    assert article.title == TITLE
    assert article.body.startswith("A mountain rescue team reached six climbers")
    return article


def test_an_outlets_news_over_the_headline_is_the_source_not_the_section():
    article = _one(f"Sky News\n{TITLE}\nBy Helen Marsh\n26 Nov 2026\n" + LEAD)
    assert (article.source, article.section, article.author) == ("Sky News", None, "Helen Marsh")


def test_an_outlets_news_over_a_desks_news_is_no_byline():
    article = _one(f"Sky News\nWorld News\n{TITLE}\n" + LEAD)
    assert (article.source, article.section, article.author) == ("Sky News", "World News", None)


def test_an_organisation_the_gazetteer_knows_is_the_source():
    article = _one(f"Al Jazeera\nEurope\n{TITLE}\nBy Helen Marsh\n" + LEAD)
    assert (article.source, article.section, article.author) == ("Al Jazeera", "Europe", "Helen Marsh")


def test_a_dump_that_credits_a_site_keeps_the_site():
    article = _one(f"Sky News\n{TITLE}\nBy Helen Marsh\n" + LEAD + "Source: www.alpinewire.example.org\n")
    assert (article.source, article.section) == ("alpinewire.example.org", None)
    assert "Sky News" not in article.body


def test_a_name_over_every_story_and_taken_up_by_none_is_their_source():
    text = (
        "The Carpathian Courant\n"
        "Avalanche warning raised across the Carpathians\n"
        "By Olena Hrytsenko\n"
        "November 26, 2026 2:10 PM\n"
        "Ukraine's emergency service raised its avalanche warning to the highest level across the"
        " Carpathians on Thursday after two days of heavy snow.\n"
        "Ski resorts in Bukovel closed their upper lifts, the service said.\n"
        "\n"
        "The Carpathian Courant\n"
        "Mountain road reopens after rockfall\n"
        "By Olena Hrytsenko\n"
        "November 25, 2026 9:00 AM\n"
        "The H-09 mountain road between Rakhiv and Kolomyia reopened on Wednesday after crews cleared a"
        " rockfall that had blocked it for four days.\n"
        "Drivers were told to expect delays.\n"
    )
    articles = split_dump(text, source="carpathia.txt")
    assert [a.title for a in articles] == [
        "Avalanche warning raised across the Carpathians",
        "Mountain road reopens after rockfall",
    ]
    assert {(a.source, a.section, a.author) for a in articles} == {
        ("The Carpathian Courant", None, "Olena Hrytsenko")
    }


def test_a_name_where_the_byline_would_be_over_the_date_is_the_source():
    article = _one(f"{TITLE}\nThe Carpathian Courant\n26 Nov 2026\n" + LEAD)  # a proper name, no place's
    assert (article.source, article.author) == ("The Carpathian Courant", None)
    assert "Courant" not in article.body
    article = _one(f"{TITLE}\nSky News\n" + LEAD)  # an outlet by its words, right over the lead
    assert (article.source, article.author) == ("Sky News", None)


def test_a_place_printed_over_every_story_stays_their_section():
    text = (
        "Middle East\n"
        "Snow closes mountain passes in northern Iraq\n"
        "By Jo Bloggs\n"
        "Heavy snow closed three mountain passes in the Kurdistan region on Tuesday, stranding lorries at"
        " the border, officials said.\n"
        "\n"
        "Middle East\n"
        "Ski season opens early at Mount Hermon\n"
        "By Jo Bloggs\n"
        "The ski resort on Mount Hermon opened two weeks early on Wednesday after a cold spell, its"
        " managers said.\n"
    )
    articles = split_dump(text, source="mideast.txt")
    assert [(a.section, a.source) for a in articles] == [("Middle East", "mideast.txt")] * 2


def test_a_label_over_every_story_that_the_stories_take_up_stays_their_section():
    text = (
        "Avalanche Season\n"
        "Avalanche buries chalets above Davos\n"
        "By Jo Bloggs\n"
        "An avalanche buried two empty chalets above Davos on Tuesday night, the canton's police said.\n"
        "\n"
        "Avalanche Season\n"
        "Ski patrols blast slopes after snowfall\n"
        "By Jo Bloggs\n"
        "Ski patrols set off controlled blasts above Verbier on Wednesday as the avalanche season began"
        " early, the resort said.\n"
    )
    articles = split_dump(text, source="alps.txt")
    assert [(a.section, a.source) for a in articles] == [("Avalanche Season", "alps.txt")] * 2


@pytest.mark.parametrize("writer", ["Helen Marsh", "Siobhan Kelly", "Thandiwe Mokoena"])
def test_a_writers_name_over_the_date_is_no_source(writer):
    """Whether or not the lists know the given name ("Helen"; "Siobhan", "Thandiwe")."""
    (article,) = split_dump(f"{TITLE}\n{writer}\n26 Nov 2026\n" + LEAD, source="alps.txt")
    assert article.source == "alps.txt"


def test_an_organisation_the_lead_is_about_stays_a_label():
    lead = LEAD.replace("French authorities said", "Google said its maps had helped")
    (article,) = split_dump(f"Google\n{TITLE}\nBy Helen Marsh\n" + lead, source="alps.txt")
    assert (article.source, article.section) == ("alps.txt", "Google")
