"""Passes over all the candidates of a text once it is read: one type for a name throughout, a unit's
number and a capitalised "The" taken into a name, party labels, surnames and roles set right."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict

from briefing import roles
from briefing.aliases import PARTICLES, fold
from briefing.coref import Candidate
from briefing.cues import PLACE_HEADS, PLACE_PREPOSITIONS, UNIT_HEADS, words
from briefing.gazetteer import Gazetteer, load_gazetteer
from briefing.names import plausible_name
from briefing.states import ADVERBS, GOVERNMENTS, STATE_STATES, STATE_VERBS, spelt
from briefing.tagger import FIRM
from briefing.tokens import Positions, Token


def defined_acronyms(ruled: list[Candidate], tagged: list[Candidate]) -> list[Candidate]:
    """The rules' mentions of an acronym the text defines in brackets after a body's name ("Task Force
    (CTF)") that the tagger dropped: the acronym names that body wherever it stands alone ("CTF 50 is led
    by"), as the name it stands for does."""
    defined = {
        c.norm
        for c in ruled
        if c.alias_of is not None and c.type == "organization" and len(c.toks) == 1 and c.toks[0].acronym
    }
    if not defined:
        return []
    taken = {(c.sentence, t.start) for c in tagged for t in c.toks}
    return [
        c
        for c in ruled
        if c.why == "acronym"
        and c.type == "organization"
        and c.norm in defined
        and not any((c.sentence, t.start) in taken for t in c.toks)
    ]


def lead_roles_of_people(candidates: list[Candidate], tokens: list[list[Token]], text: str) -> None:
    """A role word before a name is a person's: before anything else it is an adjective or says whose
    it is ("his official X handle", "the spokesman Reuters quoted")."""
    positions = Positions(tokens)
    for c in candidates:
        if c.type == "person" or not c.roles or c.sentence >= len(tokens):
            continue
        toks = tokens[c.sentence]
        i = positions.of(c.sentence).get(c.start)
        lead = roles.lead_role(text, toks, i) if i else None
        if lead in c.roles:
            c.roles.remove(lead)


def surnames_of_people(candidates: list[Candidate]) -> None:
    """A surname alone refers back to a person named in full; where the tagger read that full name as
    something else ("the Sarkin Dikko palace" a building's owner, a body), the word alone is no person
    either ("the Dikko community")."""
    people = {c.canonical for c in candidates if c.type == "person" and c.why != "surname"}
    others = {c.canonical for c in candidates if c.type in ("organization", "place")} - people
    for c in candidates:
        if c.type == "person" and c.why == "surname" and len(c.toks) == 1 and c.canonical in others:
            c.type = None


def from_the_name(candidates: list[Candidate]) -> None:
    """A place begins at its name: the tagger's "northeastern city of Sumy" or "port city of Vladivostok"
    is a mention of Sumy or Vladivostok, the words before "of" say what it is. A direction alone stays
    ("eastern Aleppo" is a part of Aleppo, as the gold data of the benchmark marks it; the archive keeps
    no such alias, ``actor_groups.group``)."""
    for c in candidates:
        first = c.toks[0]
        if c.type == "person" or not first.word or first.cap or first.acronym or first.low in PARTICLES:
            continue
        k = next((k for k, t in enumerate(c.toks) if t.name_like), 0)
        if k > 1 and c.toks[k - 1].low == "of" and c.toks[k - 2].low in PLACE_HEADS:
            c.toks = c.toks[k:]


# A US politician's party and state in brackets: "Paul Ryan (R-WI)", "Bob Menendez (D-N.J.)", "(D)"
_PARTY_LABEL = re.compile(r"\([DRI](?:-[A-Z][A-Za-z.]*)?\)")


def without_party_labels(candidates: list[Candidate], text: str) -> list[Candidate]:
    """The candidates, less those inside a party label: "R-WI" is no alias of Paul Ryan, "D" no person."""
    if "(" not in text:
        return candidates
    spans = [(m.start(), m.end()) for m in _PARTY_LABEL.finditer(text)]  # in order, never overlapping
    if not spans:
        return candidates
    starts = [a for a, _ in spans]

    def inside(at: int) -> bool:
        k = bisect_right(starts, at) - 1
        return k >= 0 and spans[k][0] < at < spans[k][1]

    return [c for c in candidates if not inside(c.start)]


def same_type(candidates: list[Candidate], tokens: list[list[Token]] | None = None) -> None:
    """A name written the same way is one kind of actor throughout the text: where the tagger typed its
    mentions differently, they take the type a firm rule gave it (a list, a title...), else the type most
    of its mentions have. On a tie, a mention right after "the" says the name is no person's ("The
    Riverton Eagles scored" after the headline's "Riverton Eagles rally"); with no such evidence (or no
    ``tokens`` to look in) they stay as they are. A surname read as the person's follows the name."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    firm: dict[str, str] = {}
    model: dict[tuple[str, str], Candidate] = {}
    for c in candidates:
        if c.type is None or c.alias_of is not None:
            continue
        votes[c.norm][c.type] += 1
        model.setdefault((c.norm, c.type), c)
        if c.why in FIRM:
            firm.setdefault(c.norm, c.type)
    articled = _after_the(candidates, tokens) if tokens is not None else set()
    retyped: dict[str | None, Candidate] = {}
    for c in candidates:
        if c.type is None or c.why in FIRM or c.alias_of is not None or len(votes[c.norm]) < 2:
            continue
        if c.placed:  # "the bridge in Kendal" stays the town beside "Ms Kendal said"
            continue
        win = firm.get(c.norm)
        if win is None:
            (win, most), (_, second) = votes[c.norm].most_common(2)
            if most == second:
                win = _tie_without_person(votes[c.norm], c.norm in articled)
                if win is None:
                    continue
        if win != c.type:
            like = model[(c.norm, win)]
            if c.type == "person":
                retyped[c.canonical] = like
            c.type, c.canonical = like.type, like.canonical
    _surnames_follow(candidates, retyped)


def _after_the(candidates: list[Candidate], tokens: list[list[Token]]) -> set[str]:
    """The names that some mention gives right after "the": "the Riverton Eagles", never "the Jo Tran"."""
    positions = Positions(tokens)
    out: set[str] = set()
    for c in candidates:
        if c.type is None or c.sentence >= len(tokens):
            continue
        i = positions.of(c.sentence).get(c.toks[0].start)
        if i is not None and i > 0 and tokens[c.sentence][i - 1].low == "the":
            out.add(c.norm)
    return out


def _tie_without_person(votes: Counter[str], articled: bool) -> str | None:
    """The type a tied name takes when "the" before it rules out a person and one other type is left."""
    tied = [kind for kind, n in votes.items() if n == max(votes.values())]
    rest = [kind for kind in tied if kind != "person"]
    return rest[0] if articled and "person" in tied and len(rest) == 1 else None


def _surnames_follow(candidates: list[Candidate], retyped: dict[str | None, Candidate]) -> None:
    """A surname that referred back to a name no longer read as a person's takes the name's new type
    ("the Eagles" of the Riverton Eagles), unless a person of that name is left."""
    if not retyped:
        return
    people = {c.canonical for c in candidates if c.type == "person" and c.why != "surname"}
    for c in candidates:
        like = retyped.get(c.canonical) if c.type == "person" and c.why == "surname" else None
        if like is not None and c.canonical not in people:
            c.type, c.canonical = like.type, like.canonical


def with_article_and_number(candidates: list[Candidate], tokens: list[list[Token]]) -> None:
    """Widen a name over a capitalised "The" inside a sentence ("made to The Sunday Times", "the band The
    Used": only the start of a sentence capitalises a "The" that is no part of a name), and an
    organisation over its number: an ordinal ("the 158th Fighter Wing") or a small number before a unit
    ("65 Air Division"). A unit's canonical name takes its number: "3 Air Division" is not "65 Air
    Division"."""
    positions = Positions(tokens)
    for c in candidates:
        if c.type is None or c.type == "person" or c.sentence >= len(tokens):
            continue
        toks = tokens[c.sentence]
        at = positions.of(c.sentence)
        i = at.get(c.toks[0].start)
        if i is None:
            continue
        last = at.get(c.toks[-1].start)
        if c.type == "organization" and last is not None and _unit_number(toks, last):
            _widen(c, [*c.toks, toks[last + 1]])
        if i < 1:
            continue
        before = toks[i - 1]
        if before.text == "The" and i > 1 and (toks[i - 2].word or toks[i - 2].text == ","):
            c.toks = [before, *c.toks]
        elif c.type == "organization" and (
            _ORDINAL.fullmatch(before.text)
            or (before.text.isdigit() and len(before.text) < 4 and c.toks[-1].low in UNIT_HEADS)
        ):
            _widen(c, [before, *c.toks])
            if _ORDINAL.fullmatch(before.text) and (country := _country_before(candidates, c, toks, i - 1)):
                # "the U.S. 5th Fleet", "the Iraqi 9th Division": the country's unit, one name
                _widen(c, [*country.toks, *c.toks])
                country.type = None


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
# what else "the" and an ordinal number: a time, a place in a series, a floor ("the 65th anniversary")
_ORDINAL_NOUNS = words(
    """
    anniversary birthday century centuries minute minutes day days week month year years time times floor
    place position percentile round lap hole session edition term amendment
    """
)


def units_by_number(candidates: list[Candidate], tokens: list[list[Token]]) -> list[Candidate]:
    """ "The 65th participated in the assaults" after "the 65th Air Division": a unit named by its ordinal
    alone ("the 65th", "the 65th wing") is that unit, one the text names in full by the ordinal and a
    unit's head; a "the" and an ordinal before another noun is a time or a rank ("the 65th anniversary")."""
    units: dict[str, Candidate] = {}
    for c in candidates:
        head, number = c.toks[-1], c.toks[0].text
        if (
            c.type == "organization"
            and len(c.toks) > 1
            and head.low in UNIT_HEADS
            and _ORDINAL.fullmatch(number)
        ):
            units.setdefault(number, c)
    if not units:
        return []
    taken = {(c.sentence, t.start) for c in candidates for t in c.toks}
    out: list[Candidate] = []
    for index, toks in enumerate(tokens):
        for k in range(1, len(toks)):
            unit = units.get(toks[k].text)
            if unit is None or toks[k - 1].low != "the" or (index, toks[k].start) in taken:
                continue
            end = k + 1
            if end < len(toks) and toks[end].word:
                if toks[end].cap or toks[end].low in _ORDINAL_NOUNS:
                    continue  # another name ("the 65th Fighter Squadron"), or a time
                end += toks[end].low in UNIT_HEADS  # "the 65th wing"
            out.append(Candidate(toks[k:end], index, "organization", canonical=unit.canonical, why="head"))
    return out


def _country_before(candidates: list[Candidate], c: Candidate, toks: list[Token], k: int) -> Candidate | None:
    """The country or nationality written right before a unit's ordinal at ``toks[k]``, not possessive
    ("Russia's 58th Army" is Russia's army and Russia's own mention)."""
    if k < 1 or toks[k - 1].possessive or not toks[k - 1].cap:
        return None
    gaz = load_gazetteer()
    end = toks[k - 1].start
    for o in candidates:
        if o.sentence == c.sentence and o.type == "place" and o.toks[-1].start == end:
            return o if o.norm in gaz.countries or o.norm in gaz.demonyms else None
    return None


# what may follow a unit's number: "CTF 50 is led by", "Task Force 50 on Monday", "CTF 50 last year"
_AFTER_NUMBER = words("is was will has had and or on in at for last to from with which that")


def _unit_number(toks: list[Token], last: int) -> bool:
    """A number of up to three digits after a unit's acronym or head names the unit: "CTF 50", "Task
    Force 150", "Joint Task Force 2" (not "NATO 2030", nor "the SDF 20 kilometres back")."""
    head = toks[last]
    if not (head.acronym or head.low in UNIT_HEADS) or head.possessive or last + 1 >= len(toks):
        return False
    if last > 0 and toks[last - 1].text == "(":
        return False  # "USS Hopper (DDG 70)": a ship's hull number
    num = toks[last + 1]
    if not (num.text.isdigit() and len(num.text) < 4):
        return False
    after = toks[last + 2] if last + 2 < len(toks) else None
    return after is None or not after.word or after.cap or after.low in _AFTER_NUMBER


def _widen(c: Candidate, toks: list[Token]) -> None:
    """A canonical name that was just the span's words grows with the span; one from the lists stays."""
    plain = c.canonical == " ".join(t.text for t in c.toks)
    c.toks = toks
    if plain:
        c.canonical = " ".join(t.text for t in toks)


# a body named after the person who leads or runs it: "the Biden administration", "the Trump campaign"
_LED_BODIES = GOVERNMENTS | words("campaign camp presidency team")


def people_behind_bodies(candidates: list[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """The people bodies are named after: "the Biden administration" or "the regime of Assad" stays an
    organisation, and its name is a mention of the person too, so the article counts as naming Joe Biden.
    Only where a person is known by that name: in the text ("Joe Biden", "Biden said"), in the lists, or by
    a given name ("the Hyacinth Alia government"); "the Conservative government" names no one."""
    people: dict[str, str] = {}
    for c in candidates:
        if c.type == "person" and c.canonical and c.alias_of is None:
            people.setdefault(c.norm, c.canonical)
            people.setdefault(c.toks[-1].norm, c.canonical)  # a surname alone
    taken = {(c.sentence, c.start) for c in candidates if c.type == "person"}
    out = []
    for c in candidates:
        name = _named_after(c) if c.type == "organization" else []
        if not name or (c.sentence, name[0].start) in taken:
            continue
        norm = " ".join(t.norm for t in name)
        if norm in gaz.demonyms:
            continue  # "the Welsh Government" is the people's, though the novelist Irvine Welsh is named
        known = gaz.known.get(norm)
        canonical = people.get(norm) or (known[0] if known and known[1] == "person" else None)
        if canonical is None and (c.why == "ruler" or _given_name(name, gaz)):
            canonical = spelt(name)  # "Maduro's brutal regime": the name ``states`` read a person's
        if canonical is not None:
            out.append(Candidate(name, c.sentence, "person", canonical=canonical, why="surname"))
    return out


# words that make a name before a body's noun a body's own ("the Victoria State Government", "the Jordan
# Brand Team"), not a person's
_BODY_WORDS = words("state states brand national federal royal united general central public union")


def _given_name(name: list[Token], gaz: Gazetteer) -> bool:
    """Is a name no text or list knows a person's by its shape: a given name first that is no place
    ("Victoria", "Georgia", "Jordan" are states and countries too), and no word of a body after it?"""
    return (
        len(name) > 1
        and name[0].norm in gaz.given_names
        and gaz.place(name[0].norm) is None
        and name[0].norm not in gaz.demonyms
        and plausible_name(name)
        and not any(t.norm in _BODY_WORDS for t in name)
    )


def _named_after(c: Candidate) -> list[Token]:
    """The capitalised name before a body's noun ("Biden" of "Biden administration") or after its "of"
    ("Assad" of "regime of Assad"): one to three words, no acronym; else none."""
    toks = c.toks
    if toks[-1].norm in _LED_BODIES:
        name = [t for t in toks[:-1] if t.cap]  # "Assad's brutal regime": the name, not the adjective
        while name and (name[0].low == "the" or not name[0].cap):
            name = name[1:]
    elif len(toks) > 2 and toks[0].low in _LED_BODIES and toks[1].low == "of":
        name = toks[2:]
    else:
        return []
    if not 1 <= len(name) <= 3 or any(not t.cap or t.acronym or t.possessive for t in name[:-1]):
        return []
    return name if not name[-1].acronym else []


def states_beside_bodies(candidates: list[Candidate], tokens: list[list[Token]], gaz: Gazetteer) -> None:
    """A country named with a body of state or war by "and", or with any body that then acts as states
    do, acts with it as its state: "the U.S. and Royal Navy are working together", "The U.S., French and
    Royal Navy", "the United States and the counter-ISIL coalition", "NATO and Russia agreed". Not after
    a place's preposition ("in Iraq and NATO's bases"), nor beside a museum or a market ("Tourists
    visited France and the Louvre Museum", "trade between China and the European Union grew")."""
    # a body named after another country ("Russia and Ukraine Defence Ministry officials") is no sign
    own = [c for c in candidates if c.type == "organization" and gaz.place(c.toks[0].norm) is None]
    bodies = {(c.sentence, c.start): c for c in own} | {(c.sentence, -c.end): c for c in own}  # -end: ends
    positions = Positions(tokens)
    for c in candidates:
        if (
            c.type != "place"
            or c.norm not in gaz.countries
            or c.toks[-1].possessive
            or c.sentence >= len(tokens)
        ):
            continue
        toks = tokens[c.sentence]
        at = positions.of(c.sentence)
        i = at.get(c.start)
        if i is None or (i > 0 and toks[i - 1].low in PLACE_PREPOSITIONS):
            continue
        j = _past_listed(toks, i + len(c.toks))
        after = j + 2 if j + 1 < len(toks) and toks[j + 1].low == "the" else j + 1
        before = i - 2 if i > 1 and toks[i - 1].low == "the" else i - 1
        if _between(toks, i if before < 0 or toks[before].low != "and" else before - 1):
            continue  # "trade between China and the European Union": a relation of two, no act of either
        body, end = None, i + len(c.toks)
        if j < len(toks) and toks[j].low == "and" and after < len(toks):
            body = bodies.get((c.sentence, toks[after].start))
            if body is not None:
                last = at.get(body.toks[-1].start)
                end = end if last is None else last + 1
        if body is None and before > 0 and toks[before].low == "and":
            body = bodies.get((c.sentence, -toks[before - 1].end))
        if body is not None and (_of_state(body, gaz) or _acting(toks, end)):
            c.type = "organization"


# the heads of a government's or an army's bodies, and of alliances of states
_STATE_BODIES = words(
    """
    navy army forces force corps command guard guards police ministry department government administration
    coalition alliance military marines council
    """
)


# the heads of bodies of states together: "the European Union", "the United Nations", "NATO" (known by
# its full name in the lists)
_OF_STATES = words("union nations treaty alliance coalition council community")


def _of_state(body: Candidate, gaz: Gazetteer) -> bool:
    if any(t.norm in _STATE_BODIES for t in body.toks):
        return True
    known = gaz.known.get(body.norm)
    names = [known[0], *gaz.aliases_of(*known)] if known else [body.canonical or ""]
    return any(w in _OF_STATES for name in names for w in fold(name).split())


def _between(toks: list[Token], k: int) -> bool:
    """Does the pair that begins at ``toks[k]`` follow "between" (after "the" at most)?"""
    k -= 1 if k > 0 and toks[k - 1].low == "the" else 0
    return k > 0 and toks[k - 1].low == "between"


def _acting(toks: list[Token], k: int) -> bool:
    """Does a verb of what states do follow the pair ("are working together", "agreed", "can play")?"""
    while k < len(toks) and toks[k].low in ADVERBS:
        k += 1
    if k >= len(toks):
        return False
    if toks[k].low in STATE_VERBS:
        return True
    return toks[k].low in ("is", "are", "was", "were", "has", "have") and (
        k + 1 < len(toks) and toks[k + 1].low in STATE_STATES
    )


def _past_listed(toks: list[Token], j: int) -> int:
    """Past the names of a list after a comma ("U.S., French and Royal Navy": to the "and")."""
    while j + 1 < len(toks) and toks[j].text == ",":
        k = j + 1
        while k < len(toks) and k - j <= 3 and toks[k].name_like:
            k += 1
        if k == j + 1 or k - j > 3:
            return j
        j = k
    return j
