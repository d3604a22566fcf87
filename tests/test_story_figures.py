"""A story tells the latest figures: a toll a later article revised is left out, not shown beside the
new one; two figures of different things both stay. A digest's update tells each development."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from article_rows import FOLLOWUP_START as T0
from article_rows import enrich_sentences as ingest

from briefing.digest import Arrival, Received, compose_digest, digest_parts, select_stories, story_update
from briefing.facts import is_near_duplicate, outdated_count, revises, revisions
from briefing.models import Story
from briefing.render import TELEGRAM_LIMIT, utf16_len
from briefing.stories import story_summary
from store.stories import get_story
from tests.digestkit import deliver
from tests.followups import QUAKE_FIRST, QUAKE_HEADLINE, QUAKE_TOLL_RISES

QUAKE_TOLL_27 = (
    "The death toll from the magnitude 7.4 earthquake in southern Peru rose to 27 people in the Arequipa "
    "region, officials said on Tuesday evening.",
    "Rescue teams in the Arequipa region were searching collapsed houses for survivors near Chala.",
    "The Geophysical Institute of Peru said the epicentre was 40 kilometres south of the town of Chala.",
)
QUAKE_TOLL_41 = QUAKE_TOLL_RISES
QUAKE_LATE_12 = (  # an outlet's late copy of the first report, after the toll rose
    "At least 12 people were killed when a magnitude 7.4 earthquake struck southern Peru's Arequipa "
    "region on Tuesday, officials said.",
    "Rescue teams from Lima searched collapsed houses in the Arequipa region for survivors.",
)


def toll_of(summary):
    return [s for s in summary if "12 people" in s or "27 people" in s or "41 people" in s]


def test_a_story_whose_toll_rises_over_three_outlets_tells_the_latest_toll(app):
    first = ingest(app, QUAKE_HEADLINE, QUAKE_FIRST, "andeswire.pe", 0)
    assert toll_of(get_story(app.db, first.story_id).summary) == [QUAKE_FIRST[0]]
    second = ingest(app, "Peru earthquake death toll climbs to 27", QUAKE_TOLL_27, "limatoday.pe", 3)
    assert second.story_id == first.story_id
    assert toll_of(get_story(app.db, first.story_id).summary) == [QUAKE_TOLL_27[0]]  # 12 is gone
    third = ingest(app, "Peru quake death toll rises to 41", QUAKE_TOLL_41, "reuters.com", 8)
    assert third.story_id == first.story_id
    story = get_story(app.db, first.story_id)
    assert toll_of(story.summary) == [QUAKE_TOLL_41[0]]
    assert story.headline == "Peru quake death toll rises to 41"  # not the title that said 27
    assert story.summary[0] == QUAKE_TOLL_41[0]  # the toll leads, as the first one did
    # an outlet still carrying the first toll afterwards does not bring it back: a figure is as new as
    # its first telling, in whatever words
    late = ingest(app, "Deadly quake hits southern Peru", QUAKE_LATE_12, "slowwire.com", 10)
    assert late.story_id == first.story_id
    assert toll_of(get_story(app.db, first.story_id).summary) == [QUAKE_TOLL_41[0]]


def test_without_dates_a_summary_keeps_both_tolls_as_it_always_did():
    both = story_summary([QUAKE_FIRST, QUAKE_TOLL_41], sentences=3)
    assert QUAKE_FIRST[0] in both and QUAKE_TOLL_41[0] in both
    dated = story_summary([QUAKE_FIRST, QUAKE_TOLL_41], sentences=3, dates=[T0, T0 + timedelta(hours=5)])
    assert QUAKE_TOLL_41[0] in dated and QUAKE_FIRST[0] not in dated
    # the order of the leads does not matter, their dates do: an older 41 loses to a newer 12
    dated = story_summary([QUAKE_TOLL_41, QUAKE_FIRST], sentences=3, dates=[T0, T0 + timedelta(hours=5)])
    assert QUAKE_FIRST[0] in dated and QUAKE_TOLL_41[0] not in dated


FLOOD = (
    "Floods in Kenya's Tana River county killed at least 12 people on Monday, the Red Cross said.",
    "The Red Cross said the floods had cut off 40 villages in Tana River county.",
)
FLOOD_LATER = (
    "More than 30 people were injured in the Tana River floods, the Red Cross said.",
    "The floods have cut off 12 villages in Tana River county, the Red Cross said.",
    "In Somalia, floods killed 25 people along the Juba river.",
)


def test_figures_of_different_things_both_stay():
    summary = story_summary([FLOOD, FLOOD_LATER], sentences=6, dates=[T0, T0 + timedelta(hours=6)])
    assert FLOOD[0] in summary  # 12 dead: not replaced by 30 injured, 12 villages or Somalia's 25 dead
    assert FLOOD_LATER[0] in summary and FLOOD_LATER[2] in summary
    assert FLOOD_LATER[1] in summary and FLOOD[1] not in summary  # the villages cut off: 12, not 40


@pytest.mark.parametrize(
    "older, newer, same",
    [
        (QUAKE_FIRST[0], QUAKE_TOLL_41[0], True),  # "killing 12 people" -> "the death toll rose to 41"
        ("At least 12 dead in Peru quake.", "Peru quake death toll rises to 41.", True),
        ("The company said 600 lorries were queuing.", "The company said 900 lorries were queuing.", True),
        ("A magnitude 7.4 quake killed 12 people.", "A magnitude 7.6 quake killed 12 people.", True),
        (FLOOD[0], FLOOD_LATER[0], False),  # 12 dead, 30 injured
        ("Floods killed 12 people.", "Floods cut off 41 villages.", False),  # people, villages
        (FLOOD[0], FLOOD_LATER[2], False),  # Kenya's dead, Somalia's dead
        (FLOOD[1], FLOOD_LATER[1], True),  # the villages cut off, recounted
        (
            "The union is demanding a pay rise of 7 percent for the 4,000 dock workers at the terminals.",
            "The terminal operators offered a pay rise of 3 percent to the 4,000 dock workers.",
            False,  # a demand and an offer: the words around the figures differ too much
        ),
        ("12 people died in the flood.", "12 people died in the flood on Monday.", False),  # one figure
        ("Floods killed 12 people.", "Floods killed 12 people and injured 30.", False),  # a figure added
        (  # the new toll with news of its own: who declared what is no sign of another event
            "A magnitude 6.8 earthquake struck northern Chile on Sunday, killing at least 12 people and "
            "damaging hundreds of homes in the city of Antofagasta, officials said.",
            "The death toll from Sunday's earthquake in northern Chile rose to 41, officials said on Monday, "
            "as President Gabriel Boric declared a state of emergency in the Antofagasta region.",
            True,
        ),
        (  # but a toll in another place the first never named is another event's
            "Floods killed 12 people in Kenya's Tana River county on Sunday, officials said.",
            "The death toll from floods in Somalia's Beledweyne rose to 41, officials said.",
            False,
        ),
    ],
)
def test_a_sentence_revises_another_only_when_it_counts_the_same_thing(older, newer, same):
    assert revises(newer, older) is same


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Floods killed 12 people in the county.", "Floods cut off 12 villages in the county.", False),
        (
            "Floods killed at least 12 people in the county.",
            "At least 12 people were killed by floods.",
            True,
        ),
        ("Floods killed 12 people in the county.", "Floods caused 12 deaths in the county.", True),
        (  # two outlets: "people" and who they are, one count (QA14a F1)
            "About 30 people were still missing, said Ramesh Adhikari, the district police chief, as rescuers"
            " dug through the mud by hand.",
            "Rescuers were digging through mud with shovels and bare hands, and about 30 villagers were still"
            " missing, district police chief Ramesh Adhikari said.",
            True,
        ),
        ("Gunmen killed 30 soldiers near the base.", "Gunmen killed 30 civilians near the base.", False),
    ],
)
def test_one_figure_is_one_fact_only_when_it_counts_one_thing(a, b, same):
    assert is_near_duplicate(a, b) is same


# --- digests ----------------------------------------------------------------------------------------

NOW = datetime(2024, 11, 14, 6, 0, tzinfo=UTC)
SENT_AT = NOW - timedelta(hours=22)
EMERGENCY = "President Dina Boluarte declared a 60-day state of emergency in the Arequipa region."
AFTERSHOCK = "A strong aftershock shook Chala on Wednesday morning, damaging the town's hospital."
AFTERSHOCK_MORE = "Patients were moved to tents outside the hospital in Chala."
AID = "Chile and Ecuador sent planes carrying tents, water and medicine to Arequipa."


def arrival(article_id, source, hours_ago, *sentences):
    return Arrival(
        article_id, source, f"https://{source}/{article_id}", NOW - timedelta(hours=hours_ago), sentences
    )


def told_quake(*later: Arrival) -> tuple[Story, list[Arrival], Received]:
    first = arrival(1, "andeswire.pe", 30, *QUAKE_FIRST)
    arrivals = [first, *later]
    story = Story(
        id=5,
        headline=QUAKE_HEADLINE,
        article_ids=tuple(a.article_id for a in arrivals),
        sources=tuple(dict.fromkeys(a.source for a in arrivals)),
        first_seen=NOW - timedelta(hours=30),
        last_updated=NOW - timedelta(hours=1),
        summary=QUAKE_FIRST,
    )
    return story, arrivals, Received(SENT_AT, QUAKE_FIRST[:2])


def test_an_update_tells_each_of_three_developments_from_three_outlets():
    story, arrivals, received = told_quake(
        arrival(2, "limatoday.pe", 12, *QUAKE_TOLL_41),  # a new toll; its rescue and epicentre were told
        arrival(3, "andina.pe", 8, EMERGENCY, QUAKE_FIRST[1]),
        arrival(4, "apnews.com", 3, AFTERSHOCK, AFTERSHOCK_MORE),
        arrival(5, "efe.com", 2, QUAKE_FIRST[0]),  # the first report again: nothing new
    )
    update = story_update(story, arrivals, received)
    assert update is not None
    assert set(update.summary) >= {QUAKE_TOLL_41[0], EMERGENCY, AFTERSHOCK}  # no development left out
    assert len(update.summary) == 3  # one fact of each: the patients in tents are a side detail
    assert QUAKE_FIRST[0] not in update.summary and QUAKE_FIRST[1] not in update.summary
    assert set(update.sources) == {"limatoday.pe", "andina.pe", "apnews.com"}
    assert update.article_ids == (5, 4, 3, 2)
    # a fourth development makes four; a fifth waits for the next digest (the update stays compact)
    more = [*arrivals, arrival(6, "bbc.co.uk", 1, AID)]
    assert len(story_update(story, more, received).summary) == 4


def test_one_article_with_news_still_tells_two_facts():
    story, arrivals, received = told_quake(arrival(4, "apnews.com", 3, AFTERSHOCK, AFTERSHOCK_MORE))
    update = story_update(story, arrivals, received)
    assert update is not None and update.summary == (AFTERSHOCK, AFTERSHOCK_MORE)


def test_an_update_of_two_tolls_tells_only_the_latest():
    story, arrivals, received = told_quake(
        arrival(2, "limatoday.pe", 12, *QUAKE_TOLL_27), arrival(3, "reuters.com", 2, *QUAKE_TOLL_41)
    )
    update = story_update(story, arrivals, received)
    assert update is not None and update.summary == (QUAKE_TOLL_41[0],)
    assert update.sources == ("reuters.com",)


def test_a_digest_shows_every_fact_of_an_update_records_them_and_fits_a_message():
    long = [f"{s[:-1]}, {'and more words of the report ' * 12}." for s in (EMERGENCY, AFTERSHOCK, AID)]
    story, arrivals, received = told_quake(
        *(arrival(n, f"outlet{n}.example", 10 - n, s) for n, s in enumerate([QUAKE_TOLL_41[0], *long], 2))
    )
    update = story_update(story, arrivals, received)
    assert update is not None and len(update.summary) == 4
    selection = select_stories(
        [story], matches={}, delivered={5}, since=SENT_AT, length=5, now=NOW, updates={5: update}
    )
    digest = compose_digest(selection, digest_date=date(2024, 11, 14), tz=ZoneInfo("America/Lima"))
    (part,) = digest_parts(digest)
    assert part.plain.count("Update:") == 1 and QUAKE_TOLL_41[0] in part.plain
    assert all(s[:60] in part.plain for s in long)  # each shown, clipped to a sentence's length
    assert dict(part.facts) == {5: update.summary}  # what the chat was told: all four
    assert utf16_len(part.html) <= TELEGRAM_LIMIT
    # a story the chat did not receive still shows (and records) two sentences
    fresh = replace(story, id=6, headline="Another story", summary=tuple(long))
    first = select_stories([fresh], matches={}, delivered=set(), since=SENT_AT, length=5, now=NOW)
    digest = compose_digest(first, digest_date=date(2024, 11, 14), tz=ZoneInfo("America/Lima"))
    assert digest.section_facts == (tuple(long[:2]),)


def test_a_delivered_update_of_three_developments_is_remembered_whole(app):
    from briefing.service.digests import compose_for_chat
    from store.digests import received_of
    from tests.digestkit import add_story, join_story, subscriber

    day1 = NOW - timedelta(days=2)
    story = add_story(
        app.db, QUAKE_HEADLINE, updated=day1 - timedelta(hours=2), summary="\n".join(QUAKE_FIRST)
    )
    subscriber(app.db, 3, "06:00")
    deliver(app, 3, day1)
    for n, (source, sentences) in enumerate(
        [("limatoday.pe", QUAKE_TOLL_41), ("andina.pe", (EMERGENCY,)), ("apnews.com", (AFTERSHOCK,))]
    ):
        join_story(app.db, story, source, summary="\n".join(sentences), dated=day1 + timedelta(hours=3 + n))
    day2 = day1 + timedelta(days=1)
    text = compose_for_chat(app, 3, now=day2).digest.document.text
    assert f"({QUAKE_HEADLINE})" in text
    assert all(s in text for s in (QUAKE_TOLL_41[0], EMERGENCY, AFTERSHOCK))
    deliver(app, 3, day2)
    # the chat's record holds all three (what it was told is never offered again as news)
    told = received_of(app.db, 3)[story].sentences
    assert {QUAKE_TOLL_41[0], EMERGENCY, AFTERSHOCK} <= set(told)


# --- another event is no revision ------------------------------------------------------------------

STORM_FIRST = "A tornado killed 9 people in the town of Millbrook on Friday night, the county sheriff said."
STORM_OTHER = (  # the same storm system, another town, another night
    "A second tornado killed 4 people in Ashford on Saturday night, the county sheriff said, a day after "
    "the storm hit Millbrook."
)


@pytest.mark.parametrize(
    "older, newer",
    [
        (STORM_FIRST, STORM_OTHER),  # "a second", another town, another night
        (
            "A rocket struck a school in Harlow Green on Monday, killing 6 pupils, the mayor said.",
            "A rocket struck a clinic in Eastfield Park on Monday, killing 3 patients, the mayor said.",
        ),  # names the gazetteer does not know, apart
        (
            "Police detained 30 fans in Lyon on Saturday after the match, the prefecture said.",
            "Police detained 52 fans in Lyon on Sunday after the match, the prefecture said.",
        ),  # two days' arrests: 82 in all
        (
            "Police detained 30 fans in Lyon after the match, the prefecture said.",
            "Police detained 52 fans in Lyon after another match, the prefecture said.",
        ),
        (
            "Flooding forced 300 residents from their homes on 3 March, the council said.",
            "Flooding forced 500 residents from their homes on 9 March, the council said.",
        ),  # two dates
        (
            "The strike stopped 40 trains at Kingsbury depot, the union said.",
            "The strike stopped 65 trains at Kingsbury depot and Westbourne, the union said.",
        ),  # a place added, and no word of a change
    ],
)
def test_a_count_of_another_event_does_not_revise_the_first(older, newer):
    assert not revises(newer, older)
    summary = story_summary([[older], [newer]], sentences=3, dates=[T0, T0 + timedelta(hours=20)])
    assert set(summary) == {older, newer}  # both events stay told


@pytest.mark.parametrize(
    "older, newer",
    [
        (STORM_FIRST, "The death toll from the Millbrook tornado rose to 13 on Saturday, the sheriff said."),
        (
            "Police detained 30 fans in Lyon on Saturday after the match, the prefecture said.",
            "The number of fans detained in Lyon after Saturday's match climbed to 52, the prefecture said.",
        ),
        (  # a short retelling of the new toll drops the first report's details and names
            "The earthquake struck off the coast of Vanuatu on Monday, killing at least 8 people in Port "
            "Vila and damaging the harbour, officials said.",
            "The death toll from the earthquake in Vanuatu rose to 14, the disaster office said.",
        ),
    ],
)
def test_a_word_of_change_revises_a_count_across_days(older, newer):
    assert revises(newer, older)


# --- updates: one ingest batch, the second sentence, shared tolls ----------------------------------


def batch(article_id, source, published_hours_ago, *sentences, arrived_hours_ago=4):
    """An article of one ingest batch: all arrived at once, published at their own times."""
    return Arrival(
        article_id,
        source,
        f"https://{source}/{article_id}",
        NOW - timedelta(hours=arrived_hours_ago),
        sentences,
        published=NOW - timedelta(hours=published_hours_ago),
    )


def test_two_tolls_of_one_ingest_batch_tell_only_the_newest_whatever_the_order_stored():
    toll_27 = batch(2, "limatoday.pe", 9, *QUAKE_TOLL_27)
    toll_41 = batch(3, "reuters.com", 6, QUAKE_TOLL_41[0], EMERGENCY)
    for later in ([toll_27, toll_41], [toll_41, toll_27]):
        story, arrivals, received = told_quake(*later)
        update = story_update(story, arrivals, received)
        assert update is not None
        assert QUAKE_TOLL_41[0] in update.summary and QUAKE_TOLL_27[0] not in update.summary
        assert EMERGENCY in update.summary
        assert update.sources == ("reuters.com",)  # the newest article telling news
    # published at one moment too: the later stored (the higher id) is the newer
    same = [batch(2, "limatoday.pe", 6, *QUAKE_TOLL_27), batch(3, "reuters.com", 6, QUAKE_TOLL_41[0])]
    update = story_update(*told_quake(*same))
    assert update is not None and QUAKE_TOLL_27[0] not in update.summary


def test_a_newer_toll_in_an_articles_second_sentence_replaces_the_older_one():
    detailed_27 = (
        "The death toll from the earthquake in southern Peru rose to 27 people, officials said, as "
        "rescuers searched collapsed buildings and schools in the Arequipa region."
    )
    toll_27 = arrival(2, "limatoday.pe", 10, detailed_27, QUAKE_TOLL_27[1])
    toll_41_second = arrival(
        3,
        "france24.com",
        3,
        AFTERSHOCK,
        "The death toll from the earthquake in southern Peru rose to 41, the civil defence institute said.",
    )
    story, arrivals, received = told_quake(toll_27, toll_41_second)
    update = story_update(story, arrivals, received)
    assert update is not None
    assert toll_41_second.sentences[1] in update.summary and AFTERSHOCK in update.summary
    assert detailed_27 not in update.summary  # the stale toll is no news


def test_articles_sharing_the_new_toll_each_bring_their_own_development():
    toll = "The death toll from the earthquake in southern Peru rose to 41, officials said."
    story, arrivals, received = told_quake(
        arrival(2, "limatoday.pe", 10, QUAKE_TOLL_27[0], "A girl was pulled alive from the rubble in Chala."),
        arrival(3, "andina.pe", 8, toll, EMERGENCY),
        arrival(4, "apnews.com", 6, AFTERSHOCK, toll),
        arrival(5, "efe.com", 4, toll, AID),
    )
    update = story_update(story, arrivals, received)
    assert update is not None and len(update.summary) == 4
    assert {toll, EMERGENCY, AFTERSHOCK} <= set(update.summary)  # no development lost to the shared toll
    assert {"andina.pe", "apnews.com"} <= set(update.sources)
    assert QUAKE_TOLL_27[0] not in update.summary


# --- the headline tells the latest figure too ---------------------------------------------------------


def test_of_two_tolls_dated_alike_the_headline_and_summary_tell_the_one_stored_last(app):
    """Two outlets' articles of one moment (a feed's minute): the later stored is the newer, as in an
    update, so the headline does not keep the toll the summary replaced."""
    first = ingest(app, "Peru quake kills 27", QUAKE_TOLL_27, "limatoday.pe", 3)
    second = ingest(app, "Peru quake kills 41", QUAKE_TOLL_41, "reuters.com", 3)
    assert second.story_id == first.story_id
    story = get_story(app.db, first.story_id)
    assert story.headline == "Peru quake kills 41"
    assert toll_of(story.summary) == [QUAKE_TOLL_41[0]]


def test_a_late_copy_of_an_older_toll_does_not_take_the_headline_back(app):
    first = ingest(app, "Peru quake kills 27", QUAKE_TOLL_27, "limatoday.pe", 0)
    ingest(app, "Peru quake kills 41", QUAKE_TOLL_41, "reuters.com", 3)
    late = ingest(app, "Peru quake kills 27", QUAKE_LATE_12[1:] + QUAKE_TOLL_27[:1], "slowwire.com", 6)
    assert late.story_id == first.story_id
    story = get_story(app.db, first.story_id)
    assert story.headline == "Peru quake kills 41"  # 27 is as old as its first telling
    assert toll_of(story.summary) == [QUAKE_TOLL_41[0]]


def test_an_update_s_headline_tells_the_toll_its_summary_tells(app):
    from briefing.service.digests import compose_for_chat
    from tests.digestkit import subscriber

    ingest(app, "Peru quake kills 27", QUAKE_TOLL_27, "limatoday.pe", 0)
    subscriber(app.db, 3, "06:00")
    deliver(app, 3, T0 + timedelta(hours=1))
    # two outlets at one moment after the digest: the newer toll, and a late copy of the old one
    ingest(app, "Peru quake kills 41", (QUAKE_TOLL_41[0], EMERGENCY), "reuters.com", 5)
    ingest(app, "Peru quake kills 27", (QUAKE_TOLL_27[0], AFTERSHOCK), "slowwire.com", 5)
    text = compose_for_chat(app, 3, now=T0 + timedelta(days=1)).digest.document.text
    assert "Update: Peru quake kills 41" in text and QUAKE_TOLL_41[0] in text
    assert QUAKE_TOLL_27[0] not in text


def test_revisions_compares_each_pair_of_wordings_once(monkeypatch):
    """Four outlets word the first toll, a fifth gives the new one: each pair of wordings of one figure is
    compared once (is_near_duplicate is symmetric), and the new toll still revises all four."""
    from briefing import facts

    wordings = [
        QUAKE_FIRST[0],
        QUAKE_LATE_12[0],
        "At least 12 people died in the magnitude 7.4 earthquake in southern Peru, officials said.",
        "The magnitude 7.4 earthquake in southern Peru killed 12 people, officials said on Tuesday.",
    ]
    sentences = [*wordings, QUAKE_TOLL_41[0]]
    told = {x: T0 + timedelta(hours=n) for n, x in enumerate(sentences)}
    pairs: list[frozenset[str]] = []
    compare = facts.is_near_duplicate

    def counted(a, b, **kwargs):
        pairs.append(frozenset((a, b)))
        return compare(a, b, **kwargs)

    monkeypatch.setattr(facts, "is_near_duplicate", counted)
    assert facts.revisions(sentences, told) == {0: 4, 1: 4, 2: 4, 3: 4}
    assert len(pairs) == len(set(pairs))  # no pair twice, whichever way round


# --- titles worded apart: the articles' sentences tell which count is outdated ------------------------

TITLE_12 = "Peru earthquake kills 12 in Arequipa"
TITLE_27 = "Peru quake toll climbs to 27 as rescuers search collapsed houses"
TITLE_41 = "Death toll in southern Peru earthquake rises to 41, emergency declared"
LATE_COPY_12 = (  # the first toll without its magnitude: fewer figures, nothing the first report lacks
    "A powerful earthquake struck southern Peru on Tuesday, killing at least 12 people in the Arequipa "
    "region, officials said.",
    "Rescue teams from Lima were sent to the Arequipa region to search collapsed houses for survivors.",
)


def test_a_headline_gives_way_to_the_title_with_the_newest_count_however_worded(app):
    first = ingest(app, TITLE_12, QUAKE_FIRST, "andeswire.pe", 0)
    ingest(app, TITLE_27, QUAKE_TOLL_27, "limatoday.pe", 3)
    assert get_story(app.db, first.story_id).headline == TITLE_27
    ingest(app, TITLE_41, (*QUAKE_TOLL_41[:1], EMERGENCY), "reuters.com", 8)
    story = get_story(app.db, first.story_id)
    assert len(story.article_ids) == 3
    assert story.headline == TITLE_41  # "climbs to 27" is not matched with "rises to 41" word for word
    assert toll_of(story.summary) == [QUAKE_TOLL_41[0]]


def test_a_late_copy_with_fewer_figures_brings_back_neither_its_toll_nor_its_title(app):
    first = ingest(app, TITLE_12, QUAKE_FIRST, "andeswire.pe", 0)
    ingest(app, TITLE_27, QUAKE_TOLL_27, "limatoday.pe", 3)
    ingest(app, TITLE_41, (*QUAKE_TOLL_41[:1], EMERGENCY), "reuters.com", 8)
    late = ingest(app, "Earthquake in Peru kills 12, officials say", LATE_COPY_12, "slowwire.com", 10)
    assert late.story_id == first.story_id
    story = get_story(app.db, first.story_id)
    assert story.headline == TITLE_41
    assert LATE_COPY_12[0] not in story.summary and QUAKE_TOLL_41[0] in story.summary


def test_a_copy_that_drops_a_figure_counts_from_the_first_telling():
    sentences = [QUAKE_FIRST[0], QUAKE_TOLL_41[0], LATE_COPY_12[0]]
    told = {x: T0 + timedelta(hours=n) for n, x in enumerate(sentences)}
    assert revisions(sentences, told) == {0: 1, 2: 1}  # the copy is as old as the 12 it restates
    summary = story_summary([[x] for x in sentences], sentences=3, dates=[told[x] for x in sentences])
    assert summary == (QUAKE_TOLL_41[0],)
    # one that adds a figure tells something new: it is as new as itself
    more = QUAKE_TOLL_41[0].replace("41 people", "41 people and injured 200")
    told = {QUAKE_TOLL_41[0]: T0, more: T0 + timedelta(hours=1)}
    assert revisions([QUAKE_TOLL_41[0], more], told) == {}


@pytest.mark.parametrize(
    "title, outdated",
    [
        (TITLE_27, True),  # its 27 is told only where 41 replaced it
        (TITLE_41, False),
        ("Magnitude 7.4 quake hits Peru", False),  # a magnitude is no count of the dead
        ("Peru quake: 27 rescuers sent to Arequipa", False),  # 27 of no count a sentence tells
        ("Second quake kills 5 in Chala", False),  # a count no sentence holds
    ],
)
def test_a_titles_count_is_outdated_when_the_sentences_holding_it_were_revised(title, outdated):
    carriers = {"#27": [QUAKE_TOLL_27[0]], "#41": [QUAKE_TOLL_41[0]], "#7.4": [QUAKE_TOLL_27[0]]}
    assert outdated_count(title, carriers, {QUAKE_TOLL_27[0]: QUAKE_TOLL_41[0]}) is outdated


def test_without_sentences_to_match_the_title_with_the_newest_count_is_the_headline():
    """Leads that hold no toll leave the titles to decide: a newer title's word of change ("toll rises
    to 41") outdates an older count of the same kind, however the rest is worded."""
    from briefing.stories import StoryArticle, Vectorizer, idf_of, medoid_title

    lead = "Rescue teams searched collapsed houses in the Arequipa region of southern Peru."
    titles = [TITLE_12, TITLE_27, TITLE_27, TITLE_41]  # two outlets carry the 27: the most typical title
    articles = [StoryArticle(n, t, lead, "x.pe", T0 + timedelta(hours=n)) for n, t in enumerate(titles)]
    assert medoid_title(articles[:3], Vectorizer(idf_of(articles[:3]))) == TITLE_27
    assert medoid_title(articles, Vectorizer(idf_of(articles))) == TITLE_41
    # another event's count is no revision: a second quake, or a town the other title does not name
    for other in ("Second quake toll rises to 5 in Chala", "Quake toll in Ecuador's El Oro rises to 5"):
        assert not revises(other, TITLE_12, titles=True)
    assert revises("Peru quake toll rises to 5", TITLE_12, titles=True)  # (a toll may be revised down)


def test_the_sentences_decide_where_the_titles_have_no_word_of_change_however_spaced():
    from briefing.stories import StoryArticle, Vectorizer, idf_of, latest_figures, medoid_title

    spaced_27 = (QUAKE_TOLL_27[0].replace(" rose", "  rose"),)  # a feed's double space
    leads = [QUAKE_FIRST, spaced_27, spaced_27, QUAKE_TOLL_41]
    # neither title has a word of change (a plain count after a running one, "toll climbs to 27", would be
    # its next figure: summ21)
    plain_27 = "Peru quake: 27 dead as rescuers search collapsed houses"
    titles = [TITLE_12, plain_27, plain_27, "Southern Peru quake: 41 dead, emergency declared"]
    articles = [
        StoryArticle(n, t, " ".join(lead), "x.pe", T0 + timedelta(hours=n))
        for n, (t, lead) in enumerate(zip(titles, leads, strict=True))
    ]
    vectors = Vectorizer(idf_of(articles))
    assert medoid_title(articles, vectors) == plain_27  # no word of change: the titles can't tell
    revised = latest_figures(leads, [a.when for a in articles])
    sentences = [x for lead in leads for x in lead]
    assert medoid_title(articles, vectors, sentences=sentences, revised=revised) == titles[3]


# --- a toll told in a long clause of another happening --------------------------------------------------

FIRE_26 = (
    "The number of people killed by the wildfire in southern Greece's Ilia region rose to 26 on Sunday,"
    " the fire service said.",
    "Water-bombing planes from Italy and Spain joined the firefighters near the village of Zacharo.",
)
FIRE_32 = (
    "Hundreds of villagers from Zacharo and nearby towns in Ilia gathered for a memorial service on Monday"
    " after the death toll from the wildfire reached 32, the fire service said.",
    "Firefighters and water-bombing planes were still battling the wildfire near the village of Zacharo.",
)


@pytest.mark.parametrize(
    "newer, same",
    [
        (FIRE_32[0], True),
        (FIRE_32[0].replace("the wildfire reached", "the bus crash reached"), False),  # another event
        (FIRE_32[0].replace("death toll from", "number injured in"), False),  # another count
    ],
)
def test_a_toll_told_after_another_happening_revises_the_older_toll_of_its_event(newer, same):
    """The newer toll's clause tells mostly of a memorial, not the words of the first report: the toll
    and the event it counts (the wildfire) make it the same running count."""
    assert revises(newer, FIRE_26[0]) is same


def test_a_toll_reached_at_a_funeral_revises_the_number_killed():
    older = (
        "The number of people killed by the landslide in western Nepal's Jajarkot district rose to 58 late"
        " on Wednesday, police said."
    )
    newer = (
        "Hundreds of mourners gathered in Jajarkot district on Thursday for a mass funeral after the death"
        " toll from Wednesday's landslide reached 63, police said."
    )
    assert revises(newer, older)
    summary = story_summary([[older], [newer]], sentences=3, dates=[T0, T0 + timedelta(hours=18)])
    assert summary == (newer,)


def test_a_story_leads_with_its_newest_toll_told_after_a_memorial(app):
    first = ingest(app, "Greece wildfire toll rises to 26", FIRE_26, "athensnews.gr", 0)
    second = ingest(app, "Greece wildfire toll reaches 32 as villagers mourn", FIRE_32, "reuters.com", 8)
    assert second.story_id == first.story_id
    story = get_story(app.db, first.story_id)
    assert story.headline == "Greece wildfire toll reaches 32 as villagers mourn"
    assert FIRE_32[0] in story.summary
    assert FIRE_26[0] not in story.summary  # superseded, not told before or beside the new toll
