"""The word an admin's /ingest gives before the work (qa29c F12): a single page was told that "a feed's
entry pages can take a minute or two"."""

from __future__ import annotations

import pytest

from briefing.render import to_plain
from briefing.service.admin import _feed_like, _reading


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/feed",
        "https://example.org/rss.xml",
        "https://example.org/news/atom/",
        "https://example.org/index.rdf",
        "https://example.org/feeds/world",
        "https://example.org/rss?apikey=x",
        "https://example.org/news.xml",
    ],
)
def test_an_address_named_as_feeds_are_is_a_feed(url):
    assert _feed_like(url)


@pytest.mark.parametrize(
    "url", ["https://example.org/a5.html", "https://example.org/2026/11/feedback-on-roads", "https://x.org/"]
)
def test_a_page_is_not(url):
    assert not _feed_like(url)


def test_a_page_is_told_of_seconds_and_a_feed_of_minutes():
    page = to_plain(_reading(["http://127.0.0.1:8097/a5.html"], feeds=False))
    assert page == (
        "Reading http://127.0.0.1:8097/a5.html …\n"
        "A page takes a few seconds (a feed, with its entry pages, a minute or two); the result follows."
    )
    feed = to_plain(_reading(["http://127.0.0.1:8097/rss"], feeds=True))
    assert feed.endswith("A feed's entry pages can take a minute or two; the result follows.")
