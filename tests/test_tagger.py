"""The actor tagger: decoding, spans, the segments it reads, and how its reading meets the rules'."""

import itertools

import numpy as np
import pytest

from bench.bench_ner import Document, Entity
from bench.train_ner import Prepared, make_known, make_lexicon, project, train
from briefing.actors import extract_actors, read_rules
from briefing.coref import Candidate
from briefing.features import names, segments, sentence_features
from briefing.gazetteer import load_gazetteer
from briefing.models import Sentence
from briefing.tagger import _ALLOWED, TAGS, Tagger, _clean, _state, load_tagger, spans, viterbi_many
from briefing.tokens import tokenize


def toks(text):
    return tokenize(Sentence(text, 0, len(text)))


def brute_force(emit, trans):
    best, path = -np.inf, None
    for tags in itertools.product(range(len(TAGS)), repeat=len(emit)):
        if not _ALLOWED[-1, tags[0]] or any(not _ALLOWED[a, b] for a, b in itertools.pairwise(tags)):
            continue
        total = trans[-1, tags[0]] + emit[0, tags[0]]
        total += sum(trans[a, b] + emit[k + 1, b] for k, (a, b) in enumerate(itertools.pairwise(tags)))
        if total > best:
            best, path = total, list(tags)
    return path


def test_viterbi_finds_the_best_allowed_sequence_for_sequences_of_any_length():
    rng = np.random.default_rng(7)
    for _ in range(10):
        trans = rng.normal(size=(len(TAGS) + 1, len(TAGS)))
        emits = [rng.normal(size=(int(rng.integers(1, 4)), len(TAGS))) * 3 for _ in range(3)]
        assert viterbi_many(emits, trans) == [brute_force(e, trans) for e in emits]


def test_an_inside_tag_never_follows_another_kind():
    trans = np.zeros((len(TAGS) + 1, len(TAGS)))
    emit = np.full((2, len(TAGS)), -5.0)
    emit[0, TAGS.index("B-person")] = 1.0
    emit[0, TAGS.index("B-place")] = -50.0
    emit[1, TAGS.index("I-place")] = 10.0  # tempting, but not allowed after B-person
    emit[1, TAGS.index("O")] = 0.0
    path = viterbi_many([emit], trans)[0]
    assert [TAGS[k] for k in path] == ["B-person", "O"]


def test_spans_from_tags():
    tags = ["B-person", "I-person", "O", "B-place", "B-place", "I-organization"]
    assert spans(tags) == [(0, 2, "person"), (3, 4, "place"), (4, 5, "place"), (5, 6, "organization")]


def test_segments_surround_name_like_words_and_skip_the_rest():
    t = toks("the talks in northern Iraq went on and on until the ISIL fighters left")
    got = [" ".join(x.text for x in t[a:b]) for a, b in segments(t)]
    assert got == ["in northern Iraq went on", "until the ISIL fighters left"]


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("( Gen. Keith Kellogg ,", "person", ["Keith Kellogg"]),
        ("Sudan's Darfur", "place", ["Sudan's", "Darfur"]),
        ("Iraq include Australia", "place", ["Iraq", "Australia"]),
        ("Gulf of Aden", "place", ["Gulf of Aden"]),
        ("ISIL fighters", "organization", ["ISIL fighters"]),
        ("the forces", "organization", []),
        ("city of Mosul", "place", ["city of Mosul"]),
        ("of Mosul", "place", ["Mosul"]),
        ("U.S. - Iraq", "place", ["U.S.", "Iraq"]),
    ],
)
def test_a_tagged_span_is_cleaned_into_names(text, kind, expected):
    t = toks(text)
    assert [" ".join(x.text for x in t[a:b]) for a, b in _clean(t, 0, len(t), kind)] == expected


def test_a_capitalised_the_starts_a_tagged_name_only_inside_a_sentence():
    t = toks("The Coalition is trained.")
    assert _clean(t, 0, 2, "organization") == [(1, 2)]
    t = toks("He spoke to The Sunday Times.")
    assert _clean(t, 3, 6, "organization") == [(3, 6)]


def test_capitalised_words_are_features_only_by_shape_unless_a_common_word():
    t = toks("Kellogg met the Army")
    reading = read_rules("Kellogg met the Army")
    feats = sentence_features(
        t, ["O"] * len(t), load_gazetteer(), frozenset({"met", "the", "army"}), reading.lower, {}, [(0, 4)]
    )
    assert "w=<C>" in names(feats[0]) and not any("kellogg" in f for f in names(feats[0]))
    assert "w=army" in names(feats[3])
    assert {"suf=ogg", "suf2=gg", "suf4=logg", "pre3=kel"} <= set(names(feats[0]))


def test_an_acronym_has_no_affixes():
    t = toks("officials of UNESCO")
    feats = sentence_features(t, ["O"] * len(t), load_gazetteer(), frozenset(), set(), {}, [(0, 3)])
    assert not any(f.startswith(("suf2=", "suf4=", "pre3=")) for f in names(feats[2]))


def test_a_known_capitalised_word_is_a_feature_of_its_own_and_keeps_its_class():
    t = toks("Kellogg met Zorblax")
    reading = read_rules("Kellogg met Zorblax")
    lexicon = frozenset({"met"})
    feats = sentence_features(
        t, ["O"] * len(t), load_gazetteer(), lexicon, reading.lower, {}, [(0, 3)], frozenset({"kellogg"})
    )
    assert {"cw=kellogg", "w=<C>"} <= set(names(feats[0]))
    assert "w=<C>" in names(feats[2]) and not any(f.startswith("cw=") for f in names(feats[2]))


def _model(weights: dict[str, dict[str, float]], lexicon: set[str]) -> Tagger:
    names = sorted(weights)
    w = np.zeros((len(names) + 1, len(TAGS)))
    for k, name in enumerate(names):
        for tag, value in weights[name].items():
            w[k, TAGS.index(tag)] = value
    return Tagger(
        {n: k for k, n in enumerate(names)}, w, np.zeros((len(TAGS) + 1, len(TAGS))), frozenset(lexicon)
    )


def test_the_tagger_lengthens_a_name_and_keeps_its_canonical_name_but_not_undo_a_firm_rule():
    model = _model(
        {
            "b": {"O": 1.0},
            "r=B-organization": {"B-organization": 5.0},
            "r=B-place": {"B-organization": 5.0},  # it would make every place an organisation
            "w=fighters": {"I-organization": 10.0},
        },
        {"fighters", "attacked"},
    )
    found = {a.name: a for a in extract_actors("ISIL fighters attacked Yemen.", tagger=model)}
    assert [m.surface for m in found["Islamic State"].mentions] == ["ISIL fighters"]
    assert found["Yemen"].type == "place"  # a country from the lists stays a place


def test_rules_alone_without_a_tagger():
    found = {a.name: a.type for a in extract_actors("Keith Kellogg met NATO officials in Kyiv.", tagger=None)}
    assert found == {"Keith Kellogg": "person", "NATO": "organization", "Kyiv": "place"}


def test_the_shipped_tagger_loads_and_keeps_the_seed_actors():
    model = load_tagger()
    assert model is not None and model.weights.shape == (len(model.index) + 1, len(TAGS))
    assert not model.weights[-1].any()  # the row of unknown features
    assert model.known and all("cw=" + w in model.index for w in model.known)  # only words with weights
    text = "Swedish Defense Minister Pål Jonson met Farea al-Muslimi of Chatham House in Kyiv."
    found = {a.name: a.type for a in extract_actors(text)}
    assert found["Pål Jonson"] == "person" and found["Sweden"] == "place"
    assert found["Chatham House"] == "organization" and found["Kyiv"] == "place"


def _gold_doc(text: str, ents: list[tuple[str, str]]) -> Document:
    gold = []
    for surface, type_ in ents:
        start = text.index(surface)
        gold.append(Entity(start, start + len(surface), type_, surface))
    return Document(text, 1, tuple(gold), ())


def test_training_learns_a_pattern_the_rules_miss():
    # "the band X" names an organisation the rules have no head word for
    texts = [
        ("They toured with the band Velvet Shadows last year.", "Velvet Shadows"),
        ("He joined the band Crimson Tide in Ohio.", "Crimson Tide"),
        ("She sang for the band Silver Lanterns in May.", "Silver Lanterns"),
        ("We saw the band Paper Moons play.", "Paper Moons"),
    ]
    docs = []
    for text, band in texts * 3:
        doc = _gold_doc(text, [(band, "organization")])
        reading = read_rules(doc.text)
        tags, lost = project(reading, [(e.start, e.end, e.type) for e in doc.gold])
        docs.append(Prepared("wikigold", doc, reading, tags, lost))
    assert "band" in make_lexicon(docs)
    assert "velvet" in make_known(docs, 2) and "velvet" not in make_known(docs, 4)  # 3 documents hold it
    assert "band" not in make_known(docs, 1)  # never capitalised
    model = train(docs, epochs=5)
    found = {a.name: a.type for a in extract_actors("I met the band Golden Arrows there.", tagger=model)}
    assert found.get("Golden Arrows") == "organization"


@pytest.mark.parametrize(
    "text",
    [
        "‘Anytime you bring an end to a conflict between two nations, it is good,’ he said.",
        '"Whatever approach the leadership takes, we will adapt," he said.',
        "Rescue operations are ongoing in the city.",
    ],
)
def test_the_tagger_alone_never_makes_a_sentences_first_word_an_actor(text):
    assert extract_actors(text) == []


def _state_model() -> Tagger:
    """Tags a place from the rules, and the lower-case words and names after it, as one organisation."""
    return _model(
        {
            "b": {"O": 1.0},
            "r=B-place": {"B-organization": 5.0},
            "w=security": {"I-organization": 10.0},
            "w=forces": {"I-organization": 10.0},
            "w=service": {"I-organization": 10.0},
            "w=<C>": {"I-organization": 10.0},
        },
        {"security", "forces", "service", "attacked", "in", "the", "with", "officials", "said"},
    )


def test_a_countrys_forces_in_lower_case_words_are_its_state():
    found = {
        a.name: a for a in extract_actors("Iraqi security forces attacked in Mosul.", tagger=_state_model())
    }
    assert found["Iraq"].type == "organization"
    assert [m.surface for m in found["Iraq"].mentions] == ["Iraqi security forces"]
    assert found["Mosul"].type == "place"  # the tagger's organisation gives way to the firm place


@pytest.mark.parametrize(
    ("text", "canonical", "is_state"),
    [
        ("Iraqi security forces", "Iraq", True),
        ("Iraqi Zorblax forces", "Iraq", False),  # another name beside the country: not the state alone
        ("Baghdad police", "Baghdad", False),  # a city has no state
        ("Iraqi crude oil", "Iraq", False),  # a country's goods are no state: the place stays
        ("Norwegian salmon farms", "Norway", False),
        ("Iraqi government officials", "Iraq", True),
    ],
)
def test_which_organisation_spans_are_a_countrys_state(text, canonical, is_state):
    t = toks(text)
    country = Candidate([t[0]], 0, "place", canonical=canonical, why="list")
    assert (_state([country], t, 0, len(t), "organization", load_gazetteer()) is country) == is_state
    assert _state([country], t, 0, len(t), "person", load_gazetteer()) is None


def test_a_states_lower_case_name_gives_no_initials():
    text = "He spoke to the Ukrainian service in Kyiv. U.S. officials said so."
    found = {a.name: a for a in extract_actors(text, tagger=_state_model())}
    assert [m.surface for m in found["Ukraine"].mentions] == ["Ukrainian service"]
    assert found["United States"].mentions[0].surface == "U.S."


def test_the_tagger_alone_types_an_unknown_word_only_when_the_text_capitalises_it_again():
    model = _model({"b": {"O": 1.0}, "w=<C>": {"B-place": 10.0}}, {"they", "talked", "about", "at"})
    once = "They talked about Zorblax at length."
    assert extract_actors(once, tagger=model) == []
    twice = once + " They talked about Zorblax again."
    assert [a.name for a in extract_actors(twice, tagger=model)] == ["Zorblax"]


def test_the_tagger_does_not_move_the_start_of_a_name_the_title_rule_found():
    # a model that starts a person at a country and carries on through the rules' person
    model = _model(
        {
            "b": {"O": 1.0},
            "f=country": {"B-person": 4.0},
            "r=B-person": {"I-person": 10.0},
            "r=I-person": {"I-person": 10.0},
        },
        {"officials", "including", "for", "have", "spoken"},
    )
    text = "U.S. officials, including Special Envoy for Yemen Tim Lenderking, have spoken."
    found = {a.name: a for a in extract_actors(text, tagger=model)}
    assert [m.surface for m in found["Tim Lenderking"].mentions] == ["Tim Lenderking"]
    assert "Yemen Tim Lenderking" not in found


def test_an_acronym_is_looked_up_as_the_rules_do_not_as_a_city():
    t = toks("officials of NIS and of Niš")
    feats = sentence_features(t, ["O"] * len(t), load_gazetteer(), frozenset(), set(), {}, [(0, 6)])
    assert "f=city" not in names(feats[2]) and "f=city" in names(feats[5])


def test_a_known_place_before_a_place_word_stays_a_place_the_tagger_reads_as_an_organisation():
    # the shipped tagger reads "Kano State" after "governor of" as an organisation
    found = {
        a.name: a.type for a in extract_actors("The deputy governor of Kano State, spoke in Kano on Monday.")
    }
    assert found["Kano State"] == "place"


def test_the_tagger_alone_makes_no_actor_of_a_direction_word():
    model = _model(
        {"b": {"O": 1.0}, "w=<C>": {"B-organization": 10.0}}, {"groups", "hostile", "to", "interests"}
    )
    text = "Groups hostile to Western interests met. Western interests suffered."
    assert [a.name for a in extract_actors(text, tagger=model)] == []
