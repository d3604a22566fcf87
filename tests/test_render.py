from briefing.document import Document, Section, bold, code, heading, item, link, pages, para, quote, tip
from briefing.paging import Paged
from briefing.render import html_messages, plain_messages, to_html, to_plain, utf16_len


def doc_of(*sections):
    return Document(sections=tuple(Section(tuple(blocks)) for blocks in sections))


def test_inserted_text_is_escaped():
    doc = doc_of([para(bold("<b>A & B</b>"), " ", link("x</a>", 'https://e.com/?a=1&b="2"'))])
    assert to_html(doc) == (
        '<b>&lt;b&gt;A &amp; B&lt;/b&gt;</b> <a href="https://e.com/?a=1&amp;b=&quot;2&quot;">x&lt;/a&gt;</a>'
    )


def test_links_with_unsafe_schemes_become_text():
    doc = doc_of([para(link("click", "javascript:alert(1)"))])
    assert to_html(doc) == "click"


def test_plain_shows_link_targets():
    doc = doc_of([heading("Top"), item(link("DW", "https://dw.com/a"))])
    assert to_plain(doc) == "TOP\n• DW <https://dw.com/a>"


def test_utf16_counts_astral_characters_twice():
    assert utf16_len("a😀") == 3


def test_messages_split_between_sections_and_fit():
    doc = doc_of(*[[para("word " * 300 + "😀" * 50)] for _ in range(10)])
    messages = html_messages(doc)
    assert len(messages) > 1
    assert all(utf16_len(m) <= 4096 for m in messages)
    assert "".join(messages).count("😀") == 500


def test_a_single_huge_paragraph_is_cut_without_breaking_tags():
    doc = doc_of([para(bold("x " * 5000))])
    messages = html_messages(doc)
    assert len(messages) == 3
    for m in messages:
        assert utf16_len(m) <= 4096
        assert m.startswith("<b>") and m.endswith("</b>")
    assert sum(m.count("x") for m in messages) == 5000


def test_plain_messages_fit_too():
    doc = doc_of([para("é" * 10000)])
    assert all(utf16_len(m) <= 4096 for m in plain_messages(doc))


def test_pages_keep_header_first_and_footer_last():
    doc = Document(
        header=(heading("H"),),
        sections=tuple(Section((para(str(i)),)) for i in range(5)),
        footer=(para("F"),),
    )
    parts = pages(doc, 2)
    assert [len(p.sections) for p in parts] == [2, 2, 1]
    assert parts[0].header and not parts[1].header
    assert parts[-1].footer and not parts[0].footer


def test_a_quotation_in_plain_text_gets_marks_and_the_marks_inside_it_become_single():
    doc = Document(
        header=(),
        sections=(
            Section(
                (
                    quote("Ryan said Republicans “already made that choice.”"),
                    quote("“We will win,” Trump said."),
                )
            ),
        ),
    )
    text = to_plain(doc)
    assert "“Ryan said Republicans ‘already made that choice.’”" in text
    assert "“We will win,” Trump said." in text
    assert "<blockquote>Ryan said Republicans “already made that choice.”</blockquote>" in to_html(doc)


def test_notes_close_every_page_after_the_footer():
    doc = Document(
        header=(heading("Top"),),
        sections=tuple(Section((para(f"s{i}"),)) for i in range(5)),
        footer=(para("end"),),
        notes=(para("One command a message"),),
    )
    parts = pages(doc, 2)
    assert [p.notes for p in parts] == [doc.notes] * 3
    assert to_plain(parts[0]).endswith("s1\n\nOne command a message")
    assert to_plain(doc).endswith("end\n\nOne command a message") and "One command" in doc.text


def test_a_tip_closes_the_first_page_alone_and_renders_as_a_paragraph():
    note, hint = para("One command a message"), tip("Send ", code("/follow Trump"), ".")
    doc = Document(sections=tuple(Section((para(f"s{i}"),)) for i in range(5)), notes=(hint, note))
    parts = pages(doc, 2)
    assert [p.notes for p in parts] == [(hint, note), (note,), (note,)]
    assert to_html(parts[0]).endswith("s1\n\nSend <code>/follow Trump</code>.\nOne command a message")
    assert Paged(doc).from_json(Paged(doc).to_json()).document == doc  # a page turned later knows it


def test_a_plain_heading_in_capitals_keeps_a_letter_whose_capital_is_two():
    doc = doc_of([heading("Bundestag beschließt Haushalt an der Weißen Straße")])
    assert to_plain(doc) == "BUNDESTAG BESCHLIEßT HAUSHALT AN DER WEIßEN STRAßE"
