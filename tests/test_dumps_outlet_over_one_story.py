"""A paper's name alone over a single story's headline (qa21 F10, dumps13): "The Guardian", "Le Monde",
"Northern Echo" name the story's outlet, as a masthead over several stories already did, not its section."""

import pytest

from briefing.dumps import split_dump
from briefing.mastheads import named_as_a_paper

ONE_STORY = """Skip to main content
{outlet}

Lighthouse keepers' cottages to become a museum

By Morwenna Tregear

Published: 14 October 2026, 11:20 BST

The four keepers' cottages at Pendower Point will open as a museum of the lighthouse service next summer, the
trust that owns them said on Tuesday.

The trust raised 1.2 million pounds from visitors and a lottery grant to restore the roofs and the lamp room.

Share this article
Most read
"""


@pytest.mark.parametrize(
    "outlet", ["The Guardian", "Le Monde", "Northern Echo", "Daily Mirror", "The Independent"]
)
def test_a_papers_name_over_one_story_is_its_outlet(outlet):
    [article] = split_dump(ONE_STORY.format(outlet=outlet), source="cottages.txt")
    assert (article.source, article.section) == (outlet, None)
    assert article.title == "Lighthouse keepers' cottages to become a museum"
    assert article.author == "Morwenna Tregear"


@pytest.mark.parametrize("label", ["Premier League", "Middle East", "Echo Chamber", "Jane Sun"])
def test_a_label_over_one_story_stays_its_section(label):
    # a section's name, a column's ("Echo Chamber": the paper's noun opens it) or a surname ("Sun"): no paper
    [article] = split_dump(ONE_STORY.format(outlet=label), source="cottages.txt")
    assert (article.source, article.section) == ("cottages.txt", label)


TWO_STORIES = (
    ONE_STORY.format(outlet="Northern Echo")
    + """
Ferry fares to Holm Island frozen for a second year

By Ruairi Quinn

Published: 14 October 2026, 15:05 BST

Fares on the Holm Island ferry will stay at this year's prices until next autumn, the island council said.

Councillors said the freeze would cost the council 80,000 pounds, met from its harbour reserve.
"""
)


def test_a_papers_name_at_the_top_names_every_story_under_it():
    articles = split_dump(TWO_STORIES, source="echo.txt")
    assert [(a.title, a.source, a.section) for a in articles] == [
        ("Lighthouse keepers' cottages to become a museum", "Northern Echo", None),
        ("Ferry fares to Holm Island frozen for a second year", "Northern Echo", None),
    ]


def test_a_papers_noun_names_a_paper_only_at_the_end():
    assert named_as_a_paper("The Guardian") and named_as_a_paper("Le Monde")
    assert named_as_a_paper("Liverpool Echo") and named_as_a_paper("The Economist")
    assert not named_as_a_paper("Echo Chamber") and not named_as_a_paper("Mirror Image")
    assert named_as_a_paper("Times Union")  # the older nouns open a name as well
