"""Actors of the archive: storing an article's actors and mentions, merging them by alias, and lookups.

Merging (``add_article_actors``): an extracted actor joins the archive actor with the same key
(``person:keith kellogg``, see ``briefing.aliases.actor_key``); else, of the same type, the one an alias
names (a spelling variant's skeleton, "Zelenskyy" for "Zelensky"); a surname alone joins the person with that
surname who clearly dominates the archive (a titled one spelt another way, "General Syrskii", the one
person known by a surname so spelt), and a full name absorbs an actor so far known only by its
surname or a later part of it ("Lula da Silva" of Luiz Inácio Lula da Silva). A person an outlet names
with the same surname and a given name spelt longer or shorter ("Hernan Quispe", "Hernando Quispe") is
the person that outlet named before, and an Arabic name spelt another way ("Asaad al-Shaibani", "Asaad
Hassan al-Shibani") the person of that name. Different types never
merge, so Kellogg the envoy and Kellogg's the company stay apart; only a lone word whose type the
extractor guessed joins whoever the archive knows by that word, and a lone word guessed a place by the
words around it ("in Kendal") joins no person ("Fiona Kendal").

Lookups are alias-aware (``find_actors``) and typo-tolerant (``similar_actors``: trigrams, then edit
distance). Dossier reads go through ``article_actors`` and the running totals ``actor_sources`` and
``actor_days`` (migration 0003), so their cost follows what a reply shows, not the size of the archive.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from briefing.aliases import (
    PARTICLES,
    PATRONYMICS,
    TRANSLITERATED,
    actor_key,
    alias_pairs,
    edit_distance,
    family_first,
    fold,
    full_given,
    joined_initials,
    name_tails,
    shared_name,
    skeleton,
    spelt_alike,
    strip_article,
    transliterated_alike,
    transliteration_key,
    trigrams,
    without_dynasty,
    without_legal_form,
)
from briefing.gazetteer import load_gazetteer
from briefing.given_names import spelt_one_way
from briefing.letters import INNER_APOSTROPHE, LETTER_APOSTROPHES, fold_apostrophes, umlauts_written
from briefing.mentions import ActorRecord, ArticleLink, CoMention, Quote
from briefing.models import Actor, ActorType, Article, ExtractedActor, Sentence, dating_of
from briefing.role_choice import kept_role
from store.articles import article_from_row, current
from store.db import Database, from_iso, newest_not_keyed, to_iso, transaction

DOMINANT = 2  # a surname joins the most-mentioned person with it only if they lead the next by this factor
VARIANT_LETTERS = 5  # a titled surname spelt another way joins a person only if this long ("Web" is no Webb)


def _actor(db: Database, row: dict[str, Any]) -> Actor:
    aliases = {r[0] for r in db.execute("SELECT alias FROM actor_aliases WHERE actor_id = ?", [row["id"]])}
    return Actor(
        id=row["id"],
        name=row["name"],
        type=row["type"],
        aliases=frozenset(a for a in aliases if fold(a) != fold(row["name"])),
        role=row["role"],
        article_count=row["article_count"],
        first_seen=from_iso(row["first_seen"]),
        last_seen=from_iso(row["last_seen"]),
        mention_count=row["mention_count"],
    )


def get_actor(db: Database, actor_id: int) -> Actor | None:
    rows = list(db.query("SELECT * FROM actors WHERE id = ?", [actor_id]))
    return _actor(db, rows[0]) if rows else None


def _actors(db: Database, ids: Sequence[int]) -> dict[int, Actor]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return {
        r["id"]: _actor(db, r) for r in db.query(f"SELECT * FROM actors WHERE id IN ({marks})", list(ids))
    }


def count_actors(db: Database) -> int:
    return db.execute("SELECT count(*) FROM actors").fetchone()[0]


# ---- writing -----------------------------------------------------------------------------------------


def _by_alias(db: Database, norms: Sequence[str], type_: ActorType | None) -> list[tuple[int, int]]:
    """(actor id, article count) of the actors (of ``type_``, if given) an alias norm names, most mentioned
    first."""
    marks = ",".join("?" * len(norms))
    typed = " AND a.type = ?" if type_ else ""
    return db.execute(
        f"SELECT DISTINCT a.id, a.article_count FROM actor_aliases al JOIN actors a ON a.id = al.actor_id"
        f" WHERE al.norm IN ({marks}){typed} ORDER BY a.article_count DESC, a.id LIMIT 5",
        [*norms, *([type_] if type_ else [])],
    ).fetchall()


def _resolve(db: Database, actor: ExtractedActor, source: str) -> int | None:
    """The archive actor an extracted actor is, if any (see the module docstring)."""
    key = actor_key(actor.name, actor.type)
    # "Gerhard Schröder" is the Gerhard Schroeder of an article that wrote the umlaut without the key
    written = actor_key(umlauts_written(actor.name), actor.type)
    row = db.execute(
        "SELECT id FROM actors WHERE key IN (?, ?) ORDER BY key != ?", [key, written, key]
    ).fetchone()
    norm = strip_article(fold(actor.name))
    if row and actor.guessed:
        # "Starmer" guessed an organisation once is no firm of that name: a later guess joins Keir Starmer
        # once the archive clearly knows him by it, and the guess only while no one leads
        hit = _lone_word(db, norm, None, source, to_people=actor.type != "place")
        return hit if hit is not None else row[0]
    if row:
        return row[0]
    words = norm.split()
    other = _typed_otherwise(db, actor, norm, source)
    if other is not None:
        return other
    if actor.guessed:  # a lone word the text did not type: join whoever the archive knows by it
        # but a word read as a place by the words around it ("the market in Kendal") is no person's
        # surname ("councillor Fiona Kendal"): it may still be the company a town's name is ("Nordhavn")
        hit = _lone_word(db, norm, None, source, to_people=actor.type != "place")
        if hit is not None:
            return hit
    if actor.type != "person":
        # "Volkswagen AG" is the company another article called "Volkswagen" (its own name first)
        hits = _by_alias(db, [norm], actor.type) or _by_alias(db, [without_legal_form(norm)], actor.type)
        return hits[0][0] if hits else None
    if len(words) > 1:
        # "Faisal bin Farhan Al Saud" is the Faisal bin Farhan another article named without his dynasty
        hits = _by_alias(db, [norm, skeleton(norm), full_given(norm), without_dynasty(norm)], "person")
        if hits and _particles_alone(words) and len(hits) > 1 and hits[0][1] < DOMINANT * max(hits[1][1], 1):
            return None  # "Le Pen" of Marine and of Jean-Marie Le Pen: a surname alone, neither leads
        if hits and not _shared_by_many(db, norm, [i for i, _ in hits]):
            return hits[0][0]
        if hits:
            return None
        # "Wolodymyr Selenskyj" of German copy is the Volodymyr Zelensky the archive knows, if he is the one
        spelt = transliteration_key(norm)
        hits = _by_alias(db, [spelt], "person") if spelt else []
        if len(hits) == 1:
            return hits[0][0]
        return _known_by_part(db, actor.name, key, source)
    found = _lone_word(db, norm, "person", source, titled=actor.role is not None)
    return found if found is not None else _called_by_given_name(db, norm)


def _shared_by_many(db: Database, norm: str, ids: Sequence[int]) -> bool:
    """Does a name many people share (``briefing.aliases.shared_name``) fail to say which of ``ids`` it
    is? "bin Zayed" is Mohamed or Abdullah, so an article that names only it joins neither; the one bin
    Salman the archive knows is the one meant. A house ("Al Saud") is never one prince."""
    if not shared_name(norm, _folded_names(db, ids)):
        return False
    return len(ids) > 1 or norm.split()[0] not in PATRONYMICS


def _folded_names(db: Database, ids: Sequence[int]) -> Iterator[str]:
    """The actors' folded names, read from the store only when first asked for: ``shared_name`` asks for
    them only of a name that could be a house ("al thani"), where nearly every name it is given is
    none, so a person's resolution costs no extra query."""
    yield from (fold(a.name) for a in _actors(db, ids).values())


def _particles_alone(words: Sequence[str]) -> bool:
    """Is a name of several words a surname with particles alone ("le pen", "de niro", "van der berg")?
    It names whoever the archive knows by it as a lone surname does: the one who clearly leads."""
    return all(w in PARTICLES for w in words[:-1]) and words[-1] not in PARTICLES


def _called_by_given_name(db: Database, norm: str) -> int | None:
    """The person a lone given name names ("Sir Keir" of a text that never writes his surname): the one
    the archive's news has called by that word alone, if they clearly lead every other person of that
    given name, so called or not; a given name no article used alone for anyone ("Ryan") names no one.
    One article's "Sheikh Mohammed" of the Saudi crown prince makes no later "Sheikh Mohammed" his while
    the archive knows a Dubai ruler Mohammed bin Rashid as well."""
    if norm not in load_gazetteer().given_names:
        return None
    people = people_by_given_name(db, norm)
    called = [(a.id, a.article_count) for a, alone in people if alone]
    if not called:
        return None
    leader, articles = called[0]
    others = [a.article_count for a, _ in people if a.id != leader]
    return leader if not others or articles >= DOMINANT * max(max(others), 1) else None


def _lone_word(
    db: Database,
    norm: str,
    type_: ActorType | None,
    source: str,
    *,
    titled: bool = False,
    to_people: bool = True,
) -> int | None:
    """The actor a lone word names: the one the archive knows by it, if it clearly dominates the others.

    A careful editor does not take a lone word for someone another outlet named in full where this
    outlet never did: not a common given name ("Ryan" of a podcast's host is no Paul Ryan), not a word
    merely spelt like the surname ("Web" is no Dan Webb). A word whose type the text left to a guess
    (``type_`` None) may join an actor of any type ("met Kellogg in Kyiv" is the envoy), or any but a
    person (``to_people`` False)."""
    given = norm in load_gazetteer().given_names
    typed = " AND a.type = ?" if type_ else ("" if to_people else " AND a.type != 'person'")
    rows = db.execute(
        "SELECT a.id, a.article_count, a.type, al.alias FROM actor_aliases al"
        f" JOIN actors a ON a.id = al.actor_id WHERE al.norm IN (?, ?){typed}"
        " ORDER BY a.article_count DESC, a.id LIMIT 40",
        [norm, skeleton(norm), *([type_] if type_ else [])],
    ).fetchall()
    found: dict[int, tuple[int, bool]] = {}  # id -> (articles, named by the very word, not its skeleton)
    people: set[int] = set()
    for actor_id, articles, kind, alias in rows:
        same = strip_article(fold(alias)) == norm
        found[actor_id] = (articles, same or found.get(actor_id, (0, False))[1])
        if kind == "person":
            people.add(actor_id)
    hits = sorted(
        (
            (actor_id, articles)
            for actor_id, (articles, same) in found.items()
            if (same and not (given and actor_id in people)) or _in_source(db, actor_id, source)
        ),
        key=lambda h: (-h[1], h[0]),
    )
    if len(hits) == 1 or (hits and hits[0][1] >= DOMINANT * max(hits[1][1], 1)):
        return hits[0][0]
    if not hits and titled and len(people) == 1 and len(norm) >= VARIANT_LETTERS and not given:
        return next(iter(people))  # "General Syrskii": the one Syrskyi the archive knows
    return None


def _typed_otherwise(db: Database, actor: ExtractedActor, norm: str, source: str) -> int | None:
    """The actor the archive already knows by this very name under another type: one outlet's podcast
    ("Giant Bombcast") read as a place in one episode and an organisation in the next is one actor, and so
    is a full name two outlets read two ways ("Aziz Ansari"; the type is then the one most articles give,
    ``_vote``). Only for names no list knows; a lone word only where the same outlet wrote it, and not one
    that one of the two reads as a person ("Ford" the premier, "Ford" the company)."""
    gaz = load_gazetteer()
    words = norm.split()
    if norm in gaz.known or gaz.place(norm) or norm in gaz.countries or norm in gaz.demonyms:
        return None
    types: list[ActorType] = [t for t in ("person", "organization", "place") if t != actor.type]
    if len(words) == 1:
        if actor.type == "person":
            return None
        types.remove("person")
    keys = [actor_key(actor.name, t) for t in types]
    rows = db.execute(
        f"SELECT id FROM actors WHERE key IN ({','.join('?' * len(keys))}) ORDER BY article_count DESC, id",
        keys,
    ).fetchall()
    # a full name spelt the same is the same actor wherever it is written; a lone word is too short to say
    return next((int(i) for (i,) in rows if len(words) > 1 or _in_source(db, i, source)), None)


def _vote(db: Database, actor_id: int, article_id: int, actors: Sequence[ExtractedActor]) -> None:
    """Count the type this article gives the actor (a type the extractor only guessed gives none), and
    make the actor's type the one most of its articles give: a tie keeps the type it has, except that a
    name beginning with a given name is a person ("Maria Ansari" read once as a body, once as a person)."""
    typed = [a for a in actors if not a.guessed]
    if not typed:
        return
    type_ = max(typed, key=lambda a: len(a.mentions)).type
    db.execute(  # the article's vote, to take off with it when its actors are read again
        "UPDATE article_actors SET type = ? WHERE actor_id = ? AND article_id = ?",
        [type_, actor_id, article_id],
    )
    db.execute(
        "INSERT INTO actor_types (actor_id, type, articles) VALUES (?, ?, 1)"
        " ON CONFLICT (actor_id, type) DO UPDATE SET articles = articles + 1",
        [actor_id, type_],
    )
    name, current = db.execute("SELECT name, type FROM actors WHERE id = ?", [actor_id]).fetchone()
    counts = dict(db.execute("SELECT type, articles FROM actor_types WHERE actor_id = ?", [actor_id]))
    best = max(counts, key=lambda t: (counts[t], t == current))
    words = strip_article(fold(name)).split()
    if (
        counts.get("person", 0) == counts[best]
        and len(words) > 1
        and words[0] in load_gazetteer().given_names
    ):
        best = "person"
    if best == current:
        return
    key = actor_key(name, best)
    if db.execute("SELECT 1 FROM actors WHERE key = ?", [key]).fetchone() is None:
        db.execute("UPDATE actors SET type = ?, key = ? WHERE id = ?", [best, key, actor_id])


def _in_source(db: Database, actor_id: int, source: str) -> bool:
    """Has this outlet named the actor before (in any article)?"""
    found = db.execute(
        "SELECT 1 FROM actor_sources WHERE actor_id = ? AND source = ?", [actor_id, source]
    ).fetchone()
    return found is not None


def _known_by_part(db: Database, name: str, key: str, source: str) -> int | None:
    """The person the archive knows so far only by a later part of this full name ("Lula da Silva") or by
    its surname ("Kellogg"; not "Un" of Kim Jong Un), renamed with the full name: it was this person. A
    surname that is also a common given name ("Ryan") was this person only where the same outlet wrote it
    (another outlet's lone "Ryan" is its own Ryan, not Paul Ryan)."""
    given = load_gazetteer().given_names
    words = [fold(w) for w in name.split()]
    shorter = [fold(tail) for tail in name_tails(name, given)]
    if not family_first(words):
        shorter.append(words[-1])
    for short in shorter:
        lone = db.execute("SELECT id FROM actors WHERE key = ?", [f"person:{skeleton(short)}"]).fetchone()
        if lone and (short not in given or _in_source(db, lone[0], source)):
            db.execute("UPDATE actors SET name = ?, key = ? WHERE id = ?", [name, key, lone[0]])
            return lone[0]
    return None


def _spelling_variant(db: Database, actor: ExtractedActor, source: str) -> int | None:
    """The person an outlet already named with the same surname and a given name spelt longer or shorter
    ("Hernando Quispe", then "Hernan Quispe"; ``briefing.aliases.spelt_alike``): the same outlet writing
    about the same people is the evidence, so other outlets' Paul and Paula Ryans stay apart."""
    words = skeleton(strip_article(fold(actor.name))).split() if actor.type == "person" else []
    if len(words) != 2:
        return None
    rows = db.execute(
        "SELECT DISTINCT a.id, a.name FROM actor_aliases al JOIN actors a ON a.id = al.actor_id"
        " JOIN actor_sources s ON s.actor_id = a.id"
        " WHERE al.norm = ? AND a.type = 'person' AND s.source = ? ORDER BY a.article_count DESC, a.id",
        [words[1], source],
    ).fetchall()
    for actor_id, name in rows:
        other = skeleton(strip_article(fold(name))).split()
        if len(other) == 2 and spelt_alike((other[0], other[1]), (words[0], words[1])):
            return int(actor_id)
    return None


_WITH_ARTICLE = (
    " AND (" + " OR ".join(f"al.alias LIKE '{p}'" for p in ("%al-%", "%el-%", "% al %", "% el %")) + ")"
)


def _transliteration(db: Database, actor: ExtractedActor) -> int | None:
    """The person the archive knows under another spelling of this Arabic name ("Asaad al-Shaibani", then
    "Asaad Hassan al-Shibani"; ``briefing.aliases.transliterated_alike``): the same given name and an al-
    surname one vowel apart are the evidence. Only aliases that begin with the given name's skeleton are
    read (an index range, not a scan), and for a name without the article al-/el- only those with it."""
    norm = strip_article(fold(actor.name))
    words = norm.split()
    if actor.type != "person" or len(words) < 2 or len(words[0]) < 3:
        return None
    given = skeleton(words[0])
    # a name without the article needs another with it (a coarse test first, in SQL; then the exact one)
    arabic = "" if {"al", "el"} & set(words[1:]) else _WITH_ARTICLE
    rows = db.execute(
        "SELECT a.id, al.alias FROM actor_aliases al JOIN actors a ON a.id = al.actor_id"
        f" WHERE al.norm >= ? AND al.norm < ?{arabic} AND a.type = 'person'"
        " ORDER BY a.article_count DESC, a.id",
        [f"{given} ", f"{given}!"],
    ).fetchall()
    return next((int(i) for i, alias in rows if transliterated_alike(strip_article(fold(alias)), norm)), None)


def _create(db: Database, actor: ExtractedActor) -> int:
    cursor = db.execute(
        "INSERT INTO actors (name, type, key, article_count, mention_count) VALUES (?, ?, ?, 0, 0)",
        [actor.name, actor.type, actor_key(actor.name, actor.type)],
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def _add_aliases(db: Database, actor_id: int, actor: ExtractedActor) -> None:
    pairs = alias_pairs(actor.name, actor.type, actor.aliases, load_gazetteer().given_names)
    db.conn.executemany(
        "INSERT OR IGNORE INTO actor_aliases (actor_id, alias, norm) VALUES (?, ?, ?)",
        # sorted: the first spelling of a folded name stored is the one shown ("U.S." or "US"), the same
        # in every run (a set's order changes with the interpreter's hash seed)
        [(actor_id, alias, norm) for alias, norm in sorted(pairs)],
    )
    db.conn.executemany(
        "INSERT OR IGNORE INTO alias_trigrams (trigram, norm) VALUES (?, ?)",
        # a transliteration key is for finding a name, not for suggesting one
        [
            (t, norm)
            for norm in {n for _, n in pairs if not n.startswith(TRANSLITERATED)}
            for t in trigrams(norm)
        ],
    )


def _count(db: Database, actor_id: int, mentions: int, when: str, role: str | None) -> None:
    """Count one more article, and keep the role that says most (``briefing.role_choice.kept_role``: a
    vaguer "envoy" never replaces "special envoy for Ukraine and Russia"; a new office in a newer article
    does)."""
    stored, last_seen = db.execute("SELECT role, last_seen FROM actors WHERE id = ?", [actor_id]).fetchone()
    kept = kept_role(stored, role, newer=last_seen is None or when >= last_seen)
    db.execute(
        "UPDATE actors SET article_count = article_count + 1, mention_count = mention_count + ?,"
        " first_seen = min(coalesce(first_seen, ?), ?), role = ?,"
        " last_seen = max(coalesce(last_seen, ?), ?) WHERE id = ?",
        [mentions, when, when, kept, when, when, actor_id],
    )


@dataclass(frozen=True)
class Held:
    """Where an article mentions an actor a chat follows, as stored before its actors are read again: an
    actor read again at that place stays that actor (:func:`store_actors_again`)."""

    actor_id: int
    type: ActorType
    start: int
    end: int


def add_article_actors(
    db: Database,
    article: Article,
    extracted: Sequence[ExtractedActor],
    sentences: Sequence[Sentence],
    *,
    key: str | None = None,
    held: Sequence[Held] = (),
) -> list[int]:
    """Store an article's actors and their mentions, merged into the archive; return the actor ids.

    ``sentences`` are the article body's sentences (mentions point into them by index); ``key`` is
    recorded as the rules that read them (``articles.actors_key``). An article whose actors are stored
    already is left as it is. An extracted actor mentioned where a ``held`` (followed) actor was is that
    actor, whatever the rules now call it.
    """
    with transaction(db):
        done = db.execute("SELECT actor_id FROM article_actors WHERE article_id = ?", [article.id]).fetchall()
        if done:
            return [r[0] for r in done]
        grouped: dict[int, list[ExtractedActor]] = defaultdict(list)
        for actor in extracted:
            if actor.mentions:
                actor_id = (
                    _held(actor, held)
                    or _resolve(db, actor, article.source)
                    or _spelling_variant(db, actor, article.source)
                    or _transliteration(db, actor)
                    or _create(db, actor)
                )
                grouped[actor_id].append(actor)
                _add_aliases(db, actor_id, actor)
        for actor_id, actors in grouped.items():
            _add_mentions(db, article, actor_id, actors, sentences)
            _vote(db, actor_id, article.id, actors)
        if key is not None:
            db.execute("UPDATE articles SET actors_key = ? WHERE id = ?", [key, article.id])
        return list(grouped)


def _held(actor: ExtractedActor, held: Sequence[Held]) -> int | None:
    """The followed actor stored where this one is mentioned (a span of the body in common), of its type
    (any, for a type the extractor guessed)."""
    for h in held:
        if (actor.guessed or h.type == actor.type) and any(
            m.start < h.end and h.start < m.end for m in actor.mentions
        ):
            return h.actor_id
    return None


def _add_mentions(
    db: Database, article: Article, actor_id: int, actors: list[ExtractedActor], sentences: Sequence[Sentence]
) -> None:
    """One actor's mentions in one article, and the counts and totals they change."""
    when = to_iso(article.when)
    assert when is not None
    rows = [
        (
            actor_id,
            article.id,
            m.sentence_index,
            *_span(sentences, m.sentence_index),
            m.start,
            m.end,
            m.surface,
        )
        for a in actors
        for m in a.mentions
    ]
    db.conn.executemany(
        "INSERT INTO mentions (actor_id, article_id, sentence_index, sentence_start, sentence_end,"
        " start, end, surface) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    db.execute(
        "INSERT INTO article_actors (actor_id, article_id, dated_at, mentions) VALUES (?, ?, ?, ?)",
        [actor_id, article.id, when, len(rows)],
    )
    role = next((a.role for a in actors if a.role), None)
    _count(db, actor_id, len(rows), when, role)
    _totals(db, actor_id, article.source, when[:10], len(rows))


def _totals(db: Database, actor_id: int, source: str, day: str, mentions: int) -> None:
    db.execute(
        "INSERT INTO actor_sources (actor_id, source, articles) VALUES (?, ?, 1)"
        " ON CONFLICT (actor_id, source) DO UPDATE SET articles = articles + 1",
        [actor_id, source],
    )
    db.execute(
        "INSERT INTO actor_days (actor_id, day, mentions) VALUES (?, ?, ?)"
        " ON CONFLICT (actor_id, day) DO UPDATE SET mentions = mentions + excluded.mentions",
        [actor_id, day, mentions],
    )


def _span(sentences: Sequence[Sentence], index: int) -> tuple[int, int]:
    if 0 <= index < len(sentences):
        return sentences[index].start, sentences[index].end
    return 0, 0


# ---- reading an article's actors again ----------------------------------------------------------------


@dataclass(frozen=True)
class StaleActors:
    """An article whose actors were stored under other rules than the current ones (``actors_key``)."""

    article: Article
    actors_key: str | None


def stale_actor_articles(db: Database, key: str, *, limit: int) -> list[StaleActors]:
    """Up to ``limit`` articles whose actors were not stored under ``key``, newest first (what a dossier
    shows first): each stale key's newest through ``articles_actors_key``, then merged."""
    ids = newest_not_keyed(db, "actors_key", key, limit=limit)
    read: list[StaleActors] = []
    for article_id in ids:
        rows = list(db.query("SELECT * FROM articles WHERE id = ?", [article_id]))
        if rows:
            read.append(StaleActors(article_from_row(rows[0]), rows[0]["actors_key"]))
    return read


def count_stale_actors(db: Database, key: str) -> int:
    """How many articles' actors were not stored under ``key``."""
    row = db.execute(
        "SELECT count(*) FROM articles INDEXED BY articles_actors_key WHERE actors_key IS NOT ?", [key]
    ).fetchone()
    return int(row[0])


def _followed_mentions(db: Database, article_id: int) -> list[Held]:
    """Where the article mentions actors a chat follows, as stored."""
    rows = db.execute(
        "SELECT m.actor_id, a.type, m.start, m.end FROM article_actors aa"
        " JOIN actors a ON a.id = aa.actor_id"
        " JOIN mentions m ON m.actor_id = aa.actor_id AND m.article_id = aa.article_id"
        " WHERE aa.article_id = ? AND EXISTS (SELECT 1 FROM follows f WHERE f.actor_id = aa.actor_id)"
        " ORDER BY m.start, m.actor_id",
        [article_id],
    ).fetchall()
    return [Held(*row) for row in rows]


def _remove_article_actors(db: Database, article_id: int, *, legacy: bool) -> list[int]:
    """Take an article's actors off the archive: its mentions and links, and what they added to the
    actors' counts, totals and type votes (``legacy``: links stored before the vote was recorded, whose
    vote is taken to be the actor's type, as migration 25 counted them). The first and last dates become
    those of the articles left. Returns the actors it named."""
    source_row = db.execute("SELECT source FROM articles WHERE id = ?", [article_id]).fetchone()
    links = db.execute(
        "SELECT aa.actor_id, aa.dated_at, aa.mentions, coalesce(aa.type, CASE WHEN ? THEN a.type END)"
        " FROM article_actors aa JOIN actors a ON a.id = aa.actor_id WHERE aa.article_id = ?",
        [legacy, article_id],
    ).fetchall()
    for actor_id, dated_at, mentions, voted in links:
        db.execute("DELETE FROM mentions WHERE actor_id = ? AND article_id = ?", [actor_id, article_id])
        db.execute("DELETE FROM article_actors WHERE actor_id = ? AND article_id = ?", [actor_id, article_id])
        db.execute(
            "UPDATE actors SET article_count = max(article_count - 1, 0),"
            " mention_count = max(mention_count - ?, 0),"
            " first_seen = (SELECT min(dated_at) FROM article_actors WHERE actor_id = ?),"
            " last_seen = (SELECT max(dated_at) FROM article_actors WHERE actor_id = ?) WHERE id = ?",
            [mentions, actor_id, actor_id, actor_id],
        )
        if source_row is not None:
            _less(db, "actor_sources", "articles", 1, actor_id, "source", source_row[0])
        _less(db, "actor_days", "mentions", mentions, actor_id, "day", dated_at[:10])
        if voted is not None:
            _less(db, "actor_types", "articles", 1, actor_id, "type", voted)
    return [row[0] for row in links]


def _less(db: Database, table: str, column: str, by: int, actor_id: int, part: str, value: str) -> None:
    """Take ``by`` off one running total (``table`` and its columns are this module's), and the row with
    it when nothing is left."""
    where = f"WHERE actor_id = ? AND {part} = ?"
    db.execute(f"UPDATE {table} SET {column} = {column} - ? {where}", [by, actor_id, value])
    db.execute(f"DELETE FROM {table} {where} AND {column} <= 0", [actor_id, value])


def _drop_unused(db: Database, actor_ids: Sequence[int]) -> int:
    """Delete the actors no article names any more, except those a chat follows (a follow holds its
    actor's id; the actor keeps its names, so it is still found by them). Returns how many went."""
    dropped = 0
    for actor_id in actor_ids:
        dropped += db.execute(
            "DELETE FROM actors WHERE id = ?"
            " AND NOT EXISTS (SELECT 1 FROM article_actors WHERE actor_id = ?)"
            " AND NOT EXISTS (SELECT 1 FROM follows WHERE actor_id = ?)",
            [actor_id, actor_id, actor_id],
        ).rowcount
    return dropped


@dataclass(frozen=True)
class StoredAgain:
    """What storing one article's actors again did: whether it was stored (False: the article changed
    or went since it was read), and how many archive actors were left with no article and deleted."""

    stored: bool
    dropped: int = 0


def store_actors_again(
    db: Database,
    stale: StaleActors,
    key: str,
    reading: tuple[Sequence[ExtractedActor], Sequence[Sentence]] | None,
) -> StoredAgain:
    """Replace an article's stored actors with those read again under ``key``, in one transaction: its
    mentions, links, counts and totals off, the new ones on (an actor a chat follows keeps what is
    mentioned where it was, :class:`Held`), then the actors no article names any more deleted, unless
    followed. ``reading`` None (extraction failed): the stored actors stay, marked current, so the
    article is not read again and again. Nothing happens when the article's key is no longer the one
    read (another run or a re-ingest stored it)."""
    article = stale.article
    with transaction(db):
        row = db.execute("SELECT actors_key FROM articles WHERE id = ?", [article.id]).fetchone()
        if row is None or row[0] != stale.actors_key:
            return StoredAgain(False)
        if reading is None:
            db.execute("UPDATE articles SET actors_key = ? WHERE id = ?", [key, article.id])
            return StoredAgain(True)
        held = _followed_mentions(db, article.id)
        named = _remove_article_actors(db, article.id, legacy=stale.actors_key is None)
        extracted, sentences = reading
        add_article_actors(db, article, extracted, sentences, key=key, held=held)
        return StoredAgain(True, _drop_unused(db, named))


def respell_people(db: Database) -> int:
    """Bring people stored before a change to ``briefing.aliases.skeleton`` (Arabic given names in one
    spelling) up to it: each key re-made from the stored one, and each alias found under its new skeleton
    too, so "Muhammad bin Salman" in a new article joins the "Mohammed bin Salman" stored before. An actor
    whose new key another holds already keeps its own (both are found by the name). For a migration to
    call, once; running it again changes nothing. Returns how many keys changed."""
    changed = 0
    with transaction(db):
        for actor_id, key in db.execute("SELECT id, key FROM actors WHERE type = 'person'").fetchall():
            norm = key.partition(":")[2]
            new_key = f"person:{skeleton(norm)}"
            if new_key != key and spelt_one_way(norm) != norm:
                changed += db.execute(
                    "UPDATE OR IGNORE actors SET key = ? WHERE id = ?", [new_key, actor_id]
                ).rowcount
        rows = db.execute(
            "SELECT al.actor_id, al.alias, al.norm FROM actor_aliases al JOIN actors a ON a.id = al.actor_id"
            " WHERE a.type = 'person'"
        ).fetchall()
        # only names with such a given name: "bin salman" gets no skeleton "salman", the father's name
        added = {(i, alias, skeleton(norm)) for i, alias, norm in rows if spelt_one_way(norm) != norm}
        db.conn.executemany(
            "INSERT OR IGNORE INTO actor_aliases (actor_id, alias, norm) VALUES (?, ?, ?)", added
        )
        db.conn.executemany(
            "INSERT OR IGNORE INTO alias_trigrams (trigram, norm) VALUES (?, ?)",
            [(t, norm) for norm in {n for _, _, n in added} for t in trigrams(norm)],
        )
    return changed


# ---- lookups -----------------------------------------------------------------------------------------


def find_actors(db: Database, name: str, *, type_: ActorType | None = None, limit: int = 8) -> list[Actor]:
    """Actors an alias names exactly (case, diacritics and spelling variants folded), most mentioned first."""
    norm = strip_article(fold(name))
    if not norm:
        return []
    skel = skeleton(norm)
    if len(skel) < max(3, len(norm) // 2):  # "xxxxxxxx" is no spelling of "X"
        skel = norm
    written = strip_article(fold(umlauts_written(name)))  # "Söder" finds the Soeder of an English article
    # "Selenskyj" finds Zelensky: German copy's letters for a Russian or Ukrainian name
    spelt = transliteration_key(norm) or norm
    # "George H. W. Bush" finds the "George H.W. Bush" of the articles, whose initials fold together
    norms = list(dict.fromkeys([norm, skel, written, spelt, joined_initials(norm), *_apostrophe_norms(name)]))
    sql = (
        "SELECT DISTINCT a.* FROM actor_aliases al JOIN actors a ON a.id = al.actor_id"
        f" WHERE al.norm IN ({','.join('?' * len(norms))})"
        + (" AND a.type = ?" if type_ else "")
        + " ORDER BY a.article_count DESC, a.id LIMIT ?"
    )
    params: list[Any] = [*norms, *([type_] if type_ else []), limit]
    return [_actor(db, r) for r in db.query(sql, params)]


def _apostrophe_norms(name: str) -> list[str]:
    """The folded forms of a name with an apostrophe inside, written with each other apostrophe: an alias
    keeps "ʼ" (U+02BC) and "ʻ", which count as letters, where "'" and "’" are dropped ("OʼBrien" is
    "oʼbrien", "O'Brien" "obrien"), so "/actor O'Brien" finds the OʼBrien of an article that wrote him
    so, and "/actor OʼBrien" the O'Brien of the others."""
    typed = fold_apostrophes(name)
    if not INNER_APOSTROPHE.search(typed):
        return []
    forms = [typed, *(typed.replace("'", mark) for mark in LETTER_APOSTROPHES)]
    return [n for form in forms if (n := strip_article(fold(form)))]


def people_by_given_name(db: Database, name: str, *, limit: int = 8) -> list[tuple[Actor, bool]]:
    """The people a full name of whom begins with the one word ``name`` ("Keir": Keir Starmer, Keir
    Giles), most mentioned first, each with whether the news has called them by that word alone ("Sir
    Keir" said of Keir Starmer): a given name no alias holds is how readers and papers name a few people."""
    norm = strip_article(fold(name))
    if not norm or " " in norm:
        return []
    # the aliases "keir ..." run from "keir " up to "keir!" ("!" follows the space): a range of the index
    rows = db.execute(
        "SELECT DISTINCT a.id, a.article_count FROM actor_aliases al JOIN actors a ON a.id = al.actor_id"
        " WHERE al.norm >= ? AND al.norm < ? AND a.type = 'person'"
        " ORDER BY a.article_count DESC, a.id LIMIT ?",
        [f"{norm} ", f"{norm}!", limit],
    ).fetchall()
    ids = [r[0] for r in rows]
    if not ids:
        return []
    surfaces = db.execute(
        f"SELECT DISTINCT actor_id, surface FROM mentions WHERE actor_id IN ({','.join('?' * len(ids))})"
        " AND surface NOT LIKE '% %'",
        ids,
    ).fetchall()
    called = {actor_id for actor_id, surface in surfaces if strip_article(fold(surface)) == norm}
    found = _actors(db, ids)
    return [(found[i], i in called) for i in ids]


def people_by_surname(db: Database, name: str, *, limit: int = 8) -> list[Actor]:
    """The people a full name of whom ends with the one word ``name`` ("Karimo": Abdul Karimo), most
    mentioned first: a surname the aliases lack (no surname alias is kept for "Abdul Karimo", whose
    "Abdul" may begin a given name of two words) is still how a reader asks for a person. A scan of the
    aliases, only when no alias holds the word."""
    norm = strip_article(fold(name))
    if len(norm) < 3 or " " in norm:
        return []
    rows = db.execute(
        "SELECT DISTINCT a.id, a.article_count FROM actor_aliases al JOIN actors a ON a.id = al.actor_id"
        " WHERE al.norm LIKE ? ESCAPE '\\' AND a.type = 'person' ORDER BY a.article_count DESC, a.id LIMIT ?",
        ["% " + norm.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"), limit],
    ).fetchall()
    found = _actors(db, [r[0] for r in rows])
    return [found[r[0]] for r in rows]


def words_before_mentions(db: Database, actor_ids: Sequence[int], width: int = 8) -> dict[int, list[str]]:
    """The ``width`` characters of the article before each mention of these actors, by actor: what a
    lookup reads an honorific in ("Mrs Clinton" is how the archive has called Hillary Clinton)."""
    if not actor_ids:
        return {}
    marks = ",".join("?" * len(actor_ids))
    rows = db.execute(
        "SELECT m.actor_id, substr(a.body, max(m.start - ?, 0) + 1, m.start - max(m.start - ?, 0))"
        f" FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.actor_id IN ({marks})",
        [width, width, *actor_ids],
    ).fetchall()
    out: dict[int, list[str]] = defaultdict(list)
    for actor_id, before in rows:
        out[int(actor_id)].append(before or "")
    return dict(out)


def top_sources(db: Database, actor_id: int, *, limit: int = 2) -> list[str]:
    """The outlets that have named the actor in most articles, most first."""
    rows = db.execute(
        "SELECT source FROM actor_sources WHERE actor_id = ? AND articles > 0 ORDER BY articles DESC, source"
        " LIMIT ?",
        [actor_id, limit],
    ).fetchall()
    return [r[0] for r in rows]


def similar_actors(db: Database, name: str, *, limit: int = 5) -> list[Actor]:
    """Actors with an alias within a small edit distance of ``name`` ("Kelog" -> Keith Kellogg), holding
    it as whole words ("Korea" -> North Korea, South Korea), or beginning with it when it is a name of
    several words cut short ("Kim Jon" -> Kim Jong Un)."""
    norm = strip_article(fold(name))
    grams = sorted(trigrams(norm))
    if not grams or len(norm) < 3:
        return []
    marks = ",".join("?" * len(grams))
    candidates = db.execute(
        f"SELECT norm, count(*) AS shared FROM alias_trigrams WHERE trigram IN ({marks})"
        f" GROUP BY norm ORDER BY shared DESC LIMIT 60",
        grams,
    ).fetchall()
    allowed = 1 if len(norm) <= 4 else 2 if len(norm) <= 8 else 3
    close = {}
    for candidate, shared in candidates:
        distance = edit_distance(norm, candidate, allowed)
        if distance <= allowed:
            close[candidate] = distance
        elif shared == len(grams) and f" {norm} " in f" {candidate} ":
            close[candidate] = 1  # as near as a one-letter typo
        elif " " in norm and candidate.startswith(norm):
            close[candidate] = 1  # a name cut short: "Kim Jon" of Kim Jong Un
    if not close:
        return []
    marks = ",".join("?" * len(close))
    rows = db.execute(
        f"SELECT al.norm, a.id, a.article_count FROM actor_aliases al JOIN actors a ON a.id = al.actor_id"
        f" WHERE al.norm IN ({marks})",
        list(close),
    ).fetchall()
    best: dict[int, tuple[int, int]] = {}
    for norm_, actor_id, articles in rows:
        rank = (close[norm_], -articles)
        best[actor_id] = min(best.get(actor_id, rank), rank)
    ids = sorted(best, key=lambda i: best[i])[:limit]
    found = _actors(db, ids)
    return [found[i] for i in ids]


def _link(row: Any) -> ArticleLink:
    when = from_iso(row["dated_at"])
    assert when is not None
    dating = dating_of(dated=row["published_at"] is not None, clock_unknown=bool(row["clock_unknown"]))
    return ArticleLink(row["id"], row["title"], row["source"], when, row["url"], dating)


def latest_articles(db: Database, actor_id: int, *, limit: int = 5) -> list[ArticleLink]:
    """The newest articles mentioning the actor; a page stored in versions once, as its newest."""
    rows = db.query(
        "SELECT a.id, a.title, a.source, a.url, a.dated_at, a.published_at, a.clock_unknown"
        " FROM article_actors aa"
        " JOIN articles a ON a.id = aa.article_id WHERE aa.actor_id = ?"
        f" AND {current('a.url')} ORDER BY aa.dated_at DESC, a.id DESC LIMIT ?",
        [actor_id, limit],
    )
    return [_link(r) for r in rows]


def source_count(db: Database, actor_id: int) -> int:
    """How many outlets (articles' ``source``) have mentioned the actor."""
    return db.execute("SELECT count(*) FROM actor_sources WHERE actor_id = ?", [actor_id]).fetchone()[0]


def quotes(db: Database, actor_id: int, *, articles: int = 30, limit: int = 40) -> list[Quote]:
    """Sentences that mention the actor, from its latest ``articles``, newest first."""
    # the sentences are chosen from the mentions alone, and only the chosen ones are cut out of their
    # bodies: cutting one per mention before the LIMIT read a long article's body once per mention
    rows = db.query(
        "WITH recent AS (SELECT article_id, dated_at FROM article_actors WHERE actor_id = ?"
        "  ORDER BY dated_at DESC LIMIT ?),"
        " picked AS (SELECT m.article_id, m.sentence_index, min(m.sentence_start) AS s,"
        "  min(m.sentence_end) AS e, r.dated_at"
        "  FROM recent r JOIN mentions m ON m.actor_id = ? AND m.article_id = r.article_id"
        "  GROUP BY m.article_id, m.sentence_index"
        "  ORDER BY r.dated_at DESC, m.article_id DESC, m.sentence_index LIMIT ?)"
        " SELECT a.id, a.title, a.source, a.url, a.dated_at, a.published_at, a.clock_unknown,"
        "  p.sentence_index,"
        "  substr(a.body, p.s + 1, p.e - p.s) AS sentence"
        " FROM picked p JOIN articles a ON a.id = p.article_id"
        " ORDER BY p.dated_at DESC, a.id DESC, p.sentence_index",
        [actor_id, articles, actor_id, limit],
    )
    return [Quote(r["sentence"], _link(r), r["sentence_index"]) for r in rows if r["sentence"]]


CO_MENTION_WINDOW = 300  # an actor's latest articles read for the actors named with it


def co_mentioned(
    db: Database, actor_id: int, *, limit: int = 5, recent: int = CO_MENTION_WINDOW
) -> list[CoMention]:
    """The actors named most often in the same articles, over the actor's ``recent`` latest articles."""
    rows = db.execute(
        "WITH recent AS (SELECT article_id FROM article_actors WHERE actor_id = ?"
        "  ORDER BY dated_at DESC LIMIT ?)"
        " SELECT aa.actor_id, count(*) AS n FROM recent r"
        " JOIN article_actors aa ON aa.article_id = r.article_id"
        " WHERE aa.actor_id != ? GROUP BY aa.actor_id ORDER BY n DESC, sum(aa.mentions) DESC, aa.actor_id"
        " LIMIT ?",
        [actor_id, recent, actor_id, limit],
    ).fetchall()
    found = _actors(db, [r[0] for r in rows])
    return [CoMention(found[i], n) for i, n in rows if i in found]


def mentions_per_day(db: Database, actor_id: int) -> list[tuple[date, int]]:
    """How many times the actor is mentioned on each day (UTC) that it is mentioned at all, oldest first."""
    rows = db.execute(
        "SELECT day, mentions FROM actor_days WHERE actor_id = ? ORDER BY day", [actor_id]
    ).fetchall()
    return [(date.fromisoformat(day), n) for day, n in rows]


def actor_record(db: Database, actor_id: int) -> ActorRecord | None:
    """What a dossier needs about one actor."""
    actor = get_actor(db, actor_id)
    if actor is None:
        return None
    first, last = _dated_seen(db, actor_id, "ASC"), _dated_seen(db, actor_id, "DESC")
    return ActorRecord(
        actor=actor,
        source_count=source_count(db, actor_id),
        quotes=tuple(quotes(db, actor_id)),
        co_mentioned=tuple(co_mentioned(db, actor_id, recent=CO_MENTION_WINDOW)),
        latest=tuple(latest_articles(db, actor_id)),
        dated_seen=(first, last) if first is not None and last is not None else None,
        only_added=first is None and actor.first_seen is not None,
        added_since=_added_since(db, actor_id, last) if last is not None else None,
        co_window=CO_MENTION_WINDOW if actor.article_count > CO_MENTION_WINDOW else None,
    )


def last_dated(db: Database, actor_ids: Sequence[int]) -> dict[int, datetime]:
    """The date of each actor's last article its outlet dated, for those with one: how recent the news of
    an actor is, which an undated article, dated by the moment it was read, does not say."""
    found = {i: _dated_seen(db, i, "DESC") for i in actor_ids}
    return {i: when for i, when in found.items() if when is not None}


def _added_since(db: Database, actor_id: int, last: datetime) -> tuple[int, datetime] | None:
    """How many of the actor's articles the archive read after its last dated one, and when it read the
    newest: all undated (an undated article's date is the moment it was read), and they head the list of
    its latest articles. Read along the ``article_actors_latest`` index from ``last`` on only."""
    row = db.execute(
        "SELECT count(*), max(dated_at) FROM article_actors WHERE actor_id = ? AND dated_at > ?",
        [actor_id, to_iso(last)],
    ).fetchone()
    newest = from_iso(row[1]) if row[0] else None
    return (row[0], newest) if newest is not None else None


def _dated_seen(db: Database, actor_id: int, order: Literal["ASC", "DESC"]) -> datetime | None:
    """The date of the actor's first (``order`` "ASC") or last ("DESC") article its outlet dated: read
    along the ``article_actors_latest`` index from that end, so it stops at the first dated one."""
    row = db.execute(
        "SELECT aa.dated_at FROM article_actors aa JOIN articles a ON a.id = aa.article_id"
        f" WHERE aa.actor_id = ? AND a.published_at IS NOT NULL ORDER BY aa.dated_at {order} LIMIT 1",
        [actor_id],
    ).fetchone()
    return from_iso(row[0]) if row else None
