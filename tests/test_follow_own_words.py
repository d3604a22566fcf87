"""A followed word is found as that word and its plain forms, not as another word the index's (Porter)
stemmer reads alike: "news" is "new" to the index, so a follow of "news" took every story with something
new, in the digest and the alerts, and an alert showed a sentence with "new" as why it came. /search keeps
the index's reading (its documented behaviour: a search finds the other forms of a word)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from briefing.relevance import followed_words, holding
from briefing.service import App
from briefing.service.digests import Composer
from briefing.topics import read_topic, sentence_about
from store.alerts import followers_of_articles
from store.search import search_articles
from store.subscribers import follow, subscribe
from tests.digestkit import Clock, add_story

NOON = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def _stories(db) -> tuple[int, int, int]:
    news = add_story(db, "Newsroom cuts", updated=NOON, body="The local news service will close in May.")
    new = add_story(db, "Bridge opens", updated=NOON, body="A new bridge opened over the river on Monday.")
    goods = add_story(db, "Port trade", updated=NOON, body="Goods worth 3 million euros left the port.")
    return news, new, goods


def test_a_digest_takes_a_followed_word_s_stories_not_those_of_the_word_it_stems_to(db, settings):
    news, _, goods = _stories(db)
    add_story(db, "Court ruling", updated=NOON, body="The court ruled it a good decision.")
    subscribe(db, 5, timezone="UTC", digest_time=time(8, 0), now=NOON - timedelta(days=1))
    follow(db, 5, "topic", "news", now=NOON)
    follow(db, 5, "topic", "goods", now=NOON)
    composer = Composer(App(db=db, settings=settings, clock=Clock(NOON)), NOON)
    assert composer.matches(5) == {news: ["news"], goods: ["goods"]}


def test_an_alert_comes_for_the_followed_word_not_for_the_word_it_stems_to(db):
    news, new, _ = _stories(db)
    follow(db, 5, "topic", "news", now=NOON)
    follow(db, 6, "topic", "wellness", now=NOON)  # the index's "well", as the digest already read it
    wellness = add_story(db, "Spa week", updated=NOON, body="Yoga and wellness classes all week.")
    add_story(db, "Peace talks", updated=NOON, body="The talks went well, officials said.")
    articles = [r[0] for r in db.execute("SELECT id FROM articles ORDER BY id")]
    assert sorted(followers_of_articles(db, articles)) == [(5, news), (6, wellness)]
    assert new not in {story for _, story in followers_of_articles(db, articles)}


def test_an_alert_shows_the_sentence_with_the_followed_word():
    body = "A new mayor took office on Monday. The news reached the harbour by noon."
    assert sentence_about(body, read_topic("news")) == "The news reached the harbour by noon."
    # a plural still stands for its singular: "strikes" finds "strike"
    assert sentence_about("A strike began at dawn.", read_topic("strikes")) == "A strike began at dawn."


def test_a_followed_word_is_found_whole_and_with_a_possessive():
    texts = {1: ("", "The news's reach grew."), 2: ("", "In the newsroom."), 3: ("News", ""), 4: ("", "New")}
    assert holding(texts, followed_words("news")) == [1, 3]
    assert followed_words("strikes") == []  # a plural: the index's reading is the follow's


def test_search_keeps_the_index_s_reading(db):
    news, new, _ = _stories(db)
    found = {a.story_id for a in search_articles(db, "news")}
    assert found == {news, new}
