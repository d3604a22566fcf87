"""What stands for an ingested article (its URL, else its text) and what is one at all, over 127.0.0.1:
canonical links and feed links that are not an article's own, pages that are lists of links, and one
outlet name for a site whether its pages or its text dumps are ingested."""

import gzip

import pytest
from aiohttp import web
from conftest import FIXTURES

from briefing.adapters.fetch import FetchConfig, Fetcher
from briefing.service.ingest import ingest_files, ingest_sources
from store.articles import latest_articles

FAST = FetchConfig(timeout=2.0, max_bytes=1_000_000, max_redirects=3, user_agent="TestBot/1.0")
PAGES = FIXTURES / "pages"


@pytest.fixture
async def fetcher():
    async with Fetcher(FAST) as f:
        yield f


def page(title: str, canonical: str, more: str = "") -> bytes:
    lead = f"{title}, the city council said on Monday, after a week of talks with the port and the unions."
    more = more or (
        "Officials said more details would follow on Tuesday, and that buses would run as usual until then."
    )
    head = f'<title>{title}</title><link rel="canonical" href="{canonical}">'
    body = f"<article><h1>{title}</h1><p>{lead}</p><p>{more}</p></article>"
    return f"<html><head>{head}</head><body>{body}</body></html>".encode()


def feed(base: str, words: int) -> bytes:
    """Two entries with their own guids, titles and texts, both linking to the site's home page."""
    items = ""
    for n, title in enumerate(("Braga opens new library", "Douro olive harvest starts early")):
        text = f"{title}, the regional association said on Tuesday, after a dry autumn in the north. "
        text = " ".join((text * 40).split()[:words])
        items += (
            f"<item><title>{title}</title><link>{base}/</link><guid isPermaLink='false'>id-{n}</guid>"
            f"<description>{text}.</description></item>"
        )
    channel = f"<title>Minho Press</title><link>{base}/</link><description>x</description>{items}"
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{channel}</channel></rss>'.encode()


async def test_two_pages_whose_canonical_link_is_the_home_page_are_two_articles(app, site, fetcher):
    home = site.url("/")
    # two different stories (not near-duplicates of each other: only their lead's wording is shared)
    bridge = "Engineers found cracks in two pillars and traffic will cross the river by the old ferry."
    airport = "Low-cost airlines added winter routes to Paris and London, and the terminal handled a record."
    site.add_bytes("/canon1.html", page("Bridge closes for repairs in Porto", home, bridge), "text/html")
    site.add_bytes("/canon2.html", page("Porto airport records busiest November", home, airport), "text/html")
    report = await ingest_sources(app, [site.url("/canon1.html"), site.url("/canon2.html")], fetcher=fetcher)
    assert (report.new, report.duplicate, report.failed) == (2, 0, ())
    stored = {a.title: a.url for a in latest_articles(app.db)}
    assert stored == {
        "Bridge closes for repairs in Porto": site.url("/canon1.html"),
        "Porto airport records busiest November": site.url("/canon2.html"),
    }


@pytest.mark.parametrize("words", [200, 60], ids=["full-text", "teasers"])
async def test_feed_entries_sharing_the_home_page_as_link_are_each_stored(app, site, fetcher, words):
    site.add_bytes("/samelink.rss", feed(site.base, words), "application/rss+xml")
    site.add_bytes("/", (PAGES / "directory_listing.html").read_bytes(), "text/html")
    report = await ingest_sources(app, [site.url("/samelink.rss")], fetcher=fetcher)
    assert (report.new, report.duplicate, report.failed) == (2, 0, ())
    articles = latest_articles(app.db)
    assert sorted(a.title for a in articles) == [
        "Braga opens new library",
        "Douro olive harvest starts early",
    ]
    assert all(a.url is None and "after a dry autumn" in a.body for a in articles)
    assert "/" not in [r.path for r in site.requests]  # the home page is not the entries' page
    again = await ingest_sources(app, [site.url("/samelink.rss")], fetcher=fetcher)
    assert (again.new, again.duplicate) == (0, 2)  # told apart, and recognised, by their text


async def test_a_feed_file_s_teasers_without_a_url_of_their_own_are_stored(app, tmp_path):
    path = tmp_path / "samelink.rss"
    path.write_bytes(feed("http://127.0.0.1:9", 60))
    report = ingest_files(app, [path])
    assert (report.new, report.failed) == (2, ())


async def test_a_directory_listing_is_refused_as_a_list_of_links(app, site, fetcher):
    site.add_bytes("/", (PAGES / "directory_listing.html").read_bytes(), "text/html")
    site.add_bytes("/eu", (PAGES / "inline_links.html").read_bytes(), "text/html")
    report = await ingest_sources(app, [site.url("/"), site.url("/eu")], fetcher=fetcher)
    assert report.new == 1
    assert report.failed == ((site.url("/"), "not an article: a list of links"),)
    assert [a.title for a in latest_articles(app.db)] == [
        "EU ministers agree on new rules for online platforms"
    ]


async def test_a_page_and_a_text_dump_from_one_server_have_one_outlet(app, site, fetcher):
    site.add_bytes("/a.html", (PAGES / "cafe_cp1252.html").read_bytes(), "text/html")
    report = await ingest_sources(app, [site.url("/a.html"), site.url("/text")], fetcher=fetcher)
    assert report.new >= 2 and report.failed == ()
    outlet = site.base.removeprefix("http://")  # 127.0.0.1:PORT
    assert {a.source for a in latest_articles(app.db)} == {outlet}


async def test_a_broken_gzip_body_is_reported_as_such(app, site, fetcher):
    async def broken(request: web.Request) -> web.Response:
        good = gzip.compress((PAGES / "port_strike.html").read_bytes())
        body = good[:10] + bytes(b ^ 0xFF for b in good[10:200]) + good[200:]  # a header, then junk
        return web.Response(body=body, headers={"Content-Encoding": "gzip", "Content-Type": "text/html"})

    site.add("/broken-gzip", broken)
    report = await ingest_sources(app, [site.url("/broken-gzip")], fetcher=fetcher)
    assert report.failed == ((site.url("/broken-gzip"), "the server sent a broken gzip body"),)


async def test_pages_whose_canonical_link_is_a_language_or_section_home_are_distinct_articles(
    app, site, fetcher
):
    titles = {
        "/news/a.html": ("Bridge closes for repairs in Delft", site.url("/en/")),
        "/news/b.html": ("Delft library to open on Sundays", site.url("/index.php?lang=en")),
        "/news/c.html": ("Ferry fares rise in Zeeland", site.url("/news/")),
        "/news/d.html": ("Tram line to Scheveningen reopens", site.url("/?lang=en")),
    }
    # four different stories, not near-duplicates of each other (only their lead's wording is shared)
    details = {
        "/news/a.html": "Engineers found cracks in two pillars and cyclists will take the old ferry instead.",
        "/news/b.html": "Volunteers will staff the reading rooms, and the children's floor gets a new café.",
        "/news/c.html": "The operator blamed fuel prices and said season tickets would keep their price.",
        "/news/d.html": "New rails were laid along the dunes, and trams will run every eight minutes again.",
    }
    for path, (title, canonical) in titles.items():
        site.add_bytes(path, page(title, canonical, details[path]), "text/html")
    report = await ingest_sources(app, [site.url(path) for path in titles], fetcher=fetcher)
    assert (report.new, report.duplicate, report.failed) == (4, 0, ())
    stored = {a.title: a.url for a in latest_articles(app.db)}
    assert stored == {title: site.url(path) for path, (title, _) in titles.items()}


async def test_feed_entries_without_guids_sharing_a_section_link_are_each_stored(app, site, fetcher):
    section = site.url("/news/")
    stories = {
        "Bridge closed for repairs in Delft": "The main bridge over the Schie canal in Delft was closed on "
        "Monday for three weeks of repairs, the city council said.",
        "Delft library to open on Sundays": "The public library of Delft will open on Sundays from January, "
        "the city council said on Monday.",
        "Ferry fares rise in Zeeland": "Ferry fares in Zeeland will rise by six percent from January, the "
        "operator said on Monday.",
    }
    items = "".join(
        f"<item><title>{t}</title><link>{section}</link><description>{d}</description></item>"
        for t, d in stories.items()
    )
    channel = f"<title>Delft Post</title><link>{site.url('/')}</link><description>x</description>{items}"
    rss = f'<?xml version="1.0"?><rss version="2.0"><channel>{channel}</channel></rss>'
    site.add_bytes("/f2.xml", rss.encode(), "application/rss+xml")
    report = await ingest_sources(app, [site.url("/f2.xml")], fetcher=fetcher)
    assert (report.new, report.duplicate, report.failed) == (3, 0, ())
    assert sorted((a.title, a.url) for a in latest_articles(app.db)) == sorted((t, None) for t in stories)
    assert "/news/" not in [r.path for r in site.requests]  # the section page is no entry's page


async def test_entries_of_later_polls_linking_to_a_section_page_are_each_stored(app, site, fetcher):
    site.add_bytes("/news/", (PAGES / "directory_listing.html").read_bytes(), "text/html")
    stories = [
        ("Ferry fares rise in Zeeland", "Ferry fares in Zeeland will rise by six percent from January, the "
         "operator said on Monday, blaming fuel and staff costs."),
        ("Bridge closed for repairs in Delft", "The main bridge over the Schie canal in Delft was closed on "
         "Monday for three weeks of repairs, the city council said."),
    ]  # fmt: skip
    for n, (title, text) in enumerate(stories):  # one entry a poll, as a quiet feed gives them
        item = (
            f"<item><title>{title}</title><link>{site.url('/news/')}</link><guid>item-{n}</guid>"
            f"<description>{text}</description></item>"
        )
        channel = f"<title>Delta Daily</title><link>{site.url('/')}</link><description>x</description>{item}"
        rss = f'<?xml version="1.0"?><rss version="2.0"><channel>{channel}</channel></rss>'
        site.add_bytes(f"/poll{n}.xml", rss.encode(), "application/rss+xml")
        report = await ingest_sources(app, [site.url(f"/poll{n}.xml")], fetcher=fetcher)
        assert (report.new, report.duplicate) == (1, 0)
    assert sorted((a.title, a.url) for a in latest_articles(app.db)) == sorted((t, None) for t, _ in stories)


async def test_a_live_blog_behind_a_feed_s_teaser_is_stored_whole(app, site, fetcher):
    live = site.url("/news/live.html")
    item = (
        f"<item><title>Live: Rotterdam port strike</title><link>{live}</link><guid>{live}</guid>"
        "<description>Follow the latest on the Rotterdam port strike as it happens…</description></item>"
    )
    channel = f"<title>Harbour News</title><link>{site.url('/')}</link><description>x</description>{item}"
    rss = f'<?xml version="1.0"?><rss version="2.0"><channel>{channel}</channel></rss>'
    site.add_bytes("/f5.xml", rss.encode(), "application/rss+xml")
    site.add_bytes("/news/live.html", (PAGES / "liveblog_query.html").read_bytes(), "text/html")
    report = await ingest_sources(app, [site.url("/f5.xml")], fetcher=fetcher)
    assert (report.new, report.failed) == (1, ())
    assert not [why for _, why in report.notes if "feed entry page" in why]  # not the feed's teaser
    (article,) = latest_articles(app.db)
    assert article.url == live
    assert "A court in Rotterdam will hear the employers' case on Wednesday morning" in article.body
