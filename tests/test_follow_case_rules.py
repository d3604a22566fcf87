"""One rule for a follow's name in any letter case (``follow_key``) wherever follows are compared: the
names an alert gives, a group's follows moved to its supergroup; and none where the search itself reads
case (a topic "IT jobs" is not "it jobs")."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from briefing.digest import select_stories
from briefing.models import Follow
from briefing.service import App
from briefing.service.alerts import still_followed
from briefing.service.digests import Composer
from store.alerts import followers_of_articles
from store.subscribers import follow, follows_of, migrate_chat, subscribe
from tests.digestkit import Clock, add_actor, add_story

NOON = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def test_an_actor_and_a_topic_of_one_name_are_one_reason_for_the_alert(db):
    rotterdam = add_actor(db, "Rotterdam", "place")
    follow(db, 5, "actor", "Rotterdam", actor_id=rotterdam, now=NOON)
    follow(db, 5, "topic", "ROTTERDAM", now=NOON)
    follow(db, 5, "topic", "port strike", now=NOON)
    body = "Dock workers in Rotterdam began a port strike on Monday over pay."
    story = add_story(db, "Rotterdam dock workers strike", updated=NOON, body=body, actors=[rotterdam])
    (article,) = [r[0] for r in db.execute("SELECT id FROM articles WHERE story_id = ?", [story])]
    followed = followers_of_articles(db, [article])[(5, story)]
    assert followed.reasons == ("Rotterdam", "port strike")


def test_a_topic_is_searched_as_written_for_each_chat_s_digest(db, settings):
    """ "IT jobs" looks for IT near jobs, "it jobs" for jobs (a function word is no topic): two chats'
    digests each get the stories of their own words, whichever the composer searches first."""
    hiring = add_story(db, "Factory hiring", updated=NOON, body="Car factories added 4,000 jobs in Ohio.")
    tech = add_story(db, "Tech hiring", updated=NOON, body="IT jobs in Warsaw doubled this year.")
    for chat, topic in ((5, "IT jobs"), (6, "it jobs")):
        subscribe(db, chat, timezone="UTC", digest_time=time(8, 0), now=NOON - timedelta(days=1))
        follow(db, chat, "topic", topic, now=NOON)
    for first, second in ((5, 6), (6, 5)):
        composer = Composer(App(db=db, settings=settings, clock=Clock(NOON)), NOON)
        found = {chat: set(composer.matches(chat)) for chat in (first, second)}
        assert found == {5: {tech}, 6: {hiring, tech}}


def test_a_followed_word_the_stemmer_cuts_is_found_in_the_digest_only_as_written(db, settings):
    """ "wellness" is "well" to the index: the digest takes the wellness story for the follow, not every
    story that went well, as /brief and alerts read the topic."""
    wellness = add_story(db, "Wellness calendar", updated=NOON, body="Yoga and wellness classes all week.")
    add_story(db, "Peace talks", updated=NOON, body="The talks went well, officials said.")
    subscribe(db, 5, timezone="UTC", digest_time=time(8, 0), now=NOON - timedelta(days=1))
    follow(db, 5, "topic", "wellness", now=NOON)
    composer = Composer(App(db=db, settings=settings, clock=Clock(NOON)), NOON)
    assert composer.matches(5) == {wellness: ["wellness"]}


def test_a_group_moved_to_its_supergroup_keeps_one_follow_of_a_name(db):
    follow(db, -100, "topic", "ÉLYSÉE", now=NOON)
    follow(db, -100, "topic", "grain exports", now=NOON)
    follow(db, -1001234, "topic", "élysée", now=NOON + timedelta(minutes=1))
    migrate_chat(db, -100, -1001234, now=NOON + timedelta(minutes=2))
    assert sorted(f.value for f in follows_of(db, -1001234)) == ["grain exports", "élysée"]
    assert follows_of(db, -100) == []


def test_a_digest_names_a_follow_once_in_any_case(db, settings):
    """The actor "Rotterdam" and the topic "ROTTERDAM": the digest says "You follow Rotterdam", as the
    alert says it."""
    rotterdam = add_actor(db, "Rotterdam", "place")
    body = "Dock workers in Rotterdam began a port strike on Monday over pay."
    story = add_story(db, "Rotterdam dock workers strike", updated=NOON, body=body, actors=[rotterdam])
    subscribe(db, 5, timezone="UTC", digest_time=time(8, 0), now=NOON - timedelta(days=1))
    follow(db, 5, "actor", "Rotterdam", actor_id=rotterdam, now=NOON)
    follow(db, 5, "topic", "ROTTERDAM", now=NOON + timedelta(minutes=1))
    composer = Composer(App(db=db, settings=settings, clock=Clock(NOON)), NOON)
    assert composer.matches(5) == {story: ["Rotterdam", "ROTTERDAM"]}  # both follows match it
    selection = select_stories(
        [s.story for s in composer.stories], matches=composer.matches(5), delivered=set(), since=None,
        length=5, now=NOON,
    )  # fmt: skip
    assert selection.because == (("Rotterdam",),)


def test_an_alert_names_the_first_followed_of_a_name_s_follows_as_the_digest_does(app):
    follows = [Follow(5, "actor", "Rotterdam", 1), Follow(5, "topic", "ROTTERDAM")]
    assert still_followed(app, ["ROTTERDAM", "rotterdam", "port strike"], follows) == ["Rotterdam"]
