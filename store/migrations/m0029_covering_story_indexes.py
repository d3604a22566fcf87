"""Two covering indexes for /brief, so the statements it runs on every reply read index pages only.

- ``articles_story_members``: a story's articles newest first with the few small columns a loaded story
  keeps (``store.stories._stories``: source, link, title, whether its outlet dated it, whether its clock
  was known). Without it each of a story's articles was a row read in the table, beside a body of
  kilobytes: the five stories of a /brief on a 100,000-article archive hold about 3,700 articles. ``id``
  follows ``dated_at`` so the index is in the order the statement asks (newest first, then the higher
  id), or SQLite keeps ``articles_story_dated``. It also answers, from the index, whether any of a
  story's articles was dated by its outlet (``stories_without_dates``).
- ``stories_ranking``: the figures /brief ranks a window's stories by (``story_stats_since``: thousands
  of stories on a busy archive), without reading each story's row with its headline and summary.

An archive someone has run ANALYZE on has statistics for its other indexes but none for these, and with
those SQLite keeps ``articles_story_dated``: the two are analyzed too, when the archive has statistics.
"""

from sqlite_utils import Database

STATEMENTS = (
    "CREATE INDEX IF NOT EXISTS articles_story_members ON articles "
    "(story_id, dated_at, id, source, url, title, published_at, clock_unknown)",
    "CREATE INDEX IF NOT EXISTS stories_ranking ON stories (last_updated, id, article_count, source_count)",
)


def apply(db: Database) -> None:
    for statement in STATEMENTS:
        db.execute(statement)
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
        db.execute("ANALYZE articles_story_members")
        db.execute("ANALYZE stories_ranking")
