"""A timezone as replies show it: its offset at a moment, and a warning where a zone is easily mistaken.

    describe_zone("Etc/GMT-3", now) -> "UTC+03:00 (Etc/GMT-3)"
    describe_zone("Europe/Kyiv", now) -> "Europe/Kyiv (UTC+02:00 now)"
    zone_note("America/Los_Angeles", january, typed="PDT") -> "PDT is not in effect now: ..."

Reading what the user typed (:mod:`briefing.zones`) needs no clock; showing the zone does, since an
offset depends on the date: ``now`` comes in as an argument. An abbreviation is stored as its region's
clock, summer and winter, so ``zone_note`` says so when it is typed out of season; IANA's ``Etc/GMT±N``
has the sign reversed, so replies show the offset next to such a name.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from briefing.place_zones import fold
from briefing.zones import ABBREVIATIONS, city_of


def utc_offset(name: str, now: datetime) -> str:
    """The zone's offset at ``now``, as "UTC+03:00" or "UTC-05:00"."""
    offset = now.astimezone(ZoneInfo(name)).utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _changes(name: str, now: datetime) -> bool:
    """Whether the zone's offset changes in the year around ``now`` (summer time)."""
    return len({utc_offset(name, now + timedelta(days=d)) for d in range(0, 366, 30)}) > 1


def describe_zone(name: str, now: datetime) -> str:
    """The zone as a reply shows it: "Europe/Kyiv (UTC+02:00 now)", "Asia/Tokyo (UTC+09:00)", and a
    fixed offset by its offset first: "UTC+03:00 (Etc/GMT-3)"."""
    offset = utc_offset(name, now)
    if name == "UTC":
        return name
    if name.startswith("Etc/GMT"):
        return f"{offset} ({name})"
    return f"{name} ({offset} now)" if _changes(name, now) else f"{name} ({offset})"


def _next_change(name: str, now: datetime) -> datetime | None:
    """The local date on which the zone's clock next changes (summer time starts or ends), within a year."""
    zone = ZoneInfo(name)
    summer = bool(now.astimezone(zone).dst())
    for days in range(1, 367):
        then = (now + timedelta(days=days)).astimezone(zone)
        if bool(then.dst()) != summer:
            return then
    return None


def _season_note(name: str, now: datetime, typed: str, digest: bool) -> str | None:
    """A note when the user typed the abbreviation of the other half of the year (PDT in January); it
    says what follows the clock: the digest, or a chat's quiet hours when it has no digest."""
    for word in fold(typed).replace(",", " ").split():
        zone, season = ABBREVIATIONS.get(word, ("", None))
        if zone != name or season is None:
            continue
        summer = bool(now.astimezone(ZoneInfo(name)).dst())
        change = _next_change(name, now)
        if summer == (season == "summer") or change is None:
            return None
        meant = utc_offset(name, change)
        follows = "Your digest follows" if digest else "Your quiet hours follow"
        return (
            f"{word.upper()} is not in effect now: the clock in {city_of(name)} is on"
            f" {utc_offset(name, now)} until {change.day} {change:%B}, then {meant}. {follows} that clock"
            f" all year; for {meant} all year, send /settings tz {meant}."
        )
    return None


def zone_note(name: str, now: datetime, *, typed: str = "", digest: bool = True) -> str | None:
    """A word of warning about zones that are easy to take for something else: an Etc/GMT name the
    user ``typed`` (whose sign is reversed), or an abbreviation typed in the wrong half of the year
    (PDT in winter: the clock in Los Angeles is on PST, UTC-08:00, until March). ``digest``: whether
    the chat has a daily digest; a chat that only follows has its quiet hours on the clock."""
    offset = utc_offset(name, now)
    if re.fullmatch(r"Etc/GMT[+-]\d+", name) and "etc/" in fold(typed):
        other = offset.translate(str.maketrans("+-", "-+"))
        note = f"{name} is {offset}: IANA's Etc/GMT names have the sign reversed."
        hours = int(other[4:6])
        if (other[3] == "+" and hours <= 14) or (other[3] == "-" and hours <= 12):  # a clock some place keeps
            note += f" If you meant {other}, send /settings tz {other}."
        return note
    return _season_note(name, now, typed, digest)
