"""The rules' reading of one sentence: its capitalised runs split into candidate actors, each typed by
the lists, its heads and titles, its shape or the words around it (``briefing.actors`` step 4)."""

from __future__ import annotations

import re
from typing import Any

from briefing import roles
from briefing.aliases import GENERATIONAL, PARTICLES, fold
from briefing.chunks import NAME_POSSESSIVES, chunks
from briefing.context import (
    after_office,
    before_government,
    body_that_acts,
    brand_context,
    company_officer,
    context_cue,
    is_team,
    next_is_place_head,
    person_cue,
)
from briefing.coref import Candidate
from briefing.cues import (
    COMMON,
    COMPANY_NOUNS,
    FOREIGN_OPENERS,
    GROUP_NOUNS,
    LONE_NOT_NAMES,
    MISC_FIRST,
    MISC_HEADS,
    NOT_ACRONYMS,
    OCCUPATIONS,
    ORG_HEADS,
    PERSON_NOUNS,
    PERSON_VERBS,
    PLACE_CONTEXT,
    PLACE_FIRST,
    PLACE_HEADS,
    PLACE_MODIFIERS,
    PLACE_PREPOSITIONS,
    PORTFOLIOS,
    PUBLIC_NOUNS,
    ROLE_NOUNS,
    SAINTS,
    SPEECH_VERBS,
    SUBJECT_VERBS,
    words,
)
from briefing.foreign import in_german_or_french, speaks_in_french
from briefing.gazetteer import Gazetteer
from briefing.kinds import DEFINED
from briefing.models import ActorType
from briefing.names import (
    FOREIGN_ARTICLES,
    ROMAN,
    SMALL,
    Doc,
    add_candidate,
    is_title,
    known_name,
    leading_place,
    plausible_name,
    read_places,
    read_roles,
    regnal,
)
from briefing.offices import is_office, office_holder, read_titled, titled_office
from briefing.shapes import (
    arabic_place,
    given_name_first,
    has_particle,
    is_org,
    opening_near,
    role_then_name,
    spelt_after,
    split_joined,
    splits_after_place,
)
from briefing.tokens import Token

_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def _rating(toks: list[Token], j: int) -> bool:
    """Is the run before ``j`` a rating, a military job title and its class before a name: "Navy Special
    Warfare Operator 1st Class Charles Keating", "Hospital Corpsman 3rd Class Lia Moss"? Its words name
    no body ("Navy Explosive Ordnance Disposal Technician" is no organisation); the name after is read
    as usual. A run with a title word is left to the title rules ("Petty Officer 2nd Class Mark Lee")."""
    return j + 2 < len(toks) and bool(_ORDINAL.fullmatch(toks[j].low)) and toks[j + 1].text == "Class"


def _generational(chunk: list[Token]) -> bool:
    """Does a run end with "Jr." or "Sr." after capitalised names and no title ("Griffey Sr.", "Donald Trump
    Jr.")? Only a person's name ends so; "Rev. Martin Luther King Jr." is left to the title's reading."""
    if len(chunk) < 2 or chunk[-1].norm not in GENERATIONAL:
        return False
    return all(t.cap and t.word and not is_title(t) for t in chunk[:-1])


def _class_holder(doc: Doc, toks: list[Token], i: int, j: int) -> bool:
    """Is the run the "Class" of a rating whose ordinal stands before it, then its holder's name ("Petty
    Officer 2nd | Class Quill Marrow", "Airman First | Class ...")? The rank makes the name a person's
    however unknown its words; "Class" is no part of it. The rating's word before the ordinal is
    capitalised ("flew First Class London" is no rank), and a name the lists know is read as usual."""
    if j - i < 2 or i < 2 or toks[i].text != "Class" or not toks[i - 2].cap:
        return False
    before, name = toks[i - 1].low, toks[i + 1 : j]
    if not (_ORDINAL.fullmatch(before) or before in roles.CLASSES):
        return False
    known = known_name(doc.gaz, " ".join(t.norm for t in name))
    return known is None and plausible_name(name, doc.gaz.given_names)


def _a_law(toks: list[Token], i: int, j: int) -> bool:
    """Is the run a body of law's name: "the Law of Armed Conflict", "the Law of the Sea", "the Laws of
    War"? It names no one ("Armed Conflict" is no person, "Sea" no place)."""
    return j - i > 2 and toks[i].text in ("Law", "Laws") and toks[i + 1].low == "of"


def _law_of_a_place(doc: Doc, index: int, toks: list[Token], i: int, j: int) -> None:
    """The place whose law a body of law's name says it is: "the Law of Ukraine on Mobilization" is
    Ukraine's law, news of Ukraine, as "the President of Ukraine" is; "the Law of the Sea" and "the Law of
    Armed Conflict" name no place the lists know, so nothing."""
    k = i + 3 if toks[i + 2].low == "the" else i + 2
    place = leading_place(doc.gaz, toks[k:j])
    if place and place[2] == "place":
        add_candidate(doc, index, toks[k : k + place[1]], "place", canonical=place[0], why="list")


def read_sentence(doc: Doc, index: int, toks: list[Token]) -> None:
    first_word = next((k for k, t in enumerate(toks) if t.word), -1)
    runs = chunks(toks)
    arm = 0
    for at, (i, j) in enumerate(runs):
        if i < arm:
            continue
        if _a_law(toks, i, j):
            _law_of_a_place(doc, index, toks, i, j)
            continue
        if _class_holder(doc, toks, i, j):
            add_candidate(doc, index, toks[i + 1 : j], "person", context="title", why="title")
            continue
        last = max((k for k in range(i, j) if toks[k].low in ("and", "&")), default=i - 1)
        if _rating(toks, j) and not any(is_title(t) for t in toks[last + 1 : j]):
            # the rating is the run's last conjunct: "Class Mark Lee and Airman 1st Class Tom Brown",
            # "Fireman Recruit Sam Hale and Hospital Corpsman 3rd Class Dana Whitfield"
            j = max(last, i)
            if i == j:
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


def _coalitions_against(doc: Doc, index: int, toks: list[Token]) -> None:
    """ "the counter-ISIL coalition", "the anti-Houthi alliance": a body named for a known actor it
    fights, in lower case."""
    for k, tok in enumerate(toks[:-1]):
        if tok.cap or not tok.low.startswith(_AGAINST) or toks[k + 1].low not in _ALLIANCES:
            continue
        enemy = tok.text.split("-", 1)[1]
        if enemy[:1].isupper() and known_name(doc.gaz, fold(enemy)) is not None:
            add_candidate(doc, index, toks[k : k + 2], "organization", why="head")


def _national_arm(doc: Doc, toks: list[Token], run: tuple[int, int], after: tuple[int, int]) -> bool:
    """ "McDonald's Ireland", "Tesco's Hungary": a company's arm in a country is one organisation, when the
    name before the possessive is no place, no known actor and no given name."""
    (i, j), (a, b) = run, after
    last = toks[j - 1]
    if a != j or not last.possessive or last.low in NAME_POSSESSIVES:
        return False
    if b < len(toks) and toks[b].name_like:
        return False
    owner = " ".join(t.norm for t in toks[i:j])
    if known_name(doc.gaz, owner) is not None or toks[i].norm in doc.gaz.given_names or is_title(toks[i]):
        return False
    return " ".join(t.norm for t in toks[a:b]) in doc.gaz.countries


def _common_plural(doc: Doc, tok: Token) -> bool:
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
    return not _surname_before(doc, tok)


def _surname_before(doc: Doc, tok: Token) -> bool:
    """Has the text already ended a longer name with the word ("Tiger Woods" before "Woods said")?"""
    return any(len(c.toks) > 1 and c.toks[-1].norm == tok.norm for c in doc.candidates)


_PEOPLE = PERSON_NOUNS | OCCUPATIONS | PUBLIC_NOUNS


def _crowd(doc: Doc, tok: Token) -> bool:
    """A sentence's first word that is the plural of a word for people in the news: "Fans", "Teachers",
    "Fishermen", or a plural of the shape of one that no list knows ("Mourners", ``_people_plural``). A
    speech verb after it ("Fans said") tells of a crowd, so it is no cue of a person's name, as it is
    after a surname alone ("Jones said"); a surname the text gave before stays one."""
    low = tok.low
    if tok.acronym or tok.possessive or len(low) < 4 or low.endswith("ss"):
        return False
    if low.endswith("men"):
        singular = {low[:-3] + "man"}
    elif low.endswith("ies"):
        singular = {low[:-3] + "y"}
    elif low.endswith("s"):
        singular = {low[:-1], low[:-2]}
    else:
        return False
    if singular & _PEOPLE:
        return not _surname_before(doc, tok)
    return _people_plural(doc, tok)


# endings of plural nouns for people: doers ("mourners", "bystanders", "survivors"), "-ants" and "-ents"
# ("migrants", "residents"), "-ists", "-ians", "-ees" ("evacuees"), and "rebels", "locals", "medics",
# "hostages", "pilgrims"
_PEOPLE_PLURALS = ("ers", "ors", "ants", "ents", "ists", "ians", "ees", "els", "als", "ics", "ages", "ims")
# a title's abbreviation before a surname: "Mr. Sanders", "Sen. Myers"
_SHORT_TITLE = re.compile(r"[A-Z][a-z]{0,2}\.")


def _people_plural(doc: Doc, tok: Token) -> bool:
    """Is a sentence's first word a plural noun for people that no list holds ("Mourners said",
    "Bystanders said", "Evacuees said")? It has a plural's ending for people, the lists know it as no name
    (a given name, a body, a place), and nowhere does the text end a longer name with it ("Bernie Sanders",
    "Mr. Sanders"): a lone surname that speaks is one the text names in full, before or after."""
    low = tok.low
    if len(low) < 6 or not low.endswith(_PEOPLE_PLURALS) or tok.norm in doc.gaz.given_names:
        return False
    if known_name(doc.gaz, tok.norm) is not None:
        return False
    for m in re.finditer(rf"(\S+)\s+{re.escape(tok.text)}\b", doc.text):
        before = m.group(1)
        if before[:1].isupper() and (before[-1].isalpha() or _SHORT_TITLE.fullmatch(before)):
            return False
    return True


# words that open a pair ("Neither X nor Y", "Either X or Y"); "Both" is a function word already (not
# name-like); kept out of ``COMMON``, whose words are features of the tagger's shipped weights
_PAIR_OPENERS = frozenset({"neither", "either"})
# verbs that open a request to write to someone: "Email Nick", "Contact Sarah", "Follow Dan on X"
_CONTACT_VERBS = frozenset({"email", "e-mail", "contact", "follow", "tweet", "message", "dm"})


def _not_a_name(doc: Doc, toks: list[Token], i: int, j: int) -> bool:
    """A sentence's capitalised first word that is no name: the text uses it in lower case, it is a
    gerund or an adverb, or it is an unknown word before a known name ("Meek Europe"). A run the lists know
    whole is a name, though its first word is common ("Northern Ireland's first minister"), and a title
    before "of" opens an office whether or not the text also writes the title in lower case ("appointed
    her as minister of public works. Minister of Health Armindo Tiago said"): its holder keeps the role."""
    tok = toks[i]
    if known_name(doc.gaz, " ".join(t.norm for t in toks[i:j])) is not None:
        return False
    if tok.norm in PARTICLES and toks[i + 1].norm in PARTICLES | {t.norm for t in toks[i + 1 : j] if t.cap}:
        return False  # "Van der Berg said": a particle that begins a surname, though "van" is lower case
    if is_title(tok) and i + 1 < j and toks[i + 1].low == "of":
        return False  # "Minister of Health Armindo Tiago said": an office, "minister" in lower case or not
    if tok.norm in doc.lower or tok.low in _CONTACT_VERBS:
        return True  # "Email Nick with any tip-offs": a live blog's request, no one called Email Nick
    if tok.low in FOREIGN_OPENERS and in_german_or_french(toks):
        return True  # "Selon Le Pen, le budget est injuste": "according to", no part of her name
    if tok.low in _PAIR_OPENERS:
        return True  # "Neither Scholz nor Meloni": a pair's opening word, no part of the name after it
    if known_name(doc.gaz, tok.norm) is not None or tok.norm in doc.gaz.given_names or is_title(tok):
        return False
    rest = " ".join(t.norm for t in toks[i + 1 : j])
    if tok.low.endswith(("ing", "ly")):
        return True
    known = known_name(doc.gaz, rest)
    return known is not None and not _given_before_surname(doc, toks, i, j, known)


def _named_surname(doc: Doc, chunk: list[Token]) -> bool:
    """Is the run's last word the surname of another person the text named in full before, by a given name
    or a title ("George W. Bush" before "Jeb Bush"; not "Devil Rays" before "Devil Rays", whose first
    reading as a person the words around may yet undo)?"""
    surname, first = chunk[-1].norm, chunk[0].norm
    return any(
        c.type == "person"
        and c.why in ("given", "title", "list")
        and len(c.toks) > 1
        and c.toks[-1].norm == surname
        and c.toks[0].norm != first
        for c in doc.candidates
    )


# words that open a sentence before a name and are no given name: prepositions and imperatives the
# ``COMMON`` list lacks ("Like Trump, the crowd cheered", "Ask Trump, and he will say"); kept out of
# ``COMMON``, whose words are features of the tagger's shipped weights
_NO_GIVEN_NAMES = words(
    """
    like unlike alongside behind beside besides except including excluding regarding concerning
    following past opposite beneath underneath inside outside ask tell meet thank blame let
    """
)
# what follows a sentence's subject: a verb ("Ivanka Trump has said", "Jeb Bush also spoke"), not the
# noun a name modifies ("Gaza Netanyahu critics said", "Hostage Netanyahu talks stalled")
_SUBJECT_NEXT = (
    SPEECH_VERBS
    | PERSON_VERBS
    | (SUBJECT_VERBS - words("shares stock"))
    | words(
        """
        who whose also has have is was will would could can should may might must did does had spoke
        became becomes joined left took gave called urged wore met later then once never still again
        recently already first
        """
    )
)


def _given_before_surname(doc: Doc, toks: list[Token], i: int, j: int, known: tuple[str, ActorType]) -> bool:
    """Is an unlisted first word of a sentence the given name before the surname of a person the lists or
    the text before know, the subject of the sentence ("Melania Trump, who...", "Ivanka Trump has said",
    "Jeb Bush, the former governor" after George W. Bush, though a list knows a place Bush)? A plain
    capitalised word the lists know as nothing else (not "Gaza", "Israeli", "American", nor "Like" or
    "Behind"), and one surname (with its particles: "Rifaat al-Assad"), which a comma or a verb follows;
    a possessive ("Despite Trump's") ends no subject, and a noun after it ("Brussels Trump critics")
    makes the run a modifier."""
    if known[1] != "person" and not _named_surname(doc, toks[i:j]):
        return False
    return _given_then_surname(doc, toks, i, j)


def _given_then_surname(doc: Doc, toks: list[Token], i: int, j: int) -> bool:
    """The shape ``_given_before_surname`` asks of the run: a plain first word the lists know as nothing
    else, one surname, and a comma or a verb after it."""
    first = toks[i]
    if not first.word or first.acronym or first.initial or len(first.low) < 3 or is_title(first):
        return False  # "Fireman Hale said": a rating and the surname
    if first.low in COMMON or first.low in _NO_GIVEN_NAMES or known_name(doc.gaz, first.norm) is not None:
        return False  # "Like Trump, the crowd", "Israeli Netanyahu allies", "Ohio Biden voters"
    if sum(1 for t in toks[i + 1 : j] if t.norm not in PARTICLES) != 1 or toks[j - 1].possessive:
        return False
    after = toks[j] if j < len(toks) else None
    return after is not None and (after.text == "," or (after.word and after.low in _SUBJECT_NEXT))


def _party_with_and(doc: Doc, toks: list[Token], i: int, j: int) -> bool:
    """Is the run one party's name of words joined by "and": before "party" in lower case ("the Law and
    Justice party", "Turkey's ruling Justice and Development party"), or where the text has so named it
    before ("Law and Justice said")? Parties are named for ideals, and no word of the name is a person's,
    a place's or a known body's, so the run is no list of several actors ("Russia and Ukraine", "Tom and
    Jerry", "Labour and Reform UK")."""
    chunk = toks[i:j]
    ands = [k for k, t in enumerate(chunk) if t.low == "and" and not t.cap]
    if not ands or not 0 < ands[0] < len(chunk) - 1:
        return False
    norm = " ".join(t.norm for t in chunk)
    if any(c.type == "organization" and c.norm == norm and c.why == "head" for c in doc.candidates):
        return True
    if j >= len(toks) or toks[j].low != "party" or toks[j].cap:
        return False
    parts = [t for t in chunk if t.low != "and"]
    return all(
        t.word and t.cap and not t.acronym and not t.possessive and t.norm not in doc.gaz.given_names
        and known_name(doc.gaz, t.norm) is None
        for t in parts
    )  # fmt: skip


def _read_chunk(doc: Doc, index: int, toks: list[Token], i: int, j: int, initial: bool) -> None:
    """Split one capitalised run into candidates and type what can be typed from the run alone."""
    while i < j and not toks[i].name_like:
        i += 1
    if i >= j:
        return
    chunk = toks[i:j]
    if j < len(toks) and toks[j].word and not toks[j].cap and toks[j].low not in SMALL:
        # "the White house", "the Red cross": a known name whose last word the writer did not capitalise
        longer = doc.gaz.known.get(" ".join(t.norm for t in toks[i : j + 1]))
        if longer and not toks[j - 1].possessive:
            _whole(doc, index, toks, i, j + 1, longer[1], initial, canonical=longer[0], why="list")
            return
    if _seat_after_for(doc, toks, i, j):  # "The MP for Ealing said": the seat, no person called Ealing
        _seat(doc, index, toks, i, j, initial)
        return
    if held := _member_for(doc, toks, i, j):  # "The Member of Parliament for Ealing Central": a seat
        if held - i > 4:  # "Member of the European Parliament for London": that parliament is a body
            _read_chunk(doc, index, toks, i + 2 + (toks[i + 2].low == "the"), held - 1, False)
        _seat(doc, index, toks, held, j, False)
        return
    if width := _ends_office_places(doc, toks, i, j):
        _office_of_places(doc, index, toks, i, i + width, j)
        return
    if _party_with_and(doc, toks, i, j):  # "Poland's Law and Justice party", then "Law and Justice said"
        _whole(doc, index, toks, i, j, "organization", initial, why="head")
        return
    acronym = len(chunk) == 1 and chunk[0].acronym and not _opens_release(toks, i)
    exact = doc.gaz.exact_country(doc.text[chunk[0].start : chunk[-1].end])  # "França", not Franca
    norm = " ".join(t.norm for t in chunk)
    known: tuple[str, ActorType] | None = (
        (exact, "place") if exact else known_name(doc.gaz, norm, acronym=acronym)
    )
    split = None if known or spelt_after(toks, i, j) else split_joined(doc.gaz, chunk)
    if split is not None and _one_pair(doc, toks, i, j):
        # "Tom & Jerry was shown": one show or duo, as "Ant & Dec" is, not two people
        _whole(doc, index, toks, i, j, "organization", initial, why="head")
        return
    if split is not None:
        for a, b in split:
            if a and _seat_of_person(doc, toks, i + a, i + b):
                _seat(doc, index, toks, i + a, i + b, False)
            elif a and (seated := _seat_before_and(doc, toks, i + a, i + b)):
                # "councillor Jane Smith of Ealing and Conservative councillor Tom Jones": the seat, then
                # the next name
                _seat(doc, index, toks, i + a, seated, False)
                _read_chunk(doc, index, toks, seated + 1, i + b, False)
            elif a and _after_persons_of(doc, toks, i + a, i + b):
                # "Jane Smith of Ealing said": the verb speaks for Jane Smith; Ealing is where she is from,
                # and "Spokesman Tom Brown of Oxfam said" names the body a spokesman speaks for
                person = doc.candidates[-1]
                where = "organization" if person.why == "title" or person.roles else "place"
                read = len(doc.candidates)
                _read_chunk(doc, index, toks, i + a, i + b, False)
                for c in doc.candidates[read:]:
                    if c.type is None and c.context == "person":
                        c.context = where
            elif _paired_given_name(doc, chunk, a, b):
                # "Harry & Meghan", "hot Chas & Dave action": two people, though a list knows a place Chas
                _whole(doc, index, toks, i + a, i + b, "person", initial and a == 0, why="given")
            else:
                _read_chunk(doc, index, toks, i + a, i + b, initial and a == 0)
        return
    if known:
        # "in Toyota" says the city, not the company named after it (``org_coref.is_company_name``)
        # and "Jordan said" may be the surname of Michael Jordan (``coref.is_lone_place``)
        cue = context_cue(toks, i, j) if known[1] == "place" else ""
        where = cue if cue in ("place", "person") else ""
        if known[1] == "organization" and (place := _the_place(doc.gaz, toks, i, j)):
            known, where = (place, "place"), "place"
        _whole(doc, index, toks, i, j, known[1], initial, canonical=known[0], why="list", context=where)
    elif (
        chunk[0].norm not in doc.gaz.given_names
        and _given_then_surname(doc, toks, i, j)
        and _named_surname(doc, chunk)
    ):
        # "Jeb Bush, the former governor" after George W. Bush: a relative, though a list has a place Bush
        _whole(doc, index, toks, i, j, "person", initial, why="shape")
    elif _generational(chunk):  # "Trump Jr.", "Bush Sr.": a person, though a list knows "Trump" alone
        _whole(doc, index, toks, i, j, "person", initial, why="title")
    elif (of := titled_office(chunk)) and not read_titled(doc, index, toks, i, j):
        # "Secretary of the New Jersey Department of Public Safety": the office names the actor, but
        # "Secretary of State" names no one
        rest = i + of + 1 + (chunk[of + 1].low == "the")
        holder = office_holder(doc, toks, rest, j)
        if is_office(doc.gaz, chunk):  # "Secretary of State for Scotland": no one, but a place
            read_places(doc, index, toks, i, j)
        elif holder:  # "Secretary of the Harbour Board Anna Berg": the body, then who holds the office
            _read_chunk(doc, index, toks, rest, holder, False)
            cand = _whole(doc, index, toks, holder, j, "person", False, why="title")
            cand.roles.append(doc.text[toks[i].start : toks[holder - 1].end])
        elif not all(t.low in PORTFOLIOS for t in toks[rest:j]):
            _read_body(doc, index, toks, rest, j, chunk[of - 1])
    elif is_org(chunk, doc.gaz):
        _whole(doc, index, toks, i, j, "organization", initial, why="head")
    elif len(chunk) > 1 and (arabic_place(toks, i) or opening_near(toks, i, j)):
        # "near As Sultan Abdallah": an article after a place's preposition begins a place, whatever follows
        _whole(doc, index, toks, i, j, "place", initial, why="context")
    elif read_titled(doc, index, toks, i, j):
        pass
    elif is_title(chunk[-1]) or is_office(doc.gaz, chunk):
        # "the Foreign Secretary", "Iraqi Foreign Minister", "Special Representative for Libya": an office
        read_places(doc, index, toks, i, j)
    elif _place_then_body(doc, toks, i, j) and (
        given_name_first(doc.gaz, chunk) or _person_context(doc, toks, i, j)
    ):  # "Texas Instruments said", "Virginia Tech said": where a person would otherwise be read
        _whole(doc, index, toks, i, j, "organization", initial, why="head")
    elif given_name_first(doc.gaz, chunk) and not arabic_place(toks, i):
        _whole(doc, index, toks, i, j, "person", initial, why="given")
    elif kind := _country_then_kind(doc, chunk):  # "Israel Railways said", "Turkey Point said"
        _whole(doc, index, toks, i, j, kind, initial, why="head" if kind == "organization" else "placeend")
    elif _described_person(doc, toks, i, j) or _named_like_a_country(doc, toks, i, j):
        _whole(doc, index, toks, i, j, "person", initial, why="title")
    elif named := role_then_name(doc.gaz, chunk, listing=j < len(toks) and toks[j].low in (",", "and", "&")):
        cand = _whole(doc, index, toks, i + named, j, "person", False, why="role")
        start = _office_start(toks, i)  # "Speaker of the House Paul Ryan": an office, whatever its last word
        described = start < toks[i].start or any(t.low in ROLE_NOUNS for t in chunk[:named])
        # a sentence's first word is capitalised anyway: "Auch Friedrich Merz" ("also") has no role; nor
        # is an adjective one ("Bald Paul Walker")
        if (not initial or described) and (described or roles.names_an_occupation(chunk[:named])):
            cand.roles.append(doc.text[start : chunk[named - 1].end])
    elif lead := leading_place(doc.gaz, chunk):
        _read_after_place(doc, index, toks, i, j, initial, lead)
    else:
        _read_plain(doc, index, toks, i, j, initial)


def _ends_office_places(doc: Doc, toks: list[Token], i: int, j: int) -> int:
    """The width of a known place that opens the run and ends an office's places before it ("Ambassador to
    India and | Nepal Archbishop Giambattista Diquattro", "envoy for Iraq and | Syria Brett McGurk"): the
    place is the office's, no part of the name or title after it; else 0."""
    if i < 4 or toks[i - 1].low not in ("and", "or"):
        return 0
    lead = leading_place(doc.gaz, toks[i:j])
    if not lead or lead[2] != "place" or lead[1] >= j - i:
        return 0
    k = i - 2  # the place before "and": capitalised words after the office's "to", "for" or "of"
    while k > 0 and toks[k].cap and toks[k].word and i - k <= 5:
        k -= 1
    if k < 1 or toks[k].low not in ("to", "for", "of") or k + 1 > i - 2:
        return 0
    before = known_name(doc.gaz, " ".join(t.norm for t in toks[k + 1 : i - 1]))
    office = is_title(toks[k - 1]) or toks[k - 1].low in ROLE_NOUNS
    return lead[1] if before is not None and before[1] == "place" and office else 0


def _office_of_places(doc: Doc, index: int, toks: list[Token], i: int, place: int, j: int) -> None:
    """The place ``toks[i:place]`` that ends an office's places, then the run after it, whose person holds
    that office ("Vatican City-State Ambassador to India and Nepal") as well as any title of their own."""
    _read_chunk(doc, index, toks, i, place, False)
    known = len(doc.candidates)
    _read_chunk(doc, index, toks, place, j, False)
    person = next((c for c in doc.candidates[known:] if c.type == "person"), None)
    if person is None:
        return
    k = i - 2
    while toks[k].low not in ("to", "for", "of"):
        k -= 1
    first = k - 1  # the office's noun, and the capitalised words of its run before it
    while first > 0 and _in_office_name(toks[first - 1]):
        first -= 1
    person.roles.insert(0, doc.text[toks[first].start : toks[place - 1].end])


def _in_office_name(tok: Token) -> bool:
    """A capitalised word of the body or place an office noun is named after ("Vatican City-State")."""
    return tok.cap and tok.word and not tok.possessive and tok.low not in COMMON


def _office_start(toks: list[Token], i: int) -> int:
    """Where a role that ends in the run at ``toks[i]`` begins: at a title before "of (the)" ("Speaker of
    the House Paul Ryan" has the role "Speaker of the House", not "House"), else at the run."""
    k = i - 1 - (i > 0 and toks[i - 1].low == "the")
    if k > 0 and toks[k].low == "of" and (is_title(toks[k - 1]) or toks[k - 1].low in ROLE_NOUNS):
        return toks[k - 1].start
    return toks[i].start


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


def _read_body(doc: Doc, index: int, toks: list[Token], i: int, j: int, title: Token) -> None:
    """The name after an office's "of": a body, or a place (a mayor's, a governor's), never a person by
    its shape alone. A bishop's see ("The Bishop of Ealing said") is a place of one or two words, as
    ``_seat_of_person`` reads it, even where nothing typed the name yet: the verb after it would make a
    person of it."""
    known = len(doc.candidates)
    _read_chunk(doc, index, toks, i, j, False)
    place = title.low in _PLACE_OFFICES
    see = title.low in _SEES
    for c in doc.candidates[known:]:
        if c.type == "person" and c.why in ("shape", "particle", ""):
            c.type, c.why = ("place", "context") if place else ("organization", "head")
        elif c.type is None and place and c.context == "person" and len(c.toks) <= 2:
            # "The Mayor of Ealing said": the verb speaks for the mayor, not for a person called Ealing
            c.type, c.why = "place", "seat"
        elif c.type is None and see and len(c.toks) <= 2 and not any(t.low in ORG_HEADS for t in c.toks):
            c.type, c.why = "place", "context"


_PLACE_OFFICES = words("mayor governor")
# a church's offices, whose "of" names the see, a place, when one or two words ("the Bishop of Ealing"), but
# may name a body too ("the Bishop of the Diocese of Sioux City")
_SEES = words("bishop archbishop")


# titles whose holder sits for a place, so "of" after the holder's name says where: "Councillor Jane Smith
# of Ealing", "Regional governor Tomas Berkvist of Skane", "Bishop Robert Barron of Winona"
_SEATED = words(
    """
    governor gov mayor councillor councilor councilman councilwoman cllr alderman alderwoman senator sen
    representative rep congressman congresswoman assemblyman assemblywoman mp mep mla msp sheriff bishop
    archbishop premier prefect provost
    """
)


def _seat_after_for(doc: Doc, toks: list[Token], i: int, j: int) -> bool:
    """Is ``toks[i:j]`` the seat a title holds "for" ("the MP for Ealing", "the senator for Victoria"):
    one or two capitalised words, no organisation's head, acronym or possessive among them, and no list's
    body or person?"""
    if not 1 <= j - i <= 2 or i < 2 or toks[i - 1].low != "for" or toks[i - 2].low.rstrip(".") not in _SEATED:
        return False
    return _seat_words(doc, toks[i:j])


def _seat(doc: Doc, index: int, toks: list[Token], i: int, j: int, initial: bool) -> None:
    """The seat ``toks[i:j]`` a title holds is a place: by its list's name, else as written."""
    seat = known_name(doc.gaz, " ".join(t.norm for t in toks[i:j]))
    canonical, why = (seat[0], "list") if seat else (None, "seat")
    _whole(doc, index, toks, i, j, "place", initial, canonical=canonical, why=why)


def _member_for(doc: Doc, toks: list[Token], i: int, j: int) -> int:
    """Where the seat begins in "Member of Parliament for Ealing Central" (a member's office, then "for"
    and one to three capitalised words, as ``_seat_words`` reads them), else 0. The office names no one
    and no body: the seat after it is a place, not part of a body called "Parliament for Ealing Central"."""
    if j - i < 5 or toks[i].low != "member" or toks[i + 1].low != "of":
        return 0
    at = next((k for k in range(i + 2, min(j, i + 7)) if toks[k].low == "for"), 0)
    if not at or toks[at - 1].low not in _LEGISLATURES or not 1 <= j - at - 1 <= 7:
        return 0
    return at + 1 if _seat_parts(doc, toks[at + 1 : j]) else 0


def _seat_parts(doc: Doc, seat: list[Token]) -> bool:
    """Are the words after a member's "for" a seat: one to three capitalised words (``_seat_words``), or
    two such parts joined by "and", as constituencies are named after the towns they join ("Hackney North
    and Stoke Newington", "Ealing Central and Acton")? A seat is one place, not a body called "Parliament
    for Hackney North", nor two."""
    ands = [k for k, t in enumerate(seat) if t.low == "and" and not t.cap]
    if not ands:
        return len(seat) <= 3 and _seat_words(doc, seat)
    if len(ands) > 1:
        return False
    left, right = seat[: ands[0]], seat[ands[0] + 1 :]
    return all(1 <= len(part) <= 3 and _seat_words(doc, part) for part in (left, right))


# the houses whose members sit for a seat ("Member of Parliament for", "Member of the Assembly for")
_LEGISLATURES = words("parliament assembly congress senate house")


def _seat_words(doc: Doc, seat: list[Token]) -> bool:
    """Are the words after a seat's "for" or "of" a place the title holds: capitalised, no organisation's
    head, acronym or possessive among them, and no list's body or person?"""
    if any(t.acronym or t.possessive or not t.cap or t.low in ORG_HEADS for t in seat):
        return False
    known = known_name(doc.gaz, " ".join(t.norm for t in seat))
    return known is None or known[1] == "place"


def _seat_of_person(doc: Doc, toks: list[Token], i: int, j: int) -> bool:
    """Is ``toks[i:j]``, after "of", where the person just read sits: a person whose title or role just
    before the name is a seat's (``_SEATED``) and whose name ends right before "of", then one or two
    capitalised words, no organisation's head among them and no list's body or person? Then it is a place,
    the person's seat, and neither part of the name nor a person called Ealing or Winona."""
    if not 1 <= j - i <= 2 or i < 3 or toks[i - 1].low != "of" or not doc.candidates:
        return False
    person = doc.candidates[-1]
    if person.type != "person" or person.toks[-1] is not toks[i - 2] or person.toks[0] is toks[0]:
        return False
    before = next((k for k, t in enumerate(toks) if t is person.toks[0]), 0) - 1
    if before < 0 or toks[before].low.rstrip(".") not in _SEATED:
        return False
    return _seat_words(doc, toks[i:j])


def _after_persons_of(doc: Doc, toks: list[Token], i: int, j: int) -> bool:
    """Is ``toks[i:j]``, one or two words, right after "of" and a person's name just read ("Jane Smith of
    Ealing said", "Tom Green of Wokingham")? A verb of speech after it is the person's, so it makes no
    person of the words; with no title to say it is a seat (``_seat_of_person``), the lists or the words
    around them type them, and a word no list knows is the body a titled person speaks for ("Spokesman
    Tom Brown of Oxfam"), else where the person is from, a place ("Jane Smith of Ealing")."""
    if not 1 <= j - i <= 2 or i < 3 or toks[i - 1].low != "of" or not doc.candidates:
        return False
    person = doc.candidates[-1]
    return person.type == "person" and len(person.toks) > 1 and person.toks[-1] is toks[i - 2]


def _paired_given_name(doc: Doc, chunk: list[Token], a: int, b: int) -> bool:
    """Is ``chunk[a:b]`` a given name alone, joined by "&" to another given name alone ("Chas & Dave")?"""
    if b - a != 1 or chunk[a].norm not in doc.gaz.given_names or len(chunk) != 3 or chunk[1].text != "&":
        return False
    return chunk[0].norm in doc.gaz.given_names and chunk[2].norm in doc.gaz.given_names


# a singular verb after a subject: "Tom & Jerry was shown", "Tom & Jerry is back"
_SINGULAR = words("is was has does isn't wasn't hasn't doesn't")


def _one_pair(doc: Doc, toks: list[Token], i: int, j: int) -> bool:
    """Is ``toks[i:j]`` two given names alone joined by "&" that the verb after treats as one thing ("Tom &
    Jerry was shown on television")? "Harry & Meghan arrived" stays two people."""
    chunk = toks[i:j]
    if len(chunk) != 3 or not _paired_given_name(doc, chunk, 0, 1) or j >= len(toks):
        return False
    return toks[j].low in _SINGULAR and not toks[j].cap


def _seat_before_and(doc: Doc, toks: list[Token], i: int, j: int) -> int:
    """Where "and" ends a seated person's seat that opens ``toks[i:j]`` ("Jane Smith of | Ealing and
    Conservative"): the seat is one or two words before it, as ``_seat_of_person`` reads them; else 0."""
    end = next((k for k in range(i + 1, min(i + 3, j)) if toks[k].low == "and"), 0)
    return end if end and _seat_of_person(doc, toks, i, end) else 0


def _whole(
    doc: Doc, index: int, toks: list[Token], i: int, j: int, type_: ActorType, initial: bool, **kw: Any
) -> Candidate:
    """The run ``toks[i:j]`` is one actor of ``type_``; its roles are read around it."""
    cand = add_candidate(doc, index, toks[i:j], type_, initial=initial, **kw)
    read_roles(doc, cand, toks, i, j)
    return cand


def _read_after_place(
    doc: Doc, index: int, toks: list[Token], i: int, j: int, initial: bool, lead: tuple[str, int, ActorType]
) -> None:
    """A run that starts with a known name: two actors ("Russian Sergei Ryabkov"), a place and an event
    ("French Armistice Day"), or one actor named after a place ("Perth Glory", "Atlantic City")."""
    chunk = toks[i:j]
    name, width, type_ = lead
    if _surname_of_a_people(doc, toks, i, j, width):
        _whole(doc, index, toks, i, j, "person", initial, why="role")
    elif splits_after_place(doc.gaz, chunk, width, type_):
        add_candidate(doc, index, chunk[:width], type_, canonical=name, initial=initial, why="list")
        _read_chunk(doc, index, toks, i + width, j, False)
    elif chunk[-1].low in MISC_HEADS or (
        initial and _headline_line(toks, j) and _common_nouns(doc, chunk[width:])
    ):
        # "Niger Explosion: Governance must...": a line's first words in a headline's capitals are a place
        # and a noun the text writes in lower case ("the tanker explosion"), no name of the two; the
        # text's "Niger State", if it names one, rather than the country
        name = _with_unit(doc, chunk[:width]) or name
        add_candidate(doc, index, chunk[:width], type_, canonical=name, initial=initial, why="list")
    elif (
        _person_context(doc, toks, i, j)
        and plausible_name(chunk)
        and not _common_words(doc, chunk[width:])
        and not _peoples_name(doc.gaz, chunk[:width])
    ):
        # "spokesperson Farah Dakhallah", not Farah the place; but "Georgia Power said", where the text
        # writes "power" in lower case, is a body named after the place
        _whole(doc, index, toks, i, j, "person", initial, why="role")
    else:
        place = chunk[-1].low in PLACE_HEADS or chunk[-1].low in _UPLANDS or chunk[0].low in PLACE_FIRST
        _whole(doc, index, toks, i, j, "place" if place else "organization", initial, why="placename")


_DIRECTIONS = words(
    "north south east west northern southern eastern western northeast northwest southeast southwest"
)


def _peoples_name(gaz: Gazetteer, lead: list[Token]) -> bool:
    """ "Welsh Water said", "Scottish Power said": a people's name begins no person's name, as no one is
    called Welsh first, so what follows it and speaks is a body named after the people."""
    norm = " ".join(t.norm for t in lead)
    return norm in gaz.demonyms and norm not in gaz.given_names


# a country's or a people's stretch of land: "the Scottish Highlands", "the Welsh Valleys", "the English
# Midlands" are places (their plural is no place's head elsewhere: "Highlands" alone may be a club's)
_UPLANDS = words("highlands lowlands uplands midlands valleys")


def _surname_of_a_people(doc: Doc, toks: list[Token], i: int, j: int, width: int) -> bool:
    """ "The novelist Irvine Welsh said": a place's name, then a people's name that is also a surname
    (Welsh, English, French), with a role before or a verb of speech after, is a given name and surname,
    not a town and a nation. A town for a surname ("the writer Washington Irving") needs the role: "X Y
    said" of two towns is as likely a body of the first. A country first ("Britain Welsh") or a plural
    people is never one person, and "Welsh Water said" begins with the people, so it does not come here."""
    chunk = toks[i:j]
    if len(chunk) != 2 or width != 1 or not plausible_name(chunk):
        return False
    first, last = chunk
    if first.norm in doc.gaz.countries or first.norm in doc.gaz.demonyms or last.norm.endswith("s"):
        return False
    if last.norm in doc.gaz.demonyms and not doc.gaz.place(last.norm):
        return _person_context(doc, toks, i, j)
    if last.norm in doc.gaz.places and last.norm not in doc.gaz.countries:
        return bool(roles.lead_role(doc.text, toks, i) or roles.apposition_role(doc.text, toks, j))
    return False


def _head_then_side(chunk: list[Token]) -> bool:
    """ "Qayyarah Airfield West", "Camp Taji North": a place's head, then which side of it."""
    return len(chunk) > 2 and chunk[-1].low in _DIRECTIONS and chunk[-2].low in PLACE_HEADS


_OF_PEOPLES = ("an", "ese", "ish", "ic")


def _direction_place(doc: Doc, toks: list[Token], i: int, j: int) -> bool:
    """Is a run of a direction and a word a place: a place's head ends it ("North Island"), a place the
    lists know follows the direction ("Southern Sudan"; they know "West Bengal" whole), or the words around
    it say so ("in North Kivu", "Surabaya, East Java")? A direction and any other word name a club, a
    bank or a firm."""
    last = toks[j - 1]
    if last.low in PLACE_HEADS or last.low in _DIRECTIONS or last.low.endswith(_OF_PEOPLES):
        return True  # "the South East", "West African", "East Asian"
    if context_cue(toks, i, j) == "place":
        return True
    if i > 1 and toks[i - 1].text == "," and doc.gaz.place(toks[i - 2].norm):
        return True  # "Surabaya, East Java": a town, then its region
    rest = known_name(doc.gaz, " ".join(t.norm for t in toks[i + 1 : j]))
    return rest is not None and rest[1] == "place"


# prepositions that place what follows wherever the name stands in the text ("to" and "from" do not:
# "lost to West Ham", "a striker from Northern Rock's sponsor")
_PLACING = r"(?i:in|near|across|throughout|inside|within)"


def _placed_in_text(doc: Doc, chunk: list[Token]) -> bool:
    """Does the text place a direction and a word anywhere: after "in" ("fighting in North Kivu"), before a
    place's head ("North Kivu province"), or after a place and a comma ("Surabaya, East Java")? Then it
    is a place wherever it is written, before or after that sentence."""
    if chunk[-1].low in _DIRECTIONS or chunk[-1].low.endswith(_OF_PEOPLES) or chunk[-1].low in PLACE_HEADS:
        return False  # "South East", "West African", "North Island": read as before, by their shape
    name = re.escape(" ".join(t.text[:-2] if t.possessive else t.text for t in chunk))
    if re.search(rf"\b{_PLACING}\s+(?:the\s+)?{name}\b", doc.text):
        return True
    for m in re.finditer(rf"{name}\s+([a-z]+)\b", doc.text):
        if m.group(1) in PLACE_HEADS:
            return True
    return any(doc.gaz.place(fold(m.group(1))) for m in re.finditer(rf"([A-Z][\w-]+), {name}\b", doc.text))


def _headline_line(toks: list[Token], j: int) -> bool:
    """Is the line a headline's: its first words end at a colon ("Niger Explosion: ..."), or it has no
    full stop ("Kenya Floods Leave Thousands Homeless")?"""
    return (j < len(toks) and toks[j].text == ":") or toks[-1].text[-1] not in '.!?"”'


_UNIT_NAMED = re.compile(r"\s+(State|Province|Region|District|County|Governorate|Oblast|Prefecture)\b")


def _with_unit(doc: Doc, words: list[Token]) -> str | None:
    """The place the text names with these words and a unit ("Niger State", "Idlib Province"), if it
    names one: a headline's "Niger Explosion" over a story of "Suleja, Niger State" is the state's, the
    short name a headline gives it, not the country's."""
    written = " ".join(t.text for t in words)
    for at in re.finditer(rf"\b{re.escape(written)}", doc.text):
        unit = _UNIT_NAMED.match(doc.text, at.end())
        if unit:
            return f"{written} {unit.group(1)}"
    return None


def _common_nouns(doc: Doc, rest: list[Token]) -> bool:
    """Is the word after a leading known name one the text also writes in lower case ("Kenya Floods Leave
    Families" and "the floods"), and the run no place's name ("Niger State")?"""
    first = rest[0]
    return rest[-1].low not in PLACE_HEADS and first.word and not first.acronym and first.norm in doc.lower


def _common_words(doc: Doc, rest: list[Token]) -> bool:
    return any(t.norm in doc.lower for t in rest)


def _person_context(doc: Doc, toks: list[Token], i: int, j: int) -> bool:
    """A role just before or after the run, or a verb of speech after it, says it names a person."""
    return (
        bool(roles.lead_role(doc.text, toks, i) or roles.apposition_role(doc.text, toks, j))
        or context_cue(toks, i, j) == "person"
    )


def _described_person(doc: Doc, toks: list[Token], i: int, j: int) -> bool:
    """ "Chad Mbaïrem, a teacher in Walia,", "election observer Georgia Fletcher": a given name that is also
    a country, then a surname no list knows and the text never writes in lower case, that a role before
    or after says is a person; as firm as a title. Without a role a country begins a place's or a body's
    name ("Georgia Power said")."""
    chunk = toks[i:j]
    if not 2 <= len(chunk) <= 3 or chunk[0].norm not in doc.gaz.given_names or not plausible_name(chunk):
        return False
    if any(t.possessive or t.norm in doc.lower or known_name(doc.gaz, t.norm) for t in chunk[1:]):
        return False
    described = roles.lead_role(doc.text, toks, i) or roles.apposition_role(doc.text, toks, j)
    return bool(described) or _one_of_us(toks, j)


def _named_like_a_country(doc: Doc, toks: list[Token], i: int, j: int) -> bool:
    """ "Jordan Henderson and Georgia Stanway won awards", "Chad Le Clos swam in Durban": a given name
    that is also a country, then one or two surname-like words, doing what people do (a verb of speech or
    of sport right after, or "and" and another given name) or described by a role before or after. A
    country before a surname the lists know as a town ("Henderson") is no country and a town: nobody writes
    a town after its country with no comma. Without that verb or role the run stays the place's or the
    body's ("Georgia Power", "Jordan Valley")."""
    chunk = toks[i:j]
    if not 2 <= len(chunk) <= 3 or chunk[0].norm not in doc.gaz.given_names or chunk[0].possessive:
        return False
    if chunk[0].norm not in doc.gaz.countries or not plausible_name(chunk) or _common_words(doc, chunk[1:]):
        return False
    rest = chunk[1:]
    if any(t.possessive for t in rest[:-1]) or not all(t.text[:1].isupper() for t in rest):
        return False
    bare = [t.norm[:-2] if t.possessive else t.norm for t in rest]
    if any(n in doc.gaz.countries or n in doc.gaz.demonyms or n in doc.gaz.known for n in bare):
        return False
    # "Jordan Henderson, the former Liverpool captain, said", "the midfielder Jordan Henderson": a role
    # says it as firmly as the verb
    return _described(doc, toks, i, j) or _acts_as_person(doc, toks, j) or _town_after(doc, chunk)


def _town_after(doc: Doc, chunk: list[Token]) -> bool:
    """ "Jordan Henderson was substituted": a country, then a town the lists know ("Henderson", Nevada) and
    no comma, names a person: nobody writes a town after its country that way, and the two places would
    be a misreading."""
    if len(chunk) != 2 or chunk[1].possessive or chunk[1].low in PLACE_HEADS or chunk[1].low in ORG_HEADS:
        return False  # "Georgia Bay": a town may be named by a place's head word too
    town = doc.gaz.place(chunk[1].norm)
    return town is not None and not doc.gaz.is_country(town)


def _country_then_kind(doc: Doc, chunk: list[Token]) -> ActorType | None:
    """ "Israel Railways", "Georgia Tech", "Turkey Point": a country, then one word that ends the name of a
    body or a place and never a surname, is that body or place, whatever verb follows ("Georgia Tech said"
    is no person called Tech); else None. The words are no organisation's or place's heads of the tagger's
    features, which a capitalised "Power" or "Point" alone would be."""
    if len(chunk) != 2 or chunk[1].possessive or not chunk[1].text[:1].isupper():
        return None
    if doc.gaz.countries.get(chunk[0].norm) is None:
        return None
    if chunk[1].low in _BODY_ENDS:
        return "organization"
    return "place" if chunk[1].low in _PLACE_ENDS else None


def _place_then_body(doc: Doc, toks: list[Token], i: int, j: int) -> bool:
    """ "Texas Instruments", "Virginia Tech", "Ohio Power": a place the lists know (a country, a state, a
    city), then one word that ends a company's or a college's name (``_BODY_ENDS``), is that body, whatever
    verb follows, though the place is also a given name (Virginia, Austin, Dallas): "Virginia Tech said" is
    no woman called Tech. A role right before or after the run still makes it a person's name ("the
    economist Virginia Power said", "Dallas Power, the striker,")."""
    chunk = toks[i:j]
    if len(chunk) != 2 or chunk[1].possessive or chunk[1].low not in _BODY_ENDS or chunk[0].possessive:
        return False
    if not chunk[1].text[:1].isupper() or doc.gaz.place(chunk[0].norm) is None:
        return False
    return not _described(doc, toks, i, j)


def _described(doc: Doc, toks: list[Token], i: int, j: int) -> bool:
    """Is the run at ``toks[i:j]`` described as a person: a role before it ("Foreign Minister ..."), an
    occupation in lower case right before ("the striker Jordan Henderson"), or an apposition after it
    that names a role or an occupation ("Jordan Pickford, the goalkeeper,")?"""
    occupied = i > 0 and toks[i - 1].word and not toks[i - 1].cap and toks[i - 1].low in OCCUPATIONS
    described = roles.lead_role(doc.text, toks, i) or roles.apposition_role(doc.text, toks, j)
    return bool(described) or occupied or _apposed_occupation(toks, j)


def _apposed_occupation(toks: list[Token], j: int) -> bool:
    """ ", the goalkeeper,", ", a striker,": an apposition of an article and an occupation alone after a
    run, which ``roles.apposition_role`` leaves (an occupation is no office to store as a role), still
    says the run is a person's name."""
    if j + 3 >= len(toks) or toks[j].text != "," or toks[j + 1].low not in ("the", "a", "an"):
        return False
    return toks[j + 2].low in OCCUPATIONS and toks[j + 3].text in (",", ".", ";", "—", "–")


# the last words of a body's or a place's name after a country's ("Israel Railways", "Georgia Power",
# "Turkey Point", "Chad Basin") or any place's ("Texas Instruments", "Virginia Tech"), which no surname is
# or which make a body of a place's name; kept apart from ORG_HEADS and PLACE_HEADS, which are also
# features of the tagger's shipped weights
_BODY_ENDS = words(
    """
    tech railways railway rail railroad airline airlines airways telecom telecoms energy power mobile steel
    instruments scientific dynamics semiconductor semiconductors electric utilities
    """
)
_PLACE_ENDS = words("point springs ridge hill plain cape basin")


def _acts_as_person(doc: Doc, toks: list[Token], j: int) -> bool:
    """Does the word after a run say a person did it: a verb of speech or of what people do ("won",
    "swam"), or "and" and a given name ("Jordan Henderson and Georgia Stanway")?"""
    if j >= len(toks):
        return False
    nxt = toks[j]
    if nxt.low == "and":
        return j + 1 < len(toks) and toks[j + 1].cap and toks[j + 1].norm in doc.gaz.given_names
    return not nxt.cap and (nxt.low in SPEECH_VERBS or nxt.low in PERSON_VERBS)


def _one_of_us(toks: list[Token], j: int) -> bool:
    """An apposition that says what an ordinary person is: ", a teacher in Walia,", ", a British election
    observer with the OSCE,": "a" or "an", up to three more words, then one of ``PERSON_NOUNS``."""
    if j + 2 >= len(toks) or toks[j].text != "," or toks[j + 1].low not in ("a", "an"):
        return False
    for k in range(j + 2, min(j + 6, len(toks))):
        if toks[k].low in PERSON_NOUNS:
            return True
        if not toks[k].word:
            return False
    return False


def _read_plain(doc: Doc, index: int, toks: list[Token], i: int, j: int, initial: bool) -> None:
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
        add_candidate(doc, index, chunk, "place", canonical="the West", why="list")
        return
    if len(chunk) == 1 and initial and first.low in GROUP_NOUNS:
        return
    if len(chunk) == 1 and first.low in PLACE_HEADS and j < len(toks) and toks[j].low in COMPANY_NOUNS:
        return  # "Dock workers", "Port employees": a place word that says what people do, no place's name
    common = all(t.norm in doc.lower for t in chunk)
    type_: ActorType | None = None
    why = ""
    if last.possessive and company_officer(toks, j):
        type_, why = "organization", "brand"  # "Castellan's chief executive": a company has officers
    elif len(chunk) == 2 and first.low in _DIRECTIONS and not _direction_place(doc, toks, i, j):
        # "West Ham", "Northern Rock": a club, a bank, no place; but "North Kivu is restive" where the text
        # also says "fighting in North Kivu" is that place, firmly, so its every mention is
        type_, why = ("place" if _placed_in_text(doc, chunk) else "organization"), "direction"
    # "St. Johnsbury": a saint's name begins a place's
    elif len(chunk) > 1 and (last.low in PLACE_HEADS or first.low in _PLACE_FIRST or _head_then_side(chunk)):
        if _person_named_so(doc, toks, i, j):
            type_, why = "person", "given"
        else:
            type_, why = "place", "placehead"
    elif len(chunk) == 1 and first.acronym and first.norm in NOT_ACRONYMS:
        return
    elif len(chunk) == 1 and _owned_by_a_country(doc, toks, i, j):
        type_, why = "organization", "brand"  # "Britain's Unilever reported"
    elif len(chunk) == 1 and initial and _paired_with_a_body(doc, toks, i, j):
        type_, why = "organization", "brand"  # "Maersk and DSV also gained"
    elif len(chunk) == 1 and not initial and first.low in ORG_HEADS:
        type_, why = "organization", "head"  # "the Coalition", "the League": a head capitalised names one
    elif len(chunk) == 1 and not initial and first.low in PLACE_HEADS:
        type_, why = "place", "placehead"
    elif first.acronym:
        type_, why = "organization", "acronym"
    elif (
        len(chunk) > 1
        and first.norm in doc.gaz.given_names
        and plausible_name(chunk)
        and not arabic_place(toks, i)
    ):
        type_, why = "person", "given"
    elif len(chunk) == 2 and first.low in FOREIGN_ARTICLES and in_german_or_french(toks):
        # "Le Quotidien", "Die Zeit": no person, and "Le Pen" only as a surname ("Jeudi, Le Pen a ajouté")
        if speaks_in_french(toks, i, j):
            type_, why = "person", "title"
    elif len(chunk) > 1 and has_particle(chunk):
        type_, why = ("place" if context_cue(toks, i, j) == "place" else "person"), "particle"
    elif len(chunk) == 1 and not initial and not common and before_government(toks, i, j):
        type_, why = "person", "context"  # "the Obama administration": a ruler; states.py makes it his
    elif len(chunk) > 1 and not common:
        plural = (last.low.endswith("s") and (len(chunk) > 2 or is_team(toks, i, j))) or any(
            t.low in ORG_HEADS for t in chunk
        )
        # a surname is not a word the text also writes in lower case ("Thirty Seconds")
        # "Mac OS X": a numeral after an acronym numbers a product, no king
        product = regnal(last) and chunk[-2].acronym and not regnal(chunk[-2])
        type_ = (
            "organization"
            if (last.acronym and not regnal(last)) or plural or product or last.norm in doc.lower
            else "person"
        )
        why = "brand" if product else "shape"
        placed = (i > 0 and toks[i - 1].low in PLACE_CONTEXT) or next_is_place_head(toks, j)
        # "Rhondda Cynon Taf council said": a place's local council
        placed = placed or (j < len(toks) and toks[j].text == "council")
        if type_ == "person" and placed:
            type_, why = "place", "context"
        elif type_ == "person" and len(chunk) == 2 and doc.gaz.place(last.norm) and not first.initial:
            type_ = "organization"  # "Nasdaq Copenhagen", "Euronext Paris": a body and its city
    brand = last.possessive and brand_context(toks, j)
    context = context_cue(toks, i, j)
    if context == "person" and initial and len(chunk) == 1 and _crowd(doc, first):
        context = ""  # "Fans said": a crowd speaks, no one called Fans
    elif context == "person" and len(chunk) == 1 and i > 0 and toks[i - 1].low == "the":
        context = "organization"  # "the Treasury said": a person's name takes no "the", a body's does
    if why == "shape" and j < len(toks) and toks[j].low in COMPANY_NOUNS and not toks[j].cap:
        type_ = "organization"  # "Tessvik Marine shares": a company, as "Volkswagen plants" is
    elif type_ is None and not common and body_that_acts(toks, j) and not (i > 0 and toks[i - 1].possessive):
        type_, why = "organization", "brand"  # as firm as "Volkswagen plants"
    elif type_ == "person" and why in ("shape", "given") and _employer(toks, i, j):
        type_, why = "organization", "context"  # "an analyst at Peel Hunt": a firm, no Mr Hunt
    elif (
        type_ == "person"
        and why in ("shape", "particle")
        and (person_cue(doc.gaz, toks, i, j) or speaks_in_french(toks, i, j))
    ):
        why = "title"  # as firm as a title: the tagger keeps it
    elif why in ("shape", "acronym") and 2 <= j - i <= 3 and not last.acronym and after_office(toks, i, j):
        type_, why = "person", "title"  # "the senator from Ohio, JD Vance,": no body, whatever its shape
    cand = add_candidate(
        doc, index, chunk, type_, initial=initial, brand=brand, context=context, common=common, why=why
    )
    read_roles(doc, cand, toks, i, j)


def _paired_with_a_body(doc: Doc, toks: list[Token], i: int, j: int) -> bool:
    """Is a sentence's first word, one no list knows, no given name and no word the text writes in lower
    case, joined by "and" to an organisation the lists know or an acronym that acts ("Maersk and DSV also
    gained")? Two bodies side by side as a clause's subject: a person is named in full first."""
    tok = toks[i]
    if (
        tok.possessive
        or tok.norm in doc.gaz.given_names
        or tok.norm in doc.lower
        or known_name(doc.gaz, tok.norm)
    ):
        return False
    if j + 2 >= len(toks) or toks[j].low != "and":
        return False
    other, after = toks[j + 1], toks[j + 2]
    if other.possessive or not after.word or after.cap or _describes(after):
        return False  # "Hale and EU officials met": the acronym describes the people after it
    if other.acronym and other.norm not in NOT_ACRONYMS and other.norm not in doc.gaz.countries:
        return True
    known = doc.gaz.known.get(other.norm)
    return known is not None and known[1] == "organization"


def _describes(tok: Token) -> bool:
    """Is a word after a name one that the name describes ("EU officials", "DSV shares")?"""
    nouns = (ROLE_NOUNS, PUBLIC_NOUNS, COMPANY_NOUNS, PERSON_NOUNS)
    return any(tok.low in n or tok.low.removesuffix("s") in n for n in nouns)


_AUXILIARIES = words("is was has had will would")


def _owned_by_a_country(doc: Doc, toks: list[Token], i: int, j: int) -> bool:
    """ "Britain's Unilever reported", "Germany's Siemens cut jobs": one word no list knows after a
    country's possessive, no given name, no word the text writes in lower case, then a company's verb
    ("reported", "cut", "sold") or "and" and a company's noun ("and the German carmaker Volkswagen"),
    not a verb of speech ("Japan's Kishida said" is a person), an auxiliary
    ("Syria's Ghouta was shelled") or a place's noun ("Sudan's Darfur region"). A person after a
    country's possessive has two or three words ("Ethiopia's Tigist Alemu") the first time the text names
    them."""
    if i == 0 or not toks[i - 1].possessive or toks[i - 1].norm not in doc.gaz.countries:
        return False
    tok = toks[i]
    if tok.possessive or tok.acronym or tok.norm in doc.gaz.given_names or tok.norm in doc.lower:
        return False
    if known_name(doc.gaz, tok.norm) or tok.low in ORG_HEADS or tok.low in PLACE_HEADS or is_title(tok):
        return False
    if j >= len(toks) or not toks[j].word or toks[j].cap or toks[j].low in SPEECH_VERBS:
        return False
    if toks[j].low == "and":  # "Britain's Unilever and the German carmaker Volkswagen": two companies
        return any(DEFINED.get(t.low) == "organization" and not t.cap for t in toks[j + 1 : j + 5])
    return toks[j].low in SUBJECT_VERBS and toks[j].low not in _AUXILIARIES


def _employer(toks: list[Token], i: int, j: int) -> bool:
    """Is the run where someone works, by a job in lower case and "at" right before it ("an analyst at
    Peel Hunt", "chief economist at Capital Economics")? A firm of two or three words; a possessive after
    it ("at Peel Hunt's office") or a speaking verb ("at Julia Hunt said") leaves it be."""
    if not 2 <= j - i <= 3 or i < 2 or toks[i - 1].low != "at" or toks[j - 1].possessive:
        return False
    job = toks[i - 2]
    if job.cap or not (job.low in ROLE_NOUNS or job.low in OCCUPATIONS):
        return False
    return not (j < len(toks) and toks[j].low in SPEECH_VERBS)


def _person_named_so(doc: Doc, toks: list[Token], i: int, j: int) -> bool:
    """Is a given name and a surname that is a place's head ("Jonathan Brook", "Ellen Field") a person by
    the words around it: a role in lower case right before ("Council leader Jonathan Brook") or a
    speaking verb right after ("Jonathan Brook said")? "Sandy Hook" alone stays the place."""
    if j - i != 2 or toks[i].norm not in doc.gaz.given_names or toks[i].low in _PLACE_FIRST:
        return False
    before = toks[i - 1] if i > 0 else None
    role = before is not None and not before.cap and before.low in ROLE_NOUNS
    return role or (j < len(toks) and toks[j].low in SPEECH_VERBS)


# words that begin a place's name: "Mount", "North", a saint's ("St. Johnsbury") and place heads that
# British usage puts first ("River Calder", "Loch Ness")
_PLACE_FIRST = PLACE_FIRST | PLACE_MODIFIERS | SAINTS | words("river loch")
