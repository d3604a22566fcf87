"""python bot.py actors FILE... [--jsonl]: types, canonical names and offsets; bad files reported."""

import json
from pathlib import Path

import bot

TEXT = (
    "Swedish Defense Minister Pål Jonson met retired Army Lieutenant General Keith Kellogg in Stockholm.\n"
    "Kellogg said NATO would help.\n"
)


def run(capsys, *argv):
    code = bot.main(["actors", *map(str, argv)], environ={})
    out, err = capsys.readouterr()
    return code, out, err


def test_jsonl_is_one_object_per_file_with_offsets(tmp_path, capsys):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(TEXT, encoding="utf-8")
    b.write_text("Nothing to see here.\n", encoding="utf-8")
    code, out, err = run(capsys, a, b, "--jsonl")
    assert code == 0 and err == ""
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["file"] == str(a) and second == {"file": str(b), "actors": []}
    kellogg = next(x for x in first["actors"] if x["name"] == "Keith Kellogg")
    assert kellogg["type"] == "person"
    assert [TEXT[m["start"] : m["end"]] for m in kellogg["mentions"]] == ["Keith Kellogg", "Kellogg"]
    assert set(first["actors"][0]) == {"name", "type", "mentions"}
    assert {x["type"] for x in first["actors"]} == {"person", "place", "organization"}
    for actor in first["actors"]:
        assert all(set(m) == {"start", "end"} for m in actor["mentions"])


def test_offsets_are_str_indices_of_the_text_as_read(tmp_path, capsys):
    path = tmp_path / "crlf.txt"
    path.write_bytes("Zoë said hi.\r\nPål Jonson visited Kyiv.\r\n".encode())
    _, out, _ = run(capsys, path, "--jsonl")
    text = path.read_text(encoding="utf-8")
    found = {x["name"]: x["mentions"][0] for x in json.loads(out)["actors"]}
    assert text[found["Pål Jonson"]["start"] : found["Pål Jonson"]["end"]] == "Pål Jonson"


def test_decomposed_letters_make_whole_names_with_offsets_into_the_file(tmp_path, capsys):
    text = "Keith\u00a0Kellogg flew to Zu\u0308rich with Jose\u0301 A\u0301lvarez on Monday.\n"
    path = tmp_path / "nfd.txt"
    path.write_text(text, encoding="utf-8")
    _, out, _ = run(capsys, path, "--jsonl")
    actors = json.loads(out)["actors"]
    found = {x["name"]: [text[m["start"] : m["end"]] for m in x["mentions"]] for x in actors}
    assert found == {
        "Keith Kellogg": ["Keith\u00a0Kellogg"],
        "Zürich": ["Zu\u0308rich"],
        "José Álvarez": ["Jose\u0301 A\u0301lvarez"],
    }


def test_character_references_of_a_page_are_read_as_their_characters(tmp_path, capsys):
    html = (
        "<html><body><p>Keith&nbsp;Kellogg met Fran&ccedil;ois Hollande in Gen&egrave;ve.</p>"
        "<p>Procter &amp; Gamble said Jos&#233; &Aacute;lvarez left.</p></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    _, out, _ = run(capsys, path, "--jsonl")
    actors = json.loads(out)["actors"]
    found = {x["name"]: [html[m["start"] : m["end"]] for m in x["mentions"]] for x in actors}
    assert found["Keith Kellogg"] == ["Keith&nbsp;Kellogg"]
    assert found["François Hollande"] == ["Fran&ccedil;ois Hollande"]
    assert found["Genève"] == ["Gen&egrave;ve"]
    assert found["José Álvarez"] == ["Jos&#233; &Aacute;lvarez"]
    assert ["Procter &amp; Gamble"] in found.values()


def test_table_without_jsonl(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    code, out, _ = run(capsys, path)
    assert code == 0
    assert out.splitlines()[0] == f"{path}: 5 actors"
    assert any("person" in line and "Keith Kellogg" in line and "2×" in line for line in out.splitlines())


def test_bad_files_are_reported_and_the_rest_processed(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes(b"Caf\x81 Jonson")  # 0x81: no UTF-8 and no Windows-1252 character
    empty = tmp_path / "empty.txt"
    empty.write_text(" \n\n", encoding="utf-8")
    code, out, err = run(capsys, tmp_path / "missing.txt", binary, good, latin, tmp_path, empty, "--jsonl")
    assert code == 1
    assert [json.loads(line)["file"] for line in out.splitlines()] == [str(good)]
    lines = err.splitlines()
    assert len(lines) == 5
    assert "missing.txt: no such file" in lines[0]
    assert "image.png: binary data" in lines[1]
    assert "latin1.txt: neither UTF-8 nor Windows-1252 text (byte 0x81 at offset 3)" in lines[2]
    assert "is a folder" in lines[3]
    assert "empty.txt: the file is empty" in lines[4]  # as `summarize` says
    assert "Traceback" not in err


def test_the_table_counts_in_the_singular_too(tmp_path, capsys):
    path = tmp_path / "one.txt"
    path.write_text("Retired Army Lieutenant General Keith Kellogg spoke on Monday.\n", encoding="utf-8")
    _, out, _ = run(capsys, path)
    assert out.splitlines()[0] == f"{path}: 1 actor"


def test_a_saved_web_page_is_read_without_its_markup_and_offsets_point_into_the_file(tmp_path, capsys):
    html = (
        "<!DOCTYPE html><html><head><title>Envoy</title><style>p {color: red}</style>"
        "<script>var Trump = 1;</script></head><body><nav><a href='/'>Home</a></nav>"
        f"<p>{TEXT.splitlines()[0]}</p><p>{TEXT.splitlines()[1]}</p><!-- Comment Smith --></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    _, out, _ = run(capsys, path, "--jsonl")
    actors = {a["name"]: a for a in json.loads(out)["actors"]}
    assert "Keith Kellogg" in actors and "Pål Jonson" in actors
    assert not {"DOCTYPE", "Trump", "Comment Smith", "Home"} & set(actors)
    for actor in actors.values():
        for m in actor["mentions"]:
            assert "<" not in html[m["start"] : m["end"]] and html[m["start"] : m["end"]].strip()
    kellogg = actors["Keith Kellogg"]["mentions"]
    assert [html[m["start"] : m["end"]] for m in kellogg] == ["Keith Kellogg", "Kellogg"]


def test_a_feed_file_is_refused_with_the_command_that_reads_feeds(capsys):
    feed = Path(__file__).parent / "fixtures" / "feeds" / "guardian.rss"
    code, out, err = run(capsys, feed)
    assert (code, out) == (1, "")
    assert "a feed of many articles" in err and "bot.py ingest" in err


def test_files_ingest_reads_are_read_and_offsets_index_the_text_as_read(tmp_path, capsys):
    """Latin-1 text, UTF-16 with a BOM, a page declaring its charset: read as ingest reads them (QA17b
    F14); the offsets index the text as decoded, as ``open(path, encoding=...)`` reads it."""
    text = "Café owners met Keith Kellogg in Zürich on Monday.\r\nKellogg said NATO would help.\r\n"
    latin = tmp_path / "latin1.txt"
    latin.write_bytes(text.encode("latin-1"))
    utf16 = tmp_path / "bom16.txt"
    utf16.write_bytes(text.encode("utf-16"))  # with its BOM
    page = tmp_path / "page.html"
    html = (
        '<html><head><meta charset="iso-8859-1"><title>Zürich</title></head><body><p>Café owners met '
        "Keith Kellogg in Zürich on Monday. Kellogg said NATO would help.</p></body></html>"
    )
    page.write_bytes(html.encode("latin-1"))
    code, out, err = run(capsys, latin, utf16, page, "--jsonl")
    assert (code, err) == (0, "")
    for line, (path, encoding) in zip(
        out.splitlines(), [(latin, "cp1252"), (utf16, "utf-16"), (page, "cp1252")], strict=True
    ):
        found = json.loads(line)
        read = path.read_text(encoding=encoding)
        spans = {a["name"]: [read[m["start"] : m["end"]] for m in a["mentions"]] for a in found["actors"]}
        assert spans["Keith Kellogg"] == ["Keith Kellogg", "Kellogg"]
        assert spans["Zürich"][-1] == "Zürich"


def test_a_utf8_bom_is_a_character_of_the_text_as_read(tmp_path, capsys):
    path = tmp_path / "bom8.txt"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.encode())
    code, out, _ = run(capsys, path, "--jsonl")
    assert code == 0
    read = path.read_text(encoding="utf-8")  # the BOM as U+FEFF
    [kellogg] = [a for a in json.loads(out)["actors"] if a["name"] == "Keith Kellogg"]
    assert [read[m["start"] : m["end"]] for m in kellogg["mentions"]] == ["Keith Kellogg", "Kellogg"]


def test_a_share_bar_is_furniture_and_offsets_stay_those_of_the_file(tmp_path, capsys):
    text = (
        "Skip to main content\r\nQuarterback Jaylen Moss threw for 212 yards, coach Dan Reyes said.\r\n"
        "Share this: Facebook Twitter Email Print\r\nBy Tyler Brooks\r\n"
    )
    path = tmp_path / "sports.txt"
    path.write_bytes(text.encode())
    _, out, _ = run(capsys, path, "--jsonl")
    text = path.read_text(encoding="utf-8")  # as read: "\r\n" is one character, as the other tests read it
    found = {(x["name"], x["type"]): x["mentions"] for x in json.loads(out)["actors"]}
    assert set(found) == {("Jaylen Moss", "person"), ("Dan Reyes", "person"), ("Tyler Brooks", "person")}
    for (name, _), spans in found.items():
        assert [text[m["start"] : m["end"]] for m in spans] == [name]


def test_a_company_named_in_prose_is_kept_beside_a_share_bar(tmp_path, capsys):
    path = tmp_path / "tech.txt"
    path.write_text(
        "Facebook said on Monday it would cut 300 jobs.\nShare: Facebook Twitter\n", encoding="utf-8"
    )
    _, out, _ = run(capsys, path, "--jsonl")
    (facebook,) = [x for x in json.loads(out)["actors"] if x["name"] == "Facebook"]
    assert [(m["start"], m["end"]) for m in facebook["mentions"]] == [(0, 8)]


def test_a_photo_credit_names_no_actor_as_the_ingest_drops_it(tmp_path, capsys):
    text = (
        "Neither Kim Jong Un nor Vladimir Putin have confirmed the deployment.\r\n"
        "© Anna Lopez/POOL/TASS/dpa/picture alliance\r\nTASS later quoted Putin as saying so.\r\n"
    )
    path = tmp_path / "credit.txt"
    path.write_bytes(text.encode())
    _, out, _ = run(capsys, path, "--jsonl")
    text = path.read_text(encoding="utf-8")
    found = {
        x["name"]: [text[m["start"] : m["end"]] for m in x["mentions"]] for x in json.loads(out)["actors"]
    }
    assert "Anna Lopez" not in found and "POOL" not in found
    assert found["TASS"] == ["TASS"]  # named in prose, after the credit: offsets as in the file
    assert found["Vladimir Putin"] == ["Vladimir Putin", "Putin"]


def test_a_caption_credit_the_ingest_drops_beside_its_neighbours_names_no_actor(tmp_path, capsys):
    text = (
        "Flood waters rose in Verona on Sunday, and the mayor said schools would close.\n\n"
        "Photograph: Lorenzo Bari/Ansa\nCredit: Maria Conti for The Verona Herald\n"
    )
    path = tmp_path / "caption.txt"
    path.write_text(text, encoding="utf-8")
    _, out, _ = run(capsys, path, "--jsonl")
    found = {x["name"] for x in json.loads(out)["actors"]}
    assert "Verona" in found
    assert not found & {"Lorenzo Bari", "Bari", "Ansa", "Maria Conti", "Verona Herald", "The Verona Herald"}


# one name read three ways in one text: a palace's, a place's, a person met (qa22a F1, qa22c F11)
DIKKO = (
    "Obi made this appeal during his visit to the gravesite and the Sarkin Dikko palace along the Dikko-Maje"
    " Road.\n\n“Today I headed to the gravesite, and also the Sarkin Dikko place along the Dikko-Maje Road"
    " in Suleja,” Obi shared on Wednesday.\n\nObi extended his condolences to the Dikko community during his"
    " meeting with Sarkin Dikko and his council.\n"
)
STATES = (
    "North Korea has sent troops to Russia. North Korean soldiers were seen in Kursk, and Russia said the"
    " troops were welcome. Ukraine said it fought North Korean forces near the border.\n"
)


def test_each_name_is_one_actor_of_one_type_as_the_archive_keeps_it(tmp_path, capsys):
    path = tmp_path / "dikko.txt"
    path.write_text(DIKKO + STATES, encoding="utf-8")
    _, out, _ = run(capsys, path, "--jsonl")
    actors = json.loads(out)["actors"]
    names = [x["name"] for x in actors]
    assert len(names) == len(set(names))
    found = {x["name"]: (x["type"], len(x["mentions"])) for x in actors}
    assert found["Sarkin Dikko"] == ("person", 3)  # a tie of readings: the person met, not the palace
    assert found["Russia"] == ("place", 2) and found["North Korea"][0] == "place"


def test_a_state_mention_is_the_name_in_the_phrase_not_the_phrase(tmp_path, capsys):
    path = tmp_path / "states.txt"
    path.write_text(STATES, encoding="utf-8")
    _, out, _ = run(capsys, path, "--jsonl")
    korea = next(x for x in json.loads(out)["actors"] if x["name"] == "North Korea")
    spans = [STATES[m["start"] : m["end"]] for m in korea["mentions"]]
    assert spans == ["North Korea", "North Korean", "North Korean"]


def test_the_command_shows_the_actors_the_ingest_stores(tmp_path, capsys):
    from briefing.service.actors import read_actors

    text = DIKKO + STATES
    path = tmp_path / "same.txt"
    path.write_text(text, encoding="utf-8")
    _, out, _ = run(capsys, path, "--jsonl")
    shown = [
        (x["name"], x["type"], [(m["start"], m["end"]) for m in x["mentions"]])
        for x in json.loads(out)["actors"]
    ]
    reading = read_actors("", text)
    assert reading is not None
    stored = [(a.name, a.type, [(m.start, m.end) for m in a.mentions]) for a in reading.actors]
    assert shown == stored
