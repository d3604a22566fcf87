"""Stories a reader meets on a realistic archive: an outlet's template words are no event, undated feed
entries are no news of today, a re-published post is one story, a story always tells something, and a
quote about "the Bank" stays with its own bank."""

from datetime import UTC, datetime, timedelta

from article_rows import insert_article, undated

from briefing.briefs import article_section
from briefing.models import Article
from briefing.openings import opening
from briefing.service.commands import Asker, answer, load_all
from briefing.service.enrich import enrich_article
from briefing.service.stories import recluster
from briefing.stories import (
    StoryArticle,
    Template,
    Vectorizer,
    cluster_articles,
    idf_of,
    medoid_title,
    republishes,
    story_summary,
    template_of,
    templates_of,
)
from store.stories import get_story
from tests.conftest import NOW

T0 = datetime(2017, 12, 20, 16, 0, tzinfo=UTC)
WINDOW = timedelta(hours=72)
PODCAST = "Giant Bombcast"
EPISODES = [
    ("Giant Bombcast E3 2011 Day One", "Mega64. Naughty Dog. Double Fine on the couch."),
    ("Giant Bombcast E3 2011 Day Two", "By jove! What an extraordinarily long podcast from the show floor!"),
    ("Giant Bombcast 10-09-2008", "Brad and Jeff wrap up the first day of the Tokyo Game Show 2008."),
    ("Giant Bombcast 10-10-2008", "With the second day of the Tokyo Game Show behind us, Brad and Jeff talk"),
    ("Giant Bombcast 01-04-2011", "The crew looks back at the holidays and the games they played."),
    ("Giant Bombcast 01-11-2011", "Vinny joins to talk about snow, pizza and a new camera."),
]  # fmt: skip


def episode(n, title, lead, *, source=PODCAST, hours=0.0):
    return StoryArticle(n, title, lead, source, T0 + timedelta(hours=hours or n))


def test_an_outlets_template_words_are_left_out_and_one_shared_word_joins_nothing():
    articles = [episode(n, t, lead) for n, (t, lead) in enumerate(EPISODES)]
    template = template_of(articles)
    assert {"giant", "bombcast"} <= template.terms and "tokyo" not in template.terms
    groups = cluster_articles(articles, window=WINDOW)
    # the two E3 episodes share the podcast's name and "day" only; the Tokyo Game Show's two days share
    # the event's words
    assert sorted(map(sorted, groups)) == [[0], [1], [2, 3], [4], [5]]
    # without the template, "Giant Bombcast" glued four episodes into one story
    glued = Vectorizer(idf_of(articles), templates={})
    assert [1, 2, 3, 4] in cluster_articles(articles, window=WINDOW, vectors=glued)


def test_feed_test_items_sharing_only_the_word_item_are_stories_of_their_own():
    items = [
        StoryArticle(1, "Good Item", "This item is fine.", "SAXError Test Feed", T0),
        StoryArticle(2, "Bad Item", "This item has an unescaped ampersand.", "SAXError Test Feed", T0),
        StoryArticle(3, "The First Item", "This is the first item.", "RSS0.92 Example", T0),
        StoryArticle(4, "The Second Item", "This is the second item.", "RSS0.92 Example", T0),
    ]  # fmt: skip
    assert len(cluster_articles(items, window=WINDOW)) == 4
    assert templates_of(items) == {"SAXError Test Feed": Template(), "RSS0.92 Example": Template()}  # few


async def test_undated_entries_read_today_rank_after_the_dated_news_and_do_not_make_it_old(app):
    load_all()
    news = NOW - timedelta(days=400)
    for n, title in enumerate(["Harbour reopens after the storm", "Rail strike called off in the north"]):
        body = f"{title} on Tuesday, officials said. Crowds gathered at the station to see it."
        enrich_article(app, insert_article(app.db, title=title, body=body, when=news - timedelta(hours=n)))
    for title, body in [("Good Item", "This item is fine."), ("Bad Item", "This item is bad, sadly.")]:
        undated(app, insert_article(app.db, title=title, body=body, source="SAXError", when=NOW))
    reply = await answer(app, "/brief", Asker(1, 1))
    headlines = [s.blocks[0].text for s in reply.document.sections]
    assert headlines[:2] == ["Harbour reopens after the storm", "Rail strike called off in the north"]
    assert sorted(headlines[2:]) == ["Bad Item", "Good Item"]  # told, after the dated news
    assert "The newest news in the archive is from" in reply.document.text  # the dated news is old


async def test_an_archive_of_undated_texts_alone_is_briefed_newest_first(app):
    load_all()
    for n, title in enumerate(["Harbour reopens after the storm", "Rail strike called off in the north"]):
        body = f"{title} on Tuesday, officials said. Crowds gathered at the station to see it."
        undated(app, insert_article(app.db, title=title, body=body, when=NOW - timedelta(minutes=9 - n)))
    reply = await answer(app, "/brief", Asker(1, 1))
    assert [s.blocks[0].text for s in reply.document.sections] == [
        "Rail strike called off in the north",
        "Harbour reopens after the storm",
    ]


TEASER = (
    "How to Infuse Oils and Vinegars with Foraged Ingredients\n\nFallen leaves and chilly temperatures don't "
    "mean you have to stop harvesting wild ingredients until Spring. One of the nicest ways to experience "
    "wild flavor is by infusing oils and vinegars."
)
FULL = TEASER + (
    "\n\nWhen tasting wine, one is instructed to pay very close attention to flavors you might otherwise "
    "miss. Creating oils and vinegars with wild ingredients requires the same kind of discipline."
)


def test_a_post_published_again_weeks_later_is_one_story_at_ingest_and_in_a_recluster(app):
    first = insert_article(
        app.db, title="Wild Flavors All Year Round", body=TEASER, source="Invironment", when=T0
    )
    other = insert_article(
        app.db, title="Wild Flavors All Year Round", body="A different post about salts and sugars for "
        "winter cooking, with recipes for spice blends.", source="Invironment", when=T0 + timedelta(days=14),
    )  # fmt: skip
    again = insert_article(
        app.db,
        title="Wild Flavors All Year Round",
        body=FULL,
        source="Invironment",
        when=T0 + timedelta(days=35),
    )
    for article in (first, other, again):
        enrich_article(app, article)
    stories = {a: app.db.execute("SELECT story_id FROM articles WHERE id = ?", [a.id]).fetchone()[0]
               for a in (first, other, again)}  # fmt: skip
    assert stories[first] == stories[again] != stories[other]
    assert get_story(app.db, stories[first]).article_ids == (again.id, first.id)
    recluster(app)
    story_of = dict(app.db.execute("SELECT id, story_id FROM articles").fetchall())
    assert story_of[first.id] == story_of[again.id] != story_of[other.id]


def test_the_same_title_from_another_outlet_or_with_another_opening_is_no_republication():
    a = StoryArticle(1, "Weekly notes", "x", "blog", T0, opening=TEASER)
    assert republishes(StoryArticle(2, "Weekly Notes", "y", "blog", T0, opening=FULL), a)
    assert not republishes(StoryArticle(3, "Weekly notes", "y", "other blog", T0, opening=FULL), a)
    assert not republishes(
        StoryArticle(4, "Weekly notes", "y", "blog", T0, opening="Snow fell on the hills."), a
    )


def test_an_opening_stands_for_an_empty_summary_with_an_ellipsis_where_it_is_cut():
    cut = (
        "That's not true. Worrying about scifi Terminators and RoboCops means you're ignoring the real danger"
    )
    assert opening(cut) == (cut + "…",)
    standfirst = "Общая сумма выплаченных субсидий по итогам года составила 524,6 млн. рублей"
    assert opening(standfirst) == (standfirst + "…",)
    assert opening("Title\n\nThis item is fine.", title="Title") == ("This item is fine.",)
    assert opening("Read Comments\n\nv3.9.0") == ()  # no prose
    long = " ".join(["The council met again on Monday to weigh the plan."] * 10)
    told = opening(long)
    assert len(told) == 2 and all(x.endswith(".") for x in told)  # two whole sentences of a long text


def test_a_story_whose_article_has_no_summary_sentence_shows_its_teaser(app):
    teaser = (
        "No one needs to go to this annual gadget tradeshow when it's already over-covered by every media out"
    )
    article = insert_article(
        app.db, title="My Armchair Analysis of CES", body=teaser, source="PCMag", when=T0
    )
    enrich_article(app, article)
    story = get_story(app.db, app.db.execute("SELECT story_id FROM articles").fetchone()[0])
    assert story.summary == (teaser + "…",)
    listed = Article(1, "My Armchair Analysis of CES", teaser, "PCMag", T0, "h")
    assert article_section(listed, T0).blocks[-1].text.endswith("every media out…")


KARNATAKA = [
    "Mangaluru: Karnataka Bank has bagged MSME Banking Excellence Awards, instituted by Chamber of Indian "
    "Micro Small & Medium Enterprises, in the CSR category.",
    "The awards recognise banks that support the MSME sector with finance for millions of people.",
    "“This is a very special award for the Bank: the MSME Banking Excellence Awards reward banks that "
    "support the MSME sector”, said the CEO of the Bank.",
]
CORPORATION = [
    "Mangaluru: Corporation Bank has bagged 2 awards for the year 2016 instituted by Chamber of Indian "
    "Micro Small & Medium Enterprises for MSME banking.",
    "The awards recognise banks that support the MSME sector, judged on growth, targets and quality.",
    "Corporation Bank has taken several initiatives like an online loan facility for MSME borrowers.",
]


def test_a_quote_about_the_bank_is_told_right_after_its_own_banks_lead_or_not_at_all():
    quote = KARNATAKA[2]
    # one bank's story: its quote, the most central sentence, is no riddle
    assert story_summary([KARNATAKA, KARNATAKA[:1]], sentences=1) == (quote,)
    # two banks: "the Bank" would read as the bank of the sentence before it
    for n in (1, 2, 3):
        summary = story_summary([KARNATAKA, CORPORATION], sentences=n)
        assert quote not in summary or summary[summary.index(quote) - 1] == KARNATAKA[0]
    assert quote not in story_summary([KARNATAKA, CORPORATION], sentences=1)


def test_the_bank_followed_by_a_lower_case_word_is_the_common_noun_and_waits_for_its_own_banks_lead():
    # "the Bank said": the noun, not a name ("the Bank Negara" would be one), so in a story of two banks
    # it is told right after its own bank's lead, not after the other bank's sentences
    karnataka = [
        "Karnataka Bank opened 40 new branches for farmers in the rural districts of the state on Monday.",
        "The Bank said more would follow next year.",
    ]
    canara = [
        "Canara Bank opened 25 new branches for farmers in the rural districts of the state on Monday.",
        "Canara Bank will hire 300 clerks for the new rural branches by March.",
    ]
    quote = karnataka[1]
    for n in (1, 2, 3, 4):
        summary = story_summary([karnataka, canara], sentences=n)
        assert quote not in summary or summary[summary.index(quote) - 1] == karnataka[0]
    assert quote in story_summary([karnataka, canara], sentences=4)
    # one bank: "The Bank" opening a sentence is no second bank's name, and its quote no riddle
    said = (
        "The Bank said the MSME Banking Excellence Awards reward banks that support the MSME sector with "
        "finance for millions of people."
    )
    one = [*KARNATAKA[:2], said]
    assert story_summary([one, one[:1]], sentences=1) == (said,)


def test_titles_of_the_same_words_give_the_newest_as_headline():
    days = ["Two", "Three", "Four", "Five"]
    leads = [
        "Day two brings cheer, Best Multiplayer and Best Music.",
        "On the third day we argue Best World and Best Sequence.",
        "Day four of the awards means Best Debut, Best Style, Best New Character and Best Story.",
        "On the fifth and final day we deliver Worst Game and Best Game.",
    ]
    articles = [
        StoryArticle(
            n, f"Game of the Year 2017: Day {d} Deliberations", leads[n], PODCAST, T0 + timedelta(days=n)
        )
        for n, d in enumerate(days)
    ]
    assert (
        medoid_title(articles, Vectorizer(idf_of(articles)))
        == "Game of the Year 2017: Day Five Deliberations"
    )


def test_at_ingest_an_outlets_template_is_read_from_its_latest_articles(app):
    # an outlet's first few articles show no template yet: the last two episodes come once it has five
    episodes = [
        *EPISODES[:4],
        ("Giant Bombcast 01-18-2011", "Ryan and Jeff on snow."),
        ("Giant Bombcast Live 01-25-2011", "Patrick on racing."),
        ("Giant Bombcast Live 02-01-2011", "Alex on strategy."),
    ]
    for n, (title, body) in enumerate(episodes):
        article = insert_article(app.db, title=title, body=body, source=PODCAST, when=T0 + timedelta(hours=n))
        enrich_article(app, article)
    story_of = dict(app.db.execute("SELECT title, story_id FROM articles").fetchall())
    assert (
        story_of["Giant Bombcast 10-09-2008"] == story_of["Giant Bombcast 10-10-2008"]
    )  # one show, two days
    # the podcast's name is all the last two share but a word
    assert story_of["Giant Bombcast Live 01-25-2011"] != story_of["Giant Bombcast Live 02-01-2011"]
