"""``/brief TOPIC`` weighs recency: a story years old that names the topic in its title comes after this
week's stories about it, an old best match is still shown, and a week-old story about the topic still
outranks today's passing mention (``briefing.ranking.topic_recency``). A topic of several words is
looked for as a phrase first: a story years old that has it comes before today's that only share its
words (``briefing.relevance.closeness``)."""

from datetime import timedelta

from article_rows import insert_actor, insert_article
from conftest import NOW

from briefing.ranking import topic_recency
from briefing.service import brief
from briefing.service.commands import Asker, answer, load_all
from briefing.service.enrich import enrich_article

ASKER = Asker(1, 1)


def add(app, title: str, body: str, age: timedelta, *, dated: bool = True) -> None:
    article = insert_article(app.db, title=title, body=body, when=NOW - age, source=f"{title[:12]}.test")
    if not dated:  # an entry its outlet gave no date: dated when it was read
        app.db.execute("UPDATE articles SET published_at = NULL WHERE id = ?", [article.id])
    enrich_article(app, article)


def headlines(reply) -> list[str]:
    return [s.blocks[0].text for s in reply.document.sections]


def test_topic_recency_fades_over_weeks_then_months():
    ages = [timedelta(0), timedelta(days=7), timedelta(days=30), timedelta(days=365), timedelta(days=7 * 365)]
    fresh = [topic_recency(a) for a in ages]
    assert fresh[0] == 1.0 and fresh == sorted(fresh, reverse=True)
    assert 0.7 < fresh[1] < 0.8 and fresh[3] < 0.2 and fresh[4] < 0.001


async def test_a_story_years_old_comes_after_todays_stories_about_the_topic(app):
    load_all()
    add(app, "Trump says his nuclear button is bigger than Kim's", "Trump taunted Kim over the button.",
        timedelta(days=7 * 365))  # fmt: skip
    add(app, "Missile test over the sea of Japan", "North Korea fired a missile; Kim watched the launch.",
        timedelta(hours=3))  # fmt: skip
    add(app, "Troops sent to the front", "Soldiers sent by Kim are fighting for Russia, officials said.",
        timedelta(hours=5), dated=False)  # fmt: skip
    reply = await answer(app, "/brief kim", ASKER)
    assert headlines(reply) == [
        "Missile test over the sea of Japan",
        "Troops sent to the front",  # undated: taken for a week old, still before 2018's
        "Trump says his nuclear button is bigger than Kim's",
    ]


async def test_the_best_match_is_shown_when_fresher_stories_fill_the_brief(app):
    load_all()
    wanted = app.settings.brief_stories
    add(app, "Kim summit in Singapore", "Kim met the president in Singapore. Kim and the summit.",
        timedelta(days=3 * 365))  # fmt: skip
    titles = [
        "Busan opens a bridge", "Oslo trams run late", "Lagos floods recede", "Recife hosts a fair",
        "Perth bans plastic bags", "Tromso sees the lights", "Dakar builds a port", "Hobart wins a prize",
    ][: wanted + 2]  # fmt: skip
    for k, title in enumerate(titles):
        body = f"{title.split()[0]} council said so; the mayor, Kim Lee, spoke."
        add(app, title, body, timedelta(hours=k + 1))
    shown = headlines(await answer(app, "/brief kim", ASKER))
    assert len(shown) == wanted
    assert shown[-1] == "Kim summit in Singapore"  # in its place, the last that would have been shown
    assert shown[:-1] == titles[: wanted - 1]


async def test_a_week_old_story_about_the_topic_outranks_a_passing_mention_today(app):
    load_all()
    add(app, "Grain exports resume from Odesa", "Grain exports resumed as grain ships left. Grain exports.",
        timedelta(days=6))  # fmt: skip
    add(app, "Parliament debates the budget", "Members debated schools and roads; one said grain exports.",
        timedelta(hours=1))  # fmt: skip
    assert headlines(await answer(app, "/brief grain exports", ASKER)) == [
        "Grain exports resume from Odesa",
        "Parliament debates the budget",
    ]


UKRAINE = [  # today's stories that have "state" and "union" (and "promised", "unity") apart
    ("How North Korea is changing the war", "The Christian Democratic Union said so. The state of the "
     "front is grim. Allies promised more aid, and unity held in Brussels."),
    ("Missile strike raises concerns", "A European Union envoy spoke. The state media called it a test."),
]  # fmt: skip
SOTU = [
    ("Late-night hosts on State of the Union", "Hosts mocked the speech. The president spoke for an hour."),
    ("Trump State of the Union address promised unity but emphasized discord",
     "The president called for harmony in Congress. Democrats sat in silence."),
]  # fmt: skip


def add_both(app) -> None:
    for k, (title, body) in enumerate(UKRAINE):
        add(app, title, body, timedelta(hours=k + 1))
    for k, (title, body) in enumerate(SOTU):
        add(app, title, body, timedelta(days=7 * 365, hours=k))


async def test_a_phrase_years_old_comes_before_todays_stories_that_only_share_its_words(app):
    load_all()
    add_both(app)
    for topic in ("/brief State of the Union", "/brief state of the union"):
        shown = headlines(await answer(app, topic, ASKER))
        assert shown[:2] == [title for title, _ in SOTU]
        assert sorted(shown[2:]) == sorted(title for title, _ in UKRAINE)  # still told, after
    assert headlines(await answer(app, "/brief promised unity", ASKER))[0] == SOTU[1][0]


async def test_a_quoted_topic_gives_only_the_stories_with_the_phrase(app):
    load_all()
    add_both(app)
    shown = headlines(await answer(app, '/brief "State of the Union"', ASKER))
    assert shown == [title for title, _ in SOTU]


async def test_words_near_each_other_come_before_words_apart(app):
    load_all()
    add(app, "Dock workers walk out", "A port workers' strike halted ships at dawn.", timedelta(days=60))
    add(app, "Missile hits the coast", "The strike hit a depot. Later the port reopened.", timedelta(hours=1))
    assert headlines(await answer(app, "/brief port strike", ASKER)) == [
        "Dock workers walk out",
        "Missile hits the coast",
    ]


async def test_the_actor_of_that_name_counts_as_the_phrase(app):
    load_all()
    add(app, "Speech ends", "The address to Congress ended late. Union leaders and the state praised it.",
        timedelta(hours=2))  # fmt: skip
    add(app, "Speech to Congress reviewed", "The annual address ran long. Union state matters came up.",
        timedelta(days=400))  # fmt: skip
    old = app.db.execute("SELECT id FROM articles WHERE title = 'Speech to Congress reviewed'").fetchone()[0]
    insert_actor(app.db, 10_001, "State of the Union", mentioned_in=(old,))
    shown = headlines(await answer(app, "/brief State of the Union", ASKER))
    assert shown == ["Speech to Congress reviewed", "Speech ends"]


async def test_a_phrase_is_found_however_many_newer_articles_have_its_words_apart(app, monkeypatch):
    load_all()
    monkeypatch.setattr(brief, "TOPIC_ARTICLES", 3)  # the newest three loose matches only
    add_both(app)
    add(app, "Rail union talks", "The union met the state rail board. Talks went on.", timedelta(hours=3))
    shown = headlines(await answer(app, "/brief State of the Union", ASKER))
    assert SOTU[0][0] in shown and SOTU[1][0] in shown
