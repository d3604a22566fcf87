"""``/sources`` counts each outlet's articles and finds its newest dates in an index that covers them
(m0044), not in the archive's rows (qa25b F2: 1-2 s at 100,000 articles, every other chat waiting)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from store.stats import outlet_counts
from tests.article_rows import insert_article, query_plans

WHEN = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def test_the_outlets_are_counted_from_an_index_that_covers_their_dates(db):
    for n, source in enumerate(("a.example", "b.example", "a.example", "c.example", "a.example")):
        insert_article(db, title=f"Report {n}", body=f"Report {n}. More words.", source=source,
                       when=WHEN + timedelta(hours=n))  # fmt: skip
    (plan, *_) = query_plans(db, lambda: outlet_counts(db))
    assert plan.startswith("SCAN articles USING COVERING INDEX articles_outlet_dates"), plan
    assert "TEMP B-TREE FOR GROUP BY" not in plan, plan  # the index's order is the outlets' order
    outlets, total = outlet_counts(db)
    assert total == 3
    assert [(o.name, o.articles) for o in outlets] == [("a.example", 3), ("b.example", 1), ("c.example", 1)]
    assert outlets[0].newest == WHEN + timedelta(hours=4)
