"""What one line of a scraped page is: prose, a heading, metadata, or page furniture.

:func:`classify` looks at a single line's *shape* (length, final punctuation, a leading ``©``, a
relative time at its end, a date after "Published"...) and at a small vocabulary of words that web
pages put around articles everywhere ("Read more", "Share", "Trending"), newsletter boxes ("Enter your
email"), cookie notices, rows of share buttons and links to other stories (:mod:`briefing.boilerplate`).
Decisions that need neighbours (captions before a credit, repeated captions, which heading is a title)
are made in :mod:`briefing.dumps`.
:func:`parse_date` reads the dates such pages print ("Wed 13 Nov 2024, 6:19 PM", "March 3, 2025",
"2024-11-13T18:19:00Z"); a date without a zone is taken as UTC.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from enum import Enum
from zoneinfo import ZoneInfo

from briefing.boilerplate import is_agency_note, is_contributors, is_link_label, is_share_row
from briefing.months import FOREIGN_MONTHS, MONTHS
from briefing.sentences import ends_sentence, word_count


class Kind(Enum):
    PROSE = "prose"
    HEADING = "heading"
    DATE = "date"  # value: the datetime, or None for a bare "Published" waiting for its date
    AUTHOR = "author"  # value: the name, or None for a bare "By" waiting for the name
    RELTIME = "reltime"  # "S.Chen34 min ago": a byline under a title, a teaser elsewhere
    BREAK = "break"  # ends an article: separators, "Continue Reading", comment counts
    CREDIT = "credit"  # a photo credit on its own line; the line before it is its caption
    LINK = "link"  # value: the article's own URL, from a "URL: https://..." line
    DROP = "drop"


@dataclass(frozen=True)
class Verdict:
    kind: Kind
    value: object = None


# Words that sites put around articles, compared with a whole (short) line in lower case.
_NAVIGATION_WORDS = """
    news|home|top stories|top story|trending|trending now|latest|latest news|breaking news|
    connect with us|follow us|spread the love|share|share this|share this article|
    share this story|share on facebook|share on twitter|share on x|email|print|advertisement|
    advertisements|sponsored|sponsored content|menu|search|subscribe|sign in|log in|login|
    register|skip to content|skip to main content|related|related stories|related articles|
    related posts|related topics|more stories|more from|more on this story|you may also like|
    you might also like|recommended|most read|most popular|editor's pick|editors' picks|tags|
    topics|listen to this article|comments|leave a comment|leave a reply|follow|newsletter|
    sign up|source|sources|advertise|copy link|copied|close|back to top|photo|video|watch|gallery|
    scroll to continue|scroll to continue with content|story continues below|article continues below|
    story continues below advertisement|article continues below advertisement|continue reading below|
    save|for immediate release
"""
_ENDING_WORDS = """
    continue reading|read more|read full article|read the full article|next story|next article|
    previous story|previous article|read next|keep reading|load more|show more|see more|
    view comments|show comments|join the conversation|the end
"""
# Labels over a list of teasers for other stories: the titles under them are not the article's.
_TEASER_LABELS = """
    related|related posts|related stories|related articles|related news|related content|more stories|
    more news|more from|more on this story|you may also like|you might also like|recommended|
    recommended for you|most read|most popular|editor's pick|editors' picks|read also|also read|
    see also|popular posts|recent posts
"""
NAVIGATION = frozenset(word.strip() for word in _NAVIGATION_WORDS.split("|"))
TEASER_LABELS = frozenset(word.strip() for word in _TEASER_LABELS.split("|"))
ENDINGS = frozenset(word.strip() for word in _ENDING_WORDS.split("|"))
_NAV_PREFIX = re.compile(
    r"^(share (this|on)|follow us|sign up|subscribe (to|now)|listen to|watch:|click here|"
    r"read more:|read also:|also read:|see also:|related:|more:|more from|tags?:|topics?:|"
    r"filed under)",
    re.I,
)
# A blog's comment form: its heading, notices, field labels ("Name *") and buttons, in any theme's words.
_COMMENT_FORM = re.compile(
    r"^(leave a (reply|comment)|post a comment|add a comment|cancel reply|post comment|submit comment|"
    r"your email address will not be published|required fields are marked|"
    r"save my name,? e-?mail,? and website|notify me of (follow-up comments|new posts)|"
    r"you must be logged in to post a comment|(comment|name|e-?mail|website)\s*\*$|website$)",
    re.I,
)
# A newsletter sign-up box: its call, its field and its button ("Sign up for our newsletter", "Enter your
# email", "Get the morning briefing newsletter", "Subscribe to ..."), in a line of up to SIGNUP_WORDS words
# "Sign up" and "Subscribe" only with what such a box offers: "Sign up for the vaccine opens..." is news.
_SIGNUP = re.compile(
    r"^((sign up|subscribe)\b"
    r"(?=.{0,60}\b(newsletters?|e-?mails?|inbox|updates|alerts|our|free|now|today|here)\b|\W*$)"
    r"|enter your e-?mail|(your )?e-?mail( address)?\s*\*?$|"
    r"join our (newsletter|mailing list)|get (our|the)\b.{0,40}\bnewsletter|"
    r"(get|receive)\b.{0,60}\b(in|into|to) your inbox)",
    re.I,
)
SIGNUP_WORDS = 20
# A cookie notice speaks to the reader about the site's cookies ("By using our services, you agree to our
# use of cookies"); an article about cookies does not
_COOKIE = re.compile(r"\bcookies?\b", re.I)
_COOKIE_NOTICE = re.compile(
    r"\b(you (agree|accept|consent)|by (using|continuing to use|browsing|visiting) (this|our)\b|"
    r"our (use of cookies|cookie policy)|cookie (policy|settings|preferences)|we use cookies|"
    r"(this|our) (site|website) uses cookies|(accept|reject|manage)( all)? cookies)",
    re.I,
)
COOKIE_WORDS = 60
_NO_LETTERS = re.compile(r"^[\W_]*$")


def is_rule(line: str) -> bool:
    """A line of no letters or digits at all ("* * *", "—", "___"): a separator."""
    return bool(line.strip()) and _NO_LETTERS.match(line) is not None


_BULLET = re.compile(r"^[•·▪◦●■*>]+\s*")
_COUNT = re.compile(r"^(\d+|no|one)\s+(comments?|replies|reply|shares?|views?|reactions?)$", re.I)
_NUMBER = re.compile(r"^\d{1,7}$")
# A live page's post time on its own line ("14:52 GMT", "2.52pm", "10:02 a.m. ET"): no title, no section
_CLOCK_LINE = re.compile(
    r"^\d{1,2}(?::\d{2}(?:\s*[aApP]\.?\s?[mM]\.?)?|\.\d{2}\s*[aApP]\.?\s?[mM]\.?|\.\d{2}(?=\s+[A-Z]))"
    r"(?:\s+(?:[A-Z]{2,5}|(?:UTC|GMT)[+-]\d{1,2}))?$"
)
_READING_TIME = re.compile(r"^\d+\s*(min|mins|minute|minutes)\.?\s*(read|listen|watch)$", re.I)
_CREDIT = re.compile(
    r"^(©|\(c\)\s|copyright\b|(photo|image|picture|video|media|graphic)s?\s*"
    r"(credit|source|caption|by)?\s*[:,]|(photo|image|picture)s?\s+by\s)",
    re.I,
)
_CREDIT_INSIDE = re.compile(
    r"©|all rights reserved|\bcopyright \d{4}\b|\b(photo|image|picture)s?\s+(credit|courtesy)s?\s*:"
    # a caption's sentence, then its credit to the line's end: "... upstairs. Picture: Calderdale Council"
    r"|(?<=[.!?…]\s)(?:photo(?:graph)?|picture|image)s?\s*:\s*(?-i:[A-Z])[^!?:]{0,60}(?<!\.)$",
    re.I,
)
_SHARE_PROMPT = re.compile(r"^(spread the love|share\b)", re.I)
_URL_ONLY = re.compile(r"^(https?://)?(www\.)?[\w-]+(\.[\w-]+)+(/\S*)?$", re.I)
_SOURCE = re.compile(r"^sources?\s*[:\-–—]\s*\S", re.I)
_BANNER = re.compile(r"°\s?[CF]\b|\|.*\|")
_TRAIL = re.compile(r"\s+(/|>|»|›)\s+")
_PUBLISHED = re.compile(
    r"^(first published|published|posted|date|last updated|updated|modified)(\s+(on|at))?"
    r"\s*[:\-–]?\s*(.*)$",
    re.I,
)
_BYLINE = re.compile(r"^(by|written by|posted by|words by|reporting by|authors?|byline)\s*:?\s+(.+)$", re.I)
# a date line that goes on to say when it was updated: the date is the article's
_THEN_UPDATED = re.compile(
    r"^(.*\d.*?)[\s|·•,–—-]*\b(?:last )?updated\b\s*:?\s*(?:\d+\s*[a-z]+\s+ago|.*\d.*)\.?$", re.I
)
_RELTIME = re.compile(  # the number starts where a run of digits does: else a long one is quadratic
    r"^(.*?)\s*(?<!\d)(\d+|an?|one)\s*(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|"
    r"w|weeks?|months?|y|yrs?|years?)\s+ago\.?$",
    re.I,
)
# Site words joined on one line by separators ("Advertisement · Scroll to continue")
_JOINED = re.compile(r"\s+[·•|–—-]\s+")
# A wire story's closing credits, one or more ";"-separated ("Reporting by Jane Doe; Editing by Tom Roe")
_CREDITS = re.compile(
    r"^(?:additional\s+)?(?:reporting|writing|editing|compiled|research|produced|graphics|translation)"
    r"(?:\s+and\s+\w+)?\s+by\s+(.+)$",
    re.I,
)
# PR Newswire's last line: "SOURCE Nordhavn Shipping A/S"
RELEASE_SOURCE = re.compile(r"^SOURCE\s+[A-Z]")
# An export's labelled fields ("Title: ...", "URL: https://..."), one article's record of several lines
_TITLE_FIELD = re.compile(r"^(?:title|headline)\s*:\s*(\S.*)$", re.I)
_LINK_FIELD = re.compile(r"^(?:url|link|permalink|canonical url|source url)\s*:\s*(https?://\S+)$", re.I)
# A link to the outlet's editorial standards under its stories ("Our Standards: The Trust Principles."),
# a label, so with a colon or alone: "Our values are under attack" is news
_STANDARDS = re.compile(r"^(our|editorial) (standards|guidelines|principles|policies|policy)\s*(:|$)", re.I)
_NAME_WORD = re.compile(r"^([A-Z][\w.'’-]*|[A-Z]\.|and|&|of|the|de|da|van|von|bin|al|in|for)[,;]?$")


def caption_of(line: str) -> str | None:
    """The caption of a line that carries its photo's credit ("Supporters celebrate © Jane Doe/AP",
    "Ms. Doe speaks. Photo credit: www.x.com"): the words before the credit, or None."""
    credit = _CREDIT_INSIDE.search(line)
    if credit is None or credit.start() == 0:
        return None
    caption = line[: credit.start()].rstrip(" .,;:-–—|(")
    return caption if word_count(caption) >= 4 else None


def is_clock(line: str) -> bool:
    """ "14:52 GMT", "2.52pm": a time of day alone on its line (a live page's post time)."""
    return bool(_CLOCK_LINE.match(line.strip()))


def is_share_prompt(line: str) -> bool:
    """ "Spread the love", "Share this article": the sharing buttons' line under an article's header."""
    return bool(_SHARE_PROMPT.match(line)) and word_count(line) <= 5


def strip_bullet(line: str) -> str:
    return _BULLET.sub("", line).strip()


def looks_like_name(text: str) -> bool:
    """A short run of capitalised words ("Jane Doe", "AFP", "S.Chen", "David Ehl, Julian Ryall")."""
    words = text.split()
    return (
        0 < len(words) <= 8
        and not ends_sentence(text.rstrip("."))
        and all(_NAME_WORD.match(w) for w in words)
    )


def _is_joined_furniture(low: str) -> bool:
    parts = _JOINED.split(low)
    return len(parts) > 1 and all(part in NAVIGATION or part in ENDINGS for part in parts)


def _is_credits(line: str) -> bool:
    """ "Reporting by Jane Doe; Editing by Tom Roe": the wire's credits, two or more roles (one alone
    is a byline), bare or in brackets as Reuters prints them: "(Reporting by ...; Editing by ...)"."""
    if line.startswith("(") and line.rstrip(".").endswith(")"):
        line = line.rstrip(".")[1:-1]
    pieces = [piece.strip() for piece in line.rstrip(".").split(";")]
    return len(pieces) > 1 and all(
        (credit := _CREDITS.match(piece)) is not None and looks_like_name(credit.group(1)) for piece in pieces
    )


def classify(raw: str) -> Verdict:
    """The kind of one non-blank line, judged alone."""
    line = strip_bullet(raw)
    words = word_count(line)
    finished = ends_sentence(line)
    if _is_credits(line) or is_contributors(line) or (words <= 10 and RELEASE_SOURCE.match(line)):
        return Verdict(Kind.BREAK)  # the end of a wire story or release: what follows is the next one
    if _COMMENT_FORM.match(line) or is_share_row(line) or is_link_label(line) or is_agency_note(line):
        return Verdict(Kind.DROP)
    if field := _TITLE_FIELD.match(line):
        return Verdict(Kind.HEADING, field.group(1))
    if field := _LINK_FIELD.match(line):
        return Verdict(Kind.LINK, field.group(1))
    if (words <= SIGNUP_WORDS and _SIGNUP.match(line)) or (
        words <= COOKIE_WORDS and _COOKIE.search(line) and _COOKIE_NOTICE.search(line)
    ):
        return Verdict(Kind.DROP)
    if words > 12:  # long lines are prose unless they carry a credit (furniture is short)
        if _CREDIT.match(line) or _CREDIT_INSIDE.search(line):
            return Verdict(Kind.CREDIT if _CREDIT.match(line) else Kind.DROP)
        if _PUBLISHED.match(line) and (meta := _metadata(line, words)) is not None:
            return meta
        if not finished and _BANNER.search(line):
            return Verdict(Kind.DROP)
        return Verdict(Kind.PROSE if finished or words >= 25 else Kind.HEADING)
    low = " ".join(line.lower().split()).rstrip(":")
    if _NO_LETTERS.match(line) or low in ENDINGS or _COUNT.match(low):
        return Verdict(Kind.BREAK)
    if low in NAVIGATION or low in ("on", "at") or _NUMBER.match(low) or _READING_TIME.match(low):
        return Verdict(Kind.DROP)
    if is_clock(line):
        return Verdict(Kind.DROP)
    if _is_joined_furniture(low) or _STANDARDS.match(line):
        return Verdict(Kind.DROP)
    if _CREDIT.match(line):
        return Verdict(Kind.CREDIT)
    if _CREDIT_INSIDE.search(line) or _URL_ONLY.match(line):
        return Verdict(Kind.DROP)
    if (words <= 8 and not finished and _NAV_PREFIX.match(line)) or (words <= 6 and _SOURCE.match(line)):
        return Verdict(Kind.DROP)
    meta = _metadata(line, words)
    if meta is not None:
        return meta
    if _is_banner(line):
        return Verdict(Kind.DROP)
    return Verdict(Kind.PROSE if finished and words >= 3 else Kind.HEADING)


def _metadata(line: str, words: int) -> Verdict | None:
    published = _PUBLISHED.match(line)
    if published:
        rest = published.group(4).strip()
        updated = published.group(1).lower() in ("last updated", "updated", "modified")
        when = parse_date(rest) if rest and _reads_as_date_line(rest) else None
        if not rest or when is not None:
            # an "Updated" date dates the article only if it gives no other (its "Published" comes first)
            return Verdict(Kind.DROP) if updated and when is None else Verdict(Kind.DATE, when)
    stamped = _THEN_UPDATED.match(line)  # "November 21, 2026 2:00 PM ET Updated 2 hours ago"
    if stamped and _only_date(stamped.group(1)) and (when := parse_date(stamped.group(1))) is not None:
        return Verdict(Kind.DATE, when)
    if line.lower() == "by":
        return Verdict(Kind.AUTHOR)
    byline = _BYLINE.match(line)
    if byline and looks_like_name(byline.group(2).strip()):
        return Verdict(Kind.AUTHOR, byline.group(2).strip().rstrip(","))
    reltime = _RELTIME.match(line)
    if reltime and words <= 8:
        who = reltime.group(1).strip(" -|·•,")
        if _PUBLISHED.match(who):  # "Updated 2 hours ago"
            return Verdict(Kind.DROP)
        byline = _BYLINE.match(who)  # "By Jane Doe | 3 hours ago"
        if byline and looks_like_name(byline.group(2).strip()):
            who = byline.group(2).strip().rstrip(",")
        return Verdict(Kind.RELTIME, who or None)
    if _only_date(line):
        when = parse_date(line)
        if when is not None:
            return Verdict(Kind.DATE, when)
    return None


# Words of prose around a date: "Posted on social media on 3 November 2026, the video shows soldiers..."
_PROSE_WORD = re.compile(r"\b[a-z][a-z'’-]{2,}\b")
DATE_LINE_PROSE_WORDS = 2  # "Published 3 Nov 2026 in World News", "Posted on social media on 3 Nov"


def _reads_as_date_line(rest: str) -> bool:
    """Whether what follows "Published"/"Updated" is a date line's rest (a date, a time, a section or
    a name) and not a sentence with a date in it ("guidance on 12 November 2025 told doctors to ..."):
    a date line has at most DATE_LINE_PROSE_WORDS lower-case words that are not date words."""
    return len(_PROSE_WORD.findall(_DATE_WORDS.sub(" ", rest))) <= DATE_LINE_PROSE_WORDS


def _only_date(text: str) -> bool:
    """A short line of nothing but a date and time: no word of four letters or more but date words."""
    return word_count(text) <= 8 and not re.search(r"[^\W\d_]{4,}", _DATE_WORDS.sub("", text))


def _is_banner(line: str) -> bool:
    """A weather/date strip ("Fri, Dec 06, 2024 | ... | 20°C"), or breadcrumbs ("Home / World")."""
    if _BANNER.search(line):
        return True
    parts = _TRAIL.split(line)
    crumbs = parts[::2]
    return len(crumbs) >= 3 and all(word_count(p) <= 3 for p in crumbs)


_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# Weekday names in French, Spanish, German, Portuguese and Italian: with the months' names, "22 novembre
# 2026" or "Freitag, 22. November 2026" alone on a line is a date line as "22 November 2026" is
_FOREIGN_WEEKDAYS = """
    lundi mardi mercredi jeudi vendredi samedi dimanche
    lunes martes miércoles miercoles jueves viernes sábado sabado domingo
    montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag
    segunda terça terca quarta quinta sexta feira
    lunedì martedì mercoledì giovedì venerdì sabato domenica
""".split()
_DATE_WORDS = re.compile(
    r"\b(" + "|".join(MONTHS) + r"|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|am|pm|utc|gmt|at|on|"
    + "|".join((*FOREIGN_MONTHS, *_FOREIGN_WEEKDAYS))
    + r")\b\.?",
    re.I,
)
_ISO = re.compile(
    r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?",
    re.I,
)
_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(\d{4})\b", re.I)
_MDY = re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.I)
# A day and a month named in another language ("24 Set 2018", "04 déc. 2018", "12 Mrz 2025"): the month
# is known by the first three letters of its name without accents, or four where French needs them
_DMY_ANY = re.compile(r"\b(\d{1,2})\.?\s+(?:de\s+)?([^\W\d_]{3,})\.?,?\s+(?:de\s+)?(\d{4})\b")
_MONTH_STEMS = {
    **{name[:3]: number for name, number in MONTHS.items()},
    **{"fev": 2, "abr": 4, "avr": 4, "mai": 5, "mag": 5, "giu": 6, "lug": 7, "ago": 8, "aou": 8, "set": 9},
    **{"out": 10, "okt": 10, "ott": 10, "dez": 12, "dic": 12, "ene": 1, "gen": 1, "mrz": 3, "juin": 6},
    "juil": 7,
}
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_TIME = re.compile(r"\b(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*([ap])?\.?\s*(m\b\.?)?", re.I)
_HOUR = re.compile(r"\b(\d{1,2})\s?([ap])\.?\s?m\b\.?", re.I)  # "2 p.m.", "11am"
# Zone abbreviations written after a time ("3:14 pm EST"), as the fixed offsets they stand for; those
# that name several clocks (CST, IST, BST, AST) are left out, and such a date is read as UTC
ZONE_OFFSETS = {
    "EST": "-05:00", "EDT": "-04:00", "CDT": "-05:00", "MST": "-07:00", "MDT": "-06:00",
    "PST": "-08:00", "PDT": "-07:00", "AKST": "-09:00", "AKDT": "-08:00", "HST": "-10:00",
    "WET": "+00:00", "WEST": "+01:00", "CET": "+01:00", "CEST": "+02:00", "EET": "+02:00",
    "EEST": "+03:00", "MSK": "+03:00", "JST": "+09:00", "KST": "+09:00", "AEST": "+10:00",
    "AEDT": "+11:00", "AWST": "+08:00", "NZST": "+12:00", "NZDT": "+13:00",
}  # fmt: skip
_ZONE = re.compile(r"\b(UTC|GMT|Z|" + "|".join(ZONE_OFFSETS) + r")\b|([+-]\d{2}):?(\d{2})\b")
# US news writes its clocks by region ("2 p.m. ET"): a wall clock whose offset depends on the date
WALL_ZONES = {
    "ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles",
}  # fmt: skip
_WALL = re.compile(r"\b(ET|CT|MT|PT)\b")
_SHIFTED = re.compile(r"\b(?:UTC|GMT)\s?([+-])(\d{1,2})(?::?(\d{2}))?(?!\d)")  # "GMT+1", "UTC-03:30"


def parse_date(text: str) -> datetime | None:
    """The date and time written in ``text``, timezone-aware (UTC if no zone is given), or None."""
    iso = _ISO.search(text)
    if iso:
        y, mo, d, h, mi, s, zone = iso.groups()
        return _build(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0), zone)
    dmy, mdy, numeric = _DMY.search(text), _MDY.search(text), _NUMERIC.search(text)
    if numeric and not (dmy or mdy):
        a, b, year, end = (
            int(numeric.group(1)),
            int(numeric.group(2)),
            numeric.group(3),
            numeric.end(),
        )
        start = numeric.start()
        day, month = (b, a) if b > 12 else (a, b)  # day first unless that cannot be
    elif dmy:
        day, month, year, end = (
            int(dmy.group(1)),
            MONTHS[dmy.group(2).lower()],
            dmy.group(3),
            dmy.end(),
        )
        start = dmy.start()
    elif mdy:
        month, day, year, end = (
            MONTHS[mdy.group(1).lower()],
            int(mdy.group(2)),
            mdy.group(3),
            mdy.end(),
        )
        start = mdy.start()
    elif (other := _DMY_ANY.search(text)) and (named := _month_stem(other.group(2))):
        day, month, year, end = int(other.group(1)), named, other.group(3), other.end()
        start = other.start()
    else:
        return None
    # the time follows the date ("Nov 21, 2026 2:00 PM ET") or comes first ("2:00 PM ET Sat, Nov 21, 2026")
    rest = text[end:]
    clock = _clock(rest)
    if clock is None and (clock := _clock(text[:start])) is not None:
        rest = text[:start]
    hour, minute, second = clock or (0, 0, 0)
    return _build(int(year), month, day, hour, minute, second, _zone_in(rest))


# The day a dateline gives without its year: "Nov 23", "Nov. 23", "23 Nov", "24 SET"
_DAY_MONTH = re.compile(r"\b([^\W\d_]{3,10})\.?\s+(\d{1,2})\b|\b(\d{1,2})\.?\s+([^\W\d_]{3,10})\b")
DATELINE_AHEAD = timedelta(days=1)  # a dateline's day may be tomorrow where it was written


def dateline_date(dateline: str, *, now: datetime) -> datetime | None:
    """The day a dateline (:func:`briefing.sentences.split_dateline`) gives ("AMSTERDAM, Nov 23 (Reuters)
    -", "COPENHAGEN, Denmark, Nov. 24, 2026 /PRNewswire/ --", "Berlin, 24. November 2026 –"), at midnight
    UTC, or None. A day without its year is in the year that puts it last on or before ``now`` (a day
    ahead allowed): a wire story is dated by the day it was filed, which is never later than it is read."""
    if not dateline:
        return None
    full = parse_date(dateline)
    if full is not None:
        return full
    for m in _DAY_MONTH.finditer(dateline):
        word, day = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        month = _month_stem(word)
        if month is not None:
            return _in_last_year(month, int(day), now)
    return None


def _in_last_year(month: int, day: int, now: datetime) -> datetime | None:
    for year in (now.year + 1, now.year, now.year - 1):
        try:
            when = datetime(year, month, day, tzinfo=UTC)
        except ValueError:
            continue
        if when <= now + DATELINE_AHEAD:
            return when
    return None


def _clock(text: str) -> tuple[int, int, int] | None:
    """The time of day written in ``text`` ("6:19 PM", "18.19", "2 p.m."), on a 24-hour clock."""
    clock = _TIME.search(text)
    if clock:
        hour, minute, second = int(clock.group(1)), int(clock.group(2)), int(clock.group(3) or 0)
        meridiem = (clock.group(4) or "").lower()
    elif hour_only := _HOUR.search(text):
        hour, minute, second, meridiem = int(hour_only.group(1)), 0, 0, hour_only.group(2).lower()
    else:
        return None
    if meridiem == "p" and hour < 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    return hour, minute, second


def _zone_in(text: str) -> str | None:
    """The zone written in ``text`` as an offset ("+01:00"), "UTC", an IANA name, or None."""
    shifted = _SHIFTED.search(text)
    if shifted:
        sign, hours, minutes = shifted.groups()
        return f"{sign}{int(hours):02d}:{minutes or '00'}"
    zone = _ZONE.search(text)
    if zone is None and (wall := _WALL.search(text)):
        return WALL_ZONES[wall.group(1)]
    written = zone.group(0) if zone else None
    return ZONE_OFFSETS.get(written or "", written)


def _month_stem(word: str) -> int | None:
    """The month a word names in another language, by its stem ("set", "déc", "juil"), or None."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if c.isascii())
    return _MONTH_STEMS.get(plain[:4]) or _MONTH_STEMS.get(plain[:3])


def _build(y: int, mo: int, d: int, h: int, mi: int, s: int, zone: str | None) -> datetime | None:
    tz = UTC
    if zone is not None and zone in WALL_ZONES.values():
        try:
            wall = datetime(y, mo, d, h, mi, s, tzinfo=ZoneInfo(zone))
        except ValueError:
            return None
        return wall.astimezone(timezone(wall.utcoffset() or timedelta()))
    if zone and zone.upper() not in ("Z", "UTC", "GMT"):
        sign = -1 if zone.startswith("-") else 1
        digits = zone[1:].replace(":", "")
        offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
        if offset <= timedelta(hours=14):  # no clock is further from UTC: "+99:99" is no zone
            tz = timezone(sign * offset)
    try:
        return datetime(y, mo, d, h, mi, s, tzinfo=tz)
    except ValueError:
        return None
