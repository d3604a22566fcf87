"""A story's headline links to the article it is the title of: in /brief, in a digest (a new story or
an update) and in an alert, never to another outlet's article under the headline's words."""

import re
from datetime import timedelta
from html import unescape

from article_rows import FOLLOWUP_START as T0
from article_rows import enrich_sentences as ingest

from briefing.alerts import compose_alert
from briefing.briefs import compose_brief
from briefing.render import html_messages
from briefing.service.digests import compose_for_chat
from store.stories import get_story
from tests.digestkit import deliver, subscriber

HEADED_LINK = re.compile(r'<a href="([^"]+)"><b>([^<]+)</b></a>')

FIRST = (
    "A magnitude 6.8 earthquake struck northern Chile on Sunday, killing at least 12 people and damaging "
    "hundreds of homes in the city of Antofagasta, officials said.",
    "President Gabriel Boric said the government would send troops and field hospitals to the region.",
)
LATER = (
    "The death toll from Sunday's earthquake in northern Chile rose to 41, officials said on Monday, as "
    "President Gabriel Boric declared a state of emergency in the Antofagasta region.",
    "A magnitude 5.2 aftershock shook Antofagasta on Monday morning, sending residents into the streets.",
)
LATE_COPY = (
    "A powerful earthquake struck northern Chile on Sunday, killing at least 12 people in Antofagasta, "
    "officials said.",
    "The magnitude 6.8 quake damaged hundreds of homes and cut power across the city.",
)


def headed_links(html: str) -> list[tuple[str, str]]:
    """Each bold linked title of a message, as (url, title)."""
    return [(url, unescape(title)) for url, title in HEADED_LINK.findall(html)]


def titles_by_url(app) -> dict[str, str]:
    return dict(app.db.execute("SELECT url, title FROM articles WHERE url IS NOT NULL").fetchall())


def assert_each_title_links_its_own_article(app, html: str) -> None:
    titles = titles_by_url(app)
    found = headed_links(html)
    assert found
    for url, title in found:
        assert titles[url] == title, f"{title!r} links to {url}, the article titled {titles[url]!r}"


def test_an_updates_headline_links_to_the_article_it_is_the_title_of(app):
    first = ingest(app, "Earthquake kills 12 in northern Chile", FIRST, "reuters.com", 0)
    subscriber(app.db, 3, "09:00")
    deliver(app, 3, T0 + timedelta(hours=1))
    # the news, then a late copy of the first report whose outlet is the newest telling one
    ingest(app, "Chile earthquake toll rises to 41, state of emergency declared", LATER, "bbc.com", 22)
    ingest(app, "Earthquake in Chile kills 12, officials say", LATE_COPY, "aljazeera.com", 24)
    story = get_story(app.db, first.story_id)
    assert len(story.article_ids) == 3
    parts = compose_for_chat(app, 3, now=T0 + timedelta(hours=25)).parts
    html = "\n".join(p.html for p in parts)
    assert "Update: " in html
    assert_each_title_links_its_own_article(app, html)
    assert (story.headline_url, story.headline) in headed_links(html)


def test_brief_and_alert_headlines_link_to_the_articles_they_are_the_titles_of(app):
    first = ingest(app, "Earthquake kills 12 in northern Chile", FIRST, "reuters.com", 0)
    ingest(app, "Chile earthquake toll rises to 41, state of emergency declared", LATER, "bbc.com", 22)
    late = ingest(app, "Earthquake in Chile kills 12, officials say", LATE_COPY, "aljazeera.com", 24)
    story = get_story(app.db, first.story_id)
    brief = "\n".join(html_messages(compose_brief([story], now=T0 + timedelta(hours=25))))
    assert_each_title_links_its_own_article(app, brief)
    for newest in (None, late, first):  # the story's alert, a grown story's, the headline's own article
        alert = "\n".join(html_messages(compose_alert(story, ["Chile"], newest)))
        assert_each_title_links_its_own_article(app, alert)
