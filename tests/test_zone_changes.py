"""A subscriber who changes timezone or digest time: the next digest is the next slot at least the
minimum gap (12 h) after the last one, the reply says when it comes, and the delivery loop, swept every
30 minutes against the loopback Bot API, sends exactly that: never two digests within the gap, never a
local day lost beyond it, nothing twice across a restart."""

import itertools
from datetime import UTC, date, datetime, timedelta

import pytest

import store.db
from briefing.adapters.delivery import recover, run_due_digests
from briefing.service import App
from briefing.service.commands import Asker, answer, load_all
from store import deliveries
from store.db import open_db
from tests.digestkit import QUICK, Clock, add_story, fast_pacer, received_twice, sends, subscriber

CHAT = 9
ASKER = Asker(chat_id=CHAT, user_id=CHAT)
load_all()


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.fixture
def clock() -> Clock:
    return Clock(utc(2026, 11, 25))


@pytest.fixture
def app(db, settings, clock) -> App:
    return App(db=db, settings=settings, clock=clock)


@pytest.fixture
def sweep(app, botapi, botapi_bot):
    """``await sweep(start, end)``: run the delivery loop every 30 minutes (``step``) from ``start`` to
    ``end`` (both included), with a story each hour so no digest is empty; returns when each digest
    message reached the chat."""

    async def run(start: datetime, end: datetime, *, step=timedelta(minutes=30), app=app) -> list[datetime]:
        arrived, at = [], start
        while at <= end:
            if at.minute == 0:
                add_story(app.db, f"News of {at:%d %H:%M}", updated=at - timedelta(minutes=5))
            before = len(sends(botapi, CHAT))
            app.clock.now = at
            await run_due_digests(app, botapi_bot, now=at, pacer=fast_pacer(), policy=QUICK)
            arrived += [at] * (len(sends(botapi, CHAT)) - before)
            at += step
        return arrived

    return run


async def say(app: App, at: datetime, text: str) -> str:
    app.clock.now = at
    return (await answer(app, text, ASKER)).document.text


def gaps(arrived: list[datetime]) -> list[timedelta]:
    return [b - a for a, b in itertools.pairwise(arrived)]


async def test_flying_west_after_a_tokyo_digest_the_honolulu_morning_still_gets_its_digest(
    app, sweep, botapi
):
    """QA12b F2: a digest in Tokyo on Thursday 26 November, then Honolulu, where the 26th is still
    ahead: its 08:00 (18:00Z) brings a digest, stored beside Tokyo's under the same date."""
    subscriber(app.db, CHAT, "08:00", "UTC")
    assert await sweep(utc(2026, 11, 25, 7), utc(2026, 11, 25, 12)) == [utc(2026, 11, 25, 8)]
    text = await say(app, utc(2026, 11, 25, 12), "/settings tz Asia/Tokyo")  # 21:00 Wednesday there
    assert "Next digest: tomorrow at 08:00\n" in text  # 23:00Z, 15 h after the last
    assert await sweep(utc(2026, 11, 25, 12, 30), utc(2026, 11, 26)) == [utc(2026, 11, 25, 23)]
    text = await say(app, utc(2026, 11, 26), "/settings tz Pacific/Honolulu")  # 14:00 Wednesday there
    assert "Next digest: tomorrow at 08:00\n" in text  # Thursday 26 November, 18:00Z
    arrived = await sweep(utc(2026, 11, 26, 0, 30), utc(2026, 11, 27, 19))
    assert arrived == [utc(2026, 11, 26, 18), utc(2026, 11, 27, 18)]
    thursday = deliveries.parts_of(app.db, CHAT, date(2026, 11, 26))
    assert [(p.seq, p.state, p.due_at) for p in thursday] == [
        (0, "sent", utc(2026, 11, 25, 23)),
        (1, "sent", utc(2026, 11, 26, 18)),
    ]
    assert all("Your digest for Thursday 26 November" in p.text for p in thursday)
    assert received_twice(botapi) == []


async def test_the_qa_repro_a_digest_soon_after_the_last_is_passed_over_and_honolulu_is_on_time(app, sweep):
    """The QA12b F2 sequence itself: 21:30Z digest, Tokyo 08:00 set at 07:00 Tokyo (1.5 h after it),
    then Honolulu at 14:00 Wednesday there: Tokyo's Thursday morning is passed over (too soon after
    the last), and Honolulu's Thursday 08:00 comes 20.5 h after it, not on Friday."""
    subscriber(app.db, CHAT, "21:30", "UTC")
    assert await sweep(utc(2026, 11, 25, 21), utc(2026, 11, 25, 21, 30)) == [utc(2026, 11, 25, 21, 30)]
    await say(app, utc(2026, 11, 25, 22), "/settings tz Asia/Tokyo")
    text = await say(app, utc(2026, 11, 25, 22), "/settings time 08:00")
    assert (
        "Next digest: tomorrow at 08:00 (digests come at least 8 h apart, and your last one came today at"
        " 06:30)"
    ) in text
    assert await sweep(utc(2026, 11, 25, 22), utc(2026, 11, 26)) == []
    text = await say(app, utc(2026, 11, 26), "/settings tz Pacific/Honolulu")
    assert "Next digest: tomorrow at 08:00\n" in text
    assert await sweep(utc(2026, 11, 26), utc(2026, 11, 26, 22)) == [utc(2026, 11, 26, 18)]


async def test_flying_east_a_morning_a_few_hours_after_the_last_digest_is_passed_over(app, sweep):
    """Honolulu's 08:00 digest (18:00Z), then Tokyo at 04:00 Thursday there: Tokyo's 08:00 is 5 h
    later, so the next is Friday's, and the reply says why."""
    subscriber(app.db, CHAT, "08:00", "Pacific/Honolulu")
    assert await sweep(utc(2026, 11, 25, 17), utc(2026, 11, 25, 18)) == [utc(2026, 11, 25, 18)]
    text = await say(app, utc(2026, 11, 25, 19), "/settings tz Asia/Tokyo")
    assert (
        "Next digest: tomorrow at 08:00 (digests come at least 8 h apart, and your last one came today at"
        " 03:00)"
    ) in text
    arrived = await sweep(utc(2026, 11, 25, 19), utc(2026, 11, 27, 0))
    assert arrived == [utc(2026, 11, 26, 23)]  # Friday 27 November, 08:00 in Tokyo


@pytest.mark.parametrize(
    ("new_time", "reply", "next_at"),
    [
        ("20:00", "today at 20:00\n", utc(2026, 11, 25, 20)),  # 13 h after the 07:00 one: a second today
        (
            "14:00",
            "tomorrow at 14:00 (digests come at least 8 h apart, and your last one came today at 07:00)",
            utc(2026, 11, 26, 14),
        ),
        ("06:00", "tomorrow at 06:00\n", utc(2026, 11, 26, 6)),  # earlier than the one sent: tomorrow
        ("07:30", "tomorrow at 07:30 (digests come", utc(2026, 11, 26, 7, 30)),
    ],
)
async def test_a_time_changed_the_same_day_after_the_digest(app, sweep, new_time, reply, next_at):
    subscriber(app.db, CHAT, "07:00", "UTC")
    assert await sweep(utc(2026, 11, 25, 6), utc(2026, 11, 25, 7)) == [utc(2026, 11, 25, 7)]
    text = await say(app, utc(2026, 11, 25, 7, 10), f"/settings time {new_time}")
    assert f"Next digest: {reply}" in text
    arrived = await sweep(utc(2026, 11, 25, 7, 30), next_at + timedelta(hours=1))
    assert arrived == [next_at]
    assert all(g >= timedelta(hours=8) for g in gaps([utc(2026, 11, 25, 7), *arrived]))


async def test_a_time_moved_earlier_before_the_days_digest_is_sent_late_at_once(app, sweep):
    """Yesterday's 20:00 digest, today's time moved from 20:00 to 08:00 at 10:00: 2 h late, 12 h after
    yesterday's, so it goes at the next tick, once."""
    subscriber(app.db, CHAT, "20:00", "UTC")
    assert await sweep(utc(2026, 11, 24, 20), utc(2026, 11, 24, 20)) == [utc(2026, 11, 24, 20)]
    text = await say(app, utc(2026, 11, 25, 10), "/settings time 08:00")
    assert "Next digest: in a minute (it was due at 08:00)" in text
    arrived = await sweep(utc(2026, 11, 25, 10), utc(2026, 11, 26, 9))
    assert arrived == [utc(2026, 11, 25, 10), utc(2026, 11, 26, 8)]


async def test_evening_to_morning_is_the_next_morning(app, sweep):
    """Yesterday's 21:00 digest, the time set to 08:00 at 07:00: today's 08:00 is 11 h after it, past the
    gap: the morning the user moved it to."""
    subscriber(app.db, CHAT, "21:00", "UTC")
    assert await sweep(utc(2026, 11, 24, 21), utc(2026, 11, 24, 21)) == [utc(2026, 11, 24, 21)]
    assert "Next digest: today at 08:00\n" in await say(app, utc(2026, 11, 25, 7), "/settings time 08:00")
    assert await sweep(utc(2026, 11, 25, 7), utc(2026, 11, 25, 9)) == [utc(2026, 11, 25, 8)]


async def test_the_gap_is_a_setting(db, settings, clock, sweep):
    """With ``digest.min_gap_hours = 12`` the evening-to-morning change above waits for the next morning,
    and says so."""
    from dataclasses import replace

    app = App(db=db, settings=replace(settings, min_gap_hours=12), clock=clock)
    subscriber(app.db, CHAT, "21:00", "UTC")
    await sweep(utc(2026, 11, 24, 21), utc(2026, 11, 24, 21), app=app)
    text = await say(app, utc(2026, 11, 25, 7), "/settings time 08:00")
    assert (
        "Next digest: tomorrow at 08:00 (digests come at least 12 h apart, and your last one came"
        " yesterday at 21:00)"
    ) in text
    assert await sweep(utc(2026, 11, 25, 7), utc(2026, 11, 26, 8), app=app) == [utc(2026, 11, 26, 8)]


async def test_days_across_both_daylight_saving_changes_each_get_one_digest(app, sweep):
    """New York at 02:30: the spring-forward day's digest comes at the jump (03:00 EDT), 23.5 h after
    the day before's; the fall-back day's 25 h after. None is passed over by the gap."""
    subscriber(app.db, CHAT, "02:30", "America/New_York")
    spring = await sweep(utc(2026, 3, 7, 7), utc(2026, 3, 9, 7), step=timedelta(minutes=30))
    assert spring == [utc(2026, 3, 7, 7, 30), utc(2026, 3, 8, 7), utc(2026, 3, 9, 6, 30)]
    autumn = await sweep(utc(2026, 10, 31, 6), utc(2026, 11, 2, 8))
    assert autumn == [utc(2026, 10, 31, 6, 30), utc(2026, 11, 1, 7, 30), utc(2026, 11, 2, 7, 30)]


async def test_a_zone_change_across_europes_clock_change_keeps_the_local_time(app, sweep):
    """Kyiv 08:00 on Saturday 24 October 2026 (05:00Z), then London on Sunday, the day Europe's clocks
    go back: London's 08:00 (08:00Z, GMT) is 27 h later and comes; the next a day later."""
    subscriber(app.db, CHAT, "08:00", "Europe/Kyiv")
    assert await sweep(utc(2026, 10, 24, 4), utc(2026, 10, 24, 6)) == [utc(2026, 10, 24, 5)]
    text = await say(app, utc(2026, 10, 25, 6), "/settings tz Europe/London")
    assert "Next digest: today at 08:00\n" in text
    arrived = await sweep(utc(2026, 10, 25, 6), utc(2026, 10, 26, 9))
    assert arrived == [utc(2026, 10, 25, 8), utc(2026, 10, 26, 8)]


async def test_a_crash_after_a_second_digest_of_a_date_was_claimed_resends_it_once(app, sweep):
    """The Honolulu digest shares Tokyo's date: claimed, then the bot dies before Telegram's answer is
    recorded; the next start makes it pending, it is sent again once, and no third is composed."""
    subscriber(app.db, CHAT, "08:00", "Asia/Tokyo")
    await sweep(utc(2026, 11, 25, 22), utc(2026, 11, 25, 23))  # Thursday 26, Tokyo
    await say(app, utc(2026, 11, 26), "/settings tz Pacific/Honolulu")
    app.clock.now = due = utc(2026, 11, 26, 18)
    from briefing.service.digests import compose_due

    assert compose_due(app, now=due).composed == 1
    (part,) = deliveries.pending_parts(app.db, CHAT)
    assert (part.digest_date, part.seq) == (date(2026, 11, 26), 1)
    assert deliveries.claim_part(app.db, part.key, now=due)  # ... and the process is killed here
    assert recover(app) == 1
    arrived = await sweep(due + timedelta(minutes=1), utc(2026, 11, 27, 17))
    assert arrived == [due + timedelta(minutes=1)]
    assert [p.state for p in deliveries.parts_of(app.db, CHAT, date(2026, 11, 26))] == ["sent", "sent"]


async def test_a_digest_missed_after_a_zone_change_is_sent_late_within_the_limit(app, sweep):
    """The bot is down over Honolulu's 08:00 (18:00Z) and back at 21:00Z: 3 h late, sent once; a
    skipped record of Tokyo's date does not stand in its way."""
    subscriber(app.db, CHAT, "08:00", "Asia/Tokyo")
    await sweep(utc(2026, 11, 25, 23), utc(2026, 11, 25, 23))
    await say(app, utc(2026, 11, 26), "/settings tz Pacific/Honolulu")
    arrived = await sweep(utc(2026, 11, 26, 21), utc(2026, 11, 26, 23))
    assert arrived == [utc(2026, 11, 26, 21)]


async def test_a_digest_missed_past_the_limit_after_a_zone_change_is_recorded_beside_the_other(app, sweep):
    subscriber(app.db, CHAT, "08:00", "Asia/Tokyo")
    await sweep(utc(2026, 11, 25, 23), utc(2026, 11, 25, 23))
    await say(app, utc(2026, 11, 26), "/settings tz Pacific/Honolulu")
    assert await sweep(utc(2026, 11, 27, 1), utc(2026, 11, 27, 2)) == []  # 7 h late
    thursday = deliveries.parts_of(app.db, CHAT, date(2026, 11, 26))
    assert [(p.seq, p.state) for p in thursday] == [(0, "sent"), (1, "failed")]
    assert thursday[1].error.startswith("skipped: due 2026-11-26 08:00 HST")
    assert await sweep(utc(2026, 11, 27, 18), utc(2026, 11, 27, 18)) == [utc(2026, 11, 27, 18)]


def test_rows_from_before_m0020_read_as_their_dates_first_digest(tmp_path, monkeypatch):
    """A database made before ``seq``: its rows become seq 0, and a part left pending is still sent
    (claimed and confirmed by its key), and its date's slot still counts as stored."""
    path = tmp_path / "old.db"
    listed = store.db._migrations
    monkeypatch.setattr(store.db, "_migrations", lambda: [m for m in listed() if m[0] < 20])
    old = open_db(path)
    old.execute(
        "INSERT INTO deliveries (chat_id, digest_date, part, state, text, due_at) VALUES"
        " (1, '2026-11-25', 0, 'pending', 'hi', '2026-11-25T08:00:00+00:00')"
    )
    old.conn.close()
    monkeypatch.setattr(store.db, "_migrations", listed)
    db = open_db(path)
    (part,) = deliveries.pending_parts(db, 1)
    assert (part.digest_date, part.seq, part.text) == (date(2026, 11, 25), 0, "hi")
    assert deliveries.claim_part(db, part.key, now=utc(2026, 11, 25, 8))
    deliveries.confirm_part(db, part.key, message_id=5, now=utc(2026, 11, 25, 8))
    assert deliveries.get_part(db, part.key).state == "sent"
    due = utc(2026, 11, 25, 8)
    assert deliveries.slots_present(db, [(1, date(2026, 11, 25), due)]) == {(1, date(2026, 11, 25), due)}
    assert not deliveries.add_digest(
        db, 1, date(2026, 11, 25), [deliveries.NewPart("x", "x")], due_at=due, now=due
    )
    indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'").fetchall()}
    assert {"deliveries_state", "deliveries_pending", "deliveries_date_chat"} <= indexes
