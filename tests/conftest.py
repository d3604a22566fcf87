from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from briefing.service import App
from config import load_settings
from store import Database, open_db

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = ROOT / "seeds"
NOW = datetime(2025, 1, 23, 12, 0, tzinfo=UTC)


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = open_db(tmp_path / "test.db")
    yield database
    database.conn.close()


@pytest.fixture
def settings(tmp_path: Path):
    return load_settings({"BRIEFING_DB": str(tmp_path / "test.db"), "BRIEFING_ADMINS": "42"})


@pytest.fixture
def app(db: Database, settings) -> App:
    return App(db=db, settings=settings, clock=lambda: NOW)
