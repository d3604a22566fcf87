"""Delivery bookkeeping for digests and alerts.

``deliveries`` gains the plain-text twin of each part (sent when Telegram rejects our HTML), the moment
the digest was due (late sends and expiry are measured from it), how many runs tried a part, and whether
it went out as plain text. ``alerts`` becomes a small outbox of its own: an alert is queued (pending, with
the moment it may go out, later than now in quiet hours), claimed, then sent or folded into a digest.
"""

from sqlite_utils import Database

STATEMENTS = (
    "ALTER TABLE deliveries ADD COLUMN plain TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE deliveries ADD COLUMN due_at TEXT",
    "ALTER TABLE deliveries ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE deliveries ADD COLUMN sent_plain INTEGER NOT NULL DEFAULT 0",
    "CREATE INDEX deliveries_pending ON deliveries (state, due_at, chat_id)",
    # pending | claimed | sent | failed | folded (its story went out in a digest first)
    "ALTER TABLE alerts ADD COLUMN state TEXT NOT NULL DEFAULT 'pending'",
    "ALTER TABLE alerts ADD COLUMN reason TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE alerts ADD COLUMN created_at TEXT",
    "ALTER TABLE alerts ADD COLUMN due_at TEXT",
    "ALTER TABLE alerts ADD COLUMN claimed_at TEXT",
    "ALTER TABLE alerts ADD COLUMN message_id INTEGER",
    "ALTER TABLE alerts ADD COLUMN error TEXT",
    "CREATE INDEX alerts_pending ON alerts (state, due_at)",
)


def apply(db: Database) -> None:
    for statement in STATEMENTS:
        db.execute(statement)
