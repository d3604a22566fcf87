"""Sports clubs: organisations the news names by a city, a person's name or an everyday word.

"Real Madrid", "Bayern Munich" and "Manchester United" hold a city, and "Chelsea" and "Liverpool" are a
place (and a given name) too, so the rest of the reading types them as places or people, or splits them.
This pass, after the rest, reads the clubs of a text again:

1. A club's own cues make it one: an abbreviation ("FC", "AC", "AFC") before or after a name, wherever
   it stands; in a sentence about a match, a prefix ("Real", "Atlético", "Sporting", "Inter", "Athletic")
   before a known place, or a place before "United", "City" (not itself a place: "Mexico City"),
   "Rovers", "Wanderers", "Albion", "Hotspur" ("Atlantic City" is a place the lists may lack).
2. Where no cue tells, the curated lists of ``seeds/clubs.toml``: ``[clubs]`` always name the club;
   ``[match_clubs]`` ("Liverpool", "Chelsea", "Barcelona") only in a sentence about a match (a score,
   "beat", "striker", another club) or once the text has named the club.
3. A name beaten by, or drawing with, a club is a club ("Tottenham beat Fulham").
4. Within a text, a short form of a club the text names ("Barcelona" of "FC Barcelona", "Real" of "Real
   Madrid", "United" of "Manchester United") refers to the club, where no other club of the text shares
   it; a short form that is also a place only in a sentence about a match or a headline.

A city inside a club's name is no mention of the city: the club's span replaces what the reading made of
its words. A club's name inside a longer name ("Chelsea Flower Show", "Liverpool Street") is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.aliases import fold
from briefing.coref import Candidate
from briefing.cues import SPEECH_VERBS, words
from briefing.gazetteer import Gazetteer
from briefing.tokens import Token

# words before a place that make a club of it: "Real Madrid", "Sporting Lisbon", "Racing Santander"
PREFIXES = words("real atletico sporting inter athletic olympique borussia dynamo dinamo racing deportivo")
# abbreviations (written in capitals) before or after a club's name: "FC Barcelona", "Wrexham AFC"
ABBREVIATIONS = words("fc afc ac cf sc ssc rb vfb vfl tsg")
# words after a place that make a club of it: "Newcastle United", "Bristol City", "Blackburn Rovers"
SUFFIXES = words("united city rovers wanderers albion hotspur athletic")
# the words of a sentence about a match
SPORT_WORDS = words(
    """beat beats beaten beating drew draw draws drawn defeat defeated defeats thrashed edged goal goals
    scored scorer striker strikers forward midfielder winger defender goalkeeper keeper manager coach boss
    league cup match matches fixture derby relegation relegated promoted promotion penalty penalties
    stadium squad footballer football club equaliser equalizer kick-off"""
)
# "Tottenham beat Fulham", "drew with Fulham", "lost to Fulham", "a win over Fulham", "Fulham v Spurs"
_MEETS = words("beat beats beating defeated thrashed edged against v vs")
_MEETS_BEFORE = words("with to over")  # after "drew", "lost", "win" / "victory"
_MEETS_VERBS = words("drew draw lost win victory")
# a place after these is the place, not its club ("fans gathered in Liverpool")
_PLACE_WORDS = words("in near across outside around")
# the words of a club's name that are no short form of it
_NOT_SHORT = ABBREVIATIONS | words("the de and & club")
_MAX_WIDTH = 4


@dataclass(frozen=True)
class _Club:
    a: int
    b: int
    name: str
    sure: bool  # a cue or the [clubs] list, not only [match_clubs]


def sports_clubs(
    cands: list[Candidate],
    tokens: list[list[Token]],
    gaz: Gazetteer,
    text: str,
    headlines: Sequence[int] = (),
) -> list[Candidate]:
    """``cands`` with the text's clubs read as organisations (see the module's docstring). The clubs of
    the whole text are read first, so a headline above the story ("United stun Barcelona") names the
    clubs its body names in full."""
    read = []
    named: set[str] = set()
    short: dict[str, set[str]] = {}
    for toks in tokens:
        clubs = _clubs_in(toks, gaz, text)
        sporty = bool(clubs) and (any(c.sure for c in clubs) or _about_a_match(toks))
        clubs += _met_by(toks, clubs, text) if clubs else []
        read.append((clubs, sporty))
        for club in clubs:
            if club.sure or sporty:
                named.add(club.name)
                for word in toks[club.a : club.b]:
                    if word.norm not in _NOT_SHORT:
                        short.setdefault(word.norm, set()).add(club.name)
    out = list(cands)
    # "Bayern said ... The striker scored"; a text that reads no club (most) needs no second pass for it
    about_football = any(clubs for clubs, _ in read) and any(_about_a_match(toks) for toks in tokens)
    for index, (toks, (clubs, sporty)) in enumerate(zip(tokens, read, strict=True)):
        kept = [c for c in clubs if c.sure or sporty or c.name in named]
        if short and any(t.norm in short for t in toks):
            about = sporty or index in headlines or _about_a_match(toks)
            kept += _short_forms(toks, kept, short, gaz, about)
        for club in kept:
            out = _replace(out, index, toks[club.a : club.b], club.name)
        for club in clubs if not about_football else ():
            if club not in kept and _place_speaking(toks, club.b, toks[club.a].norm, gaz):
                _as_place(out, index, toks[club.a], gaz)
    return out


def _as_place(cands: list[Candidate], index: int, tok: Token, gaz: Gazetteer) -> None:
    """The reading's organisation at ``tok``, a listed club's name that is a place's too and no club
    here ("Bayern werde weitere Hilfe leisten"), is the place."""
    for c in cands:
        if c.sentence == index and c.toks == [tok] and c.type == "organization":
            c.type, c.canonical, c.why = "place", gaz.place(tok.norm), "list"


def _name_at(toks: list[Token], a: int, b: int, text: str) -> str:
    return text[toks[a].start : toks[b - 1].name_end]


def _capital(tok: Token) -> bool:
    return tok.word and tok.cap


def _clubs_in(toks: list[Token], gaz: Gazetteer, text: str) -> list[_Club]:
    """The clubs a sentence names by a cue or a list, longest first, each standing alone (no capitalised
    word just before or after it: "Chelsea Flower Show", "Royal Liverpool Hospital")."""
    found: list[_Club] = []
    k = 0
    while k < len(toks):
        club = _club_at(toks, k, gaz, text)
        if club is None:
            k += 1
            continue
        alone = not (club.a and _capital(toks[club.a - 1]) and not toks[club.a - 1].possessive)
        alone = alone and not (
            club.b < len(toks) and _capital(toks[club.b]) and not toks[club.b - 1].possessive
        )
        if alone and not (not club.sure and club.a and toks[club.a - 1].low in _PLACE_WORDS):
            found.append(club)
        k = club.b
    return found


def _club_at(toks: list[Token], k: int, gaz: Gazetteer, text: str) -> _Club | None:
    """The longest club whose name begins at ``toks[k]``."""
    if not _capital(toks[k]) or not _may_begin(toks, k, gaz):
        return None
    for width in range(min(_MAX_WIDTH, len(toks) - k), 0, -1):
        span = toks[k : k + width]
        if not all(_capital(t) or t.text == "&" for t in span) or any(t.possessive for t in span[:-1]):
            continue
        norm = fold(_name_at(toks, k, k + width, text))
        if norm in gaz.clubs:
            return _Club(k, k + width, gaz.clubs[norm], not _place_speaking(toks, k + width, norm, gaz))
        if cue := _cued(span, gaz):
            return _Club(k, k + width, _name_at(toks, k, k + width, text), cue == "abbreviation")
        if norm in gaz.match_clubs:
            return _Club(k, k + width, gaz.match_clubs[norm], False)
    return None


# verbs after a subject that say it speaks or will act, in English and German copy: "Bayern werde weitere
# Hilfe leisten", "Bayern will pay"
_SPEAKS_OR_WILL = SPEECH_VERBS | words(
    """
    will would must should could can may might shall
    sagte sagt erklärte erklärt kündigte forderte fordert teilte werde wird würde müsse muss solle soll
    könne kann wolle will habe hat
    """
)


def _place_speaking(toks: list[Token], b: int, norm: str, gaz: Gazetteer) -> bool:
    """Is the listed club's name at ``toks[:b]`` one word that is a place too ("Bayern", the German
    state) and the subject of a verb of speech or a modal ("Bayern werde weitere Hilfe leisten")? Then
    the name is a club only where the match words or the text's other mentions say so, as a
    ``[match_clubs]`` name is."""
    if " " in norm or gaz.place(norm) is None or b >= len(toks):
        return False
    return not toks[b].cap and toks[b].low in _SPEAKS_OR_WILL


_FIRST_WORDS: dict[int, tuple[Gazetteer, frozenset[str]]] = {}  # the gazetteer kept: its id stays its own


def _may_begin(toks: list[Token], k: int, gaz: Gazetteer) -> bool:
    """Could a club's name begin at ``toks[k]``? A cheap test before the spans are folded: the first word
    of a listed club, a prefix or an abbreviation, or a suffix or abbreviation within the next words."""
    cached = _FIRST_WORDS.get(id(gaz))
    if cached is None:
        cached = (gaz, frozenset(n.split()[0] for n in (*gaz.clubs, *gaz.match_clubs) if n))
        _FIRST_WORDS[id(gaz)] = cached
    first = cached[1]
    if toks[k].norm.split(" ")[0] in first or toks[k].low in PREFIXES or toks[k].low in ABBREVIATIONS:
        return True
    return any(t.low in SUFFIXES or t.low in ABBREVIATIONS for t in toks[k + 1 : k + _MAX_WIDTH])


def _cued(span: list[Token], gaz: Gazetteer) -> str | None:
    """How the run names a club by its own words: "abbreviation" ("FC Porto", "Wrexham AFC", a club
    wherever it stands) or "words" ("Real Madrid", "Newcastle United": a club in a sentence about a
    match, as "Atlantic City" or "Inter Milan's mayor" may be none)."""
    if len(span) < 2:
        return None
    first, last = span[0], span[-1]
    if any(t.low in ABBREVIATIONS and t.text.isupper() for t in (first, last)):
        return "abbreviation"
    if len(span) > 3:
        return None
    rest = " ".join(t.norm for t in span[1:])
    head = " ".join(t.norm for t in span[:-1])
    whole = " ".join(t.norm for t in span)
    if first.norm in PREFIXES and gaz.place(rest):
        return "words"
    if last.norm in SUFFIXES and gaz.place(head) and not gaz.place(whole):
        return "words"
    return None


def _about_a_match(toks: list[Token]) -> bool:
    """A score ("2-1") or a word of the game ("beat", "striker", "league")."""
    if any(t.low in SPORT_WORDS for t in toks if not t.cap):
        return True
    return any(
        _SCORE.fullmatch(a.text) and b.text in "-\u2013" and _SCORE.fullmatch(c.text)
        for a, b, c in zip(toks, toks[1:], toks[2:], strict=False)
    )


_SCORE = re.compile(r"\d{1,2}")


def _met_by(toks: list[Token], clubs: list[_Club], text: str) -> list[_Club]:
    """The names a club plays in the sentence ("Tottenham beat Fulham", "Fulham drew with Spurs"): the
    capitalised run on the other side of the verb."""
    taken = {i for c in clubs for i in range(c.a, c.b)}
    out: list[_Club] = []
    for k, tok in enumerate(toks):
        if tok.cap:
            continue
        meets = tok.low in _MEETS or (tok.low in _MEETS_BEFORE and k and toks[k - 1].low in _MEETS_VERBS)
        if not meets:
            continue
        verb_start = k - 1 if tok.low in _MEETS_BEFORE and tok.low not in _MEETS else k
        after = _run(toks, k + 1, 1)
        before = _run(toks, verb_start - 1, -1)
        for this, other in ((before, after), (after, before)):
            if this and other and set(range(*other)) <= taken and not set(range(*this)) & taken:
                out.append(_Club(this[0], this[1], _name_at(toks, this[0], this[1], text), True))
    return [c for c in out if c.b > c.a]


def _run(toks: list[Token], k: int, step: int) -> tuple[int, int] | None:
    """The capitalised run (up to three words) that begins at ``k`` going forward, or ends there going
    back."""
    ks: list[int] = []
    while 0 <= k < len(toks) and _capital(toks[k]) and len(ks) < 3:
        ks.append(k)
        if step < 0 and toks[k].possessive and len(ks) > 1:
            break
        k += step
    if not ks or (0 <= k < len(toks) and _capital(toks[k])):
        return None
    return (min(ks), max(ks) + 1)


def _short_forms(
    toks: list[Token], clubs: list[_Club], short: dict[str, set[str]], gaz: Gazetteer, sporty: bool
) -> list[_Club]:
    """A word of one club the text has named, standing alone ("Real had lost", "Barcelona had led"):
    that club. A word that is also a place refers back only in a sentence about a match."""
    taken = {i for c in clubs for i in range(c.a, c.b)}
    out = []
    for k, tok in enumerate(toks):
        names = short.get(tok.norm, set())
        if k in taken or len(names) != 1 or not _capital(tok):
            continue
        if (k and _capital(toks[k - 1]) and not toks[k - 1].possessive) or (
            k + 1 < len(toks) and _capital(toks[k + 1]) and not tok.possessive
        ):
            continue
        if gaz.place(tok.norm) and (not sporty or (k and toks[k - 1].low in _PLACE_WORDS)):
            continue
        out.append(_Club(k, k + 1, next(iter(names)), True))
    return out


def _replace(cands: list[Candidate], index: int, span: list[Token], name: str) -> list[Candidate]:
    """``cands`` with the club's span in place of what the reading made of its words; a longer name
    that holds the club ("FC Barcelona Foundation") stays as it was."""
    start, end = span[0].start, span[-1].name_end
    out = []
    for c in cands:
        if c.sentence == index and c.start < end and start < c.end:
            if (c.start < start or c.end > end) and c.type == "organization":
                return cands
            continue
        out.append(c)
    out.append(Candidate(list(span), index, "organization", canonical=name, why="list"))
    return out
