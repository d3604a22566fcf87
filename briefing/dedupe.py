"""Recognising the same article twice: exact duplicates by content hash, near-duplicates by simhash.

* :func:`content_hash` hashes the *normalised* body (case, whitespace, quotes and dashes folded),
  so the same text read from another file, page or feed is a duplicate.
* :func:`simhash` is a 64-bit fingerprint of the body's content words: a story re-published with
  small edits lands within a few bits of the original.
* :func:`bands` cuts a fingerprint into four 16-bit bands (the ``article_bands`` table). By the
  pigeonhole principle, two fingerprints within Hamming distance 3 agree on at least one band, so
  looking candidates up by band finds every fingerprint that close.
* :func:`similarity` (Jaccard over word 3-shingles) confirms a candidate before it is called a
  near-duplicate, because unrelated texts can collide on fingerprints.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np

MAX_DISTANCE = 3
MIN_SIMILARITY = 0.5
BAND_BITS = 16
BANDS = 64 // BAND_BITS
SHINGLE = 3

_FOLDS = (
    ("\u2018", "'"),
    ("\u2019", "'"),
    ("\u201a", "'"),
    ("\u201c", '"'),
    ("\u201d", '"'),
    ("\u201e", '"'),
    ("\u2013", "-"),
    ("\u2014", "-"),
    ("\u2026", "..."),
)
_WORD = re.compile(r"\w+", re.UNICODE)
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid)$", re.I)
# Function words carry no content: left in, they pull every English text's fingerprint the same way.
_STOPWORDS = frozenset(
    """
    the and but for from with are was were been being has have had does did not its this that these
    those she they you his her their our your him them who whom which what when where why how than
    then there here also such can could would should will may might must into over under about after
    before between during against off while said says say more most other some any all each both one
    two three just only very out
    """.split()
)
_HASHES: dict[str, int] = {}


def normalize_text(text: str) -> str:
    """Text folded for comparison: NFKC, lower case, one quote and dash style, single spaces."""
    folded = unicodedata.normalize("NFKC", text).lower()
    for old, new in _FOLDS:
        if old in folded:
            folded = folded.replace(old, new)
    return " ".join(folded.split())


def content_hash(body: str) -> str:
    """Hex SHA-256 of the normalised body: equal for the same text however spaced or quoted."""
    return hashlib.sha256(normalize_text(body).encode("utf-8")).hexdigest()


def words(text: str) -> list[str]:
    return _WORD.findall(normalize_text(text))


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """The set of ``size``-word shingles of ``text`` (the words themselves when it is shorter)."""
    tokens = words(text)
    if len(tokens) < size:
        return set(tokens)
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def _hash64(feature: str) -> int:
    value = _HASHES.get(feature)
    if value is None:
        digest = hashlib.blake2b(feature.encode("utf-8"), digest_size=8).digest()
        value = int.from_bytes(digest, "little")
        if len(_HASHES) < 500_000:  # a news vocabulary fits; a flood of junk does not grow it
            _HASHES[feature] = value
    return value


def simhash(text: str) -> int:
    """The 64-bit simhash (unsigned) of ``text``'s content words weighted by their counts.

    Content words (no function words, three letters or more) rather than shingles: a few edited
    words move the fingerprint by a bit or two; unrelated articles on one topic stay ~20 apart.
    """
    counts = Counter(_WORD.findall(text.lower()))
    content = [(w, c) for w, c in counts.items() if len(w) > 2 and w not in _STOPWORDS]
    if not content:
        return 0
    hashes = np.array([_hash64(w) for w, _ in content], dtype=np.uint64)
    weights = np.array([c for _, c in content], dtype=np.float64)
    bits = np.unpackbits(hashes.view(np.uint8)).reshape(-1, 64)
    votes = 2 * (weights @ bits) - weights.sum()
    return int.from_bytes(np.packbits(votes > 0).tobytes(), "big")


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()


def bands(fingerprint: int) -> tuple[int, ...]:
    """The four 16-bit bands of a 64-bit fingerprint, lowest first."""
    mask = (1 << BAND_BITS) - 1
    return tuple((fingerprint >> (BAND_BITS * i)) & mask for i in range(BANDS))


def to_signed(fingerprint: int) -> int:
    """A 64-bit unsigned fingerprint as SQLite's signed INTEGER."""
    return fingerprint - (1 << 64) if fingerprint >= 1 << 63 else fingerprint


def to_unsigned(value: int) -> int:
    return value + (1 << 64) if value < 0 else value


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of the two texts' word shingles, from 0 (nothing shared) to 1."""
    sa, sb = shingles(a), shingles(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def is_near_duplicate(a_hash: int, b_hash: int, a_text: str, b_text: str) -> tuple[bool, float]:
    """Whether two texts are near-duplicates (close fingerprints *and* similar shingles), and how
    similar they are."""
    if hamming(a_hash, b_hash) > MAX_DISTANCE:
        return False, 0.0
    score = similarity(a_text, b_text)
    return score >= MIN_SIMILARITY, score


def normalize_url(url: str) -> str:
    """A URL in the form used to recognise the same page: lower-case scheme and host, no fragment,
    no tracking parameters (``utm_*``, ``fbclid``...), no default port, no trailing ``?``."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and (scheme, port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{port}"
    if parts.username:
        host = f"{parts.username}@{host}"
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    query = urlencode([(k, v) for k, v in pairs if not _TRACKING.match(k)])
    return urlunsplit((scheme, host, parts.path or "/", query, ""))
