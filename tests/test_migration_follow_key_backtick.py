"""m0040: a backtick typed for an apostrophe ("d`Ivoire", "O`Brien") is an apostrophe in a follow's key
(``fold_punctuation`` returned plain ASCII text as it was); an archive that holds both keeps the first."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from briefing.letters import fold_as_indexed, fold_punctuation
from briefing.models import follow_key
from store.db import migrate
from store.subscribers import follow, follows_of, unfollow
from tests.article_rows import database_before, old_follow

BEFORE = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
NOON = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Cote d'Ivoire", "Cote d`Ivoire"),
        ("O'Brien", "O`Brien"),
        ("O’Brien", "o`brien"),
        ("Côte d`Ivoire", "cote dʼivoire"),
    ],
)
def test_a_backtick_is_an_apostrophe_in_a_key(one, other):
    assert follow_key(one) == follow_key(other)


def test_plain_ascii_is_folded_too():
    assert fold_punctuation("  O`Brien  ") == "O'Brien"
    assert fold_punctuation("O'Brien") == "O'Brien"


@pytest.fixture
def old(tmp_path):
    db = database_before(tmp_path / "old.db", 40, when=BEFORE)
    yield db
    db.conn.close()


def _followed(db, chat_id: int, value: str, hours: int) -> None:
    """A topic follow of an ASCII name as the release before stored it (m0038's key: folded, its spaces
    collapsed, a backtick kept), ``hours`` after ``BEFORE``."""
    key = " ".join(fold_as_indexed(value).split())
    old_follow(db, chat_id, "topic", value, BEFORE + timedelta(hours=hours), key=key)


def test_the_upgrade_keeps_the_first_of_a_name_typed_with_a_backtick(old):
    _followed(old, 5, "O'Brien", 1)
    _followed(old, 5, "O`Brien", 2)
    _followed(old, 5, "Cote d`Ivoire", 3)
    _followed(old, 6, "O`Brien", 4)
    assert len(follows_of(old, 5)) == 3  # m0038's key kept the backtick
    migrate(old)
    assert [f.value for f in follows_of(old, 5)] == ["O'Brien", "Cote d`Ivoire"]
    assert [f.value for f in follows_of(old, 6)] == ["O`Brien"]
    assert not follow(old, 5, "topic", "Cote d’Ivoire", now=NOON)  # already followed
    assert unfollow(old, 6, "o'brien")
    assert follows_of(old, 6) == []
