"""Failure reasons in words: no parser locations ("<unknown>:3:89"), no zlib error numbers."""

import gzip

import pytest

from briefing.errors import MalformedFeedError
from briefing.feeds import parse_feed

FEED = (
    b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Wire</title>\n'
    + b"<item><title>A story</title><description>The council met on Tuesday.</description></item>" * 50
    + b"</channel></rss>"
)


def test_a_feed_cut_short_names_its_line_and_column():
    with pytest.raises(MalformedFeedError) as caught:
        parse_feed(b'<?xml version="1.0"?>\n<rss version="2.0"><channel>\n<item><title>A story</title><desc')
    assert str(caught.value) == (
        "malformed feed, no entry could be read: not well-formed XML (line 3, column 28: unclosed token)"
    )


def test_a_gzip_file_cut_short_is_broken_gzip_not_a_malformed_feed():
    with pytest.raises(MalformedFeedError, match=r"^broken gzip data: the file is cut short$"):
        parse_feed(gzip.compress(FEED)[:-12])  # the last block and the trailer lost


def test_corrupt_gzip_data_is_named_without_zlibs_error():
    whole = bytearray(gzip.compress(FEED))
    whole[40:60] = b"\xff" * 20
    with pytest.raises(MalformedFeedError, match=r"^broken gzip data: it does not decompress$"):
        parse_feed(bytes(whole))


def test_a_whole_gzip_file_is_read():
    assert len(parse_feed(gzip.compress(FEED)).entries) >= 1
