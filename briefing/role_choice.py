"""Which of two roles an actor's dossier shows: the one that says more of the same office, else the newer.

Articles describe one person at different lengths: "retired Army Lieutenant General; special envoy for
Ukraine and Russia" in a profile, "envoy" in a one-line mention the next day. The shorter one says less of
the same office, so it never replaces the longer, whichever is newer; a longer one of the same office
replaces a shorter one, whichever is older. A role with a word the other lacks ("deputy envoy", "Defence
Minister" after "Foreign Minister") is another office, a real change, and the newer wins; but a title alone
("General" after "commander-in-chief"), how a text addresses the person, is no change.

The words that say how the office is held ("former", "ex-", "then", "acting", "President-elect", "deputy",
"vice", ``briefing.cues.ROLE_QUALIFIERS``) make a fact, not a detail: "special envoy for Ukraine" does not
say more than "former envoy", nor "Vice President" than "President". Between two roles of one office that
differ in them the newer article is right ("former envoy" after "special envoy for Ukraine": the person
left; "President" after "President-elect" or "former President": took office), a title alone too; only
"late" is never undone. The store keeps one role per actor, so this is decided pair by pair as articles
come in.
"""

from __future__ import annotations

from functools import lru_cache

from briefing.aliases import fold
from briefing.cues import ROLE_QUALIFIERS, TITLES
from briefing.gazetteer import load_gazetteer
from briefing.roles import bare_title

_PUNCTUATION = ",;:()[]\"“”'‘’"
# words that tie a role together without saying which office it is
_GLUE = frozenset("a an the of for at to in on with and or".split())
# words that praise or rank a holder without naming another office ("top envoy", "senior adviser")
_VAGUE = frozenset("top senior key leading veteran longtime current powerful influential".split())
# how an office is held, "ex-" and "then-" being "former"; "retired" is left out, as a retired general is
# still addressed as "General"
_STANDING = ROLE_QUALIFIERS - {"retired"}
_PAST = frozenset({"ex", "then"})


@lru_cache(maxsize=4096)
def _words(role: str) -> tuple[tuple[str, str | None], ...]:
    """The folded words of a role, a hyphenated one in its parts ("president-elect": "president",
    "elect"), each with the country or place it names if it is capitalised ("Ukrainian" and "Ukraine"
    both name Ukraine; "U.S." the United States). Cached: one choice of role reads each role's words
    several times, and roles recur across articles."""
    gaz = load_gazetteer()
    out: list[tuple[str, str | None]] = []
    for token in role.split():
        token = token.strip(_PUNCTUATION)
        norm = fold(token)
        place = (gaz.demonyms.get(norm) or gaz.place(norm)) if token[:1].isupper() else None
        out.extend((part, place) for part in norm.split())
    return tuple(out)


def _standing(role: str) -> frozenset[str]:
    """How a role's office is held: {"former"} for "ex-President", {} for "special envoy"."""
    return frozenset("former" if w in _PAST else w for w, _ in _words(role) if w in _STANDING)


def _plain(role: str) -> str:
    """A role without the words of its standing: "President" of "President-elect" or "ex-President"."""
    return " ".join(w for w in role.replace("-", " ").split() if fold(w) not in _STANDING)


def _says_less(short: str, long_: str) -> bool:
    """Does the role ``short`` say less of the office ``long_`` names: each of its words but vague ones and
    glue is in the longer (which has more), and a place it names is the longer's place, or the longer names
    none ("envoy", "US envoy" of "special envoy for Ukraine"; not "former envoy", nor "mayor of Bergen" of
    "Oslo mayor"), in the same standing ("envoy" says less than "special envoy", not "former envoy")?"""
    if _standing(short) != _standing(long_):
        return False
    words = _words(long_)
    held = {w for w, _ in words if w not in _GLUE}
    places = {p for _, p in words if p}
    needed = set()
    for word, place in _words(short):
        if word in _GLUE or word in _VAGUE or (place and (not places or place in places)):
            continue
        needed.add(word)
    return needed < held


def _parts(role: str) -> list[str]:
    return [p.strip() for p in role.split(";") if p.strip()]


def _covered(short: str, long_: str) -> bool:
    """Does every part of a role (the roles one article gives, joined by "; ") say the same as, or less
    than, a part of the other?"""
    others = _parts(long_)
    return all(
        any(fold(part) == fold(other) or _says_less(part, other) for other in others)
        for part in _parts(short)
    )


def _lone_title(role: str) -> bool:
    """A title alone ("General", "President", "envoy"), as a text puts before a surname: a form of address
    more than an office."""
    return " " not in role.strip() and fold(role) in TITLES


def _restanded(stored: str, new: str) -> bool:
    """Is one part of ``new`` an office of ``stored`` in another standing ("former envoy" of "special envoy
    for Ukraine", "President" of "President-elect", "Vice President" of "President")?"""
    for a in _parts(stored):
        for b in _parts(new):
            plain_a, plain_b = _plain(a), _plain(b)
            one = plain_a and plain_b and (_covered(plain_a, plain_b) or _covered(plain_b, plain_a))
            if one and _standing(a) != _standing(b):
                return True
    return False


def _late(role: str) -> bool:
    return "late" in _standing(role)


def kept_role(stored: str | None, new: str | None, *, newer: bool) -> str | None:
    """The role to show once an article (``newer`` than all the actor's others, or not) gives ``new``:
    a bare title ("Gen.") only fills an empty role; a "late" one stays; one office in another standing
    ("former envoy" after "special envoy", "President" after "President-elect") is the newer; a title
    alone ("General") is replaced by any fuller role and replaces only another title; of two roles of one
    office the one that says more; of two that say as much, or of two different offices, the newer."""
    if not new:
        return stored
    if not stored:
        return new
    if bare_title(new):
        return stored
    if bare_title(stored):
        return new
    if _late(stored) != _late(new):  # death is not undone by an article dated later
        return stored if _late(stored) else new
    if _restanded(stored, new):
        return new if newer else stored
    less, more = _covered(new, stored), _covered(stored, new)
    if less != more:  # one office: the role that says more
        return stored if less else new
    if _lone_title(stored) != _lone_title(new):
        return stored if _lone_title(new) else new
    return new if newer else stored
