"""Feed bombs (QA15c F2): a gzipped feed is inflated to the download limit at most, and a large feed that
is not well-formed XML is refused instead of being handed to feedparser's slow lenient parser."""

import gzip

import pytest
from localweb import LocalSite

from briefing import feeds
from briefing.errors import MalformedFeedError
from briefing.feeds import MAX_FEED_BYTES, looks_like_feed, parse_feed, sniff_xml
from briefing.service.ingest import ingest_sources
from store.sources import find_source

ITEM = (
    "<item><title>Council budget approved</title><link>https://news.test/a/{n}</link>"
    "<description>Officials in Northwick said the council approved a new budget of {n} million on Monday. "
    "The mayor said the plan would fund schools and roads.</description></item>"
)


def rss(items: str, tail: str = "") -> bytes:
    head = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><link>https://news.test/</link>'
    )
    return (head + items + tail + "</channel></rss>").encode()


def bomb(padding: int) -> bytes:
    """A valid item, then an unclosed comment of ``padding`` spaces: a few kB of gzip, megabytes of XML."""
    return gzip.compress(rss(ITEM.format(n=1))[: -len("</channel></rss>")] + b"<!--" + b" " * padding, 9)


def test_the_default_inflation_limit_is_the_download_limit():
    assert MAX_FEED_BYTES == 5_000_000


def test_a_gzipped_feed_inflating_beyond_the_limit_is_refused():
    data = bomb(MAX_FEED_BYTES + 1)
    assert len(data) < 20_000
    with pytest.raises(MalformedFeedError, match=r"^the feed inflates beyond 5 MB \(the size limit\)$"):
        parse_feed(data)
    with pytest.raises(MalformedFeedError, match=r"inflates beyond 0\.1 MB"):
        sniff_xml(gzip.compress(b" " * 100_001), 100_000)


def test_a_gzipped_feed_within_the_limit_is_read():
    data = gzip.compress(rss(ITEM.format(n=1) + ITEM.format(n=2)))
    assert sniff_xml(data, len(gzip.decompress(data))).startswith(b"<?xml")
    assert [e.draft.url for e in parse_feed(data).entries] == [
        "https://news.test/a/1",
        "https://news.test/a/2",
    ]


def test_telling_a_gzipped_feed_inflates_only_its_head():
    assert looks_like_feed(bomb(MAX_FEED_BYTES * 2))  # told from its head: no error, no 10 MB inflated


def test_a_large_feed_that_is_not_well_formed_is_refused_not_read_leniently(monkeypatch):
    monkeypatch.setattr(feeds, "LENIENT_MAX_BYTES", 20_000)
    unclosed = rss("", tail="<item><title>x" * 2_000)
    with pytest.raises(MalformedFeedError) as caught:
        parse_feed(unclosed)
    size = f"{len(unclosed) / 1e6:.3g}"
    assert str(caught.value).startswith(
        f"malformed feed of {size} MB, too large to be repaired (at most 0.02 MB are): "
    )


def test_a_small_broken_feed_is_still_read_leniently_and_a_large_valid_one_in_full(monkeypatch):
    monkeypatch.setattr(feeds, "LENIENT_MAX_BYTES", 20_000)
    broken = rss(ITEM.format(n=1) + "<item><title>Unclosed <b>bold</title></item>")
    assert len(broken) < 20_000
    read = parse_feed(broken)
    assert read.recovered and read.entries[0].draft.url == "https://news.test/a/1"
    large = rss("".join(ITEM.format(n=n) for n in range(100)))
    assert len(large) > 20_000
    assert len(parse_feed(large).entries) == 100


def test_a_large_feed_in_an_encoding_expat_cannot_read_is_left_to_feedparser(monkeypatch):
    monkeypatch.setattr(feeds, "LENIENT_MAX_BYTES", 1_000)
    head = '<?xml version="1.0" encoding="shift_jis"?><rss version="2.0">'
    head += "<channel><title>日本のニュース</title>"
    item = "<item><title>記事 {n}</title><link>https://news.test/jp/{n}</link></item>"
    items = "".join(item.format(n=n) for n in range(40))
    read = parse_feed((head + items + "</channel></rss>").encode("shift_jis"))
    assert read.title == "日本のニュース" and len(read.entries) == 40


async def test_a_feed_bomb_at_ingest_is_a_failure_and_not_polled(app, site: LocalSite):
    site.add_bytes("/feed.xml.gz", bomb(app.settings.fetch_max_bytes + 1), "application/gzip")
    report = await ingest_sources(app, [site.url("/feed.xml.gz")], poll=True)
    assert report.failed == (
        (
            site.url("/feed.xml.gz"),
            "the feed inflates beyond 5 MB (the size limit); not added to the feeds read on a schedule",
        ),
    )
    assert find_source(app.db, site.url("/feed.xml.gz")) is None
