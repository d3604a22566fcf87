"""Actor lookups at archive scale: an article-actor table for dossiers and charts, and alias trigrams for
typo-tolerant search.

``article_actors`` has one row per actor per article with the article's date, so "the latest articles about
X", "who is mentioned with X" and "mentions of X per day" read an index range instead of every mention.
``actor_sources`` and ``actor_days`` keep per-outlet and per-day totals, so "in 7,000 articles from 40
sources" and the mentions-per-day chart read a few rows even for the most mentioned actor.
``alias_trigrams`` maps each trigram of an alias norm to the norm, so "Kelog" finds "kellogg" by shared
trigrams before an edit distance is computed on a few dozen candidates.
"""

from sqlite_utils import Database

SCHEMA = """
CREATE TABLE article_actors (
    actor_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    dated_at TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (actor_id, article_id)
) WITHOUT ROWID;
CREATE INDEX article_actors_latest ON article_actors (actor_id, dated_at, mentions);
CREATE INDEX article_actors_article ON article_actors (article_id, actor_id);

-- running totals, so a dossier never counts an actor's articles one by one
CREATE TABLE actor_sources (
    actor_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    articles INTEGER NOT NULL,
    PRIMARY KEY (actor_id, source)
) WITHOUT ROWID;

CREATE TABLE actor_days (
    actor_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (actor_id, day)
) WITHOUT ROWID;

CREATE TABLE alias_trigrams (
    trigram TEXT NOT NULL,
    norm TEXT NOT NULL,
    PRIMARY KEY (trigram, norm)
) WITHOUT ROWID;

CREATE INDEX actors_type_count ON actors (type, article_count)
"""


def apply(db: Database) -> None:
    for statement in SCHEMA.split(";"):
        if statement.strip():
            db.execute(statement)
