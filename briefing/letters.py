"""Letters that are no accent on a base letter, written as readers type them without the key.

Unicode decomposes "é" into "e" and an accent, so dropping accents (NFKD, or FTS5's
``remove_diacritics``) turns "Erdoğan" into "Erdogan"; but "ł", "ø", "đ", "æ", "ß" or the dotless "ı"
decompose into nothing, so "Kukuła", "Løkke", "Đoković", "Kılıçdaroğlu" or "Straße" stayed out of reach
of "Kukula", "Lokke", "Dokovic", "Kilicdaroglu" or "Strasse". :func:`fold_letters` writes each of them as
the common transliteration does, leaving case and every other character as they are: the actor names'
norms (``briefing.aliases.fold``), the full-text index and the search words all pass through it, so a
name is found written either way.
"""

from __future__ import annotations

import re
import unicodedata

_LETTERS = {
    "ł": "l",
    "Ł": "L",
    "ø": "o",
    "Ø": "O",
    "đ": "d",
    "Đ": "D",
    "ð": "d",
    "Ð": "D",
    "þ": "th",
    "Þ": "TH",
    "æ": "ae",
    "Æ": "AE",
    "œ": "oe",
    "Œ": "OE",
    "ı": "i",
    "ß": "ss",
    "ẞ": "SS",
    "ħ": "h",
    "Ħ": "H",
    "ŧ": "t",
    "Ŧ": "T",
    "ĳ": "ij",
    "Ĳ": "IJ",
}


def fold_letters(text: str) -> str:
    """``text`` with "ł", "ø", "đ", "ð", "þ", "æ", "œ", "ı", "ß", "ħ", "ŧ", "ĳ" (and capitals) written
    "l", "o", "d", "d", "th", "ae", "oe", "i", "ss", "h", "t", "ij"; anything else, case included, as it
    is. Each letter becomes letters, so the words of a text stay the same words."""
    if text.isascii():
        return text
    # a string search (and replace) a letter: on a news body some 25 times faster than str.translate,
    # which looks up every character in Python, and 3 times faster than a regular expression
    for letter, plain in _LETTERS.items():
        if letter in text:
            text = text.replace(letter, plain)
    return text


# an accent on a Latin letter (decomposed): FTS5's ``remove_diacritics`` drops these and only these
_LATIN_ACCENTS = re.compile(r"(?<=[a-z])[\u0300-\u036f]+")


def fold_as_indexed(text: str) -> str:
    """``text`` as the full-text index and the search's words compare it: full-width letters and
    ligatures as plain ones (NFKC, as the search reads its words), case folded, the accents of Latin
    letters dropped ("Élysée" as "elysee", the Turkish "İ" as "i"; a decomposed accent too), and the
    letters of :func:`fold_letters` written plainly. The marks of Greek or Cyrillic letters, which FTS5's
    ``remove_diacritics`` keeps ("й" is not "и"), stay."""
    if text.isascii():
        return text.casefold()
    folded = fold_letters(unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold()))
    return unicodedata.normalize("NFC", _LATIN_ACCENTS.sub("", folded))


def has_foldable_letters(text: str) -> bool:
    """Whether :func:`fold_letters` changes ``text``."""
    return not text.isascii() and any(letter in text for letter in _LETTERS)


# The marks keyboards and editors write for one character: iOS and macOS type "’" where others type "'",
# word processors turn "-" into "‐" or "–" and '"' into "“"/"”"/"„" (or « »). The index reads them all as
# the space between words, and a topic's quotes mean a phrase whichever of them stand round it.
_APOSTROPHES = re.compile("[\u2018\u2019\u201a\u201b\u02bc\u02bb\u2032\u00b4`]")
_DOUBLE_QUOTES = re.compile("[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]")
_SPACES = re.compile(r"\s+")


# The apostrophes Unicode counts as letters (modifier letters): FTS5 and a regular expression's \w read
# "dʼIvoire" as one word, where "d'Ivoire" or "d’Ivoire" is two.
LETTER_APOSTROPHES = ("\u02bc", "\u02bb")
# a typed apostrophe inside a word ("O'Brien", "d'Ivoire"), where a name may be written with one of those
INNER_APOSTROPHE = re.compile(r"(?<=[^\W_])'(?=[^\W_])")


def split_apostrophes(text: str) -> str:
    """``text`` with the apostrophes that count as letters (``LETTER_APOSTROPHES``: "ʼ", "ʻ") written "'",
    so that they part words as a typed apostrophe does: "dʼIvoire" is the words "d" and "Ivoire", as
    "d'Ivoire" is. A Hawaiian ʻokina parts its word too, in a topic and in a text alike."""
    if text.isascii():
        return text
    for mark in LETTER_APOSTROPHES:
        text = text.replace(mark, "'")
    return text


def fold_apostrophes(text: str) -> str:
    """``text`` with each apostrophe a keyboard types ("’", "‘", "ʼ", "`" and the like) written "'"."""
    return _APOSTROPHES.sub("'", text)


def fold_punctuation(text: str) -> str:
    """``text`` with each typographic apostrophe written "'", each dash (Unicode's dash punctuation:
    "‐", "‑", "–", "—") "-", each double quote ("“", "”", "„", "«", "»") '"', and each run of spaces one
    space, trimmed: "Cote d’Ivoire" as "Cote d'Ivoire", and "O`Brien" (a backtick, ASCII as it is, typed
    for an apostrophe) as "O'Brien". Letters stay as they are."""
    text = _SPACES.sub(" ", text).strip()
    if text.isascii():
        return text.replace("`", "'")
    text = _DOUBLE_QUOTES.sub('"', _APOSTROPHES.sub("'", text))
    return "".join("-" if unicodedata.category(c) == "Pd" else c for c in text)


# German writes an umlaut without the key as the vowel and an "e" ("Schröder" as "Schroeder", "Müller" as
# "Mueller"); only the names of the archive compare the two, as "oe" is plain English elsewhere ("Joe")
_UMLAUTS = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}


def umlauts_written(text: str) -> str:
    """``text`` with each umlaut written as German writes it without the key: "Söder" as "Soeder"; the
    text as it is when it has none (a decomposed umlaut is composed first)."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFC", text)
    for letter, plain in _UMLAUTS.items():
        if letter in text:
            text = text.replace(letter, plain)
    return text
