"""A followed topic typed with one apostrophe is found written with another (QA: "dʼIvoire"): the index
reads "'" and "’" as the space between words but "ʼ" (U+02BC) and "ʻ" as letters, so the topic's query
looks for both readings (``store.search.topic_query``), and the sentence an alert shows and the digest's
check of a name read them alike (``briefing.letters.split_apostrophes``). No article is indexed anew."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from briefing.relevance import written_words
from briefing.service import App
from briefing.service.digests import Composer
from briefing.topics import read_topic, sentence_about
from store.alerts import followers_of_articles
from store.subscribers import follow, subscribe
from tests.digestkit import Clock, add_story

NOON = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def _stories(db) -> tuple[int, int, int, int]:
    modifier = add_story(
        db, "Vote count", updated=NOON, body="Voters in Côte dʼIvoire went to the polls on Sunday."
    )
    typed = add_story(db, "Cocoa prices", updated=NOON, body="Côte d'Ivoire cocoa exports rose in October.")
    curly = add_story(
        db, "Minister quits", updated=NOON, body="The minister, Dara O’Brien, resigned on Monday."
    )
    other = add_story(db, "Ivory trade", updated=NOON, body="Ivoire, a gallery in Paris, closed its doors.")
    return modifier, typed, curly, other


def _articles(db) -> list[int]:
    return [r[0] for r in db.execute("SELECT id FROM articles ORDER BY id")]


def test_an_alert_finds_a_topic_written_with_any_apostrophe(db):
    modifier, typed, curly, _ = _stories(db)
    follow(db, 5, "topic", "Côte d'Ivoire", now=NOON)
    follow(db, 6, "topic", "Côte dʼIvoire", now=NOON)
    follow(db, 7, "topic", "OʼBrien", now=NOON)
    found = {key for key in followers_of_articles(db, _articles(db))}
    assert found == {(5, modifier), (5, typed), (6, modifier), (6, typed), (7, curly)}


def test_the_digest_finds_a_topic_written_with_any_apostrophe(db, settings):
    modifier, typed, curly, _ = _stories(db)
    for chat, topic in ((5, "Cote d’Ivoire"), (6, "OʼBrien")):
        subscribe(db, chat, timezone="UTC", digest_time=time(8, 0), now=NOON - timedelta(days=1))
        follow(db, chat, "topic", topic, now=NOON)
    composer = Composer(App(db=db, settings=settings, clock=Clock(NOON)), NOON)
    assert set(composer.matches(5)) == {modifier, typed}
    assert set(composer.matches(6)) == {curly}
    assert written_words("OʼBrien") == written_words("O'Brien")  # no one-word name to hold articles to


def test_the_alert_shows_the_sentence_with_the_other_apostrophe():
    body = "Turnout was high. Voters in Côte dʼIvoire went to the polls on Sunday."
    assert (
        sentence_about(body, read_topic("Cote d'Ivoire"))
        == "Voters in Côte dʼIvoire went to the polls on Sunday."
    )
    assert sentence_about("Dara O'Brien resigned.", read_topic("OʼBrien")) == "Dara O'Brien resigned."
    assert read_topic("OʼBrien").name == read_topic("O'Brien").name
