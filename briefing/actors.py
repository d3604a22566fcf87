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
   brand used as a subject ("Kellogg's reported...") is an organisation unless a person has that surname;
   a name written the same way is the same kind of actor throughout the text. A capitalised "The" inside a
   sentence begins the name after it ("told The Sunday Times"), and so does a unit's number ("the 158th
   Fighter Wing").
6. Title-case headlines are matched only against names the body or the lists already establish.

Roles come from titles, appositions and "as" phrases (``briefing.roles``). Offsets are ``str`` indices.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from briefing import roles
from briefing.aliases import CORPORATE, PARTICLES, fold
from briefing.coref import Candidate, group, match_headlines, resolve
from briefing.cues import (
    COMPANY_NOUNS,
    GROUP_NOUNS,
    LEGAL_FORMS,
    LONE_NOT_NAMES,
    MISC_FIRST,
    MISC_HEADS,
    MONTHS,
    NOT_ACRONYMS,
    ORG_FIRST,
    ORG_FIRST_ROMANCE,
    ORG_HEADS,
    PLACE_CONTEXT,
    PLACE_FIRST,
    PLACE_HEADS,
    PLACE_MODIFIERS,
    PLACE_OF,
    PLACE_PREPOSITIONS,
    PORTFOLIOS,
    ROLE_NOUNS,
    SAINTS,
    SPEECH_VERBS,
    SUBJECT_VERBS,
    TITLES,
    UNIT_HEADS,
    words,
)
from briefing.gazetteer import Gazetteer, load_gazetteer
from briefing.kinds import type_by_definition, type_by_kind, type_by_series
from briefing.models import ActorType, ExtractedActor, Sentence
from briefing.month_surnames import month_surnames
from briefing.sentences import split_sentences
from briefing.states import GOVERNMENTS, mark_states
from briefing.tagger import FIRM, Tagger, load_tagger, retag
from briefing.things import drop_things
from briefing.tokens import Token, tokenize

_JOINERS = words("of for and & de del la le du da di van von der den bin ibn bu al el on upon")
_SMALL = words("a an the of for and to in on at with as by or")
MAX_NAME_TOKENS = 5
# possessives inside official names: "People's Republic of China", "People's Liberation Army"
_NAME_POSSESSIVES = words("people's people’s workers' workers’")
ROMAN = words("i ii iii iv v vi vii viii ix x xi xii")
# a regnal or generation number: "Louis XVI", "Charles III", "Pope Benedict XVI", "John Smith IV"
_REGNAL = re.compile(r"(?=[xvi])x{0,3}(?:ix|iv|v?i{0,3})")


def regnal(tok: Token) -> bool:
    return tok.cap and tok.text.isupper() and _REGNAL.fullmatch(tok.low) is not None


@dataclass
class _Doc:
    text: str
    gaz: Gazetteer
    lower: set[str]
    candidates: list[Candidate] = field(default_factory=list)


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
        reading.candidates += _defined_acronyms(ruled, reading.candidates)
        _from_the_name(reading.candidates)
        resolve(reading.candidates, gaz, text)
        _surnames_of_people(reading.candidates)
    same_type(reading.candidates)
    with_article_and_number(reading.candidates, reading.tokens)
    named = [c for c in _after_articles(reading) if not _names_no_one(c, reading.tokens)]
    reading.candidates = _without_party_labels(drop_things(named, reading.tokens), text)
    mark_states(reading.candidates, reading.tokens, gaz)
    _lead_roles_of_people(reading)
    match_headlines(reading.candidates, gaz, [(i, reading.tokens[i]) for i in reading.headlines])
    return group(reading.candidates, text)


def read_rules(
    text: str, *, title: str | None = None, sentences: Sequence[Sentence] | None = None
) -> Reading:
    """The rules' reading of ``text``, before headlines are matched."""
    if sentences is None:
        sentences = split_sentences(text)
    gaz = load_gazetteer()
    tokens = [_split_hyphens(_join_slashed(tokenize(s)), gaz) for s in sentences]
    lower = {t.norm for toks in tokens for t in toks if t.word and not t.cap and t.low not in _SMALL}
    doc = _Doc(text, gaz, lower)
    headlines = []
    title_norm = fold(title) if title else None
    for index, (sentence, toks) in enumerate(zip(sentences, tokens, strict=True)):
        if _is_headline(toks) or (
            title_norm and fold(sentence.text) == title_norm and _is_headline(toks, 0.7)
        ):
            headlines.append(index)
            continue
        known = len(doc.candidates)
        _read_sentence(doc, index, toks)
        type_by_kind(doc.candidates[known:], toks)
        type_by_series(doc.candidates[known:], toks)
        type_by_definition(doc.candidates[known:], toks)
    doc.candidates += month_surnames(doc.candidates, tokens, headlines)  # "May said" after "Theresa May"
    resolve(doc.candidates, doc.gaz, text)
    return Reading(text, sentences, tokens, headlines, lower, doc.candidates)


def _defined_acronyms(ruled: list[Candidate], tagged: list[Candidate]) -> list[Candidate]:
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


_FRENCH_TITLES = ("M.", "Mme", "Mme.", "Mlle")
# articles of German and French: a capitalised word after one in lower case is a noun ("das Gesetz")
_FOREIGN_ARTICLES = words(
    "der die das dem den des ein eine einem einen einer eines deren dessen le la les une"
)


# German and French words no English sentence writes in lower case ("die", "den", "am", "hat" it does)
_GERMAN_FRENCH = (_FOREIGN_ARTICLES - words("die den deren dessen")) | words(
    """
    und ist mit auf für nicht sich wird im zum zur sind wurde haben nach bei oder
    du aux est avec dans sur ont sont selon mais qui
    """
)


def _in_german_or_french(toks: list[Token]) -> bool:
    """Is the sentence German or French, by a function word in lower case or a German article first? "Le
    Pen said" in English copy is a name."""
    first = next((t for t in toks if t.word), None)
    return (first is not None and first.text in ("Der", "Das", "Dem")) or any(
        not t.cap and t.low in _GERMAN_FRENCH for t in toks
    )


def _after_articles(reading: Reading) -> list[Candidate]:
    """A German or French article that begins a sentence is no part of a name: "Der Bundestag" is the
    Bundestag, and "Le Syndicat" (the union) nobody, though "Le Pen" after "Marine Le Pen" is her.
    Inside a sentence it is ("in Den Haag", "Les Bains, Le Loft")."""
    gaz = load_gazetteer()
    out = []
    starts = {
        t.start
        for toks in reading.tokens
        if _in_german_or_french(toks)
        for k, t in enumerate(toks)
        if t.word and (k == 0 or toks[k - 1].text in ("–", "—", "-", ":", "„", "«", "“", '"'))
    }
    for c in reading.candidates:
        first = c.toks[0]
        whole = c.norm in gaz.known or gaz.place(c.norm)  # "Des Moines", "La Paz"
        if len(c.toks) > 1 and first.low in _FOREIGN_ARTICLES and c.start in starts and not whole:
            surface = " ".join(t.text for t in c.toks)
            if c.type == "person" and c.canonical in (None, surface):
                continue
            if c.type == "person":
                out.append(c)
                continue
            if len(c.toks) == 2 and c.why not in FIRM:
                continue  # "Le Syndicat" is "the union": one common noun, no name the rules know
            if c.canonical == surface:
                c.canonical = surface.split(" ", 1)[1]
            c.toks = c.toks[1:]
        out.append(c)
    return out


def _names_no_one(c: Candidate, tokens: list[list[Token]]) -> bool:
    """A span the tagger read as an actor that names no one: titles alone ("Minister" of "Prime Minister's
    Questions"), a time zone, a currency or a figure's code ("14:52 GMT", "DKK", "EBITDA"), or one
    capitalised word after a German or French article ("für das Gesetz")."""
    words_ = [t for t in c.toks if t.word]
    if c.why == "list" or not words_ or c.type is None:
        return False
    if len(words_) == 1 and words_[0].acronym and words_[0].norm in NOT_ACRONYMS:
        return True
    if c.sentence >= len(tokens):
        return False
    toks = tokens[c.sentence]
    k = next((k for k, t in enumerate(toks) if t.start == c.start), 0)
    before = toks[k - 1] if k > 0 else None
    if all(t.norm in TITLES for t in words_) and (words_[-1].possessive or (before and is_title(before))):
        return True
    if c.type == "person" and _of_the(c.toks) and _in_german_or_french(toks):
        return True  # "Bürgermeister der Stadt" (the town's mayor) is a role, not a name
    person = len(words_) == 1 and c.type == "person" and c.why != "surname"
    return person and before is not None and not before.cap and before.low in _FOREIGN_ARTICLES


def _of_the(toks: list[Token]) -> bool:
    """Does a German or French article join two words of the span, as "of the" would ("Bürgermeister der
    Stadt"), not as a name's particle does ("von der Leyen")?"""
    return any(
        not t.cap and t.low in _FOREIGN_ARTICLES and toks[k - 1].low not in PARTICLES
        for k, t in enumerate(toks[1:-1], 1)
    )


def _lead_roles_of_people(reading: Reading) -> None:
    """A role word before a name is a person's: before anything else it is an adjective or says whose
    it is ("his official X handle", "the spokesman Reuters quoted")."""
    for c in reading.candidates:
        if c.type == "person" or not c.roles or c.sentence >= len(reading.tokens):
            continue
        toks = reading.tokens[c.sentence]
        i = next((k for k, t in enumerate(toks) if t.start == c.start), None)
        lead = roles.lead_role(reading.text, toks, i) if i else None
        if lead in c.roles:
            c.roles.remove(lead)


def _surnames_of_people(candidates: list[Candidate]) -> None:
    """A surname alone refers back to a person named in full; where the tagger read that full name as
    something else ("the Sarkin Dikko palace" a building's owner, a body), the word alone is no person
    either ("the Dikko community")."""
    people = {c.canonical for c in candidates if c.type == "person" and c.why != "surname"}
    others = {c.canonical for c in candidates if c.type in ("organization", "place")} - people
    for c in candidates:
        if c.type == "person" and c.why == "surname" and len(c.toks) == 1 and c.canonical in others:
            c.type = None


def _from_the_name(candidates: list[Candidate]) -> None:
    """A place begins at its name: the tagger's "northeastern city of Sumy" or "port city of Vladivostok"
    is a mention of Sumy or Vladivostok, the words before "of" say what it is. A direction alone stays
    ("eastern Aleppo" is a part of Aleppo, as the gold data of the benchmark marks it; the archive keeps
    no such alias, ``coref.group``)."""
    for c in candidates:
        first = c.toks[0]
        if c.type == "person" or not first.word or first.cap or first.acronym or first.low in PARTICLES:
            continue
        k = next((k for k, t in enumerate(c.toks) if t.name_like), 0)
        if k > 1 and c.toks[k - 1].low == "of" and c.toks[k - 2].low in PLACE_HEADS:
            c.toks = c.toks[k:]


def _join_slashed(toks: list[Token]) -> list[Token]:
    """ "A/S" (a Nordic company's legal form) is one word, not "A", "/" and "S"."""
    if not any(t.text == "/" for t in toks):
        return toks
    out: list[Token] = []
    k = 0
    while k < len(toks):
        tok = toks[k]
        after = toks[k + 1] if k + 1 < len(toks) else None
        if tok.text == "/" and out and after and out[-1].end == tok.start and after.start == tok.end:
            before = out[-1]
            if all(len(t.text) <= 2 and t.text.isalpha() and t.text.isupper() for t in (before, after)):
                text = f"{before.text}/{after.text}"
                low = text.lower()
                out[-1] = Token(
                    text, before.start, after.end, low, low, True, cap=True, acronym=True
                ).refresh()
                k += 2
                continue
        out.append(tok)
        k += 1
    return out


def _split_hyphens(toks: list[Token], gaz: Gazetteer) -> list[Token]:
    """ "Iran-backed" holds Iran and "Russia-Ukraine" holds two countries; "al-Jabri" stays whole."""
    if not any("-" in t.text for t in toks):
        return toks
    out: list[Token] = []
    for k, tok in enumerate(toks):
        parts = tok.text.split("-") if tok.word and tok.cap and "-" in tok.text else []
        if parts and _against_body(parts, toks[k + 1] if k + 1 < len(toks) else None):
            parts = []  # "the Counter-Daesh Coalition" is one body, named for what it fights
        # a short known name only in capitals: "UN-backed" holds the UN, "Un-named" nothing
        known = [(len(p) > 2 or p.isupper()) and _known(gaz, fold(p)) is not None for p in parts]
        upper = all(p[:1].isupper() for p in parts)
        # "Task Force-Operation Inherent Resolve": a body, then the operation it runs
        event = upper and any(p.lower() in MISC_FIRST for p in parts[1:])
        if not parts or not (known[0] or (any(known) and upper) or event):
            if parts and parts[-1][:1].islower() and not is_title(tok):
                tok.cap = False  # "Western-supplied" is an adjective
                tok.refresh()
            out.append(tok)
            continue
        at = tok.start
        for part in parts:
            sub = Token(part, at, at + len(part), part.lower(), fold(part), word=True, cap=part[:1].isupper())
            sub.acronym = len(part) > 1 and part.isupper()
            sub.refresh()
            out.append(sub)
            out.append(Token("-", at + len(part), at + len(part) + 1, "-", "-", word=False))
            at += len(part) + 1
        out.pop()
    return out


def _against_body(parts: list[str], nxt: Token | None) -> bool:
    """ "Counter-Daesh Coalition", "Anti-Corruption Bureau": a capitalised prefix of opposition before a
    body's head."""
    return (
        len(parts) == 2
        and parts[0].lower() in ("counter", "anti")
        and nxt is not None
        and nxt.cap
        and nxt.low in ORG_HEADS
    )


def _is_headline(toks: list[Token], share: float = 0.8) -> bool:
    """A title-case line: a headline or a subheading, where capitals say nothing about names. A line that
    repeats the article's title needs a smaller ``share`` of capitalised words to count."""
    content = [t for t in toks if t.word and t.low not in _SMALL]
    if len(content) < 2 or (toks[-1].text[-1] in '.”"' and not all(t.acronym for t in content)):
        return False
    if any(not t.cap and t.low in SPEECH_VERBS for t in content):
        return False  # "The Foreign Secretary, Boris Johnson, said:" is prose full of names
    caps = sum(1 for t in content if t.cap or t.acronym)
    return caps == len(content) if len(content) < 4 else caps / len(content) >= share


def _chunks(toks: list[Token]) -> list[tuple[int, int]]:
    """Maximal runs of name-like tokens, joined by connectors only when a name follows."""
    out = []
    i, n = 0, len(toks)
    while i < n:
        if not toks[i].name_like or toks[i].low in ("&",):
            i += 1
            continue
        j = i + 1
        while j < n and (not toks[j - 1].possessive or toks[j - 1].low in _NAME_POSSESSIVES):
            step = 1 if toks[j].name_like or _month_surname(toks, i, j) else _joiner(toks, j)
            step = step or _legal_form(toks, j)
            if not step:
                break
            j += step
        out.append((i, j))
        i = j
    return out


def _legal_form(toks: list[Token], j: int) -> int:
    """A company's legal form ends its name in lower case or after a comma: "Shell plc", "BP p.l.c.",
    "Samsung Electronics Co., Ltd."; how many tokens it adds at ``j``."""
    if toks[j].word and not toks[j].cap and toks[j].norm == "plc":
        return 1
    if toks[j].text == "," and j + 1 < len(toks) and toks[j - 1].norm in CORPORATE:
        nxt = toks[j + 1]
        return 2 if nxt.cap and nxt.norm in CORPORATE and nxt.norm not in ("group", "company") else 0
    return 0


def _month_surname(toks: list[Token], i: int, j: int) -> bool:
    """A month's name right after a given name is a surname ("Theresa May", "Prime Minister Theresa May",
    "Brian May"), unless a day's number follows ("meets Kim May 12")."""
    if not toks[j].cap or toks[j].low not in MONTHS or toks[j - 1].possessive:
        return False
    if j - 1 > i and toks[j - 2].low not in TITLES:  # the given name must begin the name ("Kim Jong Un")
        return False
    if j + 1 < len(toks) and toks[j + 1].text[:1].isdigit():
        return False
    return toks[j - 1].norm in load_gazetteer().given_names


def _joiner(toks: list[Token], j: int) -> int:
    """How many connecting words at ``j`` join two parts of one name, counting the name word after them:
    "Ministry of Defence", "Trading & Investment", "Minister for the Middle East", "von der Leyen"."""
    n = len(toks)
    low = toks[j].low
    if low in ("der", "den") and toks[j - 1].low not in PARTICLES:
        return 0  # "von der Leyen", but "Rentenpaket der Bundesregierung" (of the government) is two
    if low in _JOINERS and j + 1 < n and toks[j + 1].name_like:
        return 2
    if low == "to" and _purpose(toks, j):
        return 2
    if j + 2 < n and toks[j + 2].name_like:
        if low in ("of", "for", "and") and toks[j + 1].low == "the":
            return 3
        if low in PARTICLES and toks[j + 1].low in PARTICLES:
            return 3
    return 0


def _read_sentence(doc: _Doc, index: int, toks: list[Token]) -> None:
    first_word = next((k for k, t in enumerate(toks) if t.word), -1)
    runs = _chunks(toks)
    arm = 0
    for at, (i, j) in enumerate(runs):
        if i < arm:
            continue
        initial = i == first_word
        if at + 1 < len(runs) and _national_arm(doc, toks, (i, j), runs[at + 1]):
            arm = runs[at + 1][1]
            _whole(doc, index, toks, i, arm, "organization", initial, why="brand")
            continue
        # "Foreign Ministry said...": the first word stays when the rest is only a head ("Ministry")
        headed = j - i == 2 and toks[i + 1].low in ORG_HEADS
        if initial and j - i > 1 and not toks[i].acronym and not headed and _not_a_name(doc, toks, i, j):
            i += 1
            while i < j and not toks[i].name_like:
                i += 1
        elif initial and j - i == 1 and (toks[i].norm in doc.lower or _common_plural(doc, toks[i])):
            continue
        if i < j:
            _read_chunk(doc, index, toks, i, j, initial)
    if any(t.low.startswith(_AGAINST) for t in toks):
        _coalitions_against(doc, index, toks)


_AGAINST = ("counter-", "anti-")
_ALLIANCES = words("coalition alliance campaign")


def _coalitions_against(doc: _Doc, index: int, toks: list[Token]) -> None:
    """ "the counter-ISIL coalition", "the anti-Houthi alliance": a body named for a known actor it
    fights, in lower case."""
    for k, tok in enumerate(toks[:-1]):
        if tok.cap or not tok.low.startswith(_AGAINST) or toks[k + 1].low not in _ALLIANCES:
            continue
        enemy = tok.text.split("-", 1)[1]
        if enemy[:1].isupper() and _known(doc.gaz, fold(enemy)) is not None:
            _add(doc, index, toks[k : k + 2], "organization", why="head")


def _purpose(toks: list[Token], j: int) -> bool:
    """ "Global Coalition to Counter ISIL", "Committee to Protect Journalists": a body's head, "to" and a
    capitalised verb that is no known name, then a name."""
    if j + 2 >= len(toks) or toks[j - 1].low not in ORG_HEADS or not toks[j - 1].cap:
        return False
    verb, after = toks[j + 1], toks[j + 2]
    if not verb.cap or verb.acronym or not after.name_like:
        return False
    gaz = load_gazetteer()
    return _known(gaz, verb.norm) is None and verb.norm not in gaz.given_names


def _national_arm(doc: _Doc, toks: list[Token], run: tuple[int, int], after: tuple[int, int]) -> bool:
    """ "McDonald's Ireland", "Tesco's Hungary": a company's arm in a country is one organisation, when the
    name before the possessive is no place, no known actor and no given name."""
    (i, j), (a, b) = run, after
    last = toks[j - 1]
    if a != j or not last.possessive or last.low in _NAME_POSSESSIVES:
        return False
    if b < len(toks) and toks[b].name_like:
        return False
    owner = " ".join(t.norm for t in toks[i:j])
    if _known(doc.gaz, owner) is not None or toks[i].norm in doc.gaz.given_names or is_title(toks[i]):
        return False
    return " ".join(t.norm for t in toks[a:b]) in doc.gaz.countries


def _common_plural(doc: _Doc, tok: Token) -> bool:
    """A sentence's first word that is the plural of a common noun: of a head of bodies or places
    ("Unions said", "Ministries agreed") or of a word the text writes in lower case."""
    low = tok.low
    if tok.acronym or tok.possessive or len(low) < 4 or not low.endswith("s") or low.endswith("ss"):
        return False
    singular = {low[:-1], low[:-2] if low.endswith("es") else low}
    if low.endswith("ies"):
        singular.add(low[:-3] + "y")
    if not any(w in doc.lower or w in ORG_HEADS for w in singular - {low}):
        return False  # the cheap test first: the scan below runs over every name read so far
    return not any(len(c.toks) > 1 and c.toks[-1].norm == tok.norm for c in doc.candidates)  # "Tiger Woods"


def _not_a_name(doc: _Doc, toks: list[Token], i: int, j: int) -> bool:
    """A sentence's capitalised first word that is no name: the text uses it in lower case, it is a
    gerund or an adverb, or it is an unknown word before a known name ("Meek Europe")."""
    tok = toks[i]
    if tok.norm in PARTICLES and toks[i + 1].norm in PARTICLES | {t.norm for t in toks[i + 1 : j] if t.cap}:
        return False  # "Van der Berg said": a particle that begins a surname, though "van" is lower case
    if tok.norm in doc.lower:
        return True
    if _known(doc.gaz, tok.norm) is not None or tok.norm in doc.gaz.given_names or is_title(tok):
        return False
    rest = " ".join(t.norm for t in toks[i + 1 : j])
    return tok.low.endswith(("ing", "ly")) or _known(doc.gaz, rest) is not None


def _known(gaz: Gazetteer, norm: str, *, acronym: bool = False) -> tuple[str, ActorType] | None:
    """The canonical name and type the lists give a folded name. An acronym ("NIS") is looked up only
    among known actors and countries, not among cities that fold the same way ("Niš")."""
    if norm in gaz.known:
        return gaz.known[norm]
    if acronym:
        return (gaz.countries[norm], "place") if norm in gaz.countries else None
    place = gaz.place(norm) or gaz.demonyms.get(norm)
    if place:
        return place, "place"
    article, _, rest = norm.partition(" ")
    if (article == "the" or article in _FOREIGN_ARTICLES) and rest in gaz.known:
        return gaz.known[rest]  # "the Kremlin", "Der Bundestag"
    return None


def _add(doc: _Doc, index: int, toks: list[Token], type_: ActorType | None, **kw: Any) -> Candidate:
    cand = Candidate(toks, index, type_, **kw)
    doc.candidates.append(cand)
    return cand


def _read_chunk(doc: _Doc, index: int, toks: list[Token], i: int, j: int, initial: bool) -> None:
    """Split one capitalised run into candidates and type what can be typed from the run alone."""
    while i < j and not toks[i].name_like:
        i += 1
    if i >= j:
        return
    chunk = toks[i:j]
    if j < len(toks) and toks[j].word and not toks[j].cap and toks[j].low not in _SMALL:
        # "the White house", "the Red cross": a known name whose last word the writer did not capitalise
        longer = doc.gaz.known.get(" ".join(t.norm for t in toks[i : j + 1]))
        if longer and not toks[j - 1].possessive:
            _whole(doc, index, toks, i, j + 1, longer[1], initial, canonical=longer[0], why="list")
            return
    acronym = len(chunk) == 1 and chunk[0].acronym and not _opens_release(toks, i)
    known = _known(doc.gaz, " ".join(t.norm for t in chunk), acronym=acronym)
    split = None if known or _spelt_after(toks, i, j) else _split_joined(doc.gaz, chunk)
    if split is not None:
        for a, b in split:
            _read_chunk(doc, index, toks, i + a, i + b, initial and a == 0)
        return
    if known:
        # "in Toyota" says the city, not the company named after it (``coref``)
        where = "place" if known[1] == "place" and _context(toks, i, j) == "place" else ""
        if known[1] == "organization" and (place := _the_place(doc.gaz, toks, i, j)):
            known, where = (place, "place"), "place"
        _whole(doc, index, toks, i, j, known[1], initial, canonical=known[0], why="list", context=where)
    elif (of := _titled_office(chunk)) and not _read_titled(doc, index, toks, i, j):
        # "Secretary of the New Jersey Department of Public Safety": the office names the actor, but
        # "Secretary of State" names no one
        rest = i + of + 1 + (chunk[of + 1].low == "the")
        holder = _holder(doc.gaz, toks, rest, j)
        if _office(doc.gaz, chunk):  # "Secretary of State for Scotland": no one, but a place
            _read_places(doc, index, toks, i, j)
        elif holder:  # "Secretary of the Harbour Board Anna Berg": the body, then who holds the office
            _read_chunk(doc, index, toks, rest, holder, False)
            cand = _whole(doc, index, toks, holder, j, "person", False, why="title")
            cand.roles.append(doc.text[toks[i].start : toks[holder - 1].end])
        elif not all(t.low in PORTFOLIOS for t in toks[rest:j]):
            _read_body(doc, index, toks, rest, j, chunk[of - 1])
    elif _is_org(chunk, doc.gaz):
        _whole(doc, index, toks, i, j, "organization", initial, why="head")
    elif _read_titled(doc, index, toks, i, j):
        pass
    elif is_title(chunk[-1]) or _office(doc.gaz, chunk):
        # "the Foreign Secretary", "Iraqi Foreign Minister", "Special Representative for Libya": an office
        _read_places(doc, index, toks, i, j)
    elif _given_name_first(doc.gaz, chunk) and not _arabic_place(toks, i):
        _whole(doc, index, toks, i, j, "person", initial, why="given")
    elif named := _role_then_name(doc.gaz, chunk):
        cand = _whole(doc, index, toks, i + named, j, "person", False, why="role")
        # a sentence's first word is capitalised anyway: "Auch Friedrich Merz" ("also") has no role
        if not initial or any(t.low in ROLE_NOUNS for t in chunk[:named]):
            cand.roles.append(doc.text[chunk[0].start : chunk[named - 1].end])
    elif lead := _leading_place(doc.gaz, chunk):
        _read_after_place(doc, index, toks, i, j, initial, lead)
    else:
        _read_plain(doc, index, toks, i, j, initial)


def _opens_release(toks: list[Token], i: int) -> bool:
    """ "BAGHDAD - The coalition...", "MANILA, Nov 23 (Reuters) -": a place in capitals that opens a release
    or a wire story, before a dash, a comma or a bracket, is a place's name, not an acronym."""
    if any(t.word for t in toks[:i]) or i + 1 >= len(toks):
        return False
    return toks[i + 1].text in ("-", "–", "—", ",", "(")


def _the_place(gaz: Gazetteer, toks: list[Token], i: int, j: int) -> str | None:
    """The place a company is named after, where the place is meant: "deforestation in the Amazon"? A
    company's name takes no "the"."""
    if j - i == 1 and i > 1 and toks[i - 1].low == "the" and toks[i - 2].low in PLACE_PREPOSITIONS:
        return gaz.place(toks[i].norm)
    return None


def _spelt_after(toks: list[Token], i: int, j: int) -> bool:
    """Does an acronym in brackets after the run spell all its words, "and" too left out ("National
    Disaster Risk Reduction and Management Council (NDRRMC)")? Then the run is one name."""
    if j + 2 >= len(toks) or toks[j].text != "(" or not toks[j + 1].acronym or toks[j + 2].text != ")":
        return False
    initials = "".join(t.text[0] for t in toks[i:j] if t.cap)
    return len(initials) > 2 and initials == toks[j + 1].text.replace(".", "")


def _holder(gaz: Gazetteer, toks: list[Token], rest: int, j: int) -> int:
    """Where a person's name (a given name and one or two more words) ends the run after an office's "of":
    its start, else 0."""
    for p in (j - 2, j - 3):
        name = toks[p:j]
        named = p > rest + 1 and toks[p].norm in gaz.given_names and all(t.cap and t.word for t in name)
        if named and (toks[p - 1].low in ORG_HEADS or toks[p - 1].cap):
            return p
    return 0


def _read_places(doc: _Doc, index: int, toks: list[Token], i: int, j: int) -> None:
    for a, b, place in _places_in(doc.gaz, toks, i, j):
        _add(doc, index, toks[a:b], place[1], canonical=place[0], why="list")


def _office(gaz: Gazetteer, chunk: list[Token]) -> bool:
    """Is the run a title and its portfolio or country, with no name ("Special Representative for Libya",
    "Secretary of State for Scotland")?"""
    t = next((k for k in range(len(chunk) - 1, -1, -1) if is_title(chunk[k])), None)
    if t is None or t == len(chunk) - 1 or chunk[t + 1].low not in ("of", "for"):
        return False
    k = t + 1
    while k < len(chunk):
        if chunk[k].low in ("of", "for", "the", "and") or chunk[k].low in PORTFOLIOS:
            k += 1
            continue
        place = _leading_place(gaz, chunk[k:])
        if not place or place[2] != "place":
            return False
        k += place[1]
    return True


def _titled_office(chunk: list[Token]) -> int:
    """Where the "of" or "for" is after a title that begins the run ("Secretary of", "Chief Executive
    Officer of"), else 0."""
    if len(chunk) < 3 or not is_title(chunk[0]):
        return 0
    k = 1
    while k < len(chunk) - 1 and k < 4 and (is_title(chunk[k]) or chunk[k].low in ROLE_NOUNS):
        k += 1
    return k if k < len(chunk) - 1 and chunk[k].low in ("of", "for") else 0


# titles whose "of" names a territory, no body: "Duke of Sussex" is a person
_NOBLE = words(
    "duke duchess prince princess earl countess baron baroness lord lady king queen emperor empress"
)


def _office_of_body(doc: _Doc, toks: list[Token], t: int, k: int, j: int) -> bool:
    """Is ``toks[k:j]``, after a title at ``t`` and its "of", the body whose office it is ("Chief Executive
    Officer of Nordhavn Shipping"), no person holding it? A name after "of" holds the office only as a
    given name and a surname ("Secretary of the Harbour Board Anna Berg" is read apart)."""
    return toks[t].low not in _NOBLE and toks[k].norm not in doc.gaz.given_names


def _read_body(doc: _Doc, index: int, toks: list[Token], i: int, j: int, title: Token) -> None:
    """The name after an office's "of": a body, or a place (a mayor's, a governor's), never a person by
    its shape alone."""
    known = len(doc.candidates)
    _read_chunk(doc, index, toks, i, j, False)
    for c in doc.candidates[known:]:
        if c.type == "person" and c.why in ("shape", "particle", ""):
            c.type, c.why = ("place", "context") if title.low in _PLACE_OFFICES else ("organization", "head")


_PLACE_OFFICES = words("mayor governor")


def _whole(
    doc: _Doc, index: int, toks: list[Token], i: int, j: int, type_: ActorType, initial: bool, **kw: Any
) -> Candidate:
    """The run ``toks[i:j]`` is one actor of ``type_``; its roles are read around it."""
    cand = _add(doc, index, toks[i:j], type_, initial=initial, **kw)
    _roles(doc, cand, toks, i, j)
    return cand


def _read_after_place(
    doc: _Doc, index: int, toks: list[Token], i: int, j: int, initial: bool, lead: tuple[str, int, ActorType]
) -> None:
    """A run that starts with a known name: two actors ("Russian Sergei Ryabkov"), a place and an event
    ("French Armistice Day"), or one actor named after a place ("Perth Glory", "Atlantic City")."""
    chunk = toks[i:j]
    name, width, type_ = lead
    if _splits_after_place(doc.gaz, chunk, width, type_):
        _add(doc, index, chunk[:width], type_, canonical=name, initial=initial, why="list")
        _read_chunk(doc, index, toks, i + width, j, False)
    elif chunk[-1].low in MISC_HEADS:
        _add(doc, index, chunk[:width], type_, canonical=name, initial=initial, why="list")
    elif _person_context(doc, toks, i, j) and _plausible_name(chunk):
        # "spokesperson Farah Dakhallah", not Farah the place
        _whole(doc, index, toks, i, j, "person", initial, why="role")
    else:
        place = chunk[-1].low in PLACE_HEADS or chunk[0].low in PLACE_FIRST
        _whole(doc, index, toks, i, j, "place" if place else "organization", initial, why="placename")


def _person_context(doc: _Doc, toks: list[Token], i: int, j: int) -> bool:
    """A role just before or after the run, or a verb of speech after it, says it names a person."""
    return (
        bool(roles.lead_role(doc.text, toks, i) or roles.apposition_role(doc.text, toks, j))
        or _context(toks, i, j) == "person"
    )


def _splits_after_place(gaz: Gazetteer, chunk: list[Token], width: int, type_: str) -> bool:
    """After a leading known name, is the rest a separate name? Yes for a person after a nationality
    ("Russian Sergei Ryabkov") or a known actor; otherwise the place begins a longer name."""
    rest = chunk[width:]
    if rest[0].low == "and" and width == 1:
        return False  # "Harlow and Brent Light Railway": ``_one_name_with_and`` kept it whole
    if type_ != "place" or is_title(rest[0]):
        return True
    if rest[-1].norm in ORG_HEADS and not any(is_title(t) for t in rest):
        return False  # "U.S. Naval Forces Europe Command": the country begins the body's name
    if len(rest) > 3:
        return True
    if _known(gaz, " ".join(t.norm for t in rest)) or _leading_place(gaz, rest):
        return True
    return " ".join(t.norm for t in chunk[:width]) in gaz.demonyms and _given_name_first(gaz, rest)


def _role_then_name(gaz: Gazetteer, chunk: list[Token]) -> int:
    """ "County Coroner William McLaughlin": where a name starting with a given name follows a role."""
    for k in range(1, len(chunk) - 1):
        if not chunk[k].cap:
            continue  # "van" in "Pieter van der Berg" is no given name Van
        if chunk[k].norm in gaz.given_names and _plausible_name(chunk[k:]) and len(chunk) - k <= 4:
            before = chunk[:k]
            if any(t.low in ROLE_NOUNS for t in before):
                return k
            # "Engineer John Greiner", "Senior Kory Lichtensteiger": a short capitalised description, but
            # "St." begins a name ("the St. Louis Eagles")
            if before[0].low in SAINTS:
                return 0
            plain = all(t.word and t.norm not in gaz.given_names and not _known(gaz, t.norm) for t in before)
            return k if plain and k <= 2 else 0
    return 0


def _arabic_place(toks: list[Token], i: int) -> bool:
    """ "near Al Shadaddi", "in Al Huwayjah": after a place preposition, "Al" is the article of a place
    name, not the given name of Al Gore."""
    return toks[i].low in ("al", "el") and i > 0 and toks[i - 1].low in PLACE_CONTEXT


def _given_name_first(gaz: Gazetteer, chunk: list[Token]) -> bool:
    """ "George Barros": a given name and a name, though George is also a city."""
    first = chunk[0].norm
    if not 2 <= len(chunk) <= 4 or first not in gaz.given_names:
        return False
    if first in gaz.countries and (len(chunk) < 3 or chunk[1].norm not in gaz.given_names):
        return False  # "Chad Edward Gaudin" is a person, "Chad Ruto" no evidence either way
    if chunk[-1].low in PLACE_HEADS or chunk[-1].low in ORG_HEADS:
        return False
    return _plausible_name(chunk) and first not in gaz.demonyms


def _split_joined(gaz: Gazetteer, chunk: list[Token]) -> list[tuple[int, int]] | None:
    """Where a run joined by "and"/"of"/"for" is really several names, the pieces; else None."""
    for k, tok in enumerate(chunk):
        if tok.text == "&" and chunk[0].norm in gaz.given_names and chunk[k + 1].norm in gaz.given_names:
            if chunk[-1].low in _AND_HEADS:
                return None  # "Ben & Kerry Holdings": one company named after its founders
            return [(0, k), (k + 1, len(chunk))]  # "David Christison & Lee Tate": two people
        if tok.word and not tok.cap and tok.low in ("and", "of", "for", "on", "upon"):
            if _joins(gaz, chunk, k):
                continue
            rest = k + 2 if chunk[k + 1].low == "the" else k + 1
            return [(0, k), (rest, len(chunk))]
    return None


def _joins(gaz: Gazetteer, chunk: list[Token], k: int) -> bool:
    """Does the connecting word ``chunk[k]`` join one name: "Ministry of Defence", "Mount of Olives",
    "Department of Health and Human Services", "Brindle and Oxley Company", "Hall of Fame"? Not in
    "League for the Vancouver Canucks", where a place begins a second name."""
    low, left = chunk[k].low, chunk[k - 1].low
    head = chunk[0].low in ORG_FIRST or chunk[0].low in PLACE_FIRST
    if low == "and" and chunk[k + 1].low == "the":
        return False  # "the Ministry of Defence and the Home Office": "the" begins a second name
    if low == "and":
        return head or _one_name_with_and(gaz, chunk, k) or _in_complement(chunk, k)
    if low == "of" and left == "hall" and chunk[k + 1].low == "fame":
        return True
    if low == "for" and left in ORG_HEADS and chunk[k + 1].low == "the":
        second = chunk[k + 2 :]
        if second and (second[0].low in SAINTS or _leading_place(gaz, second)) and len(second) > 1:
            return False
    return head or left in ORG_HEADS or left in PLACE_HEADS or left in TITLES


def _in_complement(chunk: list[Token], k: int) -> bool:
    """Is the "and" at ``k`` the first inside what follows an organisation's head and "of"/"for"
    ("Institute of Arts and Sciences")?"""
    for m in range(k - 1, 0, -1):
        if chunk[m].low == "and":
            return False
        if chunk[m].low in ("of", "for") and not chunk[m].cap:
            return chunk[m - 1].low in ORG_HEADS
    return False


# heads of names that two places or two founders' names share: "Harlow and Brent Valley Railway"
_AND_HEADS = ORG_HEADS | LEGAL_FORMS | words("railway railroad railways lines")


def _one_name_with_and(gaz: Gazetteer, chunk: list[Token], k: int) -> bool:
    """ "Brindle and Oxley Company", "Harlow and Brent Railroad": one word, "and", and a name that
    ends in an organisation's head is one name, unless the word is a country or a people ("Russia and
    Ukraine Defence Ministry" are two)."""
    first, rest = chunk[0], chunk[k + 1 :]
    if k != 1 or not first.cap or first.acronym or not 2 <= len(rest) <= 4 or rest[-1].low not in _AND_HEADS:
        return False
    if any(not t.cap for t in rest) or first.norm in gaz.countries or first.norm in gaz.demonyms:
        return False
    return first.norm not in gaz.known


def _is_org(chunk: list[Token], gaz: Gazetteer) -> bool:
    last = chunk[-1].norm if chunk[-1].possessive else chunk[-1].low  # "the Defence Ministry's statement"
    if len(chunk) > 1 and last in UNIT_HEADS and chunk[0].norm not in gaz.given_names:
        return True  # "Fighter Wing", "Expeditionary Air Group", but "Lorna Wing" is a person
    if len(chunk) > 1 and (last in ORG_HEADS or last in LEGAL_FORMS or any(t.text == "&" for t in chunk)):
        return True
    if len(chunk) > 2 and chunk[0].low in ORG_FIRST and chunk[1].low in ("of", "for"):
        return True
    if len(chunk) > 2 and [t.low for t in chunk[-3:]] == ["hall", "of", "fame"]:
        return True
    if len(chunk) > 1 and chunk[0].low in ORG_FIRST_ROMANCE:
        return True
    return any(t.low in ORG_HEADS and chunk[k + 1].low in ("of", "for") for k, t in enumerate(chunk[:-1]))


def _plausible_name(toks: list[Token]) -> bool:
    if not 1 <= len(toks) <= MAX_NAME_TOKENS or toks[0].low in TITLES:
        return False
    for k, t in enumerate(toks):
        if t.acronym and not (k and regnal(t)):
            return False
        if not (t.cap or t.initial or t.low in PARTICLES):
            return False
    return (
        not any(t.low in ORG_HEADS or t.low in PLACE_HEADS for t in toks) and toks[-1].low not in MISC_HEADS
    )


def _read_titled(doc: _Doc, index: int, toks: list[Token], i: int, j: int) -> bool:
    """A title and a name in one run: "Ukrainian President Volodymyr Zelenskyy", "Gen. Kellogg"."""
    titles = [k for k in range(i, j) if is_title(toks[k])]
    if not titles and j - i >= 2 and toks[j - 2].text in _FRENCH_TITLES:
        titles = [j - 2]  # "M. Tabarot" is Mr Tabarot, though "M." is an initial in "M. Night Shyamalan"
    if not titles:
        return False
    t = titles[-1]
    k, portfolio = t + 1, -1
    if k < j and toks[k].low in ("of", "for"):
        k += 1
        if k < j and toks[k].low == "the":
            k += 1
        portfolio = k
        while k < j and toks[k].low in PORTFOLIOS and toks[k].norm not in doc.gaz.given_names:
            k += 1
        place = _leading_place(doc.gaz, toks[k:j])
        # "Envoy for Yemen Tim Lenderking", "Envoy for Yemen"; but after a portfolio a name follows, though
        # a place has it too ("Secretary of State Lincoln")
        if place and (k + place[1] < j or k == portfolio):
            k += place[1]
    name = toks[k:j]
    if name and all(t.norm in TITLES for t in name):
        _read_places(doc, index, toks, i, j)  # "Prime Minister's Questions", "the President's office"
        return True
    if k == portfolio and _office_of_body(doc, toks, t, k, j):
        return False
    if not _plausible_name(name):
        return False
    for a, b, place in _places_in(doc.gaz, toks, i, t + 1):
        _add(doc, index, toks[a:b], place[1], canonical=place[0], why="list")
    honorific = toks[t].low in ("sir", "dame") and len(name) == 1
    cand = _add(doc, index, name, "person", context="given" if honorific else "title", why="title")
    role = roles.title_role(doc.text, toks, i, k) if toks[t].text not in _FRENCH_TITLES else None
    role = role and roles.clean(role)
    if role:
        cand.roles.append(role)
    before = roles.lead_role(doc.text, toks, i) if i > 0 and toks[i - 1].text == "," else None
    if before:  # "his national security adviser, Rep. Michael Waltz"
        cand.roles.append(before)
    _roles(doc, cand, toks, k, j)
    return True


def is_title(tok: Token) -> bool:
    """A title word: "President", "Gen.", "Secretary-General", "President-elect"."""
    return tok.low in TITLES or ("-" in tok.low and any(p in TITLES for p in tok.low.split("-")))


def _places_in(gaz: Gazetteer, toks: list[Token], i: int, j: int):
    """Known places and actors inside a title ("Swedish Defense Minister" holds Sweden)."""
    k = i
    while k < j:
        hit = _leading_place(gaz, toks[k:j])
        if hit:
            yield k, k + hit[1], (hit[0], hit[2])
            k += hit[1]
        else:
            k += 1


def _leading_place(gaz: Gazetteer, chunk: list[Token]):
    """The longest known name at the start of ``chunk``: (canonical, width, type), else None."""
    for width in range(min(len(chunk), 4), 0, -1):
        norm = " ".join(t.norm for t in chunk[:width])
        known = _known(gaz, norm, acronym=width == 1 and chunk[0].acronym)
        if known:
            return known[0], width, known[1]
    return None


def _read_plain(doc: _Doc, index: int, toks: list[Token], i: int, j: int, initial: bool) -> None:
    """A run with no title and no organisation head: type it by its shape, or leave it to the text."""
    chunk = toks[i:j]
    first, last = chunk[0], chunk[-1]
    head = next((t for t in reversed(chunk) if t.low not in ROMAN and not regnal(t)), last)
    if head.low in MISC_HEADS or first.low in MISC_FIRST or all(is_title(t) for t in chunk):
        return
    if len(chunk) == 1 and (first.low in LONE_NOT_NAMES or len(first.low) < 2 or "'" in first.norm):
        return
    if len(chunk) == 1 and first.low == "west" and i > 0 and toks[i - 1].low == "the":
        # "attacks against the West": the Western world, a place as the news treats it
        _add(doc, index, chunk, "place", canonical="the West", why="list")
        return
    if len(chunk) == 1 and initial and first.low in GROUP_NOUNS:
        return
    if len(chunk) == 1 and first.low in PLACE_HEADS and j < len(toks) and toks[j].low in COMPANY_NOUNS:
        return  # "Dock workers", "Port employees": a place word that says what people do, no place's name
    common = all(t.norm in doc.lower for t in chunk)
    type_: ActorType | None = None
    why = ""
    if last.possessive and _company_officer(toks, j):
        type_, why = "organization", "brand"  # "Castellan's chief executive": a company has officers
    # "St. Johnsbury": a saint's name begins a place's
    elif len(chunk) > 1 and (last.low in PLACE_HEADS or first.low in _PLACE_FIRST):
        type_, why = "place", "placehead"
    elif len(chunk) == 1 and first.acronym and first.norm in NOT_ACRONYMS:
        return
    elif len(chunk) == 1 and not initial and first.low in ORG_HEADS:
        type_, why = "organization", "head"  # "the Coalition", "the League": a head capitalised names one
    elif len(chunk) == 1 and not initial and first.low in PLACE_HEADS:
        type_, why = "place", "placehead"
    elif first.acronym:
        type_, why = "organization", "acronym"
    elif (
        len(chunk) > 1
        and first.norm in doc.gaz.given_names
        and _plausible_name(chunk)
        and not _arabic_place(toks, i)
    ):
        type_, why = "person", "given"
    elif len(chunk) == 2 and first.low in _FOREIGN_ARTICLES and _in_german_or_french(toks):
        pass  # "Le Quotidien", "Die Zeit": no person, and "Le Pen" only as a surname
    elif len(chunk) > 1 and _has_particle(chunk):
        type_, why = ("place" if _context(toks, i, j) == "place" else "person"), "particle"
    elif len(chunk) == 1 and not initial and not common and _before_government(toks, i, j):
        type_, why = "person", "context"  # "the Obama administration": a ruler; states.py makes it his
    elif len(chunk) > 1 and not common:
        plural = (last.low.endswith("s") and (len(chunk) > 2 or _team(toks, i, j))) or any(
            t.low in ORG_HEADS for t in chunk
        )
        # a surname is not a word the text also writes in lower case ("Thirty Seconds")
        type_ = (
            "organization"
            if (last.acronym and not regnal(last)) or plural or last.norm in doc.lower
            else "person"
        )
        why = "shape"
        placed = (i > 0 and toks[i - 1].low in PLACE_CONTEXT) or _next_is_place_head(toks, j)
        # "Rhondda Cynon Taf council said": a place's local council
        placed = placed or (j < len(toks) and toks[j].text == "council")
        if type_ == "person" and placed:
            type_, why = "place", "context"
        elif type_ == "person" and len(chunk) == 2 and doc.gaz.place(last.norm) and not first.initial:
            type_ = "organization"  # "Nasdaq Copenhagen", "Euronext Paris": a body and its city
    brand = last.possessive and _brand_context(toks, j)
    context = _context(toks, i, j)
    if why == "shape" and j < len(toks) and toks[j].low in COMPANY_NOUNS and not toks[j].cap:
        type_ = "organization"  # "Tessvik Marine shares": a company, as "Volkswagen plants" is
    elif type_ is None and not common and _body_that_acts(toks, j) and not (i > 0 and toks[i - 1].possessive):
        type_, why = "organization", "brand"  # as firm as "Volkswagen plants"
    elif type_ == "person" and why in ("shape", "particle") and _person_cue(doc.gaz, toks, i, j):
        why = "title"  # as firm as a title: the tagger keeps it
    cand = _add(
        doc, index, chunk, type_, initial=initial, brand=brand, context=context, common=common, why=why
    )
    _roles(doc, cand, toks, i, j)


_GOVERNMENTS = GOVERNMENTS - {"junta"}
# words that begin a place's name: "Mount", "North", a saint's ("St. Johnsbury") and place heads that
# British usage puts first ("River Calder", "Loch Ness")
_PLACE_FIRST = PLACE_FIRST | PLACE_MODIFIERS | SAINTS | words("river loch")


def _team(toks: list[Token], i: int, j: int) -> bool:
    """ "the Harbour Gulls", "the Red Lanterns": "the" and a name of two words ending in a plural are a
    team, a band or a party, not a person ("Sarah Jones" takes no article)."""
    last = toks[j - 1].low
    return i > 0 and toks[i - 1].low == "the" and not last.endswith(("ss", "'s", "’s")) and len(last) > 3


def _person_cue(gaz: Gazetteer, toks: list[Token], i: int, j: int) -> bool:
    """Words around a name of two or three words that only a person's name has: a country's possessive
    before it ("Ethiopia's Tigist Alemu"), a country after "of" ("Tigist Alemu of Ethiopia"), or a
    government named after its head ("the state government of Hyacinth Alia")."""
    name = toks[i:j]
    if not 2 <= len(name) <= 3 or name[-1].low.endswith("s"):
        return False  # "Boy Scouts of America"
    if any(t.low in ORG_HEADS or t.low in PLACE_HEADS or t.low in MISC_HEADS for t in name):
        return False  # "State Railway of Thailand"
    if i > 0 and toks[i - 1].possessive and toks[i - 1].norm in gaz.countries:
        return True
    if i > 1 and toks[i - 1].low == "of" and toks[i - 2].low in _GOVERNMENTS:
        return True
    if j + 1 >= len(toks) or toks[j].low != "of":
        return False
    if _of_the_body(toks, j + 1):
        return True
    for width in (3, 2, 1):  # a whole country's name, not the start of a longer one
        span = toks[j + 1 : j + 1 + width]
        after = toks[j + 1 + width] if j + 1 + width < len(toks) else None
        whole = len(span) == width and all(t.cap for t in span) and not (after and after.name_like)
        if whole and " ".join(t.norm for t in span) in gaz.countries:
            return True
    return False


def _of_the_body(toks: list[Token], k: int) -> bool:
    """ "Mareike Stolzenberg of the Green Party": "the" and a body's capitalised name after a name's "of"
    say whose member the person is."""
    if k >= len(toks) or toks[k].low != "the":
        return False
    end = k + 1
    while end < len(toks) and toks[end].cap and end - k <= 5:
        end += 1
    return end > k + 2 and toks[end - 1].low in ORG_HEADS


def _before_government(toks: list[Token], i: int, j: int) -> bool:
    """ "the Obama administration": a word between "the" and a lower-case word of government."""
    return i > 0 and toks[i - 1].low == "the" and j < len(toks) and toks[j].norm in _GOVERNMENTS


def _has_particle(chunk: list[Token]) -> bool:
    return any(t.low in PARTICLES or ("-" in t.low and t.low.split("-")[0] in PARTICLES) for t in chunk)


def _brand_context(toks: list[Token], j: int) -> bool:
    return j >= len(toks) or not toks[j].word or toks[j].low in SUBJECT_VERBS


def _next_is_place_head(toks: list[Token], j: int) -> bool:
    """ "Darfur region", "Gare du Nord station": a lower-case place word right after the run."""
    return j < len(toks) and toks[j].word and not toks[j].cap and toks[j].low in PLACE_HEADS


def _context(toks: list[Token], i: int, j: int) -> str:
    """What the words around an untyped run say it is: "in X", "X region" (place); "X said" (person);
    "according to X", "X plants" (an organisation: a news agency, a company)."""
    if i > 1 and toks[i - 1].low == "to" and toks[i - 2].low == "according":
        return "organization"
    if j < len(toks) and toks[j].word and not toks[j].cap and toks[j].low in COMPANY_NOUNS:
        return "organization"
    if i > 0 and toks[i - 1].low in PLACE_PREPOSITIONS:
        return "place"
    if i > 1 and toks[i - 1].low == "the" and toks[i - 2].low in _ACROSS:
        return "place"  # "across the Rhine", "throughout the Balkans"
    if i > 1 and toks[i - 1].low == "of" and not toks[i - 2].cap and toks[i - 2].low in PLACE_OF:
        return "place"  # "the town of Tel Tamer", "the municipality of Zandvoort"
    if _listed_after_place(toks, i) or _paired_with_town(toks, i):
        return "place"
    if _next_is_place_head(toks, j):
        return "place"
    if j < len(toks) and toks[j].low in SPEECH_VERBS:
        return "person"
    if j + 1 < len(toks) and toks[j].text == "," and toks[j + 1].low in ("who", "whose"):
        return "person"
    if _body_that_acts(toks, j) and not (i > 0 and toks[i - 1].possessive):
        return "organization"
    if j + 1 < len(toks) and toks[j].text == "," and _in_region(toks, j + 1):
        return "place"  # "Metairie, Louisiana": a town, then its state or country
    return ""


def _body_that_acts(toks: list[Token], j: int) -> bool:
    """ "Spotify, which filed the complaint": a name that does what a company does, after ", which"."""
    if j + 2 >= len(toks) or toks[j].text != ",":
        return False
    return toks[j + 1].low == "which" and toks[j + 2].low in _DOINGS


# what a body does after "X, which": a place "lies", "borders", "has" as well; a company "filed"
_DOINGS = words(
    """
    filed sued sells sold makes made owns owned operates operated employs employed announced reported
    produces produced runs ran manufactures publishes published lobbied appealed
    """
)
# prepositions of places before "the" and a place's name; "in the", "at the", "to the" as often begin a
# body's ("in the Senate", "at the Guardian")
_ACROSS = words("across throughout near outside inside around within along")


def _company_officer(toks: list[Token], j: int) -> bool:
    """ "chief executive", "CEO", "chairman", "board" at ``j``: the officers a company has."""
    if j >= len(toks):
        return False
    low = toks[j].low
    if low == "chief" and j + 1 < len(toks):
        return toks[j + 1].low in ("executive", "financial", "operating")
    return low in ("ceo", "cfo", "chairman", "chairwoman", "board", "shareholders")


def _listed_after_place(toks: list[Token], i: int) -> bool:
    """ "in Qamenas, Sarmin and Talamenes": a name in a list that a place preposition opens."""
    k = i - 1
    if k < 0 or toks[k].low not in (",", "and", "or"):
        return False
    while k >= 0 and (toks[k].name_like or toks[k].low in (",", "and", "or")):
        k -= 1
    return k >= 0 and k < i - 2 and toks[k].low in PLACE_CONTEXT


def _paired_with_town(toks: list[Token], i: int) -> bool:
    """ "attacks on Aleppo and Daraya": a name joined by "and"/"or" to a known town or region just before
    it is one too."""
    if i < 2 or toks[i - 1].low not in ("and", "or"):
        return False
    k = i - 1
    while k > 0 and toks[k - 1].name_like and i - k < 4:
        k -= 1
    if k == i - 1:
        return False
    return load_gazetteer().place(" ".join(t.norm for t in toks[k : i - 1])) is not None


def _in_region(toks: list[Token], k: int) -> bool:
    """A known country or region starts at ``k`` and ends the clause."""
    gaz = load_gazetteer()
    for width in (3, 2, 1):
        end = k + width
        if end <= len(toks) and all(t.cap for t in toks[k:end]):
            norm = " ".join(t.norm for t in toks[k:end])
            if (norm in gaz.countries or norm in gaz.places) and (end == len(toks) or not toks[end].word):
                return True
    return False


# A US politician's party and state in brackets: "Paul Ryan (R-WI)", "Bob Menendez (D-N.J.)", "(D)"
_PARTY_LABEL = re.compile(r"\([DRI](?:-[A-Z][A-Za-z.]*)?\)")


def _without_party_labels(candidates: list[Candidate], text: str) -> list[Candidate]:
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


def same_type(candidates: list[Candidate]) -> None:
    """A name written the same way is one kind of actor throughout the text: where the tagger typed its
    mentions differently, they take the type a firm rule gave it (a list, a title...), else the type most
    of its mentions have (on a tie they stay as they are)."""
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
    for c in candidates:
        if c.type is None or c.why in FIRM or c.alias_of is not None or len(votes[c.norm]) < 2:
            continue
        win = firm.get(c.norm)
        if win is None:
            (win, most), (_, second) = votes[c.norm].most_common(2)
            if most == second:
                continue
        if win != c.type:
            like = model[(c.norm, win)]
            c.type, c.canonical = like.type, like.canonical


def with_article_and_number(candidates: list[Candidate], tokens: list[list[Token]]) -> None:
    """Widen a name over a capitalised "The" inside a sentence ("made to The Sunday Times", "the band The
    Used": only the start of a sentence capitalises a "The" that is no part of a name), and an
    organisation over its number: an ordinal ("the 158th Fighter Wing") or a small number before a unit
    ("65 Air Division"). A unit's canonical name takes its number: "3 Air Division" is not "65 Air
    Division"."""
    where: dict[int, dict[int, int]] = {}
    for c in candidates:
        if c.type is None or c.type == "person" or c.sentence >= len(tokens):
            continue
        toks = tokens[c.sentence]
        at = where.get(c.sentence)
        if at is None:
            at = where[c.sentence] = {t.start: k for k, t in enumerate(toks)}
        i = at.get(c.toks[0].start)
        if i is None:
            continue
        last = at.get(c.toks[-1].start)
        if c.type == "organization" and last is not None and _unit_number(toks, last):
            _number_after(c, toks[last + 1])
        if i < 1:
            continue
        before = toks[i - 1]
        if before.text == "The" and i > 1 and (toks[i - 2].word or toks[i - 2].text == ","):
            c.toks = [before, *c.toks]
        elif c.type == "organization" and (
            _ORDINAL.fullmatch(before.text)
            or (before.text.isdigit() and len(before.text) < 4 and c.toks[-1].low in UNIT_HEADS)
        ):
            plain = c.canonical == " ".join(t.text for t in c.toks)
            c.toks = [before, *c.toks]
            if plain:
                c.canonical = " ".join(t.text for t in c.toks)


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
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


def _number_after(c: Candidate, num: Token) -> None:
    plain = c.canonical == " ".join(t.text for t in c.toks)
    c.toks = [*c.toks, num]
    if plain:
        c.canonical = " ".join(t.text for t in c.toks)


def _roles(doc: _Doc, cand: Candidate, toks: list[Token], i: int, j: int) -> None:
    if cand.type == "place":
        return
    for role in (
        roles.lead_role(doc.text, toks, i),
        roles.apposition_role(doc.text, toks, j),
        roles.as_role(doc.text, toks, j) if cand.type in ("person", None) else None,
    ):
        if role:
            cand.roles.append(role)
    if j + 2 < len(toks) and toks[j].text == "(" and toks[j + 1].acronym and toks[j + 2].text == ")":
        _add(doc, cand.sentence, [toks[j + 1]], cand.type, alias_of=cand.norm, why="bracket")


__all__ = ["Candidate", "extract_actors"]
