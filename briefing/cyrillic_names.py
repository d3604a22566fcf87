"""A person named in Cyrillic with the words before the name: "Президент України Володимир Зеленський"
(President of Ukraine Volodymyr Zelensky), "Речник Кремля Дмитрий Песков" (Kremlin spokesman Dmitry
Peskov), "канцлером Німеччини Фрідріхом Мерцом" (with Germany's chancellor Friedrich Merz, in the
instrumental case).

The rules read English copy; in Russian or Ukrainian a title and the genitive after it are capitalised
runs the name reading takes whole. A Cyrillic person's name is a given name and a surname, with a
patronymic between them at most, so a longer run keeps those and drops what comes before; and a name
in the instrumental case ("Фрідріхом Мерцом") is no name as the person is called, so no actor is made of it,
unless the text also calls the man by his surname as it is ("Макрон пообіцяв" after "з Емманюелем Макроном"):
the run and that surname are then one person, named by it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.coref import Candidate, surface_of
from briefing.tokens import Token

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# a patronymic: "Владимирович", "Олександрович", "Ивановна", "Петрівна", "Ильич"
_PATRONYMIC = re.compile(r"(?:ович|евич|йович|ьович|ич|овна|евна|івна|ївна|ична)$")
# the instrumental case of a man's name ("Фрідріхом Мерцом", "Олафом Шольцем") or a woman's ("Марією")
_INSTRUMENTAL = re.compile(r"(?:ом|ем|єм|ою|ею|єю)$")
# the instrumental ending of a man's surname, after which the rest is the surname as he is called
# ("Макроном" -> "Макрон", "Шольцем" -> "Шольц"); a woman's ("Марією") is no such plain cut
_HIS_INSTRUMENTAL = re.compile(r"(?:ом|ем|єм)$")


def _cyrillic(word: str) -> bool:
    return bool(_CYRILLIC.search(word))


def _cyrillic_words(words: list[str]) -> bool:
    """Are the words two or more, all Cyrillic: a run whose last words may be a person's name?"""
    return len(words) >= 2 and all(_cyrillic(w) for w in words)


def cyrillic_run(cand: Candidate) -> bool:
    """Is the candidate two Cyrillic words or more, which the rules read a person by (``cyrillic_name``)?"""
    return _cyrillic_words([t.text for t in cand.toks])


def cyrillic_name(cand: Candidate) -> Candidate | None:
    """The candidate as the person's name alone, or None when it is only a case form of one."""
    words = [t.text for t in cand.toks]
    if cand.type != "person" or not _cyrillic_words(words):
        return cand
    keep = _kept(words)
    if keep is None:
        return None  # "з канцлером Німеччини Фрідріхом Мерцом": the person, but not as named
    if len(words) > keep:
        cand.toks = cand.toks[-keep:]
    return cand


def _kept(words: list[str]) -> int | None:
    """How many last words of a Cyrillic run are the name: a given name and a surname, a patronymic
    between them at most; None where the two last words are in the instrumental case."""
    if sum(bool(_INSTRUMENTAL.search(w.casefold())) for w in words[-2:]) == 2:
        return None
    return 3 if len(words) >= 3 and _PATRONYMIC.search(words[-2].casefold()) else 2


def cyrillic_people(
    cands: list[Candidate], text: str, tokens: Sequence[Sequence[Token]] = ()
) -> list[Candidate]:
    """The candidates with each Cyrillic person's name trimmed to the name, or dropped when only a case
    form of one (see the module docstring); a surname alone that named the long run names the name, and
    is dropped with it when the long run was a case form ("Макроном" after "Емманюелем Макроном"), also
    where the long run itself was no longer read (the tagger's, after a dateline in capitals). A case
    form whose surname ``tokens`` (the text's, by sentence) also hold as it is names that surname."""
    out: list[Candidate] = []
    renamed: dict[str, str | None] = {}
    for c in cands:
        before, canonical = c.toks, c.canonical
        if cyrillic_name(c) is None:
            called = _called_plainly(c, cands, tokens)
            if canonical:
                renamed[canonical] = called[0].canonical if called else None
            if called:
                c.toks, c.canonical = c.toks[-2:], called[0].canonical
                out += [c, *(n for n in called if n not in cands and n not in out)]
            continue
        if c.toks is not before and canonical is not None and len(canonical.split()) > len(c.toks):
            c.canonical = renamed[canonical] = surface_of(c, text)
        was = c.canonical
        her = " ".join(her_given_name(was.split())) if c.type == "person" and was else None
        if was and her and her != was:  # "з Юлією Тимошенко": Юлія Тимошенко
            c.canonical = renamed[was] = her
        out.append(c)
    kept = []
    for c in out:
        if c.type == "person" and c.canonical and c.canonical not in renamed:
            renamed[c.canonical] = _as_named(c.canonical)
        name = renamed.get(c.canonical, c.canonical) if c.canonical else c.canonical
        if c.canonical and name is None:
            continue
        c.canonical = name
        kept.append(c)
    return kept


def _as_named(canonical: str) -> str | None:
    """A Cyrillic person's canonical name as ``cyrillic_name`` trims a run: the name alone, or None for a
    case form of one; any other name as it is."""
    words = canonical.split()
    if not _cyrillic_words(words):
        return canonical
    keep = _kept(words)
    return None if keep is None else " ".join(words[-keep:])


# a woman's name in the instrumental case and its ending as she is called: "Захаровою" -> "Захарова",
# "Марією" -> "Марія", "Юлією" -> "Юлія", "Танею" -> "Таня" (Ukrainian and Russian write "-ою"/"-ею" alike)
_HER_INSTRUMENTAL = (("ією", "ія"), ("єю", "я"), ("ою", "а"), ("ею", "я"))


def _her_nominative(word: str) -> str | None:
    """A woman's given name or surname in the instrumental case as she is called, else None."""
    low = word.casefold()
    for ending, called in _HER_INSTRUMENTAL:
        if low.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)] + called
    return None


def her_given_name(words: list[str]) -> list[str]:
    """A Cyrillic name whose given name alone is in a woman's instrumental case, her surname being one
    that does not decline ("з Юлією Тимошенко", "з Юлією Свириденко"): the given name as she is called
    ("Юлія Тимошенко"); any other name as it is."""
    if len(words) != 2 or not _cyrillic_words(words) or _INSTRUMENTAL.search(words[1].casefold()):
        return words
    given = _her_nominative(words[0])
    return [given, words[1]] if given else words


def _called_plainly(
    run: Candidate, cands: list[Candidate], tokens: Sequence[Sequence[Token]]
) -> list[Candidate]:
    """The mentions of the man a Cyrillic run in the instrumental case names, where the text also writes
    his surname as he is called ("з президентом Франції Емманюелем Макроном" ... "Макрон пообіцяв"): each
    lone word so written, typed a person named by it (a candidate made for it where none was read); none
    where the text never writes the surname so, as a name is not made up from its case form."""
    last = run.toks[-1].text
    if len(last) < 5:
        return []
    surname = last[:-2] if _HIS_INSTRUMENTAL.search(last.casefold()) else _her_nominative(last)
    if surname is None:
        return []
    read = {c.start: c for c in cands if len(c.toks) == 1 and c.type in (None, "person")}
    found = []
    for index, toks in enumerate(tokens):
        for tok in toks:
            if tok.text != surname:
                continue
            cand = read.get(tok.start) or Candidate([tok], index, "person")
            cand.type, cand.canonical, cand.why = "person", surname, cand.why or "surname"
            found.append(cand)
    return found
