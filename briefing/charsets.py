"""A text file's bytes as text: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252."""

from __future__ import annotations

import codecs
import re
import unicodedata

from briefing.errors import BinarySourceError, DecodeError, EmptySourceError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


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


# Lone surrogates are how Python keeps bytes that were not UTF-8 (a Latin-1 file name, a terminal's typed
# line, an argument); UTF-8 cannot hold them, to store or to print: each becomes U+FFFD
SURROGATES: dict[int, str] = dict.fromkeys(range(0xD800, 0xE000), "\ufffd")


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD (see ``SURROGATES``)."""
    return text.translate(SURROGATES)


# What a terminal or a chat would act on or show as junk, never text: an escape sequence (colours, a window
# title, the clipboard: "\x1b]0;...\x07", "\x1b[31m") whole, then the other C0 and C1 controls but tab,
# newline and carriage return, and the bidi overrides; a vertical tab or form feed parts lines as a
# newline does
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor, screen
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window title, clipboard, links
    r"|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]"
)
_ANY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
CONTROLS: dict[int, str | None] = {
    **dict.fromkeys([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0)]),
    # the bidi embeddings, overrides and isolates: an unclosed U+202E shows the rest of a line reversed, a
    # spoofing trick ("moc.elgoog" read as google.com); a right-to-left text needs none of them
    **dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)]),
    0x0B: "\n",
    0x0C: "\n",
}


def without_controls(text: str) -> str:
    """``text`` without terminal escape sequences and control characters (see ``CONTROLS``)."""
    if not _ANY_CONTROL.search(text):
        return text
    return _ESCAPES.sub("", text).translate(CONTROLS)


# Marks that take no room where they stand in a title: a zero-width space, the word joiner, a byte order
# mark, a soft hyphen (seen only where a line breaks). Joiners that shape letters or emoji (U+200C, U+200D)
# stay: they matter in Persian words and in 👨‍👩‍👧.
INVISIBLE: dict[int, None] = dict.fromkeys((0x200B, 0x2060, 0xFEFF, 0x00AD))


# Letters and marks that draw nothing, though Unicode does not class them as spaces: the Hangul fillers
# (a "blank name" trick in chats), the Braille blank, the combining grapheme joiner
BLANKS = frozenset("\u3164\u115f\u1160\uffa0\u2800\u034f")


def visible(text: str) -> bool:
    """Whether ``text`` shows anything: a character that is neither a space nor a control or format mark
    nor a blank (``BLANKS``): a title or an argument of only such marks shows nothing, a blank line to tap."""
    return any(ch not in BLANKS and unicodedata.category(ch)[0] not in "CZ" for ch in text)
