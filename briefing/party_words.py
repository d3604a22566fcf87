"""Party words and network names the tagger reads as people: "Republicans" (a party's members), "The New
Jersey Democrat" and "the Republican" (epithets for someone named elsewhere) and "Fox" beside "Fox News"
(the network)."""

from __future__ import annotations

from briefing.coref import Candidate
from briefing.gazetteer import Gazetteer

# a party's members, in the plural: a group, never one person ("Republicans won 4 out of 4 House seats")
PARTY_MEMBERS = frozenset(
    "republicans democrats tories conservatives liberals socialists communists nationalists unionists".split()
)
# one member, after a place: "the New Jersey Democrat", "a Texas Republican" describe a person
_MEMBER = frozenset("republican democrat tory conservative liberal socialist communist nationalist".split())


def party_groups(cands: list[Candidate]) -> None:
    """A party's members named in the plural ("Republicans") are a group, so an organisation: the tagger,
    seeing a capitalised word that does what people do, made them one person."""
    for c in cands:
        if c.type == "person" and len(c.toks) == 1 and c.toks[0].low in PARTY_MEMBERS:
            c.type = "organization"


def without_epithets(cands: list[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """Less the epithets made of a place and one party member ("The New Jersey Democrat is charged"): they
    stand for a person the text names elsewhere, and as a name they would be a body or a second person."""
    places = {c.norm for c in cands if c.type == "place"}

    def epithet(c: Candidate) -> bool:
        if len(c.toks) < 2 or c.toks[-1].low not in _MEMBER:
            return False
        where = " ".join(t.norm for t in c.toks[:-1])
        return where in places or gaz.place(where) is not None

    return [c for c in cands if not epithet(c)]


def without_members(cands: list[Candidate]) -> list[Candidate]:
    """Less one party member written alone ("the Republican would not back the bill", "The Republican
    senator voted"): it describes a person the text names elsewhere, or qualifies a noun, and as a name it
    was a body called "Republican" beside the party. A name it resolved to ("Tory Burch") stays."""

    def member(c: Candidate) -> bool:
        alone = len(c.toks) == 1 and " " not in (c.canonical or "")
        return alone and c.type in ("person", "organization") and c.toks[0].low in _MEMBER

    return [c for c in cands if not member(c)]


def networks_not_people(cands: list[Candidate]) -> None:
    """A lone word typed a person that begins an organisation's name in the same text ("Fox" beside "Fox
    News") is that organisation's short name, unless a person of the text has the word in their name
    ("Michael J. Fox") or the lists know it as one person's ("Biden" of "the Biden administration" is Joe
    Biden): the text never gave it a given name or a title, so it is no one's surname."""
    firsts = {c.toks[0].norm for c in cands if c.type == "organization" and len(c.toks) > 1}
    people = {t.norm for c in cands if c.type == "person" and len(c.toks) > 1 for t in c.toks}
    for c in cands:
        alone = c.type == "person" and len(c.toks) == 1 and " " not in (c.canonical or "")
        if alone and c.why != "surname" and c.norm in firsts and c.norm not in people:
            c.type = "organization"


__all__ = ["PARTY_MEMBERS", "networks_not_people", "party_groups", "without_epithets", "without_members"]
