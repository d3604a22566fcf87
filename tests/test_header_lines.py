"""A page's or a feed entry's byline and age over its text: the author and the date, not body text
(QA17a F1, QA17b F10)."""

from datetime import UTC, datetime, timedelta

import pytest
from conftest import FIXTURES, NOW

from briefing.feeds import parse_feed
from briefing.header_lines import header_line
from briefing.pages import parse_page
from briefing.service.actors import extract_actors
from briefing.service.ingest import ingest_sources
from store.articles import latest_articles

LEAD = (
    "The city of Klagenfurt opened its first tram line in more than fifty years on Wednesday, connecting "
    "the main station with the university and the lake shore."
)
MORE = (
    "Mayor Christian Scheider said the line would carry about 15,000 passengers a day. The project cost "
    "180 million euros, shared between the city, the province and the federal government."
)
LAST = "Critics said the money would have been better spent on more frequent buses."


def page(header: str, *, after: str = "") -> bytes:
    """A page without author or date metadata: a headline, ``header`` under it, the text, ``after``."""
    return (
        "<html><head><title>Klagenfurt opens new tram line | Kärntner Blatt</title><meta charset='utf-8'>"
        f"</head><body><article><h1>Klagenfurt opens new tram line</h1>{header}<p>{LEAD}</p><p>{MORE}</p>"
        f"<p>{LAST}</p>{after}</article></body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("line", "read"),
    [
        ("By Anna Schmidt", ("Anna Schmidt", None)),
        ("Von Anna Schmidt · vor 3 Stunden", ("Anna Schmidt", timedelta(hours=3))),
        ("By Anna Schmidt — 3 hours ago", ("Anna Schmidt", timedelta(hours=3))),
        ("By Anna Schmidt | 21 November 2026", ("Anna Schmidt", None)),
        ("Updated 2 hours ago", (None, timedelta(hours=2))),
        ("3 hours ago", (None, timedelta(hours=3))),
        ("21 November 2026", None),  # a date alone: the page's metadata reads it
        ("By Tuesday the strike was over.", None),
        ("Anna Schmidt", None),
        ("By Anna Schmidt · Share on Facebook", None),
    ],
)
def test_a_header_line_gives_an_author_and_an_age(line, read):
    assert header_line(line) == read


@pytest.mark.parametrize(
    ("header", "author", "age"),
    [
        ("<p>By Anna Schmidt</p>", "Anna Schmidt", None),
        ('<p class="date">By Anna Schmidt</p>', "Anna Schmidt", None),
        ('<p class="meta">Von Anna Schmidt · vor 3 Stunden</p>', "Anna Schmidt", timedelta(hours=3)),
        ('<p class="byline">3 hours ago</p>', None, timedelta(hours=3)),
        ('<p class="article-meta">3 hours ago</p>', None, timedelta(hours=3)),
        (
            '<div class="meta"><span class="author">By Anna Schmidt</span><time>3 hours ago</time></div>',
            "Anna Schmidt",
            timedelta(hours=3),
        ),
    ],
)
def test_a_pages_byline_and_age_leave_its_text(header, author, age):
    draft = parse_page(page(header))
    assert (draft.author, draft.age) == (author, age)
    assert draft.body.startswith("The city of Klagenfurt opened")


def test_a_byline_under_a_linked_headline_is_not_run_into_the_lead():
    draft = parse_page((FIXTURES / "pages" / "brief_h1link.html").read_bytes())
    assert draft.author == "Anna de Vries"
    assert draft.body.startswith("Dock workers at the port of Rotterdam walked out")
    names = {actor.name for actor in extract_actors(draft.body)}
    assert not any(name.startswith("Anna de Vries") for name in names)


def test_a_byline_after_the_text_is_no_header():
    teasers = "<aside><h3>More news</h3><p>By Max Huber · 2 hours ago</p></aside><p>By Max Huber</p>"
    draft = parse_page(page("", after=teasers))
    assert draft.author is None and draft.age is None


def test_a_feed_entrys_byline_and_caption_leave_its_text():
    story = " ".join([LEAD, MORE, LAST] * 3)
    content = (
        "<p><strong>By Amelia Grant</strong></p><p><em>Photo: Smoke rises from the elevator on Sunday. "
        f"(Prairie Post/Ken Lee)</em></p><p>{story}</p>"
    )
    feed = (
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        "<channel><title>Prairie Post</title><item><title>Tram line opens</title>"
        "<link>https://post.test/tram</link><pubDate>Sun, 22 Nov 2026 15:00:00 -0600</pubDate>"
        f"<content:encoded><![CDATA[{content}]]></content:encoded></item></channel></rss>"
    )
    [entry] = parse_feed(feed.encode()).entries
    assert entry.draft.author == "Amelia Grant"
    assert entry.draft.body.startswith("The city of Klagenfurt opened")


def test_a_feed_entry_with_an_author_keeps_it():
    story = " ".join([LEAD, MORE, LAST] * 3)
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Post</title><item><title>Tram</title>'
        "<author>desk@post.test (Jo Berger)</author><link>https://post.test/tram</link>"
        f"<description><![CDATA[<p>By Amelia Grant</p><p>{story}</p>]]></description></item></channel></rss>"
    )
    [entry] = parse_feed(feed.encode()).entries
    assert entry.draft.author == "Jo Berger"
    # the byline names another writer: it stays in the text, so the name is not lost (QA17d F2)
    assert entry.draft.body.startswith("By Amelia Grant\n\nThe city of Klagenfurt opened")


async def test_a_fetched_page_is_dated_by_the_age_in_its_meta_line(app, site):
    site.add_bytes("/tram", page('<p class="meta">By Anna Schmidt · 3 hours ago</p>'), "text/html")
    report = await ingest_sources(app, [site.url("/tram")])
    assert report.new == 1
    [article] = latest_articles(app.db)
    assert article.author == "Anna Schmidt"
    assert article.published_at == NOW - timedelta(hours=3)
    assert article.body.startswith("The city of Klagenfurt opened")


def test_a_menu_over_the_headline_does_not_hide_its_byline():
    menu = "".join(f"<li><a href='/{k}'>Section {k}</a></li>" for k in range(12))
    html = page('<p class="meta">By Anna Schmidt · 3 hours ago</p>').replace(
        b"<body>", f"<body><div class='menu'><ul>{menu}</ul><p>By Max Huber</p></div>".encode()
    )
    draft = parse_page(html)
    assert (draft.author, draft.age) == ("Anna Schmidt", timedelta(hours=3))


@pytest.mark.parametrize("dash", ["—", "–", "-", "·", "|"])
def test_a_dumps_byline_joined_to_its_age_by_a_dash_is_its_author(dash):
    from briefing.dumps import split_dump

    text = f"Klagenfurt opens new tram line\n\nBy Anna Schmidt {dash} 3 hours ago\n\n{LEAD}\n\n{MORE}\n"
    [draft] = split_dump(text, source="blatt.txt")
    assert (draft.author, draft.age) == ("Anna Schmidt", timedelta(hours=3))
    assert draft.body.startswith("The city of Klagenfurt opened")


# QA24 F8: a byline's date word, a stray mark and a writer "for" an outlet (no "By") with an age
@pytest.mark.parametrize(
    ("header", "author", "age"),
    [
        ('<div class="byline">Posted 2 hours ago by Anna Schmidt</div>', "Anna Schmidt", timedelta(hours=2)),
        ('<div class="byline">By Ann Lee and Tom Baker · 5 mins ago</div>', "Ann Lee and Tom Baker", None),
        (
            '<div class="byline">By Anna Schmidt, 42, and Tom Baker · 3 hours ago</div>',
            "Anna Schmidt and Tom Baker",
            timedelta(hours=3),
        ),
        (
            '<div class="byline">Li Wei for The Daily Herald · 2 hours ago</div>',
            "Li Wei",
            timedelta(hours=2),
        ),
        ('<div class="byline">Updated 2026-11-25 08:00 UTC</div>', None, None),
        ('<div class="byline">Date: 2026-11-25 08:00 UTC</div>', None, None),
        ('<div class="byline">Published 2026-11-24 23:30 CET</div>', None, None),
    ],
)
def test_a_byline_names_its_writers_and_no_date_word(header, author, age):
    draft = parse_page(page(header))
    assert draft.author == author
    if age is not None:
        assert draft.age == age
    assert draft.body.startswith("The city of Klagenfurt opened")


@pytest.mark.parametrize(
    ("line", "read"),
    [
        ("Posted 2 hours ago by Anna Schmidt", ("Anna Schmidt", timedelta(hours=2))),
        ("Li Wei for The Daily Herald · 2 hours ago", ("Li Wei", timedelta(hours=2))),
        ("Li Wei for The Daily Herald", None),  # no "By" and no age: a heading's words
        ("Posted 2 hours ago by the council", None),
    ],
)
def test_a_header_line_with_its_age_before_the_byline(line, read):
    assert header_line(line) == read


EIGHT = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)


# QA24 F5: htmldate drops the zone word (or the time) of a page's visible date line
@pytest.mark.parametrize(
    ("header", "when"),
    [
        ('<div class="byline">2026-11-25 08:00 UTC</div>', EIGHT),
        ('<div class="byline">By Ann Lee · 2026-11-25 08:00 UTC</div>', EIGHT),
        ('<div class="byline">By Ann Lee · 2026-11-25T08:00Z</div>', EIGHT),
        ('<div class="byline">By Ann Lee · 25 Nov 2026 08:00 UTC</div>', EIGHT),
        (
            '<div class="byline">By Pat Kim | 2026-11-25T06:15 GMT+1</div>',
            datetime(2026, 11, 25, 5, 15, tzinfo=UTC),
        ),
        (
            '<div class="byline">By Ann Lee, <time>2026-11-25 08:00 UTC</time></div>',
            EIGHT,
        ),
    ],
)
def test_a_pages_date_line_with_a_time_and_zone_dates_it(header, when):
    draft = parse_page(page(header))
    assert draft.published_at == when
    assert not draft.clock_unknown


def test_a_pages_date_line_without_a_zone_leaves_the_metadata_date():
    draft = parse_page(page('<div class="byline">By Ann Lee · 25 Nov 2026</div>'))
    assert draft.published_at == datetime(2026, 11, 25, tzinfo=UTC)
    assert draft.clock_unknown


def test_an_update_line_days_after_the_metadata_date_does_not_date_the_page():
    meta = '<meta property="article:published_time" content="2026-11-20">'
    html = page('<div class="byline">Updated 2026-11-25 08:00 UTC</div>').replace(
        b"</title>", b"</title>" + meta.encode()
    )
    draft = parse_page(html)
    assert draft.published_at == datetime(2026, 11, 20, tzinfo=UTC)
