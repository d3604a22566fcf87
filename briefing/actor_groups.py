"""The actors of one text: its resolved candidates grouped by actor, with their mentions, names and roles.

The reading ends here: once :func:`briefing.resolution.resolve` has given each candidate its type and
canonical name, :func:`group` makes one actor of each (type, canonical key), its mentions in text order
(without an editor's bracketed words), the other names the text writes it by that can find it in other
articles, and its roles.
"""

from __future__ import annotations

from collections import defaultdict

from briefing.aliases import PARTICLES, actor_key, family_first, fold, given_name_last
from briefing.coref import FUNCTION_WORDS, Candidate, as_written
from briefing.cues import ORG_HEADS
from briefing.gazetteer import load_gazetteer
from briefing.given_names import compound_given
from briefing.models import ExtractedActor, Mention
from briefing.roles import bare_title, clean, distinct

MAX_ROLES = 3


def group(cands: list[Candidate], text: str) -> list[ExtractedActor]:
    """One actor per (type, canonical key), mentions in text order."""
    by_key: dict[str, list[Candidate]] = defaultdict(list)
    for c in sorted(cands, key=lambda c: c.start):
        if c.type is not None and c.canonical:
            by_key[actor_key(c.canonical, c.type)].append(c)
    actors = []
    for group_ in by_key.values():
        first = group_[0]
        name = first.canonical or ""
        mentions = _mentions(group_, text)
        if not mentions:
            continue
        # another name the text gives the actor; "northern Virginia" is a part of Virginia, no name of it,
        # and "Sean" of Sean Hannity is no name to find him by in other articles
        written = {as_written(m.surface) for m in mentions}
        not_names = {fold(name), *(_given_name(name) if first.type == "person" else ())}
        # nor is "the Federation" of the International Federation of Yemeni Migrants: a head alone
        aliases = frozenset(
            a for a in written if fold(a) not in not_names and fold(a) not in ORG_HEADS and _a_name(a)
        )
        if first.type == "place":
            name = _as_the_text_writes(name, [as_written(m.surface) for m in mentions])
        roles = distinct([r for c in group_ for r in map(clean, c.roles) if r])  # no "Prince" after an office
        if not all(bare_title(r) for r in roles):  # "Rep." says less than "national security adviser"
            roles = [r for r in roles if not bare_title(r)]
        roles = roles[:MAX_ROLES]
        actors.append(
            ExtractedActor(
                name=name,
                type=first.type or "organization",
                mentions=mentions,
                aliases=aliases,
                role="; ".join(roles) or None,
                guessed=all(c.guessed for c in group_),
            )
        )
    return actors


def _as_the_text_writes(name: str, written: list[str]) -> str:
    """A place the lists spell with marks the text leaves out ("Karnātaka", a transliteration) is named as
    the text writes it ("Karnataka"), so the dossier's header is the name readers know. A country keeps
    its one name, which all its states and spellings share."""
    if name.isascii() or name in written or name in load_gazetteer().countries.values():
        return name
    plain = [w for w in written if w.isascii() and fold(w) == fold(name) and not w.isupper()]
    return max(plain, key=plain.count) if plain else name


# lower-case words a name may hold between its capitalised ones: "Bosnia and Herzegovina", "Gulf of Aden"
_NAME_JOINERS = FUNCTION_WORDS | PARTICLES | {"&", "de", "y", "upon", "to"}


def _a_name(written: str) -> bool:
    """Is a mention's text a name to find the actor by in other articles? "Russian forces", "Russian
    territory" or "Ukrainian service" are what a state has or does, in lower-case words; not names
    ("al-Qaeda", "Côte d'Ivoire" are)."""
    words = written.split()
    return not written[:1].islower() and all(
        any(ch.isupper() or ch.isdigit() for ch in w) or w.lower() in _NAME_JOINERS or not w[:1].isalpha()
        for w in words
    )


def _given_name(name: str) -> list[str]:
    """The given name of a person's name of several words, folded ("sean" of Sean Hannity; none of Kim
    Jong Un, whose first word is the family name)."""
    words = [fold(w) for w in name.split()]
    if len(words) < 2 or family_first(words) or given_name_last(words, load_gazetteer().given_names):
        return []  # nor "Ishiba" of Ishiba Shigeru, whose own order puts the family name first
    return [" ".join(words[: compound_given(words) or 1])]  # "abdel fattah" of Abdel Fattah al-Burhan


def _mentions(group_: list[Candidate], text: str) -> tuple[Mention, ...]:
    out: dict[tuple[int, int], Mention] = {}
    for c in group_:
        start, end = _outside_brackets(text, c.start, c.end)
        out.setdefault((start, end), Mention(start, end, text[start:end], c.sentence))
    return tuple(sorted(out.values(), key=lambda m: m.start))


def _outside_brackets(text: str, start: int, end: int) -> tuple[int, int]:
    """A mention's span without the words an editor put in brackets: in "[Russian President Vladimir]
    Putin" the writer wrote "Putin" (the name is read whole, the mention is what follows the bracket)."""
    surface = text[start:end]
    if "]" in surface:
        cut = surface.rindex("]") + 1
        rest = surface[cut:]
        if any(ch.isalpha() for ch in rest):
            return start + cut + len(rest) - len(rest.lstrip()), end
    if "[" in surface:
        cut = surface.index("[")
        if any(ch.isalpha() for ch in surface[:cut]):
            return start, start + len(surface[:cut].rstrip())
    return start, end
