"""Names of works and characters that hold the words of actors: a rank and its realm written as a name
("Prince of Persia", a game; "The Prince of Egypt", a film) mention no country, and a title that opens
with a capitalised preposition in the middle of a sentence ("his work From Dictatorship to Democracy")
is a work's name, whose common nouns are no actors. A rank of a plural common noun or of a numbered
name ("King of Fighters XII", "Lord of the Rings") is a work's name too, and no person's.

A realm is a mention of its country wherever a person holds the rank: after an article or a possessive
pronoun ("the King of Jordan"), a title ("Crown Prince of Saudi Arabia"), a verb of becoming ("became King of
Jordan"), beside the holder's name ("Abdullah II, King of Jordan,", "Emir of Qatar Sheikh Tamim"). Offices
("President of Ukraine", "Prime Minister of Israel") and bodies ("Bank of England") are never works' names.
"""

from __future__ import annotations

from briefing.coref import Candidate
from briefing.cues import PLACE_HEADS, ROLE_MODIFIERS, qualified, words
from briefing.gazetteer import load_gazetteer
from briefing.names import SMALL, leading_place, regnal
from briefing.things import WORK_NOUNS
from briefing.tokens import Positions, Token

# ranks whose "X of PLACE" names a character as often as a ruler: "Prince of Persia", "Queen of Sheba"
RANKS = words(
    """
    king kings queen queens prince princes princess princesses emperor empress duke duchess lord lords
    lady ladies sultan shah tsar czar tsarina pharaoh knight knights
    """
)
# the words before a rank that make its holder a person: an article, a possessive, a verb of becoming
_HOLDER_BEFORE = words(
    """
    the a an his her its their our my your this that whose
    as became become becomes becoming crowned named proclaimed appointed elected remains remained
    is was
    """
)
_QUOTES = frozenset("\"“‘'")
_CLOSING = frozenset("\"”’'")
# prepositions that open a work's title in the middle of a sentence ("the film Into the Wild"); "To",
# "In", "On" and "At" open quoted speech and captions too often to say so
_OPENERS = words(
    """
    from into out between beyond under without against through across inside behind towards toward
    among beneath above after before around within upon
    """
)
# names the lists or the text know as actors stay, inside a title too ("Letters From Iran")
_KNOWN = frozenset({"list", "title", "surname"})


def without_works(cands: list[Candidate], tokens: list[list[Token]]) -> list[Candidate]:
    """The candidates without the places a rank's name holds ("Prince of Persia") and the unknown words
    of a title that a capitalised preposition opens ("From Dictatorship to Democracy")."""
    positions = Positions(tokens)
    spans = [_titles(toks) + _rank_works(toks) + _set_off_titles(toks) for toks in tokens]
    ranked = [
        (c, k) for c in cands if c.type == "place" and (k := _after_rank(positions, tokens, c)) is not None
    ]
    realms = set()
    if ranked:
        people = {(c.sentence, c.toks[-1].start) for c in cands if c.type == "person"}
        for c, k in ranked:
            toks, end = tokens[c.sentence], k + len(c.toks)
            if _realm_of_a_name(toks, k, end, people, c.sentence):
                realms.add(id(c))
                if end + 1 < len(toks) and toks[end].text == ":":  # "Prince of Persia: The Forgotten Sands"
                    spans[c.sentence].append((end + 1, _title_end(toks, end + 1)))
    return [c for c in cands if id(c) not in realms and not _in_title(c, positions, spans)]


def _after_rank(positions: Positions, tokens: list[list[Token]], cand: Candidate) -> int | None:
    """Where the candidate begins in its sentence, if a capitalised rank and "of" stand just before it."""
    if cand.sentence >= len(tokens):
        return None
    k = positions.of(cand.sentence).get(cand.toks[0].start)
    toks = tokens[cand.sentence]
    if k is None or k < 2 or toks[k - 1].low != "of" or not toks[k - 2].cap or toks[k - 2].low not in RANKS:
        return None
    return k


def _in_title(cand: Candidate, positions: Positions, spans: list[list[tuple[int, int]]]) -> bool:
    """Is the candidate inside a work's title, and no name the lists or the text know as an actor?"""
    if cand.why in _KNOWN or cand.sentence >= len(spans) or not spans[cand.sentence]:
        return False
    k = positions.of(cand.sentence).get(cand.toks[0].start)
    return k is not None and any(a <= k and k + len(cand.toks) <= b for a, b in spans[cand.sentence])


def _realm_of_a_name(
    toks: list[Token], k: int, end: int, people: set[tuple[int, int]], sentence: int
) -> bool:
    """Is the place at ``toks[k:end]`` the realm of a rank that no one holds there: "discuss Prince
    of Persia, Borderlands", "Prince of Persia: The Forgotten Sands", "watched The Prince of Egypt"? A
    rank and "of" stand before it (``_after_rank``)."""
    r = k - 2  # the rank
    if end < len(toks) and toks[end].name_like:
        return False  # "Emir of Qatar Sheikh Tamim": the holder's name follows
    if r == 0:
        return True
    before = toks[r - 1]
    if before.text == "The" and r > 1:
        return True  # "watched The Prince of Egypt": "The" capitalised inside a sentence opens a name
    if before.low in _HOLDER_BEFORE or before.low in ROLE_MODIFIERS or qualified(before.low):
        return False  # "the King of Jordan", "became King of Jordan", "former Queen of the Netherlands"
    if before.cap and before.word and not before.possessive:
        return False  # "Crown Prince of Saudi Arabia", "Grand Duke of Luxembourg": a longer title
    # "Abdullah II, King of Jordan,": an apposition to the holder's name
    return not (before.text == "," and r > 1 and (sentence, toks[r - 2].start) in people)


# endings of singular names that end in "s" ("Asturias", "Lagos", "Wemyss"), and no plural's
_NOT_PLURAL = ("ss", "us", "is", "as", "os")


def work_of_a_rank(name: list[Token]) -> bool:
    """Is the name after a rank and its "of" a work's ("King of Fighters XII", "Lord of the Rings",
    "Prince of Thieves"), not a realm's ("Duke of Rothesay", "Queen of Sheba")? A numeral follows a
    holder's name ("Abdullah II") and never a realm, so it numbers a sequel; and a realm is a place or
    a people, which the lists would have read, not the plural of a common noun ("Fighters", "Rings"). A
    possessive's "s" makes no plural: "King of Pop Michael Jackson's estate" is a person's."""
    if any(regnal(t) or t.text.isdigit() for t in name):
        return True
    return any(_common_plural(t) for t in name)


def _common_plural(tok: Token) -> bool:
    """Is the word the plural of a common noun that no realm is ("Fighters", "Rings", "Thieves")? Not a
    rank's own plural, which makes a ruler's epithet ("King of Kings Haile Selassie", "Lord of Lords"),
    nor a plural of a place's head, which is a realm ("Lord of the Isles", "Queen of the Islands")."""
    low = tok.low
    if not tok.cap or tok.possessive or len(low) <= 3 or not low.endswith("s") or low.endswith(_NOT_PLURAL):
        return False
    return low not in RANKS and low not in PLACE_HEADS and low[:-1] not in PLACE_HEADS


def _rank_works(toks: list[Token]) -> list[tuple[int, int]]:
    """The spans of works named as a rank of something that is no realm ("King of Fighters XII", "Lord of
    the Rings", ``work_of_a_rank``), where no realm the lists know follows the "of": the rules read no
    one there, and neither does the tagger's reading."""
    out: list[tuple[int, int]] = []
    for k in range(len(toks) - 2):
        if not toks[k].cap or toks[k].low not in RANKS or toks[k + 1].low != "of":
            continue
        start = end = k + 2 + (toks[k + 2].low == "the" and k + 3 < len(toks))
        while end < len(toks) and (
            (toks[end].word and toks[end].cap) or toks[end].text.isdigit()  # "King of Fighters 2002"
            or (toks[end].low in ("of", "the") and end + 1 < len(toks) and toks[end + 1].cap)
        ):  # fmt: skip
            end += 1  # no further than the name: "King of Fighters and Sony" ends before "and"
            if toks[end - 1].possessive:  # nor past a possessive, which ends a name
                break
        name = toks[start:end]
        # the cheap test first: most ranks name a realm ("King of Spain Felipe VI"), no work
        if name and work_of_a_rank(name) and not leading_place(load_gazetteer(), name):
            out.append((k, end))
    return out


def _set_off_titles(toks: list[Token]) -> list[tuple[int, int]]:
    """A work's title set off by commas after its noun ("Scott's book, The Title, containing ..."):
    capitalised words, and small ones between them, up to the closing comma."""
    found = []
    for k in range(2, len(toks) - 1):
        if toks[k - 1].text != "," or toks[k - 2].low not in WORK_NOUNS or not toks[k].cap:
            continue
        end = k
        while end < len(toks) and toks[end].word and (toks[end].cap or toks[end].low in SMALL):
            end += 1
        if end > k and end < len(toks) and toks[end].text == "," and toks[end - 1].cap:
            found.append((k, end))
    return found


def _titles(toks: list[Token]) -> list[tuple[int, int]]:
    """The spans of works' titles that a capitalised preposition opens after a lower-case word, or after
    a quotation mark that follows one ("his seminal work From Dictatorship to Democracy: A Conceptual
    Framework", 'the book "Beyond Hope and Despair"'), or that quotation marks hold after a work's noun
    ('the film "Pride and Prejudice"'): the capitalised words and the small words between them, a subtitle
    after a colon too."""
    out: list[tuple[int, int]] = []
    for k in range(1, len(toks) - 1):
        tok = toks[k]
        if not tok.word:
            if tok.text in _QUOTES and toks[k - 1].low in WORK_NOUNS and toks[k + 1].cap:
                end = _title_end(toks, k + 1)  # 'the book "Dictatorship and Democracy"'
                if end < len(toks) and toks[end].text in _CLOSING:
                    out.append((k + 1, end))
            continue
        if not tok.cap or tok.low not in _OPENERS:
            continue
        before = toks[k - 1]
        if before.text in _QUOTES and k > 1:
            before = toks[k - 2]
        if not before.word or before.cap:
            continue
        end = _title_end(toks, k + 1)
        if end > k + 1:
            out.append((k, end))
    return out


def _title_end(toks: list[Token], k: int) -> int:
    """Where the title that goes on at ``toks[k]`` ends: after its last capitalised word."""
    end = k
    while k < len(toks):
        tok = toks[k]
        if tok.word and tok.cap:
            end = k + 1
        elif tok.text == ":" and k + 1 < len(toks) and toks[k + 1].cap:
            pass  # a subtitle: "From Dictatorship to Democracy: A Conceptual Framework for Liberation"
        elif not (tok.word and tok.low in SMALL) and tok.text != "-":
            break
        k += 1
    return end
