"""Armed groups named by a code: "the M23 armed group", "M23 rebels", "the B13 militia".

A code of capitals and digits is no name on its own ("F-16", "M23" the motorway, ``briefing.tokens``), but
before the words of an armed group it names that group; the text's other mentions of the same code
("M23 took Goma") name it too.
"""

from __future__ import annotations

from briefing.coref import Candidate
from briefing.cues import ARMED_HEADS, ARMED_KINDS, NOT_ACRONYMS, words
from briefing.gazetteer import Gazetteer
from briefing.tokens import Token

# what follows a group's code: "M23 rebels", "the M23 militia" (not "fighters": "F-16 fighters" are jets)
_MEMBERS = words("rebels militia militias militiamen insurgents guerrillas")


def code(tok: Token) -> bool:
    """A group's code: capitals and digits ("M23"; "FDLR", all capitals, is an acronym and a name already)."""
    text = tok.text
    if not tok.word or tok.cap or len(text) > 8 or not text[0].isupper():
        return False
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and any(c.isdigit() for c in text)


def _armed_after(toks: list[Token], k: int) -> bool:
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is None or nxt.cap:
        return False
    if nxt.low in _MEMBERS:
        return True
    # two words: "the M23 armed group", "the M23 rebel movement"
    return nxt.low in ARMED_KINDS and k + 2 < len(toks) and toks[k + 2].low in ARMED_HEADS


def coded_groups(tokens: list[list[Token]], headlines: list[int], gaz: Gazetteer) -> list[Candidate]:
    """Organisations for every mention of a code the text puts before an armed group's words, unless the
    lists know the code as something else ("G20 rebels" are rebels within the Group of 20, which stays
    itself wherever the text names it)."""
    skip = set(headlines)
    groups = {
        t.text
        for index, toks in enumerate(tokens)
        if index not in skip
        for k, t in enumerate(toks)
        if code(t) and _armed_after(toks, k) and t.norm not in gaz.known and t.norm not in NOT_ACRONYMS
    }
    if not groups:
        return []
    return [
        Candidate([t], index, "organization", why="head")
        for index, toks in enumerate(tokens)
        if index not in skip
        for t in toks
        if t.text in groups and code(t)
    ]
