"""A digest matches a followed actor named only in a story's headline, as an alert does: a story the
chat was alerted about as its follow's is tagged and put first in its digest too."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from briefing.service import App
from briefing.service.digests import compose_for_chat
from briefing.service.ingest import ingest_files
from store.search import actor_ids_named
from store.stories import get_story
from store.subscribers import follow, subscribe
from tests.digestkit import Clock
from tests.test_alert_stories import APPEAL, FUNERAL, FUNERAL_TITLE, RULING, article, at

CRICKET = article(  # a week before: the archive learns Nepal, in a story the digest has left behind
    "Cricket: Oman beaten by five wickets",
    "https://www.espncricinfo.com/nepal-oman-five-wickets",
    "18 November 2026 15:00 GMT",
    "Nepal beat Oman by five wickets in Kathmandu on Wednesday to reach the final of the regional"
    " qualifying tournament.",
    "Captain Rohit Paudel scored an unbeaten 61 as Nepal chased down 187 with two overs to spare.",
)


@pytest.fixture
def app(db, settings) -> App:
    return App(db=db, settings=settings, clock=Clock(at("2026-11-18T16:00")))


def store(app: App, tmp_path: Path, when: str, name: str, text: str) -> int:
    app.clock.now = at(when)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (new,) = ingest_files(app, [path]).new_ids
    return new


def story_of(app: App, article_id: int) -> int:
    return app.db.execute("SELECT story_id FROM articles WHERE id = ?", [article_id]).fetchone()[0]


def test_a_followed_country_named_only_in_a_headline_is_the_chats_story_in_its_digest(app, tmp_path):
    store(app, tmp_path, "2026-11-18T16:00", "cricket.txt", CRICKET)
    (nepal,) = actor_ids_named(app.db, "Nepal")
    follow(app.db, 4, "actor", "Nepal", actor_id=nepal, now=app.now())
    for chat_id in (4, 5):
        subscribe(app.db, chat_id, timezone="UTC", digest_time=time(13, 0), now=app.now())
    # the funeral is the older news, of one outlet: ranked after the Google story of two
    early = FUNERAL.replace("26 November 2026 12:10 GMT", "26 November 2026 06:10 GMT")
    funeral = store(app, tmp_path, "2026-11-26T06:20", "funeral.txt", early)
    ruling = store(app, tmp_path, "2026-11-26T10:10", "ruling.txt", RULING.replace("25 Nov", "26 Nov"))
    appeal = store(app, tmp_path, "2026-11-26T11:30", "appeal.txt", APPEAL.replace("25 Nov", "26 Nov"))
    assert len({story_of(app, ruling), story_of(app, appeal), story_of(app, funeral)}) == 2
    named = app.db.execute(
        "SELECT count(*) FROM mentions WHERE article_id = ? AND actor_id = ?", [funeral, nepal]
    )
    assert named.fetchone()[0] == 0  # only the headline names Nepal

    composed = compose_for_chat(app, 4, now=at("2026-11-26T13:00"))
    assert composed.digest.story_ids[0] == story_of(app, funeral)  # a followed story comes first
    text = composed.digest.document.text
    assert "You follow Nepal" in text
    assert text.index(FUNERAL_TITLE) < text.index(get_story(app.db, story_of(app, ruling)).headline)
    # a chat that follows nothing gets the story of two outlets first
    other = compose_for_chat(app, 5, now=at("2026-11-26T13:00"))
    assert other.digest.story_ids[0] == story_of(app, ruling)
    assert "You follow" not in other.digest.document.text
