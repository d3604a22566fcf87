"""A first alert held through the quiet hours, and the sentence an alert tells (QA17c F1, F3).

F1: a chat that follows Zelensky sleeps through the report that broke a story (he names a new defence
minister) and a later article of it (the minister orders an audit). The alert that goes out when the
quiet hours end must tell both, the news first, and the digest after it must not count the story as
told by an alert that left its main fact out. F3: an alert tells its article's lead when the lead names
what the chat follows in another word form ("the Portuguese island" for a follower of Portugal), not a
side sentence that names it literally. Real articles through ingest, a settable clock, and the alerts
and digests sent through the loopback Bot API."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.adapters.delivery import run_due_digests
from briefing.gazetteer import load_gazetteer
from briefing.service import App
from store.alerts import alerts_of
from store.digests import received_of
from store.search import actor_ids_named
from store.subscribers import follow, set_chat_alerts
from tests.digestkit import QUICK, Clock, at, fast_pacer, subscriber
from tests.digestkit import dump_article as article
from tests.digestkit import ingest_text as ingest
from tests.digestkit import send_alerts as send

NORDIC = article(
    "Zelensky meets Nordic leaders in Oslo on energy aid",
    "https://www.reuters.com/world/europe/zelensky-oslo-energy",
    "23 November 2026 09:00 GMT",
    "Ukrainian President Volodymyr Zelensky met the prime ministers of Norway, Sweden and Finland in Oslo on"
    " Monday to ask for more help with the country's power grid.",
    "Norwegian Prime Minister Jonas Gahr Store said Norway would give 300 million euros for transformers.",
)
MINISTER_TITLE = "Zelensky names new defence minister after reshuffle"
MINISTER_LEAD = (
    "Ukrainian President Volodymyr Zelensky named Denys Shmyhal as defence minister on Wednesday in a"
    " cabinet reshuffle approved by parliament."
)
MINISTER = article(
    MINISTER_TITLE,
    "https://www.reuters.com/world/europe/zelensky-defence-minister",
    "25 November 2026 09:55 GMT",
    MINISTER_LEAD,
    "Shmyhal, who was prime minister for five years, replaces Rustem Umerov, who becomes secretary of the"
    " national security council.",
    "Zelensky said the ministry must speed up procurement of drones and shells for the front line.",
)
AUDIT_TITLE = "Shmyhal orders audit of drone contracts"
AUDIT_LEAD = (
    "Ukraine's new defence minister Denys Shmyhal ordered an audit of all drone contracts signed this year,"
    " the ministry said on Wednesday."
)
AUDIT = article(
    AUDIT_TITLE,
    "https://kyivindependent.com/shmyhal-drone-audit",
    "25 November 2026 10:05 GMT",
    AUDIT_LEAD,
    "Volodymyr Zelensky backed the audit and said the results would be published within a month.",
    "Shmyhal replaced Rustem Umerov in a reshuffle approved by parliament.",
)
MADEIRA_LEAD = (
    "Strong winds closed the airport of Funchal on the Portuguese island of Madeira on Wednesday, diverting"
    " 30 flights."
)
MADEIRA = article(
    "Madeira airport closed by winds",
    "https://www.rtp.pt/en/madeira-airport-winds",
    "25 November 2026 09:55 GMT",
    MADEIRA_LEAD,
    "Portugal's civil protection agency issued an orange warning.",
)

CAROL, DAVE, EVE = 8, 9, 10


@pytest.fixture
def app(db, settings) -> App:
    return App(db=db, settings=settings, clock=Clock(at("2026-11-23T09:05")))


def flat(text: str) -> str:
    return " ".join(text.split())


async def reshuffle_overnight(app: App, tmp_path: Path, bot) -> int:
    """Carol (07:00 New York, quiet 22:00-07:00) and Dave (no quiet hours) follow Zelensky; the
    reshuffle breaks at 05:00 New York time and the audit joins its story ten minutes later."""
    ingest(app, tmp_path, "2026-11-23T09:05", "nordic.txt", NORDIC)
    (zelensky,) = actor_ids_named(app.db, "Volodymyr Zelensky")
    subscriber(app.db, CAROL, "07:00", "America/New_York")
    for chat in (CAROL, DAVE):
        follow(app.db, chat, "actor", "Volodymyr Zelensky", actor_id=zelensky, now=app.now())
    set_chat_alerts(app.db, DAVE, now=app.now(), quiet_hours="off")
    (minister,) = ingest(app, tmp_path, "2026-11-25T10:00", "minister.txt", MINISTER)
    await send(app, bot, "2026-11-25T10:00")
    ingest(app, tmp_path, "2026-11-25T10:10", "audit.txt", AUDIT)
    await send(app, bot, "2026-11-25T10:10")
    return minister


async def test_a_held_first_alert_tells_the_report_that_broke_the_story_and_the_news_after_it(
    app, tmp_path, botapi, botapi_bot
):
    minister = await reshuffle_overnight(app, tmp_path, botapi_bot)
    assert botapi.sent_messages(CAROL) == []  # 05:10 in New York: held
    await send(app, botapi_bot, "2026-11-25T12:00:30")
    (alert,) = botapi.sent_messages(CAROL)
    text = flat(alert.text)
    assert text.startswith("New about Volodymyr Zelensky")
    assert AUDIT_LEAD in text and MINISTER_LEAD in text  # the news, and the fact that broke the story
    assert text.index(AUDIT_LEAD) < text.index(MINISTER_LEAD)  # the newest news leads
    assert f"In the story: {MINISTER_TITLE}" in text
    urls = [e["url"] for e in alert.entities if e["type"] == "text_link"]
    assert urls[0] == "https://kyivindependent.com/shmyhal-drone-audit"
    assert "https://www.reuters.com/world/europe/zelensky-defence-minister" in urls
    # the alert keeps the report that broke the story; what it told is what the chat received
    assert [(a.development, a.article_id) for a in alerts_of(app.db, CAROL)] == [(0, minister)]
    story = alerts_of(app.db, CAROL)[0].story_id
    told = set(received_of(app.db, CAROL)[story].sentences)
    assert {MINISTER_LEAD, AUDIT_LEAD} <= told


async def test_what_a_held_alert_told_is_not_lost_between_it_and_the_digest(
    app, tmp_path, botapi, botapi_bot
):
    await reshuffle_overnight(app, tmp_path, botapi_bot)
    await send(app, botapi_bot, "2026-11-25T12:00:30")
    await run_due_digests(app, botapi_bot, now=app.clock.now, pacer=fast_pacer(), policy=QUICK)
    carol = flat(" ".join(m.text for m in botapi.sent_messages(CAROL)))
    dave = flat(" ".join(m.text for m in botapi.sent_messages(DAVE)))
    for lead in (MINISTER_LEAD, AUDIT_LEAD):  # Carol slept through both, and hears both as Dave did
        assert lead in dave and lead in carol
        assert carol.count(lead) == 1  # and once: the digest does not tell them again


async def test_a_held_first_alert_with_no_news_after_it_is_the_first_report_alone(
    app, tmp_path, botapi, botapi_bot
):
    ingest(app, tmp_path, "2026-11-23T09:05", "nordic.txt", NORDIC)
    (zelensky,) = actor_ids_named(app.db, "Volodymyr Zelensky")
    follow(app.db, CAROL, "actor", "Volodymyr Zelensky", actor_id=zelensky, now=app.now())
    ingest(app, tmp_path, "2026-11-25T03:00", "minister.txt", MINISTER)  # in the quiet hours (UTC)
    await send(app, botapi_bot, "2026-11-25T07:00")
    (alert,) = botapi.sent_messages(CAROL)
    lines = alert.text.splitlines()
    assert lines[:4] == ["New about Volodymyr Zelensky", "", MINISTER_TITLE, MINISTER_LEAD]
    assert not any(line.startswith("In the story") for line in lines)


async def test_a_lead_naming_the_followed_country_by_its_demonym_is_the_sentence_told(
    app, tmp_path, botapi, botapi_bot
):
    follow(app.db, EVE, "topic", "Portugal", now=app.now())
    set_chat_alerts(app.db, EVE, now=app.now(), quiet_hours="off")
    ingest(app, tmp_path, "2026-11-25T10:00", "madeira.txt", MADEIRA)
    await send(app, botapi_bot, "2026-11-25T10:00")
    (alert,) = botapi.sent_messages(EVE)
    lines = alert.text.splitlines()
    assert lines[:4] == ["New about Portugal", "", "Madeira airport closed by winds", MADEIRA_LEAD]


def test_a_countrys_nationality_words_name_it_and_a_part_of_the_state_does_not():
    gaz = load_gazetteer()
    assert gaz.demonyms_of("Portugal") == ("portuguese",)
    assert "ukrainian" in gaz.demonyms_of("Ukraine")
    assert "british" in gaz.demonyms_of("UK") and "english" not in gaz.demonyms_of("United Kingdom")
    assert gaz.demonyms_of("Volodymyr Zelensky") == gaz.demonyms_of("Madeira") == ()


async def test_news_stored_in_the_second_the_held_alert_was_queued_is_still_news_after_it(
    app, tmp_path, botapi, botapi_bot
):
    """Times are stored to the second: the audit ingested in the very second the reshuffle's alert was
    queued came after the report's batch all the same (the alert records the batch's last article), so
    the held alert tells it, and the digest does not count it told by an alert that left it out."""
    ingest(app, tmp_path, "2026-11-23T09:05", "nordic.txt", NORDIC)
    (zelensky,) = actor_ids_named(app.db, "Volodymyr Zelensky")
    subscriber(app.db, CAROL, "07:00", "America/New_York")
    follow(app.db, CAROL, "actor", "Volodymyr Zelensky", actor_id=zelensky, now=app.now())
    (minister,) = ingest(app, tmp_path, "2026-11-25T10:00", "minister.txt", MINISTER)
    (audit,) = ingest(app, tmp_path, "2026-11-25T10:00", "audit.txt", AUDIT)  # the clock has not moved
    assert [(a.article_id, a.batch_last) for a in alerts_of(app.db, CAROL)] == [(minister, minister)]
    await send(app, botapi_bot, "2026-11-25T12:00:30")
    (alert,) = botapi.sent_messages(CAROL)
    text = flat(alert.text)
    assert AUDIT_LEAD in text and MINISTER_LEAD in text
    assert text.index(AUDIT_LEAD) < text.index(f"In the story: {MINISTER_TITLE}") < text.index(MINISTER_LEAD)
    story = alerts_of(app.db, CAROL)[0].story_id
    assert {MINISTER_LEAD, AUDIT_LEAD} <= set(received_of(app.db, CAROL)[story].sentences)
    assert audit > minister


async def test_an_alert_queued_before_its_batch_was_recorded_goes_by_when_it_was_queued(
    app, tmp_path, botapi, botapi_bot
):
    """An alert from before m0028 holds no batch: the articles stored after the moment it was queued
    are the news it tells, as before."""
    minister = await reshuffle_overnight(app, tmp_path, botapi_bot)
    app.db.execute("UPDATE alerts SET batch_last = NULL")
    assert [(a.article_id, a.batch_last) for a in alerts_of(app.db, CAROL)] == [(minister, None)]
    await send(app, botapi_bot, "2026-11-25T12:00:30")
    (alert,) = botapi.sent_messages(CAROL)
    text = flat(alert.text)
    assert text.index(AUDIT_LEAD) < text.index(f"In the story: {MINISTER_TITLE}") < text.index(MINISTER_LEAD)


REACTION_TITLE = "Umerov welcomes Shmyhal as defence minister"
REACTION_LEAD = (
    "Outgoing defence minister Rustem Umerov welcomed the appointment of Denys Shmyhal as defence minister"
    " by Volodymyr Zelensky on Wednesday and said the reshuffle would help procurement."
)
REACTION = article(
    REACTION_TITLE,
    "https://www.ukrinform.net/umerov-welcomes-shmyhal",
    "25 November 2026 10:30 GMT",
    REACTION_LEAD,
    "Umerov becomes secretary of the national security council after the cabinet reshuffle.",
)
AUDIT_LATER = article(
    AUDIT_TITLE,
    "https://kyivindependent.com/shmyhal-drone-audit",
    "25 November 2026 10:45 GMT",
    AUDIT_LEAD,
    "Volodymyr Zelensky backed the audit and said the results would be published within a month.",
    "Shmyhal replaced Rustem Umerov in a reshuffle approved by parliament.",
)


async def test_a_held_alert_for_a_story_told_before_names_the_story_not_the_piece_that_queued_it(
    app, tmp_path, botapi, botapi_bot
):
    """QA20c F4: the reshuffle is in the archive before Carol follows Zelensky; at night a reaction piece
    joins its story (the alert is queued and held) and then the audit. The held alert tells the news and
    the reaction piece under their own titles, and names the story by its headline, as /brief does and
    as a later update alert does: never the reaction piece as "the story"."""
    ingest(app, tmp_path, "2026-11-23T09:05", "nordic.txt", NORDIC)
    ingest(app, tmp_path, "2026-11-25T10:00", "minister.txt", MINISTER)
    (zelensky,) = actor_ids_named(app.db, "Volodymyr Zelensky")
    subscriber(app.db, CAROL, "07:00", "America/New_York")
    follow(app.db, CAROL, "actor", "Volodymyr Zelensky", actor_id=zelensky, now=at("2026-11-25T10:05"))
    ingest(app, tmp_path, "2026-11-25T10:35", "reaction.txt", REACTION)
    await send(app, botapi_bot, "2026-11-25T10:35")
    ingest(app, tmp_path, "2026-11-25T10:50", "audit.txt", AUDIT_LATER)
    await send(app, botapi_bot, "2026-11-25T10:50")
    assert botapi.sent_messages(CAROL) == []  # 05:50 in New York: held
    await send(app, botapi_bot, "2026-11-25T12:00:30")
    (alert,) = botapi.sent_messages(CAROL)
    lines = [flat(line) for line in alert.text.splitlines()]
    named = [line for line in lines if line.startswith("In the story:")]
    assert named and REACTION_TITLE not in named[0]
    assert REACTION_TITLE in lines  # the piece is told, under its own title
    assert lines.index(REACTION_TITLE) < lines.index(named[0])
    assert named[0].startswith(f"In the story: {MINISTER_TITLE}")
