"""HTML pages → drafts through trafilatura: main text and metadata, nothing fetched."""

from datetime import UTC, datetime

import pytest
from conftest import FIXTURES

from briefing.errors import EmptySourceError
from briefing.linklists import is_link_list
from briefing.pages import parse_page

PAGES = FIXTURES / "pages"


def test_main_text_title_author_date_and_canonical_url():
    html = (PAGES / "port_strike.html").read_text(encoding="utf-8")
    draft = parse_page(html, "http://www.harbour-gazette.test/p?id=1")
    assert draft.title == "Port strike halts shipping along the Atlantic coast"
    assert draft.author == "Maria Lopez"
    assert draft.published_at == datetime(2025, 3, 2, 9, 15, tzinfo=UTC)
    assert draft.url == "https://harbour-gazette.test/europe/port-strike-halts-shipping"
    assert draft.source == "Harbour Gazette"
    paragraphs = draft.body.split("\n\n")
    assert paragraphs[0].startswith("Dock workers in three Atlantic ports walked out")
    assert "What happens next" in paragraphs
    assert paragraphs[-1].startswith("Ministers have so far refused to intervene")
    for junk in ("Subscribe", "Most read", "Rail unions", "All rights reserved", "Privacy"):
        assert junk not in draft.body


def test_bytes_in_a_declared_legacy_charset():
    draft = parse_page((PAGES / "cafe_cp1252.html").read_bytes(), None, source="cafe.html")
    assert draft.title == "Café owners protest"
    assert "“We cannot pay twice for the same pavement,”" in draft.body
    assert draft.source == "cafe.html" and draft.url is None


def test_the_fetched_url_stands_in_when_there_is_no_canonical_one():
    html = (PAGES / "cafe_cp1252.html").read_bytes()
    draft = parse_page(html, "http://127.0.0.1:9/cafe")
    assert draft.url == "http://127.0.0.1:9/cafe"


@pytest.mark.parametrize(
    "html",
    ["", "   ", (FIXTURES / "feeds" / "notafeed.html").read_text(), "<html><body></body></html>"],
    ids=["empty", "blank", "no-article", "no-body"],
)
def test_a_page_without_article_text(html):
    with pytest.raises(EmptySourceError):
        parse_page(html, "http://127.0.0.1/x")


def test_a_page_without_a_date_takes_no_year_from_its_text():
    # "since 1998", "first proposed in 2011": years the story mentions, not the day it was written
    draft = parse_page((PAGES / "undated_tramway.html").read_bytes(), None, source="tram.html")
    assert draft.published_at is None


def test_the_published_time_wins_over_the_day_in_the_url():
    draft = parse_page((PAGES / "dated_in_url_and_meta.html").read_bytes())
    assert draft.url == "https://island-tribune.test/local/2024/10/05/ferry-resumes"
    assert draft.published_at == datetime(2024, 10, 5, 19, 30, tzinfo=UTC)


def test_the_day_in_the_url_when_nothing_else_dates_the_page():
    html = (PAGES / "dated_in_url_and_meta.html").read_text(encoding="utf-8")
    html = html.replace('<meta property="article:published_time" content="2024-10-05T14:30:00-05:00">', "")
    html = html.replace("October 5, 2024", "")
    assert parse_page(html).published_at == datetime(2024, 10, 5, tzinfo=UTC)


def test_a_date_ahead_is_kept_for_the_ingest_to_judge():
    html = (PAGES / "port_strike.html").read_text(encoding="utf-8").replace("2025-03-02", "2099-03-02")
    assert parse_page(html).published_at == datetime(2099, 3, 2, 9, 15, tzinfo=UTC)


def story(title: str, canonical: str | None = None, site_name: str | None = None) -> str:
    head = f"<title>{title}</title>"
    head += f'<link rel="canonical" href="{canonical}">' if canonical else ""
    head += f'<meta property="og:site_name" content="{site_name}">' if site_name else ""
    lead = f"{title}, the city council said on Monday, after a week of talks with the port and the unions."
    more = (
        "Officials said more details would follow on Tuesday, and that buses would run as usual until then."
    )
    body = f"<article><h1>{title}</h1><p>{lead}</p><p>{more}</p></article>"
    return f"<html><head>{head}</head><body>{body}</body></html>"


def test_a_canonical_url_at_the_site_root_is_not_the_page_s_identity():
    # a CMS that gives every page the home page as canonical: each page keeps the address it came from
    one = parse_page(story("Bridge closes", "http://127.0.0.1:8799/"), "http://127.0.0.1:8799/canon1.html")
    two = parse_page(story("Airport record", "http://127.0.0.1:8799/"), "http://127.0.0.1:8799/canon2.html")
    assert (one.url, two.url) == ("http://127.0.0.1:8799/canon1.html", "http://127.0.0.1:8799/canon2.html")
    assert one.source == two.source == "127.0.0.1:8799"
    saved = parse_page(story("Bridge closes", "https://example.com/"), None, source="canon1.html")
    assert saved.url is None and saved.source == "canon1.html"  # told from others by its text


def test_a_canonical_url_on_another_site_gives_way_to_the_fetched_one():
    html = story("Ferry resumes", "https://wire.example.org/ferry-resumes")
    assert (
        parse_page(html, "https://news.example.com/local/ferry").url == "https://news.example.com/local/ferry"
    )
    same_site = parse_page(html.replace("wire.example.org", "www.example.com"), "https://amp.example.com/f")
    assert same_site.url == "https://www.example.com/ferry-resumes"


def test_the_outlet_from_the_url_is_the_host_without_www_and_with_a_port():
    assert parse_page(story("Ferry resumes"), "https://www.example.com/ferry").source == "example.com"
    assert parse_page(story("Ferry resumes"), "http://127.0.0.1:8799/a.html").source == "127.0.0.1:8799"
    named = parse_page(story("Ferry resumes", site_name="Island Tribune"), "https://www.example.com/f")
    assert named.source == "Island Tribune"


@pytest.mark.parametrize("name", ["directory_listing.html", "tag_page.html", "home_of_teasers.html"])
def test_a_page_that_is_a_list_of_links_is_not_an_article(name):
    # python -m http.server's listing; a tag page of headlines; a home page of headlines and teasers,
    # whose teasers trafilatura keeps while it drops the headlines over them
    with pytest.raises(EmptySourceError, match=r"^not an article: a list of links$"):
        parse_page((PAGES / name).read_bytes(), "http://127.0.0.1:8799/")


def test_a_short_listing_is_named_a_list_of_links_not_a_page_without_text():
    """A listing of five files has fewer words than an article needs: what it is, is the better reason."""
    files = "".join(f'<li><a href="story{i}.html">story{i}.html</a></li>' for i in range(5))
    html = "<html><head><title>Directory listing for /</title></head><body><h1>Directory listing for /</h1>"
    html += f"<ul>{files}</ul></body></html>"
    with pytest.raises(EmptySourceError, match=r"^not an article: a list of links$"):
        parse_page(html, "http://127.0.0.1:8799/")
    with pytest.raises(EmptySourceError, match=r"^no article text found on the page$"):
        parse_page("<html><body><p>Short note.</p></body></html>", "http://127.0.0.1:8799/note")


def test_a_page_without_a_sentence_of_prose_is_not_an_article():
    # nginx's listing: the links share a <pre> with dates and sizes, so no line of it is a link alone
    with pytest.raises(EmptySourceError, match=r"^not an article: no sentence of prose on the page$"):
        parse_page((PAGES / "nginx_listing.html").read_bytes(), "http://127.0.0.1:8799/data/")


def test_an_article_with_many_inline_links_and_a_related_list_is_an_article():
    draft = parse_page((PAGES / "inline_links.html").read_bytes(), "http://127.0.0.1:8799/eu")
    assert draft.title == "EU ministers agree on new rules for online platforms"
    assert "Thierry Breton, the former commissioner" in draft.body
    for name in ("port_strike.html", "link_and_share_furniture.html", "dated_in_url_and_meta.html"):
        assert parse_page((PAGES / name).read_bytes(), "http://127.0.0.1:8799/x").body


def test_a_live_blog_whose_headings_link_to_its_own_posts_is_an_article():
    posts = "".join(
        f'<h2><a href="#post-{n}">{n}:00 Update number {n} on the storm</a></h2>'
        f"<p>Wind speeds reached {100 + n} km/h on the coast at {n}:00, the weather service said.</p>"
        for n in range(10, 16)
    )
    body = f"<article><h1>Storm live</h1>{posts}</article>"
    html = f"<html><head><title>Storm live</title></head><body>{body}</body></html>"
    assert "Wind speeds reached 110 km/h" in parse_page(html, "http://127.0.0.1:8799/live").body


def live_blog(heading_link, *, heading="Update {n} from the port strike") -> str:
    """A live blog of five posts, each a linked heading (``heading_link(n)``) over one paragraph."""
    posts = "".join(
        f'<div class="post" id="post-{n}"><h3><a href="{heading_link(n)}">{heading.format(n=n)}</a></h3>'
        f"<p>Post {n}: the port said {40 + n} ships were waiting at anchor off the coast by noon.</p>"
        "</div>"
        for n in range(5)
    )
    nav = (
        '<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>'
    )
    body = f"{nav}</header><main><article><h1>Live: Rotterdam port strike</h1>{posts}</article></main>"
    return f"<html><head><title>Live: Rotterdam port strike</title></head><body>{body}</body></html>"


LIVE = "https://harbour.example/live/port-strike"


@pytest.mark.parametrize(
    ("heading_link", "url"),
    [
        (lambda n: f"?post={n}", None),  # the page's own path, a post picked by the query
        (lambda n: f"?page=with:block-{n}#block-{n}", LIVE),
        (lambda n: f"{LIVE}?post={n}", LIVE),  # the full URL of the page fetched
        (lambda n: f"https://www.harbour.example/live/port-strike/?post={n}", LIVE),
        (lambda n: f"{LIVE}/post-{n}", None),  # a permalink named after the post's own block
    ],
)
def test_a_live_blog_whose_headings_link_to_its_own_posts_by_query_or_permalink_is_an_article(
    heading_link, url
):
    draft = parse_page(live_blog(heading_link), url)
    for n in range(5):
        assert f"Post {n}: the port said {40 + n} ships" in draft.body


def test_a_live_post_s_time_linked_to_elsewhere_is_no_headline_over_it():
    html = live_blog(lambda n: f"/live/port-strike/entry/{n}", heading="1{n}:02 a.m. ET")
    assert "Post 4: the port said 44 ships" in parse_page(html, LIVE).body


def test_the_same_headings_linked_to_other_pages_are_still_a_list_of_teasers():
    html = live_blog(lambda n: f"/news/2026/11/story-{n}")
    with pytest.raises(EmptySourceError, match=r"^not an article: a list of links$"):
        parse_page(html, "https://harbour.example/news/")


@pytest.mark.parametrize(
    "name",
    [
        "liveblog_query.html",  # headings linked "?post=3"
        "liveblog_guardian.html",  # times linked "?page=with:block-3#block-3"
        "liveblog_abs.html",  # headings linked to "https://harbour.example/live/port-strike/post-3"
        "v_nonav_h1link.html",  # a WordPress brief: <h1><a rel="bookmark"> over two paragraphs
        "brief_h1link.html",  # the same with a byline and a navigation bar, read back as one line
        "explainer_linked_h2.html",  # subheadings linking to topic pages, each over its paragraph
        "self_teaser.html",  # a "top story" box with the article's own headline and lead, then the article
        "inline_full_sentence_links.html",  # two of three paragraphs are wholly link text
    ],
)
def test_articles_with_linked_headings_are_articles(name):
    html = (PAGES / name).read_bytes()
    for url in ("https://harbour.example/news/2026/11/24/port-strike", None):
        draft = parse_page(html, url)
        assert "port" in draft.body and len(draft.body.split()) >= 30


def test_a_navigation_bar_is_no_headline_over_the_article():
    # one line for the whole article (trafilatura's reading of a short page), just after a bar of links
    html = (PAGES / "brief_h1link.html").read_text(encoding="utf-8").replace("<h1><a href=", "<h1><a data-x=")
    assert "the FNV union said" in parse_page(html, None).body


def test_a_headline_linked_to_the_page_itself_over_one_paragraph_is_its_headline():
    # without the title to go by, the link to the page's own address tells
    html = (PAGES / "v_nonav_h1link.html").read_text(encoding="utf-8").replace("<title>", "<title>News: ")
    html = html.replace("<h1>", "<h1>").replace(
        ">Port workers walk out in Rotterdam</a>", ">Walkout at the port</a>"
    )
    draft = parse_page(html, "https://harbour.example/news/2026/11/24/port-strike/")
    assert draft.body.startswith("Dock workers at the port of Rotterdam walked out")


def test_two_links_are_no_list_of_links():
    links = [f'<li><a href="/a{n}">Porto story number {n} of the day in the north</a></li>' for n in range(3)]
    lines = [f"Porto story number {n} of the day in the north" for n in range(3)]

    def page(n: int) -> str:
        return f"<html><body><ul>{''.join(links[:n])}</ul></body></html>"

    assert is_link_list(page(3), lines, urls=["https://minho.example/tags/porto"])
    assert not is_link_list(page(2), lines[:2], urls=["https://minho.example/tags/porto"])


def test_a_headline_run_into_a_one_line_body_is_taken_off():
    # trafilatura reads a short page as one line: "Rotterdam dockers strike Dock workers at the port..."
    draft = parse_page((PAGES / "brief_related.html").read_bytes(), "https://harbour.example/news/x")
    assert draft.title == "Rotterdam dockers strike"
    assert draft.body.startswith("Dock workers at the port of Rotterdam walked out on Tuesday")


def test_a_one_line_body_that_starts_with_the_headline_s_words_keeps_them():
    html = (
        (PAGES / "brief_related.html")
        .read_text(encoding="utf-8")
        .replace("<h1>Rotterdam dockers strike</h1>", "")
    )
    html = html.replace(
        "<title>Port workers walk out in Rotterdam | Harbour News", "<title>Rotterdam dockers strike"
    )
    html = html.replace(
        "<p>Dock workers at the port of Rotterdam walked out", "<p>Rotterdam dockers strike over pay"
    )
    assert parse_page(html).body.startswith("Rotterdam dockers strike over pay on Tuesday morning")


def test_a_related_list_run_into_a_one_line_body_is_taken_off():
    body = parse_page((PAGES / "brief_related.html").read_bytes(), "https://harbour.example/news/x").body
    assert body.endswith("The strike is expected to last 48 hours, the union said.")
    assert "Antwerp" not in body and "Related" not in body


def test_a_one_line_body_keeps_its_last_paragraph_when_a_related_list_has_no_heading():
    html = (PAGES / "brief_related.html").read_text(encoding="utf-8").replace("<h2>Related</h2>", "")
    body = parse_page(html, "https://harbour.example/news/x").body
    assert body.endswith("The strike is expected to last 48 hours, the union said.") and "Antwerp" not in body


def test_a_blog_s_archive_of_linked_titles_and_excerpts_is_still_a_list_of_links():
    # WordPress's archive markup: each post's <h2 class="entry-title"><a rel="bookmark"> over its excerpt
    posts = "".join(
        f'<article id="post-{n}"><header><h2 class="entry-title"><a href="https://blog.example/2026/11/'
        f'story-{n}/" rel="bookmark">Story number {n} about the harbour strike today</a></h2></header>'
        f'<div class="entry-summary"><p>Excerpt {n}: dock workers walked out on Tuesday over pay, halting '
        "container traffic, the union said.</p></div></article>"
        for n in range(6)
    )
    body = f"<h1>Category: Harbour</h1>{posts}"
    html = f"<html><head><title>Harbour - Blog</title></head><body>{body}</body></html>"
    for url in ("https://blog.example/category/harbour/", None):
        with pytest.raises(EmptySourceError, match=r"^not an article: a list of links$"):
            parse_page(html, url)


def test_a_home_page_s_links_to_its_posts_by_query_are_links_away():
    # a blog with plain permalinks: "/?p=3" is a post of its own, not a part of the home page
    html = live_blog(lambda n: f"/?p={n}", heading="Story number {n} about the harbour")
    with pytest.raises(EmptySourceError, match=r"^not an article: a list of links$"):
        parse_page(html.replace('id="post-', 'id="entry-'), "https://blog.example/")


def test_an_address_that_does_not_parse_is_no_address_of_the_page():
    html = (PAGES / "liveblog_query.html").read_text(encoding="utf-8")
    html = html.replace("<head>", '<head><link rel="canonical" href="http://[broken/x">')
    assert parse_page(html, "http://[broken").url is None
    assert parse_page(html, "https://harbour.example/live").url == "https://harbour.example/live"


AP_PAGE = """<html><head><title>Drones hit an oil depot overnight</title></head><body><article>
<h1>Drones hit an oil depot overnight</h1>
<p>KYIV, Ukraine (AP) — Drones struck an oil depot in the Bryansk region overnight, setting it ablaze,
the military said Sunday, in the latest strike on energy sites near the border.</p>
<p>The Defense Ministry said its air defenses downed 42 drones over several regions, including six over
the capital region, and that no one was hurt.</p>
<p>___</p>
<p>Associated Press writer Tom Roe in Moscow contributed to this report.</p>
<p>___</p>
<p>Follow AP's coverage of the war at
<a href="https://apnews.com/hub/russia-ukraine">https://apnews.com/hub/russia-ukraine</a></p>
</article></body></html>"""


def test_aps_rules_and_notes_under_a_story_are_no_part_of_its_text():
    draft = parse_page(AP_PAGE, "https://apnews.com/article/drones")
    assert draft.body.endswith("including six over the capital region, and that no one was hurt.")
    assert "___" not in draft.body and "apnews.com" not in draft.body


CODE_PAGE = """<html><head><title>Closing files in C</title></head><body><article>
<h1>Closing files in C</h1>
<p>Every file a program opens must be closed again, or the process runs out of descriptors after a few
thousand requests, as our logging service did last week during the evening peak.</p>
<p>if (fd >= 0) {</p>
<p>close(fd);</p>
<p>};</p>
<p>* * *</p>
<p>The same holds for sockets, which the kernel counts against the same limit as every other file.</p>
</article></body></html>"""


def test_a_code_samples_closing_braces_stay_and_a_rule_goes():
    draft = parse_page(CODE_PAGE, "https://blog.example/closing-files")
    paragraphs = draft.body.split("\n\n")
    assert "};" in paragraphs
    assert "* * *" not in paragraphs
