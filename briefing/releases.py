"""A press release's furniture in a dump: its "Media Contact:" block and its "About <Company>"
boilerplate, dropped only inside a release.
"""

from __future__ import annotations

import re

from briefing.dumplines import Line, next_line, previous_line
from briefing.furniture import RELEASE_SOURCE, Kind
from briefing.sentences import word_count

# A press release's contact block: "Media Contact:" then a name, a job, a phone number, an address
_CONTACT_LABEL = re.compile(
    r"^(?:(?:media|press|investor|news|company|editorial)\s+)?(?:contacts?|enquiries|inquiries)\s*:?$", re.I
)
CONTACT_LINE_WORDS = 8
_ABOUT = re.compile(r"^About\s+(?!the\b|us\b|this\b)([A-Z][^\s]*)")
ABOUT_WORDS = 8


# A press release's own signs: a newswire's dateline, its "FOR IMMEDIATE RELEASE" label, a contact block's
# label, PR Newswire's "SOURCE Acme Corp" last line
_RELEASE_SIGN = re.compile(
    r"/\s*PRNewswire(?:-\w+)?\s*/|\(\s*GLOBE\s*NEWSWIRE\s*\)|/\s*GLOBE\s*NEWSWIRE\s*/|"
    r"\(\s*BUSINESS\s+WIRE\s*\)|/\s*EINPresswire\s*/|\(\s*ACCESSWIRE\s*\)|^for immediate release$",
    re.I,
)


def drop_release_furniture(lines: list[Line]) -> None:
    """A press release's "Media Contact:" block (the short lines under it) and its "About <Company>"
    boilerplate after the text: a heading and the paragraphs under it that speak of the company. Only
    in a release (see :func:`_in_release`): "About Storm Bert" over a paragraph in the news is a
    subheading."""
    contact = False
    for i, line in enumerate(lines):
        if _CONTACT_LABEL.match(line.text):
            line.kind, contact = Kind.DROP, True
            continue
        contact = contact and not line.gap_before and word_count(line.text) <= CONTACT_LINE_WORDS
        if contact:
            line.kind = Kind.DROP
        elif _is_about_heading(line) and _in_release(lines, i):
            _drop_about(lines, i)


def _is_about_heading(line: Line) -> bool:
    """ "About Fjordline Ferries AS": a short heading naming a company (a release's boilerplate's)."""
    return (
        line.kind is Kind.HEADING and word_count(line.text) <= ABOUT_WORDS and bool(_ABOUT.match(line.text))
    )


def _in_release(lines: list[Line], i: int) -> bool:
    """Whether line ``i`` is in a press release: a release's sign (a newswire dateline, "FOR IMMEDIATE
    RELEASE", a "Media Contact:" label, a "SOURCE Acme Corp" line) between the ending before it and
    the ending after it (its own "SOURCE" line included), so a news story next to a release is not one."""
    start = next((j + 1 for j in range(i - 1, -1, -1) if lines[j].kind is Kind.BREAK), 0)
    for line in lines[start:]:
        if _RELEASE_SIGN.search(line.text) or _CONTACT_LABEL.match(line.text):
            return True
        if line.kind is Kind.BREAK:
            return bool(RELEASE_SOURCE.match(line.text))
    return False


def _drop_about(lines: list[Line], i: int) -> None:
    about = _ABOUT.match(lines[i].text)
    before = previous_line(lines, i, (Kind.DROP, Kind.CREDIT))
    after = next_line(lines, i)
    if about is None or before is None or before.kind is not Kind.PROSE or after is None:
        return
    company = about.group(1).casefold()
    if after.kind is not Kind.PROSE or company not in after.text[:120].casefold():
        return
    lines[i].kind = Kind.DROP
    for line in lines[i + 1 :]:
        if line.kind not in (Kind.PROSE, Kind.DROP):
            break
        line.kind = Kind.DROP
