"""Opinion pieces and a writer's own voice, so a column does not speak for a story's news reports.

    is_opinion("https://www.theguardian.com/commentisfree/2018/jan/31/x", "Trump's speech was bad")  # True
    is_opinion("", "The kind of night Donald Trump loves best | Richard Wolffe")                     # True
    is_opinion("", "The Gdansk port strike shows the unions are back | Marek Zielinski")             # True
    is_opinion("", "The port strike goes on", section="Opinion")                                     # True
    is_opinion("https://x.test/news/1", "Menendez trial enters second day")                          # False
    voices_author("Our “America first” president declared ...")                                     # True
    voices_author("“The door is certainly open for us,” Pelosi told reporters.")                    # False

A story joins every article about one event, columns among them. A column's sentence told as the story's
lead, under a news report's headline and link, reads as the outlet's news voice ("the American people saw
a boisterous, self-confident, united Republican party"), and its "our president" as the reader's.
:func:`is_opinion` knows a column by the marks outlets give it: a section of its address ("/commentisfree/",
"/opinion/", "/column/"), the section its page files it under ("Opinion", "Comment", "Editorial"), a label
on its title ("Opinion: ...", "... | Comment") or the columnist's name signing the title ("... | Richard
Wolffe": a given name first (:mod:`briefing.gazetteer`), the article's own byline, or two capitalised words
that name no outlet, section or place, so "| Marek Zielinski" signs while "| Sky News", "| Middle East" do
not). "Analysis" is no such section: it is a reporter's explaining, filed with the news.
:func:`voices_author` knows a sentence in the writer's own voice by its first person plural outside
quotation marks ("our president", "We demand more"): a news report quotes a "we", it does not say one.
"""

from __future__ import annotations

import re

from briefing.aliases import fold
from briefing.cues import COMMON
from briefing.furniture import given_first
from briefing.gazetteer import load_gazetteer

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
# a section that files columns: "Opinion", "Comment is free", "News > Columnists", "Op-Ed"
_COLUMN_SECTION = re.compile(
    r"^(?:commentisfree|comment(?: is free)?|comments|opinions?|columns?|columnists?|editorials?|op-?eds?)$",
    re.I,
)
_SECTION_PARTS = re.compile(r"\s*[/>|:,»›]\s*")
# a signature of two capitalised words, a person's: "Marek Zielinski", "Siobhan O'Connor", "Wei Ng-Tan"
_WORD = r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*"
_TWO_WORDS = re.compile(rf"^{_WORD}\s+(?:(?:Mc|Mac|O['’])?{_WORD})$")
# words that name an outlet or a section after a title's bar ("| Sky News", "| Global Development"), not a
# person: a newspaper's, broadcaster's or desk's own words
_NOT_NAMES = frozenset(
    """
    news times post mail herald journal daily weekly sunday tribune guardian telegraph independent observer
    express star sun mirror gazette chronicle review magazine radio television today online live media press
    wire report reports insider standard economist monitor record register courier examiner bulletin dispatch
    reporter inquirer sentinel globe world nation national local international global sport sports football
    politics business money markets economy finance culture arts books film music science technology tech
    health travel lifestyle fashion food environment climate education development weather opinion comment
    editorial analysis letters features blog podcast video videos photo photos pictures gallery watch
    story stories read check fact look full key takeaways explainer explained update updates breaking
    exclusive interview quiz special series guide recap highlights edition morning evening long hot take
    top latest view views happened live league cup
    """.split()
)
# a quotation: what it holds is the speaker's voice, not the writer's
_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?|‘[^’]*’(?!\w)")
# the first person plural ("US", the country, is written in capitals)
_WE = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Oo]urs|us|[Oo]urselves)\b")


def is_opinion(
    url: str | None,
    title: str,
    *,
    section: str | None = None,
    author: str | None = None,
    source: str | None = None,
) -> bool:
    """Whether an article is a column, comment or editorial: its address's section, the section it is
    stored under, its title's label, or its title signed by a person (``" | "`` and a name,
    :func:`_signs`; an outlet's name after the bar, "| BBC News", is none)."""
    if url and _SECTION.search(url.split("?", 1)[0]):
        return True
    if section and any(_COLUMN_SECTION.match(part) for part in _SECTION_PARTS.split(section.strip())):
        return True
    title = " ".join(title.split())
    if _LABEL.match(title) or _LABEL_AFTER.search(title):
        return True
    if author and " | " in title and fold(title.rsplit(" | ", 1)[1]) == fold(" ".join(author.split())):
        return True  # signed with its own byline, however the name is spelt: "| M. Zielinski"
    signed = _SIGNED.search(title)
    return signed is not None and _signs(signed.group("name"), source, bylined=bool(author))


def _signs(name: str, source: str | None, *, bylined: bool) -> bool:
    """Whether the words after a title's bar are a writer's name: a name that opens on a given name, or,
    on an article without a byline to compare, two capitalised words (a given name the gazetteer lacks,
    "Marek Zielinski") that are no outlet's, desk's, page's or place's ("Sky News", "Global Development",
    "In Pictures", "Hong Kong"), nor the article's own outlet's ("| Notes Poland" from "notespoland.com").
    A bylined article whose byline is another name is signed by no unknown two words: "| Photo Gallery"."""
    folded = fold(name)
    if source and folded.replace(" ", "") in fold(source).replace(" ", ""):
        return False
    gazetteer = load_gazetteer()
    known = gazetteer.known.get(folded)
    if (known is not None and known[1] != "person") or gazetteer.place(folded) or folded in gazetteer.clubs:
        return False  # "| Al Jazeera", "| Hong Kong", "| Real Madrid": an outlet, a place, a club
    if any(w in _NOT_NAMES or w in COMMON for w in folded.split()):
        return False  # "| Long Read" ("Long" is a given name too), "| In Pictures"
    return given_first(name) or (not bylined and _TWO_WORDS.match(name) is not None)


def voices_author(sentence: str) -> bool:
    """Whether a sentence speaks in its writer's first person plural ("our president", "We owe it to
    ourselves"), quotations left out: a column's voice, or a newsletter's, not a report's."""
    return _WE.search(_QUOTED.sub(" ", sentence)) is not None
