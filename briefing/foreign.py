"""German and French copy inside English news: their articles are no part of a name ("Der Bundestag"),
and a capitalised noun after one names no one ("für das Gesetz")."""

from __future__ import annotations

from briefing.aliases import PARTICLES, fold
from briefing.coref import Candidate
from briefing.cues import NOT_ACRONYMS, ORG_HEADS, TITLES, words
from briefing.gazetteer import load_gazetteer
from briefing.names import FOREIGN_ARTICLES, is_title
from briefing.tagger import FIRM
from briefing.tokens import Token

FRENCH_TITLES = ("M.", "Mme", "Mme.", "Mlle")


# German and French words no English sentence writes in lower case ("die", "den", "am", "hat" it does)
_GERMAN_FRENCH = (FOREIGN_ARTICLES - words("die den deren dessen")) | words(
    """
    und ist mit auf für nicht sich wird im zum zur sind wurde haben nach bei oder
    du aux est avec dans sur ont sont selon mais qui
    """
)


def in_german_or_french(toks: list[Token]) -> bool:
    """Is the sentence German or French, by a function word in lower case or a German article first? "Le
    Pen said" in English copy is a name."""
    first = next((t for t in toks if t.word), None)
    return (first is not None and first.text in ("Der", "Das", "Dem")) or any(
        not t.cap and t.low in _GERMAN_FRENCH for t in toks
    )


# verbs of speech of French copy after a name: "Le Pen a ajouté", "Le Pen dénonce"; in the past tense
# after "a" or "avait"
_FRENCH_SAID = words(
    """
    ajouté déclaré dénoncé affirmé estimé indiqué annoncé expliqué assuré souligné dit répondu réagi
    critiqué promis précisé averti jugé martelé rappelé regretté fustigé
    """
)
_FRENCH_SAYS = words(
    """
    dit déclare dénonce affirme estime indique annonce explique assure souligne répond réagit critique
    promet précise avertit juge martèle rappelle regrette fustige
    """
)
# French nouns for bodies and offices that speak after an article as a surname would ("Le Syndicat a
# dit", "La Commission a annoncé", "Le Parquet a indiqué"), with the English heads and titles
_FRENCH_SPEAKERS = words(
    """
    président president présidente presidente syndicat gouvernement parlement conseil ministère ministere
    parti sénat senat tribunal parquet cour
    mairie préfecture prefecture assemblée assemblee élysée elysee patronat collectif comité comite groupe
    journal quotidien hebdomadaire magazine chaîne chaine ville région region département departement état
    etat pays commune ministre maire préfet prefet procureur juge porte-parole premier défenseur defenseur
    rapporteur gauche droite opposition majorité majorite police gendarmerie armée armee banque entreprise
    """
)


def speaks_in_french(toks: list[Token], i: int, j: int) -> bool:
    """Does a French verb of speech follow the name ``toks[i:j]`` of an article and one more word ("Le Pen
    a ajouté", "Jeudi, Le Pen dénonce")? It makes that word a surname as "said" does in English, unless
    the word is a body's or an office's noun that speaks as well ("Le Syndicat a dit", "Le Président a
    déclaré"). German copy capitalises every noun, so there an article and a word say nothing."""
    if j - i != 2 or j >= len(toks) or toks[j].cap or toks[i].low not in ("le", "la"):
        return False
    word = toks[i + 1]
    if (
        word.low in _FRENCH_SPEAKERS
        or word.norm in _FRENCH_SPEAKERS
        or word.low in ORG_HEADS
        or is_title(word)
    ):
        return False
    if toks[j].low in _FRENCH_SAYS:
        return True
    return toks[j].low in ("a", "avait") and j + 1 < len(toks) and toks[j + 1].low in _FRENCH_SAID


# Portuguese and Spanish words no English sentence writes in lower case, and their articles
_IBERIAN = words(
    "que não uma dos das pelo pela foi também está nos aos às y del una fue según los las con em"
)
_IBERIAN_ARTICLES = frozenset({"O", "A", "Os", "As", "El", "La", "Los", "Las"})


def _in_portuguese_or_spanish(toks: list[Token]) -> bool:
    return any(not t.cap and t.low in _IBERIAN for t in toks)


def _iberian_articles(candidates: list[Candidate], tokens: list[list[Token]]) -> list[Candidate]:
    """A Portuguese or Spanish article that begins a sentence is no part of a name: "O Royal Mail
    apresentou" is Royal Mail, and "O Presidente dos Estados Unidos" (the president) no one; "Los Angeles"
    and "El Salvador", names the lists know with the article, keep it."""
    starts = {toks[0].start for toks in tokens if toks and _in_portuguese_or_spanish(toks)}
    if not starts:  # no sentence in Portuguese or Spanish: nothing to read
        return candidates
    gaz = load_gazetteer()
    lower = {t.norm for toks in tokens for t in toks if t.word and not t.cap}
    out = []
    for c in candidates:
        first = c.toks[0]
        if len(c.toks) < 2 or first.text not in _IBERIAN_ARTICLES or c.start not in starts:
            out.append(c)
            continue
        head = " ".join(t.norm for t in c.toks[:2])
        if c.norm in gaz.known or gaz.place(c.norm) or head in gaz.known or gaz.place(head):
            out.append(c)
            continue
        rest = c.toks[1:]
        if len(rest) == 1 and (rest[0].norm in lower or rest[0].low in TITLES) and c.why not in FIRM:
            continue  # "O Presidente": "the president", a common noun
        surface = " ".join(t.text for t in c.toks)
        if c.canonical in (None, surface):
            c.canonical = surface.split(" ", 1)[1]
        c.toks = rest
        out.append(c)
    return out


def after_articles(candidates: list[Candidate], tokens: list[list[Token]]) -> list[Candidate]:
    """A German or French article that begins a sentence is no part of a name: "Der Bundestag" is the
    Bundestag, and "Le Syndicat" (the union) nobody, though "Le Pen" after "Marine Le Pen" is her.
    Inside a sentence it is ("in Den Haag", "Les Bains, Le Loft"); Portuguese and Spanish articles too
    (``_iberian_articles``)."""
    candidates = _iberian_articles(candidates, tokens)
    gaz = load_gazetteer()
    out = []
    starts = {
        t.start
        for toks in tokens
        if in_german_or_french(toks)
        for k, t in enumerate(toks)
        if t.word and (k == 0 or toks[k - 1].text in ("–", "—", "-", ":", "„", "«", "“", '"'))
    }
    verbs: dict[str, str] = {}  # a person's name with a verb first -> the name without it
    for c in candidates:
        first = c.toks[0]
        whole = c.norm in gaz.known or gaz.place(c.norm)  # "Des Moines", "La Paz"
        if len(c.toks) > 1 and first.low in FOREIGN_ARTICLES and c.start in starts and not whole:
            surface = " ".join(t.text for t in c.toks)
            if c.type == "person" and c.canonical in (None, surface) and not _speaks(c, tokens):
                continue
            if c.type == "person":
                out.append(c)
                continue
            if len(c.toks) == 2 and c.why not in FIRM:
                continue  # "Le Syndicat" is "the union": one common noun, no name the rules know
            if c.canonical == surface:
                c.canonical = surface.split(" ", 1)[1]
            c.toks = c.toks[1:]
        elif c.start in starts and _opens_german_sentence(c, gaz.given_names, bool(whole)):
            verbs[c.canonical or ""] = " ".join(t.text for t in c.toks[1:])
            c.toks = c.toks[1:]  # "Könnten Walerija und Johannes ..." names Walerija
        out.append(c)
    for c in out:  # and so does "Walerija" alone, which the longer name had taken
        if c.type == "person" and c.canonical in verbs:
            c.canonical = verbs[c.canonical]
    return out


def _speaks(c: Candidate, tokens: list[list[Token]]) -> bool:
    """Does a French verb of speech follow the candidate's name ("Le Pen a dénoncé ...")?"""
    toks = tokens[c.sentence]
    end = next((k + 1 for k, t in enumerate(toks) if t is c.toks[-1]), 0)
    return end >= 2 and speaks_in_french(toks, end - 2, end)


def _opens_german_sentence(c: Candidate, given: frozenset[str], whole: bool) -> bool:
    """Is the first word of this person's name the verb that opens a German question or condition
    ("Könnten Walerija und Johannes ...?", "Sollten sie ...")? A word in -en that no list holds as a given
    name or a title is no part of the name after it ("Jürgen", "Karen" are given names)."""
    first = c.toks[0]
    if c.type != "person" or len(c.toks) < 2 or whole or c.why == "list" or not first.word:
        return False
    verb = first.low.endswith("en") and not first.acronym
    return verb and first.norm not in given and first.low not in TITLES


def names_no_one(c: Candidate, tokens: list[list[Token]]) -> bool:
    """A span the tagger read as an actor that names no one: titles alone ("Minister" of "Prime Minister's
    Questions"), a time zone, a currency or a figure's code ("14:52 GMT", "DKK", "EBITDA"), or one
    capitalised word after a German or French article ("für das Gesetz")."""
    words_ = [t for t in c.toks if t.word]
    if c.why == "list" or not words_ or c.type is None:
        return False
    if len(words_) == 1 and words_[0].acronym and words_[0].norm in NOT_ACRONYMS:
        return True
    if c.sentence >= len(tokens):
        return False
    toks = tokens[c.sentence]
    k = next((k for k, t in enumerate(toks) if t.start == c.start), 0)
    before = toks[k - 1] if k > 0 else None
    if all(t.norm in TITLES for t in words_) and (words_[-1].possessive or (before and is_title(before))):
        return True
    if c.type == "person" and _of_the(c.toks) and in_german_or_french(toks):
        return True  # "Bürgermeister der Stadt" (the town's mayor) is a role, not a name
    person = len(words_) == 1 and c.type == "person" and c.why != "surname"
    return person and before is not None and not before.cap and before.low in FOREIGN_ARTICLES


def _of_the(toks: list[Token]) -> bool:
    """Does a German or French article join two words of the span, as "of the" would ("Bürgermeister der
    Stadt"), not as a name's particle does ("von der Leyen")?"""
    return any(
        not t.cap and t.low in FOREIGN_ARTICLES and toks[k - 1].low not in PARTICLES
        for k, t in enumerate(toks[1:-1], 1)
    )


# definite articles of German and French that begin names of bodies, teams and works ("La" of Spanish
# and Italian too: "La Liga"); "el" and "lo" begin people's names and nicknames as often ("El Chapo",
# "Lo Celso"), so they make a body only where the lists know the name as one
_DEFINITE = words("der die das le la les")
_DEFINITE_ELSEWHERE = words("el los las il lo gli")


def titles_not_people(candidates: list[Candidate]) -> None:
    """A definite article and one capitalised word name a body, a league or a work ("La Liga", "Die
    Linke", "Les Républicains"), no person, though a person's particle may look the same: a person keeps
    the name where a title, a role, a verb of speech ("Le Pen said") or the surname of someone named in
    full says so ("Marine Le Pen ... Le Pen told them"); so "La Liga said" stays a person's. Otherwise the
    body is a guess: "Selon Le Pen" reads as "Selon Le Parisien" does, and the archive may know a Marine
    Le Pen by it."""
    for c in candidates:
        if c.type != "person" or c.alias_of is not None or len(c.toks) != 2 or c.why in FIRM:
            continue
        article, name = c.toks
        if not article.cap or not name.cap or name.acronym:
            continue
        if article.low not in _DEFINITE and not (article.low in _DEFINITE_ELSEWHERE and _known_body(c)):
            continue
        if c.context == "person" or c.roles or c.canonical not in (None, f"{article.text} {name.text}"):
            continue
        c.type, c.guessed = "organization", True


def _known_body(c: Candidate) -> bool:
    known = load_gazetteer().known.get(c.norm)
    return known is not None and known[1] == "organization"


# Words that tell a text's language by how often it writes them in lower case: the commonest function words
# of English, and of Spanish and Portuguese (one language here: both write "como" and "para")
_ENGLISH_WORDS = words(
    "the of and to in is was that for on with by at from it has have are were his her said"
)
_IBERIAN_WORDS = words(
    """
    de del el la los las que y en se por con una un para es al como pero sus su lo ya entre cuando muy
    sobre también fue ha han hay donde según dijo porque esta este está más desde hasta durante
    não uma os da em um na mais mas foi ao das tem ou já até pelo pela disse são será
    """
)
# Spanish and Portuguese words that open a sentence capitalised and that the place lists also hold
# ("Como", "Para", "Mayo", "Habra" of "habrá" written without its accent): function words, months and days
# (lower case in these languages, so capitalised only at a sentence's start), and common verbs
_IBERIAN_COMMON = _IBERIAN_WORDS | words(
    """
    enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
    janeiro fevereiro março maio junho julho setembro outubro novembro dezembro
    lunes martes miércoles jueves viernes sábado domingo segunda terça quarta quinta sexta
    habrá habría había hubo será sería puede pueden tiene tienen hace haber estar ser ver dar
    ante bajo contra hacia tras mientras aunque pues así ahora hoy ayer luego después antes
    aquí allí todo toda todos nada algo cada otro otra mismo misma gran nuevo nueva sólo solo aún
    entonces además incluso sino donde quien cual cuyo mucho poco tanto menos sin son era
    sem onde quando também muito ainda depois agora hoje ontem assim isso essa esse aqui do no
    """
)
_IBERIAN_FOLDED = frozenset(fold(w) for w in _IBERIAN_WORDS)  # "tambien": copy without its accents too
_COMMON_FOLDED = frozenset(fold(w) for w in _IBERIAN_COMMON)


def text_in_spanish_or_portuguese(tokens: list[list[Token]]) -> bool:
    """Is the text Spanish or Portuguese copy, by its commonest words in lower case: more of theirs than
    of English's, and three at least (a quoted "según fuentes" in English news is not enough)? Cheap, and
    enough to tell which language a capitalised common word belongs to."""
    return outnumbers_english(tokens, _IBERIAN_FOLDED, _ENGLISH_WORDS, folded=True)


def outnumbers_english(
    tokens: list[list[Token]], own: frozenset[str], english: frozenset[str], *, folded: bool = False
) -> bool:
    """Does a text write more of a language's commonest words (``own``; compared folded, without accents,
    if ``folded``) than of English's (``english``), in lower case, and three at least?"""
    ours = theirs = 0
    for toks in tokens:
        for t in toks:
            if t.word and not t.cap:
                ours += (t.norm if folded else t.low) in own
                theirs += t.low in english
    return ours >= 3 and ours > theirs


# the words before a place in these languages: "en Como", "de Mayo", "hacia Para"
_BEFORE_PLACES = words("en de del desde hacia a em do da no na para por lago")


def common_words_not_places(cands: list[Candidate], tokens: list[list[Token]]) -> list[Candidate]:
    """The candidates but the one-word places of a Spanish or Portuguese text that are only a common word
    of its language capitalised ("¿Habra elecciones?", "Como dijo", "Para el gobierno", "Mayo será
    decisivo"), no mention with a word before it that places it ("en Como", "lago de Como"). English text is
    read as before: "Lake Como" and "County Mayo" stay places."""
    lone = any(c.type == "place" and len(c.toks) == 1 for c in cands)
    if not lone or not text_in_spanish_or_portuguese(tokens):
        return cands
    mentions: dict[str, list[Candidate]] = {}
    for c in cands:
        if c.type == "place" and c.canonical:
            mentions.setdefault(c.canonical, []).append(c)
    dropped = {name for name, found in mentions.items() if all(_common_word(c, tokens) for c in found)}
    return [c for c in cands if not (c.type == "place" and c.canonical in dropped)]


def _common_word(c: Candidate, tokens: list[list[Token]]) -> bool:
    """Is the mention one common word, as the language writes it or without its accents ("Habra"), with no
    word before it that places it ("en Como")? An accent the word lacks makes a name: "Pará" (the state) is
    no "para"."""
    low = c.toks[0].low if len(c.toks) == 1 else ""
    if low not in _IBERIAN_COMMON and not (low.isascii() and low in _COMMON_FOLDED):
        return False
    toks = tokens[c.sentence]
    k = next((k for k, t in enumerate(toks) if t.start == c.start), 0)
    return not (k > 0 and not toks[k - 1].cap and toks[k - 1].low in _BEFORE_PLACES)
