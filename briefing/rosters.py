"""Standing rosters: the sentence a military or government release repeats in every issue to list who has
ever taken part, "Coalition nations which have conducted strikes in Iraq include Australia, Belgium,
Canada, Denmark, France, Jordan, the Netherlands, the United Kingdom, and the United States."

Such a sentence reports nothing the release is about: it says who has done something at some time (the
perfect, "have conducted"), and it comes back word for word in each day's release. Read as mentions, it
would file every daily strike release under each member country, so a reader's /actor Denmark would be
buried under releases that say nothing about Denmark, and every member would seem linked to every other.
So a roster sentence gives no actor at all (the body and the place in its subject are mentioned in the
release's own sentences if it is about them).

A roster is told by its shape, not its words: a plural noun of members ("nations", "countries",
"partners"...) with a relative clause in the perfect ("which have conducted", "that have contributed"),
then "include" and a list of at least five names and nothing else. A short list, a list in the present or
past ("Participating nations include ...", "Leaders of France, Germany ... met") or one that goes on
after its names is news and is read as usual.
"""

from __future__ import annotations

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


def _roster(toks: list[Token], cands: list[Candidate]) -> bool:
    """Is this sentence a standing roster? ``cands`` are the candidates found in it."""
    lows = [t.low for t in toks]
    try:
        k = next(i for i, w in enumerate(lows) if w in _INCLUDE)
    except StopIteration:
        return False
    subject = lows[:k]
    if not any(
        subject[i] in _MEMBERS and subject[i + 1] in _RELATIVE and subject[i + 2] in _PERFECT
        for i in range(len(subject) - 2)
    ):
        return False
    listed = [c for c in cands if c.start >= toks[k].end]
    if len(listed) < MIN_MEMBERS:
        return False
    inside = {t.start for c in listed for t in c.toks}
    # nothing but names, commas, "and" and "the" after "include": the sentence is the list
    return all(
        t.start in inside or t.text == "," or t.low in _BETWEEN or t.text in _END for t in toks[k + 1 :]
    )


def without_rosters(cands: list[Candidate], tokens: list[list[Token]]) -> list[Candidate]:
    """The candidates without those of roster sentences (see the module's docstring)."""
    by_sentence: dict[int, list[Candidate]] = {}
    for c in cands:
        by_sentence.setdefault(c.sentence, []).append(c)
    rosters = {s for s, found in by_sentence.items() if s < len(tokens) and _roster(tokens[s], found)}
    return [c for c in cands if c.sentence not in rosters] if rosters else cands
