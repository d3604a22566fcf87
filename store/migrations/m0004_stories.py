"""Stories and search at archive scale.

- ``articles_au`` re-indexed an article in FTS5 on every update, so storing its summary or its story
  re-tokenized the whole body twice per ingest; it now fires only when the title or body change.
- ``story_terms`` counts the articles holding each (stemmed) term, the row ``''`` counting articles:
  story clustering weighs terms by these, and one primary-key lookup a term stays fast at any size
  (FTS5's own counts, through fts5vocab, read a term's whole doclist).
- ``story_keys`` holds each article's key terms (its weightiest ones) with its date: a new article
  finds the stories worth comparing within the time window by an index range scan a term.
- ``articles_story_dated`` serves "a story's latest articles" without a sort.
"""

from sqlite_utils import Database

STATEMENTS = (
    "DROP TRIGGER IF EXISTS articles_au",
    """CREATE TRIGGER articles_au AFTER UPDATE OF title, body ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, body)
    VALUES ('delete', old.rowid, old.title, old.body);
  INSERT INTO articles_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
END""",
    "CREATE TABLE IF NOT EXISTS story_terms (term TEXT PRIMARY KEY, articles INTEGER NOT NULL) WITHOUT ROWID",
    """CREATE TABLE IF NOT EXISTS story_keys (
  term TEXT NOT NULL,
  dated_at TEXT NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  PRIMARY KEY (term, dated_at, article_id)
) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS story_keys_article ON story_keys (article_id)",
    "CREATE INDEX IF NOT EXISTS articles_story_dated ON articles (story_id, dated_at)",
)


def apply(db: Database) -> None:
    for statement in STATEMENTS:
        db.execute(statement)
