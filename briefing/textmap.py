"""A text made readable for the extractor, with a way back to offsets in the text as written.

``bot.py actors`` reports offsets into a file as read, but some files spell a character in several
code points: a saved page writes "Fran&ccedil;ois" or "Keith&nbsp;Kellogg", a file from some systems
writes "Zürich" as "Zu" + a combining diaeresis (Unicode NFD). Read as written, such a name is cut in
two. :func:`readable` rewrites those spellings (an HTML character reference becomes its character, a
letter with combining marks its composed form, NFC) and keeps, for every character of the result, the
span of the text as written that it came from, so a mention found in the result maps back exactly.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

# a character reference ("&amp;", "&#233;", "&#xE9;"); the ";" is required, as a bare "&" is text
_REFERENCE = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
# a character followed by combining marks: what NFC may compose into fewer code points
_COMBINED = r".[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u3099\u309a]+"
_PAGE = re.compile(f"{_REFERENCE}|{_COMBINED}", re.DOTALL)
_TEXT = re.compile(_COMBINED, re.DOTALL)
_SPACES = str.maketrans("\u00a0\u202f\u2007", "   ")  # a no-break space joins words as a space does


@dataclass(frozen=True)
class Readable:
    """``text`` as the extractor reads it; ``starts[i]`` and ``ends[i]`` are the span, in the text as
    written, of the piece that character ``i`` comes from."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def written_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the text as written that ``text[start:end]`` (not empty) comes from."""
        return self.starts[start], self.ends[end - 1]


def readable(written: str, *, references: bool = False) -> Readable:
    """``written`` with letters and combining marks composed (NFC) and, if ``references`` (an HTML page),
    character references replaced by their characters; a no-break space becomes a space."""
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    at = 0

    def keep(upto: int) -> None:
        pieces.append(written[at:upto])
        starts.extend(range(at, upto))
        ends.extend(range(at + 1, upto + 1))

    for match in (_PAGE if references else _TEXT).finditer(written):
        keep(match.start())
        piece = match.group()
        new = html.unescape(piece) if piece.startswith("&") else piece
        new = unicodedata.normalize("NFC", new) or " "
        pieces.append(new)
        starts.extend([match.start()] * len(new))
        ends.extend([match.end()] * len(new))
        at = match.end()
    keep(len(written))
    return Readable("".join(pieces).translate(_SPACES), tuple(starts), tuple(ends))
