"""A search that finds nothing: what was searched, and what to send instead that does find something. A
word no article has may be a name misspelt ("Zelinsky peace plan": the actor lookup knows Volodymyr
Zelensky), a pasted page title's outlet or section ("Headline | Music | The Guardian"), or one word too
many; each suggestion is a command tried before it is offered, so none of them finds nothing again, and
none is the search just made. No fixed example is offered: a name this archive lacks would find nothing.
The searches tried are bounded (``MAX_TRIES``): a miss is answered about as fast as a search.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from briefing.aliases import edit_distance, fold
from briefing.briefs import shorten
from briefing.document import Block, Document, Inline, bold, code, message, para
from briefing.models import Actor
from briefing.service import App
from briefing.service.actors import suggestions
from briefing.service.commands import and_list
from store.search import MAX_TERMS

Finds = Callable[[str], bool]  # whether a search for these words finds any article
MISSING_NAMED = 3  # the words no article has that are named (and looked up as a close name), at most
TRIED_WORDS = 8  # a search of more words is not tried again without each of them in turn
# searches tried for one reply, at most: the first part and each word (MAX_TERMS) always fit, then the
# close names and the fewer words take what is left; one not tried is not offered
MAX_TRIES = MAX_TERMS + 8
# what divides a pasted line's parts: a page title's " | ", a list entry's " · ", a line break
_PARTS = ("\n", " | ", " · ", " • ", " — ", " – ")


def no_matches_reply(app: App, words: str, finds: Finds, *, shown: str | None = None) -> Document:
    """The reply to a search for ``words`` that found nothing (``shown``: the words as the heading would
    quote them): what was searched, then at most three things to send that find articles (the part
    before a pasted line's first separator; the words with a close actor's name for one no article has;
    the words without those no article has, or without one), and /latest for the newest articles."""
    typed = " ".join(words.split())
    lines: list[Block] = [para(f"Nothing in the archive matches “{shorten(shown or typed)}”.")]
    finds = _bounded(finds, MAX_TRIES, typed)
    offered: set[str] = set()
    if (first := _first_part(words)) is not None and finds(first):
        offered.add(first)
        lines.append(para("Its first part finds articles: ", code(_search(first)), "."))
    # not a pasted "|" or "·"; no more words than a search looks for
    parts = [p for p in typed.split() if any(c.isalnum() for c in p)][:MAX_TERMS]
    missing = [w for w in dict.fromkeys(parts) if not finds(w)]
    close = _close_name(app, parts, missing[:MISSING_NAMED], finds)
    if close is not None:
        word, actor, asked = close
        offered.add(asked)
        lines.append(para(f"No article has “{shorten(word, 40)}”; did you mean ", bold(actor.name), "? ",
                          code(_search(asked))))  # fmt: skip
    elif missing and len(parts) > 1:
        named: list[Inline] = [f"“{shorten(w, 30)}”" for w in missing[:MISSING_NAMED]]
        more = f" and {len(missing) - MISSING_NAMED} more" if len(missing) > MISSING_NAMED else ""
        verb = " is" if len(missing) == 1 else " are"
        lines.append(para(*and_list(named), f"{more}{verb} in no article."))
    broader = _broader(parts, missing, finds) if first not in offered else None  # a part: no other cut
    if broader is not None and broader not in offered:
        told = "Without the words no article has: " if missing else "No article has them all; fewer do: "
        lines.append(para(told, code(_search(broader)), "."))
    if len(lines) == 1:  # nothing tried found articles: advice, no example that may find nothing
        advice = (
            "Every word must appear; try fewer or other words."
            if len(parts) > 1
            else "Try other words or a name."
        )
        lines.append(para(advice))
    lines.append(para("The newest articles: ", code("/latest"), "."))
    return message(*lines)


def _bounded(finds: Finds, tries: int, typed: str) -> Finds:
    """``finds`` for at most ``tries`` searches, then False (not tried: not offered); the words just
    searched are never found again (a suggestion to send them would be no suggestion)."""
    left = [tries]
    searched = fold(typed)

    def bounded(words: str) -> bool:
        if fold(" ".join(words.split())) == searched or left[0] <= 0:
            return False
        left[0] -= 1
        return finds(words)

    return bounded


def _search(words: str) -> str:
    return shorten(f"/search {words}", 80)


def _first_part(words: str) -> str | None:
    """The part of a pasted line before its first separator ("Headline" of "Headline | Music | The
    Guardian"), when it has one and words after it; else None."""
    cuts = [k for k in (words.find(sep) for sep in _PARTS) if k > 0]
    if not cuts:
        return None
    first, rest = words[: min(cuts)].strip(), words[min(cuts) :].strip(" |·•—–\n")
    return " ".join(first.split()) if first and rest else None


def _close_name(
    app: App, parts: Sequence[str], missing: Sequence[str], finds: Finds
) -> tuple[str, Actor, str] | None:
    """For a word no article has, the actor the lookup finds close to it ("Zelinsky": Volodymyr
    Zelensky) and the words with the actor's spelling of it ("Zelensky peace plan"), if that finds
    articles; else the actor's own name alone, if that does. None when no missing word is close to one."""
    for word in missing:
        for actor in suggestions(app, word)[:3]:
            form = _closest_form(word, actor)
            asked = " ".join(form if p == word else p for p in parts)
            if finds(asked):
                return word, actor, asked
            if finds(actor.name):
                return word, actor, actor.name
    return None


def _closest_form(word: str, actor: Actor) -> str:
    """The actor's name or alias of as many words as ``word`` closest to it in spelling ("Zelensky" of
    Volodymyr Zelensky for "Zelinsky"); the actor's name when none is as long."""
    width = len(word.split())
    names = (actor.name, *sorted(actor.aliases))
    forms = [" ".join(n.split()[-width:]) for n in names if len(n.split()) >= width]
    if not forms:
        return actor.name
    return min(forms, key=lambda f: (edit_distance(fold(f), fold(word), 8), f))


def _broader(parts: Sequence[str], missing: Sequence[str], finds: Finds) -> str | None:
    """Fewer of the words that find articles: without those no article has, or (when every word is in
    some article, but none has them all) without one of them, the last first."""
    if len(parts) < 2:
        return None
    if missing:
        kept = [p for p in parts if p not in missing]
        left = " ".join(kept)
        return left if kept and finds(left) else None
    if len(parts) > TRIED_WORDS:
        return None
    for drop in reversed(range(len(parts))):
        left = " ".join(p for k, p in enumerate(parts) if k != drop)
        if finds(left):
            return left
    return None
