"""Figures in a search: a per-cent ("2%", "3.75 per cent") or an amount with a scale ("£48bn", "94.9bn").

The search index (FTS5 unicode61) reads figures poorly: it drops "%", splits "3.75" into "3" and "75", and
keeps "48bn" as one word, so "2%" would find every "2" ("$2.2 billion", "£2.3") and "£48bn" no "£48
billion". A figure typed so is looked for in the index as each way its tokens may be written
(:func:`figure_phrases`: "48bn", "48 billion", "48 bn", "57.0bn" for "57bn") and kept only where the text
writes that very number with that unit (:func:`figure_pattern`): "2%" finds "2%", "2 per cent" and "2.0%",
not "2.5%", "12%" nor "£2.3"; "bn" and "billion", "m" and "million", "k" and "thousand" are one unit. A
currency sign is not asked for (the index never saw it): "£48bn" finds "$48bn" too. A one-letter unit
("m", "b", "k") is a scale only after a currency sign, typed or written ("$5m", not "3M" nor "4K"). Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PER_CENT = "per cent"
MAX_FIGURES = 12  # a query's figures looked for, as its words are (``store.search.MAX_TERMS``)

# each unit by its name, with the words it is written as (spaced or not) and its one-letter form
_WORDS = {
    PER_CENT: ("per cent", "per-cent", "percent", "pc"),
    "thousand": ("thousand",),
    "million": ("million", "mn", "mln"),
    "billion": ("billion", "bn", "bln"),
    "trillion": ("trillion", "tn", "trn"),
}
_LETTERS = {"k": "thousand", "m": "million", "b": "billion"}
_CURRENCY = "$£€¥"


def _spaced(word: str) -> str:
    """A unit's word as a pattern, a space or hyphen in it written either way or not ("per-cent")."""
    return re.escape(word).replace(r"\ ", r"[\s-]?").replace(r"\-", r"[\s-]?")


# a figure as typed: an optional currency ("£", "US$"), a number with "," between thousands and "." before
# decimals ("1,200", "94.9"; "1,2" is no such number), and a unit: "%", a unit's word ("2 per cent",
# "48bn", "94.9 billion") or, after a currency, its letter ("£48m")
_UNIT_WORD = "|".join(sorted((_spaced(w) for ws in _WORDS.values() for w in ws), key=len, reverse=True))
_TYPED = re.compile(
    rf"(?<![\w.,])(?P<currency>[A-Z]{{0,2}}[{_CURRENCY}])?(?P<whole>\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.(?P<fraction>\d+))?"
    rf"(?:(?P<percent>%)|[\s-]?(?P<word>{_UNIT_WORD})(?![^\W_])|(?<=\d)(?P<letter>[kmb])(?![^\W_]))",
    re.I,
)


@dataclass(frozen=True)
class Figure:
    """A figure typed in a search: its whole part's digits ("1200"), its decimals without trailing zeros
    ("9" of "94.90"; "" for none), its unit (a key of ``_WORDS``) and where it stands in the query."""

    whole: str
    fraction: str
    unit: str
    start: int
    end: int


def figures(query: str) -> list[Figure]:
    """The figures typed in ``query`` ("2%", "£48bn", "94.9 billion"), in order, at most ``MAX_FIGURES``;
    a number without a unit ("2024") or a letter without a currency ("3M") is none."""
    found = []
    for match in _TYPED.finditer(query):
        if match["letter"] and not match["currency"]:
            continue
        if match["percent"]:
            unit = PER_CENT
        elif match["letter"]:
            unit = _LETTERS[match["letter"].casefold()]
        else:
            written = re.sub(r"[\s-]", " ", match["word"].casefold())
            unit = next(u for u, ws in _WORDS.items() if written in {w.replace("-", " ") for w in ws})
        whole = match["whole"].replace(",", "").lstrip("0") or "0"
        fraction = (match["fraction"] or "").rstrip("0")
        found.append(Figure(whole, fraction, unit, match.start(), match.end()))
        if len(found) == MAX_FIGURES:
            break
    return found


def without_figures(query: str, found: list[Figure]) -> str:
    """``query`` with the figures ``found`` in it left out (a space for each), the words around them kept."""
    pieces, at = [], 0
    for figure in found:
        pieces += [query[at : figure.start], " "]
        at = figure.end
    return "".join([*pieces, query[at:]])


def _number_tokens(figure: Figure, *, zero: bool) -> list[list[str]]:
    """The index's tokens for the figure's number as it may be written: "94.9" is "94" "9"; "1200" also
    "1,200" ("1" "200"); with ``zero``, a whole number also with a zero decimal ("57.0": "57" "0")."""
    wholes = [[figure.whole]]
    if len(figure.whole) > 3:
        head = len(figure.whole) % 3 or 3
        wholes.append([figure.whole[:head], *re.findall(r"\d{3}", figure.whole[head:])])
    decimals = [[figure.fraction]] if figure.fraction else [[], ["0"]] if zero else [[]]
    return [w + d for w in wholes for d in decimals]


def figure_phrases(figure: Figure) -> list[list[str]]:
    """The phrases of index tokens the figure may be written as: a per-cent as its number alone (the index
    drops "%", and "per cent" follows the number); an amount with its unit's word apart ("48 billion",
    "48 bn") or its short form joined to the number's last token ("48bn", "94" "9bn", "48b")."""
    if figure.unit == PER_CENT:  # "2" is in "2.0%" too
        return _number_tokens(figure, zero=False)
    numbers = _number_tokens(figure, zero=True)
    words = [w for w in _WORDS[figure.unit] if " " not in w and "-" not in w]
    joined = words[1:] + [letter for letter, unit in _LETTERS.items() if unit == figure.unit]
    phrases = [[*n, w] for n in numbers for w in words]
    phrases += [[*n[:-1], n[-1] + j] for n in numbers for j in joined]
    return phrases


def figure_pattern(figure: Figure) -> re.Pattern[str]:
    """The figure as a text must write it: that very number (not "12%" nor "2.5%" for "2%"; "57.0bn" for
    "57bn"; "1,200" or "1200"), then its unit in any of its forms ("2 per cent", "48-billion", "$48bn"); a
    letter ("$5m") only after a currency sign."""
    whole = figure.whole
    if len(whole) > 3:
        head = len(whole) % 3 or 3
        whole = ",?".join([whole[:head], *re.findall(r"\d{3}", whole[head:])])
    fraction = rf"\.{figure.fraction}0*" if figure.fraction else r"(?:\.0+)?"
    # no digit before the number, nor a digit and a separator ("1.2%" is no "2%"); asked once its first
    # digit has matched, as a pattern that opens with a test is tried at every position (40 times as slow)
    number = rf"{whole[0]}(?<!\d\d)(?<!\d[.,]\d){whole[1:]}{fraction}(?![\d])(?![.,]\d)"
    words = "|".join(_spaced(w) for w in _WORDS[figure.unit])
    if figure.unit == PER_CENT:
        return re.compile(rf"{number}(?:\s?%|[\s-]?(?:{words})(?![^\W_]))", re.I)
    letters = "".join(letter for letter, unit in _LETTERS.items() if unit == figure.unit)
    spelt = rf"{number}[\s-]?(?:{words})(?![^\W_])"
    if not letters:
        return re.compile(spelt, re.I)
    return re.compile(rf"{spelt}|(?<=[{_CURRENCY}]){number}[{letters}](?![^\W_])", re.I)
