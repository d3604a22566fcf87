"""Runs of capitalised words, the chunks that actor extraction types (``briefing.actors``): tokens made
whole ("A/S") or split ("Iran-backed"), title-case headlines, and where a run joins over "of", "and",
"&" or a legal form into one name."""

from __future__ import annotations

from briefing.aliases import CORPORATE, PARTICLES, family_first, fold
from briefing.cues import (
    MISC_FIRST,
    MONTHS,
    MONTHS_DAYS,
    ORG_HEADS,
    PLACE_CONTEXT,
    PLACE_HEADS,
    POST_NOMINALS,
    SEATS,
    SPEECH_VERBS,
    TITLES,
    words,
)
from briefing.gazetteer import Gazetteer, load_gazetteer
from briefing.names import SMALL, is_title, known_name
from briefing.relatives import relation_before
from briefing.tokens import Token

_JOINERS = words("of for and & de del la le du da di van von der den bin ibn bu al el on upon")
# the Arabic article written apart before a "sun letter": "Dayr az Zawr", "Jisr ash Shughur", "Ras ad
# Dahr" (its forms that are English words, "as", "an", "at", are left out: "Smith at Google")
_ARTICLES = words("az ash ad ar ath adh ez esh ed ul")


# possessives inside official names: "People's Republic of China", "People's Liberation Army"
NAME_POSSESSIVES = words("people's people’s workers' workers’")


def join_slashed(toks: list[Token]) -> list[Token]:
    """ "A/S" (a Nordic company's legal form) is one word, not "A", "/" and "S"."""
    if not any(t.text == "/" for t in toks):
        return toks
    out: list[Token] = []
    k = 0
    while k < len(toks):
        tok = toks[k]
        after = toks[k + 1] if k + 1 < len(toks) else None
        if tok.text == "/" and out and after and out[-1].end == tok.start and after.start == tok.end:
            before = out[-1]
            if all(len(t.text) <= 2 and t.text.isalpha() and t.text.isupper() for t in (before, after)):
                text = f"{before.text}/{after.text}"
                low = text.lower()
                out[-1] = Token(
                    text, before.start, after.end, low, low, True, cap=True, acronym=True
                ).refresh()
                k += 2
                continue
        out.append(tok)
        k += 1
    return out


# a generational suffix, which some styles set off by a comma: "Robert F. Kennedy, Jr."
_SUFFIXES = frozenset({"jr", "jnr", "sr", "snr"})


def join_suffix(toks: list[Token]) -> list[Token]:
    """ "Robert F. Kennedy, Jr." is the son's name, as "Robert F. Kennedy Jr." is: the comma between a
    capitalised name and "Jr." or "Sr." sets off no apposition, so it is dropped and the run reads whole."""
    keep = [
        tok
        for k, tok in enumerate(toks)
        if not (
            tok.text == ","
            and 0 < k < len(toks) - 1
            and toks[k - 1].cap
            and toks[k - 1].word
            and toks[k + 1].cap
            and toks[k + 1].norm in _SUFFIXES
        )
    ]
    return toks if len(keep) == len(toks) else keep


# the Arabic article written as an English word, capitalised at the start of a place name: "near As
# Sukhnah", "in An Najaf", "at At Tanf"
_ENGLISH_ARTICLES = frozenset(("As", "An", "At"))


def place_articles(toks: list[Token]) -> list[Token]:
    """ "near As Sukhnah": after a place preposition, a capitalised "As", "An" or "At" right before a
    name begins the name (a function word begins none elsewhere: "As Iraq continues")."""
    for k in range(1, len(toks) - 1):
        tok, nxt = toks[k], toks[k + 1]
        if tok.text in _ENGLISH_ARTICLES and toks[k - 1].low in PLACE_CONTEXT and nxt.name_like:
            tok.name_like = nxt.start == tok.end + 1
    return toks


def split_hyphens(toks: list[Token], gaz: Gazetteer) -> list[Token]:
    """ "Iran-backed" holds Iran and "Russia-Ukraine" holds two countries; "al-Jabri" stays whole."""
    if not any("-" in t.text for t in toks):
        return toks
    out: list[Token] = []
    for k, tok in enumerate(toks):
        parts = tok.text.split("-") if tok.word and tok.cap and "-" in tok.text else []
        if parts and _against_body(parts, toks[k + 1] if k + 1 < len(toks) else None):
            parts = []  # "the Counter-Daesh Coalition" is one body, named for what it fights
        # a short known name only in capitals: "UN-backed" holds the UN, "Un-named" nothing; a letter is
        # part of the name it is written in ("X-Men", "X-COM"), never a name of its own
        known = [_short_known(p) and known_name(gaz, fold(p)) is not None for p in parts]
        upper = all(p[:1].isupper() for p in parts)
        # "Task Force-Operation Inherent Resolve": a body, then the operation it runs
        event = upper and any(p.lower() in MISC_FIRST for p in parts[1:])
        if not parts or not (known[0] or (any(known) and upper) or event):
            if parts and parts[-1][:1].islower() and not is_title(tok) and not _given_syllables(toks, k):
                tok.cap = False  # "Western-supplied" is an adjective
                tok.refresh()
            out.append(tok)
            continue
        at = tok.start
        for part in parts:
            sub = Token(part, at, at + len(part), part.lower(), fold(part), word=True, cap=part[:1].isupper())
            sub.acronym = len(part) > 1 and part.isupper()
            sub.refresh()
            out.append(sub)
            out.append(Token("-", at + len(part), at + len(part) + 1, "-", "-", word=False))
            at += len(part) + 1
        out.pop()
    return out


def _short_known(part: str) -> bool:
    return len(part) > 2 or (len(part) > 1 and part.isupper())


def _given_syllables(toks: list[Token], k: int) -> bool:
    """ "Jae-myung" of Lee Jae-myung, "Yo-jong" of Kim Yo-jong: a hyphenated given name of two romanised
    syllables right after a Chinese or Korean family name is a part of the name, not an adjective."""
    before = toks[k - 1] if k else None
    if before is None or not before.cap or before.end != toks[k].start - 1 or toks[k].text.count("-") != 1:
        return False
    first, _, second = toks[k].norm.partition(" ")
    if second in _ADJECTIVE_ENDS or known_name(load_gazetteer(), f"{before.norm} {first}"):
        return False  # "a Hong Kong-run fund", "a Kim Jong-like haircut"
    return family_first([before.norm, toks[k].norm])


# second halves of a compound adjective that read as a romanised syllable ("Hong Kong-run")
_ADJECTIVE_ENDS = frozenset("run made like wide era only time long go led based".split())


def _against_body(parts: list[str], nxt: Token | None) -> bool:
    """ "Counter-Daesh Coalition", "Anti-Corruption Bureau": a capitalised prefix of opposition before a
    body's head."""
    return (
        len(parts) == 2
        and parts[0].lower() in ("counter", "anti")
        and nxt is not None
        and nxt.cap
        and nxt.low in ORG_HEADS
    )


def is_headline(toks: list[Token], share: float = 0.8) -> bool:
    """A title-case line: a headline or a subheading, where capitals say nothing about names. A line that
    repeats the article's title needs a smaller ``share`` of capitalised words to count."""
    content = [t for t in toks if t.word and t.low not in SMALL]
    if len(content) < 2 or (toks[-1].text[-1] in '.”"' and not all(t.acronym for t in content)):
        return False
    if any(not t.cap and t.low in SPEECH_VERBS for t in content):
        return False  # "The Foreign Secretary, Boris Johnson, said:" is prose full of names
    caps = sum(1 for t in content if t.cap or t.acronym)
    return caps == len(content) if len(content) < 4 else caps / len(content) >= share


def chunks(toks: list[Token]) -> list[tuple[int, int]]:
    """Maximal runs of name-like tokens, joined by connectors only when a name follows."""
    out = []
    i, n = 0, len(toks)
    while i < n:
        if not toks[i].name_like or toks[i].low in ("&",):
            i += 1
            continue
        j = i + 1
        while j < n and (
            not toks[j - 1].possessive or toks[j - 1].low in NAME_POSSESSIVES or royal_name(toks, j)
        ):
            if not toks[j].name_like and toks[j - 1].text in POST_NOMINALS:
                break  # "Alan Hart PhD and Mary Jones": the letters end a name, so no "and" joins it on
            step = 1 if toks[j].name_like or _month_surname(toks, i, j) else _joiner(toks, j)
            step = step or _legal_form(toks, j)
            if not step:
                break
            j += step
        j = _known_through(toks, i, j) or j
        end = j
        j = without_post_nominals(toks, i, j)
        out.append((i, j))
        i = end
    return out


def without_post_nominals(toks: list[Token], i: int, j: int) -> int:
    """Where the name of ``toks[i:j]`` ends before letters for honours or a seat that close the run
    ("Catherine de Souza KC", "Jane Roe MBE OBE"): they belong to no name, and with them the person would be
    one actor and "de Souza" another. Two words of a name must stand before them, the last no head of a
    body or place ("Finance Committee MP"). An honour or a degree follows only a person, whatever the
    given name ("Priya Patel MBE"); a seat may follow a party ("Western Australian Labor MP"), so before
    one a given name or a title must say it is a person's."""
    end = j
    while end > i and toks[end - 1].text in POST_NOMINALS:
        end -= 1
    if end == j or sum(1 for t in toks[i:end] if t.word and t.cap) < 2:
        return j
    given = load_gazetteer().given_names
    seat = any(t.text in SEATS for t in toks[end:j])
    if seat and not any(t.norm in given or t.low in TITLES for t in toks[i:end]):
        return j
    last = toks[end - 1]
    if not last.word or not last.cap or last.acronym or last.low in ORG_HEADS or last.low in PLACE_HEADS:
        return j
    return end


# small words inside listed names that end a run of capitalised words: "Save the Children",
# "Doctors Without Borders", "Reporters sans frontières"
_THROUGH = words("the without sans")


def _known_through(toks: list[Token], i: int, j: int) -> int:
    """Where a listed actor's name that the run ends inside of ends ("Save" of "Save the Children"), or 0."""
    if j + 1 >= len(toks) or toks[j].low not in _THROUGH or not toks[j + 1].name_like:
        return 0
    known = load_gazetteer().known
    for k in (j + 2, j + 3):
        if k <= len(toks) and " ".join(t.norm for t in toks[i:k]) in known:
            return k
    return 0


# a monarch's possessive that begins a place's or a body's name: "Queen's Park", "King's College"
_ROYALS = words("king queen prince princess")


def royal_name(toks: list[Token], j: int) -> bool:
    """Does the possessive before ``j`` begin a name with a royal's ("Queen's Park", "King's College
    London", "Queen's University"): a capitalised head of a place or a body follows it? "The Queen's
    Speech" is no such name."""
    before, tok = toks[j - 1], toks[j]
    return (
        before.norm in _ROYALS and before.cap and tok.cap and (tok.low in PLACE_HEADS or tok.low in ORG_HEADS)
    )


def _legal_form(toks: list[Token], j: int) -> int:
    """A company's legal form ends its name in lower case or after a comma: "Shell plc", "BP p.l.c.",
    "Samsung Electronics Co., Ltd."; how many tokens it adds at ``j``."""
    if toks[j].word and not toks[j].cap and toks[j].norm == "plc":
        return 1
    if toks[j].text == "," and j + 1 < len(toks) and toks[j - 1].norm in CORPORATE:
        nxt = toks[j + 1]
        return 2 if nxt.cap and nxt.norm in CORPORATE and nxt.norm not in ("group", "company") else 0
    return 0


def _month_surname(toks: list[Token], i: int, j: int) -> bool:
    """A month's name right after a given name is a surname ("Theresa May", "Prime Minister Theresa May",
    "Brian May"), unless a day's number follows ("meets Kim May 12")."""
    if not toks[j].cap or toks[j].low not in MONTHS or toks[j - 1].possessive:
        return False
    if j - 1 > i and toks[j - 2].low not in TITLES:  # the given name must begin the name ("Kim Jong Un")
        return False
    if j + 1 < len(toks) and toks[j + 1].text[:1].isdigit():
        return False
    return toks[j - 1].norm in load_gazetteer().given_names


def _joiner(toks: list[Token], j: int) -> int:
    """How many connecting words at ``j`` join two parts of one name, counting the name word after them:
    "Ministry of Defence", "Trading & Investment", "Minister for the Middle East", "von der Leyen"."""
    n = len(toks)
    low = toks[j].low
    if low in ("der", "den") and toks[j - 1].low not in PARTICLES:
        return 0  # "von der Leyen", but "Rentenpaket der Bundesregierung" (of the government) is two
    if relation_before(toks, j):
        return 0  # "Die Witwe von Alexej Nawalny": the widow and the person she relates to
    if (low in _JOINERS or low in _ARTICLES) and j + 1 < n and toks[j + 1].name_like:
        return 2
    if low == "to" and _purpose(toks, j):
        return 2
    if low == "&" and _month_after_and(toks, j):
        return 2
    if j + 2 < n and toks[j + 2].name_like:
        if low in ("of", "for", "and") and toks[j + 1].low == "the":
            return 3
        if low in PARTICLES and toks[j + 1].low in PARTICLES:
            return 3
    return 0


def _month_after_and(toks: list[Token], j: int) -> bool:
    """ "Ant & Dec hosted the show": a month's short form after a name's "&", with no day's number after
    it, is the second name of a duo (Dec, Declan), not December; "Ant" alone would be the whole actor."""
    if j + 1 >= len(toks) or not toks[j + 1].cap or toks[j + 1].low not in MONTHS_DAYS:
        return False
    return not (j + 2 < len(toks) and toks[j + 2].text[:1].isdigit())


def _purpose(toks: list[Token], j: int) -> bool:
    """ "Global Coalition to Counter ISIL", "Committee to Protect Journalists": a body's head, "to" and a
    capitalised verb that is no known name, then a name."""
    if j + 2 >= len(toks) or toks[j - 1].low not in ORG_HEADS or not toks[j - 1].cap:
        return False
    verb, after = toks[j + 1], toks[j + 2]
    if not verb.cap or verb.acronym or not after.name_like:
        return False
    gaz = load_gazetteer()
    return known_name(gaz, verb.norm) is None and verb.norm not in gaz.given_names
