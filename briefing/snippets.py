"""Sentences that are no prose a summary could tell: lines of code, citation lists, bare web addresses,
embedded social posts.

A programming blog's feed carries its code (``uint64_t t = dispatch_benchmark(iterations, ^{ ...``,
``curl -X GET ...``, ``pod 'X', '~> 1.1'``), a video's description its sources ("(0:27) Source:
“Schedule 13G/A for Square Inc.” Securities and Exchange Commission, February 2017. http://bit.ly/..."),
a post its links, a page the tweets it embeds ("Full-page letter from @lorde in today's @nzherald: ...
pic.twitter.com/Z86VXCCpvl", signed "— Lorde (@lorde) January 30, 2018"). They stay in the article's
text; :func:`is_prose` tells the summary to pass them by.
Each rule reads a sentence's shape only, so it holds in any language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# A word of prose: letters (no "_", the mark of an identifier; words a lost space ran together,
# "Apt,Full"), "C++", a number, a currency amount, a hashtag, with the quotes, brackets and punctuation
# that may stand around it
_PROSE_TOKEN = re.compile(
    r"^[(\[“\"‘'«¿¡]*(?:[^\W\d_](?:[^\W_]|['’.&,:;/-](?=[^\W_]))*|[A-Z](?:\+\+|#)\d*"
    r"|[\d][\d.,:%/–-]*[^\W\d_]{0,3}|[$€£¥₹][\d.,]+[^\W\d_]{0,3}|[#@][^\W_]+|&|[-–—/]|\.\.\.)"
    r"[)\]”\"’'».,;:!?…]*$"
)
CODE_SHARE = 0.35  # of a sentence's tokens not words of prose: "x = f(a, b);" is mostly such tokens
CODE_TOKENS = 3  # ... and at least this many of them: "(L-R)" or "$ 5" alone make no code
# Marks that prose never writes: blocks, comparison and arrow operators, Objective-C literals, a call
# ending a statement ("f(x);")
_CODE_MARK = re.compile(r"[{}]|[=!<>]=|=>|->|::|&&|\|\||(?<![A-Z])\+\+|\^\{|@\"|\[\[|\w\([^()]*\);")
# A command line: a lower-case program and an option ("curl -X GET", "$ pip install -U x"), a call
# ("setxattr(path, ...)") or a statement with a quoted literal ("pod 'X', '~> 1.1'")
_COMMAND = re.compile(
    r"^(?:\$\s+\S+|[a-z][\w.-]*\s+-{1,2}[A-Za-z][\w-]*(?:\s|$)|[a-z_][\w.]*\(|[a-z_]\w*\s+['\"][^'\"]*['\"]\s*,)"
)
_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
_TIMECODE = re.compile(r"\(\d{1,2}:\d{2}(?::\d{2})?\)")
# a source cited: a year, then its address ("Quartz, February 2017. http://bit.ly/2lu8A9M"); or a
# "Source:" label over a quoted title
_CITED = re.compile(r"\b(?:1[89]|20)\d{2}[.,]?\s+(?:https?://|www\.)|^Sources?:\s*[“\"«]", re.I)
URL_WORDS = 3  # a sentence with fewer words than this besides its addresses is only an address
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# The line an embedded post is signed with: a tweet's "— Lorde (@lorde) January 30, 2018", an Instagram
# post's "A post shared by Lorde (@lorde) on Jan 30, 2018 at 5:02pm PST"
SIGNATURE = re.compile(
    rf"(?:(?<!\S)[—–-]{{1,2}}|\bA post shared by)\s*[^()\n—–]{{0,80}}?\s*\(@[\w.]{{1,30}}\)\s*"
    rf"(?:on\s+)?{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}(?:\s+at\s+\d{{1,2}}:\d{{2}}\s*[ap]m(?:\s+[A-Z]{{2,4}})?)?"
)
# a link only an embed prints: a tweet's photo ("pic.twitter.com/Z86VXCCpvl") or its short address
_POST_LINK = re.compile(r"\bpic\.twitter\.com/\w|(?<![\w.])t\.co/\w", re.I)
_POST_LINK_WORD = re.compile(r"(?:\bpic\.twitter\.com|(?<![\w.])t\.co)/\S*", re.I)
_HANDLE = re.compile(r"(?<![\w@.])@\w{1,30}\b(?!\.\w)")  # "@nzherald", not "x@y.com"
POST_HANDLES = 2  # a sentence naming this many accounts by handle is a post's text, not the reporter's


def is_code(sentence: str) -> bool:
    """Whether a sentence is a line of code or a command rather than prose."""
    if _COMMAND.match(sentence):
        return True
    tokens = sentence.split()
    odd = sum(1 for t in tokens if not _PROSE_TOKEN.match(t) and not _URL.match(t))
    if odd >= CODE_TOKENS and odd >= CODE_SHARE * len(tokens):
        return True
    return odd >= 2 and len(_CODE_MARK.findall(sentence)) >= 2


def is_citation(sentence: str) -> bool:
    """Whether a sentence is a list of sources or links: a video's time code first ("(0:27) Source:
    ...") or two of them, two web
    addresses, a year followed by an address, a "Source:" label over a quoted title."""
    if _TIMECODE.match(sentence) or len(_TIMECODE.findall(sentence)) >= 2 or _CITED.search(sentence):
        return True
    return len(_URL.findall(sentence)) >= 2


def is_bare_url(sentence: str) -> bool:
    """Whether a sentence is a web address with at most a word or two around it ("Via:
    http://...", "... http://www.narro.co/faq…")."""
    if not _URL.search(sentence):
        return False
    rest = _URL.sub(" ", sentence)
    return sum(1 for w in rest.split() if any(c.isalpha() for c in w)) < URL_WORDS


def is_embedded_post(text: str) -> bool:
    """Whether a paragraph is (or holds) a social post a page embeds: a tweet's photo link or short
    address, an embed's signature (:data:`SIGNATURE`). A sentence of prose quoting a tweet quotes its
    words, never its links; a report may name an account ("wrote @lorde"), so handles alone need two
    (:func:`is_social_post`)."""
    return bool(_POST_LINK.search(text) or SIGNATURE.search(text))


def without_signature(text: str) -> str:
    """A paragraph without the signature of an embedded post that ends it ("... pic.twitter.com/x —
    Lorde (@lorde) January 30, 2018"): a name, a handle and a date, no news, and a date that is not the
    article's. Empty when the paragraph is only the signature."""
    if "(@" not in text:  # every signature has its handle in brackets: most paragraphs end here, cheaply
        return text
    found = None
    for found in SIGNATURE.finditer(text):  # noqa: B007 (the last one is wanted)
        pass
    if found is None or text[found.end() :].strip(" .)\u200b"):
        return text
    return text[: found.start()].rstrip()


def embedded_posts(paragraphs: Sequence[str]) -> set[int]:
    """The indices of the paragraphs that are embedded posts (:func:`is_embedded_post`), and of the one
    before a post's bare tail: a tweet whose line breaks became paragraphs leaves its links (and
    signature) alone in the last ("https://t.co/BAwgd5VZEY pic.twitter.com/tCdMxZX78i"), its words in the
    paragraph before."""
    found: set[int] = set()
    for n, text in enumerate(paragraphs):
        if not is_embedded_post(text):
            continue
        found.add(n)
        rest = SIGNATURE.sub(" ", _URL.sub(" ", _POST_LINK_WORD.sub(" ", text)))
        if n and sum(1 for w in rest.split() if any(c.isalpha() for c in w)) < URL_WORDS:
            found.add(n - 1)
    return found


def is_social_post(sentence: str) -> bool:
    """Whether a sentence is an embedded post's text: :func:`is_embedded_post`, or two accounts named by
    their handles ("Full-page letter from @lorde in today's @nzherald")."""
    return is_embedded_post(sentence) or len(_HANDLE.findall(sentence)) >= POST_HANDLES


def is_prose(sentence: str) -> bool:
    """Whether a summary may tell a sentence: not code, a citation, a bare address or an embedded post."""
    return not (
        is_bare_url(sentence) or is_citation(sentence) or is_code(sentence) or is_social_post(sentence)
    )
