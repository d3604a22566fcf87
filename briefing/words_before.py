"""What the words right before a name say it is, where the tagger read a person or a place: "published in
Nature Astronomy" (a journal), "older than the Sun" (no one is "the" Smith), "the mission Comet Interceptor"
(a craft, no actor)."""

from __future__ import annotations

from collections import defaultdict

from briefing.coref import Candidate
from briefing.tokens import Positions, Token

# verbs of publishing: a name "published in" is a journal or paper, not the place the tagger took it for
_PUBLISHED = frozenset("published appeared printed reported".split())
# nouns of craft sent into space, whose name follows them: "the sample-return mission Comet Interceptor"
_CRAFT = frozenset("mission missions probe spacecraft satellite telescope rover lander orbiter".split())


def _before(tokens: list[list[Token]], positions: Positions, c: Candidate, back: int) -> Token | None:
    """The word ``back`` tokens before the candidate's first word in its sentence, if any."""
    if c.sentence >= len(tokens):
        return None
    k = positions.of(c.sentence).get(c.toks[0].start)
    if k is None or k - back < 0:
        return None
    return tokens[c.sentence][k - back]


def _after(tokens: list[list[Token]], positions: Positions, c: Candidate) -> Token | None:
    """The token right after the candidate in its sentence, if any."""
    k = positions.of(c.sentence).get(c.toks[-1].start) if c.sentence < len(tokens) else None
    return tokens[c.sentence][k + 1] if k is not None and k + 1 < len(tokens[c.sentence]) else None


def _the_name(tokens: list[list[Token]], positions: Positions, c: Candidate) -> bool:
    """Is the lone word written as a name after "the" ("before the Sun,"), not a modifier of the noun after
    it ("the Assad regime")?"""
    word, after = _before(tokens, positions, c, 1), _after(tokens, positions, c)
    return word is not None and word.text == "the" and (after is None or not (after.word and not after.cap))


def read_by_words_before(cands: list[Candidate], tokens: list[list[Token]]) -> list[Candidate]:
    """The candidates retyped or dropped by the words before them: a place after "published in" is a
    publication (an organisation); a lone word typed a person that the text writes after a lower-case
    "the" every time, no noun after it, is no one ("the Sun", "the Mirror": a person has no article; "the
    Assad regime" is Assad's), so an organisation;
    a name right after a craft noun ("the mission Comet Interceptor") is the craft's, no actor."""
    positions = Positions(tokens)
    after_the: dict[str, list[bool]] = defaultdict(list)
    for c in cands:
        if c.type == "person" and len(c.toks) == 1:
            after_the[c.norm].append(_the_name(tokens, positions, c) and " " not in (c.canonical or ""))
    out = []
    for c in cands:
        word = _before(tokens, positions, c, 1)
        if word is not None and word.low in _CRAFT:
            continue
        verb = _before(tokens, positions, c, 2)
        published = word is not None and word.low == "in" and verb is not None and verb.low in _PUBLISHED
        the_name = c.type == "person" and len(c.toks) == 1 and all(after_the.get(c.norm, [False]))
        if (c.type == "place" and published) or the_name:
            c.type = "organization"
        out.append(c)
    return out


__all__ = ["read_by_words_before"]
