"""Full-text search over the archive (FTS5), the newest articles, and topic matches for briefings.

A user's words never reach FTS5's query syntax: :func:`fts_query` keeps only runs of letters and digits
and quotes each word as a phrase, so ``"Kim``, ``AND OR (``, ``NEAR(`` or ``*`` cannot raise an SQL
error. Newest-first results are planned by how many articles match (see :func:`matching_ids`), so
neither a rare word nor a word in every article makes a search slow.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import partial

from briefing.aliases import fold, strip_article
from briefing.figures import Figure, figure_phrases, figures, without_figures
from briefing.letters import INNER_APOSTROPHE, LETTER_APOSTROPHES, fold_apostrophes, fold_letters
from briefing.models import Article
from briefing.topics import FUNCTION_WORDS, near_distance, quoted
from store.actors import find_actors
from store.articles import CURRENT, article_from_row, current
from store.db import Database, chunks

MAX_TERMS = 12
MAX_TERM_CHARS = 64
# Below this many matches, sorting them by date beats walking the date index looking for them.
SMALL_MATCH = 2000
# Testing the newest articles one by one pays only for a page or two of results.
PROBE_MAX = 100
_WORD = re.compile(r"[^\W_]+")
_LIST_COLUMNS = (
    "id, url, title, '' AS body, source, author, section, published_at, ingested_at, dated_at, "
    "content_hash, summary, story_id, clock_unknown"
)


# FTS5's operators, written as such: typed alone they are no words to look for (they are never syntax here)
OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
# A word of two or three capitals is an acronym ("UN", "EU", "IS"): FTS5 ignores case, so it would also
# find "Un" in "Kim Jong Un" or "is" in every article; the service keeps the articles that write it so.
_ACRONYM = re.compile(r"[^\W\d_a-z]{2,3}")


def _tokens(text: str) -> list[list[str]]:
    words = []
    # a bracket parts words as a space does: "NEAR(Kim Putin)" is the words NEAR, Kim and Putin
    for chunk in unicodedata.normalize("NFKC", text).replace("(", " ").replace(")", " ").split():
        tokens = [t[:MAX_TERM_CHARS] for t in _WORD.findall(chunk)]
        if tokens:
            words.append(tokens)
    return words


def acronyms(text: str) -> list[str]:
    """The words of a query written as short acronyms ("UN" in "UN Ukraine"), to be matched in that case;
    none in a query all in capitals with a longer word ("KIM JONG UN" is shouted, not acronyms)."""
    words = _tokens(text)
    found = [w[0] for w in words if len(w) == 1 and w[0] not in OPERATORS and _is_acronym(w[0])]
    shouted = len(words) > 1 and len(found) < len(words) and all("".join(w).isupper() for w in words)
    return [] if shouted else list(dict.fromkeys(found))


def _is_acronym(token: str) -> bool:
    return bool(_ACRONYM.fullmatch(token)) and token.isupper()


def operators_only(text: str) -> bool:
    """Whether the words are only FTS5 operators written as such ("AND OR ("): nothing to look for."""
    words = [token for tokens in _tokens(text) for token in tokens]
    return bool(words) and all(w in OPERATORS for w in words)


def query_words(text: str) -> list[list[str]]:
    """The user's words, each as its FTS5 tokens ("U.S." -> ["U", "S"]); at most ``MAX_TERMS``; function
    words ("the", "of") only when there is nothing else, unless written as an acronym ("IS")."""
    words = [w for w in _tokens(text) if len(w) > 1 or w[0] not in OPERATORS]  # never syntax, nor words
    caps = set(acronyms(text))
    telling = [w for w in words if len(w) > 1 or w[0].casefold() not in FUNCTION_WORDS or w[0] in caps]
    return (telling or words)[:MAX_TERMS]


def fts_query(text: str, *, any_word: bool = False) -> str | None:
    """A safe FTS5 query for the user's words: each word a quoted phrase, all required (or any one with
    ``any_word``). None when no word is left to search for. The words are folded as the index is
    (``briefing.letters``: "Kukuła" as "Kukula", "Straße" as "Strasse"); FTS5 folds case and accents.
    A word with an apostrophe in it is found written with any (:func:`_apostrophe_forms`), a figure with
    a unit ("2%", "£48bn") as any way the index holds it (:func:`_figure_forms`)."""
    typed = unicodedata.normalize("NFKC", fold_apostrophes(text))  # "２％" is "2%", as the words are read
    found = figures(typed)  # "2%", "£48bn": each as the ways the index holds it
    typed = without_figures(typed, found)
    joined = _apostrophe_words(typed)
    phrases = [_apostrophe_forms(tokens, joined) for tokens in query_words(typed)]
    phrases += [_figure_forms(figure) for figure in found]
    if not phrases:
        return None
    grouped = any(p.startswith("(") for p in phrases)  # FTS5 joins a group to a phrase by AND alone
    return (" OR " if any_word else " AND " if grouped else " ").join(dict.fromkeys(phrases))


def _figure_forms(figure: Figure) -> str:
    """A figure of a query ("£48bn") as any of the phrases the index holds it as (``briefing.figures``:
    "48bn", "48 billion", ...); the service keeps the articles that write it with its unit."""
    forms = list(dict.fromkeys(_phrase(" ".join(tokens)) for tokens in figure_phrases(figure)))
    return forms[0] if len(forms) == 1 else f"({' OR '.join(forms)})"


def _apostrophe_words(typed: str) -> dict[tuple[str, ...], tuple[str, bool]]:
    """The words of a query (apostrophes folded to "'") with an apostrophe inside ("O'Brien", "O'Brien's"),
    by their FTS5 tokens: each without its possessive, and whether it had one. A possessive alone
    ("Kim's") is no such word."""
    found: dict[tuple[str, ...], tuple[str, bool]] = {}
    for chunk in unicodedata.normalize("NFKC", typed).split():
        word = chunk.strip('"“”«»„()[]{}.,;:!?')
        base = _POSSESSIVE_END.sub("", word)
        if INNER_APOSTROPHE.search(base):
            found.setdefault(tuple(t[:MAX_TERM_CHARS] for t in _WORD.findall(word)), (base, base != word))
    return found


def _apostrophe_forms(tokens: Sequence[str], joined: dict[tuple[str, ...], tuple[str, bool]]) -> str:
    """A query word as a quoted phrase; a word with an apostrophe inside as any of the ways the index
    holds it (see :func:`topic_query`): "O'Brien" as the words "o" "brien" (which "O’Brien’s" holds too),
    or as the one word "oʼbrien" or "oʼbrienʼs" (a possessive joined by the same letter), or with "ʻ";
    "O'Brien's" as "o" "brien" "s" or the joined possessive only."""
    phrase = _phrase(" ".join(tokens))
    if (found := joined.get(tuple(tokens))) is None:
        return phrase
    word, possessive = found
    forms = [phrase]
    for mark in LETTER_APOSTROPHES:
        forms += [] if possessive else [_phrase(word.replace("'", mark))]
        forms.append(_phrase(_possessive(word, mark)))
    return f"({' OR '.join(dict.fromkeys(forms))})"


# an apostrophe between two letters of a word ("d'Ivoire", "O'Brien")


_POSSESSIVE_END = re.compile(r"'s$", re.I)
# a word with an apostrophe inside ("O'Brien", "rock'n'roll")
_APOSTROPHE_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)+")


def _possessive_of(found: re.Match[str], *, mark: str) -> str:
    return _possessive(found.group(), mark)


def _possessive(word: str, mark: str) -> str:
    """``word`` ("O'Brien") joined and made possessive by the apostrophe ``mark`` that counts as a letter
    ("OʼBrienʼs"), as the index holds that possessive: one word."""
    return f"{word.replace(chr(39), mark)}{mark}s"


def topic_query(value: str) -> str | None:
    """The FTS5 query for a followed topic (see ``briefing.topics``): one word as /search has it; several
    within a word of each other in any order (NEAR), or side by side in order when followed in quotes.

    Whatever apostrophe it was typed with, a topic is found written with any: the index reads "'" or "’"
    as the space between words but "ʼ" or "ʻ" (``LETTER_APOSTROPHES``) as a letter, so "d'Ivoire" is
    looked for as the words "d" "ivoire" or as the one word "dʼivoire" or "dʻivoire" (the stored articles
    are read as they were indexed, with no reindexing)."""
    typed = fold_apostrophes(value)
    forms = [typed]
    several = len(query_words(typed)) > 1 or (quoted(typed) and len(_tokens(typed)) > 1)
    if several and INNER_APOSTROPHE.search(typed):  # one word: fts_query looks for its forms itself
        for mark in LETTER_APOSTROPHES:  # "OʼBrien", and "OʼBrienʼs": one word to the index, not its start
            forms.append(INNER_APOSTROPHE.sub(mark, typed))
            forms.append(_APOSTROPHE_WORD.sub(partial(_possessive_of, mark=mark), typed))
    queries = list(dict.fromkeys(q for form in forms if (q := _topic_query(form)) is not None))
    if len(queries) < 2:
        return queries[0] if queries else None
    return " OR ".join(f"({q})" for q in queries)


def _topic_query(value: str) -> str | None:
    tokens_ = _tokens(value)
    if quoted(value) and len(tokens_) > 1:
        return _phrase(" ".join(t for tokens in tokens_ for t in tokens))
    words_ = query_words(value)
    phrases = [_phrase(" ".join(tokens)) for tokens in words_]
    if len(phrases) < 2:
        return fts_query(value)
    words = sum(len(tokens) for tokens in words_)
    return f"NEAR({' '.join(dict.fromkeys(phrases))}, {near_distance(words)})"


def topic_in_archive(db: Database, value: str) -> bool:
    """Whether any stored article holds the followed topic ``value`` (as :func:`topic_query` reads it)."""
    query = topic_query(value)
    return query is not None and count_matches(db, query, limit=1) > 0


def phrase_tokens(text: str) -> list[str]:
    """All the user's words as FTS5 tokens, in order, function words too ("State of the Union"): the
    phrase a topic of several words is looked for as."""
    return [token for tokens in _tokens(text) for token in tokens][: 2 * MAX_TERMS]


def close_query(text: str) -> str | None:
    """An FTS5 query for the telling words standing close together in any order, or as the phrase typed
    with its function words between them (NEAR: "state" and "union" in "State of the Union"); None for
    fewer than two words. A topic brief looks for these matches apart from all the words anywhere, so a
    phrase written years ago is found however many newer articles have the words apart."""
    words_ = query_words(text)
    phrases = list(dict.fromkeys(_phrase(" ".join(tokens)) for tokens in words_))
    if len(phrases) < 2:
        return None
    words = sum(len(tokens) for tokens in words_)
    distance = max(near_distance(words), len(phrase_tokens(text)) - 2)
    return f"NEAR({' '.join(phrases)}, {distance})"


def _phrase(words: str) -> str:
    """A quoted phrase, its letters folded as the index folds them (``briefing.letters``)."""
    return f'"{fold_letters(words)}"'


def count_matches(db: Database, query: str, *, limit: int) -> int:
    """How many articles match, counted up to ``limit``."""
    sql = "SELECT count(*) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)"
    return db.execute(sql, [query, limit]).fetchone()[0]


def article_texts(db: Database, article_ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    """The (title, body) of each of these articles, for ranking them against a topic, in the order the ids
    were given (newest first from :func:`matching_ids`: SQLite returns ``IN`` rows in its own order)."""
    rows: dict[int, tuple[str, str]] = {}
    ids = list(dict.fromkeys(article_ids))
    for chunk in chunks(ids, 500):
        sql = f"SELECT id, title, body FROM articles WHERE id IN ({','.join('?' * len(chunk))})"
        rows.update((r[0], (r[1], r[2])) for r in db.execute(sql, chunk).fetchall())
    return {a: rows[a] for a in ids if a in rows}


def matching_ids(db: Database, query: str, *, limit: int, offset: int = 0) -> list[int]:
    """Ids of the articles matching an FTS5 query (from :func:`fts_query`), newest first.

    Three plans, by how much of the archive matches: a few thousand matches are sorted by date; when a
    quarter or more matches, the newest articles are tested one by one (for a page or two of results,
    the first few dozen articles will do);
    in between, the date index is walked backwards keeping the articles in the match list.
    """
    if count_matches(db, query, limit=SMALL_MATCH) < SMALL_MATCH:
        sql = (
            "SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
            f"WHERE articles_fts MATCH ? AND {current('a.url')} "
            "ORDER BY a.dated_at DESC, a.id DESC LIMIT ? OFFSET ?"
        )
        return [r[0] for r in db.execute(sql, [query, limit, offset]).fetchall()]
    quarter = (db.execute("SELECT max(id) FROM articles").fetchone()[0] or 0) // 4
    if limit + offset <= PROBE_MAX and count_matches(db, query, limit=quarter) >= quarter:
        found = _probe_newest(db, query, wanted=limit + offset, budget=8 * (limit + offset) + 100)
        if found is not None:
            return found[offset:]
    sql = (
        "SELECT id FROM articles INDEXED BY articles_dated_at WHERE id IN "
        f"(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?) AND {CURRENT} "
        "ORDER BY dated_at DESC, id DESC LIMIT ? OFFSET ?"
    )
    return [r[0] for r in db.execute(sql, [query, limit, offset]).fetchall()]


def _probe_newest(db: Database, query: str, *, wanted: int, budget: int) -> list[int] | None:
    """The newest ``wanted`` matches, testing the newest articles one by one; None if ``budget`` tests
    were not enough (the matches are not among the newest)."""
    found: list[int] = []
    newest = db.execute(
        f"SELECT id FROM articles WHERE {CURRENT} ORDER BY dated_at DESC, id DESC LIMIT ?", [budget]
    )
    probe = "SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?"
    for (article_id,) in newest.fetchall():
        if db.execute(probe, [query, article_id]).fetchone():
            found.append(article_id)
            if len(found) == wanted:
                return found
    return None


def articles_by_ids(db: Database, ids: Sequence[int], *, with_body: bool = False) -> list[Article]:
    """Articles in the order of ``ids``; without ``with_body`` their bodies are left empty (lists)."""
    if not ids:
        return []
    columns = "*" if with_body else _LIST_COLUMNS
    marks = ",".join("?" * len(ids))
    rows = {r["id"]: r for r in db.query(f"SELECT {columns} FROM articles WHERE id IN ({marks})", list(ids))}
    return [article_from_row(rows[i]) for i in ids if i in rows]


def search_articles(db: Database, text: str, *, limit: int = 10, offset: int = 0) -> list[Article]:
    """Articles matching all the user's words, newest first (bodies left empty); a page stored in
    versions once, as its newest (an old version is its history, not another article). Never raises on
    the words themselves; no searchable word gives no results."""
    query = fts_query(text)
    if query is None:
        return []
    return articles_by_ids(db, matching_ids(db, query, limit=limit, offset=offset))


def titles_with(db: Database, words: Sequence[str], *, limit: int) -> list[tuple[int, str, str]]:
    """The id, title and outlet of the newest articles whose title has all of ``words`` (folded words,
    as ``briefing.pasted.lead_words`` gives them): the articles a pasted headline may be."""
    tokens = list(dict.fromkeys(t for word in words for t in _WORD.findall(word)))
    if not tokens:
        return []
    sql = (
        "SELECT a.id, a.title, a.source FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
        " WHERE articles_fts MATCH ? ORDER BY a.dated_at DESC, a.id DESC LIMIT ?"
    )
    query = f"title : ({' AND '.join(_phrase(t) for t in tokens)})"
    return [(r[0], r[1], r[2] or "") for r in db.execute(sql, [query, limit]).fetchall()]


def latest_articles(db: Database, *, limit: int = 10, offset: int = 0) -> list[Article]:
    """The newest articles (bodies left empty); a page stored in versions once, as its newest."""
    rows = db.query(
        f"SELECT {_LIST_COLUMNS} FROM articles WHERE {CURRENT}"
        " ORDER BY dated_at DESC, id DESC LIMIT ? OFFSET ?",
        [limit, offset],
    )
    return [article_from_row(r) for r in rows]


def actor_ids_named(db: Database, name: str) -> list[int]:
    """Actors whose name or an alias is ``name``, folded exactly as the actor index folds aliases
    (case, accents, spelling variants); none if there is no actor index yet. A place whose own name it
    is outranks the people it names only in part: "Jordan" is the country, not Michael Jordan too."""
    found = find_actors(db, name)
    norm = strip_article(fold(name))
    if any(a.type == "place" and strip_article(fold(a.name)) == norm for a in found):
        found = [a for a in found if a.type != "person" or strip_article(fold(a.name)) == norm]
    return [actor.id for actor in found]


def mention_spans(db: Database, article_ids: Sequence[int]) -> dict[int, list[tuple[int, int, int, str]]]:
    """(start, end, actor id, surface) of each actor mention in each of these articles' bodies."""
    spans: dict[int, list[tuple[int, int, int, str]]] = {}
    for chunk in chunks(list(dict.fromkeys(article_ids)), 500):
        sql = (
            "SELECT article_id, start, end, actor_id, surface FROM mentions"
            f" WHERE article_id IN ({','.join('?' * len(chunk))})"
        )
        for article_id, start, end, actor_id, surface in db.execute(sql, chunk).fetchall():
            spans.setdefault(article_id, []).append((start, end, actor_id, surface))
    return spans


def article_ids_mentioning(db: Database, actor_ids: Sequence[int], *, limit: int) -> list[int]:
    """The newest articles that mention any of the actors: each actor's newest from the
    ``article_actors_latest`` index, merged (a few milliseconds even for an actor in every article)."""
    newest: dict[int, str] = {}
    for actor_id in dict.fromkeys(actor_ids):
        rows = db.execute(
            "SELECT article_id, dated_at FROM article_actors WHERE actor_id = ?"
            " ORDER BY dated_at DESC, article_id DESC LIMIT ?",
            [actor_id, limit],
        ).fetchall()
        newest.update(rows)
    return sorted(newest, key=lambda a: (newest[a], a), reverse=True)[:limit]
