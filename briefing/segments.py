"""A dump's kept lines cut into articles: a run of non-prose lines followed by prose starts an article
when it holds metadata, comes after an ending, is a short label over a longer title, or is a heading over
a paragraph opening with a wire dateline; any other lone heading between paragraphs is a subheading.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from briefing.dates import day_only
from briefing.dumplines import META, Line, is_label_over, reads_as_headline
from briefing.furniture import Kind, byline_outlet, date_marked, name_case
from briefing.headlines import echo_words
from briefing.mastheads import LEAD_PARAGRAPHS, header_title, is_kicker, without_header
from briefing.sentences import without_dateline, word_count


@dataclass
class Article:
    title: str | None = None
    section: str | None = None
    author: str | None = None
    published: datetime | None = None
    age: timedelta | None = None  # "34 min ago": how long before the reading, when no date is given
    date_line: str | None = None  # the line its date was read from: read again on the outlet's clock
    url: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    prose: int = 0
    sites: set[str] = field(default_factory=set)  # sites its "Source" footer and photo credit name
    headed: int = 0  # its first paragraphs that were headings under its title (a standfirst)
    masthead: str | None = None  # the outlet's name over it ("The Daily Ledger"), when it credits no site
    outlet: str | None = None  # the outlet its byline says it was written for ("... for the Daily Herald")

    def meta(self, line: Line) -> None:
        if line.site:
            self.sites.add(line.site)
        if line.age is not None and self.age is None:
            self.age = line.age
        if line.kind is Kind.AUTHOR and line.value and not self.author:
            self.author = name_case(str(line.value))  # "HELENA MARSH" -> "Helena Marsh"
            self.outlet = byline_outlet(line.text)  # "By David Jones for the Daily Herald"
        elif line.kind is Kind.DATE and isinstance(line.value, datetime) and not self.published:
            self.published, self.date_line = line.value, line.text
        elif line.kind is Kind.LINK and isinstance(line.value, str) and not self.url:
            self.url = line.value
        elif line.kind is Kind.SECTION and isinstance(line.value, str) and not self.section:
            self.section = line.value


def segment_articles(lines: list[Line]) -> list[Article]:
    articles: list[Article] = []
    current: Article | None = None
    i = 0
    while i < len(lines):
        if lines[i].kind is Kind.PROSE:
            if current is None:
                current = Article()
                articles.append(current)
            current.paragraphs.append(lines[i].text)
            current.meta(lines[i])
            current.prose += 1
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].kind is not Kind.PROSE:
            j += 1
        dated = j < len(lines) and without_dateline(lines[j].text) != lines[j].text
        lead = " ".join(line.text for line in lines[j : j + LEAD_PARAGRAPHS] if line.kind is Kind.PROSE)
        started = _run(lines[i:j], current, at_end=j == len(lines), dated=dated, lead=lead)
        if started is not None:
            current = started
            articles.append(current)
        i = j
    for article in articles:
        _label_as_section(article)
    return articles


SECTION_WORDS = 3  # a section label ("Politics", "Middle East", "Russia-Ukraine War") is this short
_TITLE_END = ("?", "!", ".", "…", ":")


def _label_as_section(article: Article) -> None:
    """An article whose only heading is a short label ("Politics" over "Published: ..." and the text)
    has no title: the label is its section, since none of its words comes back in the lead as a
    headline's do ("Storm Arwen" over a lead about Storm Arwen is a title) and it does not say what
    happened as a headline in title case does ("Crane Upgrade Shelved"). Its title is then the
    heading under the label, if any (a title too short to be read as one under a label, "Library
    opens"), else made from its text (:func:`briefing.titles.title_from_body`)."""
    title = article.title
    if title is None or article.section is not None or not article.paragraphs:
        return
    if not _short_label(title) or reads_as_headline(title):
        return  # "Crane Upgrade Shelved" over its standfirst says what happened: a title, no label
    lead = [p for p in article.paragraphs if word_count(p) > LEAD_WORDS][:LEAD_PARAGRAPHS]
    lead = lead or article.paragraphs[:LEAD_PARAGRAPHS]  # an article of short paragraphs only
    if echo_words(title) & echo_words(" ".join(lead)):
        return
    article.section, article.title = title, None
    if article.headed:  # "Culture" / "Library opens" / a standfirst: the heading under the label is the title
        article.title = article.paragraphs.pop(0)


def _run(run: list[Line], current: Article | None, *, at_end: bool, dated: bool, lead: str) -> Article | None:
    """Handle a run of non-prose lines; return the article it starts, if it starts one: a heading over
    a paragraph opening with a wire dateline ("MANILA, Nov 23 (Reuters) - ") is a story's title, and an
    outlet's masthead (:func:`briefing.mastheads.mark_mastheads`) heads a story. Over the dump's first
    paragraph, the site's header goes (:func:`briefing.mastheads.header_title`)."""
    listed = 0  # a list under the last paragraph (or under its own "Goals:" heading) is the article's
    while listed < len(run) and (run[listed].listed or (listed + 1 < len(run) and run[listed + 1].listed)):
        listed += 1
    if current is not None and listed:
        current.paragraphs.extend(line.text for line in run[:listed])
        run = run[listed:]
    breaks = [k for k, line in enumerate(run) if line.kind is Kind.BREAK]
    if breaks and _separates_header(run, breaks):
        breaks.pop()  # "Title: ... / Date: ... / ----" then the body: the line ends the header, no article
    cut = breaks[-1] + 1 if breaks else 0
    while cut < len(run) and run[cut].kind in META and current is not None and not breaks:
        cut += 1  # an "Author: ..." line after the last paragraph belongs to that article
    tail, head = run[:cut], run[cut:]
    if current is not None:
        for line in tail:
            current.meta(line)
    if at_end:
        if current is not None:
            for line in head:
                current.meta(line)
        return None
    head = _without_menus(head)
    masthead = next((line.text for line in head if line.masthead), None)
    head = [line for line in head if not line.masthead]  # an outlet's name: neither title nor section
    head = _labels_over_headline(head)
    if current is None and (title := header_title(head, lead)) is not None:
        head = without_header(head, title)
    headings = [line.text for line in head if line.kind is Kind.HEADING]
    first = next((k for k, line in enumerate(head) if line.kind is Kind.HEADING), len(head))
    has_meta = any(line.kind in META for line in head[first:])
    heads = current is None or bool(breaks or has_meta or masthead or (dated and headings))
    headings = _without_kicker(headings, lead, heads=heads)
    labelled = len(headings) >= 2 and is_label_over(headings[0], headings[1])
    if current is not None and not (heads or labelled):
        current.paragraphs.extend(headings)  # subheadings inside the article
        for line in head:
            current.meta(line)
        return None
    article = Article(masthead=masthead)
    if labelled:
        article.section, headings = headings[0], headings[1:]
    if headings:
        article.title, article.paragraphs = headings[0], headings[1:]
        article.headed = len(article.paragraphs)
    for line in _marked_dates_first(_header_dates_last(head, first) if current is None else head):
        article.meta(line)
    return article


def _labels_over_headline(head: list[Line]) -> list[Line]:
    """The header without the labels over its section label, when a headline Written In Title Case
    (:func:`briefing.dumplines.reads_as_headline`) stands right over its byline or date under two short
    labels or more (:func:`_short_label`; "Health" / "NHS waiting lists" / "Waiting Lists Fall For Third
    Month In A Row" / "By Sarah Khan"): the byline marks the headline, the label right over it is its
    section (:func:`briefing.dumplines.is_label_over`), and the broader ones above go. Read by their
    words alone, a label the lead happens to name ("Health" over a lead quoting the Health Secretary) was
    taken for the title, the headline for a paragraph. A heading in sentence case over the byline may be
    a standfirst under a short title ("Culture" / "Library opens" / "A reading room for children ..."):
    the rule leaves it."""
    over_meta = next(
        (k for k in range(len(head) - 1) if head[k].kind is Kind.HEADING and head[k + 1].kind in META), None
    )
    if over_meta is None or not reads_as_headline(head[over_meta].text):
        return head  # "Culture" / "Library opens" / a standfirst over the byline: a short title, no label
    above = [k for k in range(over_meta) if head[k].kind is Kind.HEADING]
    if len(above) < 2 or not all(_short_label(head[k].text) for k in above):
        return head
    if not is_label_over(head[above[-1]].text, head[over_meta].text):
        return head
    return [line for k, line in enumerate(head) if k not in above[:-1]]


def _header_dates_last(head: list[Line], first: int) -> list[Line]:
    """The first article's head lines, the dates over its first heading after the others: over the dump's
    first article, a date above the headline is the site's header's ("Wednesday, 25 November 2026", the
    page's today), so the article's own "Published" line under its headline dates it when it has one."""
    above = [line for line in head[:first] if line.kind is Kind.DATE]
    return [line for line in head if line not in above] + above


def _marked_dates_first(head: list[Line]) -> list[Line]:
    """The head lines, a bare day's date after the article's own date line with a time ("Tuesday, 24
    November 2026" under the headline, then "Published: 23 November 2026, 18:05 GMT"): a "Published" or
    "Updated" line (:func:`briefing.furniture.date_marked`) that gives the clock dates the story, and the
    bare day is the page's (today's) or an edition's. Without such a line the order stays: the first
    date dates the story."""
    if not any(
        line.kind is Kind.DATE and date_marked(line.text) and not day_only(line.text) for line in head
    ):
        return head
    bare = [
        line for line in head if line.kind is Kind.DATE and not date_marked(line.text) and day_only(line.text)
    ]
    return [line for line in head if line not in bare] + bare


def _without_kicker(headings: list[str], lead: str, *, heads: bool) -> list[str]:
    """The headings without the first when it is a kicker over a section label over the title
    ("Exclusive" / "Business" / the headline): the label right over the title is the article's section,
    as over the dump's first article (:func:`briefing.mastheads.without_header`), and the kicker, which
    says what kind of story it is, goes. The first is a kicker by its words (:func:`is_kicker`), or, over
    a story (``heads``: the headings start one, by a byline, date, separator or masthead), by its place
    when neither it nor the short heading under it is a title, their words not coming back in the lead
    ("World" / "Europe" / the headline); a short title is one ("Culture" / "Library opens" / a standfirst,
    "Harbour deal agreed" / "Key points" / a list). Between two paragraphs and no more, two short headings
    over a longer one stay subheadings."""
    if len(headings) < 3 or not all(_short_label(text) for text in headings[:2]):
        return headings
    if not is_label_over(headings[1], headings[2]):
        return headings
    told = echo_words(lead)
    if is_kicker(headings[0]) or (heads and not (echo_words(headings[0]) | echo_words(headings[1])) & told):
        return headings[1:]
    return headings


def _short_label(text: str) -> bool:
    """Whether a heading may be a section label: SECTION_WORDS long at most, without a title's end or a
    figure ("Politics", "Middle East")."""
    return (
        word_count(text) <= SECTION_WORDS
        and not text.endswith(_TITLE_END)
        and not any(c.isdigit() for c in text)
    )


def _separates_header(run: list[Line], breaks: list[int]) -> bool:
    """Whether the run's last separator comes between an article's header (a title and its byline, date
    or URL since the separator before) and its body, as an export writes "Title: ... / Date: ... /
    ----": nothing titled follows it."""
    start = breaks[-2] + 1 if len(breaks) > 1 else 0
    header = run[start : breaks[-1]]
    after = run[breaks[-1] + 1 :]
    return (
        any(line.kind is Kind.HEADING for line in header)
        and any(line.kind in META for line in header)
        and not any(line.kind is Kind.HEADING for line in after)
    )


# a title's words come back in its lead, its first LEAD_PARAGRAPHS paragraphs (briefing.mastheads') ...
LEAD_WORDS = 12  # ... paragraphs longer than this: not a subheading, a list's item or its label

MENU_RUN = 3  # this many one- or two-word headings in a row are a site's menu, not titles or sections


def _without_menus(run: list[Line]) -> list[Line]:
    """The run without menus: three or more one- or two-word headings in a row ("World", "Business",
    "Sport", "Economy") are a site's navigation, whatever its words; but the last of them set apart
    by a blank line, over a longer title, is that article's section label ("Sport", blank, "Europe",
    blank, "Norway orders frigates...")."""
    out: list[Line] = []
    short: list[Line] = []
    for line in [*run, None]:
        if line is not None and line.kind is Kind.HEADING and word_count(line.text) <= 2 and not line.listed:
            short.append(line)
            continue
        if len(short) < MENU_RUN:
            out.extend(short)
        elif _set_apart(short) and line is not None and is_label_over(short[-1].text, line.text):
            out.append(short[-1])
        short = []
        if line is not None:
            out.append(line)
    return out


def _set_apart(short: list[Line]) -> bool:
    """Whether the last of a menu's words stands apart from the menu, which is printed without gaps (its
    first MENU_RUN words at least; a label may stand between, "Sport", blank, "Politics", blank, "Europe")."""
    return short[-1].gap_before and not any(line.gap_before for line in short[1:MENU_RUN])
