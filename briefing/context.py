"""What the words around a capitalised run say it is ("in X" a place, "X said" a person, "X, which
filed" a company), for the rules of actor extraction (``briefing.actors``)."""

from __future__ import annotations

from briefing.cues import (
    BELIEF_WORDS,
    COMPANY_NOUNS,
    MISC_HEADS,
    ORG_HEADS,
    PLACE_CONTEXT,
    PLACE_HEADS,
    PLACE_OF,
    PLACE_PREPOSITIONS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    SUBJECT_VERBS,
    words,
)
from briefing.gazetteer import Gazetteer, load_gazetteer
from briefing.states import GOVERNMENTS
from briefing.tokens import Token

_GOVERNMENTS = GOVERNMENTS - {"junta"}


def is_team(toks: list[Token], i: int, j: int) -> bool:
    """ "the Harbour Gulls", "the Red Lanterns": "the" and a name of two words ending in a plural are a
    team, a band or a party, not a person ("Sarah Jones" takes no article)."""
    last = toks[j - 1].low
    return i > 0 and toks[i - 1].low == "the" and not last.endswith(("ss", "'s", "’s")) and len(last) > 3


def person_cue(gaz: Gazetteer, toks: list[Token], i: int, j: int) -> bool:
    """Words around a name of two or three words that only a person's name has: a country's possessive
    before it ("Ethiopia's Tigist Alemu"), a country after "of" ("Tigist Alemu of Ethiopia"), or a
    government named after its head ("the state government of Hyacinth Alia")."""
    name = toks[i:j]
    if 2 <= len(name) <= 3 and _becomes_office(toks, j):
        return True
    if not 2 <= len(name) <= 3 or name[-1].low.endswith("s"):
        return False  # "Boy Scouts of America"
    if any(t.low in ORG_HEADS or t.low in PLACE_HEADS or t.low in MISC_HEADS for t in name):
        return False  # "State Railway of Thailand"
    if i > 0 and toks[i - 1].possessive and toks[i - 1].norm in gaz.countries:
        return True
    if i > 1 and toks[i - 1].low == "of" and toks[i - 2].low in _GOVERNMENTS:
        return True
    if j + 1 >= len(toks) or toks[j].low != "of":
        return False
    if _of_the_body(toks, j + 1):
        return True
    for width in (3, 2, 1):  # a whole country's name, not the start of a longer one
        span = toks[j + 1 : j + 1 + width]
        after = toks[j + 1 + width] if j + 1 + width < len(toks) else None
        whole = len(span) == width and all(t.cap for t in span) and not (after and after.name_like)
        if whole and " ".join(t.norm for t in span) in gaz.countries:
            return True
    return False


def after_office(toks: list[Token], i: int, j: int) -> bool:
    """ "the regional president of Lombardy, Attilio Fontana, said", "the senator from Ohio, JD Vance,": a
    name set off by commas right after an office in lower case, bare or with the place it serves, is
    the office holder, whatever its words alone suggest (a place's name last, initials first)."""
    if i < 2 or toks[i - 1].text != "," or not (j >= len(toks) or toks[j].text in (",", ".")):
        return False
    k = i - 2
    m = k
    while m >= 0 and toks[m].cap and k - m < 3:
        m -= 1
    if m < k and m >= 1 and toks[m].low in ("of", "from"):
        k = m - 1
    return k >= 0 and not toks[k].cap and toks[k].low in ROLE_NOUNS


_BECOMES = frozenset({"became", "becomes"})


def _becomes_office(toks: list[Token], k: int) -> bool:
    """ "Wilmot Collins became Montana's first black mayor": a name that becomes an office holder."""
    if k >= len(toks) or toks[k].low not in _BECOMES:
        return False
    for t in toks[k + 1 : k + 7]:
        if not t.word and not t.possessive:
            return False
        if t.low in ROLE_NOUNS and not t.cap:
            return True
    return False


def _of_the_body(toks: list[Token], k: int) -> bool:
    """ "Mareike Stolzenberg of the Green Party": "the" and a body's capitalised name after a name's "of"
    say whose member the person is."""
    if k >= len(toks) or toks[k].low != "the":
        return False
    end = k + 1
    while end < len(toks) and toks[end].cap and end - k <= 5:
        end += 1
    return end > k + 2 and toks[end - 1].low in ORG_HEADS


def before_government(toks: list[Token], i: int, j: int) -> bool:
    """ "the Obama administration": a word between "the" and a lower-case word of government."""
    return i > 0 and toks[i - 1].low == "the" and j < len(toks) and toks[j].norm in _GOVERNMENTS


def brand_context(toks: list[Token], j: int) -> bool:
    return j >= len(toks) or not toks[j].word or toks[j].low in SUBJECT_VERBS


def next_is_place_head(toks: list[Token], j: int) -> bool:
    """ "Darfur region", "Gare du Nord station": a lower-case place word right after the run."""
    return j < len(toks) and toks[j].word and not toks[j].cap and toks[j].low in PLACE_HEADS


def context_cue(toks: list[Token], i: int, j: int) -> str:
    """What the words around an untyped run say it is: "in X", "X region" (place); "X said" (person);
    "according to X", "X plants" (an organisation: a news agency, a company)."""
    if i > 1 and toks[i - 1].low == "to" and toks[i - 2].low == "according":
        return "organization"
    if j < len(toks) and toks[j].word and not toks[j].cap and toks[j].low in COMPANY_NOUNS:
        return "organization"
    if i > 1 and toks[i - 1].low == "in" and toks[i - 2].low in BELIEF_WORDS:
        return "person"  # "a loss of confidence in Smith": whom they trust, no town
    if i > 0 and toks[i - 1].low in PLACE_PREPOSITIONS:
        return "place"
    if i > 1 and toks[i - 1].low == "the" and toks[i - 2].low in _ACROSS:
        return "place"  # "across the Rhine", "throughout the Balkans"
    if i > 1 and toks[i - 1].low == "of" and not toks[i - 2].cap and toks[i - 2].low in PLACE_OF:
        return "place"  # "the town of Tel Tamer", "the municipality of Zandvoort"
    if _listed_after_place(toks, i) or _paired_with_town(toks, i):
        return "place"
    if next_is_place_head(toks, j):
        return "place"
    if j < len(toks) and toks[j].low in SPEECH_VERBS:
        return "person"
    if j + 1 < len(toks) and toks[j].text == "," and toks[j + 1].low in ("who", "whose"):
        return "person"
    if body_that_acts(toks, j) and not (i > 0 and toks[i - 1].possessive):
        return "organization"
    if j + 1 < len(toks) and toks[j].text == "," and _in_region(toks, j + 1):
        return "place"  # "Metairie, Louisiana": a town, then its state or country
    return ""


def body_that_acts(toks: list[Token], j: int) -> bool:
    """ "Spotify, which filed the complaint": a name that does what a company does, after ", which"."""
    if j + 2 >= len(toks) or toks[j].text != ",":
        return False
    return toks[j + 1].low == "which" and toks[j + 2].low in _DOINGS


# what a body does after "X, which": a place "lies", "borders", "has" as well; a company "filed"
_DOINGS = words(
    """
    filed sued sells sold makes made owns owned operates operated employs employed announced reported
    produces produced runs ran manufactures publishes published lobbied appealed
    """
)


# prepositions of places before "the" and a place's name; "in the", "at the", "to the" as often begin a
# body's ("in the Senate", "at the Guardian")
_ACROSS = words("across throughout near outside inside around within along")


def company_officer(toks: list[Token], j: int) -> bool:
    """ "chief executive", "CEO", "chairman", "board" at ``j``: the officers a company has."""
    if j >= len(toks):
        return False
    low = toks[j].low
    if low == "chief" and j + 1 < len(toks):
        return toks[j + 1].low in ("executive", "financial", "operating")
    return low in ("ceo", "cfo", "chairman", "chairwoman", "board", "shareholders")


def _listed_after_place(toks: list[Token], i: int) -> bool:
    """ "in Qamenas, Sarmin and Talamenes": a name in a list that a place preposition opens."""
    k = i - 1
    if k < 0 or toks[k].low not in (",", "and", "or"):
        return False
    while k >= 0 and (toks[k].name_like or toks[k].low in (",", "and", "or")):
        k -= 1
    return k >= 0 and k < i - 2 and toks[k].low in PLACE_CONTEXT


def _paired_with_town(toks: list[Token], i: int) -> bool:
    """ "attacks on Aleppo and Daraya": a name joined by "and"/"or" to a known town or region just before
    it is one too."""
    if i < 2 or toks[i - 1].low not in ("and", "or"):
        return False
    k = i - 1
    while k > 0 and toks[k - 1].name_like and i - k < 4:
        k -= 1
    if k == i - 1:
        return False
    return load_gazetteer().place(" ".join(t.norm for t in toks[k : i - 1])) is not None


def _in_region(toks: list[Token], k: int) -> bool:
    """A known country or region starts at ``k`` and ends the clause."""
    gaz = load_gazetteer()
    for width in (3, 2, 1):
        end = k + width
        if end <= len(toks) and all(t.cap for t in toks[k:end]):
            norm = " ".join(t.norm for t in toks[k:end])
            if (norm in gaz.countries or norm in gaz.places) and (end == len(toks) or not toks[end].word):
                return True
    return False
