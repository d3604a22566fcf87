"""Reading the timezones people type, and saying which IANA zone they mean.

    parse_zone("São Paulo") -> "America/Sao_Paulo"      parse_zone("UTC+3") -> "Etc/GMT-3"
    parse_zone("Europe/Kiev") -> "Europe/Kyiv"          parse_zone("PDT") -> "America/Los_Angeles"
    parse_zone("Mumbai") -> "Asia/Kolkata"   (seeds/place_zones.toml)
    read_zone("in Kyiv please") -> ("Europe/Kyiv", "")
    read_zone("Perth, WA") -> ("Australia/Perth", "")      (Western Australia's Perth, not Washington's clock)
    read_zone("Oslo, NO") -> ("Europe/Oslo", "")           (Oslo's own name, not Europe/Berlin it links to)

A timezone is always stored as an IANA name, under its current name, because that is what ``zoneinfo``
loads and what the /settings buttons compare with. A country's zone named in ``zone.tab`` is current even
where IANA makes it a link to a neighbour's zone of the same clock (Europe/Oslo to Europe/Berlin), and the
place list gives each city such a zone of its own country (``bench/make_zone_places.py``), so users see
the name of their own place however they type it; old names are renamed (Europe/Kiev -> Europe/Kyiv).
An abbreviation is its region's clock, summer and winter (EST is America/New_York). A fixed offset
becomes IANA's ``Etc/GMT±N``, whose sign is the reverse of the usual one (``Etc/GMT-3`` is UTC+03:00).
Pure: ``now`` comes in as an argument, used only to suggest zones of an offset.
The names and places are looked up in the tables of :mod:`briefing.place_zones`. How a zone is shown
once read (its offset now, a warning about a reversed sign or an abbreviation out of season) is
:mod:`briefing.zone_offsets`; times of day are :mod:`briefing.times_of_day`.
"""

from __future__ import annotations

import difflib
import re
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from briefing.place_zones import (
    NOT_PLACES,
    Place,
    Region,
    canonical,
    city_zones,
    fold,
    place_table,
    zone_names,
    zones_named,
)
from briefing.times_of_day import EXAMPLE, SettingError

_OFFSET = re.compile(r"^(?:utc|gmt)?([+-])(\d{1,2})(?::?(\d{2}))?$")
US_NAME = "United States"  # the US's name in the place list, whose states yield to cities ("Washington")
NY, CHICAGO, DENVER, LA = "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"
# An abbreviation names a region's clock, summer and winter alike, so it is stored as that region's zone
# (EST is New York's clock, not IANA's fixed EST). "standard" and "summer" say which half of the year
# the abbreviation is right for; typed in the other half, the reply says so (``zone_note``).
ABBREVIATIONS: dict[str, tuple[str, str | None]] = {
    "et": (NY, None), "eastern": (NY, None), "est": (NY, "standard"), "edt": (NY, "summer"),
    "ct": (CHICAGO, None), "central": (CHICAGO, None), "cdt": (CHICAGO, "summer"),
    "mt": (DENVER, None), "mountain": (DENVER, None), "mst": (DENVER, "standard"), "mdt": (DENVER, "summer"),
    "pt": (LA, None), "pacific": (LA, None), "pst": (LA, "standard"), "pdt": (LA, "summer"),
    "akst": ("America/Anchorage", "standard"), "akdt": ("America/Anchorage", "summer"),
    "hst": ("Pacific/Honolulu", None),
    "est5edt": (NY, None), "cst6cdt": (CHICAGO, None), "mst7mdt": (DENVER, None), "pst8pdt": (LA, None),
    "wet": ("Europe/Lisbon", "standard"),
    "cet": ("Europe/Berlin", "standard"), "met": ("Europe/Berlin", "standard"),
    "cest": ("Europe/Berlin", "summer"),
    "eet": ("Europe/Kyiv", "standard"), "eest": ("Europe/Kyiv", "summer"),
    "msk": ("Europe/Moscow", None), "jst": ("Asia/Tokyo", None), "kst": ("Asia/Seoul", None),
    "hkt": ("Asia/Hong_Kong", None), "sgt": ("Asia/Singapore", None), "pkt": ("Asia/Karachi", None),
    "aest": ("Australia/Sydney", "standard"), "aedt": ("Australia/Sydney", "summer"),
    "awst": ("Australia/Perth", None),
    "nzst": ("Pacific/Auckland", "standard"), "nzdt": ("Pacific/Auckland", "summer"),
    "sast": ("Africa/Johannesburg", None),
}  # fmt: skip
# Abbreviations that many people use for different clocks: the bot asks rather than guesses.
AMBIGUOUS = {
    "cst": ("America/Chicago", "Asia/Shanghai", "America/Havana"),
    "ist": ("Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"),
    "bst": ("Europe/London", "Asia/Dhaka"),
    "ast": ("America/Halifax", "Asia/Riyadh"),
}
# Short forms of places, which the place list leaves out (names of two letters are too easily other words).
SHORT_FORMS = {
    "nyc": NY, "la": LA, "sf": LA, "dc": NY, "washington dc": NY, "washington d.c.": NY,
    "washington d.c": NY,
    "kl": "Asia/Kuala_Lumpur", "hk": "Asia/Hong_Kong", "spb": "Europe/Moscow",
}  # fmt: skip
# Words people put around a time and a place ("at 7pm in Kyiv, please") that say neither.
FILLER_WORDS = frozenset(
    "at in for please pls my our the local time zone timezone tz every each day days daily everyday"
    " on by around about me us send it a an digest briefing news thanks thank you and or is to set"
    " o'clock oclock h hrs hours morning".split()
)
# Words that say what kind of place a name is, which the place list and IANA leave out: "Chatham Islands"
# is Chatham's clock, "Lord Howe Island" Lord Howe's. Read only when the name with them is no place.
GENERIC_WORDS = frozenset("island islands isle isles city town".split())
# An abbreviation as people write a clock's ("CHADT", "LHST"): capitals, ending in "T" for time, with
# "S" (standard) or "D" (daylight, summer) before it, after a few letters for the place.
_ABBREVIATION_SHAPE = re.compile(r"^([A-Z]{1,4}?)([SD]?)T$")
# A suggestion is made only for a name this close to a known zone name ("Europe/Berln"), or to a place
# name with the same first letter ("Tokyoo"; "Atlantis" is not Atlanta).
CLOSE = 0.8
CLOSE_PLACE = 0.85
# A city shares its name with cities in other zones: the most populous is taken if it has this many
# times the people of the next in another zone ("St. Petersburg" is Russia's, not Florida's), else the
# user is asked.
DOMINANT = 5


def _choose(text: str, found: list[Place]) -> tuple[str, str]:
    """The zone of the one city of this name, or of the most populous when it has at least
    ``DOMINANT`` times the people of the largest in another zone (with a note naming the others); else
    the user is asked."""
    best: dict[str, Place] = {}
    for place in sorted(found, key=lambda p: -p.population):
        best.setdefault(place.zone, place)
    first, *others = best.values()
    if not others:
        return first.zone, ""
    if first.population >= DOMINANT * others[0].population:
        also = ", ".join(f"{p.label} ({p.zone})" for p in others[:2])
        return (
            first.zone,
            f"“{text}” is taken as {first.label}; there is also {also}: send its zone if you meant it.",
        )
    options = " or ".join(f"{p.zone} ({p.label})" for p in list(best.values())[:3])
    raise SettingError(f"There is more than one “{text}”; say which timezone: {options}.")


def _country_zone(country: Region) -> tuple[str, str]:
    """A country's zone: its only one, or its capital's where most of its people live (Spain: Madrid, not
    the Canaries); else the user is asked for a city. A state's or province's likewise (Texas: Chicago's;
    Nunavut: ask)."""
    if country.zone is None:
        options = ", ".join(f"{z} ({place_table().largest.get(z, city_of(z))})" for z in country.zones[:4])
        raise SettingError(f"{country.name} spans several timezones; name your city, or one of: {options}.")
    return country.zone, ""


def _city_in_region(text: str, words: list[str]) -> tuple[str, str] | None:
    """The zone of "Kyiv, Ukraine", "Atlanta, Georgia", "Kyiv Ukraine", "Berlin, DE" or "Perth, WA": a
    city, then its country (by name, or by its two-letter code when the city is in it: "DE" is Germany
    before Delaware) or its state or province, by name or abbreviation. The longest such tail is taken
    ("North Korea", not "Korea"; "Western Australia", not "Australia").

    A city unknown there ("Paris, Texas") is taken to be on the region's clock; unknown in each of several
    regions of the name ("Macon, Georgia": the country or the US state; "Springfield, WA"), it asks which.
    A filler word after the city names no region unless a comma sets it off: "Berlin for me" is not in
    Maine, "Portland, ME" is. Nor does a two-letter abbreviation without a comma after a city known
    elsewhere but not in its region(s): "Berlin ok" is Berlin, not Oklahoma's clock, and "Paris TX" is
    Paris, France, each with a note saying how to mean the region ("Paris, TX" is Texas's clock)."""
    places = place_table()
    set_off = fold(text).rpartition(",")[2].strip(" .") if "," in text else None
    typed = text.strip(" ,.").replace(",", " ").split()  # as written, for the replies
    for cut in range(1, len(words)):
        tail = " ".join(words[cut:])
        if tail in FILLER_WORDS and set_off != tail:
            continue  # "Berlin for me"; but "Portland, ME" sets the state off with a comma
        city = " ".join(words[:cut])
        found = places.cities.get(city, []) + places.other_names.get(city, [])
        coded = places.country_codes.get(tail)
        if coded is not None and (inside := [p for p in found if p.zone in coded.zones]):
            return _choose(text, inside)
        named = [r for r in (places.countries.get(tail), places.regions.get(tail)) if r is not None]
        regions = list(dict.fromkeys([*named, *places.region_codes.get(tail, [])]))
        for region in regions:
            if inside := [p for p in found if region.holds(p)]:
                return _choose(text, inside)
            if by_name := [z for z in zones_named(city) if z in region.zones]:
                return by_name[0], ""
        if not regions:
            continue
        by_code = not named and len(tail) == 2 and set_off != tail  # "Berlin ok", not "Berlin, OK"
        if by_code and (found or zones_named(city)) and (alone := _city_alone(text, typed, cut, regions)):
            return alone
        if len({r.zone or r.zones for r in regions}) > 1:  # "Macon, Georgia", "Springfield, WA"
            which = "either" if len(regions) == 2 else "any"
            question = f"“{text}”: no {' '.join(typed[:cut])} is known in {which} {' '.join(typed[cut:])}"
            raise _which(regions, question)
        return _country_zone(regions[0])
    return None


def _city_alone(text: str, typed: list[str], cut: int, regions: list[Region]) -> tuple[str, str] | None:
    """The zone of the city, the ``typed`` words before ``cut``, when the abbreviation after it names no
    region holding it ("Berlin ok"), with a note on how to mean the region; None when the city alone
    names no one zone, for the region to be read ("Springfield ok": a Springfield on Oklahoma's clock)."""
    city, code = typed[:cut], typed[cut:]
    try:
        alone = _lookup(" ".join(city), None)
    except SettingError:
        return None
    if alone is None:
        return None
    names = " or ".join(r.name for r in regions)
    note = f"“{text}” is taken as {' '.join(city)}; for the clock of {names}, send"
    note += f" “{' '.join(city)}, {' '.join(code).upper()}”."
    return alone[0], " ".join(n for n in (alone[1], note) if n)


def _which(regions: list[Region], question: str) -> SettingError:
    """The ``question`` which of the ``regions`` of one name or abbreviation is meant, and the options."""
    options = " or ".join(f"{r.zone or ', '.join(r.zones[:2])} ({r.label})" for r in regions)
    return SettingError(f"{question}; say which timezone: {options}.")


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
    zones = sorted({z for zs in city_zones().values() for z in zs})
    return [z for z in zones if now.astimezone(ZoneInfo(z)).utcoffset() == offset][:limit]


def _lookup(text: str, now: datetime | None) -> tuple[str, str] | None:
    """The zone that ``text`` names and a note on the choice, None if it names none; a name of several
    zones raises the question which."""
    key = fold(text).strip(" ,.")
    words = key.replace(",", " ").split()
    if not words:
        return None
    key = " ".join(words) if "," in key else key
    if (zone := _offset_zone(key, now)) is not None:
        return zone, ""
    if key in ABBREVIATIONS:
        return ABBREVIATIONS[key][0], ""
    if key in AMBIGUOUS:
        raise SettingError(
            f"“{text}” names more than one timezone; say which: {', '.join(AMBIGUOUS[key][:-1])}"
            f" or {AMBIGUOUS[key][-1]}."
        )
    if key in SHORT_FORMS:
        return SHORT_FORMS[key], ""
    if (
        "/" in key
        and " " in key
        and (spaced := re.sub(r"\s*/\s*", "/", key).replace(" ", "_")) in zone_names()
    ):
        key = spaced  # "America/New York": the name as IANA writes it, with an underscore
    country = place_table().countries.get(key)
    if key in zone_names() and ("/" in zone_names()[key] or country is None or country.zone is None):
        return canonical(zone_names()[key]), ""
    # else an old zone named after a country ("Iceland", "Egypt") gives way to the country's own zone:
    # IANA links Iceland to Africa/Abidjan, the same clock, but a user of Reykjavik knows Atlantic/Reykjavik
    if len(by_city := city_zones().get(key, [])) == 1:
        return by_city[0], ""
    places = place_table()
    if key in places.cities:  # with the cities that go by this name too ("St. Petersburg")
        found = places.cities[key] + places.other_names.get(key, [])
        region = places.regions.get(key)
        if region is not None and region.zone is not None and region.country != US_NAME:
            found.append(Place(region.zone, region.people, region.label))  # Ontario, Victoria
        return _choose(text, found)
    if key in places.countries:
        zone, note = _country_zone(places.countries[key])
        region = places.regions.get(key)  # "Georgia": the country, and a US state of that name
        if region is not None and region.zone is not None and region.zone != zone:
            also = f"“{text}” is taken as the country; for {region.label}, send {region.zone}."
            note = " ".join(n for n in (note, also) if n)
        return zone, note
    if key in places.regions:
        return _country_zone(places.regions[key])
    if key in places.other_names:
        return _choose(text, places.other_names[key])
    if len(by_old_name := city_zones(old=True).get(key, [])) == 1:  # "NSW" (Australia/NSW); not "Victoria"
        return by_old_name[0], ""
    regions = places.region_codes.get(key, [])
    if len({r.zone or r.zones for r in regions}) > 1:  # "WA", "NT" alone
        raise _which(regions, f"There is more than one “{text}”")
    in_region = _city_in_region(text, words) if len(words) > 1 else None
    if in_region is None and len(bare := [w for w in words if w not in GENERIC_WORDS]) not in (0, len(words)):
        return _lookup(" ".join(bare), now)  # "Chatham Islands", "Lord Howe Island"
    return in_region


def _runs(text: str) -> list[str]:
    """The runs of adjacent words in ``text`` that are not filler words: "Kyiv time please" -> ["Kyiv"]."""
    runs: list[list[str]] = [[]]
    for word in text.split():
        if fold(word).strip(",.!") in FILLER_WORDS:
            runs.append([])
        else:
            runs[-1].append(word)
    return [" ".join(run) for run in runs if run]


def _word_zones(text: str, now: datetime | None) -> list[str | None]:
    """The zone each word of ``text`` names by itself, or None: "UTC+3 Kyiv" -> Etc/GMT-3, Europe/Kyiv."""
    zones: list[str | None] = []
    for word in text.replace(",", " ").split():
        try:
            found = _lookup(word, now)
        except SettingError:
            found = None
        zones.append(found[0] if found else None)
    return zones


def _unknown(text: str, now: datetime | None, words: list[str | None]) -> SettingError:
    """Why ``text`` names no zone: it names several, one per word (``words``: see :func:`_word_zones`),
    or none (with the close ones)."""
    given = list(dict.fromkeys(z for z in words if z))
    if len(given) > 1:
        return _several(given)
    if text.strip() in NOT_PLACES:
        return SettingError(
            f"“{text}” is in IANA's database but is no place's clock; use a city, a country or an offset."
        )
    names = _abbreviated(text.strip(), now) or _close(fold(text))
    hint = " Did you mean " + " or ".join(names) + "?" if names else ""
    return SettingError(
        f"“{text}” is not a timezone I know; use a city, a country, an Area/City name such as Europe/Kyiv,"
        f" or an offset such as UTC+3.{hint}"
    )


def _several(zones: list[str]) -> SettingError:
    return SettingError(f"That is {len(zones)} timezones, {' and '.join(zones)}: pick one, e.g. {zones[0]}")


@lru_cache(maxsize=2)
def tz_abbreviations(year: int) -> dict[str, tuple[str, ...]]:
    """The abbreviations IANA's database gives the places' zones in ``year`` (their clocks on the 1st of
    each month), each with the zones that use it: "NZDT" -> Pacific/Auckland, "AEDT" -> Australia/Sydney,
    Australia/Melbourne... Zones whose clock IANA names only by its offset ("+1345") have none."""
    found: dict[str, set[str]] = {}
    for zone in {z for zones in city_zones().values() for z in zones}:
        for month in range(1, 13):
            name = datetime(year, month, 1, tzinfo=UTC).astimezone(ZoneInfo(zone)).tzname() or ""
            if name.isalpha():
                found.setdefault(name, set()).add(zone)
    return {name: tuple(sorted(zones)) for name, zones in found.items()}


def _has_summer_time(zone: str, year: int) -> bool:
    offsets = {datetime(year, m, 1, tzinfo=UTC).astimezone(ZoneInfo(zone)).utcoffset() for m in (1, 7)}
    return len(offsets) > 1


def _abbreviated(typed: str, now: datetime | None) -> list[str]:
    """The zones an abbreviation the bot does not take names, to suggest: those that use it in IANA's
    database this year ("WIB": Asia/Jakarta...), or for one that IANA does not know (it names many
    clocks by their offset only), zones whose city starts with its first letters or has them as its
    initials, with summer time for a "D" ("CHADT": Pacific/Chatham; "LHST": Australia/Lord_Howe). Not a
    country or city spelt like it: CHADT is not Chad. Only for capitals, as abbreviations are written,
    and with ``now``, whose year's clocks are compared."""
    if now is None or not typed.isupper():
        return []  # "West" is a word, not WEST; and without a date, no year's clocks to compare
    year = now.year
    if typed in (known := tz_abbreviations(year)):
        return list(known[typed][:3])
    shape = _ABBREVIATION_SHAPE.match(typed)
    if shape is None or len(stem := shape.group(1).lower()) < 2:
        return []
    found: list[str] = []
    for city, zones in city_zones().items():
        if " " not in city and "_" in city:
            continue  # the same city as its spaced key
        initials = "".join(word[0] for word in city.split())
        if city.startswith(stem) or (len(city.split()) > 1 and initials == stem):
            found.extend(z for z in zones if shape.group(2) != "D" or _has_summer_time(z, year))
    return list(dict.fromkeys(sorted(found)))[:3]


def _close(key: str) -> list[str]:
    """Zones whose Area/City name is spelt much like an Area/City ``key`` ("Europe/Berln"), or whose city
    or country is spelt much like another ``key``, starting with the same letter ("Tokyoo": Asia/Tokyo;
    "Delhii": Delhi (Asia/Kolkata); "West" is not WET), or with letters swapped ("Kiyv": Europe/Kyiv)."""
    if len(by_city := city_zones().get(key, [])) > 1:
        return by_city[:3]
    if len(key) < 4:
        return []
    if "/" in key:
        areas = [name for name in zone_names() if "/" in name]
        close = difflib.get_close_matches(key, areas, n=4, cutoff=CLOSE)
        # an old name and its new one ("Europe/Kiev", "Europe/Kyiv") are one zone: said once
        return list(dict.fromkeys(canonical(zone_names()[c]) for c in close))[:3]
    close = []
    places = place_table()
    names = [*city_zones(), *city_zones(old=True), *places.cities, *places.countries]
    swapped = [n for n in names if len(n) == len(key) and n[0] == key[0] and sorted(n) == sorted(key)]
    for name in swapped or difflib.get_close_matches(key, names, n=3, cutoff=CLOSE_PLACE):
        if name[0] != key[0]:
            continue
        if zones_named(name):
            close.extend(zones_named(name))
        elif name in places.cities:
            place = max(places.cities[name], key=lambda p: p.population)
            close.append(f"{place.label} ({place.zone})")
        elif (zone := places.countries[name].zone) is not None:
            close.append(f"{places.countries[name].name} ({zone})")
    return list(dict.fromkeys(close))[:3]


def read_zone(*parts: str, now: datetime | None = None) -> tuple[str, str] | None:
    """The zone that the ``parts`` of a message name together (each part adjacent words, such as those
    between the time and the end: "in Kyiv please"), and a note on a choice made for the user ("“St.
    Petersburg” is taken as Saint Petersburg, Russia..."); None when they name no place at all ("at",
    "every day").

    A part is read whole first ("Salt Lake City"), then as its runs of words between filler words; an
    unknown run is quoted as typed, and places in different zones are refused as such."""
    found: list[tuple[str, str]] = []
    for part in parts:
        whole = _lookup(part, now)
        if whole is not None:
            found.append(whole)
            continue
        for run in _runs(part):
            one = None if run.split() == part.split() else _lookup(run, now)  # the whole part was just read
            if one is None:
                words = _word_zones(run, now)
                if len(same := set(words)) == 1 and (zone := same.pop()):
                    one = zone, ""  # "Kyiv Kyiv", "Mumbai Bombay"
                else:
                    raise _unknown(run, now, words)
            found.append(one)
    zones = list(dict.fromkeys(zone for zone, _ in found))
    if len(zones) > 1:
        raise _several(zones)
    if not zones:
        return None
    zone = zones[0]
    if not _loads(zone):
        raise SettingError(f"“{zone}” is not a timezone this machine knows.")
    return zone, next((note for z, note in found if note), "")


def parse_zone(text: str, *, now: datetime | None = None) -> str:
    """An IANA timezone, by its current name, from its name in any case, old or new (``europe/kiev`` ->
    ``Europe/Kyiv``), a city, accents or not (``Kyiv``, ``sao paulo``, ``Mumbai``, ``Киев``), a city and
    its country, state or province (``Kyiv, Ukraine``, ``Portland, ME``, ``Perth, WA``), a country
    (``Germany``), a state or province (``Texas``, ``Ontario``), a fixed offset (``UTC+3`` -> ``Etc/GMT-3``)
    or a common abbreviation (``PDT`` -> ``America/Los_Angeles``). ``now`` is used only to suggest zones."""
    return zone_and_note(text, now=now)[0]


def zone_and_note(text: str, *, now: datetime | None = None) -> tuple[str, str]:
    """As :func:`read_zone`, for text that must name a zone: a :class:`SettingError` if it names none."""
    found = read_zone(text, now=now)
    if found is None:
        raise SettingError(f"Say which timezone: a city, a country, or a name such as {EXAMPLE.split()[-1]}.")
    return found


def city_of(zone: str) -> str:
    """The city an Area/City zone is named after, as written: "Asia/Ho_Chi_Minh" -> "Ho Chi Minh"."""
    return zone.rpartition("/")[2].replace("_", " ")
