"""``/brief [topic]``, ``/search WORDS`` and ``/latest``: stories and articles from the archive."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from briefing.briefs import (
    compose_articles,
    compose_brief,
    needs_words,
    no_articles,
    no_matches,
    no_stories,
    shorten,
)
from briefing.document import Document
from briefing.models import Story
from briefing.service import App
from briefing.service.commands import Asker, Reply, command
from briefing.stories import score
from store.search import (
    actor_ids_named,
    article_ids_mentioning,
    fts_query,
    latest_articles,
    matching_ids,
    search_articles,
)
from store.stories import (
    StoryStats,
    latest_story_update,
    stories_by_ids,
    story_ids_of,
    story_stats_of,
    story_stats_since,
)

LIST_LIMIT = 20
TOPIC_ARTICLES = 300  # a topic brief looks at the stories of this many newest matching articles


def _reply(document: Document, app: App) -> Reply:
    return Reply(document, paged=len(document.sections) > app.settings.brief_page_size)


def _best(app: App, stats: Sequence[StoryStats]) -> list[Story]:
    """Rank on the stories table's own figures, then load only the stories shown."""
    now = app.now()
    best = sorted(
        stats,
        key=lambda s: (
            -score(last_updated=s.last_updated, sources=s.source_count, articles=s.article_count, now=now),
            -s.last_updated.timestamp(),
            s.id,
        ),
    )[: app.settings.brief_stories]
    loaded = {s.id: s for s in stories_by_ids(app.db, [s.id for s in best])}
    return [loaded[s.id] for s in best if s.id in loaded]


def top_stories(app: App) -> tuple[list[Story], datetime | None]:
    """The best stories around the archive's newest news (``now``, or earlier if the news is old)."""
    latest = latest_story_update(app.db)
    if latest is None:
        return [], None
    anchor = min(app.now(), latest)
    since = anchor - timedelta(hours=app.settings.story_window_hours)
    return _best(app, story_stats_since(app.db, since)), anchor


def topic_stories(app: App, topic: str) -> list[Story] | None:
    """The best stories matching a topic (words, or an actor's name); None when it has no words."""
    query = fts_query(topic)
    if query is None:
        return None
    ids = matching_ids(app.db, query, limit=TOPIC_ARTICLES)
    actor_articles = article_ids_mentioning(app.db, actor_ids_named(app.db, topic), limit=TOPIC_ARTICLES)
    story_ids = story_ids_of(app.db, list(dict.fromkeys([*actor_articles, *ids])))
    return _best(app, story_stats_of(app.db, story_ids))


@command("brief", "/brief [topic]", "the top stories now, or the stories about a topic or a person")
async def brief(app: App, args: str, asker: Asker) -> Reply:
    """The top stories, or those about a topic."""
    topic = args.strip()
    if not topic:
        stories, anchor = top_stories(app)
        if not stories:
            return Reply(no_stories(None))
        return _reply(compose_brief(stories, now=app.now(), as_of=anchor), app)
    stories_found = topic_stories(app, topic)
    if stories_found is None:
        return Reply(needs_words("brief", "Kellogg"))
    return _reply(compose_brief(stories_found, now=app.now(), topic=topic), app)


@command("search", "/search WORDS", "articles with all these words, newest first")
async def search(app: App, args: str, asker: Asker) -> Reply:
    """Articles matching the words, newest first."""
    if fts_query(args) is None:
        return Reply(needs_words("search", "North Korea troops"))
    articles = search_articles(app.db, args, limit=LIST_LIMIT)
    if not articles:
        return Reply(no_matches(args.strip()))
    title = f"Articles with “{shorten(args.strip())}”, newest first"
    return _reply(compose_articles(articles, now=app.now(), title=title), app)


@command("latest", "/latest", "the newest articles")
async def latest(app: App, args: str, asker: Asker) -> Reply:
    """The newest articles in the archive."""
    articles = latest_articles(app.db, limit=LIST_LIMIT)
    if not articles:
        return Reply(no_articles())
    return _reply(compose_articles(articles, now=app.now(), title="Latest articles"), app)
