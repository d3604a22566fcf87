"""German offices before a name: inflected ("dem ukrainischen Präsidenten Wolodymyr Selenskyj", "des
Bundeskanzlers Friedrich Merz") and compounded ("Regierungssprecher", "Verteidigungsministerin",
"CSU-Chef") as German writes them, so the office is the role and no part of the name. German makes
offices by compounding, so a list of whole words never ends; the offices' last words are few."""

from __future__ import annotations

from functools import lru_cache

from briefing.cues import words

# German offices written alone ("Präsident", "Kanzlerin", "Papst"); English ones ("Minister") are in
# ``cues.TITLES`` and take no German endings here, as "Ministers" is an English plural too
_OFFICES = words(
    """
    präsident präsidentin kanzler kanzlerin bundeskanzler bundeskanzlerin bundespräsident bundespräsidentin
    ministerin bürgermeister bürgermeisterin papst könig königin regierungschef regierungschefin staatschef
    staatschefin sprecher sprecherin vorsitzender vorsitzende
    """
)
# the last words of compound offices: "Regierungs|sprecher", "Verteidigungs|ministerin", "Vize|kanzler",
# "Ober|bürgermeister", "Partei|chef", "Minister|präsident", "General|sekretär"
_OFFICE_ENDS = (
    "sprecher", "sprecherin", "minister", "ministerin", "kanzler", "kanzlerin", "bürgermeister",
    "bürgermeisterin", "präsident", "präsidentin", "chef", "chefin", "sekretär", "sekretärin",
    "botschafter", "botschafterin", "beauftragter", "beauftragte", "vorsitzender", "vorsitzende",
)  # fmt: skip
# a compound's first part has at least this many letters, so an English word that happens to end so is
# none ("administer" is "ad" + "minister")
_MIN_PREFIX = 3
# the endings a German office noun takes in a sentence: the genitive "des Kanzlers", the weak noun's
# "dem Präsidenten", an adjective noun's "der Vorsitzenden"
_ENDINGS = ("en", "n", "es", "s")


def _office(low: str) -> bool:
    """A German office in its dictionary form: a listed one, or a compound ending in an office."""
    if low in _OFFICES:
        return True
    return any(low.endswith(end) and len(low) - len(end) >= _MIN_PREFIX for end in _OFFICE_ENDS)


@lru_cache(maxsize=100_000)  # ``names.is_title`` asks it of every capitalised word, many times a text
def german_office(low: str) -> bool:
    """Is ``low`` (a word in lower case) a German office, as written or with a case ending? "präsidenten",
    "bundeskanzlers", "regierungssprecher", "csu-chef" are; "minister" and "ministers" are left to the
    English titles, "administer" and "chef" alone are none."""
    return _uninflected(low) is not None


def _uninflected(low: str) -> str | None:
    """The German office ``low`` is (a word in lower case), without the case ending it is written with
    ("präsidenten" -> "präsident"; "regierungssprecher" as it is); None for no office."""
    if _office(low):
        return low
    return next((low[: -len(e)] for e in _ENDINGS if low.endswith(e) and _office(low[: -len(e)])), None)


# capitalised adjectives that belong to a German office ("Regierender Bürgermeister", "Stellvertretende
# Vorsitzende", "Ständiger Vertreter"): present participles and a few in -ig, with their endings
_PARTICIPLE_ENDS = ("nder", "nde", "ndes", "nden", "ndem", "iger", "ige", "igen")


def office_adjective(word: str) -> bool:
    """Is ``word``, capitalised before a German office, an adjective of the office ("Regierender",
    "Stellvertretende")? A weekday, an adverb or a noun before it ("am Montag Bundeskanzlerin", "Auch
    Außenministerin") is not, and stays out of the role."""
    return word[:1].isupper() and word.lower().endswith(_PARTICIPLE_ENDS)


def dictionary_form(role: str) -> str:
    """The role with its last word, a German office, in the form a reader looks it up: "Präsidenten" ->
    "Präsident", "Bundeskanzlers" -> "Bundeskanzler" ("des Bundeskanzlers Friedrich Merz")."""
    head, _, last = role.rpartition(" ")
    low = last.lower()
    office = _uninflected(low)
    if office is None or office == low:
        return role
    return f"{head} {last[: len(office) - len(low)]}".strip()
