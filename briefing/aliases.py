"""Names under all their spellings: normal forms, canonical keys and the aliases an actor is found by.

``fold("Zelenskyy’s")`` is the form every comparison uses: diacritics dropped, "ł" or "ø" written "l" or
"o" (``briefing.letters``), case folded, dots of acronyms and apostrophes removed, hyphens as spaces
(``"al-Jabri"`` and ``"Al Jabri"`` meet).
``skeleton`` goes further for people's names, so transliteration variants meet: doubled letters are
single, the endings -yy/-iy/-ii are -y (``Zelensky``, ``Zelenskyy`` and ``Zelenskiy`` have one
skeleton) and a common Arabic given name has one spelling (``Mohammed``, ``Muhammad``, ``Mohamed``).
``actor_key(name, type)`` is the identity stored in ``actors.key`` (``person:keith kellogg``): the type
keeps Keith Kellogg the envoy apart from Kellogg's the company.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from briefing.given_names import compound_given, given_spelling
from briefing.letters import fold_letters, umlauts_written
from briefing.models import ActorType

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"})
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"'s\b")
_DOUBLE = re.compile(r"([a-z])\1+")
_ENDING = re.compile(r"(?:yy|iy|ii|yi)\b")
# particles that do not tell two people apart: "Bashar al-Assad" is "Bashar Assad"
PARTICLES = frozenset(
    {"al", "el", "ul", "bin", "ibn", "van", "von", "der", "den", "de", "da", "di", "du", "la", "le"}
)
# A generational suffix ("Jr.", "Sr.", "III") is exactly what tells a father and his son apart: Donald Trump
# Jr. is not Donald Trump, nor Ken Griffey Sr. his son. A numeral after one word alone is a monarch's or a
# pope's ("Charles III", "Leo XIV"), the same person as "King Charles"; see ``generation``.
GENERATIONAL = frozenset({"jr", "jnr", "sr", "snr"})
_REGNAL = frozenset({"ii", "iii", "iv"})
SUFFIXES = GENERATIONAL | _REGNAL
_GENERATION_SPELLING = {"jnr": "jr", "snr": "sr"}
# Common Chinese and Korean family names, which come first: news calls Kim Jong Un "Kim", Wang Yi "Wang",
# Yoon Suk Yeol "Yoon", Roh Moo-hyun "Roh".
FAMILY_FIRST = frozenset(
    """kim lee yi park pak choi choe jung jeong kang cho yoon yun jang lim han oh seo shin kwon hwang ahn
    song moon hong xi li wang zhang liu chen yang zhao huang zhou wu xu sun ma hu guo he gao lin luo zheng
    deng cai peng xie tang feng dong ye roh noh chung woo yoo ryu bae baek jeon chun nam suh hyun ko jiang
    wei son cha heo kwak byun""".split()
)


# One romanised Chinese or Korean syllable ("jong", "un", "jin", "ping", "yeol", "myung", "hsien", "back"):
# an onset, a vowel group and an ending of n, ng, m or a stop at most; "davis", "smith" or "harvey" is none
_SYLLABLES = re.compile(
    r"(?:(?:zh|ch|sh|hs|ts|kk|tt|pp|ss|jj|[bpmfdtnlgkhjqxrzcsyw])?[wy]?[aeiou][aeiouw]{0,2}(?:ng|ck|n|m|k|l|p|t)?){1,3}"
)
# a patronymic particle names the father: "Salman" alone is King Salman, not Mohammed bin Salman
PATRONYMICS = frozenset({"bin", "ibn", "bint"})


def family_first(words: list[str]) -> bool:
    """Whether a name of these (folded) words puts its family name first: two or three words, the first a
    common Chinese or Korean family name, and each of the rest romanised syllables of a given name ("Kim
    Jong Un", "Wang Yi", "Lee Jae-myung", "Xi Jinping", but not "Lee Anderson", "Kim Davis" or "Lee
    Harvey Oswald")."""
    if not 2 <= len(words) <= 3 or words[0] not in FAMILY_FIRST:
        return False
    rest = [part for word in words[1:] for part in word.split()]
    return len(rest) <= 3 and all(_SYLLABLES.fullmatch(w) for w in rest)


def given_name_last(words: list[str], given: frozenset[str] | set[str]) -> bool:
    """Whether a two-word name (folded) may put its family name first, as Japanese names are written in
    their own order ("Ishiba Shigeru"): the last word a given name of ``given`` and the first none (nor a
    particle). A Western name of that shape ("Isaura Thomas") is read so too; the caller keeps both ways."""
    if len(words) != 2 or words[0] in given or words[1] not in given or words[0] in PARTICLES:
        return False
    return not family_first(words)


# Legal-form words an organisation drops when named again ("Apple Inc." then "Apple", "Nordhavn Shipping
# A/S" then "Nordhavn Shipping"): English, German, Nordic, French, Italian, Spanish and Dutch forms.
CORPORATE = frozenset(
    """
    inc corp co ltd llc plc ag sa gmbh nv bv a/s ab asa spa oyj sarl srl group company corporation holdings
    se kgaa pvt pte limited
    """.split()
)
# Short forms of English given names that news writes both ways ("Mike Waltz", "Michael Waltz"); only
# short forms that stand for one full name (not "Chris", "Alex", "Sam", "Pat", "Kate": several)
_GIVEN_FORMS = {
    "michael": "mike mick mikey",
    "william": "bill billy will willy",
    "robert": "bob bobby rob robbie",
    "james": "jim jimmy",
    "joseph": "joe joey",
    "thomas": "tom tommy",
    "richard": "dick rick ricky rich",
    "anthony": "tony",
    "david": "dave",
    "daniel": "dan danny",
    "matthew": "matt",
    "nicholas": "nick",
    "peter": "pete",
    "benjamin": "ben",
    "edward": "ed eddie",
    "andrew": "andy drew",
    "gregory": "greg",
    "jeffrey": "jeff",
    "jonathan": "jon",
    "joshua": "josh",
    "kenneth": "ken",
    "lawrence": "larry",
    "elizabeth": "liz betsy",
    "jennifer": "jen jenny",
    "charles": "chuck charlie",
    "ronald": "ron",
    "donald": "don",
    "douglas": "doug",
    "philip": "phil",
    "timothy": "tim",
    "stephen": "steve",
}
GIVEN_FULL = {short: full for full, shorts in _GIVEN_FORMS.items() for short in shorts.split()}


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """The comparable form of a name: no diacritics, "ł" as "l" (``briefing.letters``), case folded,
    ``U.S.`` -> ``us``, hyphens as spaces."""
    text = text.translate(_QUOTES)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", fold_letters(text))
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = _POSSESSIVE.sub("", text.casefold())
    text = text.replace(".", "").replace("'", "").replace("-", " ").replace("&", " and ")
    return _SPACES.sub(" ", text).strip()


def strip_article(norm: str) -> str:
    return norm[4:] if norm.startswith("the ") else norm


def generation(words: list[str]) -> str | None:
    """The generational suffix that ends a folded person's name (``["donald", "trump", "jr"]`` -> "jr",
    "Jnr" written "jr"), part of who the person is; None for a name without one, for a suffix alone ("Jr."
    is no one) and for a numeral after one word ("charles iii": a regnal number, King Charles himself)."""
    if len(words) < 2 or words[-1] not in SUFFIXES:
        return None
    if words[-1] in _REGNAL and len([w for w in words[:-1] if w not in PARTICLES]) < 2:
        return None
    return _GENERATION_SPELLING.get(words[-1], words[-1])


def without_generation(words: list[str]) -> list[str]:
    """A name's words (as written or folded) without the suffix that ends them, generational or regnal
    ("Donald Trump Jr." -> "Donald Trump", "Charles III" -> "Charles")."""
    return words[:-1] if len(words) > 1 and fold(words[-1]) in SUFFIXES else words


@lru_cache(maxsize=100_000)
def skeleton(norm: str) -> str:
    """A folded person's name with transliteration noise removed (``zelenskyy`` -> ``zelensky``), and an
    Arabic given name in one spelling (``mohammed bin salman`` and ``muhammad bin salman`` meet;
    ``briefing.given_names.given_spelling``). A generational suffix stays (``generation``: "trump jr" is
    not "trump"), a regnal numeral goes ("charles iii" is "charles")."""
    parts = norm.split()
    suffix = generation(parts)
    words = [w for w in without_generation(parts) if w not in PARTICLES] or parts
    if suffix:
        words = [*words, suffix]
    return " ".join(given_spelling(_ENDING.sub("y", w)) for w in words)


_SPACED_INITIALS = re.compile(r"\b([a-z]) (?=[a-z]\b)")


def joined_initials(norm: str) -> str:
    """A folded name with its spaced initials written together, as the dotted ones fold ("george h w bush",
    of "George H. W. Bush", -> "george hw bush", of "George H.W. Bush"): one name either way."""
    return _SPACED_INITIALS.sub(r"\1", norm)


def full_given(norm: str) -> str:
    """A folded person's name with a short first name written out (``mike waltz`` -> ``michael waltz``),
    so both forms meet in the alias index; a name without one comes back as it is."""
    first, _, rest = norm.partition(" ")
    full = GIVEN_FULL.get(first)
    return f"{full} {rest}" if full and rest else norm


def actor_key(name: str, type_: ActorType) -> str:
    """The identity of an actor across articles, stored in ``actors.key``."""
    norm = strip_article(fold(name))
    return f"{type_}:{skeleton(norm) if type_ == 'person' else norm}"


def surname(name: str) -> str | None:
    """The surname of a multi-word person's name as written, with the particles that begin it (``Keith
    Kellogg`` -> ``Kellogg``, ``Pieter van der Berg`` -> ``van der Berg``) and the generational suffix
    that ends it (``Donald Trump Jr.`` -> ``Trump Jr.``: "Trump" alone is his father)."""
    written = name.split()
    words = without_generation(written)
    if len(words) < 2:
        return None
    last = fold(words[-1])  # a hyphenated surname whole: "Ocasio-Cortez", not "Cortez"; "Jong-Un", not "Un"
    if not last or last in PARTICLES:
        return None
    k = len(words) - 1
    while k > 0 and fold(words[k - 1]) in PARTICLES:
        k -= 1
    suffix = written[-1:] if generation([fold(w) for w in written]) else []
    return " ".join([*words[k:], *suffix])


def name_tails(name: str, given: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """The later parts of a person's name of three words or more that name them too, as written: "Lula da
    Silva" and "Inácio Lula da Silva" of Luiz Inácio Lula da Silva, "Pinto Luz" of Miguel Pinto Luz,
    "López Obrador" of Andrés Manuel López Obrador. The name begins with a given name (of ``given``,
    folded); a part holds two names at least, begins with a capitalised word that is no particle nor
    initial, and when it begins with a given name holds a particle too ("Ann Smith" of Mary Ann Smith is
    a name of its own). A name that puts its family name first has none ("Jong Un" is a given name). A
    generational suffix ends each part as it ends the name ("Lula da Silva Jr.")."""
    written = name.split()
    words = without_generation(written)
    suffix = written[-1:] if generation([fold(w) for w in written]) else []
    folded = [fold(w) for w in words]
    if len(words) < 3 or folded[0] not in given or family_first(folded):
        return []
    tails = []
    for k in range(max(1, compound_given(folded)), len(words) - 1):  # none inside "Abdel Fattah"
        tail, norms = words[k:], folded[k:]
        if not all(w[:1].isupper() or n in PARTICLES for w, n in zip(tail, norms, strict=True)):
            continue
        if norms[0] in PARTICLES or len(norms[0]) < 2 or tail[0].endswith("."):
            continue
        if folded[k - 1] in PATRONYMICS:  # "Salman Al Saud" of Khalid bin Salman Al Saud is his father
            continue
        names = [n for n in norms if n not in PARTICLES]
        if len(names) >= 2 and (norms[0] not in given or len(names) < len(norms)):
            tails.append(" ".join([*tail, *suffix]))
    return tails


def first_surname_form(name: str, given: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """For a given name (of ``given``, folded) and two surnames, as Spanish and Portuguese names are
    ("Claudia Sheinbaum Pardo"), the name with the first surname alone ("Claudia Sheinbaum"), which
    another article may call the person. A middle word that is a given name ("Mary Ann Smith"), an
    initial or a particle ("Lula da Silva") is no first surname."""
    words = name.split()
    folded = [fold(w) for w in words]
    if len(words) != 3 or folded[0] not in given or family_first(folded) or compound_given(folded):
        return []  # "Abdel Fattah el-Sisi" is a given name of two words and a surname
    if any(
        f in given or f in PARTICLES or len(f) < 2 or w.endswith(".")
        for w, f in zip(words[1:], folded[1:], strict=True)
    ):
        return []
    return [" ".join(words[:2])]


def alias_pairs(
    name: str,
    type_: ActorType,
    aliases: frozenset[str] | set[str] = frozenset(),
    given: frozenset[str] | set[str] = frozenset(),
) -> set[tuple[str, str]]:
    """(alias, norm) pairs an actor may be looked up by: its names, and a person's surnames and skeletons
    (``given``, the folded given names, tells the shorter forms of a long name that name the person, see
    ``name_tails`` and ``first_surname_form``)."""
    pairs = set()
    names = {name, *aliases}
    folded = {strip_article(fold(a)) for a in names}
    # a person the text calls by a surname of two words ("López Obrador") is not found by its last word
    compound = any(fold(t) in folded for a in names for t in name_tails(a, given))
    for alias in names:
        norm = strip_article(fold(alias))
        if not norm:
            continue
        pairs.add((alias, norm))
        short = without_legal_form(norm)
        if type_ == "organization" and short != norm:
            pairs.add((alias, short))  # the company under the name it goes by in another article
        if type_ == "person" and (short := without_dynasty(norm)) != norm:
            pairs.update({(alias, short), (alias, skeleton(short))})  # "Mohammed bin Zayed"
        if type_ == "person":
            pairs.add((alias, skeleton(norm)))
            pairs.add((alias, full_given(norm)))
            pairs.add((alias, joined_initials(norm)))  # "George H. W. Bush" found as "George H.W. Bush"
            # the shortest later part ("Lula da Silva", not "Inácio Lula da Silva"): the one news writes
            shorter = name_tails(alias, given)[-1:] + first_surname_form(alias, given)
            for short in shorter:
                pairs.update({(short, fold(short)), (short, skeleton(fold(short)))})
            pairs.update(_surname_pairs(alias, norm, folded, compound))
    if type_ == "person":  # "Selenskyj" of German copy finds Zelensky, and the other way
        pairs.update((alias, key) for alias, norm in list(pairs) if (key := transliteration_key(norm)))
    written = sorted(umlauts_written(a) for a in names if umlauts_written(a) != a)
    if written:  # "Schroeder" finds Gerhard Schröder, under the names as the text writes them
        words = {umlauts_written(w): w for a in names for w in a.split()}
        more = alias_pairs(written[0], type_, set(written[1:]), given)
        pairs.update((" ".join(words.get(w, w) for w in alias.split()), norm) for alias, norm in more)
    return pairs


def _surname_pairs(alias: str, norm: str, folded: set[str], compound: bool) -> set[tuple[str, str]]:
    """A person's surname as an alias: "Kellogg", "van der Berg", "bin Salman" (never "Salman": the
    father's name), the family name of a name that puts it first ("Kim", never "Un" nor "Jong Un"); none
    for a person who goes by a compound surname, and not the second surname of one who goes by the first
    ("Claudia Sheinbaum" of Claudia Sheinbaum Pardo)."""
    words = alias.split()
    parts = [fold(w) for w in words]
    if family_first(parts):
        return {(words[0], parts[0])}
    if compound_given(parts) >= len(words):
        return set()  # "Abdel Fattah" alone is a given name, with no surname "Fattah"
    if house := dynasty(norm):  # "Al Saud" alone is the house, and "bin Salman" the father's sons
        short = " ".join(words[: -len(house.split())])
        father = _surname_pairs(short, fold(short), folded, compound)
        return {(alias, house)} | {(alias, n) for _, n in father}
    word = surname(alias)
    second = norm.rsplit(" ", 1)[0] in folded and len(words) > 2
    if word is None or second or compound:
        return set()
    last = fold(word)
    if last.split()[0] in PATRONYMICS:
        return {(alias, last)}  # found by "bin Salman", never "also called" it: his brothers are too
    return {(word, last), (word, skeleton(last))}


def dynasty(norm: str) -> str | None:
    """The house a folded Gulf royal's name ends with ("al saud" of "khalid bin salman al saud"), which
    every prince of it shares; None for a name without one (``without_dynasty``: "ahmed al masri")."""
    short = without_dynasty(norm)
    return norm[len(short) + 1 :] if short != norm else None


def shared_name(norm: str, names: Iterable[str] = ()) -> bool:
    """Is a folded name one that many people share, and so names no one by itself: a patronymic alone
    ("bin zayed": Mohamed and Abdullah bin Zayed are brothers), or the house that one of ``names`` (folded
    full names) ends with ("al thani")? A surname with an article ("al assad") is no house."""
    words = norm.split()
    if len(words) == 2 and words[0] in PATRONYMICS:
        return True
    return len(words) == 2 and words[0] == "al" and any(dynasty(n) == norm for n in names)


def spelt_alike(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Are two (given name, surname) pairs, folded and skeletal, one person's name spelt two ways? The same
    surname and a given name a few letters longer ("Hernan", "Hernando": five letters in common at
    least), or the same given name and a surname one letter off ("Alemu", "Alemou": five letters at
    least). "Paul Ryan" and "John Ryan", "Paul Ryan" and "Paula Ryan" are two people."""
    (given_a, last_a), (given_b, last_b) = a, b
    if given_a == given_b and last_a != last_b:
        return min(len(last_a), len(last_b)) >= 5 and edit_distance(last_a, last_b, 1) == 1
    if last_a != last_b or given_a == given_b:
        return False
    short, long_ = sorted((given_a, given_b), key=len)
    return len(short) >= 5 and long_.startswith(short) and len(long_) - len(short) <= 3


# Arabic names come to English in several spellings: vowels ("Shaibani", "Shibani"), doubled letters and
# one sound written q, g or k ("Qaddafi", "Gaddafi", "Kadhafi")
_ARABIC_ARTICLES = frozenset({"al", "el"})
_VOWELS = re.compile(r"[aeiouy]")
_SOUNDS = str.maketrans({"q": "k", "g": "k"})


def _sounds(word: str) -> str:
    return _DOUBLE.sub(r"\1", word.replace("dh", "d").translate(_SOUNDS))


def _one_vowel_off(a: str, b: str) -> bool:
    """Two words of one sound, but for one vowel at most ("shaibani", "shibani"), not "hassan" and
    "hussein"."""
    sound_a, sound_b = _sounds(a), _sounds(b)
    consonants = _VOWELS.sub("", sound_a)
    if consonants != _VOWELS.sub("", sound_b):
        return False
    return edit_distance(sound_a, sound_b, 1) <= 1


def transliterated_alike(a: str, b: str) -> bool:
    """Are two folded people's names one Arabic name transliterated two ways ("asaad al shaibani", "asaad
    hassan al shibani"; "muammar gaddafi", "muammar al qaddafi")? One holds the article al-/el- of an
    Arabic surname; the given names are one skeleton; the surnames, of three consonants at least, differ
    only by doubled letters, q/g/k and one vowel at most; a middle name only one of them writes is no
    difference. "Asaad al-Shaibani" and "Omar al-Shibani", or "John Smith" and "John Smyth", stay apart."""
    words_a, words_b = a.split(), b.split()
    if not _ARABIC_ARTICLES & {*words_a[1:], *words_b[1:]}:
        return False
    names_a = [w for w in words_a if w not in PARTICLES]
    names_b = [w for w in words_b if w not in PARTICLES]
    if min(len(names_a), len(names_b)) < 2 or words_a[0] in PARTICLES or words_b[0] in PARTICLES:
        return False
    if len(names_a[0]) < 3 or skeleton(names_a[0]) != skeleton(names_b[0]) or names_a[-1] == names_b[-1]:
        return False
    if len(_VOWELS.sub("", _sounds(names_a[-1]))) < 3 or not _one_vowel_off(names_a[-1], names_b[-1]):
        return False
    middle_a, middle_b = names_a[1:-1], names_b[1:-1]
    return not (middle_a and middle_b) or [*map(_sounds, middle_a)] == [*map(_sounds, middle_b)]


# German copy writes Russian and Ukrainian names with German letters for the same sounds: "Selenskyj" for
# Zelensky, "Nawalny" for Navalny, "Lawrow" for Lavrov, "Timoschenko" for Tymoshenko ("Schoigu" for Shoigu
# too, but a surname with none of the endings below gets no key: "Wang" and "Vang" stay two).
# Both spellings come to one key: German "tsch" and "sch" as English "ch" and "sh", English "kh" and "zh"
# as German "ch" and "sh", "w" as "v", "z" as "s", "x" as "ks", "j" and "y" as "i", doubled letters single.
_GERMAN_LETTERS = (("tsch", "ch"), ("sch", "sh"), ("kh", "ch"), ("w", "v"), ("z", "s"), ("x", "ks"))
_I_SOUNDS = str.maketrans({"j": "i", "y": "i"})
# the surname endings of such names, either spelling: -sky/-skyj, -ov/-ow(a), -ev/-ew(a), -ny/-nyj, -enko,
# -uk, -ich/-itsch
_SLAVIC_ENDING = re.compile(r"(?:sk(?:[iy][jyi]?)|[eo][vw]a?|n[iy][jyi]?|enko|[uy]k|(?:v|w|t?s)?ich|itsch)$")
TRANSLITERATED = "~"  # what begins such a key in the alias index, so no name typed or written equals one


def transliteration_key(norm: str) -> str | None:
    """One key for a folded Russian or Ukrainian person's name as English and German copy write it
    ("wolodymyr selenskyj" and "volodymyr zelensky": "~volodimir selenski"), or None for a name whose
    last word has no such surname's ending ("angela merkel") and that is no Russian or Ukrainian given
    name before a surname with such a sound (``_slavic_sounding``: "sergej schoigu", "jewgeni prigoschin")."""
    words = norm.split()
    if not words or not norm.isascii():
        return None
    if not _SLAVIC_ENDING.search(words[-1]) and not _slavic_sounding(words):
        return None
    return TRANSLITERATED + _letters_key(norm)


def _letters_key(norm: str) -> str:
    """``norm`` in English copy's letters for a Russian or Ukrainian name, one letter for j/y/i, no double
    letters: "jewgeni prigoschin" and "yevgeny prigozhin" are "ievgeni prigoshin"."""
    key = norm
    for german, english in _GERMAN_LETTERS:
        key = key.replace(german, english)
    return _DOUBLE.sub(r"\1", key.translate(_I_SOUNDS))


# Russian and Ukrainian given names as English and German copy write them, the common ones of the news
_SLAVIC_GIVEN = frozenset(
    _letters_key(n)
    for n in """
    sergei sergej sergey vladimir wladimir volodymyr wolodymyr dmitri dmitry dmitrij alexei alexej aleksei
    alexey aleksandr oleksandr andrei andrej andriy andrij mikhail michail mykhailo nikolai nikolaj mykola
    yuri juri yuriy yevgeny yevgeni jewgeni evgeny valery valeri walerij vitaly vitali witali anatoly
    anatoli gennady gennadi vasily wassili pavel pawel pyotr pjotr fyodor fjodor maksim konstantin
    arseniy arsenij petro oleksiy oleksij denys kirill kyrylo ramzan vyacheslav wjatscheslaw yaroslav
    jaroslaw svyatoslav swjatoslaw yulia julija olena yelena jelena natalya natalja svetlana swetlana
    tatyana tatjana lyudmila ljudmila yekaterina jekaterina oksana darya darja nadezhda nadeschda
    """.split()
)
# the sounds a Russian or Ukrainian surname is written with, in English or German copy: "sh", "zh", "kh",
# "sch" ("Shoigu", "Schoigu", "Prigozhin"), a first "ye", "ya", "yu" as "je", "ja", "ju" ("Yermak"), and
# the "-in"/"-yn" ending that alone is too common a name's ("Martin") but after a Russian given name is
# the Russian one ("Wladimir Putin")
_SLAVIC_SOUNDS = re.compile(r"sh|zh|kh|sch|^[jy][aeou]|[iy]n$")


def _slavic_sounding(words: list[str]) -> bool:
    """Is the folded name a Russian or Ukrainian given name and a surname with those sounds ("sergei
    shoigu", "sergej schoigu", "andrij jermak")? Both are needed: a key joins names that differ in
    those letters only, and "Irina Smyth" and "Irina Smith" are two women."""
    return (
        len(words) >= 2 and _letters_key(words[0]) in _SLAVIC_GIVEN and bool(_SLAVIC_SOUNDS.search(words[-1]))
    )


def without_dynasty(norm: str) -> str:
    """A folded Gulf royal's name without its dynasty ("faisal bin farhan al saud" -> "faisal bin farhan"),
    the tail most outlets leave out, as a company's legal form; a name with no "bin" chain before an
    "Al X" ends ("ahmed al masri"), or nothing but one, comes back as it is."""
    words = norm.split()
    if len(words) < 5 or words[-2] != "al" or not set(words[1:-3]) & PATRONYMICS:
        return norm
    return " ".join(words[:-2])


def without_legal_form(norm: str) -> str:
    """A folded company name without its legal form (``nordhavn shipping a/s`` -> ``nordhavn shipping``);
    a name that is nothing but one comes back as it is."""
    words = norm.split()
    while len(words) > 1 and words[-1].rstrip(",") in CORPORATE:  # "honda motor co, ltd"
        words.pop()
    return " ".join(words).rstrip(",")


def trigrams(norm: str) -> set[str]:
    """Trigrams of each word, padded as PostgreSQL's pg_trgm does ("  k", " ke", "kel", ..., "gg ")."""
    out: set[str] = set()
    for word in norm.split():
        padded = f"  {word} "
        out.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return out


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, giving up (returning ``limit + 1``) once it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]
