"""A developing disaster told over days by several outlets (QA25a): the toll of a named event rises, is
revised down and rises again, each outlet with its own details. The newest figure of a count wins,
whichever way it moved; the headline and its lead follow it; one toll is told once, however many
sentences carry it with other news; and an update tells no count the reader has heard."""

from datetime import UTC, datetime, timedelta

from article_rows import enrich_sentences as ingest

from bot import main
from briefing.digest import Arrival, Received, story_update
from briefing.facts import counts_told, revises, revisions, tells_one_count
from briefing.models import Story
from briefing.stories import StoryArticle, Vectorizer, idf_of, latest_figures, medoid_title, story_summary
from store import open_db
from store.stories import get_story

# day 1: two outlets, two first counts, few words in common with the next day's reports
FIRST_11 = (
    "At least 11 people were killed when Typhoon Kalea struck the central Philippines on Wednesday, "
    "the disaster agency said, in the strongest storm to hit Samar since 2013."
)
FIRST_14 = (
    "Typhoon Kalea made landfall near the town of Borongan in Eastern Samar early on Wednesday, killing "
    "at least 14 people and tearing roofs from thousands of homes, officials said."
)
SPOKESMAN_14 = (
    "Rey Dalisay, 52, a spokesman for the disaster agency, said 14 people had been killed and more than "
    "8,000 had been forced from their homes."
)
ROADS = "Rescue teams could not reach several towns north of Borongan, Dalisay told reporters in Manila."
# day 2: "rose to 31", each with its own clause of what else happened
ROSE_31 = (
    "The death toll from Typhoon Kalea rose to 31 on Thursday as rescue teams reached villages east of "
    "Borongan that had been cut off since the storm made landfall, the agency said."
)
VISIT_31 = (
    "President Ferdinand Marcos toured flooded streets of Borongan on Thursday as the number of people "
    "killed by Typhoon Kalea rose to 31, according to the disaster agency."
)
# day 3: one new toll, told by two outlets each with news of its own
RISEN_45 = (
    "The number of people killed by Typhoon Kalea in the central Philippines has risen to 45, the agency "
    "said on Friday, and health officials warned of a dengue outbreak in crowded evacuation centres."
)
ROSE_45 = (
    "The death toll from Typhoon Kalea rose to 45 on Friday, and the first relief flights landed at "
    "Borongan airport after the runway was cleared."
)
DISPLACED_70 = "About 70,000 people have been displaced, the disaster agency said."
# day 4: revised down; day 5: up again, each with where it happened
DOWN_42 = (
    "The Philippines revised the death toll from Typhoon Kalea down to 42 on Saturday after finding that "
    "three victims had been counted twice in Guiuan and Borongan, the agency said."
)
LOWERED_42 = (
    "The government lowered the toll from Typhoon Kalea to 42 dead on Saturday, saying some victims had "
    "been recorded twice."
)
ROSE_48 = (
    "The death toll from Typhoon Kalea rose to 48 on Sunday after rescuers reached cut-off villages in "
    "Llorente district and found six more bodies, the government said."
)
APPOINTED = (
    "Marcos on Saturday appointed Rey Dalisay, the disaster agency's spokesman during the typhoon, as "
    "secretary of social welfare, in a reshuffle announced on state television."
)
STOOD_45 = "The toll from the typhoon stood at 45 dead on Saturday, with some 70,000 displaced."


def test_a_named_event_s_toll_that_rose_revises_its_first_count_worded_apart():
    assert revises(ROSE_31, FIRST_11) and revises(VISIT_31, FIRST_11)
    assert revises(ROSE_31, FIRST_14) and revises(VISIT_31, FIRST_14)
    # where the new dead were found ("in Llorente district") is no other count; down is a revision too
    assert revises(ROSE_48, DOWN_42) and revises(ROSE_48, LOWERED_42) and revises(DOWN_42, ROSE_45)
    # one typhoon's toll in two countries stays two counts, and a headline's alike
    assert not revises(
        "The death toll from Typhoon Kalea in Vietnam rose to 5 on Friday.",
        "At least 11 people were killed in the Philippines by Typhoon Kalea on Wednesday.",
    )
    assert revises(
        "Marcos visits storm-hit Borongan as Kalea toll climbs to 31",
        "Philippines: Typhoon Kalea leaves at least 11 dead in Samar",
        titles=True,
    )


def test_a_sentence_telling_a_revised_toll_beside_other_figures_gives_way_too():
    day = datetime(2026, 11, 16, tzinfo=UTC)
    sentences = [FIRST_14, SPOKESMAN_14, ROSE_31]
    told = {FIRST_14: day, SPOKESMAN_14: day, ROSE_31: day + timedelta(days=1)}
    assert revisions(sentences, told) == {0: 2, 1: 2}  # the age and the 8,000 keep no toll of 14 told


def _articles(*rows):
    start = datetime(2026, 11, 16, 8, tzinfo=UTC)
    return [
        StoryArticle(id=n, title=t, lead=" ".join(s), source=o, when=start + timedelta(hours=h), summary=s)
        for n, (t, s, o, h) in enumerate(rows, 1)
    ]


def _told(articles):
    leads = [a.summary for a in articles]
    revised = latest_figures(leads, [(a.when, a.id) for a in articles])
    sentences = [x for lead in leads for x in lead]
    headline = medoid_title(articles, Vectorizer(idf_of(articles)), sentences=sentences, revised=revised)
    first = max((k for k, a in enumerate(articles) if a.title == headline), key=lambda k: articles[k].when)
    return headline, story_summary(leads, revised=revised, first=first)


def test_the_day_two_headline_and_lead_follow_the_new_toll_not_day_one_s():
    articles = _articles(
        ("Typhoon Kalea kills 14 as it slams into Samar", (FIRST_14, SPOKESMAN_14), "herald.ph", 0),
        ("Philippines: Typhoon Kalea leaves at least 11 dead in Samar", (FIRST_11, ROADS), "meridian.com", 6),
        ("Typhoon Kalea death toll rises as rescuers reach cut-off villages", (ROSE_31,), "herald.ph", 24),
        ("Marcos visits storm-hit Borongan as Kalea toll climbs to 31", (VISIT_31,), "meridian.com", 30),
    )
    headline, summary = _told(articles)
    assert "31" in headline
    assert summary[0] == VISIT_31
    assert not {FIRST_11, FIRST_14, SPOKESMAN_14} & set(summary)


def test_the_newest_toll_wins_whichever_way_it_moved_and_one_toll_is_told_once():
    articles = _articles(
        ("Kalea toll reaches 45, dengue fears grow", (RISEN_45, DISPLACED_70), "wire.net", 48),
        ("Kalea: 45 dead as relief flights land", (ROSE_45, ROADS), "herald.ph", 50),
    )
    _, summary = _told(articles)
    assert sum("45" in x for x in summary) == 1 and tells_one_count(RISEN_45, ROSE_45)
    articles = _articles(
        ("Kalea toll revised to 42", (DOWN_42, APPOINTED), "wire.net", 72),
        ("Government lowers Kalea toll to 42", (LOWERED_42,), "meridian.com", 74),
        ("Typhoon Kalea death toll rises to 48", (ROSE_48, ROADS), "ledger.co.uk", 96),
    )
    headline, summary = _told(articles)
    assert "48" in headline and summary[0] == ROSE_48
    assert not {DOWN_42, LOWERED_42} & set(summary)  # 42 is past once 48 came, though 42 was lower


def test_an_update_tells_no_count_the_chat_heard_or_the_story_held():
    assert counts_told(STOOD_45, [ROSE_45, DISPLACED_70])
    assert not counts_told(STOOD_45, [ROSE_45])  # the 70,000 is news
    assert not counts_told(VISIT_31, [ROSE_31])  # the president's tour is news
    now = datetime(2026, 11, 20, 21, tzinfo=UTC)
    old = Arrival(1, "wire.net", "https://wire.net/1", now - timedelta(days=2), (RISEN_45, DISPLACED_70))
    new = Arrival(
        2, "meridian.com", "https://meridian.com/2", now - timedelta(hours=3), (APPOINTED, STOOD_45)
    )
    story = Story(
        id=7,
        headline="Kalea toll reaches 45, dengue fears grow",
        article_ids=(1, 2),
        sources=("wire.net", "meridian.com"),
        first_seen=now - timedelta(days=2),
        last_updated=now - timedelta(hours=3),
        summary=(RISEN_45,),
    )
    update = story_update(story, [old, new], Received(now - timedelta(days=1), (ROSE_45,)))
    assert update is not None and update.summary == (APPOINTED,)


def test_a_stored_story_s_headline_follows_the_named_toll(app):
    first = ingest(
        app, "Philippines: Typhoon Kalea leaves at least 11 dead in Samar", (FIRST_11, ROADS), "a.com", 0
    )
    ingest(
        app, "Typhoon Kalea death toll rises as rescuers reach cut-off villages", (ROSE_31, ROADS), "b.ph", 24
    )
    later = ingest(
        app, "Marcos visits storm-hit Borongan as Kalea toll climbs to 31", (VISIT_31, ROADS), "a.com", 30
    )
    assert later.story_id == first.story_id
    story = get_story(app.db, first.story_id)
    assert story.headline != first.title and FIRST_11 not in story.summary


FLIGHTS = "Relief flights landed at Borongan airport on Friday after the runway was cleared."


def test_of_two_sentences_telling_one_new_toll_the_update_tells_the_one_whose_other_news_is_new():
    now = datetime(2026, 11, 20, 21, tzinfo=UTC)
    told = Arrival(1, "herald.ph", "https://herald.ph/1", now - timedelta(days=1), (ROSE_31, FLIGHTS))
    herald = Arrival(2, "herald.ph", "https://herald.ph/2", now - timedelta(hours=4), (ROSE_45, ROADS))
    wire = Arrival(3, "wire.net", "https://wire.net/3", now - timedelta(hours=3), (RISEN_45,))
    story = Story(
        id=8,
        headline="Typhoon Kalea death toll rises",
        article_ids=(1, 2, 3),
        sources=("herald.ph", "wire.net"),
        first_seen=now - timedelta(days=1),
        last_updated=now - timedelta(hours=3),
        summary=(ROSE_31, FLIGHTS),
    )
    update = story_update(
        story, [told, herald, wire], Received(now - timedelta(hours=20), (ROSE_31, FLIGHTS))
    )
    assert update is not None
    assert RISEN_45 in update.summary and ROSE_45 not in update.summary  # the dengue warning is the news


FIRE = """Depot fire in Porto kills two workers
24 November 2026 06:00 GMT

A fire at a depot in the Porto district of Campanha killed two workers early on Tuesday, firefighters said.
The blaze started in a storage area for varnish and spread to neighbouring buildings.
Police have opened an investigation into the cause.

Source: www.portopost.example
"""
STRIKE = """Porto bus drivers begin 24-hour strike
24 November 2026 06:30 GMT

Porto bus drivers began a 24-hour strike on Tuesday over pay, halting all city routes.
The union said the company had refused a 5% rise.
Trams were crowded as commuters looked for other ways into the city.

Source: www.dourowire.example
"""
CAUSE = (
    "Depot fire that killed two workers was started by a heater\n24 November 2026 10:00 GMT\n\n"
    "Investigators said on Tuesday that the fire at a Campanha depot in Porto that killed two workers was "
    "started by a faulty heater in a storage area for varnish.\n"
    "The owner of the depot said he was devastated and would cooperate with police.\n"
    "Firefighters took four hours to put out the blaze, slowed by traffic because Porto bus drivers began a "
    "24-hour strike on Tuesday over pay.\n\nSource: www.portopost.example\n"
)


def test_a_follow_up_naming_another_storys_first_fact_in_passing_does_not_join_the_two(tmp_path):
    """An update of one story that mentions in passing what another story opens with ("slowed by traffic
    because Porto bus drivers began a 24-hour strike ...") is no proof the two are one event: the fire and
    the strike stay two stories (qa26 F1, against a rule that tied them on that one sentence)."""
    for name, text in (("fire.txt", FIRE), ("strike.txt", STRIKE), ("cause.txt", CAUSE)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = tmp_path / "t.db"
    ingest_cli = ["--db", str(db), "ingest", "--no-progress"]
    assert main([*ingest_cli, str(tmp_path / "fire.txt"), str(tmp_path / "strike.txt")], environ={}) == 0
    assert main([*ingest_cli, str(tmp_path / "cause.txt")], environ={}) == 0
    stories = dict(open_db(db).execute("SELECT title, story_id FROM articles").fetchall())
    fire, strike = (
        stories["Depot fire in Porto kills two workers"],
        stories["Porto bus drivers begin 24-hour strike"],
    )
    assert stories["Depot fire that killed two workers was started by a heater"] == fire != strike
