"""``feed_entries`` learns when a polled feed's entry stopped being tried, and why. Before, an entry whose
page never came and whose feed summary held no prose was tried at every poll forever (a 404, a paywall) or
failed its whole feed (a page failing for now, once it had waited): one dead entry of a healthy feed
backed the feed off and paused it. Now the entry is given up once and never counts again.

- ``waiting_since``: when this entry's page (or its update's) first failed for now, the start of its
  bounded wait (``feed_polls.page_patience``). Before, the row's ``seen_at`` stood for it, and only a new
  entry's; a row left waiting by an older release starts its wait again at its next failing poll.
- ``given_up_at``/``given_up_why``: the entry was given up (its page gone for good, or failing for its whole
  wait, with nothing in the feed's summary to keep), and the page's error; ``title``/``stamp`` are then
  the version given up, so a later version the feed gives is tried again.
- ``source_id``: the feed that gave it up, for ``/feeds``."""

from sqlite_utils import Database

STATEMENTS = (
    "ALTER TABLE feed_entries ADD COLUMN waiting_since TEXT",
    "ALTER TABLE feed_entries ADD COLUMN given_up_at TEXT",
    "ALTER TABLE feed_entries ADD COLUMN given_up_why TEXT",
    "ALTER TABLE feed_entries ADD COLUMN source_id INTEGER",
    "CREATE INDEX feed_entries_given_up ON feed_entries (source_id, given_up_at)"
    " WHERE given_up_at IS NOT NULL",
)


def apply(db: Database) -> None:
    for statement in STATEMENTS:
        db.execute(statement)
