"""A name written with any apostrophe is one name: "OʼBrien" (U+02BC, which counts as a letter: one
word to the index and to an alias), "O’Brien" (U+2019) and "O'Brien", with or without a possessive
("OʼBrienʼs"), in /actor, /search and follows. No article is indexed anew and no alias stored anew: the
queries look for every way the name can be written."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from briefing.render import to_plain
from briefing.service.commands import Asker, answer, load_all
from store.alerts import followers_of_articles
from store.search import search_articles
from store.subscribers import follow
from tests.actor_helpers import add_article
from tests.digestkit import add_story

ASKER = Asker(chat_id=1, user_id=1)
TYPED = ["O'Brien", "O’Brien", "OʼBrien", "Dara O'Brien", "Dara OʼBrien"]
WRITTEN = {
    "letter": "Labour MP Dara OʼBrien said on Monday the plan would fail.",
    "curly": "Labour MP Dara O’Brien said on Monday the plan would fail.",
    "plain": "Labour MP Dara O'Brien said on Monday the plan would fail.",
}


@pytest.fixture(autouse=True)
def commands():
    load_all()


@pytest.mark.parametrize("written", sorted(WRITTEN))
@pytest.mark.parametrize("typed", TYPED)
async def test_actor_finds_the_name_written_with_any_apostrophe(app, written, typed):
    add_article(app, WRITTEN[written], day=20)
    text = to_plain((await answer(app, f"/actor {typed}", ASKER)).document)
    assert text.startswith("DARA O"), text[:200]
    assert "Closest match" not in text  # the name itself, not a spelling it came close to


@pytest.mark.parametrize("typed", TYPED)
def test_search_finds_the_name_and_its_possessive_written_with_any_apostrophe(app, typed):
    bodies = [
        *WRITTEN.values(),
        "OʼBrienʼs office confirmed the letter on Tuesday.",
        "O’Brien’s office confirmed the letter on Wednesday.",
    ]
    for day, body in enumerate(bodies, start=10):
        add_article(app, body, day=day, index=False)
    found = {a.title for a in search_articles(app.db, typed, limit=20)}
    wanted = bodies if typed.startswith("O") else list(WRITTEN.values())  # "Dara": not in the last two
    assert found == {body.split(".")[0] for body in wanted}


def test_a_follow_finds_the_possessive_joined_by_the_letter_apostrophe(db):
    noon = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    joined = add_story(db, "Office letter", updated=noon, body="OʼBrienʼs office confirmed the letter.")
    curly = add_story(db, "Minister quits", updated=noon, body="Dara O’Brien’s aide resigned on Monday.")
    follow(db, 5, "topic", "O'Brien", now=noon)
    follow(db, 6, "topic", "Dara O'Brien", now=noon)
    articles = [r[0] for r in db.execute("SELECT id FROM articles ORDER BY id")]
    assert set(followers_of_articles(db, articles)) == {(5, joined), (5, curly), (6, curly)}
