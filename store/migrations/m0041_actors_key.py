"""``articles.actors_key``: which actor extraction rules stored an article's actors (``v`` and
``briefing.actors.ACTORS_VERSION``, as :func:`briefing.service.actors.actors_key` writes it). Every row
stored before has none, so it counts as stale: the running bot reads its actors again with the current
rules, newest first (:mod:`briefing.service.reextract`).

``article_actors.type``: the type the article gave the actor in ``actor_types`` (NULL: none, or stored
before this column), so taking an article's actors off takes its vote off with them.

``articles_actors_key`` (actors_key, dated_at, id) finds the stale articles of each key newest first
without reading the articles' rows (as ``articles_summary_key`` does for summaries).
"""

from sqlite_utils import Database


def apply(db: Database) -> None:
    columns = {row[1] for row in db.execute("PRAGMA table_info(articles)").fetchall()}
    if "actors_key" not in columns:
        db.execute("ALTER TABLE articles ADD COLUMN actors_key TEXT")
    links = {row[1] for row in db.execute("PRAGMA table_info(article_actors)").fetchall()}
    if "type" not in links:
        db.execute("ALTER TABLE article_actors ADD COLUMN type TEXT")
    db.execute("CREATE INDEX IF NOT EXISTS articles_actors_key ON articles (actors_key, dated_at, id)")
