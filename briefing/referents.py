"""Whom a summary sentence's "he" or "she" stands for, and the name written in its place.

    people = People(sentences)          # the article's sentences, in order; its actors read when asked
    people.referent(7)                  # "Andrei Lankov": the one person the sentences before name
    with_names([(2, "Signs are ..."), (7, "“Russia may ...,” he told DW.")], people)
    # -> ["Signs are ...", "“Russia may ...,” Andrei Lankov told DW."]

An extractive summary lifts a sentence out of its article. "He said ...", or a quotation closed by "..., she
added", reads well under the sentence that named the speaker; a summary that left that sentence out shows
a pronoun standing for no one, or for the last person it did name, a different one. The person a pronoun
stands for is taken to be the one named last before it, and only when that is unambiguous: the nearest
sentence before it (of the last :data:`WINDOW`) that names anyone names exactly one person, found by the
project's actor extraction (:mod:`briefing.actors`). Then, if the summary has not just named that person,
the pronoun is replaced by the name (in full the first time the summary names the person, as the article
writes it after that). A pronoun whose person is not clear is left as written; the summary does not open
on it (:func:`briefing.antecedents.needed_before`).

Inside a sentence a "he" or "she" is read so only where nothing before it may name someone else: after a
short opening phrase ("Last year, he said ...", "But she broke back ..."), reporting what the sentence
says ("..., were rarely seen, he said."), or reported by a plural subject that cannot be the person
("Officials said he would resign"); and only when the sentence names no one at all. "The minister said he
..." is left as written: the minister may be "he", or someone else, and a wrong name is worse than none.
A "person" whose name reads as a title ("Assault on Precinct", the extraction's mistake) makes no one
clear. A person the summary named before, by the surname alone too, is named as the article shortens
the name.

Only "he" and "she" (and "his" and "her") are read so: "it" and "they" stand for things and groups as
often as for a company or a team, and a summary does not open on them instead.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from briefing.aliases import PARTICLES

__all__ = ["OPENER", "WINDOW", "People", "names_written", "opens_on_someone", "pronoun_of", "with_names"]

WINDOW = 3  # how many sentences back a pronoun's person may be named
# a sentence opening on a person's pronoun; not "His Majesty", a title
OPENER = re.compile(
    r"(?P<pronoun>He|She|His|Her)\b(?![’'-])(?!\s+(?:Majesty|Royal|Holiness|Excellency|Highness|Grace)\b)"
)
# a quotation closed and attributed to a pronoun: "“... we’d need,” he said", "'... at all?' she asked"
_ATTRIBUTION = re.compile(r"(?<=[,?!…—–-][”\"’'] )(?P<pronoun>he|she)(?= [a-z])")
# a pronoun that is the subject of the sentence after a short opening phrase that names no one: an
# adverb or connective ("Now he needs ...", "But she broke back"), or a phrase of time or place and its
# comma ("Last year, he said ...", "After the match, she told reporters ...")
_LEADING = re.compile(
    r"(?:(?:And|But|So|Yet|Now|Then|Still|Later|Earlier|Meanwhile|Instead|Today|Yesterday|Previously"
    r"|Recently|Eventually|Finally|Unfortunately|Fortunately|However|Also|Again|Once|Soon)\b"
    r"(?:\s+(?:now|then|also|still|just|later|again|soon))?,?"
    r"|(?:In|On|At|After|Before|During|Since|Last|This|Despite|For|By|Until|Over|Within)\s[^,;:\"“‘«]{1,40},)"
    r"\s+(?P<pronoun>he|she)\b(?=\s+[a-z])"
)
# a pronoun reporting what the sentence says, after its comma: "..., were rarely seen, he said.", "Before
# now, he said, it has been hard ..."
_REPORTED = re.compile(
    r"(?<=, )(?P<pronoun>he|she)(?=\s+(?:said|says|added|adds|told|tells|explained|argued|insisted|noted"
    r"|warned|wrote|claimed|stressed|admitted|pointed\s+out)\b)"
)
# a pronoun reported by people who cannot be "he": a plural subject and its verb of saying or believing
# ("Officials said he would resign", "Court documents show she was paid ...")
_BY_OTHERS = re.compile(
    r"(?:(?:Officials|Police|Sources|Reports|Analysts|Investigators|Prosecutors|Critics|Witnesses|Doctors"
    r"|Aides|Friends|Relatives|Colleagues|Supporters|Observers|Experts|Residents|Neighbours|Neighbors"
    r"|Officers|Authorities|Documents|Records|Polls|Media|People|Diplomats|Lawyers|Fans)"
    r"|(?:The|His|Her|Their|Some|Many|Several|Two|Three|Local|Court|Police|Government|Party|Club|Team)"
    r"(?:\s+[a-z][a-z-]*){0,2}?\s+(?:[a-z][a-z-]*[^su\W]s|police|people|staff|men|women|children|media))"
    r"\s+(?:said|say|says|believe|believed|think|thought|expect|expected|fear|feared|hope|hoped|claim|claimed"
    r"|show|showed|suggest|suggested|allege|alleged|confirmed|told\s+[a-z]+)\s+(?:that\s+)?"
    r"(?P<pronoun>he|she)\b(?=\s+[a-z])"
)
# the words that join a title's words, no name's: "Assault on Precinct 13", "Pride and Prejudice"
_JOINS = frozenset("on and of the in for at to with by from".split())
_QUOTES = re.compile(r"[\"“”‘«»„「]")
_POSSESSIVE = {"His", "Her"}
_SUBJECT = re.compile(r"\b(?:[Hh]e|[Hh]is|[Ss]he)\b(?![’'-])")  # the pronouns that tell a named person's sex
_PERSONAL = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im)\b")
# the sex a title or a pronoun gives
_SEX = {
    **dict.fromkeys(("he", "his", "mr", "sir", "lord", "king", "prince"), "m"),
    **dict.fromkeys(("she", "her", "mrs", "ms", "miss", "dame", "lady", "queen", "princess"), "f"),
}
_TITLES = r"(Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady|King|Queen|Prince|Princess)\.?\s+"
_TITLE_BEFORE = re.compile(rf"\b{_TITLES}$")
_TITLE_IN = re.compile(_TITLES)


# a capitalised word inside a sentence (after a lower-case word or a comma, not after an article: "the
# Glee actor") that does something: someone ("..., and Alli is given time to shoot.")
_NAME_WORD = re.compile(
    r"(?<=[a-z,] )(?<!\bthe )(?<!\b[Aa] )(?<!\ban )[A-Z][a-z][\w’'-]*"
    r"(?=\s+(?:is|was|has|had|said|says|told|tells|added|adds|will|would|could|can|did|does)\b)"
)
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)


def _untyped(text: str, start: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether the capitalised word at ``start`` is in no actor's mention, nor a day or a month."""
    k = bisect_right(spans, (start, len(text) + 1)) - 1
    inside = k >= 0 and spans[k][0] <= start < spans[k][1]
    word = re.match(r"[\w’'-]+", text[start:])
    return not inside and word is not None and word.group(0).casefold() not in _CALENDAR


def _reads_as_a_name(surface: str) -> bool:
    """Whether a person's name or mention reads as a name: every word capitalised but a name's particles
    ("Bashar al-Assad", "Ursula von der Leyen"), and none a title's "on" or "and" ("Assault on Precinct",
    "Pride And Prejudice"), which the extraction may take for a person."""
    words = [word for word in re.split(r"[\s-]+", surface) if word]
    return all(
        (word[:1].isupper() or word.casefold() in PARTICLES) and word.casefold() not in _JOINS
        for word in words
    )


def pronoun_of(sentence: str) -> re.Match[str] | None:
    """The person's pronoun a sentence leans on: one opening it ("He said ...", "Her lawyer ..."), the
    speaker of a quotation it opens with ("“...,” he said"), the subject after a short opening phrase
    ("Last year, he said ...": :func:`opens_on_someone` too) or the one reporting what it says ("...,
    were rarely seen, he said."); None if it has none of these. A pronoun inside a quotation is the
    speaker's, not the writer's: a sentence with quotation marks before it leans on none."""
    found = OPENER.match(sentence) or _ATTRIBUTION.search(sentence)
    if found:
        return found
    found = _LEADING.match(sentence) or _BY_OTHERS.match(sentence) or _REPORTED.search(sentence)
    return found if found and not _QUOTES.search(sentence, 0, found.start("pronoun")) else None


def _inside(match: re.Match[str]) -> bool:
    """Whether a sentence's pronoun stands inside it, after words that might name someone else: the
    sentence must name no one for its person to be clear."""
    return match.re in (_LEADING, _BY_OTHERS, _REPORTED)


@dataclass(frozen=True)
class _Named:
    """What the actor extraction found: each sentence's people (canonical names, with where in the
    sentence each is named, in order), how the article writes each person, and the sex its titles give
    ("Mr", "Dame")."""

    people: list[list[tuple[int, str]]]
    written: dict[str, list[str]]
    sex: dict[str, str]
    unknown: list[bool]  # the sentence names someone the extraction could not type: maybe a person


class People:
    """The people an article's sentences name, sentence by sentence. Reading them takes the actor
    extraction, about 20 ms an article, so it runs only when a summary first asks."""

    def __init__(self, sentences: Sequence[str], *, title: str = ""):
        self.sentences = list(sentences)
        self.title = title
        self._referents: dict[int, str | None] = {}

    @cached_property
    def _named(self) -> _Named:
        from briefing.actors import extract_actors  # the tagger and lists load only when asked

        starts, text = [], ""
        for sentence in self.sentences:
            starts.append(len(text))
            text += sentence + "\n\n"
        named: list[list[tuple[int, str]]] = [[] for _ in self.sentences]
        written: dict[str, list[str]] = {}
        sex: dict[str, str] = {}
        actors = extract_actors(text, title=self.title or None)
        spans = sorted((m.start, m.end) for actor in actors for m in actor.mentions)
        unknown = [
            any(_untyped(text, starts[k] + m.start(), spans) for m in _NAME_WORD.finditer(sentence))
            for k, sentence in enumerate(self.sentences)
        ]
        for actor in actors:
            if actor.type != "person":
                continue
            for mention in actor.mentions:
                k = bisect_right(starts, mention.start) - 1
                named[k].append((mention.start - starts[k], actor.name))
                written.setdefault(actor.name, []).append(mention.surface)
                title = _TITLE_IN.match(mention.surface) or _TITLE_BEFORE.search(
                    text[max(0, mention.start - 12) : mention.start]
                )
                if title:
                    sex.setdefault(actor.name, _SEX[title.group(1).casefold()])
        return _Named([sorted(row) for row in named], written, sex, unknown)

    @cached_property
    def _doubtful(self) -> frozenset[str]:
        """The "people" written with a word no name has: a title ("Assault on Precinct")."""
        written = self._named.written
        return frozenset(
            person for person, ways in written.items() if not all(map(_reads_as_a_name, [person, *ways]))
        )

    @cached_property
    def _sex(self) -> dict[str, str]:
        """The sex of each person a title gives ("Mr", "Dame") or, failing one, the pronouns of a sentence
        that names that person alone give ("Butler lost control of his Range Rover"): a "she" after it is
        not Butler (QA20b F9). Only "he", "his" and "she" count ("Smith praised her" may be of another), and
        a sentence with both, or naming someone untyped, tells none."""
        sex = dict(self._named.sex)
        for k, named in enumerate(self._named.people):
            people = {name for _, name in named}
            if len(people) != 1 or self._named.unknown[k]:
                continue
            after = self.sentences[k][named[0][0] :]
            said = {_SEX[p.casefold()] for p in _SUBJECT.findall(after)}
            if len(said) == 1:
                sex.setdefault(people.pop(), said.pop())
        return sex

    def named_in(self, index: int) -> list[str]:
        """The people sentence ``index`` names, in order."""
        return [name for _, name in self._named.people[index]]

    def referent(self, index: int) -> str | None:
        """The person the pronoun of sentence ``index`` stands for: the one person named in the nearest
        sentence before it that names anyone, of the last :data:`WINDOW`; None if that sentence names
        several, or none of them names anyone. Someone else is in that sentence, so none is clear, when
        it has a pronoun of its own before the name ("In 1950 she and Anton Dolin founded ..."), a name
        the extraction did not type doing something ("..., and Alli is given time to shoot."), or its
        pronoun opening or closing a quotation stands for someone (after "He said Smith was wrong." a
        "he" is not clearly Smith); and a person titled "Mr" is no "she"."""
        if index in self._referents:
            return self._referents[index]
        self._referents[index] = None  # each sentence looks back only: no cycle, but be safe
        found: str | None = None
        for k in range(index - 1, max(-1, index - 1 - WINDOW), -1):
            named = self._named.people[k]
            # a doubtful person is someone, maybe no one: no one is clear ("Assault on Precinct 13 was
            # in third." is a film's title, the "he" after it the actor the article is about)
            people = {"" if name in self._doubtful else name for _, name in named}
            leaning = pronoun_of(self.sentences[k])
            # a pronoun inside a sentence that names people stands for one of them, or is unclear: the
            # sentence's people are the ones ("But although Campese admitted he was surprised, he
            # insisted ...": Campese)
            if leaning and not (_inside(leaning) and named):
                people.add(self.referent(k) or "")  # someone, maybe unknown: no one person
            elif named and _PERSONAL.search(self.sentences[k], 0, named[0][0]):
                people.add("")
            if self._named.unknown[k]:
                people.add("")  # "..., and Alli is given time to shoot.": maybe the one meant
            if people:
                found = people.pop() if len(people) == 1 and "" not in people else None
                break
        pronoun = pronoun_of(self.sentences[index])
        sex = _SEX[pronoun.group("pronoun").casefold()] if pronoun else None
        # "Last year, Smith's lawyer said he ...": with anyone named in the sentence, who "he" is is not clear
        if pronoun and _inside(pronoun) and (self._named.people[index] or self._named.unknown[index]):
            found = None
        if found and sex and self._sex.get(found, sex) != sex:
            found = None
        self._referents[index] = found
        return found

    def names_opener(self, index: int) -> bool:
        """Whether sentence ``index`` leans on a "he" or "she" whose person is clear ("He said ...",
        "Officials said he ..."): it may open a summary, the name written in the pronoun's place
        (:func:`names_written`)."""
        return opens_on_someone(self.sentences[index]) and self.referent(index) is not None

    def short_name(self, person: str) -> str:
        """How the article writes a person it already named in full: the shortest way ("Lange")."""
        return min(self._named.written.get(person, [person]), key=len)


def with_names(chosen: Sequence[tuple[int, str]], people: People) -> list[str]:
    """A summary's sentences (each with its place among the article's sentences, in article order) with a
    pronoun whose person the summary has not just named replaced by the name: "“..., That’s what we’d
    need,” he said." -> "“...,” Nico Lange said." when the sentence naming him was left out."""
    return names_written([(people, index, sentence) for index, sentence in chosen])


def names_written(chosen: Sequence[tuple[People, int, str]]) -> list[str]:
    """:func:`with_names` of a summary whose sentences may come from several articles (a story's, best
    first): each with the people of its own article and its place there. Whom the summary named last
    is one for all of them."""
    if not any(pronoun_of(sentence) for _, _, sentence in chosen):
        return [sentence for _, _, sentence in chosen]  # the actors are not read
    out: list[str] = []
    last: str | None = None  # the person the summary named last
    mentioned: set[str] = set()  # the people the summary named, however ("Kowalczyk said ...")
    for people, index, sentence in chosen:
        named = people.named_in(index)
        match = pronoun_of(sentence)
        if match is None:
            last = named[-1] if named else last
            mentioned.update(named)
            out.append(sentence)
            continue
        person = people.referent(index)
        if person and person != last:
            # named before in the summary, by the surname alone too: that sentence gives the full name
            # (the article's, or :func:`briefing.antecedents.full_names_written`'s), this one the short
            told = person in mentioned or any(person in earlier for earlier in out)
            name = people.short_name(person) if told else person
            if match.group("pronoun") in _POSSESSIVE:
                name += "’s" if "’" in sentence else "'s"
            sentence = sentence[: match.start("pronoun")] + name + sentence[match.end("pronoun") :]
        last = person  # the one the sentence is about (None: someone the summary cannot name)
        mentioned.update(named)
        mentioned.add(person or "")
        out.append(sentence)
    return out


def opens_on_someone(sentence: str) -> bool:
    """Whether a sentence leans on a person's pronoun (:func:`pronoun_of`): opening it ("He said ...",
    "Last year, he said ..."), speaking a quotation it opens with ("“...,” she said") or inside it
    ("Officials said he would resign"). Such a sentence opens a summary only when the person is clear
    (:meth:`People.names_opener`): the reader of a summary's first sentence has nothing before it."""
    return pronoun_of(sentence) is not None
