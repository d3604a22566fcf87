"""How alerts name and tell a story as it grows (QA14a F2, F4, F7, F8): the announced next step of a
story leads its update, a followed country named in a headline alerts its follower, an update names the
story as the chat knows it, and a first alert held by the quiet hours leads with the report that broke
the story, not a later retelling. Real articles through ingest, sent through the loopback Bot API."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.alerts import named_in_headlines
from briefing.facts import restates
from briefing.service import App
from store.alerts import alerts_of
from store.search import actor_ids_named
from store.subscribers import follow, set_chat_alerts
from tests.digestkit import Clock, at
from tests.digestkit import dump_article as article
from tests.digestkit import ingest_text as ingest
from tests.digestkit import send_alerts as send

RULING_TITLE = "EU court upholds 2.4 billion euro fine on Google"
RULING = article(
    RULING_TITLE,
    "https://www.reuters.com/technology/eu-court-google-fine",
    "25 November 2026 09:05 GMT",
    "The European Union's General Court on Wednesday upheld a 2.4 billion euro antitrust fine imposed on"
    " Google for favouring its own shopping service in search results.",
    "The judges in Luxembourg rejected Google's argument that the European Commission had failed to prove"
    " harm to competitors.",
    "The fine was first imposed by the Commission in 2017.",
)
APPEAL_TITLE = "Google to appeal EU court ruling on shopping fine"
APPEAL_LEAD = (
    "Google said on Wednesday it would appeal to the European Court of Justice against the General Court"
    " ruling that upheld its 2.4 billion euro fine over its shopping service."
)
APPEAL = article(
    APPEAL_TITLE,
    "https://www.ft.com/content/google-appeal-eu-shopping-fine",
    "25 November 2026 14:20 GMT",
    APPEAL_LEAD,
    "A Google spokesperson said the company had already changed how shopping results appear in Europe in"
    " 2017 and that the ruling ignored those changes.",
    "The appeal must be filed within two months and ten days.",
)
SLIDE_TITLE = "Landslide buries village in western Nepal, killing at least 12"
SLIDE_LEAD = (
    "A landslide triggered by days of heavy rain buried most of the village of Thapagaun in western Nepal"
    " on Wednesday, killing at least 12 people, police said."
)
SLIDE = article(
    SLIDE_TITLE,
    "https://www.reuters.com/world/asia/nepal-landslide-village",
    "25 November 2026 04:10 GMT",
    SLIDE_LEAD,
    "Rescuers were digging through mud with shovels and bare hands, and about 30 villagers were still"
    " missing, district police chief Ramesh Adhikari said.",
    "The road to the village in Jajarkot district was blocked, and rescue teams had to walk for four hours"
    " to reach it.",
)
RETOLD_TITLE = "At least 12 dead after landslide hits Nepal village"
RETOLD = article(
    RETOLD_TITLE,
    "https://apnews.com/article/nepal-landslide-thapagaun-12-dead",
    "25 November 2026 05:20 GMT",
    "At least 12 people were killed when a landslide caused by heavy rain swept over Thapagaun, a village in"
    " western Nepal, on Wednesday, according to police.",
    "About 30 people were still missing, said Ramesh Adhikari, the district police chief, as rescuers dug"
    " through the mud by hand.",
    "Rescue teams had to walk four hours because the road into Jajarkot district was blocked.",
)
TOLL_TITLE = "Nepal landslide death toll rises to 41 as army joins rescue"
TOLL = article(
    TOLL_TITLE,
    "https://www.bbc.com/news/world-asia-nepal-landslide-toll-41",
    "25 November 2026 10:30 GMT",
    "The death toll from a landslide that buried the village of Thapagaun in western Nepal rose to 41 on"
    " Wednesday, officials said.",
    "Prime Minister Ram Bahadur Thapa ordered the Nepal Army to send helicopters to Jajarkot district to fly"
    " out the injured.",
)
FUNERAL_TITLE = "Nepal holds mass funeral as landslide toll reaches 63"
FUNERAL = article(
    FUNERAL_TITLE,
    "https://www.reuters.com/world/asia/nepal-landslide-funeral",
    "26 November 2026 12:10 GMT",
    "Hundreds of mourners gathered in Jajarkot district on Thursday for a mass funeral after the death toll"
    " from Wednesday's landslide reached 63, police said.",
    "Prime Minister Ram Bahadur Thapa visited Thapagaun and promised new homes for the 40 families who lost"
    " theirs.",
)


@pytest.fixture
def app(db, settings) -> App:
    return App(db=db, settings=settings, clock=Clock(at("2026-11-25T04:00")))


def links(message) -> list[str]:
    return [e["url"] for e in message.entities if e["type"] == "text_link"]


def test_a_step_announced_is_no_restatement_of_the_facts_it_reuses():
    ruling = RULING.split("\n\n")[2]
    assert not restates(APPEAL_LEAD, ruling)  # "would appeal": the ruling's words, and a new act
    # a retelling of the same announced step stays one fact, however worded
    assert restates(
        "Pieter Jansen said the dock workers would strike for 48 hours unless the operators improve"
        " their offer.",
        "Union leader Pieter Jansen said the dock workers would walk out for 48 hours unless the operators"
        " improved their offer.",
    )


async def appeal_update(app: App, tmp_path: Path, botapi, bot):
    """Chat 2 follows Google; it is alerted to the ruling, then the appeal comes: the update alert."""
    follow(app.db, 2, "topic", "Google", now=app.now())
    set_chat_alerts(app.db, 2, now=app.now(), quiet_hours="off")
    ingest(app, tmp_path, "2026-11-25T09:10", "ruling.txt", RULING)
    await send(app, bot, "2026-11-25T09:10")
    ingest(app, tmp_path, "2026-11-25T14:25", "appeal.txt", APPEAL)
    await send(app, bot, "2026-11-25T14:25")
    first, update = botapi.sent_messages(2)
    assert first.text.startswith("New about Google")
    return update


async def test_an_appeal_of_a_ruling_leads_its_update_alert(app, tmp_path, botapi, botapi_bot):
    update = await appeal_update(app, tmp_path, botapi, botapi_bot)
    lines = update.text.splitlines()
    assert lines[:3] == ["Update on Google", "", APPEAL_LEAD]


async def test_an_update_alert_names_the_story_by_the_headline_the_chat_was_told(
    app, tmp_path, botapi, botapi_bot
):
    update = await appeal_update(app, tmp_path, botapi, botapi_bot)
    lines = update.text.splitlines()
    # the new article's own title, then the story as the chat heard of it (the ruling), each linked
    assert APPEAL_TITLE in lines
    assert f"In the story: {RULING_TITLE}" in lines
    assert links(update)[0] == "https://www.ft.com/content/google-appeal-eu-shopping-fine"
    assert links(update)[-1] == "https://www.reuters.com/technology/eu-court-google-fine"


async def test_a_toll_update_links_the_first_report_as_the_story(app, tmp_path, botapi, botapi_bot):
    follow(app.db, 1, "topic", "Nepal", now=app.now())
    set_chat_alerts(app.db, 1, now=app.now(), quiet_hours="off")
    ingest(app, tmp_path, "2026-11-25T04:15", "slide.txt", SLIDE)
    await send(app, botapi_bot, "2026-11-25T04:15")
    ingest(app, tmp_path, "2026-11-25T10:35", "toll.txt", TOLL)
    await send(app, botapi_bot, "2026-11-25T10:35")
    _, update = botapi.sent_messages(1)
    lines = update.text.splitlines()
    assert lines[0] == "Update on Nepal"
    assert TOLL_TITLE in lines and f"In the story: {SLIDE_TITLE}" in lines


async def test_a_first_alert_held_by_the_night_leads_with_the_report_not_a_later_retelling(
    app, tmp_path, botapi, botapi_bot
):
    follow(app.db, 3, "topic", "landslide", now=app.now())  # quiet hours 22:00-07:00 UTC, the default
    (slide,) = ingest(app, tmp_path, "2026-11-25T04:15", "slide.txt", SLIDE)
    ingest(app, tmp_path, "2026-11-25T05:25", "retold.txt", RETOLD)
    await send(app, botapi_bot, "2026-11-25T07:00")
    (alert,) = botapi.sent_messages(3)
    lines = alert.text.splitlines()
    assert lines[:4] == ["New about landslide", "", SLIDE_TITLE, SLIDE_LEAD]
    assert not any(line.startswith("In the story") for line in lines)  # it is the story's first telling
    assert links(alert)[0] == "https://www.reuters.com/world/asia/nepal-landslide-village"
    assert [(a.development, a.article_id) for a in alerts_of(app.db, 3)] == [(0, slide)]


async def test_a_followed_country_named_only_in_a_headline_alerts_its_follower(
    app, tmp_path, botapi, botapi_bot
):
    ingest(app, tmp_path, "2026-11-25T04:15", "slide.txt", SLIDE)  # the archive learns Nepal from its body
    (nepal,) = actor_ids_named(app.db, "Nepal")
    follow(app.db, 4, "actor", "Nepal", actor_id=nepal, now=app.now())
    set_chat_alerts(app.db, 4, now=app.now(), quiet_hours="off")
    (funeral,) = ingest(app, tmp_path, "2026-11-26T12:20", "funeral.txt", FUNERAL)
    named = app.db.execute(
        "SELECT count(*) FROM mentions WHERE article_id = ? AND actor_id = ?", [funeral, nepal]
    )
    assert named.fetchone()[0] == 0  # the body names no Nepal the extractor takes: only the headline does
    await send(app, botapi_bot, "2026-11-26T12:20")
    (alert,) = botapi.sent_messages(4)
    assert alert.text.startswith("New about Nepal") and FUNERAL_TITLE in alert.text
    assert [a.article_id for a in alerts_of(app.db, 4)] == [funeral]


def test_a_name_in_a_headline_is_matched_as_whole_words_with_its_capitals():
    titles = {
        1: "Nepal's army ends search",
        2: "Nepalese rupee falls",
        3: "PM Ram Bahadur Thapa visits",
        4: "Shares may fall as rates rise",
        5: "THERESA MAY TO RESIGN",
    }
    names = ["Nepal", "Ram Bahadur Thapa", "Bahadur Ram", "Thapa", "May"]
    assert named_in_headlines(titles, names) == {
        "Nepal": {1},
        "Ram Bahadur Thapa": {3},
        "Thapa": {3},
        "May": {5},
    }
