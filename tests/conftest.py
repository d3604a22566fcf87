from __future__ import annotations

import os
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

# python-telegram-bot 22 warns (PTBDeprecationWarning) whenever it builds a RetryAfter unless time
# periods are timedeltas; with filterwarnings=error every 429 would fail a test. Opt in, as bot.py
# should too.
os.environ.setdefault("PTB_TIMEDELTA", "1")


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


@pytest.fixture
async def site():
    """A web site of the test's own on 127.0.0.1 (``tests/localweb.py``)."""
    from tests.localweb import LocalSite

    local = LocalSite()
    await local.start()
    yield local
    await local.stop()


# The loopback Bot API server (tests/botapi/README.md): `botapi` gives each test a fresh one,
# `botapi_bot` a telegram.Bot connected to it.
from tests.botapi.fixtures import botapi, botapi_bot  # noqa: E402, F401
