"""Near-duplicates by MinHash instead of simhash (see ``briefing/dedupe.py``).

A simhash within 3 bits missed most re-published copies with a sentence added or a paragraph
corrected (they land 5-10 bits away). The new tables hold each article's MinHash signature and its
band keys; the articles already stored are sketched here, so they are found as originals at once.
``article_bands`` (the simhash bands) is dropped; ``articles.simhash`` stays, unread (dropping a
column rewrites the table), and new rows store 0 there.
"""

from sqlite_utils import Database

from store.sketches import backfill_sketches

SCHEMA = """
CREATE TABLE IF NOT EXISTS article_sketches (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    signature BLOB NOT NULL,
    features INTEGER NOT NULL,
    size INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS article_sketch_bands (
    key INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (key, article_id)
) WITHOUT ROWID;
-- for ON DELETE CASCADE: without it, deleting an article would scan every band row
CREATE INDEX IF NOT EXISTS article_sketch_bands_article ON article_sketch_bands (article_id);
DROP TABLE IF EXISTS article_bands;
"""


def apply(db: Database) -> None:
    for statement in SCHEMA.split(";"):
        if statement.strip():
            db.execute(statement)
    backfill_sketches(db)
