"""The archive's newest news in /brief's header and an actor's first and last seen in /actor's: an entry
its outlet gave no date is dated when the archive read it, so these say "added" of such dates, and an
actor's first and last seen count only the dated articles when there are some."""

from datetime import timedelta

from article_rows import insert_article
from test_brief import a_story

from briefing.briefs import compose_brief
from briefing.service.commands import Asker, answer, load_all
from briefing.service.enrich import enrich_article
from tests.conftest import NOW

TITLES = ["Harbour reopens after the storm", "Rail strike called off in the north"]


def add(app, title, when, *, dated=True):
    body = f"{title} on Tuesday, Olaf Scholz said. Crowds gathered at the station to see Olaf Scholz."
    article = insert_article(app.db, title=title, body=body, source=f"{len(title)}.example", when=when)
    if not dated:
        app.db.execute("UPDATE articles SET published_at = NULL WHERE id = ?", [article.id])
    enrich_article(app, article)


def test_a_newest_news_only_added_says_so():
    old = NOW - timedelta(days=10)
    doc = compose_brief([a_story(hours_ago=240)], now=NOW, as_of=old, as_of_added=True)
    assert "The newest news in the archive was added 13 Jan 2025; its outlets gave no dates." in doc.text
    assert "is from" not in doc.text


async def test_brief_of_an_old_archive_of_undated_texts_says_when_it_was_added(app):
    load_all()
    for n, title in enumerate(TITLES):
        add(app, title, NOW - timedelta(days=10, minutes=n), dated=False)
    text = (await answer(app, "/brief", Asker(1, 1))).document.text
    assert "The newest news in the archive was added 13 Jan 2025; its outlets gave no dates." in text


async def test_brief_of_old_dated_news_says_it_is_from_its_date(app):
    load_all()
    for n, title in enumerate(TITLES):
        add(app, title, NOW - timedelta(days=10, minutes=n))
    text = (await answer(app, "/brief", Asker(1, 1))).document.text
    assert "The newest news in the archive is from 13 Jan 2025." in text


async def test_an_actor_only_in_undated_articles_was_first_and_last_added(app):
    load_all()
    add(app, TITLES[0], NOW - timedelta(days=3), dated=False)
    add(app, TITLES[1], NOW - timedelta(hours=1), dated=False)
    text = (await answer(app, "/actor Olaf Scholz", Asker(1, 1))).document.text
    assert "first added 20 Jan, last added today." in text and "seen" not in text


async def test_an_actors_first_and_last_seen_count_only_its_dated_articles(app):
    load_all()
    add(app, TITLES[0], NOW - timedelta(days=400))
    add(app, TITLES[1], NOW - timedelta(days=3))
    add(app, "Ferry line to the islands will start", NOW - timedelta(hours=1), dated=False)
    text = (await answer(app, "/actor Olaf Scholz", Asker(1, 1))).document.text
    assert "In 3 articles from 3 sources, first seen 20 Dec 2023, last seen 20 Jan;" in text


async def test_undated_articles_after_the_last_dated_one_are_counted_as_the_list_tells_them(app):
    """QA17d F6: the latest articles said "added today" under a header whose last seen was days before;
    the header now says how many undated articles came since and when the newest was added."""
    load_all()
    add(app, TITLES[0], NOW - timedelta(days=3))
    add(app, TITLES[1], NOW - timedelta(hours=2), dated=False)
    add(app, "Ferry line to the islands will start", NOW - timedelta(hours=1), dated=False)
    text = (await answer(app, "/actor Olaf Scholz", Asker(1, 1))).document.text
    header = "first seen 20 Jan, last seen 20 Jan; 2 undated articles since, last added today."
    assert header in text, text
    assert "added today" in text.split("Latest articles")[1]


async def test_no_undated_article_after_the_last_dated_one_leaves_the_header_as_it_was(app):
    load_all()
    add(app, TITLES[0], NOW - timedelta(days=5), dated=False)
    add(app, TITLES[1], NOW - timedelta(days=3))
    text = (await answer(app, "/actor Olaf Scholz", Asker(1, 1))).document.text
    assert "In 2 articles from 2 sources, first seen 20 Jan, last seen 20 Jan." in text, text
