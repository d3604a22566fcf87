"""End to end, the admins and the feeds the bot polls: an address that is not a feed is not polled (QA12a
F4)."""

from __future__ import annotations

import pytest

from store.sources import find_source
from tests.botapi import User
from tests.conftest import NOW
from tests.e2e_helpers import ADMIN, harness

pytestmark = pytest.mark.e2e
ADA = User(ADMIN, "Ada")
STUB = b"""<?xml version="1.0"?>
<head><title>Document Moved</title></head>
<body><h1>Object Moved</h1>This document may be found <a HREF="http://example.com/rss">here</a></body>
"""


@pytest.fixture
async def bot(botapi, tmp_path):
    async with harness(botapi, tmp_path / "bot.db", clock=lambda: NOW) as h:
        yield h


async def test_an_address_that_is_no_feed_is_not_added_to_the_polled_feeds(bot, site):
    site.add_bytes("/moved.rss", STUB, "application/rss+xml")
    url = site.url("/moved.rss")
    reply = await bot.ask(f"/ingest {url}", user=ADA, wait_text="Ingested")
    assert "not an RSS or Atom feed" in reply.text
    assert "not added to the feeds read on a schedule" in reply.text
    assert "is now read every" not in reply.text
    assert find_source(bot.app.db, url) is None
