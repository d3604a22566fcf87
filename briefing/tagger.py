"""The actor tagger: a linear sequence model that has the last word on which spans are actors, and of
which type, after the rules have read the text.

The rules (``briefing.actors``) find and type names from lists, cues and context; the tagger sees their
reading as features of each token (``briefing.features``) together with the token's shape and affixes,
the common words around it, the general lists and the capitalised words it was trained on, and labels
the tokens B-/I-person, organization, place or misc (a name that is no actor: a work, an event, a
weapon) or O. Decoding is Viterbi over those tags, with an I- tag only after its B-.

The weights (``seeds/tagger.npz``) are an averaged perceptron trained by ``bench/train_ner.py`` on the
gold named-entity data (see ``seeds/README.rst`` for the data and its licences). Without the file the
rules alone decide.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from briefing.chunks import royal_name, without_post_nominals
from briefing.coref import FIRM_RULES, Candidate
from briefing.cues import (
    COMPANY_NOUNS,
    FOREIGN_OPENERS,
    LONE_NOT_NAMES,
    ORG_HEADS,
    PLACE_HEADS,
    PORTFOLIOS,
    ROLE_NOUNS,
    TITLES,
)
from briefing.cyrillic_names import cyrillic_run
from briefing.features import document_counts, rule_tags, segments, sentence_features
from briefing.gazetteer import SEEDS, Gazetteer
from briefing.models import ActorType
from briefing.names import plural_title, suffix_after
from briefing.roles import grade_width
from briefing.states import GOVERNMENTS, MEMBERS, STATE_NOUNS
from briefing.tokens import Positions, Token

if TYPE_CHECKING:
    from briefing.actors import Reading

MODEL = SEEDS / "tagger.npz"
KINDS: tuple[str, ...] = ("person", "organization", "place", "misc")
TAGS: tuple[str, ...] = ("O", *(f"{p}-{k}" for k in KINDS for p in "BI"))
_NEG = -1e9


def allowed() -> np.ndarray:
    """Which transitions are possible: row ``T`` is the start of a sentence; an I- tag follows its B-/I-."""
    n = len(TAGS)
    ok = np.ones((n + 1, n), dtype=bool)
    for j, tag in enumerate(TAGS):
        if tag.startswith("I-"):
            ok[:, j] = False
            ok[TAGS.index("B-" + tag[2:]), j] = True
            ok[j, j] = True
    return ok


_ALLOWED = allowed()


@dataclass(frozen=True)
class Tagger:
    """Weights by feature name (a row of ``weights`` each, the last row all 0 for unknown features);
    ``trans[i, j]`` scores tag ``j`` after tag ``i`` (row ``len(TAGS)``: the start)."""

    index: dict[str, int]
    weights: np.ndarray
    trans: np.ndarray
    lexicon: frozenset[str]
    known: frozenset[str] = frozenset()  # capitalised words it knows by identity (``briefing.features``)
    groups: dict[tuple[str, ...], tuple[int, ...]] = field(default_factory=dict, compare=False, repr=False)

    def emissions(self, feats: list[list[tuple[str, ...]]]) -> np.ndarray:
        """Tag scores of every token, from its groups of feature names (``briefing.features``); a feature
        the model does not know points at the last row of ``weights``, all 0."""
        get = self.index.get
        zero = len(self.weights) - 1
        cached = self.groups
        rows: list[int] = []
        starts: list[int] = []
        for token in feats:
            starts.append(len(rows))
            for group in token:
                ids = cached.get(group)
                if ids is None:
                    if len(cached) > 100_000:
                        cached.clear()
                    ids = cached[group] = tuple(get(name, zero) for name in group)
                rows.extend(ids)
        return np.add.reduceat(self.weights[rows], starts)

    def decode(self, emit: np.ndarray) -> list[int]:
        return viterbi(emit, self.trans)

    def tag(self, feats: list[list[tuple[str, ...]]]) -> list[str]:
        return [TAGS[k] for k in self.decode(self.emissions(feats))]


def viterbi(emit: np.ndarray, trans: np.ndarray) -> list[int]:
    """The best tag sequence under ``emit`` (tokens x tags) and ``trans`` (with disallowed moves barred)."""
    return viterbi_many([emit], trans)[0] if len(emit) else []


def viterbi_many(emits: list[np.ndarray], trans: np.ndarray) -> list[list[int]]:
    """Viterbi over many sequences at once: they are padded to the longest, and a sequence that has ended
    keeps its score and passes its tag back unchanged."""
    lengths = np.asarray([len(e) for e in emits])
    batch, n, n_tags = len(emits), int(lengths.max()), len(TAGS)
    emit = np.zeros((batch, n, n_tags), dtype=np.float32)
    for i, e in enumerate(emits):
        emit[i, : len(e)] = e
    moves = np.where(_ALLOWED[:-1], trans[:-1], _NEG)
    score = np.where(_ALLOWED[-1], trans[-1], _NEG) + emit[:, 0]
    back = np.empty((n, batch, n_tags), dtype=np.intp)
    cols = np.broadcast_to(np.arange(n_tags), (batch, n_tags))
    ends = np.sort(lengths)
    for k in range(1, n):
        total = score[:, :, None] + moves  # batch x from x to
        best = total.argmax(axis=1)
        if ends[0] > k:  # no sequence has ended yet
            score = total.max(axis=1) + emit[:, k]
            back[k] = best
            continue
        active = (k < lengths)[:, None]
        score = np.where(active, total.max(axis=1) + emit[:, k], score)
        back[k] = np.where(active, best, cols)
    last = score.argmax(axis=1)
    paths = np.empty((batch, n), dtype=np.intp)
    paths[:, n - 1] = last
    everyone = np.arange(batch)
    for k in range(n - 1, 0, -1):
        last = back[k, everyone, last]
        paths[:, k - 1] = last
    return [path[: lengths[i]] for i, path in enumerate(paths.tolist())]


@lru_cache(maxsize=2)
def load_tagger(path: Path = MODEL) -> Tagger | None:
    """The shipped weights, or None when there are none (the rules alone decide then)."""
    if not path.exists():
        return None
    with np.load(path, allow_pickle=False) as data:
        names = [str(x) for x in data["features"]]
        weights = data["weights"].astype(np.float32) * np.float32(data["scale"])
        trans = data["trans"].astype(np.float32)
        lexicon = frozenset(str(x) for x in data["lexicon"])
        known = frozenset(str(x) for x in data["known"]) if "known" in data else frozenset()
    return Tagger({name: k for k, name in enumerate(names)}, weights, trans, lexicon, known)


def spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first, last + 1, kind) of every tagged span."""
    out: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for k, tag in enumerate([*tags, "O"]):
        if start >= 0 and not (tag.startswith("I-") and tag[2:] == kind):
            out.append((start, k, kind))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, kind = k, tag[2:]
    return out


def features_of(
    reading: Reading, gaz: Gazetteer, lexicon: frozenset[str], known: frozenset[str] = frozenset()
) -> dict[int, tuple[list[tuple[int, int]], list[list[tuple[str, ...]]]]]:
    """For every sentence the rules read (headlines are left to them), the segments the tagger looks at
    and the features of their tokens."""
    by_sentence: dict[int, list[Candidate]] = defaultdict(list)
    for c in reading.candidates:
        by_sentence[c.sentence].append(c)
    caps = document_counts(reading.tokens)
    skip = set(reading.headlines)
    out = {}
    for index, toks in enumerate(reading.tokens):
        where = segments(toks) if index not in skip else None
        if where:
            tags = rule_tags(toks, by_sentence.get(index, ()))
            feats = sentence_features(toks, tags, gaz, lexicon, reading.lower, caps, where, known)
            out[index] = (where, feats)
    return out


def tag_text(reading: Reading, model: Tagger, gaz: Gazetteer) -> list[tuple[int, int, int, str]]:
    """(sentence, first token, last token + 1, kind) of every span the tagger finds."""
    found = features_of(reading, gaz, model.lexicon, model.known)
    if not found:
        return []
    allfeats = [f for _, feats in found.values() for f in feats]
    emit = model.emissions(allfeats)
    where = [(index, a, b) for index, (segs, _) in found.items() for a, b in segs]
    starts = np.cumsum([0] + [b - a for _, a, b in where])
    paths = viterbi_many([emit[starts[k] : starts[k + 1]] for k in range(len(where))], model.trans)
    out: list[tuple[int, int, int, str]] = []
    for (index, a, _), path in zip(where, paths, strict=True):
        out.extend((index, a + x, a + y, kind) for x, y, kind in spans([TAGS[p] for p in path]))
    return out


# Rules whose reading the tagger may lengthen but not undo: a name from the lists, a person after a
# title, a surname of a person named in full, an organisation head ("Chatham House"), a brand, a list's
# kind ("bands like X and Y", ``briefing.kinds``), a direction before a word that is no place ("Northern
# Rock", ``briefing.reader``).
# "council": a town its council names; "seat": the place after "of" that a councillor or a governor sits
# for ("Councillor Jane Smith of Ealing", ``briefing.reader``); "placeend": a country, then a word that ends
# a place's name and no surname ("Turkey Point said", ``briefing.reader``)
FIRM = FIRM_RULES | {"kind", "direction", "council", "seat", "placeend"}
# words that open a sentence and never a name after them: "Both", "Neither", "Either", French "Selon"
_OPENERS = FOREIGN_OPENERS | {"both", "neither", "either"}
# a word for a company that may open a sentence before its name ("Rival BP posted ...")
_DESCRIBERS = frozenset({"rival", "rivals"})
_NAME_POSSESSIVES = frozenset({"people's", "people’s", "workers'", "workers’"})
# a name neither begins nor ends with these ("of Mosul", "the Coalition"); marks between two names
_EDGE_WORDS = frozenset("of for and the a an to on in at by with from".split())
_BREAKS = frozenset("- – — / ( ) ; :".split())
# lower-case words that may stand between two words of one name: "Gulf of Aden", "Bosnia and Herzegovina"
_JOINERS = frozenset("of for and the de del la le du da di van von der den bin ibn al el on upon to".split())
# lower-case words that make a country's span its state or a body of it: its forces, people, bodies, or
# what it does ("Iraqi security forces", "U.S. service members", "the Syrian opposition"); "Saudi oil" or
# "Russian gas" is a thing of the place, which stays a place
_STATE_WORDS = (
    MEMBERS
    | GOVERNMENTS
    | STATE_NOUNS
    | ROLE_NOUNS
    | (ORG_HEADS - frozenset("oil petroleum pharmaceuticals investment investments trading".split()))
    | frozenset("members people personnel officials military security opposition parties allies".split())
)


def _describes(tok: Token) -> bool:
    """A plain lower-case word ("ruling", "opposition") that describes a name after it and is no part of
    it, unlike a particle ("de", "al", "van") or a word joined to the name by a hyphen."""
    return tok.word and not tok.cap and tok.text.isalpha() and tok.low not in _JOINERS


def _clean(toks: list[Token], a: int, b: int, kind: str) -> list[tuple[int, int]]:
    """A tagged span without punctuation at its edges, a sentence's first "The" or a person's title before
    the name, cut after a possessive ("Sudan's Darfur" is two names) and at a lower-case word between its
    names that joins no name; empty if no capitalised word is left."""
    while a < b and (not toks[a].word or (not toks[a].cap and toks[a].low in _EDGE_WORDS)):
        a += 1
    if a < b - 1 and toks[a].text == "The" and not any(t.word for t in toks[:a]):
        a += 1  # any first word is capitalised: "The Coalition is trained" names "Coalition"
    if a < b - 1 and toks[a].low in _OPENERS and not any(t.word for t in toks[:a]):
        a += 1  # "Selon Le Pen, le budget ...", "Neither Scholz nor ...": an opening word, no part of a name
    if a < b - 1 and toks[a].low in _DESCRIBERS and not any(t.word for t in toks[:a]):
        a += 1  # "Rival BP posted profit": a word for the company opens the sentence, not its name
    while a < b - 1 and _describes(toks[a]) and (toks[a + 1].cap or _describes(toks[a + 1])):
        a += 1  # "Turkey's ruling Justice and Development party": a name begins at its capitals
    while b > a and (not toks[b - 1].word or (not toks[b - 1].cap and toks[b - 1].low in _EDGE_WORDS)):
        b -= 1
    for k in range(a + 1, b - 1):
        if toks[k].text in _BREAKS:  # "U.S.-Iraq", "Forces (CTF)": two names
            return _clean(toks, a, k, kind) + _clean(toks, k + 1, b, kind)
    if kind == "person":  # "Secretary of State Kerry" is Kerry, "Airman First Class Kim Lee" Kim Lee
        for k in range(a + 1, b - 2):
            # "Tamsin Roe and Airman Bo Crane" are two people ("Mr and Mrs Smith" one name)
            named = any(t.cap and t.low not in TITLES for t in toks[a:k])
            if named and toks[k].low in ("and", "&") and toks[k + 1].low in TITLES:
                return _clean(toks, a, k, kind) + _clean(toks, k + 1, b, kind)
        while a < b - 1 and not suffix_after(toks, a, b):  # "King III" is a name
            if not toks[a].cap or toks[a].low in TITLES or toks[a].low in PORTFOLIOS or plural_title(toks[a]):
                a += 1
            elif (grade := grade_width(toks, a)) and a + grade < b:
                a += grade
            else:
                break
        while b > a + 1 and not toks[b - 1].cap:  # "the Biden administration's": a name ends capitalised
            b -= 1
    for k in range(a, b - 1):
        if toks[k].possessive and toks[k].low not in _NAME_POSSESSIVES and not royal_name(toks, k + 1):
            return _clean(toks, a, k + 1, kind) + _clean(toks, k + 1, b, kind)
    b = without_post_nominals(toks, a, b)  # "Catherine de Souza KC" is Catherine de Souza
    names = [k for k in range(a, b) if toks[k].name_like]
    for k in range(names[0] + 1, names[-1]) if names else ():
        if toks[k].word and not toks[k].cap and toks[k].low not in _JOINERS:
            return _clean(toks, a, k, kind) + _clean(toks, k + 1, b, kind)  # "Iraq include Australia"
    return [(a, b)] if names else []


def retag(reading: Reading, model: Tagger, gaz: Gazetteer) -> list[Candidate]:
    """The candidates of the tagger's reading. A span the rules have too keeps their candidate (roles,
    canonical name), retyped unless a firm rule typed it; a longer span around rules' candidates of its
    type takes the first one's canonical name ("ISIL fighters" is Islamic State, "northern Iraq" Iraq),
    but gives way to a firm candidate of another type inside it ("Ukrainian Armed Forces Command" stays
    Ukraine), except where an organisation span is a country's state in lower-case words ("Ukrainian
    forces" is the organisation Ukraine). What the tagger drops stays when a firm rule found it, or when
    the rules read a person in Cyrillic, words the tagger knows only by their shape (after a dateline in
    capitals, "КИЇВ — Президент України Володимир Зеленський", it read the person as no name)."""
    rules: dict[int, list[tuple[int, int, Candidate]]] = defaultdict(list)
    positions = Positions(reading.tokens)
    for c in reading.candidates:
        if c.type is None:
            continue
        at = positions.of(c.sentence)
        first, last = at.get(c.toks[0].start), at.get(c.toks[-1].start)
        if first is not None and last is not None:
            rules[c.sentence].append((first, last + 1, c))
    caps = document_counts(reading.tokens)
    out: list[Candidate] = []
    used: set[int] = set()
    taken: set[tuple[int, int]] = set()
    for index, a0, b0, kind in tag_text(reading, model, gaz):
        if kind == "misc":
            continue
        toks = reading.tokens[index]
        for a, b, own in _apart(rules.get(index, []), toks, _clean(toks, a0, b0, kind)):
            # a piece cut from a span the tagger joined is read as the rules read it
            piece = own.type if own is not None and own.type is not None else kind
            cand = _adopt(rules.get(index, []), toks, index, a, b, piece, used, gaz, caps)
            if cand is not None:
                out.append(cand)
                taken.update((index, k) for k in range(a, b))
    for index, found in rules.items():
        for a, b, c in found:
            firm = c.why in FIRM or (c.type == "person" and cyrillic_run(c))
            if firm and id(c) not in used and not any((index, k) in taken for k in range(a, b)):
                out.append(c)
    return out


_SEATS = frozenset({"seat", "list"})  # how the rules read a seat: as written, or by its list name


def _seat_before(rules: list[tuple[int, int, Candidate]], cut: int, k: int, b: int) -> Candidate | None:
    """The rules' seat that ends at ``k`` right before a titled person's name inside one tagged span ("The
    Mayor of | Ealing | Peter Mason said"): the two are read apart, as "and" or a comma would part them;
    else None."""
    left = next(
        (c for x, y, c in rules if x == cut and y == k and c.type == "place" and c.why in _SEATS), None
    )
    if left is None:
        return None
    right = next(
        (c for x, y, c in rules if x == k and y <= b and c.type == "person" and c.why == "title"), None
    )
    return left if right is not None else None


def _person_of_place(rules: list[tuple[int, int, Candidate]], cut: int, k: int, b: int) -> Candidate | None:
    """The rules' person that ends at the "of" at ``k``, where the rules read a place or a body right after
    it ("Jane Smith | of | Ealing", "Analyst Jane Smith | of | Acme"): a person's "of" names where they are
    from or whom they work for, no longer name; else None. The person is named in full: a given name
    alone before "of" may begin a title's name ("the Oscar of Oscars"), and so may two capitalised words the
    rules call a person by their shape alone, with no given name or title ("the Best Use of FMV")."""
    people = (c for x, y, c in rules if x == cut and y == k and c.type == "person" and y - x > 1)
    left = next((c for c in people if c.why != "shape"), None)
    right = next(
        (c for x, y, c in rules if x == k + 1 and y <= b and c.type in ("place", "organization")), None
    )
    return left if right is not None else None


def _apart(
    rules: list[tuple[int, int, Candidate]], toks: list[Token], spans: list[tuple[int, int]]
) -> list[tuple[int, int, Candidate | None]]:
    """The tagged spans, each cut at an "and" or a comma between two names the rules read apart ("Sarmin
    and Talamenes" are two towns, though the tagger joined them) or between a seat and its holder
    (``_seat_before``), with the rules' candidate of each piece
    so cut (None for a span left whole)."""
    out: list[tuple[int, int, Candidate | None]] = []
    for a, b in spans:
        cut, pieces = a, []
        for k in range(a + 1, b - 1):
            if toks[k].low in ("and", ","):
                left = next((c for x, y, c in rules if x == cut and y == k), None)
                right = next((c for x, y, c in rules if x == k + 1 and y <= b), None)
                if left is not None and right is not None:
                    pieces.append((cut, k, left))
                    cut = k + 1
            elif toks[k].low == "of" and (home := _person_of_place(rules, cut, k, b)) is not None:
                pieces.append((cut, k, home))  # "Jane Smith of Ealing said": she, then where she is from
                cut = k + 1
            elif (seat := _seat_before(rules, cut, k, b)) is not None:
                pieces.append((cut, k, seat))
                cut = k
        if not pieces:
            out.append((a, b, None))
            continue
        last = next((c for x, y, c in rules if x == cut and y == b), None)
        out.extend([*pieces, (cut, b, last)])
    return out


def _state(
    firm: list[Candidate], toks: list[Token], a: int, b: int, type_: str, gaz: Gazetteer
) -> Candidate | None:
    """The country in an organisation span that names a country's forces, people or body in lower-case
    words around it ("Iraqi security forces", "U.S. service members", "government of Iraq"): the span is
    the state, under the country's name, as "the Iraqi government" is (``briefing.states``). None when
    the span holds any other name, or the firm reading inside is not one country."""
    if type_ != "organization" or len(firm) != 1:
        return None
    c = firm[0]
    if c.type != "place" or not c.canonical or not gaz.is_country(c.canonical) or c.toks[-1].possessive:
        return None
    own = {t.start for t in c.toks}
    if any(t.name_like and t.start not in own for t in toks[a:b]):
        return None
    rest = [t.low for t in toks[a:b] if t.word and t.start not in own]
    if not any(w in _STATE_WORDS or w.rstrip("s") in _STATE_WORDS for w in rest):
        return None
    return c


def _adopt(
    rules: list[tuple[int, int, Candidate]],
    toks: list[Token],
    index: int,
    a: int,
    b: int,
    kind: str,
    used: set[int],
    gaz: Gazetteer,
    caps: Counter[str],
) -> Candidate | None:
    """The candidate for the tagged span ``toks[a:b]`` of ``kind``, or None where a firm rule disagrees."""
    type_: ActorType = kind  # type: ignore[assignment]
    titled = [x for x, y, c in rules if c.why == "title" and c.type == "person" and a < x and y <= b]
    if type_ == "person" and titled:
        a = min(titled)  # the title rule knows where the name begins ("Envoy for Yemen Tim Lenderking")
    inside = [(x, y, c) for x, y, c in rules if a <= x and y <= b]
    if not inside and b - a == 1 and a == next((k for k, t in enumerate(toks) if t.word), -1):
        # a sentence's capitalised first word that the rules found no evidence for ("Anytime you...",
        # "Rescue operations..."): capitals say nothing there, and the tagger's guess is not evidence
        return None
    if not inside and b - a == 1 and toks[a].low in LONE_NOT_NAMES:
        return None  # "hostile to Western interests": a direction alone is no name the rules left out
    if (
        not inside
        and b - a == 1
        and toks[a].low in PLACE_HEADS
        and b < len(toks)
        and toks[b].low in COMPANY_NOUNS
    ):
        return None  # "Dock workers": a place word that says what people do, as the rules read it
    if not inside and b - a == 1 and not toks[a].acronym and caps.get(toks[a].norm, 0) < 2:
        # nor is it for a word the rules could not type that the text capitalises only once ("Franco-British")
        return None
    crossing = [c for x, y, c in rules if x < b and a < y and not (a <= x and y <= b)]
    if any(c.why in FIRM for c in crossing):
        return None
    for x, y, c in inside:
        if (x, y) == (a, b):
            if c.type != type_ and c.why in FIRM:
                return None
            if c.type != type_ and c.why == "placename" and c.type == "place":
                used.add(id(c))  # a known place before a place word: "Benue State" is no organisation
                return c
            if c.type != type_:
                c.type, c.canonical, c.guessed = type_, None, False
            used.add(id(c))
            return c
    firm = [c for _, _, c in inside if c.why in FIRM and c.type != type_]
    state = _state(firm, toks, a, b, type_, gaz)
    if firm and state is None:
        return None
    cand = Candidate(toks[a:b], index, type_)
    if state is not None:  # the country's own candidate gives way to its state's
        cand.canonical = state.canonical
        used.add(id(state))
        return cand
    same = [c for _, _, c in inside if c.type == type_]
    if same and type_ != "person":
        cand.canonical = same[0].canonical
    for c in same:
        cand.roles.extend(c.roles)
    used.update(id(c) for _, _, c in inside)
    return cand
