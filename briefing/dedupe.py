"""Recognising the same article twice: exact duplicates by content hash, near-duplicates by MinHash.

* :func:`content_hash` hashes the *normalised* body (case, whitespace, quotes and dashes folded),
  so the same text read from another file, page or feed is a duplicate.
* :func:`sketch` describes a body by its *features*, the pairs of consecutive content words (function
  words and words of one or two letters left out, so "of the" is not evidence), and a MinHash
  signature of them: ``SIGNATURE`` minimum hashes, one per hash function. Two texts agree on each
  minimum with probability equal to the Jaccard similarity of their feature sets.
* The signature is cut into ``BANDS`` bands of ``ROWS`` minimums, each hashed into one 64-bit key (the
  ``article_sketch_bands`` table). Texts that share a key are candidates: a pair whose feature sets
  have Jaccard similarity 0.44 (a fifth of the words changed) shares one with probability 0.8, one at
  0.05 (unrelated articles on one topic) with probability 0.003.
* :func:`worth_comparing` checks a candidate's stored signature and sizes (cheap: no text read) to
  drop most chance candidates; :func:`is_near_duplicate` then decides on the texts' features: the
  shorter text must be at least ``MIN_LENGTH_RATIO`` of the longer, and ``MIN_CONTAINMENT`` of its
  features must be in the other. Containment rather than Jaccard, so a copy with a sentence, a paragraph or a
  "Related" block added or removed is still the same article; the length ratio, so a teaser is not
  the full article it introduces. Articles on one event by two outlets or writers share quotes and
  names but few word pairs of their own prose (0.38 and 0.42 on the two closest pairs of
  ``bench/bench_dedupe.py``, the second a short update a quarter as long as the first).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np

from briefing.facts import FIGURE, count_kinds
from briefing.months import MONTHS

SIGNATURE = 60
BANDS = 20
ROWS = SIGNATURE // BANDS
MIN_CONTAINMENT = 0.6
MIN_LENGTH_RATIO = 0.5
MIN_FEATURES = 6  # fewer word pairs than this is too little text to call two texts the same story

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
# Function words carry no content: left in, every English text would share "of the" and "in a".
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


@dataclass(frozen=True, eq=False)
class Profile:
    """What the near-duplicate decision compares: ``features``, the sorted distinct hashes of a text's
    consecutive content-word pairs (of its content words when it has one), and ``size``, how many
    content words it has."""

    features: np.ndarray
    size: int


@dataclass(frozen=True, eq=False)
class Sketch(Profile):
    """A profile with its MinHash ``signature`` (``SIGNATURE`` minimum hashes, low 32 bits) and the
    ``BANDS`` band ``keys`` (as SQLite's signed 64-bit integers). A text without content words has no
    features, no keys and a signature of ``EMPTY``."""

    signature: np.ndarray
    keys: tuple[int, ...]


def _constants(label: str, n: int) -> np.ndarray:
    # from a hash of a label, not a random generator: stored keys must mean the same in every version
    raw = b"".join(hashlib.blake2b(f"{label}:{i}".encode(), digest_size=8).digest() for i in range(n))
    return np.frombuffer(raw, dtype="<u8").astype(np.uint64)


_MULTIPLIERS = _constants("minhash-multiplier", SIGNATURE) | np.uint64(1)
_OFFSETS = _constants("minhash-offset", SIGNATURE)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
EMPTY = np.full(SIGNATURE, 0xFFFFFFFF, dtype=np.uint32)


def _mix(x: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser: every input bit moves every output bit (arithmetic wraps modulo 2**64)."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def _content_hashes(text: str) -> list[int]:
    """The 64-bit hashes of the content words of ``text`` (three letters or more, not function words),
    in order. One cache lookup a word: function words are cached as 0."""
    cached = _HASHES.get
    out = []
    # the words of normalize_text without its folds and spacing, which never touch a word
    folded = text.lower() if text.isascii() else unicodedata.normalize("NFKC", text).lower()
    for word in _WORD.findall(folded):
        value = cached(word)
        if value is None:
            if len(word) < 3 or word in _STOPWORDS:
                value = 0
            else:
                value = int.from_bytes(
                    hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little"
                )
            if len(_HASHES) < 500_000:  # a news vocabulary fits; a flood of junk does not grow it
                _HASHES[word] = value
        if value:
            out.append(value)
    return out


def profile(text: str) -> Profile:
    """The features and size of ``text``: enough to decide, without the signature."""
    hashes = np.array(_content_hashes(text), dtype=np.uint64)
    size = len(hashes)
    if size > 1:
        hashes = _mix(hashes[:-1] * _GOLDEN + hashes[1:])
    return Profile(np.unique(hashes), size)


def sketch(text: str) -> Sketch:
    """The features, size, MinHash signature and band keys of ``text``."""
    found = profile(text)
    if not len(found.features):
        return Sketch(found.features, 0, EMPTY, ())
    mixed = _mix((found.features[:, None] ^ _OFFSETS[None, :]) * _MULTIPLIERS[None, :])
    minimums = mixed.min(axis=0)
    signature = (minimums & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    return Sketch(found.features, found.size, signature, _keys(minimums))


def _keys(minimums: np.ndarray) -> tuple[int, ...]:
    rows = minimums.reshape(BANDS, ROWS)
    keys = np.arange(BANDS, dtype=np.uint64)  # the band's number goes in: band 1 never meets band 2
    for column in range(ROWS):
        keys = _mix(keys * _GOLDEN + rows[:, column])
    return tuple(keys.view(np.int64).tolist())


def pack_signature(signature: np.ndarray) -> bytes:
    return signature.astype("<u4").tobytes()


def unpack_signature(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4").astype(np.uint32)


def estimated_similarity(a: np.ndarray, b: np.ndarray) -> float:
    """The share of equal minimums: an estimate of the Jaccard similarity of the two feature sets."""
    return float(np.count_nonzero(a == b)) / SIGNATURE


def worth_comparing(a: Sketch, signatures: np.ndarray, features: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """For stored texts known by their signatures (one a row), numbers of features and sizes: the
    estimated similarity to ``a`` of each that can be a near-duplicate of ``a``, and -1 for the others.
    A cheap test, before any text is read: the signature must agree with ``a``'s at least as often as
    the least Jaccard similarity two feature sets of these sizes can have when ``MIN_CONTAINMENT`` of
    the smaller is in the larger, less two standard errors of the estimate (a pair just at the
    bounds is lost here one time in forty, a closer copy far more rarely), and the lengths must be
    within ``MIN_LENGTH_RATIO``."""
    estimates = np.count_nonzero(signatures == a.signature[None, :], axis=1) / SIGNATURE
    small = np.minimum(features, len(a.features))
    large = np.maximum(features, len(a.features))
    least = MIN_CONTAINMENT * small / (large + small - MIN_CONTAINMENT * small)
    margin = 2 * np.sqrt(least * (1 - least) / SIGNATURE)
    ok = (small >= MIN_FEATURES) & (np.minimum(sizes, a.size) >= MIN_LENGTH_RATIO * np.maximum(sizes, a.size))
    return np.where(ok & (estimates >= least - margin), estimates, -1.0)


def resemblance(a: Profile, b: Profile) -> tuple[float, float]:
    """``(containment, length ratio)``: the share of the smaller feature set found in the other, and
    the shorter text's content words over the longer's."""
    if not len(a.features) or not len(b.features):
        return 0.0, 0.0
    shared = len(np.intersect1d(a.features, b.features, assume_unique=True))
    return shared / min(len(a.features), len(b.features)), min(a.size, b.size) / max(a.size, b.size)


def is_near_duplicate(a: Profile, b: Profile) -> tuple[bool, float]:
    """Whether two texts are near-duplicates, and their containment (0 to 1)."""
    if min(len(a.features), len(b.features)) < MIN_FEATURES:
        return False, 0.0
    containment, ratio = resemblance(a, b)
    return containment >= MIN_CONTAINMENT and ratio >= MIN_LENGTH_RATIO, containment


_FIGURE = re.compile(r"\d+(?:[.,:]\d+)*")
MIN_FIGURES = 3  # a text giving fewer figures than this is judged by its words alone
RETITLED = 0.9  # a copy under a mostly new headline must be this close to the original


def figures_differ(a: str, b: str) -> bool:
    """Whether two texts report different figures: each gives ``MIN_FIGURES`` distinct numbers or more,
    and fewer than half of those of the one with fewer are in the other. A market, weather or sports
    report is written from one template every day; its figures are the news, so another day's is no
    copy. A corrected figure or two leaves a copy a copy."""
    fa, fb = set(_FIGURE.findall(a)), set(_FIGURE.findall(b))
    small, large = sorted((fa, fb), key=len)
    return len(small) >= MIN_FIGURES and 2 * len(small & large) < len(small)


def titles_differ(a: str, b: str) -> bool:
    """Whether two headlines share less than half of the shorter one's content words ("Weather: grey and
    mild in Utrecht", "Weather: sunny and cold in Groningen"); an empty one differs from nothing."""
    wa, wb = ({w for w in words(t) if len(w) >= 3} - _STOPWORDS for t in (a, b))
    return bool(wa and wb) and 2 * len(wa & wb) < min(len(wa), len(wb))


def is_copy_of(
    title: str,
    body: str,
    original_title: str,
    original_body: str,
    containment: float,
    *,
    dated: datetime | None = None,
    original_dated: datetime | None = None,
) -> bool:
    """Whether a text that passed :func:`is_near_duplicate` (with ``containment``) is a copy of the
    original rather than news of its own: the next edition of a template (a daily weather or market
    report, a newsletter around other news), or an update re-topped with a new count, or, ``dated`` a
    later day than the original, with other figures. A copy's figures agree, and a mostly new headline
    comes only with nearly the whole text (``RETITLED``).

    A new count is a figure the original gives nowhere in a sentence with a count word of
    :func:`briefing.facts.count_kinds` (the dead, the injured, the missing, the displaced, the
    arrested): "rose to 36 on Tuesday" after "rose to 23 on Monday", or "36, up from 23"; a copy that
    drops such a sentence, or tells the same counts, is still a copy. Other figures changed means the
    text gives one the original does not and lacks one the original gives (dates, times and years
    aside)."""
    if (
        figures_differ(body, original_body)
        or headline_figures_differ(title, original_title)
        or headline_dates_differ(title, original_title)
    ):
        return False
    mine, theirs = _told(title, body), _told(original_title, original_body)
    if mine - theirs and _counted(title, body, mine - theirs):  # most copies: no new figure to read
        return False
    later = dated is not None and original_dated is not None and _day(dated) > _day(original_dated)
    if later and mine - theirs and theirs - mine:
        return False
    return containment >= RETITLED or not titles_differ(title, original_title)


def _day(when: datetime) -> date:
    return when.astimezone(UTC).date() if when.tzinfo else when.date()


# "May" only as a name: "12 may have died" is a count
_MONTH_NAMES = "|".join(sorted(set(MONTHS) - {"may"}, key=len, reverse=True)) + "|(?-i:May)"
# what makes a figure one of when something was told, not of what: a year, a time, a day of a month
# ("since 2022", "10:30", "Nov 24", "24 November", "2026-11-24"); a re-topped copy changes them
_YEAR = re.compile(r"(?:1[89]|2[01])\d\d")
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTH_NAMES})\.?\s+$|\d{{4}}-(?:\d\d-)?$", re.I)
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_NAMES})\b|-\d\d\b", re.I)


def _is_when(text: str, found: re.Match[str]) -> bool:
    start, end = found.span()
    if _YEAR.fullmatch(found[0]) or text.startswith(":", end) or text.endswith(":", 0, start):
        return True
    before, after = text[max(0, start - 12) : start], text[end : end + 16]
    return _MONTH_BEFORE.search(before) is not None or _MONTH_AFTER.match(after) is not None


def _told(*texts: str) -> set[str]:
    """The figures of texts as :func:`briefing.facts.figures_of` reads them ("9,000" is 9000), but those
    of dates, times and years ("36", "9000", "7.4")."""
    return {f[0].replace(",", "") for t in texts for f in FIGURE.finditer(t) if not _is_when(t, f)}


def _counted(title: str, body: str, figures: set[str]) -> bool:
    """Whether a sentence of the text (its title one) that gives one of ``figures`` names a count."""
    # sentences roughly cut (at a stop before a capital or a figure): a figure and its count word are
    # in one either way, and the sentence splitter costs a millisecond a text
    sentences = [title, *_ROUGH_STOP.split(body)]
    return any(count_kinds(s) for s in sentences if _told(s) & figures)


_ROUGH_STOP = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])|\n\s*\n")


def headline_figures_differ(a: str, b: str) -> bool:
    """Whether two headlines both give figures and share none ("Car bomb kills 8 in ...", "Second car
    bomb kills 5 in ..."): a headline's figure is its news, so a short text around another one is another
    event or a new count, never a copy, however much of its wording it shares."""
    fa, fb = set(_FIGURE.findall(a)), set(_FIGURE.findall(b))
    return bool(fa and fb) and not fa & fb


# a day of a month, or a span of days, in a headline: "Aug. 9-16", "Aug. 30-Sept. 5", "16-23 August"
_DAYS = r"(\d{1,2})(?:\s*[-–]\s*(?:(?:" + _MONTH_NAMES + r")\.?\s+)?(\d{1,2}))?"
_HEADLINE_DATE = re.compile(
    rf"\b(?P<month>{_MONTH_NAMES})\.?\s+{_DAYS}\b|\b{_DAYS}\s+(?P<month2>{_MONTH_NAMES})\b", re.I
)


def headline_dates(title: str) -> frozenset[tuple[str, str, str]]:
    """The days of a month a headline names, each as (month, first day, last day) ("Aug. 9-16")."""
    out = set()
    for found in _HEADLINE_DATE.finditer(title):
        month = (found["month"] or found["month2"]).casefold()[:3]
        first, last = (found[2], found[3]) if found["month"] else (found[4], found[5])
        out.add((month, first, last or first))
    return frozenset(out)


def headline_dates_differ(a: str, b: str) -> bool:
    """Whether two headlines both name days of a month and not the same ones ("D.C. wellness calendar, Aug.
    9-16", "... Aug. 16-23"): a calendar's or a schedule's next edition, whose body repeats the last one's
    listings at other times, is another week's news, not a copy (QA20b F11)."""
    da, db = headline_dates(a), headline_dates(b)
    return bool(da and db) and da != db


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
