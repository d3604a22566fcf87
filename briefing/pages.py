"""A web page (HTML) → an article draft: main text, title, author, date and canonical URL.

trafilatura finds the main text and the metadata; nothing is fetched here (the caller passes the
HTML it fetched or read, as text or bytes, and the URL it came from). The page's canonical URL wins
over the fetched one, so the same article reached through two addresses is recognised as one, unless
it cannot be the page's own (a site's home page, another site: see :func:`briefing.addresses.own_url`).
The site's name (else its host, by :func:`briefing.addresses.site_of`) is the article's source. A page
that is a list of links (a directory listing, a tag page, a home page of teasers: see
:mod:`briefing.linklists`) is no article, nor is one without a sentence of prose (as a feed entry's
summary must have one: :func:`briefing.feeds.has_prose`). A paywall's pitch goes from the text (its
sentences, and a short box marked as a paywall that holds one: :mod:`briefing.paywalls`); a page whose
pitch says the rest is for subscribers ("Subscribe to continue reading") over a text shorter than a
feed's teaser (:data:`briefing.feeds.TEASER_WORDS`) shows a teaser, not the article: a
:class:`PaywallError`, as a paywall's 403 is a failed fetch (a feed entry keeps its summary). A page
standing where the article should be (a cookie consent wall, a "page not found" answered with 200, a
sign-in form: :mod:`briefing.walls`) is a :class:`WallPageError`, and a feed entry keeps its summary too.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

import lxml.html
import trafilatura

from briefing.addresses import own_url, site_of
from briefing.boilerplate import strip_boilerplate
from briefing.dates import on_clock, parse_date, zone_written
from briefing.errors import EmptySourceError, PaywallError, WallPageError
from briefing.feeds import TEASER_WORDS, has_prose
from briefing.fragments import continues_line
from briefing.furniture import Kind, author_name, classify, dated_ago
from briefing.header_lines import page_author, page_header, without_header
from briefing.linklists import is_link_list, without_link_list_tail
from briefing.models import ArticleDraft
from briefing.paywalls import has_gate, in_box, pitch_boxes
from briefing.sentences import word_count
from briefing.site_zones import site_zone
from briefing.titles import given_title, title_from_body
from briefing.walls import wall_of

MIN_WORDS = 20
# htmldate's fast mode: the date from the page's metadata (meta tags, JSON-LD, <time>, elements marked
# as dates, full dates in the URL or the text); its extensive mode takes any year in the prose ("first
# announced in 2011") for the page's date. The URL's date (a day, no time) only when nothing better says
# when. The latest date is not htmldate's default, today by the clock: a page dated ahead is the
# ingest's to judge (see briefing.service.batches), as a feed entry's is. It stays within the century,
# since htmldate also takes it for the last year a number in a date-like element may be.
_DATES = {
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
    "original_date": True,
    "extensive_search": False,
    "deferred_url_extractor": True,
    "max_date": "2099-12-31",
}


PAGE_SUFFIXES = frozenset((".html", ".htm", ".xhtml"))  # a saved web page, read with trafilatura
# How trafilatura names a site that names none, from the page's URL (its metadata.META_URL): a name
# of this shape was not found on the page, and is replaced by site_of's for the URL kept
_URL_SITENAME = re.compile(r"https?://(?:www\.|w[0-9]+\.)?([^/]+)")


def parse_page(html: str | bytes, url: str | None = None, *, source: str | None = None) -> ArticleDraft:
    """The article on an HTML page; :class:`EmptySourceError` when it holds no article text."""
    if not html.strip():
        raise EmptySourceError("the page is empty")
    doc: Any = trafilatura.bare_extraction(
        _with_lines_joined(html),
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        date_extraction_params=_DATES,
    )
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if doc is None or not text:
        raise EmptySourceError("no article text found on the page")
    tree = trafilatura.load_html(html)  # parsed once for both looks at its links
    head = tree.findtext(".//title") if tree is not None else None
    lines = [line for line in text.split("\n") if line.strip()]
    if wall := wall_of([doc.title or "", head or ""], lines):
        raise WallPageError(f"not an article: {wall}")
    # a short list (a directory of a few files) is named as a list too, not as a page without text
    if is_link_list(html, text.split("\n"), urls=(url, doc.url), title=doc.title, tree=tree):
        raise EmptySourceError("not an article: a list of links")
    if word_count(text) < MIN_WORDS:
        raise EmptySourceError("no article text found on the page")
    title = " ".join((doc.title or "").split())
    if "\n" not in text:  # a short page read as one line, its "Related" list run into it
        text = without_link_list_tail(html, text, urls=(url, doc.url), tree=tree)
        lines = [line for line in text.split("\n") if line.strip()]
    boxes = pitch_boxes(tree) if tree is not None else []
    gated = has_gate(lines) or has_gate(boxes)
    paragraphs = strip_boilerplate(line for line in lines if not in_box(line, boxes))
    paragraphs = _without_title(paragraphs, title, one_line="\n" not in text)
    header = page_header(tree)
    paragraphs = without_header(paragraphs, header)
    age, paragraphs = (None, paragraphs) if doc.date else _dated_ago(paragraphs)
    age = None if doc.date else header.age or age
    body = "\n\n".join(paragraphs)
    if gated and word_count(body) < TEASER_WORDS:
        raise PaywallError(f"behind a paywall: the page shows only the first {word_count(body)} words")
    canonical = own_url(doc.url, url)
    named = doc.sitename
    if named and doc.url and (guess := _URL_SITENAME.match(doc.url)) and guess[1] == named:
        named = site_of(canonical)
    published, clock_unknown = _page_date(_written_date(doc.date, header.dated), canonical)
    draft = ArticleDraft(
        title=given_title(title) or title_from_body(body),
        body=body,
        source=named or source or site_of(canonical) or "web",
        url=canonical,
        author=author_name(author) if (author := page_author(doc.author, header)) else None,
        published_at=published,
        age=age,
        clock_unknown=clock_unknown,
    )
    if not has_prose(draft):  # file names and dates in a <pre> (nginx's listing), scores, figures
        raise EmptySourceError("not an article: no sentence of prose on the page")
    return draft


def _with_lines_joined(html: str | bytes) -> str | bytes:
    """The page with each ``<br>`` that breaks a sentence mid-way (:func:`briefing.fragments.continues_line`:
    "... were cancelled on<br>Sunday as a storm ...") made a space; trafilatura would part the two
    lines as two paragraphs. The page as it came when it has none."""
    if b"<br" not in (html if isinstance(html, bytes) else html.encode("utf-8", "replace")).lower():
        return html
    tree = trafilatura.load_html(html)
    if tree is None:
        return html
    joined = [br for br in tree.iter("br") if _mid_sentence(br)]
    for br in joined:
        br.tail = " " + (br.tail or "")
        br.drop_tree()  # its tail stays
    return lxml.html.tostring(tree, encoding="unicode") if joined else html


_LITERAL = frozenset(("pre", "code", "kbd", "samp", "tt", "xmp", "textarea"))  # each line of code is one


def _mid_sentence(br: Any) -> bool:
    parent = br.getparent()
    if parent is None or any(a.tag in _LITERAL for a in br.iterancestors()):
        return False
    line = parent.text or ""  # the text since the last <br> in the same element
    for child in parent:
        if child is br:
            break
        text = "" if child.tag == "br" else line + "".join(child.itertext())
        line = text + (child.tail or "")
    after = br.tail or ""
    follower = br.getnext()
    if not after.strip() and follower is not None and follower.tag != "br":
        after = "".join(follower.itertext())
    return continues_line(line.rsplit("\n", 1)[-1], after)


def _without_title(paragraphs: list[str], title: str, *, one_line: bool) -> list[str]:
    """The paragraphs without the headline over them. A short page may come back from trafilatura as one
    line, the headline run into the lead ("Dockers strike Dock workers walked out..."): a new sentence
    starting after it shows where it ends."""
    if not title or not paragraphs:
        return paragraphs
    if paragraphs[0] == title:
        return paragraphs[1:]
    rest = paragraphs[0][len(title) :]
    if one_line and paragraphs[0].startswith(title) and rest[:1] == " " and rest[1:2].isupper():
        return [rest.strip(), *paragraphs[1:]]
    return paragraphs


HEADER_LINES = 3  # a page's byline and date come within its first few lines of text


def _dated_ago(paragraphs: list[str]) -> tuple[timedelta | None, list[str]]:
    """A page whose metadata gives no date may print its age under its title ("S.Chen34 min ago",
    "Updated 2 hours ago"): that age (the ingest dates the page by it), and the paragraphs without
    that line."""
    for k, line in enumerate(paragraphs[:HEADER_LINES]):
        if classify(line).kind is Kind.PROSE:
            break
        age = dated_ago(line)
        if age is not None:
            return age, paragraphs[:k] + paragraphs[k + 1 :]
    return None, paragraphs


def _written_date(metadata: str | None, shown: str | None) -> str | None:
    """The page's date as written: its metadata's (htmldate's), unless that gives no zone and the page's
    own date line under its headline writes the time with one (``shown``: "2026-11-25 08:00 UTC", "By
    Ann Lee · 25 Nov 2026 08:00 UTC"). htmldate keeps the day of such a line and drops its zone word, or
    its time too, and the page would be dated at midnight or on an unknown clock. The line must name the
    metadata's day (a day apart at most, for the zones between them): an "Updated" line under the
    headline of a page published days before dates its update, not the page."""
    if shown is None or (metadata is not None and zone_written(metadata) is not None):
        return metadata
    if metadata is None:
        return shown
    meant, said = parse_date(metadata), parse_date(shown)
    if meant is None or said is None or abs((said.date() - meant.date()).days) > 1:
        return metadata
    return shown


def _page_date(written: str | None, url: str | None) -> tuple[datetime | None, bool]:
    """The page's date from its metadata; a time of day given without a zone is on the clock of the
    site's country (:func:`briefing.site_zones.site_zone`), else UTC, and then its clock is unknown (the
    second value). htmldate writes a day without a time ("2026-11-20" in the page's metadata) as midnight
    without a zone: that stays a day, in UTC, its clock unknown, as a dump's "Posted: 20/11/2026" is
    (:func:`briefing.dumps._on_clock`); a midnight written with its zone is that moment, known."""
    when = parse_date(written) if written else None
    if when is None or written is None:
        return when, False
    if (when.hour, when.minute, when.second) == (0, 0, 0):
        return when, zone_written(written) is None
    return on_clock(written, when, site_zone(site_of(url)))
