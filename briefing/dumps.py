"""Raw scraped text dumps → articles, without the page furniture around them.

A dump is what copying a news page (or a site's section page) as text gives: articles with their
titles, section labels, bylines and dates, mixed with navigation words, photo captions and credits,
"Spread the love" and "Continue Reading", comment counts, weather banners and lists of related-story
teasers. :func:`split_dump` finds the articles with general rules, in four passes:

1. lines: newlines, BOM and hard wrapping undone; whitespace-only lines holding a non-breaking
   space are image placeholders (a line without final punctuation just before one is a caption);
2. each line alone (:func:`briefing.furniture.classify`): prose, heading, date, author, furniture;
3. neighbours: "Source" + site (a footer that ends its article and names its outlet), "By" + name,
   "Published" + date, the caption before a "©" credit or above the sharing buttons, captions
   printed twice (a headline printed twice keeps one copy) or repeating a paragraph or a credited
   caption, the titles under "Related Posts" or (on a live page) "Key events", a name over its desk
   ("BBC Wales News": a byline), a release's "Media Contact:" block and (in a release only) "About
   <Company>" boilerplate, a time under a date, a list under a line ending with ":", a short line
   ending with "?", "." or "…" that is a headline by its place (under a section label, over a byline,
   opening the dump) and whose words come back in the lead, a relative time under a title (a byline)
   or under a dash (a teaser);
4. articles: a run of non-prose lines followed by prose starts an article when it holds metadata,
   comes after an ending ("Continue Reading", a separator, a wire's closing credits), is a short label
   followed by a longer title ("Politics" / "How North Korea is changing..."), or is a heading over a
   paragraph opening with a wire dateline. Any other lone heading between paragraphs is a
   subheading. Runs with no prose after them (teaser lists, trailing navigation) are not articles.

An article without a title gets one from its first sentence (:func:`title_from_body`).
:func:`dump_as_one_article` reads a dump as ``bot.py summarize`` reads one file, and
:func:`decode_text` turns a file's bytes into text.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from datetime import datetime
from itertools import chain, islice, takewhile

from briefing.addresses import site_of
from briefing.boilerplate import is_share_row
from briefing.errors import BinarySourceError, DecodeError, EmptySourceError
from briefing.furniture import (
    RELEASE_SOURCE,
    TEASER_LABELS,
    Kind,
    caption_of,
    classify,
    ends_sentence,
    is_clock,
    is_share_prompt,
    looks_like_name,
    parse_date,
    strip_bullet,
    word_count,
)
from briefing.models import ArticleDraft
from briefing.sentences import split_sentences, without_dateline

TITLE_MAX_CHARS = 90
META = (Kind.AUTHOR, Kind.DATE, Kind.LINK)  # lines about an article: its byline, date, own URL
CAPTION_OVERLAP = 0.6
_WINDOW = 15
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_WORD = re.compile(r"\w+")


def decode_text(data: bytes) -> str:
    """Bytes of a text file as text: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252.

    A UTF-8 file with a few stray bytes (one Latin-1 "á" pasted in) is still UTF-8: each byte that is
    not part of a UTF-8 character is read as Windows-1252 on its own, or replaced by "�" where that
    has no character, so one bad byte does not cost the file. A file whose non-ASCII bytes are mostly
    not UTF-8 is Windows-1252.

    Raises :class:`EmptySourceError`, :class:`BinarySourceError` (NUL bytes or control characters)
    or :class:`DecodeError` (neither UTF-8 nor Windows-1252, naming the first byte neither reads).
    """
    if not data.strip():
        raise EmptySourceError("the file is empty")
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if data.startswith(bom):
            try:
                return _checked(data.decode(codec))
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {codec} text at byte {exc.start}") from exc
    if b"\x00" in data[:65536]:
        raise BinarySourceError("binary data (NUL bytes), not text")
    return _checked(_utf8_or_cp1252(data))


# a byte that is not UTF-8, as Python's "surrogateescape" hands it over, → the same byte in Windows-1252
_STRAY_BYTE = {0xDC00 + b: bytes([b]).decode("cp1252", errors="replace") for b in range(0x80, 0x100)}
_STRAY = re.compile("[\udc80-\udcff]")


def _utf8_or_cp1252(data: bytes) -> str:
    text = data.decode("utf-8", errors="surrogateescape")
    stray = len(_STRAY.findall(text))
    if not stray:
        return text
    utf8_chars = sum(1 for c in text if ord(c) > 0x7F) - stray
    if utf8_chars < stray:  # mostly Windows-1252: a byte pair that happens to be UTF-8 is not
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
        for m in _STRAY.finditer(text):
            if _STRAY_BYTE[ord(m.group())] == "\ufffd":
                at = len(text[: m.start()].encode("utf-8", errors="surrogateescape"))
                byte = f"byte 0x{data[at]:02x} at offset {at}"
                raise DecodeError(f"neither UTF-8 nor Windows-1252 text ({byte})")
    return text.translate(_STRAY_BYTE)


def _checked(text: str) -> str:
    sample = text[:65536]
    if len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise BinarySourceError("binary data (control characters), not text")
    if not text.strip():
        raise EmptySourceError("the file holds only whitespace")
    return text


@dataclass
class _Line:
    text: str
    kind: Kind
    value: object = None
    gap_before: bool = False
    spacer_after: bool = False
    site: str | None = None  # a site credited here: "Source / www.dw.com", "Photo credit: www.dw.com"
    listed: bool = False  # an item of a list that a line ending with ":" introduces


@dataclass
class _Article:
    title: str | None = None
    section: str | None = None
    author: str | None = None
    published: datetime | None = None
    url: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    prose: int = 0
    sites: set[str] = field(default_factory=set)  # sites its "Source" footer and photo credit name

    def meta(self, line: _Line) -> None:
        if line.site:
            self.sites.add(line.site)
        if line.kind is Kind.AUTHOR and line.value and not self.author:
            self.author = str(line.value)
        elif line.kind is Kind.DATE and isinstance(line.value, datetime) and not self.published:
            self.published = line.value
        elif line.kind is Kind.LINK and isinstance(line.value, str) and not self.url:
            self.url = line.value


def split_dump(text: str, *, source: str) -> list[ArticleDraft]:
    """The articles in a text dump, furniture stripped, paragraphs separated by blank lines."""
    outlet = outlet_of(text)
    return [_draft(a, outlet, source) for a in _articles(_read_lines(text))]


def looks_like_dump(text: str) -> bool:
    """Whether a text holds page furniture or metadata (navigation, banners, credits, bylines, dates,
    endings) or opens with a section label over a title: a scraped dump, not a clean article."""
    lines = _read_lines(text)
    if any(line.kind not in (Kind.PROSE, Kind.HEADING) for line in lines):
        return True
    if lines and lines[0].kind is Kind.PROSE and _is_headline(lines, 0):
        return True  # "Why are Oslo trams running late?" over its lead: a title ending with "?"
    return (
        len(lines) >= 2
        and lines[0].kind is lines[1].kind is Kind.HEADING
        and _is_label(lines[0].text, lines[1].text)
    )


def dump_as_one_article(text: str) -> tuple[str, str]:
    """``(headline, body)`` of a dump read as one article, as ``bot.py summarize`` reads a file: the
    title its first article has (empty when it has none), and its articles' text without furniture,
    the later ones' titles as headings between them."""
    articles = _articles(_read_lines(text))
    parts: list[str] = []
    for k, article in enumerate(articles):
        if k and article.title:
            parts.append(article.title)
        parts.extend(article.paragraphs)
    return (articles[0].title or "" if articles else ""), "\n\n".join(parts)


def _articles(lines: list[_Line]) -> list[_Article]:
    _mark_sites(lines)
    _pair_metadata(lines)
    _pair_desk_bylines(lines)
    _drop_release_furniture(lines)
    _drop_captions(lines)
    _drop_teaser_lists(lines)
    _mark_lists(lines)
    _mark_bullets(lines)
    _mark_headlines(lines)
    _resolve_reltimes(lines)
    return [article for article in _segment(_keep(lines)) if article.prose]


def _keep(lines: list[_Line]) -> list[_Line]:
    """The lines that are not furniture; a dropped photo credit's site goes to the next kept line (the
    article it heads), or to the last one when nothing follows."""
    kept: list[_Line] = []
    site = None
    for line in lines:
        if line.kind in (Kind.DROP, Kind.CREDIT):
            site = site or line.site
            continue
        if site and not line.site:
            line.site = site
        site = None
        kept.append(line)
    if site and kept and not kept[-1].site:
        kept[-1].site = site
    return kept


_CREDITED_SITE = re.compile(
    r"^(?:(?:photo|image|picture)\s+)?(?:credits?|sources?)\s*[:\-–—]?\s*(?:https?://)?(?:www\.)?"
    r"((?:[a-z0-9-]+\.)+[a-z]{2,})/?$",
    re.I | re.M,
)
_SITE_UNDER_LABEL = re.compile(
    r"^(?:credits?|sources?)\s*$\n\s*(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})/?\s*$",
    re.I | re.M,
)


_SITE = re.compile(r"(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})/?", re.I)
_SOURCE_LABEL = re.compile(r"sources?\s*:?", re.I)


def _mark_sites(lines: list[_Line]) -> None:
    """Sites that a dump credits, line by line. A "Source / www.dw.com" footer ends its article (the
    seed-002 layout glues articles together with nothing else between them) and names its outlet; a
    "Photo credit: www.dw.com" over an article names it too. An article crediting two sites has
    neither as its outlet."""
    for i, line in enumerate(lines):
        credited = _CREDITED_SITE.fullmatch(line.text)
        if credited:
            line.site = credited.group(1).lower()
            if line.text[:6].lower().startswith("source"):
                line.kind = Kind.BREAK
        elif _SOURCE_LABEL.fullmatch(line.text) and i + 1 < len(lines):
            site = _SITE.fullmatch(lines[i + 1].text)
            if site:
                line.kind = Kind.DROP
                lines[i + 1].kind, lines[i + 1].site = Kind.BREAK, site.group(1).lower()


def outlet_of(text: str) -> str | None:
    """The site a dump credits as its source ("Source: www.bbc.com", "Photo credit: www.bbc.com"), when it
    names exactly one: a better outlet name than the file's. None when it names none or several."""
    sites = {m.group(1).lower() for m in _CREDITED_SITE.finditer(text)}
    sites |= {m.group(1).lower() for m in _SITE_UNDER_LABEL.finditer(text)}
    return sites.pop() if len(sites) == 1 else None


def _read_lines(text: str) -> list[_Line]:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines: list[_Line] = []
    gap = False
    for raw in text.split("\n"):
        stripped = raw.strip()
        if not stripped:
            if raw.strip(" \t") and lines:  # a non-breaking space alone: an image placeholder
                lines[-1].spacer_after = True
            gap = True
            continue
        stripped = " ".join(stripped.split())
        if lines and not gap and _continues(lines[-1].text, stripped):
            lines[-1].text += " " + stripped
            continue
        lines.append(_Line(stripped, Kind.DROP, gap_before=gap))
        gap = False
    lines = [part for line in lines for part in _byline_and_date(line)]
    for line in lines:
        verdict = classify(line.text)
        line.kind, line.value = verdict.kind, verdict.value
        if line.kind is Kind.HEADING and isinstance(line.value, str):  # "Title: ..." is its title
            line.text, line.value = line.value, None
    return lines


# "By Jane Doe | 21 November 2026": a byline and a date on one line, split by a mark or a comma
_BYLINE_DATED = re.compile(
    r"^((?:posted |written )?by\s.+?)(?:\s*(?:[|·•,–—]|\s-)\s*|\s+on\s+)(\S.*\d.*)$", re.I
)


def _byline_and_date(line: _Line) -> list[_Line]:
    """A line holding a byline and a date, as the two lines a page usually gives them; else the line."""
    both = _BYLINE_DATED.match(line.text) if len(line.text) <= 120 else None
    if both is None or classify(both.group(1)).kind is not Kind.AUTHOR or parse_date(both.group(2)) is None:
        return [line]
    return [_Line(both.group(1), Kind.DROP, gap_before=line.gap_before), _Line(both.group(2), Kind.DROP)]


def _continues(previous: str, line: str) -> bool:
    """A hard-wrapped paragraph: a long line cut mid-sentence, the next starting in lower case."""
    return len(previous) >= 40 and not ends_sentence(previous) and line[0].islower()


def _pair_metadata(lines: list[_Line]) -> None:
    """ "By" + "AFP" → author AFP; "Published" + "on" + "13 Nov 2024" → the date; "22 November 2026" +
    "14:05 GMT" → the date at that time."""
    for i, line in enumerate(lines):
        if line.kind is Kind.DATE and line.value is not None and i + 1 < len(lines):
            clock = lines[i + 1].text
            when = parse_date(f"{line.text} {clock}") if is_clock(clock) and _midnight(line.value) else None
            if when is not None:
                line.value = when
        if line.kind not in (Kind.AUTHOR, Kind.DATE) or line.value is not None:
            continue
        nxt = _next(lines, i)
        if nxt is None:
            continue
        name = strip_bullet(nxt.text)
        if line.kind is Kind.AUTHOR and nxt.kind is Kind.HEADING and looks_like_name(name):
            line.value, nxt.kind = name, Kind.DROP
        elif line.kind is Kind.DATE and nxt.kind is Kind.DATE and nxt.value is not None:
            line.value, nxt.kind = nxt.value, Kind.DROP
        elif line.kind is Kind.DATE and nxt.kind is Kind.HEADING and parse_date(nxt.text):
            line.value, nxt.kind = parse_date(nxt.text), Kind.DROP


# The second line of a two-line byline: the writer's desk or job ("BBC Wales News", "Political editor")
_DESK_WORDS = frozenset(
    "news correspondent editor reporter journalist writer producer analyst staff contributor desk".split()
)
DESK_LINE_WORDS = 6


def _pair_desk_bylines(lines: list[_Line]) -> None:
    """ "Tomos Morgan" over "BBC Wales News" (or "Political editor") in an article's header, with no blank
    line between them: a byline without "By", the name its author."""
    for i in range(len(lines) - 1):
        name, desk = lines[i], lines[i + 1]
        if name.kind is not Kind.HEADING or desk.kind is not Kind.HEADING or desk.gap_before:
            continue
        last = _WORD.findall(desk.text.casefold())[-1:]
        if not (2 <= word_count(name.text) <= 4 and looks_like_name(name.text)):
            continue
        if word_count(desk.text) > DESK_LINE_WORDS or not last or last[0] not in _DESK_WORDS:
            continue
        before = _previous(lines, i, (Kind.DROP, Kind.CREDIT))
        if before is None or before.kind is not Kind.PROSE:  # a header's line, not a list in the text
            name.kind, name.value, desk.kind = Kind.AUTHOR, name.text, Kind.DROP


# A press release's contact block: "Media Contact:" then a name, a job, a phone number, an address
_CONTACT_LABEL = re.compile(
    r"^(?:(?:media|press|investor|news|company|editorial)\s+)?(?:contacts?|enquiries|inquiries)\s*:?$", re.I
)
CONTACT_LINE_WORDS = 8
_ABOUT = re.compile(r"^About\s+(?!the\b|us\b|this\b)([A-Z][^\s]*)")
ABOUT_WORDS = 8


# A press release's own signs: a newswire's dateline, its "FOR IMMEDIATE RELEASE" label, a contact block's
# label, PR Newswire's "SOURCE Acme Corp" last line
_RELEASE_SIGN = re.compile(
    r"/\s*PRNewswire(?:-\w+)?\s*/|\(\s*GLOBE\s*NEWSWIRE\s*\)|/\s*GLOBE\s*NEWSWIRE\s*/|"
    r"\(\s*BUSINESS\s+WIRE\s*\)|/\s*EINPresswire\s*/|\(\s*ACCESSWIRE\s*\)|^for immediate release$",
    re.I,
)


def _drop_release_furniture(lines: list[_Line]) -> None:
    """A press release's "Media Contact:" block (the short lines under it) and its "About <Company>"
    boilerplate after the text: a heading and the paragraphs under it that speak of the company. Only
    in a release (see :func:`_in_release`): "About Storm Bert" over a paragraph in the news is a
    subheading."""
    contact = False
    for i, line in enumerate(lines):
        if _CONTACT_LABEL.match(line.text):
            line.kind, contact = Kind.DROP, True
            continue
        contact = contact and not line.gap_before and word_count(line.text) <= CONTACT_LINE_WORDS
        if contact:
            line.kind = Kind.DROP
        elif _is_about_heading(line) and _in_release(lines, i):
            _drop_about(lines, i)


def _is_about_heading(line: _Line) -> bool:
    """ "About Fjordline Ferries AS": a short heading naming a company (a release's boilerplate's)."""
    return (
        line.kind is Kind.HEADING and word_count(line.text) <= ABOUT_WORDS and bool(_ABOUT.match(line.text))
    )


def _in_release(lines: list[_Line], i: int) -> bool:
    """Whether line ``i`` is in a press release: a release's sign (a newswire dateline, "FOR IMMEDIATE
    RELEASE", a "Media Contact:" label, a "SOURCE Acme Corp" line) between the ending before it and
    the ending after it (its own "SOURCE" line included), so a news story next to a release is not one."""
    start = next((j + 1 for j in range(i - 1, -1, -1) if lines[j].kind is Kind.BREAK), 0)
    for line in lines[start:]:
        if _RELEASE_SIGN.search(line.text) or _CONTACT_LABEL.match(line.text):
            return True
        if line.kind is Kind.BREAK:
            return bool(RELEASE_SOURCE.match(line.text))
    return False


def _drop_about(lines: list[_Line], i: int) -> None:
    about = _ABOUT.match(lines[i].text)
    before = _previous(lines, i, (Kind.DROP, Kind.CREDIT))
    after = _next(lines, i)
    if about is None or before is None or before.kind is not Kind.PROSE or after is None:
        return
    company = about.group(1).casefold()
    if after.kind is not Kind.PROSE or company not in after.text[:120].casefold():
        return
    lines[i].kind = Kind.DROP
    for line in lines[i + 1 :]:
        if line.kind not in (Kind.PROSE, Kind.DROP):
            break
        line.kind = Kind.DROP


def _midnight(value: object) -> bool:
    return isinstance(value, datetime) and (value.hour, value.minute, value.second) == (0, 0, 0)


def _next(lines: list[_Line], i: int) -> _Line | None:
    for j in range(i + 1, len(lines)):
        if lines[j].kind is not Kind.DROP:
            return lines[j]
    return None


def _previous(lines: list[_Line], i: int, skip: tuple[Kind, ...] = (Kind.DROP,)) -> _Line | None:
    """The nearest line before line ``i`` of none of the ``skip`` kinds (no copy of the lines before)."""
    for j in range(i - 1, -1, -1):
        if lines[j].kind not in skip:
            return lines[j]
    return None


def _drop_captions(lines: list[_Line]) -> None:
    """Captions: the unfinished line just above a "©" credit, one above an image placeholder, one
    between an article's date and its sharing buttons, lines printed twice, lines repeating a caption
    shown with its credit, and lines echoing a paragraph."""
    credited: set[str] = set()
    for i, line in enumerate(lines):
        if line.kind is Kind.CREDIT and i and not line.gap_before:
            before = lines[i - 1]
            if before.kind is Kind.HEADING or (before.kind is Kind.PROSE and not ends_sentence(before.text)):
                before.kind = Kind.DROP
        if line.kind is Kind.HEADING and line.spacer_after:
            line.kind = Kind.DROP
        if line.kind is Kind.DROP and (caption := caption_of(line.text)):
            credited.add(_caption_key(caption))
        elif line.kind in (Kind.HEADING, Kind.PROSE) and _caption_key(line.text) in credited:
            line.kind = Kind.DROP  # the caption again, without its credit
        elif _above_share_prompt(lines, i):
            line.kind = Kind.DROP
    _drop_repeats(lines)
    _drop_echoes(lines)


def _caption_key(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _above_share_prompt(lines: list[_Line], i: int) -> bool:
    """The featured photo's caption in a WordPress layout: an unfinished line right above the sharing
    buttons ("Spread the love"), after the article's date or byline. A real first paragraph ends with
    a full stop, and a title has no date above it."""
    line = lines[i]
    if line.kind not in (Kind.HEADING, Kind.PROSE) or ends_sentence(line.text) or i + 1 == len(lines):
        return False
    below = lines[i + 1]
    if below.gap_before or not is_share_prompt(below.text):
        return False
    above = _previous(lines, i)
    return above is not None and above.kind in (Kind.DATE, Kind.AUTHOR)


def _drop_teaser_lists(lines: list[_Line]) -> None:
    """The titles under "Related Posts" (or "You may also like", "Read more", "Key events"...) are other
    stories' (or posts') teasers, a title ending with "?" or "." too. When the last of them has a byline
    or date under it, or a paragraph, it may be the next article's title (with a section label over
    it): those stay. A live page's key event ("14:40 Reeves confirms...") is no title; a "Key events"
    list outside a live page (an explainer's election-day schedule) is the article's."""
    live = _is_live_page(lines)
    for i, line in enumerate(lines):
        label = " ".join(line.text.lower().split()).rstrip(": ")
        if label in _LIVE_LABELS and not live:
            _keep_schedule(lines, i)
            continue
        if label not in _LIST_LABELS:
            continue
        teasers: list[_Line] = []
        for nxt in lines[i + 1 :]:
            if is_clock(nxt.text):
                break  # a live page's first post: the list of its key events is over
            if nxt.kind is Kind.HEADING or (nxt.kind is Kind.PROSE and _teaser_title(nxt.text, teasers)):
                teasers.append(nxt)
            elif nxt.kind is not Kind.DROP:
                byline = nxt.kind is Kind.RELTIME and nxt.value
                if (
                    (nxt.kind in (*META, Kind.PROSE) or byline)
                    and teasers
                    and not _CLOCK_LED.match(teasers[-1].text)
                ):
                    title = teasers.pop()
                    if teasers and _is_label(teasers[-1].text, title.text):
                        teasers.pop()
                break
        for teaser in teasers:
            teaser.kind = Kind.DROP
        if teasers and line.kind is Kind.HEADING:
            line.kind = Kind.DROP  # "Key events", "Related news": the label goes with its list


# Labels over a list of links to other stories or posts; "Read more" also ends an article (a BREAK)
_LIVE_LABELS = frozenset({"key events", "key updates", "key moments"})  # a live page's, only there
_LIST_LABELS = TEASER_LABELS | {"read more"} | _LIVE_LABELS
_LIVE_SIGN = re.compile(r"^(?:live\b|last updated\b)", re.I)  # "LIVE: Storm Arwen ...", "Last updated: ..."
LIVE_POSTS = 2  # this many post times alone on their lines ("16:20 GMT") make a live page


def _keep_schedule(lines: list[_Line], i: int) -> None:
    """ "Key events" over "07:00 Polling stations open" lines inside an article: its list, label and
    items kept in the text, not a section label over a new article's title."""
    before = _previous(lines, i, (Kind.DROP, Kind.CREDIT))
    if before is None or before.kind is not Kind.PROSE:
        return
    items = list(takewhile(lambda line: line.kind is Kind.HEADING, lines[i + 1 :]))
    if items:
        for line in (lines[i], *items):
            line.listed = True


def _is_live_page(lines: list[_Line]) -> bool:
    """A live page: a "LIVE" title, a "Last updated" line, or several posts under their times."""
    if any(_LIVE_SIGN.match(line.text) and line.kind is not Kind.PROSE for line in lines):
        return True
    return sum(1 for line in lines if is_clock(line.text)) >= LIVE_POSTS


_CLOCK_LED = re.compile(r"^\d{1,2}[:.]\d{2}\b")  # "14:40 Reeves confirms fuel duty freeze"


def _teaser_title(text: str, teasers: list[_Line]) -> bool:
    """A short sentence in a list of teasers: another title ending with "?" or ".", unless it is the
    lead under the title before it (longer than that title, and repeating its words)."""
    if word_count(text) > HEADLINE_WORDS or _INNER_SENTENCE.search(text):
        return False
    if not teasers or word_count(text) <= word_count(teasers[-1].text):
        return True
    words = _content_words(teasers[-1].text)
    return len(words & _content_words(text)) < min(HEADLINE_ECHO, len(words))


def _mark_lists(lines: list[_Line]) -> None:
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
LABEL_WORDS = 4  # "Key points", "At a glance": the label over a box of bullets


def _mark_bullets(lines: list[_Line]) -> None:
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
        before = _previous(lines, first)
        if before is not None and before.kind is Kind.PROSE:  # inside an article, not under a title
            for line in lines[first:j]:
                line.listed = True
        i = j


def _network_item(text: str) -> bool:
    """A list item that is a network's name alone ("WhatsApp", "- X"), which share buttons also are."""
    item = strip_bullet(text)
    return len(item.split()) <= 2 and is_share_row(item)


HEADLINE_WORDS = 14  # a headline ending with "?", "." or "…" is at most this long
HEADLINE_ECHO = 2  # ... and this many of its words come back in the lead (the next two paragraphs)
_HEADLINE_END = re.compile(r"[?.…!][\"'”’»)]*$")
# a sentence ending inside the line: after a word in lower case, not an abbreviation ("Acme Corp. rose")
_INNER_SENTENCE = re.compile(r"\b[a-z][\w'’-]*[.!?…][\"'”’»)]*\s+[\"'“‘«(]?[A-Z]")
_STOP = frozenset(
    "the a an and or but of in on at to for from with by as is are was were be been has have had its it "
    "this that these those will would can could should may might not no after over about into why how "
    "what who when where which does do did says said".split()
)


def _mark_headlines(lines: list[_Line]) -> None:
    """A short line ending with "?", "." or "…" ("Why are Oslo trams running late?", "Shares jump at
    Acme Corp.") is read as prose by its punctuation; it is a headline when its place says so (see
    :func:`_is_headline`)."""
    for i, line in enumerate(lines):
        if line.kind is Kind.PROSE and _is_headline(lines, i):
            line.kind = Kind.HEADING


def _is_headline(lines: list[_Line], i: int) -> bool:
    """A one-sentence line of at most HEADLINE_WORDS words, ending with "?", ".", "…" or "!", is a
    headline when it sits under a short section label or has a byline or date under it, or when it
    opens the dump or an article (after an ending) and, ending with a full stop, is Written In Title
    Case (else it is a short lead); and when at least HEADLINE_ECHO of its words come back in the
    lead paragraphs under it, as a headline's do. A one-sentence paragraph under a subheading does not
    echo the next ones."""
    line = lines[i]
    text = line.text
    if word_count(text) > HEADLINE_WORDS or not _HEADLINE_END.search(text) or _INNER_SENTENCE.search(text):
        return False
    # the lines after it are read lazily: a dump of many short paragraphs must not copy its rest each time
    after = (lines[j] for j in range(i + 1, len(lines)) if lines[j].kind not in (Kind.DROP, Kind.CREDIT))
    under = next(after, None)
    if under is None or under.kind not in (Kind.PROSE, *META, Kind.RELTIME):
        return False
    before = _previous(lines, i, (Kind.DROP, Kind.CREDIT))
    labelled = before is not None and before.kind is Kind.HEADING and _is_label(before.text, text)
    if not (labelled or under.kind in (*META, Kind.RELTIME)):
        if before is not None and before.kind is not Kind.BREAK:
            return False
        if text.rstrip("\"'”’»)").endswith(".") and not _title_case(text):
            return False  # a text opening with a short sentence: its lead, unless Written Like A Title
    lead = list(islice((x.text for x in chain([under], after) if x.kind is Kind.PROSE), 2))
    if not lead or (len(lead) == 1 and word_count(lead[0]) <= word_count(text)):
        return False
    words = _content_words(text)
    echoed = words & _content_words(" ".join(lead))
    return len(echoed) >= min(HEADLINE_ECHO, len(words))


def _title_case(text: str) -> bool:
    """Most of the longer words capitalised: "Oslo Trams Run Late As Drivers Quit."."""
    long = [w for w in _WORD.findall(text) if len(w) >= 4]
    return bool(long) and sum(w[0].isupper() for w in long) * 2 > len(long)


def _content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.casefold()) if w not in _STOP and not w.isdigit()}


def _drop_echoes(lines: list[_Line]) -> None:
    """An unfinished line (no final punctuation) whose words mostly repeat a nearby paragraph is a
    caption echoing it ("Trump warned on Tuesday that..." under the photo)."""
    flat: dict[int, str] = {}
    previous = Kind.BREAK
    for i, line in enumerate(lines):
        unfinished = line.kind is Kind.PROSE and not ends_sentence(line.text)
        # a heading right after a label, an ending or the file's start is a title, even when the
        # lead paragraph repeats its words
        titled = previous in (Kind.HEADING, Kind.BREAK)
        if line.kind not in (Kind.DROP, Kind.CREDIT):
            previous = line.kind
        if (line.kind is Kind.HEADING or unfinished) and not titled and word_count(line.text) >= 6:
            grams = _trigrams(line.text)
            near = range(max(0, i - _WINDOW), min(len(lines), i + _WINDOW + 1))
            for j in near:
                if j != i and lines[j].kind is Kind.PROSE:
                    if j not in flat:
                        flat[j] = " " + " ".join(_WORD.findall(lines[j].text.casefold())) + " "
                    if _covers(grams, flat[j]):
                        line.kind = Kind.DROP
                        break


def _drop_repeats(lines: list[_Line]) -> None:
    """A long line printed twice in a row is a photo's alt text and caption: both go, unless it is a
    headline printed twice (see :func:`_is_title_pair`), which keeps one copy. A long line repeated
    later is a caption or pull quote: the later copy goes, unless it is a heading with its byline or
    date under it (a daily live page or a column: "Live updates: the war", the next day)."""
    seen: set[str] = set()
    previous = -1
    for i, line in enumerate(lines):
        if line.kind not in (Kind.PROSE, Kind.HEADING):
            continue
        key = line.text.casefold()
        if word_count(line.text) >= 6:
            if previous >= 0 and lines[previous].text.casefold() == key:
                if not (line.kind is Kind.HEADING and _is_title_pair(lines, previous, i)):
                    lines[previous].kind = Kind.DROP
                line.kind = Kind.DROP
            elif key in seen and not (line.kind is Kind.HEADING and _heads_article(lines, i)):
                line.kind = Kind.DROP
            seen.add(key)
        previous = i


def _heads_article(lines: list[_Line], i: int) -> bool:
    after = _next(lines, i)
    return after is not None and after.kind in (*META, Kind.RELTIME)


def _is_title_pair(lines: list[_Line], first: int, second: int) -> bool:
    """A headline printed twice (the page's title, then the article's): its byline or date comes under
    it, or it opens the dump or an article (after an ending or a section label); a photo's caption
    printed twice sits inside an article, after its metadata."""
    if _heads_article(lines, second):
        return True
    before = _previous(lines, first)
    if before is None or before.kind is Kind.BREAK:
        return True
    return before.kind is Kind.HEADING and _is_label(before.text, lines[first].text)


def _trigrams(text: str) -> list[str]:
    words = _WORD.findall(text.casefold())
    return [" " + " ".join(words[k : k + 3]) + " " for k in range(len(words) - 2)]


def _covers(grams: list[str], flat: str) -> bool:
    """Whether most of a line's word trigrams occur in a paragraph (given as " w w w ... ")."""
    allowed = len(grams) * (1 - CAPTION_OVERLAP)
    misses = 0
    for gram in grams:
        if gram not in flat:
            misses += 1
            if misses > allowed:
                return False
    return bool(grams)


def _resolve_reltimes(lines: list[_Line]) -> None:
    """Under a title (or its date), "S.Chen34 min ago" is a byline; anywhere else it heads a teaser:
    the time line and the teaser's title are not article text."""
    previous: _Line | None = None
    for i, line in enumerate(lines):
        if line.kind is Kind.DROP:
            continue
        if line.kind is Kind.RELTIME:
            if previous is not None and previous.kind in (Kind.HEADING, *META):
                name = line.value if isinstance(line.value, str) and looks_like_name(line.value) else None
                line.kind, line.value = (Kind.AUTHOR, name) if name else (Kind.DROP, None)
            else:
                line.kind = Kind.BREAK
                nxt = _next(lines, i)
                if nxt is not None and nxt.kind is Kind.HEADING:
                    nxt.kind = Kind.BREAK
        previous = line


def _segment(lines: list[_Line]) -> list[_Article]:
    articles: list[_Article] = []
    current: _Article | None = None
    i = 0
    while i < len(lines):
        if lines[i].kind is Kind.PROSE:
            if current is None:
                current = _Article()
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
        started = _run(lines[i:j], current, at_end=j == len(lines), dated=dated)
        if started is not None:
            current = started
            articles.append(current)
        i = j
    return articles


def _run(run: list[_Line], current: _Article | None, *, at_end: bool, dated: bool) -> _Article | None:
    """Handle a run of non-prose lines; return the article it starts, if it starts one: a heading over
    a paragraph opening with a wire dateline ("MANILA, Nov 23 (Reuters) - ") is a story's title."""
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
    while cut < len(run) and run[cut].kind in META and current is not None:
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
    headings = [line.text for line in head if line.kind is Kind.HEADING]
    first = next((k for k, line in enumerate(head) if line.kind is Kind.HEADING), len(head))
    has_meta = any(line.kind in META for line in head[first:])
    labelled = len(headings) >= 2 and _is_label(headings[0], headings[1])
    if current is not None and not (breaks or has_meta or labelled or (dated and headings)):
        current.paragraphs.extend(headings)  # subheadings inside the article
        for line in head:
            current.meta(line)
        return None
    article = _Article()
    if labelled:
        article.section, headings = headings[0], headings[1:]
    if headings:
        article.title, article.paragraphs = headings[0], headings[1:]
    for line in head:
        article.meta(line)
    return article


def _separates_header(run: list[_Line], breaks: list[int]) -> bool:
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


MENU_RUN = 3  # this many one- or two-word headings in a row are a site's menu, not titles or sections


def _without_menus(run: list[_Line]) -> list[_Line]:
    """The run without menus: three or more one- or two-word headings in a row ("World", "Business",
    "Sport", "Economy") are a site's navigation, whatever its words."""
    out: list[_Line] = []
    short: list[_Line] = []
    for line in [*run, None]:
        if line is not None and line.kind is Kind.HEADING and word_count(line.text) <= 2 and not line.listed:
            short.append(line)
            continue
        if len(short) < MENU_RUN:
            out.extend(short)
        short = []
        if line is not None:
            out.append(line)
    return out


def _is_label(label: str, title: str) -> bool:
    """ "Russia-Ukraine War" over "Scholz stands by Ukraine amid criticism at home"."""
    return word_count(label) <= 4 and word_count(title) >= 4 and word_count(title) > word_count(label)


def _draft(article: _Article, outlet: str | None, file: str) -> ArticleDraft:
    """The article as a draft; its outlet is the site it credits, else the one the dump credits, else the
    site of its own "URL:" line, else the dump's file name."""
    body = "\n\n".join(article.paragraphs)
    credited = next(iter(article.sites)) if len(article.sites) == 1 else None
    return ArticleDraft(
        title=article.title or title_from_body(body),
        body=body,
        source=credited or outlet or site_of(article.url) or file,
        author=article.author,
        section=article.section,
        published_at=article.published,
        url=article.url,
    )


def title_from_body(body: str, *, max_chars: int = TITLE_MAX_CHARS) -> str:
    """A title made from an untitled article's first sentence, shortened at a word boundary."""
    sentences = split_sentences(body)
    first = sentences[0].text if sentences else body.strip()
    first = first.rstrip(" .;:")
    if len(first) <= max_chars:
        return first
    cut = first[: max_chars + 1].rsplit(" ", 1)[0].rstrip(" ,;:-–—")
    return cut + "…"
