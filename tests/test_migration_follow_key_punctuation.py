"""m0038: a follow's key counts the apostrophe, dash and double quote a keyboard types as one
(``follow_key``, ``fold_punctuation``): "Cote d’Ivoire" (iOS) and "Cote d'Ivoire" are one follow, which
/unfollow stops typed either way; an archive that holds both keeps the first."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from briefing.letters import fold_as_indexed
from briefing.models import follow_key
from store.db import migrate
from store.subscribers import follow, follows_of, unfollow
from tests.article_rows import database_before, old_follow

BEFORE = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
NOON = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Cote d'Ivoire", "Cote d’Ivoire"),
        ("Côte d’Ivoire", "cote d'ivoire"),
        ("O'Brien", "O‘Brien"),
        ("O'Brien", "Oʼbrien"),
        ("Jean-Pierre", "Jean‐Pierre"),  # U+2010, a word processor's hyphen
        ("Jean-Pierre", "Jean–Pierre"),
        ('"port strike"', "“port strike”"),
        ('"port strike"', "«port strike»"),
        ("Sao Paulo", " São  Paulo "),
    ],
)
def test_typed_punctuation_of_one_name_makes_one_key(one, other):
    assert follow_key(one) == follow_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("“port strike”", "port strike"),  # a phrase is still matched otherwise than its words
        ("O'Brien", "OBrien"),
        ("Jean-Pierre", "Jean Pierre"),
    ],
)
def test_other_names_keep_their_keys(one, other):
    assert follow_key(one) != follow_key(other)


@pytest.fixture
def old(tmp_path):
    db = database_before(tmp_path / "old.db", 38, when=BEFORE)
    yield db
    db.conn.close()


def _followed(db, chat_id: int, value: str, hours: int) -> None:
    """A topic follow as the release before stored it (m0035's key), ``hours`` after ``BEFORE``."""
    old_follow(db, chat_id, "topic", value, BEFORE + timedelta(hours=hours), key=fold_as_indexed(value))


def test_the_upgrade_keeps_the_first_of_a_name_typed_with_two_apostrophes(old):
    _followed(old, 5, "Cote d'Ivoire", 1)
    _followed(old, 5, "Cote d’Ivoire", 2)
    _followed(old, 5, "O’Brien", 3)
    _followed(old, 6, "Cote d’Ivoire", 4)
    assert len(follows_of(old, 5)) == 3  # m0035's key tells the apostrophes apart
    migrate(old)
    assert [f.value for f in follows_of(old, 5)] == ["Cote d'Ivoire", "O’Brien"]
    assert [f.value for f in follows_of(old, 6)] == ["Cote d’Ivoire"]
    assert not follow(old, 5, "topic", "O'Brien", now=NOON)
    assert unfollow(old, 5, "cote d’ivoire")
    assert [f.value for f in follows_of(old, 5)] == ["O’Brien"]
