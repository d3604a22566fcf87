"""A state's body named without its state ("the Foreign Ministry", "the Supreme Court") is the body of the
country the article is about, and is named so: "Chinese Foreign Ministry", as a text that writes "the
Russian Defense Ministry" names that one. Every country has a foreign ministry, so the bare name alone
would make the archive one actor of China's and Russia's ministries.

Each mention is read on its own: "China's Foreign Ministry ... Russia's Foreign Ministry" are two bodies. A
mention's country is the one a possessive before it gives ("Russia's Foreign Ministry") or the city it sits
in after it ("the Foreign Ministry in Moscow"), else the one the article names clearly most: at least
twice as often as any other country, counting its name and bodies named after its nationality ("Russian
Defense Ministry"); else the one country of the mention's sentence or the one before, when the article
names it most. An article about no one country in particular keeps the bare name. A bare mention never
takes the country another mention's possessive gave.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from briefing.aliases import fold
from briefing.gazetteer import Gazetteer
from briefing.models import ExtractedActor, Mention
from briefing.place_zones import place_table

# a state body's own word, and the words that say which of its bodies it is ("Interior", "Supreme")
_HEADS = frozenset("ministry parliament cabinet court".split())
_QUALIFIERS = frozenset(
    """
    foreign affairs defense defence interior home finance justice health education energy trade economy
    agriculture labor labour transport culture environment industry security emergency emergencies
    supreme constitutional high national federal of the
    """.split()
)
# a court is a state's body only with the word that says which ("Supreme Court"); "Court" alone is none
_QUALIFIED_ONLY = frozenset({"court"})
_POSSESSIVE = re.compile(r"([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})['’]s\s+$")
# the city a body sits in, right after its name ("the Foreign Ministry in Moscow")
_SEAT = re.compile(r"\s+in\s+([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})\b")


def bare_state_body(name: str) -> bool:
    """Is ``name`` a state's body with no state in it ("Foreign Ministry", "Ministry of Defence",
    "Supreme Court", "Parliament")?"""
    words = fold(name).split()
    heads = [w for w in words if w in _HEADS]
    if len(heads) != 1 or not all(w in _HEADS or w in _QUALIFIERS for w in words):
        return False
    return not (heads[0] in _QUALIFIED_ONLY and len(words) == 1)


def bodies_of_the_country(actors: list[ExtractedActor], text: str, gaz: Gazetteer) -> list[ExtractedActor]:
    """Name each bare state body of the text after its country, when the text says which; a body so named
    that the text also writes with its nationality ("the Russian Defense Ministry") is one actor with it."""
    bare = [
        a
        for a in actors
        if a.type == "organization" and bare_state_body(a.name) and fold(a.name) not in gaz.known
    ]
    if not bare:
        return actors
    ranked = _ranked_countries(actors, gaz)
    main = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]) else None
    # the sentence's country only where the article names it most, if not twice as often as another:
    # "the Defense Ministry said Russian forces attacked" in an article mostly about Ukraine is Ukraine's
    leader = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None
    pieces: dict[int, list[tuple[str, tuple[Mention, ...]]]] = {}
    for a in bare:
        written = _written_with_state(a, actors, gaz)
        by_name: dict[str, list[Mention]] = {}
        for m in a.mentions:
            own = _possessor(m, text, gaz) or _seat(m, text, gaz)
            nearby = _country_nearby(m.sentence_index, actors, gaz)
            country = own or main or (nearby if nearby == leader else None)
            if written and (country is None or written[1] == country):
                name = written[0]  # "the Supreme Court" after "the U.S. Supreme Court"
            elif country:
                name = f"{_demonym(country, text, gaz)} {a.name}"
            else:
                name = a.name
            by_name.setdefault(name, []).append(m)
        if set(by_name) != {a.name}:
            pieces[id(a)] = [(name, tuple(ms)) for name, ms in by_name.items()]
    if not pieces:
        return actors
    out: list[ExtractedActor] = []
    index: dict[str, int] = {}
    for actor in actors:
        split = pieces.get(id(actor))
        parts = (
            [replace(actor, name=n, mentions=ms, aliases=_aliases(actor)) for n, ms in split]
            if split
            else [actor]
        )
        for a in parts or [actor]:
            key = f"{a.type}:{fold(a.name)}"
            if key in index:
                k = index[key]
                kept = out[k]
                mentions = tuple(sorted(kept.mentions + a.mentions, key=lambda m: m.start))
                out[k] = replace(
                    kept, mentions=mentions, aliases=kept.aliases | _aliases(a), role=kept.role or a.role
                )
                continue
            index[key] = len(out)
            out.append(a)
    return out


def _aliases(actor: ExtractedActor) -> frozenset[str]:
    """The names another article may find the actor by: never a bare state body's, which is every
    country's."""
    return frozenset(a for a in actor.aliases if not bare_state_body(a))


def _possessor(mention: Mention, text: str, gaz: Gazetteer) -> str | None:
    """The country a possessive right before a mention names ("Russia's Foreign Ministry"): that mention's
    only, as "China's Foreign Ministry ... Russia's Foreign Ministry" are two countries' bodies."""
    before = _POSSESSIVE.search(text[max(0, mention.start - 40) : mention.start])
    return gaz.countries.get(fold(before.group(1))) if before else None


def _seat(mention: Mention, text: str, gaz: Gazetteer) -> str | None:
    """The country whose city right after a mention is the body's seat ("the Foreign Ministry in Moscow"):
    the country of the most populous place of that name, or the country itself ("the Parliament in
    Ukraine"), when a zone of one country only holds it."""
    after = _SEAT.match(text, mention.end)
    if not after:
        return None
    written = fold(after.group(1))
    country = gaz.countries.get(written)
    if country:
        return country
    cities = place_table().cities.get(written)
    if not cities:
        return None
    city = max(cities, key=lambda p: p.population)
    holders = [r.name for r in place_table().countries.values() if not r.country and city.zone in r.zones]
    named = {gaz.countries.get(fold(h)) for h in holders}
    return named.pop() if len(named) == 1 else None


def _country_of(actor: ExtractedActor, gaz: Gazetteer) -> str | None:
    """The country an actor of the text is, or whose state body it is by its name ("Russian Defense
    Ministry", "U.S. Supreme Court"); a body merely named after a country ("U.S. Naval Forces Central
    Command") says nothing of what the article is about."""
    if actor.type in ("place", "organization") and gaz.is_country(actor.name):
        return actor.name
    words = actor.name.split()
    if actor.type != "organization" or len(words) < 2 or not bare_state_body(" ".join(words[1:])):
        return None
    first = fold(words[0])
    country = gaz.demonyms.get(first) or gaz.countries.get(first)
    return country if country and gaz.is_country(country) else None


def _written_with_state(
    bare: ExtractedActor, actors: list[ExtractedActor], gaz: Gazetteer
) -> tuple[str, str] | None:
    """The name and country of the body as the text also writes it with its state ("U.S. Supreme Court",
    "Russian Defense Ministry"), if it does so of one country only."""
    found = {
        (a.name, country)
        for a in actors
        if fold(a.name).endswith(" " + fold(bare.name)) and (country := _country_of(a, gaz))
    }
    return next(iter(found)) if len(found) == 1 else None


def _country_nearby(at: int, actors: list[ExtractedActor], gaz: Gazetteer) -> str | None:
    """The one country named in sentence ``at`` of a body's mention or the sentence before ("Russian
    officials offered no details. Foreign Ministry spokesperson Maria Zakharova ...")."""
    near = {
        country
        for a in actors
        if (country := _country_of(a, gaz)) and any(at - 1 <= m.sentence_index <= at for m in a.mentions)
    }
    return next(iter(near)) if len(near) == 1 else None


def _ranked_countries(actors: list[ExtractedActor], gaz: Gazetteer) -> list[tuple[str, int]]:
    """The two countries the text names most, with how often (``_country_of``)."""
    counts: Counter[str] = Counter()
    for a in actors:
        country = _country_of(a, gaz)
        if country:
            counts[country] += len(a.mentions)
    return counts.most_common(2)


def _demonym(country: str, text: str, gaz: Gazetteer) -> str:
    """The nationality word of a country as the text writes it ("Russian"), else the lists' singular one,
    capitalised; the country's name where the lists have none."""
    own = [d for d in gaz.demonyms_of(country) if not d.endswith("s") or d.endswith("ss")]
    for d in own:
        found = re.search(rf"\b{re.escape(d)}\b", text, re.IGNORECASE)
        if found and found.group(0)[:1].isupper():
            return found.group(0)
    return " ".join(w.capitalize() for w in own[0].split()) if own else country
