"""What one line of a scraped page is: prose, a heading, metadata, or page furniture.

:func:`classify` looks at a single line's *shape* (length, final punctuation, a leading ``©``, a
relative time at its end, a date after "Published"...) and at a small vocabulary of words that web
pages put around articles everywhere ("Read more", "Share", "Trending"), newsletter boxes ("Enter your
email"), cookie notices, rows of share buttons and links to other stories (:mod:`briefing.boilerplate`).
Decisions that need neighbours (captions before a credit, repeated captions, which heading is a title)
are made in :mod:`briefing.dumps`. A date line's date is read by :mod:`briefing.dates`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum

from briefing.aliases import fold
from briefing.boilerplate import (
    NEWSROOM_JOBS,
    is_agency_note,
    is_contributors,
    is_link_label,
    is_share_row,
)
from briefing.cues import COMMON, ORG_HEADS
from briefing.dates import (
    AGO,
    DAY_TIME,
    age_start,
    is_only_date,
    looks_like_date,
    parse_date,
    reads_as_date_line,
    relative_age,
    says_the_day,
)
from briefing.gazetteer import load_gazetteer
from briefing.sentences import ends_sentence, word_count
from briefing.snippets import without_signature


class Kind(Enum):
    PROSE = "prose"
    HEADING = "heading"
    DATE = "date"  # value: the datetime, or None for a bare "Published" waiting for its date
    AUTHOR = "author"  # value: the name, or None for a bare "By" waiting for the name
    RELTIME = "reltime"  # "S.Chen34 min ago": a byline under a title, a teaser elsewhere
    BREAK = "break"  # ends an article: separators, "Continue Reading", comment counts
    CREDIT = "credit"  # a photo credit on its own line; the line before it is its caption
    LINK = "link"  # value: the article's own URL, from a "URL: https://..." line
    SECTION = "section"  # value: the article's section, from an export's "Section: Economy" line
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
    save|for immediate release|share or comment on this article|reuse this content|
    anzeige|werbung|publicidad|publicidade|pubblicità|publicité|anuncio|
    teilen|compartir|compartilhar|compartilhe|condividi|partager|compartir noticia|artikel teilen|
    compartir artículo|condividi articolo|partager l'article
"""  # the last lines: ad labels and share buttons in German, Spanish, Portuguese, Italian and French
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
    see also|popular posts|recent posts|trending|trending now|trending stories|popular|popular now|
    popular stories|top stories|top story|top news|more top stories|latest|latest news|latest stories|
    latest articles|latest headlines|more headlines|editor's picks|editors picks|editor's choice|
    most viewed|most shared|most commented|most watched|recommended stories|recommended reading|
    don't miss|do not miss|must read|must reads|read next|up next|what to read next|in case you missed it|
    you may have missed|you might have missed|featured|featured stories|more like this|in other news|
    further reading|around the web|what's hot
"""
NAVIGATION = frozenset(word.strip() for word in _NAVIGATION_WORDS.split("|"))
TEASER_LABELS = frozenset(word.strip() for word in _TEASER_LABELS.split("|"))
ENDINGS = frozenset(word.strip() for word in _ENDING_WORDS.split("|"))
_NAV_PREFIX = re.compile(
    r"^(share (this|on|or comment)|follow us|sign up|subscribe (to|now)|listen to|watch:|click here|"
    r"read more:|read also:|also read:|see also:|related:|more:|more from|tags?:|topics?:|"
    r"filed under)",
    re.I,
)
# The tags under an article, a list as long as the article's topics, under a label: "Tags: AI, Policy",
# "Filed under: ...", Spanish "Archivado en: Sudán · ONU · África", "Etiquetas:", Portuguese "Arquivado
# em", Italian "Archiviato in", German "Schlagwörter:", French "Classé dans", "Mots-clés :"
_TAG_LINE = re.compile(
    r"^(?:tags?|topics?|filed under|archivado en|arquivado em|archiviato in|abgelegt unter|classé dans|"
    r"etiquetas|temas|themen|argomenti|schlagw(?:ö|oe)rter|schlagworte|mots[- ]clés|étiquettes)\s*:\s*\S",
    re.I,
)
TAG_WORDS = 25
# A blog's "likes" box under a post (WordPress: "Like this:" / "Like Loading..."), in one line or two
_LIKES = re.compile(r"^(?:like this:?\s*)?(?:like\s+)?loading\s*(?:\.{3}|…)?$|^like this:$", re.I)
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
# A capital letter of the Latin, Greek or Cyrillic alphabets, as a character class: a photographer's name
# may begin with "Ø" or "Ł" ("REUTERS/Øyvind Elvsborg"); re has no class for capitals
_CAP = "[" + "".join(re.escape(c) for c in map(chr, range(0x41, 0x530)) if c.isupper()) + "]"
# A news agency's photo credit: "REUTERS/Jane Doe", "AP Photo/Jane Doe", "AFP/Getty Images" (in capitals)
_AGENCY = (
    r"(?-i:(?:REUTERS|AFP|AP|EPA(?:-EFE)?|NTB|ANP|DPA|dpa|ANSA|XINHUA|TT|PA|SIPA|ABACA|IMAGO|EFE|LUSA|Lusa|"
    r"KEYSTONE)(?:\s+Photos?)?)"
)
_NAMES = rf"(?-i:{_CAP}[\w.'’&-]*(?:[ /]+{_CAP}[\w.'’&-]*){{0,5}})"  # names, each word capitalised
_AGENCY_CREDIT = (
    rf"(?:{_AGENCY}\s*/\s*{_NAMES}(?<!\.)$"
    rf"|[(\[]\s*{_AGENCY}\s*/\s*{_NAMES}\s*[)\]]\.?$)"  # in brackets: "(REUTERS/Jane Doe)"
)
# A photo's word in German, Spanish, Portuguese, Italian and French: "Foto: dpa", "Fotografía: EFE", "Bild:"
_FOREIGN_PHOTO = r"foto(?:graf[ií]a|grafie)?|imagen|imagem|immagine|bild(?:er)?|grafik|gráfico|infografía"
_CREDIT = re.compile(
    r"^(©|\(c\)\s|copyright\b|(photo|image|picture|video|media|graphic)s?\s*"
    r"(credit|source|caption|by)?\s*[:,]|(photo(?:graph)?|image|picture)s?\s+by\s|"
    # "Crédito: Juan Pérez", "Foto: EFE", "Foto di Marco Rossi", "Foto von Anna Schmidt"
    rf"cr[eé]dit(?:o|os|s)?\s*:\s*(?-i:{_CAP})|(?:{_FOREIGN_PHOTO})s?\s*:\s*\S|"
    rf"(?:{_FOREIGN_PHOTO})s?\s+(?:de|di|von|par)\s+(?-i:{_CAP})|"
    r"[(\[]\s*(?:(?-i:[A-Z]{2,8})\s+)?(?:photo|picture|image|credit)s?\s*(?::|/|\s+by\s)|"
    + _AGENCY_CREDIT
    + ")",
    re.I,
)
# a picture library's credit, after the caption's sentence: "... provisions. Getty Images", "... Jane
# Doe/AFP via Getty Images"
_LIBRARY_CREDIT = (
    rf"(?-i:(?:{_CAP}[\w.'’&/-]*(?:\s+{_CAP}[\w.'’&/-]*){{0,3}}\s+(?:via|for)\s+)?"
    r"(?:Getty Images|Shutterstock|Alamy|iStock)(?:\s+Plus)?)$"
)
_PHOTO_WORDS = rf"photo(?:graph)?|picture|image|{_FOREIGN_PHOTO}"
_CREDIT_INSIDE = re.compile(
    r"©|all rights reserved|\bcopyright \d{4}\b|\b(photo|image|picture)s?\s+(credit|courtesy)s?\s*:"
    # a caption's sentence, then its credit to the line's end: "... upstairs. Picture: Calderdale Council"
    # (or dpa's, in lower case: "... die Brücke. Foto: dpa/Uwe Anspach")
    rf"|(?<=[.!?…]\s)(?:{_PHOTO_WORDS})s?\s*:\s*(?-i:{_CAP}|dpa\b)"
    r"[^!?:]{0,60}(?<!\.)$"
    # ... or after a bar, or "by" a photographer, or a "Credit:": "... | Photo: NTB", "... Photo by Jane Doe"
    rf"|(?:(?<=[.!?…]\s)|\|\s*)(?:{_PHOTO_WORDS}|credit)s?"
    r"\s*(?::|\s+by\s)\s*(?-i:" + _CAP + r")"
    r"[^!?:]{0,60}(?<!\.)$"
    # a credit in brackets ending the line: "(Photo: Equinor/Handout)", "(AP Photo/Jane Doe)", "[Image: NTB]"
    rf"|[(\[]\s*(?:(?-i:[A-Z]{{2,8}})\s+)?(?:{_PHOTO_WORDS}|credit)s?"
    r"\s*(?::|/|\s+by\s)[^()\[\]]{1,60}[)\]]$"
    # an agency's, after the caption's sentence: "... in Kyiv. REUTERS/Jane Doe"
    r"|(?:(?<=[.!?…]\s)|\|\s*)" + _AGENCY_CREDIT + r"|(?<=[.!?…]\s)" + _LIBRARY_CREDIT,
    re.I,
)
_SHARE_PROMPT = re.compile(r"^(spread the love|share\b)", re.I)
# an address alone on its line; digits and dots alone are a date ("22.11.2026"), no address
_URL_ONLY = re.compile(r"^(?![\d.]+$)(https?://)?(www\.)?[\w-]+(\.[\w-]+)+(/\S*)?$", re.I)
_SOURCE = re.compile(r"^sources?\s*[:\-–—]\s*\S", re.I)
_BANNER = re.compile(r"°\s?[CF]\b|\|.*\|")
_TRAIL = re.compile(r"\s+(/|>|»|›)\s+")
# A date line's word, in English, German, French, Spanish, Portuguese and Italian: "Published on",
# "Veröffentlicht am", "Publié le", "Publicado el" ("em"), "Pubblicato il", "Mis à jour le",
# "Aktualisiert am", "Actualizado:", "Atualizado em", "Aggiornato il", the Guardian's "Last modified on"
_DATE_LINE_WORDS = (
    r"first published|published|posted|date|last updated|updated|last modified|modified|"
    r"veröffentlicht|zuletzt aktualisiert|aktualisiert|stand|publié|mis à jour|modifié|"
    r"dernière mise à jour|publicado|pubblicato|actualizado|atualizado|aggiornato|"
    r"última actualización|última atualização|ultimo aggiornamento"
)
_PUBLISHED = re.compile(
    rf"^({_DATE_LINE_WORDS})"
    r"(\s+(on|at|am|le|den|à|el|em|en|il(?!\s+y\s+a\b)|a las|às|alle))?\s*[:\-–]?\s*(.*)$",
    re.I,
)
# ... after a byline, before its age: "By Jane Doe · Updated 2 hours ago", "Por Ana Souza | Actualizado hace
# 2 horas" (the age is the update's; the byline is what stands before the word)
# ("Anna Stand vor 2 Stunden": a mark must part them, else the word may be a name's)
_DATE_WORD_AFTER = re.compile(rf"\s*[·•|,–—-]\s*(?:{_DATE_LINE_WORDS})\s*:?$", re.I)
_UPDATED = frozenset(
    {"last updated", "updated", "last modified", "modified", "zuletzt aktualisiert", "aktualisiert", "stand",
     "mis à jour", "modifié", "dernière mise à jour", "actualizado", "atualizado", "aggiornato",
     "última actualización", "última atualização", "ultimo aggiornamento"}
)  # fmt: skip
# "By" in German, French, Spanish and Portuguese, Italian: "Von Anna Schmidt", "Par Jean Dupont", "Por María
# López", "Di Marco Rossi"; one list for every byline rule, so a language added reaches them all
FOREIGN_BY = "von|par|por|di"
# An author's label, in every language read: "Author:", German "Autor:"/"Autorin:", Spanish and Portuguese
# "Autor:"/"Autora:", French "Auteur :", Italian "Autore:", Russian "Автор:", Arabic "بقلم:" ("by the pen
# of"); one list for the byline and the empty label, so a language added reaches both
_AUTHOR_LABEL = r"authors?|byline|autor(?:in|a)?|auteur|autore|автор|بقلم"
# A byline: "By Jane Doe", "Von Anna Schmidt", "Autora: María López"
_BYLINE = re.compile(
    rf"^(by|written by|posted by|words by|reporting by|{_AUTHOR_LABEL}|{FOREIGN_BY})\s*:?\s+(.+)$",
    re.I,
)
# A time written only relative to the reading, alone on its line: "Yesterday at 6:19 PM", "gestern",
# "vor 2 Stunden", "il y a 3 heures", "hace 3 horas", "há 2 dias", "3 ore fa" ("34 min ago" and
# "S.Chen34 min ago" are _RELTIME's); :func:`briefing.dates.relative_age` must read it too
_RELATIVE_ONLY = re.compile(
    rf"^(?:(?:yesterday|gestern|ayer|ontem|ieri)(?:{DAY_TIME})?|"
    # "today" and French "hier" only with a time: alone, "Today" is a heading as often (a programme, a
    # section), "Hier" a German "here"
    rf"(?:today|heute|aujourd['’]hui|hier|hoy|hoje|oggi){DAY_TIME}|just now|gerade eben|à l['’]instant|"
    r"vor\s+\S+\s+\S+|il y a\s+\S+\s+\S+|(?:hace|há)\s+\S+\s+\S+|(?:\S+\s+)?\S+\s+fa\.?)$",
    re.I,
)
DATE_LINE_CHARS = 120  # no date line, "Published ... | Updated ...", is longer
# a date line that goes on to say when it was updated: the date is the article's
_THEN_UPDATED = re.compile(
    r"^(.*\d.*?)[\s|·•,–—-]*\b(?:last )?updated\b\s*:?\s*(?:\d+\s*[a-z]+\s+ago|.*\d.*)\.?$", re.I
)
# the number starts where a run of digits does (AGO's lookbehind): else a long one is quadratic
_RELTIME = re.compile(r"^(.*?)\s*" + AGO, re.I)
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
_SECTION_FIELD = re.compile(r"^(?:section|category|rubric|ressort|rubrique|secci[oó]n)\s*:\s*(\S.*)$", re.I)
SECTION_FIELD_WORDS = 5  # "Section: Economy", "Category: Middle East"; a longer one is no label
# An author's label with no name after it, as an export writes an unknown author ("Author:")
_EMPTY_AUTHOR = re.compile(rf"^(?:{_AUTHOR_LABEL})\s*:$", re.I)
_LINK_FIELD = re.compile(r"^(?:url|link|permalink|canonical url|source url)\s*:\s*(https?://\S+)$", re.I)
# A link to the outlet's editorial standards under its stories ("Our Standards: The Trust Principles."),
# a label, so with a colon or alone: "Our values are under attack" is news
_STANDARDS = re.compile(r"^(our|editorial) (standards|guidelines|principles|policies|policy)\s*(:|$)", re.I)
# a name's word: a capital in any alphabet ("Årdal", "Łukasz", "Ødegaard"; [^\W\d_] is a letter, and
# _is_name_word asks for its capital), an initial ("S."), or one of the particles below
_NAME_WORD = re.compile(r"^([^\W\d_][\w.'’-]*|&)[,;]?$")
# ... in Spanish, Portuguese and Italian too: "María López y Juan Pérez", "María del Carmen Ruiz", "João dos
# Santos", "Marco Rossi e Anna Bianchi"; and in any number, as surnames join them: "Tomás de la Fuente",
# "Joost van der Berg", "Ana de los Ríos", "Jan ter Horst"
_PARTICLES = frozenset(
    "and & of the de da van von bin al in for und et du zu y e del della dos das do di la las los der den "
    "ter ten ibn bint".split()
)
# ... and an Arabic name's article, written in lower case and joined to the next word: "Ahmed al-Masri",
# "Hamza el-Amin", "Salah ad-Din", "Abd ar-Rahman"
_JOINED_PARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ul)-[^\W\d_]", re.I)


def _is_name_word(word: str) -> bool:
    return bool(_NAME_WORD.match(word)) and (
        word[0].isupper() or word.rstrip(",;") in _PARTICLES or _JOINED_PARTICLE.match(word) is not None
    )


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


# A time of day alone, as a page prints it on the line under its date ("Published: Wed 13 Nov 2024" over
# "6:19 PM"): with its zone, bare or in brackets ("18:19 GMT", "18:19 (CET)"), a German "Uhr", a French
# "18h19", an hour with its half of the day ("6 PM"), after "at" ("um", "à")
_TIME_ALONE = re.compile(
    r"^(?:(?i:at|um|à)\s+)?"
    r"(\d{1,2}(?:[:.h]\d{2})?(?:\s*(?i:[ap]\.?\s?m\b\.?))?(?:\s*(?i:uhr))?"
    r"(?:\s*\(?(?:[A-Z]{2,5}|(?:UTC|GMT)\s?[+-]\d{1,2}(?::?\d{2})?)\)?)?)$"
)
_MINUTES_OR_HALF = re.compile(r"[:.h]\d{2}|\d\s*[ap]\.?\s?m\b", re.I)  # "6" alone is a number, "6 PM" a time


def time_alone(line: str) -> str | None:
    """The time of day a line holds alone ("6:19 PM", "18:19 GMT", "um 18:19 Uhr", "18h19", "Posted at
    6 PM"), for the date on the line above it; None for any other line. An update's time ("Updated
    18:20") is not the article's: None."""
    line = strip_bullet(line)
    published = _PUBLISHED.match(line)
    if published and published.group(1).lower() in _UPDATED:
        return None
    return _bare_time(published.group(4).strip() if published else line)


def _bare_time(text: str) -> str | None:
    found = _TIME_ALONE.match(text)
    return found.group(1) if found and _MINUTES_OR_HALF.search(found.group(1)) else None


def is_share_prompt(line: str) -> bool:
    """ "Spread the love", "Share this article": the sharing buttons' line under an article's header."""
    return bool(_SHARE_PROMPT.match(line)) and word_count(line) <= 5


def strip_bullet(line: str) -> str:
    return _BULLET.sub("", line).strip()


def looks_like_name(text: str) -> bool:
    """A short run of capitalised words ("Jane Doe", "AFP", "S.Chen", "David Ehl, Julian Ryall")."""
    words = text.split()
    return (
        0 < len(words) <= 8 and not ends_sentence(text.rstrip(".")) and all(_is_name_word(w) for w in words)
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
    if _LIKES.match(line) or (words <= TAG_WORDS and not finished and _TAG_LINE.match(line)):
        return Verdict(Kind.DROP)
    if not without_signature(line):  # "— Lorde (@lorde) January 30, 2018": an embedded post's, no date
        return Verdict(Kind.PROSE)  # line; it stays, saying whose words the post's are
    if field := _TITLE_FIELD.match(line):
        return Verdict(Kind.HEADING, field.group(1))
    if field := _LINK_FIELD.match(line):
        return Verdict(Kind.LINK, field.group(1))
    if (field := _SECTION_FIELD.match(line)) and word_count(field.group(1)) <= SECTION_FIELD_WORDS:
        return Verdict(Kind.SECTION, field.group(1).strip())
    if (words <= SIGNUP_WORDS and _SIGNUP.match(line)) or (
        words <= COOKIE_WORDS and _COOKIE.search(line) and _COOKIE_NOTICE.search(line)
    ):
        return Verdict(Kind.DROP)
    if words > 12:  # long lines are prose unless they carry a credit (furniture is short)
        if _CREDIT.match(line) or _CREDIT_INSIDE.search(line):
            return Verdict(Kind.CREDIT if _CREDIT.match(line) else Kind.DROP)
        if (_PUBLISHED.match(line) or _names_before_age(line, words)) and (
            meta := _metadata(line, words)
        ) is not None:
            return meta  # a date line, or a byline of several writers and its age
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
        updated = published.group(1).lower() in _UPDATED
        when = parse_date(rest) if rest and reads_as_date_line(rest) else None
        if not rest or when is not None or looks_like_date(rest):  # or not read: "Published 24 Kasım 2026"
            # an "Updated" date dates the article only if it gives no other (its "Published" comes first)
            return Verdict(Kind.DROP) if updated and when is None else Verdict(Kind.DATE, when)
        if _bare_time(rest) is not None:
            # "Posted at 6:19 PM", "Updated 18:20": a time without its day, no text (the date above
            # takes a published one: :func:`briefing.bylines.pair_metadata`)
            return Verdict(Kind.DROP)
    # "November 21, 2026 2:00 PM ET Updated 2 hours ago"; the pattern backtracks over every digit of a
    # line (a 20,000-digit line took 10 s of CPU), so it is tried only on a date line's length
    short = len(line) <= DATE_LINE_CHARS and "updated" in line.lower()
    stamped = _THEN_UPDATED.match(line) if short else None
    if stamped and is_only_date(stamped.group(1)) and (when := parse_date(stamped.group(1))) is not None:
        return Verdict(Kind.DATE, when)
    if is_outlet_byline(line):  # "By Africa Wire staff", "Meridian Times correspondent in Maputo"
        return Verdict(Kind.DROP)
    if line.lower() == "by" or _EMPTY_AUTHOR.match(line):  # a name may follow on the next line
        return Verdict(Kind.AUTHOR)
    byline = _BYLINE.match(line)
    if byline and (writer := _byline_writer(byline)) is not None:
        return Verdict(Kind.AUTHOR, writer)
    aged = words <= AGE_LINE_WORDS or _names_before_age(line, words)
    reltime = _RELTIME.match(line) if aged else None
    if reltime and not _told_in_a_sentence(line, reltime.group(1)):
        who = reltime.group(1).strip(_AGE_JOINS)
        if _PUBLISHED.match(who):  # "Updated 2 hours ago": dated by it (:func:`dated_ago`), no byline
            return Verdict(Kind.DROP)
        who = _without_date_word(who)  # "By Jane Doe · Updated 2 hours ago"
        byline = _BYLINE.match(who)  # "By Jane Doe | 3 hours ago"
        if byline and (writer := _byline_writer(byline)) is not None:
            who = writer
        elif not byline:
            who = _aged_writers(who)  # "Sarah Khan, 42 · 3 hours ago": the writer is "Sarah Khan"
        return Verdict(Kind.RELTIME, who or None)
    if _RELATIVE_ONLY.match(line) and relative_age(line) is not None:
        return Verdict(Kind.RELTIME)
    if aged and (writer := _writer_before_age(line)) is not None:
        return Verdict(Kind.RELTIME, writer)  # "Pablo García hace 3 horas", "Von Hans Müller vor 2 Stunden"
    if published and (rest := published.group(4).strip()) and _RELATIVE_ONLY.match(rest):
        return Verdict(Kind.DROP)  # "Publié il y a 3 heures": dated by it (:func:`dated_ago`)
    if is_only_date(line):
        when = parse_date(line)
        if when is not None:
            return Verdict(Kind.DATE, when)
    if looks_like_date(line):  # "24 Kasım 2026": a date line, its month's word perhaps not read
        return Verdict(Kind.DATE, parse_date(line))
    return _place_date(line)


# The city a story was written in, then its date: "Madrid - 22 nov 2026 - 14:05 CET", "Berlin, 24. November
# 2026", "Washington | Nov 22, 2026" (El País, German and US papers print it under the byline)
_PLACE_DATE = re.compile(r"^((?:[^\W\d_][\w.'’-]*\s+){0,2}[^\W\d_][\w.'’-]*)\s*(?:,|\s[-–—|·]\s)\s*(\S.*)$")


def _place_date(line: str) -> Verdict | None:
    found = _PLACE_DATE.match(line)
    if found is None or not (looks_like_name(found.group(1)) or _uncased(found.group(1))):
        return None
    date = found.group(2)
    when = parse_date(date) if is_only_date(date) else None
    if when is None and looks_like_date(date):
        return Verdict(Kind.DATE)  # "Warszawa, 24 listopada 2026": its date not read
    return Verdict(Kind.DATE, when) if when is not None else None


def _uncased(place: str) -> bool:
    """Whether a place's name is in a script without capitals ("القاهرة", "東京"), so that it can be no
    capitalised name and is none the less one, before its date: "القاهرة – 23 نوفمبر 2026"."""
    letters = [c for c in place if c.isalpha()]
    return bool(letters) and not any(c.isupper() or c.islower() for c in letters)


_AGE_JOINS = " -–—|·•,"  # what may stand between a byline and its age: "Jane Doe · 3 hours ago"
AGE_LINE_WORDS = 8  # a line ending with an age is a byline's or a date line's this short ...
BYLINE_AGE_WORDS = 16  # ... or this short with several writers: "Jane Doe and John Roe · 3 hours ago"
# what joins the writers of one byline: "Jane Doe and John Roe", "María López y Juan Pérez", "Ann Lee, Li Wei"
_WRITERS_JOIN = re.compile(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&|y|e|und|et)\s+")


def _names_before_age(line: str, words: int) -> bool:
    """Whether a line longer than a lone writer's byline names writers before its age ("Jane Doe and John
    Roe · 3 hours ago", "By Jane Doe, John Roe and Ann Lee · Updated 2 hours ago", with a writer's age:
    "By Sarah Khan, 42, and Tom Baker · 3 hours ago"), not a sentence."""
    start = age_start(line) if words <= BYLINE_AGE_WORDS else None
    who = _without_date_word(line[:start].strip(_AGE_JOINS)) if start else ""
    byline = _BYLINE.match(who)
    return _names_writers(without_ages(byline.group(2) if byline else who))


def _without_date_word(who: str) -> str:
    """The words before an age without the date line's word that ends them ("By Jane Doe · Updated" ->
    "By Jane Doe"): the byline is before it."""
    return who[: found.start()].strip(_AGE_JOINS) if (found := _DATE_WORD_AFTER.search(who)) else who


def _told_in_a_sentence(line: str, before: str) -> bool:
    """ "He arrived two days ago.": an age ending a sentence whose words before it are no name (nor a
    byline or a date line's word) is the sentence's, not a byline's time."""
    before = before.strip(_AGE_JOINS)
    return bool(before) and ends_sentence(line) and not looks_like_name(before) and not _BYLINE.match(before)


# The first word of a name that is no person's: an article ("Der Anschlag", "La Repubblica", "Il Muro")
_ARTICLES = frozenset(
    """the a an der die das den dem des ein eine el la los las lo il gli le les un una uno o os as um
    uma""".split()
)
WRITER_AGE_LIMIT = timedelta(weeks=4)  # a byline's age on the same line is minutes, hours or days


def _writer_before_age(line: str) -> str | None:
    """The writer named before an age in German, French, Spanish, Portuguese or Italian on one line, as
    "S.Chen34 min ago" names one in English: "Pablo García hace 3 horas", "Marco Rossi · 2 ore fa",
    "João Silva há 5 horas", "Por Ana Souza há 2 horas"; and before "yesterday" in any of them: "Jane Doe
    yesterday", "Katrin Vogel · gestern". A name without "Por"/"Von"/... must be two to four capitalised
    words not starting with an article, and the age under WRITER_AGE_LIMIT: "Berliner Mauer vor 30
    Jahren", "Il Muro 35 anni fa" are headlines. An age run into the name with no mark between them is
    written in lower case, as a byline writes it: "What Happened Yesterday" is a headline's capitals."""
    start = age_start(line)
    if not start:
        return None
    before = line[:start]
    who = _without_date_word(before.strip(_AGE_JOINS))
    byline = _BYLINE.match(who)
    if byline and (writer := _byline_writer(byline)) is not None:
        return writer
    who = _aged_writers(who)  # "Katrin Vogel, 34 · gestern"
    age = relative_age(line)
    if age is None or age >= WRITER_AGE_LIMIT or not _names_writers(who):
        return None
    marked = before.rstrip() != before.rstrip(_AGE_JOINS)  # "Jane Doe · yesterday", "Jane Doe, ayer"
    if not marked and (line[start].isupper() or (says_the_day(line[start:]) and not given_first(who))):
        return None
    return who


def _aged_writers(who: str) -> str:
    """A byline without "By" that prints writers' ages ("Sarah Khan, 42, and Tom Baker") as its author
    (:func:`author_name`: "Sarah Khan and Tom Baker"); any other as it is."""
    return author_name(who) if without_ages(who) != who else who


def _names_writers(who: str) -> bool:
    """Whether a byline without "By" names writers, one or several ("Jane Doe and John Roe", "María López
    y Juan Pérez"): each two to four capitalised words not starting with an article ("Il Muro", "The
    Council Meets" are headlines')."""
    return all(
        2 <= word_count(name) <= 4 and looks_like_name(name) and name.split()[0].lower() not in _ARTICLES
        for name in _WRITERS_JOIN.split(who.strip())
    )


def given_first(name: str) -> bool:
    """Whether a name starts with a given name (``seeds/given_names.toml``): "Jane Doe yesterday" is a
    byline, "New York yesterday", "Real Madrid ayer" a place's or a club's day, no writer's. A name in
    Cyrillic is asked in Latin letters ("Ольга Коваленко": "Olga"), as the list writes it."""
    first = fold(name.split()[0])
    return first in load_gazetteer().given_names or _latin(first) in load_gazetteer().given_names


# Russian, Ukrainian and Bulgarian letters in Latin ones, as English writes their given names ("Ольга"
# -> "olga", "Иван" -> "ivan", "Юлия" -> "yuliya"); the soft and hard signs are not written
_CYRILLIC = str.maketrans(
    dict(zip("абвгдезийклмнопрстуфыэіїєґ", "abvgdeziyklmnoprstufyeiieg", strict=True))
    | {"ё": "yo", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ю": "yu", "я": "ya",
       "ь": "", "ъ": ""}
)  # fmt: skip


def _latin(word: str) -> str:
    return word.casefold().translate(_CYRILLIC)


# also words of a sentence or of a name: "Von Miller", "Di Maio" are names, not bylines
_FOREIGN_BY = frozenset(FOREIGN_BY.split("|"))


def _byline_writer(byline: re.Match[str]) -> str | None:
    """The writers a byline names ("By Jane Doe" -> "Jane Doe"), without the job their outlet gives them
    after a comma nor the place they wrote from (:func:`author_name`); None when what is left is no
    name ("By the river", "Di solito ...")."""
    name = author_name(byline.group(2).strip().rstrip(","))
    if byline.group(1).lower() in _FOREIGN_BY and word_count(name) < 2:
        return None
    return name if looks_like_name(name) or _uncased_name(name) else None


_UNCASED_WORD = re.compile(r"^[^\W\d_]+$")


def _uncased_name(name: str) -> bool:
    """Whether a byline's name is written in letters without capitals (Arabic, Hebrew, Chinese: "سارة
    الأحمد"), two to four words of letters alone: a name, where only capitals tell one in Latin letters."""
    words = name.split()
    return 2 <= len(words) <= 4 and all(
        _UNCASED_WORD.match(word) and word.casefold() == word.upper() for word in words
    )


ROLE_WORDS = 6  # a writer's job is a few words: "Health and science editor", "Local democracy reporter"
# the place a writer filed from, after their name: "Ana Ribeiro-Santos in Porto and Liam O'Connell", "Jane
# Doe in Kyiv" (a place of one to three capitalised words, then another writer, a comma or the end)
_FILED_FROM = re.compile(r"\s+in\s+[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,2}?(?=\s*,|\s+(?:and|&)\s|$)")


def is_newsroom_job(text: str) -> bool:
    """Whether ``text`` is a writer's job as an outlet prints it under or after a byline ("Football
    Correspondent", "Health and science editor", "Staff writers"): a few words ending with a newsroom's
    job, no sentence."""
    words = text.split()
    return (
        0 < len(words) <= ROLE_WORDS
        and words[-1].casefold().removesuffix("s") in NEWSROOM_JOBS
        and all(word[:1].isalpha() or word == "&" for word in words)
        and not ends_sentence(text.strip())
    )


JOB_PLACE_WORDS = 3  # the desk or place after a job's comma: "Europe", "Middle East", "North America"
# ... or after a semicolon, as some pages' author metadata writes it ("Political Editor; Europe")
_JOB_PLACE_MARK = re.compile(r"\s*;")


def is_job_line(text: str) -> bool:
    """Whether a line is a writer's job as an outlet prints it under the byline: the job alone (:func:`
    is_newsroom_job`: "Senior Correspondent"), or with the desk or place it covers after a comma, a few
    capitalised words ("Political Editor, Europe", "Chief correspondent, Middle East"; a semicolon for
    the comma in some pages' metadata, "Political Editor; Europe")."""
    if is_newsroom_job(text):
        return True
    job, _, where = _JOB_PLACE_MARK.sub(",", text, count=1).partition(",")
    where = where.strip()
    return (
        bool(where)
        and is_newsroom_job(job)
        and word_count(where) <= JOB_PLACE_WORDS
        and "," not in where
        and looks_like_name(where)
    )


def byline_names(who: str) -> str:
    """The writers of a byline's words, without what the outlet says of them: the job after a writer's
    name and a comma ("Tom Fuller, Football Correspondent", "Dr Helena Marsh-Kowalczyk, Health and
    science editor"), and the place a writer filed from ("Ana Ribeiro-Santos in Porto and Liam
    O'Connell"). The author is who wrote it; their job and whereabouts are no one's name. A first
    piece is kept, whatever it says: the writer comes first."""
    first, *rest = who.split(",")
    pieces = [first, *(piece for piece in rest if not is_newsroom_job(piece))]
    kept = ",".join(pieces).strip().rstrip(",").strip()
    return _FILED_FROM.sub("", kept).strip()


# a credit for the pictures after the writers: "Lenny Bernstein, illustration by Anna Parini for the
# washington post", "Jane Doe; photographs by John Roe"
_PICTURE_CREDIT = re.compile(
    r"\s*[,;|]\s*(?:(?:photo(?:graph)?s?|illustrations?|graphics?|video|pictures?|images?|artwork|"
    r"animations?|photography)(?:\s+and\s+\w+)?\s+by)\b.*$",
    re.I,
)
_ASIDE = re.compile(r"\s*\([^()]*\)")  # "Nick Ames (now), Ed Aarons and Ben Fisher (earlier)"
# the words that join two writers, in the languages read: "and", German "und", French "et", Spanish "y",
# Italian and Portuguese "e", Catalan "i" (in lower case: "John E Smith" holds an initial)
_JOINS = "and|&|und|et|y|e|i"
# a writer's age after the name, as a reader's letter or a young reporter's byline prints it: "Sarah Khan, 42,
# and Tom Baker", "By Sarah Khan, 42" (a number alone between commas, or before "and" or the end)
_AGE_AFTER = re.compile(rf"\s*,\s*\d{{1,3}}(?=\s*(?:[,;]|\s(?:{_JOINS})\s|$))")


def without_ages(who: str) -> str:
    """Writers' names without the age printed after each ("Sarah Khan, 42, and Tom Baker" -> "Sarah Khan,
    and Tom Baker"): the rules that ask whether a line names writers, and the author, read no number."""
    return _AGE_AFTER.sub("", who)


_WRITER_SEPARATOR = re.compile(rf"(\s+(?:{_JOINS})\s+)")
_FILED_IN = re.compile(r"\s+in\s+(?=[^\W\d_])(?-i:[A-Z]).*$")  # "Ashifa Kassam in Stanstead, Quebec"
# the agencies' share of a story credited after its writer: "Jane Roe, Guardian staff and agencies",
# "... and agencies", "... with wires", "..., Reuters". Not a co-writer: the wires are no one's name.
# Generic words in any case; an agency's own name as it writes it ("AP", "dpa")
_WIRE_NAMES = (
    r"(?:(?:news\s+|wire\s+)?agenc(?:y|ies)|wires?|wire\s+services?"
    r"|(?-i:Reuters|Associated\s+Press|AP|AFP|Agence\s+France-Presse|PA(?:\s+Media)?|Bloomberg|dpa|Xinhua"
    r"|Kyodo|Yonhap|Anadolu|EFE|ANSA))"
)
_AGENCIES_AFTER = re.compile(
    rf"\s*(?:[,;|]\s*|\s+(?:and|&|with)\s+)(?:(?:[\w'’.-]+\s+){{0,3}}?staff\s+(?:and|&)\s+)?"
    rf"(?:the\s+)?{_WIRE_NAMES}(?:\s*(?:,|and|&)\s*{_WIRE_NAMES})*\s*$",
    re.I,
)


# the outlet a writer wrote the story for, after the name: "David Jones for the Daily Herald", "Ann Lee for
# The Washington Post", "JANE ROE FOR MAILONLINE" (a name's capitalised words to the end of the field).
# A capitalised "Of" or "And" is a capitalised word, never also a join: a word read two ways made a field
# of thirty "Of"s backtrack for hours.
_FOR_OUTLET = re.compile(
    r"\s+(?i:for)\s+(?:(?:the|THE)\s+)?((?:The\s+)?[A-Z][\w'’.&-]*"
    r"(?:\s+(?:[A-Z][\w'’.&-]*|(?![A-Z])(?i:of|and|&)))*)\s*$"
)
OUTLET_WORDS = 5  # an outlet's name after "for" is this long at most
FILED_IN_WORDS = 4  # "in" and the place after the outlet: "in Maputo", "in Stanstead, Quebec"


def _outlet_after(writer: str) -> re.Match[str] | None:
    """The outlet after a writer's name and "for" ("David Jones for the Daily Herald"): only after a name
    of a few words that starts with a given name and holds no organisation's word, so "Campaign for
    Nuclear Disarmament", "Secretary of State for Health" or "Royal Society for the Protection of Birds"
    stay as they are: an organisation's name, no writer for an outlet."""
    if len(writer.split()) > NAME_WORDS + OUTLET_WORDS + 2 + FILED_IN_WORDS:  # a name, "for the", an outlet
        return None  # (and the search's time grows with the square of a run of "For"s: not tried on one)
    # the place the writer filed from after the outlet ("Jane Doe for the Herald in Kyiv"): the outlet ends
    # before it, as the name ends before "in Kyiv" without one
    found = _FOR_OUTLET.search(_FILED_IN.sub("", writer))
    if found is None or word_count(found.group(1)) > OUTLET_WORDS:
        return None
    name = writer[: found.start()].strip()
    words = name.split()
    named = bool(words) and (_given(words[0]) or _named_for_the(found))
    ok = len(words) <= NAME_WORDS and looks_like_name(name) and named
    return found if ok and not any(fold(word) in ORG_HEADS for word in words) else None


UNLISTED_NAME_WORDS = (2, 3)  # a writer whose given name is not listed: "Xu Qing", "Nguyen Van Thanh"


def _named_for_the(found: re.Match[str]) -> bool:
    """Whether the words before "for the <Outlet>" are a writer's name though its given name is not listed
    ("Xu Qing for the Herald", "Nguyen Van Thanh for The Daily Herald"): two or three capitalised words,
    no job's or desk's word among them, no function word ("Save Our Pub for the Village" is a campaign's
    name) and no place's name ("Secretary of State for the Home Department", "Minister for the Economy"
    are no writers), and "the" before the outlet, as a writer's credit prints it."""
    writer = found.string[: found.start()].split()
    the = found.string[found.start() : found.start(1)].split()[-1:] + found.group(1).split()[:1]
    return (
        len(writer) in UNLISTED_NAME_WORDS
        and writer[0].casefold() not in _FOREIGN_BY | {"by"}
        and any(word.casefold() == "the" for word in the)
        and all(word[:1].isupper() and fold(word) not in JOB_WORDS | COMMON for word in writer)
        and load_gazetteer().place(fold(" ".join(writer))) is None  # a word may be a place: "Van", "Sale"
    )


def byline_outlet(byline: str) -> str | None:
    """The outlet a byline says its writers wrote for ("By David Jones for the Daily Herald" -> "Daily
    Herald"; "for The Washington Post" keeps the name's own "The"): the story's source, which the author
    field does not hold (:func:`author_name`). None when the byline names none, or several."""
    text = _BYLINE_WORD.sub("", strip_bullet(byline))
    outlets = set()
    for piece in _WRITER_SEPARATOR.split(text)[::2]:
        found = _outlet_after(piece.strip())
        if found is not None:
            outlets.add(name_case(found.group(1)))
    return outlets.pop() if len(outlets) == 1 else None


_BYLINE_WORD = re.compile(r"^(?:(?:posted|written)\s+)?by\s+", re.I)


_DATE_WORD_ALONE = re.compile(rf"(?:{_DATE_LINE_WORDS})(?:\s+(?:on|at))?\s*:?", re.I)


def is_date_word(text: str) -> bool:
    """Whether ``text`` is a date line's word alone ("Posted", "Updated", "Date:", "Published on"): what
    an author field holds when its reader took a date line's first word for a name; it names no one."""
    return _DATE_WORD_ALONE.fullmatch(text.strip()) is not None


def names_a_date(text: str) -> bool:
    """Whether an author field holds a date line and no writer: a date line's word alone (:func:`
    is_date_word`: "Posted", "Updated"), a date ("25 November 2026", "Updated: 25 Nov 2026") or an age
    with no name before it ("3 hours ago", "Published 2 hours ago"). A feed's ``<author>`` or a page's
    metadata holds one when its writer took the date line for the byline; it names no one. "Jane Doe · 3
    hours ago" names Jane Doe."""
    if is_date_word(text):
        return True
    verdict = classify(text)
    if verdict.kind is Kind.DATE:
        return True
    named = verdict.kind is Kind.RELTIME and isinstance(verdict.value, str)
    return dated_ago(text) is not None and not named


_CAPITALISED = r"(?-i:[A-Z][\w'’.&-]*)"
# A byline that names no one but the outlet's own newsroom: "By Africa Wire staff", "Meridian Times
# correspondent in Maputo", "From our correspondent in Kyiv", "By Staff Reporter", "Daily Ledger staff
# writers"; the outlet's name (a few capitalised words) may be left out, "our" may stand for it
_OUTLET_BYLINE = re.compile(
    rf"^(?:(?:by|from)\s+)?(?P<our>(?:our|the)\s+)?(?P<outlet>{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,3}}\s+)??"
    r"(?P<desk>(?-i:[a-z]+\s+){0,2})"  # the desk in lower case: "Harbour Post foreign correspondent"
    r"(?P<job>staff(?:\s+(?:reporters?|writers?|correspondents?))?|correspondents?|reporters?)"
    # the outlet after the job ("Staff reporter for the Herald"): a credit as "By" or "our" is
    rf"(?P<for>\s+for\s+(?:the\s+)?{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,3}})?"
    rf"(?:\s+in\s+{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,2}})?$",
    re.I,
)


_ACRONYM = re.compile(r"[A-Z]{2,5}")  # an outlet's initials: "AP", "BBC", "NPR"


def is_outlet_byline(text: str) -> bool:
    """Whether a line is a byline of the outlet's newsroom, no person's (:data:`_OUTLET_BYLINE`): it names
    no author ("By Africa Wire staff" is not "By Africa"), and the outlet's name in it is no actor of the
    outlet's own articles. A job's words or a place before "correspondent" ("Foreign correspondent",
    "Middle East correspondent") are a writer's job, no outlet, and one word may be a headline's ("War
    correspondent in Gaza"): such a line is one only with "By", "From" or "our"; a person's name before
    it ("Jane Doe staff writer") is a writer's."""
    text = " ".join(strip_bullet(text).split())
    found = _OUTLET_BYLINE.match(text) if len(text) <= DATE_LINE_CHARS else None
    if found is None:
        return False
    outlet = (found.group("outlet") or "").strip()
    desk = found.group("desk").split()
    if not all(word in JOB_WORDS for word in desk):
        return False  # "Harbour Post foreign correspondent" has a desk; "Jane Doe met correspondents" none
    marked = found.group("our") is not None or found.group("for") is not None
    marked = marked or text.split()[0].casefold() in ("by", "from")
    if not outlet:
        return marked or (" " in found.group("job") and not desk)  # "Staff reporter", not "Correspondent"
    if given_first(outlet) or not found.group("job").islower():
        return False  # "By LUDWIG VON ESSEN Business Reporter": a writer and their job in title case
    gaz = load_gazetteer()
    job = all(_job_word(word) for word in outlet.split()) or gaz.place(fold(outlet)) is not None
    if marked or job:
        return marked and not job if desk else marked
    # unmarked, an outlet of one word may be a word of a headline's ("War correspondent in Gaza"), unless
    # it is an acronym ("AP correspondent in Kyiv", "BBC correspondent"); a body the gazetteer knows that
    # no reporter works for is a beat ("White House correspondent": a job, or a headline's words)
    if len(outlet.split()) == 1:
        return _ACRONYM.fullmatch(outlet) is not None or found.group("job").casefold() == "staff"
    return gaz.known.get(fold(outlet)) is None or re.fullmatch(_WIRE_NAMES, outlet, re.I) is not None


def writer_for_outlet(text: str) -> str | None:
    """The writer of a byline without "By" that names the outlet they wrote for ("Li Wei for The Daily
    Herald" -> "Li Wei"), when a person's name stands before it; None for any other text."""
    found = _outlet_after(text.strip())
    writer = text.strip()[: found.start()].strip() if found is not None else ""
    return writer if writer and looks_like_name(writer) else None  # a name, as _outlet_after asks it


def _without_outlet(writer: str) -> str:
    found = _outlet_after(writer.strip())
    return writer[: found.start()] if found is not None else writer


def author_name(who: str) -> str:
    """The writers an author field names, without what the outlet adds to them: a credit for the
    pictures ("..., illustration by Anna Parini for the washington post"), an aside in brackets ("Nick
    Ames (now)"), a writer's age ("Sarah Khan, 42, and Tom Baker"), the place each filed from ("Sam Jones
    in Madrid and Stephen Burgen in Barcelona") and the outlet each wrote for ("David Jones for the Daily
    Herald": the story's source, :func:`byline_outlet`), a job after a comma ("Tom Fuller, Football
    Correspondent") or after the name without one, as the Guardian's feed writes it ("Damian Carrington
    Environment editor", "Jason Burke Africa correspondent") or a page's byline element ("Ingrid Solberg
    Political Editor, Europe"); a field in capitals as a name is written (:func:`name_case`). Feeds'
    ``<author>`` and dumps' bylines both hold such fields; the author is who wrote it. The field as it
    came when nothing of a name would be left."""
    # the job first over the whole field: "Ann Lee Health and science editor" is one writer
    text = _ASIDE.sub("", _PICTURE_CREDIT.sub("", _without_agencies(without_ages(who))))
    text = _without_job(text.strip())
    pieces = _WRITER_SEPARATOR.split(text)
    writers = [_FILED_IN.sub("", _without_outlet(w)) if k % 2 == 0 else w for k, w in enumerate(pieces)]
    named = "".join(_without_job(byline_names(w)) if k % 2 == 0 else w for k, w in enumerate(writers))
    named = _listed_with_ages(_STRAY_MARKS.sub("", named.strip()), len(_AGE_AFTER.findall(who)))
    return name_case(named if named and all(w.strip() for w in writers[::2]) else who.strip())


def _listed_with_ages(named: str, ages: int) -> str:
    """Writers listed with an age after each and no "and" ("Sarah Khan, 42, Tom Baker, 35" -> "Sarah Khan
    and Tom Baker"), as their "and" form reads ("Sarah Khan, 42, and Tom Baker"): the ages were what
    parted the names, and one byline's writers read alike whichever way it was written. Any other
    names as they are ("Ann Lee, Li Wei": no ages, the outlet's own list)."""
    pieces = named.split(", ")
    listed = ages >= 2 and len(pieces) == ages and _WRITER_SEPARATOR.search(named) is None
    if not listed or not all(map(looks_like_name, pieces)):
        return named
    return ", ".join(pieces[:-1]) + " and " + pieces[-1]


# A byline's mark left at either end of an author field ("Sarah Khan; Tom Baker ·", trafilatura's off
# "By Sarah Khan and Tom Baker · 5 mins ago"): it joined the name to what was cut off
_STRAY_MARKS = re.compile(r"^[\s·•|–—;,-]+|[\s·•|–—;,-]+$")


# a run of letters in a name's word: "O", "BRIEN" of "O'BRIEN", "JEAN", "LUC" of "JEAN-LUC", "J" of "J.R."
_LETTERS = re.compile(r"[^\W\d_]+")
# the particles a name writes in lower case inside it ("Jean-Luc de la Fontaine", "Joost van der Berg"), and
# the words that join writers ("and", "und", "et"); a letter ("Y", "E") only between two names of two words
# or more ("MARÍA LÓPEZ Y JUAN PÉREZ"): elsewhere it is an initial ("JOHN E SMITH")
_LOWER_INSIDE = frozenset(word for word in _PARTICLES if len(word) > 1 and word.isalpha())
_JOINING_LETTERS = frozenset("y e".split())
_VOWELS = frozenset("aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüý")
ACRONYM_LETTERS = 3  # "BBC", "AFP", "NPR": a word this short in capitals may be an acronym


def name_case(who: str) -> str:
    """An author field printed in capitals ("HELENA MARSH", "JEAN-LUC DE LA FONTAINE", "SEAN MCCARTHY and
    AOIFE O'BRIEN") as a name is written: each word capitalised, its parts too ("Jean-Luc", "O'Brien",
    "McCarthy"), the particles and joins inside it in lower case ("de la", "van der", "and"). Only when
    a writer's first word is a given name (``seeds/given_names.toml``), or no word of it may be an
    acronym (an initial, "J.", or a word of four letters or more with a vowel: "JOOST VAN DER BERG"):
    an agency's or a desk's capitals ("AFP", "BBC NEWS") stay. "MAC" is left as "Mac...": "Macdonald"
    is a spelling of the name, "MacHado" no one's. A field not in capitals as it is."""
    words = who.split()
    inside = {k for k in range(len(words)) if _inside(words, k)}
    named = [word for k, word in enumerate(words) if k not in inside and _LETTERS.search(word)]
    if not named or not all(word.isupper() for word in named):
        return who
    writers = [piece.split() for piece in _WRITERS_JOIN.split(who.strip()) if piece.strip()]
    named_as_people = any(_given(first[0]) for first in writers) or all(map(_short_words_name, writers))
    if not named_as_people and not all(map(_no_acronym, named)):
        return who
    return " ".join(word.casefold() if k in inside else _word_case(word) for k, word in enumerate(words))


def _short_words_name(words: list[str]) -> bool:
    """Whether a writer in capitals whose given name is not listed is a name of short words ("XU QING",
    "TAN KAI WEN"): two or three words, each with a vowel, none a desk's or an organisation's ("BBC NEWS",
    "UN NEWS", "AFP" stay)."""
    return 2 <= len(words) <= 3 and all(
        _VOWELS & set(word.casefold()) and fold(word) not in JOB_WORDS and fold(word) not in ORG_HEADS
        for word in words
    )


def _inside(words: list[str], k: int) -> bool:
    """Whether word ``k`` of a name is a particle or join written in lower case (:data:`_LOWER_INSIDE`)."""
    word = words[k].casefold()
    if word in _JOINING_LETTERS:
        return k >= 2 and len(words) - k - 1 >= 2
    return k > 0 and word in _LOWER_INSIDE


def _given(word: str) -> bool:
    runs = _LETTERS.findall(word)
    return bool(runs) and fold(runs[0]) in load_gazetteer().given_names


def _no_acronym(word: str) -> bool:
    return all(
        len(run) == 1 or (len(run) > ACRONYM_LETTERS and _VOWELS & set(run.casefold()))
        for run in _LETTERS.findall(word)
    )


def _word_case(word: str) -> str:
    """One word of a name in capitals as it is written: "O'Brien", "Jean-Luc", "McCarthy", "J.R."."""

    def run(found: re.Match[str]) -> str:
        letters = found.group(0)
        if len(letters) > 2 and letters[:2].casefold() == "mc":
            return "Mc" + letters[2].upper() + letters[3:].lower()
        return letters[:1].upper() + letters[1:].lower()

    return _LETTERS.sub(run, word)


def with_co_writers(kept: str | None, other: str | None) -> str | None:
    """The author ``other`` when it names every writer ``kept`` names and more ("Maria Lopez and Tom
    Reyes" over "Maria Lopez"): one story's copy that credits a co-author its other copy leaves out,
    both its writers kept. None when ``other`` adds no writer, or drops one."""
    if not kept or not other:
        return None
    mine = {fold_name(name) for name in _WRITERS_JOIN.split(kept.strip()) if name}
    theirs = {fold_name(name) for name in _WRITERS_JOIN.split(other.strip()) if name}
    return other if mine < theirs else None


def fold_name(name: str) -> str:
    return " ".join(name.casefold().split())


def _without_agencies(who: str) -> str:
    """An author field without the agencies credited after its writers ("Jane Roe, Guardian staff and
    agencies" -> "Jane Roe"): they are no co-writer, and co-author merging would carry "agencies" onto
    other copies as one. A field that is only a credit ("Staff and agencies") as it came."""
    kept = _AGENCIES_AFTER.sub("", who).strip()
    named = kept != who.strip() and not is_newsroom_job(kept) and looks_like_name(byline_names(kept))
    return kept if named else who


def _without_job(writer: str) -> str:
    """A writer's name without the job written after it with no comma, its first word capitalised and
    the rest in lower case ("Damian Carrington Environment editor", "Ann Lee Health and science editor"):
    when what is before it is a name of two to four words. Any other writer as it is."""
    words = writer.split()
    if len(words) < 3 or not words[-1].islower() or words[-1].removesuffix("s") not in NEWSROOM_JOBS:
        return _without_titled_job(writer)
    k = len(words) - 1
    while k > 0 and words[k - 1].islower():
        k -= 1
    name = words[: k - 1]
    after_comma = next((name[n + 1 :] for n in reversed(range(len(name))) if name[n].endswith(",")), [])
    if after_comma and not _given(after_comma[0]):
        # "Jane Doe, Meridian Times correspondent": the outlet's job after a comma (:func:`byline_names`),
        # where "Ann Lee, Tom Roe Health editor" names a second writer
        return writer
    return " ".join(name) if 2 <= len(name) <= 4 and looks_like_name(" ".join(name)) else writer


NAME_WORDS = 4  # a writer's name before a job is two to four words, its particles aside


def _without_titled_job(writer: str) -> str:
    """A writer's name without the job run into it in capitals, as a page's byline element prints the two
    ("Ingrid Solberg Political Editor, Europe", "Tom Reyes Senior Correspondent"): the job (:func:`
    is_job_line`) after the shortest name of two words or more, the job's first word no given name (in
    "Mary Ann Lee Editor" the name is "Mary Ann Lee"). A name ending with a given name may go on with
    a surname when that job's first word is no job's (:func:`_job_word`): "Sarah Jane" in "Sarah Jane
    Smith Senior Correspondent" has a middle name, "Smith" is no desk; "David Thomas Political Editor"
    stays "David Thomas". A name's particles are its own ("Jean-Luc de la Fontaine", "Anna van der
    Berg"): no name ends with one nor does a job start with one, and they do not count in its words.
    Any other writer as it is."""
    words = writer.split()
    splits = [k for k in _name_ends(words) if _job_after(words, k)]
    if not splits:
        return writer
    k = splits[0]
    if not _job_word(words[k]) and _given(words[k - 1]) and k + 1 in splits and _job_word(words[k + 1]):
        k += 1  # "Sarah Jane" + "Smith Senior Correspondent": "Smith" is the name's, no desk
    name = " ".join(words[:k])
    return name if looks_like_name(name) else writer


def _name_ends(words: list[str]) -> list[int]:
    """Where a name of two words or more may end in ``words`` (before the last word): while its words,
    particles aside, are at most ``NAME_WORDS``; counted as it grows, so a field of thousands of words
    (a hostile feed's ``<author>``) costs time in step with them, not with their square."""
    ends, count = [], 0
    for k in range(1, len(words)):
        count += not _particle(words[k - 1])
        if count > NAME_WORDS or k > MAX_NAME_TOKENS:
            break
        if k >= 2:
            ends.append(k)
    return ends


MAX_NAME_TOKENS = 16  # a name with its particles ("María de los Ángeles García López") is shorter


def _job_after(words: list[str], k: int) -> bool:
    """Whether the words from ``k`` on are a job run into a name (:func:`is_job_line`), the job before any
    comma ("McCrae, Astronomy Correspondent" is a surname and its job), its first word no given name."""
    job = " ".join(words[k:])
    before_comma = re.split(r"[,;]", job, maxsplit=1)[0]
    if _particle(words[k - 1]) or _particle(words[k]):
        return False  # "Jean-Luc de" + "la Fontaine Political Editor": the particles join the name's words
    if _in_capitals(words[:k]) and _in_capitals(words[k : k + 1]) and not _in_capitals(words[k:]):
        return False  # "MARÍA GARCÍA" + "LÓPEZ Chief Correspondent": a job is not half in capitals
    return is_job_line(job) and is_newsroom_job(before_comma) and not _given(words[k])


def _in_capitals(words: list[str]) -> bool:
    """Whether words are printed in capitals, an acronym's ("BBC") aside: a job may start with one ("BBC
    Correspondent"), a name's capitals ("LÓPEZ") end before the job's title case."""
    named = [word for word in words if _LETTERS.search(word) and not _particle(word)]
    return bool(named) and all(word.isupper() and _no_acronym(word) for word in named)


def _particle(word: str) -> bool:
    """Whether a word is a name's particle or join (:data:`_PARTICLES`: "de", "la", "van", "der", "bin")."""
    return word.casefold() in _PARTICLES


# the words a newsroom job is made of before its noun ("Senior Political Correspondent", "Home Affairs
# Editor", "Chief Economics Commentator"): its rank and its desk. A place ("Africa Correspondent") is one too.
JOB_WORDS = frozenset(
    "senior chief deputy assistant associate executive managing contributing special staff political "
    "politics economics economy business finance financial markets money health science environment "
    "environmental climate technology tech foreign home affairs world international national local "
    "regional diplomatic defence defense security crime legal courts education sport sports football "
    "cricket rugby tennis golf motoring transport travel arts culture music film media fashion food "
    "religion religious social community investigations investigative data digital video photo picture "
    "features news city agriculture energy consumer property royal parliamentary "
    "correspondent editor reporter writer democracy lobby industrial labour employment housing medical "
    "global europe".split()
)


def _job_word(word: str) -> bool:
    """Whether a capitalised word may open a newsroom job's title: a rank, a desk (:data:`JOB_WORDS`), a
    job's noun or a place."""
    folded = fold(word)
    return (
        folded in JOB_WORDS
        or folded.removesuffix("s") in NEWSROOM_JOBS
        or load_gazetteer().place(folded) is not None
    )


def unmarked_byline(text: str) -> str | None:
    """The writers of a byline printed without "By", when the line reads as one by itself: names with
    their job after a comma or the place they filed from ("Dr. Helena Marsh, Science Correspondent",
    "Ana Lucía Pérez in Accra", "Jo Tran and Sam Lee in Kyiv"), or names alone starting with a given name
    ("Helena Marsh"); each name two to four capitalised words (:func:`_names_writers`). None for any other
    line: "Storm Arwen", "The Council Meets", a sentence. Only a line's place (over the article's date)
    makes it a byline (:func:`briefing.bylines.pair_dated_bylines`)."""
    text = strip_bullet(text).strip()
    if not text or ends_sentence(text):
        return None
    names = author_name(text)
    if not names or not _names_writers(names):
        return None
    if names != name_case(text) or all(given_first(name) for name in _WRITERS_JOIN.split(names)):
        return names
    return None


def date_marked(line: str) -> bool:
    """Whether a date line says what the date is ("Published: 23 November 2026, 18:05 GMT", "Updated 09:12
    BST"): the article's own date, unlike a bare date a page prints under its headline or in its header."""
    return _PUBLISHED.match(strip_bullet(line)) is not None


def dated_ago(line: str) -> timedelta | None:
    """How long before the page was read a date line written relative to the reading says it was
    published: "S.Chen34 min ago", "Updated 2 hours ago", "Yesterday at 6:19 PM", "vor 2 Stunden",
    "Publié il y a 3 heures", "Actualizado hace 5 minutos", "Aggiornato 3 ore fa", "Pablo García hace 3
    horas". None for any other line ("He arrived two days ago." is a sentence)."""
    line = strip_bullet(line)
    words = word_count(line)
    if words > AGE_LINE_WORDS and not _names_before_age(line, words):
        return None
    published = _PUBLISHED.match(line)
    rest = published.group(4).strip() if published else line
    reltime = _RELTIME.match(rest)
    if reltime and _told_in_a_sentence(rest, reltime.group(1)):
        return None
    if reltime or _RELATIVE_ONLY.match(rest) or _writer_before_age(rest) is not None:
        return relative_age(rest)
    return None


def _is_banner(line: str) -> bool:
    """A weather/date strip ("Fri, Dec 06, 2024 | ... | 20°C"), or breadcrumbs ("Home / World")."""
    if _BANNER.search(line):
        return True
    parts = _TRAIL.split(line)
    crumbs = parts[::2]
    return len(crumbs) >= 3 and all(word_count(p) <= 3 for p in crumbs)
