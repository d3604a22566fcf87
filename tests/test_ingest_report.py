"""``bot.py ingest``'s table: notes with the same reason are one row, failures stay one row each (QA18a
F14: an offline ingest of feed files printed a thousand "cannot resolve host …" notes)."""

import io

from briefing.adapters.ingest_report import grouped, interrupted_line, print_report
from briefing.models import IngestReport

KEPT = "feed entry page: cannot resolve host {}; kept the feed's summary"


def test_notes_with_the_same_reason_are_one_row_naming_the_first_and_how_many_more():
    notes = [(f"https://a.test/{n}", KEPT.format("a.test")) for n in range(1, 728)]
    notes.insert(3, ("https://b.test/1", KEPT.format("b.test")))
    assert grouped(notes) == [
        ("https://a.test/1 and 726 more", KEPT.format("a.test")),
        ("https://b.test/1", KEPT.format("b.test")),
    ]


def test_the_table_groups_notes_but_lists_every_failure():
    failed = tuple((f"https://c.test/{n}", "HTTP 404 Not Found") for n in range(3))
    notes = tuple((f"https://a.test/{n}", KEPT.format("a.test")) for n in range(1000))
    out = io.StringIO()
    print_report(IngestReport(new=1000, failed=failed, notes=notes), file=out)
    table = out.getvalue()
    assert table.count("https://c.test/") == 3
    assert table.count("https://a.test/") == 1 and "https://a.test/0 and 999 more" in table
    assert len(table.splitlines()) < 40


def test_the_interrupted_line_says_what_went_in_and_where_it_stopped():
    assert interrupted_line(1, 0, 0) == (
        "bot.py ingest: interrupted in the first source; 1 new article went in and stays, the rest was not"
        " read (run it again to go on: what went in is then a duplicate)"
    )
    assert interrupted_line(1200, 3, 40).startswith(
        "bot.py ingest: interrupted after 3 of 40 sources; 1,200 new"
    )
