"""Control characters a source's text may hold (a terminal's escape sequences, a bell) are dropped when the
text is read and from every reply: a title cannot turn the operator's terminal red, rename its window or
write its clipboard, nor show as junk in Telegram (QA15c F5)."""

import pytest

from briefing.adapters.console import ask
from briefing.charsets import without_controls
from briefing.document import Span, message, para
from briefing.models import ArticleDraft
from briefing.render import to_html, to_plain
from briefing.service.commands import load_all
from briefing.service.ingest import ingest_files
from store.articles import latest_articles

HOSTILE = "Kyiv talks \x1b[31mRED\x1b[0m \x1b]0;PWNED-TITLE\x07 end \x1b]52;c;aGk=\x1b\\ bell\x07"


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        (HOSTILE, "Kyiv talks RED  end  bell"),
        ("tab\tnewline\ncarriage\r\nkept", "tab\tnewline\ncarriage\r\nkept"),
        ("form\x0cfeed and vertical\x0btab", "form\nfeed and vertical\ntab"),
        ("nul\x00 del\x7f c1\x85 csi\x9b2J", "nul del c1 csi"),
        ("Zelenskyy — «ünïcode» 中文 👍 שלום עולם", "Zelenskyy — «ünïcode» 中文 👍 שלום עולם"),
        ("Javascript link \u202eRTL override\u202c end", "Javascript link RTL override end"),
        ("isolates \u2067RTL\u2069 and \u2066LTR\u2069 end", "isolates RTL and LTR end"),
    ],
)
def test_escape_sequences_and_controls_are_dropped_and_text_is_kept(text, clean):
    assert without_controls(text) == clean


def test_a_draft_holds_no_control_character():
    draft = ArticleDraft(
        title=HOSTILE, body=f"Officials met.\x07\n\n{HOSTILE}.", source="Wire\x1b[0m", author="A\x00B"
    )
    assert "\x1b" not in draft.title + draft.body + draft.source and "\x07" not in draft.body
    assert (draft.title, draft.source, draft.author) == ("Kyiv talks RED  end  bell", "Wire", "AB")


def test_a_reply_never_inserts_a_control_character():
    doc = message(para(Span(HOSTILE, bold=True), " and ", Span("link\x1b[2J", url="https://example.org/")))
    for text in (to_plain(doc), to_html(doc)):
        assert not any(ord(c) < 0x20 and c not in "\n\t" for c in text), repr(text)


async def test_an_ingested_title_with_escapes_is_stored_and_told_clean(app, tmp_path):
    path = tmp_path / "ansi.txt"
    body = "Officials in Kyiv said on Monday that peace talks would resume in Geneva next week. " * 3
    path.write_text(f"{HOSTILE}\n\n{body}\n", encoding="utf-8")
    assert ingest_files(app, [path]).new == 1
    title = latest_articles(app.db, limit=1)[0].title
    assert "\x1b" not in title and "\x07" not in title and "Kyiv talks RED" in title
    load_all()
    answer = await ask(app, "/search Geneva")
    assert "Kyiv talks RED" in answer and "\x1b" not in answer and "\x07" not in answer
