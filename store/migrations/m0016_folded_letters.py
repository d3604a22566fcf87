"""Letters that are no accent on a base letter ("ł", "ø", "đ", "æ", "ß", the dotless "ı"; see
``briefing.letters``) are folded in search and actor lookups: /search Kukula finds "Kukuła", /actor Kukula
finds Wiesław Kukuła, in an archive stored before as in a new one.

- The full-text index holds ``fold_letters`` (an SQL function ``store.db`` registers on every connection)
  of each title and body: its external content becomes the view ``articles_folded``, which folds them,
  and the triggers index the folded text (a 'delete' passes the folded values that were indexed), so
  FTS5's 'rebuild', 'integrity-check' and column reads see what was indexed. FTS5 reads its content
  table from its CREATE VIRTUAL TABLE statement, which no ALTER changes: the index is made anew and
  rebuilt from the view, once (45 s for 100,000 articles on the 2-core machine under load), rather
  than by rewriting the schema in place.
- Actor keys, alias norms and alias trigrams holding such a letter are folded again. An actor whose new
  key another actor holds already (both "Kukuła" and "Kukula" were stored, as two actors) keeps its key;
  both are found by the name.
"""

from sqlite_utils import Database

from briefing.aliases import fold, skeleton, trigrams
from briefing.letters import has_foldable_letters
from store.db import register_functions

VIEW = (
    "CREATE VIEW articles_folded AS"
    " SELECT id, fold_letters(title) AS title, fold_letters(body) AS body FROM articles"
)
FTS = (
    "CREATE VIRTUAL TABLE articles_fts USING FTS5 (title, body,"
    " tokenize='porter unicode61 remove_diacritics 2', content='articles_folded', content_rowid='id')"
)
DROPPED = (
    "DROP TRIGGER IF EXISTS articles_ai",
    "DROP TRIGGER IF EXISTS articles_ad",
    "DROP TRIGGER IF EXISTS articles_au",
    "DROP TABLE IF EXISTS articles_fts",
)
TRIGGERS = (
    """CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, title, body)
    VALUES (new.id, fold_letters(new.title), fold_letters(new.body));
END""",
    """CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, body)
    VALUES ('delete', old.id, fold_letters(old.title), fold_letters(old.body));
END""",
    # only when the title or body change (m0004): storing a summary or a story re-indexes nothing
    """CREATE TRIGGER articles_au AFTER UPDATE OF title, body ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, body)
    VALUES ('delete', old.id, fold_letters(old.title), fold_letters(old.body));
  INSERT INTO articles_fts (rowid, title, body)
    VALUES (new.id, fold_letters(new.title), fold_letters(new.body));
END""",
)


def apply(db: Database) -> None:
    register_functions(db.conn)
    for statement in DROPPED:
        db.execute(statement)
    db.execute(VIEW)
    db.execute(FTS)
    db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
    for statement in TRIGGERS:
        db.execute(statement)
    _refold_actors(db)


def _refold_actors(db: Database) -> None:
    """Fold again the actor keys and alias norms that hold a letter the fold now changes."""
    keys = db.execute("SELECT id, key FROM actors").fetchall()
    for actor_id, key in keys:
        if has_foldable_letters(key):
            kind, _, norm = key.partition(":")
            new_key = f"{kind}:{_refold(norm, kind)}"
            db.execute("UPDATE OR IGNORE actors SET key = ? WHERE id = ?", [new_key, actor_id])
    aliases = db.execute(
        "SELECT al.actor_id, al.alias, al.norm, a.type FROM actor_aliases al"
        " JOIN actors a ON a.id = al.actor_id"
    ).fetchall()
    for actor_id, alias, norm, kind in aliases:
        if not has_foldable_letters(norm):
            continue
        # a person's alias is looked up by its skeleton too (``briefing.aliases.alias_pairs``)
        norms = {fold(norm), _refold(norm, kind)}
        db.conn.executemany(
            "INSERT OR IGNORE INTO actor_aliases (actor_id, alias, norm) VALUES (?, ?, ?)",
            [(actor_id, alias, new) for new in norms],
        )
        db.conn.executemany(
            "INSERT OR IGNORE INTO alias_trigrams (trigram, norm) VALUES (?, ?)",
            [(t, new) for new in norms for t in trigrams(new)],
        )
        db.execute("DELETE FROM actor_aliases WHERE actor_id = ? AND norm = ?", [actor_id, norm])
        db.conn.executemany(
            "DELETE FROM alias_trigrams WHERE trigram = ? AND norm = ?", [(t, norm) for t in trigrams(norm)]
        )


def _refold(norm: str, kind: str) -> str:
    """A stored norm (folded before) folded now; a person's as its skeleton, as ``actor_key`` keeps it."""
    folded = fold(norm)
    return skeleton(folded) if kind == "person" else folded
