"""Reading the times of day and the timezones people type, and saying which offset a zone has.

    parse_time("7pm") -> 19:00          parse_zone("São Paulo") -> "America/Sao_Paulo"
    parse_time("19h30") -> 19:30        parse_zone("UTC+3") -> "Etc/GMT-3"
    parse_time("0830") -> 08:30         describe_zone("Etc/GMT-3", now) -> "UTC+03:00 (Etc/GMT-3)"

A timezone is always stored as an IANA name, because that is what ``zoneinfo`` loads. A fixed offset
becomes IANA's ``Etc/GMT±N``, whose sign is the reverse of the usual one (``Etc/GMT-3`` is UTC+03:00),
so replies show the offset next to such a name (``describe_zone``, ``zone_note``). Pure: ``now`` comes
in as an argument wherever an offset is shown.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from datetime import datetime, time, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path
from zoneinfo import TZPATH, ZoneInfo, ZoneInfoNotFoundError, available_timezones

EXAMPLE = "/subscribe 07:30 Europe/Kyiv"
TIME_FORMS = "07:30, 7:30pm, 7 am, 19h30 or 0830"


class SettingError(ValueError):
    """A time, timezone or length the user typed cannot be used; the message says why."""


# ---- times of day ------------------------------------------------------------------------------------

_HALF_DAY = re.compile(r"^(.*?)([ap])\.?m\.?$")
_CLOCK = re.compile(r"^(\d{1,2})(?:[:.h](\d{2})(?::(\d{2}))?h?|h)?$")
_DIGITS = re.compile(r"^(\d{1,2})(\d{2})h?$")
_TIME_LIKE = re.compile(r"^\d{1,4}(?:[:.h]\d*)*h?(?:[ap]\.?m\.?)?$", re.I)
_NAMED_TIMES = {"noon": time(12, 0), "midday": time(12, 0), "midnight": time(0, 0)}
HALF_DAY_WORDS = frozenset({"am", "pm", "a.m.", "p.m.", "a.m", "p.m"})


def looks_like_time(word: str) -> bool:
    """Whether a word is meant as a time of day (even a wrong one, such as "25:00"), not a place."""
    return bool(_TIME_LIKE.match(word)) or word.lower() in _NAMED_TIMES


def parse_time(text: str) -> time:
    """A time of day in the forms people write: ``07:30``, ``7.30``, ``7pm``, ``7:30 pm``, ``19h30``,
    ``19h``, ``0830``, ``0830h``, ``8`` (an hour), ``19:30:00`` (the seconds are dropped), ``noon``,
    ``12 noon``."""
    raw = "".join(text.split()).lower()
    for name, named in _NAMED_TIMES.items():
        if raw in (name, f"{named.hour or 12}{name}"):  # "12noon", "12midnight"
            return named
    half = _HALF_DAY.match(raw)
    clock = half.group(1) if half else raw
    match = _DIGITS.match(clock) or _CLOCK.match(clock)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        second = int(match.group(3) or 0) if match.re is _CLOCK else 0
        if half and 1 <= hour <= 12:
            hour = hour % 12 + (12 if half.group(2) == "p" else 0)
        elif half:
            hour = 99
        if hour <= 23 and minute <= 59 and second <= 59:
            return time(hour, minute)
    raise SettingError(f"“{text}” is not a time of day; write it as {TIME_FORMS}, e.g. {EXAMPLE}")


# ---- timezones ---------------------------------------------------------------------------------------

_OFFSET = re.compile(r"^(?:utc|gmt)?([+-])(\d{1,2})(?::?(\d{2}))?$")
# Abbreviations that are not IANA names but say clearly where the clock is; EST, MST and HST are IANA
# names (fixed offsets without summer time), so they are kept, with a note (``zone_note``).
ABBREVIATIONS = {
    "pst": "America/Los_Angeles",
    "pdt": "America/Los_Angeles",
    "mdt": "America/Denver",
    "cdt": "America/Chicago",
    "edt": "America/New_York",
    "akst": "America/Anchorage",
    "akdt": "America/Anchorage",
    "bst": "Europe/London",
    "cest": "Europe/Paris",
    "eest": "Europe/Kyiv",
    "msk": "Europe/Moscow",
    "jst": "Asia/Tokyo",
    "kst": "Asia/Seoul",
    "aest": "Australia/Sydney",
    "aedt": "Australia/Sydney",
}
AMBIGUOUS = {
    "cst": ("America/Chicago", "Asia/Shanghai", "America/Havana"),
    "ist": ("Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"),
}
# Fixed-offset IANA names that people type meaning a region whose clock changes in summer.
REGION_OF = {"EST": "America/New_York", "MST": "America/Denver"}


def fold(text: str) -> str:
    """Lower case without accents, single-spaced: "São  Paulo" -> "sao paulo"."""
    decomposed = unicodedata.normalize("NFKD", " ".join(text.split()).casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("−", "-").replace("–", "-")


@lru_cache(maxsize=1)
def _zones() -> dict[str, str]:
    return {z.lower(): z for z in available_timezones() if z != "localtime"}


def _tzdata_text() -> str:
    """IANA's source summary (``tzdata.zi``), from the system's zone folder or the tzdata package."""
    for folder in TZPATH:
        path = Path(folder) / "tzdata.zi"
        if path.is_file():
            return path.read_text(encoding="utf-8")
    try:
        return (resources.files("tzdata.zoneinfo") / "tzdata.zi").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return ""


@lru_cache(maxsize=1)
def _links() -> dict[str, str]:
    """Old and alternative zone names and the zone each is a link to ("Europe/Kiev" -> "Europe/Kyiv")."""
    links = {}
    for line in _tzdata_text().splitlines():
        words = line.split()
        if len(words) == 3 and words[0] == "L":
            links[words[2]] = words[1]
    return links


def canonical(name: str) -> str:
    return _links().get(name, name)


@lru_cache(maxsize=1)
def _cities() -> dict[str, list[str]]:
    """Area/City zones by their city, folded ("kyiv", "new york", "new_york", "port au prince"), each
    city's zones made one when they are links to one zone (America/Buenos_Aires is an old name of
    America/Argentina/Buenos_Aires): the current name is kept. The old Etc/, SystemV/ and US/ names are
    left out."""
    found: dict[str, set[str]] = {}
    for zone in _zones().values():
        area, _, city = zone.rpartition("/")
        if area and not zone.startswith(("Etc/", "SystemV/", "US/")):
            city = fold(city)
            for key in {city, city.replace("_", " "), city.replace("_", " ").replace("-", " ")}:
                found.setdefault(key, set()).add(canonical(zone))
    cities = {}
    for key, zones in found.items():
        if not _links():  # no link table: a city's zones are taken as one, the longest (newest) name
            zones = {max(zones, key=lambda z: (z.count("/"), len(z), z))}
        cities[key] = sorted(zones)
    return cities


def _loads(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _offset_zone(key: str, now: datetime | None) -> str | None:
    """The zone of a fixed offset written "UTC+3", "GMT-5", "+03:00", "UTC+0530", or None if ``key``
    is not an offset."""
    match = _OFFSET.match(key.replace(" ", ""))
    if not match:
        return None
    sign = 1 if match.group(1) == "+" else -1
    hours, minutes = int(match.group(2)), int(match.group(3) or 0)
    shown = f"UTC{match.group(1)}{hours:02d}:{minutes:02d}"
    if minutes > 59 or hours > 14 or (sign < 0 and hours > 12):
        raise SettingError(f"{shown} is not an offset any clock uses: they run from UTC-12:00 to UTC+14:00.")
    if minutes:
        same = _zones_at(timedelta(hours=sign * hours, minutes=sign * minutes), now)
        hint = f" Places on {shown} now: " + ", ".join(same) + "." if same else ""
        raise SettingError(
            f"There is no fixed-offset zone for {shown}, only whole hours; name a city instead.{hint}"
        )
    if hours == 0:
        return "UTC"
    return f"Etc/GMT{'-' if sign > 0 else '+'}{hours}"  # IANA's Etc/GMT names have the sign reversed


def _zones_at(offset: timedelta, now: datetime | None, limit: int = 3) -> list[str]:
    if now is None:
        return []
    zones = sorted({z for zs in _cities().values() for z in zs})
    return [z for z in zones if now.astimezone(ZoneInfo(z)).utcoffset() == offset][:limit]


def _given_zones(words: list[str]) -> list[str]:
    """The zones named by the separate words of a text, when each word names one by itself."""
    named = []
    for word in words:
        cities = _cities().get(word, [])
        zone = _zones().get(word) or (cities[0] if len(cities) == 1 else None)
        if zone:
            named.append(zone)
    return named


def parse_zone(text: str, *, now: datetime | None = None) -> str:
    """An IANA timezone, from its name in any case (``europe/kyiv`` -> ``Europe/Kyiv``), a city that names
    one zone, accents or not (``Kyiv``, ``sao paulo``), a fixed offset (``UTC+3`` -> ``Etc/GMT-3``), or
    a common abbreviation (``PDT`` -> ``America/Los_Angeles``). ``now`` is used only to suggest zones."""
    key = fold(text)
    zone = _offset_zone(key, now) or _zones().get(key) or ABBREVIATIONS.get(key)
    by_city = _cities().get(key, [])
    if zone is None and len(by_city) == 1:
        zone = by_city[0]
    if zone is not None and _loads(zone):
        return zone
    words = key.split()
    if len(words) > 1 and len(given := _given_zones(words)) > 1:
        raise SettingError(
            f"That is {len(given)} timezones, {' and '.join(given)}: pick one,"
            f" e.g. /subscribe 07:30 {given[0]}"
        )
    if key in AMBIGUOUS:
        raise SettingError(
            f"“{text}” names more than one timezone; say which: {', '.join(AMBIGUOUS[key][:-1])}"
            f" or {AMBIGUOUS[key][-1]}."
        )
    close = by_city or [_zones()[c] for c in difflib.get_close_matches(key, _zones(), n=3, cutoff=0.75)]
    if not close:
        close = [z for c in difflib.get_close_matches(key, _cities(), n=3, cutoff=0.75) for z in _cities()[c]]
    names = list(dict.fromkeys(close))[:3]
    hint = " Did you mean " + " or ".join(names) + "?" if names else ""
    raise SettingError(
        f"“{text}” is not a timezone I know; use an Area/City name such as Europe/Kyiv, a city, or an"
        f" offset such as UTC+3.{hint}"
    )


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


def zone_note(name: str, now: datetime, *, typed: str = "") -> str | None:
    """A word of warning about zones that are easy to take for something else: an Etc/GMT name the
    user ``typed`` (whose sign is reversed), or a fixed offset named like a region's clock (EST)."""
    offset = utc_offset(name, now)
    if re.fullmatch(r"Etc/GMT[+-]\d+", name) and "etc/" in fold(typed):
        other = offset.translate(str.maketrans("+-", "-+"))
        return (
            f"{name} is {offset}: IANA's Etc/GMT names have the sign reversed."
            f" If you meant {other}, send /settings tz {other}."
        )
    if name in REGION_OF:
        return (
            f"{name} is {offset} all year, without summer time;"
            f" for the clock in {REGION_OF[name].split('/')[-1].replace('_', ' ')} send"
            f" /settings tz {REGION_OF[name]}."
        )
    return None
