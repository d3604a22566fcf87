"""Within one text: the candidate spans that may be actors, and which of them name one person.

A surname alone, or with a title ("Kellogg", "Gen. Kellogg"), refers to the person of the text with that
surname (the latest one named before it, else the first; of two people who share it, the subject of the
sentence before, or no one where that is unclear); a spelling variant meets its full name through
``briefing.aliases.skeleton``; a given name alone ("thanks to you, Sean") refers to the one person of the
text of that name. Known aliases (``seeds/actors.toml``) give the canonical name.

:class:`Candidate` is what every step of the reading passes around, so this module holds it and the
people's names, and builds on nothing else of the reading; the other names an organisation goes by are
:mod:`briefing.org_coref`, the typing of every candidate :mod:`briefing.resolution`, and the actors made
of them :mod:`briefing.actor_groups`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from briefing.aliases import (
    PARTICLES,
    PATRONYMICS,
    SUFFIXES,
    dynasty,
    family_first,
    fold,
    generation,
    given_name_last,
    name_tails,
    skeleton,
    spelt_alike,
    without_dynasty,
)
from briefing.gazetteer import Gazetteer
from briefing.given_names import compound_given
from briefing.letters import umlauts_written
from briefing.models import ActorType
from briefing.tokens import Token

# Lower-case words inside a name ("Bank of England"), shared by the steps after this one: initials
# skip them (org_coref), and a name to find an actor by may hold them (actor_groups).
FUNCTION_WORDS = frozenset({"of", "the", "for", "and", "on", "in"})

# The rules whose type stands against other readings of the same name: a list, a title, a surname of a
# person named in full, an organisation head, a brand. The tagger (``briefing.tagger.FIRM``) and the
# kinds (``briefing.kinds``) each add their own to these.
FIRM_RULES = frozenset({"list", "title", "surname", "head", "brand"})


@dataclass(slots=True)
class Candidate:
    """A span that may be an actor, before the whole text is read."""

    toks: list[Token]
    sentence: int
    type: ActorType | None
    canonical: str | None = None
    initial: bool = False
    brand: bool = False
    context: str = ""
    roles: list[str] = field(default_factory=list)
    alias_of: str | None = None
    common: bool = False
    guessed: bool = False
    why: str = ""  # which rule gave the type: "list", "title", "head", "context"... (a tagger feature)
    # a lone word after "in" kept a place though a person of the text has it as surname
    # (``briefing.resolution``): no later pass makes it that person ("the bridge in Kendal", "Ms Kendal")
    placed: bool = False
    _norm: tuple[int, str] = (0, "")  # the folded name, and the id of the token list it was made from

    @property
    def start(self) -> int:
        return self.toks[0].start

    @property
    def end(self) -> int:
        return self.toks[-1].name_end

    @property
    def norm(self) -> str:
        """The folded name ("keith kellogg"); ``toks`` is only ever replaced, never changed in place."""
        key, norm = self._norm
        if key != id(self.toks):
            norm = " ".join(t.norm for t in self.toks)
            self._norm = (id(self.toks), norm)
        return norm


def _name_words(cand: Candidate) -> list[str]:
    return [t.norm for t in cand.toks if t.norm not in PARTICLES and t.norm not in SUFFIXES and not t.initial]


def surname_keys(cand: Candidate) -> list[str]:
    """The words a later mention may refer to the person by alone: the surname, with its particles too
    ("da Silva") and under its skeleton, an umlaut as German writes it without the key ("Soeder" of Markus
    Söder); "bin Salman" only, as "Salman" alone names the father (and "Al Saud" the house, of Khalid bin
    Salman Al Saud: "the Al Saud family"); the family name of a name that puts it first ("Kim" of Kim Jong
    Un, "Wang" of Wang Yi), never its given name."""
    words = [t.norm for t in cand.toks]
    if family_first(words):
        return [words[0]]
    if suffix := generation(words):
        # "Trump Jr." of Donald Trump Jr. only, and "Trump" alone as well, as for any two of one surname
        keys = surname_keys(replace(cand, toks=cand.toks[:-1]))
        return [f"{key} {suffix}" for key in keys] + keys
    toks = cand.toks
    if house := dynasty(" ".join(words)):  # "Al Saud" alone is the house: the prince is "bin Salman"
        toks = toks[: -len(house.split())]
    last = toks[-1]
    if len(toks) > 1 and toks[-2].norm in PATRONYMICS:
        return [f"{toks[-2].norm} {last.norm}"]
    keys = [last.norm, skeleton(last.norm)]
    if (written := fold(umlauts_written(last.text))) != last.norm:
        keys.append(written)  # "Soeder" after "Markus Söder": German without the umlaut key
    if len(toks) > 1 and toks[-2].norm in PARTICLES:
        keys.append(f"{toks[-2].norm} {last.norm}")
    return keys


def _tails(cand: Candidate, gaz: Gazetteer, text: str) -> list[str]:
    """The later parts of a person's long name that refer back to them (``briefing.aliases.name_tails``):
    "Lula da Silva", "Pinto Luz", "López Obrador", folded."""
    if cand.type != "person" or len(cand.toks) < 3:
        return []
    return [fold(tail) for tail in name_tails(surface_of(cand, text), gaz.given_names)]


_KIN = re.compile(
    r"\b(?:father|mother|son|daughter|brother|sister|uncle|aunt|nephew|niece|cousin|wife|husband|widow|"
    r"grandfather|grandmother|grandson|granddaughter|namesake)\W{0,3}$",
    re.IGNORECASE,
)


def _kin_before(cand: Candidate, text: str) -> bool:
    """Is the name introduced as a relative ("his father, Ulbrecht Faber")? Then a part of another's
    name it shares is a name of its own."""
    return bool(_KIN.search(text[max(0, cand.start - 30) : cand.start]))


# Honorifics and kin words that say whether the person named after them is a woman or a man
HONORIFIC_SEX = {
    **dict.fromkeys(("mrs", "ms", "miss", "mme", "madame", "madam", "dame", "lady"), "f"),
    **dict.fromkeys(("mr", "sir", "lord"), "m"),
}
_HONORIFIC = re.compile(r"\b(" + "|".join(HONORIFIC_SEX) + r")\.?\s+$", re.IGNORECASE)
_KIN_SEX = re.compile(
    r"\b(?:(?P<f>wife|widow|mother|daughter|sister|aunt|niece|grandmother|granddaughter|first lady|"
    r"stepmother|stepdaughter)|(?P<m>husband|widower|father|son|brother|uncle|nephew|grandfather|grandson|"
    r"stepfather|stepson)),?\s+(?:[A-Za-z.'-]+\s+){0,5}$",  # "his wife, former Secretary of State Hillary"
    re.IGNORECASE,
)
# the first pronoun after a person's name in its sentence ("Bill Clinton and his wife", "Melania Trump has
# written in her memoir"), before another full name (two capitalised words) could have taken it; not
# "him", as often another's ("thanked him")
_PRONOUN = re.compile(r"\b(?:(?P<f>she|her)|(?P<m>he|his))\b|(?P<stop>[.!?\n]|[A-Z]\w+\s+[A-Z]\w+)")


# a name in the possessive or after "of" is no subject: the pronoun after it is the possessed noun's
_NOT_SUBJECT = re.compile(r"\s*['’]")
_OF_BEFORE = re.compile(r"\bof\s+$", re.IGNORECASE)


def honorific_sex(text: str, start: int) -> str | None:
    """ "f" for a name after "Mrs", "Ms" or "Miss" ("Mrs Clinton"), "m" after "Mr" or "Sir", else None."""
    found = _HONORIFIC.search(text[max(0, start - 8) : start])
    if not found or not found[1][0].isupper():  # "said miss" is no honorific
        return None
    return HONORIFIC_SEX[found[1].lower()]


def _sex_named(start: int, end: int, text: str) -> str | None:
    """What the words around a full name say of the person's sex: an honorific or a kin word before it
    ("his wife, Melania Trump", "Mrs Hillary Clinton"), else the first pronoun after it (``_PRONOUN``)."""
    if sex := honorific_sex(text, start):
        return sex
    if kin := _KIN_SEX.search(text[max(0, start - 60) : start]):
        return "f" if kin["f"] else "m"
    if _NOT_SUBJECT.match(text, end) or _OF_BEFORE.search(text[max(0, start - 4) : start]):
        return None  # "Keir Starmer's mother said she", "the mother of Michael Jackson said she": the kin's
    pronoun = _PRONOUN.search(text, end)
    if pronoun is None or pronoun["stop"]:
        return None
    return "f" if pronoun["f"] else "m"


_SUFFIX_COMMA = re.compile(r",(?=\s*(?:Jr|Sr|Jnr|Snr)\b)")


def as_written(surface: str) -> str:
    """A name as the text writes it, without an editor's brackets or line breaks inside it
    ("Vladimir] Putin" -> "Vladimir Putin"), and a generational suffix without the comma some styles set
    before it ("Robert F. Kennedy, Jr." -> "Robert F. Kennedy Jr.")."""
    return " ".join(_SUFFIX_COMMA.sub(" ", surface.replace("[", " ").replace("]", " ")).split())


def surface_of(cand: Candidate, text: str) -> str:
    return as_written(text[cand.start : cand.end])


class People:
    """The people a text names in full, by surname."""

    def __init__(self, cands: list[Candidate], gaz: Gazetteer, text: str) -> None:
        # surname -> (start, canonical, sentence) of each full name it is the surname of, in text order
        self.by_surname: dict[str, list[tuple[int, str, int]]] = defaultdict(list)
        # the lone surnames two people of the text share that no sentence before makes clear: no one's
        self.unclear: set[int] = set()
        self.by_skeleton: dict[str, str] = {}
        # where each person of a given name is named in full, under its skeleton ("Mohammed", "Mohamed"),
        # for an honorific before it alone ("Sir Keir", "Sheikh Tamim"): the one so called before it
        self.by_given: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self.by_inner: dict[str, set[str]] = defaultdict(set)
        self.first_names: dict[str, set[str]] = defaultdict(set)  # the people of each given name
        # what the text says of each person's sex ("f", "m"), where it says one thing only
        said: dict[str, set[str]] = defaultdict(set)
        self.referred: Counter[str] = Counter()  # how often a lone surname has referred to each person
        self.given_names = gaz.given_names
        # (given name, surname skeleton) → canonical, of two-word names: one entry a name however often
        # it is written, so a long text's thousand "Maria Lopez" are compared once
        self.pairs: dict[tuple[str, str], str] = {}
        self._variants: dict[tuple[str, str], str | None] = {}  # what _variant_of found, until a new pair
        shorter = {c.norm for c in cands if len(c.toks) < 3}
        middled = _with_middle_name(cands, gaz)
        # "López Obrador" after "Andrés Manuel López Obrador" is his surname, not a name of its own
        tails = {id(c): _tails(c, gaz, text) for c in cands}
        longs = {key for found in tails.values() for key in found}
        for c in cands:
            if (
                c.type != "person"
                or len(_name_words(c)) < 2
                or (c.norm in longs and not _kin_before(c, text))
            ):
                continue
            name = canonical_person(c, gaz, text)
            first = _two_surnames(c, gaz)
            if first and name == surface_of(c, text) and _known_by_first_surname(c, shorter):
                name = as_written(text[c.start : first.toks[-1].end])
            name = self._variant_of(c) or name
            short = without_dynasty(c.norm)  # "Faisal bin Farhan" of Faisal bin Farhan Al Saud, either first
            name = self.by_skeleton.get(skeleton(short), name)
            if (ends := _ends(c)) and (longer := middled.get(ends)):
                # "Hillary Rodham Clinton" and "Hillary Clinton" in one text: one person, by either first
                other = longer if len(c.toks) == 2 else " ".join(ends)
                name = self.by_skeleton.get(other, name)
            c.canonical = self.by_skeleton.setdefault(skeleton(c.norm), name)
            self.by_skeleton.setdefault(skeleton(short), c.canonical)
            if len(c.toks) == 2 and len(_name_words(c)) == 2:
                pair = (c.toks[0].norm, skeleton(c.toks[1].norm))
                if pair not in self.pairs:
                    self.pairs[pair] = c.canonical
                    self._variants.clear()
            if first:  # "Claudia Sheinbaum" and "Sheinbaum" are Claudia Sheinbaum Pardo
                self.by_skeleton.setdefault(skeleton(first.norm), c.canonical)
                self.by_surname[first.toks[-1].norm].append((c.start, c.canonical, c.sentence))
            for key in surname_keys(c) + tails[id(c)] + _family_name_first(c, gaz):
                self.by_surname[key].append((c.start, c.canonical, c.sentence))
            self.by_given[skeleton(c.toks[0].norm)].append((c.start, c.canonical))
            if sex := _sex_named(c.start, c.end, text):
                said[c.canonical].add(sex)
            if family_first([t.norm for t in c.toks]):
                continue  # "Jong" of Kim Jong Un is a part of his given name
            self.first_names[c.toks[0].norm].add(c.canonical)
            for tok in c.toks[1:-1]:  # "Lula" in "Luiz Inácio Lula da Silva"
                if tok.cap and tok.norm not in PARTICLES and not tok.initial:
                    self.by_inner[tok.norm].add(c.canonical)

        self.sex = {name: next(iter(sexes)) for name, sexes in said.items() if len(sexes) == 1}

    def _of_sex(self, options: list[tuple[int, str, int]], sex: str) -> list[tuple[int, str, int]]:
        """The people of a surname an honorific may mean: for "Mrs Clinton" all but the men the text names
        (Bill Clinton, "and his wife"), for "Mr Clinton" all but the women."""
        return [o for o in options if self.sex.get(o[1], sex) == sex]

    def _titled(self, cand: Candidate, options: list[tuple[int, str, int]]) -> str | None:
        """Which of the people of a surname an honorific and the surname ("Mrs Clinton") refer to: of those
        named before it, the one named (in full or by the surname alone) most often, the person the story
        is about (Hillary Clinton, not her daughter named once), the latest of two named as often; else the
        first named after it."""
        before = [name for start, name, _ in options if start <= cand.start]
        if not before:
            return options[0][1] if options else None
        counts = Counter(before) + Counter({name: self.referred[name] for name in before})
        return max(reversed(before), key=lambda name: counts[name])

    def _variant_of(self, cand: Candidate) -> str | None:
        """The person named before whose name this one spells another way, with the same surname and a
        longer or shorter given name ("Hernan Quispe", "Hernando Quispe"), or the same given name and a
        surname a letter off ("Tigist Alemou", "Tigist Alemu"); "Paul Ryan" and "John Ryan" are two."""
        words = _name_words(cand)
        if len(words) != 2 or len(cand.toks) != 2:
            return None
        key = (words[0], skeleton(words[1]))
        if key not in self._variants:
            alike = (name for pair, name in self.pairs.items() if spelt_alike(pair, key))
            self._variants[key] = next(alike, None)
        return self._variants[key]

    def find(self, cand: Candidate, text: str) -> str | None:
        """The full name a lone surname (or skeleton, or a later part of a long name, or a middle name)
        refers to."""
        full = self.by_skeleton.get(skeleton(cand.norm))
        if full:
            return full
        if cand.context == "given":  # "Sir Keir" is Keir Starmer
            return self._given_once(cand, text)
        if len(_name_words(cand)) > 1 and (cand.norm not in self.by_surname or _kin_before(cand, text)):
            return None
        options = (
            self.by_surname.get(cand.norm)
            or self.by_surname.get(skeleton(cand.norm))
            or self.by_surname.get(fold(umlauts_written(" ".join(t.text for t in cand.toks))))
        )
        if not options:
            inner = self.by_inner.get(cand.norm, set())
            return next(iter(inner)) if len(inner) == 1 and len(cand.toks) == 1 else None
        if sex := honorific_sex(text, cand.start):  # "Mrs Clinton" is no Bill
            return self._titled(cand, self._of_sex(options, sex))
        found = self._latest(cand, options, text)
        if found is not None:
            self.referred[found] += 1
        return found

    def _latest(self, cand: Candidate, options: list[tuple[int, str, int]], text: str) -> str | None:
        """Of the people of a lone surname, the one named latest before it, or the subject of the sentence
        before (``_subject_before``); else the first named after it."""
        before = [(start, name, sentence) for start, name, sentence in options if start <= cand.start]
        if len({name for _, name, _ in before}) > 1:
            shared = cand.toks[0].norm in PATRONYMICS
            chosen = _brother_near(cand, before) if shared else _subject_before(cand, before, text)
            if chosen is None:
                self.unclear.add(id(cand))
            return chosen
        return before[-1][1] if before else options[0][1]

    def _given_once(self, cand: Candidate, text: str) -> str | None:
        """The one person of the text whom an honorific and a given name alone ("Sir Keir", "Sheikh
        Tamim") may mean: of those named in full before it, and those named after it with that very
        honorific (or, with none of them, anyone the text names so); none of two ("Sheikh Mohammed" after
        Mohammed bin Salman and Mohamed bin Zayed, who have the given name under its skeleton, or before
        "Sheikh Mohammed bin Rashid": the order of the paragraphs says nothing of whom a reporter meant).
        A later "analyst Keir Giles" is no Sir Keir."""
        named = self.by_given.get(skeleton(cand.norm), [])
        honorific = _word_before(cand.start, text)
        people = {
            name for start, name in named if start <= cand.start or _word_before(start, text) == honorific
        } or {name for _, name in named}
        return next(iter(people)) if len(people) == 1 else None

    def first_name_of(self, cand: Candidate) -> str | None:
        """The one person of the text a given name alone refers to ("thanks to you, Sean" after "Sean
        Hannity"); none for two Seans, a place, or where the words around say place ("in Coleman")."""
        if len(cand.toks) > 1 or cand.type not in ("person", None) or cand.brand:
            return None
        if cand.context in ("place", "organization", "given") or cand.norm not in self.given_names:
            return None  # an honorific's given name ("Sheikh Mohammed") is ``_given_once``'s to read
        people = self.first_names.get(cand.norm, set())
        return next(iter(people)) if len(people) == 1 else None


def _word_before(start: int, text: str) -> str:
    """The folded word right before ``start`` ("sheikh" of "Dubai ruler Sheikh Mohammed ..."), or ""."""
    words = text[max(0, start - 30) : start].split()
    return fold(words[-1]) if words else ""


def _ends(cand: Candidate) -> tuple[str, str] | None:
    """The given name and the surname (skeletons) of a two- or three-word person's name, or None."""
    toks = cand.toks
    if cand.type != "person" or len(toks) not in (2, 3) or generation([t.norm for t in toks]):
        return None
    return (skeleton(toks[0].norm), skeleton(toks[-1].norm))


def _with_middle_name(cands: list[Candidate], gaz: Gazetteer) -> dict[tuple[str, str], str]:
    """(given name, surname) -> the skeleton of the one three-word name of the text that has them with a
    middle name, and of its two-word form, where the text writes both ("Hillary Rodham Clinton", "Hillary
    Clinton"): one person. The middle word is a capitalised word, no initial nor particle ("George H.W.
    Bush" and "George W. Bush" are father and son); two such names of one pair ("John Paul Smith", "John
    Peter Smith") settle nothing; a given name no list knows neither."""
    longs: dict[tuple[str, str], set[str]] = defaultdict(set)
    twos: set[tuple[str, str]] = set()
    for c in cands:
        ends = _ends(c)
        if ends is None or c.toks[0].norm not in gaz.given_names:
            continue
        if len(c.toks) == 2:
            twos.add(ends)
            continue
        middle = c.toks[1]
        if middle.cap and middle.word and not middle.initial and middle.norm not in PARTICLES:
            longs[ends].add(skeleton(c.norm))
    out: dict[tuple[str, str], str] = {}
    for ends, norms in longs.items():
        if len(norms) == 1 and ends in twos:
            out[ends] = next(iter(norms))
    return out


def _family_name_first(cand: Candidate, gaz: Gazetteer) -> list[str]:
    """The first word of a two-word name that may be its family name, written first as Japanese names are
    in their own order ("Ishiba Shigeru", then "Ishiba said"): the last word is a given name the lists
    know and the first is none. Kept beside the last word, which a Western name of that shape ("Isaura
    Thomas") goes by; a text calls its person by one of them."""
    toks = cand.toks
    if len(toks) != 2 or not all(t.cap and t.word and not t.initial and not t.acronym for t in toks):
        return []
    first, last = toks[0].norm, toks[1].norm
    return [first] if given_name_last([first, last], gaz.given_names) else []


# a sentence's opening words before its subject: "On Sunday, Kim Yo Jong", "North Korean leader Kim Jong Un"
_OPENING_WORDS = 6
_SENTENCE_END = re.compile(r"[.!?\n]")


def _opens_sentence(start: int, text: str) -> bool:
    """Does the name at ``start`` open its sentence, after a few words at most (a title, a date)?"""
    ends = list(_SENTENCE_END.finditer(text, max(0, start - 200), start))
    if not ends and start > 200:
        return False
    opening = text[ends[-1].end() if ends else 0 : start]
    return len(opening.split()) <= _OPENING_WORDS


def _subject_before(cand: Candidate, before: list[tuple[int, str, int]], text: str) -> str | None:
    """Which of two people of one family name a lone "Kim" refers to: the one the nearest sentence before it
    names alone, or, where that sentence names both, the one it opens on, its subject ("Kim Yo Jong, the
    sister of leader Kim Jong Un, warned ... Kim said" is hers); None where that is unclear (both named in the
    same sentence as the lone name, or neither opening the sentence), as the latest named may well be the
    wrong one."""
    if any(sentence == cand.sentence for _, _, sentence in before):
        names = {name for _, name, sentence in before if sentence == cand.sentence}
        return next(iter(names)) if len(names) == 1 else None
    last = max(sentence for _, _, sentence in before)
    named = [(start, name) for start, name, sentence in before if sentence == last]
    if len({name for _, name in named}) == 1:
        return named[0][1]
    start, name = min(named)
    return name if _opens_sentence(start, text) else None


def _brother_near(cand: Candidate, before: list[tuple[int, str, int]]) -> str | None:
    """Which of two brothers a lone patronymic ("Bin Salman told ...", after Mohammed and Khalid bin Salman)
    refers to: the one its own sentence names, else the one the sentence right before names alone; None
    otherwise. Unlike a family name ("Kim"), the father's name says nothing of which son the story is
    about, and a brother named last a few sentences up is as likely the wrong one."""
    for sentence in (cand.sentence, cand.sentence - 1):
        names = {name for _, name, at in before if at == sentence}
        if names:
            return next(iter(names)) if len(names) == 1 else None
    return None


def _two_surnames(cand: Candidate, gaz: Gazetteer) -> Candidate | None:
    """For a name of a given name and two surnames, as Spanish and Portuguese names are ("Claudia Sheinbaum
    Pardo"), the name with the first surname alone ("Claudia Sheinbaum"); else None. A middle word that is
    a given name ("Mary Ann Smith") or a particle ("Lula da Silva") is no first surname."""
    toks = cand.toks
    if len(toks) != 3 or not all(t.cap and t.word and not t.initial and not t.acronym for t in toks):
        return None
    given, first, second = (t.norm for t in toks)
    names = gaz.given_names
    if given not in names or first in names or second in names or {first, second} & (PARTICLES | SUFFIXES):
        return None  # "Ken Griffey Jr." has one surname, and a son's suffix
    if family_first([given, first, second]) or compound_given([given, first, second]):
        return None  # "Kim Jong Un" has no surname "Jong", "Abdel Fattah el-Sisi" none "Fattah"
    return Candidate(toks[:2], cand.sentence, "person")


def _known_by_first_surname(cand: Candidate, shorter: set[str]) -> bool:
    """Does the text call the person by the first of two surnames ("Sheinbaum", "Claudia Sheinbaum") and
    never by the second alone? Then that is the name the news knows them by; "Hillary Rodham Clinton",
    called "Clinton", keeps her full name."""
    given, first, second = (t.norm for t in cand.toks)
    return (first in shorter or f"{given} {first}" in shorter) and second not in shorter


def canonical_person(cand: Candidate, gaz: Gazetteer, text: str) -> str:
    known = gaz.known.get(cand.norm) or gaz.known.get(skeleton(cand.norm))
    if known and known[1] == "person":
        return known[0]
    return surface_of(cand, text)


def is_lone_place(cand: Candidate, gaz: Gazetteer) -> bool:
    """A one-word city that may be a surname instead ("Jackson", "Austin"), or a country or a people's
    name that speaks as a person does ("Jordan said", after "Michael Jordan"; "Welsh said", after
    "Irvine Welsh")."""
    if cand.type != "place" or len(cand.toks) != 1:
        return False
    spoken = cand.context == "person" and (cand.norm in gaz.countries or cand.norm in gaz.demonyms)
    return cand.norm in gaz.places or spoken
