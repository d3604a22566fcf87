"""Web addresses: a URL's site (the outlet when nothing names one) and which URL can be an article's."""

import pytest

from briefing.addresses import is_site_root, own_url, same_site, site_of


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
