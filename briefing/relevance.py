"""How well an article matches a topic's words: whether its title holds them all, and a BM25 score. Pure.

FTS5's own ``bm25()`` is exact but costs a scan of each word's whole posting list per statement: for a word
in most of a 100,000-article archive ("Ukraine") that is seconds for a few hundred articles. A topic brief
only needs to order the few hundred articles it already found, so the score is computed here from their
text: the words are stemmed as FTS5's porter tokenizer does, title words weigh ``TITLE_WEIGHT`` times body
words, term frequency saturates (``K1``) and is normalised by length (``B``), and a word's weight (idf)
is taken over the articles being ranked.

:func:`closeness` says how closely an article holds a topic of several words: as the phrase typed, its
words near each other, or only each somewhere (a "Union" here and a "state" there).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from functools import lru_cache

from nltk.stem.porter import PorterStemmer

from briefing.aliases import fold
from briefing.figures import figure_pattern, figures
from briefing.letters import fold_letters, split_apostrophes
from briefing.topics import SLACK, is_name, is_own_word

TITLE_WEIGHT = 10.0
K1 = 1.2
B = 0.75
_WORD = re.compile(r"[^\W_]+")
_PORTER = PorterStemmer(PorterStemmer.ORIGINAL_ALGORITHM)


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The porter stem of a folded word ("Talks" -> "talk", "Ukraine's" -> "ukrain")."""
    return _PORTER.stem(fold(word))


def _counts(text: str, stems: set[str], finder: re.Pattern[str]) -> tuple[dict[str, int], int]:
    """How often each stem occurs in ``text``, and the text's length in words (estimated)."""
    found: dict[str, int] = {}
    for match in finder.finditer(text):
        s = stem(match.group())
        if s in stems:
            found[s] = found.get(s, 0) + 1
    return found, max(1, len(text) // 6)


def _word_start(prefix: str) -> str:
    """A pattern of ``prefix`` at the start of a word (as ``\\b`` before it). For a prefix that opens
    with a letter or digit, that no such character (nor "_") comes before it is asked once the prefix
    has matched, of the prefix and the character before it: ``\\b`` first makes the regex engine test
    every position of a text (2 to 3 times as slow on a body), and the two match at the same places."""
    word = re.escape(prefix)
    return rf"{word}(?<!\w{word})" if re.match(r"\w", prefix) else rf"\b{word}"


def topic_relevance(
    words: Sequence[str], texts: Mapping[int, tuple[str, str]]
) -> dict[int, tuple[bool, float]]:
    """For each article id, (title holds every word, BM25 score >= 0) for ``words`` over its
    ``(title, body)``."""
    stems = {stem(w) for w in words if w.strip()}
    if not stems or not texts:
        return {a: (False, 0.0) for a in texts}
    # candidate words start like a stem; the stem of each candidate decides
    prefixes = sorted({s[: max(1, min(len(s), 4))] for s in stems}, key=len, reverse=True)
    finder = re.compile("(?:" + "|".join(map(_word_start, prefixes)) + r")[^\W_]*", re.I)
    seen: dict[int, tuple[dict[str, float], float, bool]] = {}
    for article, (title, body) in texts.items():
        # "Løkke" written so begins like the stem of "Lokke" once its letters are folded as the index's
        in_title, title_len = _counts(fold_letters(title), stems, finder)
        in_body, body_len = _counts(fold_letters(body), stems, finder)
        tf = {s: TITLE_WEIGHT * in_title.get(s, 0) + in_body.get(s, 0) for s in stems}
        seen[article] = (tf, TITLE_WEIGHT * title_len + body_len, set(in_title) == stems)
    n = len(seen)
    average = sum(length for _, length, _ in seen.values()) / n
    df = {s: sum(1 for tf, _, _ in seen.values() if tf[s]) for s in stems}
    idf = {s: math.log(1 + (n - df[s] + 0.5) / (df[s] + 0.5)) for s in stems}
    out: dict[int, tuple[bool, float]] = {}
    for article, (tf, length, titled) in seen.items():
        norm = K1 * (1 - B + B * length / average)
        out[article] = (titled, sum(idf[s] * tf[s] * (K1 + 1) / (tf[s] + norm) for s in stems if tf[s]))
    return out


APART, NEAR, PHRASE = 0, 1, 2  # how closely an article holds a topic's words (:func:`closeness`)
# a word of the phrase may stand with a plural or verb ending, as the index's stemmer lets it ("unions"),
# but not as another word of the same stem ("Lords" is no "Lorde")
_ENDING = "(?:s|es|ed|d|ing)?"
# what may stand between two words of a phrase: spaces, hyphens, quotes, a joining "&" or "." ("AT&T",
# "U.S."), but no end of a sentence or clause
_BETWEEN = r"(?:[^\w.!?;:,]|_|\.(?=[^\W_]))+"


# the combining marks of accents on Latin letters (as the index's remove_diacritics drops them)
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def plain(text: str) -> str:
    """``text`` compared as the search index compares words: case folded, accents and the letters of
    ``briefing.letters`` folded. Each character stays a character or a few letters, words stay words.
    (A regular expression drops the marks: a body with one curly quote is not ASCII, and testing each
    character in Python costs 8 times as much.)"""
    text = fold_letters(text)
    if not text.isascii():
        text = _MARKS.sub("", unicodedata.normalize("NFKD", text))
    return text.casefold()


def _word_pattern(token: str, ending: str = _ENDING) -> str:
    """``token`` as a whole word, with an ending (``_ENDING``; "" for none: "news", not the start of
    "newsroom"). That no letter comes before it is asked once the word has matched, of the word and the
    character before it: a pattern that opens with that test makes the regex engine try it at every
    position of a text (3 times as slow on a body), and the word and its letter before match exactly where
    the test alone would have failed."""
    word = re.escape(plain(token))
    return rf"{word}(?<![^\W_]{word}){ending}(?![^\W_])"


# a word whose symbols are part of its name: letters joined by "&" or "+" ("AT&T", "H&M", "S&P"), or
# ending in "+" or "#" ("C++", "C#", "Google+"); the index drops the symbols ("C++" is a "c" to it)
_SYMBOLIC = re.compile(r"[^\W_]+(?:[&+][^\W_]+)+|[^\W_]+[+#]+")
_AROUND = "\"'“”‘’«»„()[]{}.,;:!?"  # what may stand around a word of a query and is no part of it


def written_words(query: str, spellings: Sequence[str] = ()) -> list[re.Pattern[str]]:
    """The words of a search the index cannot tell apart from others, as patterns each matching article
    must match on its :func:`plain` text: a word whose symbols are part of it ("AT&T" as written, not
    "at" and "t" anywhere; "C++", not every "C"), and a query of one capitalised word, a name ("Lorde"),
    which the index's stemmer would find as other words of its stem ("Lords", "lord"): it may take a
    plural or verb ending only; so may a word the stemmer would cut to another word ("wellness" to
    "well", :func:`_stem_changes_word`); a figure with its unit ("2%", "£48bn": ``briefing.figures``).
    ``spellings`` are other spellings of that name, any of which will do."""
    chunks = _chunks(query)
    patterns = [re.compile(_symbol_pattern(c), re.I) for c in chunks if _SYMBOLIC.fullmatch(c)]
    if not patterns and len(chunks) == 1 and is_name(chunks[0]):
        forms = [chunks[0], *(s for s in spellings if _WORD.fullmatch(s))]
        patterns.append(re.compile("|".join(_word_pattern(f) for f in dict.fromkeys(forms)), re.I))
    else:  # each word of an ending of its own, as written: "wellness", not "well"
        own = [c for c in dict.fromkeys(chunks) if _stem_changes_word(c)]
        patterns += [re.compile(_own_ending_pattern(c), re.I) for c in own]
    # "2%" as a per-cent, not every "2"; "£48bn" as that amount in any of its units' forms
    patterns += [figure_pattern(f) for f in figures(unicodedata.normalize("NFKC", query))]
    return patterns


def followed_words(topic: str) -> list[re.Pattern[str]]:
    """The words of a followed topic the index cannot tell apart from others (:func:`written_words`),
    and those it reads as another word that a search may find but a follow should not: a word ending in
    "s" that is no plural ("news", which the stemmer reads as "new": ``topics.is_own_word``), found as
    a whole word. The digest and the alerts keep only the articles that hold them."""
    patterns = written_words(topic)
    own = [c for c in dict.fromkeys(_chunks(topic)) if is_own_word(plain(c))]
    patterns += [re.compile(_word_pattern(c, ending=""), re.I) for c in own]  # "news's": "'" ends a word
    return patterns


def _chunks(query: str) -> list[str]:
    """The words of a query as typed, without the quotes and marks around them (``_AROUND``); "OʼBrien"
    (an apostrophe that counts as a letter) is "O'Brien", no one word of a name."""
    chunks = [c.strip(_AROUND) for c in split_apostrophes(unicodedata.normalize("NFKC", query)).split()]
    return [c for c in chunks if c]


# endings that make a word of their own, which the index's (Porter) stemmer cuts off, so that "wellness"
# would find every "well", "useful" every "us", "capitalism" every "capital"
_OWN_ENDINGS = re.compile(r"[^\W\d_]{2,}(?:ness|nesses|ful|ism|isms)", re.I)


def _stem_changes_word(word: str) -> bool:
    """Whether the index would find ``word`` as another, shorter word: it ends in an ending of its own
    ("-ness", "-ful", "-ism") that the stemmer cuts ("wellness" is "well" to it)."""
    if not _OWN_ENDINGS.fullmatch(word):
        return False
    low = word.casefold()
    return len(_PORTER.stem(low)) < len(low.removesuffix("es").removesuffix("s")) - 2


# the word of an ending of its own in its other forms: a plural ("businesses", "isms"), an adverb ("-fully")
_OWN_FORMS = re.compile(r"(ness|ful|ism)(?:es|s)?$")


def _own_ending_pattern(word: str) -> str:
    """``word`` (:func:`_stem_changes_word`) as a whole word in any of its forms, singular or plural,
    "-ful" or "-fully" ("businesses" finds "business", "careful" finds "carefully"), never its stem alone."""
    base = _OWN_FORMS.sub(r"\1", plain(word))
    stem = re.escape(base)
    return rf"{stem}(?<![^\W_]{stem})(?:es|s|ly)?(?![^\W_])"


def _symbol_pattern(word: str) -> str:
    """``word`` as written, its letters folded as :func:`plain` folds them; "&" with a space either side
    or none ("AT & T"); a version may follow a closing symbol ("C++11")."""
    pieces = re.split(r"([&+#])", plain(word))
    body = "".join(r"\s?&\s?" if p == "&" else re.escape(p) for p in pieces if p)
    after = r"(?![^\W\d_]|[+#])" if word[-1] in "+#" else r"(?![^\W_])"  # "C++11" is C++
    return rf"(?<![^\W_]){body}{after}"


def holding(texts: Mapping[int, tuple[str, str]], patterns: Sequence[re.Pattern[str]]) -> list[int]:
    """The articles whose title or body matches each of ``patterns`` (:func:`written_words`), as
    written or as :func:`plain` folds it."""
    return [
        article
        for article, (title, body) in texts.items()
        if all(_holds(p, title) or _holds(p, body) for p in patterns)
    ]


def closeness(
    phrase: Sequence[str], words: Sequence[str], texts: Mapping[int, tuple[str, str]]
) -> dict[int, int]:
    """For each article id, how closely its ``(title, body)`` holds a topic: ``PHRASE`` when title or
    body has the ``phrase`` (all the words typed, function words too) side by side in order, ``NEAR``
    when the telling ``words`` stand close together in any order (``briefing.topics``: one other word
    between each two), else ``APART``. "State of the Union" is a phrase in "Trump's State of the Union
    address"; a text with "Christian Democratic Union" in one paragraph and "the state" in another has
    the words only apart."""
    if not phrase or not words:
        return {a: APART for a in texts}
    whole = re.compile(_BETWEEN.join(_word_pattern(t) for t in phrase), re.I)
    finders = [re.compile(_word_pattern(w), re.I) for w in dict.fromkeys(words)]
    reach = len(finders) - 1 + SLACK * max(len(finders) - 1, 1)  # first to last word, in words
    out: dict[int, int] = {}
    for article, (title, body) in texts.items():
        if _holds(whole, title) or _holds(whole, body):
            out[article] = PHRASE
        elif len(finders) > 1 and any(_near(t, finders, reach) for t in [*_forms(title), *_forms(body)]):
            out[article] = NEAR
        else:
            out[article] = APART
    return out


# letters :func:`plain` may fold (accented Latin, Greek and Cyrillic letters, marks, full-width forms): a
# text without any is compared as it is, sparing the fold of a body whose only other characters are quotes
_FOLDED = re.compile("[\u00c0-\u024f\u0300-\u04ff\u1e00-\u1fff\uff00-\uffef]")


def _forms(text: str) -> list[str]:
    """``text`` as it is, and as :func:`plain` folds it when that can differ (see ``_FOLDED``)."""
    return [text, plain(text)] if _FOLDED.search(text) else [text]


def _holds(pattern: re.Pattern[str], text: str) -> bool:
    """Whether ``pattern`` (of :func:`plain` words, ignoring case) matches ``text``: as it is, which
    is how most texts that hold it do, else as :func:`plain` folds it ("Zürich" for "zurich")."""
    return bool(pattern.search(text) or (_FOLDED.search(text) and pattern.search(plain(text))))


def _near(text: str, finders: Sequence[re.Pattern[str]], reach: int) -> bool:
    """Whether every finder matches ``text`` within ``reach`` words of the first match. Only the words
    between matches close together are counted, not the whole text's."""
    found = [list(f.finditer(text)) for f in finders]
    if not all(found):
        return False
    hits = sorted((m.start(), m.end(), k) for k, matches in enumerate(found) for m in matches)
    for i, (_, end, first) in enumerate(hits):
        seen, words = {first}, 0
        for start, later_end, k in hits[i + 1 :]:
            words += len(_WORD.findall(text, end, start)) + 1  # the words up to and including this one
            if words > reach:
                break
            seen.add(k)
            end = later_end
        if len(seen) == len(finders):
            return True
    return False
