"""Following actors and topics: ``/follow``, ``/unfollow`` and ``/following``.

A name is read as ``/actor`` reads it (``read_name`` and ``lookup_actor``: any alias, a title ignored,
"(person)", "(organisation)", "(place)" and the like to choose). A name that settles on one actor is followed
as that actor (by its id, under its canonical name, so every alias counts); a name that fits several
actors about as much, or only comes close to some ("Korea": North Korea, South Korea), gets the candidates
to choose from, and one that names a single actor ("Kim": Kim Jong Un) is followed as it, the reply saying
whom; words that name no actor and come close to none are followed as a topic, matched against the news.
"(topic)" after the words follows them as a topic whatever they name. A topic no stored article holds
yet is followed for the news to come, the reply saying so. Markup is dropped from a name or topic as
``/actor`` drops it ("<i>x</i> &amp; y" is "x & y").

One /follow or /unfollow may name several: a list ("Kellogg, Zelensky"), actors joined by "and" (for
/unfollow, follows joined by "and"), or the command typed again on the line ("/follow Trump /follow
Putin"); each is followed or stopped as it would be alone (``_names``, ``briefing.name_lists``), a name
given twice once. A place with the state or country holding it ("Washington, D.C.", "Paris, France") is
one name (``briefing.place_names``), and the place the archive knows when it does not know the whole.
Another command on the line ("/follow Trump /latest") is no name: ``commands.answer`` reads the first
command alone and says so.

A chat may follow two actors of one name (West the place, West the organisation) and a topic of that
name: /following and /unfollow then write each with its qualifier ("West (place)"), and ``/unfollow West``
asks which.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from briefing import name_lists, place_names
from briefing.aliases import fold
from briefing.briefs import only_operators, shorten, without_fields
from briefing.cues import COMMON
from briefing.document import Block, Span, bold, code, item, message, para
from briefing.dossier import kind_word
from briefing.models import Actor, ActorType, Follow, follow_key
from briefing.qualifiers import TYPE_WORDS, Kind, Qualified, qualified, split_qualifier
from briefing.sentences import has_cjk
from briefing.service import App
from briefing.service.actors import (
    Lookup,
    actor_type,
    candidates_reply,
    lookup_actor,
    others_line,
    read_name,
    suggestions,
    unescape_references,
    unknown_reply,
    without_markup,
    words_looked_for,
)
from briefing.service.alerts import clock_of
from briefing.service.commands import Asker, Button, Reply, and_list, as_read, command
from briefing.topics import FUNCTION_WORDS, quoted
from store import subscribers as subs
from store.actors import get_actor
from store.search import operators_only, topic_in_archive

MAX_TOPIC_CHARS = 100
MAX_FOLLOWS = 50
BUTTONS_PER_ROW = 2
Followed = tuple[Follow, Actor | None]  # a follow, with its actor (None for a topic)


_END = " .,;:!?'"  # an apostrophe at an end is as likely a quote as not ("workers'"): dropped, as ever
_CLOSING = {'"': '"', "“": "”", "«": "»"}


# Marks that set the direction of text or join nothing: pasted around Arabic or Hebrew words, they would
# make a topic look unlike the same words typed plainly (and show in its unfollow button)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u061c\ufeff"))
_INVISIBLE.update(dict.fromkeys(range(0x2066, 0x206A)))
_DOTTED = re.compile(r"(?:^|\s)(?:\w\.){1,}\w$")  # an abbreviation of initials, its last dot stripped


def _unpaired(text: str, mark: str) -> bool:
    """Whether a quote mark at an end of ``text`` lacks its partner in it (``"grain exports``)."""
    for opening, closing in _CLOSING.items():
        if mark in (opening, closing):
            if opening == closing:
                return text.count(mark) % 2 == 1
            return text.count(opening) != text.count(closing)
    return False


def clean_topic(text: str) -> str:
    """The words of a name or topic, single-spaced, without end punctuation around them, nor the quotes
    around the whole or a quote mark without its partner; a quote inside with its partner stays
    (``<Logistics> & "broke"`` keeps its last quote)."""
    text = " ".join(text.translate(_INVISIBLE).split()).strip(_END)
    while text:
        first, last = text[0], text[-1]
        inside = text[1:-1]
        if len(text) > 1 and _CLOSING.get(first) == last and first not in inside and last not in inside:
            text = text[1:-1]
        elif _unpaired(text, last):
            text = text[:-1]
        elif _unpaired(text, first):
            text = text[1:]
        else:
            break
        text = text.strip(_END)
    return text + "." if _DOTTED.search(text) else text  # "U.S." keeps its last dot


def _followed(app: App, chat_id: int) -> list[Followed]:
    return [
        (f, get_actor(app.db, f.actor_id) if f.actor_id else None) for f in subs.follows_of(app.db, chat_id)
    ]


def _kind_word(f: Follow, actor: Actor | None) -> str | None:
    """The qualifier that tells this follow from another of the same name ("place", "topic")."""
    if f.kind == "topic":
        return "topic"
    return TYPE_WORDS[actor.type] if actor is not None else None


def _label(f: Follow, actor: Actor | None) -> str:
    if actor is not None:
        return kind_word(actor)  # "country", as the dossier calls it
    return _kind_word(f, actor) or "person, organisation or place"


def _shown(one: Followed, followed: Sequence[Followed]) -> str:
    """How /following and /unfollow write a follow: its name, with its qualifier when the chat follows
    something else of that name ("West (place)", "West (organisation)") or when the name alone would be
    read as one ("Putin (company)", a topic: "/unfollow Putin (company)" would be refused)."""
    f, actor = one
    word = _kind_word(f, actor)
    twins = [g for g, _ in followed if follow_key(g.value) == follow_key(f.value) and g != f]
    misread = split_qualifier(f.value) != Qualified(f.value)
    return qualified(f.value, word) if (twins or misread) and word else f.value


def _as_topic(name: str) -> Block:
    return para("Or follow the words as a topic: ", code(f"/follow {name} (topic)"), ".")


def _what_to_follow(app: App, name: str, kind: Kind | None) -> tuple[str, int | None, Block | None] | Reply:
    """The actor (canonical name, id) or the topic (words, None) ``name`` means, with the line naming the
    other actors of that name as /actor names them ("Ryan": Paul Ryan, besides the podcast host); or a
    reply asking which (the candidates, or what the name is when its type does not fit)."""
    if kind == "topic":
        return name, None, None
    look = _lookup(app, name, actor_type(kind))
    if look.actor is not None:
        return look.actor.name, look.actor.id, others_line(look.actor, look.every, command="follow")
    refused = _unfollowable(name)
    # the topic is offered only where following it would be taken: "the (topic)" would be refused
    as_topic = (_as_topic(name),) if refused is None else ()
    if look.found:
        return candidates_reply(look, command="follow", extra=() if look.type_ else as_topic, app=app)
    if refused is not None:  # "the": no actor, and no topic either; typos of it ("THQ") are no help
        return refused
    if look.type_ is not None or (look.name and suggestions(app, look.name)):
        return unknown_reply(app, look, command="follow", extra=as_topic)
    return name, None, None


def _lookup(app: App, name: str, type_: ActorType | None) -> Lookup:
    """The actors the name names, as ``/actor`` looks them up; for a place written with the state or
    country holding it ("Paris, France", "Portland, Ore.") that the archive does not know whole, the
    place the archive knows by its first part ("Paris")."""
    look = lookup_actor(app, name, type_)
    if look.found or type_ not in (None, "place") or (city := place_names.city_of(name)) is None:
        return look
    local = lookup_actor(app, city, "place")
    return local if local.found else look


def _unfollowable(topic: str) -> Reply | None:
    """Why a topic cannot be followed: no word to look for ("🚀"), only search operators ("AND OR (", said
    so as /search says it: they are in no story, and no syntax either), or only words every story has
    ("the")."""
    if operators_only(topic):
        return Reply(only_operators(topic, "/follow grain exports"))
    words = words_looked_for(topic)
    if words is None:
        return None
    if not words:
        return _no_words(topic)
    if all(w in COMMON for w in words):
        return Reply(message(para(_too_common(topic, words), code("/follow grain exports"), ".")))
    return None


def _too_common(topic: str, words: list[str]) -> str:
    """Why words of ``COMMON`` make no topic, truly said: "the", "of the" are in nearly every story; a
    common word that is no function word ("next", "new") is not, but stories use it in passing ("next
    week"), so it says nothing of what a story is about (QA32b F8: "Next" was said to be in nearly every
    story of an archive that had it in 1 article of 26)."""
    if all(w in FUNCTION_WORDS for w in words):
        return (
            f"“{shorten(topic)}” is in nearly every story, so following it would tell you nothing;"
            " follow a name or more telling words, e.g. "
        )
    return (
        f"“{shorten(topic)}” is one of the commonest words in English, so following it would bring you any"
        " story that uses it in passing, and I know no one by that name; follow a name or more telling"
        " words, e.g. "
    )


def _no_words(topic: str) -> Reply:
    return Reply(message(f"“{shorten(topic)}” has no words to look for in the news; follow words or a name."))


def _same(f: Follow, value: str, actor_id: int | None) -> bool:
    """Whether ``f`` is the actor (by id) or the topic (by its words, in any case) about to be followed."""
    if actor_id is not None:
        return f.actor_id == actor_id
    return f.kind == "topic" and follow_key(f.value) == follow_key(value)


def _follow_usage(kind: Kind | None) -> Reply:
    if kind == "topic":
        return Reply(
            message(para("Which words shall I follow? e.g. ", code("/follow grain exports (topic)"), "."))
        )
    if kind is not None:
        example = qualified("Kellogg", kind)
        return Reply(
            message(
                para("Whom shall I follow? Put the name before the type: ", code(f"/follow {example}"), ".")
            )
        )
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


def _read(args: str, command: str) -> tuple[str, Kind | None] | Reply:
    """The name or topic asked for, quotes and end punctuation gone around the whole and around the
    name before its type, markup gone as ``/actor`` drops it ("<i>x</i> &amp; y" is "x & y"), and the
    type; or the reply to a type that is no type."""
    # references decoded before the end punctuation goes: "&amp;" is not to lose its ";"
    args, _ = without_fields(args)  # "title:Kellogg": a search engine's field, no word of the topic
    asked = read_name(clean_topic(unescape_references(args)), command=command, topic=True)
    if isinstance(asked, Reply):
        return asked
    return _cleaned(asked.name), asked.kind


_DANGLING = re.compile(r"^(?:[&+]\s+)+|(?:\s+[&+])+$")  # "x &" once "<i>y</i>" or "&amp;" is gone


def _cleaned(name: str) -> str:
    """A name or topic as followed: its words without markup, the packaging around them, or an "&" left
    hanging at an end."""
    return clean_topic(_DANGLING.sub("", without_markup(name)))


_QUOTED = re.compile(r"^([\"“«„])(.+)([\"”»“])(\s*\(\w+\))?$")


def _as_phrase(args: str, name: str) -> str:
    """A topic of several words typed in quotes (``"port strike"``, ``"port strike" (topic)``) is
    followed as that exact phrase, its quotes kept in its name; other words as they are."""
    typed = _QUOTED.match(" ".join(args.translate(_INVISIBLE).split()).strip(_END))
    if typed is None or _CLOSING.get(typed[1], "“") != typed[3] or len(name.split()) < 2:
        return name
    if typed[1] in typed[2] or typed[3] in typed[2]:  # "red" and "blue": two quoted words, no phrase
        return name
    return f"“{name}”"


def _bare(value: str) -> str:
    """A followed phrase's words without its quotes."""
    return value[1:-1] if quoted(value) else value


@dataclass(frozen=True)
class _Choice:
    """What one name or topic asks to follow: the actor (``actor_id``) or topic ``value``, the words
    asked (``name``), and the line naming the other actors of that name."""

    value: str
    actor_id: int | None
    name: str
    others: Block | None

    @property
    def kind(self) -> Literal["actor", "topic"]:
        return "actor" if self.actor_id is not None else "topic"


def _choose(app: App, args: str) -> _Choice | Reply:
    """What ``args`` (one name or topic) asks to follow, or the reply instead: how to ask, too long, the
    candidates to choose from, a topic refused."""
    read = _read(args, "follow")
    if isinstance(read, Reply):
        return read
    name, kind_asked = read
    if not name:  # "<b></b>": markup and nothing in it
        typed = clean_topic(args)
        return _no_words(typed) if typed and kind_asked is None else _follow_usage(kind_asked)
    if len(name) > MAX_TOPIC_CHARS:
        return Reply(
            message(f"That is {len(name):,} characters; a name or topic is at most {MAX_TOPIC_CHARS}.")
        )
    chosen = _what_to_follow(app, name, kind_asked)
    if isinstance(chosen, Reply):
        return chosen
    value, actor_id, others = chosen
    if actor_id is None and (refused := _unfollowable(value)) is not None:
        return refused
    if actor_id is None:
        value = _as_phrase(args, value)
    return _Choice(value, actor_id, name, others)


def _known(choice: _Choice, followed: Sequence[Followed]) -> Reply | None:
    """ "You already follow ..." when the chat follows ``choice`` already."""
    known = [one for one in followed if _same(one[0], choice.value, choice.actor_id)]
    if known:
        return Reply(message(para("You already follow ", bold(_shown(known[0], followed)), ".")))
    return None


def _full(followed: Sequence[Followed], left: Sequence[str] = ()) -> Reply | None:
    """The refusal when the chat follows as many things as it may (naming the names ``left`` unfollowed
    of a list); None while it may follow more."""
    if len(followed) < MAX_FOLLOWS:
        return None
    names = ", ".join(f"“{shorten(n, 40)}”" for n in left)
    so = f", so not {names}" if names else ""
    return Reply(message(f"This chat already follows {MAX_FOLLOWS} things{so}; /unfollow some first."))


def _store(app: App, asker: Asker, choice: _Choice, followed: Sequence[Followed]) -> list[Span | str]:
    """Follow ``choice``; the words that say what is followed now ("the topic ports", "Keith Kellogg
    (person), for “Kellogg”"), without an end."""
    subs.follow(app.db, asker.chat_id, choice.kind, choice.value, actor_id=choice.actor_id, now=app.now())
    # a topic as typed ("the topic West (topic)" would say it twice); an actor with what it is, once
    # ("Following the West (place)", not "the actor the West"; "West (organisation)" has it already)
    if choice.actor_id is None:
        return ["the topic ", bold(choice.value)]
    new = (
        Follow(asker.chat_id, choice.kind, choice.value, choice.actor_id),
        get_actor(app.db, choice.actor_id),
    )
    shown = _shown(new, [*followed, new])
    # a name that settled on one actor without being its name ("Kim"): say whom it settled on
    asked = "" if _plainly(choice.name, choice.value) else f", for “{shorten(choice.name)}”"
    return [bold(shown), "" if shown.endswith(")") else f" ({_label(*new)})", asked]


@command(
    "follow",
    "/follow NAME|TOPIC",
    "follow a person, organisation, place or topic",
    changes="with words",
    lists=True,
)
async def follow_command(app: App, args: str, asker: Asker) -> Reply:
    """Follow an actor (if the name is one) or a topic; several, when the words are a list of names."""
    names = _names(args, "follow", whole=lambda said: _one_name(app, said), each=lambda j: _an_actor(app, j))
    if len(names) > 1:
        return _follow_several(app, names, asker, whole=args)
    choice = _choose(app, names[0] if names else "")  # "" for nothing but commas: how to ask
    if isinstance(choice, Reply):
        return choice
    followed = _followed(app, asker.chat_id)
    kept = _known(choice, followed) or _full(followed)
    if kept is not None:
        return kept
    head = _store(app, asker, choice, followed)
    return Reply(
        message(
            para("Following ", *head, _full_stop(head)),
            *((choice.others,) if choice.others is not None else ()),
            *((unmatched,) if (unmatched := _unmatched(app, choice)) is not None else ()),
            *_what_follows(app, asker, [choice.value]),
            *_cjk_note(choice.value if choice.kind == "topic" else ""),
            para(code("/following"), " lists what you follow."),
        )
    )


def _full_stop(spans: Sequence[Span | str]) -> str:
    """The sentence's full stop, unless its last words end with one ("the topic D.C.")."""
    last = next((s if isinstance(s, str) else s.text for s in reversed(spans) if s), "")
    return "" if last.endswith(".") else "."


def _names(
    args: str, command: str, *, whole: Callable[[str], bool], each: Callable[[str], bool]
) -> list[str]:
    """The names or topics one ``/follow`` or ``/unfollow`` asks for: each after the ``command`` typed
    again on the line ("/follow Trump /follow Putin"), and each of a list ("Kellogg, Zelensky", "Hamas and
    Hezbollah"), unless the words are one name (``whole``: one the archive knows, "Bosnia and
    Herzegovina", or asked for as one topic, "(topic)"). A comma between a place and the state or country
    holding it is no list's ("Washington, D.C.", ``briefing.place_names``). Names joined by "and" are cut
    apart only when ``each`` takes every one (each an actor's: "search and rescue" stays one topic). A name
    given twice ("Trump, trump") is asked for once."""
    names: list[str] = []
    args = unescape_references(args)  # the ";" of "&amp;" cuts no list
    for said in name_lists.cut(args, name_lists.repeated(command)):
        if whole(said) and not _marked_last(said, command):
            names.append(said)
            continue
        for listed in name_lists.listed(said, place_names.one_place):
            joined = name_lists.cut(listed, name_lists.JOINED)
            typed = len(joined) > 1 and _all_typed(joined, command)  # "maize (topic) and saline (topic)"
            if typed or (len(joined) > 1 and not whole(listed) and all(each(j) for j in joined)):
                names += joined
            else:
                names.append(listed)
    once = {fold(clean_topic(name)): name for name in reversed(names)}  # the first of each kept
    return [name for name in names if once[fold(clean_topic(name))] is name]


def _marked_last(said: str, command: str) -> bool:
    """Whether the type typed at the end of a list is its last item's, not the whole line's: every item
    before it is typed too ("North Korean troops (topic), peace talks (topic)" is two topics; followed whole,
    it was one topic no article could ever hold). "Kellogg, Zelensky (topic)" stays one topic."""
    listed = name_lists.listed(said, place_names.one_place)
    items = [j for item in listed for j in name_lists.cut(item, name_lists.JOINED)]
    return len(items) > 1 and _all_typed(items, command)


def _all_typed(items: Sequence[str], command: str) -> bool:
    """Whether each item has its own type typed after it ("maize (topic)", "Nampula (place)")."""
    return all(not isinstance(read := _read(item, command), Reply) and read[1] is not None for item in items)


def _one_name(app: App, text: str) -> bool:
    """Whether the words are to be followed whole: a reply of their own (a type that is no type), all
    of them as a topic ("(topic)"), or a name of the archive's actors."""
    read = _read(text, "follow")
    return isinstance(read, Reply) or read[1] == "topic" or _an_actor(app, text)


def _an_actor(app: App, text: str) -> bool:
    """Whether the words name an actor of the archive (or several: they are a name all the same)."""
    read = _read(text, "follow")
    if isinstance(read, Reply) or not read[0] or read[1] == "topic":
        return False
    return bool(lookup_actor(app, read[0], actor_type(read[1])).found)


MAX_AT_ONCE = 10  # names in one /follow: a longer list is more likely pasted text than a list of names


def _follow_several(app: App, names: Sequence[str], asker: Asker, *, whole: str) -> Reply:
    """Follow each name as ``/follow NAME`` alone would, in one reply: what is followed now, then what
    each other name needs (the candidates to choose from, "You already follow ..."). A name meaning what
    an earlier name of the list followed ("Trump, Donald Trump") adds nothing to say."""
    if len(names) > MAX_AT_ONCE:
        return Reply(
            message(
                para(f"That is {len(names)} names; I follow at most {MAX_AT_ONCE} at once. Send them in"
                     " shorter lists, or one name a message, e.g. ", code("/follow Kellogg"), "."),
            )
        )  # fmt: skip
    done: list[Block] = []
    asked: list[Block] = []
    buttons: list[tuple[Button, ...]] = []
    values: list[str] = []
    topics: list[str] = []
    now: list[_Choice] = []
    for k, name in enumerate(names):
        choice = _choose(app, name)
        followed = _followed(app, asker.chat_id)
        if isinstance(choice, _Choice) and _among(choice, now):
            continue
        kept = choice if isinstance(choice, Reply) else _known(choice, followed)
        if kept is not None:
            now += [choice] if isinstance(choice, _Choice) else []  # "Trump, Donald": "already" once
            asked += _blocks(kept)
            buttons += kept.buttons
            continue
        assert isinstance(choice, _Choice)
        full = _full(followed, names[k:])
        if full is not None:
            asked += _blocks(full)
            break
        done.append(item(*_store(app, asker, choice, followed)))
        now.append(choice)
        done += [b for b in (choice.others, _unmatched(app, choice)) if b is not None]
        values.append(choice.value)
        topics += [choice.value] if choice.kind == "topic" else []
    lead = [para(bold("Following:"))] if done else []
    tail: list[Block] = []
    if values:
        tail += _what_follows(app, asker, values)
        tail += _cjk_note(" ".join(topics))
    tail += _whole_as_topic(whole) if done else []
    if done:
        tail.append(para(code("/following"), " lists what you follow."))
    return Reply(message(*lead, *done, *asked, *tail), buttons=tuple(buttons))


def _among(choice: _Choice, chosen: Sequence[_Choice]) -> bool:
    """Whether ``choice`` is the actor or topic of one of ``chosen``."""
    return any(_same(Follow(0, c.kind, c.value, c.actor_id), choice.value, choice.actor_id) for c in chosen)


def _whole_as_topic(whole: str) -> list[Block]:
    """How to follow names joined by "and" as one topic, the stories that name them all ("Trump and
    Putin"); nothing for a list ("Kellogg, Zelensky"), names given a type ("Trump (person)": the type
    would be words of the topic), or a topic that could not be followed."""
    whole = unescape_references(whole)
    if len(name_lists.cut(whole, name_lists.repeated("follow"))) > 1:
        return []
    if len(name_lists.listed(whole, place_names.one_place)) > 1:
        return []
    typed = [split_qualifier(name) for name in name_lists.cut(whole, name_lists.JOINED)]
    if any(q.kind is not None or q.unknown for q in typed):
        return []
    words = _cleaned(whole)
    if len(words) > MAX_TOPIC_CHARS or _unfollowable(words) is not None:
        return []
    words_as_topic = code(f"/follow {words} (topic)")
    return [para("To follow the words together as one topic instead: ", words_as_topic, ".")]


def _blocks(reply: Reply) -> list[Block]:
    """A reply's blocks, to stand in a longer reply."""
    document = reply.document
    return [*document.header, *(b for s in document.sections for b in s.blocks), *document.footer]


def _unmatched(app: App, choice: _Choice) -> Block | None:
    """For a topic no stored article holds ("xyzzyqq"): that nothing matches it yet (news to come may),
    with the actors of the news that its words name or come close to ("Zelenski peace": Volodymyr
    Zelensky), each with the command that follows it; None for an actor, or a topic the archive holds."""
    if choice.actor_id is not None or topic_in_archive(app.db, choice.value):
        return None
    spans: list[Span | str] = [
        "Nothing in the archive matches ",
        bold(choice.value),
        " yet; news to come may.",
    ]
    for k, (name, label) in enumerate(_close_actors(app, choice.value)):
        spans += [" Close names in the news: " if k == 0 else ", ", code(f"/follow {name}"), f" ({label})"]
    return para(*spans, "." if len(spans) > 3 else "")


def _close_actors(app: App, topic: str) -> list[tuple[str, str]]:
    """The actors (with what they are) that a telling word of the topic names or comes close to, most
    named first; a name written with its type where two of them share it."""
    found: dict[int, Actor] = {}
    for word in dict.fromkeys(re.findall(r"[^\W_]{3,}", _bare(topic))):
        if word.casefold() in COMMON:
            continue
        # a word only close to a name is offered it when written as names are ("Zelenski"): "peace"
        # is one letter from "Pence", and no misspelling of it
        close = suggestions(app, word) if word[0].isupper() else []
        for actor in (*lookup_actor(app, word).found, *close):
            found.setdefault(actor.id, actor)
    chosen = sorted(found.values(), key=lambda a: -a.article_count)[:CLOSE_NAMES]
    names = [fold(a.name) for a in chosen]
    return [
        (qualified(a.name, a.type) if names.count(fold(a.name)) > 1 else a.name, kind_word(a)) for a in chosen
    ]


CLOSE_NAMES = 3


def _cjk_note(topic: str) -> list[Block]:
    """Chinese and Japanese are indexed a run of characters at a time (between punctuation marks), so a
    topic in them matches only a whole run: say so, rather than let the chat wait for alerts."""
    if not has_cjk(topic):
        return []
    return [para("Chinese and Japanese words match only whole phrases as written between punctuation, so"
                 " this topic may rarely match; a name in Latin letters works better.")]  # fmt: skip


def _plainly(name: str, actor_name: str) -> bool:
    """Whether the name typed is plainly the actor's: its name, or its last word ("Kellogg")."""
    typed = fold(name)
    return typed in (fold(actor_name), fold(actor_name).rsplit(" ", 1)[-1])


def _what_follows(app: App, asker: Asker, values: Sequence[str]) -> list[Block]:
    """What following ``values`` (one or several just followed) brings this chat: alerts, and the
    digest's first place if it has a digest."""
    one = len(values) == 1
    if asker.in_terminal:  # no alert or digest is sent to the terminal
        return [
            para(
                "Alerts go only to Telegram chats; here, ",
                code(f"/brief {values[0]}"),
                " shows its news." if one else " shows the news of one of them.",
            )
        ]
    about: Span | str = bold(values[0]) if one else "any of them"
    it = values[0] if one else "them"
    sub = subs.get_subscriber(app.db, asker.chat_id)
    clock = clock_of(app, sub, asker.chat_id)
    window = clock.window
    hours = "" if window is None else f"{window[0]:%H:%M}–{window[1]:%H:%M}"
    night = f" (one due in your quiet hours, {hours}, waits)" if hours else ""
    alert = para("When a new story about ", about, f" arrives, I send you an alert{night}.")
    if clock.zone_is_default and window is not None:  # no digest told us its zone: say whose clock it is
        alert = para(
            "When a new story about ", about, " arrives, I send you an alert (one due in quiet hours,"
            f" {hours} {clock.timezone}, waits; set your zone with ",
            code("/settings tz CITY"), ")."
        )  # fmt: skip
    if sub is not None and not sub.active:  # /unsubscribe stopped the digest, not the alerts
        return [
            alert,
            para("Your daily digest is stopped; ", code("/subscribe"), f" brings it back, {it} first."),
        ]
    if sub is not None:
        return [alert, para("Your daily digest puts news about ", bold(it) if one else it, " first.")]
    return [
        alert,
        para(
            f"For a daily digest with news about {'it' if one else 'them'} first: ", code("/subscribe"), "."
        ),
    ]


def _nothing_now(group: bool) -> str:
    return "This group follows nothing now." if group else "You follow nothing now."


def _following_reply(followed: Sequence[Followed], note: Block | str = "", *, group: bool = False) -> Reply:
    """What the chat follows, with a ✕ button for each; ``note`` above it. In a ``group`` the list is the
    group's, and only its administrators may add to it (a member told "Try /follow" would be refused)."""
    noted = [note if isinstance(note, Block) else para(note)] if note else []
    if not followed:
        examples = (code("/follow Kellogg"), " or ", code("/follow grain exports"), ".")
        if group:
            text = para("This group follows nothing yet. An administrator can send ", *examples)
        else:
            text = para("You follow nothing yet. Try ", *examples)
        return Reply(message(*noted, text))
    lines: list[Block] = [para(bold("This group follows:" if group else "You follow:"))]
    lines += [item(bold(one[0].value), f" — {_label(*one)}") for one in followed]
    lines.append(para("Tap to unfollow, or send ", code("/unfollow NAME"), "."))
    lines[:0] = noted
    shown = [_unfollow_button(_shown(one, followed)) for one in followed]
    # every follow its button (50 at most, of the 100 Telegram allows), two a row to keep the keyboard short
    buttons = tuple(tuple(shown[k : k + BUTTONS_PER_ROW]) for k in range(0, len(shown), BUTTONS_PER_ROW))
    return Reply(message(*lines), buttons=buttons)


@command("following", "/following", "what this chat follows")
async def following_command(app: App, args: str, asker: Asker) -> Reply:
    """List what this chat follows, with a button to unfollow each."""
    return _following_reply(_followed(app, asker.chat_id), group=not asker.private)


def _matching(
    app: App, followed: Sequence[Followed], name: str, kind: Kind | None, typed: str = ""
) -> list[Followed]:
    """The follows ``name`` (with its qualifier, if any) may mean: those of that name (a phrase with or
    without its quotes; as ``typed``, quoted or not, when the chat follows both), else the actors the name
    is another name of ("Kellogg" for Keith Kellogg)."""
    type_ = actor_type(kind)

    def fits(one: Followed) -> bool:
        if kind == "topic":
            return one[0].kind == "topic"
        return type_ is None or (one[1] is not None and one[1].type == type_)

    # a topic followed before its markup was dropped ("<b>x</b>") answers to its words ("x") too, and one
    # followed before another command on the line was cut off ("grain /latest") to those before it
    named = [one for one in followed if follow_key(name) in _names_of(one[0].value) and fits(one)]
    phrase = follow_key(_as_phrase(typed, name))
    as_typed = [one for one in named if follow_key(one[0].value) == phrase]
    if len(named) > 1 and as_typed:
        return as_typed
    if named or kind == "topic":
        return named
    ids = {a.id for a in _lookup(app, name, type_).found}
    return [one for one in followed if one[0].actor_id in ids]


def _names_of(value: str) -> set[str]:
    """The names a follow answers to (as ``follow_key`` compares them): its value, without the quotes of a
    phrase, without markup, and without a command after it."""
    forms = (value, _cleaned(value), as_read("unfollow", value))
    return {follow_key(_bare(form)) for form in forms}


def _unfollow_button(shown: str) -> Button:
    """The button that stops one follow: its command as the bot reads it (an old "grain /latest" is
    stopped as "grain", with no word about another command)."""
    return Button(f"✕ {shown}", f"/unfollow {as_read('unfollow', shown)}")


def _which_reply(name: str, matches: Sequence[Followed], followed: Sequence[Followed]) -> Reply:
    """More than one follow answers to the name: each with the command that stops only it."""
    shown = [_shown(one, followed) for one in matches]
    lines = [item(code(f"/unfollow {s}")) for s in shown]
    buttons = tuple((_unfollow_button(s),) for s in shown)
    return Reply(
        message(para(f"You follow more than one “{name}”. Which one shall I stop?"), *lines), buttons=buttons
    )


@command("unfollow", "/unfollow NAME|TOPIC", "stop following something", changes="with words", lists=True)
async def unfollow_command(app: App, args: str, asker: Asker) -> Reply:
    """Stop following a name or topic (by the name shown in /following, or any name of the actor); several,
    when the words are a list of them, each as alone."""
    followed = _followed(app, asker.chat_id)

    def whole(said: str) -> bool:  # a follow's own name, "(topic)", or a reply of its own
        read = _read(said, "unfollow")
        return isinstance(read, Reply) or read[1] == "topic" or bool(_stops(app, said, followed))

    names = _names(args, "unfollow", whole=whole, each=lambda j: bool(_stops(app, j, followed)))
    if len(names) > 1:
        return _unfollow_several(app, names, asker, followed)
    typed = names[0] if names else ""  # "" for nothing but commas: what is followed
    stops = _stops(app, typed, followed)
    if isinstance(stops, Reply):
        return stops
    group = not asker.private
    if stops is None:
        return _following_reply(followed, group=group)
    if not stops:
        # with what is followed and its buttons: an old ✕ button pressed again must not wipe the list
        return _following_reply(followed, note=f"You don't follow “{_as_asked(typed)}”.", group=group)
    if len(stops) > 1:
        return _which_reply(_read_name(typed), stops, followed)
    shown = _shown(stops[0], followed)
    _stop(app, asker, stops[0])
    left = [one for one in followed if one is not stops[0]]
    if left:  # bold, as "Following <b>Keith Kellogg</b>" and a list's "Stopped following" are
        return _following_reply(left, note=para("Stopped following ", bold(shown), "."), group=group)
    return Reply(message(para("Stopped following ", bold(shown), f". {_nothing_now(group)}")))


def _stops(app: App, typed: str, followed: Sequence[Followed]) -> list[Followed] | Reply | None:
    """The follows ``typed`` (one name or topic) may mean, the reply to a type that is no type, or None
    for no name at all."""
    read = _read(typed, "unfollow")
    if isinstance(read, Reply):
        return read
    name, kind_asked = read
    return _matching(app, followed, name, kind_asked, typed) if name else None


def _read_name(typed: str) -> str:
    read = _read(typed, "unfollow")
    return typed if isinstance(read, Reply) else read[0]


def _as_asked(typed: str) -> str:
    """The user's own words, shortened: "(country)" is not to become "(place)"."""
    return shorten(clean_topic(typed))


def _stop(app: App, asker: Asker, one: Followed) -> None:
    f = one[0]
    subs.unfollow(app.db, asker.chat_id, f.value, kind=f.kind, actor_id=f.actor_id)


def _unfollow_several(app: App, names: Sequence[str], asker: Asker, followed: Sequence[Followed]) -> Reply:
    """Stop following each name as ``/unfollow NAME`` alone would, in one reply: what is stopped, the names
    followed under no such name, those that fit several follows (with the command that stops each), then
    what is still followed with its buttons. A follow two names of the list mean ("Trump, Donald Trump")
    is stopped once."""
    if len(names) > MAX_FOLLOWS:
        return Reply(message(f"That is {len(names)} names; a chat follows at most {MAX_FOLLOWS} things."))
    stopped: list[Followed] = []
    unknown: list[str] = []
    asked: list[Block] = []
    for typed in names:
        stops = _stops(app, typed, followed)
        if isinstance(stops, Reply):
            asked += _blocks(stops)
            continue
        if stops is None:
            continue
        if not stops:
            unknown.append(f"“{_as_asked(typed)}”")
        left = [one for one in stops if one not in stopped]
        if len(left) == 1:
            stopped.append(left[0])
        elif len(left) > 1:
            asked += _blocks(_which_reply(_read_name(typed), left, followed))
    for one in stopped:
        _stop(app, asker, one)
    rest = [one for one in followed if one not in stopped]
    nothing = f" {_nothing_now(not asker.private)}" if not rest else ""  # as a single /unfollow says it
    lines: list[Block] = []
    if stopped:
        shown = [bold(_shown(one, followed)) for one in stopped]
        lines.append(para("Stopped following ", *and_list(shown), "." + nothing))
    if unknown:
        lines.append(para("You don't follow ", ", ".join(unknown), "."))
    lines += asked
    if nothing and stopped:
        return Reply(message(*lines))
    listing = _following_reply(rest, group=not asker.private)  # with nothing followed: how to follow
    return Reply(message(*lines, *_blocks(listing)), buttons=listing.buttons)
