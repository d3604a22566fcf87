"""Web addresses: a URL's site (the outlet when nothing names one) and which URL can be an article's."""

import pytest

from briefing.addresses import is_public_suffix, is_site_root, own_url, same_site, site_of


@pytest.mark.parametrize(
    ("url", "site"),
    [
        ("http://127.0.0.1:8799/a.html", "127.0.0.1:8799"),
        ("http://127.0.0.1/a.html", "127.0.0.1"),
        ("https://www.BBC.com/news/1", "bbc.com"),
        ("https://bbc.com:443/news/1", "bbc.com"),
        ("http://user:secret@example.org:8080/x", "example.org:8080"),
        ("ftp://example.org/x", None),
        ("not a url", None),
        (None, None),
    ],
)
def test_the_site_of_a_url(url, site):
    assert site_of(url) == site


@pytest.mark.parametrize(
    ("url", "root"),
    [
        ("http://127.0.0.1:8799/", True),
        ("https://example.com", True),
        ("https://example.com/index.html", True),
        ("https://example.com/?p=123", False),  # one post of a blog
        ("https://example.com/news/", False),
        ("https://example.com/2026/11/story", False),
    ],
)
def test_a_site_root_is_its_home_page(url, root):
    assert is_site_root(url) is root


def test_one_site_across_www_mobile_amp_subdomains_and_schemes():
    assert same_site("https://www.example.com/a", "http://example.com/b")
    assert same_site("https://m.example.com/a", "https://www.example.com/a")
    assert same_site("https://amp.example.com/a", "https://news.example.com/a")
    assert not same_site("https://example.com/a", "https://example.org/a")
    assert not same_site("https://bbc.co.uk/a", "https://itv.co.uk/a")
    assert not same_site("http://127.0.0.1:8799/a", "http://127.0.0.1:8800/a")


def test_a_canonical_url_stands_for_the_page_only_when_it_can_be_its_own():
    fetched = "http://www.example.com/news/1?utm_source=x"
    assert own_url("https://example.com/news/1", fetched) == "https://example.com/news/1"
    assert own_url("https://example.com/", fetched) == fetched  # the home page: a CMS misconfiguration
    assert own_url("https://example.com/index.php", fetched) == fetched
    assert own_url("https://elsewhere.org/news/1", fetched) == fetched  # another site: not checkable
    assert own_url("/relative", fetched) == fetched
    assert own_url(None, fetched) == fetched
    # a page fetched from the root may well be the root
    assert own_url("https://example.com/", "http://www.example.com") == "https://example.com/"
    # a saved page: its canonical URL, unless it is a site's root; then none
    assert own_url("https://example.com/news/1", None) == "https://example.com/news/1"
    assert own_url("https://example.com/", None) is None


@pytest.mark.parametrize(
    ("url", "root"),
    [
        ("https://www.example.com/en/", True),  # a language's home page
        ("https://example.com/pt-br/index.html", True),
        ("https://example.com/index.php?lang=en", True),
        ("https://example.com/?lang=en&amp=1", True),
        ("https://example.com/amp/", True),
        ("https://example.com/index.php?lang=en&id=12", False),  # one page, in English
        ("https://example.com/en/news/a.html", False),
        ("https://example.com/europe/", False),
    ],
)
def test_a_language_s_or_a_format_s_home_page_is_a_site_root(url, root):
    assert is_site_root(url) is root


@pytest.mark.parametrize(
    "claimed",
    [
        "https://example.com/amp/",
        "https://example.com/?amp=1",
        "https://www.example.com/en/",
        "https://example.com/index.php?lang=en",
        "https://example.com/news/",  # the section the page is in
        "https://example.com/news",
    ],
)
def test_a_canonical_url_at_a_section_s_or_a_language_s_home_is_not_the_page_s_own(claimed):
    assert own_url(claimed, "https://example.com/news/a") == "https://example.com/news/a"
    year = "https://example.com/news/2026/a"  # under a year's archive
    assert own_url(claimed.replace("/news", "/news/2026"), year) == year


@pytest.mark.parametrize(
    ("claimed", "fetched"),
    [
        ("https://example.com/2026/11/story/", "https://example.com/2026/11/story/amp/"),
        ("https://example.com/news/story", "https://example.com/news/story/2"),
        ("https://example.com/news/story", "https://example.com/news/story/print"),
        ("https://example.com/article/4417392", "https://example.com/article/4417392/port-strike"),
    ],
)
def test_an_article_s_canonical_url_over_its_other_renderings_stands(claimed, fetched):
    assert own_url(claimed, fetched) == claimed


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://wordpress.com/discover", "https://alice.wordpress.com/2026/11/24/post"),
        ("https://bob.wordpress.com/a", "https://alice.wordpress.com/b"),
        ("https://github.io/a", "https://alice.github.io/post"),
        ("https://alice.blogspot.com/a", "https://www.blogspot.com/b"),
        ("https://co.uk/news/x", "https://www.example.co.uk/a"),
        ("https://com.au/x", "https://news.example.com.au/a"),
        ("https://com/x", "https://example.com/a"),
    ],
)
def test_a_public_suffix_is_nobody_s_site(a, b):
    assert not same_site(a, b) and not same_site(b, a)
    assert own_url(a, b) == b


def test_subdomains_of_a_site_under_a_country_s_second_level_domain_are_one_site():
    assert same_site("https://www.example.co.uk/a", "https://news.example.co.uk/b")
    assert same_site("https://alice.wordpress.com/a", "https://www.alice.wordpress.com/b")
    assert (
        is_public_suffix("wordpress.com") and is_public_suffix("co.uk") and not is_public_suffix("bbc.co.uk")
    )


@pytest.mark.parametrize(
    "canonical",
    ["https://d.test/news/index.html", "https://d.test/category/local/", "https://d.test/tag/ports"],
)
def test_a_canonical_to_a_folders_index_or_a_listing_page_is_not_the_articles(canonical):
    fetched = "https://d.test/news/a-bridge-closes.html"
    assert own_url(canonical, fetched) == fetched
