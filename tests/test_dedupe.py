"""Content hashes, simhash fingerprints and their bands."""

import random

import pytest
from conftest import SEEDS

from briefing.dedupe import (
    MAX_DISTANCE,
    bands,
    content_hash,
    hamming,
    is_near_duplicate,
    normalize_url,
    simhash,
    similarity,
    to_signed,
    to_unsigned,
)
from briefing.dumps import decode_text, split_dump


@pytest.fixture(scope="module")
def bodies():
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        out += [a.body for a in split_dump(decode_text(path.read_bytes()), source=path.name)]
    return out


def edit(text: str, words: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    tokens = text.split(" ")
    for _ in range(words):
        tokens[rng.randrange(len(tokens))] = rng.choice(["very", "reportedly", "new", "Monday"])
    return " ".join(tokens)


def test_the_content_hash_ignores_spacing_case_and_quote_style():
    a = "“Peace,” he said.\n\nIt’s over — for now."
    b = '"peace,"   he said. It\'s over - for now.'
    assert content_hash(a) == content_hash(b)
    assert content_hash(a) != content_hash(a + " More.")


@pytest.mark.parametrize(("words", "share"), [(1, 0.95), (3, 0.8)])
def test_small_edits_mostly_stay_within_three_bits(bodies, words, share):
    # Simhash is probabilistic: a bit whose votes nearly cancel can flip on one edited word.
    distances = [
        hamming(simhash(body), simhash(edit(body, words, seed))) for body in bodies for seed in range(10)
    ]
    assert sum(d <= MAX_DISTANCE for d in distances) >= share * len(distances)
    assert max(distances) <= 4 * MAX_DISTANCE


def test_different_articles_are_far_apart(bodies):
    prints = [simhash(b) for b in bodies]
    distances = [hamming(a, b) for i, a in enumerate(prints) for b in prints[i + 1 :]]
    assert min(distances) > 2 * MAX_DISTANCE


def test_fingerprints_within_three_bits_share_a_band():
    rng = random.Random(7)
    for _ in range(2000):
        a = rng.getrandbits(64)
        b = a
        for bit in rng.sample(range(64), rng.randint(0, 3)):
            b ^= 1 << bit
        assert set(enumerate(bands(a))) & set(enumerate(bands(b)))


def test_bands_are_four_16_bit_values():
    assert bands(0x1234_5678_9ABC_DEF0) == (0xDEF0, 0x9ABC, 0x5678, 0x1234)


def test_signed_storage_round_trips():
    for value in (0, 1, 2**63 - 1, 2**63, 2**64 - 1):
        signed = to_signed(value)
        assert -(2**63) <= signed < 2**63 and to_unsigned(signed) == value


def test_near_duplicate_needs_close_prints_and_similar_text(bodies):
    body = bodies[0]
    edited = edit(body, 5)
    close, score = is_near_duplicate(simhash(body), simhash(edited), body, edited)
    assert close and 0.5 <= score < 1
    assert not is_near_duplicate(simhash(body), simhash(bodies[1]), body, bodies[1])[0]
    # a fingerprint collision alone is not enough
    assert not is_near_duplicate(1, 1, body, bodies[1])[0]


def test_similarity_bounds():
    assert similarity("a b c d", "a b c d") == 1
    assert similarity("one two three", "four five six") == 0
    assert similarity("", "x") == 0


def test_text_without_words_has_a_zero_fingerprint():
    assert simhash("— … !") == 0


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTP://Example.COM/a?utm_source=x&id=3#top", "http://example.com/a?id=3"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("http://example.com:8080", "http://example.com:8080/"),
        ("https://example.com/a?fbclid=1", "https://example.com/a"),
    ],
)
def test_normalize_url(url, expected):
    assert normalize_url(url) == expected
