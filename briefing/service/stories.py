"""Stories as a use case: a new article joins a story at ingest, and the archive can be re-clustered.

At ingest the candidates come from the key-term index: the stories of the articles within the time
window that share the most of the new article's key terms (its weightiest, by the archive's own
document frequencies) are compared whole (their centroids) with the new article.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timedelta
from weakref import WeakKeyDictionary

from briefing.models import Article
from briefing.openings import opening
from briefing.opinion import is_opinion
from briefing.service import App
from briefing.stories import (
    TEMPLATE_SAMPLE,
    StoryArticle,
    Template,
    Vectorizer,
    article_terms,
    candidate_terms,
    cluster_articles,
    latest_figures,
    matching_stories,
    medoid_title,
    republishes,
    story_summary,
    templates_of,
    ties,
    told_once,
)
from briefing.terms import idf_table
from store import Database, transaction
from store.articles import count_articles
from store.stories import (
    StoryRecord,
    actor_frequencies,
    articles_between,
    candidate_stories,
    count_terms,
    create_story,
    delete_stories_without_articles,
    document_frequencies,
    latest_of_sources,
    merge_stories,
    newest_of_sources,
    replace_keys,
    replace_term_counts,
    same_titled,
    save_keys,
    set_story,
    story_article,
    story_counts,
    story_members,
    update_story,
)

CANDIDATE_STORIES = 8


def _window(app: App) -> timedelta:
    return timedelta(hours=app.settings.story_window_hours)


def _vectorizer(app: App, articles: Sequence[StoryArticle]) -> Vectorizer:
    terms = {t for a in articles for t in article_terms(a)}
    frequencies, total = document_frequencies(app.db, terms)
    actors = actor_frequencies(app.db, (x for a in articles for x in a.actors))
    documents = count_articles(app.db)
    return Vectorizer(
        idf_table(frequencies, total),
        actor_idf=idf_table(actors, documents),
        documents=documents,
        templates=_templates(app.db, [a.source for a in articles]),
    )


# each database's outlets' templates, with the newest article they were read up to
_TEMPLATES: WeakKeyDictionary[Database, dict[str, tuple[int, Template]]] = WeakKeyDictionary()


def _templates(db: Database, sources: Sequence[str]) -> dict[str, Template]:
    """Each outlet's template, from its latest articles (as they arrived), read again only when the
    outlet has a new article: at ingest, the new article's outlet."""
    known = _TEMPLATES.setdefault(db, {})
    newest = newest_of_sources(db, sources)
    stale = [s for s, n in newest.items() if s not in known or known[s][0] != n]
    if stale:
        for source, template in templates_of(latest_of_sources(db, stale, limit=TEMPLATE_SAMPLE)).items():
            known[source] = (newest[source], template)
    return {s: known[s][1] for s in newest}


def lead_sentences(summary: Sequence[str], lead: str, title: str = "") -> tuple[str, ...]:
    """An article's sentences in a story: its summary, else its body's opening (:func:`opening`: the
    first prose paragraph, "…" where a teaser is cut or a standfirst has no full stop)."""
    return tuple(summary) or opening(lead, title=title)


def _leads(members: Sequence[StoryArticle]) -> list[tuple[str, ...]]:
    return [lead_sentences(m.summary, m.lead, m.title) for m in members]


def story_record(
    app: App, story_id: int, members: Sequence[StoryArticle], vectors: Vectorizer
) -> StoryRecord:
    """A story's headline, multi-document summary and counts, from its (latest) members.

    A story with news reports is told by them: a column's, comment's or editorial's
    (:func:`~briefing.opinion.is_opinion`) headline and sentences would read as the outlet's news voice.
    The headline's article gives the summary's first sentence, so the two tell one report.
    """
    count, sources, first, last = story_counts(app.db, story_id)
    s = app.settings
    telling = [
        m
        for m in members
        if not is_opinion(m.url, m.title, section=m.section, author=m.author, source=m.source)
    ] or list(members)
    leads = _leads(telling)
    # a later article's new figure replaces an earlier one's; of one moment, the later stored's
    dates = [(m.when, m.id) for m in telling]
    revised = latest_figures(leads, dates, max_sentences=s.summary_max_sentences)
    sentences = [x for lead in leads for x in lead]  # the headline tells no count these revised
    headline = medoid_title(telling, vectors, sentences=sentences, revised=revised)
    titled = [k for k, m in enumerate(telling) if m.title == headline]
    summary = story_summary(
        leads,
        sentences=s.summary_sentences,
        max_sentences=s.summary_max_sentences,
        revised=revised,
        first=max(titled, key=lambda k: (telling[k].when, telling[k].id)) if titled else None,
    )
    return StoryRecord(headline, summary, first, last, count, sources)


def assign_article_story(app: App, article: Article) -> int:
    """The enrichment step: put a new article in a story, an existing one or its own; return its id."""
    db, window = app.db, _window(app)
    new = story_article(db, article.id)
    assert new is not None, f"article {article.id} is not stored"
    count_terms(db, article_terms(new))
    keys = candidate_terms(new, _vectorizer(app, [new])(new))
    save_keys(db, new.id, new.when, keys)
    candidates: list[StoryArticle] = []
    story_ids = candidate_stories(
        db, keys, since=new.when - window, until=new.when + window, exclude=new.id, limit=CANDIDATE_STORIES
    )
    for candidate in story_ids:
        candidates.extend(story_members(db, candidate))
    vectors = _vectorizer(app, [new, *candidates])
    with transaction(db):
        earlier = next((e for e in same_titled(db, new) if republishes(new, e)), None)
        if earlier is not None and (again := earlier.story_id) is not None:  # a post published again
            set_story(db, [new.id], again)
            update_story(db, again, story_record(app, again, story_members(db, again), vectors))
            return again
        found = matching_stories(new, candidates, vectors=vectors, window=window)
        if not found:
            story_id = create_story(db, _single(new))
            set_story(db, [new.id], story_id)
            return story_id
        joined = found[0]
        # an update that names the first report's figure as past ties the two stories it matches
        tied = [s for s in found[1:] if ties(new, [c for c in candidates if c.story_id == s])]
        if tied:
            merge_stories(db, joined, tied)
        set_story(db, [new.id], joined)
        update_story(db, joined, story_record(app, joined, story_members(db, joined), vectors))
    return joined


def _single(article: StoryArticle) -> StoryRecord:
    # one article's summary is the story's: each fact once (a standfirst and the lead retelling it), as
    # story_summary tells a story of several
    summary = told_once(lead_sentences(article.summary, article.lead, article.title))
    return StoryRecord(article.title, summary, article.when, article.when, 1, 1)


def refresh_stories(app: App, story_ids: Sequence[int]) -> int:
    """Make the stories' headlines and summaries again from their articles' stored summaries, as ingest
    makes them (one article: its own; more: the latest members'), after those summaries were made again;
    the caller holds the transaction. Returns how many stories were rewritten (one without articles is
    left to the next re-cluster)."""
    done = 0
    for story_id in story_ids:
        members = story_members(app.db, story_id)
        if not members:
            continue
        update_story(app.db, story_id, remade_record(app, story_id, members))
        done += 1
    return done


def remade_record(app: App, story_id: int, members: Sequence[StoryArticle]) -> StoryRecord:
    """A story's record made again from its latest ``members`` (at least one), as ingest makes it: one
    article's own, else :func:`story_record`. Writes nothing: a reply on a database it cannot write
    shows a story made from summaries made again in memory."""
    if len(members) == 1:
        return _single(members[0])
    return story_record(app, story_id, members, _vectorizer(app, members))


def recluster(app: App, *, since: datetime | None = None, until: datetime | None = None) -> int:
    """Cluster the articles dated within [since, until] afresh (all of them by default), replacing
    their stories; returns the number of stories made."""
    db = app.db
    articles = articles_between(db, since, until)
    if not articles:
        return 0
    # the term counts are recounted over the whole archive, so a partial re-cluster leaves them right
    everything = articles if since is None and until is None else articles_between(db, None, None)
    frequencies: Counter[str] = Counter()
    actors: Counter[int] = Counter()
    for a in everything:
        frequencies.update(set(article_terms(a)))
        actors.update(a.actors)
    total = count_articles(db)
    vectors = Vectorizer(
        idf_table(frequencies, total),
        actor_idf=idf_table(actors, total),
        documents=total,
        templates=templates_of(everything),
    )
    groups = cluster_articles(articles, window=_window(app), vectors=vectors)
    by_id = {a.id: a for a in articles}
    with transaction(db):
        replace_term_counts(db, frequencies, total)
        replace_keys(db, ((t, a.when, a.id) for a in everything for t in candidate_terms(a, vectors(a))))
        set_story(db, list(by_id), None)
        delete_stories_without_articles(db)
        for group in groups:
            members = [by_id[i] for i in reversed(group)]  # newest first, as story_members gives them
            if len(members) == 1:
                story_id = create_story(db, _single(members[0]))
                set_story(db, group, story_id)
                continue
            story_id = create_story(db, _single(members[0]))
            set_story(db, group, story_id)
            update_story(db, story_id, story_record(app, story_id, members[:30], vectors))
    return len(groups)
