"""Names of things, not actors: weapons and machines named by their model ("Taurus missiles", "the Oreshnik
missile", "ATACMS missiles"), storms and operations ("Hurricane Milton", "Operation Barbarossa"), and days
and months ("Sunday", "Mon 23 Nov"), which the tagger may read as places. A
name the text mostly writes just before a noun of such things is the thing's name; the reader's /actor
has no use for it. A name the rules typed firmly (a list, a title, an organisation head) stays an actor,
so "Hezbollah rockets" keeps Hezbollah.
"""

from __future__ import annotations

from collections import Counter

from briefing.aliases import fold
from briefing.coref import Candidate
from briefing.cues import CALENDAR, MISC_FIRST, ORG_HEADS, words
from briefing.gazetteer import WORD_PLACES, load_gazetteer
from briefing.names import regnal
from briefing.tagger import FIRM
from briefing.tokens import Positions, Token

THING_NOUNS = words(
    """
    missile missiles rocket rockets jet jets drone drones tank tanks warplane warplanes howitzer
    howitzers launcher launchers interceptor interceptors torpedo torpedoes warhead warheads
    """
)
# words between a model's name and its noun: "Taurus cruise missiles", "RS-26 Rubezh intercontinental
# ballistic missile", "F-16 fighter jets"
THING_MODIFIERS = words(
    """
    cruise ballistic intercontinental hypersonic supersonic long-range medium-range short-range
    fighter attack air-defence air-defense anti-tank anti-aircraft surface-to-air air-to-air
    guided unguided nuclear-capable nuclear main battle
    """
)


def _before_thing(toks: list[Token], at: dict[int, int], cand: Candidate) -> bool:
    """Is the candidate followed by a thing noun, possibly after its modifiers? ``at`` maps a token's
    start to its index in ``toks``."""
    last = at.get(cand.toks[-1].start)
    if last is None or cand.toks[-1].possessive:
        return False
    seen = 0
    for k in range(last + 1, len(toks)):  # the next four words at most
        t = toks[k]
        if not t.word:
            continue
        if t.low in THING_NOUNS:
            return True
        seen += 1
        if t.low not in THING_MODIFIERS or seen == 4:
            return False
    return False


# nouns of an occasion named before them: "a State of the Union address", "the Mansion House speech"
_OCCASION_NOUNS = frozenset("address addresses speech speeches".split())


def _before_occasion(toks: list[Token], at: dict[int, int], cand: Candidate) -> bool:
    """Is the candidate a name with "of" in it written right before an occasion's noun ("in a State of the
    Union address")? A person's name has no "of", so "a Trump speech" keeps Trump, and a name begun by a
    body's head is the body's ("a Bank of England speech")."""
    last = at.get(cand.toks[-1].start)
    if last is None or last + 1 >= len(toks) or not any(t.low == "of" for t in cand.toks):
        return False
    if cand.toks[0].low in ORG_HEADS:  # "a Bank of England speech" is the bank's
        return False
    return toks[last + 1].low in _OCCASION_NOUNS


def _named_thing(toks: list[Token], at: dict[int, int], cand: Candidate) -> bool:
    """Is the candidate a thing's name given after it: "a ballistic missile, known as Oreshnik", "a drone
    called Shahed", "the missile, dubbed Oreshnik"?"""
    k = at.get(cand.toks[0].start, 0) - 1
    if k > 0 and toks[k].low == "as" and toks[k - 1].low == "known":
        k -= 2
    elif k >= 0 and toks[k].low in ("called", "dubbed", "named"):
        k -= 1
    else:
        return False
    if k >= 0 and toks[k].text == ",":
        k -= 1
    return k >= 0 and toks[k].low in THING_NOUNS


def drop_things(cands: list[Candidate], tokens: list[list[Token]]) -> list[Candidate]:
    """The candidates without the names of things: those written before a thing noun at least half the
    time, unless a firm rule typed one of their mentions."""
    before: Counter[str] = Counter()
    occasions: Counter[str] = Counter()  # an occasion's name is no actor though its head made it firm
    total: Counter[str] = Counter()
    firm: set[str] = set()
    positions = Positions(tokens)
    for c in cands:
        if c.sentence >= len(tokens):
            continue
        at = positions.of(c.sentence)
        total[c.norm] += 1
        named = _named_thing(tokens[c.sentence], at, c)
        before[c.norm] += _before_thing(tokens[c.sentence], at, c) or named
        occasions[c.norm] += _before_occasion(tokens[c.sentence], at, c)
        if c.why in FIRM and not named:  # "a drone called Falcon": the drone's, though a place is so called
            firm.add(c.norm)
    things = {n for n, k in before.items() if k and 2 * k >= total[n] and n not in firm}
    # a storm or a military operation is an event: "Hurricane Milton", "Operation Barbarossa"
    # (a name the text seems to refer back to, "Milton", makes it no person: only a list or a title could)
    listed = {c.norm for c in cands if c.why in ("list", "title")}
    things |= {n for n, k in occasions.items() if k and 2 * k >= total[n]} - listed  # "Bank of England"
    events = [c.toks for c in cands if len(c.toks) > 1 and c.toks[0].low in MISC_FIRST]
    # and its name alone after it: "Ciara" after "Storm Ciara" is the storm, also where the tagger took
    # no "Storm Ciara" for a candidate (it reads an event as no actor)
    events += [toks[k : k + 2] for toks in tokens for k in _named_events(toks)]
    names = [" ".join(t.norm for t in toks if t.low not in MISC_FIRST) for toks in events]
    things |= ({" ".join(t.norm for t in toks) for toks in events} | set(names)) - listed - {""}
    things |= _spelt_out(tokens) | (_ships(tokens) - firm)
    cands = [
        c
        for c in cands
        if not _date(c)
        and not _in_title_of_work(tokens, positions, c)
        and not _designation(tokens, positions, c)
        and not _sequel(c)
        and not _word_place(c)
        and not _an_exit(c)
    ]
    return [c for c in cands if c.norm not in things] if things else cands


def _designation(tokens: list[list[Token]], positions: Positions, cand: Candidate) -> bool:
    """ "USS Nitze (DDG 94)", "HMS Ocean (L 12)", "(UNSCR 2254)": letters and a number alone in brackets are
    a designation (a ship's hull number, a document's), no actor."""
    if len(cand.toks) != 1 or cand.sentence >= len(tokens):
        return False
    toks = tokens[cand.sentence]
    k = positions.of(cand.sentence).get(cand.toks[0].start)
    if k is None or k < 1 or k + 2 >= len(toks) or toks[k - 1].text != "(":
        return False
    return toks[k + 1].text.isdigit() and toks[k + 2].text == ")"


def _word_place(cand: Candidate) -> bool:
    """A place alone whose name is an everyday English word ("Man", ``gazetteer.WORD_PLACES``)."""
    return cand.type == "place" and len(cand.toks) == 1 and cand.norm in WORD_PLACES


def _an_exit(cand: Candidate) -> bool:
    """ "While Brexit introduced hurdles", "Grexit", "Megxit": one word of a country's or a person's first
    letters and "exit" names a departure, an event, no actor, whatever verb follows it; a list's name
    stays."""
    low = cand.toks[0].low if len(cand.toks) == 1 else ""
    return cand.why != "list" and 5 <= len(low) <= 7 and low.endswith("xit") and low[:1].isalpha()


def _sequel(cand: Candidate) -> bool:
    """One word and a Roman numeral that no list or title makes a person's name is a sequel's ("Creed
    III", "Dragon Age II", "Final Fantasy XVI", whose "Final" opens the sentence and is left out), not a
    man's: a person bearing a numeral has a given name ("Charles III", "Benedict XVI"). Not "I", a word.
    So are three words or more before the numeral with no given name first and no initial ("Grand Theft
    Auto V"): a man's name that long begins with his given name ("Martin Luther King III", "Charles H.
    Keating IV"), while two words may be a given name the lists lack and a surname ("Eberhard Faber V"),
    or the surname of such a man named before ("King III")."""
    toks = cand.toks
    if cand.type != "person" or cand.why in ("list", "title") or len(toks) < 2 or len(toks) == 3:
        return False
    if not regnal(toks[-1]) or toks[-1].low == "i" or toks[0].norm in load_gazetteer().given_names:
        return False
    if cand.canonical and fold(cand.canonical).endswith(f" {cand.norm}"):
        return False  # "King III" after "Martin Luther King III": his surname and suffix
    return len(toks) == 2 or not any(t.initial or not t.word for t in toks[:-1])


def _named_events(toks: list[Token]) -> list[int]:
    """Where a capitalised event word stands before a one-word name: "Storm Ciara", "Hurricane Milton"."""
    return [
        k
        for k in range(len(toks) - 1)
        if toks[k].cap and toks[k].low in MISC_FIRST and toks[k + 1].name_like
        and (k + 2 == len(toks) or not toks[k + 2].name_like)
    ]  # fmt: skip


_SMALL = words("a an the of for and to in on at with")
# navies' prefixes before a ship's name: "USS Hopper", "HMS Daring", "FS Forbin"
SHIP_PREFIXES = frozenset("USS HMS FS HMCS HMAS HMNZS INS ROKS JS USNS RFS TCG ITS".split())


def _ships(tokens: list[list[Token]]) -> set[str]:
    """The names of ships, with and without their prefix: a vessel is a thing, though "Forbin" is later
    written alone ("Forbin is joining U.S. ships")."""
    out: set[str] = set()
    for toks in tokens:
        for k in range(len(toks) - 1):
            if toks[k].text not in SHIP_PREFIXES or not toks[k + 1].cap or toks[k + 1].acronym:
                continue
            end = k + 1
            while end < len(toks) and toks[end].cap and not toks[end].acronym and end - k <= 3:
                end += 1
            name = " ".join(t.norm for t in toks[k + 1 : end])
            out |= {name, f"{toks[k].norm} {name}"}
    return out


def _spelt_out(tokens: list[list[Token]]) -> set[str]:
    """Acronyms the text spells out in lower-case words before them, "intercontinental ballistic missile
    (ICBM)", "unmanned aerial vehicles (UAVs)": abbreviations of common nouns, no organisations."""
    out: set[str] = set()
    for toks in tokens:
        for k in range(1, len(toks) - 1):
            tok = toks[k]
            if tok.acronym and toks[k - 1].text == "(" and toks[k + 1].text == ")":
                letters = "".join(ch for ch in tok.text.lower() if ch.isalpha()).removesuffix("s")
                before: list[str] = []
                for t in reversed(toks[max(0, k - 1 - 2 * len(letters)) : k - 1]):
                    if not t.word or t.cap:
                        break
                    before.insert(0, t.low)
                if _spells(letters, [w for w in before if w not in _SMALL]):
                    out.add(tok.norm)
    return out


def _spells(letters: str, before: list[str]) -> bool:
    """Do the last words of ``before`` spell ``letters``: each begins with the next of its letters, and
    the letters left are all in the words in order ("ICBM" in "intercontinental ballistic missile")?"""
    return any(_spelt(letters, before[a:]) for a in range(len(before)))


def _spelt(letters: str, words_: list[str]) -> bool:
    if not words_ or not letters:
        return not words_ and not letters
    word = words_[0]
    if word[0] != letters[0]:
        return False
    rest, inner = words_[1:], word[1:]
    return any(_inside(letters[1:n], inner) and _spelt(letters[n:], rest) for n in range(1, len(letters) + 1))


def _inside(letters: str, word: str) -> bool:
    """Are ``letters`` in ``word``, in order?"""
    rest = iter(word)
    return all(ch in rest for ch in letters)


# a title of a work follows these ("the book An America First Approach to Security") and is no actor's name
WORK_NOUNS = words("book books novel memoir film movie documentary album song play essay titled entitled")


def _in_title_of_work(tokens: list[list[Token]], positions: Positions, cand: Candidate) -> bool:
    """Is the candidate inside the title of a book, a film or a song ("his book A Promised Land")?"""
    if cand.sentence >= len(tokens) or cand.why == "title":
        return False
    toks = tokens[cand.sentence]
    k = positions.of(cand.sentence).get(cand.toks[0].start)
    while k is not None and k > 0:
        k -= 1
        t = toks[k]
        if not t.word or (not t.cap and t.low not in _SMALL):
            return t.low in WORK_NOUNS and k + 1 < len(toks) and toks[k + 1].cap
    return False


def _date(cand: Candidate) -> bool:
    """A day or a month is a date, never an actor, unless a title or a full name says it is a person's
    name ("Gen. May", "May" after "Theresa May"); "Mon" is no state of Myanmar in "Mon 23 Nov"."""
    return all(t.norm in CALENDAR for t in cand.toks) and cand.why not in ("title", "surname")


def letters_in_names(cands: list[Candidate], tokens: list[list[Token]]) -> list[Candidate]:
    """Without a one-letter name written as a part of another name or of code: "Xbox One X", "curl -X
    GET", "X Window" are no mentions of X; "his official X handle" and "owns X." are."""
    return [
        c for c in cands if not _letter_in_name(c, tokens[c.sentence] if c.sentence < len(tokens) else [])
    ]


def _letter_in_name(cand: Candidate, toks: list[Token]) -> bool:
    if len(cand.toks) != 1 or len(cand.toks[0].text) != 1:
        return False
    k = next((i for i, t in enumerate(toks) if t.start == cand.start), None)
    if k is None:
        return False
    before = toks[k - 1] if k > 0 else None
    after = toks[k + 1] if k + 1 < len(toks) else None
    if before is not None and before.end == cand.start and before.text in ("-", "--"):
        return True  # an option of a command: "curl -X GET"
    return any(
        t is not None and t.word and (t.cap or t.acronym) and _next_to(t, cand) for t in (before, after)
    )


def _next_to(tok: Token, cand: Candidate) -> bool:
    """Are the token and the one-letter name separated by one space only (no punctuation)?"""
    return tok.end + 1 == cand.start or cand.toks[0].end + 1 == tok.start
