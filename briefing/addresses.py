"""Web addresses: the site a URL is on (an article's outlet when nothing names one), and whether a URL a
page or feed entry gives for itself can be that article's identity.

An article's URL is its identity: a second article with the same URL is a duplicate and is not stored.
So a URL that is not the article's own must never be taken for it. A site's root (its home page) is
nobody's article: CMS templates that put the home page in every page's ``<link rel="canonical">``, and
feeds that give the home page as every entry's link, are common. A canonical URL on another site is a
claim this module cannot check (syndication, or a template copied between sites); the page's own
address is kept instead, and a syndicated copy is still recognised by its text. The same site includes
its ``www.``, mobile and AMP hosts and any subdomain of it (``amp.example.com`` → ``example.com``).
"""

from __future__ import annotations

from urllib.parse import SplitResult, urlsplit

DEFAULT_PORTS = {"http": 80, "https": 443}
# Host prefixes that name the same site: "www.example.com", "m.example.com", "amp.example.com"
_SAME_SITE_PREFIXES = ("www.", "m.", "mobile.", "amp.")
# A home page under a file name of its own ("/index.html") is a site root too
_INDEX_PAGES = frozenset(
    ("index.html", "index.htm", "index.php", "index.shtml", "index.asp", "index.aspx", "default.aspx")
)


def is_web_url(url: str | None) -> bool:
    """Whether ``url`` is an http(s) URL with a host."""
    if not url:
        return False
    try:
        parts = urlsplit(url)
        return parts.scheme.lower() in DEFAULT_PORTS and bool(parts.hostname)
    except ValueError:
        return False


def site_of(url: str | None) -> str | None:
    """The site a URL is on, as an outlet's name: its host in lower case without ``www.``, with the port
    when it is not the scheme's default ("bbc.com", "127.0.0.1:8799"); ``None`` for no http(s) URL. A
    page and a text dump from one server get one name."""
    if not is_web_url(url):
        return None
    assert url is not None
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    port = _port(parts)
    return host if port is None else f"{host}:{port}"


def is_site_root(url: str) -> bool:
    """Whether ``url`` is a site's home page: path empty, "/" or an index file, and no query (a
    "/?p=123" names one post of a blog)."""
    parts = urlsplit(url)
    path = parts.path.strip("/")
    return not parts.query and (not path or path.lower() in _INDEX_PAGES)


def same_site(a: str, b: str) -> bool:
    """Whether two http(s) URLs are on one site: the same host, one a subdomain of the other, or the
    same host after a ``www.``/``m.``/``mobile.``/``amp.`` prefix; and the same port (http and https
    are one site)."""
    pa, pb = urlsplit(a), urlsplit(b)
    if _port(pa) != _port(pb):
        return False
    ha, hb = _bare_host(pa.hostname or ""), _bare_host(pb.hostname or "")
    return bool(ha and hb) and (ha == hb or ha.endswith("." + hb) or hb.endswith("." + ha))


def own_url(claimed: str | None, fetched: str | None) -> str | None:
    """The URL that stands for a page: the one it ``claimed`` for itself (its canonical link), unless
    that is no http(s) URL, is a site root while the page was not fetched from one, or is on another
    site than the one it was ``fetched`` from; then the ``fetched`` URL (``None`` for a saved page with
    no credible URL of its own: it is then told from others by its text)."""
    fetched = fetched if is_web_url(fetched) else None
    if not is_web_url(claimed) or claimed == fetched:
        return fetched
    assert claimed is not None
    if is_site_root(claimed) and not (fetched and is_site_root(fetched)):
        return fetched
    if fetched and not same_site(claimed, fetched):
        return fetched
    return claimed


def _bare_host(host: str) -> str:
    host = host.lower()
    for prefix in _SAME_SITE_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            return host[len(prefix) :]
    return host


def _port(parts: SplitResult) -> int | None:
    """The port, unless it is the scheme's default (http and https of one host are one site)."""
    try:
        port = parts.port
    except ValueError:  # a port out of range: the host alone
        return None
    return None if port == DEFAULT_PORTS.get(parts.scheme.lower()) else port
