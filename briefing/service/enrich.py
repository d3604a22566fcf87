"""What happens to an article after it is stored: its actors, its summary, its story.

``enrich_article`` runs inside the ingest transaction of each new article, so an article is never
left half-processed. Each capability contributes one step, in this order. The steps' reading of the text
(actor extraction, the summary: most of the time an article takes) needs no database, so the bot does it
before the transaction in a worker thread (:func:`prepare_enrichment`), and its event loop keeps answering
chats while a long page is read.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.models import Article
from briefing.service import App
from briefing.service.actors import ActorReading, index_actors, read_actors
from briefing.service.stories import assign_article_story
from briefing.service.summaries import store_summary, summarize_text
from config import Settings


@dataclass(frozen=True)
class Prepared:
    """The reading of an article's title and body, done before it is stored."""

    title: str
    body: str
    actors: ActorReading | None
    summary: tuple[str, ...]


def prepare_enrichment(settings: Settings, title: str, body: str) -> Prepared:
    """Read an article's actors and summary from its text; safe in a worker thread (no database)."""
    return Prepared(title, body, read_actors(title, body), summarize_text(settings, title, body))


def enrich_article(app: App, article: Article, prepared: Prepared | None = None) -> None:
    """Index the actors of a new article, store its summary, and put it in a story. A ``prepared``
    reading of other text than the article's as stored is not used."""
    if prepared is not None and (prepared.title, prepared.body) != (article.title, article.body):
        prepared = None
    if prepared is None:
        index_actors(app, article)
        store_summary(app, article)
    else:
        if prepared.actors is not None:  # None: extraction failed, and said so, in the worker
            index_actors(app, article, prepared.actors)
        store_summary(app, article, prepared.summary)
    assign_article_story(app, article)
