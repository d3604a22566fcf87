"""Dates written relative to the reading ("34 min ago", "yesterday", "vor 2 Stunden") and the German and
French bylines and date lines of a dump: an article dated only by its age is dated by the moment it is
read (the ingest's ``now``), never when the page gives a date of its own."""

from datetime import UTC, datetime, timedelta

import pytest
from conftest import NOW

from briefing.dates import relative_age
from briefing.dumps import split_dump
from briefing.furniture import Kind, classify, dated_ago
from briefing.pages import parse_page
from briefing.service.ingest import ingest_files
from store.articles import latest_articles

LEAD = (
    "The harbour authority said on Tuesday that the new ferry line to the islands would start in spring, "
    "after two years of delays caused by the shortage of qualified crews."
)
MORE = "Residents of the islands have waited for the service since the old line closed in 2019."


def dump(*header: str, lead: str = LEAD) -> str:
    return "\n\n".join(("Ferry line to the islands will start in spring", *header, lead, MORE)) + "\n"


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("S.Chen34 min ago", timedelta(minutes=34)),
        ("2 hours ago", timedelta(hours=2)),
        ("an hour ago", timedelta(hours=1)),
        ("3 days ago", timedelta(days=3)),
        ("yesterday", timedelta(days=1)),
        ("Yesterday at 6:19 PM", timedelta(days=1)),
        ("vor 2 Stunden", timedelta(hours=2)),
        ("vor einem Tag", timedelta(days=1)),
        ("il y a 3 heures", timedelta(hours=3)),
        ("il y a 2 semaines", timedelta(weeks=2)),
        ("5 months ago", timedelta(days=150)),
        # today, at a time of day whose clock is unknown: dated when read (QA16a F6)
        ("Today at 9:02 AM", timedelta(0)),
        ("Heute, 09:02 Uhr", timedelta(0)),
        ("Aujourd'hui à 09h02", timedelta(0)),
        ("Just now", timedelta(0)),
        ("Hier à 18h19", timedelta(days=1)),
        ("The ferry left two hours later.", None),
        ("13 Nov 2024", None),
    ],
)
def test_relative_age_reads_english_german_and_french(text, age):
    assert relative_age(text) == age


@pytest.mark.parametrize(
    ("header", "author", "age"),
    [
        (("S.Chen34 min ago",), "S.Chen", timedelta(minutes=34)),
        (("2 hours ago",), None, timedelta(hours=2)),
        (("By Jane Doe", "Updated 3 days ago"), "Jane Doe", timedelta(days=3)),
        (("Yesterday at 6:19 PM",), None, timedelta(days=1)),
        (("Von Anna Schmidt", "vor 2 Stunden"), "Anna Schmidt", timedelta(hours=2)),
        (("Par Jean Dupont", "Publié il y a 3 heures"), "Jean Dupont", timedelta(hours=3)),
        (("By Jane Doe", "Today at 9:02 AM"), "Jane Doe", timedelta(0)),
        (("Par Jean Dupont", "Hier à 18h19"), "Jean Dupont", timedelta(days=1)),
    ],
)
def test_a_dump_dated_relative_to_the_reading_carries_its_age(header, author, age):
    (draft,) = split_dump(dump(*header), source="x.txt")
    assert (draft.author, draft.published_at, draft.age) == (author, None, age)
    assert draft.body.startswith("The harbour authority") and "ago" not in draft.body


def test_an_absolute_date_wins_over_an_age():
    (draft,) = split_dump(dump("Published: 13 Nov 2024", "Updated 2 hours ago"), source="x.txt")
    assert draft.published_at == datetime(2024, 11, 13, tzinfo=UTC) and draft.age is None


def test_a_teasers_age_dates_nothing():
    text = dump("By Jane Doe") + "\nRelated\n\nPort strike ends after a week\n\n2 hours ago\n"
    (draft,) = split_dump(text, source="x.txt")
    assert draft.age is None and draft.published_at is None


def test_the_ingest_dates_an_age_by_the_moment_it_reads(app, tmp_path):
    (tmp_path / "a.txt").write_text(dump("S.Chen34 min ago"), encoding="utf-8")
    tram = "BERLIN, Jan 20 (Reuters) - The city said on Tuesday that its new tram line would open in spring."
    (tmp_path / "b.txt").write_text(dump("2 hours ago", lead=tram).replace("Ferry", "Tram"), encoding="utf-8")
    report = ingest_files(app, [tmp_path / "a.txt", tmp_path / "b.txt"])
    assert report.new == 2
    dated = {a.title.split()[0]: a.published_at for a in latest_articles(app.db, limit=5)}
    assert dated["Ferry"] == NOW - timedelta(minutes=34)
    assert dated["Tram"] == datetime(2025, 1, 20, tzinfo=UTC)  # the dateline's day is a date: it wins


def test_a_page_without_a_date_is_dated_by_the_age_under_its_title():
    html = (
        "<html><head><title>Ferry line to the islands will start in spring</title></head><body><article>"
        "<h1>Ferry line to the islands will start in spring</h1><p>S.Chen34 min ago</p>"
        f"<p>{LEAD}</p><p>{MORE}</p></article></body></html>"
    )
    draft = parse_page(html, "https://news.test/ferry")
    assert draft.published_at is None and draft.age == timedelta(minutes=34)
    assert not draft.body.startswith("S.Chen")


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("hace 3 horas", timedelta(hours=3)),
        ("Hace un día", timedelta(days=1)),
        ("hace dos semanas", timedelta(weeks=2)),
        ("hace 2 años", timedelta(days=730)),
        ("há 2 horas", timedelta(hours=2)),
        ("Há uma hora", timedelta(hours=1)),
        ("há 1 mês", timedelta(days=30)),
        ("3 ore fa", timedelta(hours=3)),
        ("un'ora fa", timedelta(hours=1)),
        ("2 giorni fa", timedelta(days=2)),
        ("una settimana fa", timedelta(weeks=1)),
        ("tre mesi fa", timedelta(days=90)),
        ("vor zwei Stunden", timedelta(hours=2)),
        ("il y a deux heures", timedelta(hours=2)),
        ("Ayer a las 18:19", timedelta(days=1)),
        ("ieri", timedelta(days=1)),
        ("Oggi alle 9:02", timedelta(0)),
        # unaccented "ha" is Italian "has": an age in years, not a date
        ("Il bambino ha 2 anni", None),
        ("Che cosa fa", None),
    ],
)
def test_relative_age_reads_spanish_portuguese_and_italian(text, age):
    assert relative_age(text) == age


@pytest.mark.parametrize(
    ("header", "author", "age"),
    [
        (("Por Juan Pérez", "Actualizado hace 5 minutos"), "Juan Pérez", timedelta(minutes=5)),
        (("Por Ana Souza", "há 2 horas"), "Ana Souza", timedelta(hours=2)),
        (("Di Marco Rossi", "Aggiornato 3 ore fa"), "Marco Rossi", timedelta(hours=3)),
        (("2 giorni fa",), None, timedelta(days=2)),
    ],
)
def test_a_spanish_portuguese_or_italian_dump_carries_its_age(header, author, age):
    (draft,) = split_dump(dump(*header), source="x.txt")
    assert (draft.author, draft.published_at, draft.age) == (author, None, age)
    assert draft.body.startswith("The harbour authority")


@pytest.mark.parametrize(
    ("line", "kind", "value"),
    [
        ("Von Anna Schmidt", Kind.AUTHOR, "Anna Schmidt"),
        ("Par Jean Dupont", Kind.AUTHOR, "Jean Dupont"),
        ("Von Hans Müller und Eva Klein", Kind.AUTHOR, "Hans Müller und Eva Klein"),
        ("Veröffentlicht am 13. November 2024", Kind.DATE, datetime(2024, 11, 13, tzinfo=UTC)),
        ("Publié le 13 novembre 2024 à 18h19", Kind.DATE, datetime(2024, 11, 13, 18, 19, tzinfo=UTC)),
        ("Mis à jour le 14 novembre 2024 à 09h02", Kind.DATE, datetime(2024, 11, 14, 9, 2, tzinfo=UTC)),
        ("Aktualisiert am 14.11.2024, 09:02 Uhr", Kind.DATE, datetime(2024, 11, 14, 9, 2, tzinfo=UTC)),
        ("Von Miller", Kind.HEADING, None),  # one word: a name, not a byline
        ("Par ailleurs, le gouvernement", Kind.HEADING, None),
    ],
)
def test_german_and_french_bylines_and_date_lines(line, kind, value):
    assert classify(line).kind is kind and classify(line).value == value


def test_a_french_dump_keeps_its_byline_and_date_out_of_the_text():
    text = (
        "Grève à la SNCF : le trafic perturbé\n\nPar Claire Dubois\n\nPublié le 22 mai 2026 à 14h05\n\n"
        "Mis à jour le 22 mai 2026 à 16h40\n\nPARIS, 22 mai (AFP) - Le trafic ferroviaire est fortement "
        "perturbé mardi en raison d'une grève des cheminots.\n\n"
        "Les syndicats demandent des hausses de salaires.\n"
    )
    (draft,) = split_dump(text, source="x.txt")
    assert draft.author == "Claire Dubois"
    assert draft.published_at == datetime(2026, 5, 22, 14, 5, tzinfo=UTC)
    assert draft.body.startswith("PARIS, 22 mai (AFP)")


def test_a_german_dump_keeps_its_byline_out_of_the_text():
    text = (
        "Bayern gewinnt das Spitzenspiel\n\nVon Hans Müller\n\nVeröffentlicht am 23. November 2026\n\n"
        "München, 23. November 2026 – Thomas Müller traf zweimal, und die Bayern gewannen.\n\n"
        "Der Trainer war zufrieden mit der Leistung seiner Mannschaft.\n"
    )
    (draft,) = split_dump(text, source="x.txt")
    assert draft.author == "Hans Müller" and draft.published_at == datetime(2026, 11, 23, tzinfo=UTC)
    assert draft.body.startswith("München, 23. November 2026 –")


def test_dated_ago_reads_only_date_lines():
    assert dated_ago("Updated 2 hours ago") == timedelta(hours=2)
    assert dated_ago("The minister resigned two days ago, after the vote of the party's members.") is None


@pytest.mark.parametrize("line", ["Today", "Hier", "Today at the UN"])
def test_today_or_hier_without_a_time_is_no_date_line(line):
    # "Today" alone is a programme's or a section's name as often, "Hier" German for "here"
    assert dated_ago(line) is None and classify(line).kind is not Kind.RELTIME
