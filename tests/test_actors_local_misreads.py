"""QA qa19b F8: spans local, business and sports copy made actors of wrongly: a possessive inside a
body's name, an eponymous disease, counts, plurals of trades, honours, tournament groups, crude grades,
tickers, a name shared by two places, and a holiday after a town's name in a headline."""

import pytest
from actor_helpers import surfaces_by_actor


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_possessive_inside_a_bodys_name_is_part_of_it(tagger):
    found = surfaces_by_actor(
        "Money was taken from the Brackley Children's Hospice, and a funeral will be held at St Anne's "
        "Church, Thornbury. The Parkinson's Society said it was shocked.",
        tagger=tagger,
    )
    assert found[("Brackley Children's Hospice", "organization")] == ["Brackley Children's Hospice"]
    assert found[("St Anne's Church", "place")] == ["St Anne's Church"]
    assert found[("Parkinson's Society", "organization")] == ["Parkinson's Society"]
    for part in ("Brackley Children", "Hospice", "St Anne", "Church", "Society"):
        assert not [key for key in found if key[0] == part]


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_places_possessive_stays_the_place(tagger):
    found = surfaces_by_actor("Britain's National Trust said visitor numbers rose.", tagger=tagger)
    assert ("United Kingdom", "place") in found


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_an_eponymous_disease_names_no_actor(tagger):
    found = surfaces_by_actor(
        "The drug slowed decline in patients with early Huntington's disease, results published in The "
        "Lancet show.",
        tagger=tagger,
    )
    assert not [key for key in found if key[0] == "Huntington"]
    assert found[("The Lancet", "organization")] == ["The Lancet"]


@pytest.mark.parametrize(
    "text, junk",
    [
        ("Eighteen people have died in Portugal since Sunday.", "Eighteen people"),
        ("Meteorologists said parts of Braga recorded 210mm of rain.", "Meteorologists"),
        ("She was appointed MBE in 1988 for services to mountain rescue.", "MBE"),
        ("Alder scored twice to send the English club top of Group C.", "Group C"),
        ("Brent crude fell 1.2% to $68.40 a barrel.", "Brent"),
    ],
)
@pytest.mark.parametrize("tagger", ["shipped", None])
def test_counts_trades_honours_groups_and_crude_grades_are_no_actors(text, junk, tagger):
    found = surfaces_by_actor(text, tagger=tagger)
    assert not [key for key in found if key[0] == junk]


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_band_named_by_a_number_is_still_read(tagger):
    found = surfaces_by_actor("Thirty Seconds to Mars played two nights in Lisbon.", tagger=tagger)
    assert not [key for key in found if key[0] == "Thirty"]


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_ticker_in_brackets_is_the_companys_other_name(tagger):
    found = surfaces_by_actor(
        "Shares in Tolland & Co (LON: TLND), the British retailer, fell 4%. Separately, Quorvex Inc. "
        "(NASDAQ: QRVX) reported higher sales.",
        tagger=tagger,
    )
    assert ("TLND", "organization") not in found
    assert ("QRVX", "organization") not in found
    assert "TLND" in found[("Tolland & Co", "organization")]
    assert "QRVX" in found[("Quorvex Inc.", "organization")]


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_body_two_places_share_is_named_whole(tagger):
    found = surfaces_by_actor(
        "Ellison joined the Borrowdale and Keswick Mountain Rescue Team in 1962 and led it for 15 years.",
        tagger=tagger,
    )
    name = "Borrowdale and Keswick Mountain Rescue Team"
    assert found[(name, "organization")] == [name]


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_holiday_after_a_towns_name_in_a_headline_is_no_name(tagger):
    found = surfaces_by_actor(
        "Kendal Christmas market returns after two-year break\n\nThe Christmas market in Kendal will "
        "return this year, the council in Kendal said.",
        tagger=tagger,
    )
    assert not [key for key in found if "Christmas" in key[0]]
    assert ("Kendal", "place") in found
