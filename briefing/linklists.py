"""Pages that are lists of links, not articles: directory listings, tag and section pages, home pages of
teasers. trafilatura takes their text for a main text all the same ("Directory listing for /", then the
file names), so the text it found is traced back to the page's HTML and weighed there.

A line of the main text is *an item of a list* when the page shows it as a link away (the whole line is
the text of links to other pages: a ``<li><a>``, a ``<h2><a>``, a card wrapped in ``<a>``) or as a
teaser under a headline link (the block just before it is one link away, of a headline's words, which
trafilatura dropped from the main text: it keeps a teaser's sentence and drops the headline over it). A
page whose main text is mostly such items (:data:`LIST_SHARE` of its characters, and at least
:data:`MIN_ITEMS` of them) is a list of links.

Losing an article is worse than storing an index page, so the rule leans towards "article":

- a link to the page itself is no link away: a fragment ("#post-12"), the page's own path with any
  query ("?post=3", "?page=with:block-3#block-3"; not a home page's: "/?p=123" is a post), its
  canonical URL, a post's permalink named after the block holding it (``<div id="post-3">`` …
  ``/live/x/post-3``), and a link whose text is the page's own title (a WordPress
  ``<h1><a rel="bookmark">``, a "top story" box repeating the headline);
- a heading that trafilatura kept in the main text is a subheading of the article (an explainer's
  linked questions), so the prose under it is the article's, not a teaser;
- a navigation bar, a block of several links, or a live post's time ("10:02 a.m. ET") is no headline;
- a line shown twice on a page (a top story box, then the article) is an item only where it is shown
  only as one.

Links inside prose do not count, so an article that links every name it mentions is still an article;
nor does a "Related" list under a long article, which is a small part of its text. A line that cannot
be found in the HTML counts as prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import urljoin, urlsplit

from trafilatura import load_html

from briefing.addresses import is_site_root
from briefing.sentences import ends_sentence

LIST_SHARE = 0.6  # a page whose main text is at least this share of list items (by characters)
MIN_ITEMS = 3  # fewer links than this are no list: an article's own linked headline, a "read more"
HEADLINE_WORDS = 3  # a link of fewer words over a paragraph is furniture ("More", "Read"), not a headline
HEADING_WORDS = 4  # a list's heading is a label ("Related", "More on this story"), not a paragraph
_BLOCKS = frozenset(
    (
        "p li dt dd td th h1 h2 h3 h4 h5 h6 blockquote pre div section article header footer aside "
        "figure figcaption a span"
    ).split()
)
_CLIMB = 3  # how far up from a teaser's element its headline may be (a <p> in a <div> in an <article>)
_NOT_HEADLINES = frozenset(("nav", "menu", "form", "select", "ul", "ol", "table"))
# A live post's time as its heading: "10:02", "10.02 a.m. ET", "10:00 Update on the strike"
_CLOCK = re.compile(r"^\d{1,2}[:.h]\d{2}\b")
_HREF_PARTS = re.compile(r"[/?#&=]")
_PLACEHOLDER = "http://page.invalid/page"  # the address of a page with no URL, to resolve links against


class _Page:
    """What tells a link to the page itself: the page's URLs, its title, the main text's lines."""

    def __init__(self, urls: Iterable[str | None], title: str | None, lines: set[str]) -> None:
        self.urls = [u for u in urls if u and _parses(u)] or [_PLACEHOLDER]
        self.base = self.urls[0]
        self.own = {_address(u) for u in self.urls if _parses(u)}
        self.title = _norm(title or "").casefold()
        self.lines = lines

    def is_self(self, link: Any) -> bool:
        href = (link.get("href") or "").strip()
        if not href or href.startswith("#") or href.lower().startswith("javascript:"):
            return True
        if self.title and _norm(link.text_content()).casefold() == self.title:
            return True
        try:
            url = urljoin(self.base, href)
            # the home page's own path with a query is another page: a blog's post "/?p=123"
            mine = _address(url) in self.own and not (urlsplit(url).query and is_site_root(url.split("?")[0]))
        except ValueError:  # no URL ("http://[x"): a link to nowhere in particular
            mine = False
        return mine or _names_its_block(link, href)


def is_link_list(
    html: str | bytes,
    lines: list[str],
    *,
    urls: Iterable[str | None] = (),
    title: str | None = None,
    tree: Any = None,
) -> bool:
    """Whether the main text ``lines`` (as found on the page ``html``) are mostly items of a list of
    links to other pages rather than prose. ``urls``: the page's own addresses (where it was fetched
    from, the canonical URL it gives); ``title``: its headline; ``tree``: the page already parsed
    (``trafilatura.load_html``), which is only read."""
    wanted = {_norm(line) for line in lines if line.strip()}
    total = sum(len(line) for line in wanted)
    tree = (tree if tree is not None else load_html(html)) if total else None
    if tree is None:
        return False
    page = _Page(urls, title, wanted)
    items = [line for line, found in _elements(tree, wanted).items() if all(_is_item(e, page) for e in found)]
    return len(items) >= MIN_ITEMS and sum(len(line) for line in items) >= LIST_SHARE * total


def without_link_list_tail(
    html: str | bytes, line: str, *, urls: Iterable[str | None] = (), tree: Any = None
) -> str:
    """``line`` without a list of links to other pages it ends with, and the heading over that list
    ("Related", then four headlines): trafilatura reads a short page as one line, the article's
    "Related" list run into its text. ``tree``: the page already parsed, which is only read."""
    tree = (tree if tree is not None else load_html(html)) if line.strip() else None
    if tree is None:
        return line
    page = _Page(urls, None, set())
    squashed = "".join(line.split())
    for listing in tree.iter("ul", "ol"):
        items = [li for li in listing.iter("li") if _norm(li.text_content())]
        if len(items) < 2 or not all(_is_link(li, page) for li in items):
            continue
        tail = "".join(listing.text_content().split())
        before = listing.getprevious()
        label = before.text_content().split() if before is not None and isinstance(before.tag, str) else []
        heading = "".join(label) if len(label) <= HEADING_WORDS and not ends_sentence(" ".join(label)) else ""
        for cut in (heading + tail, tail):
            if cut and squashed.endswith(cut) and len(cut) < len(squashed):
                return _cut_tail(line, len(cut))
    return line


def _cut_tail(line: str, chars: int) -> str:
    """``line`` without its last ``chars`` non-space characters."""
    end = len(line)
    while chars:
        end -= 1
        chars -= not line[end].isspace()
    return line[:end].rstrip()


def _elements(tree: Any, wanted: set[str]) -> dict[str, list[Any]]:
    """Each wanted line's elements: those whose whole text it is, outermost only (a ``<h2><a>`` once).
    Only elements with as many non-space characters as a wanted line are read out: reading every
    element's text would cost the page's text once per level of nesting."""
    sizes = {_size(line) for line in wanted}
    found: dict[str, list[Any]] = {}
    for element in _sized(tree, sizes):
        text = _norm(element.text_content())
        if text in wanted:
            seen = found.setdefault(text, [])
            if not any(a in seen for a in element.iterancestors()):
                seen.append(element)
    return found


def _sized(tree: Any, sizes: set[int]) -> list[Any]:
    """The block elements, in document order, whose text has one of ``sizes`` non-space characters."""
    elements = list(tree.iter())
    size: dict[Any, int] = {}
    for element in reversed(elements):  # children before their parents
        inner = _size(element.text or "") if isinstance(element.tag, str) else 0
        for child in element:
            inner += size.get(child, 0) + _size(child.tail or "")
        size[element] = inner
    return [e for e in elements if e.tag in _BLOCKS and size[e] in sizes]


def _size(text: str) -> int:
    return len("".join(text.split()))


def _is_item(element: Any, page: _Page) -> bool:
    return _is_link(element, page) or _under_headline(element, page)


def _is_link(element: Any, page: _Page) -> bool:
    """Whether the element's whole text is the text of links away (or it sits inside such a link)."""
    if any(_leaves(a, page) for a in (element, *element.iterancestors("a"))):
        return True
    text = _norm(element.text_content())
    linked = _norm(" ".join(a.text_content() for a in element.iter("a") if _leaves(a, page)))
    return bool(text) and linked == text


def _leaves(element: Any, page: _Page) -> bool:
    """Whether the element is a link to another page."""
    return element.tag == "a" and not page.is_self(element)


def _under_headline(element: Any, page: _Page) -> bool:
    """Whether a headline link comes just before the element (or before the block holding it)."""
    for _ in range(_CLIMB):
        before = element.getprevious()
        while before is not None and (not isinstance(before.tag, str) or not _norm(before.text_content())):
            before = before.getprevious()  # an image, an empty spacer, a comment
        if before is not None:
            return _is_headline(before, page)
        element = element.getparent()
        if element is None or element.tag in ("body", "html", "main"):
            return False
    return False


def _is_headline(element: Any, page: _Page) -> bool:
    """Whether the element is a teaser's headline: one link away of a few words, not in the main text
    (where it is the article's own subheading), no time of a live post, no bar of links."""
    text = _norm(element.text_content())
    if len(text.split()) < HEADLINE_WORDS or text in page.lines or _CLOCK.match(text):
        return False
    if element.tag in _NOT_HEADLINES or any(True for _ in element.iter(*_NOT_HEADLINES)):
        return False
    links = [a for a in element.iter("a") if _leaves(a, page)]
    links += [a for a in element.iterancestors("a") if _leaves(a, page)]
    return len({(a.get("href") or "").strip() for a in links}) == 1 and _is_link(element, page)


def _address(url: str) -> tuple[str, str]:
    """A URL's host (without ``www.``) and path: what stays when a query or fragment picks a part."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    return host, parts.path.rstrip("/") or "/"


def _parses(url: str) -> bool:
    try:
        urlsplit(url).port  # noqa: B018 -- a port out of range raises only when read
    except ValueError:
        return False
    return True


def _names_its_block(link: Any, href: str) -> bool:
    """Whether the link is a permalink to a post of this page: a part of its address is the id of a
    block holding the link (``<div id="post-3">`` … ``/live/strike/post-3``)."""
    parts = {p for p in _HREF_PARTS.split(href) if p}
    return any(a.get("id") in parts for a in link.iterancestors() if a.get("id"))


def _norm(text: str) -> str:
    return " ".join(text.split())
