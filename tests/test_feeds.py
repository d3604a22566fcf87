"""Feeds → drafts: the real captured feeds, their encodings, and the broken ones."""

import gzip
import json
from datetime import UTC, datetime

import pytest
from conftest import FIXTURES

from briefing.dates import parse_date
from briefing.errors import MalformedFeedError
from briefing.feeds import has_prose, html_to_text, looks_like_feed, parse_feed
from briefing.furniture import author_name
from briefing.models import ArticleDraft

FEEDS = FIXTURES / "feeds"


def feed(name, **kw):
    return parse_feed((FEEDS / name).read_bytes(), **kw)


def test_guardian_entries_match_the_expected_parse():
    expected = json.loads((FEEDS / "guardian.expected.json").read_text())["feed"]["items"]
    parsed = feed("guardian.rss")
    assert parsed.title == "The Guardian" and parsed.version == "rss20"
    assert parsed.recovered is None
    assert len(parsed.entries) == len(expected) == 55
    for entry, want in zip(parsed.entries, expected, strict=True):
        assert entry.draft.title == " ".join(want["title"].split())
        assert entry.draft.url == want["link"]
        # the writers only: rss-parser keeps the Guardian's jobs and places ("Tom McCarthy in New York")
        assert entry.draft.author == (author_name(want["creator"]) or None)
        assert entry.draft.published_at == datetime.fromisoformat(want["isoDate"])
        assert entry.draft.source == "The Guardian"
    authors = {entry.draft.author for entry in parsed.entries}
    assert {"Damian Carrington", "Ashifa Kassam", "Sam Jones and Stephen Burgen"} <= authors
    assert "Nick Ames, Ed Aarons and Ben Fisher" in authors  # "(now)", "(earlier)" go
    first = parsed.entries[0].draft
    assert first.section == "Donald Trump"
    assert "<p>" not in first.body and "Continue reading" not in first.body
    assert first.body.startswith("The president’s ‘new American moment’ speech stirred")


def test_a_summary_only_feed_is_all_teasers_and_full_content_is_not():
    assert all(e.teaser for e in feed("guardian.rss").entries)
    medium = feed("content-encoded.rss").entries
    # the members-only posts (Medium's "currently available to Medium Members" note is furniture) and the
    # re-published one's teaser are teasers once Medium's footer is not counted as their text
    assert sum(not e.teaser for e in medium) == 4
    locked = next(e for e in medium if e.draft.title.startswith("Eight Reasons"))
    assert locked.teaser and "Eight Reasons You Shouldn’t Grow Your Own Food\n" not in locked.draft.body
    full = next(e for e in medium if not e.teaser).draft
    assert len(full.body.split()) > 150 and "\n\n" in full.body and "<" not in full.body


@pytest.mark.parametrize(
    ("name", "version", "count"),
    [
        ("heraldsun.rss", "rss092", 2),
        ("craigslist.rss", "rss10", 25),
        ("heise.atom", "atom10", 15),
        ("tpm.atom", "atom10", 20),
    ],
)
def test_rss_09x_10_and_atom(name, version, count):
    parsed = feed(name)
    assert (parsed.version, len(parsed.entries)) == (version, count)
    assert all(e.draft.title and e.draft.body for e in parsed.entries)


def test_atom_dates_authors_and_links():
    entry = feed("tpm.atom", url="http://127.0.0.1/tpm.atom").entries[0].draft
    assert entry.author == "Esme Cribb"
    # a relative link is on the site the feed links to, not where the feed was fetched from
    assert entry.url == "http://talkingpointsmemo.com" + TPM_FIRST
    assert entry.published_at == datetime(2017, 11, 8, 23, 15, 58, tzinfo=UTC)


TPM_FIRST = "/livewire/hannity-announces-fox-hired-sebastian-gorka-national-security-strategist"
ARC = "http://www.arcgames.com/en/games/neverwinter/news/detail/"


@pytest.mark.parametrize(
    ("name", "url", "links"),
    [
        # no xml:base: the channel's link, whatever the feed's URL
        ("tpm.atom", None, ["http://talkingpointsmemo.com" + TPM_FIRST]),
        ("rss-with-relative-html-urls-no-base.xml", None, ["https://example.com/feed/posts/post-1"]),
        # the item's xml:base first; the next item, without one, the channel's link
        (
            "rss-with-item-scoped-html-base.xml",
            "http://127.0.0.1/feed.xml",
            ["https://example.com/first/first", "https://example.com/second"],
        ),
        # a relative channel link is relative to the feed's URL, or to the self link it declares
        (
            "rss-with-relative-urls-with-absolute-xmlurl.xml",
            None,
            [ARC + "10743874-neverwinter-%26-jingle-jam-humble-bundle%21"],
        ),
    ],
)
def test_relative_entry_links_are_resolved(name, url, links):
    parsed = feed(name, url=url)
    assert [e.draft.url for e in parsed.entries][: len(links)] == links


def test_a_relative_link_with_nothing_to_resolve_it_against_is_dropped():
    data = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>/news</link>
    <item><title>One</title><link>/news/1</link><description>Short.</description></item>
    </channel></rss>"""
    [entry] = parse_feed(data).entries
    assert entry.draft.url is None
    [entry] = parse_feed(data, url="https://127.0.0.1:8443/rss").entries
    assert entry.draft.url == "https://127.0.0.1:8443/news/1"


def test_windows_1251_and_its_gzip_read_the_same():
    plain, packed = feed("iconv.xml"), feed("compressed.xml")
    assert gzip.decompress((FEEDS / "compressed.xml").read_bytes())[:5] == b"<?xml"
    assert plain == packed
    assert plain.title == "Новости Оренбурга и области / Раздел Новости"
    assert plain.entries[0].draft.title == "В Бузулуке главные стройплощадки – детсад и Ледовый дворец"
    assert plain.entries[0].draft.published_at == datetime(2014, 1, 22, 14, 31, 31, tzinfo=UTC)


def test_gzipped_feed_with_full_content():
    parsed = feed("invalid-characters-gzipped.xml")
    assert parsed.title == "NSHipster" and len(parsed.entries) == 25
    assert parsed.entries[0].draft.author == "Mattt Thompson"
    assert not parsed.entries[0].teaser


def test_undeclared_latin1_is_read_with_a_note():
    parsed = feed("uolNoticias.rss")
    assert len(parsed.entries) == 15
    assert parsed.title == "UOL Noticias"
    assert "simulações" in parsed.entries[0].draft.title
    assert parsed.recovered and "ISO-8859-1" in parsed.recovered
    # "Seg, 24 Set 2018 19:42:40 -0300": Portuguese day and month names, which feedparser does not read
    assert parsed.entries[0].draft.published_at == datetime(2018, 9, 24, 22, 42, 40, tzinfo=UTC)
    assert all(e.draft.published_at is not None for e in parsed.entries)


@pytest.mark.parametrize(
    ("written", "when"),
    [
        ("mar., 04 déc. 2018 10:00:00 +0100", datetime(2018, 12, 4, 9, 0, tzinfo=UTC)),
        ("Mi, 12 Mrz 2025 08:00:00 GMT", datetime(2025, 3, 12, 8, 0, tzinfo=UTC)),
        ("lun, 30 juil 2018 08:00 +0200", datetime(2018, 7, 30, 6, 0, tzinfo=UTC)),
        ("Mié, 25 Nov 2026 08:00:00 EST", datetime(2026, 11, 25, 13, 0, tzinfo=UTC)),
        ("dom, 12 jul 2026 08:00:00 CEST", datetime(2026, 7, 12, 6, 0, tzinfo=UTC)),
        ("Mié, 25 Nov 2026 08:00:00 CST", datetime(2026, 11, 25, 8, 0, tzinfo=UTC)),  # whose CST? UTC
        ("24 Foo 2018 19:25:00", None),
        ("31 Fev 2018 10:00:00", None),
    ],
)
def test_rfc822_dates_in_other_languages(written, when):
    assert parse_date(written) == when


def test_a_newline_before_the_xml_declaration_is_skipped():
    parsed = feed("itunes-keywords-array.rss")
    assert parsed.recovered is None and len(parsed.entries) == 1


def test_the_malformed_feed_gives_what_could_be_read():
    parsed = feed("saxerror.xml")
    assert [e.draft.title for e in parsed.entries] == ["Good Item", "Bad Item", "Item After Error"]
    assert parsed.entries[1].draft.url == "http://example.com/bad?foo=1&bar=2"
    assert (parsed.repaired, parsed.recovered) == ("1 unescaped '&' read as '&amp;'", None)


def test_a_bare_ampersand_is_an_ampersand_not_an_entity():
    parsed = feed("bare-ampersands.rss")
    assert parsed.title == "B&Q Trade & Retail"  # not "B&Q; Trade & Retail"
    first, second = (e.draft for e in parsed.entries)
    assert first.title == "H&M and C&A cut prices as Q&A session looms"
    assert first.url == "https://trade.test/story?id=7&ref=rss"
    assert first.body.startswith("H&M and C&A cut prices on Monday, ahead of a Q&A session")
    # CDATA, entities and comments are left as they are
    assert second.title == "Tom & Jerry's © deal"
    assert second.body.startswith("The cartoon’s owners & a toy maker")
    assert (parsed.repaired, parsed.recovered) == ("8 unescaped '&' read as '&amp;'", None)


def test_a_broken_feed_keeps_its_parsers_complaint_after_the_ampersands():
    xml = (FIXTURES / "feeds" / "bare-ampersands.rss").read_bytes().replace(b"</channel>", b"<item><title>")
    parsed = parse_feed(xml)
    assert parsed.title == "B&Q Trade & Retail" and len(parsed.entries) >= 2
    assert parsed.repaired == "8 unescaped '&' read as '&amp;'"
    assert parsed.recovered and "mismatched tag" in parsed.recovered


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("notafeed.html", "an HTML page, not an RSS or Atom feed"),
        ("unrecognized.rss", "junk after document element"),
    ],
)
def test_not_a_feed_is_a_clear_error(name, reason):
    with pytest.raises(MalformedFeedError, match=reason):
        feed(name)


@pytest.mark.parametrize("data", [b"", b"   \n", b"\x1f\x8b\x08\x00garbage"])
def test_empty_or_corrupt_bytes(data):
    with pytest.raises(MalformedFeedError):
        parse_feed(data)


def test_relative_links_resolve_against_the_feed_url():
    data = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
    <item><title>One</title><link>/news/1</link><description>Short.</description></item>
    </channel></rss>"""
    [entry] = parse_feed(data, url="http://127.0.0.1:8000/feed.xml").entries
    assert entry.draft.url == "http://127.0.0.1:8000/news/1"
    assert entry.teaser


def test_a_truncated_summary_is_a_teaser_even_when_long():
    text = "word " * 300 + "[…]"
    data = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
    <item><title>Long</title><link>http://x.test/a</link><description>{text}</description></item>
    </channel></rss>""".encode()
    [entry] = parse_feed(data).entries
    assert entry.teaser and not entry.draft.body.endswith("[…]")
    assert entry.draft.body.endswith("word…")  # a summary kept as the article shows it is cut short


@pytest.mark.parametrize(
    ("description", "body"),
    [
        ("The council met on Tuesday and agreed to rebuild the harbour wall before... Continue reading",
         "The council met on Tuesday and agreed to rebuild the harbour wall before…"),
        ("The council met on Tuesday. It agreed to rebuild the wall. Read more",
         "The council met on Tuesday. It agreed to rebuild the wall."),
        # UOL's cut mark (rss-parser's uolNoticias.rss): "... uma diferença de 3 pontos percentuais em [?]"
        ("The council met on Tuesday and agreed by a margin of 3 points in [?]",
         "The council met on Tuesday and agreed by a margin of 3 points in…"),
    ],
)  # fmt: skip
def test_a_cut_marker_goes_and_a_sentence_cut_short_ends_in_an_ellipsis(description, body):
    data = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
    <item><title>Wall</title><link>http://x.test/a</link><description>{description}</description></item>
    </channel></rss>""".encode()
    [entry] = parse_feed(data).entries
    assert entry.teaser and entry.draft.body == body


@pytest.mark.parametrize(
    ("name", "content_type", "expected"),
    [
        ("guardian.rss", None, True),
        ("heise.atom", "text/html", True),
        ("compressed.xml", None, True),
        ("notafeed.html", "application/rss+xml", False),
        ("unrecognized.rss", None, False),
    ],
)
def test_looks_like_feed(name, content_type, expected):
    assert looks_like_feed((FEEDS / name).read_bytes(), content_type) is expected


def test_html_to_text_keeps_paragraphs_and_drops_scripts():
    html = "<p>One &amp; two</p><script>x()</script><div>Three<br>Four</div><ul><li>Five</li></ul>"
    assert html_to_text(html) == "One & two\n\nThree\n\nFour\n\nFive"


@pytest.mark.parametrize(
    ("title", "body", "prose"),
    [
        ("Post", "ReadComments", False),
        ("v3.9.0", "3.9.0", False),
        ("Reações dos partidos ao veto de Marcelo", "Reações dos partidos ao veto de Marcelo", False),
        ("Spam", "[link] [959 comments]", False),
        ("Reddit", "submitted by /u/someone to /r/news\n\n[link] [314 comments]", False),
        ("One", "The council met on Tuesday", False),  # cut off before it said anything
        ("Good Item", "This item is fine.", True),
        ("One", "The council met on Tuesday night to discuss the harbour", True),  # cut off, but long
        ("Оренбург", "Из-за чего теперь на них возбуждено уголовное дело (видео)", True),
    ],
)
def test_an_article_needs_prose_besides_its_title(title, body, prose):
    assert has_prose(ArticleDraft(title=title, body=body, source="feed")) is prose


def test_style_rules_left_by_a_sanitised_style_tag_are_not_text():
    description = (
        "Earn twice the currency this weekend!\n\n.share-link a {\n    margin: 0 10px 0 0;\n}\n"
        ".share-link .youtube {\n    background-position: -60px 0;\n}\n\nBags are 15% off until Monday."
    )
    assert (
        html_to_text(description) == "Earn twice the currency this weekend!\n\nBags are 15% off until Monday."
    )
    assert html_to_text("<p>Sets like {a, b} and {c: d} stay.</p>") == "Sets like {a, b} and {c: d} stay."


def rss(*items: str, link: str = "http://127.0.0.1:8799/") -> bytes:
    channel = f"<title>Minho Press</title><link>{link}</link><description>x</description>"
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel>{channel}{"".join(items)}</channel></rss>'.encode()
    )


def item(title: str, link: str | None = None, guid: str | None = None, *, permalink: bool = False) -> str:
    text = (
        f"{title}, the regional council said on Monday, after four years of building work in the city. " * 3
    )
    parts = f"<title>{title}</title><description>{text}</description>"
    parts += f"<link>{link}</link>" if link else ""
    parts += f"<guid isPermaLink='{str(permalink).lower()}'>{guid}</guid>" if guid else ""
    return f"<item>{parts}</item>"


def test_a_link_several_entries_share_is_no_entry_s_url():
    # distinct guids, titles and texts, one <link> (the site's home page, or a section's)
    for shared in ("http://127.0.0.1:8799/", "http://127.0.0.1:8799/news/"):
        parsed = parse_feed(
            rss(item("Braga opens library", shared, "id-0"), item("Douro harvest", shared, "id-1"))
        )
        assert [e.draft.url for e in parsed.entries] == [None, None]
        assert [e.draft.title for e in parsed.entries] == ["Braga opens library", "Douro harvest"]


def test_the_guid_stands_in_when_it_is_an_http_url():
    home = "http://127.0.0.1:8799/"
    parsed = parse_feed(rss(item("One", home, "http://127.0.0.1:8799/?p=1"), item("Two", home, "urn:x:2")))
    assert [e.draft.url for e in parsed.entries] == ["http://127.0.0.1:8799/?p=1", None]


def test_a_link_to_the_site_root_is_no_entry_s_url_even_alone():
    parsed = parse_feed(rss(item("Braga opens library", "https://example.com")))
    assert parsed.entries[0].draft.url is None


def test_an_entry_and_its_update_without_guids_keep_their_one_link_and_are_one_entry():
    link = "http://127.0.0.1:8799/d1"
    parsed = parse_feed(rss(item("Drought", link), item("Drought (updated)", link)))
    # one article: its link is its own (not a link several stories share), and it is read once
    assert [(e.draft.url, e.draft.title) for e in parsed.entries] == [(link, "Drought")]


def dated(entry: str, when: str) -> str:
    return entry.replace("</item>", f"<pubDate>{when}</pubDate></item>")


def test_an_entry_listed_twice_is_one_entry_the_later_version_kept():
    link, other = "http://127.0.0.1:8799/d1", "http://127.0.0.1:8799/d2"
    twice = rss(
        dated(item("Drought", link, "g-1"), "Thu, 23 Jan 2025 10:00:00 GMT"),
        item("Harvest", other, "g-2"),
        dated(item("Drought (updated)", link, "g-1"), "Thu, 23 Jan 2025 11:00:00 GMT"),
        item("Drought again", "http://127.0.0.1:8799/d1?copy", "g-1"),  # the same guid, another link
    )
    parsed = parse_feed(twice)
    assert [(e.draft.url, e.draft.title) for e in parsed.entries] == [
        (link, "Drought (updated)"),
        (other, "Harvest"),
    ]


def test_entries_with_one_guid_and_no_url_are_one_entry():
    parsed = parse_feed(rss(item("Drought", None, "urn:x:1"), item("Drought", None, "urn:x:1")))
    assert len(parsed.entries) == 1


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("&lt;News&gt; at noon", "<News> at noon"),  # plain text that looks like a tag stays text
        ("AT&amp;T &lt; 5 &amp; rising", "AT&T < 5 & rising"),
        ("Tom &amp; Jerry &lt;b&gt;bold&lt;/b&gt;", "Tom & Jerry bold"),  # escaped HTML: its text
        ("<![CDATA[<b>Bold</b>   move]]>", "Bold move"),
        # HTML escaped twice (QA15c F7): its text, not its tags and entities
        ("Evil &amp;lt;b&amp;gt;Feed&amp;lt;/b&amp;gt; &amp;amp;amp; News", "Evil Feed & News"),
        # words about HTML, not HTML (QA16a F5)
        (
            "Stop wrapping everything in &lt;div&gt; and &lt;span&gt;: a guide",
            "Stop wrapping everything in <div> and <span>: a guide",
        ),
        ("<![CDATA[Use <b> for bold]]>", "Use <b> for bold"),
    ],
)
def test_a_title_is_plain_text_unless_the_feed_gives_html(written, shown):
    data = rss(item(written, "http://127.0.0.1:8799/d1")).replace(b"Minho Press", written.encode())
    parsed = parse_feed(data)
    assert parsed.title == shown and parsed.entries[0].draft.title == shown


def test_an_atom_title_of_type_text_is_literal_and_of_type_html_is_read():
    atom = (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'
        '<title type="text">&lt;News&gt;</title>'
        '<entry><title type="html">&lt;i&gt;Drought&lt;/i&gt; &amp;lt;live&amp;gt;</title>'
        '<link href="http://127.0.0.1:8799/d1"/><summary>The drought deepened.</summary></entry></feed>'
    )
    parsed = parse_feed(atom.encode())
    assert parsed.title == "<News>" and parsed.entries[0].draft.title == "Drought <live>"


def test_the_feed_named_by_its_url_when_it_has_no_title():
    data = rss(item("One", "http://www.example.com:8080/1")).replace(b"<title>Minho Press</title>", b"")
    assert parse_feed(data, url="http://www.example.com:8080/feed.xml").title == "example.com:8080"


def told(title: str, text: str, link: str) -> str:
    return f"<item><title>{title}</title><link>{link}</link><description>{text}</description></item>"


DELFT_BRIDGE = (
    "The main bridge over the Schie canal in Delft was closed on Monday for three weeks of repairs, the city "
    "council said. Cyclists will be sent on a detour through the old town."
)
DELFT_LIBRARY = (
    "The public library of Delft will open on Sundays from January, the city council said on Monday. The "
    "extra hours would cost about 80,000 euros a year."
)


def test_entries_without_guids_sharing_a_link_with_different_stories_have_no_url():
    # a section's link under three stories that have nothing in common but the outlet's phrases
    section = "http://127.0.0.1:8799/news/"
    ferry = "Ferry fares in Zeeland will rise by six percent from January, the operator said on Monday."
    parsed = parse_feed(
        rss(
            told("Bridge closed for repairs in Delft", DELFT_BRIDGE, section),
            told("Delft library to open on Sundays", DELFT_LIBRARY, section),
            told("Ferry fares rise in Zeeland", ferry, section),
        )
    )
    assert [e.draft.url for e in parsed.entries] == [None, None, None]
    assert [e.draft.body for e in parsed.entries][:2] == [DELFT_BRIDGE, DELFT_LIBRARY]


def test_an_entry_and_its_rewritten_update_without_guids_keep_their_one_link():
    link = "http://127.0.0.1:8799/news/delft-bridge"
    update = DELFT_BRIDGE + " The council later said the repairs could take a fourth week."
    parsed = parse_feed(
        rss(
            told("Bridge closed for repairs in Delft", DELFT_BRIDGE, link),
            told("Delft bridge repairs may take longer", update, link),
        )
    )
    # one article, listed twice: read once, as the feed lists it first (a feed lists the latest first)
    assert [e.draft.url for e in parsed.entries] == [link]


def test_entries_whose_guid_only_repeats_a_shared_link_are_different_articles():
    items = "".join(
        f"<item><title>{t}</title><link>https://delta.test/news/</link><guid>https://delta.test/news/</guid>"
        f"<description>{d}</description></item>"
        for t, d in (
            (
                "Ferry fares rise",
                "Ferry fares in Zeeland will rise by six percent from January, the operator said.",
            ),
            (
                "Bridge closed",
                "The main bridge over the Schie canal in Delft was closed for three weeks of repairs.",
            ),
        )
    )
    rss = f'<?xml version="1.0"?><rss version="2.0"><channel><title>D</title>{items}</channel></rss>'
    feed = parse_feed(rss.encode(), url="https://delta.test/rss")
    assert [(e.draft.title, e.draft.url) for e in feed.entries] == [
        ("Ferry fares rise", None),
        ("Bridge closed", None),
    ]


def test_an_entry_link_that_is_no_url_costs_the_feed_nothing():
    item = (
        "<item><title>Ferry fares rise</title><link>http://[x/a</link><description>Ferry fares in Zeeland "
        "will rise by six percent from January, the operator said on Monday.</description></item>"
    )
    rss = f'<?xml version="1.0"?><rss version="2.0"><channel><title>D</title>{item}</channel></rss>'
    feed = parse_feed(rss.encode(), url="https://delta.test/rss")
    assert [(e.draft.title, e.draft.url) for e in feed.entries] == [("Ferry fares rise", None)]


def test_an_entry_that_names_its_own_source_is_that_outlets_article():
    assert {e.draft.source for e in feed("heraldsun.rss").entries} == {"Another Site"}  # <source>
    assert {e.draft.source for e in feed("guardian.rss").entries} == {"The Guardian"}  # the feed's title
