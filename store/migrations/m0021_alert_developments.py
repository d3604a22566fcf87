"""Alerts for a story's later developments: a chat that heard of a story (by an alert or a digest) gets
another alert when a new article of it brings a fact the chat was not told. ``alerts`` was keyed by
(chat, story), one alert a story; it is made anew keyed by (chat, story, ``development``): 0 is the first
telling, still at most one a story, and 1, 2... the updates after it. The rows kept are the first
tellings they were (``development`` 0), with every column as it was.
"""

from sqlite_utils import Database

COLUMNS = (
    "chat_id, story_id, sent_at, state, reason, created_at, due_at, claimed_at, message_id, error,"
    " unconfirmed, article_id"
)
STATEMENTS = (
    "CREATE TABLE alerts_new (chat_id INTEGER NOT NULL, story_id INTEGER NOT NULL,"
    " development INTEGER NOT NULL DEFAULT 0, sent_at TEXT, state TEXT NOT NULL DEFAULT 'pending',"
    " reason TEXT NOT NULL DEFAULT '', created_at TEXT, due_at TEXT, claimed_at TEXT, message_id INTEGER,"
    " error TEXT, unconfirmed INTEGER NOT NULL DEFAULT 0, article_id INTEGER,"
    " PRIMARY KEY (chat_id, story_id, development))",
    f"INSERT INTO alerts_new ({COLUMNS}) SELECT {COLUMNS} FROM alerts",
    "DROP TABLE alerts",
    "ALTER TABLE alerts_new RENAME TO alerts",
    "CREATE INDEX alerts_pending ON alerts (state, due_at)",
)


def apply(db: Database) -> None:
    for statement in STATEMENTS:
        db.execute(statement)
