"""Text dumps → articles: photo captions that end with (or sit over) a credit in the forms outlets print
it, in brackets, after a bar, an agency's "REUTERS/Jane Doe", a photographer's "Photo by ...", "Credit:"."""

import pytest

from briefing.dumps import split_dump
from briefing.furniture import Kind, classify

CAPTION = "Harbour workers unload the first catch of the season in Tromsø."
LEAD = (
    "The fishing fleet of Tromsø landed its first catch of the winter season on Monday, two weeks later "
    "than last year because of storms in the Barents Sea."
)
REST = "The harbour master said forty boats had come in by the evening, and more were expected on Tuesday."
CREDITS = [
    "(Photo: Tromsø Havn/Handout)",
    "(AP Photo/Jane Doe)",
    "[Image: NTB]",
    "(Photo by Jane Doe)",
    "REUTERS/Jane Doe",
    "REUTERS/Jane Doe/File Photo",
    "AFP/Getty Images",
    "Photo by Jane Doe/Getty Images",
    "Credit: Tromsø Havn",
    "| Photo: NTB",
    "Photo: Tromsø Havn",
    # a name beginning with a capital outside A-Z, and an agency's credit in brackets (QA16a F2)
    "REUTERS/Øyvind Elvsborg",
    "Photo by Øyvind Elvsborg/NTB",
    "Credit: Øyvind Elvsborg",
    "(REUTERS/Jane Doe)",
    "| Photo: Łukasz Nowak",
]


def _dump(caption_lines: str) -> str:
    return (
        "Business\n\nTromsø fleet lands first winter catch\n\nBy Ola Berg | November 23, 2026\n\n"
        f"{caption_lines}\n\n{LEAD}\n\n{REST}\n"
    )


@pytest.mark.parametrize("credit", CREDITS)
def test_a_caption_ending_with_its_credit_is_not_the_first_paragraph(credit):
    [article] = split_dump(_dump(f"{CAPTION} {credit}"), source="x.txt")
    assert article.title == "Tromsø fleet lands first winter catch"
    assert article.body == f"{LEAD}\n\n{REST}"


@pytest.mark.parametrize("credit", [c for c in CREDITS if not c.startswith("|")])
def test_a_credit_on_its_own_line_takes_the_caption_above_it(credit):
    [article] = split_dump(_dump(f"Harbour workers unload the first catch\n{credit}"), source="x.txt")
    assert article.body == f"{LEAD}\n\n{REST}"


@pytest.mark.parametrize(
    "line",
    [
        "Talks between NATO/EU officials stall",
        "The PA/Welsh government deal collapses",
        "Reuters/Ipsos poll shows the mayor ahead",
        "Credit card debt hits a record high",
        "Credit: the bank said it would lend more",
        "Credit Suisse shares fall",
    ],
)
def test_titles_with_an_agency_or_credit_word_are_no_credit(line):
    assert classify(line).kind is Kind.HEADING


def test_a_paragraph_mentioning_a_photo_in_brackets_is_prose():
    text = "He said the picture (Photo: a child at the border) was fake and asked the site to remove it."
    assert classify(text).kind is Kind.PROSE


GERMAN = (
    "Bank of England cuts rates to 3.75%\nBy Helen Marsh\nPublished: Mon 23 Nov 2026, 12:15 PM\n"
    "The Bank of England cut interest rates by 25 basis points to 3.75% on Monday, the lowest level since "
    "2023, in a 5-4 vote by the Monetary Policy Committee.\nGovernor Andrew Bailey said the path for rates "
    'remained "gradually downward".\nSource: bbc.co.uk\n\n'
    "Siemens Quartalsgewinn steigt auf €1,2 Mrd.\nVon Jonas Weber\nVeröffentlicht: 23.11.2026, 08:30 Uhr\n"
    "Der Technologiekonzern Siemens hat im dritten Quartal einen Gewinn von €1,2 Mrd. erzielt, ein Plus "
    "von 8% gegenüber dem Vorjahr.\nVorstandschef Roland Busch sagte, die Nachfrage nach Automatisierung "
    "bleibe hoch.\n{label}: handelsblatt.com\n"
)


@pytest.mark.parametrize("label", ["Quelle", "Fuente", "Fonte", "Bron"])
def test_a_credit_labelled_in_another_language_names_its_articles_outlet(label):
    """qa32b F12: a German item's "Quelle: handelsblatt.com" is its source, as "Source: bbc.co.uk" is."""
    drafts = split_dump(GERMAN.replace("{label}", label), source="day3_markets.txt")
    assert [d.source for d in drafts] == ["bbc.co.uk", "handelsblatt.com"]
    assert "handelsblatt" not in drafts[1].body


def test_a_credit_label_in_another_language_over_its_site_names_the_outlet():
    drafts = split_dump(GERMAN.replace("{label}: ", "Quelle\n"), source="day3_markets.txt")
    assert [d.source for d in drafts] == ["bbc.co.uk", "handelsblatt.com"]
