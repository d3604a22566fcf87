"""When the bot refreshes the query planner's statistics: as it closes the database at a stop, in the
daily job of a bot that runs for weeks, and after an ``ingest`` from the command line."""

from pathlib import Path
from types import SimpleNamespace

from conftest import SEEDS

import bot
from briefing.adapters.jobs import Jobs
from briefing.adapters.telegram import _post_shutdown
from briefing.adapters.telegram_handlers import APP_KEY
from briefing.service import App
from store import open_db
from store.articles import count_articles
from store.stories import story_members


def _analyzed(path: Path) -> set[str]:
    db = open_db(path, migrate_schema=False)
    try:
        if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
            return set()
        return {r[0] for r in db.execute("SELECT tbl FROM sqlite_stat1").fetchall()}
    finally:
        db.conn.close()


def _queried_app(path: Path, settings) -> App:
    """An app whose connection has read the articles, as a running bot's has."""
    app = App(db=open_db(path), settings=settings)
    app.db.execute("INSERT INTO articles (title, body, source, ingested_at, dated_at, content_hash, simhash)"
                   " VALUES ('T', 'B.', 's', '2026-01-01', '2026-01-01', 'h', 0)")  # fmt: skip
    story_members(app.db, 1)
    return app


async def test_the_bot_refreshes_the_statistics_as_it_closes_the_database(tmp_path, settings):
    path = tmp_path / "bot.db"
    app = _queried_app(path, settings)
    await _post_shutdown(close_db=True)(SimpleNamespace(bot_data={APP_KEY: app}))
    assert "articles" in _analyzed(path)


async def test_the_daily_job_refreshes_the_statistics(tmp_path, settings):
    path = tmp_path / "bot.db"
    app = _queried_app(path, settings)
    try:
        await Jobs(app).prune(SimpleNamespace())
        assert "articles" in _analyzed(path)
    finally:
        app.db.conn.close()


def test_an_ingest_from_the_command_line_leaves_statistics(tmp_path, capsys):
    path = tmp_path / "cli.db"
    assert bot.main(["--db", str(path), "ingest", "--no-progress", str(SEEDS)]) == 0
    capsys.readouterr()
    assert count_articles(open_db(path)) == 16
    assert "articles" in _analyzed(path)
