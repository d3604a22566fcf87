"""A page standing where an article should be (a cookie consent wall, a "page not found" answered with
HTTP 200, a sign-in form, a page with nothing of the entry it was fetched for) is no article: read alone
it fails with the reason, and a feed entry whose link lands there keeps the feed's summary with a note,
so a later entry landing on the same page is no duplicate of it (QA12a F13, F14)."""

import pytest
from aiohttp import web

from briefing.errors import WallPageError
from briefing.pages import parse_page
from briefing.service.ingest import ingest_sources
from briefing.walls import is_entry_page, wall_of
from store.articles import find_by_url

CONSENT = (
    '<!doctype html><html><head><meta charset="utf-8"><title>Before you continue</title></head><body>'
    '<div class="consent"><h1>Before you continue to Daily Ledger</h1>'
    "<p>We use cookies and data to deliver and maintain our services, such as tracking outages and "
    "protecting against spam, fraud and abuse, and to measure audience engagement and site statistics to "
    "understand how our services are used and enhance their quality.</p>"
    '<p>If you choose to "Accept all," we will also use cookies and data to develop and improve new '
    "services, deliver and measure the effectiveness of ads, and show personalised content depending on "
    "your settings.</p>"
    '<p>If you choose to "Reject all," we will not use cookies for these additional purposes. '
    "Non-personalised content is influenced by things like the content you're currently viewing and your "
    "location.</p><button>Reject all</button> <button>Accept all</button></div></body></html>"
)
SOFT_404 = (
    '<!doctype html><html><head><meta charset="utf-8"><title>Page not found | Daily Ledger</title></head>'
    '<body><nav><a href="/">Home</a></nav><main><h1>Sorry, we couldn\'t find that page</h1>'
    "<p>The page you are looking for may have been moved, deleted, or possibly never existed. Please check "
    "the address or use the search box above to find what you are looking for.</p>"
    "<p>You might also like our most popular stories from today.</p></main></body></html>"
)
SIGN_IN = (
    "<html><head><title>Sign in | Daily Ledger</title></head><body><main><h1>Sign in to your account</h1>"
    "<p>Please sign in to continue. Enter the email address and the password you chose when you created "
    "your Daily Ledger account, or use one of the services below to sign in with a single click.</p>"
    "</main></body></html>"
)


def article(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    head = f"<html><head><title>{title}</title></head>"
    return f"{head}<body><article><h1>{title}</h1>{body}</article></body></html>"


COOKIE_RULING = article(
    "EU court fines Meta over cookie consent banners",
    [
        "The European Court of Justice fined Meta 200 million euros on Tuesday over cookie consent banners "
        "that it said nudged users into accepting tracking on Facebook and Instagram.",
        "Judges ruled that a banner offering an Accept all button without an equally visible Reject all "
        "button breaks the bloc's privacy rules, the court said in a statement in Luxembourg.",
        "Meta said it would appeal the ruling and that its consent screens already met the law.",
    ],
)
MISSING_PAGE_STORY = article(
    "Government website left showing 'page not found' for a week",
    [
        "Visitors to the tax office's website were greeted by a page saying the page they were looking for "
        "could not be found for a week after a botched upgrade, officials admitted on Monday.",
        "The office said about 40,000 people had tried to file returns during the outage and that the "
        "deadline would be extended by ten days for everyone affected.",
        "An inquiry into the contractor that ran the upgrade will report in March, the minister said.",
    ],
)


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        (CONSENT, "not an article: a cookie consent page"),
        (SOFT_404, "not an article: a page saying it was not found"),
        (SIGN_IN, "not an article: a sign-in page"),
    ],
)
def test_a_wall_page_read_alone_is_no_article(html, reason):
    with pytest.raises(WallPageError, match=f"^{reason}$"):
        parse_page(html, "http://ledger.example/x")


def test_news_about_cookies_or_a_missing_page_is_an_article():
    ruling = parse_page(COOKIE_RULING, "http://ledger.example/meta")
    assert ruling.title == "EU court fines Meta over cookie consent banners"
    assert "200 million euros" in ruling.body
    missing = parse_page(MISSING_PAGE_STORY, "http://ledger.example/tax")
    assert "40,000 people" in missing.body


def test_wall_of_judges_the_words_not_the_markup():
    assert wall_of(["Privacy settings"], ["We and our partners use cookies to personalise ads."]) == (
        "a cookie consent page"
    )
    assert (
        wall_of(["Oops! That page can't be found."], ["Try the search box."])
        == "a page saying it was not found"
    )
    assert wall_of(["Floods in Kenya"], ["Floods displaced 9,000 families in Kenya, officials said."]) is None


def test_an_entry_page_shares_a_word_of_the_entrys_headline():
    assert is_entry_page("Kenya floods displace thousands", "Floods in Kenya", "Rain fell for a week.")
    assert is_entry_page("Kenya floods displace thousands", "Weather", "Flooding displaced 9,000 people.")
    assert not is_entry_page("Kenya floods displace thousands", "Stock markets", "Shares rose in Tokyo.")
    assert is_entry_page("Brexit", "Anything", "Anything at all.")  # one word: cannot tell
    assert is_entry_page(
        "東京 株式市場 上昇する", "Nikkei", "株価は火曜日に上昇した。"
    )  # no spaces between words


def feed(site, entries: list[tuple[str, str, str, str]]) -> bytes:
    items = "".join(
        f"<item><title>{title}</title><link>{site.url(path)}</link><guid>{guid}</guid>"
        f"<description>{summary}</description><pubDate>Tue, 21 Jan 2025 09:00:00 GMT</pubDate></item>"
        for guid, title, path, summary in entries
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Daily Ledger</title>'
        f"<link>{site.base}/</link><description>News</description>{items}</channel></rss>"
    ).encode()


def redirect_to(target: str):
    async def handler(request: web.Request) -> web.Response:
        return web.Response(status=301, headers={"Location": target})

    return handler


DUTCH = (
    "The Dutch government collapsed on Tuesday after the largest coalition party pulled out in a row over "
    "asylum rules, forcing an election next year."
)
BELGIAN = "Belgian rail unions began a three-day strike on Tuesday, cancelling half of all trains."
IRISH = "Ireland will hold a general election on December 12, Taoiseach Simon Harris announced on Tuesday."


async def test_feed_entries_landing_on_a_consent_wall_keep_their_summaries_and_are_no_duplicates(app, site):
    site.add_bytes("/consent", CONSENT.encode(), "text/html")
    site.add("/a77", redirect_to("/consent"))
    site.add("/a78", redirect_to("/consent"))
    dutch = ("dl77", "Dutch government falls after coalition row over asylum", "/a77", DUTCH)
    site.add_bytes("/one.xml", feed(site, [dutch]), "application/rss+xml")
    belgian = ("dl78", "Belgian rail strike cancels half of trains", "/a78", BELGIAN)
    site.add_bytes("/two.xml", feed(site, [belgian]), "application/rss+xml")

    first = await ingest_sources(app, [site.url("/one.xml")])
    assert (first.new, first.duplicate, first.failed) == (1, 0, ())
    assert first.notes == (
        (site.url("/a77"), "feed entry page: not an article: a cookie consent page; kept the feed's summary"),
    )
    second = await ingest_sources(app, [site.url("/two.xml")])
    assert (second.new, second.duplicate) == (1, 0)
    stored = find_by_url(app.db, site.url("/a77"))
    assert (stored.title, stored.body) == ("Dutch government falls after coalition row over asylum", DUTCH)
    assert find_by_url(app.db, site.url("/a78")).body == BELGIAN


async def test_a_feed_entry_landing_on_a_soft_404_keeps_its_summary(app, site):
    site.add_bytes("/missing", SOFT_404.encode(), "text/html")
    site.add("/a90", redirect_to("/missing"))
    irish = ("dl90", "Irish election called for December", "/a90", IRISH)
    site.add_bytes("/rss", feed(site, [irish]), "application/rss+xml")
    report = await ingest_sources(app, [site.url("/rss")])
    assert report.new == 1
    assert report.notes == (
        (
            site.url("/a90"),
            "feed entry page: not an article: a page saying it was not found; kept the feed's summary",
        ),
    )
    assert find_by_url(app.db, site.url("/a90")).body == IRISH


async def test_a_feed_entry_whose_page_tells_another_story_keeps_its_summary(app, site):
    other = article(
        "Stock markets rise in Tokyo",
        [
            "Shares in Tokyo rose for a third day on Tuesday as exporters gained on a weaker yen.",
            "The Nikkei index closed 1.2 percent higher, led by carmakers and chip equipment makers.",
        ],
    )
    site.add_bytes("/tokyo", other.encode(), "text/html")
    irish = ("dl91", "Irish election called for December", "/tokyo", IRISH)
    site.add_bytes("/rss", feed(site, [irish]), "application/rss+xml")
    report = await ingest_sources(app, [site.url("/rss")])
    assert report.new == 1
    assert report.notes == (
        (
            site.url("/tokyo"),
            "feed entry page: not this entry's article: the page has none of its headline's words; "
            "kept the feed's summary",
        ),
    )
    stored = find_by_url(app.db, site.url("/tokyo"))
    assert (stored.title, stored.body) == ("Irish election called for December", IRISH)
