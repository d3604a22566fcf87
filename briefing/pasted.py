"""A headline pasted back to the bot: people copy a line of a reply (a /search or /latest entry, a
/brief story, a digest or an alert) or a page's title, and send it to find that article. What they
paste begins with the headline and may go on with what was around it: the outlet and age of a list
entry ("The Guardian · 3 h ago", on the next line), a page title's " | Section | Outlet", a digest
update's "(the story's headline)"; or it begins with the bot's label ("Update: ", "In the story: ").
Searched as words, the outlet's name, the age and the section are words no article holds: nothing is
found. Pure: this module says where a headline may begin in the text, which of its words to look titles
up by (its longest: a rare word's list in the index is short, "the" is in every title), and whether a
stored title ends there as a headline does; the store finds the titles.
"""

from __future__ import annotations

import re
import unicodedata

from briefing.letters import fold_letters
from briefing.topics import FUNCTION_WORDS

TITLE_WORDS = 3  # a title this many words or longer is a headline pasted; a shorter one is a search's words
LEAD_WORDS = 3  # the words of a headline the store looks titles up by
# a title of fewer words ("What we know", "Trump peace deal") is a common phrase: typed alone, it is a
# search's words; pasted with what the bot sent around it (an outlet, a label, another line), a headline
SPECIFIC_WORDS = 4
LINES = 4  # the lines of a pasted message a headline may begin on ("New about Kellogg" may come first)
# the bot's own labels before a headline: a digest's update, an alert's story
_LABEL = re.compile(r"(?:update|in\s+the\s+story)\s*:\s*", re.IGNORECASE)
_TOKEN = re.compile(r"[^\W_]+")
_ACCENTS = re.compile(r"[\u0300-\u036f]+")
# what may follow a whole headline: the end, a line break, a separator of a list entry or a page title
# (" | ", " · ", " • ", " - ", " – ", " — ") or a bracket (a digest update's story, an alert's sources);
# the headline's own closing marks before it
_SEPARATOR = re.compile(r"\s*[|·•—–(…]|\s+-\s")
_AFTER = re.compile(r"[?!.…'\"’”»]*(?:\s*$|[ \t]*\n|\s*[|·•—–(]|\s+-\s)")


def words_of(text: str, start: int = 0) -> list[tuple[str, int, int]]:
    """The words of ``text`` from ``start``, each folded as the index folds it (case, accents, "ł", "ß")
    with where it stands in ``text``: a pasted headline and a stored title are the same headline when
    their words are."""
    return [(_folded(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(text, start)]


def _folded(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", fold_letters(word).casefold())
    return unicodedata.normalize("NFC", _ACCENTS.sub("", decomposed))


def headline_starts(text: str) -> list[int]:
    """Where a headline may begin in a pasted text: at the start of each of its first ``LINES`` lines,
    after a label of the bot's own ("Update: ")."""
    starts: list[int] = []
    at = 0
    for line in text.split("\n"):
        if line.strip() and len(starts) < LINES:
            begin = at + len(line) - len(line.lstrip())
            label = _LABEL.match(text, begin)
            starts.append(label.end() if label else begin)
        at += len(line) + 1
    return starts


def lead_words(text: str, start: int) -> list[str]:
    """Words a headline that begins at ``start`` surely has, for the store to find the titles that hold
    them: of its words up to the first separator on its line (at least its first ``TITLE_WORDS``), the
    ``LEAD_WORDS`` longest that are no function word (a long word is a rare one, quickly looked up;
    "the" is in every title). None for a headline of function words alone."""
    line_end = text.find("\n", start)
    line = text[: line_end if line_end >= 0 else len(text)]
    words = words_of(line, start)
    cut = _SEPARATOR.search(line, start)
    first = [w for w, _, end in words if cut is None or end <= cut.start()]
    first = first if len(first) >= TITLE_WORDS else [w for w, _, _ in words[:TITLE_WORDS]]
    telling = list(dict.fromkeys(w for w in first if w not in FUNCTION_WORDS))
    return sorted(telling, key=len, reverse=True)[:LEAD_WORDS]


def title_end(text: str, start: int, title: str) -> int | None:
    """Where the headline ``title`` ends in ``text``, when the text holds it from ``start`` as a pasted
    headline is held: all its words, then the end, a line break or a separator (:data:`_AFTER`); or the
    first of its words (``TITLE_WORDS`` at least) up to the "…" where the bot cut a long headline (the
    last word may be cut too). None otherwise, and for a title shorter than ``TITLE_WORDS`` words: "Week
    in review" pasted is a headline, "Ukraine" typed is a word to search for."""
    wanted = [w for w, _, _ in words_of(title)]
    if len(title.split()) < TITLE_WORDS or not wanted:
        return None
    line_end = text.find("\n", start)
    line = text[: line_end if line_end >= 0 else len(text)]
    got = words_of(line, start)
    if [w for w, _, _ in got[: len(wanted)]] == wanted:
        end = got[len(wanted) - 1][2]
        return end if _AFTER.match(text, end) else None
    cut = line.find("…", start)
    before = [g for g in got if g[2] <= cut] if cut >= 0 else []
    if len(before) < TITLE_WORDS or len(before) >= len(wanted) or line[before[-1][2] : cut].strip():
        return None
    held = [w for w, _, _ in before]
    if held[:-1] == wanted[: len(held) - 1] and wanted[len(held) - 1].startswith(held[-1]):
        return cut
    return None


def names_outlet(rest: str, outlet: str) -> bool:
    """Whether what was pasted after a headline names the outlet ("| Music | The Guardian"): its words
    in a row, case and accents aside."""
    wanted = [w for w, _, _ in words_of(outlet)]
    got = [w for w, _, _ in words_of(rest)]
    return bool(wanted) and any(got[i : i + len(wanted)] == wanted for i in range(len(got)))


def specific(text: str, start: int, end: int, title: str) -> bool:
    """Whether the headline ``title``, held by ``text`` from ``start`` to ``end``, was surely pasted: a
    title of ``SPECIFIC_WORDS`` words or more, or a shorter one with more of the bot's text around it
    (a line or label before it, an outlet or section after it). "What we know" typed alone is the words
    of a search (newest first), not the article of that title, however old."""
    if len(words_of(title)) >= SPECIFIC_WORDS:
        return True
    return bool(text[:start].strip() or text[end:].strip(" \t\n?!.'\"’”»"))
