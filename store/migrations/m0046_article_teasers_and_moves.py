"""``articles.teaser``: whether an article's text is only its feed's summary, kept because its page could
not be read. Before, such an article was the page for good: the next read of the feed found its URL known
("duplicate") and never fetched the page, and even ``bot.py ingest PAGE_URL`` fetched the full page and
threw it away as a duplicate of the one-line teaser (qa32c F2).

- 0: the text is the article's own (a page, a dump, a feed entry holding the whole article).
- 1: the feed's summary, its page failing for now (a 5xx, a timeout) when no later poll was to try again:
  the next read of the feed fetches the page again.
- 2: the feed's summary, its page gone (a 404, a wall) or failing for a polled feed's whole wait: only
  an ingest of the page itself reads it again.

A page read in full for such a URL is stored as the page's new version, the summary set aside. The
articles stored before are taken as their own text (0).

``page_aliases``: an address a page was read at that is not its own, and the page's own URL now. A feed
entry updated after its page moved (its link answering 301 to a new canonical URL) stores the new version
under that canonical URL, as a page ingested directly does, not under the feed's old link (qa32c F9); the
link is remembered as the page's, so the next poll still knows the entry and does not fetch it again."""

from sqlite_utils import Database

STATEMENTS = (
    "ALTER TABLE articles ADD COLUMN teaser INTEGER NOT NULL DEFAULT 0",
    "CREATE TABLE page_aliases (url TEXT PRIMARY KEY, page_url TEXT NOT NULL, added_at TEXT NOT NULL)",
)


def apply(db: Database) -> None:
    for statement in STATEMENTS:
        db.execute(statement)
