"""A person's full name, once a text names that person, is that person wherever the text writes it again.

The rules read a run by its words and the words around it, one sentence at a time: "The novelist Irvine
Welsh said" is a person by its role, but "Irvine Welsh's new novel" later in the same text, with no role
before it, splits into the places Irvine and Wales; "Attilio Fontana" opening a sentence loses its given
name, which no list knows, and leaves the town Fontana. A careful reader takes the name the text has
already given a person as that person at every mention, possessive or not. (Actor extraction:
``briefing.actors``.)
"""

from __future__ import annotations

from briefing.coref import FIRM_RULES, Candidate
from briefing.tokens import Token

# the rules that name a person firmly enough to carry the name to the text's other mentions of it:
# a title or role, a list of kinds ("novelists such as"), a known given name
_NAMING = FIRM_RULES | {"kind", "given"}


def named_again(cands: list[Candidate], tokens: list[list[Token]], headlines: list[int]) -> list[Candidate]:
    """``cands`` with every whole run of a person's full name (two words or more) read as that person,
    in place of the candidates that split or retyped it. A run that goes on into a longer name ("the Irvine
    Welsh Trust") is left as it was."""
    people = {_key(c.toks): c for c in cands if _names_person(c)}
    if not people:
        return cands
    skip = set(headlines)
    out = list(cands)
    for index, toks in enumerate(tokens):
        if index in skip:
            continue
        for k, n, person in _runs(toks, people):
            start, end = toks[k].start, toks[k + n - 1].name_end
            here = [c for c in out if c.sentence == index and c.start < end and start < c.end]
            if any(c.type == "person" and c.start == start and c.end == end for c in here):
                continue
            if any(c.end > end or c.start < start for c in here if c.why in FIRM_RULES and c.type != "place"):
                continue  # a firmer, longer name around it
            new = Candidate(toks[k : k + n], index, "person", why=person.why, context=_context(here))
            at = next(
                (
                    p
                    for p, c in enumerate(out)
                    if c.sentence > index or (c.sentence == index and c.start >= start)
                ),
                len(out),
            )
            out = (
                [c for c in out[:at] if all(c is not h for h in here)]
                + [new]
                + [c for c in out[at:] if all(c is not h for h in here)]
            )
    return out


def _names_person(c: Candidate) -> bool:
    return c.type == "person" and len(c.toks) >= 2 and c.why in _NAMING and all(t.name_like for t in c.toks)


def _key(toks: list[Token]) -> tuple[str, ...]:
    return tuple(t.norm for t in toks)


def _runs(toks: list[Token], people: dict[tuple[str, ...], Candidate]) -> list[tuple[int, int, Candidate]]:
    """Where in a sentence a person's full name stands as a whole run: no name-like word right before or
    after it, and only its last word possessive."""
    by_first: dict[str, list[tuple[int, tuple[str, ...], Candidate]]] = {}
    for order, (key, person) in enumerate(people.items()):  # looked up by a run's first word: one pass
        by_first.setdefault(key[0], []).append((order, key, person))
    found = []
    for k, tok in enumerate(toks):
        for order, key, person in by_first.get(tok.norm, ()):
            n = len(key)
            run = toks[k : k + n]
            if len(run) < n or _key(run) != key or any(t.possessive for t in run[:-1]):
                continue
            before = toks[k - 1] if k > 0 else None
            after = toks[k + n] if k + n < len(toks) else None
            if (before and before.name_like) or (after and after.name_like and not run[-1].possessive):
                continue
            found.append((order, k, n, person))
    found.sort(key=lambda f: (f[0], f[1]))  # each person's runs in turn, as the callers have read them
    return [(k, n, person) for _, k, n, person in found]


def _context(here: list[Candidate]) -> str:
    return next((c.context for c in here if c.context), "")
