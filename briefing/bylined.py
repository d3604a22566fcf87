"""A byline left in an article's text: "By Tyler Brooks" on a line of its own names the people who wrote it.

Dumps and pages lose their byline lines on the way into the archive (``briefing.furniture``), but a text
read as it is (``bot.py actors FILE``, a feed's body) keeps them. A title-case line reads as a headline,
whose capitals say nothing, so without this the writer is missed or misread ("Tyler" the Texas city).
"""

from __future__ import annotations

from briefing.cues import COMMON
from briefing.gazetteer import Gazetteer
from briefing.models import Sentence
from briefing.names import SMALL, known_name, plausible_name
from briefing.tokens import Token

# what may follow the last writer's name on the line: a desk or an outlet after a comma or a bar
# ("By Margaret O'Connell, Staff Writer", "By Jo Tran | Reuters")
_AFTER_NAMES = frozenset({",", "|", "-", "–", "—", "/"})
_BETWEEN_NAMES = frozenset({"and", "&"})


def byline_names(
    text: str, sentence: Sentence, toks: list[Token], gaz: Gazetteer, lower: set[str]
) -> list[tuple[int, int]]:
    """The token spans of the writers a byline line names ("By Tyler Brooks", "By Jo Tran and Sam Lee",
    "By Margaret O'Connell, Staff Writer"); none for any other sentence. Every name must look like a
    person's: two to four capitalised words, none a word the text writes in lower case ("By Popular
    Demand" is a headline) or a small word ("By Land And Sea"), none a body or a place the lists know."""
    if len(toks) < 3 or toks[0].text not in ("By", "BY") or not _own_line(text, sentence):
        return []
    spans: list[tuple[int, int]] = []
    k = 1
    while True:
        j = k
        while j < len(toks) and toks[j].word and toks[j].cap and toks[j].low not in SMALL:
            j += 1
        if not _writer(toks[k:j], gaz, lower):
            return []
        spans.append((k, j))
        if j + 1 < len(toks) and toks[j].low in _BETWEEN_NAMES:
            k = j + 1
            continue
        return spans if j == len(toks) or toks[j].text in _AFTER_NAMES else []


def _own_line(text: str, sentence: Sentence) -> bool:
    """Whether the sentence is a whole line of the text (a byline is never inside a paragraph)."""
    before = text[: sentence.start].rstrip(" \t")
    after = text[sentence.end :].lstrip(" \t")
    return (not before or before.endswith("\n")) and (not after or after.startswith(("\n", "\r")))


def _writer(name: list[Token], gaz: Gazetteer, lower: set[str]) -> bool:
    if not 2 <= len(name) <= 4 or not plausible_name(name) or name[-1].possessive:
        return False
    if any(t.norm in lower or t.low in COMMON for t in name):
        return False
    whole = known_name(gaz, " ".join(t.norm for t in name))
    if whole is not None:
        return whole[1] == "person"
    # "By Tyler Brooks": a given name that is also a town's begins a person's name here
    return name[0].norm in gaz.given_names or known_name(gaz, name[0].norm) is None
