"""The site's header over a dump's first article: a masthead ("Riverton Gazette", "THE WEEKLY REVIEW",
"The Byte Ledger — independent tech news"), a menu on one line, an alert banner ("Weather Alert: Freeze
warning in effect until 9 AM"), "Watch Live", over the article's section label and headline. Which heading
is the headline is told by its place and its words, not by a list of site names: see :func:`header_title`.
"""

from __future__ import annotations

from briefing.dumplines import META, Line, is_label_over
from briefing.furniture import Kind
from briefing.headlines import echoes


def header_title(head: list[Line], lead: str) -> int | None:
    """The index in ``head`` (the lines over the dump's first paragraph) of the article's headline, when
    the header holds several headings and the first is not it: the first heading whose words come back
    in the lead, as a headline's do and a masthead's, menu's or banner's do not; else the heading right
    over a byline or date; else the last heading under a short label ("Culture | Books" over "The
    novelist who wrote her way out of the war"). None when the first heading is the headline, or no
    later one reads as one (the lines are then read as before: title, standfirst)."""
    headings = [k for k, line in enumerate(head) if line.kind is Kind.HEADING]
    if len(headings) < 2:
        return None
    echoing = [k for k in headings if echoes(head[k].text, lead)]
    if echoing:
        return echoing[0] if echoing[0] != headings[0] else None
    over_meta = [k for k in headings if k + 1 < len(head) and head[k + 1].kind in META]
    if over_meta:
        return over_meta[0] if over_meta[0] != headings[0] else None
    labelled = [k for k in headings[1:] if _under_label(head, k)]
    return labelled[-1] if labelled and labelled[-1] != headings[1] else None


def _under_label(head: list[Line], k: int) -> bool:
    above = head[k - 1] if k else None
    return above is not None and above.kind is Kind.HEADING and is_label_over(above.text, head[k].text)


def without_header(head: list[Line], title: int) -> list[Line]:
    """The lines from the article's headline on, its section label right over it too ("Local News" over
    "City council approves ..."); the headings before (the site's header) go, its byline and date stay."""
    start = title - 1 if _under_label(head, title) else title
    return [line for k, line in enumerate(head) if k >= start or line.kind is not Kind.HEADING]
