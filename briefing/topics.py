"""Where a followed topic is in a text: its words close together, not each anywhere. Pure.

A topic of several words is read as what people mean by it: "port strike" is a strike at a port, not an
article that says "strike" in one paragraph and "port" in another, nor "a missile strike on the port".
Its words must stand within one word of each other (in any order: "strike at the port" is no match,
"port workers' strike" and "a strike at port" are; a topic of three words or more may have one other word
between each two of its words: "Rotterdam dock strike" is in "Dock workers strike halts Rotterdam port");
in quotes (``"port strike"``) they must stand exactly so, in that order. The store's FTS5 query
(``store.search.topic_query``) says the same to the index; this module finds the sentence that holds
the topic, for an alert to show why it came.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from briefing.letters import fold_as_indexed, split_apostrophes
from briefing.sentences import split_sentences
from briefing.terms import stem

# The other words a multi-word topic's words may have between them, for each two of its words (FTS5
# NEAR's distance is these plus the topic's words less two): one word ("port workers strike"), never
# "on the"; two in a topic of three words ("Dock workers strike halts Rotterdam").
SLACK = 1
QUOTES = {'"': '"', "“": "”", "«": "»", "„": "“"}
_WORD = re.compile(r"[^\W_]+")
# a word followed may stand with a plural or verb ending ("strikes", "exported"), as the index's stemmer
# lets it; the text's word must start with the topic's (or its root's: ``_TOPIC_ENDINGS``)
_ENDINGS = ("", "s", "es", "ed", "d", "ing", "'s")
# A topic word typed with such an ending ("businesses", "strikes", "exported") stands for its root as well
# ("business", "strike", "export"), as the index finds it: the ending is dropped when the index's (Porter)
# stemmer (``briefing.terms.stem``) reads the root as the same word; "striking" is kept whole (its stem is
# "strike", not "strik").
_TOPIC_ENDINGS = ("es", "s", "ing", "ed", "d")
_MIN_ROOT = 3  # "bus" is not a plural of "bu"
# Words ending in "s" that are no plural of the word without it, though the index's stemmer reads them as
# that word ("news" as "new", "goods" as "good", "economics" as "economic"): a follow of one is found as
# written (with a possessive), never as the other word (:func:`is_own_word`; ``relevance.followed_words``).
NOT_PLURALS = frozenset(
    """news goods odds arms customs economics politics physics athletics electronics""".split()
)

# Words that nearly every article has. Beside other words they are left out of a topic or query (every
# word must match, and "the envoy" should find an article that never writes "the"); alone they are all
# there is. Not "us" (the US) or "who" (the WHO), which can be news names.
FUNCTION_WORDS = frozenset(
    """a an the and or nor but not no of in on at to for from by with as is are was were be been it its
    this that these those than then so if into onto over via per""".split()
)


@dataclass(frozen=True)
class Topic:
    """A followed topic's words (casefolded), and whether they were quoted to be an exact phrase.
    ``name``: the topic is one capitalised word, a name ("Lords"), found as written with an ending
    only, never as its root ("Lord"), as the search finds a name (``relevance.written_words``)."""

    words: tuple[str, ...]
    exact: bool
    name: bool = False


def quoted(value: str) -> bool:
    """Whether a topic was followed in quotes, as an exact phrase (``"port strike"``)."""
    return len(value) > 2 and QUOTES.get(value[0]) == value[-1]


# a name of letters joined by "&" or "." ("AT&T", "H&M", "U.S."): its pieces are the name, however short
_JOINED = re.compile(r"^[^\W_]+(?:[&.][^\W_]+)+\.?$")


def is_joined_name(word: str) -> bool:
    """Whether a word as typed (quotes or brackets around it allowed) is a name of joined letters."""
    return bool(_JOINED.match(word.strip("\"'“”‘’«»„()")))


def read_topic(value: str) -> Topic:
    """The topic's words; unquoted, without the function words beside others ("strike in Rotterdam"),
    but with every piece of a joined name ("AT&T": "at" and "t")."""
    words = _words(value)
    if quoted(value) and len(words) > 1:
        return Topic(tuple(words), True)
    named = {w for chunk in value.split() if is_joined_name(chunk) for w in _words(chunk)}
    telling = [w for w in words if w not in FUNCTION_WORDS or w in named]
    return Topic(tuple(telling or words), False, name=is_name(split_apostrophes(value).strip()))


def is_name(word: str) -> bool:
    """A word written as a name: one run of letters, capitalised, not all in capitals (an acronym, or
    shouted: those are matched in their own way). A followed topic and a search alike find such a word as
    written, with an ending only (``relevance.written_words``)."""
    return bool(_WORD.fullmatch(word)) and word[0].isupper() and not word.isupper()


def near_distance(words: int) -> int:
    """FTS5 NEAR's distance (tokens between the first and last of the words) for a topic of ``words``."""
    return max(words - 2, 0) + _slack(words)


def _slack(words: int) -> int:
    """The other words a topic of ``words`` may have among its own (see ``SLACK``)."""
    return SLACK * max(words - 1, 1)


def _words(text: str) -> list[str]:
    """The words of a text or topic folded as the index folds them (``fold_as_indexed``): the topic
    "Elysee", which the search finds in "Élysée", is found there in the sentence too. An apostrophe that
    counts as a letter ("dʼIvoire") parts words as "'" does (``split_apostrophes``), in the topic and the
    text alike, as the search finds "d'Ivoire" in either (``store.search.topic_query``)."""
    return _WORD.findall(fold_as_indexed(split_apostrophes(text)))


def _same(word: str, wanted: str) -> bool:
    return word.startswith(wanted) and word[len(wanted) :] in _ENDINGS


def is_own_word(word: str) -> bool:
    """Whether a (folded) topic word ends in "s" without being the plural of the word before it
    (:data:`NOT_PLURALS`): "news" is no plural of "new"."""
    return word in NOT_PLURALS


@lru_cache(maxsize=1024)
def _root(word: str) -> str | None:
    """The topic word less the ending it was typed with (see ``_TOPIC_ENDINGS``), if the index reads
    the two as one word: "businesses" is "business", "closed" is "close"; None if it has no such ending,
    or is a word of its own ("news" is no form of "new": :func:`is_own_word`)."""
    if is_own_word(word):
        return None
    for ending in _TOPIC_ENDINGS:
        root = word.removesuffix(ending)
        if root != word and len(root) >= _MIN_ROOT and stem(root) == stem(word):
            return root
    return None


def _matcher(topic: Topic) -> Callable[[str, str], bool]:
    """How a word of the text is one of the topic's: the topic word with an ending; for a topic that is
    no name, also any form of its root the index reads as that word ("business", "business's" for
    "businesses"; not "busy", whose stem is the same but not its start)."""
    if topic.name:
        return _same

    def same(word: str, wanted: str) -> bool:
        if _same(word, wanted):
            return True
        root = _root(wanted)
        return root is not None and _same(word, root) and stem(word) == stem(wanted)

    return same


def mentions_topic(text: str, topic: Topic) -> bool:
    """Whether ``text`` holds the topic: one word anywhere; several close together (``SLACK``), in the
    order typed and side by side when quoted."""
    if not topic.words:
        return False
    same = _matcher(topic)
    words = _words(text)
    span = len(topic.words) + (0 if topic.exact else _slack(len(topic.words)))
    for start in range(len(words)):
        window = words[start : start + span]
        if topic.exact:
            if len(window) == span and all(same(w, t) for w, t in zip(window, topic.words, strict=True)):
                return True
        elif any(same(window[0], t) for t in topic.words) and all(
            any(same(w, t) for w in window) for t in topic.words
        ):
            return True
    return False


def sentence_about(text: str, topic: Topic) -> str | None:
    """The first sentence of ``text`` that holds the topic, if one does."""
    return next((s.text for s in split_sentences(text) if mentions_topic(s.text, topic)), None)
