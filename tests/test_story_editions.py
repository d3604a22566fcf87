"""Two editions of a listing (two counties' calendars, two weeks of one) are two stories (QA20b F11)."""

from datetime import timedelta

from conftest import FIXTURES

from briefing.feeds import parse_feed
from briefing.stories import StoryArticle, cluster_articles, day_spans


def _calendars() -> list[StoryArticle]:
    entries = parse_feed((FIXTURES / "feeds" / "wapowellness.xml").read_bytes()).entries
    return [
        StoryArticle(
            id=n,
            title=e.draft.title,
            lead=e.draft.body,
            source="washingtonpost.com",
            when=e.draft.published_at,
        )
        for n, e in enumerate(entries)
        if "calendar" in e.draft.title and e.draft.published_at is not None
    ]


def test_a_titles_span_of_days_is_read_and_a_single_day_is_not():
    assert day_spans("Fairfax County wellness calendar, Aug. 16-22") == {("aug", "16", "22")}
    assert day_spans("Protests go on, Aug. 9") == frozenset()  # a follow-up's next day
    assert day_spans("Menendez trial enters second day") == frozenset()


def test_calendars_of_other_counties_or_weeks_are_never_one_story():
    calendars = _calendars()
    assert len(calendars) >= 6
    groups = cluster_articles(calendars, window=timedelta(days=30))
    titles = {a.id: a.title for a in calendars}
    for group in groups:
        assert len({day_spans(titles[i]) for i in group}) == 1, [titles[i] for i in group]
