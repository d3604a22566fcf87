"""Raw scraped text dumps → articles, without the page furniture around them.

A dump is what copying a news page (or a site's section page) as text gives: articles with their
titles, section labels, bylines and dates, mixed with navigation words, photo captions and credits,
"Spread the love" and "Continue Reading", comment counts, weather banners and lists of related-story
teasers. :func:`split_dump` finds the articles with general rules, in four passes:

1. lines (:mod:`briefing.dumplines`): newlines, BOM and hard wrapping undone; whitespace-only lines
   holding a non-breaking space are image placeholders (a line without final punctuation just before
   one is a caption);
2. each line alone (:func:`briefing.furniture.classify`): prose, heading, date, author, furniture; a
   rule of no letters between two paragraphs is a section break inside an article, not its end;
3. neighbours: "Source" + site (a footer that ends its article and names its outlet), "By" + name,
   "Published" + date, a name over its desk ("BBC Wales News": a byline), a time under a date, a
   relative time under a title (a byline) or under a dash (a teaser) (:mod:`briefing.bylines`); a
   release's "Media Contact:" block and (in a release only) "About <Company>" boilerplate
   (:mod:`briefing.releases`); the caption before a "©" credit or above the sharing buttons, captions
   printed twice (a headline printed twice keeps one copy) or repeating a paragraph or a credited
   caption (:mod:`briefing.captions`); the titles under "Related Posts" or (on a live page) "Key
   events", a list under a line ending with ":" (:mod:`briefing.teasers`); a short line ending with
   "?", "." or "…" that is a headline by its place (under a section label, over a byline, opening the
   dump) and whose words come back in the lead (:mod:`briefing.headlines`);
4. articles (:mod:`briefing.segments`): a run of non-prose lines followed by prose starts an article
   when it holds metadata, comes after an ending ("Continue Reading", a separator, a wire's closing
   credits), is a short label followed by a longer title ("Politics" / "How North Korea is
   changing..."), or is a heading over a paragraph opening with a wire dateline. Any other lone
   heading between paragraphs is a subheading. Runs with no prose after them (teaser lists, trailing
   navigation) are not articles. Over the first article, the site's header (masthead, menu, banner) is
   not its title (:mod:`briefing.mastheads`).

An article without a title gets one from its first sentence (:func:`briefing.titles.title_from_body`).
:func:`dump_as_one_article` reads a dump as ``bot.py summarize`` reads one file;
:func:`briefing.charsets.decode_text` turns a file's bytes into text.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from briefing.addresses import site_of
from briefing.bylines import (
    drop_author_bios,
    drop_job_lines,
    mark_sites,
    outlet_of,
    pair_dated_bylines,
    pair_desk_bylines,
    pair_metadata,
    resolve_reltimes,
)
from briefing.captions import drop_captions
from briefing.dates import day_only, on_clock, parse_date, zone_written
from briefing.dumplines import Line, is_label_over, read_lines
from briefing.furniture import DATE_LINE_CHARS, Kind, is_rule
from briefing.headlines import is_headline, mark_headlines
from briefing.mastheads import dump_masthead, mark_mastheads
from briefing.models import ArticleDraft
from briefing.paywalls import without_pitch
from briefing.releases import drop_release_furniture
from briefing.segments import Article, segment_articles
from briefing.site_zones import site_zone
from briefing.teasers import drop_tag_lists, drop_teaser_lists, mark_bullets, mark_lists
from briefing.titles import given_title, title_from_body


def split_dump(text: str, *, source: str) -> list[ArticleDraft]:
    """The articles in a text dump, furniture stripped, paragraphs separated by blank lines. An article
    dated only relative to the reading ("S.Chen34 min ago", "Updated 2 hours ago") has that ``age``
    and no ``published_at``: the ingest dates it by the moment it read the text. A date line's time
    without a zone is read on the clock the dump writes its other times on (:func:`written_zone`), else
    on its outlet's country's (:func:`briefing.site_zones.site_zone`), else as UTC."""
    outlet = outlet_of(text)
    lines = read_lines(text)
    zone = written_zone(lines)
    articles = with_mastheads(_articles(lines))
    # when the page names itself and one masthead is printed over some of its articles, that masthead
    # names the others too: a copyright line at the bottom names who owns the paper, often a parent
    # company ("Gannett"), not the paper readers know
    mastheads = {a.masthead for a in articles if a.masthead}
    page = dump_masthead(lines)
    page = next(iter(mastheads)) if page and len(mastheads) == 1 else page
    return [_draft(a, outlet, source, zone, page) for a in articles]


def with_mastheads(articles: list[Article]) -> list[Article]:
    """The articles, each under the last masthead printed over it or an article before it: a site prints
    its name once at the top of the page ("The Kendal Chronicle" over three stories), and it is every
    story's outlet there, not only the first's; a later masthead is another site's, and holds from its
    article on. Articles before the first masthead keep none."""
    masthead: str | None = None
    held: list[Article] = []
    for article in articles:
        masthead = article.masthead or masthead
        held.append(article if article.masthead == masthead else replace(article, masthead=masthead))
    return held


def written_zone(lines: list[Line]) -> str | None:
    """The one zone the dump's date and time lines write ("Updated 14 Nov 2024 09:02 GMT", "14:52 CET"),
    none when they write none or several; asked before the passes over neighbours change the lines'
    kinds. Prose and headings are not asked: "Flights resume at 10:00 GMT" is the time of something else,
    on another clock perhaps."""
    zones = {
        zone_written(line.text)
        for line in lines
        if (line.kind in (Kind.DATE, Kind.DROP, Kind.RELTIME) or line.clock)
        and len(line.text) <= DATE_LINE_CHARS
    } - {None}
    return zones.pop() if len(zones) == 1 else None


def looks_like_dump(text: str) -> bool:
    """Whether a text holds page furniture or metadata (navigation, banners, credits, bylines, dates,
    endings, a paywall's pitch) or opens with a section label over a title: a scraped dump, not a clean
    article."""
    lines = read_lines(text)
    if any(
        line.kind not in (Kind.PROSE, Kind.HEADING) or without_pitch(line.text) != line.text for line in lines
    ):
        return True  # ... or a paywall's pitch
    if lines and lines[0].kind is Kind.PROSE and is_headline(lines, 0):
        return True  # "Why are Oslo trams running late?" over its lead: a title ending with "?"
    return (
        len(lines) >= 2
        and lines[0].kind is lines[1].kind is Kind.HEADING
        and is_label_over(lines[0].text, lines[1].text)
    )


def dump_as_one_article(text: str) -> tuple[str, str]:
    """``(headline, body)`` of a dump read as one article, as ``bot.py summarize`` reads a file: the
    title its first article has (empty when it has none), and its articles' text without furniture,
    the later ones' titles as headings between them."""
    articles = _articles(read_lines(text))
    parts: list[str] = []
    for k, article in enumerate(articles):
        if k and article.title:
            parts.append(article.title)
        parts.extend(article.paragraphs)
    return (articles[0].title or "" if articles else ""), "\n\n".join(parts)


def dropped_lines(text: str) -> frozenset[str]:
    """The lines of ``text`` (spaces collapsed) that the ingest drops as furniture, credits or captions
    after reading each line beside its neighbours ("Photograph: Jane Doe/Reuters" over a credit is a
    caption's), and keeps nowhere else in the text: ``bot.py actors`` blanks them so that it finds the
    actors the ingest stores."""
    lines = read_lines(text)
    _read_beside(lines)
    dropped = {line.text for line in lines if line.kind in (Kind.DROP, Kind.CREDIT)}
    return frozenset(dropped - {line.text for line in lines if line.kind not in (Kind.DROP, Kind.CREDIT)})


def _articles(lines: list[Line]) -> list[Article]:
    _read_beside(lines)
    return [article for article in segment_articles(_keep(lines)) if article.prose]


def _read_beside(lines: list[Line]) -> None:
    """The passes that retype each line by its neighbours, in the ingest's order."""
    drop_pitch(lines)
    drop_section_breaks(lines)
    mark_sites(lines)
    pair_metadata(lines)
    pair_desk_bylines(lines)
    pair_dated_bylines(lines)
    drop_job_lines(lines)
    drop_author_bios(lines)
    drop_release_furniture(lines)
    drop_captions(lines)
    drop_tag_lists(lines)
    drop_teaser_lists(lines)
    mark_lists(lines)
    mark_bullets(lines)
    mark_headlines(lines)
    resolve_reltimes(lines)
    mark_mastheads(lines)


def drop_pitch(lines: list[Line]) -> None:
    """A paywall's pitch ("Subscribe to continue reading.", "Already a subscriber? Sign in") goes, and
    so does one ending a paragraph: it tells the reader to pay, not the news (:mod:`briefing.paywalls`)."""
    for line in lines:
        if line.kind in (Kind.PROSE, Kind.HEADING):
            text = without_pitch(line.text)
            line.text, line.kind = (text, line.kind) if text else (line.text, Kind.DROP)


def drop_section_breaks(lines: list[Line]) -> None:
    """A rule of no letters ("* * *", "—", "---") between two paragraphs of prose breaks a section of one
    article: no title, byline or date follows it, so what follows is no new article. Between articles
    a rule comes before a title or a byline, and still ends the one before."""
    for k, line in enumerate(lines):
        if line.kind is not Kind.BREAK or not is_rule(line.text):
            continue
        if 0 < k < len(lines) - 1 and lines[k - 1].kind is Kind.PROSE and lines[k + 1].kind is Kind.PROSE:
            line.kind = Kind.DROP


def _keep(lines: list[Line]) -> list[Line]:
    """The lines that are not furniture; a dropped photo credit's site goes to the next kept line (the
    article it heads), or to the last one when nothing follows."""
    kept: list[Line] = []
    site = None
    age = None  # an "Updated 2 hours ago" dropped from a header dates the article, as its site names it
    for line in lines:
        if line.kind in (Kind.DROP, Kind.CREDIT):
            site = site or line.site
            age = age if age is not None else line.age  # "just now" is an age of none: no false
            continue
        if site and not line.site:
            line.site = site
        if age is not None and line.age is None:
            line.age = age
        site = age = None
        kept.append(line)
    if site and kept and not kept[-1].site:
        kept[-1].site = site
    return kept


def _draft(
    article: Article, outlet: str | None, file: str, zone: str | None, page: str | None
) -> ArticleDraft:
    """The article as a draft; its outlet is the site it credits, else the outlet its byline says it was
    written for ("By David Jones for the Daily Herald"), else the site the dump credits, else the site of
    its own "URL:" line, else the masthead over it ("The Daily Ledger"), else the name the whole page
    prints at its top or bottom (``page``: :func:`briefing.mastheads.dump_masthead`), else the dump's
    file name."""
    body = "\n\n".join(article.paragraphs)
    credited = next(iter(article.sites)) if len(article.sites) == 1 else None
    site = credited or article.outlet or outlet or site_of(article.url)
    published, clock_unknown = _on_clock(article, zone or site_zone(site))
    return ArticleDraft(
        title=given_title(article.title or "") or title_from_body(body),
        body=body,
        source=site or article.masthead or page or file,
        author=article.author,
        section=article.section,
        published_at=published,
        url=article.url,
        age=None if article.published else article.age,
        clock_unknown=clock_unknown,
    )


def _on_clock(article: Article, zone: str | None) -> tuple[datetime | None, bool]:
    """The article's date, its time of day read on ``zone``'s clock when its date line gives none; and
    whether that clock is unknown (a time without a zone, and no ``zone``: read as UTC, only its day sure;
    or a date line without a time, which names a day)."""
    line, published = article.date_line, article.published
    if line is None or published is None:
        return published, False
    if parse_date(line) != published:  # the date came from elsewhere ("Published" over "13 Nov 2024")
        return published, False
    if day_only(line):  # "Posted: 03/12/2025": a day, not 00:00 UTC
        return published, True
    return on_clock(line, published, zone)
