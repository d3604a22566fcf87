"""A paywall's pitch in an article's text: "Subscribe to continue reading.", "Already a subscriber? Sign
in", "Get unlimited access to ... for just $1 for 4 weeks.", "Subscribe now".

Pages (through trafilatura), feed entries and dumps may keep the box a paywalled site puts under an
article's free lead. Its sentences speak to the reader in the imperative or about the reader's account
("Already a subscriber?", "You have reached your limit of free articles"); a story that mentions
subscribers ("The service said it had gained 2 million subscribers", "Readers can subscribe to the
newsletter") reports them in the third person and keeps its sentences. A sentence of the pitch is
short, and it reports nobody ("..., the council said" is news). A *gate* ("Subscribe to continue
reading", "This article is for subscribers only") says the rest of the article is behind the wall: a
page showing one over a short text is a teaser, not the article (see :func:`briefing.pages.parse_page`).
In HTML, a short element whose ``class`` or ``id`` names a paywall, a subscription or premium content
and that holds a pitch is the pitch's box, all of it (:func:`pitch_boxes`).
"""

from __future__ import annotations

import re
from typing import Any

PITCH_WORDS = 30  # a sentence of a pitch is at most this long
BOX_WORDS = 80  # ... and a box of them: a longer element so marked holds the article itself
_OPEN = r"^(?:please\s+)?"
_ACCOUNT = r"(?:subscribe|sign\s?in|sign\s?up|log\s?in|register|create\s+(?:a\s+)?(?:free\s+)?account)"
# What lies behind the wall: reading on, the whole article
_READING = (
    r"(?:(?:continue|keep|start)\s+reading|read\s+(?:the\s+(?:full|rest|whole|entire)|"
    r"this\s+(?:article|story|piece))|(?:unlock|access|view|see)\s+(?:this|the\s+(?:full|rest|whole|entire)|"
    r"full|unlimited|all|premium|more))"
)
_GATE = re.compile(
    _OPEN + r"(?:"
    # "Subscribe to continue reading.", "Sign in or register to read the full article."
    rf"{_ACCOUNT}(?:\s+(?:or|and)\s+{_ACCOUNT})?(?:\s+(?:now|today|for\s+free))?\s+(?:to|and)\s+{_READING}"
    # "To continue reading, subscribe.", "To read the full story, please log in."
    rf"|to\s+{_READING}\b[^.!?]{{0,40}}?,\s*(?:please\s+)?{_ACCOUNT}"
    # "This article is for subscribers only.", "This content is available to premium members."
    r"|this\s+(?:article|story|content|page|piece)\s+is\s+(?:only\s+|exclusively\s+)?(?:available\s+|reserved\s+|"
    r"exclusive\s+)?(?:only\s+)?(?:to|for)\s+(?:our\s+)?(?:paying\s+|premium\s+|digital\s+)?(?:subscribers|members)"
    # "You have reached your limit of free articles.", "You've read 3 of 3 free articles this month."
    r"|you(?:\s+have|['’]ve)\s+(?:reached\s+your\s+(?:monthly\s+|free\s+)?(?:article\s+)?limit|"
    r"read\s+(?:all\s+)?(?:\d+\s+of\s+)?(?:your\s+)?\d*\s*free\s+articles)"
    r"|(?:subscriber|premium|members?)[-\s]only\s+(?:content|article|story)\W*$"
    r"|(?:for\s+)?subscribers\s+only\W*$"
    r")",
    re.I,
)
_PITCH = re.compile(
    _OPEN + r"(?:"
    # "Subscribe to read more.": said on a free site's short story too, so no gate
    rf"{_ACCOUNT}\s+(?:to|and)\s+read\s+(?:more|on|further)\b"
    # "Already a subscriber? Sign in", "Already have an account?"
    r"|already\s+(?:a\s+(?:subscriber|member)|subscribed|registered|have\s+an\s+account)\s*\?"
    # "Get unlimited access to ... for just $1", "Unlock full digital access", "Enjoy unlimited reading"
    r"|(?:get|enjoy|unlock|gain)\s+(?:full\s+|unlimited\s+)(?:digital\s+)?(?:access|reading)\b"
    # "Start your free trial", "Start a subscription", "Become a subscriber", "Subscribe for $1 a week"
    r"|start\s+(?:your|a)\s+(?:free\s+)?(?:trial|subscription)\b"
    r"|become\s+a\s+(?:subscriber|member|paying\s+member)\b"
    r"|(?:subscribe|try)\b[^.!?]{0,40}?[$€£]\s?\d"
    r"|(?:just|only)\s+[$€£]\s?\d[^.!?]{0,30}\b(?:week|month|year)s?\b"
    r"|cancel\s+(?:at\s+)?any\s?time\W*$"
    # a button's words alone: "Subscribe now", "Sign in", "Log in", "Subscribe"
    r"|(?:subscribe|sign\s?in|log\s?in|register)(?:\s+(?:now|today|here))?\W*$"
    r")",
    re.I,
)
# Who reports a thing: a sentence saying someone said it is news, whatever it tells the reader to do
_REPORTED = re.compile(r"\b(?:said|says|told|according\s+to|announced|urged)\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"“'‘(]?[A-Z$€£0-9])")
_WHOLE = frozenset(("html", "body", "main", "article"))
_BOX = re.compile(r"pay-?wall|subscri(?:be|ption|ber)|premium|reg-?wall", re.I)


def is_pitch(sentence: str) -> bool:
    """A sentence of a paywall's pitch: its gate, its offer or its buttons."""
    text = sentence.strip()
    if not text or len(text.split()) > PITCH_WORDS or _REPORTED.search(text):
        return False
    return bool(_GATE.match(text) or _PITCH.match(text))


def is_gate(sentence: str) -> bool:
    """A sentence saying the rest of the article is behind the wall ("Subscribe to continue reading")."""
    text = sentence.strip()
    return len(text.split()) <= PITCH_WORDS and not _REPORTED.search(text) and bool(_GATE.match(text))


def sentences_of(paragraph: str) -> list[str]:
    """A paragraph cut where a sentence ends and a capital (or a price) starts the next: enough for a
    pitch, whose sentences are short and plain."""
    return [s for s in _SENTENCE_END.split(paragraph.strip()) if s]


def without_pitch(paragraph: str) -> str:
    """The paragraph without the pitch that ends it ("... people familiar with the talks. Subscribe to
    continue reading."); empty when it is all pitch."""
    sentences = sentences_of(paragraph)
    kept = len(sentences)
    while kept and is_pitch(sentences[kept - 1]):
        kept -= 1
    return paragraph if kept == len(sentences) else " ".join(sentences[:kept])


def has_gate(paragraphs: list[str]) -> bool:
    """Whether any of the paragraphs says the rest of the article is behind a paywall."""
    return any(is_gate(s) for p in paragraphs for s in sentences_of(p))


def pitch_boxes(tree: Any) -> list[str]:
    """The texts (whitespace folded) of a page's short elements marked as a paywall, subscription or
    premium box (by ``class`` or ``id``) that hold a sentence of a pitch: all of such a box's text is
    its pitch. An element so marked that holds no pitch (a premium article's own body) is not one."""
    boxes: list[str] = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in _WHOLE:
            continue
        if not _BOX.search(f"{element.get('class') or ''} {element.get('id') or ''}"):
            continue  # the cheap look first: walking an element's subtree for a headline is not
        if next(element.iter("h1"), None) is not None:
            continue  # a page, its main part or its article marked "premium" is no box under the lead
        text = " ".join(" ".join(element.itertext()).split())
        if text and len(text.split()) <= BOX_WORDS and any(is_pitch(s) for s in sentences_of(text)):
            boxes.append(text)
    return boxes


def in_box(paragraph: str, boxes: list[str]) -> bool:
    """Whether a paragraph of the page's text is (part of) one of its pitch boxes."""
    text = " ".join(paragraph.split())
    return bool(text) and any(text in box for box in boxes)
