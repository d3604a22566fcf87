"""A story's lead and headline tell one report, and a column does not speak for a story's news (QA20b F3)."""

from datetime import UTC, datetime, timedelta

import pytest
from article_rows import insert_article

from briefing.opinion import is_opinion, voices_author
from briefing.service.enrich import enrich_article
from briefing.stories import story_summary
from store.articles import get_article
from store.stories import get_story

T0 = datetime(2024, 11, 13, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("url", "title", "opinion"),
    [
        (
            "https://www.theguardian.com/commentisfree/2018/jan/31/trumps-speech",
            "Trump's speech was bad",
            True,
        ),
        ("https://www.theguardian.com/us-news/commentisfree/2018/jan/30/night", "The kind of night", True),
        ("https://www.example.com/opinion/2024/11/13/ferries.html", "Ferries need a plan", True),
        (None, "The kind of night Donald Trump loves best | Richard Wolffe", True),
        (None, "The Women's March could change politics | Erica Chenoweth and Jeremy Pressman", True),
        (None, "Opinion: The council has failed its tenants", True),
        (None, "Ferries are the city's lifeline - Editorial", True),
        ("https://talkingpointsmemo.com/news/menendez-no-verdict", "Menendez trial enters second day", False),
        (None, "Floods close schools across the county | BBC News", False),  # an outlet signs no column
        ("https://www.example.com/news/commentators-react", "Commentators react to the budget", False),
    ],
)
def test_a_column_is_known_by_its_address_its_label_or_its_writers_name(url, title, opinion):
    assert is_opinion(url, title) is opinion


@pytest.mark.parametrize(
    ("title", "opinion"),
    [
        # a writer whose given name the gazetteer lacks (QA21 F3): two capitalised words sign a column
        ("The Gdansk port strike shows Poland's unions are back | Marek Zielinski", True),
        ("Why the ferry plan will fail | Siobhan O'Connor", True),
        ("Lagos needs its trains | Kwame Mensah-Bonsu", True),
        # an outlet's, a desk's, a place's or a club's two words sign none
        ("Floods close schools across the county | Sky News", False),
        ("Markets fall as rates rise | Financial Times", False),
        ("Water for every village | Global Development", False),
        ("Protesters fill the streets | Hong Kong", False),
        ("Strike talks collapse | Al Jazeera", False),
        ("Ancelotti praises his side | Real Madrid", False),
        ("Port strike enters third week | Live", False),
        ("The strike in Gdansk | In Pictures", False),  # a page's furniture
        ("The strike in Gdansk | Photo Gallery", False),
        ("The strike in Gdansk | Long Read", False),  # "Long" is a given name too
    ],
)
def test_a_title_signed_by_two_capitalised_words_that_name_no_outlet_is_a_column(title, opinion):
    assert is_opinion(None, title) is opinion


def test_unknown_two_words_sign_no_article_whose_byline_names_another_writer():
    title = "The Gdansk port strike shows Poland's unions are back | Marek Zielinski"
    assert is_opinion(None, title, author="Marek Zielinski")
    assert not is_opinion(None, title, author="Anna Kowalski")
    assert is_opinion(
        None, "The kind of night Donald Trump loves best | Richard Wolffe", author="Anna Kowalski"
    )


def test_a_title_signed_with_its_own_byline_is_a_column_and_its_own_outlets_name_is_not():
    title = "The port must open again | Jean-Baptiste de la Tour"  # no given name, not two words
    assert not is_opinion(None, title)
    assert is_opinion(None, title, author="Jean-Baptiste de la Tour")
    assert is_opinion(None, "Poland's unions are back | Notes Poland")
    assert not is_opinion(None, "Poland's unions are back | Notes Poland", source="notespoland.com")


@pytest.mark.parametrize(
    ("section", "opinion"),
    [
        ("Opinion", True),
        ("Comment", True),
        ("Comment is free", True),
        ("News > Columnists", True),
        ("Editorials", True),
        ("Op-Ed", True),
        ("Analysis", False),  # a reporter explaining the news, filed with it
        ("News", False),
        ("Commentary and reviews", False),
        (None, False),
    ],
)
def test_a_column_is_known_by_the_section_it_is_stored_under(section, opinion):
    assert (
        is_opinion("https://x.test/2026/11/24/gdansk", "The port strike goes on", section=section) is opinion
    )


@pytest.mark.parametrize(
    ("sentence", "voiced"),
    [
        (
            "Just one day after, our “America first” president declared that “Americans love their country.”",
            True,
        ),
        ("We owe it to ourselves to save them.", True),
        ("“The door is certainly open for us,” House Minority Leader Nancy Pelosi told reporters.", False),
        ("The US said it would send more aid.", False),
        ("Jurors finished a second day of deliberations without reaching a verdict.", False),
    ],
)
def test_a_writers_own_we_is_told_apart_from_a_quoted_one(sentence, voiced):
    assert voices_author(sentence) is voiced


OLDER = (
    "The second full day of jury deliberations has begun in the bribery trial of Sen. Bob Menendez.",
    "The balance of the Senate could be affected if Menendez is convicted and then voted out.",
)
NEWER = (
    "Jurors finished a second full day of deliberations without reaching a verdict Wednesday in the "
    "bribery trial of Sen. Bob Menendez.",
    "Many of the disputes arose because the trial is the first major corruption trial since a 2016 ruling.",
)


def test_the_headlines_article_gives_the_story_summary_its_first_sentence():
    assert story_summary([OLDER, NEWER], sentences=2)[0] != NEWER[0]  # centrality alone picks the older
    assert story_summary([OLDER, NEWER], sentences=2, first=1)[0] == NEWER[0]
    assert story_summary([OLDER, NEWER], sentences=2, first=0)[0] == OLDER[0]


def test_a_sentence_in_a_writers_own_voice_is_no_story_summary_sentence_while_others_can_be():
    news = (
        "Donald Trump promised a new American moment in a State of the Union address that sought harmony.",
    )
    column = (
        "Trump's State of the Union address was the kind of night he loves best.",
        "Just one day later, our president declared in the State of the Union address that Americans love "
        "their country.",
    )
    summary = story_summary([news, column], sentences=3)
    assert news[0] in summary and not any("our president" in s for s in summary)
    # with nothing else to tell, it is told
    assert story_summary([column[1:]], sentences=1) == column[1:]


NEWS = (
    "US vows firm response to North Korea deployment",
    "Antony Blinken warned that the deployment of North Korean troops alongside Russian forces "
    "demanded a firm response. Blinken spoke in Brussels with Nato chief Mark Rutte.",
)
COLUMN = (
    "Blinken: North Korean troops in combat demand a firm response | Richard Wolffe",
    "Antony Blinken said North Korean troops fighting alongside Russia require a firm response. "
    "Our secretary of state met Nato chief Mark Rutte in Brussels, and we should be glad of it.",
)


def test_a_story_of_a_news_report_and_a_newer_column_is_headed_and_told_by_the_report(app):
    report = insert_article(app.db, title=NEWS[0], body=NEWS[1], source="reuters.com", when=T0)
    enrich_article(app, report)
    column = insert_article(
        app.db,
        title=COLUMN[0],
        body=COLUMN[1],
        source="theguardian.com",
        when=T0 + timedelta(hours=2),
        url="https://www.theguardian.com/commentisfree/2024/nov/13/blinken",
    )
    enrich_article(app, column)
    story = get_story(app.db, get_article(app.db, column.id).story_id)
    assert len(story.article_ids) == 2  # one event: the column is in the story
    assert story.headline == NEWS[0]
    assert story.summary[0].startswith("Antony Blinken warned")
    assert not any("Our secretary" in s or "we should" in s for s in story.summary)


PORT_NEWS = (
    "Gdansk port strike enters third week as talks collapse",
    "Dock workers at the port of Gdansk extended their strike into a third week on Monday, as talks with the "
    "port authority collapsed again. The union said its members would not return until pay was raised by ten "
    "percent.",
)
PORT_COLUMN = (
    "The Gdansk port strike shows Poland's unions are back | Marek Zielinski",
    "The port strike in Gdansk, now in its third week, is a warning to every employer in the country. Dock "
    "workers at the port of Gdansk will not return until the port authority raises pay by ten percent.",
)


@pytest.mark.parametrize(
    ("title", "section", "author"),
    [
        (PORT_COLUMN[0], None, None),  # signed by a writer the gazetteer does not know
        ("The Gdansk port strike shows Poland's unions are back", "Opinion", None),  # filed as a column
        ("The Gdansk port strike shows Poland's unions are back | M. Zielinski", None, "M. Zielinski"),
    ],
)
def test_a_column_known_by_its_section_or_signature_does_not_tell_the_story(app, title, section, author):
    """QA21 F3: a column the title alone did not give away headed a story and gave its first sentence."""
    report = insert_article(app.db, title=PORT_NEWS[0], body=PORT_NEWS[1], source="notes.pl", when=T0)
    enrich_article(app, report)
    column = insert_article(
        app.db,
        title=title,
        body=PORT_COLUMN[1],
        source="gazeta.test",
        when=T0 + timedelta(hours=2),
        url="https://gazeta.test/2026/11/24/gdansk-port",
        section=section,
        author=author,
    )
    enrich_article(app, column)
    story = get_story(app.db, get_article(app.db, column.id).story_id)
    assert len(story.article_ids) == 2  # one event: the column is in the story
    assert story.headline == PORT_NEWS[0]
    assert story.summary[0].startswith("Dock workers at the port of Gdansk extended")
