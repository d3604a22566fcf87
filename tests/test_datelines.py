"""Datelines: press-release and local forms taken off the lead, the day they give the article's date."""

from datetime import UTC, datetime

import pytest
from conftest import NOW

from briefing.dates import dateline_date
from briefing.dumps import split_dump
from briefing.furniture import Kind, Verdict, classify
from briefing.sentences import split_dateline, without_dateline
from briefing.service.ingest import ingest_files
from store.articles import latest_articles


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("BERGEN, Norway, Jan. 21, 2025 /PRNewswire/ -- Fjordline said.", "Fjordline said."),
        ("OSLO, Norway, Jan. 21, 2025 (GLOBE NEWSWIRE) -- Acme ASA said.", "Acme ASA said."),
        ("Hamburg, 21. Januar 2025 – Der Hafen meldet Rekorde.", "Der Hafen meldet Rekorde."),
        ("Sevilla, 21 de enero de 2025 - El puerto creció.", "El puerto creció."),
        ("Boston, Jan. 21, 2025 — Acme Corp. said.", "Acme Corp. said."),
        # no dateline: a name and a dash, a place without a full date
        ("Hamburg – die Stadt am Wasser – wächst.", "Hamburg – die Stadt am Wasser – wächst."),
        ("Smith, 42, of Boston — a carpenter — said.", "Smith, 42, of Boston — a carpenter — said."),
    ],
)
def test_press_release_and_local_datelines_are_taken_off(sentence, expected):
    assert without_dateline(sentence) == expected


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        ("GDANSK, Jan 21 (Reuters) - The port said.", datetime(2025, 1, 21, tzinfo=UTC)),
        ("GDANSK, Jan. 24 (AP) — The port said.", datetime(2025, 1, 24, tzinfo=UTC)),  # a day ahead
        ("GDANSK, Dec 30 (Reuters) - The port said.", datetime(2024, 12, 30, tzinfo=UTC)),  # last year's
        ("GDANSK, Feb 2 (Reuters) - The port said.", datetime(2024, 2, 2, tzinfo=UTC)),  # not next month
        ("MOSCOU, 21 JAN (ANSA) - O porto disse.", datetime(2025, 1, 21, tzinfo=UTC)),
        ("BERGEN, Norway, Jan. 20, 2025 /PRNewswire/ -- Fjordline said.", datetime(2025, 1, 20, tzinfo=UTC)),
        ("Hamburg, 21. Januar 2025 – Der Hafen meldet Rekorde.", datetime(2025, 1, 21, tzinfo=UTC)),
        ("WASHINGTON (AP) — The Senate voted.", None),
        ("The port said on Jan 21 that it would close.", None),
    ],
)
def test_a_datelines_day_is_read_with_the_year_that_puts_it_last_before_now(lead, expected):
    dateline, _ = split_dateline(lead + "\n\nMore text.")
    assert dateline_date(dateline, now=NOW) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("22 novembre 2024", datetime(2024, 11, 22, tzinfo=UTC)),
        ("22 de noviembre de 2024", datetime(2024, 11, 22, tzinfo=UTC)),
        ("Freitag, 22. November 2024, 14:05 Uhr", datetime(2024, 11, 22, 14, 5, tzinfo=UTC)),
        ("vendredi 22 février 2024", datetime(2024, 2, 22, tzinfo=UTC)),
    ],
)
def test_a_date_in_french_spanish_or_german_on_its_own_line_is_a_date(line, expected):
    assert classify(line) == Verdict(Kind.DATE, expected)


def test_a_sentence_with_a_french_date_is_no_date_line():
    assert classify("Le 22 novembre 2024, la grève").kind is not Kind.DATE


def test_a_french_date_under_the_title_dates_the_article_and_leaves_the_body():
    text = (
        "Grève des dockers au port de Marseille\n\n22 novembre 2024\n\n"
        "Les dockers du port de Marseille ont cessé le travail lundi pour réclamer des hausses de salaire.\n"
    )
    [story] = split_dump(text, source="x")
    assert story.published_at == datetime(2024, 11, 22, tzinfo=UTC)
    assert story.body.startswith("Les dockers")


WIRE = (
    "Port of Gdansk halts night shifts as fog closes the bay\n\n"
    "GDANSK, Jan 21 (Reuters) - The port of Gdansk halted night shifts on Tuesday after thick fog closed "
    "the bay to shipping for a second day, the port authority said.\n\n"
    "About 40 ships were waiting at anchor outside the breakwater, a spokesman said.\n\n"
    "(Reporting by Anna Koper; Editing by Mark Potter)\n\n"
    "Chilean copper output fell 4% in December as mines flooded\n\n"
    "SANTIAGO, Dec 30 (Reuters) - Chile's copper output fell 4% in December from a year earlier after "
    "heavy rain flooded two mines in the north, the statistics institute said.\n\n"
    "The Escondida mine, the world's largest, was not affected, its operator said.\n\n"
    "(Reporting by Fabian Cambero; Editing by Kim Coghill)\n\n"
    "Fjordline Ferries Reports Higher Winter Bookings\n\n"
    "January 22, 2025\n\n"
    "BERGEN, Norway, Jan. 20, 2025 /PRNewswire/ -- Fjordline Ferries AS said winter bookings rose 18% "
    "from a year earlier.\n"
)


def test_stored_wire_stories_are_dated_by_their_datelines_unless_they_give_a_date(app, tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text(WIRE)
    assert ingest_files(app, [path]).new == 3
    stored = {a.title: a for a in latest_articles(app.db)}
    port = stored["Port of Gdansk halts night shifts as fog closes the bay"]
    assert port.published_at == datetime(2025, 1, 21, tzinfo=UTC)
    assert port.body.startswith("The port of Gdansk halted")
    copper = stored["Chilean copper output fell 4% in December as mines flooded"]
    assert copper.published_at == datetime(2024, 12, 30, tzinfo=UTC)
    assert copper.body.startswith("Chile's copper output")
    release = stored["Fjordline Ferries Reports Higher Winter Bookings"]
    assert release.published_at == datetime(2025, 1, 22, tzinfo=UTC)  # its own date line wins
    assert release.body.startswith("Fjordline Ferries AS said")


@pytest.mark.parametrize(
    "lead",
    [
        "Posted on social media on 3 November 2026, the clip shows ferries leaving the harbour at dawn, "
        "officials said on Monday.",
        "Updated advice on 12 November 2025 told skippers to stay in port until the gale passed, the "
        "coastguard said.",
        "Published on 2 May 2025, the report found the harbour wall needed repairs, the council said.",
    ],
)
def test_a_lead_sentence_opening_with_a_date_is_prose_and_does_not_date_the_article(lead):
    assert classify(lead).kind is Kind.PROSE
    text = "Harbour\n\n" + lead + "\n\nThe council will meet again on Thursday to discuss the repairs.\n"
    [story] = split_dump(text, source="x")
    assert story.body.startswith(lead)
    assert story.published_at is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published on 3 Nov 2026 in World News", datetime(2026, 11, 3, tzinfo=UTC)),
        ("Posted on 3 November 2026, 14:05 GMT", datetime(2026, 11, 3, 14, 5, tzinfo=UTC)),
        (
            "Published: Wednesday 13 November 2024, 6:19 PM GMT | Updated: Wednesday 13 November 2024, "
            "7:00 PM",
            datetime(2024, 11, 13, 18, 19, tzinfo=UTC),
        ),
    ],
)
def test_a_date_line_with_a_section_or_time_after_its_date_is_still_a_date(line, expected):
    assert classify(line) == Verdict(Kind.DATE, expected)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "\nGDANSK, Jan 21 (Reuters) - The port said.\n\nMore.",
            ("GDANSK, Jan 21 (Reuters) - ", "The port said.\n\nMore."),
        ),
        (
            "The port said on Jan 21 that it would close.\n\nMore.",
            ("", "The port said on Jan 21 that it would close.\n\nMore."),
        ),
    ],
)
def test_the_dateline_is_cut_from_the_text_it_dates(body, expected):
    assert split_dateline(body) == expected


def test_may_in_french_is_a_date_word_of_a_published_line():
    line = "Published 22 mai 2026 14:05 dans la rubrique Monde"
    assert classify(line) == Verdict(Kind.DATE, datetime(2026, 5, 22, 14, 5, tzinfo=UTC))
