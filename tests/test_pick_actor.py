"""Which actor a name typed after /actor means (``pick_actor``), from the news alone: far more articles,
unless another is in much newer news; a clear lead; a name of its own with no rival. Close candidates,
or one far more recent, are offered rather than guessed."""

from datetime import UTC, datetime, timedelta

from briefing.models import Actor
from briefing.service.actors import NEWER_NEWS_DAYS, pick_actor

DAY = datetime(2025, 1, 1, 9, tzinfo=UTC)


def actor(id_: int, name: str, articles: int, mentions: int, days_later: int = 0) -> Actor:
    """An actor last named ``days_later`` days after the first of January 2025."""
    when = DAY + timedelta(days=days_later)
    return Actor(id_, name, "person", article_count=articles, mention_count=mentions, last_seen=when)


def test_ten_times_the_articles_still_settles_it_in_the_same_news():
    host, speaker = actor(1, "Ryan", 56, 120, days_later=3), actor(2, "Paul Ryan", 3, 6, days_later=5)
    assert pick_actor("Ryan", [host, speaker]) == host


def test_ten_times_the_articles_do_not_outweigh_much_newer_news():
    """The podcast's host in 56 articles, Paul Ryan in 3 a month and more later: either may be meant."""
    host = actor(1, "Ryan", 56, 120)
    speaker = actor(2, "Paul Ryan", 3, 6, days_later=NEWER_NEWS_DAYS)
    assert pick_actor("Ryan", [host, speaker]) is None
    assert pick_actor("Ryan", [host, actor(2, "Paul Ryan", 3, 6, days_later=NEWER_NEWS_DAYS - 1)]) == host


def test_the_much_newer_one_with_ten_times_the_articles_is_meant():
    old, new = actor(1, "Ryan", 3, 6), actor(2, "Paul Ryan", 56, 120, days_later=400)
    assert pick_actor("Ryan", [old, new]) == new


def test_close_candidates_are_offered_not_guessed():
    """One article and one mention more, the same day: a guess, whichever were chosen."""
    a, b = actor(1, "Jordan Smith", 5, 12, days_later=9), actor(2, "Jordan Smyth", 4, 11, days_later=9)
    assert pick_actor("Jordan", [a, b]) is None


def test_a_clear_lead_still_settles_it():
    a, b = actor(1, "Jordan Smith", 8, 20, days_later=9), actor(2, "Jordan Smyth", 4, 11, days_later=9)
    assert pick_actor("Jordan", [a, b]) == a


def test_a_name_of_its_own_in_much_older_news_is_no_answer():
    """ "Ryan" is the host's very name, but Paul Ryan is in the news of months later."""
    host, speaker = actor(1, "Ryan", 20, 40), actor(2, "Paul Ryan", 12, 30, days_later=90)
    assert pick_actor("Ryan", [host, speaker]) is None
    assert pick_actor("Ryan", [host, actor(2, "Paul Ryan", 12, 30, days_later=2)]) == host


def test_an_actor_with_no_date_is_no_newer_news():
    """Recency counts dated news only (``lookup_actor`` passes each actor's last dated article): an actor
    read only in undated articles is neither newer nor older, and the ten times the articles settle it."""
    boris = actor(1, "Boris Johnson", 10, 20, days_later=9)
    dwayne = Actor(2, "Dwayne Johnson", "person", article_count=1, mention_count=2, last_seen=None)
    assert pick_actor("Johnson", [boris, dwayne]) == boris
    assert pick_actor("Johnson", [dwayne, boris]) == boris
    close = actor(1, "Boris Johnson", 2, 4, days_later=9)
    assert pick_actor("Johnson", [close, dwayne]) == close  # ahead on articles and mentions, and not behind
    # nor older: ten undated articles are not outweighed by one dated article, of whatever day
    many = Actor(3, "Dwayne Johnson", "person", article_count=10, mention_count=20, last_seen=None)
    assert pick_actor("Johnson", [many, actor(4, "Boris Johnson", 1, 2, days_later=90)]) == many
