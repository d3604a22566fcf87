"""pytest fixtures for the test Bot API server (imported into tests/conftest.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import Bot

from tests.botapi.clients import make_bot
from tests.botapi.server import BotApiServer


@pytest.fixture
async def botapi() -> AsyncIterator[BotApiServer]:
    """A fresh server on 127.0.0.1 for one test; stopped (long polls ended) after it."""
    async with BotApiServer() as server:
        yield server


@pytest.fixture
async def botapi_bot(botapi: BotApiServer) -> AsyncIterator[Bot]:
    """An initialised ``telegram.Bot`` talking to ``botapi`` (its getMe is already recorded)."""
    async with make_bot(botapi) as bot:
        yield bot
