"""One text file read for ``bot.py actors`` and ``bot.py summarize``, or the reason it cannot be.

The reasons name no path (the callers put the file's name in front): "no such file", "is a folder, not a
file", "binary data (NUL bytes), not text", "a feed of many articles...", "not UTF-8 text (byte 12)".
"""

from __future__ import annotations

from pathlib import Path

from briefing.charsets import decode_text
from briefing.errors import BinarySourceError, DecodeError, EmptySourceError, SourceError
from briefing.feeds import looks_like_feed


def read_text_file(path: Path, *, exact: bool = False) -> str:
    """The text of a file that holds one article.

    ``exact``: UTF-8 only, newlines as Python's ``open`` reads them ("\\r\\n" and "\\r" become "\\n"), so
    character offsets into the result index the file as any program that opens it reads it. Otherwise
    decoded as ingest decodes a dump: UTF-8, UTF-16 with a BOM, or Windows-1252. An empty file is
    refused either way."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SourceError("no such file") from None
    except IsADirectoryError:
        raise SourceError("is a folder, not a file") from None
    except OSError as exc:
        raise SourceError(f"cannot read ({exc.strerror or exc})") from None
    if raw[:2] == b"\x1f\x8b":
        raise BinarySourceError("binary data (gzip), not text")
    if looks_like_feed(raw):
        raise SourceError("a feed of many articles, not one article; `bot.py ingest` reads feeds")
    if not exact:
        return decode_text(raw)
    if b"\x00" in raw[:65536]:
        raise BinarySourceError("binary data (NUL bytes), not text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DecodeError(f"not UTF-8 text (byte {exc.start})") from None
    if not text.strip():
        raise EmptySourceError("the file is empty")
    return text.replace("\r\n", "\n").replace("\r", "\n")
