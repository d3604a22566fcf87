"""Names listed as examples of a kind, and names in a series: "bands like Marrow Lane, Tin Anchor or
Cobalt Harrier", "companies such as Quorvane and Ostermark Freight", "Qamenas and other towns",
"guitarists such as Tohra Dasi". The plural noun says what every name of the list is, where nothing
firmer (a list of known names, a title, an organisation head) says otherwise. In a series of names
("Paris, Lyon, Velmont and Nantes"), a name no rule could type is of the kind its typed neighbours all
are; and a name is what the sentence says it is ("Bilvang is a Danish chain of hypermarkets", "Quorvane, a
shipping company, said").
"""

from __future__ import annotations

from briefing.coref import FIRM_RULES, Candidate
from briefing.cues import words
from briefing.models import ActorType
from briefing.tokens import Token

KINDS: dict[str, ActorType] = {
    **dict.fromkeys(
        words(
            """
            bands groups companies firms corporations businesses retailers brands labels clubs teams
            networks channels newspapers broadcasters banks airlines militias parties organisations
            organizations agencies charities universities
            """
        ),
        "organization",
    ),
    **dict.fromkeys(
        words("cities towns villages countries nations states provinces regions islands districts capitals"),
        "place",
    ),
    **dict.fromkeys(
        words(
            """
            people men women players artists musicians singers guitarists drummers actors actresses writers
            authors poets painters politicians leaders figures personalities stars athletes scientists
            """
        ),
        "person",
    ),
}
_CUES = words("like including")  # and "such as"
_OTHER = words("other")
# rules whose type a kind never overrides: the lists, a title, a surname, a head, a brand, a bracketed
# acronym of a name already typed
_FIRM = FIRM_RULES | {"bracket"}


def _items_after(toks: list[Token], k: int) -> list[int]:
    """Where the names begin of a list that begins at ``toks[k]``: "X, Y(,) and Z", "The Velvet Foxes, The
    Tin Men"."""
    out: list[int] = []
    while True:
        if k < len(toks) and toks[k].low == "the":
            k += 1
        if k >= len(toks) or not toks[k].name_like:
            return out
        out.append(k)
        while k < len(toks) and (toks[k].name_like or toks[k].low in ("of", "&")):
            k += 1
        sep = k < len(toks) and toks[k].text == ","
        k += sep
        if k < len(toks) and toks[k].low in ("and", "or"):
            k, sep = k + 1, True
        if not sep:
            return out


def _items_before(toks: list[Token], k: int) -> list[int]:
    """Where the names end of a list that ends with "and" or "or" just before ``toks[k]`` ("X, Y and" before
    "other bands")."""
    out: list[int] = []
    j = k - 1
    if j < 0 or toks[j].low not in ("and", "or"):
        return out
    j -= 1
    if j >= 0 and toks[j].text == ",":
        j -= 1
    while j >= 0 and toks[j].name_like:
        out.append(j)
        while j >= 0 and (toks[j].name_like or toks[j].low in ("of", "&")):
            j -= 1
        if j >= 0 and toks[j].low == "the":
            j -= 1
        if j < 0 or toks[j].text != ",":
            return out
        j -= 1
    return out


def listed_kinds(toks: list[Token]) -> tuple[dict[int, ActorType], dict[int, ActorType]]:
    """The kind of each listed name of a sentence: by the token it begins at, and by the one it ends at."""
    first: dict[int, ActorType] = {}
    last: dict[int, ActorType] = {}
    for k, tok in enumerate(toks):
        kind = KINDS.get(tok.low)
        if kind is None or tok.cap or not tok.word:
            continue
        if k > 1 and toks[k - 1].low in ("and", "or") and KINDS.get(toks[k - 2].low, kind) != kind:
            continue  # "bands and artists such as ...": which name is which is not said
        nxt = k + 1
        if nxt + 1 < len(toks) and toks[nxt].low == "such" and toks[nxt + 1].low == "as":
            first.update(dict.fromkeys(_items_after(toks, nxt + 2), kind))
        elif nxt < len(toks) and toks[nxt].low in _CUES:
            first.update(dict.fromkeys(_items_after(toks, nxt + 1), kind))
        if k > 0 and toks[k - 1].low in _OTHER:  # "X, Y and (several) other bands"
            before = k - 1
            while before > 0 and toks[before - 1].low in ("several", "many", "some"):
                before -= 1
            last.update(dict.fromkeys(_items_before(toks, before), kind))
    return first, last


def type_by_kind(cands: list[Candidate], toks: list[Token]) -> None:
    """Give the candidates of one sentence that a list's kind names that kind, unless a firm rule typed
    them."""
    if not any(t.low in KINDS for t in toks):
        return
    first, last = listed_kinds(toks)
    if not first and not last:
        return
    at = {t.start: k for k, t in enumerate(toks)}
    for c in cands:
        if c.why in _FIRM:
            continue
        kind = first.get(at.get(c.toks[0].start, -1)) or last.get(at.get(c.toks[-1].start, -1))
        if kind is not None:
            c.type, c.why, c.canonical = kind, "kind", None


def _series(toks: list[Token], at: dict[int, int], cands: list[Candidate]) -> list[list[Candidate]]:
    """Runs of candidates written as one series: "A, B, C and D" (commas, an "and" or "or" before the
    last)."""
    spans = [(at[c.toks[0].start], at.get(c.toks[-1].start, -1), c) for c in cands if c.toks[0].start in at]
    ordered = sorted(spans, key=lambda x: x[0])
    out: list[list[Candidate]] = []
    run: list[Candidate] = []
    end = -2
    for first, last, c in ordered:
        between = [t.low for t in toks[end + 1 : first]] if run else []
        if run and between in ([","], [",", "and"], ["and"], [",", "or"], ["or"]):
            run.append(c)
        else:
            if len(run) > 2:
                out.append(run)
            run = [c]
        end = last
    if len(run) > 2:
        out.append(run)
    return out


def type_by_series(cands: list[Candidate], toks: list[Token]) -> None:
    """In a series of three names or more whose typed names are all of one kind, two of them at least,
    the names no rule could type are of that kind too ("Tieck, Schelling and Novalis")."""
    if sum(t.text == "," for t in toks) < 1 or len(cands) < 3:
        return
    at = {t.start: k for k, t in enumerate(toks)}
    for run in _series(toks, at, cands):
        kinds = {c.type for c in run if c.type is not None}
        if len(kinds) == 1 and sum(c.type is not None for c in run) >= 2:
            kind = kinds.pop()
            for c in run:
                if c.type is None and c.alias_of is None:
                    c.type, c.why = kind, "series"


# what a name is said to be, in the singular: "Bilvang is a Danish chain of hypermarkets", "Quorvane, a
# shipping company, said", "Velmont is a commune in the Landes"
DEFINED: dict[str, ActorType] = {
    **dict.fromkeys(
        words(
            """
            band group company firm chain corporation conglomerate club team label network newspaper
            magazine broadcaster bank airline militia party organisation organization agency charity
            manufacturer retailer supermarket brand developer publisher operator carrier franchise
            carmaker automaker drugmaker chipmaker insurer lender startup
            """
        ),
        "organization",
    ),
    **dict.fromkeys(
        words(
            "village town city commune municipality hamlet suburb parish borough township district cave"
            " island river lake mountain valley neighbourhood neighborhood"
        ),
        "place",
    ),
    **dict.fromkeys(
        words(
            """
            singer guitarist musician drummer rapper composer actor actress writer novelist poet painter
            politician footballer pitcher boxer philosopher journalist businessman businesswoman entrepreneur
            athlete cyclist swimmer wrestler
            """
        ),
        "person",
    ),
}
_COPULAS = words("is was")
_AFTER_HEAD = words(
    "of in from that which who with and or based founded owned located headquartered near at on for by since"
    " to"
)
_ARTICLES = words("a an")
# A preposition ends the head of "a ... noun": what comes after it is whom or what the noun is of or for, so
# "a councillor for the town" and "a spokesman for the company" are no town and no company.
_PAST_HEAD = words("of for in at with from on by to about near among within")


def _defined_kind(toks: list[Token], k: int) -> ActorType | None:
    """What the words after a name at ``toks[k]`` say it is: "is a (Danish) chain", ", a shipping company"."""
    n = len(toks)
    if k >= n or not (toks[k].low in _COPULAS or toks[k].text == ","):
        return None
    k += 1
    if k >= n or toks[k].low not in _ARTICLES:
        return None
    for m in range(k + 1, min(n, k + 5)):
        t = toks[m]
        if not t.word or t.low in _PAST_HEAD:
            return None
        kind = DEFINED.get(t.low)
        if kind is not None and not t.cap:
            after = toks[m + 1] if m + 1 < n else None
            # the noun heads the phrase ("a band member" is no band)
            return kind if after is None or not after.word or after.low in _AFTER_HEAD else None
    return None


def type_by_definition(cands: list[Candidate], toks: list[Token]) -> None:
    """Give a candidate what the sentence says it is ("X is a Danish chain of hypermarkets": an
    organisation), unless a firm rule typed it."""
    if not any(t.low in DEFINED for t in toks):
        return
    at = {t.start: k for k, t in enumerate(toks)}
    for c in cands:
        first, last = at.get(c.toks[0].start), at.get(c.toks[-1].start)
        if c.why in _FIRM or first is None or last is None or c.toks[-1].possessive:
            continue
        kind = _defined_kind(toks, last + 1) or _kind_before(toks, first)
        if kind is not None:
            c.type, c.why, c.canonical = kind, "kind", None


def _kind_before(toks: list[Token], k: int) -> ActorType | None:
    """The kind a noun just before a name says it is: "the band Marrow Lane", "rock band Tin Anchor"."""
    if k < 1:
        return None
    noun = toks[k - 1]
    return DEFINED.get(noun.low) if noun.word and not noun.cap else None


_LIST_GAPS = (
    [","],
    [",", "and"],
    ["and"],
    [",", "or"],
    ["or"],
    [",", "as", "well", "as"],
    ["as", "well", "as"],
)


def listed_with_bodies(cands: list[Candidate], tokens: list[list[Token]]) -> None:
    """A lone word listed among organisations and places and no person, that only a guess or the words
    around it typed, is of the list's kind, and no guess: "Stern, Columbia, Harvard, Kellogg and the
    University of Chicago" and "Yale's, Kellogg's as well as Stern's" name a business school, which
    another article's envoy Kellogg is not."""
    by_sentence: dict[int, list[Candidate]] = {}
    for c in cands:
        by_sentence.setdefault(c.sentence, []).append(c)
    for index, group in by_sentence.items():
        if len(group) > 1 and index < len(tokens):
            for run in _listed(group, tokens[index]):
                _of_the_list(run)
                _one_of_the_people(run)


def _listed(group: list[Candidate], toks: list[Token]) -> list[list[Candidate]]:
    """The weak lone words a sentence lists among other names: in a list of three names or more (names no
    rule took count: "Columbia, Harvard, Kellogg"), before a comma or the last "and" ("Kellogg and the
    University"), or last after it; not a clause's subject after a comma ("in Halifax, Cowley broke in")."""
    at = {t.start: k for k, t in enumerate(toks)}
    spans = sorted(
        ((at[c.toks[0].start], at.get(c.toks[-1].start, -1), c) for c in group if c.toks[0].start in at),
        key=lambda x: x[0],
    )
    runs: list[list[tuple[Candidate, list[str]]]] = []
    size: list[int] = []
    end = -2
    for first, last, c in spans:
        gap, names = _gap(toks[end + 1 : first])
        if runs and gap in _LIST_GAPS and first > end:
            runs[-1].append((c, gap))
            size[-1] += 1 + names
        else:
            runs.append([(c, [])])
            size.append(1)
        end = max(end, last)
    out = []
    for run, n in zip(runs, size, strict=True):
        # two possessives side by side are a list too: "Yale's, Kellogg's"
        if n < 3 and not (n == 2 and all(c.toks[-1].possessive for c, _ in run)):
            continue
        for k, (c, gap) in enumerate(run):
            if k < len(run) - 1 or (gap and gap[-1] in ("and", "or", "as")):
                out.append([c, *(o for o, _ in run if o is not c)])
    return out


def _gap(between: list[Token]) -> tuple[list[str], int]:
    """The words between two listed names, without "the" and other capitalised words (names no rule
    took), and how many of those there are."""
    gap: list[str] = []
    names = 0
    for t in between:
        if t.word and t.cap:
            names += not gap or gap[-1] == ","
            continue
        if t.low != "the" and not (gap and gap[-1] == "," and t.text == ","):
            gap.append(t.low)
    return gap, names


def _of_the_list(run: list[Candidate]) -> None:
    """``run``: a weak lone word first, then the other names of its list, which must be bodies and places
    typed firmly, more of them than the list's weak people, and no person typed firmly."""
    one, others = run[0], run[1:]
    firm = [c for c in others if c.type in ("organization", "place") and (c.why in _FIRM or not c.guessed)]
    weak = [c for c in run if _weak(c)]
    if one not in weak or any(c.type == "person" and c not in weak for c in others) or len(firm) <= len(weak):
        return
    kind: ActorType = "organization" if any(c.type == "organization" for c in firm) else "place"
    one.type, one.guessed, one.why = kind, False, "series"


def _one_of_the_people(run: list[Candidate]) -> None:
    """``run``: a lone word first, then the other names of its list. Listed among people only, each named
    by a given name, a title or in full, a lone word that only a guess typed a body or a place is a person
    too: "Jeff, Vinny and Brad" are a podcast's hosts, no place called Vinny."""
    one, others = run[0], run[1:]
    if len(one.toks) != 1 or one.type not in ("organization", "place") or one.alias_of is not None:
        return
    if one.why not in ("guess", "") or len(others) < 2:
        return
    if all(c.type == "person" and c.why in ("given", "title", "surname") for c in others):
        one.type, one.guessed, one.why = "person", False, "series"


# rules that type a lone word firmly enough that a list does not retype it
_NOT_WEAK = _FIRM | {"given", "title"}


def _weak(c: Candidate) -> bool:
    """A lone word that only a guess or the words around it typed, or that the tagger took for a person."""
    if len(c.toks) != 1 or c.alias_of is not None or c.why in _NOT_WEAK:
        return False
    return c.guessed or c.type == "person"
