"""The site's header over a dump's first article: a masthead ("Riverton Gazette", "THE WEEKLY REVIEW",
"The Byte Ledger — independent tech news"), a menu on one line, an alert banner ("Weather Alert: Freeze
warning in effect until 9 AM"), "Watch Live", over the article's section label and headline. Which heading
is the headline is told by its place and its words, not by a list of site names: see :func:`header_title`.

A masthead over any article of the dump (:func:`mark_mastheads`) names its outlet, not its section: a name
made as newspapers' are ("The Daily Ledger", "Coastal Courier", "EL DIARIO DEL SUR"), the name of the site
the dump credits ("Harbourview" for "Source: www.harbourview.com"), or the same heading over two articles
or more, each time above a section label ("The Lantern" / "Politics" / the headline). An outlet's name without
a paper's noun is one too (:func:`is_outlet`): an organisation the gazetteer knows ("Al Jazeera"), an
outlet's "News" ("Sky News"), a proper name at the top of every article that none of them takes up ("The
Kyiv Independent"), or such a name under the headline, where a byline would be, over the date line.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import islice

from briefing.addresses import site_of
from briefing.aliases import fold
from briefing.dumplines import META, VERB_PAST, WORD, Line, is_label_over, reads_as_headline
from briefing.furniture import Kind, is_job_line, looks_like_name
from briefing.gazetteer import load_gazetteer
from briefing.headlines import HEADLINE_ECHO, echo_words, echoes
from briefing.sentences import word_count

# The nouns newspapers and magazines are named by, in English, Spanish, Portuguese, Italian, German and
# French: "Riverton Gazette", "The Daily Ledger", "El Diario del Sur", "Corriere della Sera", "Kieler
# Nachrichten" ("News" is left out: "Local News", "World News" are sections as often)
MASTHEAD_NOUNS = frozenset(
    """gazette herald courier ledger tribune chronicle journal times post observer telegraph dispatch
    examiner sentinel inquirer enquirer bulletin register daily weekly monthly gazeta gazzetta diario
    periódico jornal giornale corriere zeitung nachrichten tagblatt kurier anzeiger rundschau courrier
    quotidien""".split()
)
# ... and the nouns that name a paper only when they end its name, as no section label ends: "The Guardian",
# "Northern Echo", "Daily Mirror", "The Independent", "The Economist", "Le Monde" (first, they make labels
# and phrases: "Echo Chamber", "Mirror Image", "Independent Review"). "Sun", "Star" and "Press" are left
# out: they are surnames too, and a writer's name ("Jane Sun") is never an outlet's.
ENDING_NOUNS = MASTHEAD_NOUNS | frozenset(
    """guardian echo écho mirror express independent economist spectator advertiser argus gleaner
    monde""".split()
)
MASTHEAD_WORDS = 5  # a masthead's name is this short
LEAD_PARAGRAPHS = 2  # a headline's words come back in this many paragraphs under it
# the article a name may start with, left out when it is compared with the site's: "The Harbourview"
_ARTICLE = re.compile(r"^(?:the|el|la|le|les|il|lo|o|a|die|der|das)\s+", re.I)
# the words that join a paper's noun to the rest of its name: "Times of India", "El Diario del Sur",
# "Corriere della Sera", "Jornal do Brasil", "Courrier de l'Ouest"
_JOINS = frozenset("of de del della dello delle dei degli di do da dos das du des d l y e".split())
# ... and the words a name's echo in the lead is not told by, the articles and joins of the languages above
# ("El Diario del Sur" over "El Senado rechazó ... del Gobierno" is not echoed by "el" and "del")
_FUNCTION_WORDS = _JOINS | frozenset(
    "el la los las le les il lo gli i o os as die der das den dem und et".split()
)
# the words a paper's name may end with on the web or in an edition: "Daily Mail Online", "The Times
# Digital", "Jornal do Brasil Online", "Corriere della Sera English", "Herald Sun Plus"
_EDITION_WORDS = frozenset("online digital web edition international english plus".split())
# The words newsrooms' kickers are made of, the line over a story's label that says what kind of story
# it is, not where it comes from: "Exclusive", "Live Updates", "Fact Check", "Just In", "Special Report"
KICKER_WORDS = frozenset(
    """breaking live latest developing exclusive special urgent just in fact check news updates update blog
    story report alert alerts analysis opinion explainer explained comment coverage first look deep dive
    depth focus now""".split()
)
KICKER_LENGTH = 4  # a kicker is this short: "Ukraine War Live Updates"
# ... and the words that end a kicker whatever the words before them: "Weather Alert", "Election Updates"
_KICKER_ENDS = frozenset("alert alerts update updates".split())
# The scopes and subjects a site's desks are named by, the words before "News" in a section's name ("Local
# News", "World News", "Business & Finance News"), where an outlet's are its own ("Sky News", "Harbour News")
DESK_WORDS = frozenset(
    """local world national international regional global foreign domestic city state metro community
    business finance financial money economy economic markets market politics political election elections
    sport sports science tech technology health education environment climate weather traffic crime arts
    culture entertainment celebrity lifestyle travel food property motoring farming religion faith
    breaking top latest more other related campus school schools company industry energy""".split()
)
_AND = frozenset("and &".split())


def is_masthead(text: str, sites: frozenset[str] = frozenset()) -> bool:
    """Whether a heading is an outlet's name: a short run of capitalised words named as papers are
    (:func:`named_as_a_paper`: "Riverton Gazette", "THE WEEKLY REVIEW", "El Diario del Sur"), or spelling
    a site in ``sites`` (the sites the dump credits: "Harbourview" for harbourview.com)."""
    if word_count(text) > MASTHEAD_WORDS or any(c.isdigit() for c in text) or is_kicker(text):
        return False
    if not looks_like_name(" ".join(word for word in text.split() if word.casefold() not in _JOINS)):
        return False  # its words capitalised but the joins ("Gazzetta dello Sport")
    return named_as_a_paper(text) or _spelt(text) in {_site_name(site) for site in sites}


def is_outlet(text: str, sites: frozenset[str] = frozenset()) -> bool:
    """Whether a heading names an outlet, with or without a newspaper's noun: a masthead
    (:func:`is_masthead`), an organisation the gazetteer knows by that whole name ("Al Jazeera",
    "Associated Press"; ``seeds/actors.toml``), or an outlet's "News" (:func:`is_outlets_news`: "Sky
    News", "Manchester Evening News"). Asked of a heading over a headline, it says where the story comes
    from, not its section nor who wrote it."""
    if is_masthead(text, sites) or is_outlets_news(text):
        return True
    known = load_gazetteer().known.get(fold(_ARTICLE.sub("", text.strip())))
    return known is not None and known[1] == "organization" and not is_kicker(text)


def is_outlets_news(text: str) -> bool:
    """Whether a heading is an outlet's "News", a name of its own before the word ("Sky News", "Channel 4
    News", "Manchester Evening News"): not a desk's (:func:`is_desk`: "Local News", "World News"), nor a
    region's whose words all name places or peoples ("UK News", "Wales News", "Scottish News": the
    regional desks of a site)."""
    words = text.split()
    if not 2 <= len(words) <= KICKER_LENGTH or words[-1].casefold() != "news" or is_desk(text):
        return False
    if not looks_like_name(" ".join(word for word in words if word.casefold() not in _JOINS)):
        return False
    gaz = load_gazetteer()
    return not all(gaz.place(fold(word)) or fold(word) in gaz.demonyms for word in words[:-1])


def is_kicker(text: str) -> bool:
    """Whether a heading is a newsroom's kicker (:data:`KICKER_WORDS`): a word or a short phrase of
    kickers' words alone ("Exclusive", "Live Blog", "Breaking Story", "Just In"), or one ending in "Alert"
    or "Updates" ("Weather Alert", "Election Updates"). A kicker is a label over the story, never its
    outlet's name; a name with a word of its own ("Sky News", "The Harbour Blog") is no kicker."""
    words = WORD.findall(text.casefold())
    if not words or len(words) > KICKER_LENGTH:
        return False
    return all(word in KICKER_WORDS for word in words) or (len(words) >= 2 and words[-1] in _KICKER_ENDS)


def is_desk(text: str) -> bool:
    """Whether a heading is a desk's "News", a section of a site, not the site ("Local News", "World News",
    "Arts & Culture News"): the words before "News" are all the scopes and subjects desks are named by
    (:data:`DESK_WORDS`). An outlet's "News" has a word of its own before it ("Sky News", "Harbour News",
    "Manchester Evening News")."""
    words = WORD.findall(text.casefold().replace("&", " and "))
    if not 2 <= len(words) <= KICKER_LENGTH or words[-1] != "news":
        return False
    return all(word in DESK_WORDS or word in _AND for word in words[:-1]) and words[0] not in _AND


def named_as_a_paper(text: str) -> bool:
    """Whether a name is made as a newspaper's is: its newspaper noun ends it ("Riverton Gazette", "The
    Sunday Herald", "Kieler Nachrichten"), or opens it (after "The", "El", ...) before at most one more
    word ("THE WEEKLY REVIEW", "Times Union") or a joined name ("El Diario del Sur", "Corriere della Sera",
    "Times of India"; :data:`ENDING_NOUNS` only end one: "Northern Echo", "The Guardian", "Le Monde"), an
    edition's word after either ("Daily Mail Online", "The Telegraph Digital"); and
    no word of it is a verb's past. A headline that merely holds such a noun
    ("Weekly Bin Collections Scrapped", "Medical Journal Retracts Paper", "Times Square Ball Drop
    Cancelled") is not made so."""
    words = WORD.findall(_ARTICLE.sub("", text.strip().casefold()))
    if not words or any(VERB_PAST.search(word) for word in words):
        return False
    if len(words) >= 2 and words[-1] in _EDITION_WORDS:
        words = words[:-1]  # "Daily Mail Online" is named as "Daily Mail" is
    if words[-1] in ENDING_NOUNS:
        return True
    return words[0] in MASTHEAD_NOUNS and (len(words) <= 2 or words[1] in _JOINS)


def _spelt(text: str) -> str:
    return "".join(c for c in _ARTICLE.sub("", text.casefold()) if c.isalnum())


def _site_name(site: str) -> str:
    """ "harbourview" of "harbourview.com" or "www.harbourview.co.uk": the site's name, its first label."""
    return site.removeprefix("www.").split(".")[0].replace("-", "")


def mark_mastheads(lines: list[Line]) -> None:
    """Mark the headings over an article that are its outlet's masthead (:func:`is_masthead`, or the same
    heading of two words or more over a section label and a title in at least two articles' headers, and
    over nothing else), so that the articles take it as their outlet (``Line.masthead``), not as a
    section or a title. Only the first of two headings or more over a paragraph is asked (a lone one is
    a title or a subheading), and only when its words do not come back in the lead, as a headline's do
    ("Washington Post Sells To Bezos" over a lead about the sale is a headline). A one-word heading so
    repeated, or a kicker's phrase ("Live Updates", "Fact Check"), is a kicker (:func:`_named`) and goes.
    An outlet's name by its words (:func:`is_outlet`) is asked as a masthead is; a proper name at the top
    of every article (:func:`_topping`) is one too, and so is an outlet's name under the headline in the
    byline's place (:func:`_outlet_over_date`)."""
    sites = frozenset(line.site for line in lines if line.site)
    sites |= {site for line in lines if line.kind is Kind.LINK and (site := site_of(str(line.value)))}
    heads = [(run, lead) for run, lead in _header_runs(lines) if len(run) >= 2]
    over = Counter(lines[run[0]].text for run, _ in heads)
    stacked = Counter(lines[run[0]].text for run, _ in heads if _over_a_label(lines, run))
    topping = _topping(lines, heads)
    for run, lead in heads:
        first = lines[run[0]]
        repeated = stacked[first.text] >= 2 and stacked[first.text] == over[first.text]
        if is_outlet(first.text, sites) or (repeated and _named(first.text)):
            first.masthead = not _echoed(first.text, lead)
        elif repeated:
            first.kind = Kind.DROP  # a kicker over the label: the label stays the article's section
        elif first.text == topping:
            first.masthead = True
        for k in run[1:]:
            if _outlet_over_date(lines, k, run) and not _echoed(lines[k].text, lead):
                lines[k].masthead = True


def _named(heading: str) -> bool:
    """Whether a heading repeated over articles' labels may be their outlet's name ("The Lantern",
    "Harbour Times"): it has two words or more and is no kicker's phrase (:func:`is_kicker`: "Live
    Updates", "Fact Check", "Just In"); one word alone is a kicker too ("Exclusive", "Analysis",
    "Opinion"). A kicker says what kind of story it heads, not where it comes from: it goes, and the
    label under it stays the article's section. So does a desk's "News" (:func:`is_desk`: "Local News"
    over "Crime"), a broader section over the article's own."""
    return word_count(heading) >= 2 and not is_kicker(heading) and not is_desk(heading)


def _topping(lines: list[Line], heads: list[tuple[list[int], str]]) -> str | None:
    """The heading printed at the top of every article's header of two headings or more, two articles at
    least, and nowhere else, when it names their outlet ("The Kyiv Independent" over each story, no
    section label under it): a proper name (:func:`_named_alone`) that none of the headlines and leads
    under it takes up. A section label so printed ("Russia-Ukraine War" over each story of a section's
    page) names what the stories are about, and some of them say it again."""
    tops = {lines[run[0]].text for run, _ in heads}
    if len(heads) < 2 or len(tops) != 1:
        return None
    (top,) = tops
    if sum(line.kind is Kind.HEADING and line.text == top for line in lines) != len(heads):
        return None
    if not _named_alone(top):
        return None
    told = (" ".join([lines[run[1]].text, lead]) for run, lead in heads)
    return None if any(_echoed(top, text) for text in told) else top


def _named_alone(heading: str) -> bool:
    """Whether a heading printed at the top of several articles' headers, and nowhere else, with no
    section label under it, names their outlet ("The Kyiv Independent" over each story): a proper name
    of two words or more (:func:`_named`), not a place's ("Middle East", a section), a person's (a
    writer's name, where a given name comes first) nor a writer's job ("Political Editor, Europe")."""
    if not _named(heading) or not looks_like_name(heading) or reads_as_headline(heading):
        return False
    if is_job_line(heading):
        return False  # "Political Editor, Europe" over the date: the writer's job
    gaz = load_gazetteer()
    folded = fold(heading)
    return not gaz.place(folded) and folded.split()[0] not in gaz.given_names


def _outlet_over_date(lines: list[Line], k: int, run: list[int]) -> bool:
    """Whether the heading on line ``k``, under the first of the header run ``run``, is its story's outlet
    printed where a byline would be, under a longer heading (the title): over the date line ("Floods
    force thousands from their homes" / "Sky News" / "26 Nov 2026"), an outlet by its words
    (:func:`is_outlet`) or a proper name opening with an article (:func:`_named_alone`: "The Carpathian
    Courant"); right over the lead, an outlet by its words only ("Manchester Evening News" under the
    title: a shorter heading there is a standfirst as often). A writer's name over the date ("Siobhan
    Kelly", whose given name the lists may not know) is a byline's, and left to it: no person's name
    opens with "The"."""
    heading = lines[k].text
    longer = [j for j in run if j != k and word_count(lines[j].text) > word_count(heading) + 1]
    if not longer or word_count(heading) > MASTHEAD_WORDS:
        return False
    below = lines[k + 1] if k + 1 < len(lines) else None
    if below is not None and below.kind is Kind.DATE and below.value is not None:
        return is_outlet(heading) or (bool(_ARTICLE.match(heading)) and _named_alone(heading))
    return k == run[-1] and below is not None and below.kind is Kind.PROSE and is_outlet(heading)


def _echoed(name: str, lead: str) -> bool:
    """Whether a heading's words come back in the lead as a headline's do (:func:`briefing.headlines.echoes`),
    leaving out the articles and joins of the languages papers are named in, which any lead holds."""
    words = echo_words(name) - _FUNCTION_WORDS
    return len(words & echo_words(lead)) >= min(HEADLINE_ECHO, len(words))


def _over_a_label(lines: list[Line], run: list[int]) -> bool:
    """Whether the run's first heading stands over a section label over a title ("The Lantern" /
    "Politics" / the headline)."""
    return len(run) >= 3 and is_label_over(lines[run[1]].text, lines[run[2]].text)


def _header_runs(lines: list[Line]) -> list[tuple[list[int], str]]:
    """The headings of each run of lines other than prose that is followed by prose (an article's header,
    or subheadings), by index, with the lead under them (its first LEAD_PARAGRAPHS paragraphs)."""
    runs: list[tuple[list[int], str]] = []
    run: list[int] = []
    for k, line in enumerate(lines):
        if line.kind is Kind.PROSE:
            if run:
                below = (lines[j].text for j in range(k, len(lines)) if lines[j].kind is Kind.PROSE)
                runs.append((run, " ".join(islice(below, LEAD_PARAGRAPHS))))
            run = []
        elif line.kind is Kind.HEADING:
            run.append(k)
        elif line.kind is Kind.BREAK:
            run = []
    return runs


def header_title(head: list[Line], lead: str) -> int | None:
    """The index in ``head`` (the lines over the dump's first paragraph) of the article's headline, when
    the header holds several headings and the first is not it: the first heading whose words come back
    in the lead, as a headline's do and a masthead's, menu's or banner's do not; else the heading right
    over a byline or date; else the last heading under a short label ("Culture | Books" over "The
    novelist who wrote her way out of the war"). None when the first heading is the headline, or no
    later one reads as one (the lines are then read as before: title, standfirst)."""
    headings = [k for k, line in enumerate(head) if line.kind is Kind.HEADING]
    if len(headings) < 2:
        return None
    title = _later_title(head, headings, lead)
    if title == headings[1] and _headline_alone(head[headings[0]].text):
        return None  # "Medical Journal Retracts Paper" over its standfirst, which the lead echoes
    return title


def _later_title(head: list[Line], headings: list[int], lead: str) -> int | None:
    echoing = [k for k in headings if echoes(head[k].text, lead)]
    if echoing:
        return echoing[0] if echoing[0] != headings[0] else None
    over_meta = [k for k in headings if k + 1 < len(head) and head[k + 1].kind in META]
    if over_meta:
        return over_meta[0] if over_meta[0] != headings[0] else None
    labelled = [k for k in headings[1:] if _under_label(head, k)]
    return labelled[-1] if labelled and labelled[-1] != headings[1] else None


# the marks and figures of a site's header line: "The Byte Ledger — independent tech news", "Coastal Courier —
# Since 1887", "Weather Alert: Freeze warning in effect until 9 AM", "Fri, Dec 06, 2024 | 20°C"
_HEADER_MARKS = re.compile(r"[\d:|·•—–]")


def _headline_alone(heading: str) -> bool:
    """Whether the dump's first heading is its headline over a standfirst (the heading under it, which
    the lead echoes in its stead), not the site's header over the headline: it says what happened as a
    headline written in title case does (:func:`briefing.dumplines.reads_as_headline`), without the marks
    or figures of a site's header line (a tagline's dash, a banner's colon, a date)."""
    return reads_as_headline(heading) and not _HEADER_MARKS.search(heading)


def _under_label(head: list[Line], k: int) -> bool:
    above = head[k - 1] if k else None
    return above is not None and above.kind is Kind.HEADING and is_label_over(above.text, head[k].text)


def without_header(head: list[Line], title: int) -> list[Line]:
    """The lines from the article's headline on, its section label right over it too ("Local News" over
    "City council approves ..."); the headings before (the site's header) go, its byline and date stay."""
    start = title - 1 if _under_label(head, title) else title
    return [line for k, line in enumerate(head) if k >= start or line.kind is not Kind.HEADING]


# a copyright line naming who owns the page, with its year or its "All rights reserved" (a photo's "© Jane
# Doe" has neither): "© 2025 Ashford & District Echo. All rights reserved.", "Copyright 2026 The Kendal
# Chronicle", "© Harbour Times 2026"
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:©|\(c\))?\s*(?P<year>\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*"
    r"(?P<name>[^\d©|]+?)\s*(?P<after>\d{4})?\s*[.,]?\s*(?P<reserved>all rights reserved\.?)?$",
    re.I,
)


def dump_masthead(lines: list[Line]) -> str | None:
    """The outlet a whole dump is a page of, by the name its page prints around its articles: the name
    a copyright line after the last paragraph gives ("© 2025 Ashford & District Echo. All rights
    reserved."), else the dump's first line when it is a name (:func:`_outlet_name`) that the page's
    furniture prints again, in a longer line or under the last paragraph ("The Science Desk" at the
    top, "Sign in or create your Science Desk account" at the bottom), and that the lead does not echo,
    as a headline's words are. ``lines`` are as :func:`briefing.dumplines.read_lines` reads them, each
    line's kind by itself. None when the page names none: a name said once is as likely a title or a
    label."""
    prose = [k for k, line in enumerate(lines) if line.kind is Kind.PROSE]
    if not prose:
        return None
    # the masthead the page prints first: a copyright line names who owns the page, often a parent
    # company ("Gannett Co., Inc."), the masthead the paper readers know ("The Harbour Herald")
    return _printed_again(lines, prose) or _copyright_owner(lines, prose[-1])


def _copyright_owner(lines: list[Line], last_prose: int) -> str | None:
    """The name a copyright line after the last paragraph gives, without its company form ("Harbour
    Herald Ltd" -> "Harbour Herald", "Gannett Co., Inc." -> "Gannett"): the same paper's masthead
    omits it, and one paper is not to be listed as two outlets."""
    for line in lines[last_prose + 1 :]:
        found = _COPYRIGHT.match(line.text.strip())
        if not found or not (found.group("year") or found.group("after") or found.group("reserved")):
            continue
        name = _COMPANY_FORM.sub("", found.group("name").strip(" .,")).strip(" .,")
        if _outlet_name(name):
            return name
    return None


def _printed_again(lines: list[Line], prose: list[int]) -> str | None:
    """The dump's first line when it is a name the page prints again (:func:`dump_masthead`)."""
    first = lines[0].text.strip()
    if lines[0].kind is not Kind.HEADING or not _outlet_name(first) or prose[0] == 0:
        return None
    if _echoed(first, " ".join(lines[k].text for k in prose[:LEAD_PARAGRAPHS])):
        return None
    said = re.compile(r"\b" + re.escape(_ARTICLE.sub("", first)) + r"\b", re.I)
    again = (
        line
        for k, line in enumerate(lines[prose[0] :], prose[0])
        if line.kind is not Kind.PROSE and (k > prose[-1] or line.text.strip() != first)
    )  # the same heading again between articles is a label over each ("Politics"), no outlet's name
    return first if any(said.search(line.text) for line in again) else None


# the legal form after a company's name, one or more ("Co., Inc.", "Ltd", "S.A."): no part of the
# outlet's name; as companies write it, in this case
_COMPANY_FORM = re.compile(
    r"(?:,?\s+(?:Co|Corp|Inc|Ltd|Pty|Limited|LLC|LLP|L\.L\.C|plc|PLC|GmbH|AG|S\.A|S\.p\.A|N\.V|B\.V)\b\.?)+$"
)


def _outlet_name(text: str) -> bool:
    """Whether a line may be an outlet's name: MASTHEAD_WORDS capitalised words at most, joins aside ("The
    Science Desk", "Ashford & District Echo", "Corriere della Sera"), no figure, no kicker's or desk's
    words ("Live Updates", "Local News")."""
    words = [word for word in text.split() if word.casefold() not in _JOINS and word not in _AND]
    if not words or word_count(text) > MASTHEAD_WORDS or any(c.isdigit() for c in text):
        return False
    return not (is_kicker(text) or is_desk(text)) and looks_like_name(" ".join(words))
