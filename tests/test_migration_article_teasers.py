"""m0046: ``articles.teaser``. The articles stored before it are taken as their own text (0): none is read
again at the next poll of its feed; a feed's summary kept from now on is marked, and its page replaces it."""

from datetime import UTC, datetime

from store import open_db
from store.articles import find_by_url, summaries_to_retry
from tests.article_rows import database_before

WHEN = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def test_articles_stored_before_the_upgrade_are_their_own_text(tmp_path):
    path = tmp_path / "old.db"
    old = database_before(path, 46, when=WHEN)
    old.execute(
        "INSERT INTO articles (url, title, body, source, ingested_at, dated_at, content_hash, simhash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
        ["https://x.test/a", "A title", "A body.", "X", WHEN.isoformat(), WHEN.isoformat(), "h1"],
    )
    old.conn.close()
    db = open_db(path)
    try:
        assert find_by_url(db, "https://x.test/a").teaser == 0
        assert summaries_to_retry(db, ["https://x.test/a"]) == set()
    finally:
        db.conn.close()
