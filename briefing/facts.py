"""Facts: what a sentence of a story states, and whether another sentence restates it or revises its
figures.

    fact_terms("Officials said 41 people were killed") -> {"peopl", "kill", "#41"}
    restates(sentence, other, weights=fact_weights(story_sentences))   # it says nothing other does not
    revises("The death toll rose to 41", "The quake killed at least 12 people")  # the same count, newer
    replaced = revisions(sentences, first_told(leads, dates))            # {old index: latest revision}
    outdated_count("Quake toll climbs to 27", {"#27": [s27]}, {s27: s41})  # a headline's stale count
    tells_a_figure_of("... sending its shares down 18%", "Shares ... fell 18% ...")  # one fact, reworded

A sentence's fact terms are its content terms (see :mod:`briefing.terms`) but the words of when and who
told it, and its figures ("#41"). A figure counts what the word after it names, and the counts breaking
news keeps revising (the dead, the injured, the missing, the displaced, the arrested) are named by
count words ("killed", "toll"): two sentences with other figures of one count, alike otherwise, are
one fact told at two moments; so are two tallies of a vote on one measure ("a 51-47 procedural vote",
"approved by 52 to 48"). A count is what the clauses holding its figures say (:func:`figure_part`), and
a sentence may itself say which figure is past ("up from 31": :func:`formers`) or that a figure is the
running total ("bringing the total death toll ... to 31"). Figures in words are figures where news style
writes them so (:func:`with_figures`: "Twenty-seven people have died").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any, Protocol, TypeVar

from briefing.cues import MONTHS
from briefing.summarizers import stop_words
from briefing.terms import idf_table, stem, terms_of, words

RESTATED = 0.5  # more than this share of a sentence's (weighted) fact terms in another: it says nothing new
REVISED = 0.5  # two sentences counting the dead (or injured...) with other figures: this share of words alike
REVISED_OTHER = 0.8  # two with other figures of a thing no count word names: this share alike
FIGURE_FACT = 1 / 3  # two with a figure in common and this share of fact words alike: one fact, reworded


class Ordered(Protocol):
    """What says when a sentence was told: a date, or a finer order such as (date, arrival, id)."""

    def __lt__(self, other: Any, /) -> bool: ...
    def __le__(self, other: Any, /) -> bool: ...


Told = TypeVar("Told", bound=Ordered)  # when a lead was told: a date, or a finer order (date, arrival, id)

FIGURE = re.compile(r"\b\d+(?:[.,]\d+)*\b")  # not the 15 of "A15", a name
# words that say when a fact happened or who told it, not what it is: a retelling adds or drops them
_NOT_FACTS = (
    *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    *("official", "officials", "authority", "authorities", "spokesman", "spokeswoman", "spokesperson"),
    *("reported", "reports", "report", "according", "statement", "confirmed", "told", "cited"),
)
# what a figure counts, when words say it: the counts breaking news keeps revising ("kill", "toll")
_COUNTS = {
    "dead": ("dead", "death", "deaths", "died", "dies", "kill", "killed", "killing", "toll", "fatalities"),
    "hurt": ("injured", "injuries", "injury", "wounded", "hurt", "hospitalised"),
    "missing": ("missing", "unaccounted"),
    "displaced": ("evacuated", "evacuation", "evacuees", "displaced", "homeless", "fled"),
    "held": ("arrested", "arrests", "detained", "detention", "custody"),
}
# a count of people said in general, and the people such a count may be of: "30 people" and "30 villagers"
# are one count as two outlets word it; "30 soldiers" and "30 civilians" are two
_PEOPLE = frozenset({"people", "persons", "individuals"})
_PERSONS = frozenset(
    """
    villagers residents civilians passengers workers miners pilgrims tourists children students soldiers
    troops migrants refugees fishermen climbers hikers patients inmates prisoners protesters demonstrators
    citizens locals victims survivors sailors officers firefighters rescuers men women adults teenagers
    villager worker crew staff employees
    """.split()
)
# words that say a figure changed, not what it counts: "the toll rose to 41" retells "12 were killed"
_CHANGES: tuple[str, ...] = ("rose", "rise", "rises", "risen", "rising", "climbed", "increased", "grew")
_CHANGES += ("jumped", "reached", "fell", "dropped", "lowered", "revised", "updated", "total", "now")
# words that mark another event of the same kind, not a recount: "a second car bomb", "another strike"
_ANOTHER: tuple[str, ...] = ("another", "second", "third", "fourth", "fifth", "new", "fresh", "separate")
_ANOTHER += ("further", "2nd", "3rd", "4th", "5th")
# words that say which day a fact is of: facts of two days are two facts ("30 arrested on Saturday",
# "45 on Sunday"), unless a word of change says one figure became the other
_DAYS: tuple[str, ...] = ("today", "yesterday", "tonight", "overnight")
_DAY_WORDS = frozenset((*_NOT_FACTS[:7], *_DAYS))
_COUNTED = re.compile(rf"({FIGURE.pattern})(?:[ \u00a0]+([^\W\d_]+))?")  # a figure and the word after it
# figures written in words, as news style writes them: under ten in words ("nine in Galicia") and any
# figure opening a sentence ("Twenty-seven people have died"). A word ten or more anywhere, or any
# number word opening the sentence, is a figure; "one" never is (a pronoun as often as a count)
_UNITS = dict(zip("two three four five six seven eight nine".split(), range(2, 10), strict=True))
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = {w: 10 * n for n, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
_SPELLED = re.compile(
    rf"\b(?:({'|'.join(_TENS)})(?:[-\s](one|{'|'.join(_UNITS)}))?|({'|'.join(_TEENS)})|({'|'.join(_UNITS)}))"
    r"(?:\s+(hundred|thousand))?\b",
    re.IGNORECASE,
)
# a figure the sentence itself says is past: "up from 31", "raising the figure from the 95", "rose from 12"
_FORMER = re.compile(
    rf"\b(?:up|down|rais\w*|revis\w*|increas\w*|ris\w*|rose|climb\w*|jump\w*|fell|fallen|dropp\w*)"
    rf"(?:\s+\w+){{0,3}}?\s+from\s+(?:the\s+|an?\s+)?({FIGURE.pattern})",
    re.IGNORECASE,
)
# a vote's tally ("a 51-47 vote", "by a vote of 52 to 48"): the count a later vote on the measure replaces
_TALLY = re.compile(r"\b\d+\s*(?:-|\u2013|to)\s*\d+\b")
_VOTE = re.compile(r"\b(?:vot(?:e|es|ed|ing)|ballots?)\b", re.IGNORECASE)
# where a clause ends: the figures' own clauses tell a count, "..., as rescuers reached ..." adds a detail
_CLAUSE_BREAK = re.compile(r"[,;:]\s+|\s+[\u2013\u2014-]+\s+|\s*[()]\s*")
# a clause telling a running total: "bringing the total death toll ... to 31", "taking the total to 27"
_TOTAL = re.compile(
    r"\b(?:bring\w*|brought|tak(?:e|es|ing)|took|push\w*|rais\w*|lift\w*)\s+(?:the\s+|its\s+)?"
    r"(?:(?:overall|total|official|confirmed|death|casualty)\s+)*(?:total|toll|tally|number|count)\b",
    re.IGNORECASE,
)
# a figure as written, with its currency and its scale or per cent: "£15.4m", "$27.5bn", "18%", "27"; not
# the 15 of "A15" or of "15th"
_AMOUNT = re.compile(
    r"(?<![\w.,])([$£€¥]?)(\d+(?:[.,]\d+)*)"
    r"(%|[ \u00a0]?(?i:percent|per[ \u00a0]cent|pct)\b|bn|tn|m|k)?(?![\w%])"
)
_SCALES = frozenset({"bn", "tn", "m", "k"})  # any other unit of an amount is per cent, however written
# where a count is: capitalised words after a word of place ("in Kenya", "across northern Portugal and
# Galicia", "near Tiel")
_PLACED = re.compile(
    r"\b(?:in|across|at|near|throughout|around|outside|inside)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|north-east|north-west|south-east|south-west)(?:ern)?\s+)?"
    r"([A-Z][^\W_]*(?:(?:\s+|\s+and\s+|,\s+)[A-Z][^\W_]*)*)"
)
_NAME = re.compile(r"(?<=[^.!?\s] )[A-Z][^\W_]*")  # a capitalised word inside a sentence
_FIRST_NAME = re.compile(r"\W*([A-Z][^\W_]*)\s+[A-Z]")  # a sentence's first word, a name's first
_STEM_PREFIX = 5  # two terms this long where one starts the other are one word ("injuri", "injur")
# a step someone announces ("it would appeal", "plans to resign"): the act is a development of its own,
# however much of the story's wording comes with it ("appeal ... the ruling that upheld its fine")
_NEXT_STEP = re.compile(
    r"\b(?:would|will|shall|(?:plan|intend|vow|pledg|promis|threaten|decid|vote|agree|move)\w*\s+to"
    r"|(?:is|are|was|were)\s+(?:set\s+|due\s+|going\s+|expected\s+)?to)"
    r"\s+(?:(?:not|also|now|soon|still|then|quickly|immediately)\s+)?([^\W\d_]+)",
    re.IGNORECASE,
)


@lru_cache(maxsize=65536)
def with_figures(sentence: str) -> str:
    """A sentence with its figures written in words as figures (:data:`_SPELLED`): "Twenty-seven people
    have died" -> "27 people have died", "... rose to fourteen" -> "... rose to 14"; "two ministers" and
    "nine in Galicia" inside a sentence stay words (small counts of no news weight, as style writes them),
    as does "one". "Hospitalized" is written "hospitalised": its stem is the place's, "hospital" ("died in
    hospital" counts no injured), where the British spelling's stem is a count word's."""

    def figure(match: re.Match[str]) -> str:
        tens, unit, teen, alone, times = match.groups()
        value = _TENS[tens.lower()] + ({"one": 1, **_UNITS}[unit.lower()] if unit else 0) if tens else 0
        value = value or (10 + _TEENS.index(teen.lower()) if teen else _UNITS[alone.lower()])
        value *= {"hundred": 100, "thousand": 1000}.get((times or "").lower(), 1)
        opening = not sentence[: match.start()].strip(" \"'\u201c\u2018(")
        counts = _counts_people(sentence[: match.start()], sentence[match.end() :])
        return str(value) if value >= 10 or opening or times or counts else match.group(0)

    sentence = _HOSPITALIZED.sub(r"\1is", sentence)
    # with a running total of its own ("A second passenger died, raising the number of victims to three"),
    # the total is the count: the ordinal is only no mark of another event
    total = _TOTAL.search(sentence) is not None
    if not _OTHER_TIME.search(sentence):  # "a third worker had died at the plant in 2019"
        # "a third resident had died in a similar fire": of another event, in the ordinal's own clause
        sentence = _ORDINAL_DEATH.sub(
            lambda m: m[0] if _of_a_similar_event(m) else _as_toll(m, total), sentence
        )
        sentence = _ORDINAL_LIFE.sub(
            lambda m: m[0] if _of_a_similar_event(m) else _as_toll_of_event(m), sentence
        )
    return _SPELLED.sub(figure, sentence)


# an ordinal death, which tells the count of the dead as it stands: "a third resident, a 67-year-old woman,
# had died in hospital", "the fourth victim died on Monday", "a second firefighter has been killed", "a
# third body was recovered", "police confirmed a third death" (and :data:`_ORDINAL_LIFE`). Not "a second
# car bomb killed five": the ordinal counts people who died (or their bodies, their deaths), not another
# event of a kind
_ORDINALS = {
    w: n for n, w in enumerate("second third fourth fifth sixth seventh eighth ninth tenth".split(), 2)
}
_ORDINALS.update({f"{n}{'nd' if n == 2 else 'rd' if n == 3 else 'th'}": n for n in range(2, 11)})
_DIED = (
    r"(?:has\s+|have\s+|had\s+)?(?:(?:also|since|now|later|subsequently)\s+)?"
    r"(?:died|dies|succumbed|(?:been|was|were)\s+(?:killed|confirmed\s+dead|found\s+dead|pronounced\s+dead))"
)
_PERSON_DIED = (
    r"(?:person|victim|resident|passenger|worker|miner|patient|child|man|woman|firefighter|officer|soldier"
    r"|civilian|student|pupil|tourist|climber|hiker|crew\s+member|villager|casualty)\b"
)
_ORDINAL_DEATH = re.compile(
    rf"\b(?:([Aa]|[Tt]he)\s+({'|'.join(_ORDINALS)})|([Aa])(?:nother|\s+further))(?=\s+(?:[\w-]+\s+)?"
    rf"(?:{_PERSON_DIED}(?:,[^,]{{1,60}},)?\s+{_DIED}"
    r"|bod(?:y|ies)\s+(?:has\s+|had\s+)?(?:was|were|been)\s+(?:found|recovered|pulled|retrieved)"
    r"|(?:death|fatality)\b))"
)

# a death told of another time than the day's: "a third resident had died at the block in 2019", "a third
# climber died on the mountain this season", "the third death at the prison this year". Its ordinal
# counts other events' dead, so it is no running toll of the day's (:func:`with_figures`)
_OTHER_TIME = re.compile(
    r"\b(?:(?:in|since)\s+(?:1[89]|20)\d\d"
    r"|(?:last|this|earlier\s+this)\s+(?:year|season|month|decade|summer|winter|spring|autumn)"
    r"|(?:years?|months?|decades?)\s+(?:ago|earlier|before))\b",
    re.IGNORECASE,
)

# a death told of another event like the day's, in the ordinal's own clause: "a third resident had died in
# a similar fire at the block"; not of the injuries it came of ("a third passenger died of similar
# injuries"), nor "similar" in another clause ("..., and tenants fear similar fires")
_SIMILAR = re.compile(
    r"\bsimilar\b(?!\s+(?:\w+\s+)?(?:injuries|injury|wounds|burns|symptoms)\b)", re.IGNORECASE
)
# the death of an ordinal death (:data:`_ORDINAL_DEATH`), where its clause goes on to
_ORDINAL_DIED = re.compile(rf"{_DIED}|bod(?:y|ies)\b|(?:death|fatality)\b")

# "the fire has claimed a third life", "the crash took a second life", "divers recovered a fourth body":
# the same, told of the event or of those who found the dead
_ORDINAL_LIFE = re.compile(
    r"\b(claim(?:ed|s|ing)?|tak(?:en|es|ing)|took|recover(?:ed|s|ing)?|found|finds|pulled|retrieved)"
    rf"\s+an?\s+({'|'.join(_ORDINALS)})\s+(life|body)\b"
)


def _of_a_similar_event(match: re.Match[str]) -> bool:
    """Whether an ordinal death's clause (from the clause break before the ordinal to the one after its
    death: "a third resident, a 67-year-old woman, had died in a similar fire at the block") says the
    death was of another event like the day's (:data:`_SIMILAR`): no running toll of the day's."""
    text = match.string
    died = _ORDINAL_DIED.search(text, match.end())
    end = died.end() if died else match.end()
    starts = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, match.start())]
    after = _CLAUSE_BREAK.search(text, end)
    clause = text[starts[-1] if starts else 0 : after.start() if after else len(text)]
    return _SIMILAR.search(clause) is not None


def _as_toll(match: re.Match[str], total: bool) -> str:
    """An ordinal death's article and ordinal ("a third", before "resident ... died") told as the running
    toll it is, a clause of its own: "the toll now 3, a". The ordinal marks no other event
    (:func:`_marks`), and the figure is the dead's latest count, one a first report's "killed two
    residents" gives way to. "Another" or "a further" death, and an ordinal in a sentence telling its
    running ``total``, is told as "a": no mark, no figure (the total, if any, is the count)."""
    article, ordinal, other = match.groups()
    if other or total:
        return other or article
    the = "The" if article[0].isupper() else "the"
    return f"{the} toll now {_ORDINALS[ordinal.lower()]}, {article.lower()}"


def _as_toll_of_event(match: re.Match[str]) -> str:
    """ "has claimed a third life" as "has claimed a life, the toll now 3," (:func:`_as_toll`)."""
    return f"{match[1]} a {match[3]}, the toll now {_ORDINALS[match[2].lower()]},"


_HOSPITALIZED = re.compile(r"\b(hospital)iz(?=e|ing|ation)", re.IGNORECASE)


# the words before a small number word that make it a count: a count word ("kills two", "injuring
# seven"), or a change to it ("has risen to three", "rose to four", "now stands at three")
_BEFORE_COUNT = re.compile(r"([^\W\d_]+)(?:\s+(to|at))?\s*$")
_STANDS = frozenset({"stand", "stands", "stood", "standing"})  # "the toll stands at three": its figure now
_REACHED = frozenset({"reach", "reached", "reaches", "reaching"})  # "has reached three": a change, no "to"
# a figure told as the count's latest: "the death toll now stands at three", "three workers have now died"
# ("now" is no content term: :func:`_changed` reads it in the text)
_NOW = re.compile(rf"\b(?:now|(?:{'|'.join(sorted(_STANDS))})\s+at)\b", re.IGNORECASE)
# the words after one: whom it counts ("two workers", "seven others", "three more") or a count word,
# itself or after a verb ("two dead", "seven were hurt", "three have been killed")
_AFTER_COUNT = re.compile(r"^\s+(?:(?:were|was|are|is|have|has|had|been|being)\s+){0,2}([^\W\d_]+)")
_OTHERS = frozenset({"others", "more"})


def _counts_people(before: str, after: str) -> bool:
    """Whether a number word under ten between ``before`` and ``after`` counts what breaking news
    revises: people ("two workers", "seven others") or a count (the dead, the injured ...: "two dead",
    "kills two", "seven were hurt", "the toll has risen to three"). News style writes such small tolls in
    words, and a later report's "3" or "three" must be able to replace them; "two ministers met" stays
    a word, no count of news weight."""
    kinds, changes = _count_words(), _change_words()
    word = _BEFORE_COUNT.search(before[-40:])
    if word and word.group(2) == "at":
        if word.group(1).lower() in _STANDS:
            return True  # "the toll now stands at three"; not "arrived at three"
    elif word and stem(word.group(1).lower()) in (changes if word.group(2) else kinds):
        return True  # "kills two", "risen to three"; not "took the wounded to three hospitals"
    elif word and word.group(2) == "to" and _TOTAL.search(before[-60:]):
        return True  # "bringing the number of dead to three", "taking the toll to four"
    elif word and not word.group(2) and word.group(1).lower() in _REACHED:
        return True  # "the number of dead has now reached three"
    following = _AFTER_COUNT.match(after)
    if not following:
        return False  # "two of them": a part of a group, not the count
    lower = following.group(1).lower()
    # the count words as written: "hospitals" shares its stem with "hospitalised"
    return (
        lower in _PEOPLE or lower in _PERSONS or lower in _OTHERS or any(lower in w for w in _COUNTS.values())
    )


@lru_cache(maxsize=65536)
def fact_terms(sentence: str) -> frozenset[str]:
    """What a sentence states, as terms: its content terms but the weekdays and the words of attribution
    ("officials said", "reported": when and who told it, not what), and its figures ("#41", "#7.4",
    "#4000": numbers count, a new figure is news)."""
    ignored = _not_facts()
    sentence = with_figures(sentence)  # "Twenty-seven people" counts as "27 people"
    figures = {"#" + f.replace(",", "") for f in FIGURE.findall(sentence)}
    return frozenset(t for t in terms_of(sentence) if t not in ignored) | figures


@lru_cache(maxsize=1)
def _not_facts() -> frozenset[str]:
    return frozenset(stem(w) for w in _NOT_FACTS)


def fact_weights(sentences: Iterable[str]) -> dict[str, float]:
    """How much each term tells which fact a sentence of a story states: its inverse frequency among
    the story's ``sentences``. The story's own vocabulary ("dock workers", "Rotterdam") is in most of
    them and says little; the words of one fact ("court", "ordered", "midnight") say much."""
    frequency: Counter[str] = Counter()
    n = 0
    for sentence in sentences:
        frequency.update(fact_terms(sentence))
        n += 1
    return idf_table(frequency, n)


def _one_word(term: str, terms: frozenset[str]) -> bool:
    """Whether a term is one word with one of ``terms`` that the stemmer split ("injuri", "injur")."""
    return any(len(t) >= _STEM_PREFIX and (t.startswith(term) or term.startswith(t)) for t in terms)


def restates(
    sentence: str, other: str, *, weights: Mapping[str, float] | None = None, threshold: float = RESTATED
) -> bool:
    """Whether ``sentence`` states nothing ``other`` does not: each of its figures is in ``other`` counting
    a thing alike (:func:`_counts_alike`: "12 people" and "12 dead", not "12 villages"), and more
    than ``threshold`` of its fact terms (:func:`fact_terms`) are, each weighing its ``weights`` entry
    (:func:`fact_weights` of the story's sentences; 1 when missing). Measured on ``sentence``'s terms,
    not on the shorter sentence's: a development that names the story's subject is no restatement."""
    mine, theirs = fact_terms(sentence), fact_terms(other)
    if not mine or not theirs:
        return " ".join(sentence.split()) == " ".join(other.split())
    units, their_units = _units(sentence), _units(other)
    if any(t[0] == "#" and t not in theirs and not _year(t, units) for t in mine):
        return False
    if not all(
        _counts_alike(units[t], their_units.get(t, (None,))) for t in mine if t[0] == "#" and t in units
    ):
        return False  # one figure of two things: "12 villages" is not "12 people"
    if _other_count(sentence, other):
        return False  # "Three workers have now died" after "killed two workers and injured three"
    steps = _steps(sentence)
    if (
        steps
        and not _NEXT_STEP.search(other)
        and any(not (theirs & st or any(_one_word(t, theirs) for t in st)) for st in steps)
    ):
        return False  # a step announced where ``other`` announces none: "would appeal" after "upheld"
    weight = weights or {}
    needed = threshold * sum(weight.get(t, 1.0) for t in mine)
    found = sum(weight.get(t, 1.0) for t in mine & theirs)
    if found > needed or _names_more(sentence, other, mine, theirs):
        return True
    split = [t for t in mine - theirs if len(t) >= _STEM_PREFIX]
    if found + sum(weight.get(t, 1.0) for t in split) <= needed:
        return False
    return found + sum(weight.get(t, 1.0) for t in split if _one_word(t, theirs)) > needed


def _other_count(sentence: str, other: str) -> bool:
    """Whether ``sentence`` tells a figure as a count (:func:`_count_figures`: the dead, the injured ...)
    that ``other``, which tells counts, does not tell as that count: "Three workers have now died" holds
    the 3 and the workers of "killed two workers and injured three", but as the dead, where it was the
    injured. The same figure of another count is news, not a restatement."""
    theirs = _count_figures(other)
    if not theirs:
        return False
    past = formers(sentence)
    return any(f not in theirs.get(k, ()) for k, fs in _count_figures(sentence).items() for f in fs - past)


def _names_more(sentence: str, other: str, mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Whether ``sentence`` tells a figure of ``other`` ("worth more than $50m") and adds to it only
    names: who and where in full ("Donald Trump says the Trump National Golf Club in Florida is worth
    more than $50m" after a standfirst's "Trump says the golf course is worth more than $50m but ...").
    The figure ties the two to one fact; a word that is no name ("disagrees", "plays") is something
    else said. Every figure of ``sentence`` must be in ``other`` (amounts such as "$50m" too)."""
    figures = {t for t in mine if any(c.isdigit() for c in t)}
    units = _units(sentence)
    if not figures <= theirs or not any(not _year(t, units) for t in figures):
        return False
    extra = mine - theirs
    return not extra or extra <= _full_names(sentence)


@lru_cache(maxsize=65536)
def _full_names(sentence: str) -> frozenset[str]:
    """The terms of a sentence's capitalised words, its first too when the next is capitalised ("Donald
    Trump says ..."), but not the words of when and of who told it (:func:`_names`)."""
    first = _FIRST_NAME.match(sentence)
    return _names(sentence) | (frozenset(terms_of(first.group(1))) - _not_facts() if first else frozenset())


@lru_cache(maxsize=65536)
def _steps(sentence: str) -> tuple[frozenset[str], ...]:
    """The acts a sentence announces, each as its terms ("would appeal" -> {"appeal"}); an auxiliary
    after the marker ("will be", "would have") names no act."""
    found = (frozenset(terms_of(m.group(1))) for m in _NEXT_STEP.finditer(sentence))
    return tuple(step for step in found if step)


def is_near_duplicate(a: str, b: str, *, weights: Mapping[str, float] | None = None) -> bool:
    """Whether two sentences state the same fact: one of them states nothing the other does not
    (:func:`restates`; two outlets word one fact differently, and one often adds a detail)."""
    return restates(a, b, weights=weights) or restates(b, a, weights=weights)


def repeats_fact(sentence: str, chosen: str, weights: Mapping[str, float]) -> bool:
    """Whether a sentence tells a fact of one already chosen: the same in most words
    (:func:`is_near_duplicate`), or one figure's fact in other words (:func:`tells_a_figure_of`). The
    one test of a repeat for every list of sentences from several outlets (a story's summary, an
    actor's key sentences), so that both tell a fact once; or the same figure of one count, each with
    other news around it (:func:`tells_one_count`: the toll of 41 is told once)."""
    return (
        is_near_duplicate(sentence, chosen, weights=weights)
        or tells_a_figure_of(sentence, chosen)
        or tells_one_count(sentence, chosen)
    )


def tells_one_count(sentence: str, other: str) -> bool:
    """Whether two sentences tell the same figure of one count, whatever else each tells: a clause of
    each names the count with that figure (:func:`_count_figures`: "The number of people killed by
    Cyclone Mahina ... has risen to 41, ..., and health officials warned of a cholera outbreak" and "The
    death toll from Cyclone Mahina rose to 41 on Wednesday, and the first aid flights landed"), a figure
    of weight (:func:`_weighty`: "2 dead" is too common to be one fact) that neither tells as past,
    counting a thing alike (:func:`_counted`: not the "magnitude 7.4" of two tolls), and no other figure
    of the count in either (the toll of 27 and of 41 are a revision, :func:`revisions` decide); their
    figure parts mark no other event ("a second blast"), and neither their days nor the places of their
    counts (:func:`_count_places`) are apart (one naming none is not apart: an outlet leaves the day
    out). A summary tells the toll once; the other sentence's news is lost with it."""
    mine, theirs = _count_figures(sentence), _count_figures(other)
    past = formers(sentence) | formers(other)
    units, their_units = _units(sentence), _units(other)

    def counted(figures: Iterable[str], units: Mapping[str, frozenset[str | None]]) -> set[str]:
        return {f for f in figures if f not in past and _counted(units.get(f, (None,)))}

    kinds = mine.keys() & theirs.keys()
    own = {k: counted(mine[k], units) for k in kinds}
    if any(own[k] != counted(theirs[k], their_units) for k in kinds):
        return False  # other figures of one count (the toll of 27, of 41): :func:`revisions` decide
    shared = {
        f
        for kind in kinds
        for f in own[kind]
        if _weighty(f) and not _year(f, units)
        if _counts_alike(units.get(f, (None,)), their_units.get(f, (None,)))
    }
    if not shared:
        return False
    part, their_part = figure_part(sentence), figure_part(other)
    if _marks(part) != _marks(their_part):
        return False
    days, their_days = _days(part), _days(their_part)
    places, their_places = _count_places(part), _count_places(their_part)
    return not (days and their_days and days != their_days) and not (
        places - their_places and their_places - places
    )


def news_beside_counts_told(sentence: str, known: Sequence[str]) -> bool:
    """Whether what a sentence tells beside its counts the reader has: it has clauses without a figure
    ("..., and the first aid flights landed at Pemba airport"), each with fact words, and each restates
    (:func:`restates`) one ``known`` sentence. Of two sentences telling one new toll, each with other
    news, the one whose other news is new is the one to tell."""
    rest = [
        c
        for c in _CLAUSE_BREAK.split(with_figures(sentence))
        if not FIGURE.search(c) and _fact_words(fact_terms(c))
    ]
    return bool(rest) and all(any(restates(c, k) for k in known) for c in rest)


def counts_told(sentence: str, known: Sequence[str]) -> bool:
    """Whether a sentence tells only counts the reader knows: each of its clauses (:data:`_CLAUSE_BREAK`)
    with fact words holds figures of counts one ``known`` sentence tells with those figures (the same
    counts, :func:`_count_figures`; a toll of 41 is not told by a toll of 27 of the same magnitude 7.4
    quake) and more than :data:`RESTATED` of its fact words (count words as their count, words of change
    left out: "stood at" retells "rose to") are that sentence's; a clause without a figure needs all its
    fact words in the known sentences telling the others ("The toll from the cyclone stood at 41 dead on
    Thursday, with some 65,000 displaced", once a digest said "rose to 41" and an earlier article "About
    65,000 people have been displaced"). :func:`restates` needs every figure in one sentence; a reader
    told each of two counts apart has heard both."""
    clauses = [c for c in _CLAUSE_BREAK.split(with_figures(sentence)) if _fact_words(fact_terms(c))]
    figured = [c for c in clauses if FIGURE.search(c)]
    if not figured:
        return False
    tellers: list[str] = []
    for clause in figured:
        counted = _count_figures(clause)
        if not counted:
            return False  # a figure of no count ("a 40 million metical project") is a fact of its own
        figures = figures_of(clause)
        words = _fact_words(fact_terms(clause)) | figures
        teller = next(
            (
                k
                for k in known
                if figures <= figures_of(k)
                and all(counted[kind] <= _count_figures(k).get(kind, frozenset()) for kind in counted)
                and 2 * len(words & (_fact_words(fact_terms(k)) | figures_of(k))) > 2 * RESTATED * len(words)
            ),
            None,
        )
        if teller is None:
            return False
        tellers.append(teller)
    told = frozenset().union(*(_fact_words(fact_terms(k)) for k in tellers))
    return all(_fact_words(fact_terms(c)) <= told for c in clauses if not FIGURE.search(c))


def retells_a_figure(sentence: str, other: str) -> bool:
    """Whether a sentence of an article tells again a figure another sentence of it told, for the same
    days: the two tell the same amounts as written with their unit (per cent however written: "2.5
    percent" is "2.5%", :func:`_amounts`), but those one tells as past ("down from 3.1 per cent",
    :func:`formers`), all weighty (:func:`_weighty`) and counting a thing alike, and the clauses holding
    them name the same days, at least one ("UK inflation fell to 2.5% in October" and "Prices rose by 2.5
    percent in the year to October, down from 3.1 per cent in September"). One writer restating a
    figure with its context, in other words than :func:`tells_a_figure_of` needs: a summary of the
    article tells it once. A figure of another day ("2.5% in September") is another fact, and so is one
    of several figures of a sentence ("... hardware stores dropped by 0.3% and furniture store sales
    dipped 0.1%" beside "US retail sales fell 0.3% in January")."""
    mine, theirs = _amounts(sentence), _amounts(other)
    own = {written: f for written, f in mine.items() if f not in formers(sentence)}
    their_own = {written for written, f in theirs.items() if f not in formers(other)}
    if not own or own.keys() != their_own or not all(_weighty(f) for f in own.values()):
        return False
    units, their_units = _units(sentence), _units(other)
    if not all(_counts_alike(units.get(f, (None,)), their_units.get(f, (None,))) for f in own.values()):
        return False
    days = _days(figure_part(sentence))
    return bool(days) and days == _days(figure_part(other)) and _marks(sentence) == _marks(other)


def tells_a_figure_of(sentence: str, other: str) -> bool:
    """Whether two sentences tell one fact of a figure, each in its own words: they hold a figure (no
    year) counting a thing alike (:func:`_counts_alike`), and either

    - both count with it what the same count words name (the dead, the injured, ...: "Eighteen people
      have died in Portugal" and "the death toll in Portugal has risen to 18"), on the same days, with no
      mark of another event ("a second blast"), and the clauses holding it name no places apart
      (:func:`_clause_places`: 12 killed in Kenya and 12 in Somalia are two facts; "The death toll from
      Storm Idris has risen to 27" and "..., taking the total across Portugal and Galicia to 27" one); or
    - they share words of what happened besides the figure, names and whom it counts (:data:`FIGURE_FACT`
      of their fact words: "shares ... fell 18% ... cut its full-year profit forecast for the second time"
      and "cut its annual profit guidance for a second time, sending its shares down 18%").

    :func:`restates` needs most of a sentence's words in the other: a paraphrase by another outlet
    ("down 18%", "fell 18%"; "guidance", "forecast") escapes it, and a summary of two outlets would tell
    the figure twice. What else one of them adds is lost with it: the summary states the fact once."""
    units, their_units = _units(sentence), _units(other)
    mine, theirs = _amounts(sentence), _amounts(other)
    shared = sorted(
        {
            f
            for written, f in mine.items()
            if written in theirs and not _year(f, units)
            if _counts_alike(units.get(f, (None,)), their_units.get(f, (None,)))
        }
    )
    if not shared:
        return False
    kinds, their_kinds = count_kinds(sentence), count_kinds(other)
    alike = kinds == their_kinds and _marks(sentence) == _marks(other)
    if kinds and alike and _days(figure_part(sentence)) == _days(figure_part(other)):
        for f in shared:
            if not (_counted(units[f]) and _counted(their_units[f])):
                continue  # "a magnitude 7.4 earthquake" is no count of the dead
            named, their_named = _clause_places(sentence, f), _clause_places(other, f)
            if not (named - their_named and their_named - named):
                return True
    if kinds & their_kinds and mine.keys() - theirs.keys() and theirs.keys() - mine.keys():
        return False  # other figures of one count (the toll of 12, of 41): :func:`revisions` decide
    if not any(_weighty(f) for f in shared):
        return False  # "2 goals", "3 ministers": too common in a story to tie two sentences
    whole, their_whole = _fact_words(fact_terms(sentence)), _fact_words(fact_terms(other))
    plain = (whole & their_whole) - _full_names(sentence) - _full_names(other) - _counted_people()
    if len({t for t in plain if t[0] != "~"}) < 2:
        return False
    return 2 * len(whole & their_whole) >= FIGURE_FACT * (len(whole) + len(their_whole))


@lru_cache(maxsize=65536)
def _amounts(sentence: str) -> dict[str, str]:
    """A sentence's figures as written ("£15.4m", "18%", "27"; commas out), each with its fact term
    ("#15.4"), but years ("2004", not "2,004"), the days of dates ("31 December") and the figures of names
    ("Band Aid 20", "Hot 100"): "15%" and "£15.4m" are two amounts, where :data:`FIGURE` reads 15 in
    both. Per cent is "%" however written: "2.5 percent", "2.5 per cent" and "2.5pct" are "2.5%"."""
    text = with_figures(sentence)
    found: dict[str, str] = {}
    for match in _AMOUNT.finditer(text):
        before, after = text[: match.start()].split()[-1:], text[match.end() :].split()[:1]
        if {w.strip(".,;:").lower() for w in before + after} & MONTHS:
            continue  # "31 December", "December 31": a day
        name = (
            before and before[0][:1].isupper() and before[0].replace("'", "").replace("\u2019", "").isalpha()
        )
        if name and match.start() > len(before[0]) + 1:
            continue  # "Band Aid 20": a name's figure (but "Twenty-seven ..." opening a sentence)
        number = match.group(2).replace(",", "")
        if (
            match.group(2).isdigit()
            and "1800" <= number <= "2100"
            and len(number) == 4
            and not match.group(3)
        ):
            continue  # "2004 won't be remembered ...", "for 2004 rose": a year, whatever follows it
        unit = (match.group(3) or "").lower()
        unit = unit if not unit or unit in _SCALES else "%"  # "2.5 percent", "2.5 per cent", "2.5pct"
        found[match.group(1) + number + unit] = "#" + number
    return found


def _weighty(figure: str) -> bool:
    """Whether a figure ("#18") is no small whole number: 10 or more, or a fraction ("#8.9")."""
    return not figure[1:].isdigit() or int(figure[1:]) >= 10


def _counted(units: Iterable[str | None]) -> bool:
    """Whether a figure's units (:func:`_units`) may be what a count word counts: nothing said ("rose to
    27."), a count word ("12 dead") or people ("18 people", "30 villagers")."""
    return any(u is None or u in _count_words() or u.startswith("@") for u in units)


def _clause_places(sentence: str, figure: str) -> frozenset[str]:
    """The places (:data:`_PLACED`: "in Kenya", "across Portugal and Galicia") the clauses of a sentence
    holding ``figure`` ("#18") name, as terms. Where a count is, not what caused it: "The death toll
    from Storm Idris has risen to 27" names no place, so it is not apart from "..., taking the total
    across Portugal and Galicia to 27"."""
    found: set[str] = set()
    for clause in _CLAUSE_BREAK.split(with_figures(sentence)):
        if figure in {"#" + f.replace(",", "") for f in FIGURE.findall(clause)}:
            for match in _PLACED.finditer(clause):
                found.update(terms_of(match.group(1)))
    return frozenset(found)


@lru_cache(maxsize=1)
def _count_words() -> dict[str, str]:
    return {stem(w): "~" + kind for kind, named in _COUNTS.items() for w in named}


@lru_cache(maxsize=1)
def _change_words() -> frozenset[str]:
    return frozenset(stem(w) for w in _CHANGES)


@lru_cache(maxsize=65536)
def _units(sentence: str) -> dict[str, frozenset[str | None]]:
    """Each figure of a sentence ("#41") and the words it counts: the content term right after it
    ("41 dead" -> "dead"; None for "rose to 41." or "12 of them"), or for people, the word as written
    marked "@" ("41 people" -> "@people", "30 villagers" -> "@villagers": "villag" would be villages too)."""
    found: dict[str, set[str | None]] = defaultdict(set)
    for figure, word in _COUNTED.findall(with_figures(sentence)):
        lower = word.lower()
        terms = [f"@{lower}"] if lower in _PEOPLE or lower in _PERSONS else terms_of(word) if word else []
        found["#" + figure.replace(",", "")].add(terms[0] if terms else None)
    return {f: frozenset(u) for f, u in found.items()}


@lru_cache(maxsize=65536)
def _names(sentence: str) -> frozenset[str]:
    """The terms of a sentence's capitalised words (but its first): the people and places it names."""
    skipped = _not_facts() | {stem(m) for m in MONTHS}
    return frozenset(t for w in _NAME.findall(sentence) for t in terms_of(w) if t not in skipped)


@lru_cache(maxsize=65536)
def formers(sentence: str) -> frozenset[str]:
    """The figures a sentence tells as past ("up from 31", "raising the figure from the 95"): a count
    that says which figure it replaces."""
    return frozenset("#" + f.replace(",", "") for f in _FORMER.findall(with_figures(sentence)))


def _tallied(sentence: str) -> bool:
    """Whether a sentence tells a vote's tally ("in a 51-47 procedural vote", "by a vote of 52 to 48")."""
    return bool(_TALLY.search(sentence) and _VOTE.search(sentence))


@lru_cache(maxsize=65536)
def figure_part(sentence: str) -> str:
    """The part of a sentence that tells its figures: the clauses holding one (but a figure it tells as
    past, :func:`formers`), and the clauses before the first of them ("In Kenya, ..."). A clause after
    them that holds none ("..., as rescuers reached cut-off districts", "..., the ministry said") is a
    detail each outlet adds, not what the count is."""
    sentence = with_figures(sentence)
    clauses = [c for c in _CLAUSE_BREAK.split(sentence) if c.strip()]
    past = formers(sentence)  # "..., up from 31 earlier in the day" tells what the count was
    held = [n for n, c in enumerate(clauses) if {"#" + f.replace(",", "") for f in FIGURE.findall(c)} - past]
    if not held:
        return sentence
    return " ".join(c for n, c in enumerate(clauses) if n < held[0] or n in held)


def _count_terms(sentence: str) -> frozenset[str]:
    """What :func:`revises` compares of a sentence: the fact words (:func:`_fact_words`) of its
    :func:`figure_part` but its past figures, with "~vote" when it tells a tally."""
    terms = _fact_words(fact_terms(figure_part(sentence)) - formers(sentence))
    return terms | {"~vote"} if _tallied(sentence) else terms


def _year(figure: str, units: Mapping[str, frozenset[str | None]]) -> bool:
    """Whether a figure ("#2006") is a year counting nothing ("built in 2006,"): when, not how many."""
    return len(figure) == 5 and "1800" <= figure[1:] <= "2100" and units.get(figure, frozenset()) <= {None}


def _counts_alike(lost: Iterable[str | None], gained: Iterable[str | None]) -> bool:
    """Whether a figure that counted one of ``lost`` and one that counts one of ``gained`` can be one
    count: one says nothing of what it counts, they count one thing, or one is a count word
    ("12 people" and "41 dead"; not "12 people" and "41 villages")."""
    kinds = _count_words()
    return any(
        a is None or b is None or a == b or a in kinds or b in kinds or _people_alike(a, b)
        for a in lost
        for b in gained
    )


def _same_event(part: str, their_part: str, names: frozenset[str]) -> bool:
    """Whether two figure parts share a word of what happened (not a name, a count or a word of change)."""
    plain = set(terms_of(part)) & set(terms_of(their_part))
    return bool(plain - names - _change_terms() - set(_count_words()) - _not_facts())


def _people_alike(a: str, b: str) -> bool:
    """Whether two count terms (:func:`_units`) can count one group of people: one says "people", the
    other who they are."""
    people = a.startswith("@") and b.startswith("@")
    return people and (a[1:] in _PEOPLE or b[1:] in _PEOPLE)


def revises(sentence: str, other: str, *, titles: bool = False) -> bool:
    """Whether ``sentence`` tells the fact ``other`` tells with other figures: "the death toll rose to 41
    people in the Arequipa region" after "the earthquake struck southern Peru, killing at least 12 people in
    the Arequipa region". Each has a figure the other lacks (a figure a sentence tells as past, "up from
    31", is not its own: :func:`formers`; and the one ``other`` calls past never revises it), and a figure
    ``other`` lost can count what one ``sentence`` gained (:func:`_counts_alike`). What a count is, the
    clauses holding the figures tell (:func:`figure_part`; "..., as rescuers reached cut-off districts" is
    a detail of one outlet): they name the same counts (the dead, the injured, the missing, the displaced,
    the arrested, a vote's tally: 12 dead and 30 injured are two facts); neither names a person or place the
    other does not while the other names one it lacks (floods in Kenya, in Somalia), nor marks another
    event ("a second car bomb", "another", "new": :func:`_marks`); without a word of change ("rose",
    "toll"), a figure told as past or a tally (a final vote after the procedural one on the same bill is
    the bill's latest stage) the whole sentences name the same capitalised words and the same days (30
    arrested on Saturday and 45 on Sunday are two facts); and their other terms (the words of a change such
    as "rose" left out, the count words as their count) are alike: a Dice share from :data:`REVISED` when
    a count word says what is counted, else from :data:`REVISED_OTHER` (the union's 7% demand and the
    operators' 3% offer are two facts); a changed count need only share :data:`REVISED` of the shorter
    figure part's terms ("the toll rose to 41, the institute said" drops the first report's details). Two
    ``titles`` need no share of words once the newer has a word of change and both name the same counts
    ("Chile quake toll climbs to 27 as rescuers dig", "Chile earthquake toll rises to 41, state of
    emergency declared")."""
    mine, theirs = fact_terms(sentence) - formers(sentence), fact_terms(other) - formers(other)
    gained = {t for t in mine - theirs if t[0] == "#"}
    lost = {t for t in theirs - mine if t[0] == "#"}
    a, b = _count_terms(sentence), _count_terms(other)
    # a count named only in what caused the change ("... now stands at seven after two of the seriously
    # injured died") is not one the sentence tells
    counts = {t for t in a if t[0] == "~"} - _untold_kinds(sentence)
    their_counts = {t for t in b if t[0] == "~"} - _untold_kinds(other)
    # one count of several, its figures compared count by count: "The death toll has risen to three"
    # revises "killed two workers and injured three", whose other count holds the new figure
    # a plain count told after the count was told as changing ("rose to five on Sunday") is its next
    # figure, no count of a day of its own (:func:`_next_count`)
    moved = _changed(sentence) or _next_count(sentence, other, counts, their_counts)
    one_count = not (gained and lost) and _revises_part(sentence, other, counts, their_counts, moved)
    if (not one_count and (not gained or not lost)) or formers(other) & mine:
        return False  # the figure ``other`` calls past ("up from 26") does not revise it
    units, their_units = _units(sentence), _units(other)
    gained_units = [u for f in gained for u in units.get(f, (None,))]
    explicit = formers(sentence) & lost  # "raising the figure from the 95": it says what it replaced
    if not one_count and not all(
        f in explicit or _counts_alike(their_units.get(f, (None,)), gained_units) for f in lost
    ):
        return False
    # (``one_count`` is the test of one count of several, passed: not asked twice)
    if counts != their_counts and not (
        one_count or _revises_part(sentence, other, counts, their_counts, moved)
    ):
        return False
    part, their_part = figure_part(sentence), figure_part(other)
    names, their_names = _names(part), _names(their_part)
    # floods in Kenya and in Somalia are two counts; a toll of one event that "rose", told where both name
    # the country and the event (the district in one, the village in the other: "landslide in Nepal's
    # Jajarkot", "landslide ... Thapagaun in western Nepal") is one (floods in Cartagena and mudslides in
    # Manizales, both Colombian, stay two)
    apart = names - their_names and their_names - names and not explicit
    if apart and names & their_names and moved and _same_event(part, their_part, names):
        apart = False
    if apart and counts and _named_recount(part, their_part):  # the places are where the new dead were
        apart = False  # found ("..., after rescuers reached villages in Mocimboa"), not other counts
    total = bool(counts) and _running_total(sentence, other, gained)
    if apart and total:  # "four more bodies ... in Ourense, bringing the total ... across Portugal and
        apart = False  # Galicia to 31": where the new dead were found is no other count
    if _marks(part) != _marks(their_part) or apart:
        return False  # floods in Kenya and in Somalia; "a second car bomb"
    # a word of change ("rose", "toll"), a figure told as past ("up from 31"), or a later tally of the
    # measure (a final vote after the procedural one) says the figure replaced another
    changed = bool(moved or explicit or "~vote" in counts)
    if not changed:
        whole, their_whole = _fact_words(mine), _fact_words(theirs)
        # the days of the figures' clauses: a day only the clause of saying names ("..., the agency
        # said on Monday") is when it was told, not another day of the count
        if _names(sentence) != _names(other) or _days(part) != _days(their_part):
            return False  # Tayaran Square and Sadr City, Saturday and Sunday: without "rose", two events
        share = REVISED if counts else REVISED_OTHER
        return 2 * len(whole & their_whole) >= share * (len(whole) + len(their_whole))
    if counts and titles:  # a headline is too short to share half its words with another
        return True
    if counts or explicit:  # "the toll rose to 41, the institute said" drops the first report's details
        # and may add its own: the people it names that the first did not ("as President Gabriel Boric
        # declared a state of emergency") are the news it adds, no sign of another event
        a -= names - their_names
        if len(a & b) >= REVISED * min(len(a), len(b)):
            return True
        if total or not counts:
            return total
        return _running_count(part, their_part) or _named_recount(part, their_part) or _bare_count(sentence)
    whole, their_whole = _fact_words(mine), _fact_words(theirs)
    return 2 * len(whole & their_whole) >= REVISED_OTHER * (len(whole) + len(their_whole))


# a figure told as a lower bound: "at least ten people were killed", "more than 12 dead"
_AT_LEAST = re.compile(
    rf"\b(?:at\s+least|more\s+than|over|upwards\s+of|no\s+fewer\s+than)\s+({FIGURE.pattern})", re.IGNORECASE
)


def exceeds_bound(sentence: str, other: str) -> bool:
    """Whether ``sentence`` tells a higher figure of a count ``other`` tells only as a lower bound, for the
    same event and day: "Cyclone Mahina made landfall near Pemba ..., killing at least 12 people" beside
    "At least ten people were killed when Cyclone Mahina struck ..." (an outlet's first figure, stale when
    it is written). Each figure ``other`` tells of the count is a bound ("at least", "more than") below
    each figure ``sentence`` tells of it; neither says the count changed (that is :func:`revises`, the
    newer wins whichever way it moved), marks another event, or names a day the other does not while
    the other names one it lacks; ``other`` names no place of its count that ``sentence`` does not (a
    bound "in Saltivka" is a count of its own beside 25 killed by "Russian strikes"); the figures count
    the same nouns where both name one (:func:`_victims`: "40 civilians" killed by RSF fighters and "120
    RSF fighters" the army killed are two counts); and the two share a name that is no place of the
    counts (the event's: "Mahina") or, naming none, a word of what happened. The higher bound holds the
    lower: one count, told once, by its higher figure."""
    mine, theirs = _count_figures(sentence), _count_figures(other)
    bounds = {"#" + f.replace(",", "") for f in _AT_LEAST.findall(with_figures(other))}
    kinds = [k for k in theirs if k in mine]
    if not kinds or _changed(other):
        return False
    victims, their_victims = _victims(sentence), _victims(other)
    for kind in kinds:
        if not theirs[kind] <= bounds or mine[kind] & theirs[kind]:
            return False
        if min(_value(f) for f in mine[kind]) <= max(_value(f) for f in theirs[kind]):
            return False
        who = {v for f in mine[kind] if (v := victims.get(f))}
        their_who = {v for f in theirs[kind] if (v := their_victims.get(f))}
        if who and their_who and not who & their_who:
            return False  # 40 civilians killed and 120 RSF fighters the army killed: two counts
    part, their_part = figure_part(sentence), figure_part(other)
    if _marks(part) != _marks(their_part):
        return False
    days, their_days = _days(part), _days(their_part)
    places, their_places = _count_places(part), _count_places(their_part)
    if (days - their_days and their_days - days) or their_places - places:
        return False  # a bound of a place the other count does not name ("in Saltivka")
    names, their_names = _names(part), _names(their_part)
    if names and their_names:
        shared = names & their_names
        return bool(shared - places - their_places) or (bool(shared) and _same_killing(sentence, other))
    return _same_event(part, their_part, names | their_names)


def _same_killing(sentence: str, other: str) -> bool:
    """Whether two sentences that share only the count's place tell one killing: both name whom it
    counts (:func:`_victims`), one group, and armed men of one kind as the killers (:func:`_killers`):
    "RSF fighters killed 52 civilians in El Fasher" or "52 people were killed by gunmen in El Fasher"
    beside "At least 40 civilians were killed when RSF fighters shelled a market in El Fasher" (qa33 F6).
    The killers' name may be left out ("Fighters killed ...") or opens the sentence, where a name is not
    read (:func:`_names`)."""
    who, their_who = set(_victims(sentence).values()), set(_victims(other).values())
    if not who & their_who:
        return False
    return bool((_killers(sentence) - who) & (_killers(other) - their_who))


def _killers(sentence: str) -> frozenset[str]:
    """The classes of armed men (:data:`_VICTIM_CLASSES`: soldiers, fighters, police) a sentence names,
    but in a clause of saying after its figures ("..., police said"): who killed, or whom they killed."""
    classes = _victim_classes()
    kinds = {classes.get(stem(w.lower())) for w in words(figure_part(sentence))}
    return frozenset(k for k in kinds if k in ("soldiers", "fighters", "police"))


# the words between a figure and the noun it counts: names of whose they are ("120 RSF fighters", "15
# Al-Shabaab militants") and words of more of them ("12 more people")
_VICTIM_SKIP = frozenset({"more", "other", "further", "additional", "of", "the", "their", "its"})
_NOT_VICTIM = frozenset(
    {"were", "was", "are", "is", "have", "has", "had", "and", "in", "on", "at", "to", "by"}
)
# the words that stand for a noun told before the figure: "12 of them", "12 of those", "ten of whom"
_BACK = frozenset({"them", "those", "whom", "these"})
# groups of people that one count may be told of in other words: the dead of a place, a vehicle or a
# crowd are "people", "residents", "civilians" or "passengers" as each outlet words it; soldiers are
# "troops", armed men "fighters" or "militants", police "officers". Two groups of two classes ("40
# civilians" and "120 RSF fighters") are two counts, and so are a class and a group of none: "children",
# "women", "aid workers" are often a part told beside the whole ("12 people, ten of them children")
_VICTIM_CLASSES = {
    "people": (
        "people persons individuals residents civilians villagers passengers locals inhabitants citizens"
        " victims pilgrims worshippers tourists visitors migrants refugees pedestrians commuters shoppers"
        " spectators bystanders travellers travelers holidaymakers protesters demonstrators"
    ),
    "soldiers": "soldiers troops servicemen servicemembers paratroopers conscripts",
    "fighters": (
        "fighters militants rebels insurgents gunmen attackers assailants jihadists militiamen guerrillas"
    ),
    "police": "police policemen policewomen officers gendarmes constables",
}
# the armed men named as the killers of a figure that names no victims ("its troops killed 120", "120
# were killed by RSF fighters"): whom they killed, the sentence does not say, so it is no count of
# another group's dead ("At least 40 civilians were killed")
_BOUND_WORDS = (
    r"(?:(?:at\s+least|more\s+than|over|some|about|around|nearly|almost|up\s+to|an\s+estimated)\s+)?"
)
_ARMED_KILLED = re.compile(
    r"\b([^\W\d_]+)\s+(?:(?:had|have|has|also|reportedly|allegedly)\s+)*"
    rf"(?:killed|shot\s+dead|gunned\s+down)\s+{_BOUND_WORDS}$",
    re.IGNORECASE,
)
_KILLED_BY = re.compile(
    r"^\s+(?:\w+\s+){0,3}?(?:killed|shot\s+dead|gunned\s+down)\s+by\s+((?:\S+\s+){0,2}\S+)"
)
VICTIM_WORDS = 3  # the words after a figure read for the noun it counts ("ten unarmed police officers")


@lru_cache(maxsize=1)
def _victim_classes() -> dict[str, str]:
    """Each stemmed group word's class (:data:`_VICTIM_CLASSES`): "resid" -> "people"."""
    return {stem(w.lower()): kind for kind, named in _VICTIM_CLASSES.items() for w in named.split()}


@lru_cache(maxsize=1)
def _stops() -> frozenset[str]:
    return frozenset(w.lower() for w in stop_words())


@lru_cache(maxsize=65536)
def _victims(sentence: str) -> dict[str, str]:
    """Each figure of a sentence ("#40") and whom it counts: the class of a group of people
    (:data:`_VICTIM_CLASSES`: "At least 40 civilians were killed" -> "people", as "12 residents" and "12
    people" are; "troops killed 120 RSF fighters" -> "fighters", a name before the noun saying whose they
    are), or the stemmed noun of another group ("ten children" -> "children"). The noun is the last group
    word of the words after the figure ("ten police officers" -> "police", of "officers"); "12 of them"
    counts the nearest group told before it in the sentence ("40 passengers, 12 of them" -> "people"). A
    figure before a count word or a verb ("12 dead", "12 were killed") has none, unless armed men killed
    them (:data:`_ARMED_KILLED`: "its troops killed 120" -> "by soldiers"): who they were, the sentence
    does not say."""
    found: dict[str, str] = {}
    sentence = with_figures(sentence)
    told: list[tuple[int, str]] = []  # the groups the sentence names, where: what "of them" stands for
    classes = _victim_classes()
    for match in re.finditer(r"[^\W\d_]+", sentence):
        if (kind := classes.get(stem(match.group(0).lower()))) is not None:
            told.append((match.start(), kind))
    for match in FIGURE.finditer(sentence):
        figure = "#" + match.group(0).replace(",", "")
        clause = _CLAUSE_BREAK.split(sentence[match.end() :], maxsplit=1)[0]
        noun = _counted_noun(clause)
        if noun in _BACK:  # not the killers: "its troops killed 120 of them" are others
            killers = _ARMED_KILLED.search(sentence[: match.start()])
            killer = killers.start() if killers else -1
            before = [(at, kind) for at, kind in told if at < match.start() and at != killer]
            noun = max(before, default=(0, None))[1]
        if noun is None:
            noun = _killed_by_armed(sentence[: match.start()], clause)
        if noun is not None:
            found[figure] = noun
            told.append((match.start(), noun))
    return found


def _counted_noun(after: str) -> str | None:
    """The noun a figure counts, read in the words of its clause after it (:func:`_victims`): the class
    of the last group word of its first :data:`VICTIM_WORDS` words before a count word or a word of no
    content, else the stem of the first; "them" for "of them" (the caller finds whom); None for none."""
    stops, classes = _stops(), _victim_classes()
    run: list[str] = []
    for word in words(after):
        lower = word.lower()
        if not run and (word[:1].isupper() or lower in _VICTIM_SKIP):
            continue  # "120 RSF fighters", "12 more people", "12 of them"
        if lower in _BACK and not run:
            return lower
        term = stem(lower)
        if lower in stops or lower in _NOT_VICTIM or term in _count_words() or not word.isalpha():
            break
        run.append(term)
        if len(run) == VICTIM_WORDS:
            break
    kinds = [classes[t] for t in run if t in classes]
    return kinds[-1] if kinds else run[0] if run else None


def _killed_by_armed(before: str, after: str) -> str | None:
    """ "by soldiers" (the class, :data:`_VICTIM_CLASSES`) where armed men killed a figure's people,
    told before it ("its troops killed 120") or after it ("120 were killed by RSF fighters"); None
    where no one or no armed group is named their killer ("the cyclone killed 12")."""
    classes = _victim_classes()
    killers = _ARMED_KILLED.search(before)
    by = _KILLED_BY.match(after)
    named = [killers.group(1)] if killers else words(by.group(1)) if by else []
    kinds = [classes.get(stem(w.lower())) for w in named]
    armed = [k for k in kinds if k in ("soldiers", "fighters", "police")]
    return f"by {armed[-1]}" if armed else None


def _value(figure: str) -> float:
    """A figure's fact term as a number ("#9000" -> 9000.0)."""
    return float(figure[1:])


def _tells_revised_count(sentence: str, revised: str, reviser: str) -> bool:
    """Whether ``sentence`` tells, in a clause naming a count (:func:`_count_figures`), a figure of it that
    ``revised`` told and ``reviser`` replaced ("Isaura Nhantumbo, 47, ..., said 12 people had been killed
    and more than 9,000 ..." once "..., killing at least 12 people" gave way to "rose to 41"): its other
    figures (an age, another count) do not keep the outdated toll told."""
    theirs, new = _count_figures(revised), _count_figures(reviser)
    return any(
        kind in theirs and kind in new and figures <= theirs[kind] - new[kind]
        for kind, figures in _count_figures(sentence).items()
    )


def _changed(sentence: str) -> bool:
    """Whether a sentence says a figure changed or is the count's latest: a word of change ("rose",
    "toll", :data:`_CHANGES`), "now" ("three workers have now died", "the toll now stands at three"), or
    a running total (:data:`_TOTAL`: "bringing the number of dead to three")."""
    changed = bool(_change_terms() & fact_terms(sentence)) or _NOW.search(sentence) is not None
    return changed or _TOTAL.search(sentence) is not None  # "bringing the number of dead to three"


# what a count's change is told with, after the count: its cause ("... has risen to three after a
# firefighter died in hospital"); and the clause of saying before it ("Police later said the ...")
_CAUSE = re.compile(r"\s+(?:after|as|when|following|because|since)\s+", re.IGNORECASE)
_SAID_THAT = re.compile(r"^.*?\b(?:said|says|reported|confirmed|announced)\s+(?:that\s+)?", re.IGNORECASE)


def _bare_count(sentence: str) -> bool:
    """Whether a clause of a sentence tells nothing but a count's new figure: its words, but the cause
    after it ("... after a firefighter died in hospital") and who said it ("Police later said ..."), or
    a running total's words after its noun ("bringing the number | of people killed to three"), are
    count words, words of change, whom it counts ("people") and its figures ("the death toll had risen
    to three"). Such a sentence is the count of the story's own event, however few words it shares with
    the first report's ("A bus crash in Kent killed two people on Monday morning"): it names no other
    event to count. (The other clauses are what happened: "A neighbour died in hospital on Sunday,
    bringing the death toll to three", "The death of a woman in hospital took the toll to three".)"""
    for clause in _CLAUSE_BREAK.split(with_figures(sentence)):
        total = _TOTAL.search(clause)
        main = clause[total.end() :] if total else _SAID_THAT.sub("", _CAUSE.split(clause, maxsplit=1)[0])
        told = set(terms_of(main)) - _change_terms() - set(_count_words()) - _not_facts() - _tally_terms()
        told -= {stem(w) for w in _STANDS} | _counted_people()  # "now stands at seven", "3 people"
        if FIGURE.search(main) and not told:
            return True
    return False


@lru_cache(maxsize=1)
def _tally_terms() -> frozenset[str]:
    """The nouns a count is told by ("the number of dead", "the total", "the figure")."""
    return frozenset(stem(w) for w in ("number", "total", "tally", "count", "figure"))


def _revises_part(sentence: str, other: str, counts: set[str], their_counts: set[str], changed: bool) -> bool:
    """Whether ``sentence`` revises the counts it shares with ``other`` where one of them names more: it
    names fewer (the dead, of "killing two workers and injuring seven others") or more ("The death toll
    rose to nine, and two people are still missing" after "The number of people killed rose to five"),
    says the figure ``changed`` ("the death toll has risen to three"), and each shared count has a figure
    of its own there and another in ``other`` (:func:`_count_figures`), of the same victims where both say
    whom (:func:`_same_victims`). The newest toll outdates a first report that told the injured too, and a
    report that adds the missing or the injured to the toll still tells the toll's new figure: the other
    count is no reason to keep telling the stale one."""
    common = counts & their_counts
    if not common or not (counts < their_counts or their_counts < counts) or not changed:
        return False
    mine, theirs = _count_figures(sentence), _count_figures(other)
    past = formers(sentence)
    if not all(mine.get(k, frozenset()) - past and theirs.get(k) and not mine[k] & theirs[k] for k in common):
        return False
    return _same_victims(sentence, other, common)


# what is found of the dead, whoever they were: "two more bodies were found" counts no group of its own
_REMAINS = frozenset({"bodi", "body", "corps", "remain"})


def _same_victims(sentence: str, other: str, kinds: Iterable[str]) -> bool:
    """Whether the figures two sentences tell of ``kinds`` count the same victims where both say whom
    (:func:`_told_victims`; bodies found say no group, :data:`_REMAINS`): "40 civilians" and "120 RSF
    fighters" are two counts, "12 residents" and "15 people" one."""
    mine, theirs = _count_figures(sentence), _count_figures(other)
    victims, their_victims = _told_victims(sentence), _told_victims(other)
    for kind in kinds:
        who = {v for f in mine.get(kind, ()) if (v := victims.get(f)) and v not in _REMAINS}
        their_who = {v for f in theirs.get(kind, ()) if (v := their_victims.get(f)) and v not in _REMAINS}
        if who and their_who and not who & their_who:
            return False
    return True


@lru_cache(maxsize=65536)
def _told_victims(sentence: str) -> dict[str, str]:
    """:func:`_victims`, and for a figure that names none there, the group its clause names before it
    ("The number of civilians killed rose to 20" -> "people"; not who said it, "Police said the number
    of dead rose to three"): a running count names whom it counts first, then its figure."""
    found = dict(_victims(sentence))
    text, classes = with_figures(sentence), _victim_classes()
    for clause in _CLAUSE_BREAK.split(text):
        for match in FIGURE.finditer(clause):
            figure = "#" + match.group(0).replace(",", "")
            if figure in found:
                continue
            told = _SAID_THAT.sub("", clause[: match.start()])  # not who said it ("Police said ...")
            before = [k for w in words(told) if (k := classes.get(stem(w.lower())))]
            if before:
                found[figure] = before[-1]
    return found


def _next_count(sentence: str, other: str, counts: set[str], their_counts: set[str]) -> bool:
    """Whether ``sentence``, saying no word of change, tells the next figure of a count ``other`` tells as
    changing ("The number of people killed ... rose to five on Sunday", then "Nine people were killed by
    Storm Bert in south Wales, police said on Monday"): ``other`` says its count changed (:func:`_changed`),
    ``sentence`` names each of its counts (and may add another: "... and two are missing") with figures
    all higher than ``other``'s (a toll grows; one that falls is told falling), of the same victims
    (:func:`_same_victims`), and its figures' clauses name no day ``other``'s do not (45 arrested on
    Sunday is Sunday's count, not the next of a total told for Saturday). A running count is a total so
    far, not a day's fact: a later report of it, however worded, is its newest figure."""
    if not their_counts or not their_counts <= counts or not _changed(other) or _changed(sentence):
        return False
    mine, theirs = _count_figures(sentence), _count_figures(other)
    past = formers(sentence)
    for kind in their_counts:
        new, old = mine.get(kind, frozenset()) - past, theirs.get(kind, frozenset()) - formers(other)
        if not new or not old or min(_value(f) for f in new) <= max(_value(f) for f in old):
            return False
    if not _days(figure_part(sentence)) <= _days(figure_part(other)):
        return False
    return _same_victims(sentence, other, their_counts)


_AND = re.compile(r"\s+and\s+")


@lru_cache(maxsize=65536)
def _count_figures(sentence: str) -> dict[str, frozenset[str]]:
    """The figures of each count a sentence names ("~dead" -> {"#2"}), where a clause or a part of one
    joined by "and" holds both: "killing 2 workers and injuring 7 others" -> dead 2, hurt 7."""
    found: dict[str, set[str]] = defaultdict(set)
    for clause in _CLAUSE_BREAK.split(with_figures(sentence)):
        for piece in _AND.split(clause):
            figures = {"#" + f.replace(",", "") for f in FIGURE.findall(piece)}
            for kind in count_kinds(piece) - _cause_kinds(piece) if figures else ():
                found[kind] |= figures
    return {k: frozenset(v) for k, v in found.items()}


@lru_cache(maxsize=65536)
def _untold_kinds(sentence: str) -> frozenset[str]:
    """The counts a sentence names but tells no figure of: those only in the cause of a change
    (:func:`_cause_kinds`), and, when its clauses holding figures name a count, those named only in its
    clauses without one ("A woman injured in the crash died in hospital on Tuesday, bringing the death
    toll to three": the injured are who she was, the dead the count told)."""
    clauses = _CLAUSE_BREAK.split(with_figures(sentence))
    figured = frozenset().union(*(count_kinds(c) for c in clauses if FIGURE.search(c)))
    bare = frozenset().union(*(count_kinds(c) for c in clauses if not FIGURE.search(c)))
    return _cause_kinds(figure_part(sentence)) | (bare - figured if figured else frozenset())


@lru_cache(maxsize=65536)
def _cause_kinds(part: str) -> frozenset[str]:
    """The counts a part's clauses name only in the cause told after their figures, without a figure of
    its own (:data:`_CAUSE`: "the death toll now stands at seven after two of the seriously injured died
    overnight"): what changed the count, not another count told. Not a count word in a cause holding a
    figure ("... rose to 41 after 12 more died"), nor one the clause names before it too."""
    found: set[str] = set()
    for clause in _CLAUSE_BREAK.split(with_figures(part)):
        head, *tail = _CAUSE.split(clause, maxsplit=1)
        if tail and FIGURE.search(head) and not FIGURE.search(tail[0]):
            found |= count_kinds(tail[0]) - count_kinds(head)
    return frozenset(found)


def _running_total(sentence: str, other: str, gained: Iterable[str]) -> bool:
    """Whether ``sentence`` says a figure it adds is the running total of what ``other`` counts: a clause
    holding it says so (:data:`_TOTAL`: "bringing the total death toll across Portugal and Galicia to
    31", "taking the total to 27"), and every name of that clause is a word of ``other`` (the same
    places, or fewer; the dead of Somalia are no running total of Kenya's). The clause is the count; the
    rest of the sentence tells what changed it ("four more bodies have been recovered in Ourense"), in
    words of its own the first report cannot share."""
    names = _names(sentence) | _full_names(sentence)
    theirs = set(terms_of(other))
    for clause in _CLAUSE_BREAK.split(with_figures(sentence)):
        held = {"#" + f.replace(",", "") for f in FIGURE.findall(clause)}
        if not held & set(gained) or not _TOTAL.search(clause):
            continue
        named = names & set(terms_of(clause))
        if named and named <= theirs:
            return True
    return False


def _running_count(part: str, their_part: str) -> bool:
    """Whether two figure parts that name the same counts both tell a count as it changes ("toll",
    "rose", "reached") of one event, however much else a clause tells around it ("Hundreds of mourners
    gathered ... for a mass funeral after the death toll from Wednesday's landslide reached 63" and "The
    number of people killed by the landslide in western Nepal's Jajarkot district rose to 58"): the event
    is a word both write in lower case ("landslide"; not a name, a day, a word of the count or of
    whom it counts: "people" is in most counts)."""
    changes = _change_terms()
    if not (changes & set(terms_of(part)) and changes & set(terms_of(their_part))):
        return False
    return bool(_event_terms(part) & _event_terms(their_part))


# the words that open a clause telling what else happened or why ("... rose to 44 on Saturday after
# rescuers reached villages in Mocimboa", "killed when Cyclone Mahina struck ..."): a place after one is
# where that happened, not where the count is
_SUBORDINATE = re.compile(
    r"\b(?:after|as|when|while|because|since|following|saying|amid|before|until|where|with)\b", re.IGNORECASE
)


def _named_recount(part: str, their_part: str) -> bool:
    """Whether a figure part telling a count as changed (``part``: "The death toll from Cyclone Mahina
    rose to 27 on Tuesday as rescue teams reached villages north of Pemba") retells the count of an earlier
    one of the same counts (``their_part``: "At least 10 people were killed when Cyclone Mahina struck
    Mozambique's northern coast on Monday") by the name of its event: ``part`` has a word of change, both
    name a name that is no place of their counts ("Cyclone Mahina"), and the places of the counts
    (:func:`_count_places`) are not apart. Two outlets' first and next reports share few other words,
    each telling its own details; the event's name ties them (the toll in Malawi and the toll in
    Mozambique of one cyclone stay two counts)."""
    if not _change_terms() & set(terms_of(part)):
        return False
    places, their_places = _count_places(part), _count_places(their_part)
    if places - their_places and their_places - places:
        return False
    return bool((_names(part) & _names(their_part)) - places - their_places)


@lru_cache(maxsize=65536)
def _count_places(part: str) -> frozenset[str]:
    """The places (:data:`_PLACED`) of a figure part's clauses before a word that opens what else happened
    (:data:`_SUBORDINATE`): "toll in Malawi rose to 5" is Malawi's count; "rose to 44 after rescuers reached
    villages in Mocimboa" tells where the new dead were found."""
    found: set[str] = set()
    for clause in _CLAUSE_BREAK.split(part):
        head = _SUBORDINATE.split(clause, maxsplit=1)[0]
        for match in _PLACED.finditer(head):
            found.update(terms_of(match.group(1)))
    return frozenset(found)


@lru_cache(maxsize=65536)
def _event_terms(part: str) -> frozenset[str]:
    plain = terms_of(" ".join(w for w in part.split() if not w[:1].isupper()))
    return frozenset(plain) - _change_terms() - set(_count_words()) - _not_facts() - _counted_people()


@lru_cache(maxsize=1)
def _counted_people() -> frozenset[str]:
    return frozenset(stem(w) for w in _PEOPLE | _PERSONS)


@lru_cache(maxsize=1)
def _change_terms() -> frozenset[str]:
    return _change_words() | {stem("toll")}


@lru_cache(maxsize=65536)
def _marks(sentence: str) -> frozenset[str]:
    """The words of a sentence that mark another event of a kind ("a second car bomb", "another"); not
    the ordinal of a death ("a third resident died": :func:`with_figures` tells it as the toll)."""
    return frozenset(w for w in words(with_figures(sentence).lower()) if w in _ANOTHER)


@lru_cache(maxsize=65536)
def _days(sentence: str) -> frozenset[str]:
    """The days a sentence names: weekdays, "yesterday", and dates ("november 23", "23 november")."""
    tokens = words(sentence.lower())
    found = set()
    for n, w in enumerate(tokens):
        if w in _DAY_WORDS:
            found.add(w)
        elif w in MONTHS:
            near = [
                x
                for x in (tokens[n - 1 : n] if n else []) + tokens[n + 1 : n + 2]
                if x.isdigit() and len(x) <= 2
            ]
            found.add(" ".join([w, *near]))
    return frozenset(found)


@lru_cache(maxsize=65536)
def _fact_words(terms: frozenset[str]) -> frozenset[str]:
    """Fact terms as :func:`revises` compares them: no figures, no words of a change, count words as
    their count ("kill", "toll" -> "~dead")."""
    kinds, changes = _count_words(), _change_words()
    return frozenset(kinds.get(t, t) for t in terms if t[0] != "#" and t not in changes)


def first_told(leads: Sequence[Sequence[str]], dates: Sequence[Told | None]) -> dict[str, Told]:
    """When each sentence (spaces evened out) was first told: the earliest date of the leads holding it."""
    first: dict[str, Told] = {}
    for lead, when in zip(leads, dates, strict=True):
        if when is None:
            continue
        for x in lead:
            key = " ".join(x.split())
            if key and (key not in first or when < first[key]):
                first[key] = when
    return first


def figures_of(sentence: str) -> frozenset[str]:
    """A sentence's figures as fact terms ("#41", "#7.4")."""
    return frozenset(t for t in fact_terms(sentence) if t[0] == "#")


def count_kinds(sentence: str) -> frozenset[str]:
    """The counts a sentence names by their words: "~dead" for "killed" or "toll", "~hurt" for "injured",
    "~vote" for a vote's tally."""
    kinds = frozenset(t for t in _fact_words(fact_terms(sentence)) if t[0] == "~")
    return kinds | {"~vote"} if _tallied(sentence) else kinds


def counted_figures(sentence: str) -> frozenset[str]:
    """The figures of a sentence that its count words may count: those followed by no content word or by
    a count word ("kills 12 in Chile", "toll rises to 41", "12 dead"; not "magnitude 6.8 quake")."""
    kinds = _count_words()
    found = _units(sentence).items()
    return frozenset(f for f, units in found if any(u is None or u in kinds for u in units))


def outdated_count(title: str, carriers: Mapping[str, Sequence[str]], revised: Mapping[str, str]) -> bool:
    """Whether a title tells a count the story has revised: a figure of a count it names ("kills 12",
    "toll climbs to 27") that the story's sentences naming that count tell only where a later sentence
    replaced it with another figure (``revised``: sentence -> its latest revision, :func:`revisions`).
    ``carriers`` maps each figure ("#12") to the story's sentences holding it. The sentences decide, not
    the titles' words: "toll climbs to 27" and "toll rises to 41, state of emergency declared" are too
    short to be matched as one fact, their articles' sentences are not."""
    kinds = count_kinds(title)
    if not kinds:
        return False
    for figure in counted_figures(title):
        told = [s for s in carriers.get(figure, ()) if kinds & count_kinds(s)]
        if told and all(s in revised and figure not in figures_of(revised[s]) for s in told):
            return True
    return False


def revisions(
    sentences: Sequence[str],
    told: Mapping[str, Told],
    *,
    weights: Mapping[str, float] | None = None,
    titles: bool = False,
) -> dict[int, int]:
    """Which of ``sentences`` a later one :func:`revises`, by index: each mapped to the latest sentence
    that revises it (or one that revises that one, and so on). A fact with its figures counts from when
    it was first ``told`` in any wording: a sentence with the same figures that is a near-duplicate
    (:func:`is_near_duplicate`), or one with more figures that holds all it says (:func:`restates`: a
    late copy that drops the first report's magnitude), so an outlet repeating the first toll after the
    new one came out is no newer than the first toll; sentences not in ``told`` (undated) are left
    alone. ``titles``: the sentences are headlines (see :func:`revises`)."""
    figures = {i: f for i, x in enumerate(sentences) if x in told and (f := figures_of(x))}
    dated = list(figures)
    since = {i: told[sentences[i]] for i in dated}
    holding: dict[str, set[int]] = defaultdict(set)  # figure -> the sentences that hold it
    for i in dated:
        for figure in figures[i]:
            holding[figure].add(i)
    for i in dated:
        mine = figures[i]
        earlier = set.intersection(*(holding[f] for f in mine)) - {i}  # each holds all of i's figures
        for j in sorted(earlier, key=lambda j: told[sentences[j]]):
            first = told[sentences[j]]
            if not first < since[i]:
                break  # is_near_duplicate is symmetric: a pair of the same figures is compared once
            if mine == figures[j]:
                alike = is_near_duplicate(sentences[i], sentences[j], weights=weights)
            else:
                alike = restates(sentences[i], sentences[j], weights=weights)
            if alike:
                since[i] = first
                break
    newer: dict[int, int] = {}
    latest_first = sorted(dated, key=lambda i: since[i], reverse=True)  # the latest revision wins
    for j in dated:
        for i in latest_first:
            if since[i] <= since[j]:
                break
            if revises(sentences[i], sentences[j], titles=titles):
                newer[j] = i
                break
    # a figure of a count, once revised, is revised wherever it is told: an older sentence telling only
    # figures of one a later sentence revised, of a count that one names ("The death toll has risen to
    # 27" once "..., taking the total across Portugal and Galicia to 27" gave way to 31), gives way too
    for j in dated:
        kinds = count_kinds(sentences[j])
        if j in newer or not kinds:
            continue
        for k, i in list(newer.items()):
            told_in_k = figures[j] <= figures[k] - figures[i] and kinds <= count_kinds(sentences[k])
            told_in_k = told_in_k or _tells_revised_count(sentences[j], sentences[k], sentences[i])
            if told_in_k and since[j] < since[i]:
                newer[j] = i
                break
    # a lower bound ("at least ten") gives way to a higher figure of the count told of the same day, older
    # or newer (:func:`exceeds_bound`): of two first reports, the one that knows more
    for j in dated:
        if j in newer or not _AT_LEAST.search(with_figures(sentences[j])):
            continue
        for i in latest_first:
            if i != j and not _leads_to(newer, i, j) and exceeds_bound(sentences[i], sentences[j]):
                newer[j] = i
                break
    latest = {}
    for j, i in newer.items():
        while i in newer:  # dates only grow along the chain but at a bound's step: each such step leads
            i = newer[i]  # to a sentence that does not lead back (:func:`_leads_to`), so it ends
        latest[j] = i
    return latest


def _leads_to(newer: Mapping[int, int], i: int, j: int) -> bool:
    """Whether following ``newer`` from ``i`` reaches ``j``."""
    seen = set()
    while i in newer and i not in seen:
        seen.add(i)
        i = newer[i]
        if i == j:
            return True
    return False
