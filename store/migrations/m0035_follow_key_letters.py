"""``follows.value_key`` made anew: ``briefing.models.follow_key`` now counts as one name what the news
matches alike, not only letter case (m0031): "İstanbul" and "istanbul" (Unicode case folding writes the
Turkish capital's dot as a mark of its own), "é" composed or decomposed, accents on Latin letters
("Élysée", "Elysee"), "ł" and "l", full-width letters. A chat's follows that the new key counts twice are
kept once, as m0031 kept them: the one followed first (its name is the chat's, and its place in
/following). An alert queued for the other name still goes out: alerts match their reasons with the
chat's follows by ``follow_key`` and name the follow kept.

The unique index on names (``follows_one_name``) is dropped while the keys change, so that no row's new
key meets another's old one halfway, and made again once each key is counted once."""

from sqlite_utils import Database

from briefing.models import follow_key

INDEX = "CREATE UNIQUE INDEX follows_one_name ON follows (chat_id, kind, value_key) WHERE actor_id IS NULL"


def apply(db: Database) -> None:
    db.execute("DROP INDEX IF EXISTS follows_one_name")
    rows = db.execute(
        "SELECT rowid, chat_id, kind, value, actor_id FROM follows ORDER BY created_at, rowid"
    ).fetchall()
    kept: set[tuple[int, str, str]] = set()
    keys, twins = [], []
    for rowid, chat_id, kind, value, actor_id in rows:
        key = follow_key(value)
        if actor_id is None and (chat_id, kind, key) in kept:
            twins.append((rowid,))  # followed later under a name the key counts as one followed before
            continue
        if actor_id is None:
            kept.add((chat_id, kind, key))
        keys.append((key, rowid))
    db.conn.executemany("DELETE FROM follows WHERE rowid = ?", twins)
    db.conn.executemany("UPDATE follows SET value_key = ? WHERE rowid = ?", keys)
    db.execute(INDEX)
