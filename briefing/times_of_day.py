"""Reading the times of day people type: "7pm", "19h30", "0830", "12 noon", "half past 7".

    parse_time("7pm") -> 19:00          parse_time("19h30") -> 19:30
    parse_time("0830") -> 08:30         parse_time("12 noon") -> 12:00

A time and a timezone are typed together ("/subscribe 7pm Kyiv"), but reading the one shares nothing
with reading the other except the error a mistake in either raises (:class:`SettingError`) and the
example its message gives, which live here so that :mod:`briefing.zones` builds on this module and not
the other way round.
"""

from __future__ import annotations

import re
from datetime import time

EXAMPLE = "/subscribe 07:30 Europe/Kyiv"
TIME_FORMS = "07:30, 7:30pm, 7 am, 19h30 or 0830"


class SettingError(ValueError):
    """A time, timezone or length the user typed cannot be used; the message says why."""


_HALF_DAY = re.compile(r"^(.*?)([ap])\.?m\.?$")
_CLOCK = re.compile(r"^(\d{1,2})(?:[:.h](\d{2})(?::(\d{2}))?h?|h)?$")
_DIGITS = re.compile(r"^(\d{1,2})(\d{2})h?$")
_TIME_LIKE = re.compile(r"^\d{1,4}(?:[:.h]\d*|,\d\d)*h?(?:[ap]\.?m\.?)?$", re.I)
_NAMED_TIMES = {"noon": time(12, 0), "midday": time(12, 0), "midnight": time(0, 0)}
HALF_DAY_WORDS = frozenset({"am", "pm", "a.m.", "p.m.", "a.m", "p.m"})


def looks_like_time(word: str) -> bool:
    """Whether a word is meant as a time of day (even a wrong one, such as "25:00"), not a place."""
    return bool(_TIME_LIKE.match(word)) or word.lower() in _NAMED_TIMES


_HOUR_WORDS = {
    w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())
} | {"noon": 12, "midday": 12, "midnight": 0}
_SPOKEN = re.compile(
    r"\b(half|quarter)\s+(?:(past|after|to)\s+)?(\d{1,2}|" + "|".join(_HOUR_WORDS) + r")"
    r"(?:\s*([ap]\.?m)\b\.?|\b)",
    re.IGNORECASE,
)


def spoken_times(text: str) -> str:
    """ "half past 7" as "7:30", "quarter past 7pm" as "7:15pm", "quarter to 8" as "7:45", "half past
    midnight" as "0:30", "half past seven" as "7:30", British "half 7" as "7:30"; anything else as
    written."""

    def clock(m: re.Match[str]) -> str:
        word, relation, hour_text, half_day = (
            m.group(1).lower(),
            (m.group(2) or "").lower(),
            m.group(3),
            m.group(4) or "",
        )
        hour = int(hour_text) if hour_text.isdigit() else _HOUR_WORDS[hour_text.lower()]
        minutes = 30 if word == "half" else 15
        if not relation and word == "quarter":  # "quarter 7" says neither past nor to
            return m.group(0)
        if relation == "to":
            if minutes == 30:  # "half to 8" is no English time (German "halb acht" is 7:30): as typed
                return m.group(0)
            # "quarter to 1" is 12:45 (a clock's twelve, am or pm as said), "quarter to midnight" 23:45
            hour, minutes = hour - 1 if hour > 1 else 12 if hour == 1 else 23, 45
        return f"{hour}:{minutes:02d}{half_day.strip()}"

    return _SPOKEN.sub(clock, text)


# words around a time that say nothing of it: "tomorrow 8am" (a digest comes every day), "from 11pm"
PASSED_OVER = frozenset("at from until till til tomorrow today daily every day".split())
_DECIMAL_COMMA = re.compile(r"(?<=^\d)(?:,)(?=\d{2}(?:[ap]|$))|(?<=^\d\d),(?=\d{2}(?:[ap]|$))")
_CLOCK_WORD = re.compile(r"(?<=\d)o['’]?clock$")


def parse_time(text: str, *, example: str = EXAMPLE) -> time:
    """A time of day in the forms people write: ``07:30``, ``7.30``, ``7pm``, ``7:30 pm``, ``19h30``,
    ``19h``, ``0830``, ``0830h``, ``8`` (an hour), ``19:30:00`` (the seconds are dropped), ``noon``,
    ``12 noon``."""
    said = [w for w in spoken_times(text).split() if w.lower().strip(",.") not in PASSED_OVER]
    raw = "".join(said).lower()
    raw = _CLOCK_WORD.sub("", _DECIMAL_COMMA.sub(":", raw))  # "8,30" (a European 8.30), "8 o clock"
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
    raise SettingError(f"“{text}” is not a time of day; write it as {TIME_FORMS}, e.g. {example}")


# A bare hour with one of these ("every evening at 7") is in the afternoon or evening.
EVENING_WORDS = frozenset({"afternoon", "evening", "night", "tonight"})
