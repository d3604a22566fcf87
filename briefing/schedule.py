"""When a subscriber's digest is due: local wall-clock times in IANA zones, made into instants.

Pure: every function takes ``now`` (timezone-aware). A digest belongs to a *local date* of the
subscriber's zone; the digest for a date is due at the instant that date's local clock shows the
chosen time. Daylight-saving changes are decided so:

* **Spring forward** (the clock jumps, e.g. New York 02:00 → 03:00, Kyiv 03:00 → 04:00): a time
  inside the gap does not exist that day; the digest is due at the jump itself, the first instant
  after the gap (a 02:30 New York digest arrives at 03:00 EDT). It is never skipped.
* **Fall back** (an hour repeats, e.g. New York 01:00–02:00 twice): the digest is due at the first
  occurrence; it is sent once, because a date has one slot.

A chat's digests come at least ``min_gap`` apart (8 h by default; ``digest.min_gap_hours``), counted
from when the last one was made: a slot sooner after it than that is passed over, and the next slot
that is not is the next digest. With one time in one zone the slots are a day apart and the gap never
bites; it decides what happens after a change of timezone or time. Flying west (Tokyo to Honolulu), the
Honolulu morning after the Tokyo digest is a new day and gets its digest, though Tokyo's date already
had one; flying east, a morning that comes a few hours after the last digest is passed over; a time
moved later the same day brings a second digest that day only if it is at least the gap after the
first, and a time moved earlier than the digest already sent brings the next one tomorrow.

A digest missed while the bot was down is still sent if the bot comes back within ``late_limit`` of
its due instant, and only the latest missed slot is sent: older ones are reported as too late (they
would repeat what the latest holds). A digest is not due for a chat that subscribed after its due
instant. A late digest counts from when it was made: with the default limits (6 h late at most, a
8 h gap) it never moves the next day's (it is at most 6 h late, so 18 h or more before it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from briefing.models import Subscriber

MIN_GAP = timedelta(hours=8)


@dataclass(frozen=True)
class DigestSlot:
    """One chat's digest for a local date: when it was due and whether it is still worth sending."""

    chat_id: int
    digest_date: date
    due_at: datetime
    lateness: timedelta
    expired: bool  # more than late_limit after due_at: record it, do not send it


def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def local_moment(day: date, at: time, tz: ZoneInfo) -> datetime:
    """The UTC instant at which ``tz``'s clock shows ``at`` on ``day`` (see the module's DST rules)."""
    wall = datetime.combine(day, at.replace(tzinfo=None, fold=0))
    first = wall.replace(tzinfo=tz).astimezone(UTC)  # fold=0: the first of a repeated time
    if first.astimezone(tz).replace(tzinfo=None) == wall:
        return first
    return _gap_end(wall, tz)


def _gap_end(wall: datetime, tz: ZoneInfo) -> datetime:
    """The instant a spring-forward gap holding the non-existent ``wall`` time ends."""
    # fold=1 reads the wall time with the offset after the jump (an instant before it), fold=0 with
    # the offset before (an instant after it): the jump lies between; bisect to the second.
    lo = wall.replace(tzinfo=tz, fold=1).astimezone(UTC)
    hi = wall.replace(tzinfo=tz, fold=0).astimezone(UTC)
    after = hi.astimezone(tz).utcoffset()
    while hi - lo > timedelta(seconds=1):
        mid = lo + (hi - lo) / 2
        if mid.astimezone(tz).utcoffset() == after:
            hi = mid
        else:
            lo = mid
    return hi.replace(microsecond=0)


def local_date(moment: datetime, tz: ZoneInfo) -> date:
    """The local date of ``tz`` that ``moment`` falls on."""
    return moment.astimezone(tz).date()


def latest_due(at: time, tz: ZoneInfo, now: datetime) -> tuple[date, datetime]:
    """The latest (local date, due instant) whose due instant is at or before ``now``."""
    today = local_date(now, tz)
    due = local_moment(today, at, tz)
    if due <= now:
        return today, due
    # near a gap the due instant of "today" can fall on the next local date; step back until it is past
    day = today - timedelta(days=1)
    due = local_moment(day, at, tz)
    while due > now:
        day -= timedelta(days=1)
        due = local_moment(day, at, tz)
    return day, due


def next_due(at: time, tz: ZoneInfo, now: datetime) -> datetime:
    """The first due instant after ``now`` (for telling a subscriber when the next digest comes)."""
    day, _ = latest_due(at, tz, now)
    nxt = day + timedelta(days=1)
    due = local_moment(nxt, at, tz)
    while due <= now:
        nxt += timedelta(days=1)
        due = local_moment(nxt, at, tz)
    return due


def _far_enough(sub: Subscriber, due: datetime, min_gap: timedelta) -> bool:
    """Whether a slot due at ``due`` is a new digest for the chat: after it subscribed, and at least
    ``min_gap`` after its last digest was made."""
    if sub.created_at is not None and sub.created_at > due:
        return False
    return sub.last_digest_at is None or (due > sub.last_digest_at and due - sub.last_digest_at >= min_gap)


def due_digest(
    sub: Subscriber, now: datetime, *, late_limit: timedelta, min_gap: timedelta = MIN_GAP
) -> DigestSlot | None:
    """The digest this subscriber should get now (possibly expired), or None if nothing is due."""
    tz = zone(sub.timezone)
    day, due = latest_due(sub.digest_time, tz, now)
    if not _far_enough(sub, due, min_gap):
        return None
    lateness = now - due
    return DigestSlot(sub.chat_id, day, due, lateness, expired=lateness > late_limit)


def next_digest(sub: Subscriber, now: datetime, *, min_gap: timedelta = MIN_GAP) -> datetime:
    """The first slot after ``now`` that will bring the chat a digest (for telling it when the next
    one comes; a digest due now is :func:`due_digest`'s)."""
    tz = zone(sub.timezone)
    due = next_due(sub.digest_time, tz, now)
    for _ in range(3):  # the gap is under a day: the second slot at the latest (a third if clocks jump)
        if _far_enough(sub, due, min_gap):
            return due
        due = next_due(sub.digest_time, tz, due)
    return due  # a last digest stamped in the future (a clock set back): the schedule will catch up


def quiet_until(
    now: datetime, tz: ZoneInfo, *, start: time = time(22, 0), end: time = time(7, 0)
) -> datetime | None:
    """If ``now`` is inside the quiet hours ``start``–``end`` (local, may span midnight), the instant
    they end; else None. ``start == end`` means no quiet hours."""
    if start == end:
        return None
    clock = now.astimezone(tz).time().replace(tzinfo=None)
    inside = start <= clock < end if start < end else (clock >= start or clock < end)
    if not inside:
        return None
    day = local_date(now, tz)
    ends = local_moment(day, end, tz)
    if ends <= now:
        ends = local_moment(day + timedelta(days=1), end, tz)
    return ends
