"""A site's name over a dump's articles ("The Daily Ledger" over the headline) is the outlet the articles
come from, not their section; a section label ("Politics", "Russia-Ukraine War") stays the section."""

import pytest

from briefing.dumps import split_dump
from briefing.mastheads import is_desk, is_kicker, is_masthead
from briefing.service.ingest import ingest_files
from store.articles import latest_articles

BUDGET = (
    "Council approves a new budget for the harbour",
    "The city council approved on Tuesday a budget of 40 million dollars for the harbour, after a long "
    "debate about the cost of the new quay.",
    "The mayor said the works on the quay would start in the spring.",
)
FERRY = (
    "Ferry line to the islands will start in spring",
    "The harbour authority said on Tuesday that the new ferry line to the islands would start in spring, "
    "after two years of delays.",
    "Residents of the islands have waited for the service since the old line closed in 2019.",
)


def story(story: tuple[str, ...], *above: str) -> str:
    return "\n\n".join((*above, *story))


def test_a_site_name_over_the_headline_is_the_outlet_not_the_section():
    (draft,) = split_dump(story(BUDGET, "The Daily Ledger"), source="x.txt")
    assert (draft.title, draft.section, draft.source) == (BUDGET[0], None, "The Daily Ledger")
    assert draft.body.startswith("The city council approved")


def test_a_masthead_over_each_article_names_each_ones_outlet():
    text = story(BUDGET, "Harbour Post", "By Jane Doe") + "\n\n" + story(FERRY, "Harbour Post", "By John Roe")
    drafts = split_dump(text, source="x.txt")
    assert [(d.title, d.author, d.section, d.source) for d in drafts] == [
        (BUDGET[0], "Jane Doe", None, "Harbour Post"),
        (FERRY[0], "John Roe", None, "Harbour Post"),
    ]


def test_a_masthead_over_a_section_label_over_each_article():
    # before, the second article's masthead, label and headline were read as subheadings of the first
    text = story(BUDGET, "The Lantern", "Politics") + "\n\n" + story(FERRY, "The Lantern", "Transport")
    drafts = split_dump(text, source="x.txt")
    assert [(d.title, d.section, d.source) for d in drafts] == [
        (BUDGET[0], "Politics", "The Lantern"),
        (FERRY[0], "Transport", "The Lantern"),
    ]
    assert "Lantern" not in drafts[0].body and "Transport" not in drafts[0].body


def test_the_name_of_the_site_the_dump_credits_is_its_masthead():
    text = story(BUDGET, "Harbourview") + "\n\nSource: www.harbourview.com\n"
    (draft,) = split_dump(text, source="x.txt")
    assert (draft.title, draft.section, draft.source) == (BUDGET[0], None, "harbourview.com")


def test_a_papers_name_over_a_section_label_is_no_byline():
    text = "Millbrook Herald\n" + story(BUDGET, "Local News")
    (draft,) = split_dump(text, source="x.txt")
    assert (draft.author, draft.section, draft.source) == (None, "Local News", "Millbrook Herald")


@pytest.mark.parametrize("label", ["Politics", "Russia-Ukraine War", "Local News", "Harbourview"])
def test_a_section_label_stays_the_section(label):
    (draft,) = split_dump(story(BUDGET, label), source="x.txt")
    assert (draft.title, draft.section, draft.source) == (BUDGET[0], label, "x.txt")


def test_a_label_repeated_over_each_article_without_another_label_stays_the_section():
    text = story(BUDGET, "Politics") + "\n\n" + story(FERRY, "Politics")
    assert [(d.section, d.source) for d in split_dump(text, source="x.txt")] == [("Politics", "x.txt")] * 2


@pytest.mark.parametrize(
    ("text", "sites", "masthead"),
    [
        ("Riverton Gazette", (), True),
        ("THE WEEKLY REVIEW", (), True),
        ("EL DIARIO DEL SUR", (), True),
        ("Corriere della Sera", (), True),
        ("The Harbourview", ("www.harbourview.com",), True),
        ("Harbourview", ("other.com",), False),
        ("Politics", (), False),
        ("Local News", (), False),
        ("Times of crisis for the harbour", (), False),  # words in lower case: no name
        ("Post 2026", (), False),
    ],
)
def test_is_masthead(text, sites, masthead):
    assert is_masthead(text, frozenset(sites)) is masthead


def test_the_ingest_stores_the_masthead_as_the_articles_outlet(app, tmp_path):
    (tmp_path / "ledger.txt").write_text(story(BUDGET, "The Daily Ledger", "Politics"), encoding="utf-8")
    assert ingest_files(app, [tmp_path / "ledger.txt"]).new == 1
    (article,) = latest_articles(app.db, limit=5)
    assert (article.source, article.section, article.title) == ("The Daily Ledger", "Politics", BUDGET[0])


@pytest.mark.parametrize(
    "above",
    [
        ("Harbour Times Sold To Local Owners",),
        ("Harbour Times Sold To Local Owners", "The paper had been in one family for eighty years"),
    ],
)
def test_a_headline_with_a_papers_word_in_it_stays_the_title(above):
    sale = (
        "The Harbour Times, the city's oldest paper, has been sold to a group of local owners, its publisher "
        "said on Monday.",
        "The new owners said the Times would keep its newsroom in the old port building.",
    )
    (draft,) = split_dump("\n\n".join((*above, *sale)), source="x.txt")
    assert (draft.title, draft.source) == (above[0], "x.txt")


@pytest.mark.parametrize(
    ("headline", "standfirst", "lead"),
    [
        (
            "Weekly Market Stalls Banned",
            "Traders say the council gave them no warning at all",
            "Sellers at the Saturday fair were told on Friday that their pitches would be withdrawn from "
            "January, the borough announced.",
        ),
        (
            "Times Square Parade Postponed",
            "Organisers point to the cost of policing the route",
            "New York's spring procession will not go ahead in April, its organisers said on Wednesday, "
            "citing the bill for officers along the route.",
        ),
        (
            "Science Journal Pulls Study",
            "Editors found errors in the underlying figures",
            "A leading publisher withdrew a widely cited paper on Monday after its reviewers flagged "
            "mistakes in the data.",
        ),
        (
            "Regional Post Offices Close",
            "Customers will have to travel to the city for parcels",
            "Nine village counters will shut next year as fewer customers use them, the operator said.",
        ),
    ],
)
def test_a_headline_with_a_papers_word_over_a_standfirst_is_no_outlet(headline, standfirst, lead):
    # the lead tells the news in other words, so the headline's words do not come back in it (QA18b F5)
    text = "\n\n".join((headline, standfirst, "Published: 14 November 2026", lead, "Nothing else was said."))
    (draft,) = split_dump(text, source="x.txt")
    assert draft.source == "x.txt"


@pytest.mark.parametrize("kicker", ["Exclusive", "Analysis", "Breaking", "Opinion"])
def test_a_kicker_repeated_over_each_articles_label_is_no_outlet(kicker):
    # a one-word heading over a label and a title, in two articles: a kicker, not a name (QA18b F6)
    text = "\n\n".join(
        (
            *(kicker, "Politics", BUDGET[0], "By Jane Doe", "Published: 12 November 2026", *BUDGET[1:]),
            *(kicker, "Transport", FERRY[0], "By John Roe", "Published: 13 November 2026", *FERRY[1:]),
        )
    )
    drafts = split_dump(text, source="x.txt")
    assert [(d.title, d.section, d.author, d.source) for d in drafts] == [
        (BUDGET[0], "Politics", "Jane Doe", "x.txt"),
        (FERRY[0], "Transport", "John Roe", "x.txt"),
    ]
    assert kicker not in drafts[0].body and kicker not in drafts[1].body


SENADO = (
    "El Congreso aprueba la ley de vivienda",
    "Publicado el 12 de noviembre de 2026, 10:05",
    "Los diputados aprobaron el jueves la nueva ley de vivienda con el apoyo de los grupos del Gobierno y "
    "de dos partidos regionales.",
    "La oposición anunció que recurrirá la norma ante el Tribunal Constitucional.",
)


@pytest.mark.parametrize(
    ("masthead", "label"),
    [
        ("EL DIARIO DEL SUR", "Política"),
        ("El Diario del Sur", "Internacional"),
        ("EL PERIÓDICO DE LA COSTA", "Sociedad"),
        ("La Gazzetta della Valle", "Cronaca"),
    ],
)
def test_a_foreign_papers_name_over_a_label_is_the_outlet(masthead, label):
    # the lead's "el", "de", "del" are no echo of the name's words (QA18b F7)
    (draft,) = split_dump(story(SENADO, masthead, label), source="x.txt")
    assert (draft.title, draft.section, draft.source) == (SENADO[0], label, masthead)
    assert draft.body.startswith("Los diputados aprobaron")


@pytest.mark.parametrize(
    ("text", "masthead"),
    [
        ("The Valley Times", True),
        ("Times of the Valley", True),
        ("Gazzetta dello Sport", True),
        ("Weekly Bin Collections Scrapped", False),  # the noun opens a sentence's words
        ("Medical Journal Retracts Paper", False),  # the noun inside
        ("Times Square Ball Drop Cancelled", False),
        ("Harbour Herald Closed", False),  # a verb's past
    ],
)
def test_a_masthead_is_named_as_a_paper(text, masthead):
    assert is_masthead(text) is masthead


def two_stories(first: str, second: str) -> str:
    """Two articles, each a heading over a section label over its title, byline and date."""
    return "\n\n".join(
        (
            *(first, "Politics", BUDGET[0], "By Jane Doe", "Published: 12 November 2026", *BUDGET[1:]),
            *(second, "Transport", FERRY[0], "By John Roe", "Published: 13 November 2026", *FERRY[1:]),
        )
    )


@pytest.mark.parametrize(
    "kicker",
    [
        "Live Updates",
        "Live Blog",
        "Fact Check",
        "Breaking Story",
        "Just In",
        "Special Report",
        "Weather Alert",
    ],
)
def test_a_kickers_phrase_repeated_over_each_articles_label_is_no_outlet(kicker):
    # two words over a label and a title in two articles, but a kicker's words: no outlet's name
    drafts = split_dump(two_stories(kicker, kicker), source="x.txt")
    assert [(d.title, d.section, d.author, d.source) for d in drafts] == [
        (BUDGET[0], "Politics", "Jane Doe", "x.txt"),
        (FERRY[0], "Transport", "John Roe", "x.txt"),
    ]
    assert kicker not in drafts[0].body and kicker not in drafts[1].body


@pytest.mark.parametrize("name", ["Riverton Gazette", "Harbour Times", "Harbour Voice", "Sky News"])
def test_a_two_word_name_repeated_over_each_articles_label_is_the_outlet(name):
    drafts = split_dump(two_stories(name, name), source="x.txt")
    assert [(d.title, d.section, d.source) for d in drafts] == [
        (BUDGET[0], "Politics", name),
        (FERRY[0], "Transport", name),
    ]


@pytest.mark.parametrize(
    ("text", "kicker"),
    [
        ("Exclusive", True),
        ("Live Updates", True),
        ("JUST IN", True),
        ("Election Updates", True),
        ("Storm Alert", True),
        ("Ukraine War Live Updates", True),
        ("Sky News", False),  # a word of its own
        ("The Harbour Blog", False),
        ("The News", False),
        ("Politics", False),
        ("Weather", False),  # "Weather Alert" is one by its end
    ],
)
def test_is_kicker(text, kicker):
    assert is_kicker(text) is kicker
    assert not (kicker and is_masthead(text))


def later_story(*above: str) -> str:
    """The budget story, then the ferry story with ``above`` over its title, byline and date."""
    return "\n\n".join(
        (
            *("Politics", BUDGET[0], "By Jane Doe", "Published: 12 November 2026", *BUDGET[1:]),
            *(*above, FERRY[0], "By John Roe", "Published: 13 November 2026", *FERRY[1:]),
        )
    )


@pytest.mark.parametrize("kicker", ["Exclusive", "Analysis", "Live Updates", "Local"])
def test_a_kicker_over_a_label_in_one_article_is_not_its_section(kicker):
    # before, the kicker was the section, the label the title and the headline the body's first paragraph;
    # "Local" is no kicker's word, but "Transport" under it is no title: it does not come back in the lead
    _, draft = split_dump(later_story(kicker, "Transport"), source="x.txt")
    assert (draft.title, draft.section, draft.author, draft.source) == (
        FERRY[0],
        "Transport",
        "John Roe",
        "x.txt",
    )
    assert draft.body.startswith("The harbour authority said")
    assert kicker not in draft.body


def test_a_label_over_a_short_title_over_a_standfirst_stays_the_section():
    standfirst = "The new line will carry cars and passengers between the harbour and the three islands"
    _, draft = split_dump(later_story("Transport", "Ferry returns", standfirst), source="x.txt")
    assert (draft.title, draft.section) == ("Ferry returns", "Transport")
    assert draft.body.startswith(standfirst)


def test_two_short_headings_over_a_longer_one_between_paragraphs_stay_subheadings():
    # no byline, date or separator: the article goes on, its subheadings kept as they were
    text = "\n\n".join(
        (*BUDGET, "Background", "Timeline", "What the council decided on the quay", *FERRY[1:])
    )
    (draft,) = split_dump(text, source="x.txt")
    assert draft.title == BUDGET[0]
    assert "Background\n\nTimeline\n\nWhat the council decided on the quay" in draft.body


@pytest.mark.parametrize("desk", ["Local News", "World News", "Business News", "Arts & Culture News"])
def test_a_desks_news_repeated_over_each_articles_label_is_no_outlet(desk):
    # "Local News" over "Politics" in two articles: a broader section over each one's own, not the site
    drafts = split_dump(two_stories(desk, desk), source="x.txt")
    assert [(d.title, d.section, d.author, d.source) for d in drafts] == [
        (BUDGET[0], "Politics", "Jane Doe", "x.txt"),
        (FERRY[0], "Transport", "John Roe", "x.txt"),
    ]
    assert desk not in drafts[0].body and desk not in drafts[1].body


@pytest.mark.parametrize("name", ["Harbour News", "Valley News", "Manchester Evening News"])
def test_an_outlets_news_repeated_over_each_articles_label_is_the_outlet(name):
    drafts = split_dump(two_stories(name, name), source="x.txt")
    assert [(d.section, d.source) for d in drafts] == [("Politics", name), ("Transport", name)]


@pytest.mark.parametrize(
    ("text", "desk"),
    [
        ("Local News", True),
        ("WORLD NEWS", True),
        ("Science and Technology News", True),
        ("Sky News", False),  # a word of its own before "News"
        ("Harbour News", False),
        ("News", False),
        ("Local", False),
        ("Local News Network", False),  # "News" does not end it
    ],
)
def test_is_desk(text, desk):
    assert is_desk(text) is desk


@pytest.mark.parametrize(
    "name", ["Daily Mail Online", "The Telegraph Digital", "Herald Sun Plus", "Times of Malta Online"]
)
def test_a_papers_name_with_an_editions_word_is_a_masthead(name):
    assert is_masthead(name)
    (draft,) = split_dump(story(BUDGET, name, "Politics"), source="x.txt")
    assert (draft.title, draft.section, draft.source) == (BUDGET[0], "Politics", name)


@pytest.mark.parametrize("text", ["Online", "Shopping Goes Online", "Weekly Online Market Closed"])
def test_an_editions_word_makes_no_masthead_of_a_headline(text):
    assert not is_masthead(text)
