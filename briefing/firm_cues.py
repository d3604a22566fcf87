"""Companies named by a common word ("Shell", "Next", "Apple"): typed by what the text says of them as a
company, the same in every mention, and not at all where the text speaks of the common thing.

A name that is also an English word gives the rules and the tagger little to go on where it opens a
sentence ("Shell reported ...", "Shell said it ..."): capitals say nothing there, so one article reads it
as a place, the next as a person, a third not at all. The words around one of its mentions say it is a
company where they speak of a company's trade (:func:`firm_cue`): its shares, its chief executive, its
profit, a bid or a takeover, a rival, "plc" ("Shell shares rose", "Shell chief executive Wael Sawan",
"Shell's £48 billion bid", "acquire rival BP", "shares in LVMH", "the chairman of Berkshire Hathaway",
"its spirits arm, Moët Hennessy"). One such mention types every capitalised mention of the name in the
text as that company, under the name as written without a possessive (:func:`firms_by_cues`).

The other way round, a company the lists know by a common word ("Apple") is no company where the text
writes the word in lower case too ("apples", "apple growers") and capitalises it only where a sentence
begins ("Apple prices at farm gates rose 40%", "Apple and pear growers"), with no company cue anywhere
(:func:`common_nouns_not_firms`): that is the fruit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.aliases import CORPORATE, fold
from briefing.coref import FIRM_RULES, Candidate
from briefing.cues import words
from briefing.tokens import Token

if TYPE_CHECKING:
    from briefing.actors import Reading
    from briefing.gazetteer import Gazetteer

# what a company has or does, after its possessive within a few words ("Shell's £48 billion bid for BP",
# "Berkshire Hathaway's cash pile") or right after its name ("Shell profit falls")
_DEALS = words(
    """
    bid bids offer takeover acquisition merger deal shares stock stake profit profits earnings revenue
    revenues sales dividend buyback cash valuation
    """
)
# the words before a company's name that make it one: "rival BP", "shares in LVMH", "bid for BP",
# "takeover of BP", "the chairman of Berkshire Hathaway"
_BEFORE_ONE = words("rival rivals")
_BEFORE_TWO = {
    "in": words("shares stake stakes investment investors"),
    "for": words("bid bids offer offers"),
    "of": words("takeover acquisition shareholders shareholder chairman chairwoman founder"),
    "with": words("merger"),
}
# "its wines and spirits arm, Moët Hennessy": a company's part or kin named after a comma
_APPOSED = words("arm unit subsidiary division rival parent owner")
_THING = words("it its")
_SAID = words("said says")
# what only a company has, right after its name: "Shell shares rose", "Shell profit falls" ("Dock workers"
# and "Kent farms" are anyone's)
_AFTER = words("shares stock shareholders subsidiary subsidiaries profit profits plc")
_TAKES = words("acquire acquiring buy buying merge")


def firm_cue(toks: list[Token], a: int, b: int, bodies: frozenset[int] = frozenset()) -> bool:
    """Do the words around ``toks[a:b]`` speak of it as a company (see the module docstring)? ``bodies``:
    where the organisations the text reads in this sentence begin (token offsets)."""
    if _cue_after(toks, a, b) or (toks[b - 1].possessive and _deal_soon(toks, b)):
        return True
    if not any(t.word for t in toks[:a]) and _takes_over(toks, b, bodies):
        return True
    before = [t.low for t in toks[max(0, a - 2) : a]]
    if before and before[-1] in _BEFORE_ONE:
        return True
    if len(before) == 2:
        if before[1] in _BEFORE_TWO and before[0] in _BEFORE_TWO[before[1]]:
            return True
        if before[1] == "," and before[0] in _APPOSED:
            return True
        if before[1] == "of" and before[0] == "executive":  # "the chief executive of Nvidia"
            return True
    return False


def _takes_over(toks: list[Token], b: int, bodies: frozenset[int]) -> bool:
    """ "Shell is in early talks to acquire rival BP": the subject of a clause that buys a rival, or a
    company the text reads, is a company itself."""
    for k in range(b, min(len(toks) - 1, b + 8)):
        if toks[k].text in (",", ";") or (toks[k].cap and toks[k].word):
            return False
        if toks[k].low in _TAKES:
            after = toks[k + 1]
            return after.low in _BEFORE_ONE or after.start in bodies
    return False


def _cue_after(toks: list[Token], a: int, b: int) -> bool:
    if b >= len(toks) or toks[b - 1].possessive:
        return False
    nxt = toks[b]
    if nxt.cap or not nxt.word:
        return nxt.low == "plc"
    if nxt.low in _AFTER:
        return True
    if nxt.low == "chief" and b + 1 < len(toks) and toks[b + 1].low == "executive":
        return True
    if _its_trade(toks, b):
        return True
    if nxt.low in _SAID and b - a == 1:  # "Shell said it would", "Shell said on Wednesday it would"
        clause = [t.low for t in toks[b + 1 : b + 5]]
        return bool(_THING.intersection(clause[: clause.index(",")] if "," in clause else clause))
    return False


def _its_trade(toks: list[Token], b: int) -> bool:
    """ "Next raised its annual profit forecast": the name's own verb, then "its" and a company's money."""
    clause = []
    for t in toks[b : b + 6]:
        if t.text in (",", ";") or (t.cap and t.word):
            break
        clause.append(t.low)
    if "its" not in clause[1:]:
        return False
    k = b + clause.index("its")
    return any(t.low in _DEALS for t in toks[k + 1 : k + 4])


def _deal_soon(toks: list[Token], b: int) -> bool:
    """A company's deal or money within four words after its possessive, before any other name."""
    for t in toks[b : b + 4]:
        if t.cap and t.word:
            return False
        if t.low in _DEALS or t.low == "chief":
            return True
    return False


def _runs(toks: list[Token]) -> list[tuple[int, int]]:
    """The runs of capitalised words of a sentence, each ending at a possessive."""
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(toks):
        if not (toks[k].cap and toks[k].word and toks[k].name_like):
            k += 1
            continue
        end = k + 1
        while not toks[end - 1].possessive and end < len(toks) and toks[end].cap and toks[end].name_like:
            end += 1
        out.append((k, end))
        k = end
    return out


def _barred(cands: list[Candidate], gaz: Gazetteer) -> set[str]:
    """Names no cue may make a company: a firm rule's other reading (a listed place, a titled person), a
    person named by role, the surname of a person the text names in full ("Musk's shares")."""
    out: set[str] = set()
    people = {c.canonical for c in cands if c.type == "person" and len(c.toks) > 1}
    for c in cands:
        if c.type is None or c.type == "organization":
            continue
        if c.why in FIRM_RULES or c.roles or (c.alias_of is not None and c.alias_of in people):
            out.add(c.norm)
        if c.type == "person" and len(c.toks) > 1:
            out.update(t.norm for t in c.toks)
    out.update(gaz.given_names)
    return out


def _cued(reading: Reading, gaz: Gazetteer) -> dict[str, str]:
    """The names (folded) some mention of which a company cue follows or precedes, each with the name as
    the text writes it without a possessive."""
    barred = _barred(reading.candidates, gaz)
    headlines = set(reading.headlines)
    starts: dict[int, set[int]] = {}
    for c in reading.candidates:
        if c.type == "organization":
            starts.setdefault(c.sentence, set()).add(c.start)
    found: dict[str, str] = {}
    for index, toks in enumerate(reading.tokens):
        if index in headlines:
            continue
        bodies = frozenset(starts.get(index, ()))
        for a, b in _runs(toks):
            norm = _key(toks[a:b])
            if len(norm) < 2 or (a and toks[a - 1].text == "&"):
                continue  # "T" of "AT&T"
            if norm in barred or norm in found or _full_name(toks[a:b], gaz):
                continue
            if not firm_cue(toks, a, b, bodies):
                continue
            if any(t.acronym for t in toks[a:b]) and b - a == 1:
                continue  # an acronym alone is typed by the rules already
            written = [t.text for t in toks[a:b]]
            if len(written) > 1 and toks[b - 1].possessive:  # "Berkshire Hathaway's cash pile"
                written[-1] = written[-1][:-2]
            found[norm] = " ".join(written)
    if not found:
        return {}  # most texts: no cue, and no need to read every run of the text again for bare names
    # the name as the text writes it bare ("Shell said"); a one-word name only ever written with "'s" is
    # that name ("Kellogg's reported higher sales", "Sainsbury's"), a longer one is not
    bare = _bare_names(reading)
    return {norm: bare.get(norm, name) for norm, name in found.items()}


def _full_name(toks: list[Token], gaz: Gazetteer) -> bool:
    """A given name and more, without a company's legal form: a person's full name, whatever company
    words are around it ("ahead of rival Cindy Sember", "since Mike Ashley's appointment as chief
    executive"); "Tessvik Marine A/S" or "Harley Group plc" would be the company."""
    if len(toks) < 2 or toks[0].norm not in gaz.given_names:
        return False
    return not any(t.norm.rstrip(",") in CORPORATE for t in toks[1:])


def _bare_names(reading: Reading) -> dict[str, str]:
    """The names the text writes without a possessive somewhere, by their folded words."""
    return {
        _key(toks[a:b]): " ".join(t.text for t in toks[a:b])
        for toks in reading.tokens
        for a, b in _runs(toks)
        if not toks[b - 1].possessive
    }


def firms_by_cues(reading: Reading, gaz: Gazetteer) -> list[Candidate]:
    """Type as the company every mention of a name that a company cue marks somewhere in the text (see the
    module docstring); returned: the mentions no candidate held, new candidates."""
    cued = _cued(reading, gaz)
    if not cued:
        return []
    bare = _bare_names(reading)
    # the company a name already resolves to ("Tessvik" of Tessvik Marine A/S), else the name as written
    names = dict(cued)
    for c in reading.candidates:
        key = _key(c.toks)
        if key in cued and c.type == "organization" and not _as_written(c.canonical, key, cued):
            names[key] = c.canonical or names[key]
    for c in reading.candidates:
        key = _key(c.toks)
        if key not in cued or c.roles or (c.type not in (None, "organization") and c.why in FIRM_RULES):
            continue
        if c.type != "organization" or (key in bare and _as_written(c.canonical, key, cued)):
            c.type, c.canonical, c.why = "organization", names[key], "brand"
    single = {n for n in cued if " " not in n}
    taken = {(c.sentence, t.start) for c in reading.candidates if c.type is not None for t in c.toks}
    headlines = set(reading.headlines)
    out: list[Candidate] = []
    for index, toks in enumerate(reading.tokens):
        if index in headlines:
            continue
        for a, b in _runs(toks):
            if b - a == 1 and toks[a].norm in single and (index, toks[a].start) not in taken:
                name = names[toks[a].norm]
                out.append(Candidate([toks[a]], index, "organization", canonical=name, why="brand"))
    return out


def _as_written(canonical: str | None, key: str, cued: dict[str, str]) -> bool:
    """Is a candidate's name the cued name as written, with or without a possessive (not another name it
    resolves to)?"""
    return canonical is None or _name_key(canonical) == key or fold(canonical) == fold(cued[key])


def common_nouns_not_firms(reading: Reading, gaz: Gazetteer) -> list[Candidate]:
    """The candidates without a company of one common word that the text uses as the common noun (see the
    module docstring): every mention opens its sentence, the text writes the word in lower case too (or
    joins it to a lower-case noun: "Apple and pear growers"), and no company cue marks it."""
    mentions: dict[str, list[Candidate]] = {}
    for c in reading.candidates:
        if c.type == "organization" and len(c.toks) == 1 and not c.toks[0].acronym:
            mentions.setdefault(c.norm, []).append(c)
    common = set()
    for norm, cands in mentions.items():
        if not all(_opens(reading.tokens[c.sentence], c) for c in cands):
            continue
        lower = {norm, norm + "s", norm + "es"} & reading.lower
        if lower or any(_joined_to_noun(reading.tokens[c.sentence], c) for c in cands):
            common.add(norm)
    if common:  # the cues, a pass over the whole text, only for a text with such a word (few)
        common -= set(_cued(reading, gaz))
    return [c for c in reading.candidates if not (c.type == "organization" and c.norm in common)]


def _key(toks: list[Token]) -> str:
    """A name's words folded, without a possessive: the brand rule's "Shell's" is "shell" too."""
    return _name_key(" ".join(t.text for t in toks))


def _name_key(name: str) -> str:
    return " ".join(fold(w) for w in name.split())  # ``fold`` drops a possessive ("Shell’s" is "shell")


def _opens(toks: list[Token], cand: Candidate) -> bool:
    return next((t for t in toks if t.word), None) is cand.toks[0]


def _joined_to_noun(toks: list[Token], cand: Candidate) -> bool:
    """ "Apple and pear growers": the name joined by "and"/"or" to a lower-case noun of the same kind."""
    k = next((k for k, t in enumerate(toks) if t is cand.toks[-1]), -1)
    if k < 0 or k + 2 >= len(toks) or toks[k + 1].low not in ("and", "or"):
        return False
    nxt = toks[k + 2]
    return nxt.word and not nxt.cap and nxt.text.isalpha() and nxt.low not in _FUNCTION


_FUNCTION = words("the a an its their his her our this that these those other another some any all")


def led_by_acronym(cands: list[Candidate], tokens: list[list[Token]]) -> list[Candidate]:
    """``cands`` with a company's short form in capitals and the words of its long name after it read as
    one organisation ("LVMH Moët Hennessy Louis Vuitton said ..."), where the reading made the capitals a
    company (here or elsewhere in the text) and the words after them a person: no person's name begins
    with a company's initials. The short form alone elsewhere in the text names that company too ("Shares
    in LVMH fell")."""
    out = list(cands)
    joined: dict[str, str] = {}
    bodies = {c.norm for c in cands if c.type == "organization" and len(c.toks) == 1}
    for c in cands:
        if c.type != "person" or c.why in ("list", "title") or c.roles or c.sentence >= len(tokens):
            continue
        toks = tokens[c.sentence]
        k = next((k for k, t in enumerate(toks) if t is c.toks[0] or t.start == c.start), 0)
        if k == 0 or not _short_form(toks[k - 1]):
            continue
        if toks[k - 1].norm not in bodies:
            continue
        name = " ".join(t.text for t in [toks[k - 1], *c.toks])
        out = [o for o in out if o is not c and not (o.sentence == c.sentence and o.end == toks[k - 1].end)]
        out.append(Candidate([toks[k - 1], *c.toks], c.sentence, "organization", canonical=name, why="head"))
        joined[toks[k - 1].norm] = name
    for o in out:
        if o.type == "organization" and len(o.toks) == 1 and o.toks[0].norm in joined:
            o.canonical = joined[o.toks[0].norm]
    return out


def _short_form(tok: Token) -> bool:
    upper = tok.text.isalpha() and tok.text.isupper()
    return tok.acronym and upper and len(tok.text) >= 3 and not tok.possessive


def joined_initials(cands: list[Candidate], tokens: list[list[Token]]) -> None:
    """Initials joined by "&" ("M&S", "P&G") are the short form of the company of the text whose name's
    parts, joined by "&", begin with those letters ("Marks & Spencer", "Procter & Gamble"): one actor,
    the short form its other name. Initials with a number right after them name an index ("S&P 500"),
    whole."""
    full: dict[str, str] = {}
    for c in cands:
        if c.type == "organization" and c.canonical and not _initials(c.toks):
            parts = " ".join(t.text for t in c.toks).split("&")
            if len(parts) > 1 and all(p.strip() for p in parts):
                full.setdefault("&".join(p.strip()[0].upper() for p in parts), c.canonical)
    for c in cands:
        if c.type != "organization" or not (short := _initials(c.toks)):
            continue
        if short in full:
            c.canonical = full[short]
            continue
        toks = tokens[c.sentence] if c.sentence < len(tokens) else []
        k = next((k for k, t in enumerate(toks) if t is c.toks[-1] or t.start == c.toks[-1].start), -1)
        if 0 <= k < len(toks) - 1 and toks[k + 1].text.isdigit() and toks[k + 1].start == c.toks[-1].end + 1:
            c.toks = [*c.toks, toks[k + 1]]
            c.canonical = f"{short} {toks[k + 1].text}"


def _initials(toks: list[Token]) -> str:
    """ "M&S" of the tokens M, &, S (or of "M&S's"); "" for any other name."""
    text = "".join(t.text for t in toks)
    text = text[:-2] if text[-2:] in ("'s", "’s") else text
    letters = text.split("&")
    ok = len(letters) > 1 and len(toks) == 2 * len(letters) - 1
    return text if ok and all(len(p) == 1 and p.isupper() for p in letters) else ""
