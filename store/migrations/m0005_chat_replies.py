"""Which bot messages answered which user message (so an edited message replaces its answer), and an
index to prune old callback ids by age."""

from sqlite_utils import Database

SCHEMA = """
CREATE TABLE chat_replies (
    chat_id INTEGER NOT NULL,
    user_message_id INTEGER NOT NULL,
    -- the bot's messages of the answer, in order, comma-separated
    bot_message_ids TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (chat_id, user_message_id)
);
CREATE INDEX chat_replies_created ON chat_replies (created_at);
CREATE INDEX callbacks_created ON callbacks (created_at)
"""


def apply(db: Database) -> None:
    for statement in SCHEMA.split(";"):
        if statement.strip():
            db.execute(statement)
