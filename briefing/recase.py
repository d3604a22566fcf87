"""A headline set in capitals ("SENATE APPROVES CLEAN PORTS ACT 52-48") written as the article writes its
words ("Senate approves Clean Ports Act 52-48"): a briefing of shouting lines is hard to read, and a
reader cannot tell a name from a word in them. Each word takes the case the article's own text gives it
(where a word stands mid-sentence, so "Senate" and "Clean Ports Act" keep their capitals and "approves"
loses them); a word the text never writes is lower case, unless it is short enough to be an acronym the
text leaves out ("UN"). Pure.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from briefing.cues import COMMON

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s$")
_OPENERS = '.!?:;"“”'  # the last mark before a word that starts a sentence
SHOUTED = 0.9  # this share of a headline's letters in capitals: set in capitals, not a name or an acronym
MIN_LETTERS = 12  # "NATO SUMMIT" is short enough to be a label; recasing needs a headline's length
ACRONYM_LETTERS = 2  # an unknown word this short in capitals is an acronym ("UN"; "SAY" is no acronym)


def is_shouted(title: str) -> bool:
    """Is ``title`` set in capitals (at least :data:`SHOUTED` of its cased letters, enough of them)?"""
    cased = [c for c in title if c.isalpha() and c.lower() != c.upper()]
    return len(cased) >= MIN_LETTERS and sum(c.isupper() for c in cased) >= SHOUTED * len(cased)


def readable_title(title: str, text: str) -> str:
    """``title`` in the case ``text`` writes its words, when it is set in capitals; else as it is."""
    if not is_shouted(title):
        return title
    forms = _forms(text)
    first = True

    def recase(m: re.Match[str]) -> str:
        nonlocal first
        word = m.group(0)
        form = forms.get(word.casefold())
        if form is None:
            keep = len(word) <= ACRONYM_LETTERS and word.casefold() not in COMMON
            form = word if keep else word.lower()
        if first:
            form, first = form[:1].upper() + form[1:], False
        return form

    return _WORD.sub(recase, title)


def _forms(text: str) -> dict[str, str]:
    """Each word of ``text`` (by its folded case) in the form the text writes it most where it stands
    mid-sentence; a word seen only at the start of a sentence or line is lower case unless it is a short
    word in capitals ("NATO said"): "Flooded streets slowed ..." says nothing of "flooded", and a name
    is rarely written only there."""
    inside: defaultdict[str, Counter[str]] = defaultdict(Counter)
    starting: dict[str, str] = {}
    lines = (line for line in text.splitlines() if not is_shouted(line))  # a headline repeated in capitals
    for line in lines:
        for m in _WORD.finditer(line):
            word = _POSSESSIVE.sub("", m.group(0))  # "Chad's" writes "Chad"
            key = word.casefold()
            if _opens(line, m.start()):
                starting.setdefault(key, word)
            else:
                inside[key][word] += 1
    forms = {key: counts.most_common(1)[0][0] for key, counts in inside.items()}
    for key, word in starting.items():
        acronym = word.isupper() and 1 < len(word) <= 5 and key not in COMMON  # "NATO said ..."
        forms.setdefault(key, word if acronym else word.lower())
    return forms


def _opens(text: str, start: int) -> bool:
    """Does the word at ``start`` of a line open a sentence or the line (where any word has a capital)?"""
    k = start - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k < 0 or text[k] in _OPENERS
