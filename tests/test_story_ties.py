"""An update that names the first report's figure as past ("raising the figure from the 32 first
announced") ties the first report to the update's story, whatever order the outlets arrived in; two
stories an article merely resembles stay apart. What a chat was told of either is kept."""

from datetime import timedelta

from article_rows import FOLLOWUP_START as T0
from article_rows import enrich_sentences as ingest

from briefing.service.stories import _vectorizer, _window, recluster
from briefing.stories import matching_stories
from store.articles import get_article
from store.digests import received_of
from store.stories import get_story, story_article
from tests.digestkit import deliver, subscriber

FIRST = (  # the first report: 32 each
    "Armenia and Azerbaijan exchanged 32 detainees each on Saturday in a swap brokered by Qatar, Prime "
    "Minister Nikol Pashinyan said.",
    "Azerbaijan's foreign ministry confirmed the exchange and thanked Qatar for its mediation.",
    "Qatar's emir has helped broker several such swaps between the two neighbours.",
)
VISIT = (  # a day later, in other words: it does not join the first report on its own
    "Prime Minister Nikol Pashinyan visited freed soldiers at a military hospital in Yerevan on Sunday, a "
    "day after 40 Armenian detainees were released by Azerbaijan.",
    "Armenia's ombudsman Anahit Manasyan said the men had been held in harsh conditions.",
    "The Red Cross said it was ready to visit all detainees still held by both sides.",
)
UPDATE = (  # published before the visit, arrived after it; it names the first report's 32 as past
    "A total of 40 Armenian detainees came home in Saturday's exchange with Azerbaijan, Prime Minister "
    "Nikol Pashinyan said on Sunday, raising the figure from the 32 first announced after eight wounded "
    "soldiers were added at the last minute.",
    "The freed soldiers were taken to a military hospital in Yerevan, the defence ministry said.",
    "Azerbaijan's ombudsman said Baku had received 40 of its own detainees back.",
)

UNTIED = (  # the same update without the figure it replaced
    UPDATE[0].replace(", raising the figure from the 32 first announced after", ", after"),
    *UPDATE[1:],
)
FIRST_TITLE = "Armenia and Azerbaijan swap 32 detainees each in Qatar-brokered exchange"
VISIT_TITLE = "Pashinyan visits freed soldiers at Yerevan hospital"
UPDATE_TITLE = "Pashinyan says 40 Armenians freed in swap, more than first announced"


def swap(app, update, *, update_hours=22, visit_hours=28):
    """The first report, the visit, then the update (published before the visit, or after it)."""
    first = ingest(app, FIRST_TITLE, FIRST, "caucasuspost.example", 0)
    visit = ingest(app, VISIT_TITLE, VISIT, "yerevantimes.example", visit_hours)
    late = ingest(app, UPDATE_TITLE, update, "southwire.example", update_hours)
    return [get_article(app.db, a.id) for a in (first, visit, late)]


def test_an_update_naming_the_first_figure_as_past_ties_the_first_report_to_its_story(app):
    first, visit, late = swap(app, UPDATE)
    assert first.story_id == visit.story_id == late.story_id
    story = get_story(app.db, late.story_id)
    assert len(story.article_ids) == 3 and len(story.sources) == 3
    assert FIRST[0] not in story.summary  # 32 is past
    assert UPDATE[0] in story.summary
    assert "32" not in story.headline


def test_an_update_that_only_resembles_two_stories_does_not_tie_them(app):
    first, visit, late = swap(app, UNTIED)
    assert late.story_id == visit.story_id != first.story_id
    # it matches both stories: what keeps them apart is that it names no figure of the first as past
    articles = [story_article(app.db, a.id) for a in (first, visit, late)]
    found = matching_stories(
        articles[2], articles[:2], vectors=_vectorizer(app, articles), window=_window(app)
    )
    assert sorted(found) == sorted({first.story_id, visit.story_id})


def test_a_recluster_ties_them_as_ingest_does(app):
    # published in that order, so a batch too meets the visit's story before the update
    swap(app, UPDATE, update_hours=30)
    recluster(app)
    assert len({get_article(app.db, n).story_id for n in (1, 2, 3)}) == 1


def test_a_recluster_keeps_apart_what_only_resembles_both(app):
    swap(app, UNTIED, update_hours=30)
    recluster(app)
    first, visit, late = (get_article(app.db, n) for n in (1, 2, 3))
    assert late.story_id == visit.story_id != first.story_id


def test_what_a_chat_was_told_of_both_stories_stays_told_after_the_tie(app):
    first = ingest(app, FIRST_TITLE, FIRST, "caucasuspost.example", 0)
    subscriber(app.db, 3, "06:00")
    deliver(app, 3, T0 + timedelta(hours=2))
    visit = ingest(app, VISIT_TITLE, VISIT, "yerevantimes.example", 20)
    deliver(app, 3, T0 + timedelta(hours=24))
    before = received_of(app.db, 3)
    told = set(before[first.story_id].sentences) | set(before[visit.story_id].sentences)
    assert FIRST[0] in told and VISIT[0] in told
    late = ingest(app, UPDATE_TITLE, UPDATE, "southwire.example", 18)
    after = received_of(app.db, 3)
    assert list(after) == [late.story_id]  # one record, of the one story
    assert told <= set(after[late.story_id].sentences)
    assert after[late.story_id].at == max(r.at for r in before.values())
