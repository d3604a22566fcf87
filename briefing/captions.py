"""Photo captions in a dump: the line above a "©" credit or an image placeholder or the sharing
buttons, a caption printed twice or repeating a credited one, a line echoing a paragraph; a headline
printed twice keeps one copy.
"""

from __future__ import annotations

import re

from briefing.dumplines import META, VERB_PAST, WORD, Line, is_label_over, next_line, previous_line
from briefing.furniture import Kind, caption_of, is_share_prompt
from briefing.sentences import ends_sentence, split_sentences, word_count

CAPTION_OVERLAP = 0.6
_CAPTION_LABEL = re.compile(r"(?:image|photo|picture|video)?\s*caption\s*[,:]?", re.I)
_WINDOW = 15
CAPTION_WORDS = 35  # a caption is a sentence of what the photo shows, shorter than a lead
# a caption's verb in the present, right after its subject's name: "Van der Berg celebrates", "Smoke rises",
# "Jane Doe speaks", "The minister is greeted" (a lead tells what happened: "United beat", "has died")
_PRESENT = re.compile(r"(?-i:[A-Z][\w'’-]*)\s+(?:is|are|[a-z]{2,}[^\Ws]s)\b")
# ... or after a plural subject of up to three words, in its bare form ("Protesters gather", "Rescue workers
# search"), after a noun and its article in "-s" ("A protester holds"), or none at all, only where the
# photo is ("Firefighters at the scene", "A firefighter at the scene"): see shows_a_scene
_SCENE = re.compile(
    r"^(?:(?:[A-Z][\w'’-]*\s+){0,2}[A-Za-z][\w'’-]*[^\Ws\d]s|(?:A|An|The)\s+[a-z][\w'’-]+)\s+([a-z]+)\b"
)
# where a photo shows its subject, the word after the subject when it has no verb
_WHERE = frozenset("at in on outside inside near during amid after before beside behind under above".split())
# the words of a lead's sentence, not a caption's: an auxiliary or modal, a past or a reporting verb
# ("Protesters will march", "Residents say", "Firefighters were called")
_LEAD_WORDS = frozenset(
    """will would can could may might must should shall have had has do did does was were been said told
    say warn warned claim believe expect fear hope plan vow urge""".split()
)


def drop_captions(lines: list[Line]) -> None:
    """Captions: the unfinished line just above a "©" credit, one above an image placeholder, one
    between an article's date and its sharing buttons, lines printed twice, lines repeating a caption
    shown with its credit, and lines echoing a paragraph."""
    credited: set[str] = set()
    for i, line in enumerate(lines):
        if line.kind is Kind.CREDIT and _CAPTION_LABEL.fullmatch(line.text.strip()):
            _drop_labelled(lines, i)
        if line.kind is Kind.CREDIT and i and not line.gap_before:
            before = lines[i - 1]
            if before.kind is Kind.HEADING or (before.kind is Kind.PROSE and not ends_sentence(before.text)):
                before.kind = Kind.DROP
        if line.kind is Kind.CREDIT and _captions_below(lines, i):
            lines[i + 1].kind = Kind.DROP
        if line.kind is Kind.HEADING and line.spacer_after:
            line.kind = Kind.DROP
        if line.kind is Kind.DROP and (caption := caption_of(line.text)):
            credited.add(_caption_key(caption))
        elif line.kind in (Kind.HEADING, Kind.PROSE) and _caption_key(line.text) in credited:
            line.kind = Kind.DROP  # the caption again, without its credit
        elif _above_share_prompt(lines, i):
            line.kind = Kind.DROP
    _drop_repeats(lines)
    _drop_echoes(lines)


def _captions_below(lines: list[Line], i: int) -> bool:
    """Whether the line under the credit on line ``i`` is its caption ("Photo: Jane Doe / Getty Images" over
    "United's Joost van der Berg celebrates after scoring the winner."): the credit starts its block (a
    blank line or the byline and date above it, so no caption above it), and the line under it, with no
    blank line between, is a paragraph of its own of one short sentence in the present, as a caption
    says what the photo shows. A lead tells what happened, in the past ("United beat Barcelona 3-2"),
    and a lead set under a credit stands in a paragraph of its own."""
    if i + 1 >= len(lines) or not _starts_block(lines, i):
        return False
    below = lines[i + 1]
    ends_block = i + 2 >= len(lines) or lines[i + 2].gap_before
    if below.kind is not Kind.PROSE or below.gap_before or not ends_block:
        return False
    if word_count(below.text) > CAPTION_WORDS or len(split_sentences(below.text)) != 1:
        return False
    # the past's verbs in lower case: "Manchester United" is a name
    words = [word for word in WORD.findall(below.text) if word.islower()]
    if any(word in _LEAD_WORDS or word.removesuffix("s") in _LEAD_WORDS for word in words):
        return False
    past = any(VERB_PAST.search(word) for word in words)
    return (bool(_PRESENT.search(below.text)) and not past) or shows_a_scene(below.text, past=past)


# the words a place's phrase is made of besides its nouns: "at the scene in Leeds", "outside their homes"
_PLACE_WORDS = _WHERE | frozenset("of to for with from and the a an their his her its our".split())


def _only_where(rest: str) -> bool:
    """Whether the words after a caption's subject say only where it is, no verb among them ("at the scene
    in Leeds on Tuesday", "outside their homes"): each word in lower case that is not a preposition or
    an article stands right after one of those, as a phrase's noun does ("the scene"); a name or a
    figure may stand anywhere ("in Leeds", "on 26 November"). "in Lisbon rose sharply" has a verb after
    the name."""
    before = ""
    for word in WORD.findall(rest):
        if word.islower() and word not in _PLACE_WORDS and before not in _PLACE_WORDS:
            return False
        before = word if word.islower() else ""
    return True


def shows_a_scene(sentence: str, *, past: bool) -> bool:
    """Whether a sentence says what a photo shows, as a caption does, with a plural subject of up to
    three words and its verb in the bare present ("Protesters gather outside parliament on Tuesday.",
    "Rescue workers search a flooded street": a past's form after that verb is an adjective's), a noun
    after an article with its verb in "-s" ("A protester holds a banner"), or a
    subject and no verb at all, only where it is ("Firefighters at the scene in Leeds.", "A firefighter
    at the scene"; ``past``: a word of the sentence is a verb's past, so it has a verb after all). Its
    caller asks first that no word of it is an auxiliary or a reporting verb (:data:`_LEAD_WORDS`): a
    lead tells what happened or who said so."""
    scene = _SCENE.match(sentence)
    if scene is None:
        return False
    after = scene.group(1)
    if after in _WHERE:
        return not past and _only_where(sentence[scene.start(1) :])
    if len(after) < 3 or after.endswith(("ed", "ly", "ss")):
        return False
    plural = not sentence.startswith(("A ", "An ", "The ")) or scene.group(0).split()[-2].endswith("s")
    return not after.endswith("s") if plural else after.endswith("s")  # "A protester holds a banner"


def _starts_block(lines: list[Line], i: int) -> bool:
    before = previous_line(lines, i)
    return lines[i].gap_before or before is None or before.kind in META or before.age is not None


def _drop_labelled(lines: list[Line], i: int) -> None:
    """ "Image caption," over the caption (a BBC page): the unfinished line under the label is the caption."""
    below = next_line(lines, i)
    if below is not None and below.kind in (Kind.HEADING, Kind.PROSE) and not ends_sentence(below.text):
        below.kind = Kind.DROP


def _caption_key(text: str) -> str:
    return " ".join(WORD.findall(text.casefold()))


def _above_share_prompt(lines: list[Line], i: int) -> bool:
    """The featured photo's caption in a WordPress layout: an unfinished line right above the sharing
    buttons ("Spread the love"), after the article's date or byline. A real first paragraph ends with
    a full stop, and a title has no date above it."""
    line = lines[i]
    if line.kind not in (Kind.HEADING, Kind.PROSE) or ends_sentence(line.text) or i + 1 == len(lines):
        return False
    below = lines[i + 1]
    if below.gap_before or not is_share_prompt(below.text):
        return False
    above = previous_line(lines, i)
    return above is not None and above.kind in (Kind.DATE, Kind.AUTHOR)


def _drop_echoes(lines: list[Line]) -> None:
    """An unfinished line (no final punctuation) whose words mostly repeat a nearby paragraph is a
    caption echoing it ("Trump warned on Tuesday that..." under the photo)."""
    flat: dict[int, str] = {}
    previous = Kind.BREAK
    for i, line in enumerate(lines):
        unfinished = line.kind is Kind.PROSE and not ends_sentence(line.text)
        # a heading right after a label, an ending or the file's start is a title, even when the
        # lead paragraph repeats its words
        titled = previous in (Kind.HEADING, Kind.BREAK)
        if line.kind not in (Kind.DROP, Kind.CREDIT):
            previous = line.kind
        if (line.kind is Kind.HEADING or unfinished) and not titled and word_count(line.text) >= 6:
            grams = _trigrams(line.text)
            near = range(max(0, i - _WINDOW), min(len(lines), i + _WINDOW + 1))
            for j in near:
                if j != i and lines[j].kind is Kind.PROSE:
                    if j not in flat:
                        flat[j] = " " + " ".join(WORD.findall(lines[j].text.casefold())) + " "
                    if _covers(grams, flat[j]):
                        line.kind = Kind.DROP
                        break


def _drop_repeats(lines: list[Line]) -> None:
    """A long line printed twice in a row is a photo's alt text and caption: both go, unless it is a
    headline printed twice (see :func:`_is_title_pair`), which keeps one copy. A long line repeated
    later is a caption or pull quote: the later copy goes, unless it is a heading with its byline or
    date under it (a daily live page or a column: "Live updates: the war", the next day). A copy in
    another article (an article's byline, date or ending between the two) is no caption: a desk repeats
    one background paragraph under several stories, and a dump may print one article twice (the ingest
    then counts the copy as a duplicate)."""
    seen: set[str] = set()
    previous = -1
    texted = False  # a paragraph since the last header: a header after it is another article's
    for i, line in enumerate(lines):
        if line.kind in (*META, Kind.BREAK) and texted:
            seen, texted = set(), False  # what came before is another article's
        texted = texted or line.kind is Kind.PROSE
        if line.kind not in (Kind.PROSE, Kind.HEADING):
            continue
        key = line.text.casefold()
        if word_count(line.text) >= 6:
            if previous >= 0 and lines[previous].text.casefold() == key:
                if not (line.kind is Kind.HEADING and _is_title_pair(lines, previous, i)):
                    lines[previous].kind = Kind.DROP
                line.kind = Kind.DROP
            elif key in seen and not (line.kind is Kind.HEADING and _heads_article(lines, i)):
                line.kind = Kind.DROP
            seen.add(key)
        previous = i


def _heads_article(lines: list[Line], i: int) -> bool:
    after = next_line(lines, i)
    return after is not None and after.kind in (*META, Kind.RELTIME)


def _is_title_pair(lines: list[Line], first: int, second: int) -> bool:
    """A headline printed twice (the page's title, then the article's): its byline or date comes under
    it, or it opens the dump or an article (after an ending or a section label); a photo's caption
    printed twice sits inside an article, after its metadata."""
    if _heads_article(lines, second):
        return True
    before = previous_line(lines, first)
    if before is None or before.kind is Kind.BREAK:
        return True
    return before.kind is Kind.HEADING and is_label_over(before.text, lines[first].text)


def _trigrams(text: str) -> list[str]:
    words = WORD.findall(text.casefold())
    return [" " + " ".join(words[k : k + 3]) + " " for k in range(len(words) - 2)]


def _covers(grams: list[str], flat: str) -> bool:
    """Whether most of a line's word trigrams occur in a paragraph (given as " w w w ... ")."""
    allowed = len(grams) * (1 - CAPTION_OVERLAP)
    misses = 0
    for gram in grams:
        if gram not in flat:
            misses += 1
            if misses > allowed:
                return False
    return bool(grams)
