"""Given names of two words: "Abdel Fattah", "Abdul Rahman", "Abu Bakr", "Abd al-Aziz".

An Arabic given name of the form Abd ("servant of") or Abu ("father of") and a second word is one given
name, not a given name and a first surname: "Abdel Fattah el-Sisi" and "Abdel Fattah al-Burhan" are two
people who share a given name, so "Abdel Fattah" alone is no name to find either by in other articles,
as "Sean" is none of Sean Hannity.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.coref import Candidate

# folded first words that need the next one: the spellings news uses of Abd and Abu
_FIRST = frozenset({"abd", "abdel", "abdul", "abdal", "abdol", "abdoul", "abdur", "abdor", "abu", "abou"})
# the article that may stand between them when written apart ("Abd al Aziz", "Abd el-Fattah")
_ARTICLE = frozenset({"al", "el", "ul", "ar", "ur", "as", "an", "ad", "az", "ash"})


def compound_given(folded: list[str]) -> int:
    """How many of the words of a person's name (folded, as ``briefing.aliases.fold`` gives them; a
    hyphenated word may hold two: "al fattah") a two-word given name at its start spans: 2 for "abdel
    fattah el sisi", 3 for "abd al fattah ...", 0 when the name begins otherwise or has nothing after it."""
    if len(folded) < 2 or folded[0] not in _FIRST:
        return 0
    if folded[1] in _ARTICLE:
        return 3 if len(folded) > 2 else 0
    return 2


def given_alone(cands: list[Candidate]) -> None:
    """A two-word given name alone ("Abdel Fattah said") is the one person the text names in full with
    it, as "Sean" is Sean Hannity; with two such people, neither."""
    people: dict[str, set[str]] = {}
    for c in cands:
        norms = [t.norm for t in c.toks]
        span = compound_given(norms)
        if c.type == "person" and c.canonical and 0 < span < len(norms):
            people.setdefault(" ".join(norms[:span]), set()).add(c.canonical)
    for c in cands:
        found = people.get(c.norm, set())
        if len(found) == 1 and c.type in ("person", None) and compound_given(c.norm.split()):
            c.type, c.canonical = "person", next(iter(found))
