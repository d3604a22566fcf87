"""A digest that did not wholly reach the chat, through the real delivery path (the loopback Bot API):
the stories of a part given up (past the late limit, refused, the bot blocked or the chat unsubscribed
between parts) come in the next digest, and a digest none of whose parts arrived does not count as the
chat's last one (the gap between digests, "your last one came")."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from telegram import Bot

from briefing.adapters.delivery import run_due_digests, send_digest_now
from briefing.service import App
from briefing.service.commands import Asker, answer, load_all
from store import deliveries
from store.subscribers import get_subscriber, set_active, subscribe
from tests.botapi import Fault, make_bot
from tests.digestkit import QUICK, Clock, add_story, fast_pacer, subscriber

load_all()
CHAT = 140
MONDAY = datetime(2027, 3, 1, 8, 0, tzinfo=UTC)
TUESDAY = MONDAY + timedelta(days=1)
OWED = "from a message of an earlier digest that never reached you"
LONG = " ".join(
    f"Sentence {k} tells a long fact about the harbour strike and the workers who stayed out for hours."
    for k in range(12)
)


@pytest.fixture
def clock() -> Clock:
    return Clock(MONDAY - timedelta(hours=8))


@pytest.fixture
def app(db, settings, clock) -> App:
    return App(db=db, settings=settings, clock=clock)


async def tick(app: App, bot, at: datetime):
    app.clock.now = at
    return await run_due_digests(app, bot, now=at, pacer=fast_pacer(), policy=QUICK)


async def say(app: App, at: datetime, text: str, chat: int = CHAT) -> str:
    app.clock.now = at
    return (await answer(app, text, Asker(chat_id=chat, user_id=chat))).document.text


def long_news(db) -> None:
    """Ten stories too long for one message: the digest (length 10) goes in two parts."""
    for j in range(10):
        add_story(
            db, f"Story {j} of the strike", updated=MONDAY - timedelta(hours=2, minutes=j), summary=LONG
        )


def told(texts: list[str]) -> list[int]:
    return [int(n) for t in texts for n in re.findall(r"Story (\d) of the strike", t)]


def texts(botapi) -> list[str]:
    return [m.text for m in botapi.sent_messages(CHAT)]


async def monday_with_part_two_lost(app, db, botapi, bot, fault: Fault | None) -> None:
    """Monday's two-part digest: part 1 arrives; part 2 meets ``fault`` (None: a 503 until the bot is
    back past the late limit)."""
    subscriber(db, CHAT, "08:00", length=10)
    long_news(db)
    botapi.inject(None, "sendMessage", chat_id=CHAT, times=1, delay=0.01)
    botapi.inject(fault or Fault.server_error(503), "sendMessage", chat_id=CHAT, times=None)
    await tick(app, bot, MONDAY)
    botapi.clear_faults()
    if fault is None:
        await tick(app, bot, MONDAY + timedelta(hours=7))  # back past the late limit: given up
    parts = deliveries.parts_of(db, CHAT, MONDAY.date())
    assert [p.state for p in parts] == ["sent", "failed"]
    assert told(texts(botapi)) == list(range(9))
    # the first message says there are two: "the top 10" is not taken for all it holds
    assert "The top 10 stories of the day. This digest comes in 2 messages." in texts(botapi)[0]


async def tuesday(app, db, botapi, bot) -> str:
    add_story(db, "Harbour reopens on Tuesday", updated=TUESDAY - timedelta(hours=1))
    await tick(app, bot, TUESDAY)
    return texts(botapi)[-1]


async def test_a_later_part_given_up_past_the_late_limit_comes_in_the_next_digest(
    app, db, botapi, botapi_bot
):
    await monday_with_part_two_lost(app, db, botapi, botapi_bot, None)
    sent = await tuesday(app, db, botapi, botapi_bot)
    assert told([sent]) == [9]  # the story part 2 held; none of part 1's again
    assert "Harbour reopens on Tuesday" in sent
    assert f"1 new story since Monday 1 March, 08:00, and 1 {OWED}." in sent
    await tick(app, botapi_bot, TUESDAY + timedelta(days=1))
    assert told([texts(botapi)[-1]]) == []  # told now: never again


async def test_a_later_part_refused_with_a_400_comes_in_the_next_digest(app, db, botapi, botapi_bot):
    await monday_with_part_two_lost(app, db, botapi, botapi_bot, Fault(400, "Bad Request: odd"))
    assert told([await tuesday(app, db, botapi, botapi_bot)]) == [9]


async def test_a_chat_that_blocked_the_bot_between_parts_gets_the_rest_after_subscribing_again(
    app, db, botapi, botapi_bot
):
    await monday_with_part_two_lost(app, db, botapi, botapi_bot, Fault.blocked())
    assert not get_subscriber(db, CHAT).active
    await say(app, MONDAY + timedelta(hours=2), "/subscribe")
    assert told([await tuesday(app, db, botapi, botapi_bot)]) == [9]


class UnsubscribingBot:
    """Forwards to a real bot; after the first message the chat sends /unsubscribe (between parts)."""

    def __init__(self, bot: Bot, app: App):
        self.bot, self.app = bot, app

    def __getattr__(self, name):
        return getattr(self.bot, name)

    async def send_message(self, *args, **kwargs):
        message = await self.bot.send_message(*args, **kwargs)
        set_active(self.app.db, CHAT, False, now=self.app.now())
        return message


async def test_a_chat_that_unsubscribed_between_parts_gets_the_rest_after_subscribing_again(
    app, db, botapi, botapi_bot
):
    subscriber(db, CHAT, "08:00", length=10)
    long_news(db)
    await tick(app, UnsubscribingBot(botapi_bot, app), MONDAY)
    assert [p.state for p in deliveries.parts_of(db, CHAT, MONDAY.date())] == ["sent", "failed"]
    subscribe(db, CHAT, timezone="UTC", digest_time=MONDAY.time(), now=MONDAY + timedelta(hours=2), length=10)
    assert told([await tuesday(app, db, botapi, botapi_bot)]) == [9]


async def test_a_digest_blocked_whole_does_not_hold_back_the_next_one(app, db, botapi, botapi_bot):
    subscriber(db, CHAT, "08:00")
    add_story(db, "Monday news", updated=MONDAY - timedelta(hours=1))
    await tick(app, botapi_bot, MONDAY)
    add_story(db, "Tuesday news", updated=TUESDAY - timedelta(hours=1))
    botapi.set_blocked(CHAT)
    await tick(app, botapi_bot, TUESDAY)
    assert [p.state for p in deliveries.parts_of(db, CHAT, TUESDAY.date())] == ["failed"]
    botapi.set_blocked(CHAT, False)
    reply = await say(app, TUESDAY + timedelta(hours=1), "/subscribe 12:00")
    assert "Next digest: today at 12:00" in reply and "your last one came" not in reply
    await tick(app, botapi_bot, TUESDAY + timedelta(hours=4))
    assert len(texts(botapi)) == 2
    assert texts(botapi)[-1].startswith("Your digest for Tuesday 2 March\n1 new story since Monday 1 March")
    assert "Tuesday news" in texts(botapi)[-1]


async def test_a_digest_given_up_past_the_late_limit_does_not_hold_back_the_next_one(
    app, db, botapi, botapi_bot
):
    subscriber(db, CHAT, "08:00")
    add_story(db, "Monday news", updated=MONDAY - timedelta(hours=1))
    botapi.inject(Fault.server_error(502), "sendMessage", chat_id=CHAT, times=None)
    await tick(app, botapi_bot, MONDAY)
    botapi.clear_faults()
    await tick(app, botapi_bot, MONDAY + timedelta(hours=7))  # back past the late limit
    assert [p.state for p in deliveries.parts_of(db, CHAT, MONDAY.date())] == ["failed"]
    assert get_subscriber(db, CHAT).last_digest_at is None  # none ever reached the chat
    reply = await say(app, MONDAY + timedelta(hours=7), "/settings time 15:30")
    assert "Next digest: today at 15:30" in reply and "your last one came" not in reply
    await tick(app, botapi_bot, MONDAY + timedelta(hours=7, minutes=30))
    assert [m.text.splitlines()[0] for m in botapi.sent_messages(CHAT)] == ["Your digest for Monday 1 March"]


async def test_a_part_still_to_send_keeps_its_digest_the_last_one(app, db, botapi, botapi_bot):
    # a digest whose part 1 failed but whose part 2 may still go is not taken back
    subscriber(db, CHAT, "08:00", length=10)
    long_news(db)
    botapi.inject(Fault(400, "Bad Request: odd"), "sendMessage", chat_id=CHAT, times=1)
    botapi.inject(Fault.server_error(503), "sendMessage", chat_id=CHAT, times=None)
    await tick(app, botapi_bot, MONDAY)
    assert [p.state for p in deliveries.parts_of(db, CHAT, MONDAY.date())] == ["failed", "pending"]
    assert get_subscriber(db, CHAT).last_digest_at == MONDAY


async def test_due_at_a_time_the_clocks_skipped_the_reply_names_the_jump(app, db):
    subscriber(db, CHAT, "02:30", "America/New_York")
    reply = await say(app, datetime(2027, 3, 14, 7, 5, tzinfo=UTC), "/settings")  # 03:05 EDT, not sent yet
    assert "Next digest: in a minute (it was due at 03:00)" in reply


async def test_a_digest_sent_by_hand_is_followed_by_the_gap_alone(app, db, botapi, botapi_bot):
    # bot.py digest --send at 00:30: the next digest is the first digest time at least 8 h later, for a
    # 23:59 chat (its own of that date still comes) as for an 08:00 one (passed over until tomorrow)
    late, early = 40, 41
    subscriber(db, late, "23:59")
    subscriber(db, early, "08:00")
    add_story(db, "Night news", updated=TUESDAY - timedelta(hours=9))
    by_hand = TUESDAY - timedelta(hours=7, minutes=30)  # Tuesday 00:30
    for chat in (late, early):
        app.clock.now = by_hand  # as bot.py does, on a bot of its own (it shuts it down)
        sent = await send_digest_now(app, make_bot(botapi), chat, now=by_hand)
        assert sent.line.endswith("1 of 1 part(s) sent")
    assert "your last one came today at 00:30" in await say(app, by_hand, "/settings", early)
    add_story(db, "Day news", updated=TUESDAY + timedelta(hours=2))
    await tick(app, botapi_bot, TUESDAY)
    await tick(app, botapi_bot, TUESDAY + timedelta(hours=15, minutes=59))
    assert len(botapi.sent_messages(early)) == 1
    second = botapi.sent_messages(late)[1].text
    assert second.startswith("Your digest for Tuesday 2 March\n1 new story since Tuesday 2 March, 00:30.")
    await tick(app, botapi_bot, TUESDAY + timedelta(days=1))
    assert len(botapi.sent_messages(early)) == 2
