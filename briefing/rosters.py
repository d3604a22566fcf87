"""Standing rosters: the list a military or government release repeats to say who has ever taken part,
"Coalition nations which have conducted strikes in Iraq include Australia, Belgium, Canada, Denmark,
France, Jordan, the Netherlands, the United Kingdom, and the United States.", and again in the same
release for Syria with most of the same names.

Such a list reports nothing the release is about: it says who has done something at some time (the
perfect, "have conducted"), and it is boilerplate. Read as mentions, it would file every daily strike
release under each member country, so a reader's /actor Denmark would be buried under releases that say
nothing about Denmark, and every member would seem linked to every other. So a roster sentence gives no
actor at all (the body and the place in its subject are mentioned in the release's own sentences if it
is about them).

But the same shape is how a reporter writes the list that is the story: "States that have banned TikTok
on government devices include Texas, Florida, Montana, Utah and Ohio.", "Members who have endorsed Kamala
Harris include ...". One sentence cannot tell the two apart; the document can. A roster is boilerplate
when the document repeats it: two or more roster-shaped sentences with the same words around their names
("... which have conducted strikes in Iraq include" and "... in Syria include") whose lists share most of
their names. A list that appears once, or two lists of different members or different deeds, is news
and keeps its actors.

A roster-shaped sentence: a plural noun of members ("nations", "countries", "partners"...) with a relative
clause in the perfect ("which have conducted", "that have contributed"), then "include" and a list of at
least five names and nothing else. A short list, a list in the present or past ("Participating nations
include ...", "Leaders of France, Germany ... met") or one that goes on after its names is not one.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.coref import Candidate
from briefing.cues import words
from briefing.tokens import Token

_MEMBERS = words("nations countries members partners allies states governments militaries contributors")
_RELATIVE = words("which that who")
_PERFECT = words("have has")
_INCLUDE = words("include includes")
_BETWEEN = words("and the")  # inside the list: "..., the Netherlands, and the United States."
_END = frozenset({".", ";"})
MIN_MEMBERS = 5
SHARED = 2 / 3  # of the shorter list's names, for two roster sentences to be one roster repeated


@dataclass(frozen=True)
class Roster:
    """A roster-shaped sentence: the lower-case words before its "include" outside names (the frame a
    release repeats with other names in it) and the names it lists."""

    frame: tuple[str, ...]
    names: frozenset[str]


def _roster(toks: list[Token], cands: list[Candidate]) -> Roster | None:
    """The sentence as a roster, if it has the shape; ``cands`` are the candidates found in it."""
    lows = [t.low for t in toks]
    try:
        k = next(i for i, w in enumerate(lows) if w in _INCLUDE)
    except StopIteration:
        return None
    subject = lows[:k]
    if not any(
        subject[i] in _MEMBERS and subject[i + 1] in _RELATIVE and subject[i + 2] in _PERFECT
        for i in range(len(subject) - 2)
    ):
        return None
    listed = [c for c in cands if c.start >= toks[k].end]
    if len(listed) < MIN_MEMBERS:
        return None
    inside = {t.start for c in listed for t in c.toks}
    # nothing but names, commas, "and" and "the" after "include": the sentence is the list
    if not all(
        t.start in inside or t.text == "," or t.low in _BETWEEN or t.text in _END for t in toks[k + 1 :]
    ):
        return None
    named = {t.start for c in cands for t in c.toks}  # "of" in "Gulf of Aden" is the name's, not the frame's
    frame = tuple(t.low for t in toks[:k] if t.word and not t.cap and t.start not in named)
    return Roster(frame, frozenset(c.norm for c in listed))


def _repeats(a: Roster, b: Roster) -> bool:
    """Are two roster sentences one roster said twice: the same words around the names, and most of the
    shorter list's names in the other?"""
    shared = len(a.names & b.names)
    return a.frame == b.frame and shared >= SHARED * min(len(a.names), len(b.names))


def without_rosters(cands: list[Candidate], tokens: list[list[Token]]) -> list[Candidate]:
    """The candidates without those of roster sentences the document repeats (see the module's
    docstring)."""
    by_sentence: dict[int, list[Candidate]] = {}
    for c in cands:
        by_sentence.setdefault(c.sentence, []).append(c)
    shaped = {
        s: roster
        for s, found in by_sentence.items()
        if s < len(tokens) and (roster := _roster(tokens[s], found)) is not None
    }
    if len(shaped) < 2:
        return cands
    rosters = {s for s, r in shaped.items() if any(t != s and _repeats(r, o) for t, o in shaped.items())}
    return [c for c in cands if c.sentence not in rosters] if rosters else cands
