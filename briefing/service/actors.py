"""Actors as use cases: indexing a new article's actors, the ``/actor`` command, and ``bot.py actors``.

``index_actors(app, article)`` runs in the ingest transaction of each new article (see ``enrich``).
``/actor NAME`` finds the actor case-insensitively, by any alias, tolerating typos; an ambiguous name
offers the candidates, an unknown one says so and suggests close names.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TextIO

from briefing.actors import extract_actors
from briefing.aliases import edit_distance, fold, strip_article
from briefing.charts import mentions_chart
from briefing.cues import TITLES
from briefing.document import Block, Document, Span, bold, code, italic, item, message, para
from briefing.dossier import compose_dossier, plural
from briefing.errors import BinarySourceError, DecodeError, SourceError
from briefing.feeds import looks_like_feed
from briefing.gazetteer import load_gazetteer
from briefing.models import Actor, ActorType, Article, ExtractedActor
from briefing.sentences import split_sentences
from briefing.service import App
from briefing.service.commands import Asker, Reply, command
from briefing.states import as_countries
from store import actors as actor_store

log = logging.getLogger(__name__)
MAX_NAME_CHARS = 120
MAX_CANDIDATES = 6
TYPE_NAMES: dict[str, ActorType] = {
    "person": "person",
    "people": "person",
    "organization": "organization",
    "organisation": "organization",
    "org": "organization",
    "place": "place",
    "country": "place",
}
_QUALIFIER = re.compile(r"^(.*?)\s*\((person|people|organi[sz]ation|org|place|country)\)$", re.I)
_TAGS = re.compile(r"<[^<>]{0,200}>")
_NOISE = re.compile(r"[<>{}\[\]\\|`*_=^~\"“”«»]+")


def index_actors(app: App, article: Article) -> list[int]:
    """Extract a stored article's actors and merge them into the archive; return their ids."""
    sentences = split_sentences(article.body)
    try:
        extracted = extract_actors(article.body, title=article.title, sentences=sentences)
    except Exception:  # a bug in extraction must not keep the article itself out of the archive
        log.exception("actor extraction failed for article %s", article.id)
        return []
    gaz = load_gazetteer()
    known = [_with_known_aliases(a, gaz.aliases_of(a.name, a.type)) for a in as_countries(extracted, gaz)]
    return actor_store.add_article_actors(app.db, article, known, sentences)


def _with_known_aliases(actor: ExtractedActor, known: frozenset[str]) -> ExtractedActor:
    return replace(actor, aliases=actor.aliases | known) if known else actor


def _usage() -> Reply:
    return Reply(
        message(
            para("Tell me whom to look up, e.g. ", code("/actor Kellogg"), " or ", code("/actor NATO"), "."),
            para("Names work in any case and spelling; add (person), (organisation) or (place) to choose."),
        )
    )


def split_qualifier(text: str) -> tuple[str, ActorType | None]:
    """``"Putin (person)"`` -> ``("Putin", "person")``; text without a type qualifier comes back as is."""
    match = _QUALIFIER.match(text.strip())
    if match is None:
        return text, None
    return match.group(1).strip(), TYPE_NAMES[match.group(2).lower()]


def clean_query(text: str) -> tuple[str, ActorType | None]:
    """The name asked for, without markup or quotes, and a type if one was given as "(person)"."""
    text = _NOISE.sub(" ", _TAGS.sub(" ", text))
    text, type_ = split_qualifier(" ".join(text.split()).strip(" .,;:!?'"))
    words = text.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:  # "Gen. Kellogg" is Kellogg
        words.pop(0)
    return " ".join(words), type_


TYPE_WORDS = {"person": "person", "organization": "organisation", "place": "place"}
A_TYPE = {"person": "a person", "organization": "an organisation", "place": "a place"}


def _label(actor: Actor) -> str:
    kind = TYPE_WORDS[actor.type]
    return f"{kind}, {actor.role}" if actor.role else kind


def _ask(actor: Actor, *, typed: bool, command: str = "actor") -> str:
    """The command that reaches this actor; with its type when the name alone could reach another."""
    return f"/{command} {actor.name}" + (f" ({actor.type})" if typed else "")


@dataclass(frozen=True)
class Lookup:
    """What a name typed after ``/actor`` or ``/follow`` finds: the actors it is (of the type asked, if
    one was), and the one meant when the name settles it (``pick_actor``)."""

    name: str
    type_: ActorType | None
    found: tuple[Actor, ...]
    actor: Actor | None


def lookup_actor(app: App, text: str) -> Lookup:
    """The actors ``text`` names: any alias in any case, a title ignored, "(person)", "(organisation)"
    or "(place)" choosing among them."""
    name, type_ = clean_query(text)
    found = tuple(actor_store.find_actors(app.db, name, type_=type_)) if name else ()
    return Lookup(name, type_, found, pick_actor(name, found))


def candidates_reply(look: Lookup, *, command: str = "actor", extra: Sequence[Block] = ()) -> Reply:
    """The actors a name fits, each with the command that chooses it."""
    names = [a.name for a in look.found]
    lines = []
    for a in look.found[:MAX_CANDIDATES]:
        ask = _ask(a, typed=names.count(a.name) > 1, command=command)
        lines.append(item(bold(a.name), f" — {_label(a)}, {plural(a.article_count, 'article')}: ", code(ask)))
    return Reply(message(para(f"“{look.name}” could be more than one actor. Which one?"), *lines, *extra))


def relevant_suggestions(name: str, close: Sequence[Actor]) -> list[Actor]:
    """The close names worth offering: those a good part of which is the words asked ("Korea": North
    Korea; "Kim": Kim Jong Un; not "war": Institute for the Study of War), or a small typo away (at most
    a third of the letters: "Zelinsky" for Zelensky, not "Borel" for "Korea")."""
    norm = strip_article(fold(name))

    def near(other: str) -> bool:
        if f" {norm} " in f" {other} ":
            return 3 * len(norm.split()) >= len(other.split())
        typos = edit_distance(norm, other, 3)
        return typos <= 3 and 3 * typos <= max(len(norm), len(other))

    return [a for a in close if any(near(strip_article(fold(n))) for n in (a.name, *a.aliases))]


def suggestions(app: App, name: str) -> list[Actor]:
    return relevant_suggestions(name, actor_store.similar_actors(app.db, name))


def unknown_reply(app: App, look: Lookup, *, command: str = "actor", extra: Sequence[Block] = ()) -> Reply:
    """No actor of that name (and type): the actors of other types the name is, else close names."""
    if look.type_ is not None:
        other = actor_store.find_actors(app.db, look.name)
        if len(other) == 1:
            a = other[0]
            return Reply(
                message(
                    para(
                        f"{a.name} is {A_TYPE[a.type]}, not {A_TYPE[look.type_]}: ",
                        code(f"/{command} {a.name}"),
                    ),
                    *extra,
                )
            )
        if other:
            lines = [
                item(bold(a.name), f" — {_label(a)}: ", code(_ask(a, typed=True, command=command)))
                for a in other[:MAX_CANDIDATES]
            ]
            return Reply(
                message(
                    para(f"No {TYPE_WORDS[look.type_]} is called “{look.name}”, but there is:"),
                    *lines,
                    *extra,
                )
            )
    close = suggestions(app, look.name)
    if look.type_ is not None:
        close = [a for a in close if a.type == look.type_] or close
    what = {None: "no one", "person": "no one", "organization": "no organisation", "place": "no place"}[
        look.type_
    ]
    if not close:
        return Reply(message(para(f"I have {what} called “{look.name}” in the news I know."), *extra))
    lines = [item(code(f"/{command} {a.name}"), f" — {_label(a)}") for a in close]
    return Reply(message(para(f"I have {what} called “{look.name}”. Did you mean:"), *lines, *extra))


DOMINANT = 10  # an actor in ten times the articles of every other the name fits is the one meant


def pick_actor(name: str, found: Sequence[Actor]) -> Actor | None:
    """The one actor meant, if the name settles it: a single match, one the archive mentions far more
    than the others ("Kellogg": the envoy in 18,000 articles, not a company in 300), or a single exact
    canonical name."""
    if len(found) <= 1:
        return found[0] if found else None
    first, second = sorted(found, key=lambda a: -a.article_count)[:2]
    if first.article_count >= DOMINANT * max(second.article_count, 1):
        return first
    exact = [a for a in found if a.name.casefold() == name.casefold()]
    return exact[0] if len(exact) == 1 else None


def _others(actor: Actor, found: Sequence[Actor]) -> Block | None:
    """A line naming the other actors the name fits, so the reader can still reach them."""
    others = [a for a in found if a.id != actor.id][: MAX_CANDIDATES - 1]
    if not others:
        return None
    spans: list[Span | str] = ["Others by that name: "]
    for k, a in enumerate(others):
        ask = _ask(a, typed=True)  # the name alone could land on this dossier again
        spans += [", "] if k else []
        spans += [f"{a.name} ({_label(a)}, {plural(a.article_count, 'article')}) ", code(ask)]
    return para(*spans)


def dossier_reply(app: App, actor: Actor, *, asked: str | None = None, also: Sequence[Actor] = ()) -> Reply:
    """The dossier; ``asked`` is what the user typed when it only came close to the actor's names, and
    ``also`` the other actors the name fits (named at the end)."""
    record = actor_store.actor_record(app.db, actor.id)
    if record is None:
        return Reply(message("That actor is no longer in the archive."))
    document: Document = compose_dossier(record, now=app.now())
    if asked:
        note = para(italic(f"Closest match for “{asked}”."))
        document = Document((note, *document.header), document.sections, document.footer)
    others = _others(actor, also)
    if others is not None:
        document = Document(document.header, document.sections, (*document.footer, others))
    days = actor_store.mentions_per_day(app.db, actor.id)
    chart = partial(mentions_chart, days, title=actor.name)  # drawn by the adapter, after the text is sent
    return Reply(document, photo=chart, photo_caption=f"{actor.name}: mentions per day", paged=True)


def _exact(name: str, actor: Actor) -> bool:
    """Whether ``name`` is one of the actor's names as written (a person's surname counts), rather than
    a spelling the lookup only came close to."""
    norm = fold(name)
    names = {fold(a) for a in (actor.name, *actor.aliases)}
    if actor.type == "person":
        names |= {n.rsplit(" ", 1)[-1] for n in names}
    return norm in names


@command("actor", "/actor NAME", "who someone is and what the news says about them")
async def actor_command(app: App, args: str, asker: Asker) -> Reply:
    """Answer /actor NAME with a dossier, the candidates, or close names."""
    look = lookup_actor(app, args)
    if not look.name:
        return _usage()
    if len(look.name) > MAX_NAME_CHARS:
        return Reply(message(f"That is {len(look.name):,} characters; a name is at most {MAX_NAME_CHARS}."))
    if not look.found:
        return unknown_reply(app, look)
    if look.actor is None:
        return candidates_reply(look)
    asked = None if _exact(look.name, look.actor) else look.name
    return dossier_reply(app, look.actor, asked=asked, also=look.found)


# ---- bot.py actors FILE... ----------------------------------------------------------------------------


def read_text_file(path: Path) -> str:
    """A text file's content as Python reads it (UTF-8, universal newlines); offsets index this string."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SourceError("no such file") from None
    except IsADirectoryError:
        raise SourceError("is a folder, not a file") from None
    except OSError as exc:
        raise SourceError(exc.strerror or "cannot be read") from None
    if b"\x00" in raw[:8192] or raw[:2] == b"\x1f\x8b":
        raise BinarySourceError("binary file, not text")
    if looks_like_feed(raw):
        raise SourceError("a feed of many articles, not a text; `bot.py ingest` reads feeds")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DecodeError(f"not UTF-8 text (byte {exc.start})") from None
    return path.read_text(encoding="utf-8")


# Markup of a saved web page: comments, scripts and styles with what they hold, then any tag
_MARKUP = re.compile(
    r"<!--.*?-->|<(script|style|noscript|template)\b.*?</\1\s*>|<![^>]*>|</?[A-Za-z][^>]*>", re.S | re.I
)
_BLOCK = re.compile(r"</?(?:p|div|h[1-6]|li|ul|ol|br|tr|td|th|table|section|article|header|footer|nav|title"
                    r"|blockquote|figure|figcaption|main|aside|body|head|html)\b", re.I)  # fmt: skip


def blank_markup(html: str) -> str:
    """The page's text with its markup blanked out, every character where it was: a tag or a script
    becomes spaces (a block tag a line break first, so paragraphs stay sentences apart). Offsets into
    the result are offsets into the file; entities ("&amp;") are left as written."""

    def blank(m: re.Match[str]) -> str:
        kept = "".join(c if c == "\n" else " " for c in m.group())
        return "\n" + kept[1:] if _BLOCK.match(m.group()) else kept

    return _MARKUP.sub(blank, html)


def actors_json(path: str, text: str) -> str:
    """One JSON line: ``{"file", "actors": [{"name", "type", "mentions": [{"start", "end"}]}]}``."""
    found = extract_actors(text)
    actors = [
        {"name": a.name, "type": a.type, "mentions": [{"start": m.start, "end": m.end} for m in a.mentions]}
        for a in found
    ]
    return json.dumps({"file": path, "actors": actors}, ensure_ascii=False)


def actors_table(path: str, text: str) -> str:
    """A readable table of the actors in one text."""
    found = extract_actors(text)
    lines = [f"{path}: {plural(len(found), 'actor')}"]
    width = max((len(a.name) for a in found), default=4)
    for a in found:
        spans = ", ".join(f"{m.start}-{m.end}" for m in a.mentions[:8])
        more = f" (+{len(a.mentions) - 8} more)" if len(a.mentions) > 8 else ""
        lines.append(f"  {a.type:12} {a.name:{width}}  {len(a.mentions):3}×  {spans}{more}")
    return "\n".join(lines)


def actors_files(paths: Sequence[str], *, jsonl: bool, out: TextIO, err: TextIO) -> int:
    """``bot.py actors``: every file's actors; a file that cannot be read is reported and skipped."""
    failed = 0
    for name in paths:
        try:
            text = read_text_file(Path(name))
            if Path(name).suffix.lower() in (".html", ".htm"):
                text = blank_markup(text)
        except SourceError as exc:
            print(f"bot.py actors: {name}: {exc}", file=err)
            failed += 1
            continue
        print(actors_json(name, text) if jsonl else actors_table(name, text), file=out, flush=True)
    return 1 if failed else 0
