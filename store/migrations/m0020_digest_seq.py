"""A chat may get two digests labelled with one date: after a change of timezone (the date of Tokyo's
digest is still ahead in Honolulu) or of time (a morning digest, then an evening one at least the minimum
gap later). ``deliveries.seq`` tells them apart: 0 for a date's first digest, 1 for the next, and so on;
it joins the primary key. SQLite cannot change a primary key in place, so the table is rebuilt with its
rows (all of them digests of their date's first kind: seq 0) and its indexes.
"""

from sqlite_utils import Database

COLUMNS = (
    "chat_id, digest_date, part, state, text, story_ids, message_id, claimed_at, sent_at, error, plain,"
    " due_at, attempts, sent_plain, unconfirmed, facts, composed_at, held"
)

STATEMENTS = (
    """
    CREATE TABLE deliveries_m0020 (
        chat_id INTEGER NOT NULL,
        digest_date TEXT NOT NULL,
        seq INTEGER NOT NULL DEFAULT 0,
        part INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'claimed', 'sent', 'failed')),
        text TEXT NOT NULL DEFAULT '',
        story_ids TEXT NOT NULL DEFAULT '',
        message_id INTEGER,
        claimed_at TEXT,
        sent_at TEXT,
        error TEXT,
        plain TEXT NOT NULL DEFAULT '',
        due_at TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        sent_plain INTEGER NOT NULL DEFAULT 0,
        unconfirmed INTEGER NOT NULL DEFAULT 0,
        facts TEXT NOT NULL DEFAULT '',
        composed_at TEXT,
        held TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (chat_id, digest_date, seq, part)
    )
    """,
    f"INSERT INTO deliveries_m0020 ({COLUMNS}) SELECT {COLUMNS} FROM deliveries",
    "DROP TABLE deliveries",
    "ALTER TABLE deliveries_m0020 RENAME TO deliveries",
    "CREATE INDEX deliveries_state ON deliveries (state)",
    "CREATE INDEX deliveries_pending ON deliveries (state, due_at, chat_id)",
    "CREATE INDEX deliveries_date_chat ON deliveries (digest_date, chat_id)",
)


def apply(db: Database) -> None:
    for statement in STATEMENTS:
        db.execute(statement)
