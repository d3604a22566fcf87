"""Paragraphs that sites and blog engines put into an article's text that are not the article.

Pages (through trafilatura) and feed entries (their HTML) arrive as paragraphs, and some of those are
furniture that survived the extraction: a link to another story ("ALSO READ: ...", "Read more: ..."),
a row of share buttons ("Share this article: Facebook Twitter WhatsApp"), the footer blog engines add
to every syndicated post ("The post ... appeared first on ...", Medium's "... was originally published
in ... on Medium, where people are continuing the conversation ...") and a re-published post's note
("Previously available only to Medium members, ..."), an agency's closing "... contributed
to this report.", a paywall's pitch ("Subscribe to continue reading.": :mod:`briefing.paywalls`). Left
in, they are stored in the body and may be picked as summary sentences.
:func:`strip_boilerplate` drops them by their shape, for any site: a label and a colon before a short
link text (in English, French, German, Spanish, Portuguese or Italian), words that are all names of
networks, the syndication formula. Dumps have their own line rules (:mod:`briefing.furniture`), which
use the link label, share row and contributors rules here too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefing.paywalls import without_pitch

# A label pointing to another story, then its headline: "ALSO READ: Tinubu orders relief", "Read more:
# Who is ...?", "See also - ...", "WATCH: ...". A cut marker ("... Read more" at the end of a teaser)
# is no such paragraph: it has no headline after it. After a label that prose may begin with too
# ("Related:", "Watch:"), a headline is told from a sentence by its lack of a final full stop.
_LINK_LABEL = re.compile(
    r"^(?:(also read|read also|read more|read next|must read|don'?t miss|see also|"
    # the same in French, German, Spanish, Portuguese, Italian: "Lire aussi : ...", "Lesen Sie auch: ..."
    r"(?:à |a )?lire aussi|voir aussi|lesen sie (?:auch|mehr)|mehr zum thema|le[ae] también|"
    r"le[ae]r? más|ver también|leia (?:também|mais)|leggi anche)|related|"
    r"related (?:stories|articles|posts|content|coverage)|recommended|more on this(?: story)?|"
    r"more from [\w ]{1,30}|watch|listen|read)\s*[:|–—-]\s*\S",
    re.I,
)
LINK_WORDS = 25  # a headline is shorter than this; a paragraph longer is prose that starts oddly
# The footer blog engines add to syndicated posts: WordPress's "The post <title> appeared first on
# <site>." (the title may hold any punctuation), and "This article was originally published on <site>."
_SYNDICATION = re.compile(
    r"(?:^|(?<=[.!?…\]”\"]\s))(?:the post\b.{1,300}?\bappeared first on\b|this (?:article|story|post) "
    r"(?:was |is )?(?:originally |first )?(?:published|appeared|republished)(?: first)? (?:on|at|in|from)\b)"
    r".{0,200}$",
    re.I | re.S,
)
# Medium's footer under every post of a publication's feed ("<title> was originally published in
# <publication> on Medium, where people are continuing the conversation ..."), and its note on a post
# once for members ("This story is currently available to Medium Members at the following link:", "The
# story will be unlocked ... after 30 days."), republished for all ("Previously available only to Medium
# members, we are now pleased to offer this article for free to everyone.", "This story is now unlocked")
_CONVERSATION = re.compile(
    r"(?:^|(?<=[.!?…\]”\"]\s))[^.!?]{1,300}?\bwas originally published in\b.{1,200}?\bwhere people are "
    r"continuing the conversation by highlighting and responding to this story\.?$",
    re.I | re.S,
)
_UNLOCKED = re.compile(
    r"^(?:previously available only to [\w ]{0,40}?members\b[^.!?]{0,120}[.!]?"
    r"|this (?:story|article|post) is (?:currently |now )?(?:only )?available (?:only )?to "
    r"[\w ]{0,40}?members\b[^.!?]{0,80}[.:!]?"
    r"|(?:this|the) (?:story|article|post) (?:is now|will be) unlocked\b[^.!?]{0,80}[.:!]?)$",
    re.I,
)
# An agency's closing line naming who helped: "Associated Press writer Jane Doe contributed to this report.",
# "... contributed from Boston." (a place, capitalised: "contributed from her savings" is prose)
_CONTRIBUTED = re.compile(
    r"^(?P<who>[A-Z][^!?]*?)\s+contributed(?P<what> (?:reporting|to this (?:report|story|article)))?"
    r"(?:\s+(?:from|in)\s+(?P<place>[^!?]{1,60}))?\.?$"
)
# an outlet credited on its own ("Reuters contributed.", "CNN's Ana Costa contributed."): a news agency,
# or a name in capitals
_OUTLET = re.compile(
    r"^(?:[A-Z]{2,5}(?:['’]s)?|Reuters|Bloomberg|Xinhua|Kyodo|Yonhap|Anadolu|Bernama|Antara|"
    r"Associated Press|Agence France-Presse)$"
)
CONTRIBUTED_WORDS = 40
# The jobs of a newsroom's people, in a credit ("Associated Press writer Jane Doe") or a byline's second
# line ("Tomos Morgan" over "Political editor")
NEWSROOM_JOBS = frozenset(
    "writer reporter correspondent journalist videojournalist photographer producer researcher editor "
    "contributor analyst staff critic columnist".split()
)
# ... whose subject is people or agencies: names, their jobs and the words that go with them ("Associated
# Press writers Jane Doe in Kyiv and Tom Roe", "Reuters"); "Data from hospitals in 14 countries" is no one
_CONTRIBUTOR_WORD = re.compile(
    r"^(?:[A-Z][\w.'’-]*|[A-Z]\.|and|&|of|in|the|de|da|van|von|bin|al|also|special|news)$"
)
# The note an AP story carries under its "___" line: who funds that coverage, where to follow more; and
# the editors' note on a story corrected or updated since it was first sent
_AGENCY_NOTE = re.compile(
    r"^(?:(?:the )?(?:associated press|ap)(?:['’]s?\s[^.!?]{1,80}?)?\s+receives\s+"
    r"(?:financial\s+)?support\s+from"
    r"|(?:follow|find|see|read)\s+(?:more\s+(?:of\s+)?)?(?:the\s+)?(?:ap|associated press)(?:['’]s)?\s+"
    r"(?:full\s+|latest\s+)?coverage\b"
    r"|the (?:ap|associated press) is solely responsible for all content\.?$"
    r"|this (?:story|article|report|version) (?:has been|was) (?:corrected|updated)"
    # ... a note about the article itself, not the news it corrects: "This story has been corrected
    # to show ...", "... updated with additional details." ("updated with the council's figures,
    # which show ..." is the news)
    r"(?: (?:on|at) [\w ,:.]{1,30}?)?"
    r"(?:\.$| to (?:show|correct|reflect|clarify|fix|remove|include|add|note|say|state|update|identify)\b"
    r"| with (?:additional|more|new|further|the latest) (?:details|information|reporting|developments)\.?$))",
    re.I,
)
AGENCY_NOTE_WORDS = 60
_NETWORKS = frozenset(
    "facebook twitter x whatsapp linkedin telegram reddit pinterest tumblr email e-mail mail print "
    "messenger flipboard threads bluesky mastodon vk weibo wechat line viber sms".split()
)
# Words that go with the buttons: "Share this article:", "Share on", "Follow us on", "Copy link"; and
# in German, Spanish, Portuguese, Italian and French: "Auf Facebook teilen", "Compartir en Facebook",
# "Compartilhe no WhatsApp", "Condividi su Facebook", "Partager sur Facebook"
_SHARE_WORDS = frozenset(
    "share shares sharing this the article story post page on via with us follow copy link "
    "teilen auf artikel compartir compartilhar compartilhe en no na em este esta noticia notícia artículo "
    "artigo condividi condividere su questo articolo partager partagez sur cet e y und et".split()
)
SHARE_WORDS = 12
# A rule ("___", "* * *", "---", "===": an AP story's line over its notes, a section break) or one address
# alone (the "https://apnews.com/hub/..." of a "Follow AP's coverage" note wrapped onto its own line); not
# any paragraph of punctuation: "};" or "..." close a blog post's code sample
_BARE = re.compile(r"^(?:[_*=~•·\-–—](?:\s?[_*=~•·\-–—])*|(?:https?://|www\.)\S+)$")


def strip_boilerplate(paragraphs: Iterable[str]) -> list[str]:
    """The paragraphs without link labels, share buttons, syndication footers, agencies' notes, a
    paywall's pitch and bare rules or addresses; a footer or pitch that ends a paragraph of prose is cut
    off it. An embedded post's signature ("— Sean Hannity (@seanhannity) November 8, 2017") stays: it says
    whose words the post's are (summaries pass posts by: :mod:`briefing.snippets`)."""
    kept: list[str] = []
    for paragraph in paragraphs:
        text = " ".join(paragraph.split())
        for pattern in (_SYNDICATION, _CONVERSATION):
            footer = pattern.search(text)
            if footer is not None:
                text = text[: footer.start()].rstrip()
        text = without_pitch(text)
        furniture = (
            is_link_label(text)
            or is_share_row(text)
            or is_contributors(text)
            or is_agency_note(text)
            or _UNLOCKED.match(text) is not None
        )
        if text and not furniture and not _BARE.match(text):
            kept.append(text)
    return kept


def is_link_label(text: str) -> bool:
    """ "ALSO READ: Tinubu orders relief", "Read more: Who is ...?": a link to another story, in any case."""
    label = _LINK_LABEL.match(text)
    if label is None or len(text.split()) > LINK_WORDS:
        return False
    return label.group(1) is not None or not text.endswith(".")


def is_contributors(text: str) -> bool:
    """ "Associated Press writer Jane Doe contributed to this report.", "Reuters contributed reporting.",
    "AP writer Jane Doe contributed from Boston.": an agency story's last line, naming people or agencies
    (not "Data from ... contributed ...", "Exports contributed.", "Jane Doe contributed from her
    savings.", "The Smith Family contributed.")."""
    credit = _CONTRIBUTED.match(text) if len(text.split()) <= CONTRIBUTED_WORDS else None
    if credit is None:
        return False
    place = credit.group("place")
    if place is not None and not place[0].isupper():
        return False
    who = credit.group("who")
    words = [w for w in (word.strip(",;") for word in who.split()) if w]
    jobs = [w for w in words if w.removesuffix("s") in NEWSROOM_JOBS]
    # "... contributed." alone names a newsroom's people or an outlet ("AP writer Jane Doe", "Reuters"),
    # not "Exports", "The Smith Family"; with "to this report" or "reporting", any names
    said = credit.group("what") is not None or jobs or _names_outlet(who)
    return bool(said) and all(_CONTRIBUTOR_WORD.match(w) or w in jobs for w in words)


def _names_outlet(who: str) -> bool:
    """Whether a credit's subject names a news outlet: "Reuters", "The Associated Press", "CNN's Ana."""
    words = who.replace(",", " ").split()
    pairs = (" ".join(words[i : i + 2]) for i in range(len(words) - 1))
    return any(_OUTLET.match(w) for w in (*words, *pairs))


def is_agency_note(text: str) -> bool:
    """ "The Associated Press receives support from several private foundations ... The AP is solely
    responsible for all content.", "Follow AP's coverage of the economy at https://...": the agency's
    note under a story, not its news."""
    return len(text.split()) <= AGENCY_NOTE_WORDS and bool(_AGENCY_NOTE.match(text))


def is_share_row(text: str) -> bool:
    """ "Facebook Twitter Email", "Share this article: Facebook X WhatsApp": the sharing buttons' row."""
    words = [w.strip(".,:;|·•/-–—()[]").casefold() for w in text.split()]
    words = [w for w in words if w]
    return (
        0 < len(words) <= SHARE_WORDS
        and any(w in _NETWORKS for w in words)
        and all(w in _NETWORKS or w in _SHARE_WORDS for w in words)
    )
