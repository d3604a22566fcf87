"""The role of an actor, taken from the words around a mention.

Three shapes, all common in news writing:
- a title and its modifiers before the name: "retired Army Lieutenant General Keith Kellogg",
  "North Korean leader Kim Jong Un";
- an apposition after it: "Farea al-Muslimi, a Gulf expert at Chatham House, said";
- an "as" phrase: "appoint Keith Kellogg as special envoy for Ukraine and Russia".
"""

from __future__ import annotations

import re

from briefing.cues import (
    COMMON,
    MONTHS_DAYS,
    PERSON_NOUNS,
    PORTFOLIOS,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    ROLE_SCOPES,
    SPEECH_VERBS,
    TITLES,
    qualified,
    words,
)
from briefing.tokens import Token

MAX_ROLE_TOKENS = 14
LEAD_ROLE_TOKENS = 6  # a role before a name (or its comma) reaches back fewer tokens than this
_ARTICLES = frozenset({"a", "an", "the"})
_STOPS = frozenset({",", ".", ";", ":", "(", ")", "“", "”", '"', "?", "!", "—", "–"})
_REJECT = SPEECH_VERBS | frozenset({"who", "which", "that", "is", "was", "has", "had", "and", "but", "when"})


# The grade that completes an enlisted rank after its first word: "Seaman Recruit", "Seaman Apprentice",
# "Airman Basic", "Airman First Class", "Private First Class", "Fireman Apprentice". Casualty and award
# releases name every junior sailor and airman so; the whole rank is the title, and the name begins
# after it ("Seaman Recruit Logan Price" is Logan Price, not a person called "Recruit Logan Price"). A
# grade word follows only a rank that takes one: "Recruit" alone, or after any other word, is read as
# before.
GRADED = words("seaman airman fireman hospitalman constructionman private pvt")  # ranks a grade completes
_GRADES = words("recruit apprentice basic")
# the spelt classes of a rating ("Airman First Class"); a numbered one ("1st Class") is ``reader._rating``
CLASSES = words("first second third")


def grade_width(toks: list[Token], k: int) -> int:
    """How many tokens from ``k`` are the grade of the rank word just before it: 1 for "Recruit" of
    "Seaman Recruit", 2 for "First Class" of "Airman First Class", else 0."""
    if not 0 < k < len(toks) or toks[k - 1].low not in GRADED or not toks[k].cap:
        return 0
    if toks[k].low in _GRADES:
        return 1
    if toks[k].low in CLASSES and k + 1 < len(toks) and toks[k + 1].text == "Class":
        return 2
    return 0


_HONORIFICS = (
    *("Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Mx", "Dr.", "Dr", "Sir", "Dame", "Lord", "Lady"),
    *("Shri", "Shrimati", "Smt.", "Smt", "Sri"),  # India's: "Shri Narendra Modi" holds no office "Shri"
)


# A councillor's title, written out: UK council news writes "Cllr" before every member's name, the
# leader's too, so the office before it ("Council leader Cllr ...") is the role when there is one.
COUNCILLOR = {"cllr": "Councillor", "councillor": "Councillor", "councilor": "Councilor"}


# Courtesy titles of the Gulf's and other royal houses, written before the name after an office ("Saudi
# Foreign Minister Prince Faisal", "UAE President Sheikh Mohamed"): no role of their own, but "Prince" is one
# after "Crown", and alone ("Prince Harry") says the person is a prince
_COURTESIES = frozenset({"Sheikh", "Sheikha", "Sheik", "Prince", "Princess"})
_ROYAL = frozenset({"Sheikh", "Sheikha", "Sheik"})  # never a role, even alone


def clean(role: str) -> str | None:
    """A role without the honorifics that are no role ("UK Prime Minister Sir" -> "UK Prime Minister",
    "Saudi Foreign Minister Prince" -> "Saudi Foreign Minister"); "Saudi Crown Prince" stays."""
    words = role.split()
    while words and (
        words[-1] in _HONORIFICS
        or words[-1] in _ROYAL
        or (words[-1] in _COURTESIES and len(words) > 1 and words[-2] != "Crown")
    ):
        words.pop()
    return " ".join(words) or None


def bare_title(role: str) -> bool:
    """Is the role only abbreviated titles ("Gen.", "Lt. Gen.", "Rep.")? It says less than any role that
    names an office, so it never replaces one ("Person · Gen." after "retired Army Lieutenant General")."""
    return all(w.endswith(".") and len(w) <= 6 for w in role.split())


def distinct(found: list[str]) -> list[str]:
    """Roles in order, without repeats or roles inside a longer one ("nominee", "Republican nominee"). One
    role written in two cases ("sworn in as minister of public works", "Minister of Public Works Luisa
    Meque") is one role, in its title form, the one with the most capitals: else each is inside the other
    and both would go."""
    forms: dict[str, str] = {}
    for r in found:
        key = r.lower()
        if key not in forms or _capitals(r) > _capitals(forms[key]):
            forms[key] = r
    unique = list(forms.values())
    return [r for r in unique if not any(r.lower() != o.lower() and r.lower() in o.lower() for o in unique)]


def _capitals(role: str) -> int:
    return sum(w[:1].isupper() for w in role.split())


def _text(text: str, toks: list[Token], i: int, j: int) -> str:
    return text[toks[i].start : toks[j - 1].end]


def _has_role_noun(toks: list[Token]) -> bool:
    return any(_role_noun(t.low) or t.low in TITLES for t in toks)  # "ex-president of the club"


_ORDINALS = frozenset({"first", "second", "third"})


def title_role(text: str, toks: list[Token], first: int, last: int) -> str | None:
    """The title ``toks[first:last]`` before a name, with lower-case modifiers just before it, and a
    capitalised word no name holds: an ordinal ("First Minister") or a sentence's first word ("Housing
    Minister Mona Keijzer"). A qualifier stays with the title: "then-Vice President", "former US Envoy"."""
    while first > 0 and (_modifier(toks[first - 1].low) or qualified(toks[first - 1].low)):
        first -= 1
    before = toks[first - 1] if first > 0 else None
    # a first word only before an office ("Housing Minister"), not an honorific ("Selon M. Tabarot")
    lead = first == 1 and before is not None and before.name_like and toks[1].low in ROLE_NOUNS
    if before is not None and before.cap and not before.possessive and (before.low in _ORDINALS or lead):
        first -= 1
    return _text(text, toks, first, last) if last > first else None


_DETERMINERS = _ARTICLES | frozenset({"his", "her", "their", "its", "our", "my", "your"})


def lead_role(text: str, toks: list[Token], name_start: int) -> str | None:
    """A lower-case role just before a name: "special envoy Keith Kellogg", "North Korean leader Kim".
    A qualifier that makes it true stays, a few words before the noun too: "The former US envoy Keith
    Kellogg" is a "former US envoy", "Incoming national security adviser Mike Waltz" an incoming one."""
    k = name_start - 1
    if k > 0 and toks[k].text == ",":
        return _role_before_comma(text, toks, k)
    if k < 0 or not toks[k].word or toks[k].cap or not _role_noun(toks[k].low):
        return None
    first = k
    while first > 0 and name_start - first < LEAD_ROLE_TOKENS:
        prev = toks[first - 1]
        if not prev.word or prev.low in _ARTICLES or prev.possessive:
            break
        if prev.cap and prev.low in COMMON and not qualified(prev.low):
            # "But Republican National Committee chair": the conjunction opens the clause, not the role;
            # "US envoy" is an "envoy", as ever, but "The former US envoy" a "former US envoy"
            q = _qualifier_before(toks, first - 1, name_start - LEAD_ROLE_TOKENS) if prev.acronym else -1
            if q < 0:
                break
            first = q
        elif prev.cap or _role_word(prev.low):
            first -= 1
        elif (q := _qualifier_before(toks, first - 1, name_start - LEAD_ROLE_TOKENS)) >= 0:
            first = q
        else:
            break
    if _inside_name(toks, first):  # "JPMorgan Chase & Co. economist": no "Co. economist"
        while first < k and toks[first].cap:
            first += 1
    return _text(text, toks, first, name_start)


# endings of nouns for what people do or are ("Coroner", "Senior", "Columnist", "Comedian", "Republican",
# "Sergeant", "Student", "Engineer", "Chairman", "Actress", "Trustee", "Secretary", "Cleric", "Laureate",
# "Democrat")
_AGENT_ENDINGS = tuple("er or ist an ant ent eer man woman ess ee ary ic ate crat".split())


def names_an_occupation(run: list[Token]) -> bool:
    """Can capitalised words just before a person's name be their role ("County Coroner William
    McLaughlin", "Engineer John Greiner", "Special Counsel Robert Mueller")? A known role, title or
    occupation, a noun of one by its ending, or any noun after a modifier of offices ("Special"); an
    adjective says how they look ("Bald Paul Walker"), and a work's name what they made ("Mass Effect
    Casey Hudson"), no role."""
    low = run[-1].low
    known = low in ROLE_NOUNS or low in TITLES or low in PERSON_NOUNS
    modified = any(t.low in ROLE_MODIFIERS for t in run[:-1])
    return known or modified or (len(low) > 3 and low.endswith(_AGENT_ENDINGS))


def _role_word(low: str) -> bool:
    """A lower-case word of a role before its noun: "former interior minister" (a portfolio is part of the
    role), "regional president" (where the office is), "ex-US envoy"."""
    return _modifier(low) or low in ROLE_NOUNS or low in PORTFOLIOS or qualified(low)


def _modifier(low: str) -> bool:
    """A lower-case word that modifies an office in a role: how it is held ("former", "acting") or where
    ("regional", "federal": ``ROLE_SCOPES``)."""
    return low in ROLE_MODIFIERS or low in ROLE_SCOPES


def _qualifier_before(toks: list[Token], k: int, floor: int) -> int:
    """Where a qualifier stands before the words that end at ``k`` ("incoming | national" of "incoming
    national security adviser", "former | Trump campaign" of "former Trump campaign manager"), not before
    ``floor``; else -1. Names and modifiers may come between, and two plain words that are no verb (no
    "-ed" or "-s": "then fired national security adviser" is none); "then" alone is too often the adverb."""
    plain = 0
    for m in range(k, max(floor, 0) - 1, -1):
        t = toks[m]
        if not t.word or t.possessive or t.low in _REJECT or t.low == "then":
            return -1
        if qualified(t.low):
            return m
        if t.low in ROLE_MODIFIERS or (t.cap and (t.low not in COMMON or t.acronym)):
            continue
        plain += 1
        if t.cap or t.low in COMMON or t.low.endswith(("ed", "s")) or plain > 2:
            return -1
    return -1


def _inside_name(toks: list[Token], first: int) -> bool:
    """Does a capitalised word at ``first`` continue a name begun before it ("& Co.", "Bank of England")?"""
    if first == 0 or not toks[first].cap:
        return False
    prev = toks[first - 1]
    joined = prev.low in ("of", "for") and first > 1 and toks[first - 2].cap
    return (prev.cap and prev.low not in COMMON) or prev.text == "&" or joined


def _role_before_comma(text: str, toks: list[Token], comma: int) -> str | None:
    """A role that a determiner opens and a comma closes before the name: "named his incoming national
    security adviser, Rep. Michael Waltz" -> "incoming national security adviser"; "The mayor of Kyiv,
    Vitali Klitschko" -> "mayor of Kyiv"."""
    end = comma
    if toks[comma - 1].cap:
        comma = _before_whose(toks, comma)
        if comma < 0:
            return None
    if not _role_noun(toks[comma - 1].low) or toks[comma - 1].cap:
        return None
    first = comma - 1
    while first > 0 and comma - first < LEAD_ROLE_TOKENS:
        prev = toks[first - 1]
        if prev.low in _DETERMINERS or prev.possessive:
            return _text(text, toks, first, end)
        if not prev.word or prev.cap or prev.low in _REJECT:
            return None
        first -= 1
    return None


_WHOSE = frozenset({"of", "for", "at"})


def _before_whose(toks: list[Token], comma: int) -> int:
    """Where "of" + a capitalised name ending at ``comma`` begins ("mayor | of Kyiv", "chief executive |
    of Ukrenergo", "head | of the Wagner Group"), or -1: the index a role noun must end at."""
    k = comma - 1
    while k >= 0 and comma - k <= 4 and toks[k].word and toks[k].cap:
        k -= 1
    if k >= 0 and toks[k].low == "the":
        k -= 1
    return k if k > 0 and k < comma - 1 and toks[k].low in _WHOSE else -1


def _role_noun(low: str) -> bool:
    """A role noun, hyphenated ones too: "director-general", "editor-in-chief"."""
    return low in ROLE_NOUNS or ("-" in low and any(p in ROLE_NOUNS or p in TITLES for p in low.split("-")))


def _phrase(toks: list[Token], i: int) -> int:
    """Index after a role phrase starting at ``i``: up to a stop mark, or -1 if too long or unfit. Two
    roles joined by "and" are one phrase ("former governor and presidential candidate"), and so is a
    role whose name holds an "and" between capitalised words ("the Member of Parliament for Hackney North
    and Stoke Newington", "the Secretary of Health and Human Services")."""
    j = i
    while j < len(toks) and toks[j].text not in _STOPS:
        both = toks[j].low == "and" and _has_role_noun(toks[i:j]) and _role_follows(toks, j + 1)
        both = both or (toks[j].low == "and" and _inside_a_name(toks, j))
        if (toks[j].low in _REJECT and not both) or j - i >= MAX_ROLE_TOKENS:
            return -1
        j += 1
    return j


def _inside_a_name(toks: list[Token], j: int) -> bool:
    """Does the "and" at ``j`` join two capitalised words of one name ("Health and Human Services")?"""
    return 0 < j < len(toks) - 1 and toks[j - 1].cap and toks[j - 1].word and toks[j + 1].cap


def _role_follows(toks: list[Token], k: int) -> bool:
    """Does a role noun end the phrase that starts at ``k`` (up to a stop mark)?"""
    j = k
    while j < len(toks) and toks[j].text not in _STOPS and toks[j].low not in _REJECT:
        j += 1
    return j > k and (j == len(toks) or toks[j].text in _STOPS) and _role_noun(toks[j - 1].low)


def apposition_role(text: str, toks: list[Token], name_end: int) -> str | None:
    """ "X, a Gulf expert at Chatham House," -> "Gulf expert at Chatham House"."""
    if name_end >= len(toks) - 1 or toks[name_end].text != ",":
        return None
    i = name_end + 1
    head = toks[i]
    opens = _modifier(head.low) or qualified(head.low) or head.low in ROLE_NOUNS
    if not (head.low in _ARTICLES or opens or head.possessive):
        return None
    j = _phrase(toks, i)
    if j <= i + 1 or not _has_role_noun(toks[i:j]) or not _headed(toks, i, j):
        return None
    if j < len(toks) and toks[j].text not in (",", ".", ";", ")", "—", "–"):
        return None
    if head.low in _ARTICLES:
        i += 1
    if toks[i].low == "new" and j - i > 1:  # "the new minister of health": new today, not for long
        i += 1
    return _text(text, toks, i, j)


_PREPOSITIONS = frozenset("at of for with by in from on to under since near".split())


def _headed(toks: list[Token], i: int, j: int) -> bool:
    """Does a role noun head the phrase ``toks[i:j]``, as the word before its first preposition or its
    last word ("a Gulf expert at Chatham House")? "the first state visit by a Chinese leader" describes
    an event, not the person."""
    k = next((m for m in range(i + 1, j) if toks[m].low in _PREPOSITIONS), j)
    head = toks[k - 1].low
    return _role_noun(head) or head in TITLES


_DAYS = frozenset({"today", "yesterday", "tomorrow"})
_BEFORE_A_DATE = frozenset({"on", "in", "last", "this", "next", "since"})
_BEFORE_A_YEAR = frozenset({"in", "since"})


# a year after "in" or "since" ("as president in 2023."), with the stop or comma it is tokenized with
_YEAR = re.compile(r"(?:1[89]|20)\d\d[.,]?")


def _when(toks: list[Token], j: int) -> bool:
    """Does the time of the news begin at ``j`` ("... as special envoy | on Wednesday", "| in March",
    "| last Monday", "| in 2023", "| today"), no part of a role?"""
    low = toks[j].low
    if low in _DAYS:
        return True
    after = toks[j + 1] if j + 1 < len(toks) else None
    if after is None or low not in _BEFORE_A_DATE:
        return False
    return after.low in MONTHS_DAYS or (low in _BEFORE_A_YEAR and _YEAR.fullmatch(after.text) is not None)


# words after which a name belongs in a role ("special envoy for Ukraine and Russia", "head of the Fed")
_JOINS = _PREPOSITIONS | _ARTICLES | frozenset({"and", "or"})


def as_role(text: str, toks: list[Token], name_end: int) -> str | None:
    """ "... Keith Kellogg as special envoy for Ukraine and Russia." -> "special envoy for ..."."""
    if name_end >= len(toks) - 1 or toks[name_end].low != "as":
        return None
    return _role_from(text, toks, name_end + 1)


# verbs that give a person an office, before the name ("appointed X as minister") or, passive, after it
# ("X was sworn in as minister", "X was named envoy")
_APPOINTING = words(
    """
    appoint appoints appointed name names named nominate nominates nominated promote promotes promoted
    elect elects elected install installs installed pick picks picked tap taps tapped choose chooses chose
    """
)
_TAKEN = words(
    "sworn appointed named nominated promoted elected installed picked tapped chosen inaugurated confirmed"
)
# words before a passive appointment that put it in the future: "will be sworn in", "is to be named"
_NOT_YET = words("will would shall to")
_BEING = words("was is were are has have had been be will formally officially also later")


def appointed_role(text: str, toks: list[Token], name_start: int, name_end: int) -> str | None:
    """The office a person is given in the news, the role they hold from now on: the "as" phrase of an
    appointment, also after an apposition that tells their old job ("appointed Isaura Nhantumbo, the
    spokeswoman of the disaster agency, as minister of state administration"), or the office a passive
    gives ("X was sworn in as minister", "X was named special envoy"); else None. An office still to come
    is not held yet ("X will be sworn in as president", "X is to be named envoy"): None."""
    if name_start > 0 and toks[name_start - 1].low in _APPOINTING:
        if name_end < len(toks) and toks[name_end].low == "as":
            return as_role(text, toks, name_end)
        if name_end < len(toks) and toks[name_end].text == ",":
            k = name_end + 1
            while k < len(toks) and toks[k].text not in _STOPS and k - name_end <= MAX_ROLE_TOKENS:
                k += 1
            if k + 1 < len(toks) and toks[k].text == "," and toks[k + 1].low == "as":
                return as_role(text, toks, k + 1)
        return None
    k = name_end
    while k < len(toks) and k - name_end < 3 and toks[k].low in _BEING:
        k += 1
    if k == name_end or k >= len(toks) or toks[k].low not in _TAKEN:
        return None
    if any(t.low in _NOT_YET for t in toks[name_end:k]):
        return None
    k += 1 + (toks[k].low == "sworn" and k + 1 < len(toks) and toks[k + 1].low == "in")
    if k < len(toks) and toks[k].low == "as":
        return as_role(text, toks, k)
    role = _role_from(text, toks, k) if k < len(toks) else None
    first = toks[k + (toks[k].low in _ARTICLES)].low if role else ""
    return role if role and (first in ROLE_NOUNS or first in TITLES or _modifier(first)) else None


def _role_from(text: str, toks: list[Token], i: int) -> str | None:
    """The role that begins at ``toks[i]`` (an article before it left out) up to a stop mark or the time
    of the news, if a role noun, title or modifier opens it; "new" is left out too ("as the new minister"),
    being true only for a while."""
    if toks[i].low in _ARTICLES:
        i += 1
    if (
        i + 1 < len(toks)
        and toks[i].low == "new"
        and (toks[i + 1].low in ROLE_NOUNS or toks[i + 1].low in TITLES)
    ):
        i += 1
    if i >= len(toks) or not (
        toks[i].low in ROLE_NOUNS or toks[i].low in TITLES or _modifier(toks[i].low) or qualified(toks[i].low)
    ):
        return None
    j = i
    while j < len(toks) and toks[j].text not in _STOPS and j - i < MAX_ROLE_TOKENS and not _when(toks, j):
        prev = toks[j - 1]
        if j > i and toks[j].cap and prev.word and not prev.cap and prev.low not in _JOINS:
            return None  # "as special guest Giancarlo Varanini traces ...": the role is the guest's
        j += 1
    return _text(text, toks, i, j) if j > i else None
