"""Given names of two words ("Abdel Fattah", "Abdul Rahman", "Abu Bakr", "Abd al-Aziz"), and the spellings
of one Arabic given name ("Muhammad", "Mohammed", "Mohamed").

An Arabic given name of the form Abd ("servant of") or Abu ("father of") and a second word is one given
name, not a given name and a first surname: "Abdel Fattah el-Sisi" and "Abdel Fattah al-Burhan" are two
people who share a given name, so "Abdel Fattah" alone is no name to find either by in other articles,
as "Sean" is none of Sean Hannity.

Common Arabic given names come to English in several spellings, and outlets keep to their own:
"Mohammed bin Salman" in one, "Muhammad bin Salman" in another. :func:`given_spelling` writes each
spelling of one name one way, so ``briefing.aliases.skeleton`` (the identity of a person's name) is one
for all of them; the surname still tells two people apart ("Mohamed Salah" is not "Mohammed Hadid").
Only spellings of one name are listed, never two names that sound alike: Hamad and Hamid, Salah and
Saleh, Hassan and Hussein are different names.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.coref import Candidate

# folded first words that need the next one: the spellings news uses of Abd and Abu
_FIRST = frozenset({"abd", "abdel", "abdul", "abdal", "abdol", "abdoul", "abdur", "abdor", "abu", "abou"})
# the article that may stand between them when written apart ("Abd al Aziz", "Abd el-Fattah")
_ARTICLE = frozenset({"al", "el", "ul", "ar", "ur", "as", "an", "ad", "az", "ash"})


_DOUBLE = re.compile(r"([a-z])\1+")
# each name's spellings, folded; doubled letters are written once before the lookup ("mohammed" as
# "mohamed"), so "mohamad" stands for "mohammad" too
_SPELLINGS = (
    "muhammad mohammed mohamed mohammad muhammed mohamad muhamed mohammod",
    "ahmad ahmed ahmet",
    "hussein husain hussain husein husayn hossein hosein",
    "hassan hasan",
    "abdullah abdallah abdulla abdalla abdollah",
    "yusuf youssef yousef yousuf yusef youssouf yousif",
    "mahmoud mahmud mahmood",
    "mustafa mostafa moustafa mustapha",
    "omar umar",
    "osama usama usamah",
    "khaled khalid",
    "ibrahim ebrahim",
    "suleiman sulaiman suleyman sulayman soliman",
    "faisal faysal feisal",
    "yasser yasir yaser",
    "walid waleed",
    "rashid rasheed rachid",
    "tariq tarek tarik tareq",
    "karim kareem",
    "yahya yehia yahia",
    "hamza hamzah",
    "jamal gamal",
    "abdel abdul abdal abdol abdoul",
)


def _single(word: str) -> str:
    return _DOUBLE.sub(r"\1", word)


_ONE_SPELLING = {_single(w): _single(names.split()[0]) for names in _SPELLINGS for w in names.split()}


def given_spelling(word: str) -> str:
    """One spelling of a folded Arabic given name, its doubled letters written once ("mohammed",
    "muhammad" and "mohamad" are all "muhamad"); any other word with its doubled letters once."""
    single = _single(word)
    return _ONE_SPELLING.get(single, single)


def spelt_one_way(norm: str) -> str:
    """A folded name with its Arabic given names in one spelling and every other word as it is
    ("mohammed bin salman" -> "muhamad bin salman"; "kellogg" stays "kellogg")."""
    return " ".join(_ONE_SPELLING.get(_single(w), w) for w in norm.split())


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
