"""Countries that act: "the UK said", "France has deployed", "U.S. airstrikes", "our ally Turkey".

A country is a place ("in Syria", "visited Turkey"), but a country that speaks, decides or strikes is its
state, an organisation: news writes "the United States condemns" for the US government. The reading is
taken only from plain signs in the words around the name, never guessed:

- the country is the subject of a verb of statement or policy ("condemns", "will continue", "has
  pledged", "is committed"), possibly with others ("the United States and Iraq signed");
- it qualifies a noun of state action ("U.S. airstrikes", "UK support", "Iraq's efforts");
- it is named as an ally or partner ("our ally Turkey"), or as the one who announced or led something.

Such a mention becomes an organisation under the country's own name: that is what the text says, and
what ``bot.py actors`` and the benchmark report. The archive keeps one actor per country
(``as_countries``): a reader asking ``/actor Russia`` means the country and its state alike, and a dossier
listing "Russia" twice among the co-mentioned would only confuse.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import takewhile

from briefing.aliases import fold
from briefing.coref import Candidate
from briefing.cues import ARMED_HEADS, ARMED_KINDS, COMMON, PLACE_PREPOSITIONS, words
from briefing.gazetteer import Gazetteer
from briefing.models import ExtractedActor, Mention
from briefing.tokens import Positions, Token

STATE_VERBS = words(
    """
    said says say condemns condemned condemn welcomes welcomed welcome announced announces announce
    supports supported support stands stood stand continues continued continue remains remained remain
    signed signs sign agreed agrees agree urged urges urge calls called call deployed deploys deploy
    reiterates reiterated reiterate pledged pledges pledge rejects rejected reject warned warns warn
    demanded demands demand insists insisted decided decides imposed imposes sanctioned accused accuses
    denied denies recognises recognizes recognised recognized expelled launched launches vetoed voted
    votes backed backs opposes opposed threatened threatens responded responds offered offers sent sends
    provided provides intends plans wants hopes believes considers
    reaffirms reaffirmed reaffirm affirms affirmed commends commended stresses stressed emphasizes
    emphasized emphasises emphasised encourages encouraged applauds applauded congratulates congratulated
    participates participated contributes contributed joins joined hosts hosted
    will would shall must cannot can should may might
    """
)
# after "is"/"are"/"has"/"have": "is committed", "has pledged"
STATE_STATES = words(
    """
    committed working determined ready prepared providing supporting helping leading continuing
    concerned deeply gravely firmly fully urging calling seeking pressing pledged provided deployed
    sent imposed offered announced decided agreed signed made taken given contributed allocated
    """
)
# nouns of what a state does (not of its people or bodies: "Yemen's ambassador" names the ambassador)
STATE_NOUNS = words(
    """
    support commitment commitments efforts effort strike strikes airstrike airstrikes air-strikes
    sanctions policy position stance assistance aid funding pledge pledges decision diplomacy response
    contribution contributions engagement involvement intervention partnership work
    message leadership role interests responsibility guarantee guarantees
    cooperation co-operation relationship relations ties
    """
)
# a ruler's own body, his even with no adjective: "Putin's regime", "the regime of Assad"
_RULES = words("regime junta")
# a ruler's or a country's name before these names a government: "the Assad regime", "the Iraqi government"
GOVERNMENTS = words("government administration cabinet") | _RULES
# the fighting people or units of an organisation, after its name: "ISIL fighters", "ISIL tactical units"
# (not its officials or members: "NATO officials" speak for NATO, and name it on their own)
MEMBERS = words(
    """
    fighters terrorists militants militiamen units unit troops soldiers forces operatives gunmen
    insurgents rebels
    """
)
# a body's members as its partners, after its name: "Coalition partners", "NATO allies" (after a country's
# name they are other countries: "U.S. partners")
PARTNERS = words("partners allies")
# a people or a community, after its name or nationality: "the Syrian people", "the Yazidi community",
# "the Al Bu Nimr tribe" (one lower-case word may come between: "Lebanese religious communities")
PEOPLES = words(
    """
    people peoples civilians community communities tribe tribes clan clans population populations
    opposition
    """
)
# a country's armed people and ships, after its name or nationality: "U.S. forces", "Iraqi security
# forces", "U.S. service members", "British warships" are its state's
ARMED = (MEMBERS - words("terrorists militants gunmen insurgents rebels operatives")) | words(
    "members personnel sailors airmen marines ships warships servicemembers"
)
ALLY_WORDS = words("ally allies partner partners")
# a country as what a state supports or stands with: "support Iraq", "support to Syria", "stands by Iraq"
SUPPORTING = words("support supports supported supporting")
ALONGSIDE = frozenset(
    f"{verb} {prep}"
    for verb, prep in (
        *((v, p) for v in ("stand", "stands", "stood") for p in ("by", "with")),
        *((v, "with") for v in ("work", "working", "closely", "partnership", "cooperation", "co-operation")),
        ("support", "to"),
        ("support", "for"),
    )
)
AGENT_VERBS = words("announced signed led brokered proposed imposed hosted backed")
ADVERBS = words("strongly also now again firmly fully still already further once today")


def _country(cand: Candidate, gaz: Gazetteer) -> bool:
    return cand.type == "place" and cand.canonical is not None and cand.norm in gaz.countries


def _after(toks: list[Token], j: int, gaz: Gazetteer) -> int:
    """Past other countries joined by "and", commas or a hyphen ("the United States and Iraq signed", "a
    strong U.S.-Iraq partnership")."""
    while j + 1 < len(toks) and toks[j].low in ("and", ",", "-"):
        k = j + 1
        if k < len(toks) and toks[k].low == "the":
            k += 1
        width = next((w for w in (3, 2, 1) if _is_country(toks, k, w, gaz)), 0)
        if not width:
            break
        j = k + width
    return j


def _is_country(toks: list[Token], k: int, width: int, gaz: Gazetteer) -> bool:
    end = k + width
    return (
        end <= len(toks)
        and all(t.cap for t in toks[k:end])
        and " ".join(t.norm for t in toks[k:end]) in (gaz.countries)
    )


def acts(toks: list[Token], i: int, j: int, gaz: Gazetteer) -> bool:
    """Does the country ``toks[i:j]`` act as a state in its sentence?"""
    last = toks[j - 1]
    k = _after(toks, j, gaz)
    while k < len(toks) and toks[k].low in ADVERBS:
        k += 1
    nxt = toks[k].low if k < len(toks) else ""
    placed = bool(i) and toks[i - 1].low in PLACE_PREPOSITIONS and not last.possessive
    # "Dayr az Zawr, Syria airstrike"; but "Minister Pål Jonson, Sweden announced" names the state
    placed = placed or (_of_place(toks, i, gaz) and nxt not in STATE_VERBS and nxt not in _BE_HAVE)
    if placed:
        nxt = ""  # "the ceasefire in Syria was announced", "people in Russia said": the place's words
    plural = last.text.endswith("s") and k < len(toks) and toks[k].text in ("’", "'")  # "the States’"
    if last.possessive or plural or (k < len(toks) and toks[k].text in ("’s", "'s")):
        return nxt in STATE_NOUNS or (k + 1 < len(toks) and toks[k + 1].low in STATE_NOUNS)
    if nxt in STATE_VERBS or nxt in STATE_NOUNS or _state_noun_after(toks, k, placed):
        return True
    if nxt == "," and _opens(toks, i) and (after := _past_aside(toks, k)):
        k, nxt = after, toks[after].low  # "The UK, as part of the Global Coalition, is committed"
        if nxt in STATE_VERBS:
            return True
    if nxt in ("has", "have", "had") and k + 1 < len(toks) and _done(toks[k + 1]):
        return True  # "The UK has supported these efforts", "the UK has flown over 870 missions"
    if nxt in ("is", "are", "was", "were", "has", "have", "had") and k + 1 < len(toks):
        # "The UK is at the forefront", "Russia has a special responsibility": a sentence about the country
        # as one who holds a place or a duty among others
        return toks[k + 1].low in STATE_STATES or (_opens(toks, i) and _holds(nxt, toks, k + 1))
    if _asked(toks, i) and k < len(toks) and nxt_is_verb(toks[k]):
        return True  # "Will the United States participate in the meeting?": a question of what it does
    if nxt == "to" and k + 1 < len(toks) and nxt_is_verb(toks[k + 1]):
        return True  # "enable Iraq to access loans", "for Iraq to obtain": the state does it
    i = _list_start(toks, i, gaz)
    before = toks[i - 1].low if i else ""
    if before == "the" and i > 1:
        i -= 1
        before = toks[i - 1].low
    if before in ALLY_WORDS or before in SUPPORTING:
        return True
    two = f"{toks[i - 2].low} {before}" if i > 1 else ""
    if two in ALONGSIDE:
        return True
    return before == "by" and i > 1 and toks[i - 2].low in AGENT_VERBS


_BE_HAVE = words("is are was were has have had")
# the auxiliaries that open a question of what a country does: "Will the United States participate"
_ASKING = words("will would can could should did")
# past participles of what befalls a land, not what a state does: "Iraq has suffered", "Syria has seen"
_UNDERGONE = words("suffered experienced witnessed endured faced seen been known become lost")
# the past participles that do not end in -ed: "has flown", "has sent", "has taken"
_PARTICIPLES = words("flown sent taken given made done shown led built won spent paid brought sought held")


def _asked(toks: list[Token], i: int) -> bool:
    """Does a question open with an auxiliary right before the country at ``i`` ("Will the United
    States", "Did Russia")?"""
    b = i - 1 - (i > 1 and toks[i - 1].low == "the")
    return b >= 0 and toks[b].low in _ASKING and toks[b].cap and _opens(toks, b)


def _done(tok: Token) -> bool:
    """Is the word after "has" a participle of something done ("supported", "flown"), not undergone
    ("suffered", "seen")?"""
    if not tok.word or tok.cap or tok.low in _UNDERGONE:
        return False
    return tok.low in _PARTICIPLES or (len(tok.low) > 4 and tok.low.endswith("ed"))


def _past_aside(toks: list[Token], k: int) -> int:
    """Where the clause goes on after an aside between commas at ``k`` ("The UK, as part of the Global
    Coalition, is committed"): the word after the second comma, within ten words; else 0."""
    for m in range(k + 1, min(k + 12, len(toks) - 1)):
        if toks[m].text == ",":
            return m + 1 if m > k + 1 else 0
        if toks[m].text in (";", ":", "(", ")") or toks[m].low in ("and", "or"):
            return 0
    return 0


def _of_place(toks: list[Token], i: int, gaz: Gazetteer) -> bool:
    """ "Dayr az Zawr, Syria airstrike", "bombings in Istanbul, Turkey": a country after a comma that
    follows a name which is no country may say where that place is ("Iran, Syria and Russia said" is a
    list of countries); the caller lets a verb after it say that the state acts."""
    if i < 2 or toks[i - 1].text != "," or not toks[i - 2].cap or toks[i - 2].possessive:
        return False
    return toks[i - 2].norm not in gaz.countries and not any(
        _is_country(toks, i - 1 - w, w, gaz) for w in (2, 3) if i - 1 - w >= 0
    )


def _state_noun_after(toks: list[Token], k: int, placed: bool) -> bool:
    """ "U.S. sovereign loan guarantee", "UK military support": a noun of state action after one or two
    lower-case words that qualify it. After a place's preposition only adjectives do ("a shift in U.S.
    foreign policy"): "Families in Syria need food aid" is about the place."""
    for width in (1, 2):
        end = k + width
        if end >= len(toks) or not all(t.word and not t.cap for t in toks[k : end + 1]):
            return False
        qualifier = toks[end - 1].low
        if qualifier in COMMON or qualifier in _RECEIVING or (placed and not qualifier.endswith(_ADJECTIVAL)):
            return False  # "fled Syria without aid", "Syria needs food aid": no qualifier of the noun
        if toks[end].low in STATE_NOUNS and toks[k].low not in STATE_NOUNS:
            return not (end + 1 < len(toks) and toks[end + 1].low == "of")
    return False


# endings of the adjectives that qualify a noun of state action: "foreign", "military", "financial",
# "diplomatic", "humanitarian"
_ADJECTIVAL = ("al", "ic", "ary", "ign", "ian")
# verbs of need or receipt between a country and a noun of aid: the country gets it, no state acts
_RECEIVING = words("need needs needed receive receives received get gets got lack lacks lacked seek seeks")


def _holds(verb: str, toks: list[Token], k: int) -> bool:
    """ "is one of our partners", "is at the forefront", "has a special responsibility": a duty or a role
    among others, named within a few words (not "has a population of", "is at risk", "is one of the most
    beautiful countries": what a land has or is)."""
    if toks[k].low not in (("a", "an", "the") if verb in ("has", "have", "had") else ("one", "at", "among")):
        return False
    for t in toks[k + 1 : k + 6]:
        if not t.word or t.cap:
            return False
        if t.norm in _DUTIES:
            return True
    return False


# what a state holds among others: a duty, a role, a place in an alliance
_DUTIES = words(
    """
    responsibility responsibilities role roles duty duties obligation obligations partner partners ally
    allies forefront leader leaders member members signatory signatories guarantor guarantors sponsor
    sponsors donor donors contributor contributors mediator mediators
    """
)


def _opens(toks: list[Token], i: int) -> bool:
    """Does the country open its sentence (after "The" at most)?"""
    return all(not t.word or t.text == "The" for t in toks[:i])


# words after "to" that begin no verb: "from Iraq to the south", "Iraq to 2020"
_NOT_VERBS = words(
    "the a an this that these those its their his her our some all each every both what which whom where when"
)


def nxt_is_verb(tok: Token) -> bool:
    """Is the word after a country's "to" plausibly a verb ("to access", "to obtain")?"""
    return tok.word and not tok.cap and tok.low not in _NOT_VERBS and not tok.low.endswith("ing")


def _list_start(toks: list[Token], i: int, gaz: Gazetteer) -> int:
    """Where a list of countries that ends with the one at ``i`` begins ("by Russia and Turkey")."""
    while i > 1 and toks[i - 1].low in ("and", ","):
        k = i - 1
        width = next((w for w in (3, 2, 1) if k - w >= 0 and _is_country(toks, k - w, w, gaz)), 0)
        if not width:
            break
        i = k - width
    return i


def _members(toks: list[Token], k: int, nouns: frozenset[str] = MEMBERS) -> int:
    """How many lower-case words after an organisation name its members or units ("fighters", "tactical
    units"), or after a nationality its people (``nouns``: :data:`PEOPLES`): at most one word before the
    noun, which may be in the possessive ("the Syrian people's", "the ISIL unit's")."""
    for width in (1, 2):
        end = k + width
        lower = end <= len(toks) and all(t.word and not t.cap for t in toks[k:end])
        if lower and toks[end - 1].norm in nouns and (width == 1 or toks[k].low not in nouns):
            return width
    return 0


def _own_regime(toks: list[Token], k: int, ruler: bool) -> int:
    """How many lower-case words after a person's possessive name a political regime: "regime" or "junta"
    after a ruler the lists know ("Putin's regime"), or after a political adjective ("Assad's brutal
    regime", "Maduro's authoritarian regime"). "Cristiano Ronaldo's training regime" is a footballer's
    habit, not a body."""
    words_ = list(takewhile(lambda t: t.word and not t.cap, toks[k : k + 2]))  # "Putin's regime," too
    if not words_:
        return 0
    if words_[0].low in _RULES:
        return 1 if ruler or words_[0].low == "junta" else 0
    return 2 if len(words_) == 2 and words_[0].low in _POLITICAL and words_[1].low in _RULES else 0


# adjectives that make a person's regime a government, not a diet or a training plan
_POLITICAL = words(
    """
    brutal military authoritarian oppressive repressive dictatorial totalitarian tyrannical despotic
    murderous criminal corrupt illegitimate ruling communist fascist theocratic clerical autocratic
    dying collapsing former ousted toppled puppet hardline rogue
    """
)


def _regional(toks: list[Token], k: int) -> bool:
    """ "regional government", "provincial government" after a region's name."""
    pair = toks[k : k + 2]
    return (
        len(pair) == 2
        and all(t.word and not t.cap for t in pair)
        and pair[0].low in ("regional", "provincial", "state", "federal")
        and pair[1].norm in GOVERNMENTS
    )


def _name_goes_on(toks: list[Token], i: int) -> bool:
    """Is ``toks[i]`` the end of a longer name joined by a particle ("Rio Grande do Sul", "Mato Grosso do
    Sul"), whose government is not the last word's?"""
    return (
        i > 1
        and toks[i - 1].word
        and not toks[i - 1].cap
        and toks[i - 1].low in _PARTICLES
        and toks[i - 2].cap
    )


_PARTICLES = words("do da de del dos das di du des of")


def _group(toks: list[Token], k: int) -> int:
    """ "the ISIL terrorist group", "the M23 armed group": the group's kind and "group" after its name."""
    pair = toks[k : k + 2]
    if len(pair) < 2 or any(t.cap or not t.word for t in pair):
        return 0
    return 2 if pair[0].low in ARMED_KINDS and pair[1].low in ARMED_HEADS else 0


_AGAINST_STATE = words("opposition rebel rebels insurgent militia separatist")


def _armed(toks: list[Token], k: int) -> int:
    """How many words after a country say they are its forces: "forces", "security forces", "service
    members" (not "members" alone: "EU members" are countries)."""
    width = _members(toks, k, ARMED)
    if (width == 1 and toks[k].low == "members") or (width == 2 and toks[k].low in _AGAINST_STATE):
        return 0  # "Syrian opposition forces", "Malian rebel fighters" are no forces of the state
    return width


def _ruled(toks: list[Token]) -> bool:
    """A quick look: is there a word of government anywhere in the sentence?"""
    return any(t.norm in GOVERNMENTS or t.norm in PEOPLES for t in toks)


def mark_states(cands: list[Candidate], tokens: list[list[Token]], gaz: Gazetteer) -> None:
    """Make the countries that act as states organisations (their canonical name stays the country's), and
    "the Iraqi government", "the Assad regime" organisations: the state's, or the ruler's."""
    positions = Positions(tokens)
    ruled_sentences: dict[int, bool] = {}  # once a sentence: a long one holds many candidates
    for c in cands:
        if c.type is None or c.sentence >= len(tokens):
            continue
        if c.type == "person":
            if c.sentence not in ruled_sentences:
                ruled_sentences[c.sentence] = _ruled(tokens[c.sentence])
            if not ruled_sentences[c.sentence]:
                continue
        toks = tokens[c.sentence]
        at = positions.of(c.sentence)
        i, last = at.get(c.toks[0].start), at.get(c.toks[-1].start)
        if i is None or last is None:
            continue
        if _service_of(c, toks, i, gaz):
            continue
        if c.type == "place" and i > 0 and toks[i - 1].low in _DIRECTIONS and not toks[i - 1].cap:
            c.toks = [toks[i - 1], *c.toks]
            i -= 1
        nxt = toks[last + 1] if last + 1 < len(toks) else None
        # "the Asad regime's attacks": the possessive is the regime's
        ruled = nxt is not None and nxt.word and not nxt.cap and nxt.norm in GOVERNMENTS
        country = c.type == "place" and (c.norm in gaz.countries or c.norm in gaz.demonyms)
        before = _government_of(toks, i)
        if ruled and nxt is not None and not c.toks[-1].possessive and (country or c.type == "person"):
            c.toks = [*c.toks, nxt]
            c.type = "organization"
            if not country or not c.canonical:  # a country's government is its state, under its name
                c.canonical = spelt(c.toks)
            elif not gaz.is_country(c.canonical):  # but a nation's within a state is a body of its own
                c.canonical = _devolved(c.toks)
        elif (
            c.type == "person"
            and c.toks[-1].possessive
            and (width := _own_regime(toks, last + 1, _ruler(c, gaz)))
        ):
            # "Assad's brutal regime", "Putin's regime": the ruler's, a body named after him (and still a
            # mention of him: ``revision.people_behind_bodies`` reads "ruler")
            c.toks = [*c.toks, *toks[last + 1 : last + 1 + width]]
            c.type, c.canonical = "organization", f"{spelt(c.toks[: len(c.toks) - width])} {c.toks[-1].low}"
            c.why = "ruler"
        elif (
            c.type == "place"
            and not country
            and not c.toks[-1].possessive
            and _regional(toks, last + 1)
            and not _name_goes_on(toks, i)
        ):
            # "the Kurdistan regional government": a region's own body, under its own name
            c.toks = [*c.toks, toks[last + 1], toks[last + 2]]
            c.type, c.canonical = "organization", spelt(c.toks)
        elif before and not c.toks[-1].possessive and (country or (c.type == "person" and _regime(before))):
            # "the government of Iraq", "the regime of Assad": as "the Iraqi government"
            named = spelt(c.toks)
            c.toks = [*before, *c.toks]
            c.type = "organization"
            if not country or not c.canonical:
                c.canonical = f"{named} {before[0].low}"
        elif country and not c.toks[-1].possessive and (width := _armed(toks, last + 1)):
            c.toks = [*c.toks, *toks[last + 1 : last + 1 + width]]
            c.type = "organization"
        elif _country(c, gaz) and acts(toks, i, last + 1, gaz):
            c.type = "organization"
        elif c.type == "place" and _people(c, gaz):
            c.type = "organization"  # "Syrians fled", "the Iraqis": a people, under its country's name
        elif (width := _community(c, toks, last + 1, gaz)) and c.type != "organization":
            # "the Syrian people" are Syria's; "the Syrian opposition" is a body of its own
            own = toks[last + width].low == "opposition"
            of_place = c.canonical if c.type == "place" and c.canonical and not own else None
            c.toks = [*c.toks, *toks[last + 1 : last + 1 + width]]
            c.type = "organization"
            c.canonical = of_place or spelt(c.toks)
        elif c.type == "organization" and not c.toks[-1].possessive:
            width = _members(toks, last + 1) or _group(toks, last + 1)
            if not width and c.norm not in gaz.countries:
                width = _members(toks, last + 1, PARTNERS)
            if width:  # "ISIL fighters", "Hezbollah militants": the organisation, named by its people
                c.toks = [*c.toks, *toks[last + 1 : last + 1 + width]]


def _ruler(c: Candidate, gaz: Gazetteer) -> bool:
    """Is the person one the lists know (they name rulers and politicians, no footballers)?"""
    known = gaz.known.get(c.norm) or gaz.known.get(c.toks[-1].norm)
    return known is not None and known[1] == "person"


def _community(c: Candidate, toks: list[Token], k: int, gaz: Gazetteer) -> int:
    """How many lower-case words after a name or a nationality say it is a people or a community: "the
    Syrian people", "the Al Bu Nimr tribe" (not "Syria people", nor a name in the possessive)."""
    if c.toks[-1].possessive or (c.type == "place" and c.toks[-1].norm not in gaz.demonyms):
        return 0
    return _members(toks, k, PEOPLES)


def _people(c: Candidate, gaz: Gazetteer) -> bool:
    """A nationality's plural ("Syrians", "Ukrainians"): the people, a body of persons as re3d and the news
    treat them, not the country's land."""
    tok = c.toks[-1]
    return len(c.toks) == 1 and tok.norm.endswith("s") and tok.norm in gaz.demonyms and not tok.possessive


def _regime(words_before: list[Token]) -> bool:
    """ "the regime of Assad" is his; "the state government of Chinedu Alia" is the state's, led by him."""
    return words_before[0].low in _RULES


def _devolved(toks: list[Token]) -> str:
    """ "the Scottish government", "the Welsh government": the government of a nation that is no state
    (Scotland, Wales) is neither the state nor the place, so the archive does not fold it into either;
    it goes by its own title ("Scottish Government"), as the text writes it elsewhere with a capital."""
    name = spelt(toks)
    head = name.rsplit(" ", 1)[-1]
    return name[: len(name) - len(head)] + head[:1].upper() + head[1:]


def spelt(toks: list[Token]) -> str:
    """The words of a name as written, without a possessive's "'s" at its end."""
    last = toks[-1]
    return " ".join([*(t.text for t in toks[:-1]), last.text[:-2] if last.possessive else last.text])


_DIRECTIONS = words(
    "northern southern eastern western northeastern northwestern southeastern southwestern north-eastern "
    "north-western south-eastern south-western"
)
_OF_STATE = GOVERNMENTS | {"people"}  # "the people of Syria", as "the Syrian people"


def _government_of(toks: list[Token], i: int) -> list[Token]:
    """The tokens of "government of", "regime of" or "people of" just before ``toks[i]``, else none."""
    if i < 2 or toks[i - 1].low != "of" or toks[i - 2].cap or toks[i - 2].low not in _OF_STATE:
        return []
    if i > 2 and toks[i - 3].low == "of":
        return []  # "the head of government of France" names the country's leader, not its government
    return toks[i - 2 : i]


def _service_of(c: Candidate, toks: list[Token], i: int, gaz: Gazetteer) -> bool:
    """ "the broadcaster's Ukrainian service", "the firm's Chinese suppliers": a country's word after
    another body's possessive says what of that body, not the country's state; the country is only a
    place there. True when ``c`` was so made a place."""
    if c.type != "organization" or not c.canonical or not gaz.is_country(c.canonical) or i < 1:
        return False
    before = toks[i - 1]
    if not before.possessive or before.norm in gaz.countries or not c.toks[0].cap:
        return False
    c.type = "place"
    c.toks = c.toks[: next((k for k, t in enumerate(c.toks) if not t.cap), len(c.toks))]
    return True


def as_countries(actors: list[ExtractedActor], gaz: Gazetteer) -> list[ExtractedActor]:
    """One actor per country: a state (an organisation under a country's own name) joins the country as a
    place, with all its mentions (each cut to the name in it, ``name_span``) and names, so the archive and
    ``bot.py actors`` know "Russia" once."""
    actors = [_named(a, gaz) if a.type != "person" and gaz.is_country(a.name) else a for a in actors]
    states = {a.name: a for a in actors if a.type == "organization" and gaz.is_country(a.name)}
    if not states:
        return actors
    names = set(states)
    out: list[ExtractedActor] = []
    for a in actors:
        if a.type == "organization" and a.name in names:
            continue
        state = states.pop(a.name, None) if a.type == "place" else None
        out.append(_joined(a, state) if state else a)
    # a state whose country the text never names as a place becomes the country
    out.extend(replace(s, type="place", guessed=False) for s in states.values())
    return out


def _joined(place: ExtractedActor, state: ExtractedActor) -> ExtractedActor:
    mentions = tuple(sorted({*place.mentions, *state.mentions}, key=lambda m: (m.start, m.end)))
    return replace(place, mentions=mentions, aliases=place.aliases | state.aliases, guessed=False)


def _named(country: ExtractedActor, gaz: Gazetteer) -> ExtractedActor:
    """The country or its state with each mention cut to the name in it (``name_span``)."""
    return replace(country, mentions=tuple(name_span(m, country.name, gaz) for m in country.mentions))


_WORD = re.compile(r"\S+")
_POSSESSIVE_END = re.compile(r"['’]s?$")


def name_span(mention: Mention, country: str, gaz: Gazetteer) -> Mention:
    """The mention of a country cut to the name or nationality word in it: the reading takes a phrase as
    the state acting ("North Korean soldiers", "US administration", "Iraq's efforts") or as the place
    ("eastern Ukraine"), but what names the country there is "North Korean", "US", "Iraq", "Ukraine", and
    a mention is a name as written. The longest such run of words, the first of equals; a phrase naming
    the country in none of its words is kept whole."""
    surface = mention.surface
    if _names(surface, country, gaz):
        return mention
    bounds = [(w.start(), w.end()) for w in _WORD.finditer(surface)]
    for width in range(len(bounds) - 1, 0, -1):
        for first in range(len(bounds) - width + 1):
            start, end = bounds[first][0], bounds[first + width - 1][1]
            end = start + len(_POSSESSIVE_END.sub("", surface[start:end]))
            if end > start and _names(surface[start:end], country, gaz):
                return replace(
                    mention, start=mention.start + start, end=mention.start + end, surface=surface[start:end]
                )
    return mention


def _names(words: str, country: str, gaz: Gazetteer) -> bool:
    norm = fold(words)
    return gaz.countries.get(norm) == country or gaz.demonyms.get(norm) == country
