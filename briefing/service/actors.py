"""Actors as use cases: indexing a new article's actors, the ``/actor`` command, and ``bot.py actors``.

``index_actors(app, article)`` runs in the ingest transaction of each new article (see ``enrich``).
``/actor NAME`` finds the actor case-insensitively, by any alias, tolerating typos; an ambiguous name
offers the candidates, an unknown one says so and suggests close names.
"""

from __future__ import annotations

import html
import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TextIO

from briefing.actors import ACTORS_VERSION, extract_actors
from briefing.aliases import (
    dynasty,
    edit_distance,
    fold,
    joined_initials,
    shared_name,
    strip_article,
    without_dynasty,
    without_legal_form,
)
from briefing.briefs import shorten
from briefing.charts import mentions_chart
from briefing.coref import HONORIFIC_SEX, honorific_sex
from briefing.cues import COMMON, TITLE_WORDS, TITLES, spelt_out
from briefing.document import Block, Document, Span, bold, code, italic, item, message, para, plural
from briefing.dossier import compose_dossier, kind_word
from briefing.dumps import dropped_lines
from briefing.errors import SourceError
from briefing.furniture import Kind as LineKind
from briefing.furniture import classify
from briefing.gazetteer import load_gazetteer
from briefing.given_names import spelt_one_way
from briefing.letters import fold_apostrophes, umlauts_written
from briefing.models import Actor, ActorType, Article, ExtractedActor, Sentence
from briefing.one_reading import settled
from briefing.qualifiers import TYPE_WORDS, Kind, Qualified, qualified, qualifier_list, split_qualifier
from briefing.sentences import split_sentences
from briefing.service import App
from briefing.service.commands import Asker, Reply, command
from briefing.textfile import read_file_text
from briefing.textmap import readable
from briefing.topics import is_joined_name
from store import actors as actor_store

log = logging.getLogger(__name__)
MAX_NAME_CHARS = 120
MAX_CANDIDATES = 6
_TAGS = re.compile(r"<[^<>]{0,200}>")
_MARKS = re.compile(r"[<>{}\[\]\\|`*_=^~]+")  # what markup leaves around words ("*bold*", "`code`")
# a backtick between two letters is an apostrophe typed on a keyboard without one ("O`Brien", "d`Ivoire")
_BACKTICK_APOSTROPHE = re.compile(r"(?<=[^\W\d_])`(?=[^\W\d_])")
_QUOTES = re.compile(r"[\"“”«»]+")
# a character reference with its semicolon ("&amp;", "&#233;"): "AT&T" or "&not" in a name are letters
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


# Actors are read from the first this many sentences of an article: a news article has a few hundred at
# most, and reading a book-length "article" whole (a second per thousand sentences) would hold up the
# ingest and the bot with it
ACTOR_SENTENCES = 2000


@dataclass(frozen=True)
class ActorReading:
    """An article's actors as read from its title and body, before the archive merges them: the CPU-heavy
    part of indexing, which needs no database (the bot reads it in a worker thread)."""

    sentences: tuple[Sentence, ...]
    actors: tuple[ExtractedActor, ...]


def read_actors(title: str, body: str) -> ActorReading | None:
    """The actors of an article's text (its first ``ACTOR_SENTENCES`` sentences); None when extraction
    failed (logged: a bug in extraction must not keep the article itself out of the archive)."""
    sentences = split_sentences(body)[:ACTOR_SENTENCES]
    text = body[: sentences[-1].end] if sentences else body
    try:
        extracted = extract_actors(text, title=title, sentences=sentences)
    except Exception:
        log.exception("actor extraction failed for the article %r", title[:80])
        return None
    gaz = load_gazetteer()
    known = [_with_known_aliases(a, gaz.aliases_of(a.name, a.type)) for a in settled(extracted, gaz)]
    return ActorReading(tuple(sentences), tuple(known))


def actors_key() -> str:
    """What stores an article's actors now, as ``articles.actors_key`` records it ("v1"): an article with
    another key is stale, and :mod:`briefing.service.reextract` reads its actors again."""
    return f"v{ACTORS_VERSION}"


def index_actors(app: App, article: Article, reading: ActorReading | None = None) -> list[int]:
    """Merge a stored article's actors into the archive (read now unless ``reading`` is given), recorded
    as read by the current rules; return their ids."""
    reading = reading or read_actors(article.title, article.body)
    if reading is None:
        return []
    return actor_store.add_article_actors(
        app.db, article, list(reading.actors), list(reading.sentences), key=actors_key()
    )


def _with_known_aliases(actor: ExtractedActor, known: frozenset[str]) -> ExtractedActor:
    return replace(actor, aliases=actor.aliases | known) if known else actor


def _usage() -> Reply:
    return Reply(
        message(
            para("Tell me whom to look up, e.g. ", code("/actor Kellogg"), " or ", code("/actor NATO"), "."),
            para(f"Names work in any case and spelling; add {qualifier_list(topic=False)} to choose."),
        )
    )


def actor_type(kind: Kind | None) -> ActorType | None:
    """The actor type a qualifier asks for; None for none, or for "(topic)"."""
    if kind == "person" or kind == "organization" or kind == "place":
        return kind
    return None


def clean_name(text: str) -> str:
    """The name asked for, without markup, quotes or a title ("Gen. Kellogg" is Kellogg); nothing when
    no letter or digit is left ("&", "<b>&</b>"): symbols alone name no one."""
    text = _as_typed(text)
    return " ".join(text.split()[len(titles_of(text)) :])


def without_markup(text: str) -> str:
    """``text`` as read, not as marked up: character references decoded ("&amp;" is "&"), then tags and
    markup's marks dropped (``<i>x</i>``, ``*x*``), single-spaced; quotes kept. A name or topic copied
    from a formatted page or message means its words, never its markup (``/actor``, ``/follow``)."""
    text = _BACKTICK_APOSTROPHE.sub("'", unescape_references(text))
    return " ".join(_MARKS.sub(" ", _TAGS.sub(" ", text)).split())


# an HTML tag as pasted from a page ("<b>", "</i>", '<a href="...">'): a letter after its "<"
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]{0,200}>")


def without_tags(text: str) -> str:
    """``text`` without the tags pasted with it ("<b>Kellogg</b>" is Kellogg), as /follow and /actor read
    a name (``without_markup``), for /search and /brief; a text that is only tags ("<script>") is left as
    it is, for the search's own answer to it."""
    stripped = " ".join(_HTML_TAG.sub(" ", text).split())
    return stripped if re.search(r"[^\W_]", stripped) else text


def unescape_references(text: str) -> str:
    """``text`` with its character references decoded ("&amp;" is "&"), each with its semicolon: "AT&T"
    and "R&not" hold none."""
    return _REFERENCE.sub(_character, text)


def _character(reference: re.Match[str]) -> str:
    """The character a reference stands for; a space for one not shown (a control or direction mark,
    "&#8238;", which would turn the reply's text around, or "&nbsp;")."""
    decoded = html.unescape(reference.group())
    return decoded if decoded.isprintable() else " "


def _as_typed(text: str) -> str:
    """The name asked for without markup or quotes, its title kept; nothing when only symbols are left."""
    text = " ".join(_QUOTES.sub(" ", without_markup(text)).split()).strip(" .,;:!?'")
    return text if any(c.isalnum() for c in text) else ""


def titles_of(text: str) -> list[str]:
    """The titles a typed name starts with, folded ("Sen. Johnson": ["sen"]); never the whole name."""
    words = text.split()
    titles: list[str] = []
    while len(words) > len(titles) + 1 and words[len(titles)].lower().rstrip(".") in TITLES:
        titles.append(words[len(titles)].lower().rstrip("."))
    return titles


def _holding(found: Sequence[Actor], titles: Sequence[str]) -> tuple[Actor, ...]:
    """The actors whose role holds one of the titles typed, abbreviated or spelt out ("/actor Sen.
    Johnson": the Johnson who is a senator, not the Speaker)."""
    wanted = {t for title in titles for t in (title, TITLE_WORDS.get(title, title))}
    return tuple(a for a in found if a.role and wanted & _role_words(a.role))


def _called_so(app: App, found: Sequence[Actor], titles: Sequence[str]) -> tuple[Actor, ...]:
    """For an honorific typed before a surname ("/actor Mrs Clinton", "/actor Mr Trump"), the people the
    archive's articles have called so (Hillary, not Bill Clinton), in the order found; none for a title
    that tells no woman from a man, or where no one was ever called so."""
    sex = HONORIFIC_SEX.get(titles[0]) if titles else None
    people = [a for a in found if a.type == "person"]
    if sex is None or len(people) < 2:
        return ()
    before = actor_store.words_before_mentions(app.db, [a.id for a in people])
    return tuple(a for a in people if any(honorific_sex(w, len(w)) == sex for w in before.get(a.id, [])))


def _role_words(role: str) -> set[str]:
    return {w.lower().rstrip(".,") for w in role.replace("-", " ").split()}


def read_name(args: str, *, command: str, topic: bool) -> Qualified | Reply:
    """The name and qualifier after ``/command``, or the reply to a qualifier the command cannot take:
    one it does not know ("(company)"), or "(topic)" where only actors make sense. Every command that
    takes a name reads it here, so they all take the same qualifiers."""
    asked = split_qualifier(unescape_references(args))  # "&amp;" would lose its ";" as end punctuation
    name = asked.name if 0 < len(asked.name) <= MAX_NAME_CHARS else ""  # quoted back only if short
    if asked.unknown:
        # the name typed only where sending the example would be taken: "/follow the (person)" would not
        example = f"/{command} {name if _telling(name) else 'Kellogg'} (person)"
        lines = [
            para(
                f"I don't know the type “{shorten(asked.unknown)}”. After a name I understand "
                f"{qualifier_list(topic=topic)}, in round or square brackets: ",
                code(example),
                ".",
            )
        ]
        if topic and _telling(f"{name} {asked.unknown}"):
            words = f"{name} ({asked.unknown})"
            lines.append(para("To take all the words as a topic: ", code(f"/{command} {words} (topic)"), "."))
        return Reply(message(*lines))
    if asked.kind == "topic" and not topic:
        words = name or "grain exports"
        return Reply(
            message(
                para(f"/{command} looks up people, organisations and places, not topics."),
                para("For the news on the words: ", code(f"/brief {words} (topic)"), "."),
            )
        )
    return asked


def words_looked_for(text: str) -> list[str] | None:
    """The words a topic of ``text`` looks for in the news, folded: a lone Latin letter looks for nothing
    ("<b>&</a>"), a lone CJK character is a word; None where a chunk is a name of letters joined by "&"
    ("AT&T", "H&M"), a name whatever its pieces. One reading for ``/follow``'s refusal and for the replies
    that must not offer what it refuses."""
    if any(is_joined_name(chunk) for chunk in text.split()):
        return None
    return [w.casefold() for w in re.findall(r"\w+", text) if len(w) > 1 or not w.isascii()]


def _telling(text: str) -> bool:
    """Whether the words hold one that not every story has ("the" and "of" do not; a lone Latin letter
    looks for nothing; "AT&T" is a name): a name or topic of only such words is refused (as /follow
    refuses it), so no reply offers it."""
    words = words_looked_for(text)
    return words is None or any(w not in COMMON for w in words)


A_TYPE = {"person": "a person", "organization": "an organisation", "place": "a place"}


def _label(actor: Actor) -> str:
    kind = kind_word(actor)
    return f"{kind}, {spelt_out(actor.role)}" if actor.role else kind


def _ask(actor: Actor, *, typed: bool, command: str = "actor") -> str:
    """The command that reaches this actor; with its type when the name alone could reach another."""
    return f"/{command} " + (qualified(actor.name, actor.type) if typed else actor.name)


@dataclass(frozen=True)
class Lookup:
    """What a name typed after ``/actor``, ``/brief`` or ``/follow`` finds: the actors it is (of the type
    asked, if one was), the one meant when the name settles it (``pick_actor``), and every actor of that
    name whatever its type (``every``: the others are still worth a mention)."""

    name: str
    type_: ActorType | None
    found: tuple[Actor, ...]
    actor: Actor | None
    every: tuple[Actor, ...] = ()
    typed: str = ""  # the name as typed, for replies when cleaning left nothing ("<script>")
    # a given name the news has called the person by alone ("Sir Keir", "Sheikh Mohammed"): a name of
    # theirs, as exact as an alias, though no alias holds it
    called: bool = False


# a name asked with a possessive ending: "Kellogg's", "McDonald’s"
_POSSESSIVE_NAME = re.compile(r"\w['’]s\s*$")


_CASHTAG = re.compile(r"\$([A-Z]{1,5}(?:\.[A-Z])?)")


def _ticker_of_cashtag(name: str) -> str:
    """ "$AAPL" (a cashtag) names the company the ticker AAPL is an alias of; any other name as it is."""
    found = _CASHTAG.fullmatch(name.strip())
    return found.group(1) if found else name


def lookup_actor(app: App, name: str, type_: ActorType | None = None) -> Lookup:
    """The actors ``name`` (a qualifier split off, see ``read_name``) names: any alias in any case, a title
    ignored, ``type_`` choosing among them; a given name no alias holds, the person it means
    (``_by_given_name``)."""
    name = _ticker_of_cashtag(name)  # "$AAPL" is the ticker AAPL, as /search reads it
    typed, whole, name = name, _as_typed(name), clean_name(name)
    # a first word that is a title may be part of the name: "Justice Department", "General Motors"
    as_typed = tuple(actor_store.find_actors(app.db, whole)) if whole != name else ()
    if as_typed:
        name = whole
    every = as_typed or (tuple(actor_store.find_actors(app.db, name)) if name else ())
    if not every and name and type_ in (None, "person"):  # "Keir", "Sir Keir": no alias, a given name
        given = _by_given_name(app, name)
        if given is not None:
            meant, namesakes, called = given
            return Lookup(name, type_, (meant,), meant, namesakes, typed, called)
        people = _by_name_word(app, name) or _in_other_order(app, name)
        if people:
            return Lookup(name, type_, people, people[0] if len(people) == 1 else None, people, typed)
    found = tuple(actor_store.find_actors(app.db, name, type_=type_)) if name and type_ else every
    titled = _holding(found, titles_of(typed)) if len(found) > 1 else ()
    titled = titled or (_called_so(app, found, titles_of(typed)) if len(found) > 1 else ())
    found = titled or found  # a title no one holds is ignored, as before
    if type_ is None and _POSSESSIVE_NAME.search(typed):
        # "Kellogg's" is how a company is called, no person's name: the envoy Keith Kellogg is offered
        # after the company's dossier, not opened for it
        found = tuple(a for a in found if a.type == "organization") or found
    return Lookup(name, type_, found, _pick_by_dated_news(app, name, found), every, typed)


def _pick_by_dated_news(app: App, name: str, found: Sequence[Actor]) -> Actor | None:
    """``pick_actor``, with each actor's recency that of its last dated article: an undated article is
    dated by the moment it was read, so one page read today would otherwise be "news a month newer" than
    ten dated articles of an established namesake (and an actor only in undated articles is newer than
    none)."""
    if len(found) <= 1:
        return pick_actor(name, found)
    if (listed := _listed_owner(name, found)) is not None:
        return listed
    dated = actor_store.last_dated(app.db, [a.id for a in found])
    picked = pick_actor(name, [replace(a, last_seen=dated.get(a.id)) for a in found])
    return next((a for a in found if picked is not None and a.id == picked.id), None)


def _listed_owner(name: str, found: Sequence[Actor]) -> Actor | None:
    """The one actor the lists (``seeds/actors.toml``) give ``name`` as another name ("Assad": Bashar
    al-Assad), unless another it fits is in ``DOMINANT`` times its articles: a curated alias says whom the
    news means by the name, more than a relative's few articles that share the surname (Hafez al-Assad in
    a history piece)."""
    asked = strip_article(fold(name))
    gaz = load_gazetteer()
    owners = [a for a in found if asked in {strip_article(fold(x)) for x in gaz.aliases_of(a.name, a.type)}]
    if len(owners) != 1:
        return None
    owner = owners[0]
    most = max(a.article_count for a in found if a.id != owner.id)
    return owner if most < DOMINANT * max(owner.article_count, 1) else None


def _by_given_name(app: App, name: str) -> tuple[Actor, tuple[Actor, ...], bool] | None:
    """The person a lone given name no alias holds means ("Keir", "Sir Keir"), with every person of that
    given name (for the dossier's "Others by that name") and whether the news has called them by it: the
    one the news has called by it alone (Keir Starmer, not Keir Giles), else the only person whose full
    name begins with it, if the word is a given name (not "Bald" of a "Bald Paul Walker" read as one
    name). Several, or none: None, and the reply suggests the close names as for any name it does not
    know."""
    people = actor_store.people_by_given_name(app.db, name)
    everyone = tuple(a for a, _ in people)
    called = [a for a, by_it in people if by_it]
    if len(called) == 1:
        return called[0], everyone, True
    if not called and len(people) == 1 and fold(name) in load_gazetteer().given_names:
        return everyone[0], everyone, False
    return None


def _by_name_word(app: App, name: str) -> tuple[Actor, ...]:
    """The people one word no alias holds names as their family name: the last word of their full names
    ("Karimo": Abdul Karimo, whose "Abdul" keeps a surname alias from being stored), or, for several
    people, the first word that no one bears alone ("Nguyen": Nguyễn Thị Thanh Hà and Nguyễn Thị Hồng, a
    family name written first). One person by the last word is the one meant; several are all offered.
    One person by the first word is left to the close names ("Bald" of a misread "Bald Paul Walker")."""
    if " " in name.strip():
        return ()
    by_last = actor_store.people_by_surname(app.db, name)
    by_first = [a for a, _ in actor_store.people_by_given_name(app.db, name)]
    people = {a.id: a for a in (*by_last, *by_first)}
    if len(people) == 1 and not by_last:
        return ()
    return tuple(sorted(people.values(), key=lambda a: (-a.article_count, a.id)))


def _in_other_order(app: App, name: str) -> tuple[Actor, ...]:
    """The people a two-word name asked in the other order names ("Shigeru Ishiba" for Ishiba Shigeru,
    as Japanese names are written in their own order, and English news writes either)."""
    words = name.split()
    if len(words) != 2:
        return ()
    return tuple(actor_store.find_actors(app.db, f"{words[1]} {words[0]}", type_="person"))


def candidates_reply(
    look: Lookup, *, command: str = "actor", extra: Sequence[Block] = (), app: App | None = None
) -> Reply:
    """The actors a name fits, each with the command that chooses it."""
    names = [fold(a.name) for a in look.found]  # the lookup ignores case: "Mangaluru", "MANGALURU"
    lines = []
    shown = look.found[:MAX_CANDIDATES]
    alike = _alike(shown)
    for a in shown:
        # the name asked, if it is this one's, would only come back here: "/actor Montenegro (country)"
        again = fold(a.name) == fold(look.name)
        ask = _ask(a, typed=names.count(fold(a.name)) > 1 or again, command=command)
        where = _outlets(app, a) if app is not None and a.id in alike else ""
        lines.append(
            item(bold(a.name), f" — {_label(a)}, {plural(a.article_count, 'article')}{where}: ", code(ask))
        )
    return Reply(message(para(f"“{look.name}” could be more than one actor. Which one?"), *lines, *extra))


def relevant_suggestions(name: str, close: Sequence[Actor]) -> list[Actor]:
    """The close names worth offering: those a good part of which is the words asked ("Korea": North
    Korea; "Kim": Kim Jong Un; not "war": Institute for the Study of War), its beginning ("Kim Jon": Kim
    Jong Un), or a small typo away (at most a third of the letters: "Zelinsky" for Zelensky, not "Borel"
    for "Korea")."""
    norm = strip_article(fold(name))
    # words every name may hold ("and", "of", "the") are no likeness: "and" is not Hamas for being in
    # "Hamas and Hezbollah"
    telling = any(w not in COMMON for w in norm.split())

    def near(other: str) -> bool:
        if f" {norm} " in f" {other} ":
            return telling and 3 * len(norm.split()) >= len(other.split())
        if " " in norm and other.startswith(norm):  # a name of several words cut short: "Kim Jon"
            return telling
        typos = edit_distance(norm, other, 3)
        return typos <= 3 and 3 * typos <= max(len(norm), len(other))

    return [a for a in close if any(near(strip_article(fold(n))) for n in (a.name, *a.aliases))]


def suggestions(app: App, name: str) -> list[Actor]:
    return relevant_suggestions(name, actor_store.similar_actors(app.db, name))


def unknown_reply(app: App, look: Lookup, *, command: str = "actor", extra: Sequence[Block] = ()) -> Reply:
    """No actor of that name (and type): the actors of other types the name is, else close names."""
    if not look.name:  # only markup or symbols ("<script>", "&"): no name to look up, so none to find
        shown = shorten(look.typed)  # empty for a lone quotation mark: then nothing is quoted back
        return Reply(
            message(
                para(
                    f"“{shown}” has no name in it" if shown else "That has no name",
                    " to look up: a name has letters or digits, e.g. ",
                    code(f"/{command} Kellogg"),
                    ".",
                ),
                *extra,
            )
        )
    if look.type_ is not None:
        other = look.every
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
    asked = _as_typed(look.typed) or look.name  # "General Motors", though "Motors" was looked up too
    # never the name just refused, which would lead back here
    close = [a for a in suggestions(app, look.name) if fold(a.name) != fold(asked)]
    if look.type_ is not None:
        close = [a for a in close if a.type == look.type_] or close
    what = {None: "no one", "person": "no one", "organization": "no organisation", "place": "no place"}[
        look.type_
    ]
    if not close:
        return Reply(message(para(f"I have {what} called “{asked}” in the news I know."), *extra))
    alike = _alike(close)
    lines = [
        item(
            code(f"/{command} {a.name}"),
            f" — {_label(a)}"
            + (f", {plural(a.article_count, 'article')}{_outlets(app, a)}" if a.id in alike else ""),
        )
        for a in close
    ]
    return Reply(message(para(f"I have {what} called “{asked}”. Did you mean:"), *lines, *extra))


def _alike(actors: Sequence[Actor]) -> set[int]:
    """The actors a list would show the same way (type and role), which the reader must tell apart by
    more: "Abdul Carimo — person, Rescue chief" and "Abdul Karimo — person, Rescue chief"."""
    labels = [_label(a) for a in actors]
    return {a.id for a, label in zip(actors, labels, strict=True) if labels.count(label) > 1}


def _outlets(app: App, actor: Actor) -> str:
    """ ", in coastalherald.co.mz, africawire.net": the outlets that name the actor most."""
    sources = actor_store.top_sources(app.db, actor.id)
    return f", in {', '.join(sources)}" if sources else ""


DOMINANT = 10  # an actor in ten times the articles of every other the name fits is the one meant
# days by which another actor the name fits is in newer news that make the reader's meaning open: the
# news a month on is other news ("Ryan": a games podcast's host in 56 articles of 2013, Paul Ryan in 2018)
NEWER_NEWS_DAYS = 30
CLEAR_LEAD = 1.5  # ahead on articles or mentions by less than half as many again is no lead


def _days_newer(a: Actor, b: Actor) -> int | None:
    """By how many days the news last named ``a`` after it last named ``b`` ("more recent" is a matter of
    days, not of the seconds between two articles of one ingest); None where either has no date, which
    makes neither the newer (``lookup_actor`` leaves undated articles out of ``last_seen``)."""
    if a.last_seen is None or b.last_seen is None:
        return None
    return (a.last_seen.date() - b.last_seen.date()).days


def _much_newer(a: Actor, b: Actor) -> bool:
    """Whether the news last named ``a`` ``NEWER_NEWS_DAYS`` or more after it last named ``b``."""
    days = _days_newer(a, b)
    return days is not None and days >= NEWER_NEWS_DAYS


def _clearly_more(x: int, y: int) -> bool:
    return x > y and x >= CLEAR_LEAD * y


def _leads(a: Actor, b: Actor) -> bool:
    """Whether the news is plainly more about ``a`` than ``b``: ``a`` is behind on nothing (articles,
    mentions, the day last named) and ahead on two of the three, on articles and mentions by half as many
    again (``CLEAR_LEAD``: 5 articles to 4 and 12 mentions to 11 are close, and a guess). Ahead on
    mentions alone proves nothing (a company and a councillor of one article: whoever the article names
    more); in more articles but older news, or newer news in fewer articles, the reader may mean either."""
    days = _days_newer(a, b) or 0
    behind = a.article_count < b.article_count or a.mention_count < b.mention_count or days < 0
    ahead = [
        _clearly_more(a.article_count, b.article_count),
        _clearly_more(a.mention_count, b.mention_count),
        days > 0,
    ]
    return not behind and sum(ahead) >= 2


def _newer_rival(actor: Actor, found: Sequence[Actor]) -> bool:
    """Whether another actor the name fits is in as many articles or more and in newer news, or in much
    newer news (``_much_newer``) however few its articles: then the name being ``actor``'s very own
    settles nothing ("Kellogg", a business school in a 2017 video blurb; Keith Kellogg, in today's news)."""
    return any(
        o.id != actor.id
        and (
            (o.article_count >= actor.article_count and (_days_newer(o, actor) or 0) > 0)
            or _much_newer(o, actor)
        )
        for o in found
    )


def pick_actor(name: str, found: Sequence[Actor]) -> Actor | None:
    """The one actor meant, if the name settles it: a single match; one the archive mentions far more
    than the others ("Kellogg": the envoy in 18,000 articles, not a company in 300), unless another is in
    much newer news (``_much_newer``: "Ryan", a podcast's host in 56 articles of 2013 and Paul Ryan in 3
    of 2018); one the news is plainly more about than every other (``_leads``: as a reader of the news
    would mean it); or a single exact canonical name that no other actor rivals (``_newer_rival``).
    Otherwise None: the candidates are close, or one is far more recent, and the reply offers them rather
    than guess. Recency is each actor's ``last_seen`` (``lookup_actor``: of its dated articles only), and
    an actor without one is neither newer nor older than another. A name that is only another name of the
    one chosen, where an actor of another kind in news as new is called exactly that ("Montenegro": the
    country, and the prime minister Luís Montenegro by his surname), settles nothing either: both are
    offered; nor does a name a family shares, a patronymic alone or a Gulf house ("bin Zayed", "Al Thani":
    ``briefing.aliases.shared_name``) that fits several."""
    if len(found) > 1 and shared_name(strip_article(fold(name)), [fold(a.name) for a in found]):
        return None  # "bin Zayed", "Al Thani": the name of a family, however much more the news says of one
    picked = _pick(name, found)
    if picked is not None and _named_so_otherwise(name, picked, found):
        return None
    return picked


def _named_so_otherwise(name: str, picked: Actor, found: Sequence[Actor]) -> bool:
    """Is ``name`` not the picked actor's own name but exactly that of another of another kind (as
    written, case aside: "Kellogg" is not the name of "Kellogg's"), named in news no older than the
    picked one's? A name of its own only in older news is passed over, as the news reader would ("Kellogg":
    a school in an old blurb, the envoy today)."""
    asked = name.strip().casefold()
    if picked.name.casefold() == asked:
        return False
    return any(
        a.type != picked.type and a.name.casefold() == asked and (_days_newer(picked, a) or 0) <= 0
        for a in found
    )


def _pick(name: str, found: Sequence[Actor]) -> Actor | None:
    if len(found) <= 1:
        return found[0] if found else None
    first, second = sorted(found, key=lambda a: -a.article_count)[:2]
    fresher = any(_much_newer(o, first) for o in found if o.id != first.id)
    if first.article_count >= DOMINANT * max(second.article_count, 1) and not fresher:
        return first
    leader = [a for a in found if all(_leads(a, o) for o in found if o.id != a.id)]
    if leader:
        return leader[0]
    exact = [a for a in found if a.name.casefold() == name.casefold()]
    return exact[0] if len(exact) == 1 and not _newer_rival(exact[0], found) else None


def others_line(actor: Actor, found: Sequence[Actor], *, command: str = "actor") -> Block | None:
    """A line naming the other actors the name fits, so the reader can still reach them (``/actor`` and
    ``/follow`` both end with it, each with its own command)."""
    others = [a for a in found if a.id != actor.id][: MAX_CANDIDATES - 1]
    if not others:
        return None
    spans: list[Span | str] = ["Others by that name: "]
    for k, a in enumerate(others):
        ask = _ask(a, typed=True, command=command)  # the name alone could land on the same actor again
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
    others = others_line(actor, also)
    if others is not None:
        document = Document(document.header, document.sections, (*document.footer, others))
    days = actor_store.mentions_per_day(app.db, actor.id)
    chart = partial(mentions_chart, days, title=actor.name)  # drawn by the adapter, after the text is sent
    # a bar of 9 beside "In 1 article" reads as nine articles: the caption says what it counts
    counted = f"{plural(sum(n for _, n in days), 'mention')} in {plural(actor.article_count, 'article')}"
    caption = f"{actor.name}: mentions per day ({counted})"
    return Reply(document, photo=chart, photo_caption=caption, paged=True)


def _compared(name: str) -> str:
    """A name as ``exact_name`` compares it: "Soeder" is Söder as English copy writes him; any apostrophe
    will do ("O'Brien" is OʼBrien, written with the one that counts as a letter); an Arabic given name in
    one spelling; "George H. W. Bush" is "George H.W. Bush" as written."""
    return joined_initials(spelt_one_way(fold(umlauts_written(fold_apostrophes(name)))))


def exact_name(name: str, actor: Actor) -> bool:
    """Whether ``name`` is one of the actor's names as written (a person's surname counts; an Arabic given
    name in any of its spellings, "Muhammad" for "Mohammed"), rather than a spelling the lookup only
    came close to."""
    norm = _compared(name)
    names = {_compared(a) for a in (actor.name, *actor.aliases)}
    if actor.type == "organization":  # "Nvidia" is as exact as "Nvidia Corp."
        names |= {without_legal_form(n) for n in names}
    if actor.type == "person":
        # "Al Nahyan" is the house a prince's full name ends with, as exact a name of his as his surname
        names |= {house for n in names if (house := dynasty(n))}
        names |= {without_dynasty(n) for n in names}  # "Mohammed bin Zayed" is MBZ without his dynasty
        names |= {n.rsplit(" ", 1)[-1] for n in names}
    # a leading "the" never matters: "the US" is as exact as "US", "Hague" as "The Hague"
    return strip_article(norm) in {strip_article(n) for n in names}


@command("actor", "/actor NAME", "who someone is and what the news says about them")
async def actor_command(app: App, args: str, asker: Asker) -> Reply:
    """Answer /actor NAME with a dossier, the candidates, or close names."""
    asked = read_name(args, command="actor", topic=False)
    if isinstance(asked, Reply):
        return asked
    if not asked.name:
        return _usage()
    resolved = resolve_actor(app, asked.name, actor_type(asked.kind), command="actor")
    if isinstance(resolved, Reply):
        return resolved
    actor, look, close = resolved
    return dossier_reply(app, actor, asked=close, also=look.every)


def resolve_actor(
    app: App, name: str, type_: ActorType | None, *, command: str
) -> tuple[Actor, Lookup, str | None] | Reply:
    """The one actor a name (of that type) settles on, as /actor finds it, with the lookup and the name
    asked when it only came close ("Kelog"); or the reply: too long, no such actor, or the candidates."""
    if len(name) > MAX_NAME_CHARS:
        return Reply(message(f"That is {len(name):,} characters; a name is at most {MAX_NAME_CHARS}."))
    look = lookup_actor(app, name, type_)
    if not look.found:
        return unknown_reply(app, look, command=command)
    if look.actor is None:
        return candidates_reply(look, command=command, app=app)
    if look.actor.type == "person" and _POSSESSIVE_NAME.search(look.typed):
        return look.actor, look, look.typed.strip()  # "Kellogg's" is no person's name: only the closest
    return look.actor, look, None if look.called or exact_name(look.name, look.actor) else look.name


# ---- bot.py actors FILE... ----------------------------------------------------------------------------


# Markup of a saved web page: comments, scripts and styles with what they hold, then any tag
_MARKUP = re.compile(
    # an opener never closed runs to the end once, instead of being looked for again from every opener
    r"<!--.*?(?:-->|\Z)|<(script|style|noscript|template)\b.*?(?:</\1\s*>|\Z)|<![^>]*(?:>|\Z)|</?[A-Za-z][^>]*(?:>|\Z)",
    re.S | re.I,
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


# the kinds of line the ingest never keeps in an article's text (``briefing.dumps``)
_NEVER_KEPT = (LineKind.DROP, LineKind.CREDIT)


def blank_furniture(text: str) -> str:
    """The text with its page furniture blanked out, every other character where it was: a line that the
    ingest drops as furniture when alone (a share bar's "Share this: Facebook Twitter Email Print", "Skip
    to main content", "Advertisement", :func:`briefing.furniture.classify`) or a photo credit ("© Vladimir
    Smirnov/POOL/TASS/dpa/picture alliance") names no actor of the article, though its words are names
    ("Facebook", "TASS"); so does a line the ingest drops beside its neighbours
    (:func:`briefing.dumps.dropped_lines`: "Photograph: Jane Doe/Reuters" over a credit line)."""
    lines = text.split("\n")
    dropped = dropped_lines(text)
    for k, line in enumerate(lines):
        body = line.rstrip("\r")
        if body.strip() and (classify(body).kind in _NEVER_KEPT or " ".join(body.split()) in dropped):
            lines[k] = " " * len(body) + line[len(body) :]
    return "\n".join(lines)


def found_as_written(text: str, *, page: bool = False) -> list[tuple[str, str, list[tuple[int, int]]]]:
    """The actors of a file's text as (name, type, mention spans), the spans offsets into ``text``:
    the extractor reads the text with character references (a ``page``) and combining marks composed,
    so "Fran&ccedil;ois" and a decomposed "Zürich" are whole names. The actors are those the ingest
    would store for the text (``settled``: one per name, a country once, as a place), not each mention's
    own reading."""
    seen = readable(text, references=page)
    return [
        (a.name, a.type, [seen.written_span(m.start, m.end) for m in a.mentions])
        for a in settled(extract_actors(seen.text), load_gazetteer())
    ]


def actors_json(path: str, text: str, *, page: bool = False) -> str:
    """One JSON line: ``{"file", "actors": [{"name", "type", "mentions": [{"start", "end"}]}]}``."""
    actors = [
        {"name": name, "type": kind, "mentions": [{"start": start, "end": end} for start, end in spans]}
        for name, kind, spans in found_as_written(text, page=page)
    ]
    return json.dumps({"file": path, "actors": actors}, ensure_ascii=False)


def actors_table(path: str, text: str, *, page: bool = False) -> str:
    """A readable table of the actors in one text."""
    found = found_as_written(text, page=page)
    lines = [f"{path}: {plural(len(found), 'actor')}"]
    width = max((len(name) for name, _, _ in found), default=4)
    for name, kind, spans in found:
        shown = ", ".join(f"{start}-{end}" for start, end in spans[:8])
        more = f" (+{len(spans) - 8} more)" if len(spans) > 8 else ""
        lines.append(f"  {kind:12} {name:{width}}  {len(spans):3}×  {shown}{more}")
    return "\n".join(lines)


def actors_files(paths: Sequence[str], *, jsonl: bool, out: TextIO, err: TextIO) -> int:
    """``bot.py actors``: every file's actors; a file that cannot be read is reported and skipped."""
    failed = 0
    for name in paths:
        try:
            read = read_file_text(Path(name), exact=True)
            text, page = read.text, read.page
            if page:
                text = blank_markup(text)
            text = blank_furniture(text)
        except SourceError as exc:
            print(f"bot.py actors: {name}: {exc}", file=err)
            failed += 1
            continue
        shown = actors_json(name, text, page=page) if jsonl else actors_table(name, text, page=page)
        print(shown, file=out, flush=True)
    return 1 if failed else 0
