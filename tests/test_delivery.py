"""Digests delivered through the real telegram.Bot to the loopback Bot API server: order across zones,
restarts, crashes, Telegram's errors, and nothing sent twice."""

import asyncio
import re
from datetime import UTC, date, datetime, timedelta

import pytest
from telegram import Bot

from briefing.adapters.delivery import recover, run_due_digests
from briefing.adapters.pacer import Limits, Pacer
from briefing.adapters.sender import SendPolicy
from briefing.service import App
from store import deliveries
from store.subscribers import follow, get_subscriber, is_unreachable
from tests.botapi import Chat, Fault, RateLimits, Window
from tests.digestkit import (
    QUICK,
    Clock,
    add_actor,
    add_story,
    digest_received,
    fast_pacer,
    join_story,
    received_twice,
    sends,
    subscriber,
)

T0 = datetime(2025, 1, 23, 4, 0, tzinfo=UTC)
DAY = date(2025, 1, 23)


class Crash(BaseException):
    """Stands in for kill -9: nothing after it runs, nothing is cleaned up."""


class CrashingBot:
    """Forwards to a real bot until the ``after``-th message, then dies: ``accepted=True`` after
    Telegram accepted that message (before we could record it), else just before sending it."""

    def __init__(self, bot, *, after: int, accepted: bool):
        self.bot, self.after, self.accepted, self.calls, self.dead = bot, after, accepted, 0, False

    async def send_message(self, *args, **kwargs):
        if self.dead:
            raise Crash
        self.calls += 1
        if self.calls == self.after and not self.accepted:
            self.dead = True
            raise Crash
        message = await self.bot.send_message(*args, **kwargs)
        if self.calls == self.after:
            self.dead = True
            raise Crash
        return message


@pytest.fixture
def clock() -> Clock:
    return Clock(T0)


@pytest.fixture
def app(db, settings, clock) -> App:
    return App(db=db, settings=settings, clock=clock)


async def tick(app: App, bot, at: datetime, *, pacer=None, policy=QUICK):
    app.clock.now = at
    return await run_due_digests(app, bot, now=at, pacer=pacer or fast_pacer(), policy=policy)


def news(db, n: int = 2, *, at: datetime = T0, **kwargs) -> list[int]:
    return [
        add_story(db, f"Story {i}", updated=at - timedelta(minutes=10 * i), **kwargs) for i in range(1, n + 1)
    ]


async def test_subscribers_in_different_zones_get_their_digest_in_time_order(app, db, botapi, botapi_bot):
    news(db, 2, at=datetime(2025, 1, 22, 23, 0, tzinfo=UTC))
    subscriber(db, 4, "08:00", "America/New_York")  # 13:00 UTC
    subscriber(db, 2, "07:30", "Europe/Kyiv")  # 05:30 UTC
    subscriber(db, 1, "09:00", "Asia/Tokyo")  # 00:00 UTC
    subscriber(db, 3, "08:00", "UTC")
    first_seen: dict[int, datetime] = {}
    at = datetime(2025, 1, 22, 23, 0, tzinfo=UTC)
    while at <= datetime(2025, 1, 23, 14, 0, tzinfo=UTC):
        await tick(app, botapi_bot, at)
        for r in sends(botapi):
            first_seen.setdefault(r.chat_id, at)
        at += timedelta(minutes=30)
    assert [r.chat_id for r in sends(botapi)] == [1, 2, 3, 4]
    assert first_seen[1] == datetime(2025, 1, 23, 0, 0, tzinfo=UTC)
    assert first_seen[2] == datetime(2025, 1, 23, 5, 30, tzinfo=UTC)
    assert first_seen[4] == datetime(2025, 1, 23, 13, 0, tzinfo=UTC)
    assert received_twice(botapi) == []
    for chat in (1, 2, 3, 4):
        assert [p.state for p in deliveries.parts_of(db, chat, DAY)] == ["sent"]


async def test_digest_crossing_the_spring_forward_gap_arrives_at_the_jump(app, db, botapi, botapi_bot):
    news(db, 1, at=datetime(2025, 3, 9, 6, 0, tzinfo=UTC))
    subscriber(db, 1, "02:30", "America/New_York")
    await tick(app, botapi_bot, datetime(2025, 3, 9, 6, 59, 30, tzinfo=UTC))  # 01:59:30 EST
    assert sends(botapi) == []
    await tick(app, botapi_bot, datetime(2025, 3, 9, 7, 0, tzinfo=UTC))  # 03:00 EDT
    assert len(sends(botapi)) == 1
    assert deliveries.parts_of(db, 1, date(2025, 3, 9))[0].state == "sent"


async def test_a_restart_before_the_digest_time_sends_it_on_time(app, db, botapi, botapi_bot):
    news(db)
    subscriber(db, 1, "08:00")
    assert (await tick(app, botapi_bot, datetime(2025, 1, 23, 7, 59, 30, tzinfo=UTC))).sent == 0
    recover(app)  # the restart
    report = await tick(app, botapi_bot, datetime(2025, 1, 23, 8, 0, 10, tzinfo=UTC))
    assert (report.composed, report.sent) == (1, 1)


async def test_a_restart_after_the_digest_time_sends_it_late_once(app, db, botapi, botapi_bot):
    news(db)
    subscriber(db, 1, "08:00")
    recover(app)
    report = await tick(app, botapi_bot, datetime(2025, 1, 23, 11, 0, tzinfo=UTC))  # down 06:00-11:00
    assert (report.composed, report.sent, report.skipped) == (1, 1, 0)
    again = await tick(app, botapi_bot, datetime(2025, 1, 23, 11, 0, 30, tzinfo=UTC))
    assert (again.composed, again.sent) == (0, 0)
    assert len(sends(botapi, 1)) == 1


async def test_a_digest_missed_past_the_late_limit_is_recorded_not_sent(app, db, botapi, botapi_bot):
    news(db)
    subscriber(db, 1, "08:00")
    report = await tick(app, botapi_bot, datetime(2025, 1, 23, 14, 30, tzinfo=UTC))  # 6.5 h late
    assert (report.composed, report.sent, report.skipped) == (0, 0, 1)
    (part,) = deliveries.parts_of(db, 1, DAY)
    assert part.state == "failed" and part.error.startswith("skipped: due 2025-01-23 08:00 UTC, 6.5 h ago")
    news(db, 1, at=datetime(2025, 1, 24, 7, 0, tzinfo=UTC))
    nxt = await tick(app, botapi_bot, datetime(2025, 1, 24, 8, 0, tzinfo=UTC))
    assert nxt.sent == 1 and sends(botapi, 1)[0].params["text"].count("Story") >= 1


@pytest.mark.parametrize("accepted", [True, False], ids=["after-telegram-accepted", "before-sending"])
async def test_a_crash_mid_fanout_is_finished_by_the_next_start(app, db, botapi, botapi_bot, accepted):
    news(db)
    for chat in range(1, 9):
        subscriber(db, chat, "08:00")
    at = datetime(2025, 1, 23, 8, 0, tzinfo=UTC)
    crashing = CrashingBot(botapi_bot, after=4, accepted=accepted)
    with pytest.raises(Crash):
        await tick(app, crashing, at, policy=SendPolicy(backoff=0.01, workers=1))
    counts = deliveries.delivery_counts(db)
    assert counts == {"sent": 3, "claimed": 1, "pending": 4}
    assert len(sends(botapi)) == (4 if accepted else 3)

    assert recover(app) == 1  # the next start
    report = await tick(app, botapi_bot, at + timedelta(minutes=3))
    assert (report.composed, report.sent) == (0, 5)
    assert deliveries.delivery_counts(db) == {"sent": 8}
    per_chat = {chat: len(sends(botapi, chat)) for chat in range(1, 9)}
    assert all(n >= 1 for n in per_chat.values())  # nothing lost
    # at-least-once: only the message Telegram accepted just before the crash arrives twice
    assert sum(per_chat.values()) - 8 == (1 if accepted else 0)
    assert len(received_twice(botapi)) == (1 if accepted else 0)


async def test_a_429_waits_and_the_digest_is_delivered_once(app, db, botapi, botapi_bot):
    news(db)
    subscriber(db, 1, "08:00")
    subscriber(db, 2, "08:00")
    rule = botapi.inject(Fault.retry_after(0.05), "sendMessage", chat_id=1)
    pacer = fast_pacer()
    report = await tick(app, botapi_bot, datetime(2025, 1, 23, 8, 0, tzinfo=UTC), pacer=pacer)
    assert rule.fired == 1 and report.rate_limited == 1 and report.sent == 2
    assert [r.status for r in botapi.requests("sendMessage", chat_id=1)] == [429, 200]
    assert pacer.retry_afters == 1 and pacer.speed < 1.0
    assert received_twice(botapi) == []


async def test_forbidden_deactivates_the_subscriber_and_the_others_still_get_theirs(
    app, db, botapi, botapi_bot
):
    news(db)
    for chat in (1, 2, 3):
        subscriber(db, chat, "08:00")
    botapi.inject(Fault.blocked(), "sendMessage", chat_id=2)
    report = await tick(app, botapi_bot, datetime(2025, 1, 23, 8, 0, tzinfo=UTC))
    assert (report.sent, report.deactivated) == (2, 1)
    assert not get_subscriber(db, 2).active
    assert deliveries.parts_of(db, 2, DAY)[0].state == "failed"
    news(db, 1, at=datetime(2025, 1, 24, 7, 0, tzinfo=UTC))
    await tick(app, botapi_bot, datetime(2025, 1, 24, 8, 0, tzinfo=UTC))
    assert {r.chat_id for r in sends(botapi)} == {1, 3}  # no more digests for chat 2


async def test_a_user_who_blocked_the_bot_while_it_was_away_is_deactivated(app, db, botapi, botapi_bot):
    news(db)
    subscriber(db, 3003, "08:00")
    subscriber(db, 1, "08:00")
    botapi.set_blocked(3003)
    report = await tick(app, botapi_bot, datetime(2025, 1, 23, 8, 0, tzinfo=UTC))
    assert report.deactivated == 1 and report.errors[0][0] == 3003
    assert not get_subscriber(db, 3003).active and get_subscriber(db, 1).active


async def test_5xx_is_retried_with_backoff_and_delivered_once(app, db, botapi, botapi_bot):
    news(db)
    subscriber(db, 1, "08:00")
    botapi.inject(Fault.server_error(502), "sendMessage", times=2)
    report = await tick(app, botapi_bot, datetime(2025, 1, 23, 8, 0, tzinfo=UTC))
    assert (report.retried, report.sent) == (2, 1)
    assert [r.status for r in botapi.requests("sendMessage")] == [502, 502, 200]


async def test_a_persistent_5xx_leaves_the_part_for_the_next_run(app, db, botapi, botapi_bot):
    news(db)
    subscriber(db, 1, "08:00")
    rule = botapi.inject(Fault.server_error(500), "sendMessage", times=None)
    report = await tick(app, botapi_bot, datetime(2025, 1, 23, 8, 0, tzinfo=UTC))
    assert (report.sent, report.later, rule.fired) == (0, 1, QUICK.attempts)
    part = deliveries.parts_of(db, 1, DAY)[0]
    assert (part.state, part.attempts) == ("pending", 1)
    botapi.clear_faults()
    report = await tick(app, botapi_bot, datetime(2025, 1, 23, 8, 0, 30, tzinfo=UTC))
    assert (report.composed, report.sent) == (0, 1)


async def test_html_telegram_cannot_parse_is_resent_as_plain_text(app, db, botapi, botapi_bot):
    news(db)
    subscriber(db, 1, "08:00")
    botapi.inject(Fault.cant_parse_entities(), "sendMessage")
    report = await tick(app, botapi_bot, datetime(2025, 1, 23, 8, 0, tzinfo=UTC))
    assert (report.sent, report.plain) == (1, 1)
    (msg,) = botapi.sent_messages(1)
    assert msg.parse_mode is None and msg.text.startswith("YOUR DIGEST FOR THURSDAY 23 JANUARY")
    assert deliveries.parts_of(db, 1, DAY)[0].sent_plain


async def test_a_group_that_became_a_supergroup_gets_the_digest_at_its_new_id(app, db, botapi, botapi_bot):
    news(db)
    group = Chat.group(-4001, "Readers")
    subscriber(db, -4001, "08:00")
    follow(db, -4001, "topic", "Story", now=T0)
    botapi.push_migration(group, -1001234567890)
    report = await tick(app, botapi_bot, datetime(2025, 1, 23, 8, 0, tzinfo=UTC))
    assert (report.migrated, report.sent) == (1, 1)
    assert get_subscriber(db, -4001) is None and get_subscriber(db, -1001234567890).active
    assert len(botapi.sent_messages(-1001234567890)) == 1
    assert deliveries.parts_of(db, -1001234567890, DAY)[0].state == "sent"


async def test_a_quiet_day_says_so_in_one_line(app, db, botapi, botapi_bot):
    news(db, 1, at=datetime(2025, 1, 22, 7, 0, tzinfo=UTC))
    subscriber(db, 1, "08:00")
    digest_received(db, 1, datetime(2025, 1, 22, 8, 0, tzinfo=UTC))
    report = await tick(app, botapi_bot, datetime(2025, 1, 23, 8, 0, tzinfo=UTC))
    assert (report.quiet, report.sent) == (1, 1)
    (msg,) = botapi.sent_messages(1)
    assert msg.text == (
        "Nothing new since your last digest (Wednesday 22 January, 08:00). /brief shows the top stories now."
    )


async def test_stories_about_what_the_chat_follows_come_first_and_nothing_repeats(
    app, db, botapi, botapi_bot
):
    kellogg = add_actor(db, "Keith Kellogg")
    add_story(db, "Big story", updated=T0, sources=(("DW", None), ("BBC", None), ("AP", None)))
    add_story(db, "Envoy story", updated=T0 - timedelta(hours=3), actors=[kellogg])
    subscriber(db, 1, "08:00")
    subscriber(db, 2, "08:00")
    follow(db, 1, "actor", "Keith Kellogg", now=T0, actor_id=kellogg)
    await tick(app, botapi_bot, datetime(2025, 1, 23, 8, 0, tzinfo=UTC))
    one, two = botapi.sent_messages(1)[0].text, botapi.sent_messages(2)[0].text
    assert one.index("Envoy story") < one.index("Big story") and "You follow Keith Kellogg" in one
    assert two.index("Big story") < two.index("Envoy story")
    # the next day: one new story; the two already received are not repeated
    add_story(db, "Fresh story", updated=datetime(2025, 1, 24, 7, 0, tzinfo=UTC))
    await tick(app, botapi_bot, datetime(2025, 1, 24, 8, 0, tzinfo=UTC))
    second = botapi.sent_messages(1)[1].text
    assert "Fresh story" in second and "Big story" not in second and "Envoy story" not in second
    assert "1 new story since Thursday 23 January, 08:00" in second


STRUCK = "A magnitude 7.4 earthquake struck southern Peru on Tuesday, damaging roads in Arequipa."
TOLL = "Authorities reported at least 12 deaths and dozens of injuries."
RETOLD = "At least 12 people were killed and dozens injured, authorities reported on Tuesday."
RESCUE = "Rescue teams from Chile arrived in Arequipa with search dogs on Wednesday."
AT = [datetime(2025, 1, d, 8, 0, tzinfo=UTC) for d in (23, 24, 25, 26)]  # the digests of four days


def quake(db) -> int:
    sources = (("DW", "auto"),)
    return add_story(db, "Quake in Peru", updated=T0, sources=sources, summary=f"{STRUCK}\n{TOLL}")


async def test_a_received_story_comes_back_as_an_update_with_only_its_new_fact(app, db, botapi, botapi_bot):
    story = quake(db)
    subscriber(db, 1, "08:00")
    await tick(app, botapi_bot, AT[0])
    assert "Quake in Peru" in botapi.sent_messages(1)[0].text
    # day 2: another outlet retells the toll and brings a new fact
    join_story(db, story, "Reuters", summary=f"{RETOLD}\n{RESCUE}", dated=AT[1] - timedelta(hours=2))
    await tick(app, botapi_bot, AT[1])
    second = botapi.sent_messages(1)[1].text
    assert "1 update since Thursday 23 January, 08:00" in second and "(Quake in Peru)" in second
    assert RESCUE in second and all(x not in second for x in (STRUCK, TOLL, RETOLD))
    assert "Sources: Reuters" in second and "DW" not in second
    # day 3: a third outlet only retells what the chat was told: nothing is repeated
    join_story(db, story, "AP", summary=f"{TOLL}\n{RESCUE}", dated=AT[2] - timedelta(hours=2))
    await tick(app, botapi_bot, AT[2])
    assert botapi.sent_messages(1)[2].text.startswith("Nothing new since your last digest (Friday 24 January")
    assert received_twice(botapi) == []


async def test_an_update_that_never_reached_the_chat_comes_in_the_next_digest_and_then_never(
    app, db, botapi, botapi_bot
):
    story = quake(db)
    subscriber(db, 1, "08:00")
    await tick(app, botapi_bot, AT[0])
    join_story(db, story, "Reuters", summary=RESCUE, dated=AT[1] - timedelta(hours=2))
    botapi.inject(Fault(400, "Bad Request: message is not allowed here"), "sendMessage")
    report = await tick(app, botapi_bot, AT[1])
    assert report.failed == 1 and len(botapi.sent_messages(1)) == 1  # the update was refused
    await tick(app, botapi_bot, AT[2])
    assert "(Quake in Peru)" in botapi.sent_messages(1)[1].text  # the chat never got it: it comes
    await tick(app, botapi_bot, AT[3])
    assert "Update" not in botapi.sent_messages(1)[2].text  # confirmed: never again
    assert [p.state for p in deliveries.parts_of(db, 1, AT[2].date())] == ["sent"]


async def test_an_update_left_unconfirmed_by_a_crash_is_finished_at_the_next_start(
    app, db, botapi, botapi_bot
):
    story = quake(db)
    subscriber(db, 1, "08:00")
    await tick(app, botapi_bot, AT[0])
    join_story(db, story, "Reuters", summary=RESCUE, dated=AT[1] - timedelta(hours=2))
    with pytest.raises(Crash):
        await tick(app, CrashingBot(botapi_bot, after=1, accepted=False), AT[1])
    assert recover(app) == 1
    await tick(app, botapi_bot, AT[1] + timedelta(seconds=30))
    assert [m.text.count("(Quake in Peru)") for m in botapi.sent_messages(1)] == [0, 1]
    await tick(app, botapi_bot, AT[2])
    assert botapi.sent_messages(1)[2].text.startswith("Nothing new")


async def test_a_long_digest_goes_out_in_parts_in_order_within_telegrams_limits(app, db, botapi, botapi_bot):
    long = " ".join(["A sentence that goes on for a while about the news."] * 7)
    for i in range(10):
        add_story(db, f"Story {i}", updated=T0 - timedelta(minutes=i), summary=f"{long}\n{long}")
    subscriber(db, 1, "08:00", length=10)
    subscriber(db, -4001, "08:00", length=10)  # a group
    botapi.enable_rate_limits(
        RateLimits(overall=Window(30, 1.0), per_chat=Window(1, 0.2), per_group=Window(3, 1.0))
    )
    pacer = Pacer(
        Limits(per_window=25, window=1.02, chat_interval=0.25, group_per_window=3, group_window=1.05)
    )
    report = await tick(app, botapi_bot, datetime(2025, 1, 23, 8, 0, tzinfo=UTC), pacer=pacer)
    parts = deliveries.parts_of(db, 1, DAY)
    assert len(parts) > 1 and report.sent == 2 * len(parts)
    assert botapi.rate_limit_stats.refused == 0 and report.rate_limited == 0
    texts = [m.text for m in botapi.sent_messages(1)]
    assert [int(n) for t in texts for n in re.findall(r"Story (\d+)", t)] == list(range(10))


async def test_a_send_telegram_took_but_never_confirmed_is_sent_again(app, db, botapi, botapi_bot):
    # the at-least-once edge: Telegram delivered it, the bot heard a 500 and resent it
    news(db)
    subscriber(db, 1, "08:00")
    botapi.inject(Fault.server_error(500), "sendMessage", deliver=True)
    report = await tick(app, botapi_bot, datetime(2025, 1, 23, 8, 0, tzinfo=UTC))
    assert (report.sent, report.retried) == (1, 1)
    assert len(botapi.sent_messages(1)) == 2 and len(received_twice(botapi)) == 1
    assert deliveries.parts_of(db, 1, DAY)[0].message_id == botapi.sent_messages(1)[1].message_id


class BrokenForOneChat:
    """A bot whose sending breaks (a bug, not a Telegram error) for one chat."""

    def __init__(self, bot, chat_id: int):
        self.bot, self.chat_id = bot, chat_id

    async def send_message(self, chat_id, *args, **kwargs):
        if chat_id == self.chat_id:
            raise RuntimeError("boom")
        return await self.bot.send_message(chat_id, *args, **kwargs)


async def test_an_unexpected_error_in_one_chat_does_not_stop_the_others(app, db, botapi, botapi_bot):
    news(db)
    for chat in (1, 2, 3):
        subscriber(db, chat, "08:00")
    report = await tick(app, BrokenForOneChat(botapi_bot, 2), datetime(2025, 1, 23, 8, 0, tzinfo=UTC))
    assert (report.sent, report.later) == (2, 1) and report.errors == ((2, "RuntimeError: boom"),)
    assert {r.chat_id for r in sends(botapi)} == {1, 3}
    assert deliveries.parts_of(db, 2, DAY)[0].state == "pending"  # tried again next run


@pytest.fixture
async def impatient_bot(botapi):
    """A bot that waits 0.3 s for Telegram's answer (the default is 5 s)."""
    from tests.botapi.clients import loopback_request

    bot = Bot(botapi.token, base_url=botapi.base_url, request=loopback_request(read_timeout=0.3))
    async with bot:
        yield bot


async def test_a_read_timeout_is_not_resent_in_the_same_run_and_once_in_a_later_one(
    app, db, botapi, impatient_bot
):
    news(db)
    subscriber(db, 1, "08:00")
    subscriber(db, 2, "08:00")
    botapi.inject(None, "sendMessage", chat_id=1, times=None, delay=0.6)  # Telegram takes it, answers late
    report = await tick(app, impatient_bot, datetime(2025, 1, 23, 8, 0, tzinfo=UTC))
    assert (report.sent, report.unconfirmed, report.retried) == (1, 1, 0)
    await asyncio.sleep(0.5)  # the slow answers are done: what the chat received is final
    assert len(botapi.requests("sendMessage", chat_id=1)) == 1 and len(botapi.sent_messages(1)) == 1
    part = deliveries.parts_of(db, 1, DAY)[0]
    assert part.state == "pending" and part.error.startswith("unconfirmed: TimedOut")

    again = await tick(app, impatient_bot, datetime(2025, 1, 23, 8, 0, 30, tzinfo=UTC))  # sent once more
    assert (again.sent, again.unconfirmed) == (0, 1)
    last = await tick(app, impatient_bot, datetime(2025, 1, 23, 8, 1, tzinfo=UTC))  # then given up
    await asyncio.sleep(0.5)
    assert last.chats == 0 and len(botapi.requests("sendMessage", chat_id=1)) == 2
    part = deliveries.parts_of(db, 1, DAY)[0]
    assert part.state == "failed" and part.error.endswith("not sent again")
    assert len(botapi.sent_messages(2)) == 1


async def test_a_request_that_never_reached_telegram_is_retried_in_the_same_run(app, db, botapi):
    news(db)
    subscriber(db, 1, "08:00")
    closed = Bot(botapi.token, base_url="http://127.0.0.1:9/bot")  # nothing listens on port 9
    report = await tick(app, closed, datetime(2025, 1, 23, 8, 0, tzinfo=UTC))
    assert (report.retried, report.later, report.unconfirmed) == (QUICK.attempts - 1, 1, 0)
    part = deliveries.parts_of(db, 1, DAY)[0]
    assert (part.state, part.attempts) == ("pending", 1) and "ConnectError" in part.error


async def test_the_terminal_chats_digest_is_never_sent_to_telegram(app, db, botapi, botapi_bot):
    news(db, 1, at=datetime(2025, 1, 23, 7, 0, tzinfo=UTC))
    subscriber(db, 0, "08:00", "UTC")  # /subscribe typed in the terminal chat, then the bot runs on Telegram
    subscriber(db, 3, "08:00", "UTC")
    await tick(app, botapi_bot, datetime(2025, 1, 23, 8, 0, tzinfo=UTC))
    assert [r.chat_id for r in sends(botapi)] == [3]
    assert deliveries.parts_of(db, 0, DAY) == []
    assert get_subscriber(db, 0).active  # not deactivated by a "chat not found"


async def test_parts_and_alerts_already_waiting_for_the_terminal_chat_are_not_sent(
    app, db, botapi, botapi_bot
):
    from briefing.adapters.delivery import send_due_alerts
    from store.alerts import alerts_of, queue_alert

    story = news(db, 1, at=datetime(2025, 1, 23, 7, 0, tzinfo=UTC))[0]
    subscriber(db, 0, "08:00", "UTC")
    follow(db, 0, "topic", "Story", now=T0)
    at = datetime(2025, 1, 23, 8, 0, tzinfo=UTC)
    # queued before the Telegram bot learnt to leave the terminal chat alone
    queue_alert(db, 0, story, reason="Story", due_at=at, now=at)
    deliveries.add_digest(db, 0, DAY, [deliveries.NewPart("<b>x</b>", "x", (story,))], due_at=at, now=at)
    await tick(app, botapi_bot, at)
    await send_due_alerts(app, botapi_bot, now=at, pacer=fast_pacer(), policy=QUICK)
    assert sends(botapi) == []
    assert get_subscriber(db, 0).active and not is_unreachable(db, 0)
    assert alerts_of(db, 0)[0].state == "dropped"
    assert [p.state for p in deliveries.parts_of(db, 0, DAY)] == ["pending"]  # for `digest --chat 0`
