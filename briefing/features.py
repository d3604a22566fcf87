"""What the actor tagger sees of each token: its shape, the common word it is (if it is one), the lists and
cue words it belongs to, the rules' reading of it, and the same of its neighbours; a later word of a run
of names also sees the word before the run ("at the Stanley Casino": "Casino" sees "the").

Common words are features by identity, of the word and of its neighbours: ``lexicon`` holds words the
training texts write in lower case, so the tagger learns from "forces", "signed", "band" or "regime". A
capitalised word is known by its shape, its first three and last two to four letters, the general lists
of ``briefing.gazetteer`` and ``briefing.cues``, and, if the training texts capitalise it (``known``), by
itself as well ("cw=isil"): a name the tagger has seen in training is some evidence, as in any trained
tagger, but it also keeps its class ("w=<C>"), so an unseen name is read the way a seen one is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefing.aliases import PARTICLES
from briefing.coref import Candidate
from briefing.cues import (
    COMMON,
    MISC_FIRST,
    MISC_HEADS,
    MONTHS_DAYS,
    ORG_FIRST,
    ORG_HEADS,
    PLACE_FIRST,
    PLACE_HEADS,
    PLACE_MODIFIERS,
    PLACE_PREPOSITIONS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TITLES,
)
from briefing.gazetteer import Gazetteer
from briefing.tokens import Token

_CUES = (
    ("title", TITLES),
    ("orgh", ORG_HEADS),
    ("orgf", ORG_FIRST),
    ("plch", PLACE_HEADS),
    ("plcf", PLACE_FIRST),
    ("misch", MISC_HEADS),
    ("miscf", MISC_FIRST),
    ("role", ROLE_NOUNS),
    ("dir", PLACE_MODIFIERS),
    ("part", PARTICLES),
    ("month", MONTHS_DAYS),
    ("common", COMMON),
    ("speech", SPEECH_VERBS),
    ("prep", PLACE_PREPOSITIONS),
)
_PAD = "<S>"
_LEFT, _RIGHT = 2, 2  # the tokens around a name-like word that the tagger looks at


@lru_cache(maxsize=50_000)
def shape(text: str) -> str:
    """ "Kellogg" -> "Xx", "U.S." -> "X.X.", "al-Jabri" -> "x-Xx", "F-16" -> "X-d"."""
    out: list[str] = []
    for c in text:
        k = "X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c
        if not out or out[-1] != k:
            out.append(k)
    return "".join(out[:6])


def _lists(gaz: Gazetteer, norm: str, low: str, acronym: bool = False) -> tuple[str, ...]:
    """The lists a word is in. An acronym, as for the rules (``names.known_name``), only among countries and
    known actors: "NIS" is no given name and not the city Niš."""
    flags = [name for name, cue in _CUES if low in cue]
    if norm in gaz.given_names and not acronym:
        flags.append("given")
    if norm in gaz.countries:
        flags.append("country")
    if norm in gaz.demonyms and not acronym:
        flags.append("demonym")
    if norm in gaz.places and not acronym:
        flags.append("city")
    if norm in gaz.known:
        flags.append("known-" + gaz.known[norm][1])
    return tuple(flags)


@dataclass(frozen=True, slots=True)
class _Word:
    """A word's features, made once per process: as itself, and as the neighbour of another word."""

    shape: str
    own: tuple[str, ...]  # "w=forces", "s=x", "f=orgh"...: the word's own features
    lists: tuple[str, ...]  # "f=...": the lists it belongs to (all a context word gets of its own)
    p1: tuple[str, ...]  # "p1=the" when it comes just before the word tagged
    n1: tuple[str, ...]
    p2: tuple[str, ...]
    n2: tuple[str, ...]
    fp: tuple[str, ...]  # its lists, as the word before a name-like word ("fp=title")
    fn: tuple[str, ...]
    rb: tuple[str, ...]  # "rb=the": as the word just before a run of names, to the run's later words


class _Cache:
    """Per-word facts that do not depend on the text, computed once per process, gazetteer and lexicon."""

    def __init__(self, gaz: Gazetteer, lexicon: frozenset[str], known: frozenset[str]) -> None:
        self.gaz = gaz
        self.lexicon = lexicon
        self.known = known
        self.words: dict[tuple[str, bool, bool], _Word] = {}

    def word(self, t: Token) -> _Word:
        key = (t.text, t.cap, t.acronym)
        got = self.words.get(key)
        if got is None:
            if len(self.words) > 200_000:
                self.words.clear()
            got = self.words[key] = self._word(t)
        return got

    def _word(self, t: Token) -> _Word:
        if not t.word:
            lex = t.text if len(t.text) == 1 else "<P>"
            flags: tuple[str, ...] = ()
            shp = "p"
        else:
            lex = t.low if t.low in self.lexicon else "<A>" if t.acronym else "<C>" if t.cap else "<W>"
            flags = _lists(self.gaz, t.norm, t.low, t.acronym)
            shp = shape(t.text)
        own_lists = tuple("f=" + x for x in flags)
        own = ("w=" + lex, "s=" + shp, *own_lists)
        if t.word and (t.cap or t.acronym):
            low = t.low
            own += ("suf=" + low[-3:],)
            # affixes only of longer words (of a short one they would be the word itself), and not of an
            # acronym: its letters are no word's ending ("NIS" is no "Tunis")
            if not t.acronym:
                own += tuple(a + "=" + x for a, x, n in _affixes(low) if len(low) > n)
            if low in self.known:
                own += ("cw=" + low,)
        return _Word(
            shp,
            own,
            ("w=" + lex, "s=" + shp, *own_lists),
            ("p1=" + lex,),
            ("n1=" + lex,),
            ("p2=" + lex,),
            ("n2=" + lex,),
            tuple("fp=" + x for x in flags),
            tuple("fn=" + x for x in flags),
            ("rb=" + lex,),
        )


def _affixes(low: str) -> tuple[tuple[str, str, int], ...]:
    return (("suf2", low[-2:], 2), ("suf4", low[-4:], 4), ("pre3", low[:3], 3))


_caches: dict[tuple[int, int, int], _Cache] = {}


def _cache(gaz: Gazetteer, lexicon: frozenset[str], known: frozenset[str]) -> _Cache:
    key = (id(gaz), id(lexicon), id(known))
    cache = _caches.get(key)
    if cache is None:
        if len(_caches) > 8:
            _caches.clear()
        cache = _caches[key] = _Cache(gaz, lexicon, known)
    return cache


def rule_tags(toks: list[Token], cands: Iterable[Candidate]) -> list[str]:
    """The rules' reading of each token: "B-person", "I-organization", "B-none" (a name-like span the rules
    could not type) or "O", and after a space the rule that typed it ("B-person title")."""
    tags = ["O"] * len(toks)
    at = {t.start: k for k, t in enumerate(toks)}
    for c in cands:
        first = at.get(c.toks[0].start)
        last = at.get(c.toks[-1].start)
        if first is None or last is None:
            continue
        kind = (c.type or "none") + " " + c.why
        tags[first] = "B-" + kind
        for m in range(first + 1, last + 1):
            tags[m] = "I-" + kind
    return tags


def _runs(toks: list[Token], lo: int = 0, hi: int | None = None) -> tuple[list[str], list[int]]:
    """Where each token sits in its run of name-like tokens ("1" alone, "b"/"m"/"e" in a longer run), and
    where its run begins. Only ``toks[lo:hi]`` are looked at (the segments' words: no run crosses their
    edges)."""
    end = len(toks) if hi is None else hi
    out = ["-"] * len(toks)
    begins = [-1] * len(toks)
    k = lo
    while k < end:
        if not toks[k].name_like:
            k += 1
            continue
        j = k
        while j < end and toks[j].name_like:
            j += 1
        if j - k == 1:
            out[k] = "1"
        else:
            out[k], out[j - 1] = "b", "e"
            for m in range(k + 1, j - 1):
                out[m] = "m"
        for m in range(k, j):
            begins[m] = k
        k = j
    return out, begins


def document_counts(tokens: Sequence[list[Token]]) -> Counter[str]:
    """How often each word is capitalised in the text (a name is usually named more than once)."""
    return Counter(t.norm for toks in tokens for t in toks if t.word and (t.cap or t.acronym))


def segments(toks: list[Token]) -> list[tuple[int, int]]:
    """Where the tagger looks: from two tokens before a name-like word to two after it ("northern Iraq",
    "ISIL tactical units"). Every other token is O: a name holds a capital."""
    out: list[tuple[int, int]] = []
    n = len(toks)
    for k, t in enumerate(toks):
        if t.name_like:
            a, b = max(0, k - _LEFT), min(n, k + 1 + _RIGHT)
            if out and a <= out[-1][1]:
                out[-1] = (out[-1][0], b)
            else:
                out.append((a, b))
    return out


_EDGE = _Word("<S>", (), (), ("p1=<S>",), ("n1=<S>",), ("p2=<S>",), ("n2=<S>",), (), (), ("rb=<S>",))
_RULES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {}
_CONST = {name: (name,) for name in ("b", "lowdoc", "first", "poss", "caps=1", "caps=2", "caps=4")}
_RUNS = {k: ("run=" + k,) for k in "-1bme"}
_NO_RULE = ("rp=<S>",), ("rn=<S>",)
_RULE_O = (("r=O",), ("rw=O|",), ("rp=O",), ("rn=O",))


def _rule(tag: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The rules' reading of a token as features: of itself ("r=", "rw="), and of its neighbours."""
    got = _RULES.get(tag)
    if got is None:
        r0, _, why = tag.partition(" ")
        got = _RULES[tag] = (("r=" + r0,), ("rw=" + r0 + "|" + why,), ("rp=" + r0,), ("rn=" + r0,))
    return got


def sentence_features(
    toks: list[Token],
    rules: list[str],
    gaz: Gazetteer,
    lexicon: frozenset[str],
    lower: set[str],
    caps: Counter[str],
    where: list[tuple[int, int]],
    known: frozenset[str] = frozenset(),
) -> list[list[tuple[str, ...]]]:
    """The features of the tokens of one sentence in the segments ``where``, in order: for each token,
    groups of feature names (the groups are shared between tokens, so the tagger can map each group to
    its weights once). ``known``: the capitalised words the tagger knows by identity."""
    cache = _cache(gaz, lexicon, known)
    n = len(toks)
    lo, hi = max(0, where[0][0] - 2), min(n, where[-1][1] + 2)  # the words the segments see
    info: list[_Word] = [_EDGE] * lo + [cache.word(t) for t in toks[lo:hi]]
    tags = [_RULE_O] * lo + [_rule(r) for r in rules[lo:hi]]
    runs, begins = _runs(toks, lo, hi)
    first = next((k for k, t in enumerate(toks) if t.word), -1)
    out = []
    b = _CONST["b"]
    for a, e in where:
        for k in range(a, e):
            t = toks[k]
            me = info[k]
            prev = info[k - 1] if k else _EDGE
            nxt = info[k + 1] if k + 1 < n else _EDGE
            rule = tags[k]
            rp = tags[k - 1][2] if k else _NO_RULE[0]
            rn = tags[k + 1][3] if k + 1 < n else _NO_RULE[1]
            if not t.name_like:  # a word around a name: is it part of it?
                out.append([b, me.lists, prev.p1, nxt.n1, rule[0], rp, rn])
                continue
            f = [
                b,
                me.own,
                prev.p1,
                nxt.n1,
                (info[k - 2] if k > 1 else _EDGE).p2,
                (info[k + 2] if k + 2 < n else _EDGE).n2,
                rule[0],
                rp,
                rn,
                rule[1],
                _RUNS[runs[k]],
                prev.fp,
                nxt.fn,
            ]
            count = caps.get(t.norm, 0)
            f.append(_CONST["caps=1" if count < 2 else "caps=2" if count < 4 else "caps=4"])
            if t.norm in lower:
                f.append(_CONST["lowdoc"])
            if k == first:
                f.append(_CONST["first"])
            if t.possessive:
                f.append(_CONST["poss"])
            x = begins[k]
            if 0 < x < k:  # a later word of a run: the word before the run ("at the Stanley Casino")
                f.append(info[x - 1].rb)
            out.append(f)
    return out


def names(groups: list[tuple[str, ...]]) -> list[str]:
    """A token's feature names, from its groups."""
    return [name for group in groups for name in group]
