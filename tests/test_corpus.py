"""The benchmark corpus: deterministic, distinct articles that read back from their dumps."""

from datetime import timedelta

from conftest import NOW

from bench.corpus import build_corpus_db, corpus_draft, corpus_drafts, render_dump
from briefing.dumps import split_dump
from store import open_db
from store.articles import count_articles, latest_articles


def test_article_i_is_always_the_same():
    assert corpus_draft(7, now=NOW) == corpus_draft(7, now=NOW)
    assert corpus_draft(7, now=NOW) != corpus_draft(8, now=NOW)
    assert corpus_draft(7, seed=1, now=NOW) != corpus_draft(7, now=NOW)
    assert list(corpus_drafts(3, now=NOW, start=5)) == [corpus_draft(i, now=NOW) for i in (5, 6, 7)]


def test_dumps_of_the_corpus_read_back_as_the_same_articles():
    drafts = list(corpus_drafts(60, now=NOW))
    parsed = split_dump(render_dump(drafts), source="corpus")
    assert [(d.title, d.section, d.author) for d in parsed] == [
        (d.title, d.section, d.author) for d in drafts
    ]
    assert [d.body for d in parsed] == [d.body for d in drafts]
    assert all(NOW - timedelta(days=7) <= d.published_at <= NOW for d in parsed)


def test_build_corpus_db(tmp_path):
    report = build_corpus_db(tmp_path / "c.db", 200, now=NOW)
    assert (report.new, report.duplicate, report.near_duplicate, report.failed) == (200, 0, 0, ())
    db = open_db(tmp_path / "c.db")
    assert count_articles(db) == 200
    assert latest_articles(db, limit=1)[0].published_at <= NOW
