"""Pages that are lists of links, not articles: directory listings, tag and section pages, home pages of
teasers. trafilatura takes their text for a main text all the same ("Directory listing for /", then the
file names), so the text it found is traced back to the page's HTML and weighed there.

A line of the main text is *an item of a list* when the page shows it as a link (the whole line is
link text: a ``<li><a>``, a ``<h2><a>``, a card wrapped in ``<a>``) or as a teaser under a headline
link (the block just before it is such a link: trafilatura keeps a teaser's sentence and drops the
headline over it). A page whose main text is mostly such items (:data:`LIST_SHARE` of its
characters) is a list of links. Links inside prose do not count, so an article that links every
name it mentions is still an article; nor does a "Related" list under a long article, which is a
small part of its text. A line that cannot be found in the HTML counts as prose.
"""

from __future__ import annotations

from typing import Any

from trafilatura import load_html

LIST_SHARE = 0.6  # a page whose main text is at least this share of list items (by characters)
HEADLINE_WORDS = 3  # a link of fewer words over a paragraph is furniture ("More", "Read"), not a headline
_BLOCKS = frozenset(
    (
        "p li dt dd td th h1 h2 h3 h4 h5 h6 blockquote pre div section article header footer aside "
        "figure figcaption a span"
    ).split()
)
_CLIMB = 3  # how far up from a teaser's element its headline may be (a <p> in a <div> in an <article>)


def is_link_list(html: str | bytes, lines: list[str]) -> bool:
    """Whether the main text ``lines`` (as found on the page ``html``) are mostly items of a list of
    links rather than prose."""
    wanted = {_norm(line) for line in lines if line.strip()}
    total = sum(len(line) for line in wanted)
    tree = load_html(html) if total else None
    if tree is None:
        return False
    found = _elements(tree, wanted)
    listed = sum(len(line) for line, element in found.items() if _is_item(element))
    return listed >= LIST_SHARE * total


def _elements(tree: Any, wanted: set[str]) -> dict[str, Any]:
    """The outermost element whose whole text is each wanted line (document order puts it first). Only
    elements with as many non-space characters as a wanted line are read out: reading every element's
    text would cost the page's text once per level of nesting."""
    sizes = {_size(line) for line in wanted}
    found: dict[str, Any] = {}
    for element in _sized(tree, sizes):
        text = _norm(element.text_content())
        if text in wanted and text not in found:
            found[text] = element
            if len(found) == len(wanted):
                break
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


def _is_item(element: Any) -> bool:
    return _is_link(element) or _under_headline(element)


def _is_link(element: Any) -> bool:
    """Whether the element's whole text is link text to another page (or it sits inside such a link)."""
    if _leaves(element) or any(_leaves(a) for a in element.iterancestors("a")):
        return True
    text = _norm(element.text_content())
    linked = _norm(" ".join(a.text_content() for a in element.iter("a") if _leaves(a)))
    return bool(text) and linked == text


def _leaves(element: Any) -> bool:
    """Whether the element is a link to another page: a live blog's "#post-12" headings stay on it."""
    href = (element.get("href") or "").strip() if element.tag == "a" else ""
    return bool(href) and not href.startswith("#")


def _under_headline(element: Any) -> bool:
    """Whether a headline link comes just before the element (or before the block holding it)."""
    for _ in range(_CLIMB):
        before = element.getprevious()
        while before is not None and (not isinstance(before.tag, str) or not _norm(before.text_content())):
            before = before.getprevious()  # an image, an empty spacer, a comment
        if before is not None:
            text = _norm(before.text_content())
            return len(text.split()) >= HEADLINE_WORDS and _is_link(before)
        element = element.getparent()
        if element is None or element.tag in ("body", "html"):
            return False
    return False


def _norm(text: str) -> str:
    return " ".join(text.split())
