"""How many articles read each actor as each type: an actor's type is the one most of its articles give
it (``store.actors``), so one article that misreads a well-known name does not retype it. An archive
stored before counts each actor's articles under the type it has."""

from sqlite_utils import Database

SCHEMA = """CREATE TABLE IF NOT EXISTS actor_types (
    actor_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    type TEXT NOT NULL CHECK (type IN ('person', 'organization', 'place')),
    articles INTEGER NOT NULL,
    PRIMARY KEY (actor_id, type)
)"""


def apply(db: Database) -> None:
    db.execute(SCHEMA)  # not executescript, which would commit the migration's transaction
    db.execute(
        "INSERT OR IGNORE INTO actor_types (actor_id, type, articles)"
        " SELECT id, type, article_count FROM actors WHERE article_count > 0"
    )
