"""German copy capitalises every noun, so a noun right after a name looks like more of it: "in München
Neuwahlen gefordert" is the place München and the noun "Neuwahlen", which a headline ("Söder fordert
Neuwahlen") then reads as a person. This pass, for German text only, cuts the noun off the place and
drops the lone word the text writes as a noun."""

from __future__ import annotations

from itertools import pairwise

from briefing.aliases import PARTICLES
from briefing.coref import Candidate
from briefing.cues import ORG_HEADS, PLACE_HEADS, SPEECH_VERBS, words
from briefing.foreign import outnumbers_english
from briefing.gazetteer import Gazetteer
from briefing.names import GERMAN_ARTICLES, known_name, leading_place
from briefing.tokens import Positions, Token

# the commonest German function words, counted in lower case to tell German copy from English
_GERMAN_WORDS = words(
    "der die das und ist nicht mit auf für von zu den dem des sich hat wird ein eine im am zum zur auch sagte"
    " sei seien wurde werden nach bei oder"
)
_ENGLISH_WORDS = words("the of and to in is was that for on with by at from it has have are were said")
# verbs of speech after a person's name in German and English copy
_SAID = SPEECH_VERBS | words("sagte sagt erklärte erklärt betonte meinte kritisierte forderte fordert teilte")
# words after which German writes a noun, never a name: articles and determiners
_BEFORE_NOUNS = GERMAN_ARTICLES | words("kein keine keinen keiner neue neuen weitere")


def text_in_german(tokens: list[list[Token]]) -> bool:
    """Is the text German copy: three of German's commonest words in lower case at least, and more of them
    than of English's (a quoted "und" in English news is not enough)?"""
    return outnumbers_english(tokens, _GERMAN_WORDS, _ENGLISH_WORDS)


def german_nouns(cands: list[Candidate], tokens: list[list[Token]], gaz: Gazetteer) -> list[Candidate]:
    """In German copy, a place of two words read from its context, whose first word is a known place or
    whose last the text writes apart too ("in München Neuwahlen gefordert" under "Söder fordert
    Neuwahlen"), is its first word; and a lone word typed a person that the text writes as a noun (cut
    off such a place, or after an article: "die Neuwahlen") names no one, unless it is a surname of a
    person the text names in full or speaks ("Söder sagte"). English copy is returned as it is."""
    if not text_in_german(tokens):
        return cands
    nouns = _after_articles(tokens)
    surnames = {c.toks[-1].norm for c in cands if c.type == "person" and len(c.toks) > 1}
    lone = _written_alone(tokens)
    for c in cands:
        if _place_then_noun(c, gaz, lone | nouns):
            nouns.add(c.toks[1].norm)
            known = leading_place(gaz, c.toks[:1])
            c.toks, c.type, c.why = c.toks[:1], "place", "context"
            c.canonical = known[0] if known else c.toks[0].text
    _nouns_before_names(cands, tokens)
    return [c for c in cands if not _noun(c, nouns, surnames, gaz) or _speaks(c.norm, tokens)]


def _nouns_before_names(cands: list[Candidate], tokens: list[list[Token]]) -> None:
    """A person of three words or more right after a German article opens with the noun the article
    goes with, no part of the name: "des Sängers Udo Lindenberg", "der Schauspielerin Maria Furtwängler",
    "des Sicherheitsrats Sergej Schoigu" are Udo Lindenberg, Maria Furtwängler and Sergej Schoigu."""
    positions = Positions(tokens)
    for c in cands:
        if c.type != "person" or len(c.toks) < 3 or not c.toks[0].cap or c.toks[1].low in PARTICLES:
            continue
        at = positions.of(c.sentence).get(c.start)
        before = tokens[c.sentence][at - 1] if at else None
        if before is not None and not before.cap and before.low in GERMAN_ARTICLES:
            c.toks = c.toks[1:]
            if c.canonical and len(c.canonical.split()) == len(c.toks) + 1:
                c.canonical = c.canonical.split(" ", 1)[1]


def _place_then_noun(c: Candidate, gaz: Gazetteer, lone: set[str]) -> bool:
    """Is ``c``, two words read as a place from its context or as a body named after a place, a place and
    a noun: no name the lists know whole, its second word capitalised, no place's or body's head and no
    known name, and its second word one the text writes alone or after an article elsewhere ("in München
    Neuwahlen", "in Düsseldorf Reformen ... die Reformen"), or its first a known place where the context
    made it a place? "Frankfurt Airport" and "Den Haag" stay."""
    if len(c.toks) != 2 or (c.type, c.why) not in _PLACE_READINGS or known_name(gaz, c.norm) is not None:
        return False
    first, second = c.toks
    if not second.cap or not second.word or second.low in PLACE_HEADS or second.low in ORG_HEADS:
        return False
    if known_name(gaz, second.norm) is not None or first.low in PLACE_HEADS:
        return False
    if second.norm in lone:
        return True
    hit = leading_place(gaz, c.toks[:1])
    return c.type == "place" and hit is not None and hit[2] == "place"


# the readings of two words that a place before a German noun gets: "in München Neuwahlen" a place by the
# "in", "Düsseldorf Reformen" a body named after a place ("Texas Instruments")
_PLACE_READINGS = {("place", "context"), ("organization", "placename")}


def _written_alone(tokens: list[list[Token]]) -> set[str]:
    """The capitalised words the text writes with no capitalised word before or after them."""
    out = set()
    for toks in tokens:
        for k, t in enumerate(toks):
            before = toks[k - 1] if k else None
            after = toks[k + 1] if k + 1 < len(toks) else None
            if t.cap and t.word and not (before and before.cap) and not (after and after.cap and after.word):
                out.add(t.norm)
    return out


def _speaks(norm: str, tokens: list[list[Token]]) -> bool:
    """Does the word stand before a verb of speech somewhere ("Söder sagte")? A noun does not speak."""
    return any(a.norm == norm and not b.cap and b.low in _SAID for toks in tokens for a, b in pairwise(toks))


def _after_articles(tokens: list[list[Token]]) -> set[str]:
    """The capitalised words the text writes right after a German article or determiner: nouns."""
    return {
        b.norm
        for toks in tokens
        for a, b in pairwise(toks)
        if not a.cap and a.low in _BEFORE_NOUNS and b.cap and b.word
    }


# the readings of a lone word that only its shape or the tagger gave: "Neuwahlen" a person, "Reformen" a body
_GUESSES = {("person", ""), ("organization", "guess"), ("person", "guess")}


def _noun(c: Candidate, nouns: set[str], surnames: set[str], gaz: Gazetteer) -> bool:
    """Is ``c`` one word that only a guess made a person or a body and that is a noun of the text, with no
    title, role or list behind it and no surname of a person the text names in full?"""
    if (c.type, c.why) not in _GUESSES or len(c.toks) != 1 or c.norm not in nouns or c.norm in surnames:
        return False
    return not c.roles and not c.context and known_name(gaz, c.norm) is None
