"""A feed entry's HTML as paragraphs of plain text, without the links a feed puts beside the article.

:func:`html_to_text` turns block elements into paragraphs (``\\n\\n``-separated) and drops scripts and
styles. :func:`entry_text` also drops the paragraphs that are only a link to another page of the
entry's site (the Guardian closes a video's description with a related story:
``<ul><li><a href=OTHER>headline</a></li></ul>``) and those that only repeat the entry's own headline
as a link: they are no sentence of the article and, kept, a summary tells another story's headline as
if it were news of this one. A link to the entry's own page ("Continue reading...") stays: it marks a
teaser, which the feed reader reads; so does one to another site (a quotation's author, a glossary
entry, a source), more often the article's own than furniture.

Some feeds escape their HTML twice (Reddit: ``&amp;lt;!-- SC_OFF --&amp;gt;&amp;lt;div class="md"&amp;gt;``):
unescaped once, the text is still markup. A run of text that starts with a tag or a comment and holds a
closing tag is read as HTML again, except inside ``<pre>`` or ``<code>``, where markup is what the
article shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from briefing.addresses import is_web_url, same_site
from briefing.sentences import ends_sentence

_BLOCKS = frozenset(
    {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"}
    | {"table", "section", "article", "header", "footer", "figure", "pre", "hr", "dd", "dt"}
)
_SKIP = frozenset(("script", "style", "noscript", "iframe", "svg", "figcaption"))
_LITERAL = frozenset(("pre", "code", "xmp", "textarea"))  # markup written in them is shown, not read
_MARKUP = re.compile(r"\s*<(?:!--|[A-Za-z][\w-]*(?:\s[^<>]*)?/?>)")
_CLOSING_TAG = re.compile(r"</[A-Za-z][\w-]*\s*>|<br\s*/?>")
MAX_DEPTH = 3  # escaped three times is read as it stands: no feed does more, and the text bounds it
# A paragraph that is only style rules (".share-link a { margin: 0; }"): a <style> whose tags a feed's
# sanitiser took away, leaving its text
_STYLE_SHEET = re.compile(r"^(?:(?>[^{}]{1,200}\{[^{}:]*:[^{}]*\})\s*+)+$")  # atomic: no re-splitting
# A link to the rest of the article, wherever it points (a redirector, the page without the feed's
# tracking query): the feed reader reads it as the mark of a teaser
_MORE = re.compile(r"^(?:continue reading|read more|read (?:the )?full (?:story|article))\W*$", re.I)
# The link text repeats the headline when one's words run on in the other and make this share of it
# ("... denial of Trump affair" of "... denial of Trump affair – video")
SAME_HEADLINE = 0.6


@dataclass(frozen=True)
class Block:
    """One paragraph, and ``links``: the addresses of its links when all its text is link text."""

    text: str
    links: tuple[str, ...] = ()


@dataclass
class _Blocks:
    """What the parsers have read: finished blocks, and the one being read."""

    blocks: list[Block] = field(default_factory=list)
    pieces: list[str] = field(default_factory=list)
    hrefs: list[str] = field(default_factory=list)
    linked: int = 0
    unlinked: int = 0
    href: str | None = None
    skipping: int = 0
    literal: int = 0

    def add(self, data: str) -> None:
        self.pieces.append(data)
        letters = sum(c.isalnum() for c in data)
        if self.href is None:
            self.unlinked += letters
        elif letters:
            self.linked += letters
            self.hrefs.append(self.href)

    def end_block(self) -> None:
        links = tuple(dict.fromkeys(self.hrefs)) if self.linked and not self.unlinked else ()
        for raw in "".join(self.pieces).split("\n\n"):  # a blank line in the text parts paragraphs too
            for text in broken_lines(raw):
                if text and not _STYLE_SHEET.match(text):
                    self.blocks.append(Block(text, links))
        self.pieces, self.hrefs, self.linked, self.unlinked = [], [], 0, 0


class _TextParser(HTMLParser):
    def __init__(self, out: _Blocks, depth: int = 0) -> None:
        super().__init__(convert_charrefs=True)
        self.out = out
        self.depth = depth

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)  # "<br/>" is one break, not a start and an end
        if tag != "br":
            self.handle_endtag(tag)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":  # in code each line is one: two breaks, which part paragraphs whatever they hold
            self.out.pieces.append(LINE_BREAK * (2 if self.out.literal else 1))
        elif tag in _SKIP:
            self.out.skipping += 1
        elif tag in _BLOCKS:
            self.out.end_block()
        if tag == "a":
            self.out.href = next((v for k, v in attrs if k == "href" and v), None)  # <a name> links nowhere
        self.out.literal += tag in _LITERAL

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":  # "</br>", which browsers read as "<br>"
            self.out.pieces.append(LINE_BREAK * (2 if self.out.literal else 1))
        elif tag in _SKIP:
            self.out.skipping = max(0, self.out.skipping - 1)
        elif tag in _BLOCKS:
            self.out.end_block()
        if tag == "a":
            self.out.href = None
        if tag in _LITERAL:
            self.out.literal = max(0, self.out.literal - 1)

    def handle_data(self, data: str) -> None:
        if self.out.skipping:
            return
        if self.depth < MAX_DEPTH and not self.out.literal and _is_markup(data):
            inner = _TextParser(self.out, self.depth + 1)  # escaped once more: read as HTML again
            inner.feed(data)
            inner.close()
            return
        self.out.add(data)


LINE_BREAK = "\ue000"  # a <br>, while its paragraph is read (a private-use character: never in text)
_BREAKS = re.compile(f"\\s*((?:{LINE_BREAK}\\s*)+)")


def broken_lines(raw: str) -> list[str]:
    """A block's text whose lines were broken with ``<br>`` (:data:`LINE_BREAK`), as paragraphs: two
    breaks in a row part paragraphs, and so does one after a finished line; a line broken mid-sentence
    goes on (:func:`continues_line`)."""
    pieces = _BREAKS.split(raw)
    paragraphs = [" ".join(pieces[0].split())]
    for breaks, line in zip(pieces[1::2], pieces[2::2], strict=True):
        line = " ".join(line.split())
        if breaks.count(LINE_BREAK) == 1 and continues_line(paragraphs[-1], line):
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            paragraphs.append(line)
    return [p for p in paragraphs if p]


# Words no sentence ends with: a line that ends with one was broken mid-sentence ("... cancelled on")
_MID_SENTENCE_WORDS = frozenset(
    """
    a an the of on in at to for from by with into onto over under about after before between and or but
    nor as than that which who whom whose is are was were be been has have had will would can could
    der die das den dem des ein eine einen und oder von mit im am zu zum zur
    le la les un une du et ou au aux en
    el los las una y o del con por para
    """.split()
)


def continues_line(before: str, after: str) -> bool:
    """Whether ``after``, on the line under ``before`` in one paragraph (a ``<br>`` between them), goes
    on with its sentence: ``before`` is not finished and ends as only a sentence cut mid-way does, with a
    comma or a word such as "on", "the", "and" ("... were cancelled on" / "Sunday as a storm ..."), or
    ``after`` starts in lower case. Other lines are lines of their own: a headline, a byline, an address,
    a line of verse ("If you could ... with the flick of a switch" / "Would you do it?"), a label
    ("Paperback: 154 pages" / "Publisher: ...")."""
    before, after = before.strip(), after.strip()
    if not before or not after or ends_sentence(before):
        return False
    last = before.split()[-1]
    return after[0].islower() or before[-1] in ",;" or last in _MID_SENTENCE_WORDS


def _is_markup(data: str) -> bool:
    """Whether a run of text is itself HTML: it starts with a tag or a comment and closes a tag."""
    return "<" in data and _MARKUP.match(data) is not None and _CLOSING_TAG.search(data) is not None


def html_blocks(html: str) -> list[Block]:
    """An HTML fragment's paragraphs, each with the links it is made of (see :class:`Block`)."""
    if "<" not in html and "&" not in html:
        paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", html))
        return [Block(p) for p in paragraphs if p and not _STYLE_SHEET.match(p)]
    out = _Blocks()
    parser = _TextParser(out)
    parser.feed(html)
    parser.close()
    out.end_block()
    return out.blocks


def html_to_text(html: str) -> str:
    """An HTML fragment as plain text: block elements become paragraphs (``\\n\\n``-separated)."""
    return "\n\n".join(b.text for b in html_blocks(html))


def entry_text(html: str, *, url: str | None = None, title: str = "") -> str:
    """A feed entry's text (``url``: its own page, ``title``: its headline) without the paragraphs that
    are only links to other pages or only its headline again."""
    kept = (b.text for b in html_blocks(html) if not _is_pointer(b, url, title))
    return "\n\n".join(kept)


def _is_pointer(block: Block, url: str | None, title: str) -> bool:
    """Whether a paragraph of links is the entry's headline again, or points to another page of the
    entry's own site: the outlet's other stories. A link to another site alone in its paragraph (a
    quotation's author, a glossary, a source) is left: it is more often the article's than furniture."""
    if not block.links or _MORE.match(block.text):
        return False
    return repeats_headline(block.text, title) or any(_elsewhere_on_site(h, url) for h in block.links)


def _elsewhere_on_site(href: str, url: str | None) -> bool:
    """Whether a link goes to another page of the site ``url`` is on (any page but itself, for a
    relative link when the entry has no address)."""
    if href.startswith("#"):
        return False
    target = urljoin(url or "", href)
    if not is_web_url(target):
        return not urlsplit(href).scheme  # "/news/other": the site's own; "mailto:" is no page
    return url is not None and same_site(target, url) and _page(target) != _page(url)


def _page(url: str) -> tuple[str, str, str]:
    """A page's address as compared: host without "www.", path without a final "/"; no scheme,
    fragment or query (http and https, "#comments", "?source=rss" of one page are that page), but a
    home page's query ("/?p=123" is a post)."""
    parts = urlsplit(url)
    host, path = (parts.hostname or "").removeprefix("www."), parts.path.rstrip("/")
    return host, path, "" if path else parts.query


def repeats_headline(text: str, title: str) -> bool:
    """Whether ``text`` is the headline again: the words of one run on in the other, and make at least
    :data:`SAME_HEADLINE` of it ("Stormy Daniels casts doubt – video" repeats "Stormy Daniels casts
    doubt")."""
    a, b = (re.findall(r"\w+", s.casefold()) for s in (text, title))
    short, long = sorted((a, b), key=len)
    if not short or len(short) < SAME_HEADLINE * len(long):
        return False
    return any(long[k : k + len(short)] == short for k in range(len(long) - len(short) + 1))
