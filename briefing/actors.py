"""Actor extraction: the people, organisations and places of a text, offline, with every mention.

``extract_actors(text)`` reads a text the way a careful reader of news does:

1. Sentences (``briefing.sentences``) and tokens with offsets (``briefing.tokens``).
2. Runs of capitalised words are chunked ("Swedish Defense Minister Pål Jonson", "Al Jabri General
   Trading & Investment Co"); "of", "for", "and" join a run only where an organisation, place or title
   head needs them ("Ministry of Defence", "Secretary of State", "Brindle and Oxley Company"), so
   "Russia and North Korea" is two.
3. A capitalised first word of a sentence is a name only with evidence (a list, a cue, or the same word
   capitalised elsewhere); a word the text also uses in lower case is not a name.
4. Each chunk is typed by, in order: known names and gazetteers (countries, demonyms, places), organisation
   heads ("Ministry", "Co", "Party"), titles ("President", "Lt. Gen."), given names, a known place that
   begins a longer name ("Perth Glory"), place heads ("Province"), acronyms, name particles (al-, bin,
   van), the words around it ("in X", "X said"), a list's kind ("bands like X, Y and Z",
   ``briefing.kinds``), then defaults; a word capitalised once with no evidence at all is dropped rather
   than guessed.
5. Within the text a surname alone ("Kellogg", "Gen. Kellogg") refers back to the full name; a possessive
   brand used as the subject of a company's verb ("Kellogg's reported...") is an organisation even beside a
   person of that surname; a name written the same way is the same kind of actor throughout the text. A
   capitalised "The" inside a sentence begins the name after it ("told The Sunday Times"), and so does a
   unit's number ("the 158th Fighter Wing").
6. Title-case headlines are matched only against names the body or the lists already establish.

Roles come from titles, appositions and "as" phrases (``briefing.roles``). Offsets are ``str`` indices.

Where the steps live: chunking and headlines in ``briefing.chunks``; a sentence's reading in
``briefing.reader``, with ``briefing.shapes`` (what a run's words say), ``briefing.offices`` (titles),
``briefing.context`` (the words around a run) and ``briefing.names`` (the lists, shared by all); German
and French copy in ``briefing.foreign``; the passes over a whole text's candidates in ``briefing.revision``.

:data:`ACTORS_VERSION` names the rules: **bump it in every change that makes a stored article's actors
come out otherwise** (any module extraction reads text with, the lists in ``seeds/``, and how
``briefing.service.actors.read_actors`` or ``store.actors`` merges them). Each article records the version
its actors were stored under (``articles.actors_key``); the running bot reads the articles whose key is
not the current one again, newest first, and stores their actors anew (:mod:`briefing.service.reextract`),
so an upgrade reaches the archive, not only new articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from briefing.actor_groups import group
from briefing.aliases import fold
from briefing.bylined import byline_names
from briefing.chunks import is_headline, join_slashed, join_suffix, place_articles, split_hyphens
from briefing.clubs import sports_clubs
from briefing.codes import coded_groups
from briefing.coref import FIRM_RULES, Candidate
from briefing.cyrillic_names import cyrillic_people
from briefing.firm_cues import common_nouns_not_firms, firms_by_cues, joined_initials, led_by_acronym
from briefing.foreign import after_articles, common_words_not_places, names_no_one, titles_not_people
from briefing.full_names import named_again
from briefing.gazetteer import PARTS_NOT_STATES, Gazetteer, load_gazetteer
from briefing.german_copy import german_nouns
from briefing.given_names import given_alone
from briefing.kinds import listed_with_bodies, type_by_definition, type_by_kind, type_by_series
from briefing.long_forms import read_long_form
from briefing.marked_places import without_other_marks
from briefing.misreads import joined_bodies, not_actors, possessive_names
from briefing.models import ExtractedActor, Sentence
from briefing.month_surnames import month_surnames
from briefing.months import CYRILLIC_MONTHS, FOREIGN_MONTHS, MONTHS
from briefing.names import SMALL, Doc, add_candidate
from briefing.namesakes import firms_by_trade, firms_not_people
from briefing.org_coref import initials_of, listed_acronym
from briefing.party_words import networks_not_people, party_groups, without_epithets, without_members
from briefing.provinces import with_comma_names, with_units
from briefing.reader import read_sentence
from briefing.relatives import houses_apart, kin_apart, relations_apart
from briefing.renames import renamed
from briefing.resolution import match_headlines, resolve
from briefing.revision import (
    defined_acronyms,
    from_the_name,
    lead_roles_of_people,
    people_behind_bodies,
    same_type,
    states_beside_bodies,
    surnames_of_people,
    units_by_number,
    with_article_and_number,
    without_party_labels,
)
from briefing.rosters import without_rosters
from briefing.sentences import split_sentences
from briefing.shapes import camel_cased
from briefing.state_bodies import bodies_of_the_country
from briefing.states import mark_states
from briefing.tagger import Tagger, load_tagger, retag
from briefing.things import drop_things, letters_in_names
from briefing.tokens import Token, tokenize
from briefing.words_before import read_by_words_before
from briefing.works import without_works

# the extraction rules' version (see the module docstring): bump it when stored actors come out otherwise
ACTORS_VERSION = 15


@dataclass
class Reading:
    """What the rules read in a text: its sentences, their tokens, which are headlines, and the candidate
    actors with the type and canonical name the rules give them (type None: no evidence of a name)."""

    text: str
    sentences: Sequence[Sentence]
    tokens: list[list[Token]]
    headlines: list[int]
    lower: set[str]
    candidates: list[Candidate]


def extract_actors(
    text: str,
    *,
    title: str | None = None,
    sentences: Sequence[Sentence] | None = None,
    tagger: Tagger | Literal["shipped"] | None = "shipped",
) -> list[ExtractedActor]:
    """The actors of ``text`` with every mention (offsets into ``text``), in order of first mention.

    ``title`` (the article's headline, not part of ``text``) marks a line of ``text`` that repeats it as a
    headline; ``sentences`` are ``split_sentences(text)`` if the caller has them already. ``tagger`` is the
    sequence model that has the last word (``briefing.tagger``): the shipped one, another one (the
    benchmark's held-out models), or None for the rules alone.
    """
    reading = read_rules(text, title=title, sentences=sentences)
    gaz = load_gazetteer()
    model = load_tagger() if isinstance(tagger, str) else tagger
    if model is not None:
        ruled = reading.candidates
        reading.candidates = retag(reading, model, gaz)
        reading.candidates += defined_acronyms(ruled, reading.candidates)
        from_the_name(reading.candidates)
        resolve(reading.candidates, gaz, text)
        surnames_of_people(reading.candidates)
    reading.candidates = relations_apart(reading.candidates, reading.tokens)  # "Die Witwe von Alexej Nawalny"
    reading.candidates += camel_cased_bodies(reading)  # "SpaceX"
    reading.candidates = led_by_acronym(reading.candidates, reading.tokens)  # "LVMH Moët Hennessy Louis ..."
    reading.candidates += firms_by_cues(reading, gaz)  # "Shell shares rose", "Shell said it would"
    reading.candidates = common_nouns_not_firms(reading, gaz)  # "Apple prices at farm gates rose 40%"
    joined_initials(reading.candidates, reading.tokens)  # "M&S" of Marks & Spencer, "S&P 500"
    titles_not_people(reading.candidates)
    streets_as_places(reading.candidates)  # "Maryland Ave."
    datelines_as_places(reading)  # "КИЇВ — Президент України ...", "ZWELITSHA — Filipe Nyusi met ..."
    reading.candidates += dated_datelines(reading)  # "КИЇВ, 25 листопада — Президент України ..."
    same_type(reading.candidates, reading.tokens)
    with_article_and_number(reading.candidates, reading.tokens)
    reading.candidates += units_by_number(reading.candidates, reading.tokens)  # "the 65th" alone
    named = [
        c for c in after_articles(reading.candidates, reading.tokens) if not names_no_one(c, reading.tokens)
    ]
    reading.candidates = without_party_labels(drop_things(named, reading.tokens), text)
    reading.candidates = without_works(reading.candidates, reading.tokens)  # "Prince of Persia"
    mark_states(reading.candidates, reading.tokens, gaz)
    states_beside_bodies(reading.candidates, reading.tokens, gaz)
    reading.candidates += people_behind_bodies(reading.candidates, gaz)
    lead_roles_of_people(reading.candidates, reading.tokens, text)
    given_alone(reading.candidates)
    kin_apart(reading.candidates, reading.tokens)  # "Kim, the sister of Kim Jong-un," is not he
    reading.candidates = houses_apart(reading.candidates)  # "the Al Saud family" is no one prince
    match_headlines(reading.candidates, gaz, [(i, reading.tokens[i]) for i in reading.headlines])
    firms_not_people(reading.candidates, reading.tokens)  # "Ford to cut jobs" before "Ford Motor Company"
    firms_by_trade(reading.candidates, reading.tokens, gaz)  # "Ford said it will recall 200,000 cars"
    listed_with_bodies(reading.candidates, reading.tokens)
    renamed(reading.candidates, reading.tokens, text)  # "X, formerly Twitter": one actor
    reading.candidates = without_rosters(reading.candidates, reading.tokens)  # "nations which have ..."
    with_units(reading.candidates, reading.tokens, gaz)  # "Idlib province"
    reading.candidates = with_comma_names(reading.candidates, reading.tokens)  # "Washington, D.C."
    reading.candidates = possessive_names(reading.candidates, reading.tokens, gaz)  # "St Mary's Church"
    reading.candidates = joined_bodies(reading.candidates, reading.tokens)  # "Langdale and Ambleside ..."
    reading.candidates = not_actors(reading.candidates, reading.tokens, gaz)  # "Eighteen people", "MBE"
    reading.candidates = sports_clubs(
        reading.candidates, reading.tokens, gaz, text, reading.headlines
    )  # "Real Madrid"
    party_groups(reading.candidates)  # "Republicans": a party's members, not one person
    networks_not_people(reading.candidates)  # "Fox" beside "Fox News"
    reading.candidates = without_epithets(reading.candidates, gaz)  # "the New Jersey Democrat"
    reading.candidates = without_members(reading.candidates)  # "the Republican senator"
    reading.candidates = read_by_words_before(reading.candidates, reading.tokens)  # "published in Nature"
    reading.candidates = without_other_marks(reading.candidates, text)  # "¿Habrá elecciones?" no Hābra
    reading.candidates = common_words_not_places(reading.candidates, reading.tokens)  # "Como dijo"
    reading.candidates = german_nouns(reading.candidates, reading.tokens, gaz)  # "in München Neuwahlen"
    # "Президент України Володимир ...", "з Емманюелем Макроном ... Макрон пообіцяв"
    reading.candidates = cyrillic_people(reading.candidates, text, reading.tokens)
    actors = group(_not_the_state(reading.candidates), text)
    actors = bodies_of_the_country(actors, text, gaz)  # "the Foreign Ministry" of a text about China
    return headline_acronyms(actors, title, gaz) if title else actors


def headline_acronyms(actors: list[ExtractedActor], title: str, gaz: Gazetteer) -> list[ExtractedActor]:
    """An acronym in the headline ("Director of CDC resigns") that spells one organisation the text names
    in full ("US Centers for Disease Control and Prevention") is that body's alias, so `/actor CDC` finds
    it; the headline is no part of the text, so its words are otherwise no mention."""
    named = {fold(n) for a in actors for n in (a.name, *a.aliases)}
    acronyms = {
        t.text
        for s in split_sentences(title)
        for t in tokenize(s)
        if t.acronym and t.text.isalpha() and 2 <= len(t.text) <= 6 and t.norm not in named
        if not listed_acronym(t.norm, gaz)  # "UK staff strike" over a text on Kingston University
    }
    if not acronyms:
        return actors
    spelt: dict[str, list[int]] = {}
    for k, a in enumerate(actors):
        if a.type == "organization" and " " in a.name:
            toks = [t for s in split_sentences(a.name) for t in tokenize(s)]
            for initials in initials_of(toks, gaz):
                spelt.setdefault(initials, []).append(k)
    out = list(actors)
    for acronym in sorted(acronyms):
        owners = spelt.get(fold(acronym), [])
        if len(owners) == 1:
            out[owners[0]] = replace(out[owners[0]], aliases=out[owners[0]].aliases | {acronym})
    return out


def camel_cased_bodies(reading: Reading) -> list[Candidate]:
    """A lone word with a capital inside (``briefing.shapes.camel_cased``: "SpaceX", "BlackRock") that no
    candidate covers, or that only the words around it made a person, is a company's name (returned: the
    new candidates). Read after the tagger, whose features keep the rules' reading
    they were trained on; headlines are matched later, by the names the body establishes."""
    for c in reading.candidates:  # "SpaceX said": a company speaks too
        if c.type == "person" and len(c.toks) == 1 and c.why not in FIRM_RULES and camel_cased(c.toks[0]):
            c.type, c.canonical, c.why = "organization", _bare(c.toks[0]), "brand"
    taken = {(c.sentence, t.start) for c in reading.candidates if c.type is not None for t in c.toks}
    headlines = set(reading.headlines)
    out = []
    for index, toks in enumerate(reading.tokens):
        if index in headlines:
            continue
        for k, tok in enumerate(toks):
            if (index, tok.start) in taken or not camel_cased(tok):
                continue
            before = toks[k - 1] if k else None
            if (before and before.name_like and not before.possessive) or (
                k + 1 < len(toks) and toks[k + 1].name_like
            ):
                continue  # part of a longer name the rules read or left; "Elon Musk's SpaceX" is not
            out.append(Candidate([tok], index, "organization", canonical=_bare(tok), why="brand"))
    return out


def _bare(tok: Token) -> str:
    return tok.text[:-2] if tok.possessive else tok.text


def streets_as_places(cands: list[Candidate]) -> None:
    """ "100 Maryland Ave. SW", "12 Baker St.", "Oak Rd": a run that a street's shortened word ends is a
    street, a place, whatever its shape made it (a body, a person). Read after the tagger, whose features
    keep the rules' reading they were trained on."""
    for c in cands:
        shortened = len(c.toks) > 1 and c.toks[-1].low.rstrip(".") in _STREETS and c.toks[-2].cap
        if shortened and c.type in ("person", "organization") and c.why != "list":
            c.type = "place"


_STREETS = frozenset({"ave", "st", "rd", "blvd", "pkwy", "hwy"})
_DASHES = frozenset({"—", "–", "-", "--"})


def datelines_as_places(reading: Reading) -> None:
    """A paragraph's first words in capitals before a dash, that no list knows ("ZWELITSHA — Filipe Nyusi
    met", "КИЇВ — Президент України"), are a wire dateline's place, not an acronym's organisation: an
    acronym does not open a paragraph and a dash follow it. Read after the tagger, whose features keep
    the rules' reading they were trained on."""
    for c in reading.candidates:
        toks = reading.tokens[c.sentence]
        if c.type != "organization" or c.why != "acronym" or toks[0] is not c.toks[0]:
            continue
        dated = _dash_then_name(toks, _after_date(toks, len(c.toks)))  # "КИЇВ, 25 листопада — Президент"
        capitals = all(t.acronym and len(t.text) >= 3 for t in c.toks)
        if capitals and dated and _opens_paragraph(reading.text, c.start):
            c.type, c.canonical = "place", " ".join(t.text.capitalize() for t in c.toks)


def dated_datelines(reading: Reading) -> list[Candidate]:
    """The places of wire datelines with a date ("КИЇВ, 25 листопада — Президент України ...") that no
    candidate holds, as the tagger may drop a word in capitals there: the paragraph's first words, in
    capitals, then a comma, the date and a dash (returned: the new candidates)."""
    taken = {(c.sentence, c.start) for c in reading.candidates}
    out = []
    for index, toks in enumerate(reading.tokens):
        k = 0
        while k < min(len(toks), 3) and toks[k].acronym and toks[k].word and len(toks[k].text) >= 3:
            k += 1
        if not k or (index, toks[0].start) in taken or k >= len(toks):
            continue
        at = _after_date(toks, k)
        if at > k and _dash_then_name(toks, at) and _opens_paragraph(reading.text, toks[0].start):
            canonical = " ".join(t.text.capitalize() for t in toks[:k])
            out.append(Candidate(toks[:k], index, "place", canonical=canonical, why="dateline"))
    return out


def _opens_paragraph(text: str, start: int) -> bool:
    """Is ``start`` the first word of its line (or of the text)?"""
    before = text[:start]
    return before.rstrip(" ").endswith("\n") or not before.strip()


def _dash_then_name(toks: list[Token], at: int) -> bool:
    """A dateline's dash at ``toks[at]``, then a capitalised word: "— Президент України", "— Filipe"."""
    return at + 1 < len(toks) and toks[at].text in _DASHES and toks[at + 1].cap


def _after_date(toks: list[Token], at: int) -> int:
    """Where the dash is after a dateline's place at ``toks[at]`` and its date ("КИЇВ, 25 листопада —",
    "LONDON, Nov 25 —"): after the comma, a day's number and a month's word or two; else ``at``."""
    if at >= len(toks) or toks[at].text != ",":
        return at
    k = at + 1
    while k < len(toks) and k - at <= 4 and (toks[k].text.isdigit() or _month_word(toks[k].low)):
        k += 1
    return k if k - at >= 3 and any(t.text.isdigit() for t in toks[at + 1 : k]) else at


def _month_word(low: str) -> bool:
    return low.rstrip(".") in MONTHS or low in FOREIGN_MONTHS or low in CYRILLIC_MONTHS


def _not_the_state(cands: list[Candidate]) -> list[Candidate]:
    return [
        c
        for c in cands
        if not (c.type == "place" and len(c.toks) == 1 and c.norm in PARTS_NOT_STATES) and not _a_days(c)
    ]


_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


def _a_days(cand: Candidate) -> bool:
    """ "after Saturday's 4-0 loss": a day's possessive, which the brand rule reads as "Kellogg's".
    Dropped after the tagger, whose features keep the rules' reading they were trained on."""
    low = cand.toks[0].low if len(cand.toks) == 1 else ""
    return low[-2:] in ("'s", "’s") and low[:-2] in _WEEKDAYS


def read_rules(
    text: str, *, title: str | None = None, sentences: Sequence[Sentence] | None = None
) -> Reading:
    """The rules' reading of ``text``, before headlines are matched."""
    if sentences is None:
        sentences = split_sentences(text)
    gaz = load_gazetteer()
    tokens = [place_articles(split_hyphens(join_suffix(join_slashed(tokenize(s))), gaz)) for s in sentences]
    lower = {t.norm for toks in tokens for t in toks if t.word and not t.cap and t.low not in SMALL}
    doc = Doc(text, gaz, lower)
    headlines = []
    title_norm = fold(title) if title else None
    for index, (sentence, toks) in enumerate(zip(sentences, tokens, strict=True)):
        if writers := byline_names(text, sentence, toks, gaz, lower):  # "By Tyler Brooks": no headline
            for a, b in writers:
                add_candidate(doc, index, toks[a:b], "person", why="title")
            continue
        if is_headline(toks) or (title_norm and fold(sentence.text) == title_norm and is_headline(toks, 0.7)):
            headlines.append(index)
            continue
        known = len(doc.candidates)
        read_sentence(doc, index, toks)
        read_long_form(doc, index, toks)  # "Organization for Security and Co-operation in Europe (OSCE)"
        type_by_kind(doc.candidates[known:], toks)
        type_by_series(doc.candidates[known:], toks)
        type_by_definition(doc.candidates[known:], toks)
    doc.candidates += month_surnames(doc.candidates, tokens, headlines)  # "May said" after "Theresa May"
    doc.candidates = named_again(doc.candidates, tokens, headlines)  # "Irvine Welsh's" after his role
    doc.candidates += coded_groups(tokens, headlines, gaz)  # "the M23 armed group"
    doc.candidates = letters_in_names(doc.candidates, tokens)  # "Xbox One X" holds no X
    resolve(doc.candidates, doc.gaz, text)
    return Reading(text, sentences, tokens, headlines, lower, doc.candidates)


__all__ = ["ACTORS_VERSION", "Candidate", "extract_actors"]
