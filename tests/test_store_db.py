import sqlite3

import pytest

from store import StoreError, open_db, transaction


def test_migrations_run_once(tmp_path):
    path = tmp_path / "a.db"
    open_db(path).conn.close()
    db = open_db(path)
    rows = db.execute("SELECT number FROM schema_migrations").fetchall()
    assert [r[0] for r in rows] == sorted({r[0] for r in rows})
    assert "articles_fts" in db.table_names()


def test_pragmas(db):
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_transaction_rolls_back_on_error(db):
    with pytest.raises(RuntimeError), transaction(db):
        db.execute("INSERT INTO callbacks (id, chat_id, payload, created_at) VALUES ('a', 1, 'p', 'now')")
        raise RuntimeError("boom")
    assert db.execute("SELECT count(*) FROM callbacks").fetchone()[0] == 0


def test_foreign_keys_are_enforced(db):
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO mentions (actor_id, article_id, sentence_index, sentence_start, sentence_end,"
            " start, end, surface) VALUES (99, 99, 0, 0, 1, 0, 1, 'x')"
        )


def test_a_migration_another_process_applied_meanwhile_is_not_applied_again(tmp_path, monkeypatch):
    import store.db

    path = tmp_path / "new.db"
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=10)
    first = store.db.Database(conn)
    listed = store.db._migrations
    raced = []

    def other_process_first():  # this process has read what was applied (nothing); the other migrates now
        if not raced:
            raced.append(True)
            open_db(path).conn.close()
        return listed()

    monkeypatch.setattr(store.db, "_migrations", other_process_first)
    assert store.db.migrate(first) == []
    rows = first.execute("SELECT number FROM schema_migrations").fetchall()
    assert len(rows) == len(listed())


def test_chunks_cut_a_list_into_slices_of_at_most_the_size():
    from store.db import chunks

    assert list(chunks([1, 2, 3, 4, 5], 2)) == [[1, 2], [3, 4], [5]]
    assert list(chunks((1, 2), 500)) == [(1, 2)]
    assert list(chunks([], 500)) == []


def test_no_store_module_imports_another_ones_private_names():
    """A helper two modules need is public where it belongs (``store.db.chunks``), not borrowed."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "store"
    borrowed = [
        f"{path.name}: {node.module}.{alias.name}"
        for path in sorted(root.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("store")
        for alias in node.names
        if alias.name.startswith("_")
    ]
    assert borrowed == []


def test_a_database_a_newer_release_upgraded_is_refused_and_left_as_it_was(tmp_path):
    path = tmp_path / "newer.db"
    open_db(path).conn.close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_migrations VALUES (999, 'm0999_future', '2027-01-01')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match=r"newer Briefing \(migration 999; this one knows up to"):
        open_db(path)
    count = sqlite3.connect(path).execute("SELECT count(*) FROM schema_migrations").fetchone()[0]
    assert count > 1  # nothing was undone or added
