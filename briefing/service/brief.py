"""``/brief [topic]``, ``/search WORDS`` and ``/latest``: stories and articles from the archive."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from functools import partial

from briefing.aliases import fold, skeleton, strip_article
from briefing.briefs import (
    MATCHES_COUNTED,
    compose_articles,
    compose_brief,
    needs_words,
    no_articles,
    no_stories,
    only_operators,
    shorten,
    titled,
    without_fields,
)
from briefing.dates import ENGLISH_NUMBERS, ENGLISH_TENS
from briefing.document import Block, Document, Inline, code, italic, message, para
from briefing.letters import umlauts_written
from briefing.models import ActorType, Story
from briefing.pasted import (
    TITLE_WORDS,
    headline_starts,
    lead_words,
    names_outlet,
    specific,
    title_end,
    words_of,
)
from briefing.ranking import TOPIC_HALF_LIFE, score, topic_recency, undated_order
from briefing.relevance import APART, PHRASE, closeness, holding, topic_relevance, written_words
from briefing.service import App
from briefing.service.actors import actor_type, read_name, resolve_actor, without_tags
from briefing.service.commands import Asker, Reply, and_list, command, with_note
from briefing.service.misses import no_matches_reply
from briefing.service.resummarize import current_articles, current_stories
from briefing.topics import quoted
from store.actors import find_actors
from store.search import (
    FUNCTION_WORDS,
    acronyms,
    actor_ids_named,
    article_ids_mentioning,
    article_texts,
    articles_by_ids,
    close_query,
    count_matches,
    fts_query,
    latest_articles,
    matching_ids,
    mention_spans,
    operators_only,
    phrase_tokens,
    query_words,
    titles_with,
)
from store.stories import (
    StoryStats,
    latest_dated_news,
    latest_story_update,
    stories_by_ids,
    stories_without_dates,
    story_of_articles,
    story_stats_latest,
    story_stats_of,
    story_stats_since,
    story_text_sizes,
)

LIST_LIMIT = 20
SPELLING_WORDS = 4  # a search this long is no name whose other spellings to look for
SPELLINGS = 5  # at most this many other spellings of a name searched for
LATEST_MAX = 50  # /latest N: more than a few pages is an archive dump, not the news
TOPIC_ARTICLES = 300  # a topic brief looks at the stories of this many newest matching articles
UNDATED_TOPIC_AGE = TOPIC_HALF_LIFE  # a story of undated entries alone, in a topic brief: as old as a week
TITLE_SHARE = 0.6  # how much of a topic match is having the words in the title
FLOOR = 0.2  # the weight of a story that matches a topic only barely: recency can still lift it
SEARCH_BATCH = 200  # a search for an acronym reads its matches this many at a time, keeping those that
SEARCH_BATCHES = 10  # write it in capitals (or the words as written), up to this many batches
COUNT_ALL = -1  # how many match: as many as the index counts


def _reply(document: Document, app: App) -> Reply:
    return Reply(document, paged=len(document.sections) > app.settings.brief_page_size)


# articles a page of /latest or /search holds: an entry is a headline and a line (about 350 characters,
# where a story is three times that), so fifty articles are 7 pages, not 17; a page that would pass
# Telegram's 4096 still holds fewer (``paging.split_pages``)
LIST_PAGE_SIZE = 8


def _list_reply(document: Document, app: App) -> Reply:
    per_page = max(LIST_PAGE_SIZE, app.settings.brief_page_size)
    return Reply(document, paged=len(document.sections) > per_page, per_page=per_page)


def _ranked(app: App, stats: Sequence[StoryStats]) -> list[StoryStats]:
    """Rank on the stories table's own figures: recency, outlets and size."""
    now = app.now()

    def rank(s: StoryStats) -> float:
        return score(last_updated=s.last_updated, sources=s.source_count, articles=s.article_count, now=now)

    return sorted(stats, key=lambda s: (-rank(s), -s.last_updated.timestamp(), -s.id))


def _topic_ranked(
    app: App,
    stats: Sequence[StoryStats],
    weights: Mapping[int, float],
    undated: set[int],
    tiers: Mapping[int, int],
) -> list[StoryStats]:
    """Rank for a topic brief: first how closely the story holds the topic's words (``tiers``: the
    phrase or the actor of that name, then the words near each other, then the words apart), so a
    story years old that has the phrase comes before today's that shares a common word or two with it;
    then relevance times size times freshness (:func:`topic_recency`), so the best match still counts
    when old, but a story years old comes after this week's. A story of undated entries alone was dated
    when it was read, which says nothing of when it happened: it is taken for a week old
    (``UNDATED_TOPIC_AGE``), after today's dated news and before last year's."""
    now = app.now()

    def rank(s: StoryStats) -> float:
        size = score(
            last_updated=s.last_updated, sources=s.source_count, articles=s.article_count, now=s.last_updated
        )
        age = UNDATED_TOPIC_AGE if s.id in undated else now - s.last_updated
        return weights.get(s.id, 0.0) * size * topic_recency(age)

    return sorted(
        stats, key=lambda s: (-tiers.get(s.id, APART), -rank(s), -s.last_updated.timestamp(), -s.id)
    )


def _dated_first(
    app: App, ranked: Sequence[StoryStats], wanted: int
) -> tuple[list[StoryStats], list[StoryStats]]:
    """The first ``wanted`` of ``ranked`` with an article its outlet dated, and those before them (or all,
    when fewer are dated) of undated entries alone, ranked without their dates (:func:`_undated_ranked`):
    an undated entry is dated when it was read, which says nothing of when it happened. Looked up a few
    at a time, as the first few are mostly all there is."""
    dated: list[StoryStats] = []
    undated: list[StoryStats] = []
    for start in range(0, len(ranked), 2 * wanted):
        chunk = ranked[start : start + 2 * wanted]
        without = stories_without_dates(app.db, [s.id for s in chunk])
        for s in chunk:
            (undated if s.id in without else dated).append(s)
        if len(dated) >= wanted:
            break
    return dated[:wanted], _undated_ranked(app, undated)


def _undated_ranked(app: App, undated: Sequence[StoryStats]) -> list[StoryStats]:
    """Stories of undated entries alone, ranked without their dates (:func:`undated_order`), then in the
    order they came in."""
    if len(undated) < 2:
        return list(undated)
    sizes = story_text_sizes(app.db, [s.id for s in undated])
    return sorted(
        undated,
        key=lambda s: undated_order(
            sources=s.source_count, articles=s.article_count, size=sizes.get(s.id, 0)
        ),
    )


def _load(app: App, best: Sequence[StoryStats]) -> list[Story]:
    loaded = {s.id: s for s in stories_by_ids(app.db, [s.id for s in best])}
    return current_stories(app, [loaded[s.id] for s in best if s.id in loaded])


def _topic_best(
    app: App, stats: Sequence[StoryStats], weights: Mapping[int, float], tiers: Mapping[int, int]
) -> list[Story]:
    """The best stories for a topic (:func:`_topic_ranked`); the best match (by closeness, relevance,
    then the newest) is among them even when fresher stories outrank it: in the last place, if not
    before."""
    wanted = app.settings.brief_stories
    undated = stories_without_dates(app.db, [s.id for s in stats])
    chosen = _topic_ranked(app, stats, weights, undated, tiers)[:wanted]
    best = max(
        stats,
        key=lambda s: (tiers.get(s.id, APART), weights.get(s.id, 0.0), s.last_updated, s.id),
        default=None,
    )
    if best is not None and chosen and best not in chosen:
        chosen[-1] = best
    return _load(app, chosen)


def top_stories(app: App) -> tuple[list[Story], datetime | None, bool]:
    """The best stories around the archive's newest news (``now``, or earlier if the news is old). An
    entry its outlet gave no date is dated when it was read, which says nothing of when it happened:
    when the archive has dated news, that is the newest news, and stories of undated entries alone come
    after the window's dated ones. Read in the window, they are still its news (a seed dump read today
    is the day's news): they come before the stories older than the window that fill a quiet spell.
    Also the moment the stories are around, and whether it is only when the newest news was added (no
    outlet dated any)."""
    latest = latest_story_update(app.db)
    if latest is None:
        return [], None, False
    newest_dated = latest_dated_news(app.db)
    anchor = min(app.now(), newest_dated or latest)
    since = anchor - timedelta(hours=app.settings.story_window_hours)
    stats = story_stats_since(app.db, since)
    wanted = app.settings.brief_stories
    if newest_dated is None:  # no outlet dated anything: the dates read are all there is
        best = _ranked(app, stats)[:wanted]
    else:
        dated, undated = _dated_first(app, _ranked(app, stats), wanted)
        best = (dated + undated)[:wanted]
    if len(best) < wanted:  # a quiet spell: the latest stories before it fill the empty places
        seen = {s.id for s in stats}
        older = [s for s in story_stats_latest(app.db, wanted * 2, before=since) if s.id not in seen]
        dated, undated = _dated_first(app, _ranked(app, older), wanted - len(best))
        best = best + dated + undated
    return _load(app, best[:wanted]), anchor, newest_dated is None


def too_common(words: str, example: str) -> Reply | None:
    """The reply to words that are only search operators ("AND OR (") or all function words ("the"),
    None for a real query; ``example`` is a sending of the command that was used, as it works."""
    if operators_only(words):
        return Reply(only_operators(words, example))
    found = [token.casefold() for tokens in query_words(words) for token in tokens]
    if not found or not all(w in FUNCTION_WORDS for w in found) or acronyms(words):
        return None
    return Reply(
        message(
            para(f"“{shorten(words.strip())}” is in nearly every article: add a name or a topic, e.g. ",
                 code(example), "."),
        )
    )  # fmt: skip


def written_as(texts: Mapping[int, tuple[str, str]], words: Sequence[str]) -> list[int]:
    """The articles whose title or body has every one of ``words`` as a word in that very case: "UN" as
    written in "the UN", not in "Kim Jong Un"."""
    patterns = [re.compile(rf"(?<![^\W_]){re.escape(w)}(?![^\W_])") for w in words]
    return [
        a for a, (title, body) in texts.items() if all(p.search(title) or p.search(body) for p in patterns)
    ]


def topic_stories(app: App, topic: str, *, actors: Sequence[int] | None = None) -> list[Story] | None:
    """The best stories matching a topic: its words, and the articles that mention the ``actors`` (by
    default those the words name); None when it has no words."""
    query = fts_query(topic)
    if query is None:
        return None
    ids = matching_ids(app.db, query, limit=TOPIC_ARTICLES)
    if (close := close_query(topic)) is not None:  # the phrase, however many newer have the words apart
        ids = list(dict.fromkeys([*ids, *matching_ids(app.db, close, limit=TOPIC_ARTICLES)]))
    # an actor asked for by name and type, or words written as a name is ("Chad", not "chad": in lower
    # case the words are found anywhere, as "un" finds the Un of Kim Jong Un)
    as_name = actors is not None or topic != topic.casefold()
    if actors is None:
        actors = actor_ids_named(app.db, topic)
    actor_articles = article_ids_mentioning(app.db, actors, limit=TOPIC_ARTICLES)
    texts = article_texts(app.db, list(dict.fromkeys([*actor_articles, *ids])))
    caps, exact = acronyms(topic), written_words(topic)
    if caps or exact:  # the words' matches only where they write "UN", "AT&T", "Lorde" so; the actor's all
        written = set(_as_written({a: texts[a] for a in ids if a in texts}, caps, exact))
        texts = {a: t for a, t in texts.items() if a in written or a in actor_articles}
    if actors and as_name:  # "/brief Chad": the country's stories, not those of Chad Roberts
        about = set(actor_articles)
        others = _named_otherwise(app, [a for a in ids if a not in about], texts, topic, actors)
        texts = {a: t for a, t in texts.items() if a not in others}
    articles = [a for a in dict.fromkeys([*actor_articles, *ids]) if a in texts]
    story_of = story_of_articles(app.db, articles)
    words = [token for tokens in query_words(topic) for token in tokens]
    tiers = _closeness(topic, words, texts, set(actor_articles))
    if quoted(topic.strip()) and len(phrase_tokens(topic)) > 1:  # '"State of the Union"': the phrase only
        story_of = {a: s for a, s in story_of.items() if tiers.get(a) == PHRASE}
    scores = topic_relevance(words, texts)
    weights = _topic_weights(scores, set(actor_articles), story_of)
    story_tiers: dict[int, int] = {}
    for article, story in story_of.items():
        story_tiers[story] = max(story_tiers.get(story, APART), tiers.get(article, APART))
    stats = story_stats_of(app.db, list(dict.fromkeys(story_of.values())))
    return _topic_best(app, stats, weights, story_tiers)


def _closeness(
    topic: str, words: Sequence[str], texts: Mapping[int, tuple[str, str]], about_actor: set[int]
) -> dict[int, int]:
    """How closely each article holds a topic of several telling words (``briefing.relevance.closeness``),
    an article that mentions the actor of that name as closely as the phrase; all alike for one word."""
    if len(set(words)) < 2:
        return {a: PHRASE for a in texts}
    tiers = closeness(phrase_tokens(topic), words, texts)
    return {a: PHRASE if a in about_actor else tier for a, tier in tiers.items()}


def _named_otherwise(
    app: App, ids: Sequence[int], texts: Mapping[int, tuple[str, str]], topic: str, actors: Sequence[int]
) -> set[int]:
    """Of the articles the words match but the actor index does not, those where the words are only
    ever part of another actor's name (``only_in_other_names``)."""
    spans = mention_spans(app.db, [a for a in ids if a in texts])
    words = [token for tokens in query_words(topic) for token in tokens]
    asked = set(actors)
    return {
        a
        for a, found in spans.items()
        if only_in_other_names(*texts[a], words, [s for s in found if s[2] not in asked])
    }


def only_in_other_names(
    title: str, body: str, words: Sequence[str], others: Sequence[tuple[int, int, int, str]]
) -> bool:
    """Whether ``words`` (in that order) are in the text only as part of the names of other actors
    (``others``: their mentions' start, end, actor and surface in ``body``): "Chad" in "Chad Roberts
    said ...", with no "Chad" of its own. In the title, which mentions do not cover, the words must lie
    within a longer name of those actors ("Chad Roberts wins"). No match at all (an accent the index
    folds) is no evidence: False."""
    if not words:
        return False
    phrase = re.compile(r"(?<![^\W_])" + r"[\W_]+".join(map(re.escape, words)) + r"(?![^\W_])", re.I)
    in_body = [m.span() for m in phrase.finditer(body)]
    in_title = [m.span() for m in phrase.finditer(title)]
    if not in_body and not in_title:
        return False
    if not all(any(s <= a and b <= e for s, e, _, _ in others) for a, b in in_body):
        return False
    longer = {surface for s, e, _, surface in others if any(e - s > b - a for a, b in in_title)}
    names = [
        m.span()
        for surface in longer
        for m in re.finditer(rf"(?<![^\W_]){re.escape(surface)}(?![^\W_])", title, re.I)
    ]
    return all(any(s <= a and b <= e for s, e in names) for a, b in in_title)


def _topic_weights(
    relevance: Mapping[int, tuple[bool, float]], about_actor: set[int], story_of: Mapping[int, int]
) -> dict[int, float]:
    """Each story's weight for a topic brief, in (0, 1], from its best article: the topic in the title
    counts most, then BM25 (``briefing.relevance``) relative to the best match, so a story about the
    topic outranks a fresher one that names it in passing. An article that mentions the actor asked for
    counts as a fair match."""
    best = max((bm25 for _, bm25 in relevance.values()), default=0.0) or 1.0
    weights: dict[int, float] = {}
    for article, story in story_of.items():
        in_title, bm25 = relevance.get(article, (False, 0.0))
        rel = TITLE_SHARE * in_title + (1 - TITLE_SHARE) * bm25 / best
        if article in about_actor:
            rel = max(rel, 0.5)
        weight = FLOOR + (1 - FLOOR) * rel
        weights[story] = max(weights.get(story, 0.0), weight * weight)
    return weights


@command("brief", "/brief [topic]", "the top stories now, or the stories about a topic or a person")
async def brief(app: App, args: str, asker: Asker) -> Reply:
    """The top stories, or those about a topic."""
    args, fields = without_fields(without_tags(args))  # "title:Kellogg": the word is searched
    asked = read_name(args, command="brief", topic=True)  # "/brief Putin (person)", as /actor takes it
    if isinstance(asked, Reply):
        return asked
    # something typed but no word in it (":", "(person)"): asked for words, as "/brief -" and "/search :"
    # are; only a bare /brief is the top stories
    if not asked.name and (asked.kind or args.strip() or fields):
        return Reply(needs_words("brief", "Kellogg", alone="the top stories"))
    if not asked.name:
        stories, anchor, added = top_stories(app)
        if not stories:
            return Reply(no_stories(None))
        return _reply(compose_brief(stories, now=app.now(), as_of=anchor, as_of_added=added), app)
    type_ = actor_type(asked.kind)
    if type_ is None:  # words, or words and any actor they name exactly; "(topic)": the words alone
        if (common := too_common(asked.name, "/brief Kellogg")) is not None:
            return common
        stories_found = topic_stories(app, asked.name, actors=[] if asked.kind == "topic" else None)
        if stories_found is None:
            return Reply(needs_words("brief", "Kellogg", alone="the top stories"))
        return _syntax_noted(_reply(compose_brief(stories_found, now=app.now(), topic=asked.name), app),
                             asked.name, fields)  # fmt: skip
    return _actor_brief(app, asked.name, type_)


def _actor_brief(app: App, name: str, type_: ActorType) -> Reply:
    """The stories about the actor a name of that type settles on, as /actor finds it (typos included)."""
    resolved = resolve_actor(app, name, type_, command="brief")
    if isinstance(resolved, Reply):
        return resolved
    actor, look, close = resolved
    # a misspelt name matches no article's words: the actor's own name does
    words = look.name if close is None and fts_query(look.name) else actor.name
    stories_found = topic_stories(app, words, actors=[actor.id]) or []
    document = compose_brief(stories_found, now=app.now(), actor=actor.name, asked=close)
    return _reply(document, app)


@command("search", "/search WORDS", "articles with all these words, newest first")
async def search(app: App, args: str, asker: Asker) -> Reply:
    """Articles matching the words, newest first."""
    return _search(app, args, LIST_LIMIT)


def _search(app: App, args: str, limit: int, *, latest: bool = False) -> Reply:
    """The ``limit`` newest articles matching the words; for ``/latest`` (``latest``), a query with no
    word to look for is answered with examples of /latest, which takes words only as an option."""
    example = "/latest 5 Kellogg" if latest else "/search Kellogg"
    # a headline as written ("Port <b>strike</b> talks", as Telegram shows such a title) or tags pasted
    # around it: lines kept, for where a headline ends
    lines = [args.strip(), "\n".join(without_tags(line) for line in args.strip().splitlines())]
    args, fields = without_fields(
        without_tags(args)
    )  # "<b>Kellogg</b>", pasted: Kellogg, as /follow reads it
    if (common := too_common(args, example)) is not None:
        return common
    for text in dict.fromkeys(lines):  # a headline the bot sent, pasted back
        if (pasted := pasted_headline(app, text)) is not None:
            return _headline_search(app, *pasted, limit)
    either = [words for words in either_words(args) if fts_query(words) is not None]
    if len(either) > 1:
        reply = _search_either(app, either[:MAX_EITHER], fields, limit)
        left_out = _left_out(either)
        return with_note(reply, left_out) if left_out is not None else reply
    found = _matching(app, args, limit)
    if found is None:
        if latest:
            return Reply(needs_words("latest", "5 Kellogg", alone="the newest articles"))
        return Reply(needs_words("search", "North Korea troops"))
    query, ids, total = found
    articles = current_articles(app, articles_by_ids(app.db, ids))
    searched, marks = without_syntax(args.strip())
    searched, operators = without_operators(searched)
    marks = (*fields, *marks, *operators)
    if not articles:
        missed = no_matches_reply(app, searched, partial(_finds, app), shown=searched)
        return _syntax_noted(Reply(missed), searched, marks)
    title = titled("Articles with ", searched, ", newest first")
    matching = None
    if len(articles) >= limit:
        matching = count_matches(app.db, query, limit=MATCHES_COUNTED + 1) if total == COUNT_ALL else total
    reply = _list_reply(compose_articles(articles, now=app.now(), title=title, matching=matching), app)
    return _syntax_noted(reply, searched, marks)


def _finds(app: App, words: str) -> bool:
    """Whether a search for ``words`` finds any article (a suggestion is tried before it is offered):
    the index's first match will do, unless an acronym or a name must be read as written in it (the
    newest-first order a search needs costs tens of ms on a large archive, for nothing here)."""
    asked = _query(app, words)
    if asked is None:
        return False
    query, caps, written = asked
    if not caps and not written:
        return count_matches(app.db, query, limit=1) > 0
    return bool(_search_ids(app, query, caps, written, 1)[0])


def _matching(app: App, words: str, limit: int) -> tuple[str, list[int], int | None] | None:
    """The FTS query for the words (with the other spellings of a name they are), the ``limit`` newest
    matching articles and how many match (see ``_search_ids``); None when there is no word to look for."""
    asked = _query(app, words)
    if asked is None:
        return None
    query, caps, written = asked
    ids, total = _search_ids(app, query, caps, written, limit)
    return query, ids, total


def _query(app: App, words: str) -> tuple[str, list[str], list[re.Pattern[str]]] | None:
    """The FTS query for the words, with the other spellings of a name they are; the acronyms that must
    be in capitals and the words that must be as written (see ``_search_ids``). None: no word to look for."""
    query = fts_query(words)
    if query is None:
        return None
    caps = acronyms(words)
    spellings = {} if caps else _other_spellings(app, words)
    written = written_words(words, list(spellings))
    query = " OR ".join(f"({q})" for q in [query, *spellings.values()]) if not caps else query
    return query, caps, written


TITLED_LOOKED_AT = 50  # the newest articles whose title holds a pasted headline's longest words, looked at


def pasted_headline(app: App, text: str) -> tuple[str, list[int], bool] | None:
    """The headline a pasted text begins with (``briefing.pasted``: a line of the bot's reply, a page's
    "Headline | Section | Outlet"), as stored (the bot may have cut it short), and the articles of that
    title, newest first, those of an outlet named after it first; None when no stored title begins the
    text (or one of its first lines) as a pasted headline does. Of titles that begin alike ("Trump wins
    the vote", "Trump wins the vote in Iowa"), the longest the text holds is the one pasted. Also whether
    the articles share one title: a headline cut short ("Gaza ceasefire talks…") may begin several, and
    then the text as pasted is what is quoted. A short title counts only pasted (``pasted.specific``)."""
    for start in headline_starts(text):
        words = lead_words(text, start)
        if len(words_of(text[start:].partition("\n")[0])) < TITLE_WORDS or not words:
            continue  # no headline of three words or more: a search's words
        found: dict[int, tuple[int, str, str]] = {}
        for article_id, title, source in titles_with(app.db, words, limit=TITLED_LOOKED_AT):
            end = title_end(text, start, title)
            if end is not None and specific(text, start, end, title):
                found[article_id] = (end, title, source)
        if not found:
            continue
        end = max(e for e, _, _ in found.values())
        ids = [a for a, (e, _, _) in found.items() if e == end]
        rest = text[end:]
        named = [a for a in ids if names_outlet(rest, found[a][2])]
        ids = [*named, *(a for a in ids if a not in named)]
        titles = {tuple(w for w, _, _ in words_of(found[a][1])) for a in ids}
        if len(titles) > 1:  # a headline cut short that begins several: what was pasted, not one of them
            return " ".join(text[start : end + 1].split()), ids, False
        return " ".join(found[ids[0]][1].split()), ids, True
    return None


def _headline_search(app: App, headline: str, ids: Sequence[int], same: bool, limit: int) -> Reply:
    """The articles of a pasted headline first, then the newest others with its words: what the user
    looks for is that article, what follows it the way to read on (the outlet's name or the age pasted
    with it would have found nothing). Not ``same`` (titles that begin as the cut headline pasted): the
    header quotes what was pasted and says the titles begin so."""
    found = _matching(app, headline, limit)
    others = [a for a in (found[1] if found is not None else []) if a not in ids]
    articles = current_articles(app, articles_by_ids(app.db, [*ids, *others][:limit]))
    document = compose_articles(articles, now=app.now(), title=titled("Articles with ", headline))
    first = "The article with this headline" if len(ids) == 1 else "The articles with this headline"
    first = first if same else "The articles whose headline begins so"
    told = f"{first} first, then the newest with its words." if others else f"{first}."
    header = (*document.header, para(italic(told)))
    return _list_reply(replace(document, header=header), app)


# "Kellogg OR Obi", "Kellogg | Obi": articles with either; OR in capitals, as search engines write it
# ("war or peace" is words), and only between words: after a comma it is a US state ("Salem, OR wildfire").
# "|" only between short sides: "Headline | Section | Outlet" is a page title pasted, searched as its words.
# At most this many alternatives are searched, each an ordinary search; a note names those left out.
_OR = re.compile(r"(?<![\s,;:|])\s+OR\s+(?=[^\s|])")
_PIPE = re.compile(r"\s*\|\s*")
EITHER_SIDE_WORDS = 3
MAX_EITHER = 6


def either_words(words: str) -> list[str]:
    """The alternatives of a search written with OR or "|" ("Kellogg OR Obi" -> ["Kellogg", "Obi"]), all
    of them (``MAX_EITHER`` are searched); the words alone when there is no such choice. "|" divides only
    when every side is at most ``EITHER_SIDE_WORDS`` words: a pasted title's "|" is no choice."""
    words = words.strip()
    pieces = [piece.strip() for piece in _PIPE.split(words)]
    sides = [[side.strip() for side in _OR.split(piece)] for piece in pieces]
    if len(pieces) > 1 and any(len(side.split()) > EITHER_SIDE_WORDS for piece in sides for side in piece):
        sides = [[side.strip() for side in _OR.split(words)]]
    return [side for piece in sides for side in piece if side]


def _left_out(either: Sequence[str]) -> Block | None:
    """A note naming the alternatives beyond ``MAX_EITHER``, which were not searched; None when none."""
    left = either[MAX_EITHER:]
    if not left:
        return None
    named: list[Inline] = [code(shorten(words, 30)) for words in left[:5]]
    if len(left) > 5:
        named.append(f"{len(left) - 5} more")
    searched = italic(f"I searched the first {MAX_EITHER} alternatives; left out: ")
    return para(searched, *and_list(named), italic("."))


def _search_either(app: App, either: Sequence[str], fields: Sequence[str], limit: int) -> Reply:
    """The ``limit`` newest articles that match any of the alternatives, each searched as /search
    searches its words (a name as written, an acronym in capitals), newest first."""
    ids: dict[int, None] = {}
    queries, counted = [], True
    for words in either:
        found = _matching(app, words, limit)
        if found is not None:
            queries.append(found[0])
            ids.update(dict.fromkeys(found[1]))
            counted = counted and found[2] == COUNT_ALL
    newest = sorted(articles_by_ids(app.db, list(ids)), key=lambda a: (a.when, a.id), reverse=True)
    articles = current_articles(app, newest[:limit])
    shown = [without_operators(without_syntax(words)[0])[0] for words in either]
    marks = tuple(
        dict.fromkeys(
            m for words in either for m in (*without_syntax(words)[1], *without_operators(words)[1])
        )
    )
    searched = " or ".join(f"“{shorten(words, 40)}”" for words in shown)
    if not articles:
        newest_line = para("Try other words; the newest articles: ", code("/latest"), ".")
        reply = Reply(message(para(f"Nothing in the archive matches {searched}."), newest_line))
        return _syntax_noted(reply, " OR ".join(shown), (*fields, *marks))
    matching = None
    if len(ids) >= limit:
        either_query = " OR ".join(f"({q})" for q in queries)
        matching = count_matches(app.db, either_query, limit=MATCHES_COUNTED + 1) if counted else None
    title = f"Articles with {searched}, newest first"
    reply = _list_reply(compose_articles(articles, now=app.now(), title=title, matching=matching), app)
    return _syntax_noted(reply, " OR ".join(shown), (*fields, *marks))


# search operators other than OR, which the index would take as syntax and /search does not: each is
# looked for as no word ("Kellogg NOT Obi" looks for Kellogg and Obi), and a note says so
_OPERATOR = re.compile(r"(?<!\S)(AND|NOT|NEAR)(?=[\s(]|$)")


def without_operators(words: str) -> tuple[str, tuple[str, ...]]:
    """The words without the operators AND, NOT and NEAR (and NEAR's brackets), and the ones dropped;
    AND is what every search does, so it is dropped without a note."""
    found = tuple(dict.fromkeys(m.group(1) for m in _OPERATOR.finditer(words) if m.group(1) != "AND"))
    if not _OPERATOR.search(words):
        return words, ()
    kept = " ".join(_OPERATOR.sub(" ", words).replace("(", " ").replace(")", " ").split())
    return (kept or words), found


# a search engine's marks: a word's leading minus or plus ("-Ukraine": without it) and trailing star
# ("Ukrain*": words that begin so); the index reads neither, so a word is searched without them
_SYNTAX_MARK = re.compile(r"(?<!\S)[-+\u2212](?=\w)|(?<=\w)\*+(?!\S)")


def without_syntax(words: str) -> tuple[str, tuple[str, ...]]:
    """The words as they are searched for, without a search engine's marks, and the marks dropped
    ("-Ukraine Kyiv*" -> "Ukraine Kyiv", ("-", "*")); none when there were none."""
    marks = ("-" if m.group() == "\u2212" else m.group()[0] for m in _SYNTAX_MARK.finditer(words))
    return " ".join(_SYNTAX_MARK.sub("", words).split()), tuple(dict.fromkeys(marks))


def _syntax_noted(reply: Reply, searched: str, marks: Sequence[str]) -> Reply:
    """The reply, told that marks it ignored were ignored: a user who meant "-Ukraine" as "without
    Ukraine" must not read the articles about Ukraine as without it."""
    if not marks:
        return reply
    verb = " is" if len(marks) == 1 else " are"
    note = para(*and_list([code(m) for m in marks]), italic(f"{verb} no search syntax here: I looked for "),
                code(shorten(searched, 60)), italic("."))  # fmt: skip
    return with_note(reply, note)


def _other_spellings(app: App, words: str) -> dict[str, str]:
    """The other spellings of the name ``words`` are, as the archive's actors know them, each with its
    FTS query: "/search Zelenskyy" finds the articles that write Zelensky or Zelenskiy too. Only
    spellings of the same words ("Volodymyr Zelensky" for "Volodymyr Zelenskyy"), never a shorter alias
    ("Johnson" for "Mike Johnson" would find every Johnson)."""
    asked = strip_article(fold(words))
    if not asked or len(asked.split()) > SPELLING_WORDS:
        return {}
    width = len(asked.split())
    wanted, seen = skeleton(asked), {asked}
    found: dict[str, str] = {}
    written = umlauts_written(words).strip()  # "Schröder" asked: "Schroeder" is how English copy writes him
    if written != words.strip() and (query := fts_query(written)) is not None:
        found[written] = query
        seen.add(strip_article(fold(written)))
    for actor in find_actors(app.db, words, limit=3):
        for name in sorted({actor.name, *actor.aliases}):
            form = " ".join(name.split()[-width:])  # "Zelensky" of "Volodymyr Zelensky" for "Zelenskyy"
            norm = strip_article(fold(form))
            # "Schroeder" asked, the archive's Gerhard Schröder: the umlaut as written without the key
            alike = skeleton(norm) == wanted or skeleton(strip_article(fold(umlauts_written(form)))) == wanted
            if norm not in seen and alike and (query := fts_query(form)) is not None:
                seen.add(norm)
                found[form] = query
    return dict(list(found.items())[:SPELLINGS])


def _search_ids(
    app: App, query: str, caps: Sequence[str], written: Sequence[re.Pattern[str]], limit: int
) -> tuple[list[int], int | None]:
    """The ``limit`` newest articles matching ``query``; an acronym of ``caps`` ("UN") only where it is
    written in capitals, and the ``written`` words (``written_words``: "AT&T", "C++", a name) only
    where they are written so. Also how many match in all: the number when every match was read, else
    ``COUNT_ALL`` when the index's count will do (no such words, or a name that every match read writes
    so: "Ukraine" is no other word), else None (unknown)."""
    if not caps and not written:
        return matching_ids(app.db, query, limit=limit), COUNT_ALL
    found: list[int] = []
    read, size, every = 0, 2 * limit, True  # a name in most matches needs only the first few read
    while read < SEARCH_BATCH * SEARCH_BATCHES:
        ids = matching_ids(app.db, query, limit=size, offset=read)
        kept = _as_written(article_texts(app.db, ids), caps, written)
        found, read, every = found + kept, read + len(ids), every and len(kept) == len(ids)
        if len(ids) < size:
            return found[:limit], len(found)
        if len(found) >= limit:
            break
        size = min(2 * size, SEARCH_BATCH)
    return found[:limit], COUNT_ALL if every and not caps else None


def _as_written(
    texts: Mapping[int, tuple[str, str]], caps: Sequence[str], written: Sequence[re.Pattern[str]]
) -> list[int]:
    """The articles of ``texts`` (in their order) that write the acronyms ``caps`` in capitals and hold
    the ``written`` words as written."""
    kept = set(written_as(texts, caps)) if caps else set(texts)
    if written:
        kept &= set(holding({a: texts[a] for a in kept}, written))
    return [a for a in texts if a in kept]


# zero, or a number after a minus sign (a hyphen, U+2212 or a dash): "0", "000", "-3", "−3"; not "2024"
_BELOW_ONE = re.compile(r"0{1,3}|[-\u2212\u2013]\d+")


# the counts the dates read before "ago", but "a" and "an" ("/latest a" is no count)
_NUMBERS = {word: n for word, n in ENGLISH_NUMBERS.items() if word not in ("a", "an")}


def number_word(word: str) -> int | None:
    """A count from one to fifty written in words ("five", "twenty-five", "Ten"), else None."""
    folded = word.lower().strip(".,!?")
    tens, _, unit = folded.partition("-")
    if folded in _NUMBERS:
        return _NUMBERS[folded]
    if tens in ENGLISH_TENS and (not unit or (unit in _NUMBERS and _NUMBERS[unit] < 10)):
        return ENGLISH_TENS[tens] + (_NUMBERS[unit] if unit else 0)
    return None


@command("latest", "/latest [N] [WORDS]", "the newest articles")
async def latest(app: App, args: str, asker: Asker) -> Reply:
    """The newest articles in the archive: ``N`` of them ("/latest 5"); with words, the newest articles
    that have them ("/latest 5 ukraine"; "/latest ukraine" is "/search ukraine", newest first too). A
    number that cannot be a count but can be a word ("/latest 2024") is searched for."""
    count, words, capped = LIST_LIMIT, args.strip(), False
    first, _, rest = words.partition(" ")
    first = str(spelt) if (spelt := number_word(first)) is not None else first  # "/latest five"
    usage = Reply(message(para("Send ", code("/latest"), f" with a number from 1 to {LATEST_MAX}.")))
    # a count below 1, with words or without: "/latest -3" and "/latest 0 ukraine" are no searches
    if _BELOW_ONE.fullmatch(first):
        return usage
    if first.isdecimal():
        wanted = int(first) if len(first) <= 3 else 0  # int() refuses thousands of digits
        if 1 <= wanted <= LATEST_MAX:
            count, words = wanted, rest.strip()
        elif wanted > LATEST_MAX:  # "/latest 100": the most there may be, and said so
            count, words, capped = LATEST_MAX, rest.strip(), True
        elif not rest and len(first) != 4:
            return usage
    reply = _latest(app, words, count)
    shown = len(reply.document.sections)
    if not capped or not reply.document.header:  # nothing listed ("The archive is empty."): no cap to tell
        return reply
    # under the heading, so that the first page says it, not the last of many
    cap = f"At most {LATEST_MAX} at a time"
    note = para(italic(f"{cap}: these are the newest {LATEST_MAX}." if shown >= LATEST_MAX else f"{cap}."))
    return replace(reply, document=replace(reply.document, header=(*reply.document.header, note)))


def _latest(app: App, words: str, count: int) -> Reply:
    if words:
        return _search(app, words, count, latest=True)
    articles = current_articles(app, latest_articles(app.db, limit=count))
    if not articles:
        return Reply(no_articles())
    return _list_reply(compose_articles(articles, now=app.now(), title="Latest articles"), app)
