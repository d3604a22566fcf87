"""A follow is one actor, or one topic: a chat may follow two actors of the same name (West the place and
West the organisation) and a topic of that name besides. The key was (chat, kind, name), so the second
"West" could not be stored; it becomes the actor's id for an actor, and the words (in any case) for a
topic or an actor followed by a name alone."""

from sqlite_utils import Database

STATEMENTS = (
    """CREATE TABLE follows_new (
    chat_id INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('actor', 'topic')),
    value TEXT NOT NULL,
    actor_id INTEGER REFERENCES actors (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL
)""",
    "CREATE UNIQUE INDEX follows_one_actor ON follows_new (chat_id, actor_id) WHERE actor_id IS NOT NULL",
    "CREATE UNIQUE INDEX follows_one_name ON follows_new (chat_id, kind, lower(value))"
    " WHERE actor_id IS NULL",
    "CREATE INDEX follows_actor ON follows_new (actor_id)",
    # the indexes first, so a row the new key counts twice is kept once, the first followed
    "INSERT OR IGNORE INTO follows_new (chat_id, kind, value, actor_id, created_at)"
    " SELECT chat_id, kind, value, actor_id, created_at FROM follows ORDER BY created_at",
    "DROP TABLE follows",
    "ALTER TABLE follows_new RENAME TO follows",
)


def apply(db: Database) -> None:
    for statement in STATEMENTS:
        db.execute(statement)
