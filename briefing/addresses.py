"""Web addresses: the site a URL is on (an article's outlet when nothing names one), and whether a URL a
page or feed entry gives for itself can be that article's identity.

An article's URL is its identity: a second article with the same URL is a duplicate and is not stored.
So a URL that is not the article's own must never be taken for it. A site's root (its home page) is
nobody's article: CMS templates that put the home page in every page's ``<link rel="canonical">``, and
feeds that give the home page as every entry's link, are common. A canonical URL on another site is a
claim this module cannot check (syndication, or a template copied between sites); the page's own
address is kept instead, and a syndicated copy is still recognised by its text. The same site includes
its ``www.``, mobile and AMP hosts and any subdomain of it (``amp.example.com`` → ``example.com``), but
a public suffix is nobody's site: ``alice.wordpress.com`` and ``bob.wordpress.com`` are two blogs, not
subdomains of a site "wordpress.com", and ``example.co.uk`` is not on a site "co.uk". Without a public
suffix list (nothing is downloaded), the common blog and hosting platforms and the second-level
suffixes of country domains (``co.uk``, ``com.au``) are named here; another platform's blogs are told
apart by their text, as copies from other sites are.

A section's or a language's home page (``/en/``, ``/index.php?lang=en``, ``/news/`` over
``/news/a.html``) is no more an article's address than the site's root: CMS templates put those in the
canonical link too.

Secrets in an address (a user name and password, a query parameter named as a key, a token, a signature,
a password or a session in any spelling: ``apikey``, ``accessToken``, ``client_secret``, ``appid``) are
never shown: :func:`shown_url` masks their values wherever an address is shown or logged, and
:func:`without_secrets` drops them from an article's address, which every reader sees.

Internal addresses (loopback, private, link-local...: :func:`internal_kind`) are where a feed's author
must not send the bot: a feed entry's link or a redirect to one is followed only from an internal address
itself (:func:`refused_address`); the fetcher resolves the host, this module only judges the addresses.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
from collections.abc import Iterable
from urllib.parse import SplitResult, parse_qsl, urlsplit, urlunsplit

DEFAULT_PORTS = {"http": 80, "https": 443}
# Host prefixes that name the same site: "www.example.com", "m.example.com", "amp.example.com"
_SAME_SITE_PREFIXES = ("www.", "m.", "mobile.", "amp.")
# A home page under a file name of its own ("/index.html") is a site root too
_INDEX_PAGES = frozenset(
    ("index.html", "index.htm", "index.php", "index.shtml", "index.asp", "index.aspx", "default.aspx")
)
# A home page in a language or a format of its own: "/en/", "/pt-br/index.html", "/amp/"
_HOME_DIRS = re.compile(r"^(?:[a-z]{2}(?:[-_][a-z]{2,4})?|amp|mobile|m)$")
# Queries that choose a home page's language or format, not a page: "/?lang=en", "/index.php?amp=1"
_HOME_QUERY_KEYS = frozenset(
    ("lang", "language", "locale", "hl", "amp", "output", "outputtype", "view", "edition")
)
# The last segments of an article's other renderings, under its own path: "/story/amp", "/story/print/2"
_RENDERINGS = re.compile(r"^(?:amp|print|comments|all|full|single|page|\d{1,3})$", re.I)
# An article's number in its path (a section's path has a year at most)
_ARTICLE_ID = re.compile(r"\d{5,}")
# Hosts whose subdomains are other people's sites (blogs, hosted pages)
_PLATFORMS = frozenset(
    (
        "wordpress.com blogspot.com blogger.com tumblr.com substack.com medium.com ghost.io typepad.com "
        "livejournal.com wixsite.com weebly.com squarespace.com github.io gitlab.io netlify.app vercel.app "
        "pages.dev web.app firebaseapp.com herokuapp.com appspot.com azurewebsites.net cloudfront.net "
        "neocities.org over-blog.com hatenablog.com"
    ).split()
)
# Country domains' second-level suffixes: "example.co.uk", "example.com.au", "example.ne.jp"
_SECOND_LEVEL = re.compile(r"^(?:co|com|org|net|gov|ac|edu|ne|or|go|gob|mil|nic|ltd|plc|sch)\.[a-z]{2}$")


def is_web_url(url: str | None) -> bool:
    """Whether ``url`` is an http(s) URL with a host."""
    if not url:
        return False
    try:
        parts = urlsplit(url)
        return parts.scheme.lower() in DEFAULT_PORTS and bool(parts.hostname)
    except ValueError:
        return False


def without_credentials(url: str) -> str:
    """The address without a user name and password ("http://alice:pw@host/x" → "http://host/x"), to
    name it where it is stored or shown."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


# The words of a query parameter's name that make its value a secret: an API key, a token, a signature,
# a password, a session ("?apikey=", "&accessToken=", "&X-Amz-Signature=", "&client_secret=", "&appid=")
_SECRET_WORDS = frozenset(
    (
        "key apikey token secret password passwd pwd pass passkey sig signature auth authorization bearer "
        "credential credentials session sessionid sessid sid hmac jwt appid"
    ).split()
)
# A name's last word that ends in one ("accesstoken", "phpsessid", "clientsecret") or is a key of
# someone's ("secretkey", "privatekey"): written without a separator, it is one word; a "monkey", a
# "keyword" and a "bypass" are none
_SECRET_WORD = re.compile(
    r"\w*(?:token|secret|password|passwd|apikey|passkey|signature|credentials?|sessionid|sessid)"
    r"|(?:api|app|access|secret|private|client|auth|licen[cs]e|subscription|master|consumer|signing)key",
)
_SECRET_PAIRS = frozenset((("session", "id"), ("app", "id"), ("sess", "id")))
# A name's words: split at "_", "-", ".", brackets and changes of case ("X-Amz-Signature", "apiToken",
# "APIKey", "auth[token]")
_NAME_WORDS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
# A query parameter in an address, its name and its value
_PARAM = re.compile(r"(?<=[?&;])([^=&#;\s'\"]+)=([^&#;\s'\"]*)")
# A value already masked, with the fingerprint that tells two secrets apart ("***", "***a1b2")
_MASKED = re.compile(r"\*\*\*(?:[0-9a-f]{4})?")
# An http(s) address in a text (a log line, an error): up to a space, a quote or an angle bracket; its
# own brackets are kept ("/feed(1)?apikey=..."), one around it is not (see _trimmed)
_ADDRESS = re.compile(r"\bhttps?://[^\s'\"<>{}]+", re.I)
_BRACKETS = {")": "(", "]": "["}


def is_secret_param(name: str) -> bool:
    """Whether the query parameter ``name`` carries a secret: its last word, in any case, is one
    ("apikey", "apiToken", "X-Amz-Signature", "client_secret", "secretKey", "appid", "jwt"), or its last
    two are "session id" or "app id"."""
    words = [w.lower() for w in _NAME_WORDS.findall(name)]
    if not words:
        return False
    last = words[-1]
    return last in _SECRET_WORDS or bool(_SECRET_WORD.fullmatch(last)) or tuple(words[-2:]) in _SECRET_PAIRS


def fingerprint(secret: str) -> str:
    """Four hex digits that tell two secrets apart where both are masked ("***a1b2"); they do not give
    the secret away."""
    return hashlib.sha256(b"briefing:" + secret.encode("utf-8", "surrogatepass")).hexdigest()[:4]


def _masked(match: re.Match[str]) -> str:
    name, value = match.groups()
    if not is_secret_param(name) or _MASKED.fullmatch(value):  # masked once is masked for good
        return match.group()
    return f"{name}=***{fingerprint(value)}" if value else f"{name}=***"


def shown_url(url: str) -> str:
    """The address as it may be shown or logged: no user name and password, and the values of the query
    parameters that carry a secret masked, with a fingerprint that tells two keys apart
    ("https://x.test/rss?apikey=***a1b2&lang=en"). The address itself, which the fetches need, is kept
    where it is stored."""
    return _PARAM.sub(_masked, without_credentials(url))


def loosely_shown(url: str) -> str:
    """A shown address without its secrets' fingerprints ("?apikey=***"): how it was shown before they
    were, and what an admin may type."""
    return _PARAM.sub(
        lambda m: f"{m.group(1)}=***" if _MASKED.fullmatch(m.group(2)) else m.group(), shown_url(url)
    )


# Names that are a story's number as often as a secret ("?sid=1234", "?session=2024", "?key=17"): with a
# number or a date for value, they name a page and stay in its address
_PAGE_NUMBER_NAMES = frozenset(("sid", "session", "key"))
_PAGE_NUMBER = re.compile(r"[\d\-_./:]*")


def without_secrets(url: str) -> str:
    """An article's address as it is stored and shown to every reader: no user name and password, and no
    query parameter that carries a secret (a feed's entry links with its "?apikey=..."), the page's own
    address without them. A "?sid=1234" stays: a number lets nobody in, and without it two stories would
    have one address."""
    url = without_credentials(url)
    parts = urlsplit(url)
    pairs = parts.query.split("&")
    kept = [pair for pair in pairs if not _secret_pair(pair)]
    return url if len(kept) == len(pairs) else urlunsplit(parts._replace(query="&".join(kept)))


def _secret_pair(pair: str) -> bool:
    name, equals, value = pair.partition("=")
    if not equals or not is_secret_param(name):
        return False
    return not (name.lower() in _PAGE_NUMBER_NAMES and _PAGE_NUMBER.fullmatch(value))


def mask_urls(text: str) -> str:
    """``text`` with every http(s) address in it as :func:`shown_url` shows it."""
    if "://" not in text:
        return text

    def shown(match: re.Match[str]) -> str:
        url = _trimmed(match.group())
        return shown_url(url) + match.group()[len(url) :]

    return _ADDRESS.sub(shown, text)


def _trimmed(url: str) -> str:
    """The address without what follows it in the sentence: the punctuation after it, and a bracket that
    closes one opened before it ("(see https://x.test/a)")."""
    while True:
        url = url.rstrip(".,;:!?")
        end = url[-1:]
        if end not in _BRACKETS or url.count(_BRACKETS[end]) >= url.count(end):
            return url
        url = url[:-1]


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
    """Whether ``url`` is a site's home page, or a language's: path empty, "/", an index file, a
    language's or a format's directory ("/en/", "/amp/", "/en/index.php"), and no query but one that
    picks a language or a format ("?lang=en"; a "/?p=123" names one post of a blog)."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.lower().split("/") if s]
    if segments and segments[-1] in _INDEX_PAGES:
        segments.pop()
    if len(segments) > 1 or (segments and not _HOME_DIRS.match(segments[0])):
        return False
    keys = {key.lower() for key, _ in parse_qsl(parts.query, keep_blank_values=True)}
    return keys <= _HOME_QUERY_KEYS and (bool(keys) or not parts.query)


_INDEX_FILE = re.compile(r"^(index|default|home)\.(html?|php|aspx?|jsp)$", re.I)
# the first folder of a CMS's listing pages: a canonical link there is a misconfiguration
LISTING_FOLDERS = frozenset({"tag", "tags", "category", "categories", "topic", "topics", "section", "author"})


def is_section_of(claimed: str, fetched: str) -> bool:
    """Whether ``claimed`` is a directory the page at ``fetched`` is in (its section's home page,
    "/news/" over "/news/a.html"), rather than the article of which ``fetched`` is another rendering
    ("/story" over "/story/amp" or "/story/2") or another address ("/article/4417392" over
    "/article/4417392/its-slug")."""
    outer = [s for s in urlsplit(claimed).path.split("/") if s]
    inner = [s for s in urlsplit(fetched).path.split("/") if s]
    if outer and _INDEX_FILE.match(outer[-1]):  # "/news/index.html" is the folder "/news/"
        outer = outer[:-1]
    if outer and outer[0].lower() in LISTING_FOLDERS and outer != inner[: len(outer)]:
        return True  # a tag's or a category's page ("/tag/ports") is a list, never the article
    if len(outer) >= len(inner) or inner[: len(outer)] != outer:
        return False
    if outer and _ARTICLE_ID.search(outer[-1]):  # "/article/4417392" over "/article/4417392/its-slug"
        return False
    return not all(_RENDERINGS.match(s) for s in inner[len(outer) :])


def same_site(a: str, b: str) -> bool:
    """Whether two http(s) URLs are on one site: the same host, one a subdomain of the other, or the
    same host after a ``www.``/``m.``/``mobile.``/``amp.`` prefix; and the same port (http and https
    are one site)."""
    pa, pb = urlsplit(a), urlsplit(b)
    if _port(pa) != _port(pb):
        return False
    ha, hb = _bare_host(pa.hostname or ""), _bare_host(pb.hostname or "")
    if not (ha and hb):
        return False
    if ha == hb:
        return True
    inner, outer = (ha, hb) if len(ha) > len(hb) else (hb, ha)
    return inner.endswith("." + outer) and not is_public_suffix(outer)


def is_public_suffix(host: str) -> bool:
    """Whether a host is one under which others have their sites: a top-level domain, a country's
    second-level one ("co.uk"), a blog or hosting platform ("wordpress.com", "github.io")."""
    host = host.lower().strip(".")
    return "." not in host or host in _PLATFORMS or bool(_SECOND_LEVEL.match(host))


def own_url(claimed: str | None, fetched: str | None) -> str | None:
    """The URL that stands for a page: the one it ``claimed`` for itself (its canonical link), unless
    that is no http(s) URL, is a site's or a language's root while the page was not fetched from one,
    is the home page of a section the ``fetched`` page is in, or is on another site than its; then the
    ``fetched`` URL (``None`` for a saved page with no credible URL of its own: it is then told from
    others by its text)."""
    fetched = fetched if is_web_url(fetched) else None
    if not is_web_url(claimed) or claimed == fetched:
        return fetched
    assert claimed is not None
    if is_site_root(claimed) and not (fetched and is_site_root(fetched)):
        return fetched
    if fetched and is_section_of(claimed, fetched):
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


# 100.64.0.0/10: a carrier's NAT (RFC 6598), inside an operator's network like RFC 1918's
_SHARED = ipaddress.ip_network("100.64.0.0/10")
_PRIVATE = tuple(
    ipaddress.ip_network(net)
    for net in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7", "fec0::/10")
)


def internal_kind(address: str) -> str | None:
    """What kind of internal address an IP address is: "loopback", "private" (RFC 1918, fc00::/7),
    "shared" (100.64.0.0/10), "link-local" (169.254.0.0/16 with the cloud's metadata service,
    fe80::/10), "unspecified", "multicast" or "reserved" (any other range not routed on the internet);
    ``None`` for a public address or a text that is no IP address. An IPv6 address that carries an IPv4
    one (``::ffff:127.0.0.1``, 6to4) is judged by that."""
    try:
        ip = ipaddress.ip_address(address.split("%")[0])  # without an IPv6 zone ("fe80::1%eth0")
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address):
        ip = ip.ipv4_mapped or ip.sixtofour or ip
    checks = (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("shared", ip in _SHARED),
        ("private", any(ip in net for net in _PRIVATE)),
        ("reserved", not ip.is_global),
    )
    return next((kind for kind, hit in checks if hit), None)


def refused_address(addresses: Iterable[str], *, trusted: bool) -> tuple[str, str] | None:
    """The internal address (and its kind) a fetch must not go to, if any, among the ``addresses`` its
    host has: a host with one internal address among public ones is internal. ``trusted``: the operator
    named the URL, or it was found at (led to from) an internal address itself, the same trust zone; then
    nothing is refused."""
    if trusted:
        return None
    return next(((a, kind) for a in addresses if (kind := internal_kind(a)) is not None), None)
