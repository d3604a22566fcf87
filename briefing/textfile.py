"""A file's text, read one way for ``bot.py ingest``, ``bot.py summarize`` and ``bot.py actors``.

The three once disagreed: ingest read a Latin-1 file, a UTF-16 file with its BOM and a page in the
charset it declares, while ``actors`` refused all three. Now each reads a file's bytes as
:func:`file_text` does: a saved web page in the charset its ``<meta>`` declares, else (and any other
file) UTF-8, UTF-16 with a BOM, or Windows-1252 (:func:`briefing.charsets.decode_text`).

The reasons name no path (the callers put the file's name in front): "no such file", "is a folder, not a
file", "binary data (NUL bytes), not text", "a feed of many articles...", "neither UTF-8 nor
Windows-1252 text (...)".
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from briefing.charsets import decode_text
from briefing.errors import BinarySourceError, EmptySourceError, MalformedFeedError, SourceError
from briefing.feeds import looks_like_feed
from briefing.pages import PAGE_SUFFIXES

# <meta charset="iso-8859-1">, <meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
_DECLARED = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{2,40})", re.I)
DECLARATION_BYTES = 4096  # a page declares its charset in its head, which starts within these
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # a BOM says more than a <meta>
# What a page declaring a Unicode charset is read as by the BOM and UTF-8 rules anyway (a page saved as
# UTF-16 still says "utf-8" in its <meta>, as the browser that saved it wrote it)
_UNICODE = frozenset(("utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32"))


def is_page(path: Path, data: bytes) -> bool:
    """Whether a file is a saved web page: by its extension, else by its first bytes."""
    return path.suffix.lower() in PAGE_SUFFIXES or looks_like_html(data)


def looks_like_html(data: bytes) -> bool:
    """Whether bytes start as a web page does ("<!doctype html", "<html")."""
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:512]


def file_text(data: bytes, *, page: bool = False) -> str:
    """A file's bytes as text: a page (``page``) in the charset its ``<meta>`` declares when Python knows
    it and it reads the bytes; else UTF-8, UTF-16 with a BOM, or Windows-1252
    (:func:`briefing.charsets.decode_text`, which raises for binary or empty data)."""
    declared = _declared_charset(data) if page else None
    if declared is not None and not data.startswith(_BOMS):
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            pass  # a page saved in another charset than it declares: read as any file is
        else:
            if "\x00" in text[:65536]:
                raise BinarySourceError("binary data (NUL bytes), not text")
            if not text.strip():
                raise EmptySourceError("the file is empty")
            return text
    return decode_text(data)


def _declared_charset(data: bytes) -> str | None:
    found = _DECLARED.search(data[:DECLARATION_BYTES])
    if found is None:
        return None
    try:
        name = codecs.lookup(found.group(1).decode("ascii")).name
    except LookupError:
        return None
    # a page labelled Latin-1 is Windows-1252, as browsers read it (its "smart quotes" are 0x91-0x94)
    return None if name in _UNICODE else "cp1252" if name in ("latin-1", "iso8859-1") else name


def _is_feed(raw: bytes) -> bool:
    try:
        return looks_like_feed(raw)
    except MalformedFeedError:  # gzip data that does not inflate: binary, whatever it held
        return False


@dataclass(frozen=True)
class FileText:
    """A file's text as read, and whether the file is a saved web page (its text then HTML)."""

    text: str
    page: bool


def read_file_text(path: Path, *, exact: bool = False) -> FileText:
    """The text of a file that holds one article, read as :func:`file_text` reads it (a saved page in its
    declared charset). ``exact``: newlines as Python's ``open`` reads them ("\\r\\n" and "\\r" become
    "\\n"), and a UTF-8 BOM kept as the character it is, so character offsets into the result index the
    file's text as read (for a UTF-8 file, as ``open(path, encoding="utf-8")`` reads it). A feed or a gzip
    file is refused, and so is an empty one."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SourceError("no such file") from None
    except IsADirectoryError:
        raise SourceError("is a folder, not a file") from None
    except OSError as exc:
        raise SourceError(f"cannot read ({exc.strerror or exc})") from None
    if _is_feed(raw):  # gzipped or not, as ingest reads feeds
        raise SourceError("a feed of many articles, not one article; `bot.py ingest` reads feeds")
    if raw[:2] == b"\x1f\x8b":
        raise BinarySourceError("binary data (gzip), not text")
    page = is_page(path, raw)
    text = file_text(raw, page=page)
    if not exact:
        return FileText(text, page)
    if raw.startswith(codecs.BOM_UTF8):  # Python's "utf-8" reads the BOM as a character: offsets count it
        text = "\ufeff" + text
    return FileText(text.replace("\r\n", "\n").replace("\r", "\n"), page)
