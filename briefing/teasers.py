"""Lists in a dump: the teasers under "Related Posts" or a live page's "Key events" (other stories'
titles, dropped), and the article's own lists (under a line ending with ":", bulleted, an explainer's
schedule), kept.
"""

from __future__ import annotations

import re
from itertools import takewhile

from briefing.boilerplate import is_share_row
from briefing.dumplines import META, Line, is_label_over, next_line, previous_line
from briefing.furniture import TEASER_LABELS, Kind, strip_bullet
from briefing.headlines import HEADLINE_WORDS, INNER_SENTENCE, echoes
from briefing.sentences import word_count


def drop_teaser_lists(lines: list[Line]) -> None:
    """The titles under "Related Posts" (or "Trending", "You may also like", "Read more", "Key
    events"...) are other stories' (or posts') teasers, a title ending with "?" or "." too. When the
    last of them has a byline or date under it, or a paragraph, it may be the next article's title
    (with a section label over it): those stay. Under any other short heading (or after an ending), a
    run of at least TEASER_RUN headline-like lines is a teaser list too when a new article starts
    right after it (a headline over its byline or date, or under its section label). A live page's key
    event ("14:40 Reeves confirms...") is no title; a "Key events" list outside a live page (an
    explainer's election-day schedule) is the article's."""
    live = _is_live_page(lines)
    for i, line in enumerate(lines):
        label = _label_of(line.text)
        if label in _LIVE_LABELS and not live:
            _keep_schedule(lines, i)
            continue
        known = is_teaser_label(label)
        if not known and not _may_head_teasers(line):
            continue
        teasers, times, started = _teasers_under(lines, i, titles_only=not known)
        if not known and not (started and _is_teaser_run(teasers, line)):
            continue
        for teaser in (*teasers, *times):
            teaser.kind = Kind.DROP
        if teasers and line.kind is Kind.HEADING:
            line.kind = Kind.DROP  # "Key events", "Related news": the label goes with its list


def _teasers_under(lines: list[Line], i: int, *, titles_only: bool) -> tuple[list[Line], list[Line], bool]:
    """The teasers under line ``i``, their times ("2 hours ago") apart, and whether a new article starts
    after them. The last title-like line, with a byline, date or paragraph under it, is that article's
    title (and the short line over it its section label), not a teaser; a new article starts when the
    title has a byline or date under it, or a label over it and its words come back in the paragraph
    under it. Under a label no list names (``titles_only``), a short sentence is no teaser but the lead
    under a subheading; a short question is one."""
    teasers: list[Line] = []
    times: list[Line] = []
    for nxt in lines[i + 1 :]:
        if nxt.clock:
            break  # a live page's first post: the list of its key events is over
        short = nxt.kind is Kind.PROSE and _teaser_title(nxt.text, teasers)
        if nxt.kind is Kind.HEADING or (short and (not titles_only or nxt.text.endswith("?"))):
            teasers.append(nxt)
        elif nxt.kind is Kind.RELTIME and not nxt.value and teasers:
            times.append(nxt)  # "2 hours ago" under a teaser: its time
        elif nxt.kind is not Kind.DROP:
            byline = nxt.kind is Kind.RELTIME and nxt.value
            starts = nxt.kind in (*META, Kind.PROSE) or byline
            if starts and teasers and not _CLOCK_LED.match(teasers[-1].text):
                title = teasers.pop()
                labelled = bool(teasers) and is_label_over(teasers[-1].text, title.text)
                if labelled:
                    teasers.pop()
                return (
                    teasers,
                    times,
                    nxt.kind is not Kind.PROSE or (labelled and echoes(title.text, nxt.text)),
                )
            break
    return teasers, times, False


TEASER_RUN = 2  # under a heading no list names, this many headline-like lines are a list of teasers
HEADLESS_TEASER_RUN = 3  # ... and with no heading, after an ending ("23 Comments") or a paragraph, this many
MIN_TEASER_WORDS = 3  # a teaser is a headline of at least this many words; fewer are a menu's or a label
LABEL_WORDS = 4  # "Key points", "At a glance": the label over a box of bullets or a list of teasers
# "More from Politics", "Latest in Europe", "More Sport news": a list's label naming a section
_SECTION_LIST = re.compile(
    r"^(?:(?:more|latest|also|top stories|most read|popular|trending)\s+(?:from|in|on)\s+\S.*|"
    r"(?:more|latest|top)\s+\S.*\s+(?:news|stories|headlines|articles|posts))$"
)
SECTION_LIST_WORDS = 6


def is_teaser_label(label: str) -> bool:
    """Whether a line (in lower case, see :func:`_label_of`) is a label over a list of teasers:
    "related posts", "trending", "more from politics"."""
    if label in _LIST_LABELS:
        return True
    return word_count(label) <= SECTION_LIST_WORDS and _SECTION_LIST.match(label) is not None


def _label_of(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split()).rstrip(": ")


def _may_head_teasers(line: Line) -> bool:
    """A line that may head a list of teasers no list names: a short heading ("Around Norway"), not
    an item of the article's own list nor a list's intro ("Goals:"), or an ending ("23 Comments") or
    the last paragraph of an article."""
    if line.kind in (Kind.BREAK, Kind.PROSE):
        return True
    return (
        line.kind is Kind.HEADING
        and not line.listed
        and not line.text.endswith(":")
        and word_count(line.text) <= LABEL_WORDS
    )


def _is_teaser_run(teasers: list[Line], head: Line) -> bool:
    """Enough headline-like lines (none a menu's word, none an item of a list) to be a list of teasers."""
    least = TEASER_RUN if head.kind is Kind.HEADING else HEADLESS_TEASER_RUN
    return len(teasers) >= least and all(
        word_count(t.text) >= MIN_TEASER_WORDS and not t.listed for t in teasers
    )


# Labels over a list of links to other stories or posts; "Read more" also ends an article (a BREAK)
_LIVE_LABELS = frozenset({"key events", "key updates", "key moments"})  # a live page's, only there
_LIST_LABELS = TEASER_LABELS | {"read more"} | _LIVE_LABELS
_LIVE_SIGN = re.compile(r"^(?:live\b|last updated\b)", re.I)  # "LIVE: Storm Arwen ...", "Last updated: ..."
LIVE_POSTS = 2  # this many post times alone on their lines ("16:20 GMT") make a live page


def _keep_schedule(lines: list[Line], i: int) -> None:
    """ "Key events" over "07:00 Polling stations open" lines inside an article: its list, label and
    items kept in the text, not a section label over a new article's title."""
    before = previous_line(lines, i, (Kind.DROP, Kind.CREDIT))
    if before is None or before.kind is not Kind.PROSE:
        return
    items = list(takewhile(lambda line: line.kind is Kind.HEADING, lines[i + 1 :]))
    if items:
        for line in (lines[i], *items):
            line.listed = True


def _is_live_page(lines: list[Line]) -> bool:
    """A live page: a "LIVE" title, a "Last updated" line, or several posts under their times."""
    if any(_LIVE_SIGN.match(line.text) and line.kind is not Kind.PROSE for line in lines):
        return True
    return sum(1 for line in lines if line.clock) >= LIVE_POSTS


_CLOCK_LED = re.compile(r"^\d{1,2}[:.]\d{2}\b")  # "14:40 Reeves confirms fuel duty freeze"


def _teaser_title(text: str, teasers: list[Line]) -> bool:
    """A short sentence in a list of teasers: another title ending with "?" or ".", unless it is the
    lead under the title before it (longer than that title, and repeating its words)."""
    if word_count(text) > HEADLINE_WORDS or INNER_SENTENCE.search(text):
        return False
    if not teasers or word_count(text) <= word_count(teasers[-1].text):
        return True
    return not echoes(teasers[-1].text, text)


def mark_lists(lines: list[Line]) -> None:
    """Short lines printed right under a line of the article ending with ":" ("Starting line-up:",
    "Goals:") are its list (names, results), not a menu, however many they are."""
    intro = False
    for line in lines:
        if intro and not line.gap_before and line.kind is Kind.DROP and _network_item(line.text):
            line.kind = Kind.HEADING  # "The apps they use most are:" / "WhatsApp": an item, not a button
        if line.kind is Kind.HEADING and intro and not line.gap_before:
            line.listed = True
            continue
        intro = line.kind in (Kind.PROSE, Kind.HEADING) and line.text.endswith(":")


_BULLETED = re.compile(r"^[•·▪◦●■*–-]\s*\S")


def mark_bullets(lines: list[Line]) -> None:
    """Two or more bulleted short lines in a row ("• Deficit target: 0.5 per cent") after a paragraph are
    a list in the article, with the short line right above them as its label ("Key points"): never a
    title. (Under a headline, the title and its byline come first anyway.)"""
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].kind is Kind.HEADING and _BULLETED.match(lines[j].text):
            j += 1
        if j - i < 2:
            i += 1
            continue
        above = lines[i - 1] if i else None
        labelled = above is not None and above.kind is Kind.HEADING and word_count(above.text) <= LABEL_WORDS
        first = i - 1 if labelled else i
        before = previous_line(lines, first)
        if before is not None and before.kind is Kind.PROSE:  # inside an article, not under a title
            for line in lines[first:j]:
                line.listed = True
        i = j


def _network_item(text: str) -> bool:
    """A list item that is a network's name alone ("WhatsApp", "- X"), which share buttons also are."""
    item = strip_bullet(text)
    return len(item.split()) <= 2 and is_share_row(item)


# The labels over an article's tags, the topics it is filed under ("Topics" / "Space" / "Antarctica")
_TAG_LABELS = frozenset(
    {
        "tags", "topics", "related topics", "related tags", "topics in this article", "more on these topics",
        "explore more on these topics", "filed under", "tagged", "tagged with", "keywords", "subjects",
        "more about",
    }
)  # fmt: skip
TAG_WORDS = 5  # a tag names a topic in this many words at most ("University of Edinburgh")


def drop_tag_lists(lines: list[Line]) -> None:
    """The tags under "Topics" (or "Tags", "Related topics", "Filed under"): short names of topics, one a
    line ("Space", "Antarctica", "University of Edinburgh"), the site's links, not the next article's
    section label and headline. They go, up to the first line that is no short heading, or the heading
    that starts the next article: a title (with a byline, date or paragraph under it), or a label over
    one ("HEALTH" over "New malaria vaccine cuts child deaths by a third ...")."""
    for i, line in enumerate(lines):
        if _label_of(line.text) not in _TAG_LABELS or line.kind not in (Kind.HEADING, Kind.DROP):
            continue
        tags = []
        for k in range(i + 1, len(lines)):
            tag = lines[k]
            if tag.kind is Kind.DROP:
                continue
            if not _is_tag(lines, k):
                break
            tags.append(tag)
        for tag in tags:
            tag.kind = Kind.DROP
        if tags:
            line.kind = Kind.DROP


def _is_tag(lines: list[Line], k: int) -> bool:
    """Whether line ``k``, under a tag label, is a tag: a short heading without a title's end that starts
    no article (:func:`drop_tag_lists`)."""
    line = lines[k]
    if line.kind is not Kind.HEADING or line.listed or word_count(line.text) > TAG_WORDS:
        return False
    if line.text.endswith((".", "?", "!", ":", "…")):
        return False
    below = next_line(lines, k)
    if below is None:
        return True
    if below.kind in (*META, Kind.PROSE):
        return False  # a title over its byline, date or lead
    return not (below.kind is Kind.HEADING and is_label_over(line.text, below.text))
