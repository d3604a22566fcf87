"""Sentences and words without downloaded data: NLTK's Punkt with our own abbreviation list.

``split_sentences(text)`` gives sentences with character offsets (``text[s.start:s.end] == s.text``).
Lines are split first, so a headline or a section label on its own line is never glued to the next
sentence; only a hard-wrapped line (no final punctuation, the next line going on in lower case) is read
together with the next. Chinese and Japanese, written without spaces, end their sentences at "。！？"
(Punkt only knows a stop followed by a space) and are counted and tokenized by their characters
(:func:`word_count`, :func:`split_words`). :class:`Tokenizer` is the duck-typed tokenizer sumy expects
(``to_sentences``, ``to_words``), so sumy's parsers and summarizers run offline.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from nltk.tokenize import NLTKWordTokenizer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from briefing.aliases import fold
from briefing.models import Sentence
from briefing.months import ENGLISH_MONTHS, GERMAN_MONTHS

# Lower-case, without the final period (Punkt's convention). Multi-dot ones ("u.s") keep inner dots.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms mx dr prof sr jr st mt ft rev fr msgr hon gen lt col maj capt cpt cmdr adm sgt cpl pvt brig gov
    pres sen rep reps sens amb supt insp det atty dept univ assn bros inc corp co ltd plc llc smt
    no nos vol vols fig figs approx est ca cf vs etc al bzw nr z.b u.a d.h
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    u.s u.k u.n u.s.a e.u a.m p.m e.g i.e d.c n.y l.a s.a n.v b.v s.p.a
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb
    nev okla ore pa tenn tex va vt wash wis wyo n.j n.h n.m n.c n.d s.c s.d r.i w.va
    """.split()
)

# Words that, capitalised after an abbreviation ("... 5 p.m. The", "... in the U.S. It"), start a new
# sentence. Untrained Punkt has no such evidence, so it would glue the two sentences. Only function
# words: after "Gen." or "U.S." a capitalised name ("U.S. Army") must stay in the sentence.
SENTENCE_STARTERS = frozenset(
    """
    a an the this that these those it its he she we they i you his her their our my your there here
    but and or so yet if when while after before as since although though because however meanwhile
    also then still in on at for from by with without during despite according earlier later
    some many most several few all both each every no one two three officials
    """.split()
)

_WORD = re.compile(r"^[^\W_](?:[^\W_]|['\-.]|,(?=\d))*$", re.UNICODE)
_INNER_APOSTROPHE = re.compile(r"(?<=\w)’(?=\w)")
_CURRENCY = "€$£¥₴₽"
_LINE = re.compile(r"[^\n]+")
# A sentence's final marks, then the quotes and brackets that may close over them ("... now.”)"): in
# English, German („… .“, »… .«, ‚… .‘) and French, which puts a space before its « … . » ; a line
# ending with ":" or ";" is finished too: it introduces the next (a list, a quotation), it is not cut
STOPS = ".!?…。！？"
_CLOSING = "'\"’”»“«‘›‹)\\]」』）"
_FINISHED = re.compile(f"[{STOPS}:;](?:[ \u00a0\u202f]?[{_CLOSING}])*$")
_STOPPED = re.compile(f"[{STOPS}](?:[ \u00a0\u202f]?[{_CLOSING}])*$")
# Japanese may close a paragraph's last quotation without "。" after it (「…」と述べた。「計画通り進める」):
# a sentence when a sentence ended before it in the line (a headline, 首相「増税しない」, has none)
_CJK_QUOTE_END = re.compile("[。！？][^「『]*[「『][^」』]+[」』]$")
# Names spelt with a "!" (a company, a show): their mark is no sentence's end, even before a capital
_BANG_NAME = re.compile(r"(?<![\w-])(?:Yahoo|Jeopardy)!$")
# A sentence that is only a preposition and a capitalised title ending in "!" ("On Jimmy Kimmel Live!",
# "At Yahoo!"): the title's mark, not a sentence's end; what follows is the sentence it opens
_TITLE_BANG = re.compile(
    r"^(?:On|In|At|From|With|For|To|Via|After|During|Like|Unlike)"
    r"(?:\s+(?:[A-Z0-9][\w'’&.:-]*|of|the|and|a|an|to|in|on|for|with)){1,8}!$"
)
_NOBODY = frozenset("nobody everyone everybody someone somebody nothing none people".split())
# A speech attribution after a quotation that closed on "?" or "!": "'Did I?' Daniels said, refusing",
# "“Why?” Kimmel asked." — one to three capitalised words, a verb of saying, then a stop, a comma, a
# time or the like; "“Why?” Johnson said the plan ..." may be a new sentence and is left so
_ATTRIBUTION = re.compile(
    r"^(?:[A-Z][\w'’.-]*\s+){1,3}(?:said|says|asked|asks|replied|replies|added|adds|told|tells|"
    r"wrote|writes|shouted|yelled|cried|answered|responded|insisted|continued|explained|joked|"
    r"quipped|wondered|recalled|whispered|laughed|tweeted|countered|conceded|admitted|noted|"
    r"pleaded|demanded|exclaimed)(?=[\s,.;:!?…—–]|$)(?!\s+(?![,.;:!?…—–])(?!(?:on|in|at|to|as|"
    r"after|before|while|when|during|with|from|by|of|last|this|yesterday|today|tonight|earlier|"
    r"later|then|again|afterwards|quietly|simply|softly)\b))"
)

# Chinese and Japanese script (kana, Han), written without spaces between words
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # for a regular expression's [...]
_CJK_CHAR = re.compile(f"[{CJK}]")
_CJK_RUN = re.compile(f"[{CJK}]+")


def has_cjk(text: str) -> bool:
    """Whether ``text`` has a Chinese or Japanese character."""
    return _CJK_CHAR.search(text) is not None


_CJK_MARKS = re.compile(r"[、。，．！？：；「」『』（）【】〔〕《》〈〉・…　]")
# A Chinese or Japanese sentence's end: "。！？" (or a full-width "．" or a half-width "!?" right after a
# character, not in "０．５"), with the closing quotes and brackets after it, unless a Japanese quotation
# goes on ("「…。」と述べた")
_CJK_END = re.compile(rf"(?:[。！？]+|(?<=[{CJK}])[．!?]+)[」』”’）)\]\"'»]*(?![とっ、，])")
# ... nor where a Chinese quotation's speaker follows it: "“……。”他说。", "“……！”李明表示。"
_CJK_SAID = re.compile(r"[^。！？“”「」\s]{1,8}?(?:说|说道|道|称|表示|指出|强调)[。．]")
_CLOSERS = "」』”’\"'»"


# A wire dateline before the first sentence: "NEWARK, N.J. (AP) — ", "KYIV, Ukraine — ", "(Reuters) - ",
# a press release's "COPENHAGEN, Denmark, Nov. 24, 2026 /PRNewswire/ -- ", "Berlin, 24. November 2026 – ";
# Spanish and Portuguese wires close it with ".-": "Nova York, 24 set (EFE).- ".
_CAP = "A-ZÀ-ÖØ-Þ"  # capitals, accented ones too: "ZÜRICH", "BRASÍLIA"
# "(Reuters)", "(GLOBE NEWSWIRE)", and the few agencies that write their name in lower case: "(dpa)"
_AGENCY = r"\((?:[A-Z][A-Za-z]{1,15}(?:\s[A-Z][A-Za-z]{1,15})?|dpa|epd|kna)\)"
# news agencies by name: after a place in lower case only these make a dateline ("Berlin (dpa) -"), not any
# word in brackets ("Jane Smith (Labour) - ")
_WIRE = (
    r"\((?:Reuters|AP|AFP|dpa|Bloomberg|ANSA|Kyodo|Xinhua|PA|UPI|EFE|Lusa|PTI|ANI|IANS|TASS|Yonhap|"
    r"Anadolu|KNA|epd|APA|Belga|ANP|PAP|CTK|MTI|AAP|CNA|Bernama|Antara)\)"
)
_DATELINE = re.compile(
    # the place, in capitals; two bureaus' places joined by a slash: "NEW YORK/LONDON"
    rf"^(?:(?P<place>[{_CAP}][{_CAP}'’.-]{{2,}}(?:(?:\s+|\s*/\s*)[{_CAP}][{_CAP}'’.-]+)*)"
    r"(?P<more>"
    rf"(?:,\s+[{_CAP}][\w'’.-]*(?:\s+[{_CAP}][\w'’.-]*)*)??"  # its state or country
    r"(?:,?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Za-z]{3,9}\.?))?"  # the day: "Nov 21", "24 SET"
    r"(?:,\s+\d{4})?"  # the year
    rf"(?:\s*{_AGENCY}|\s+/[A-Z][A-Za-z-]{{1,20}}/)?)"  # the agency, or the release's wire: "/PRNewswire/"
    rf"|{_AGENCY}"  # or the agency alone
    # or a place as written with its agency: "Berlin (dpa)", "Virginia Beach, Va., Nov 20 (Reuters)"
    rf"|[{_CAP}][a-zà-ÿ'’.-]+(?:\s[{_CAP}][a-zà-ÿ'’.-]+)?(?:,\s+[A-Z][a-z]{{1,4}}\.)?"
    rf"(?:,?\s+(?:[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}|\d{{1,2}}\s+[a-z]{{3,9}}\.?))?\s*{_WIRE}"
    # or a place as written, with the full date: "Berlin, 24. November 2026", "Paris, Nov. 24, 2026"
    rf"|[{_CAP}][\w'’.-]+(?:[ -][{_CAP}][\w'’.-]+)?,\s+"
    r"(?:\d{1,2}\.?\s+(?:de\s+)?[^\W\d_]{3,10}\.?(?:\s+de)?|[A-Z][a-z]{2,8}\.?\s+\d{1,2},)\s+\d{4})"
    rf"(?:\s*(?:[—–]|\s-{{1,2}})|(?<=\))\.[-—–])\s+(?=[\"“‘'{_CAP}0-9])"
)


def without_dateline(sentence: str) -> str:
    """A paragraph's first sentence without a wire dateline ("NEWARK, N.J. (AP) — Jurors said" ->
    "Jurors said"): the place and agency are no part of what a summary or a quote says."""
    m = _DATELINE.match(sentence)
    if m is None:
        return sentence
    if m.group("place") and not m.group("more") and not _known_place(m.group("place")):
        return sentence  # "NATO – Russia council meets", "NASA — SpaceX launch delayed": no dateline
    return sentence[m.end() :]


def _known_place(capitals: str) -> bool:
    """Is a dateline's place alone a city the lists know ("WASHINGTON —")?"""
    from briefing.gazetteer import load_gazetteer  # the lists load once, when a dateline needs them

    return fold(capitals) in load_gazetteer().places  # a city or a region: "U.S. - China talks" is none


def split_dateline(body: str) -> tuple[str, str]:
    """``(dateline, body)``: the wire dateline before an article's first sentence ("BRASÍLIA (Reuters) -"),
    empty when it has none, and the text without it. Ingest stores the text so (the place and agency are
    neither summary text nor actors of the story) and dates the article by the dateline's day."""
    lead = body.lstrip()
    first, sep, rest = lead.partition("\n")
    cut = without_dateline(first)
    if cut == first:
        return "", body
    return first[: len(first) - len(cut)], cut + sep + rest


@lru_cache(maxsize=1)
def _punkt() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    params.sent_starters = set(SENTENCE_STARTERS)
    return PunktSentenceTokenizer(params)


_words = NLTKWordTokenizer()


def _continues(line: str, following: str) -> bool:
    """A hard-wrapped line: it has no final punctuation and the next line goes on in lower case."""
    head = following.lstrip()
    return bool(head) and head[0].islower() and not ends_sentence(line.rstrip())


def ends_sentence(line: str) -> bool:
    """Whether a line is finished: it ends with a sentence's final mark, ":" or ";", and any closing
    quotes or brackets after it."""
    return _FINISHED.search(line) is not None or _CJK_QUOTE_END.search(line) is not None


def join_sentences(sentences: Iterable[str]) -> str:
    """Sentences told as one paragraph: a sentence without a final mark (a standfirst, "... the
    Republican hegemony") ended with a full stop before the next, so the two do not read as one."""
    parts = [" ".join(s.split()) for s in sentences]
    parts = [p for p in parts if p]
    ended = (p if ends_sentence(p) or has_cjk(p[-1]) else p + "." for p in parts[:-1])
    return " ".join([*ended, *parts[-1:]])


def ends_with_stop(line: str) -> bool:
    """Whether a line ends with a sentence's final mark (not ":" or ";"), and any closing quotes or
    brackets after it: a sentence, not a label or an introduction."""
    return _STOPPED.search(line) is not None or _CJK_QUOTE_END.search(line) is not None


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """Spans of ``text`` to split into sentences: its lines, wrapped lines joined."""
    start = end = -1
    previous = ""
    for match in _LINE.finditer(text):
        line = match.group()
        if not line.strip():
            continue
        adjacent = start >= 0 and text[end : match.start()].strip(" \t\r") == "\n"
        if adjacent and _continues(previous, line):
            end = match.end()
        else:
            if start >= 0:
                yield start, end
            start, end = match.start(), match.end()
        previous = line
    if start >= 0:
        yield start, end


# ‘ or a straight ' before a capital ("'We listened..."), and ’ or ' after a quotation's punctuation
_OPEN_SINGLE = re.compile(r"(?:^|(?<=[\s(\[—–-]))(?:‘|'(?=[A-Z]))")
_CLOSE_SINGLE = re.compile(r"(?<=[.,!?…])['’]")
# a straight " opens after a space (or at the start) before a word, and closes after one before a space
_OPEN_STRAIGHT = re.compile(r'(?:^|(?<=[\s(\[—–]))"(?=[^\s"])')
_CLOSE_STRAIGHT = re.compile(r'(?<=[^\s("])"(?=[\s,.;:!?)\]—–]|$)')
MAX_QUOTED = 600  # characters: a quotation of several sentences is kept whole up to this length


def _quote_marks(text: str) -> tuple[str, str]:
    """The marks that open and close a text's double quotations: “ ” in English, „ “ in German, « » in
    French and » « in German (whichever comes first is the opening one), 「 」 and 『 』 in Japanese."""
    opening, closing = "「『", "」』"
    opening, closing = (opening + "„", closing + "“”") if "„" in text else (opening + "“", closing + "”")
    guillemet = re.search("[«»]", text)
    if guillemet:
        first = guillemet.group()
        opening, closing = opening + first, closing + ("»" if first == "«" else "«")
    return opening, closing


def _quote_balance(sentence: str, marks: tuple[str, str]) -> tuple[int, int]:
    """How many quotations a sentence opens (positive) or closes (negative) and leaves so, ``(double,
    single)``: double ones by their ``marks`` and, straight, by where they stand (after a space or before
    one); single ones (‘...’, '...') told from an apostrophe ("Russia’s", "ministers'") by the
    punctuation a quotation ends with."""
    opening, closing = marks
    double = sum(sentence.count(m) for m in opening) - sum(sentence.count(m) for m in closing)
    if '"' in sentence:  # the patterns cost a scan of the sentence each: most have no quote at all
        double += len(_OPEN_STRAIGHT.findall(sentence)) - len(_CLOSE_STRAIGHT.findall(sentence))
    if not any(m in sentence for m in "'‘’"):
        return double, 0
    return double, len(_OPEN_SINGLE.findall(sentence)) - len(_CLOSE_SINGLE.findall(sentence))


def _double(balance: tuple[int, int]) -> int:
    return balance[0]


def _either(balance: tuple[int, int]) -> int:
    """A sentence's double quotations, failing those its single ones: a quotation in single quotes."""
    return balance[0] or balance[1]


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text``, each with its ``start``/``end`` offsets into ``text``. A quotation of
    several sentences ("We are working day and night. We will not stop," said Gov. Alia.) stays one
    sentence, up to ``MAX_QUOTED`` characters: cut, each part would quote half a speaker."""
    marks = _quote_marks(text)
    german = _GERMAN.search(text) is not None
    out: list[Sentence] = []
    for block_start, block_end in _blocks(text):
        found = []
        for start, end in _spans(text[block_start:block_end]):
            piece = text[block_start + start : block_start + end]
            stripped = piece.strip()
            if stripped:
                s = block_start + start + len(piece) - len(piece.lstrip())
                found.append(Sentence(stripped, s, s + len(stripped)))
        moved = _openers_moved(text, found, marks[0])
        out += _quotations_whole(text, _rejoined(text, moved, german=german), marks)
    if any(len(s.text) > MAX_SENTENCE_CHARS for s in out):
        out = [part for sentence in out for part in _bounded(sentence)]
    return out


# A news sentence is a few hundred characters (none over 400 in the seeds and 500 BBC articles); a
# "sentence" of thousands is a text without full stops (a word list, a minified page, a log), and the
# readings over one sentence (the actor tagger, the chunker) grow with its square: it is cut into parts
MAX_SENTENCE_CHARS = 1000


def _bounded(sentence: Sentence) -> Iterator[Sentence]:
    """The sentence, or its parts of at most ``MAX_SENTENCE_CHARS``, cut at a space where there is one."""
    text, start = sentence.text, sentence.start
    while len(text) > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", MAX_SENTENCE_CHARS // 2, MAX_SENTENCE_CHARS + 1)
        cut = cut if cut > 0 else MAX_SENTENCE_CHARS
        part = text[:cut].rstrip()
        yield Sentence(part, start, start + len(part))
        rest = text[cut:]
        skipped = len(rest) - len(rest.lstrip())
        text, start = rest.lstrip(), start + cut + skipped
    if text:
        yield Sentence(text, start, start + len(text))


# A Chinese name in Cyrillic whose given name is one syllable written with one vowel letter ("Ван И",
# Wang Yi; "Ли У"), the sentence's end after it: Punkt takes "И." for an initial and goes on ("... с
# главой МИД Китая Ван И. Стороны обсудили ..."). A Chinese surname is short, and a Russian or Ukrainian
# writer puts initials before a surname ("А. С. Пушкин") or after it in pairs, never one alone after a
# short capitalised word; an American middle initial ("Джон Ф. Кеннеди", "Джордж У. Буш") follows a
# longer given name or is a consonant.
_CYRILLIC_SYLLABLE_END = re.compile(
    r"(?<![\w.-])[А-ЯЁІЇЄҐ][а-яёіїєґ]{1,3}\s[ИУЕЭАО]\.(?=\s+[А-ЯЁІЇЄҐ][а-яёіїєґ])"
)


def _spans(chunk: str) -> Iterator[tuple[int, int]]:
    """Punkt's sentence spans of one block, each cut again after a Chinese or Japanese sentence's end,
    and after a Chinese name's one-letter given name in Cyrillic (:data:`_CYRILLIC_SYLLABLE_END`)."""
    cjk = has_cjk(chunk)
    for start, end in _punkt().span_tokenize(chunk):
        cut = start
        for m in _CJK_END.finditer(chunk, start, end) if cjk else ():
            said = chunk[m.end() - 1] in _CLOSERS and _CJK_SAID.match(chunk, m.end(), end)
            if chunk[m.end() : end].strip() and not said:
                yield from _syllable_cut(chunk, cut, m.end())
                cut = m.end()
        yield from _syllable_cut(chunk, cut, end)


def _syllable_cut(chunk: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    cut = start
    for m in _CYRILLIC_SYLLABLE_END.finditer(chunk, start, end):
        yield cut, m.end()
        cut = m.end()
    yield cut, end


def _openers_moved(text: str, found: list[Sentence], opening: str) -> list[Sentence]:
    """An opening quotation mark that Punkt left at the end of a sentence (". « Nous") begins the next."""
    out = list(found)
    for i in range(len(out) - 1):
        mark = out[i].text[-1]
        if mark in opening and len(out[i].text) > 1 and out[i].text[-2].isspace():
            kept = out[i].text[:-1].rstrip()
            at = out[i].end - 1
            out[i] = Sentence(kept, out[i].start, out[i].start + len(kept))
            out[i + 1] = Sentence(text[at : out[i + 1].end], at, out[i + 1].end)
    return out


# Where Punkt ends a sentence and a reader would not: after initials before a surname ("Sen. J.D. Vance",
# "J.K. Rowling"), after a day's number before a month ("24. November", "Am 3. Oktober"), after a German
# ordinal before its noun ("in der 24. Minute", "zum 2. Mal"), after "Mrd."/"mln."/"bn." before a
# currency or a lower-case word ("10,5 Mrd. Euro", "$4.5 mln. in fines")
_INITIALS = re.compile(r"(?:^|[\s(])(?:[A-Z]\.){2,3}$")
_DAY = re.compile(r"(?:^|\s)\d{1,2}\.$")
# German months, and English ones but "May" and "March", which start sentences: "24. November"
_MONTH_NAMES = {m.capitalize() for m in (*GERMAN_MONTHS, *ENGLISH_MONTHS)} - {"May", "March"}
_MONTH = re.compile("(?:" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\b")
# German writes an ordinal as its number and a full stop, after an article or a preposition merged with one
_ORDINAL = re.compile(r"(?:^|\s)(?:[Dd](?:er|ie|as|em|en|es)|[AaIi]m|[Zz]u[mr]|[Vv]om|[Bb]eim)\s+\d{1,3}\.$")
# ... and a capitalised word after it is the noun it counts, unless it starts a sentence: a pronoun, an
# article, a conjunction, an adverb or a preposition
GERMAN_STARTERS = frozenset(
    """
    der die das den dem des ein eine einer er sie es wir ich ihr man und aber doch denn dann da so auch
    noch nun jetzt heute am im in an auf aus bei mit nach seit von vor zu zum zur für wie wenn als dass
    dies diese dieser dieses damit danach dabei trotzdem
    """.split()
)
_STARTERS = GERMAN_STARTERS | SENTENCE_STARTERS  # words that open a German or an English sentence
# ... in a German text: one that writes words only German has ("der", "und", "ist"; English writes "die",
# "den" and "am" too, but never opens a sentence with "Am 3."), so "I am 12. Mark Smith is 14." is two
_GERMAN = re.compile(
    r"\b(?:der|das|dem|und|ist|mit|auf|für|nicht|sich|wird|wurde|sind|haben|nach|bei|oder|ein|eine|einen|"
    r"einem|einer|gegen|über|auch|noch|im|zum|zur|vom|beim|Der|Das|Dem|Im|Zum|Zur|Vom|Beim|Am(?=\s+\d))\b"
)
# The nouns an ordinal counts ("Minute", "Mal", "Spieltag"): one after the number always goes on; the
# longer ones also end compounds ("Spielminute", "Bundesliga"), the short ones end other words too
# ("Rostock", "Doktor")
_COUNTED = re.compile(
    r"(?:mal|platz|tag|satz|stock|rang|lauf|akt|teil|tor|sieg|spiel|jahr|titel|loch|stelle|folge|"
    r"spieltag|jahrestag|geburtstag|todestag|heimspiel|auswärtsspiel|länderspiel|bundestag|"
    r"\w*(?:minute|runde|versuch|jahrhundert|halbzeit|etage|klasse|etappe|durchgang|woche|monat|"
    r"quartal|liga|weltkrieg|amtszeit|ausgabe|auflage|kapitel|staffel|treffer|saison|wahlgang|lesung|"
    r"sitzung|stunde|kilometer))"
)
# Otherwise a capitalised word after it may start the next sentence: a name, then its verb in lower case
# and more ("in der 60. Bayern gewann 2:0."); the words that follow a counted noun instead:
_AFTER_NOUN = GERMAN_STARTERS | frozenset(
    """
    des einem einen eines durch gegen hinter über unter ohne um bis ins ans aufs beim vom zur wegen
    während neben zwischen sowie oder kein keine keinen keinem keiner keines sein seine seinen seinem
    seiner ihre ihren ihrem ihrer unser unsere nicht nie mehr wieder erneut bereits schon erst nur fast
    etwa rund knapp insgesamt
    """.split()
)
ORDINAL_PHRASE_WORDS = 3  # "In der 60.": a sentence that is no more than the ordinal's phrase goes on


def _ordinal_goes_on(before: str, after: str, german: bool) -> bool:
    """Whether a German ordinal ending ``before`` counts the noun ``after`` starts ("in der 24. Minute",
    "Am 3. Spieltag verlor Bayern"), rather than the number ending a sentence and ``after`` starting the
    next with a name ("Kane erhöhte in der 60. Bayern gewann 2:0.")."""
    words = after.split()
    first = words[0].rstrip(".,;:!?…")
    if not (german and first.isalpha() and first[0].isupper()):
        return False
    if first.casefold() in _STARTERS:
        return False
    if _COUNTED.fullmatch(first.casefold()) or len(before.split()) <= ORDINAL_PHRASE_WORDS:
        return True
    rest = words[1:]
    while rest and rest[0][0].isupper():  # the name's other words: "Bayern München wurde Vierter."
        rest = rest[1:]
    return not (len(rest) >= 2 and rest[0].isalpha() and rest[0] not in _AFTER_NOUN)


# Filipino abbreviations that end no sentence: "Ma." (Maria) before a given name ("Ma. Theresa Dela Cruz"),
# "Sto." and "Sta." (Santo, Santa) before a name ("Sto. Niño", "Sta. Cruz")
_MARIA = re.compile(r"(?:^|[\s(\"“])Ma\.$")
_SAINT = re.compile(r"(?:^|[\s(])St[ao]\.$")


def _abbreviated_name_goes_on(before: str, after: str) -> bool:
    """Whether ``before`` ends in "Ma.", "Sto." or "Sta." that starts a name going on in ``after``. After
    a capitalised word "Ma" is a surname ending the sentence ("... said Jack Ma. Theresa May ..."), and
    "Ma." goes on only into a given name the lists know, so "Alibaba founder Ma. Alibaba shares fell"
    is two sentences."""
    first = after.split(maxsplit=1)[0].strip("\"“‘'")
    if not (first[:1].isupper() and first.casefold() not in SENTENCE_STARTERS):
        return False
    if _SAINT.search(before):
        return True
    if not _MARIA.search(before):
        return False
    previous = before[:-3].split()[-1:]
    if previous and previous[0][:1].isupper() and previous[0][-1].isalpha():
        return False
    from briefing.gazetteer import load_gazetteer  # the lists load once, when a "Ma." needs them

    return fold(first) in load_gazetteer().given_names


# A person's title before an initial: "Dr. A. B. Smith", "Mrs. A. Patel". Punkt takes the initial "A."
# for the article opening a sentence; an article is never followed by a full stop, an initial is
_TITLE = re.compile(
    r"(?:^|[\s(\"“])(?:Mr|Mrs|Ms|Mx|Dr|Prof|Rev|Fr|Msgr|Hon|Gen|Lt|Col|Maj|Capt|Cpt|Cmdr|Adm|Sgt|Cpl|Pvt|"
    r"Brig|Gov|Pres|Sen|Rep|Sens|Reps|Amb|Supt|Insp|Det|Atty|Sir|Dame|Judge)\.$"
)
_INITIAL_NAME = re.compile(r"(?:[A-Z]\.\s?)+[A-Z][\w'’-]")
# An abbreviation written with inner dots ("Ph.D.", "M.A.", "B.Sc.", "LL.B.", "M.Sc."): before a
# lower-case word it goes on, as Punkt goes on after the abbreviations it knows ("a Ph.D. in economics")
_DOTTED = re.compile(r"(?:^|[\s(])(?:[A-Za-z]{1,3}\.){2,4}$")
_AMOUNT = re.compile(r"(?:^|[\s\d])(?:Mrd|Mio|Md|Mld|Tsd|Bio|mrd|mio|mln|bln|bn|mld|tsd)\.$")
_CURRENCY_WORD = re.compile(
    rf"[{_CURRENCY}]|(?:[A-Z]{{3}}|Euro|US-Dollar|Dollar|Franken|Pfund|Yen|Rubel|Kronen|Złoty)\b"
)


def _rejoined(text: str, found: list[Sentence], *, german: bool) -> list[Sentence]:
    """The sentences with the ones Punkt cut where no sentence ends (see :func:`_goes_on`) put together."""
    out: list[Sentence] = []
    for sentence in found:
        if out and _goes_on(out[-1].text, sentence.text, german=german):
            out[-1] = Sentence(text[out[-1].start : sentence.end], out[-1].start, sentence.end)
        else:
            out.append(sentence)
    return out


def _goes_on(before: str, after: str, *, german: bool = False) -> bool:
    """Whether the sentence ``before`` goes on into ``after``. A "!" or "?" before a lower-case word is
    part of a name ("Jimmy Kimmel Live! the actress said") or a quotation ("“Stop!” he shouted"), and so
    is the "!" of a name always written with one ("Yahoo! Finance reported"), a quotation's before its
    speaker ("'Did I?' Daniels said"), and a title's that is all the sentence has but a preposition ("On
    Jimmy Kimmel Live! Daniels appears"). Initials go on into any
    capitalised word but a sentence's usual first words ("... in the U.S. It said" is two sentences)."""
    marked = before.rstrip("”’\"')» ")
    if marked.endswith(("!", "?")):
        if after[0].islower() or _bang_name(marked, after):
            return True
        quoted = len(marked) < len(before.rstrip(" "))  # the mark closed a quotation: "'Did I?'"
        first = after.split(maxsplit=1)[0].strip("\"“‘'").casefold()
        if first in SENTENCE_STARTERS or first in _NOBODY:
            return False
        return bool(_ATTRIBUTION.match(after) if quoted else _TITLE_BANG.match(before))
    if not before.endswith("."):
        return False
    tail = max(0, len(before) - 12)  # the patterns end the sentence: no need to scan all of it
    if _DOTTED.search(before, tail) and after[0].islower():
        return True
    if _INITIALS.search(before, tail):
        first = after.split(maxsplit=1)[0].strip("\"“‘'").casefold()
        return after[0].isupper() and first not in SENTENCE_STARTERS
    if _TITLE.search(before, tail) and _INITIAL_NAME.match(after):
        return True
    if _DAY.search(before, tail) and _MONTH.match(after):
        return True
    if _ORDINAL.search(before, max(0, len(before) - 16)):
        return _ordinal_goes_on(before, after, german)
    if before.endswith(("Ma.", "Sto.", "Sta.")):
        return _abbreviated_name_goes_on(before, after)
    return bool(_AMOUNT.search(before, tail)) and (after[0].islower() or bool(_CURRENCY_WORD.match(after)))


def _bang_name(before: str, after: str) -> bool:
    """Whether ``before`` ends in a name spelt with "!" that goes on into ``after`` ("Yahoo! Finance
    reported", "Jeopardy! champion"), not a sentence starting ("... won on Jeopardy! The show aired")."""
    first = after.split(maxsplit=1)[0].strip("\"“‘'").casefold()
    return bool(_BANG_NAME.search(before)) and first not in SENTENCE_STARTERS


def _quotations_whole(text: str, found: list[Sentence], marks: tuple[str, str]) -> list[Sentence]:
    """The sentences of one block, a quotation that opens in one and closes in a later one (with none
    opened or closed between) made one, if it is short enough. A double quotation is closed by a double
    mark: single ones inside it quote within it ("He told me 'stop. Now.' I did."); only when it does
    not close in the block may a single one opened with it ("... to think: 'This is not my day. ...'")."""
    balances = [_quote_balance(s.text, marks) for s in found]
    out, i = [], 0
    while i < len(found):
        double, single = balances[i]
        j = _closing(found, balances, i, _double) if double > 0 else -1
        if j < 0 and (single > 0 if double > 0 else _either(balances[i]) > 0):
            j = _closing(found, balances, i, _either)
        if j > i:
            out.append(Sentence(text[found[i].start : found[j].end], found[i].start, found[j].end))
            i = j + 1
        else:
            out.append(found[i])
            i += 1
    return out


def _closing(
    found: list[Sentence], balances: list[tuple[int, int]], i: int, level: Callable[[tuple[int, int]], int]
) -> int:
    """The sentence that closes the quotation sentence ``i`` opens, as ``level`` counts quotations, with
    none opened or closed between, within ``MAX_QUOTED`` characters; or -1."""
    for j in range(i + 1, len(found)):
        if found[j].end - found[i].start > MAX_QUOTED or level(balances[j]) > 0:
            return -1
        if level(balances[j]) < 0:
            return j
    return -1


def split_words(sentence: str) -> list[str]:
    """Word tokens of a sentence, punctuation dropped (``"U.S."``, ``"12,000"`` and ``"€28"`` survive).
    Chinese and Japanese, without spaces between words, give the pairs of neighbouring characters of
    each run ("上海港口" -> "上海", "海港", "港口"): no word list is shipped, and pairs are what
    search engines index those scripts by."""
    return list(_words_of(sentence))


def word_count(text: str) -> int:
    """How many words ``text`` holds: those between spaces, and one for every two characters of Chinese
    or Japanese (their words are one to four characters long, most of them two). The one measure of
    length for the tests of what is prose and what is furniture."""
    letters = len(_CJK_CHAR.findall(text))
    if not letters:
        return len(text.split())
    rest = _CJK_MARKS.sub(" ", _CJK_RUN.sub(" ", text)).split()
    return len(rest) + (letters + 1) // 2


# The same sentence is tokenized by the summary, the story vectors and sumy's document model in turn,
# and NLTK's tokenizer costs about half a millisecond a sentence: remember recent answers.
@lru_cache(maxsize=20_000)
def _words_of(sentence: str) -> tuple[str, ...]:
    if has_cjk(sentence):
        sentence = _CJK_RUN.sub(_character_pairs, _CJK_MARKS.sub(" ", sentence))
    tokens = _words.tokenize(_INNER_APOSTROPHE.sub("'", sentence))
    words = (t.strip(_CURRENCY) or t for t in tokens)
    return tuple(w for w in words if _WORD.match(w))


def _character_pairs(run: re.Match[str]) -> str:
    chars = run.group()
    pairs = [chars[k : k + 2] for k in range(len(chars) - 1)] or [chars]
    return " " + " ".join(pairs) + " "


class Tokenizer:
    """sumy's tokenizer interface, offline. Sentences come with their inner whitespace collapsed."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(" ".join(s.text.split()) for s in split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return _words_of(sentence)
