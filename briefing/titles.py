"""A title for an article that has none, from its first sentence."""

from __future__ import annotations

from briefing.charsets import INVISIBLE, visible
from briefing.graphemes import head
from briefing.sentences import split_sentences

TITLE_MAX_CHARS = 90


def given_title(title: str) -> str:
    """A source's title without the marks that take no room (``INVISIBLE``), or "" when nothing in it
    shows (a feed's title of zero-width spaces would be a headline no one can see or tap)."""
    title = " ".join(title.translate(INVISIBLE).split())
    return title if visible(title) else ""


def title_key(title: str) -> str:
    """The form in which two titles (or a title and a paragraph) are compared: the spaces evened out, the
    case folded, so a headline retyped with other spacing or capitals is the same headline."""
    return " ".join(title.split()).casefold()


def title_from_body(body: str, *, max_chars: int = TITLE_MAX_CHARS) -> str:
    """A title made from an untitled article's first sentence, shortened at a word boundary."""
    sentences = split_sentences(body)
    first = sentences[0].text if sentences else body.strip()
    first = first.rstrip(" .;:")
    if len(first) <= max_chars:
        return first
    cut = head(first, max_chars + 1).rsplit(" ", 1)[0].rstrip(" ,;:-–—")
    return cut + "…"
