"""The admin's /ingest reply: failures sharing a reason are counted in one line, not listed by the dozen."""

from briefing.document import Document, Section
from briefing.render import to_plain
from briefing.service.admin import MAX_LISTED, _failures


def text(blocks) -> str:
    return to_plain(Document(header=(), sections=(Section(tuple(blocks)),)))


def test_many_failures_of_one_reason_are_one_line_and_a_few_are_listed():
    unreachable = "feed entry page: cannot connect to www.theguardian.com: Name or service not known"
    failed = [(f"https://www.theguardian.com/{k}", unreachable) for k in range(55)]
    failed += [("https://x.test/gone", "HTTP 404 Not Found")]
    lines = _failures(failed)
    assert len(lines) == 2
    shown = text(lines)
    assert f"55 failed — {unreachable} (first: https://www.theguardian.com/0)" in shown
    assert "Failed: https://x.test/gone — HTTP 404 Not Found" in shown
    few = [(f"https://a.test/{k}", "timed out after 15s") for k in range(MAX_LISTED)]
    assert len(_failures(few)) == MAX_LISTED
