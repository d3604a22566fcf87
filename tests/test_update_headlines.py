"""A digest's "Update:" leads with the news (QA12b F10): the title of the article that brings it heads the
update, the story's known headline after it, and the new article's lead comes before its side details."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from briefing.digest import Arrival, Received, compose_digest, select_stories, story_update
from briefing.models import Story
from briefing.render import to_plain

NOW = datetime(2026, 11, 26, 6, 0, tzinfo=UTC)
TOLD = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)
HEADLINE = "Dock workers strike halts Rotterdam port"
STRUCK = "Dock workers at Rotterdam walked out on Tuesday, halting Europe's largest port."
COURT = (
    "A Rotterdam court ordered the striking dock workers to end their walkout by midnight on Wednesday,"
    " ruling that the action breached a collective agreement."
)
HALTED = "Port traffic at Rotterdam remained halted, with more than 60 ships waiting at anchor."
COURT_TITLE = "Rotterdam court orders dock workers back to work"


def strike(**changes) -> tuple[Story, list[Arrival]]:
    first = Arrival(1, "NOS", "https://nos.example/1", TOLD - timedelta(hours=1), (STRUCK,), title=HEADLINE)
    court = Arrival(
        2, "NRC", "https://nrc.example/2", NOW - timedelta(hours=3), (COURT, HALTED), title=COURT_TITLE
    )
    story = Story(
        id=17, headline=HEADLINE, headline_url=first.url, summary=(STRUCK,), article_ids=(1, 2),
        sources=("NOS", "NRC"), links=(first.url or "", court.url or ""),
        first_seen=TOLD - timedelta(hours=1), last_updated=NOW - timedelta(hours=3), **changes,
    )  # fmt: skip
    return story, [first, court]


def test_the_news_title_heads_the_update_and_its_lead_comes_first():
    story, arrivals = strike()
    update = story_update(story, arrivals, Received(TOLD, (STRUCK,), frozenset({1})))
    assert update is not None
    assert (update.headline, update.headline_url) == (COURT_TITLE, "https://nrc.example/2")
    assert update.summary[0] == COURT  # the court order, not "traffic remained halted", leads
    selection = select_stories([story], matches={}, delivered={17}, since=TOLD, length=5, now=NOW,
                               updates={17: update})  # fmt: skip
    text = to_plain(compose_digest(selection, digest_date=NOW.date(), tz=ZoneInfo("UTC")).document)
    assert f"Update: {COURT_TITLE} <https://nrc.example/2> ({HEADLINE})" in text
    assert text.index(COURT) < text.index(HALTED)


def test_a_story_whose_headline_already_tells_the_news_keeps_it():
    story, arrivals = strike()
    story = Story(**{**story.__dict__, "headline": COURT_TITLE, "headline_url": "https://nrc.example/2"})
    update = story_update(story, arrivals, Received(TOLD, (STRUCK,), frozenset({1})))
    assert update is not None and update.headline == COURT_TITLE
    selection = select_stories([story], matches={}, delivered={17}, since=TOLD, length=5, now=NOW,
                               updates={17: update})  # fmt: skip
    assert selection.retitled == ()


def test_a_new_article_whose_facts_the_update_does_not_tell_does_not_head_it():
    """QA25a F9: the story's headline had become a new article's title, but that article brought nothing
    the chat did not have; the update's sentences and Sources are another outlet's, so its title heads it."""
    story, arrivals = strike()
    echo_title = "Rotterdam strike enters its second day"
    echo = Arrival(3, "AD", "https://ad.example/3", NOW - timedelta(hours=2), (STRUCK,), title=echo_title)
    story = Story(**{**story.__dict__, "headline": echo_title, "headline_url": echo.url})
    update = story_update(story, [*arrivals, echo], Received(TOLD, (STRUCK,), frozenset({1})))
    assert update is not None and update.sources == ("NRC",)
    assert (update.headline, update.headline_url) == (COURT_TITLE, "https://nrc.example/2")
