"""A time read without a zone when no zone could be found (not on the page, not from the outlet's
country) is read as UTC and may be up to 14 h off: the article is flagged ``clock_unknown`` at ingest and
replies tell it by its day ("today"), never "3 h ago". A zone found, or a feed's date, is told by hours.
Ranking still goes by ``published_at``."""

from datetime import UTC, datetime, timedelta

from conftest import NOW

from briefing.ages import article_age, retold
from briefing.briefs import article_section
from briefing.document import Document
from briefing.feeds import parse_feed
from briefing.models import Article
from briefing.pages import parse_page
from briefing.service.commands import Asker, answer, load_all
from briefing.service.ingest import ingest_files, ingest_sources
from store.articles import get_article, latest_articles
from store.db import migrate

LEAD = (
    "The harbour authority said on Tuesday that the new ferry line to the islands would start in spring, "
    "after two years of delays caused by the shortage of qualified crews."
)
MORE = "Residents of the islands have waited for the service since the old line closed in 2019."
FERRY, TRAM = "Ferry line to the islands will start in spring", "Tram line to the harbour opens in spring"
THREE_HOURS_BEFORE = "Published: Thu 23 Jan 2025, 9:00 AM"  # NOW is 23 Jan 2025 12:00 UTC


LEADS = {
    "Ferry": (LEAD, MORE),
    "Tram": (
        "The city council voted on Monday to open the tram line to the harbour in spring, three years after "
        "the first rails were laid along the old quay.",
        "Shop owners on the quay have asked for the works to end before the summer season begins.",
    ),
    "Bus": (
        "The transport company said its new bus line to the airport would carry its first passengers in "
        "spring, with a bus every twelve minutes at rush hour.",
        "Taxi drivers at the airport said they feared losing a third of their fares to the new line.",
    ),
}


def dump(title: str, *header: str) -> str:
    return "\n\n".join((title, *header, *LEADS[title.split()[0]])) + "\n"


def ingest(app, tmp_path, **dumps: str) -> dict[str, Article]:
    for name, text in dumps.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    report = ingest_files(app, [tmp_path / f"{name}.txt" for name in dumps])
    assert report.new == len(dumps)
    return {a.title.split()[0]: a for a in latest_articles(app.db, limit=10)}


async def latest_ages(app) -> dict[str, str]:
    load_all()
    reply = await answer(app, "/latest", Asker(1, 1))
    return {s.blocks[0].text.split()[0]: s.blocks[1].text.split(" · ")[1] for s in reply.document.sections}


async def test_a_time_on_no_knowable_clock_is_flagged_and_told_by_its_day(app, tmp_path):
    stored = ingest(app, tmp_path, ferry=dump(FERRY, THREE_HOURS_BEFORE))
    ferry = stored["Ferry"]
    assert ferry.clock_unknown
    assert ferry.published_at == datetime(2025, 1, 23, 9, tzinfo=UTC)  # still read as UTC, for ranking
    assert get_article(app.db, ferry.id).clock_unknown  # the flag is stored, not only returned
    assert (await latest_ages(app)) == {"Ferry": "today"}


async def test_a_zone_written_elsewhere_or_the_outlets_country_gives_hours(app, tmp_path):
    stored = ingest(
        app,
        tmp_path,
        tram=dump(TRAM, THREE_HOURS_BEFORE, "Updated: Thu 23 Jan 2025, 9:30 AM CET"),
        bus=dump("Bus line to the airport opens in spring", "Source: www.spiegel.de", THREE_HOURS_BEFORE),
        ferry=dump(FERRY, THREE_HOURS_BEFORE),
    )
    assert not stored["Tram"].clock_unknown and not stored["Bus"].clock_unknown
    assert stored["Tram"].published_at == stored["Bus"].published_at == datetime(2025, 1, 23, 8, tzinfo=UTC)
    ages = await latest_ages(app)
    assert ages == {"Tram": "4 h ago", "Bus": "4 h ago", "Ferry": "today"}


def test_a_date_with_its_zone_is_not_flagged_and_only_a_day_is(app, tmp_path):
    stored = ingest(
        app,
        tmp_path,
        ferry=dump(FERRY, "Published: Thu 23 Jan 2025, 9:00 AM GMT"),
        tram=dump(TRAM, "Published: 22 Jan 2025"),
    )
    assert not stored["Ferry"].clock_unknown
    # a day without a time is that day, not 00:00 UTC known (QA20b F1)
    assert stored["Tram"].clock_unknown and stored["Tram"].published_at == datetime(2025, 1, 22, tzinfo=UTC)


def test_a_date_ahead_of_the_clock_is_dropped_and_its_flag_with_it(app, tmp_path):
    ahead = "Published: Thu 23 Jan 2025, 6:00 PM"  # 6 h after NOW read as UTC: dated when ingested
    stored = ingest(app, tmp_path, ferry=dump(FERRY, ahead))
    assert stored["Ferry"].published_at is None and not stored["Ferry"].clock_unknown


def page(meta: str) -> str:
    return (
        f'<html><head><title>Ferry line</title><meta property="article:published_time" content="{meta}">'
        f"</head><body><article><h1>Ferry line</h1><p>{LEAD}</p><p>{MORE}</p></article></body></html>"
    )


def test_a_pages_unzoned_time_is_flagged_only_when_its_site_tells_no_clock():
    assert parse_page(page("2025-01-23T09:00:00"), "https://nytimes.com/a").clock_unknown
    assert not parse_page(page("2025-01-23T09:00:00"), "https://www.spiegel.de/a").clock_unknown
    assert not parse_page(page("2025-01-23T09:00:00-05:00"), "https://nytimes.com/a").clock_unknown


def test_a_pages_day_without_a_time_is_a_day_its_clock_unknown():
    # htmldate gives "2025-01-23" as midnight without a zone: the day, not 00:00 UTC known (as dumps)
    for site in ("https://nytimes.com/a", "https://www.spiegel.de/a"):
        draft = parse_page(page("2025-01-23"), site)
        assert draft.published_at == datetime(2025, 1, 23, tzinfo=UTC) and draft.clock_unknown
    # a midnight written with its zone is that moment
    draft = parse_page(page("2025-01-23T00:00:00+00:00"), "https://nytimes.com/a")
    assert draft.published_at == datetime(2025, 1, 23, tzinfo=UTC) and not draft.clock_unknown


FERRY_MORE = (
    "The ferry will call at four islands on the way out and at two on the way back, the timetable shows.",
    "Fishermen on the largest island said they hoped the line would bring back the summer visitors.",
    "A return ticket will cost eleven euros, and children under twelve will travel free on weekdays.",
)
# over a teaser's 150 words: the feed's entry is the article
FULL = "</p><p>".join((*(sentence for pair in LEADS.values() for sentence in pair), *FERRY_MORE))
RSS = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour news</title>
<link>https://harbour.example.com/</link><description>News</description>
<item><title>Ferry line to the islands will start in spring</title>
<link>https://harbour.example.com/ferry</link><pubDate>Thu, 23 Jan 2025 09:00:00 +0000</pubDate>
<description><![CDATA[<p>{FULL}</p>]]></description></item></channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Harbour news</title><id>urn:harbour</id><updated>2025-01-23T09:00:00</updated>
<entry><title>Tram line to the harbour opens in spring</title><id>urn:harbour:tram</id>
<link href="https://harbour.example.com/tram"/><updated>2025-01-23T09:00:00</updated>
<content type="html"><![CDATA[<p>{FULL}</p>]]></content></entry></feed>"""


def test_a_feeds_date_is_never_flagged():
    for xml in (RSS, ATOM):  # an Atom date written without its zone is UTC by the standard
        (entry,) = parse_feed(xml.encode()).entries
        assert entry.draft.published_at == datetime(2025, 1, 23, 9, tzinfo=UTC)
        assert not entry.draft.clock_unknown


async def test_a_feeds_entries_are_told_by_hours(app, tmp_path):
    (tmp_path / "harbour.xml").write_text(RSS, encoding="utf-8")
    assert ingest_files(app, [tmp_path / "harbour.xml"]).new == 1
    (ferry,) = latest_articles(app.db, limit=5)
    assert not ferry.clock_unknown
    assert (await latest_ages(app)) == {"Ferry": "3 h ago"}


def told(article: Article, now: datetime) -> str:
    return article_section(article, now).blocks[1].spans[-1].text


def test_an_unknown_clocks_day_is_told_again_by_the_day():
    written = Article(
        1, "Ferry", "Text.", "harbour", NOW, "h", published_at=NOW - timedelta(hours=3), clock_unknown=True
    )
    assert told(written, NOW) == "today"
    assert told(written, NOW + timedelta(days=1)) == "yesterday"
    assert told(written, NOW + timedelta(days=9)) == "23 Jan"
    kept = Document(sections=(article_section(written, NOW),))  # a page kept behind "More", shown later
    assert retold(kept, NOW + timedelta(days=1)).sections[0].blocks[1].spans[-1].text == "yesterday"
    # an article with no date of its own is dated when ingested, a moment the bot's own clock knows
    undated = Article(2, "Tram", "Text.", "harbour", NOW - timedelta(hours=3), "h", clock_unknown=True)
    assert [s.text for s in article_age(undated, NOW)] == ["added ", "3 h ago"]
    zoned = Article(3, "Bus", "Text.", "harbour", NOW, "h", published_at=NOW - timedelta(hours=3))
    assert told(zoned, NOW) == "3 h ago"


def test_the_migration_leaves_stored_articles_unflagged(tmp_path):
    from store import open_db

    db = open_db(tmp_path / "old.db")
    assert migrate(db) == []  # every migration, m0026 among them, ran when it was opened
    columns = {c.name: c for c in db["articles"].columns}
    assert columns["clock_unknown"].notnull and columns["clock_unknown"].default_value == "0"
    db.conn.close()


def teaser_feed(base: str) -> bytes:
    items = (
        f"<item><title>{FERRY}</title><link>{base}/ferry</link>"
        "<pubDate>Thu, 23 Jan 2025 09:00:00 +0000</pubDate><description>The ferry.</description></item>",
        f"<item><title>{TRAM}</title><link>{base}/tram</link><description>The tram.</description></item>",
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour news</title>'
        f"<link>{base}/</link><description>News</description>{''.join(items)}</channel></rss>"
    ).encode()


def dated_page(title: str, meta: str) -> bytes:
    text = "".join(f"<p>{sentence}</p>" for sentence in LEADS[title.split()[0]])
    return (
        f'<html><head><title>{title}</title><meta property="article:published_time" content="{meta}">'
        f"</head><body><article><h1>{title}</h1>{text}</article></body></html>"
    ).encode()


async def test_a_teasers_page_flags_its_date_only_when_the_feed_gives_none(app, site):
    site.add_bytes("/feed.xml", teaser_feed(site.base), "application/rss+xml")
    site.add_bytes("/ferry", dated_page(FERRY, "2025-01-23T08:00:00"), "text/html")
    site.add_bytes("/tram", dated_page(TRAM, "2025-01-23T09:00:00"), "text/html")
    report = await ingest_sources(app, [site.url("/feed.xml")], poll=False)
    assert report.new == 2, report.failed
    stored = {a.title.split()[0]: a for a in latest_articles(app.db, limit=5)}
    assert stored["Ferry"].published_at == datetime(2025, 1, 23, 9, tzinfo=UTC)  # the feed's, zoned
    assert not stored["Ferry"].clock_unknown
    assert stored["Tram"].clock_unknown  # the page's own time, on no clock its address tells
