"""Alerts to followers: once per story per chat, quiet hours, folded into the digest, sent through the
loopback server."""

import asyncio
import re
from datetime import UTC, datetime, timedelta

import pytest

from briefing.adapters.delivery import run_due_digests, send_due_alerts
from briefing.alerts import compose_alert, compose_update_alert, followed_lead
from briefing.digest import Arrival
from briefing.models import Article, Story
from briefing.render import to_plain
from briefing.service import App
from briefing.service.polling import queue_alerts
from store import open_db
from store.alerts import alerts_of
from store.subscribers import follow, mark_unreachable, set_active, set_chat_alerts, unfollow
from tests.botapi import Fault
from tests.conftest import FIXTURES
from tests.digestkit import QUICK, Clock, add_actor, add_story, fast_pacer, join_story, subscriber

NOON = datetime(2025, 1, 23, 12, 0, tzinfo=UTC)


@pytest.fixture
def app(db, settings) -> App:
    return App(db=db, settings=settings, clock=Clock(NOON))


def article_ids(db, story_id: int) -> list[int]:
    return [r[0] for r in db.execute("SELECT id FROM articles WHERE story_id = ?", [story_id]).fetchall()]


def test_one_alert_per_story_per_chat_for_actor_and_topic_follows(app, db):
    kellogg = add_actor(db, "Keith Kellogg")
    story = add_story(
        db, "Kellogg in Kyiv", updated=NOON, body="Kellogg met Oreshnik engineers.", actors=[kellogg]
    )
    follow(db, 1, "actor", "Keith Kellogg", now=NOON, actor_id=kellogg)
    follow(db, 2, "topic", "oreshnik", now=NOON)
    follow(db, 3, "topic", "Bundestag", now=NOON)
    assert queue_alerts(app, article_ids(db, story), now=NOON) == 2
    assert [(a.story_id, a.reason, a.state, a.due_at) for a in alerts_of(db, 1)] == [
        (story, "Keith Kellogg", "pending", NOON)
    ]
    assert alerts_of(db, 2)[0].reason == "oreshnik" and alerts_of(db, 3) == []
    # another article joins the story: still one alert each
    more = add_story(db, "Kellogg again", updated=NOON, actors=[kellogg])
    db.execute("UPDATE articles SET story_id = ? WHERE story_id = ?", [story, more])
    assert queue_alerts(app, article_ids(db, story), now=NOON) == 0


def test_quiet_hours_defer_the_alert_to_the_morning_in_the_chats_zone(app, db):
    story = add_story(db, "Night news", updated=NOON, body="Oreshnik launch.")
    subscriber(db, 1, "08:00", "Europe/Kyiv")
    follow(db, 1, "topic", "Oreshnik", now=NOON)
    follow(db, 2, "topic", "Oreshnik", now=NOON)  # follows without subscribing: the default zone, UTC
    late = datetime(2025, 1, 23, 21, 0, tzinfo=UTC)  # 23:00 in Kyiv, 21:00 in UTC
    assert queue_alerts(app, article_ids(db, story), now=late) == 2
    assert alerts_of(db, 1)[0].due_at == datetime(2025, 1, 24, 5, 0, tzinfo=UTC)  # 07:00 Kyiv
    assert alerts_of(db, 2)[0].due_at == late


def test_no_alert_for_a_chat_that_blocked_the_bot_or_a_story_it_already_received(app, db):
    story = add_story(db, "Old news", updated=NOON, body="Oreshnik launch.")
    subscriber(db, 1, "08:00")
    mark_unreachable(db, 1, reason="Forbidden: bot was blocked by the user", now=NOON)
    subscriber(db, 2, "08:00")
    db.execute(
        "INSERT INTO delivered_stories (chat_id, story_id, digest_date) VALUES (2, ?, '2025-01-23')", [story]
    )
    for chat in (1, 2):
        follow(db, chat, "topic", "Oreshnik", now=NOON)
    assert queue_alerts(app, article_ids(db, story), now=NOON) == 0


def test_unsubscribing_from_the_digest_keeps_the_alerts_of_follows(app, db):
    story = add_story(db, "News", updated=NOON, body="Oreshnik launch.")
    subscriber(db, 1, "08:00")
    follow(db, 1, "topic", "Oreshnik", now=NOON)
    set_active(db, 1, False, now=NOON)  # /unsubscribe
    assert queue_alerts(app, article_ids(db, story), now=NOON) == 1


async def test_an_alert_for_a_story_that_grew_leads_with_the_new_article(app, db, botapi, botapi_bot):
    """The article that brought the story back is the news: its title, link and first sentence come
    first, then the story it joined. Another of its batch (stored with it, not about what is followed)
    does not take its place; one that arrives after the alert was queued leads it, the report that made
    the alert told after it (QA17c F1: neither is left untold), and the story is still named by its
    headline, not by the piece that brought it back (QA20c F4)."""
    yesterday = NOON - timedelta(days=1)
    story = add_story(db, "Trump taps Kellogg as envoy", updated=yesterday, summary="Trump named him.")
    # a feed poll takes its time before it stores: the article arrives seconds after the poll's "now"
    stored = NOON + timedelta(seconds=3)
    new = join_story(
        db, story, "Reuters", summary="Kellogg landed in Kyiv on Tuesday.", dated=NOON, ingested=stored
    )
    other = join_story(db, story, "DW", summary="Markets were calm.", dated=NOON, ingested=stored)
    follow(db, 1001, "topic", "Kyiv", now=NOON)
    follow(db, 1002, "topic", "Kyiv", now=NOON)
    set_chat_alerts(db, 1002, now=NOON, quiet_hours="11:00-12:04")  # its alert waits till 12:04
    app.clock.now = stored  # the poll's entries are stored; its alerts are queued now
    assert queue_alerts(app, [new, other], now=NOON) == 2  # DW's, newer, is not about Kyiv
    assert (await send_due_alerts(app, botapi_bot, now=stored, pacer=fast_pacer(), policy=QUICK)).sent == 1
    (msg,) = botapi.sent_messages(1001)
    assert msg.text.splitlines()[:5] == [
        "New about Kyiv",
        "",
        f"Reuters on story {story}",
        "Kellogg landed in Kyiv on Tuesday.",
        "In the story: Trump taps Kellogg as envoy (2 sources)",
    ]
    links = [e["url"] for e in msg.entities if e["type"] == "text_link"]
    assert links[0].startswith(f"https://reuters.example/{story}/")
    later_news = join_story(db, story, "AP", summary="Later news.", dated=NOON + timedelta(minutes=5))
    later = NOON + timedelta(minutes=5)
    assert (await send_due_alerts(app, botapi_bot, now=later, pacer=fast_pacer(), policy=QUICK)).sent == 1
    (msg,) = botapi.sent_messages(1002)
    assert msg.text.splitlines()[:7] == [  # the story is named by its headline, not by Reuters's piece
        "New about Kyiv",
        "",
        f"AP on story {story}",
        "Later news.",
        f"Reuters on story {story}",
        "Kellogg landed in Kyiv on Tuesday.",
        "In the story: Trump taps Kellogg as envoy (3 sources)",
    ]
    assert "Markets were calm" not in msg.text
    assert [a.article_id for a in alerts_of(db, 1002)] == [new] != [later_news]


def test_an_alert_for_a_new_story_keeps_its_headline():
    story = Story(1, "Quake hits <Peru>", (1,), ("DW",), NOON, NOON, ("Ten died.",), ("https://dw.example/1",),
                  headline_url="https://dw.example/1")  # fmt: skip
    same = Article(1, "Quake hits <Peru>", "Ten died.", "DW", NOON, "h", url="https://dw.example/1")
    for newest in (None, same):
        text = to_plain(compose_alert(story, ["Peru"], newest))
        assert text.splitlines()[2:4] == ["Quake hits <Peru> <https://dw.example/1>", "Ten died."]
        assert "In the story" not in text


async def test_alerts_are_sent_once_when_due(app, db, botapi, botapi_bot):
    spoke = "He arrived & spoke of Oreshnik."  # the lead names what is followed: it stays the lead
    story = add_story(db, "Kellogg <in> Kyiv", updated=NOON, body=spoke, summary=spoke)
    follow(db, 1001, "topic", "Oreshnik", now=NOON)
    queue_alerts(app, article_ids(db, story), now=NOON)
    report = await send_due_alerts(app, botapi_bot, now=NOON, pacer=fast_pacer(), policy=QUICK)
    assert report.sent == 1
    (msg,) = botapi.sent_messages(1001)
    assert msg.text.startswith("New about Oreshnik\n\nKellogg <in> Kyiv\nHe arrived & spoke of Oreshnik.")
    assert (await send_due_alerts(app, botapi_bot, now=NOON, pacer=fast_pacer())).sent == 0
    assert alerts_of(db, 1001)[0].state == "sent" and len(botapi.sent_messages(1001)) == 1


async def test_a_night_alert_is_folded_into_the_morning_digest(app, db, botapi, botapi_bot):
    story = add_story(db, "Night news", updated=datetime(2025, 1, 23, 23, 0, tzinfo=UTC), body="Oreshnik.")
    subscriber(db, 1, "06:30", "UTC")
    follow(db, 1, "topic", "Oreshnik", now=NOON)
    queue_alerts(app, article_ids(db, story), now=datetime(2025, 1, 23, 23, 0, tzinfo=UTC))
    morning = datetime(2025, 1, 24, 6, 30, tzinfo=UTC)
    assert (await send_due_alerts(app, botapi_bot, now=morning, pacer=fast_pacer())).sent == 0  # not yet
    app.clock.now = morning
    await run_due_digests(app, botapi_bot, now=morning, pacer=fast_pacer(), policy=QUICK)
    await send_due_alerts(app, botapi_bot, now=morning + timedelta(hours=1), pacer=fast_pacer())
    (msg,) = botapi.sent_messages(1)
    assert msg.text.startswith("Your digest for Friday 24 January") and "Night news" in msg.text
    assert "You follow Oreshnik" in msg.text
    assert alerts_of(db, 1)[0].state == "folded"


async def test_a_blocked_follower_stops_getting_alerts(app, db, botapi, botapi_bot):
    s1 = add_story(db, "One", updated=NOON, body="Oreshnik one.")
    s2 = add_story(db, "Two", updated=NOON, body="Oreshnik two.")
    follow(db, 5, "topic", "Oreshnik", now=NOON)
    queue_alerts(app, article_ids(db, s1) + article_ids(db, s2), now=NOON)
    botapi.inject(Fault.blocked(), "sendMessage", chat_id=5, times=None)
    report = await send_due_alerts(app, botapi_bot, now=NOON, pacer=fast_pacer(), policy=QUICK)
    assert (report.sent, report.deactivated) == (0, 1)
    assert len(botapi.requests("sendMessage", chat_id=5)) == 1
    assert {a.state for a in alerts_of(db, 5)} == {"dropped"}


async def test_a_burst_of_alerts_is_spread_at_most_four_an_hour_and_none_is_lost(app, db, botapi, botapi_bot):
    assert app.settings.alerts_per_hour == 4
    stories = [add_story(db, f"Story {k}", updated=NOON, body=f"Oreshnik news {k}.") for k in range(6)]
    follow(db, 7, "topic", "Oreshnik", now=NOON)
    queue_alerts(app, [a for s in stories for a in article_ids(db, s)], now=NOON)

    async def send(at):
        app.clock.now = at
        return (await send_due_alerts(app, botapi_bot, now=at, pacer=fast_pacer(), policy=QUICK)).sent

    assert await send(NOON) == 4
    assert (
        sorted(a.due_at for a in alerts_of(db, 7) if a.state == "pending") == [NOON + timedelta(hours=1)] * 2
    )
    assert await send(NOON + timedelta(minutes=30)) == 0
    assert await send(NOON + timedelta(hours=1)) == 2
    assert {a.state for a in alerts_of(db, 7)} == {"sent"}
    assert len(botapi.sent_messages(7)) == 6


async def test_a_follower_who_blocked_the_bot_gets_no_new_alerts_until_it_writes_again(
    app, db, botapi, botapi_bot
):
    from briefing.service.commands import Asker, answer, load_all

    load_all()
    s1 = add_story(db, "One", updated=NOON, body="Oreshnik one.")
    follow(db, 5, "topic", "Oreshnik", now=NOON)  # follows, never subscribed: nothing to deactivate
    queue_alerts(app, article_ids(db, s1), now=NOON)
    botapi.inject(Fault.blocked(), "sendMessage", chat_id=5, times=1)
    await send_due_alerts(app, botapi_bot, now=NOON, pacer=fast_pacer(), policy=QUICK)
    s2 = add_story(db, "Two", updated=NOON, body="Oreshnik two.")
    assert queue_alerts(app, article_ids(db, s2), now=NOON) == 0  # not one refused request per story
    await answer(app, "/following", Asker(chat_id=5, user_id=5))  # the user is back
    s3 = add_story(db, "Three", updated=NOON, body="Oreshnik three.")
    assert queue_alerts(app, article_ids(db, s3), now=NOON) == 1
    assert (await send_due_alerts(app, botapi_bot, now=NOON, pacer=fast_pacer(), policy=QUICK)).sent == 1
    assert [m.text.split("\n")[2] for m in botapi.sent_messages(5)] == ["Three"]


async def test_an_alert_held_back_by_the_hourly_cap_waits_out_the_quiet_hours(app, db, botapi, botapi_bot):
    evening = datetime(2025, 1, 23, 21, 10, tzinfo=UTC)  # the chat is on UTC: quiet from 22:00
    stories = [add_story(db, f"Story {k}", updated=evening, body=f"Oreshnik news {k}.") for k in range(5)]
    subscriber(db, 7, "08:00")
    follow(db, 7, "topic", "Oreshnik", now=NOON)
    queue_alerts(app, [a for s in stories for a in article_ids(db, s)], now=evening)

    async def send(at):
        app.clock.now = at
        return (await send_due_alerts(app, botapi_bot, now=at, pacer=fast_pacer(), policy=QUICK)).sent

    assert await send(evening) == 4
    (held,) = [a for a in alerts_of(db, 7) if a.state == "pending"]
    assert held.due_at == datetime(2025, 1, 24, 7, 0, tzinfo=UTC)  # not 22:10
    assert await send(datetime(2025, 1, 23, 22, 10, tzinfo=UTC)) == 0
    assert await send(datetime(2025, 1, 24, 7, 0, tzinfo=UTC)) == 1


async def test_an_alert_due_in_the_quiet_hours_is_held_back_again_when_sending(app, db, botapi, botapi_bot):
    story = add_story(db, "Story", updated=NOON, body="Oreshnik news.")
    subscriber(db, 7, "08:00")
    follow(db, 7, "topic", "Oreshnik", now=NOON)
    queue_alerts(app, article_ids(db, story), now=NOON)
    night = datetime(2025, 1, 23, 23, 0, tzinfo=UTC)  # the bot was down from noon until the night
    app.clock.now = night
    report = await send_due_alerts(app, botapi_bot, now=night, pacer=fast_pacer(), policy=QUICK)
    assert report.sent == 0 and alerts_of(db, 7)[0].due_at == datetime(2025, 1, 24, 7, 0, tzinfo=UTC)


async def test_an_alert_queued_before_blocking_or_unfollowing_is_not_sent(app, db, botapi, botapi_bot):
    s1 = add_story(db, "First", updated=NOON, body="Oreshnik news.")
    s2 = add_story(db, "Second", updated=NOON, body="Kursk news.")
    subscriber(db, 7, "08:00")
    subscriber(db, 8, "08:00")
    follow(db, 7, "topic", "Oreshnik", now=NOON)
    follow(db, 8, "topic", "Kursk", now=NOON)
    queue_alerts(app, article_ids(db, s1) + article_ids(db, s2), now=NOON)
    mark_unreachable(db, 7, reason="Forbidden: bot was blocked by the user", now=NOON)
    unfollow(db, 8, "Kursk")
    report = await send_due_alerts(app, botapi_bot, now=NOON, pacer=fast_pacer(), policy=QUICK)
    assert report.sent == 0 and botapi.requests("sendMessage") == []
    assert [(a.state, a.error.split(":")[0]) for a in alerts_of(db, 7) + alerts_of(db, 8)] == [
        ("dropped", "not sent"),
        ("dropped", "not sent"),
    ]


def test_the_terminal_chat_gets_no_alert_queued_for_telegram(app, db):
    story = add_story(db, "News", updated=NOON, body="Oreshnik launch.")
    follow(db, 0, "topic", "Oreshnik", now=NOON)  # /follow typed in the terminal chat
    assert queue_alerts(app, article_ids(db, story), now=NOON) == 0


async def test_bot_py_ingest_queues_alerts_once_per_story_and_the_running_bot_sends_them(
    app, db, tmp_path, botapi, botapi_bot
):
    import bot

    follow(db, 8, "topic", "trawler crews", now=NOON)
    path = db.conn.execute("PRAGMA database_list").fetchone()[2]
    old = FIXTURES / "dumps" / "harbour_gazette.txt"
    today = f"{datetime.now(UTC):%d %B %Y}".lstrip("0")
    dump = tmp_path / "harbour_gazette_today.txt"  # the same news, dated today
    dump.write_text(
        re.sub(r"\d{1,2} March 2025|March \d{1,2}, 2025", today, old.read_text(encoding="utf-8")),
        encoding="utf-8",
    )
    cli = ["--db", path, "ingest", "--no-progress", str(dump)]
    assert await asyncio.to_thread(bot.main, cli) == 0  # its own connection, as another process has
    (alert,) = alerts_of(db, 8)
    assert alert.state == "pending" and alert.reason == "trawler crews"
    assert await asyncio.to_thread(bot.main, cli) == 0  # nothing new: no alert again
    assert len(alerts_of(db, 8)) == 1
    # the bot's feed tick sends what is due from the store, whoever queued it
    assert alert.due_at is not None
    report = await send_due_alerts(app, botapi_bot, now=alert.due_at, pacer=fast_pacer(), policy=QUICK)
    assert report.sent == 1 and "Fishing fleet" in botapi.sent_messages(8)[0].text


async def test_an_old_archive_ingested_today_alerts_no_one(tmp_path):
    import bot

    path = tmp_path / "archive.db"
    fresh = open_db(path)
    follow(fresh, 8, "topic", "trawler crews", now=NOON)
    old = FIXTURES / "dumps" / "harbour_gazette.txt"  # dated 2 March 2025: news then, not now
    assert await asyncio.to_thread(bot.main, ["--db", str(path), "ingest", "--no-progress", str(old)]) == 0
    assert fresh.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    assert alerts_of(fresh, 8) == []
    fresh.conn.close()


async def test_ingest_sources_queues_alerts_in_batches_once_per_story(app, db, monkeypatch):
    from briefing.service import ingest

    follow(db, 9, "topic", "harbour", now=NOON)
    monkeypatch.setattr(ingest, "ALERT_BATCH", 1)  # each article its own query: still one alert a story
    report = await ingest.ingest_sources(app, [str(FIXTURES / "dumps")])
    stories = {r[0] for r in db.execute("SELECT story_id FROM articles WHERE body LIKE '%harbour%'")}
    assert report.new > 1 and report.alerts == len(stories) == len(alerts_of(db, 9)) > 0


async def test_a_polls_side_report_stored_with_the_alerts_article_never_leads_it(app, db, botapi, botapi_bot):
    """A feed poll's "now" is taken before its entries are read: an entry page read a minute later is
    still of the batch that queued the alert, not news that came while the alert waited (QA17c F1)."""
    story = add_story(db, "Trump taps Kellogg as envoy", updated=NOON - timedelta(days=1), summary="Named.")
    stored = NOON + timedelta(minutes=1)
    new = join_story(
        db, story, "Reuters", summary="Kellogg landed in Kyiv on Tuesday.", dated=NOON, ingested=stored
    )
    other = join_story(db, story, "DW", summary="Markets were calm.", dated=NOON, ingested=stored)
    follow(db, 1003, "topic", "Kyiv", now=NOON)
    set_chat_alerts(db, 1003, now=NOON, quiet_hours="11:00-12:04")
    app.clock.now = stored  # the poll's entries are stored; its alerts are queued now
    assert queue_alerts(app, [new, other], now=NOON) == 1
    later = NOON + timedelta(minutes=5)
    app.clock.now = later
    assert (await send_due_alerts(app, botapi_bot, now=later, pacer=fast_pacer(), policy=QUICK)).sent == 1
    (msg,) = botapi.sent_messages(1003)
    assert msg.text.splitlines()[2:4] == [f"Reuters on story {story}", "Kellogg landed in Kyiv on Tuesday."]
    assert "Markets were calm" not in msg.text


SPILL_LEAD = (
    "Commuters in Campinas faced delays on Tuesday after shuttle cancellations linked to the metro strike."
)
SPILL_SIDE = "Campinas airport officials apologised."


def _spill(summary: tuple[str, ...]) -> tuple[Story, list[Arrival]]:
    """An update of the metro strike story: Campinas's article, whose lead the chat was judged told (the
    spill-over leads of other cities said the same), leaving ``summary``."""
    update = Story(
        1, "Campinas airport disrupted", (7,), ("g1",), NOON, NOON, summary, ("https://g1.example/7",)
    )
    arrivals = [
        Arrival(3, "folha", "https://folha.example/3", NOON, ("Metro workers in São Paulo walked out.",)),
        Arrival(7, "g1", "https://g1.example/7", NOON, (SPILL_LEAD, SPILL_SIDE)),
    ]
    return update, arrivals  # fmt: skip


def test_an_update_whose_one_fact_follows_a_lead_judged_told_keeps_the_lead():
    """QA20c F7: "Campinas airport officials apologised." alone means nothing; its lead comes first."""
    update, arrivals = _spill((SPILL_SIDE,))
    assert followed_lead(update, arrivals) == SPILL_LEAD
    story = Story(1, "São Paulo metro strike", (3, 7), ("folha", "g1"), NOON, NOON, (), ())
    doc = compose_update_alert(update, story, ["São Paulo"], lead=followed_lead(update, arrivals))
    lines = [line for line in to_plain(doc).splitlines() if line]
    assert lines[1:3] == [SPILL_LEAD, SPILL_SIDE]


def test_an_update_that_tells_a_lead_needs_no_lead_before_it():
    assert followed_lead(*_spill((SPILL_LEAD,))) is None
    assert followed_lead(*_spill((SPILL_LEAD, SPILL_SIDE))) is None


def test_an_update_of_side_sentences_alone_keeps_the_first_one_s_lead():
    """Two spill-over articles, each's lead judged told: their side sentences are not the news alone."""
    update, arrivals = _spill((SPILL_SIDE, "Belem ferry officials apologised."))
    assert followed_lead(update, arrivals) == SPILL_LEAD
