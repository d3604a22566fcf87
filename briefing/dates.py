"""Reading the dates news pages, feeds and datelines print, as timezone-aware datetimes.

    parse_date("Wed 13 Nov 2024, 6:19 PM") -> 2024-11-13 18:19 UTC      (no zone given: UTC)
    parse_date("March 3, 2025 2 p.m. ET") -> 2025-03-03 14:00-05:00    (New York's clock that day)
    parse_date("24 Set 2018") -> 2018-09-24 00:00 UTC                  (a month named in Portuguese)
    dateline_date("AMSTERDAM, Nov 23 (Reuters) -", now=now) -> the last Nov 23 up to a day after ``now``
    relative_age("S.Chen34 min ago") -> 0:34:00                      (dated when the text was read)
    parse_date("Wed 13 Nov 2024, 6:19 PM", zone="Europe/Berlin") -> 2024-11-13 18:19+01:00

A page's line furniture (:mod:`briefing.furniture`) asks whether a line is a date line; feeds, pages,
bylines and the ingest read dates too, so the many forms a date takes (English and foreign month
names, numeric days, clocks, zone abbreviations and offsets) are read here, in one place. Pure:
``now`` comes in as an argument.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from briefing.months import ARABIC_MONTHS, CYRILLIC_MONTH_STEMS, CYRILLIC_MONTHS, FOREIGN_MONTHS, MONTHS
from briefing.sentences import word_count

# Words of prose around a date: "Posted on social media on 3 November 2026, the video shows soldiers..."
_PROSE_WORD = re.compile(r"\b[a-z][a-z'’-]{2,}\b")
DATE_LINE_PROSE_WORDS = 2  # "Published 3 Nov 2026 in World News", "Posted on social media on 3 Nov"


def reads_as_date_line(rest: str) -> bool:
    """Whether what follows "Published"/"Updated" is a date line's rest (a date, a time, a section or
    a name) and not a sentence with a date in it ("guidance on 12 November 2025 told doctors to ..."):
    a date line has at most DATE_LINE_PROSE_WORDS lower-case words that are not date words."""
    return len(_PROSE_WORD.findall(_DATE_WORDS.sub(" ", rest.translate(_ALEF)))) <= DATE_LINE_PROSE_WORDS


def is_only_date(text: str) -> bool:
    """A short line of nothing but a date and time: no word of four letters or more but date words."""
    undated = _DATE_WORDS.sub("", text.translate(_ALEF))
    return word_count(text) <= 8 and not re.search(r"[^\W\d_]{4,}", undated)


# The shape of a date line, whatever its month's language: a day, one word, a year ("24 Kasım 2026", "24
# Νοεμβρίου 2026", "Kasım 24, 2026"), perhaps a weekday before it and a time after it; or a day in figures
# ("45/13/2026")
_DATE_SHAPE = re.compile(
    r"^(?:[^\W\d_]{2,}\.?,\s*)?"
    r"(?:(?P<day>\d{1,2})\.?\s+(?P<month>[^\W\d_]{3,})\.?|(?P<month2>[^\W\d_]{3,})\.?\s+(?P<day2>\d{1,2}),?)"
    r",?\s+(?:19|20)\d{2}(?:\s*[^\W\d_]{1,4}\.?)?(?:[,\s]+\d{1,2}[:.h]\d{2}\b.{0,16})?$"
    r"|^\d{1,4}(?P<sep>[/.-])\d{1,2}(?P=sep)\d{1,4}(?:[,\s]+\d{1,2}[:.h]\d{2}\b.{0,16})?$"
)
# An English heading has that shape too ("24 Hours 2026", "12 Years 2014"): a month's word the bot does not
# read counts only in another script or with other letters than English's ("Kasım", "Νοεμβρίου") or in
# lower case, as most languages write their months ("24 listopada 2026"), or a month known by its stem
# ("18 Mart 2026"); another English word in capitals is none
_ENGLISH_CAPITALISED = re.compile(r"[A-Z][a-z]+")


def looks_like_date(text: str) -> bool:
    """Whether a line has a date line's shape, read or not: a day, a month's word and a year ("24 Kasım
    2026", "Kasım 24, 2026"), or a day in figures, alone or with a weekday before and a time after. A
    dump's article may print its date in a language :func:`parse_date` does not read; that line still
    marks where the article starts, under its title, as a date line read does."""
    found = _DATE_SHAPE.match(text.strip())
    if found is None:
        return False
    month = found.group("month") or found.group("month2")
    if (
        month
        and _ENGLISH_CAPITALISED.fullmatch(month)
        and not (month.casefold() in MONTHS or _month_stem(month))
    ):
        return False
    day = found.group("day") or found.group("day2")
    return day is None or 1 <= int(day) <= 31


_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# Weekday names in French, Spanish, German, Portuguese and Italian: with the months' names, "22 novembre
# 2026" or "Freitag, 22. November 2026" alone on a line is a date line as "22 November 2026" is
_FOREIGN_WEEKDAYS = """
    lundi mardi mercredi jeudi vendredi samedi dimanche
    lunes martes miércoles miercoles jueves viernes sábado sabado domingo
    montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag
    segunda terça terca quarta quinta sexta feira
    lunedì martedì mercoledì giovedì venerdì sabato domenica
    понедельник вторник среда среду четверг пятница пятницу суббота субботу воскресенье
    понеділок вівторок середа середу четвер п'ятниця п'ятницю субота суботу неділя неділю
    الاثنين الثلاثاء الاربعاء الخميس الجمعة السبت الاحد
""".split()
# ... and the words that follow a year in Russian and Ukrainian ("24 ноября 2026 года", "2026 року")
_YEAR_WORDS = ("года", "год", "року", "рік")
_DATE_WORDS = re.compile(
    r"\b(" + "|".join(MONTHS) + r"|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|am|pm|utc|gmt|at|on|"
    + "|".join((*FOREIGN_MONTHS, *_FOREIGN_WEEKDAYS, *CYRILLIC_MONTHS, *ARABIC_MONTHS, *_YEAR_WORDS))
    + r")\b\.?",
    re.I,
)
_ISO = re.compile(
    r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?"
    r"\s*(Z\b|[+-]\d{2}:?\d{2})?",  # "Z" alone or glued to the time: "10:30 zoo officials" has no zone
    re.I,
)
_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(\d{4})\b", re.I)
_MDY = re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.I)
# A day and a month named in another language ("24 Set 2018", "04 déc. 2018", "12 Mrz 2025"): the month
# is known by the first three letters of its name without accents, or four where French needs them
_DMY_ANY = re.compile(r"\b(\d{1,2})\.?\s+(?:de\s+)?([^\W\d_]{3,})\.?,?\s+(?:de\s+)?(\d{4})\b")
_MONTH_STEMS = {
    **{name[:3]: number for name, number in MONTHS.items()},
    **{"fev": 2, "abr": 4, "avr": 4, "mai": 5, "mag": 5, "giu": 6, "lug": 7, "ago": 8, "aou": 8, "set": 9},
    **{"out": 10, "okt": 10, "ott": 10, "dez": 12, "dic": 12, "ene": 1, "gen": 1, "mrz": 3, "juin": 6},
    "juil": 7,
}
# A day in figures, "24/11/2026", "24.11.2026", "24-11-2026" (one separator throughout), or the year first,
# "2026/11/24", "2026.11.24" (Japan, China and Korea print it so)
_NUMERIC = re.compile(r"\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\b")
_YMD = re.compile(r"\b(\d{4})([/.])(\d{1,2})\2(\d{1,2})\b")
# ... and with a two-digit year, "24.11.26", "24/11/26", as German, Russian and British pages print it; not
# with dashes ("24-11-26" is as often a score or a range), nor inside a longer run of figures ("10.0.24.11")
_NUMERIC_SHORT = re.compile(r"(?<![\d/.-])(\d{1,2})([/.])(\d{1,2})\2(\d{2})(?![\d/-]|\.\d)")
CENTURY_PIVOT = 69  # a two-digit year up to this is this century's ("26": 2026), over it the last's
# ... and only where a date line puts it: first, or after a dating label, a weekday or a separator
# ("Published: 24.11.26", "Mi., 24.11.26", "Politics | 24.11.26"), not after any word ("Tel. 24.11.26",
# "Room 24.11.26": a phone number's or a room's figures)
_SHORT_YEAR_AFTER = re.compile(
    r"(?:^|(?:\b(?:published|updated|posted|date[d]?|on|am|vom|le|el|del|den)|\b(?:mon|tue|wed|thu|fri|sat|sun|"
    r"mo|di|mi|do|fr|sa|so|lun|mar|mer|jeu|ven|sam|dim)[a-zäéè]*\.?)[:,]?|[|·•—–,:-])\s*$",
    re.IGNORECASE,
)
# A day and an Arabic month ("23 نوفمبر 2026", "24 نوفمبر/تشرين الثاني 2026"), read with alef folded
_ALEF = str.maketrans("أإآ", "ااا")
_ARABIC_MONTH = "|".join(sorted(ARABIC_MONTHS, key=len, reverse=True))
_DMY_ARABIC = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s+({_ARABIC_MONTH})(?:\s*/\s*(?:{_ARABIC_MONTH}))?\s*[،,]?\s+(\d{{4}})(?!\d)"
)
_TIME = re.compile(r"\b(\d{1,2})(?:[:.]|h(?=\d{2}))(\d{2})(?::(\d{2}))?\s*([ap])?\.?\s*(m\b\.?)?", re.I)
_HOUR = re.compile(r"\b(\d{1,2})\s?([ap])\.?\s?m\b\.?", re.I)  # "2 p.m.", "11am"
# Zone abbreviations written after a time ("3:14 pm EST"), as the fixed offsets they stand for; those
# that name several clocks (CST, IST, BST, AST) are left out, and such a date is read as UTC
ZONE_OFFSETS = {
    "EST": "-05:00", "EDT": "-04:00", "CDT": "-05:00", "MST": "-07:00", "MDT": "-06:00",
    "PST": "-08:00", "PDT": "-07:00", "AKST": "-09:00", "AKDT": "-08:00", "HST": "-10:00",
    "WET": "+00:00", "WEST": "+01:00", "CET": "+01:00", "CEST": "+02:00", "EET": "+02:00",
    "EEST": "+03:00", "MSK": "+03:00", "JST": "+09:00", "KST": "+09:00", "AEST": "+10:00",
    "AEDT": "+11:00", "AWST": "+08:00", "NZST": "+12:00", "NZDT": "+13:00",
}  # fmt: skip
_ZONE = re.compile(r"\b(UTC|GMT|Z|" + "|".join(ZONE_OFFSETS) + r")\b|([+-]\d{2}):?(\d{2})\b")
# US news writes its clocks by region ("2 p.m. ET"): a wall clock whose offset depends on the date
WALL_ZONES = {
    "ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles",
}  # fmt: skip
_WALL = re.compile(r"\b(ET|CT|MT|PT)\b")
# ... or by the region's word, right after the time ("6:19 PM Eastern", "18:19 Pacific Time", "2 p.m.
# Central Standard Time"); not a place's word ("14:05 Central European Time", "18:19 Pacific Islands")
_WALL_WORDS = {"Eastern": "ET", "Central": "CT", "Mountain": "MT", "Pacific": "PT"}
_WALL_WORD = re.compile(
    r"(?:\d|\b(?i:[ap]\.?m)\b\.?)\s+(" + "|".join(_WALL_WORDS) + r")"
    r"(?:\s+(?:(?:Standard|Daylight)\s+)?Time)?\b(?!\s+[A-Z])"
)
# A zone only the US and Canada write ("ET", "EST", "PDT", "CST"; "Eastern", :data:`_WALL_WORD`): its writer
# puts the month first, so a day in figures beside it that may be read either way is ("11/05/2026 6:19 PM
# ET" is 5 November)
_US_ZONE = re.compile(r"\b(?:[ECMP]T|[ECMP][SD]T|AK[SD]T|HST)\b")
_SHIFTED = re.compile(r"\b(?:UTC|GMT)\s?([+-])(\d{1,2})(?::?(\d{2}))?(?!\d)")  # "GMT+1", "UTC-03:30"
# A zone written as a word after an ISO date's time of day ("2026-11-25 08:00 UTC", "... 08:00 GMT+1",
# "... 14:00 CET", "... 9:00 ET"): a zone, as it is after any other date ("25 Nov 2026 08:00 UTC")
_ISO_ZONE_WORD = re.compile(
    r"\s*(?:(?:UTC|GMT)(?:\s?[+-]\d{1,2}(?::?\d{2})?(?!\d))?|"
    + "|".join([*ZONE_OFFSETS, *WALL_ZONES])
    + r")\b"
)


# An ISO day with its time written another way after it: "2026-11-25, 08:00 UTC", "2026-11-25 8:00 am
# UTC", "2026-11-25 08:00 (UTC)", "2026-11-25 at 08:00"; :func:`_iso_tidied` writes it as the ISO form
_ISO_LOOSE = re.compile(
    r"\b(\d{4}-\d{2}-\d{2})(?:,\s*|\s+(?:at\s+)?)(\d{1,2})[:.](\d{2})(?::(\d{2}))?"
    r"(?:\s*([ap])\.?\s?m\b\.?)?(?:\s*\((" + _ISO_ZONE_WORD.pattern.removeprefix(r"\s*") + r")\))?",
    re.I,
)


def _iso_tidied(text: str) -> str:
    """``text`` with an ISO day's time written loosely after it (:data:`_ISO_LOOSE`) in the ISO form,
    "2026-11-25 08:00:00 UTC", so that the time and its zone are read as the ISO form's are."""

    def tidy(found: re.Match[str]) -> str:
        day, hour, minute, second, meridiem, zone = found.groups()
        clock = _clock(f"{hour}:{minute} {meridiem}m" if meridiem else f"{hour}:{minute}")
        if clock is None or clock[0] > 23:
            return found.group()
        h, m, _ = clock
        return f"{day} {h:02d}:{m:02d}:{second or '00'}" + (f" {zone}" if zone else "")

    return _ISO_LOOSE.sub(tidy, text) if "-" in text else text


def parse_date(text: str, *, zone: str | None = None) -> datetime | None:
    """The date and time written in ``text``, timezone-aware, or None. A time of day written without a
    zone is read on ``zone``'s clock (an IANA name or an offset, "+01:00") when given, else as UTC; a day
    without a time is midnight UTC whatever ``zone`` is (it names a day, not a moment), and so is a day at
    00:00 without a zone ("25 Nov 2026 00:00": a page's stamp for a day it has no time for)."""
    return _read(text, zone)[0]


def _us_zone_in(text: str) -> bool:
    """Whether ``text`` writes a zone as only the US and Canada do, in letters or words: the day's month
    is first."""
    return _US_ZONE.search(text) is not None or _WALL_WORD.search(text) is not None


def _read(text: str, zone: str | None) -> tuple[datetime | None, bool]:
    """:func:`parse_date`'s date, and whether it has a time of day (written next to the date, not inside
    it: "24.11.2026" holds no clock "24.11")."""
    text = _iso_tidied(text)
    iso = _ISO.search(text)
    if iso:
        y, mo, d, h, mi, s, _ = iso.groups()
        clock = (int(h), int(mi), int(s or 0)) if h is not None else None
        return _on_day(int(y), int(mo), int(d), clock, _iso_zone(iso, text), zone)
    if cjk := _CJK.search(text):
        return _cjk_date(cjk, text, zone)
    found = _written_day(text)
    if found is None:
        return None, False
    year, month, day, start, end, either = found
    # the time follows the date ("Nov 21, 2026 2:00 PM ET") or comes first ("2:00 PM ET Sat, Nov 21, 2026")
    rest = text[end:]
    clock = _clock(rest)
    if clock is None and (clock := _clock(text[:start])) is not None:
        rest = text[:start]
    if either and _us_zone_in(rest):
        month, day = day, month  # "11/05/2026 6:19 PM ET": an American writes the month first
    return _on_day(year, month, day, clock, _zone_in(rest), zone)


def _on_day(
    year: int, month: int, day: int, clock: tuple[int, int, int] | None, written: str | None, zone: str | None
) -> tuple[datetime | None, bool]:
    """The day at its time of day, on the zone written beside it, else on ``zone``'s clock; a time of
    00:00 without a zone is no time (the day alone), and whether the date has a time."""
    clocked = clock is not None and (written is not None or clock != (0, 0, 0))
    hour, minute, second = clock if clock is not None and clocked else (0, 0, 0)
    return _build(year, month, day, hour, minute, second, written or _on(zone, clocked)), clocked


def _written_day(text: str) -> tuple[int, int, int, int, int, bool] | None:
    """The day a date in ``text`` names, as year, month and day, with where it is written and whether
    its day and month may be read either way ("05/11/2026": day first, unless the line says otherwise)."""
    dmy, mdy, numeric = _DMY.search(text), _MDY.search(text), _NUMERIC.search(text) or _YMD.search(text)
    if numeric and not (dmy or mdy):
        if numeric.re is _YMD:  # "2026/11/24": the year first, then the month, as in the ISO form
            year, month, day = int(numeric.group(1)), int(numeric.group(3)), int(numeric.group(4))
            return year, month, day, numeric.start(), numeric.end(), False
        a, b, year = int(numeric.group(1)), int(numeric.group(3)), int(numeric.group(4))
        day, month = (b, a) if b > 12 else (a, b)  # day first unless that cannot be
        return year, month, day, numeric.start(), numeric.end(), a <= 12 and b <= 12 and a != b
    if dmy:
        day, month, year = int(dmy.group(1)), MONTHS[dmy.group(2).lower()], int(dmy.group(3))
        return year, month, day, dmy.start(), dmy.end(), False
    if mdy:
        month, day, year = MONTHS[mdy.group(1).lower()], int(mdy.group(2)), int(mdy.group(3))
        return year, month, day, mdy.start(), mdy.end(), False
    if (other := _DMY_ANY.search(text)) and (named := _month_stem(other.group(2))):
        return int(other.group(3)), named, int(other.group(1)), other.start(), other.end(), False
    if arabic := _DMY_ARABIC.search(text.translate(_ALEF)):
        day, month = int(arabic.group(1)), ARABIC_MONTHS[arabic.group(2)]
        return int(arabic.group(3)), month, day, arabic.start(), arabic.end(), False
    return _short_year_day(text)


def _short_year_day(text: str) -> tuple[int, int, int, int, int, bool] | None:
    """A day in figures with a two-digit year ("24.11.26": 24 November 2026), day first unless that cannot
    be, as a four-digit one is read; only when its day and month can be told apart ("05.11.26" may be 5
    November or 11 May) or a US zone after it says the month is first (:func:`_read` asks): a short year
    leaves no room for a guess. None for any other text."""
    found = _NUMERIC_SHORT.search(text)
    if found is None or not _SHORT_YEAR_AFTER.search(text[: found.start()]):
        return None
    a, b, short = int(found.group(1)), int(found.group(3)), int(found.group(4))
    day, month = (b, a) if b > 12 else (a, b)
    either = a <= 12 and b <= 12 and a != b
    if either and not _us_zone_in(text[found.end() :]):
        return None
    year = (2000 if short <= CENTURY_PIVOT else 1900) + short
    return year, month, day, found.start(), found.end(), either


# A date in Japanese or Chinese: "2024年11月13日 18:19", "2024年11月13日(水) 18時19分" (year, month, day,
# then the hour and minute by their signs, or a clock)
_CJK = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_CJK_CLOCK = re.compile(r"(\d{1,2})\s*[時时点點]\s*(?:(\d{1,2})\s*分)?")


def _cjk_date(found: re.Match[str], text: str, zone: str | None) -> tuple[datetime | None, bool]:
    rest = text[found.end() :]
    signed = _CJK_CLOCK.search(rest)
    clock = (int(signed.group(1)), int(signed.group(2) or 0), 0) if signed else _clock(rest)
    year, month, day = (int(g) for g in found.groups())
    return _on_day(year, month, day, clock, _zone_in(rest), zone)


def _iso_zone(iso: re.Match[str], text: str) -> str | None:
    """The zone an ISO date's time of day is written in: an offset or "Z" in the ISO form, or a zone word
    after it ("08:00 UTC"); None for a day alone or a time without one."""
    if iso.group(4) is None or iso.group(7):
        return iso.group(7)
    word = _ISO_ZONE_WORD.match(text, iso.end())
    return _zone_in(word.group()) if word else None


def _on(zone: str | None, clocked: bool) -> str | None:
    return zone if clocked else None


def unzoned_clock(text: str) -> bool:
    """Whether ``text`` writes a date with a time of day but no zone ("Wed 13 Nov 2024, 6:19 PM"): its
    moment depends on whose clock it is."""
    when = parse_date(text)
    return when is not None and parse_date(text, zone="+05:00") != when


def on_clock(text: str, when: datetime, zone: str | None) -> tuple[datetime, bool]:
    """``when``, as read from ``text``, read again on ``zone``'s clock when ``text`` gives a time of day
    without a zone; and whether its clock is unknown (such a time and no ``zone``: read as UTC, only its
    day sure). Dumps and pages date an article by it, ``zone`` their outlet's."""
    if not unzoned_clock(text):
        return when, False
    if not zone:
        return when, True
    return parse_date(text, zone=zone) or when, False


def day_only(text: str) -> bool:
    """Whether ``text`` writes a date without a time of day ("Posted: 03/12/2025", "November 24, 2026"):
    it names a day, read as midnight UTC, whose clock is unknown, not a moment at 00:00."""
    when, clocked = _read(text, None)
    return when is not None and not clocked


def zone_written(text: str) -> str | None:
    """The zone a date with a time of day (or a time alone, "14:52 GMT") in ``text`` is written in
    ("+01:00", "America/New_York"), else None; "UTC", "GMT" and "Z" are "+00:00"."""
    if unzoned_clock(text):
        return None
    text = _iso_tidied(text)
    iso = _ISO.search(text)
    if iso:
        written = _iso_zone(iso, text)
    elif _clock(text) is not None:
        written = _zone_in(text)
    else:
        return None
    if written is None:
        return None
    if written.upper() in ("Z", "UTC", "GMT"):
        return "+00:00"
    return written if "/" in written else f"{written[0]}{written[1:3]}:{written[-2:]}"


# How old a text says it is: "34 min ago", "2 hours ago", "yesterday", German "vor 2 Stunden", "gestern",
# French "il y a 3 heures", Spanish "hace 3 horas", Portuguese "há 2 dias", Italian "3 ore fa"; the unit's
# seconds by its first letters.
# A count in words, one to ten, of the languages whose ages are read without "ago" (cheap: no other
# number words are as common before a unit of time)
_NUMBER_WORDS = {
    **dict.fromkeys(("ein", "einer", "einem", "un", "une", "uno", "una", "um", "uma", "un'", "un’"), 1),
    **dict.fromkeys(("zwei", "deux", "dos", "dois", "duas", "due"), 2),
    **dict.fromkeys(("drei", "trois", "tres", "três", "tre"), 3),
    **dict.fromkeys(("vier", "quatre", "cuatro", "quatro", "quattro"), 4),
    **dict.fromkeys(("fünf", "cinq", "cinco", "cinque"), 5),
    **dict.fromkeys(("sechs", "six", "seis", "sei"), 6),
    **dict.fromkeys(("sieben", "sept", "siete", "sete", "sette"), 7),
    **dict.fromkeys(("acht", "huit", "ocho", "oito", "otto"), 8),
    **dict.fromkeys(("neun", "neuf", "nueve", "nove"), 9),
    **dict.fromkeys(("zehn", "dix", "diez", "dez", "dieci"), 10),
}  # fmt: skip
_COUNT = r"\d+|" + "|".join(sorted((w for w in _NUMBER_WORDS if w[-1].isalpha()), key=len, reverse=True))
# ... and in English, before "ago", up to fifty-nine: "two hours ago", "an hour ago", "twenty minutes ago",
# "forty-five minutes ago"
ENGLISH_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
ENGLISH_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
# ... and an approximate count, "a few hours ago", "several days ago": the least its words can mean, so that
# an article is never dated older than its page says it is
_ENGLISH_SOME = {"a few": 2, "a couple of": 2, "several": 3}
_ONES = "|".join(w for w, n in ENGLISH_NUMBERS.items() if 1 <= n <= 9 and w not in ("a", "an"))
_ENGLISH_COUNT = "|".join(
    (
        r"a\s+few|a\s+couple\s+of|several",
        rf"(?:{'|'.join(ENGLISH_TENS)})(?:[\s-](?:{_ONES}))?",
        *sorted(ENGLISH_NUMBERS, key=len, reverse=True),
    )
)
# AGO is also the end of a line furniture reads as a byline's time ("S.Chen34 min ago"): its count and unit
# are groups 1 and 2 here. A count in figures starts where a run of digits does ("S.Chen34"), one in words
# where a word does ("Jane Doe two hours ago")
AGO = (
    r"((?<!\d)\d+|\b(?:" + _ENGLISH_COUNT + r")\b)"
    r"\s*(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|months?|y|yrs?|years?)\s+ago\.?$"
)
_AGO = re.compile(AGO, re.I)
_VOR = re.compile(
    rf"\bvor\s+({_COUNT})\s+(sekunden?|minuten?|min\.?|stunden?|std\.?|tag(?:en)?|wochen?|"
    r"monat(?:en)?|jahr(?:en)?)\.?$",
    re.I,
)
_IL_Y_A = re.compile(
    rf"\bil y a\s+({_COUNT})\s+(secondes?|min(?:utes?)?\.?|h|heures?|jours?|semaines?|mois|ans?)\.?$", re.I
)
# Spanish "hace 3 horas", Portuguese "há 2 dias" (unaccented "ha" is Italian "has": "ha 2 anni" is an age)
_HACE = re.compile(
    rf"(?<!\w)(?:hace|há)\s+({_COUNT})\s+(segundos?|min(?:utos?)?\.?|h|horas?|d[ií]as?|semanas?|"
    r"mes(?:es)?|mês|años?|anos?)\.?$",
    re.I,
)
# Italian "3 ore fa", "un'ora fa"
_FA = re.compile(
    rf"(?<!\w)({_COUNT}|un['’])\s*(secondi?|minuti?|min\.?|ore|ora|h|giorni?|settimane?|settimana|mesi?|"
    r"mese|anni|anno)\s+fa\.?$",
    re.I,
)
_YESTERDAY = re.compile(r"^(?:yesterday|gestern|hier|ayer|ontem|ieri)\b", re.I)
# a time of day after the day's word: " at 6:19 PM", ", 09:02 Uhr", " à 18h19", " a las 18:19", " alle 18:19"
DAY_TIME = r",?\s+(?:at|um|à|a las|às|alle)?\s*\d{1,2}(?:[:.h]\d{2})?\s*(?:[ap]\.?\s?m\.?|uhr)?"
# ... and the day's word ending a byline: "Jane Doe yesterday", "Katrin Vogel · gestern, 18:19 Uhr" (French
# "hier" is no age here: it is German "here" as often)
_YESTERDAY_ENDING = re.compile(rf"(?<!\w)(?:yesterday|gestern|ayer|ontem|ieri)(?:{DAY_TIME})?\.?$", re.I)
# ... or today's: "Jane Doe today", "Katrin Vogel · heute, 09:02 Uhr" (read when the page was, its age none)
_TODAY_ENDING = re.compile(rf"(?<!\w)(?:today|heute|aujourd['’]hui|hoy|hoje|oggi)(?:{DAY_TIME})?\.?$", re.I)
# read moments ago, or today at a time of day (whose clock is unknown): dated when read
_TODAY = re.compile(
    r"^(?:today|heute|aujourd['’]hui|hoy|hoje|oggi|just now|gerade eben|à l['’]instant)\b", re.I
)
_MINUTE, _HOUR_S, _DAY = 60, 3600, 86400
# a unit's seconds by how its word starts, longest first: "mo(nths)" before "m(in)", "sem(aines)" before "s"
_UNIT_SECONDS = (
    ("mois", 30 * _DAY), ("monat", 30 * _DAY), ("mo", 30 * _DAY), ("mes", 30 * _DAY), ("mês", 30 * _DAY),
    ("sem", 7 * _DAY), ("sett", 7 * _DAY), ("st", _HOUR_S), ("ja", 365 * _DAY), ("an", 365 * _DAY),
    ("añ", 365 * _DAY), ("m", _MINUTE), ("s", 1), ("h", _HOUR_S), ("o", _HOUR_S), ("d", _DAY), ("t", _DAY),
    ("j", _DAY), ("g", _DAY), ("w", 7 * _DAY), ("y", 365 * _DAY),
)  # fmt: skip


class DayAge(timedelta):
    """An age told by a day's word ("today", "yesterday", "gestern", "ayer"): its day is sure, not its
    time of day, so what it dates has an unknown clock ("today", not "just now" or "24 h ago")."""


_JUST_NOW = re.compile(r"^(?:just now|gerade eben|à l['’]instant)\b", re.I)


def relative_age(text: str) -> timedelta | None:
    """How long before the text was read it says it was written: "S.Chen34 min ago" -> 34 minutes,
    "3 days ago", "two hours ago", "an hour ago", "vor 2 Stunden", "il y a 3 heures", "hace dos días",
    "há 2 horas", "3 ore fa"; "yesterday", "gestern", "hier", "ayer", "ontem", "ieri" a day; "today at
    9:02", "heute", "aujourd'hui", "hoy", "just now" none. None for no such words at the end of ``text``
    (or, for "yesterday" and "today", at its start; "yesterday" and "today" but not French "hier" end a
    byline's line: "Jane Doe yesterday", "Jane Doe · today")."""
    text = text.strip()
    if _YESTERDAY.match(text):
        return DayAge(days=1)
    if _TODAY.match(text):
        return timedelta(0) if _JUST_NOW.match(text) else DayAge(0)
    found = _age_ending(text)
    if found is None:
        if _YESTERDAY_ENDING.search(text):
            return DayAge(days=1)
        return DayAge(0) if _TODAY_ENDING.search(text) else None
    count, unit = found.group(1).lower(), found.group(2).lower()
    number = _english_count(count) or _NUMBER_WORDS.get(count) or int(count)
    seconds = next(s for prefix, s in _UNIT_SECONDS if unit.startswith(prefix))
    return timedelta(seconds=number * seconds)


def _english_count(count: str) -> int | None:
    """The number an English count in words is ("twenty-five" 25, "a few" 2), or None."""
    words = re.split(r"[\s-]+", count)
    if (some := _ENGLISH_SOME.get(" ".join(words))) is not None:
        return some
    if words[0] in ENGLISH_TENS:
        return ENGLISH_TENS[words[0]] + (ENGLISH_NUMBERS[words[1]] if len(words) > 1 else 0)
    return ENGLISH_NUMBERS.get(count)


def age_start(text: str) -> int | None:
    """Where the age ending ``text`` begins ("Pablo García hace 3 horas" -> 13, at "hace"; "Jane Doe
    yesterday" -> 9), so that what comes before it can be read (a byline, on the same line); None when no
    age ends it after other words ("yesterday" alone and "today" are ages at a line's start)."""
    text = text.rstrip()
    found = _age_ending(text)
    if found is not None:
        return found.start()
    day = _YESTERDAY_ENDING.search(text) or _TODAY_ENDING.search(text)
    return day.start() if day is not None and day.start() > 0 else None


def says_the_day(text: str) -> bool:
    """Whether ``text`` starts with the word for yesterday or today ("yesterday at 6:19 PM", "gestern",
    "ayer", "today", "heute"): a day's word, which ends a place's or a club's line as often as a byline
    ("New York yesterday", "Real Madrid today")."""
    return bool(_YESTERDAY.match(text.strip()) or _TODAY.match(text.strip()))


def _age_ending(text: str) -> re.Match[str] | None:
    """The age in words and counts ending ``text``, in any language read: its count and unit are groups 1
    and 2."""
    found = _AGO.search(text) or _VOR.search(text) or _IL_Y_A.search(text) or _HACE.search(text)
    return found or _FA.search(text)


# The day a dateline gives without its year: "Nov 23", "Nov. 23", "23 Nov", "24 SET"
_DAY_MONTH = re.compile(r"\b([^\W\d_]{3,10})\.?\s+(\d{1,2})\b|\b(\d{1,2})\.?\s+([^\W\d_]{3,10})\b")
DATELINE_AHEAD = timedelta(days=1)  # a dateline's day may be tomorrow where it was written


def dateline_date(dateline: str, *, now: datetime) -> datetime | None:
    """The day a dateline (:func:`briefing.sentences.split_dateline`) gives ("AMSTERDAM, Nov 23 (Reuters)
    -", "COPENHAGEN, Denmark, Nov. 24, 2026 /PRNewswire/ --", "Berlin, 24. November 2026 –"), at midnight
    UTC, or None. A day without its year is in the year that puts it last on or before ``now`` (a day
    ahead allowed): a wire story is dated by the day it was filed, which is never later than it is read."""
    if not dateline:
        return None
    full = parse_date(dateline)
    if full is not None:
        return full
    for m in _DAY_MONTH.finditer(dateline):
        word, day = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        month = _month_stem(word)
        if month is not None:
            return _in_last_year(month, int(day), now)
    return None


def _in_last_year(month: int, day: int, now: datetime) -> datetime | None:
    for year in (now.year + 1, now.year, now.year - 1):
        try:
            when = datetime(year, month, day, tzinfo=UTC)
        except ValueError:
            continue
        if when <= now + DATELINE_AHEAD:
            return when
    return None


def _clock(text: str) -> tuple[int, int, int] | None:
    """The time of day written in ``text`` ("6:19 PM", "18.19", "2 p.m."), on a 24-hour clock."""
    clock = _TIME.search(text)
    if clock:
        hour, minute, second = int(clock.group(1)), int(clock.group(2)), int(clock.group(3) or 0)
        meridiem = (clock.group(4) or "").lower()
    elif hour_only := _HOUR.search(text):
        hour, minute, second, meridiem = int(hour_only.group(1)), 0, 0, hour_only.group(2).lower()
    else:
        return None
    if meridiem == "p" and hour < 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    return hour, minute, second


def _zone_in(text: str) -> str | None:
    """The zone written in ``text`` as an offset ("+01:00"), "UTC", an IANA name, or None."""
    shifted = _SHIFTED.search(text)
    if shifted:
        sign, hours, minutes = shifted.groups()
        return f"{sign}{int(hours):02d}:{minutes or '00'}"
    zone = _ZONE.search(text)
    if zone is None and (wall := _WALL.search(text)):
        return WALL_ZONES[wall.group(1)]
    if zone is None and (word := _WALL_WORD.search(text)):
        return WALL_ZONES[_WALL_WORDS[word.group(1)]]
    written = zone.group(0) if zone else None
    return ZONE_OFFSETS.get(written or "", written)


def _month_stem(word: str) -> int | None:
    """The month a word names in another language, by its stem ("set", "déc", "juil", "ноя", "лис"), or
    None."""
    if "\u0400" <= word[:1] <= "\u04ff":  # Cyrillic: no accents to fold ("й" is no "и")
        return CYRILLIC_MONTH_STEMS.get(word.casefold()[:3])
    plain = "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if c.isascii())
    return _MONTH_STEMS.get(plain[:4]) or _MONTH_STEMS.get(plain[:3])


# The dates a system writes when it has none: Go's and .NET's zero time (year 1), the Unix epoch (0), and
# the first day of 1900 (spreadsheets, some CMSs); and no news is dated before the first newspapers with
# a clock on their front page. Such a date is no date: the article is dated as an undated one is.
EARLIEST_YEAR = 1900
PLACEHOLDER_DATES = frozenset(
    (datetime(1970, 1, 1, tzinfo=UTC), datetime(1900, 1, 1, tzinfo=UTC), datetime(1, 1, 1, tzinfo=UTC))
)
MAX_OFFSET = timedelta(hours=14)  # no clock is further from UTC: "+25:00" is no zone


def plausible(when: datetime | None) -> datetime | None:
    """``when``, unless it is a placeholder for "no date" (:data:`PLACEHOLDER_DATES`, at any offset) or
    before :data:`EARLIEST_YEAR`: then None. Arithmetic on year 1 overflows ("date value out of
    range"), and an epoch-0 date would rank an article as 56 years old."""
    if when is None or when.year < EARLIEST_YEAR or when in PLACEHOLDER_DATES:
        return None
    return when


def _build(y: int, mo: int, d: int, h: int, mi: int, s: int, zone: str | None) -> datetime | None:
    if y < EARLIEST_YEAR:
        return None
    tz = UTC
    if zone is not None and "/" in zone:  # a region's clock: "America/New_York", "Europe/Berlin"
        try:
            wall = datetime(y, mo, d, h, mi, s, tzinfo=ZoneInfo(zone))
        except ValueError:
            return None
        return wall.astimezone(timezone(wall.utcoffset() or timedelta()))
    if zone and zone.upper() not in ("Z", "UTC", "GMT"):
        sign = -1 if zone.startswith("-") else 1
        digits = zone[1:].replace(":", "")
        offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
        if offset <= MAX_OFFSET:  # "+99:99" is no zone
            tz = timezone(sign * offset)
    try:
        return plausible(datetime(y, mo, d, h, mi, s, tzinfo=tz))
    except ValueError:
        return None
