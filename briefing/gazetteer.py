"""What the extractor knows before reading: countries, demonyms, places, given names, known actors.

Countries come from pycountry (ISO 3166), with the short names and other names of ``seeds/actors.toml``
and their names in Portuguese, Spanish, French, Italian and German (``seeds/country_names.toml``, CLDR);
demonyms, regions, extra given names and well-known actors with their spellings come from the same file;
cities and regions from ``seeds/places.toml`` and given names from ``seeds/given_names.toml`` (both made
by ``bench/make_seed_lists.py``). Every key is a :func:`briefing.aliases.fold` form.
"""

from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pycountry

from briefing.aliases import fold
from briefing.cues import COMMON, TITLES, words
from briefing.models import ActorType

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
# Region names that are mostly adjectives or English words in running text.
NOT_PLACES = words(
    """western eastern northern southern central east west north south upper lower capital coast national
    federal independence mobile reading nice bath split orange union victory liberty progress enterprise
    paradise wellington"""
)

# Cities named by an everyday English word, kept in the lists (the rules and the tagger's features read
# them) but no actor alone (``briefing.things``): "Man" (Côte d'Ivoire) is "Spider-Man", "No Man's Sky"
# or "Man, ..." far more often than the city, and the Isle of Man is a country of its own.
WORD_PLACES = words("man")

# nationality words of a part of a state, not of the state: "in English", "the English Premier League"
# name no United Kingdom (the rules still read them as nationality words, so "English Premier League"
# is the league)
PARTS_NOT_STATES = frozenset({"english"})


@dataclass(frozen=True)
class Gazetteer:
    """Lookups by folded name. ``known`` maps an alias to its actor's canonical name and type."""

    countries: dict[str, str]
    demonyms: dict[str, str]
    places: dict[str, str]
    known: dict[str, tuple[str, ActorType]]
    given_names: frozenset[str]
    spellings: dict[tuple[str, ActorType], frozenset[str]]
    # football clubs by folded name (``seeds/clubs.toml``, read by ``briefing.clubs``): those that always
    # name the club, and those that name it only in a sentence about a match ("Liverpool", "Chelsea")
    clubs: dict[str, str] = field(default_factory=dict)
    match_clubs: dict[str, str] = field(default_factory=dict)
    # countries by a name in another language that folds to a place's ("França", the Brazilian city
    # Franca): keyed by the name as written, accents kept (NFC, case-folded), so only that spelling counts
    exact: dict[str, str] = field(default_factory=dict)

    def exact_country(self, written: str) -> str | None:
        """The country a name names as written, its accents kept ("França": France; "Franca": none)."""
        return self.exact.get(unicodedata.normalize("NFC", written).casefold()) if self.exact else None

    def place(self, norm: str) -> str | None:
        """The canonical place for a folded name: a country, a region or a city."""
        return self.countries.get(norm) or self.places.get(norm)

    def is_country(self, name: str) -> bool:
        """Is this the canonical name of a country ("Russia", not "Russian Federation" or "Kyiv")?"""
        return self.countries.get(fold(name)) == name

    def demonyms_of(self, name: str) -> tuple[str, ...]:
        """The nationality words of a country, by any of its names ("Portuguese" for "Portugal", folded:
        "portuguese"); none for a name that is no country. A sentence naming the country's people,
        island or president by them ("the Portuguese island of Madeira") is about it."""
        country = self.countries.get(fold(name))
        if country is None:
            return ()
        own = (d for d, c in self.demonyms.items() if c == country and d not in PARTS_NOT_STATES)
        return tuple(sorted(own))

    def aliases_of(self, name: str, type_: ActorType) -> frozenset[str]:
        """The other names the lists know for an actor ("Zelenskyy" for Volodymyr Zelensky)."""
        return self.spellings.get((name, type_), frozenset())


def _read(path: Path) -> dict:
    with path.open("rb") as f:
        return tomllib.load(f)


def _lines(value: str | list[str]) -> list[str]:
    """A list kept as one name a line in a TOML string (fast to parse), or as a TOML array."""
    return [v.strip() for v in value.splitlines() if v.strip()] if isinstance(value, str) else value


def _countries(curated: dict[str, list[str]], foreign: dict[str, list[str]]) -> dict[str, str]:
    """Countries by folded name: pycountry's names, the curated short forms, and ``foreign`` (by ISO
    code: names in other languages, "Estados Unidos")."""
    out: dict[str, str] = {}
    overrides = {fold(a): canon for canon, aliases in curated.items() for a in aliases}
    for country in pycountry.countries:
        names = [
            country.name,
            getattr(country, "common_name", None),
            getattr(country, "official_name", None),
        ]
        canon = next((overrides[fold(n)] for n in names if n and fold(n) in overrides), None)
        canon = canon or getattr(country, "common_name", None) or country.name
        for name in names:
            if name and "," not in name and "(" not in name:
                out.setdefault(fold(name), canon)
        for name in foreign.get(country.alpha_2, []):
            out.setdefault(fold(name), canon)
    for canon, aliases in curated.items():
        for alias in [canon, *aliases]:
            out[fold(alias)] = canon
    return out


# the Arabic article as place names in the lists begin with it ("Al Fallūjah", "Ar Raqqah", "Ash Shaykh")
_ARTICLES = ("al ", "ar ", "as ", "ad ", "at ", "an ", "ash ", "az ", "adh ")  # not "el ": "El Monte"


def _arabic_spellings(places: dict[str, str]) -> dict[str, str]:
    """The lists' Arabic place names as the news spells them too: without the article ("Fallujah",
    "Raqqah") and without a final "h" ("Hilla", "Raqqa"), when no other place has that spelling and it
    is no English word."""
    extra: dict[str, str] = {}
    for norm, name in places.items():
        article = next((a for a in _ARTICLES if norm.startswith(a)), None)
        if article is None:
            continue
        bare = norm[len(article) :]
        forms = [bare] if len(bare) >= 5 else []
        if norm.endswith("ah"):
            forms += [norm[:-1], *([bare[:-1]] if len(bare) >= 6 else [])]
        for form in forms:
            if form not in places and form not in COMMON and form not in NOT_PLACES:
                extra.setdefault(form, name)
    return {**places, **extra}


@lru_cache(maxsize=4)
def load_gazetteer(seeds: Path = SEEDS) -> Gazetteer:
    """Read the lists once per process."""
    curated = _read(seeds / "actors.toml")
    foreign = {
        code: names.split("|")
        for code, _, names in (
            line.partition("\t") for line in _lines(_read(seeds / "country_names.toml")["names"])
        )
    }
    countries = _countries(curated.get("countries", {}), foreign)
    demonyms = {fold(d): c for d, c in curated.get("demonyms", {}).items()}
    demonyms.update({fold(d) + "s": c for d, c in curated.get("demonyms", {}).items() if d[-1] in "ni"})
    given = {fold(n) for n in _lines(_read(seeds / "given_names.toml").get("given_names", []))}
    given |= {fold(n) for n in curated.get("given_names", {}).get("names", [])}
    # a region or city that is also an English word is no evidence on its own ("Western", "Reading")
    # of two spellings that fold alike ("Tehrān", "Tehran"; "İstanbul", "Istanbul"), the English one
    # names the place: the plain ASCII spelling comes last and wins
    places = {
        fold(p): p
        for p in sorted(_lines(_read(seeds / "places.toml").get("places", [])), key=str.isascii)
        if fold(p) not in COMMON and fold(p) not in NOT_PLACES
    }
    places = _arabic_spellings(places)
    places.update({fold(p): p for p in curated.get("regions", {}).get("names", [])})
    places.update({fold(k): v for k, v in curated.get("regions", {}).get("other_names", {}).items()})
    known: dict[str, tuple[str, ActorType]] = {}
    spellings: dict[tuple[str, ActorType], frozenset[str]] = {}
    for actor in curated.get("actor", []):
        for alias in [actor["name"], *actor.get("aliases", [])]:
            known[fold(alias)] = (actor["name"], actor["type"])
        spellings[(actor["name"], actor["type"])] = frozenset(actor.get("aliases", []))
    for canon, aliases in curated.get("countries", {}).items():
        spellings[(canon, "place")] = frozenset(aliases)
    given -= TITLES  # "Major", "Prince": as a first word, a title
    clubs, match_clubs = _clubs(seeds / "clubs.toml")
    for norm, club in clubs.items():
        known.setdefault(norm, (club, "organization"))
    for club in set(clubs.values()):
        aliases = {a for a, c in clubs.items() if c == club and a != fold(club)}
        spellings.setdefault((club, "organization"), frozenset(aliases))
    exact = _exact_countries(_read(seeds / "country_names.toml").get("exact", ""), countries)
    return Gazetteer(
        countries, demonyms, places, known, frozenset(given), spellings, clubs, match_clubs, exact
    )


def _exact_countries(value: str, countries: dict[str, str]) -> dict[str, str]:
    """``country_names.toml``'s "exact" names (an ISO code, a tab, names by '|') by their written form."""
    out: dict[str, str] = {}
    for code, _, names in (line.partition("\t") for line in _lines(value)):
        country = pycountry.countries.get(alpha_2=code)
        canonical = countries.get(fold(country.name)) if country else None
        if canonical:
            out.update({unicodedata.normalize("NFC", n).casefold(): canonical for n in names.split("|")})
    return out


def _clubs(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """The football clubs of ``seeds/clubs.toml`` by folded name: always clubs, and clubs in a match."""
    if not path.is_file():
        return {}, {}
    lists = _read(path)
    out: list[dict[str, str]] = []
    for section in ("clubs", "match_clubs"):
        names = lists.get(section, {})
        out.append({fold(a): canon for canon, aliases in names.items() for a in [canon, *aliases]})
    return out[0], out[1]
