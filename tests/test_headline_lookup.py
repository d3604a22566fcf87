"""A digest's followed actors are looked up, not the window's every headline and mention (qa25b F1: the
window of a 100,000-article archive held nearly all of it, and indexing every run of words of every
headline to look up one followed name froze the bot for a minute and took a gigabyte). The full-text
index finds the headlines that may name a followed actor; of those, a story's are read until one does."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from store.digests import actors_in_headlines, recent_stories
from store.stories import stories_by_ids
from tests.digestkit import add_actor, add_story

NOON = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
SOURCES = (("DW", "auto"), ("BBC", "auto"), ("AP", "auto"), ("NPR", "auto"))


def _retitle(db, story_id: int, titles: list[str]) -> None:
    ids = [r[0] for r in db.execute("SELECT id FROM articles WHERE story_id = ? ORDER BY id", [story_id])]
    for article_id, title in zip(ids, titles, strict=True):
        db.execute("UPDATE articles SET title = ? WHERE id = ?", [title, article_id])


def _titles_read(db, call):
    """What ``call()`` returns, and the ids of the articles whose titles it read."""
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        result = call()
    finally:
        db.conn.set_trace_callback(None)
    read = [s for s in statements if re.search(r"SELECT id, title FROM articles", s)]
    return result, {int(i) for s in read for i in re.findall(r"\d+", s.split("IN", 1)[1])}


def test_only_the_headlines_the_index_finds_are_read(db):
    may = add_actor(db, "Theresa May")
    kim = add_actor(db, "Kim")
    told = add_story(db, "Talks end", updated=NOON, sources=SOURCES)
    _retitle(db, told, ["Shares may fall", "Theresa may stay", "THERESA MAY TO RESIGN", "Theresa May"])
    lower = add_story(db, "Rates", updated=NOON, sources=SOURCES[:2])
    _retitle(db, lower, ["Theresa may not", "theresa may"])  # the index finds them; the capitals do not
    quiet = [add_story(db, f"Harvest {n}", updated=NOON) for n in range(20)]
    stories = stories_by_ids(db, [told, lower, *quiet])
    found, read = _titles_read(db, lambda: actors_in_headlines(db, stories, [may, kim]))
    assert found == {told: frozenset({may})}
    harvest = {a for s in stories if s.id in quiet for a in s.article_ids}
    assert read and not read & harvest  # no headline without the name's words was read
    first, second, third, _ = sorted(a for s in stories if s.id == told for a in s.article_ids)
    assert first in read or second in read or third in read


def test_a_digest_reads_each_story_s_followed_actors_only(db):
    kellogg, kyiv, other = (
        add_actor(db, "Keith Kellogg"),
        add_actor(db, "Kyiv", "place"),
        add_actor(db, "Lviv"),
    )
    both = add_story(db, "Envoy visits", updated=NOON, actors=[kellogg, kyiv, other])
    one = add_story(db, "City shelled", updated=NOON, actors=[kyiv, other])
    add_story(db, "Old news", updated=NOON - timedelta(days=3), actors=[kellogg])
    facts = {
        f.story.id: f.actor_ids for f in recent_stories(db, NOON - timedelta(days=1), among=[kellogg, kyiv])
    }
    assert facts == {both: frozenset({kellogg, kyiv}), one: frozenset({kyiv})}
    every = {f.story.id: f.actor_ids for f in recent_stories(db, NOON - timedelta(days=1))}
    assert every == {both: frozenset({kellogg, kyiv, other}), one: frozenset({kyiv, other})}


async def test_an_alert_run_reads_no_mentions_of_its_stories_articles(db, settings, botapi, botapi_bot):
    """Sending due alerts read every actor of every article of their stories (a second for the biggest
    stories of a 100,000-article archive, on the loop), and used none of it."""
    from briefing.adapters.delivery import send_due_alerts
    from briefing.service import App
    from briefing.service.polling import queue_alerts
    from store.subscribers import follow
    from tests.digestkit import QUICK, Clock, fast_pacer

    app = App(db=db, settings=settings, clock=Clock(NOON))
    kellogg = add_actor(db, "Keith Kellogg")
    story = add_story(db, "Kellogg in Kyiv", updated=NOON, sources=SOURCES, actors=[kellogg])
    follow(db, 1, "actor", "Keith Kellogg", now=NOON, actor_id=kellogg)
    ids = [r[0] for r in db.execute("SELECT id FROM articles WHERE story_id = ?", [story])]
    assert queue_alerts(app, ids, now=NOON) == 1
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        report = await send_due_alerts(app, botapi_bot, now=NOON, pacer=fast_pacer(), policy=QUICK)
    finally:
        db.conn.set_trace_callback(None)
    assert report.sent == 1 and botapi.sent_messages(1)[0].text.startswith("New about Keith Kellogg")
    assert not [s for s in statements if "FROM mentions WHERE article_id IN" in s]
