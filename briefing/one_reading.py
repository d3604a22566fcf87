"""One reading of a text's actors: what the archive stores for an article and ``bot.py actors`` prints.

The extractor reads each mention in its own words, so one name may come out under two or three types in
one text: a country that speaks is its state ("Russia said", an organisation) where "in Russia" is the
place, and "the Sarkin Dikko palace", "the Dikko community" and "his meeting with Sarkin Dikko" give a
place, a body and a person of one name. That reading is what the benchmark scores, mention by mention.
A reader of the article sees one actor under each name, of one type: ``settled`` gives that, and both the
ingest (``briefing.service.actors.read_actors``) and ``bot.py actors`` call it, so the command shows a
file's actors as the archive keeps them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from briefing.aliases import fold, strip_article
from briefing.gazetteer import Gazetteer
from briefing.models import ActorType, ExtractedActor
from briefing.states import as_countries

# the type that wins a tie of mentions: a name read as a person's by the name itself ("his meeting with
# Sarkin Dikko") is read as a body or a place by the noun after it ("the Sarkin Dikko palace", "the
# Dikko community"), which says what belongs to the person, not what the name is
TIE_ORDER: dict[ActorType, int] = {"person": 0, "organization": 1, "place": 2}


def settled(actors: Sequence[ExtractedActor], gaz: Gazetteer) -> list[ExtractedActor]:
    """The text's actors, one per country (``as_countries``) and one per name (``one_per_name``)."""
    return one_per_name(as_countries(list(actors), gaz), gaz)


def one_per_name(actors: Sequence[ExtractedActor], gaz: Gazetteer) -> list[ExtractedActor]:
    """One actor per canonical name (case, accents and a leading "the" aside), in the order the names
    first come: the actors of one name join under the type ``_voted`` for them, with all their mentions
    and other names. A club and the city it is named after ("Liverpool beat Chelsea", "fans in
    Liverpool") stay two actors: the lists know the name as both."""
    groups: dict[tuple[str, str], list[ExtractedActor]] = {}
    for actor in actors:
        groups.setdefault(_key(actor, gaz), []).append(actor)
    return [group[0] if len(group) == 1 else _joined(group) for group in groups.values()]


def _key(actor: ExtractedActor, gaz: Gazetteer) -> tuple[str, str]:
    """The name an actor joins others by, with the one type it must have for that (a club's name), or
    any."""
    norm = strip_article(fold(actor.name))
    if norm in gaz.clubs or norm in gaz.match_clubs:
        return norm, actor.type
    return norm, "any"


def _voted(group: Sequence[ExtractedActor]) -> ExtractedActor:
    """The reading the type is taken from, as the archive votes (``store.actors._vote``): one the text
    typed rather than the extractor guessed, with the most mentions; a tie goes by ``TIE_ORDER``."""
    typed = [a for a in group if not a.guessed] or list(group)
    return min(typed, key=lambda a: (-len(a.mentions), TIE_ORDER[a.type]))


def _joined(group: Sequence[ExtractedActor]) -> ExtractedActor:
    chosen = _voted(group)
    spans = {(m.start, m.end): m for a in reversed(group) for m in a.mentions}  # one mention a span
    mentions = tuple(spans[span] for span in sorted(spans))
    aliases = frozenset().union(*(a.aliases for a in group))
    # a role is a person's or a body's: a place's reading has none to lend, nor a person's to a place
    role = next((a.role for a in (chosen, *group) if a.role and a.type == chosen.type), None)
    return replace(chosen, mentions=mentions, aliases=aliases, role=role)
