"""Opinion pieces and a writer's own voice, so a column does not speak for a story's news reports.

    is_opinion("https://www.theguardian.com/commentisfree/2018/jan/31/x", "Trump's speech was bad")  # True
    is_opinion("", "The kind of night Donald Trump loves best | Richard Wolffe")                     # True
    is_opinion("https://x.test/news/1", "Menendez trial enters second day")                          # False
    voices_author("Our “America first” president declared ...")                                     # True
    voices_author("“The door is certainly open for us,” Pelosi told reporters.")                    # False

A story joins every article about one event, columns among them. A column's sentence told as the story's
lead, under a news report's headline and link, reads as the outlet's news voice ("the American people saw
a boisterous, self-confident, united Republican party"), and its "our president" as the reader's.
:func:`is_opinion` knows a column by the marks outlets give it: a section of its address ("/commentisfree/",
"/opinion/", "/column/"), a label on its title ("Opinion: ...", "... | Comment") or the columnist's name
signing the title ("... | Richard Wolffe", a given name first, :mod:`briefing.gazetteer`).
:func:`voices_author` knows a sentence in the writer's own voice by its first person plural outside
quotation marks ("our president", "We demand more"): a news report quotes a "we", it does not say one.
"""

from __future__ import annotations

import re

from briefing.furniture import given_first

__all__ = ["is_opinion", "voices_author"]

# a section of the address that holds columns and comment ("/commentisfree/", "/opinions/", "/op-ed/")
_SECTION = re.compile(
    r"/(?:commentisfree|opinions?|comment|columns?|columnists?|editorials?|op-?eds?)(?:/|\.html?$|$)", re.I
)
# a title's label: "Opinion: ...", "Comment | ...", "... - opinion", "... | Editorial"
_LABEL = re.compile(r"^(?:opinion|comment|column|editorial|op-ed)\s*[:|–—]\s", re.I)
_LABEL_AFTER = re.compile(r"\s[|–—-]\s*(?:opinion|comment|column|editorial|op-ed)\s*$", re.I)
# a title signed by its writers: "... | Richard Wolffe", "... | Erica Chenoweth and Jeremy Pressman"
_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){1,3}"
_SIGNED = re.compile(rf"\s\|\s+(?P<name>{_NAME})(?:\s+and\s+{_NAME})?\s*$")
# a quotation: what it holds is the speaker's voice, not the writer's
_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?|‘[^’]*’(?!\w)")
# the first person plural ("US", the country, is written in capitals)
_WE = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Oo]urs|us|[Oo]urselves)\b")


def is_opinion(url: str | None, title: str) -> bool:
    """Whether an article is a column, comment or editorial: its address's section, its title's label,
    or its title signed by a person (``" | "`` and a name that opens on a given name; an outlet's name
    after the bar, "| BBC News", opens on none)."""
    if url and _SECTION.search(url.split("?", 1)[0]):
        return True
    title = " ".join(title.split())
    if _LABEL.match(title) or _LABEL_AFTER.search(title):
        return True
    signed = _SIGNED.search(title)
    return signed is not None and given_first(signed.group("name"))


def voices_author(sentence: str) -> bool:
    """Whether a sentence speaks in its writer's first person plural ("our president", "We owe it to
    ourselves"), quotations left out: a column's voice, or a newsletter's, not a report's."""
    return _WE.search(_QUOTED.sub(" ", sentence)) is not None
