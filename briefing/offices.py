"""Titles and offices in a run: "Ukrainian President Volodymyr Zelenskyy" is a person with a role,
"Secretary of State for Scotland" no one, "Chief Executive Officer of Nordhavn Shipping" a body."""

from __future__ import annotations

import re

from briefing import roles
from briefing.cues import NOBLE, ORG_HEADS, PORTFOLIOS, ROLE_NOUNS, SPEECH_VERBS, TITLES, words
from briefing.foreign import FRENCH_TITLES
from briefing.gazetteer import Gazetteer
from briefing.german_titles import dictionary_form, german_office, office_adjective
from briefing.names import (
    Doc,
    add_candidate,
    is_title,
    known_name,
    leading_place,
    places_in,
    plausible_name,
    read_places,
    read_roles,
    regnal,
    suffix_after,
)
from briefing.tokens import Token
from briefing.works import work_of_a_rank


def office_holder(doc: Doc, toks: list[Token], rest: int, j: int) -> int:
    """Where a person's name (a given name and one or two more words) ends the run after an office's "of":
    its start, else 0. A given name the lists lack ("Minister of State Administration Isaura Nhantumbo")
    still begins a name of two words after a word that ends a portfolio or a body ("Administration",
    "Affairs", "Health", "Europe") when the text says it is one: the surname or the full name written
    again without the office, or the person speaking right after it ("... Isaura Nhantumbo said")."""
    for p in (j - 2, j - 3):
        name = toks[p:j]
        if p <= rest + 1 or not all(t.cap and t.word for t in name):
            continue
        if toks[p].norm in doc.gaz.given_names and (toks[p - 1].low in ORG_HEADS or toks[p - 1].cap):
            return p
    p = j - 2
    if p > rest and _ends_portfolio(doc, toks[p - 1]) and _unlisted_holder(doc, toks, p, j):
        return p
    return 0


def _seat_then_holder(doc: Doc, toks: list[Token], k: int, j: int) -> bool:
    """Is ``toks[k]``, right after a seat's office and its "of", the seat, one word the lists do not know,
    and ``toks[k + 1 : j]`` its holder's name, a given name and one or two more words ("Bishop of Winona
    Robert Barron", "Mayor of Ealing Peter Mason")?"""
    if not 3 <= j - k <= 4 or toks[k - 1].low != "of" or toks[k - 2].low.rstrip(".") not in _SEAT_OFFICES:
        return False
    seat = toks[k]
    if seat.low in ORG_HEADS or seat.low in PORTFOLIOS or known_name(doc.gaz, seat.norm) is not None:
        return False
    name = toks[k + 1 : j]
    return name[0].norm in doc.gaz.given_names and plausible_name(name, doc.gaz.given_names)


# offices held for a place, whose "of" names the place ("the Mayor of Ealing", "the Bishop of Winona")
_SEAT_OFFICES = words("mayor governor bishop archbishop provost prefect sheriff")


# nouns that end a ministry's portfolio besides the portfolios themselves: "Public Works", "Water Resources"
_PORTFOLIO_ENDS = words(
    "works development planning resources welfare relations communications heritage tourism sport sports arts"
    " media youth budget"
)
_PORTFOLIO_WORDS = _PORTFOLIO_ENDS | PORTFOLIOS  # a portfolio's words, once it has gone on past its name


def _ends_portfolio(doc: Doc, tok: Token) -> bool:
    """Can ``tok`` end an office's portfolio or body: a body's head, a portfolio word or a known place?"""
    if tok.low in ORG_HEADS or tok.low in PORTFOLIOS or tok.low in _PORTFOLIO_ENDS:
        return True
    known = known_name(doc.gaz, tok.norm)
    return known is not None and known[1] == "place"


def _unlisted_holder(doc: Doc, toks: list[Token], p: int, j: int) -> bool:
    """Are ``toks[p:j]``, two capitalised words after an office, a person's name though the lists lack the
    given name? Neither word may be a known name, a body's or place's head, or a word the text writes in
    lower case; then the person speaks right after it, or the text names them again without the office."""
    name = toks[p:j]
    if not plausible_name(name) or any(t.norm in doc.lower or t.possessive for t in name):
        return False
    if any(known_name(doc.gaz, t.norm) is not None for t in name):
        return False
    if j < len(toks) and toks[j].low in SPEECH_VERBS:
        return True
    return _named_again(doc.text, toks[p - 1], name)


def _named_again(text: str, before: Token, name: list[Token]) -> bool:
    """Does ``text`` write the surname ``name[-1]`` elsewhere, after neither the office's last word
    ``before`` nor the given name ("Nhantumbo, 47, said", "said Isaura Nhantumbo")?"""
    given, surname = name[0].text, name[-1].text
    for m in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text):
        words = text[: m.start()].split()
        if words[-1:] != [given]:
            return True
        if words[-2:-1] != [before.text]:
            return True
    return False


def is_office(gaz: Gazetteer, chunk: list[Token]) -> bool:
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
        place = leading_place(gaz, chunk[k:])
        if not place or place[2] != "place":
            return False
        k += place[1]
    return True


def titled_office(chunk: list[Token]) -> int:
    """Where the "of" or "for" is after a title that begins the run ("Secretary of", "Chief Executive
    Officer of"), else 0."""
    if len(chunk) < 3 or not is_title(chunk[0]):
        return 0
    k = 1
    while k < len(chunk) - 1 and k < 4 and (is_title(chunk[k]) or chunk[k].low in ROLE_NOUNS):
        k += 1
    return k if k < len(chunk) - 1 and chunk[k].low in ("of", "for") else 0


# titles that also qualify an office noun after them: "General Manager", "Chief Executive", "Deputy Editor"
_QUALIFYING = words("general chief deputy vice acting staff")
# abbreviated heads of bodies, which end a body's name and never a person's ("the Justice Dept"), and
# the words they stand for, so that the body is one actor however the text writes it
BODY_ABBREVIATIONS = {"dept": "Department", "govt": "Government", "univ": "University", "assn": "Association"}


def _office_head(doc: Doc, toks: list[Token], t: int, k: int, j: int) -> int:
    """Where the name begins after the title at ``t`` (``k`` as read so far): after the role nouns a
    qualifying title heads ("Chief General Manager Raghavendra Bhat M." is a manager's office, and no
    person called Manager). A given name stays a name ("Deputy Dean Smith"). A rank's grade is the
    title's too ("Seaman Recruit Logan Price", ``roles.grade_width``)."""
    if k == t + 1 and (grade := roles.grade_width(toks, k)):
        return k + grade
    if k != t + 1 or toks[t].low not in _QUALIFYING:
        return k
    while k < j and _role_noun(toks[k].low) and toks[k].norm not in doc.gaz.given_names:
        k += 1
    return k


def _role_noun(low: str) -> bool:
    """A role noun, or its plural ("Shri Raghurama and Shri Nagaraja Rao B, General Managers")."""
    return low in ROLE_NOUNS or (low.endswith("s") and low[:-1] in ROLE_NOUNS)


def _office_of_body(doc: Doc, toks: list[Token], t: int, k: int, j: int) -> bool:
    """Is ``toks[k:j]``, after a title at ``t`` and its "of", the body whose office it is ("Chief Executive
    Officer of Nordhavn Shipping"), no person holding it? A name after "of" holds the office only as a
    given name and a surname ("Secretary of the Harbour Board Anna Berg" is read apart)."""
    return toks[t].low not in NOBLE and toks[k].norm not in doc.gaz.given_names


def _office_before_rank(doc: Doc, toks: list[Token], i: int, k: int) -> str | None:
    """An office in lower case before an abbreviated rank says more than the rank: "army chief" of
    "Sudan's army chief Gen. Abdel Fattah al-Burhan" (not "chief Gen."); one word alone ("chief") does not."""
    if k <= i or not roles.bare_title(doc.text[toks[i].start : toks[k - 1].end]):
        return None
    lead = roles.lead_role(doc.text, toks, i)
    return lead if lead and len(lead.split()) > 1 else None


# honorifics that go before a given name alone: "Sir Keir" is Keir Starmer, "Sheikh Tamim" Tamim bin Hamad
_BEFORE_GIVEN = words("sir dame sheikh sheikha")
# an honorific that is a given name too, so no title in the lists: "Sri Ram Nath Kovind" is Ram Nath Kovind,
# but "Sri Mulyani Indrawati" is a woman called Sri, "Sri Srinivasan" a man called Sri, and "Sri Sri Ravi
# Shankar" another man than the sitarist Ravi Shankar
_GIVEN_HONORIFICS = words("sri")
# the heads of the bodies whose offices a title before a name holds ("European Commission President")
_TITLED_BODIES = words("commission council parliament ministry bank court committee agency assembly senate")


def _body_before_title(doc: Doc, toks: list[Token], i: int, t: int) -> int:
    """Where the body named before the title ``toks[t]`` of the run from ``toks[i]`` ends, or 0: capitalised
    words ending in a body's head, before the title's words ("European Commission President", "European
    Council President"); one word ("House Speaker") or a given name first says no body."""
    end = t
    while end > i and is_title(toks[end - 1]):
        end -= 1
    body = toks[i:end]
    if len(body) < 2 or body[-1].low not in _TITLED_BODIES or body[0].norm in doc.gaz.given_names:
        return 0
    return end if all(tok.word and tok.cap for tok in body) else 0


def _honorific(doc: Doc, toks: list[Token], k: int, j: int) -> bool:
    """Is ``toks[k]`` (in the run ending at ``j``) an honorific such as "Sri" before a full name? Only
    where two or more name words follow, which stand as a name without it, and the honorific is not
    doubled ("Sri Sri Ravi Shankar" is his whole name) nor the start of a name the lists know ("Sri
    Mulyani", "Sri Lanka Cricket"). One word after it ("Sri Srinivasan", "Sri Chinmoy") is a surname or a
    name of one word, which leaves "Sri" the given name."""
    if toks[k].low not in _GIVEN_HONORIFICS or j - k - 1 < 2:
        return False
    if toks[k + 1].low in _GIVEN_HONORIFICS or (k > 0 and toks[k - 1].low in _GIVEN_HONORIFICS):
        return False
    names = (" ".join(t.norm for t in toks[k:end]) for end in range(k + 2, j + 1))
    return not any(known_name(doc.gaz, name) is not None for name in names)


def _epithet_holder(doc: Doc, toks: list[Token], k: int, j: int) -> int:
    """Where a person's full name begins in ``toks[k:j]``, the words after a noble rank's "of" that no
    realm the lists know opens: "King of Pop Michael Jackson", "Queen of Crime Agatha Christie" are people
    called by an epithet, which is their role and no part of their name (else ``k``). The name is a given
    name the lists know and a surname or two, after one capitalised word or more ("Pop", "Crime"); with no
    listed given name, the run's last two words when they read as a name (``_unlisted_name``)."""
    for p in range(k + 1, j - 1):
        name = toks[p:j]
        if (
            toks[p].norm in doc.gaz.given_names
            and len(name) <= 3
            and plausible_name(name, doc.gaz.given_names)
        ):
            return p if _epithet(toks, k, p) else k
    p = j - 2  # no listed given name: the last two words, unless a work's plural names them all
    if p > k and _epithet(toks, k, p) and not work_of_a_rank(toks[k:j]) and _unlisted_name(doc, toks[p:j]):
        return p
    return k


# ratings of the navy and the air force that, capitalised, are a title before a full name ("Fireman Sam
# Hale") or a surname ("Fireman Hale"); "Private" is left out ("Private Ryan", a surname as often)
_RATINGS = roles.GRADED - words("private pvt")


def _character(doc: Doc, rating: Token, name: list[Token]) -> bool:
    """Are a rating and one given name the name of a character ("Fireman Sam", a children's series)? A
    rating comes before a sailor's full name and then his surname, so a given name alone after it that
    ends no longer name the text gave ("Fireman Sam Hale" before "Fireman Sam") is no sailor's."""
    if rating.low not in _RATINGS or len(name) != 1 or name[0].norm not in doc.gaz.given_names:
        return False
    return not any(
        len(c.toks) > 1 and c.toks[-1].norm == name[0].norm and c.toks[0].low not in _RATINGS
        for c in doc.candidates
    )


def _epithet(toks: list[Token], k: int, p: int) -> bool:
    """Are ``toks[k:p]`` an epithet that a name follows: its words, the last capitalised ("Pop")?"""
    return all(_epithet_word(t) for t in toks[k:p]) and toks[p - 1].cap


def _unlisted_name(doc: Doc, name: list[Token]) -> bool:
    """Do two capitalised words after an epithet read as a person's name though the lists lack its given
    name ("Prince of Darkness Ozzy Osbourne")? Only if nothing says otherwise: no word a place, body or
    known name, a word the text writes in lower case, a numeral ("King of Fighters XII") or a head of a
    place, body or work ("Prince of Wales Island Ferry"). The realm before it ("of Darkness") is then
    an epithet as well, as a realm the lists know would have been read before it."""
    if any(t.initial or (t.possessive and t is not name[-1]) for t in name):
        return False
    if any(not t.word or t.acronym or regnal(t) or t.norm in doc.lower for t in name):
        return False
    if any(known_name(doc.gaz, t.norm) is not None for t in name):
        return False
    return known_name(doc.gaz, " ".join(t.norm for t in name)) is None and plausible_name(name)


def _epithet_word(tok: Token) -> bool:
    """A word of an epithet: capitalised, or a small word inside it ("King of Rock and Roll")."""
    return tok.word and not tok.possessive and (tok.cap or tok.low in ("and", "of", "the"))


def _german_role_start(doc: Doc, toks: list[Token], i: int, t: int) -> int:
    """Where the role begins before the German office ``toks[t]`` in the run from ``toks[i]``: German
    capitalises every noun, so a capitalised word before the office is the role's only as the office's
    adjective ("Regierender Bürgermeister") or a place's genitive ("Berlins"); a weekday or an adverb
    opening the sentence ("am Montag Bundeskanzlerin", "Auch Außenministerin") is not."""
    start = t
    while start > i and (office_adjective(toks[start - 1].text) or _place_genitive(doc, toks[start - 1])):
        start -= 1
    return start


def _place_genitive(doc: Doc, tok: Token) -> bool:
    """Is ``tok`` a known place in the German genitive ("Berlins", "Bayerns")?"""
    if not tok.cap or not tok.low.endswith("s") or len(tok.low) < 4:
        return False
    known = known_name(doc.gaz, tok.norm[:-1])
    return known is not None and known[1] == "place"


# what a rank of a place names, after it, besides its holder: "the Duke of Edinburgh award", "the Duke of
# Edinburgh's Award scheme", "the Prince of Wales Cup" are no person
_NAMED_PRIZES = words("award awards scheme prize prizes cup trophy stakes medal")


def read_titled(doc: Doc, index: int, toks: list[Token], i: int, j: int) -> bool:
    """A title and a name in one run: "Ukrainian President Volodymyr Zelenskyy", "Gen. Kellogg"."""
    titles = [
        k
        for k in range(i, j)
        if (is_title(toks[k]) or _honorific(doc, toks, k, j)) and not suffix_after(toks, k, j)
    ]
    if not titles and j - i >= 2 and toks[j - 2].text in FRENCH_TITLES:
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
        if portfolio < k < j and toks[k].low in _PORTFOLIO_ENDS and toks[k].norm not in doc.gaz.given_names:
            # "Minister of Culture Heritage Sites said": the portfolio goes on, and a name of two words or
            # more after it is the holder's ("Minister of Culture Tourism Kwame Mensah"), else it names no one
            while k < j and toks[k].low in _PORTFOLIO_WORDS and toks[k].norm not in doc.gaz.given_names:
                k += 1
            if j - k < 2 or not plausible_name(toks[k:j], doc.gaz.given_names):
                read_places(doc, index, toks, i, j)
                return True
        place = leading_place(doc.gaz, toks[k:j])
        if (
            place
            and k + place[1] == j
            and toks[t].low in NOBLE
            and toks[portfolio - 1].low == "of"
            and not doc.gaz.is_country(place[0])
            and not (j < len(toks) and toks[j].low in _NAMED_PRIZES)
        ):
            # "the Prince of Wales", "the Duchess of Cambridge": a title of a part of a country is the person
            # holding it, no news of the place ("the King of Jordan" is news of Jordan's)
            add_candidate(doc, index, toks[t:j], "person", why="title")
            return True
        # "Envoy for Yemen Tim Lenderking", "Envoy for Yemen"; but after a portfolio a name follows, though
        # a place has it too ("Secretary of State Lincoln")
        if place and (k + place[1] < j or k == portfolio):
            k += place[1]
        elif k == portfolio and _seat_then_holder(doc, toks, k, j):
            # "The Bishop of Winona Robert Barron said": the see is a place, no part of the name
            add_candidate(doc, index, toks[k : k + 1], "place", why="seat")
            k += 1
    k = _office_head(doc, toks, t, k, j)
    name = toks[k:j]
    if not name or all(t.norm in TITLES for t in name):
        # "Prime Minister's Questions", "the President's office", "promoted as Chief General Manager"
        read_places(doc, index, toks, i, j)
        return True
    if name[-1].norm in BODY_ABBREVIATIONS:  # "the Justice Dept claims": a body, no person called Dept
        whole = [t.text for t in toks[i : j - 1]] + [BODY_ABBREVIATIONS[name[-1].norm]]
        add_candidate(doc, index, toks[i:j], "organization", canonical=" ".join(whole), why="head")
        return True
    if k == portfolio and _office_of_body(doc, toks, t, k, j):
        return False
    if k == portfolio and toks[t].low in NOBLE:  # "King of Pop Michael Jackson": an epithet before the name
        k = _epithet_holder(doc, toks, k, j)
        name = toks[k:j]
    if not plausible_name(name, doc.gaz.given_names):
        return False
    if k == t + 1 and _character(doc, toks[t], name):
        # "Fireman Sam": a rating and a given name alone are a character's name, no sailor called Sam
        add_candidate(doc, index, toks[t:j], "person", why="title")
        return True
    if k == portfolio and toks[t].low in NOBLE and work_of_a_rank(name):
        # "King of Fighters XII", "Lord of the Rings": a game's or a book's name, no person and no realm
        read_places(doc, index, toks, i, j)
        return True
    if k == portfolio and toks[t].low in NOBLE and name[0].norm not in doc.gaz.given_names:
        # "the Duke of Sussex", "the Queen of Sheba": the rank and its territory are the name, no person
        # called Sussex with the role "Duke of"
        add_candidate(doc, index, toks[t:j], "person", why="title")
        return True
    # the places of the title, and the country its "of" or "for" names: "Crown Prince of Saudi Arabia
    # Mohammed bin Salman" mentions Saudi Arabia, and the person keeps the whole title as the role (a
    # region there, "Minister for the Middle East", is the office's brief more than a mention)
    body = _body_before_title(doc, toks, i, t)
    if body:  # "European Commission President Ursula von der Leyen": the Commission, and its president
        add_candidate(doc, index, toks[i:body], "organization", why="head")
    for a, b, place in places_in(doc.gaz, toks, body or i, k):
        if a <= t or doc.gaz.is_country(place[0]):
            add_candidate(doc, index, toks[a:b], place[1], canonical=place[0], why="list")
    honorific = toks[t].low in _BEFORE_GIVEN and len(name) == 1  # "Sir Keir", "Sheikh Tamim": a given name
    cand = add_candidate(doc, index, name, "person", context="given" if honorific else "title", why="title")
    role = roles.title_role(doc.text, toks, i, k) if toks[t].text not in FRENCH_TITLES else None
    if role and german_office(toks[t].low):
        german = roles.title_role(doc.text, toks, _german_role_start(doc, toks, i, t), k)
        role = dictionary_form(german or role)
    role = _office_before_rank(doc, toks, i, k) or (role and roles.clean(role))
    if role and k - i == 1 and toks[i].low in roles.COUNCILLOR:
        # "Council leader Cllr Margaret O'Neill": the office before the honorific says more than it
        role = roles.lead_role(doc.text, toks, i) or roles.COUNCILLOR[toks[i].low]
    if role:
        cand.roles.append(role)
    before = roles.lead_role(doc.text, toks, i) if i > 0 and toks[i - 1].text == "," else None
    if before:  # "his national security adviser, Rep. Michael Waltz"
        cand.roles.append(before)
    read_roles(doc, cand, toks, k, j)
    return True
