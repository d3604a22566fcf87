"""Two section labels over a headline Written In Title Case and its byline (qa19c F5): the byline marks the
headline, the label right over it is the section, the broader label above goes; a label the lead happens to
name was taken for the title, the headline and the label under it for paragraphs."""

from briefing.dumps import split_dump

LEAD = (
    "A mountain rescue team reached six climbers stranded on the Mont Blanc massif on Thursday morning"
    " after two nights in a snow hole, the Outdoors minister said.\n"
    "The climbers, four from Britain and two from Ireland, were flown to a hospital in Chamonix with"
    " frostbite.\n"
)
HEADER = "Outdoors\nMountain safety\nSix Climbers Rescued After Two Nights On Mont Blanc\n"
EARLIER = (
    "Ski lifts reopen in Zermatt\n"
    "By Jo Bloggs\n"
    "Ski lifts in Zermatt reopened on Wednesday after a week of storms closed the resort, its operator"
    " said.\n"
    "\n"
)


def test_two_labels_over_a_title_case_headline_and_its_byline_give_the_title_and_the_nearer_label():
    (article,) = split_dump(HEADER + "By Helen Marsh\n" + LEAD, source="alps.txt")
    assert article.title == "Six Climbers Rescued After Two Nights On Mont Blanc"
    assert article.section == "Mountain safety"
    assert article.author == "Helen Marsh"
    assert article.body.startswith("A mountain rescue team reached six climbers")
    assert "Outdoors\n" not in article.body and "Mountain safety" not in article.body


def test_the_same_header_under_an_earlier_article_is_read_the_same_way():
    first, second = split_dump(EARLIER + HEADER + "By Helen Marsh\n26 Nov 2026\n" + LEAD, source="alps.txt")
    assert first.title == "Ski lifts reopen in Zermatt"
    assert second.title == "Six Climbers Rescued After Two Nights On Mont Blanc"
    assert second.section == "Mountain safety"
    assert second.author == "Helen Marsh"
    assert second.body.startswith("A mountain rescue team reached six climbers")


def test_a_short_title_over_a_standfirst_in_sentence_case_keeps_its_place():
    """Under the label, "Snow hole ordeal ends" is the title and the line over the byline its standfirst:
    in sentence case, that line is not read as the headline."""
    text = (
        "Outdoors\nSnow hole ordeal ends\nSix climbers rescued after two nights on Mont Blanc\n"
        "By Helen Marsh\n" + LEAD.replace("the Outdoors minister", "French authorities")
    )
    (article,) = split_dump(text, source="alps.txt")
    assert (article.title, article.section) == ("Snow hole ordeal ends", "Outdoors")
    assert article.author == "Helen Marsh"
    assert article.body.startswith("Six climbers rescued after two nights on Mont Blanc\n\nA mountain rescue")


def test_a_title_over_a_standfirst_over_the_byline_keeps_the_title():
    """The heading over the byline is a standfirst here: the heading over it is no short label."""
    text = (
        "Outdoors\n"
        "Six climbers rescued after two nights on Mont Blanc\n"
        "Rescuers Reached The Snow Hole At Dawn On Thursday\n"
        "By Helen Marsh\n" + LEAD
    )
    (article,) = split_dump(text, source="alps.txt")
    assert article.title == "Six climbers rescued after two nights on Mont Blanc"
    assert article.author == "Helen Marsh"
    assert "Outdoors" not in (article.title or "")
