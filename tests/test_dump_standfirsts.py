"""A headline Written In Title Case over an unpunctuated standfirst, as weeklies and journals print them
("Harbour Board Rejects Crane Plan" / "Dockers say the vote ignores ..."), is the article's title and the
standfirst its first paragraph: the short headline is no section label over a longer title, even when the
lead tells the news in other words than the headline's. A label ("Middle East and Africa", "Local
Elections") over a headline stays the section."""

import pytest

from briefing.dumplines import reads_as_headline
from briefing.dumps import split_dump

LEAD = (
    "The port authority turned down on Thursday a proposal to replace the two oldest quayside cranes, "
    "after its finance committee said the cost had doubled since the spring.",
    "Unions had asked for the new machines since an accident at the container terminal last year.",
)
STANDFIRST = "Dockers say the vote ignores a decade of safety reports from the terminal"


@pytest.mark.parametrize(
    "headline",
    [
        "Harbour Board Rejects Crane Plan",  # four words in title case: a headline's
        "Crane Upgrade Shelved",  # a verb's past
        "Quayside Crane Plan Dropped Again",
    ],
)
def test_a_title_case_headline_over_a_standfirst_is_the_title(headline):
    text = "\n\n".join((headline, STANDFIRST, "Published: 19 November 2026", *LEAD))
    (draft,) = split_dump(text, source="port.txt")
    assert (draft.title, draft.section) == (headline, None)
    assert draft.body.startswith(STANDFIRST + "\n\nThe port authority turned down")


def test_a_title_case_headline_over_a_standfirst_in_a_later_article_is_its_title():
    first = (
        "Politics",
        "Council approves a new budget for the harbour",
        "By Jane Doe",
        "The city council approved on Tuesday a budget of 40 million dollars for the harbour, after a "
        "long debate about the cost of the new quay.",
        "The mayor said the works on the quay would start in the spring.",
    )
    text = "\n\n".join((*first, "Harbour Board Rejects Crane Plan", STANDFIRST, "By John Roe", *LEAD))
    budget, cranes = split_dump(text, source="port.txt")
    assert (budget.title, budget.section) == (first[1], "Politics")
    assert (cranes.title, cranes.section, cranes.author) == (
        "Harbour Board Rejects Crane Plan",
        None,
        "John Roe",
    )
    assert cranes.body.startswith(STANDFIRST)


@pytest.mark.parametrize(
    "label",
    [
        "Middle East and Africa",  # three words and a join
        "Arts & Culture",
        "Local Elections",
        "Royal visitors in Washington",  # a word in lower case: no title case
        "BUSINESS AND ECONOMY NEWS",  # capitals alone
    ],
)
def test_a_label_over_a_headline_stays_the_section(label):
    headline = "Port authority turns down new quayside cranes"
    text = "\n\n".join((label, headline, "Published: 19 November 2026", *LEAD))
    (draft,) = split_dump(text, source="port.txt")
    assert (draft.title, draft.section) == (headline, label)


@pytest.mark.parametrize(
    ("heading", "headline"),
    [
        ("Medical Board Suspends Surgeon", True),
        ("Night Ferry Timetable Axed", True),
        ("Ferry Service Suspended", True),
        ("Politics", False),
        ("Featured", False),  # one word: a label's, whatever its ending
        ("Middle East and Africa", False),
        ("Culture | Books", False),
        ("Science and Technology News", False),
        ("Harbour board rejects crane plan", False),  # not in title case: read by its place, as before
        ("WEEKLY BIN COLLECTIONS SCRAPPED", False),
    ],
)
def test_reads_as_headline(heading, headline):
    assert reads_as_headline(heading) is headline
