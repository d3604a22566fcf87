"""``articles.summary_key``: what made an article's stored summary (the summarizer's version, the
algorithm, the length and the sentence cap, as :func:`briefing.service.summaries.summary_key` writes
it). Every row stored before has none, so it counts as stale: the running bot summarizes it again with
the current rules, newest first (:mod:`briefing.service.resummarize`).

``articles_summary_key`` (summary_key, dated_at, id) finds the stale articles of each key newest first
(as a story orders its articles, so a story's latest are made again first) without reading the
articles' rows, whose bodies make a scan of 100,000 of them cost seconds; it is small (0.7 s to build
and a few MB for 100,000 articles).
"""

from sqlite_utils import Database


def apply(db: Database) -> None:
    columns = {row[1] for row in db.execute("PRAGMA table_info(articles)").fetchall()}
    if "summary_key" not in columns:
        db.execute("ALTER TABLE articles ADD COLUMN summary_key TEXT")
    db.execute("CREATE INDEX IF NOT EXISTS articles_summary_key ON articles (summary_key, dated_at, id)")
