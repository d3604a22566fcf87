"""RSS 0.9x/1.0/2.0 and Atom feeds → article drafts, through feedparser, from bytes.

:func:`parse_feed` takes the bytes as fetched or read (gzip is undone, bytes before the XML
declaration are skipped) and returns a :class:`Feed` whose entries are drafts with the entry's text
(HTML turned into paragraphs) and a ``teaser`` flag: the entry holds only a summary (short, or cut
off with "…" / "Continue reading"), so its page must be fetched for the article. A feed that cuts every
entry's text at one length without a mark (Giant Bomb's 255 characters, "... the whereabouts of Koji
Ig") is known by its texts that end unfinished at that length, and those get the "…" the feed left
out (:func:`_marked_cuts`), so no reader takes "Ig" for a word. A relative entry
link is resolved against xml:base, else the channel's link, else the feed's URL (see :func:`_base`).
An entry's URL is its identity (a second article with it is a duplicate), so a link that is not the
entry's own is not used: a site's root, or a link several different entries of the feed give (see
:func:`_own_link`); the guid stands in if it is an http(s) URL, else the entry has no URL and its page is
not fetched.

Broken feeds: when feedparser recognises a feed but had to recover from an XML error (``bozo``: an
unescaped ``&``, an undeclared Latin-1 encoding, a stray newline before ``<?xml``), its entries are
used as they are and :attr:`Feed.recovered` says what was wrong — the entries it read are real and
losing them helps nobody. A bare ``&`` is escaped before parsing (:func:`escape_bare_ampersands`), so
that it stays an ampersand instead of sending feedparser to its fallback parser; :attr:`Feed.repaired`
says how many there were. When it finds no
feed at all (an HTML page, junk, an empty document), :class:`MalformedFeedError` says why.

Bombs: a gzipped feed is inflated to ``max_bytes`` at most (the download limit, 5 MB by default: 500 kB
of gzip can hold 50 MB of XML), beyond which it is refused ("the feed inflates beyond 5 MB"); and a feed
over :data:`LENIENT_MAX_BYTES` that is not well-formed XML is refused rather than handed to feedparser's
lenient parser, which takes a minute for a few megabytes of unclosed tags.
"""

from __future__ import annotations

import calendar
import itertools
import re
import time
import zlib
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from urllib.parse import urljoin
from xml.parsers import expat
from xml.sax import SAXParseException

import feedparser

from briefing.addresses import is_site_root, is_web_url, site_of, without_secrets
from briefing.boilerplate import strip_boilerplate
from briefing.dates import MAX_OFFSET, parse_date, plausible
from briefing.errors import MalformedFeedError
from briefing.fragments import entry_text, html_to_text
from briefing.furniture import Kind, author_name, classify, dated_ago, is_outlet_byline, names_a_date
from briefing.header_lines import entry_header
from briefing.models import ArticleDraft
from briefing.sentences import ends_sentence, word_count
from briefing.titles import given_title, title_from_body, title_key

TEASER_WORDS = 150
# An entry's own text is an article's if it has a sentence of PROSE_WORDS ("This item is fine."), or
# CUT_PROSE_WORDS when it does not end as one (a teaser cut off mid-sentence); "Read Comments",
# "v3.9.0" or "submitted by /u/someone to /r/news" are not.
PROSE_WORDS = 4
CUT_PROSE_WORDS = 8
# A feed cuts its entries' text at one length when at least CUT_ENTRIES texts of at least CUT_MIN_CHARS
# characters end unfinished within CUT_SLACK characters of its longest text (the cut counts the text as
# the feed writes it: "&amp;" there is one "&" here)
CUT_ENTRIES = 3
CUT_SLACK = 8
CUT_MIN_CHARS = 80
MAX_FEED_BYTES = 5_000_000  # the XML a feed may inflate to: the download limit's default
# The largest ill-formed feed read by feedparser's lenient parser (some 50 s a megabyte of unclosed tags on
# a busy 2-core machine); a larger one is refused
LENIENT_MAX_BYTES = 1_000_000
# Entries without guids that share a link are one article updated when this share of the word pairs of
# the shorter text is in the other: a different story of one outlet shares its phrases ("the city
# council said on Monday"), an update most of its sentences
SAME_TEXT = 0.5
# The cut markers other than a bare "…" or "..." (which _without_markers reads by hand); "[?]" is how
# some feeds (UOL's) mark a cut
_TRUNCATED = re.compile(
    r"(\[…\]|\[\.\.\.\]|\[\?\]|\bcontinue reading\W*|\bread more\W*|\bread full article\W*|"
    r"\bread the full story\W*)$",
    re.I,
)
_EMAIL_AUTHOR = re.compile(r"^\S+@\S+\s+\((.+)\)$")
_EMAIL = re.compile(r"\s*\(?\S+@\S+\.\w+\)?\s*")


@dataclass(frozen=True)
class FeedEntry:
    """One entry: its draft, whether the feed holds only a teaser of it, and ``stamp``, when the feed
    says it last changed (the later of ``<updated>`` and ``<published>``/``<pubDate>``): a known entry
    with a later stamp may tell an update. ``guid``: the feed's id for it (RSS ``<guid>``, Atom
    ``<id>``), which names an entry that has no URL of its own."""

    draft: ArticleDraft
    teaser: bool
    stamp: datetime | None = None
    guid: str | None = None


@dataclass(frozen=True)
class Feed:
    title: str
    link: str | None
    entries: tuple[FeedEntry, ...]
    version: str = ""
    recovered: str | None = None  # the XML error feedparser recovered from, if any
    repaired: str | None = None  # what was mended before parsing ("3 unescaped '&' read as '&amp;'")


def sniff_xml(data: bytes, max_bytes: int = MAX_FEED_BYTES) -> bytes:
    """Feed bytes ready for the parser: gunzipped (to ``max_bytes`` at most, else
    :class:`MalformedFeedError`), with anything before ``<?xml`` cut off."""
    if data[:2] == b"\x1f\x8b":
        data, more = _gunzip(data, max_bytes)
        if more:
            raise MalformedFeedError(f"the feed inflates beyond {max_bytes / 1e6:g} MB (the size limit)")
    start = data.find(b"<?xml", 0, 4096)
    return data[start:] if start > 0 else data


def _gunzip(data: bytes, limit: int) -> tuple[bytes, bool]:
    """At most ``limit`` bytes of gzipped ``data`` inflated, and whether it holds more."""
    try:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        inflated = inflater.decompress(data, limit + 1)
    except zlib.error as exc:  # zlib's "Error -3 while decompressing data: ..." says nothing more
        raise MalformedFeedError("broken gzip data: it does not decompress") from exc
    if not inflater.eof and len(inflated) <= limit:  # zlib reads a cut file to where it stops, silently
        raise MalformedFeedError("broken gzip data: the file is cut short")
    return inflated[:limit], len(inflated) > limit


# A bare "&" outside CDATA and comments: one that starts no entity or character reference. Left in,
# it makes the XML ill-formed, and feedparser's fallback parser then reads "P&O Ferries" as the
# entity "&O" and, knowing no such entity, writes it back as "&O;" ("P&O; Ferries").
_BARE_AMPERSAND = re.compile(
    rb"<!\[CDATA\[.*?(?:\]\]>|\Z)|<!--.*?(?:-->|\Z)|&(?!#[0-9]+;|#x[0-9a-fA-F]+;|[A-Za-z_][\w.-]*;)", re.S
)


def escape_bare_ampersands(xml: bytes) -> tuple[bytes, int]:
    """The feed with each bare ``&`` written ``&amp;``, and how many there were. A document in an
    encoding whose ``&`` is not one byte (UTF-16) is left as it is."""
    if b"&" not in xml or b"\x00" in xml[:4096]:
        return xml, 0
    count = 0

    def escape(match: re.Match[bytes]) -> bytes:
        nonlocal count
        if match[0] != b"&":
            return match[0]
        count += 1
        return b"&amp;"

    return _BARE_AMPERSAND.sub(escape, xml), count


_HTML = re.compile(rb"<!doctype html|<html[\s>]")  # a web page's start, in lower case


def looks_like_feed(data: bytes, content_type: str | None = None) -> bool:
    """Whether bytes (a response body or a file) hold a feed rather than a web page or text."""
    head = _gunzip(data, 65536)[0] if data[:2] == b"\x1f\x8b" else data[:65536]
    head = sniff_xml(head)[:4096].lower()
    if re.search(rb"<(\w+:)?(rss|feed|rdf)[\s>]", head):
        return True
    if _HTML.search(head):
        return False
    kind = (content_type or "").split(";")[0].strip().lower()
    return kind in ("application/rss+xml", "application/atom+xml", "application/rdf+xml")


def parse_feed(
    data: bytes, *, url: str | None = None, content_type: str | None = None, max_bytes: int = MAX_FEED_BYTES
) -> Feed:
    """The entries of a feed. Raises :class:`MalformedFeedError` when the bytes hold no feed, inflate
    beyond ``max_bytes``, or are too large to be read leniently (see the module's doc)."""
    xml = sniff_xml(data, max_bytes)
    if not xml.strip():
        raise MalformedFeedError("the feed is empty")
    # Servers often call feeds text/html or text/plain; only the charset they give is kept.
    charset = re.search(r"charset=([\w.:-]+)", content_type or "", re.I)
    headers = {"content-type": "application/xml" + (f"; charset={charset[1]}" if charset else "")}
    xml, bare = escape_bare_ampersands(xml)
    _refuse_large_broken(xml)
    parsed = feedparser.parse(xml, response_headers=headers, sanitize_html=False)
    problem = xml_problem(parsed.get("bozo_exception")) if parsed.get("bozo") else None
    if not parsed.version and not parsed.entries:
        if _HTML.search(xml[:4096].lower()):
            raise MalformedFeedError("an HTML page, not an RSS or Atom feed")
        raise MalformedFeedError(f"not an RSS or Atom feed: {problem or 'no feed element'}")
    channel = parsed.feed
    name = _title(channel) or site_of(url) or "feed"
    link, base = _base(channel, url)
    relative = any(r.get("link") and not is_web_url(r["link"]) for r in parsed.entries)
    if base and (relative or b"xml:base" in xml):
        # Relative links: read again with the base they are relative to, which only the first reading
        # could tell. feedparser then also scopes xml:base right (with no outer base, an item's leaks
        # into the items after it).
        headers["content-location"] = base
        parsed = feedparser.parse(xml, response_headers=headers, sanitize_html=False)
    shared = _shared_links(parsed.entries)
    entries = _marked_cuts(_once_each(parsed.entries, [_entry(raw, name, shared) for raw in parsed.entries]))
    if problem and not entries:  # a broken feed that yielded nothing is a failure, not an empty feed
        raise MalformedFeedError(f"malformed feed, no entry could be read: {problem}")
    repaired = f"{bare} unescaped '&' read as '&amp;'" if bare else None
    return Feed(name, link, entries, parsed.version or "", problem, repaired)


def xml_problem(exc: object) -> str:
    """What is wrong with a feed's XML, in words: the parser's "<unknown>:3:89: no element found" as
    "not well-formed XML (line 3, column 89: no element found)"."""
    if isinstance(exc, SAXParseException):
        where = f"line {exc.getLineNumber()}, column {exc.getColumnNumber()}"
        return f"not well-formed XML ({where}: {exc.getMessage()})"
    return str(exc or "")


_ENCODING_ERRORS = frozenset(
    expat.errors.codes[message]
    for message in (expat.errors.XML_ERROR_UNKNOWN_ENCODING, expat.errors.XML_ERROR_INCORRECT_ENCODING)
)


def _refuse_large_broken(xml: bytes) -> None:
    """:class:`MalformedFeedError` for a feed over :data:`LENIENT_MAX_BYTES` that is not well-formed XML,
    which feedparser would read with its slow lenient parser (expat, which reads it first, is fast)."""
    if len(xml) <= LENIENT_MAX_BYTES:
        return
    try:
        expat.ParserCreate().Parse(xml, True)  # no handlers: external entities are never loaded
    except ValueError:  # a multi-byte encoding expat cannot read (Shift_JIS): feedparser converts it
        return
    except expat.ExpatError as exc:
        if exc.code in _ENCODING_ERRORS:  # an encoding expat lacks (Shift_JIS): feedparser converts it
            return
        raise MalformedFeedError(
            f"malformed feed of {len(xml) / 1e6:.3g} MB, too large to be repaired "
            f"(at most {LENIENT_MAX_BYTES / 1e6:g} MB are): {exc}"
        ) from exc


def _once_each(raws: list[feedparser.FeedParserDict], read: list[FeedEntry | None]) -> tuple[FeedEntry, ...]:
    """The entries, each once: a feed that lists one entry twice (the same guid, or the same link) gives
    it once, its later version where the feed dates the two apart, so its page is fetched once."""
    kept: list[FeedEntry] = []
    where: dict[str, int] = {}  # a guid or a URL → its entry's place in ``kept``
    for raw, entry in zip(raws, read, strict=True):
        if entry is None:
            continue
        guid = raw.get("id") if raw.get("id") != raw.get("link") else None  # not one repeating a shared link
        keys = [k for k in (guid and f"guid {guid}", entry.draft.url and f"url {entry.draft.url}") if k]
        seen = next((where[k] for k in keys if k in where), None)
        if seen is None:
            seen = len(kept)
            kept.append(entry)
        else:
            before = kept[seen].stamp
            if entry.stamp is not None and (before is None or entry.stamp > before):
                kept[seen] = entry
        where.update(dict.fromkeys(keys, seen))
    return tuple(kept)


def _marked_cuts(entries: tuple[FeedEntry, ...]) -> tuple[FeedEntry, ...]:
    """The entries, each text the feed cut short without a mark ending with "…": a feed that cuts its
    texts at one length (Giant Bomb's podcasts at 255 characters) leaves several ending unfinished at its
    longest ("... the whereabouts of Koji Ig", "... hot pepper facts, and much"); a text that ends a
    sentence there, or a feed of texts of many lengths, is left alone."""
    texts = {e.draft.body for e in entries if e.draft.body != e.draft.title}
    longest = max(map(len, texts), default=0)
    cut = {
        t
        for t in texts
        if len(t) >= longest - CUT_SLACK and not ends_sentence(t) and not t.endswith(("…", "..."))
    }
    if longest < CUT_MIN_CHARS or len(cut) < CUT_ENTRIES:
        return entries
    return tuple(
        replace(e, draft=replace(e.draft, body=e.draft.body.rstrip(" ,;:–—-") + "…"), teaser=True)
        if e.draft.body in cut
        else e
        for e in entries
    )


def _base(channel: feedparser.FeedParserDict, url: str | None) -> tuple[str | None, str | None]:
    """The channel's link made absolute, and what an entry's relative link is relative to when no
    xml:base says: that link (the site, which a feed served from elsewhere still names), else the
    feed's own URL: where it was fetched from, or the ``rel="self"`` link it gives for itself."""
    self_link = next((k.get("href") for k in channel.get("links", []) if k.get("rel") == "self"), None)
    document = url or self_link or ""
    link = urljoin(document, channel["link"]) if channel.get("link") else None
    link = link if link and is_web_url(link) else None
    return link, link or (document if is_web_url(document) else None)


def _shared_links(raws: list[feedparser.FeedParserDict]) -> set[str]:
    """The links that several different entries give: the site's home page or a section's, no entry's
    own. Entries are different when their guids differ; entries without guids that give one link are
    versions of one article (an entry and its update) only if their texts are mostly the same
    (:data:`SAME_TEXT` of the shorter one's word pairs), else different stories on a section's link."""
    entries: dict[str, list[feedparser.FeedParserDict]] = defaultdict(list)
    for raw in raws:
        if raw.get("link"):
            entries[raw["link"]].append(raw)
    return {link for link, group in entries.items() if len(group) > 1 and not _one_article(group)}


def _one_article(group: list[feedparser.FeedParserDict]) -> bool:
    """Whether entries giving one link are versions of one article: by their guids, else by their text."""
    # a guid that only repeats the link says nothing about which article an entry is
    guids = {raw.get("id") if raw.get("id") != raw.get("link") else None for raw in group}
    if None not in guids or len(guids) > 2:
        return len(guids) == 1
    first, *others = (_word_pairs(raw) for raw in group)
    return all(len(first & other) >= SAME_TEXT * min(len(first), len(other)) for other in others)


def _word_pairs(raw: feedparser.FeedParserDict) -> set[tuple[str, str]]:
    """An entry's title and text as the set of its pairs of neighbouring words, in lower case."""
    texts = [raw.get("title", ""), raw.get("summary", "")] + [
        c.get("value", "") for c in raw.get("content", [])
    ]
    words = re.findall(r"\w+", " ".join(html_to_text(t) for t in texts).casefold())
    return set(itertools.pairwise(words))


def _own_link(raw: feedparser.FeedParserDict, shared: set[str]) -> str | None:
    """The entry's URL: its link, else its guid, if that is an http(s) URL that is no site's root and no
    other entry's too; else none, and the entry is told from others by its text (a guid is one
    entry's by definition)."""
    for key in ("link", "id"):
        value = raw.get(key) or ""
        if is_web_url(value) and value not in shared and not is_site_root(value):
            # an identity shown to every reader: never a password, nor the feed's key ("?apikey=")
            return without_secrets(value)
    return None


def _entry(raw: feedparser.FeedParserDict, source: str, shared: set[str]) -> FeedEntry | None:
    title = _title(raw)
    link = _own_link(raw, shared)
    texts = [c.get("value", "") for c in raw.get("content", [])] + [raw.get("summary", "")]
    # without links away ("<li><a href=OTHER>another story</a>"): no sentence of this article
    body = max((entry_text(t, url=link or raw.get("link"), title=title) for t in texts), key=len, default="")
    body = "\n\n".join(strip_boilerplate(body.split("\n\n")))  # before the cut markers: the footer hides them
    header, paragraphs = entry_header(body.split("\n\n"))  # "By Amelia Grant" over the text: its author
    feed_author = _author(raw)
    if not (feed_author and header.author and header.author != feed_author):
        body = "\n\n".join(paragraphs)
    # else the feed names another author ("Google Testing Bloggers" over "by Ben Yu"): the byline stays
    # in the text, where search and the actors still find the writer, as before bylines were read
    if not body and not link:
        return None
    end = _without_markers(body)
    teaser = word_count(body) < TEASER_WORDS or end < len(body)
    if end < len(body):  # "... Continue reading": the markers go, and a sentence cut short shows it is
        body = body[:end]
        body = body + "…" if body and not ends_sentence(body) else body
    if not body and not title:
        return None
    draft = ArticleDraft(
        title=given_title(title) or title_from_body(body),
        body=body or title,
        source=_own_source(raw) or source,
        url=link,
        author=feed_author or header.author,
        section=_section(raw),
        published_at=(published := _when(raw)),
        age=None if published else header.age,
    )
    guid = raw.get("id")
    return FeedEntry(
        draft, teaser, _stamp(raw) or draft.published_at, guid if isinstance(guid, str) else None
    )


def _own_source(raw: feedparser.FeedParserDict) -> str:
    """The outlet an entry names as its own (RSS ``<source url=...>Reuters</source>``, Atom
    ``<source><title>``): an aggregator's entry is its outlet's article, not the aggregator's."""
    named = dict.get(raw, "source")
    return _text(named.get("title", "")) if isinstance(named, dict) else ""


def _without_markers(body: str) -> int:
    """Where ``body`` ends without the cut markers at its end ("… Continue reading"), spaces before them
    included; ``len(body)`` if there are none. Each marker is looked for in the few characters before the
    end found so far, and nothing is copied, so thousands of "…" cost linear time."""
    end, found = len(body), False
    while True:
        while end and body[end - 1].isspace():
            end -= 1
        if end and body[end - 1] == "…":  # the commonest markers, by hand: no search per character
            end, found = end - 1, True
        elif body.endswith("...", 0, end):
            end, found = end - 3, True
        elif (cut := _TRUNCATED.search(body, max(0, end - 64), end)) is not None:
            end, found = cut.start(), True
        else:
            return end if found else len(body)


def has_prose(draft: ArticleDraft) -> bool:
    """Whether an entry's own text can stand as an article: a paragraph besides the title that is a
    sentence of at least ``PROSE_WORDS`` words, or ``CUT_PROSE_WORDS`` without a final stop. Link
    furniture run together ("ReadComments"), a version number, a byline or the headline repeated as
    the body are not article text."""
    title = title_key(draft.title)
    for paragraph in draft.body.split("\n\n"):
        words = word_count(" ".join(w for w in paragraph.split() if any(c.isalpha() for c in w)))
        if title_key(paragraph) == title:
            continue
        finished = ends_sentence(paragraph.strip()) and not paragraph.rstrip().endswith("…")
        if words >= CUT_PROSE_WORDS or (words >= PROSE_WORDS and finished):
            return True
    return False


def _section(raw: feedparser.FeedParserDict) -> str | None:
    tags = raw.get("tags") or []
    return (_text(tags[0].get("term") or "") or None) if tags else None


def _author(raw: feedparser.FeedParserDict) -> str | None:
    name = _text(raw.get("author", ""))
    match = _EMAIL_AUTHOR.match(name)  # RSS writes "mattt@example.com (Mattt Thompson)"
    # the writers, without the picture credits and jobs a feed adds ("Damian Carrington Environment editor");
    # none when the field holds a date line ("Posted", "Updated", "25 November 2026"), as some CMSs write it
    field = match.group(1) if match else _EMAIL.sub(" ", name).strip()
    if is_outlet_byline(field):  # "Africa Wire staff", "Our correspondent": the newsroom, no writer
        return None
    # "Jane Doe · 3 hours ago": a page's byline line, its writer and its age; the line is classified only
    # when it ends in an age (most authors are a name, for which classify costs five times dated_ago)
    aged = classify(field) if dated_ago(field) is not None else None
    if aged is not None and aged.kind is Kind.RELTIME and isinstance(aged.value, str):
        field = aged.value  # the age is when, not who (the entry's own date says when)
    writers = author_name(field)
    return writers if writers and not names_a_date(writers) else None


def _when(raw: feedparser.FeedParserDict) -> datetime | None:
    # dict.get: feedparser's own get() maps one key to the other with a DeprecationWarning
    key = "published" if dict.get(raw, "published_parsed") else "updated"
    parsed = dict.get(raw, f"{key}_parsed")
    if not parsed:
        # a date feedparser could not read: day and month named in another language ("Seg, 24 Set 2018")
        written = dict.get(raw, "published") or dict.get(raw, "updated") or ""
        return parse_date(written) if written else None
    return _read(dict.get(raw, key) or "", parsed)


def _stamp(raw: feedparser.FeedParserDict) -> datetime | None:
    """The later of the entry's ``<updated>`` and ``<published>`` (``<pubDate>``) that feedparser read."""
    found = [_read(dict.get(raw, k) or "", dict.get(raw, f"{k}_parsed")) for k in ("updated", "published")]
    return max((when for when in found if when is not None), default=None)


# A numeric date and an offset as a feed writes them ("2026-13-45T99:00:00Z", "10:00:00 +2500")
_ISO_PARTS = re.compile(r"\b\d{4}-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?")
_OFFSET = re.compile(r"(?<=[\d\s])[+-](\d{2}):?(\d{2})\s*$")


def _read(written: str, parsed: time.struct_time | None) -> datetime | None:
    """The moment feedparser read from ``written``, or None when it is no date: a placeholder (year 1, the
    epoch: :func:`briefing.dates.plausible`), or one feedparser carried over into the next month or day
    ("2026-13-45T99:00:00Z" as 1 Jan 2027). An offset no clock has ("+2500") is no zone: the time is
    read as UTC, as :func:`briefing.dates.parse_date` reads it."""
    if not parsed:
        return None
    if (iso := _ISO_PARTS.search(written)) and not _real_day(*iso.groups()):
        return None
    if (offset := _OFFSET.search(written)) and timedelta(
        hours=int(offset[1]), minutes=int(offset[2])
    ) > MAX_OFFSET:
        return plausible(parse_date(written))
    return plausible(datetime.fromtimestamp(calendar.timegm(parsed), UTC))


def _real_day(month: str, day: str, hour: str | None, minute: str | None) -> bool:
    try:
        datetime(2000, int(month), int(day), int(hour or 0), int(minute or 0))  # 2000: a leap year
    except ValueError:
        return False
    return True


def _text(html: str) -> str:
    return " ".join(html_to_text(html).split())


def _title(raw: feedparser.FeedParserDict) -> str:
    """A channel's or an entry's title as plain text. feedparser has undone the XML's escaping and says
    whether the result is HTML: a plain-text title ("&lt;News&gt;" in the XML, read "<News>") is kept
    as it is, not read as markup (which would drop "<News>"); an HTML one is turned into its text."""
    title = raw.get("title", "")
    if raw.get("title_detail", {}).get("type") == "text/plain" and not _MARKUP.search(title):
        return " ".join(title.split())
    text = _text(title)
    return _text(text) if _MARKUP.search(text) else text  # HTML escaped twice: its text, not its tags


# What a plain-text title holds only when its feed escaped HTML twice ("Evil &lt;b&gt;Feed&lt;/b&gt;
# &amp;amp;" read as "Evil <b>Feed</b> &amp;"): a common inline tag with its closing tag, or an entity.
# A tag's name alone is words about HTML ("Stop wrapping everything in <div> and <span>", "Use <b> for
# bold"), and "<News>" no tag at all.
_MARKUP = re.compile(
    r"<(a|b|i|u|s|em|strong|span|p|div|font|small|big|sup|sub|cite|q|code)(?:\s[^<>]*)?>[^<>]*</\1>"
    r"|&(?:amp|lt|gt|quot|apos|nbsp|#\d{1,7}|#x[0-9a-f]{1,6});",
    re.I,
)
