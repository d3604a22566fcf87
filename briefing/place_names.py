"""A place named with the state, province or country that holds it: "Washington, D.C.", "Portland, Ore.",
"Paris, France", "Atlanta, Georgia". Its comma is part of the name, not a list's: "/follow Kellogg,
Zelensky" is two names, "/follow Portland, Ore." one place, whether or not the archive knows it whole.

The lists are the project's own: the cities, countries, states and provinces of ``seeds/place_zones.toml``
(GeoNames and pycountry, with the US, Canadian and Australian postal codes: "OR", "DC", "BC"), the
countries of the gazetteer (pycountry and the seeds' short forms: "UK", "U.S."), pycountry's subdivisions
("Bayern, Germany"), and the newsroom abbreviations of US states and Canadian provinces below ("Ore.",
"Calif.", "Ont."), which no list holds.

A region after a city ("Paris, France", "Atlanta, Georgia") makes one place when it holds the city. A
state or province after a city it does not hold is one too ("Paris, Texas", "Portland, Maine": the lists
hold cities of 100,000 people, not every town), unless either is also a country or a state in its own
right ("Washington, Oregon", "Moscow, Georgia": likely two names of a list). A state's abbreviation with
its dot ("Smallville, Kan.", "Springfield, Ill.") is written only after a place, so any name before it
but a region's is taken as that place. In a list of three names or more ("Kyiv, Kharkiv, Ukraine") a
region written out in full is more likely a name of the list, and only one written short joins.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

from briefing.gazetteer import load_gazetteer
from briefing.place_zones import Place, Region, fold, place_table

# The abbreviations newsrooms write for US states (AP style) and Canadian provinces (Canadian Press), by
# their folded form without dots; those of initials ("N.Y.", "D.C.", "B.C.") are the postal codes
NEWSROOM: dict[str, str] = {
    "ala": "Alabama", "ariz": "Arizona", "ark": "Arkansas", "calif": "California", "cal": "California",
    "colo": "Colorado", "conn": "Connecticut", "del": "Delaware", "fla": "Florida", "ga": "Georgia",
    "ill": "Illinois", "ind": "Indiana", "kan": "Kansas", "kans": "Kansas", "ky": "Kentucky",
    "la": "Louisiana", "md": "Maryland", "mass": "Massachusetts", "mich": "Michigan", "minn": "Minnesota",
    "miss": "Mississippi", "mo": "Missouri", "mont": "Montana", "neb": "Nebraska", "nebr": "Nebraska",
    "nev": "Nevada", "okla": "Oklahoma", "ore": "Oregon", "oreg": "Oregon", "pa": "Pennsylvania",
    "penn": "Pennsylvania", "tenn": "Tennessee", "tex": "Texas", "vt": "Vermont", "va": "Virginia",
    "wash": "Washington", "wva": "West Virginia", "wis": "Wisconsin", "wisc": "Wisconsin", "wyo": "Wyoming",
    "alta": "Alberta", "sask": "Saskatchewan", "man": "Manitoba", "ont": "Ontario", "que": "Quebec",
    "nfld": "Newfoundland and Labrador",
}  # fmt: skip


def _keys(words: str) -> list[str]:
    """The folded forms to look the words up by: as written ("st. louis", "u.s."), and without dots
    ("st louis"), initials run together ("D.C.", "N. Y.": "dc", "ny")."""
    written = " ".join(fold(words).strip(" .").split())
    plain = " ".join(written.replace(".", " ").split())
    initials = plain.replace(" ", "") if all(len(w) == 1 for w in plain.split()) else plain
    return [k for k in dict.fromkeys((written, plain, initials)) if k]


def _countries(keys: list[str], *, by_code: bool = True) -> list[Region]:
    """The countries the words name: by a name (or ISO code, ``by_code``) of the place list, or by a name
    of the gazetteer's."""
    table = place_table()
    found: list[Region] = []
    for key in keys:
        canonical = load_gazetteer().countries.get(key)
        found += [table.countries[key]] if key in table.countries else []
        found += [table.country_codes[key]] if by_code and key in table.country_codes else []
        found += (
            [table.countries[fold(canonical)]] if canonical and fold(canonical) in table.countries else []
        )
    return list(dict.fromkeys(found))


def _states(keys: list[str]) -> list[Region]:
    """The states and provinces (US, Canada, Australia) the words name: by name, postal code or newsroom
    abbreviation."""
    table = place_table()
    found: list[Region] = []
    for key in keys:
        found += [table.regions[key]] if key in table.regions else []
        found += table.region_codes.get(key, [])
        newsroom = NEWSROOM.get(key)
        found += [table.regions[fold(newsroom)]] if newsroom and fold(newsroom) in table.regions else []
    return list(dict.fromkeys(found))


def _cities(keys: list[str]) -> list[Place]:
    table = place_table()
    return [p for key in keys for p in (*table.cities.get(key, []), *table.other_names.get(key, []))]


@lru_cache(maxsize=64)
def _subdivisions(country: str) -> frozenset[str]:
    """The folded names of a country's ISO 3166-2 subdivisions ("bayern" of Germany), by its name."""
    try:
        code = pycountry.countries.lookup(country).alpha_2
    except LookupError:
        return frozenset()
    return frozenset(fold(s.name) for s in pycountry.subdivisions.get(country_code=code) or ())


def _holds(region: Region, keys: list[str]) -> bool:
    """Whether the region holds the place the words name: a city of it, a state or subdivision of a
    country."""
    if any(region.holds(city) for city in _cities(keys)):
        return True
    if region.country:
        return False
    states = _states(keys)  # "Texas, USA", "Wash., USA"
    return any(s.country == region.name for s in states) or any(k in _subdivisions(region.name) for k in keys)


def _held(place: list[str], region: list[str]) -> bool:
    """Whether the state, province or country of the ``region`` keys holds the place of the ``place``
    keys (each as ``_keys`` folds the words)."""
    return any(_holds(r, place) for r in (*_states(region), *_countries(region)))


def one_place(before: str, after: str, longer: bool = False) -> bool:
    """Whether "``before``, ``after``" names one place: ``after`` the state, province or country holding
    it (see the module's docstring). In a ``longer`` list only a region written short joins the place
    before it ("Kellogg, Portland, Ore., Zelensky"): "Kyiv, Kharkiv, Ukraine" is three names."""
    place, region = _keys(before), _keys(after)
    if not place or not region or set(place) & set(region) or (longer and not _short(after)):
        return False
    if _held(place, region):
        return True
    if not _states(region) or _countries(region, by_code=False):  # "Moscow, Georgia": two names
        return False
    if any(k in place_table().regions for k in place) or _countries(place):  # "Washington, Oregon"
        return False
    return bool(_cities(place)) or "." in after  # "Paris, Texas"; "Smallville, Kan."


def _short(region: str) -> bool:
    """Written as an abbreviation or a code: with a dot ("Ore.", "D.C.") or in three capitals or fewer
    ("OR", "UK", "NSW")."""
    letters = region.strip(" .")
    return "." in region or (letters.isupper() and len(letters) <= 3)


def city_of(name: str) -> str | None:
    """The place before the comma of "Paris, France" when the region after it holds it by the lists (a
    name the archive may know alone); None for any other name, or "Paris, Texas" (not that Paris)."""
    before, comma, after = name.rpartition(",")
    if not comma or "," in before or not _held(_keys(before), _keys(after)):
        return None
    return before.strip()
