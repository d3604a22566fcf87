"""A follow's name in any letter case, stored: ``follows.value_key``, what ``briefing.models.follow_key``
makes of the value (Unicode case folding). The bot compares follows by that key (/follow finds "élysée"
already followed as "ÉLYSÉE", /unfollow stops it, an alert held for one goes to a chat following the
other), but the database kept a chat's names apart by SQLite's ``lower()``, which folds A-Z alone: both
"ÉLYSÉE" and "élysée" could be stored, and one /unfollow stopped both. The index on names
(``follows_one_name``) is now on the stored key, so the database refuses what the bot counts as the same
follow; a writer must give the key (``NOT NULL``, no default to collide on).

The table is made anew with the key. A chat's follows the key counts twice are kept once: the one
followed first (its name is the chat's, and its place in /following), as migration 8 kept them. An alert
queued for the other name still goes out: alerts match their reasons with the chat's follows by
``follow_key`` too, and name the follow kept."""

from sqlite_utils import Database

from briefing.models import follow_key

STATEMENTS = (
    # the old table's indexes have the names the new ones take
    "DROP INDEX IF EXISTS follows_one_actor",
    "DROP INDEX IF EXISTS follows_one_name",
    "DROP INDEX IF EXISTS follows_actor",
    """CREATE TABLE follows_new (
    chat_id INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('actor', 'topic')),
    value TEXT NOT NULL,
    actor_id INTEGER REFERENCES actors (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    value_key TEXT NOT NULL
)""",
    "CREATE UNIQUE INDEX follows_one_actor ON follows_new (chat_id, actor_id) WHERE actor_id IS NOT NULL",
    "CREATE UNIQUE INDEX follows_one_name ON follows_new (chat_id, kind, value_key) WHERE actor_id IS NULL",
    "CREATE INDEX follows_actor ON follows_new (actor_id)",
)


def apply(db: Database) -> None:
    for statement in STATEMENTS:
        db.execute(statement)
    rows = db.execute(
        "SELECT chat_id, kind, value, actor_id, created_at FROM follows ORDER BY created_at, rowid"
    ).fetchall()
    # the indexes first, so a follow the key counts twice is kept once: the first followed
    db.conn.executemany(
        "INSERT OR IGNORE INTO follows_new (chat_id, kind, value, actor_id, created_at, value_key)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(*row, follow_key(row[2])) for row in rows],
    )
    db.execute("DROP TABLE follows")
    db.execute("ALTER TABLE follows_new RENAME TO follows")
