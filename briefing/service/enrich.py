"""What happens to an article after it is stored: its actors, its summary, its story.

``enrich_article`` runs inside the ingest transaction of each new article, so an article is never
left half-processed. Each capability contributes one step, in this order.
"""

from __future__ import annotations

from briefing.models import Article
from briefing.service import App
from briefing.service.actors import index_actors
from briefing.service.stories import assign_article_story
from briefing.service.summaries import store_summary


def enrich_article(app: App, article: Article) -> None:
    """Index the actors of a new article, store its summary, and put it in a story."""
    # steps are added by the actors, summaries and stories work
    index_actors(app, article)
    store_summary(app, article)
    assign_article_story(app, article)
