"""``python bot.py summarize FILE...``: one article a file, readable or JSON lines, bad files skipped."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot import main

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = """Ad sales boost Time Warner profit

Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn for the three months to December.
The firm, which is now one of the biggest investors in Google, benefited from sales of internet connections.
TimeWarner said fourth quarter sales rose 2% to $11.1bn from $10.9bn. Its profits were buoyed by gains.
Time Warner's fourth quarter profits were slightly better than analysts' expectations at the firm.
"""


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(capsys, *argv):
    code = main(["summarize", *map(str, argv)], environ={})
    out, err = capsys.readouterr()
    return code, out, err


def test_jsonl_prints_exactly_file_title_and_summary(capsys, article):
    code, out, err = run(capsys, article, "--jsonl")
    assert code == 0 and err == ""
    record = json.loads(out)
    assert list(record) == ["file", "title", "summary"]
    assert record["file"] == str(article)
    assert record["title"] == "Ad sales boost Time Warner profit"
    assert len(record["summary"]) == 3
    assert all(s in ARTICLE for s in record["summary"])
    assert record["title"] not in record["summary"]


def test_sentences_and_algorithm_options_are_obeyed(capsys, article):
    code, out, _ = run(capsys, article, "--jsonl", "--sentences", "1", "--algorithm", "lead")
    assert code == 0
    assert json.loads(out)["summary"] == [ARTICLE.splitlines()[2]]


def test_algorithm_names_are_read_whatever_their_case(capsys, article):
    _, lower, _ = run(capsys, article, "--jsonl", "--algorithm", "lsa")
    code, upper, err = run(capsys, article, "--jsonl", "--algorithm", "LSA")
    assert code == 0 and err == "" and upper == lower


def test_a_file_without_a_headline_is_titled_by_its_first_sentence_as_ingest_titles_it(capsys, tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("The talks ended on Monday. Both sides left Riyadh.\n", encoding="utf-8")
    _, out, _ = run(capsys, path, "--jsonl")
    assert json.loads(out) == {
        "file": str(path),
        "title": "The talks ended on Monday",
        "summary": ["Both sides left Riyadh."],  # the title's sentence is not told again
    }


def test_a_dump_opening_with_a_photo_credit_has_the_title_ingest_stores(capsys, app):
    """Seed 002 starts "Photo credit: www.bbc.com" over its text: no headline, and both commands make
    the title from its first sentence (QA18a F7)."""
    from briefing.service.ingest import ingest_files
    from store.articles import latest_articles
    from tests.conftest import SEEDS

    seed = SEEDS / "002_56409ce4796d023f.txt"
    _, out, _ = run(capsys, seed, "--jsonl")
    ingest_files(app, [seed])
    [stored] = latest_articles(app.db)
    assert json.loads(out)["title"] == stored.title
    assert stored.title.startswith("UK Prime Minister Sir Keir Starmer")


@pytest.mark.parametrize("text", ["Headline only\n", "Headline only", "Port strike ends\n\n"])
def test_a_headline_alone_is_no_text_to_summarize(capsys, tmp_path, text):
    """Ingest finds no article in it either: one line on stderr, exit 1, as an empty file."""
    path = tmp_path / "headline.txt"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, path, "--jsonl")
    assert (code, out) == (1, "")
    reason = "no sentences to summarize: only a headline or fragments, no article text"
    assert err == f"bot.py summarize: {path}: {reason}\n"


def test_a_short_article_whose_last_sentence_lost_its_full_stop_keeps_title_and_sentences(capsys, tmp_path):
    path = tmp_path / "short.txt"
    path.write_text(
        "Minister quits\n\nThe minister resigned on Monday after a vote. Her party lost seats on Sunday\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, path, "--jsonl")
    assert code == 0
    assert json.loads(out) == {
        "file": str(path),
        "title": "Minister quits",
        "summary": ["The minister resigned on Monday after a vote.", "Her party lost seats on Sunday"],
    }


def test_readable_output_names_the_file_and_lists_the_sentences(capsys, article):
    code, out, _ = run(capsys, article, "--sentences", "2")
    assert code == 0
    assert out.startswith(f"{article}:\n")
    assert "AD SALES BOOST TIME WARNER PROFIT" in out
    assert out.count("\n• ") == 2


def test_bad_files_are_reported_one_line_each_and_the_rest_still_summarized(capsys, article, tmp_path):
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\x00\x10JFIF\x00" * 20)
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    code, out, err = run(capsys, tmp_path / "missing.txt", binary, empty, tmp_path, article, "--jsonl")
    assert code == 1
    assert [json.loads(line)["file"] for line in out.splitlines()] == [str(article)]
    lines = err.splitlines()
    assert len(lines) == 4
    assert "missing.txt: no such file" in lines[0]
    assert "photo.jpg: binary data" in lines[1]
    assert "empty.txt: the file is empty" in lines[2]
    assert "is a folder" in lines[3]
    assert "Traceback" not in err


def test_latin1_files_are_read(capsys, tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\xe9 owners in Paris protested on Monday. They want lower taxes.".encode("latin-1"))
    code, out, _ = run(capsys, path, "--jsonl")
    assert code == 0
    assert json.loads(out)["title"].startswith("Café owners")  # the first sentence, told as the title


def test_utf16_files_are_read_as_ingest_reads_them(capsys, tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes("Zoë Müller won the vote in Graz on Sunday. Turnout rose.".encode("utf-16"))
    code, out, _ = run(capsys, path, "--jsonl")
    assert code == 0
    assert json.loads(out)["title"] == "Zoë Müller won the vote in Graz on Sunday"  # the first sentence


def test_a_feed_file_is_refused_with_the_command_that_reads_feeds(capsys):
    feed = ROOT / "tests" / "fixtures" / "feeds" / "guardian.rss"
    code, out, err = run(capsys, feed)
    assert (code, out) == (1, "")
    assert "a feed of many articles" in err and "bot.py ingest" in err


def test_a_saved_web_page_is_read_as_ingest_reads_it(capsys, tmp_path):
    page = ROOT / "tests" / "fixtures" / "pages" / "port_strike.html"
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    code, out, err = run(capsys, page, empty, "--jsonl")
    record = json.loads(out)
    assert record["title"] == "Port strike halts shipping along the Atlantic coast"
    assert record["summary"][0].startswith("Dock workers in three Atlantic ports walked out")
    assert not any("<" in s for s in record["summary"])
    assert (code, err.count("\n")) == (1, 1) and "empty.html" in err


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--algorithm", "magic"], "unknown algorithm 'magic'"),
        (["--sentences", "0"], "--sentences must be at least 1"),
    ],
)
def test_usage_mistakes_exit_2_with_one_line(capsys, article, argv, message):
    code, out, err = run(capsys, article, *argv)
    assert code == 2 and out == ""
    # the command's prefix, as its file errors and argparse's errors write it
    assert err.count("\n") == 1 and err.startswith(f"bot.py summarize: {message}")


def test_a_file_whose_one_sentence_is_its_title_shows_it_once(capsys, tmp_path):
    path = tmp_path / "one.txt"
    path.write_text("The minister resigned on Tuesday after a week of protests.\n", encoding="utf-8")
    code, out, _ = run(capsys, path)
    assert code == 0
    assert out.upper().count("THE MINISTER RESIGNED") == 1


def test_the_command_line_runs_as_a_program(article):
    result = subprocess.run(
        [sys.executable, "bot.py", "summarize", "--jsonl", str(article)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(article.parent)},
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"] == "Ad sales boost Time Warner profit"


def test_files_are_read_and_titled_as_ingest_reads_them(capsys, tmp_path, app):
    """Latin-1 text with its headline on the line over the lead, UTF-16 with a BOM, a page declaring its
    charset: each summarized with the title ingest stores (QA17b F14)."""
    from briefing.service.ingest import ingest_files
    from store.articles import latest_articles

    headline = "Café owners protest new rent rules in downtown district"
    text = (
        f"{headline}\nThe owners of more than 30 cafés in the downtown district protested on Monday against "
        "new rent rules that they say will force many of them to close.\nThe city said the rules were "
        "needed to protect tenants.\n"
    )
    latin = tmp_path / "latin1.txt"
    latin.write_bytes(text.encode("latin-1"))
    utf16 = tmp_path / "bom16.txt"
    utf16.write_bytes(text.replace("Café owners", "Bakers").encode("utf-16"))
    page = tmp_path / "page.html"
    lead = text.split("\n", 1)[1].replace("\n", " ")
    page.write_bytes(
        f'<html><head><meta charset="iso-8859-1"><title>Café rents</title></head><body><article>'
        f"<h1>Café rents</h1><p>{lead}</p><p>{lead}</p></article></body></html>".encode("latin-1")
    )
    code, out, err = run(capsys, latin, utf16, page, "--jsonl")
    assert (code, err) == (0, "")
    titles = [json.loads(line)["title"] for line in out.splitlines()]
    assert titles == [headline, headline.replace("Café owners", "Bakers"), "Café rents"]
    assert "cafés" in json.loads(out.splitlines()[2])["summary"][0]
    ingest_files(app, [latin])
    assert [a.title for a in latest_articles(app.db)] == [headline]


def test_a_masthead_in_capitals_is_titled_as_ingest_stores_it(capsys, tmp_path):
    path = tmp_path / "masthead.txt"
    path.write_text(
        "HARBOUR COUNCIL APPROVES NEW FERRY LINE\n\nThe harbour council approved a new ferry line on "
        "Tuesday, the council said.\nThe ferry line will open in the spring.\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, path, "--jsonl")
    assert code == 0
    assert json.loads(out)["title"] == "Harbour council approves new ferry line"
