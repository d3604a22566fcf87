"""Following actors and topics: ``/follow``, ``/unfollow`` and ``/following``.

A name is looked up as ``/actor`` looks it up (``lookup_actor``: any alias, a title ignored, "(person)",
"(organisation)" or "(place)" to choose). A name that settles on one actor is followed as that actor (under
its canonical name, so every alias counts); a name that fits several actors, or only comes close to some
("Kim": Kim Jong Un), gets the candidates to choose from; words that name no actor and come close to none
are followed as a topic, matched against the news. "(topic)" after the words follows them as a topic
whatever they name.
"""

from __future__ import annotations

import re
from typing import Literal

from briefing.document import Block, bold, code, item, message, para
from briefing.models import Actor, Follow
from briefing.service import App
from briefing.service.actors import candidates_reply, lookup_actor, suggestions, unknown_reply
from briefing.service.commands import Asker, Button, Reply, command
from store import subscribers as subs
from store.actors import get_actor

MAX_TOPIC_CHARS = 100
MAX_FOLLOWS = 50
_AS_TOPIC = re.compile(r"^(.*?)\s*\(topic\)$", re.I)


def clean_topic(text: str) -> str:
    """The words of a name or topic, single-spaced, without quotes or end punctuation around them."""
    return " ".join(text.split()).strip(" .,;:!?'\"“”«»")


def _resolve(app: App, name: str) -> tuple[str, int | None]:
    """The canonical name and id of the actor ``name`` settles on, or the name itself with no id."""
    topic = _AS_TOPIC.match(name)
    if topic:
        return clean_topic(topic.group(1)), None
    look = lookup_actor(app, name)
    return (look.actor.name, look.actor.id) if look.actor is not None else (name, None)


def _as_topic(name: str) -> Block:
    return para("Or follow the words as a topic: ", code(f"/follow {name} (topic)"), ".")


def _what_to_follow(app: App, name: str) -> tuple[str, int | None] | Reply:
    """The actor (canonical name, id) or the topic (words, None) ``name`` means, or a reply asking which
    (the candidates, or what the name is when its type does not fit)."""
    topic = _AS_TOPIC.match(name)
    if topic:
        words = clean_topic(topic.group(1))
        if not words:
            return Reply(
                message(para("Which words shall I follow? e.g. ", code("/follow grain exports"), "."))
            )
        return words, None
    look = lookup_actor(app, name)
    if look.actor is not None:
        return look.actor.name, look.actor.id
    if look.found:
        return candidates_reply(look, command="follow", extra=() if look.type_ else (_as_topic(name),))
    if look.type_ is not None or (look.name and suggestions(app, look.name)):
        return unknown_reply(app, look, command="follow", extra=(_as_topic(look.name or name),))
    return name, None


def _label(f: Follow, actor: Actor | None = None) -> str:
    if f.kind == "topic":
        return "topic"
    if actor is None:
        return "person, organisation or place"
    return {"person": "person", "organization": "organisation", "place": "place"}[actor.type]


@command("follow", "/follow NAME|TOPIC", "follow a person, organisation, place or topic")
async def follow_command(app: App, args: str, asker: Asker) -> Reply:
    """Follow an actor (if the name is one) or a topic."""
    name = clean_topic(args)
    if not name:
        return Reply(
            message(
                para(
                    "Whom or what shall I follow? e.g. ",
                    code("/follow Kellogg"),
                    " or ",
                    code("/follow grain exports"),
                    ".",
                )
            )
        )
    if len(name) > MAX_TOPIC_CHARS:
        return Reply(
            message(f"That is {len(name):,} characters; a name or topic is at most {MAX_TOPIC_CHARS}.")
        )
    chosen = _what_to_follow(app, name)
    if isinstance(chosen, Reply):
        return chosen
    value, actor_id = chosen
    follows = subs.follows_of(app.db, asker.chat_id)
    known = [f for f in follows if f.value.casefold() == value.casefold()]
    if known:
        return Reply(message(para("You already follow ", bold(known[0].value), ".")))
    if len(follows) >= MAX_FOLLOWS:
        return Reply(message(f"This chat already follows {MAX_FOLLOWS} things; /unfollow some first."))
    kind: Literal["actor", "topic"] = "actor" if actor_id is not None else "topic"
    subs.follow(app.db, asker.chat_id, kind, value, actor_id=actor_id, now=app.now())
    what = "the actor" if kind == "actor" else "the topic"
    return Reply(
        message(
            para(f"Following {what} ", bold(value), "."),
            para(
                "Your daily digest puts news about ",
                bold(value),
                " first. ",
                code("/following"),
                " lists what you follow.",
            ),
        )
    )


def _following_reply(app: App, follows: list[Follow], note: str = "") -> Reply:
    if not follows:
        text = "You follow nothing yet. Try /follow Kellogg or /follow grain exports."
        return Reply(message(*(para(note),) if note else (), para(text)))
    lines: list[Block] = [para(bold("You follow:"))]
    lines += [
        item(bold(f.value), f" — {_label(f, get_actor(app.db, f.actor_id) if f.actor_id else None)}")
        for f in follows
    ]
    lines.append(para("Tap to unfollow, or send ", code("/unfollow NAME"), "."))
    if note:
        lines.insert(0, para(note))
    buttons = tuple((Button(f"✕ {f.value}", f"/unfollow {f.value}"),) for f in follows[:12])
    return Reply(message(*lines), buttons=buttons)


@command("following", "/following", "what this chat follows")
async def following_command(app: App, args: str, asker: Asker) -> Reply:
    """List what this chat follows, with a button to unfollow each."""
    return _following_reply(app, subs.follows_of(app.db, asker.chat_id))


@command("unfollow", "/unfollow NAME|TOPIC", "stop following something")
async def unfollow_command(app: App, args: str, asker: Asker) -> Reply:
    """Stop following a name or topic (by the name shown in /following, or any name of the actor)."""
    name = clean_topic(args)
    follows = subs.follows_of(app.db, asker.chat_id)
    if not name:
        return _following_reply(app, follows)
    value, _ = _resolve(app, name)
    for asked in dict.fromkeys([name, value]):
        shown = next((f.value for f in follows if f.value.casefold() == asked.casefold()), asked)
        if subs.unfollow(app.db, asker.chat_id, asked):
            left = subs.follows_of(app.db, asker.chat_id)
            if left:
                return _following_reply(app, left, note=f"Stopped following {shown}.")
            return Reply(message(para("Stopped following ", bold(shown), ". You follow nothing now.")))
    return Reply(message(para(f"You don't follow “{name}”. ", code("/following"), " lists what you do.")))
