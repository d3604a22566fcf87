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
        if not t.word:
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
