"""When digests are due: zones, daylight-saving changes, late and missed digests, quiet hours."""

from datetime import UTC, date, datetime, time, timedelta

import pytest

from briefing.models import Subscriber
from briefing.schedule import (
    due_digest,
    latest_due,
    local_date,
    local_moment,
    next_digest,
    next_due,
    quiet_until,
    zone,
)

KYIV, NEW_YORK = zone("Europe/Kyiv"), zone("America/New_York")
LIMIT = timedelta(hours=6)
LONG_AGO = datetime(2024, 1, 1, tzinfo=UTC)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def sub(at: str, tz: str, *, chat_id: int = 1, created=LONG_AGO, last=None) -> Subscriber:
    return Subscriber(chat_id, tz, time.fromisoformat(at), created_at=created, last_digest_at=last)


def test_an_ordinary_day_in_kyiv_is_utc_plus_two():
    assert local_moment(date(2025, 1, 23), time(7, 30), KYIV) == utc(2025, 1, 23, 5, 30)


@pytest.mark.parametrize(
    ("tz", "day", "at", "expected_utc", "expected_local"),
    [
        # spring forward: the clock jumps from 02:00 to 03:00 (New York), 03:00 to 04:00 (Kyiv)
        (NEW_YORK, date(2025, 3, 9), time(2, 30), utc(2025, 3, 9, 7, 0), "03:00"),
        (KYIV, date(2025, 3, 30), time(3, 30), utc(2025, 3, 30, 1, 0), "04:00"),
        # fall back: the hour repeats; the digest is due at the first occurrence (summer time)
        (NEW_YORK, date(2025, 11, 2), time(1, 30), utc(2025, 11, 2, 5, 30), "01:30"),
        (KYIV, date(2025, 10, 26), time(3, 30), utc(2025, 10, 26, 0, 30), "03:30"),
    ],
)
def test_dst_changes_move_the_digest_as_documented(tz, day, at, expected_utc, expected_local):
    due = local_moment(day, at, tz)
    assert due == expected_utc
    assert due.astimezone(tz).strftime("%H:%M") == expected_local
    assert local_date(due, tz) == day


@pytest.mark.parametrize(
    ("tz", "before", "after"),
    [(NEW_YORK, date(2025, 3, 8), date(2025, 3, 10)), (KYIV, date(2025, 10, 25), date(2025, 10, 27))],
)
def test_the_local_time_stays_put_on_the_days_around_a_change(tz, before, after):
    # 07:30 local before and after the change, though the UTC instant moved by an hour
    a, b = local_moment(before, time(7, 30), tz), local_moment(after, time(7, 30), tz)
    assert a.astimezone(tz).strftime("%H:%M") == b.astimezone(tz).strftime("%H:%M") == "07:30"
    assert abs((b - a) - timedelta(days=2)) == timedelta(hours=1)


def test_a_gap_day_digest_is_due_once_and_never_skipped():
    s = sub("02:30", "America/New_York")
    just_before, at_jump = utc(2025, 3, 9, 6, 59, 59), utc(2025, 3, 9, 7, 0)
    assert due_digest(s, just_before, late_limit=LIMIT).digest_date == date(2025, 3, 8)
    slot = due_digest(s, at_jump, late_limit=LIMIT)
    assert (slot.digest_date, slot.due_at, slot.expired) == (date(2025, 3, 9), at_jump, False)


def test_the_repeated_autumn_hour_gives_one_digest():
    s = sub("01:30", "America/New_York")
    first = utc(2025, 11, 2, 5, 30)  # 01:30 EDT
    slot = due_digest(s, first, late_limit=LIMIT)
    assert slot.digest_date == date(2025, 11, 2)
    # once it was composed, the second 01:30 (EST, an hour later) is not a new digest
    done = sub("01:30", "America/New_York", last=first)
    assert due_digest(done, utc(2025, 11, 2, 6, 30), late_limit=LIMIT) is None


def test_subscribers_in_different_zones_come_due_in_order_of_their_instants():
    subs = [
        sub("08:00", "America/New_York", chat_id=3),  # 13:00 UTC
        sub("07:30", "Europe/Kyiv", chat_id=1),  # 05:30 UTC
        sub("09:00", "Asia/Tokyo", chat_id=2),  # 00:00 UTC
        sub("08:00", "UTC", chat_id=4),
    ]
    day = utc(2025, 1, 23)
    order = sorted(subs, key=lambda s: local_moment(date(2025, 1, 23), s.digest_time, zone(s.timezone)))
    assert [s.chat_id for s in order] == [2, 1, 4, 3]
    due_at = {}
    for minute in range(0, 24 * 60, 15):
        now = day + timedelta(minutes=minute)
        for s in subs:
            slot = due_digest(s, now, late_limit=LIMIT)
            if slot and slot.digest_date == date(2025, 1, 23) and s.chat_id not in due_at:
                due_at[s.chat_id] = now
    assert sorted(due_at, key=due_at.get) == [2, 1, 4, 3]
    assert due_at[1] == utc(2025, 1, 23, 5, 30)


def test_late_within_the_limit_is_due_and_past_it_is_expired():
    s = sub("07:00", "UTC")
    slot = due_digest(s, utc(2025, 1, 23, 12, 59), late_limit=LIMIT)
    assert (slot.digest_date, slot.expired, slot.lateness) == (
        date(2025, 1, 23),
        False,
        timedelta(hours=5, minutes=59),
    )
    assert due_digest(s, utc(2025, 1, 23, 13, 1), late_limit=LIMIT).expired


def test_only_the_latest_missed_date_is_considered():
    s = sub("07:00", "UTC", last=utc(2025, 1, 20, 7, 0))
    slot = due_digest(s, utc(2025, 1, 23, 8, 0), late_limit=LIMIT)
    assert (slot.digest_date, slot.expired) == (date(2025, 1, 23), False)


def test_a_chat_that_subscribed_after_the_time_waits_for_tomorrow():
    s = sub("07:00", "UTC", created=utc(2025, 1, 23, 7, 1))
    assert due_digest(s, utc(2025, 1, 23, 9, 0), late_limit=LIMIT) is None
    assert due_digest(s, utc(2025, 1, 24, 7, 0), late_limit=LIMIT).digest_date == date(2025, 1, 24)


def test_moving_the_time_or_zone_never_brings_a_second_digest_the_same_day():
    # got today's at 07:00 Kyiv; moving to New York, where 20:00 of the previous date comes later
    s = sub("20:00", "America/New_York", last=utc(2025, 1, 23, 5, 0))
    assert due_digest(s, utc(2025, 1, 23, 6, 0), late_limit=LIMIT) is None


def test_latest_and_next_due():
    now = utc(2025, 1, 23, 6, 0)
    assert latest_due(time(7, 30), KYIV, now) == (date(2025, 1, 23), utc(2025, 1, 23, 5, 30))
    assert latest_due(time(9, 0), KYIV, now) == (date(2025, 1, 22), utc(2025, 1, 22, 7, 0))
    assert next_due(time(9, 0), KYIV, now) == utc(2025, 1, 23, 7, 0)
    assert next_due(time(7, 30), KYIV, now) == utc(2025, 1, 24, 5, 30)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (utc(2025, 1, 23, 19, 59), None),  # 21:59 in Kyiv
        (utc(2025, 1, 23, 20, 0), utc(2025, 1, 24, 5, 0)),  # 22:00: quiet until 07:00
        (utc(2025, 1, 24, 2, 0), utc(2025, 1, 24, 5, 0)),  # 04:00
        (utc(2025, 1, 24, 5, 0), None),  # 07:00: over
    ],
)
def test_quiet_hours_span_midnight(now, expected):
    assert quiet_until(now, KYIV) == expected


def test_no_quiet_hours_when_start_equals_end():
    assert quiet_until(utc(2025, 1, 24, 2, 0), KYIV, start=time(0), end=time(0)) is None


TOKYO_DIGEST = utc(2026, 11, 25, 23)  # 08:00 on Thursday 26 November in Tokyo


@pytest.mark.parametrize(
    ("at", "tz", "last", "now", "expected"),
    [
        # west: Honolulu's Thursday 08:00 is 19 h after Tokyo's Thursday digest: it comes
        ("08:00", "Pacific/Honolulu", TOKYO_DIGEST, utc(2026, 11, 26), utc(2026, 11, 26, 18)),
        # east: Tokyo's 08:00 5 h after Honolulu's digest is passed over for the next day's
        ("08:00", "Asia/Tokyo", utc(2026, 11, 25, 18), utc(2026, 11, 25, 19), utc(2026, 11, 26, 23)),
        # the time moved later the same day: 13 h after the digest comes, 11 h after does not
        ("20:00", "UTC", utc(2026, 11, 25, 7), utc(2026, 11, 25, 8), utc(2026, 11, 25, 20)),
        ("18:00", "UTC", utc(2026, 11, 25, 7), utc(2026, 11, 25, 8), utc(2026, 11, 26, 18)),
        # the time moved earlier than the digest sent: tomorrow's
        ("06:00", "UTC", utc(2026, 11, 25, 7), utc(2026, 11, 25, 8), utc(2026, 11, 26, 6)),
        # no digest yet: the next slot
        ("06:00", "UTC", None, utc(2026, 11, 25, 8), utc(2026, 11, 26, 6)),
    ],
)
def test_the_next_digest_is_the_next_slot_at_least_the_gap_after_the_last(at, tz, last, now, expected):
    s, gap = sub(at, tz, last=last), timedelta(hours=12)
    assert next_digest(s, now, min_gap=gap) == expected
    assert due_digest(s, expected, late_limit=LIMIT, min_gap=gap).due_at == expected
    # and after a digest, nothing is due before it (the gap): every half hour from now on, no slot
    step = now if last is not None else expected
    while step < expected:
        assert due_digest(s, step, late_limit=LIMIT, min_gap=gap) is None, step
        step += timedelta(minutes=30)


def test_a_slot_inside_the_gap_is_not_due_even_within_the_late_limit():
    s = sub("08:00", "UTC", last=utc(2026, 11, 24, 21))  # 11 h before today's 08:00
    assert due_digest(s, utc(2026, 11, 25, 9), late_limit=LIMIT, min_gap=timedelta(hours=12)) is None
    assert due_digest(s, utc(2026, 11, 25, 9), late_limit=LIMIT, min_gap=timedelta(hours=10)).due_at == utc(
        2026, 11, 25, 8
    )
