"""``/brief TOPIC`` weighs recency: a story years old that names the topic in its title comes after this
week's stories about it, an old best match is still shown, and a week-old story about the topic still
outranks today's passing mention (``briefing.ranking.topic_recency``)."""

from datetime import timedelta

from article_rows import insert_article
from conftest import NOW

from briefing.ranking import topic_recency
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
