"""Type qualifiers after a name: "Putin (person)", "West [organisation]", "Kim (topic)".

Every command that takes a name (``/actor``, ``/brief``, ``/follow``, ``/unfollow``) reads it with
:func:`split_qualifier`, so they all accept the same words, in round or square brackets and in any case:

    split_qualifier("West (Organization)")  -> Qualified("West", "organization")
    split_qualifier("Putin [person]")       -> Qualified("Putin", "person")
    split_qualifier("Putin (company)")      -> Qualified("Putin", None, unknown="company")
    split_qualifier("Elections (2024)")     -> Qualified("Elections (2024)", None)

One word of letters in brackets at the end is meant as a qualifier, so one the bot does not know is
reported rather than taken as part of the name; anything else in brackets ("(2024)", "(R-WI)", "(New
York)") is part of the words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["person", "organization", "place", "topic"]

QUALIFIERS: dict[str, Kind] = {
    "person": "person",
    "organisation": "organization",
    "organization": "organization",
    "org": "organization",
    "place": "place",
    "country": "place",
    "topic": "topic",
}
# how the replies write an actor type: British, as the dossier does; the command takes both spellings
TYPE_WORDS = {"person": "person", "organization": "organisation", "place": "place"}
SHOWN = ("person", "organisation", "place", "country")  # the qualifiers a reply offers ("org" works too)

_BRACKETED = re.compile(r"^(?P<name>.*?)\s*(?:\((?P<round>[^()\[\]]*)\)|\[(?P<square>[^()\[\]]*)\])$", re.S)
_WORD = re.compile(r"[^\W\d_]{1,24}")
_END = " .,;:!?"


@dataclass(frozen=True)
class Qualified:
    """A name as typed, split: the words, the kind a qualifier asked for, or the qualifier not known."""

    name: str
    kind: Kind | None = None
    unknown: str = ""  # the word in brackets when it is no qualifier ("company")


# a name ending in single letters with dots ("U.S.", "U.N."): its last dot is part of it, not the sentence's
_DOTTED = re.compile(r"(?:^|[^\w.])(?:[^\W\d_]\.)+[^\W\d_]$")


def _strip_end(text: str) -> str:
    """``text`` without punctuation or spaces around it, but with the last dot of "U.S."."""
    stripped = text.strip(_END)
    if _DOTTED.search(stripped) and text.lstrip(_END).startswith(stripped + "."):
        return stripped + "."
    return stripped


def split_qualifier(text: str) -> Qualified:
    """The name and the qualifier at its end, if any (see the module's docstring)."""
    text = _strip_end(" ".join(text.split()))
    match = _BRACKETED.match(text)
    if match is None:
        return Qualified(text)
    word = (match.group("round") if match.group("round") is not None else match.group("square")).strip()
    if not _WORD.fullmatch(word):
        return Qualified(text)
    name = _strip_end(match.group("name"))
    kind = QUALIFIERS.get(word.casefold())
    return Qualified(name, kind) if kind else Qualified(name, unknown=word)


def qualifier_list(*, topic: bool) -> str:
    """The qualifiers a command takes, as a reply lists them: "(person), (organisation), ... or (topic)"."""
    words = [f"({w})" for w in (*SHOWN, *(("topic",) if topic else ()))]
    return ", ".join(words[:-1]) + " or " + words[-1]


def qualified(name: str, kind: str) -> str:
    """``name`` with the qualifier that chooses ``kind`` ("organization" is written "(organisation)")."""
    return f"{name} ({TYPE_WORDS.get(kind, kind)})"
