"""A page standing where an article should be: a cookie consent wall ("Before you continue to ..."), a
"page not found" answered with HTTP 200 (a soft 404), a sign-in form.

A feed entry's link often leads there instead of to the story: a cookieless client is sent to a
site's consent page, a moved story to a friendly "Sorry, we couldn't find that page". Such a page has
text (trafilatura finds it), but it is no article: stored, it would replace the entry's teaser, and
every later entry landing on the same page would be its duplicate. These pages speak to the reader
about the site (its cookies, its missing page, the reader's account) in a short text; an article about
cookies or about a missing web page reports in the third person, at length. :func:`wall_of` names
the kind of page; :func:`is_entry_page` tells whether a page fetched for a feed entry is about that
entry at all (a page sharing none of the entry's headline words is not its article, whatever it is).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.sentences import word_count

SHORT_WORDS = 150  # a missing page's or a sign-in form's text is at most this long
CONSENT_WORDS = 600  # ... and a consent wall's (its purposes listed at some length)
_CONSENT_TITLE = re.compile(
    r"^\W*(?:before you continue\b|we value your privacy|your privacy (?:choices|settings|options)|"
    r"(?:cookie|privacy|consent) (?:consent|settings|preferences|choices|notice)|"
    r"manage (?:your )?(?:cookies|consent|privacy)|(?:this site|we) uses? cookies)",
    re.I,
)
_CONSENT_TERMS = re.compile(
    r"\bcookies?\b|\bconsent\b|\b(?:accept|reject|refuse) all\b|"
    r"\bpersonali[sz]ed (?:ads|content|advertising)\b|"
    r"\blegitimate interest|\bprivacy (?:policy|settings|choices)\b",
    re.I,
)
_READER = re.compile(r"\b(?:you|your|we|our|us)\b", re.I)
_MISSING = (
    r"(?:(?:page|article|story|content)\s+(?:was\s+|is\s+)?(?:not\s+found|(?:could|can)(?:no|['’]|\s+no)t\s+be\s+found|"
    r"(?:is\s+)?no\s+longer\s+available|(?:does\s+not|doesn['’]t)\s+exist)|"
    r"(?:couldn['’]t|could\s+not|can['’]t|cannot|can\s+not)\s+(?:find|locate)\s+(?:that|the|this|what)\b|"
    r"page\s+you\s+(?:are|were|['’]re)\s+looking\s+for|"
    r"(?:may|might)\s+have\s+been\s+(?:moved|removed|deleted)|"
    r"(?:error\s+)?404\b|not\s+found\b)"
)
# A missing page's title says so first: "Page not found | Daily Ledger", "Sorry, we couldn't find that
# page", "404"; a headline reporting one ("Tax site left showing 'page not found'") says it later
_MISSING_TITLE = re.compile(
    r"^\W*(?:(?:sorry|oops|whoops|error|uh-oh)\b\W*)*(?:we\s+|that\s+|this\s+|the\s+)?" + _MISSING, re.I
)
# ... and its text tells the reader ("The page you are looking for may have been moved")
_MISSING_TEXT = re.compile(_MISSING, re.I)
_SIGN_IN_TITLE = re.compile(
    r"^\W*(?:sign\s?in|log\s?in|login|sign\s?up|register|create\s+(?:an\s+|your\s+)?account)\b", re.I
)
_SIGN_IN_TEXT = re.compile(
    r"^\W*(?:please\s+)?(?:sign\s?in|log\s?in)\s+to\s+continue\b|"
    r"\byou\s+(?:must|need\s+to)\s+(?:be\s+)?(?:signed|logged)\s+in\b",
    re.I,
)
_WORD = re.compile(r"[^\W\d_]{4,}")
_STOP = frozenset(
    "this that with from have will what when where which their there about after over into were been "
    "they them than then also more most some says said year years news live update updates video".split()
)
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
STEM = 5  # words compared by their first letters: "flooding" and "floods"


def wall_of(titles: Sequence[str], paragraphs: Sequence[str]) -> str | None:
    """What the page is when it stands where an article should be ("a cookie consent page", "a page
    saying it was not found", "a sign-in page"); ``None`` for any other page. ``titles``: the page's
    headline and its ``<title>``; ``paragraphs``: its main text."""
    words = sum(word_count(p) for p in paragraphs)
    heads = [t for t in titles if t]
    if words <= CONSENT_WORDS and (
        any(_CONSENT_TITLE.match(t) for t in heads) or _mostly_consent(paragraphs)
    ):
        return "a cookie consent page"
    if words <= SHORT_WORDS:
        told = (p for p in paragraphs[:3] if _READER.search(p))
        if any(_MISSING_TITLE.match(t) for t in heads) or any(_MISSING_TEXT.search(p) for p in told):
            return "a page saying it was not found"
        if any(_SIGN_IN_TITLE.match(t) for t in heads) or any(
            _SIGN_IN_TEXT.search(p) for p in paragraphs[:3]
        ):
            return "a sign-in page"
    return None


def _mostly_consent(paragraphs: Sequence[str]) -> bool:
    """Whether most of the text tells the reader about the site's cookies: "We use cookies ...", "If
    you choose to 'Accept all' ..." (a report on a cookie ruling says what a court or a company did)."""
    total = sum(word_count(p) for p in paragraphs)
    told = sum(word_count(p) for p in paragraphs if _CONSENT_TERMS.search(p) and _READER.search(p))
    return total > 0 and told * 2 >= total


def _stems(text: str) -> set[str]:
    return {w.lower()[:STEM] for w in _WORD.findall(text) if w.lower() not in _STOP}


def is_entry_page(entry_title: str, page_title: str, body: str) -> bool:
    """Whether a page fetched for a feed entry may be its article: it shares a word of the entry's
    headline (a story's page repeats its headline's words, in its own title or text). An entry whose
    headline has fewer than two such words cannot tell, and takes the page."""
    wanted = _stems(entry_title)
    if len(wanted) < 2 or _UNSPACED.search(entry_title):  # Chinese, Japanese: no words to compare
        return True
    return bool(wanted & _stems(f"{page_title} {body}"))
