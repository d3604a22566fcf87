"""Spanish, Portuguese, Italian and Japanese date lines, "Por"/"Di" bylines, and the photo credits, ad
labels, share buttons and tag lines of German, Spanish, Portuguese, Italian and French pages; the note on
who wrote an article under its text (QA17b F8, F13). Dumps of our own writing."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from briefing.boilerplate import strip_boilerplate
from briefing.dates import parse_date
from briefing.dumps import split_dump
from briefing.furniture import Kind, classify


@pytest.mark.parametrize(
    ("line", "when"),
    [
        ("Publicado el 13 de noviembre de 2024, 18:19", datetime(2024, 11, 13, 18, 19, tzinfo=UTC)),
        ("Pubblicato il 13 novembre 2024 alle 18:19", datetime(2024, 11, 13, 18, 19, tzinfo=UTC)),
        ("Publicado em 13 de novembro de 2024 às 18h19", datetime(2024, 11, 13, 18, 19, tzinfo=UTC)),
        ("Publicado em 13/11/2024 às 18h19", datetime(2024, 11, 13, 18, 19, tzinfo=UTC)),
        ("Actualizado: 14/11/2024 09:30", datetime(2024, 11, 14, 9, 30, tzinfo=UTC)),
        ("Atualizado em 14/11/2024 09h30", datetime(2024, 11, 14, 9, 30, tzinfo=UTC)),
        ("Aggiornato il 14 novembre 2024 alle 09:30", datetime(2024, 11, 14, 9, 30, tzinfo=UTC)),
        ("Last modified on Wed 13 Nov 2024 18.19 GMT", datetime(2024, 11, 13, 18, 19, tzinfo=UTC)),
        ("2024年11月13日 18:19", datetime(2024, 11, 13, 18, 19, tzinfo=UTC)),
        ("2024年11月13日 18時19分", datetime(2024, 11, 13, 18, 19, tzinfo=UTC)),
        ("2024年11月13日 18:19 JST", datetime(2024, 11, 13, 18, 19, tzinfo=timezone(timedelta(hours=9)))),
        # a city, then the date (El País prints it under the byline)
        (
            "Sevilla - 13 nov 2024 - 18:19 CET",
            datetime(2024, 11, 13, 18, 19, tzinfo=timezone(timedelta(hours=1))),
        ),
        ("Hamburg, 13. November 2024", datetime(2024, 11, 13, tzinfo=UTC)),
    ],
)
def test_foreign_date_lines_are_read(line, when):
    verdict = classify(line)
    assert verdict.kind is Kind.DATE and verdict.value == when


def test_a_japanese_date_is_parsed_in_text():
    assert parse_date("東京 2025年3月4日 7時5分") == datetime(2025, 3, 4, 7, 5, tzinfo=UTC)
    assert parse_date("2025年13月4日") is None  # no such month


def test_a_french_relative_date_line_is_still_read_as_one():
    # "il" is Italian's "on", but "Publié il y a 3 heures" is French for "3 hours ago"
    assert classify("Publié il y a 3 heures").kind is Kind.DROP


@pytest.mark.parametrize(
    ("line", "kind", "author"),
    [
        ("Por María López", Kind.AUTHOR, "María López"),
        ("Por João Silva", Kind.AUTHOR, "João Silva"),
        ("Di Marco Rossi", Kind.AUTHOR, "Marco Rossi"),
        ("Por María López y Juan Pérez", Kind.AUTHOR, "María López y Juan Pérez"),
        ("Di Marco Rossi e Anna Bianchi", Kind.AUTHOR, "Marco Rossi e Anna Bianchi"),
        ("Por María del Carmen Ruiz", Kind.AUTHOR, "María del Carmen Ruiz"),
        ("Por João dos Santos", Kind.AUTHOR, "João dos Santos"),
        # one name after "Di"/"Por" is a surname or a phrase, not a byline
        ("Di Maio", Kind.HEADING, None),
        ("Por Dios", Kind.HEADING, None),
        ("Por la tarde, el gobierno", Kind.HEADING, None),
    ],
)
def test_spanish_portuguese_and_italian_bylines(line, kind, author):
    verdict = classify(line)
    assert verdict.kind is kind and verdict.value == author


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Foto: dpa/Lena Krüger", Kind.CREDIT),
        ("Fotografía: EFE/Pedro Gil", Kind.CREDIT),
        ("Foto: EFE", Kind.CREDIT),
        ("Crédito: Pedro Gil", Kind.CREDIT),
        ("Foto di Giulia Conti", Kind.CREDIT),
        ("Bild: Lena Krüger", Kind.CREDIT),
        ("dpa/Lena Krüger", Kind.CREDIT),
        ("EFE/Pedro Gil", Kind.CREDIT),
        # a caption with its credit after it
        ("Die neue Brücke über den Neckar am Morgen. Foto: dpa/Lena Krüger", Kind.DROP),
        ("El alcalde inaugura el puente sobre el río (Foto: EFE)", Kind.DROP),
        ("The mayor opens the new bridge on Friday. Getty Images", Kind.DROP),
        ("The mayor opens the new bridge on Friday. Jane Roe/AFP via Getty Images", Kind.DROP),
        ("Photographs by Jane Roe for The Evening Review", Kind.CREDIT),
        # ad labels
        ("Anzeige", Kind.DROP),
        ("Werbung", Kind.DROP),
        ("Publicidad", Kind.DROP),
        ("Pubblicità", Kind.DROP),
        # share buttons
        ("Teilen", Kind.DROP),
        ("Condividi", Kind.DROP),
        ("Compartir en Facebook", Kind.DROP),
        ("Auf Facebook teilen", Kind.DROP),
        ("Condividi su Facebook e WhatsApp", Kind.DROP),
        ("Partager sur X", Kind.DROP),
        ("Share or comment on this article:", Kind.DROP),
        # tags, however long the list
        ("Archivado en: Sudán · ONU · África · Conflictos armados · Derechos humanos", Kind.DROP),
        ("Themen: Heidelberg, Verkehr, Parken", Kind.DROP),
        # ... and headlines that begin with the same words
        ("Teilen statt besitzen", Kind.HEADING),
        ("Compartir en familia es mejor", Kind.HEADING),
        ("Fotografieren verboten in der Altstadt", Kind.HEADING),
        ("The company said it would sell its stake in Getty Images", Kind.HEADING),
    ],
)
def test_foreign_credits_ads_share_buttons_and_tags(line, kind):
    assert classify(line).kind is kind


def test_share_rows_in_other_languages_leave_a_page_or_feed_entry():
    paragraphs = ["Compartir en Facebook", "Auf WhatsApp teilen", "El pleno aprobó la ley por mayoría."]
    assert strip_boilerplate(paragraphs) == ["El pleno aprobó la ley por mayoría."]


SPANISH = """El puerto de Bilbao bate su récord de tráfico en octubre

Por Lucía Navarro Ortiz

Publicado el 13 de noviembre de 2024, 18:19

Fotografía: EFE/Pedro Gil

El puerto de Bilbao movió 3,6 millones de toneladas de mercancías en octubre, la cifra más alta de su
historia, según los datos publicados este miércoles por la autoridad portuaria.

Publicidad

El presidente de la autoridad portuaria atribuyó el aumento al tráfico de contenedores y a la nueva terminal.

Compartir en Facebook

Lucía Navarro Ortiz es redactora de economía en Bilbao.

Archivado en: Bilbao · Puertos · Economía

Deportes

El Athletic gana al Betis con un gol en el último minuto

Por Jon Etxeberria

Actualizado: 12/11/2024 23:05

El Athletic Club venció el martes al Real Betis por 1-0 con un gol de cabeza en el último minuto.
"""


def test_a_spanish_dump_reads_its_bylines_dates_and_furniture():
    first, second = split_dump(SPANISH, source="heraldo.txt")
    assert first.title == "El puerto de Bilbao bate su récord de tráfico en octubre"
    assert first.author == "Lucía Navarro Ortiz"
    assert first.published_at == datetime(2024, 11, 13, 18, 19, tzinfo=UTC)
    assert first.body.startswith("El puerto de Bilbao movió")
    for furniture in ("Fotografía", "Publicidad", "Compartir", "es redactora", "Archivado"):
        assert furniture not in first.body
    assert second.title == "El Athletic gana al Betis con un gol en el último minuto"
    assert second.author == "Jon Etxeberria"
    assert second.published_at == datetime(2024, 11, 12, 23, 5, tzinfo=UTC)


@pytest.mark.parametrize(
    ("byline", "date_line", "author", "when"),
    [
        ("Di Giulia Conti", "Pubblicato il 13 novembre 2024 alle 18:19", "Giulia Conti",
         datetime(2024, 11, 13, 18, 19, tzinfo=UTC)),
        ("Por Tiago Mendes", "Publicado em 13 de novembro de 2024 às 18h19", "Tiago Mendes",
         datetime(2024, 11, 13, 18, 19, tzinfo=UTC)),
        ("By Jane Roe", "Last modified on Wed 13 Nov 2024 18.19 GMT", "Jane Roe",
         datetime(2024, 11, 13, 18, 19, tzinfo=UTC)),
        ("By Jane Roe", "2024年11月13日 18:19", "Jane Roe", datetime(2024, 11, 13, 18, 19, tzinfo=UTC)),
    ],
)  # fmt: skip
def test_italian_portuguese_guardian_and_japanese_headers_leave_the_text(byline, date_line, author, when):
    text = "\n\n".join(
        (
            "Il traghetto per le isole riparte a marzo",
            byline,
            date_line,
            "The harbour authority said on Tuesday that the ferry line would start again in March.",
            "Residents have waited for the service since 2019.",
        )
    )
    (draft,) = split_dump(text + "\n", source="x.txt")
    assert (draft.author, draft.published_at) == (author, when)
    assert draft.body.startswith("The harbour authority")


GERMAN = """Neue Brücke über den Neckar eröffnet

Von Lena Krüger

Veröffentlicht am 13. November 2024

Die neue Brücke bei Ladenburg am Morgen der Eröffnung
Foto: dpa/Lena Krüger

Nach drei Jahren Bauzeit ist die neue Neckarbrücke bei Ladenburg am Mittwoch für den Verkehr
freigegeben worden.

Anzeige

Die Brücke kostete 48 Millionen Euro und soll täglich 20.000 Fahrzeuge aufnehmen.

Teilen

Lena Krüger ist Redakteurin im Ressort Region.
"""


def test_a_german_dump_drops_its_credit_ad_share_button_and_author_note():
    (draft,) = split_dump(GERMAN, source="x.txt")
    assert draft.author == "Lena Krüger" and draft.published_at == datetime(2024, 11, 13, tzinfo=UTC)
    assert draft.body == (
        "Nach drei Jahren Bauzeit ist die neue Neckarbrücke bei Ladenburg am Mittwoch für den Verkehr "
        "freigegeben worden.\n\nDie Brücke kostete 48 Millionen Euro und soll täglich 20.000 Fahrzeuge "
        "aufnehmen."
    )


BIO = """Council approves new tram line

By Ruth Hale and Omar Idris

November 13, 2024

The city council approved a new tram line on Wednesday, ending two years of debate over its route.

Ruth Hale told the council in 2022 that the route was unsafe, the minutes show.

Ruth Hale is a city hall reporter. Omar Idris covers transport.
"""


def test_a_note_on_the_writers_under_the_text_goes():
    (draft,) = split_dump(BIO, source="x.txt")
    assert "city hall reporter" not in draft.body and "covers transport" not in draft.body


def test_a_paragraph_only_partly_about_the_writers_stays():
    (draft,) = split_dump(BIO, source="x.txt")
    assert "the route was unsafe, the minutes show" in draft.body  # one sentence, then another subject
    mixed = BIO.replace("Omar Idris covers transport.", "The line opens in 2027.")
    (draft,) = split_dump(mixed, source="x.txt")
    assert "Ruth Hale is a city hall reporter. The line opens in 2027." in draft.body


def test_a_sentence_naming_someone_who_did_not_write_the_article_stays():
    text = BIO.replace("By Ruth Hale and Omar Idris", "By Sam Webb")
    (draft,) = split_dump(text, source="x.txt")
    assert "Ruth Hale is a city hall reporter." in draft.body


@pytest.mark.parametrize(
    ("byline", "author"),
    [("Por Ana García | 22/11/2026", "Ana García"), ("Von Jonas Weber | 22.11.2026", "Jonas Weber"),
     ("Par Claire Martin · 22/11/2026", "Claire Martin"), ("Di Marco Rossi - 22/11/2026", "Marco Rossi")],
)  # fmt: skip
def test_a_foreign_byline_and_its_date_on_one_line_give_both(byline, author):
    text = (
        f"El puerto de Bilbao amplía su terminal\n\n{byline}\n\nEl puerto de Bilbao anunció el lunes una "
        "ampliación de su terminal de contenedores. La obra costará 40 millones de euros.\n\n"
        "Las obras empezarán en marzo y durarán dos años.\n"
    )
    (article,) = split_dump(text, source="puerto.txt")
    assert article.author == author
    assert article.published_at is not None and article.published_at.date() == datetime(2026, 11, 22).date()
    assert "2026" not in article.body
