"""Sentences that need what came before them, so a summary does not open with them.

    leans_back("This week's reports ... is, therefore, hardly surprising.")   # False: the news
    leans_back("However, Nassar said the treatment was legitimate.")          # True
    leans_back("This week the court ruled against the city.")                 # False: "this week" is when
    follows_from("You will get a version of Ruby that can't install gems.")   # True: the step before's
    needed_before(sentences)   # {3: (frozenset({0, 1, 2}),)}: "However, ..." needs one of those
    with_full_names([(2, "Randall-Gay's mother ...")], sentences)  # ["Brianne Randall-Gay's mother ..."]

An extractive summary lifts sentences out of their article. One that opens on a connective ("However",
"But", "Also"), that opens on a pronoun ("It was ...", "They said ...", "He said ...") or on "this"/"these"
standing for something said ("This is ...", "These measures ..."), or that names a person by the surname
alone where the article gave the full name before ("Randall-Gay's mother complained ..." after "Brianne
Randall-Gay was 17 ..."), reads as an answer to a question the reader never saw. :func:`needed_before`
says, for each such sentence, which earlier sentences of the article can come before it (any of them),
and the summary (:mod:`briefing.summary`) tells such a sentence only after one of those; so it never
opens a summary. A "he" or "she" whose person is clear is named instead (:mod:`briefing.referents`),
and the sentence may open the summary. A sentence that is the consequence of the one just before it
(:func:`follows_from`: "You will get a version of Ruby that can't install gems" after "Don't follow the
instructions and specify --ruby", "This means ...", "That is why ...") needs that very sentence: told
right after it, or not at all. A surname alone is written in full instead (:func:`with_full_names`): the
sentence that introduced the person is rarely among the summary's, and a summary that waited for it would
leave out what the article is about.

What these rules cost on the BBC benchmark, whose references are extracts that take "He said ..." or
"However, ..." as readily as any sentence, is in ``bench/RESULTS.md``: making every such sentence wait
for the one just before it cost 0.004 ROUGE-1 there, so only a consequence does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from briefing.aliases import PARTICLES, fold
from briefing.gazetteer import load_gazetteer
from briefing.referents import People, names_written, opens_on_someone

_QUOTE = r"[\"“‘']?"
# a sentence's first words that answer what came before: connectives, and demonstratives standing for
# it ("This is", "These measures"; not "This week", a time)
_TIME = (
    "week|weekend|year|month|morning|afternoon|evening|night|summer|autumn|fall|winter|spring|season|"
    "time|decade|century|january|february|march|april|may|june|july|august|september|october|november|"
    "december|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
)
_OPENER = re.compile(
    rf"{_QUOTE}(?:(?:However|But|And|Also|Yet|Still|Therefore|Thus|Hence|Moreover|Furthermore|Nevertheless"
    r"|Nonetheless|Consequently|Instead|Besides|Otherwise|Indeed|Likewise|Similarly|Meanwhile|Then"
    r"|So(?!\s+far\b))\b(?!-)"
    r"|(?:In addition|As a result|In turn|Even so|By contrast|In contrast|On the other hand|That is why"
    r"|Not only that)\b)"
    # a speaker's "this" is what the attribution tells ("“This is a very special award,” said the CEO")
    r"|(?:These|Those|Such)\b(?!-)"
    rf"|(?:This|That)\b(?!\s+(?i:{_TIME})\b)(?!-)"
)
# a sentence that is the consequence of the one just before it: the reader's result of a step ("You
# will get a version of Ruby that can't install gems" after "Don't specify --ruby or --rails."), or what
# that sentence means or explains ("This means ...", "All this means ...", "That is why ..."); not in a
# quotation, where "you" is the speaker's listener ("“You will see a different approach,” the minister
# said")
_CONSEQUENCE = re.compile(
    r"(?:You(?:\s+will|\s+would|\s+then|’ll|'ll|’d|'d)\b"
    r"|(?:All\s+(?:of\s+)?(?:this|that)|This|That|Which|It)\s+(?:means|meant|is\s+why|was\s+why|is\s+because|was\s+because|explains"
    r"|explained|is\s+how|was\s+how)\b"
    r"|(?:This|That|It)[’']s\s+(?:why|because|how)\b)"
)
# a step of a sequence of instructions: "Then run rvm requirements ...", "Finally, stir in the butter"
# (the verbs that instruct, so "Then the storm hit" and "Next year ..." are none)
_STEP = re.compile(
    r"(?:Then|Next|Finally|Lastly|Now|Afterwards|After that|Second|Secondly|Third|Thirdly),?\s+"
    r"(?:(?:just|simply)\s+)?"
    r"(?:run|install|uninstall|set|open|close|click|tap|select|choose|type|enter|add|remove|delete|restart"
    r"|reboot|download|copy|paste|save|edit|create|build|compile|check|press|put|move|change|update|upgrade"
    r"|configure|follow|specify|omit|apply|enable|disable|connect|insert|fill|drag|log|sign|mix|stir|bake"
    r"|cook|heat|pour|cut|place|turn|wait|repeat|start|stop|go|use|make|take|get)\b"
)
# a sentence told as the next event of a narrative, which needs the one before it: "Randall-Gay’s mother
# subsequently complained ...", "She was later named as his wife"
# ("was later named", a past participle after it: "is later this week" is a time to come)
_SEQUEL = re.compile(r"\b(?:subsequently|thereafter|(?:was|were)\s+later\s+[a-z]+ed)\b")
# a demonstrative standing for what the sentence before said, among a sentence's first words ("In no other
# category has this choice been more painful"): not a time ("this week", "these days"), not the place or
# the piece itself ("this country", "this article"), not "this" as a pronoun ("this is", "this to")
_DEMONSTRATIVE = re.compile(
    rf"\b(?:this|these)\s+(?!(?:(?i:{_TIME})|days|quarter|country|city|town|story|article|page|site|post"
    r"|newsletter|podcast|episode|one|is|was|are|were|has|have|had|will|would|can|could|may|might|should"
    r"|must|to|of|in|on|at|for|and|or|but|as|by|with|from)\b)[a-z]"
)
# "the decision", "the move" as what a sentence is about, opening it or a clause of saying ("The regional
# council said the decision was made for safety reasons"): the act the sentence just before told
_ACT_NOUN = r"(?:decision|move|step|measure|announcement|closure|ban)"
_LAST_ACT = re.compile(
    r"(?:^|\b(?:said|says|added|adds|explained|insisted|stressed)\s+(?:that\s+)?)"
    rf"(?:[Tt]he|[Tt]his|[Tt]hat)\s+{_ACT_NOUN}\s+"
    r"(?:was|is|had|has|would|will|came|comes|follows|followed|means|meant|aims|aimed)\b"
)
# the same noun as what a reaction is to ("Residents welcomed the decision.", "Unions condemned the move as
# reckless"), unless words after it say which ("welcomed the decision to close", "the move by the council")
_REACTING = (
    r"(?:welcom|criticis|criticiz|condemn|prais|applaud|oppos|challeng|defend|back|slamm?|attack|question"
    r"|protest|hail|denounc|reject|support|greet)"
)
_REACTION_TO_ACT = re.compile(
    rf"\b(?:{_REACTING}|object(?:ed|s|ing)?\s+to|appeal(?:ed|s|ing)?\s+against)"
    r"(?:e|es|ed|s|ing)?\s+"
    rf"(?:(?:the|this|that)\s+{_ACT_NOUN}\b(?!\s+(?:to|of|by|for|in|at|over|against|that|which)\b)(?![-'’])"
    r"(?!\s+on\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)))"
)
# a reaction to "it" or "the plan" ("Unions condemned it", "It was widely welcomed by residents", "Parents
# have criticised the plan"): in an article's first sentence, the act told after it (:func:`needed_before`).
# Further on, "it" is more often what the sentences before it are about ("Mervyn Davies hailed it as one of
# the great performances"), and "The plan is likely to ..." tells what the article is about: made to wait
# there, they cost 0.0002 ROUGE-2 on the BBC set's test half ("it") and one summary of its tune half
# ("the plan"), summ20
_REACTION_TO_IT = re.compile(
    rf"\b{_REACTING}(?:e|es|ed|s|ing)?\s+(?:it\b(?![-'’])|(?:the|this|that)\s+plan\b(?!\s+(?:to|of|by|for)\b))"
    rf"|^(?:It|(?:The|This|That)\s+plan)\s+(?:was|is|has\s+been|had\s+been)\s+"
    rf"(?:(?:widely|warmly|roundly|sharply|strongly|broadly)\s+)?{_REACTING}e?d\b"
)
# a reaction to the response to an event ("Villagers praised the rescue effort.", "Officials defended the
# emergency response"): as an article's first sentence, the event told after it (:func:`_first_event`), a
# deadly one often told with no verb of an act ("Ten people were killed when a landslide hit ...", qa33 F5)
_RESPONSE = r"(?:effort|efforts|response|operation|operations|search|evacuation|relief\s+effort)"
_REACTION_TO_RESPONSE = re.compile(
    rf"\b{_REACTING}(?:e|es|ed|s|ing)?\s+(?:the|this|that)\s+"
    r"(?:(?:rescue|relief|emergency|aid|recovery|search|government'?s?|authorities'?|official|police|army)\s+)?"
    rf"{_RESPONSE}\b(?!\s+(?:to|of|by|for|in|at|that|which)\b)(?![-'’])",
    re.IGNORECASE,
)
# a verb telling an event a response answers: deaths, injuries, a disaster's strike ("were killed when a
# landslide hit", "an earthquake struck", "floods swept")
_EVENT = re.compile(
    r"\b(?:killed|killing|died|dead|injured|wounded|hit|struck|strikes|swept|collapsed|erupted|exploded"
    r"|crashed|sank|flooded|buried|destroyed|trapped|missing)\b",
    re.IGNORECASE,
)
# a verb telling an act that "the decision", "the move", "the closure" or "the ban" names ("The council
# voted on Tuesday to close the central library", "Schools ... will stay closed")
_ACT = re.compile(
    r"\b(?:decided|decides|voted|votes\s+to|approved|approves|agreed|ruled|ordered|announced|announces"
    r"|banned|bans|closed|closes|close|closing|shut|shuts|cancelled|canceled|scrapped|suspended|postponed"
    r"|rejected|imposed|unveiled|unveils|proposed|proposes|plans\s+to|planned\s+to)\b",
    re.IGNORECASE,
)
ACT_REACH = 4  # "the move" names the act of a sentence this far before it at most
DEMONSTRATIVE_WORDS = 8  # a demonstrative this far into a sentence stands for what came before it
_QUOTE_MARK = re.compile(r"[\"“”‘«»]")
# "it" and "they" opening a sentence stand for something or some people named before ("It was the first
# ...", "They said the deal ..."); who "he" or "she" is may be clear (briefing.referents)
_IT_THEY = re.compile(r"(?:It|Its|They|Their)\b(?!-)")
# a capitalised word that may be a surname ("Randall-Gay", "O'Neill", "Nassar"), possessive apart
_WORD = r"[A-Z][\w'’-]*[^\W_]"
# a run of capitalised words ("Analyst Marta Kowalczyk", "Dr John Paul Smith"), read word by word
_CAPITALISED_RUN = re.compile(rf"\b{_WORD}(?:\s+{_WORD})+")
# capitalised words that are no surname: a title's articles and joins ("Andrew Taylor's The American Boy")
_NO_SURNAME = frozenset("the a an and of on in at for to with by from".split())
_WORD_ALONE = re.compile(rf"(?<![\w'’-]){_WORD}(?![\w'’-])")
# a surname that begins with capitalised particles: "Le Pen", "De Niro", "Van der Berg"
_PARTICLE = "|".join(sorted(p.capitalize() for p in PARTICLES))
_PARTICLE_NAME = re.compile(
    rf"(?<![\w'’-])(?:{_PARTICLE})(?:\s+(?:{_PARTICLE}|der|den|de|la|le))*\s+{_WORD}(?![\w'’-])"
)


def leans_back(sentence: str) -> bool:
    """Whether a sentence answers what came before it: it opens on a connective or a "this"
    standing for something said. A connective inside it ("is, therefore, hardly surprising", "The
    minister, however, refused") does not count: such a sentence often carries the article's news (an
    op-ed's "This week's reports that North Korea may send up to 10,000 soldiers ... is, therefore,
    hardly surprising"), and a summary without it loses more than it reads better (QA17d F4)."""
    text = sentence.lstrip()
    return bool(_OPENER.match(text))


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    return load_gazetteer().given_names


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    """The names every reader knows alone ("Putin", "Zelensky": ``seeds/actors.toml``), folded."""
    return frozenset(load_gazetteer().known)


def _full_names(sentence: str) -> dict[str, str]:
    """The people a sentence names in full, surname -> full name ("Randall-Gay" -> "Brianne
    Randall-Gay"): a given name (``seeds/given_names.toml``) and the capitalised word after it; not a
    person every reader knows by the surname alone ("Vladimir Putin")."""
    given = _given_names()
    out: dict[str, str] = {}
    for run in _name_runs(sentence):
        # the name may start anywhere in the run: after a title or an occupation written with a capital
        # ("Analyst Marta Kowalczyk", "Dr Marta Kowalczyk", "Chief Executive Tom Reilly"); its given names
        # are the given names right before the first word that is none ("John Paul Smith")
        for k in range(1, len(run)):
            last = _bare(run[k])
            if fold(run[k - 1]) not in given or fold(last) in given or last.casefold() in _NO_SURNAME:
                continue
            first = k - 1
            while first and fold(run[first - 1]) in given:
                first -= 1
            # a surname with particles is all of it: "Le Pen" of "Marine Le Pen", "De La Cruz"; never
            # "Le", which would read the French article opening a sentence as her surname
            end = k
            while last.casefold() in PARTICLES and end + 1 < len(run):
                end += 1
                last = f"{last} {_bare(run[end])}"
            if last.split()[-1].casefold() not in PARTICLES and fold(last) not in _known():
                out.setdefault(last, " ".join([*run[first:k], last]))
            break  # one name a run: what follows the surname is no name of its own ("Tom Reilly Jones")
    return out


def _name_runs(sentence: str) -> list[list[str]]:
    """A sentence's runs of capitalised words, each cut after a possessive: "Argentina's Agustin Calleri"
    is "Argentina's" and then a name, "Andrew Taylor's The American Boy" a name and then a book's title."""
    runs: list[list[str]] = []
    for match in _CAPITALISED_RUN.finditer(sentence):
        run: list[str] = []
        for word in match.group(0).split():
            run.append(word)
            if _bare(word) != word:
                runs.append(run)
                run = []
        runs.append(run)
    return [run for run in runs if len(run) > 1]


def _bare(word: str) -> str:
    """A name without its possessive ("Randall-Gay’s" -> "Randall-Gay")."""
    return word.removesuffix("'s").removesuffix("’s")


def follows_from(sentence: str) -> bool:
    """Whether a sentence is the consequence of the one just before it ("You will get ...", "This
    means ...", "That is why ..."), the next step of its instructions ("Then run rvm requirements") or
    the next event of its narrative (:func:`tells_a_sequel`): without it, it reads as a claim of its own,
    or as nothing."""
    text = sentence.lstrip()
    return _CONSEQUENCE.match(text) is not None or _STEP.match(text) is not None or tells_a_sequel(text)


def _before_quote(text: str) -> str:
    """A sentence's words before its first quotation mark: the writer's, not a speaker's."""
    mark = _QUOTE_MARK.search(text)
    return text if mark is None else text[: mark.start()]


def names_the_last_act(sentence: str) -> bool:
    """Whether a sentence is about an act the sentence before it told, by a noun for it ("The regional
    council said the decision was made for safety reasons" after "Schools ... will remain closed"; as
    what a reaction is to, "Residents welcomed the decision.", :data:`_REACTION_TO_ACT`):
    alone, "the decision" is no decision the reader knows, so it is told right after that sentence or
    not at all (QA22d F8)."""
    text = _before_quote(sentence).strip()
    return _LAST_ACT.search(text) is not None or _REACTION_TO_ACT.search(text) is not None


def reacts_to_it(sentence: str) -> bool:
    """Whether a sentence reacts to "it" or "the plan" (:data:`_REACTION_TO_IT`: "Unions condemned it", "It
    was widely welcomed by residents"): as an article's first sentence, an act the article tells after it."""
    return _REACTION_TO_IT.search(_before_quote(sentence).strip()) is not None


def tells_a_sequel(sentence: str) -> bool:
    """Whether a sentence tells what happened next to someone or something the sentence before it
    introduced ("Randall-Gay’s mother subsequently complained to police.", "She was later named as his
    wife"): lifted out alone, it does not say who that is (QA20b F9)."""
    return _SEQUEL.search(_before_quote(sentence)) is not None


def points_back(sentence: str) -> bool:
    """Whether a sentence names by "this" or "these" something said before it, among its first
    :data:`DEMONSTRATIVE_WORDS` words ("In no other category has this choice been more painful"): alone,
    "this choice" is no choice the reader knows (QA20b F9), so it waits for an earlier sentence, as one
    that opens on "This" does. "This week", "this country" are none. (Made to wait for the very sentence
    before it, as a consequence does, it cost 0.0004 ROUGE-1 on the BBC set's test half: bench/RESULTS.md.)"""
    head = " ".join(_before_quote(sentence).split()[:DEMONSTRATIVE_WORDS])
    return _DEMONSTRATIVE.search(head) is not None


def opens_on_pronoun(sentence: str) -> bool:
    """Whether a sentence opens on a pronoun standing for someone or something named before: "It was
    ...", "They ...", "He said ..." (not "His Majesty's Government"), or leans on a person's pronoun
    elsewhere ("“...,” she said", "Officials said he ...": :func:`briefing.referents.pronoun_of`)."""
    text = sentence.lstrip()
    return _IT_THEY.match(text) is not None or opens_on_someone(text)


def needed_before(sentences: Sequence[str]) -> dict[int, tuple[frozenset[int], ...]]:
    """For each sentence of an article (in order) that needs one before it, the sentences one of which
    must be told before it: the one just before it for a sentence that :func:`follows_from` it (told
    without it, the sentence is left out), that one or the nearest telling an act (:func:`_last_act`) for
    one that :func:`names_the_last_act` of it, any earlier one for a
    sentence that :func:`leans_back` or :func:`opens_on_pronoun` or :func:`points_back` (it does not
    open the summary). The first sentence needs none, but one that names an act a later sentence tells
    (:func:`_first_act`: "Residents welcomed the decision." or "Unions condemned it" (:func:`reacts_to_it`)
    before "The council voted on Tuesday to close Millbrook library"), or reacts to the response to an
    event a later sentence tells (:func:`_first_event`: "Villagers praised the rescue effort." before "Ten
    people were killed when a landslide hit ..."): it is told after that sentence, or not at all (qa30
    F11, qa33 F5)."""
    needs: dict[int, tuple[frozenset[int], ...]] = {}
    for i, sentence in enumerate(sentences):
        if not i:
            if (names_the_last_act(sentence) or reacts_to_it(sentence)) and (act := _first_act(sentences)):
                needs[i] = (act,)
            elif reacts_to_response(sentence) and (event := _first_event(sentences)):
                needs[i] = (event,)
            continue
        if follows_from(sentence):
            needs[i] = (frozenset({i - 1}),)
        elif names_the_last_act(sentence):
            needs[i] = (frozenset({i - 1}) | _last_act(sentences, i),)
        elif leans_back(sentence) or opens_on_pronoun(sentence) or points_back(sentence):
            needs[i] = (frozenset(range(i)),)
    return needs


def _last_act(sentences: Sequence[str], i: int) -> frozenset[int]:
    """The nearest sentence at most :data:`ACT_REACH` before sentence ``i`` that tells an act by its verb
    (:data:`_ACT`: "The council voted ... to close the central library"), the one "the move" of sentence
    ``i`` names where sentences between react to it ("Residents said they were angry. The decision was
    criticised by the local MP."); none when no such sentence is near."""
    for k in range(i - 1, max(-1, i - 1 - ACT_REACH), -1):
        if not names_the_last_act(sentences[k]) and _ACT.search(_before_quote(sentences[k])):
            return frozenset({k})
    return frozenset()


def reacts_to_response(sentence: str) -> bool:
    """Whether a sentence reacts to the response to an event (:data:`_REACTION_TO_RESPONSE`: "Villagers
    praised the rescue effort."): as an article's first sentence, an event the article tells after it."""
    return _REACTION_TO_RESPONSE.search(_before_quote(sentence).strip()) is not None


def _first_event(sentences: Sequence[str]) -> frozenset[int]:
    """The first sentence after the article's first, at most :data:`ACT_REACH` on, that tells an event
    (:data:`_EVENT`) or an act (:data:`_ACT`): what a first sentence reacting to "the rescue effort" is
    about ("Ten people were killed when a landslide hit a village"); none when no such sentence is near."""
    for k in range(1, min(len(sentences), 1 + ACT_REACH)):
        text = _before_quote(sentences[k])
        if not reacts_to_response(sentences[k]) and (_EVENT.search(text) or _ACT.search(text)):
            return frozenset({k})
    return frozenset()


def _first_act(sentences: Sequence[str]) -> frozenset[int]:
    """The first sentence after the article's first, at most :data:`ACT_REACH` on, that tells an act by
    its verb (:data:`_ACT`): what a first sentence naming "the decision" or reacting to "it" is about,
    where the article opens on the reaction and tells the act after it; none when no such sentence is
    near (then the act is the headline's, and the reaction may open the summary, as before)."""
    for k in range(1, min(len(sentences), 1 + ACT_REACH)):
        if not names_the_last_act(sentences[k]) and _ACT.search(_before_quote(sentences[k])):
            return frozenset({k})
    return frozenset()


def with_full_names(chosen: Sequence[tuple[int, str]], sentences: Sequence[str]) -> list[str]:
    """A summary's sentences (each with its place among the article's ``sentences``, in article order)
    with a surname used alone that the article named in full before it, and the summary not yet,
    written in full at its first use ("Randall-Gay’s mother complained ..." -> "Brianne Randall-Gay’s
    mother complained ..."): the summary left out the sentence that introduced the person. A surname
    after a title ("Mr Ebbers") or inside a longer name ("Deutsche Bank") is left as written."""
    return full_names_written([(sentences, i, sentence) for i, sentence in chosen])


def full_names_written(chosen: Sequence[tuple[Sequence[str], int, str]]) -> list[str]:
    """:func:`with_full_names` of a summary whose sentences may come from several articles (a story's):
    each with its own article's sentences and its place there. A person the summary has given in full,
    from any article, is not written in full again."""
    introduced: dict[int, dict[str, tuple[int, str]]] = {}  # per article: surname -> its first full name
    told: set[str] = set()
    out = []
    for sentences, i, sentence in chosen:
        if id(sentences) not in introduced:
            named: dict[str, tuple[int, str]] = {}
            for k, earlier in enumerate(sentences):
                for surname, full in _full_names(earlier).items():
                    named.setdefault(surname, (k, full))
            introduced[id(sentences)] = named
        named = introduced[id(sentences)]
        # the full names the summary gave: another person of the same surname ("Writer Tony Cowell" and
        # "Simon Cowell") still has a full name to be given
        told.update(_full_names(sentence).values())
        for start, surname in reversed(_alone(sentence)):
            if surname in named and named[surname][0] < i and named[surname][1] not in told:
                given = named[surname][1].removesuffix(surname).rstrip()  # "John Paul" of "John Paul Smith"
                sentence = f"{sentence[:start]}{given} {sentence[start:]}"
                told.add(named[surname][1])
        out.append(sentence)
    return out


def told_apart(chosen: Sequence[tuple[People, int, str]]) -> list[str]:
    """A summary's sentences as told apart from the sentences around them in their articles: each with
    the people of its article (:class:`~briefing.referents.People`, whose ``sentences`` are the article's)
    and its place there; from one article in its order, or from a story's several, best first. A "he"
    whose person the summary left out is named (:func:`~briefing.referents.names_written`), then a
    surname alone is written in full (:func:`full_names_written`). The one place both an article's
    summary and a story's tell their sentences."""
    named = names_written(chosen)
    return full_names_written(
        [(people.sentences, i, sentence) for (people, i, _), sentence in zip(chosen, named, strict=True)]
    )


def _alone(sentence: str) -> list[tuple[int, str]]:
    """The capitalised words a sentence uses alone, each once (its first use), with where it starts:
    not part of a longer name ("Deutsche Bank", "Randall-Gay Smith") nor after a title ("Mr Ebbers"); a
    surname with capitalised particles is one ("Le Pen said": "Le Pen", not "Le" and "Pen")."""
    found: dict[str, int] = {}
    for match in _WORD_ALONE.finditer(sentence):
        # the word before, an opening bracket or quote apart: "(Bradley Wright-Phillips 83)" is one name
        before = [word.lstrip("([{\"'“‘«") for word in sentence[: match.start()].split()[-1:]]
        after = sentence[match.end() :].split()[:1]
        if (before and before[0][:1].isupper() and before[0][-1] not in ",;:") or (
            after and after[0][:1].isupper()
        ):
            continue
        found.setdefault(_bare(match.group(0)), match.start())
    for match in _PARTICLE_NAME.finditer(sentence):
        # "Le Pen said", "Jeudi, Le Pen a ajouté": a surname with particles, used alone, is one name
        before = sentence[: match.start()].split()[-1:]
        after = sentence[match.end() :].split()[:1]
        if (before and before[0][:1].isupper() and before[0][-1] not in ",;:") or (
            after and after[0][:1].isupper()
        ):
            continue
        found.setdefault(_bare(match.group(0)), match.start())
    return sorted((start, name) for name, start in found.items())
