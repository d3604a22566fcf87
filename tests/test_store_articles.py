"""Storing articles: new, duplicate (URL or text), near-duplicate; sketches; sources and poll state."""

from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from conftest import NOW, SEEDS

from briefing.charsets import decode_text
from briefing.dedupe import BANDS, pack_signature, sketch
from briefing.dumps import split_dump
from briefing.models import ArticleDraft
from store import transaction
from store.articles import (
    add_article,
    count_articles,
    find_by_url,
    get_article,
    known_url,
    latest_articles,
    near_duplicates_of,
)
from store.db import savepoint
from store.sketches import sketch_candidates
from store.sources import (
    count_sources,
    delete_source,
    due_feeds,
    find_source,
    list_sources,
    record_poll_failure,
    record_poll_ok,
    set_polling,
    upsert_source,
)
from store.stats import feeds


@pytest.fixture(scope="module")
def seed_drafts():
    path = sorted(SEEDS.glob("000_*.txt"))[0]
    return split_dump(decode_text(path.read_bytes()), source=path.name)


def add(db, draft, now=NOW):
    with transaction(db):
        return add_article(db, draft, now=now)


def test_a_new_article_is_stored_with_its_sketch_and_fts(db, seed_drafts):
    draft = seed_drafts[0]
    result = add(db, draft)
    assert result.outcome == "new"
    stored = get_article(db, result.article.id)
    assert stored == result.article
    assert (stored.title, stored.section, stored.source) == (
        draft.title,
        draft.section,
        draft.source,
    )
    assert stored.ingested_at == NOW and stored.published_at is None
    expected = sketch(draft.body)
    keys = db.execute("SELECT key FROM article_sketch_bands WHERE article_id = ?", [stored.id]).fetchall()
    assert sorted(k[0] for k in keys) == sorted(expected.keys) and len(keys) == BANDS
    [(signature,)] = db.execute("SELECT signature FROM article_sketches WHERE article_id = ?", [stored.id])
    assert signature == pack_signature(expected.signature)
    hits = db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'Pyongyang'").fetchall()
    assert [h[0] for h in hits] == [stored.id]


def test_the_same_text_from_another_path_is_a_duplicate(db, seed_drafts):
    first = add(db, seed_drafts[1])
    again = add(db, ArticleDraft(title="Other", body="  " + seed_drafts[1].body, source="b.txt"))
    assert again.outcome == "duplicate" and again.article.id == first.article.id
    assert count_articles(db) == 1


def test_the_same_url_with_the_same_text_is_a_duplicate(db):
    body = "Some text about the harbour strike that went on for days and days."
    first = add(db, ArticleDraft("T", body, "web", url="https://x.test/a?utm_source=rss"))
    again = add(db, ArticleDraft("T2", body, "web", url="https://X.test/a#c"))
    assert again.outcome == "duplicate" and again.article.id == first.article.id
    assert find_by_url(db, "https://x.test/a").id == first.article.id
    assert known_url(db, "https://x.test/a?utm_medium=email")


def test_the_same_url_with_a_lightly_edited_text_is_a_near_duplicate_of_it(db, seed_drafts):
    """The page ingested again after a small edit (qa32c F6: compared as a feed's update is): no new
    article, nor a new version; a new count would be the page's new version."""
    first = add(db, replace(seed_drafts[2], url="https://x.test/a?utm_source=rss"))
    words = seed_drafts[2].body.split(" ")
    words[10] = "reportedly"
    again = add(db, ArticleDraft("T2", " ".join(words) + " Updated.", "web", url="https://X.test/a#c"))
    assert again.outcome == "near_duplicate" and again.article.id == first.article.id
    assert find_by_url(db, "https://x.test/a").id == first.article.id and count_articles(db) == 1


def test_a_lightly_edited_copy_is_a_near_duplicate_recorded_once(db, seed_drafts):
    original = add(db, seed_drafts[2])
    words = seed_drafts[2].body.split(" ")
    words[10], words[40] = "reportedly", "also"
    copy = ArticleDraft("Copy", " ".join(words), "mirror.txt", url="https://mirror.test/1")
    result = add(db, copy, now=NOW + timedelta(hours=1))
    assert result.outcome == "near_duplicate"
    assert result.article.id == original.article.id and 0.5 < result.similarity < 1
    assert count_articles(db) == 1
    [seen] = near_duplicates_of(db, original.article.id)
    assert (seen.source, seen.title, seen.url) == ("mirror.txt", "Copy", "https://mirror.test/1")
    # the same copy again, by text or by URL, changes nothing
    assert add(db, copy).outcome == "duplicate"
    assert add(db, ArticleDraft("C", "x " + copy.body, "m", url=copy.url)).outcome == "duplicate"
    assert len(near_duplicates_of(db, original.article.id)) == 1
    assert known_url(db, "https://mirror.test/1")


def test_unrelated_articles_are_all_new(db, seed_drafts):
    outcomes = [add(db, d).outcome for d in seed_drafts]
    assert outcomes == ["new"] * len(seed_drafts)
    for draft in seed_drafts:
        # each finds itself as its one candidate: the others share no band key, or too few minimums
        assert len(sketch_candidates(db, sketch(draft.body))) == 1


def test_a_savepoint_undoes_only_the_failing_article(db, seed_drafts):
    with transaction(db):
        add_article(db, seed_drafts[3], now=NOW)
        with pytest.raises(RuntimeError), savepoint(db):
            add_article(db, seed_drafts[4], now=NOW)
            raise RuntimeError("enrichment failed")
        add_article(db, seed_drafts[5], now=NOW)
    assert count_articles(db) == 2
    assert db.execute("SELECT count(*) FROM article_sketches").fetchone()[0] == 2
    assert db.execute("SELECT count(*) FROM article_sketch_bands").fetchone()[0] == 2 * BANDS


def test_latest_articles_sort_by_published_else_ingested(db):
    old = ArticleDraft("Old", "An old story about rain.", "s", published_at=NOW - timedelta(days=3))
    fresh = ArticleDraft("Fresh", "A fresh story about sun.", "s")
    mid = ArticleDraft("Mid", "A story about wind and hail.", "s", published_at=NOW - timedelta(1))
    for draft in (old, fresh, mid):
        add(db, draft)
    assert [a.title for a in latest_articles(db)] == ["Fresh", "Mid", "Old"]
    assert [a.title for a in latest_articles(db, since=NOW - timedelta(days=2))] == ["Fresh", "Mid"]
    assert [a.title for a in latest_articles(db, limit=1)] == ["Fresh"]


def test_naive_datetimes_are_refused(db):
    with pytest.raises(ValueError), transaction(db):
        add_article(db, ArticleDraft("T", "Body text here.", "s"), now=datetime(2025, 1, 1))


def test_sources_and_feed_poll_state(db):
    with transaction(db):
        feed = upsert_source(db, kind="feed", location="http://f.test/rss", name="F", now=NOW)
        page = upsert_source(db, kind="page", location="http://f.test/p", name="P", now=NOW)
        again = upsert_source(db, kind="feed", location="http://f.test/rss", name="F2", now=NOW)
    assert again.id == feed.id and again.name == "F2" and count_sources(db) == 2
    assert [s.id for s in list_sources(db, kind="feed")] == [feed.id]
    assert due_feeds(db, NOW) == []
    set_polling(db, feed.id, True)
    assert [s.id for s in due_feeds(db, NOW)] == [feed.id]
    record_poll_ok(
        db,
        feed.id,
        now=NOW,
        etag='"1"',
        last_modified="Mon",
        next_poll_at=NOW + timedelta(minutes=30),
    )
    assert due_feeds(db, NOW) == [] and [s.id for s in due_feeds(db, NOW + timedelta(hours=1))] == [feed.id]
    record_poll_ok(db, feed.id, now=NOW, etag=None, last_modified=None)  # a 304 keeps validators
    state = find_source(db, "http://f.test/rss")
    assert (state.etag, state.last_modified, state.failures) == ('"1"', "Mon", 0)
    for n in range(1, 4):
        state = record_poll_failure(db, feed.id, now=NOW, error=f"HTTP 500 #{n}", max_failures=3)
    assert state.failures == 3 and state.paused and state.last_error == "HTTP 500 #3"
    assert due_feeds(db, NOW + timedelta(days=1)) == []
    set_polling(db, feed.id, True)
    assert not find_source(db, "http://f.test/rss").paused
    assert delete_source(db, page.id) and not delete_source(db, page.id)
    assert [s.id for s in list_sources(db, polled=True)] == [feed.id]


def test_deleting_a_source_keeps_its_articles(db):
    with transaction(db):
        source = upsert_source(db, kind="file", location="/tmp/x.txt", name="x.txt", now=NOW)
        result = add_article(
            db, ArticleDraft("T", "Words of a story.", "x.txt"), now=NOW, source_id=source.id
        )
    delete_source(db, source.id)
    assert get_article(db, result.article.id) is not None
    assert db.execute("SELECT source_id FROM articles").fetchone()[0] is None


def test_the_feeds_articles_are_counted_in_the_source_index_not_by_reading_every_article(db):
    """/sources, which any reader may send, counts each feed's articles (m0023's index)."""
    with transaction(db):
        busy = upsert_source(db, kind="feed", location="http://f.test/busy", name="Busy", now=NOW)
        upsert_source(db, kind="feed", location="http://f.test/quiet", name="Quiet", now=NOW)
        page = upsert_source(db, kind="page", location="http://f.test/p", name="P", now=NOW)
        for n, source_id in enumerate([busy.id, busy.id, busy.id, page.id, None]):
            draft = ArticleDraft(f"Story {n}", f"Words of story number {n} about the quay.", "f.test")
            add_article(db, draft, now=NOW, source_id=source_id)
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        counted = {f.name: f.articles for f in feeds(db)}
    finally:
        db.conn.set_trace_callback(None)
    assert counted == {"Busy": 3, "Quiet": 0}
    (sql,) = [s for s in statements if "FROM sources" in s]
    plan = " / ".join(r[3] for r in db.execute("EXPLAIN QUERY PLAN " + sql).fetchall())
    assert "SEARCH articles USING COVERING INDEX articles_source_id (source_id=?)" in plan, plan
    assert "SCAN articles" not in plan, plan
