"""Figures in a search: a per-cent or an amount is matched as that figure with its unit, in any form."""

import pytest

from briefing.figures import PER_CENT, Figure, figure_pattern, figure_phrases, figures, without_figures
from store.search import fts_query


def pattern(query: str):
    (figure,) = figures(query)
    return figure_pattern(figure)


@pytest.mark.parametrize(
    ("query", "whole", "fraction", "unit"),
    [
        ("2%", "2", "", PER_CENT),
        ("3.75 per cent", "3", "75", PER_CENT),
        ("2 percent", "2", "", PER_CENT),
        ("£48bn", "48", "", "billion"),
        ("94.9 billion", "94", "9", "billion"),
        ("$57.0bn", "57", "", "billion"),
        ("US$1,200m", "1200", "", "million"),
        ("$5k", "5", "", "thousand"),
        ("48-billion", "48", "", "billion"),
    ],
)
def test_a_figure_is_read_with_its_unit(query, whole, fraction, unit):
    assert [(f.whole, f.fraction, f.unit) for f in figures(query)] == [(whole, fraction, unit)]


@pytest.mark.parametrize("query", ["2024", "3M", "4K", "€1,2 Mrd.", "2 percentage points", "G7", "Series 2b"])
def test_a_number_without_a_unit_or_a_letter_without_a_currency_is_no_figure(query):
    assert figures(query) == []


def test_the_words_around_a_figure_stay():
    query = "Shell £48bn bid"
    assert without_figures(query, figures(query)).split() == ["Shell", "bid"]


@pytest.mark.parametrize(
    ("query", "written"),
    [
        ("2%", ["rose 2% to", "2 per cent", "2 percent", "2.0%", "a 2-per-cent rise", "(2%)", "2pc"]),
        ("£48bn", ["£48 billion", "$48bn", "48bn", "£48 bn", "a £48-billion bid", "£48B", "48.0bn"]),
        ("94.9 billion", ["$94.9bn", "94.9 billion", "94.90bn"]),
        ("57bn", ["$57.0bn", "57 billion"]),
        ("$1,200m", ["$1,200m", "1200 million", "1,200mn"]),
        ("3.75%", ["3.75%", "3.75 per cent"]),
    ],
)
def test_a_figure_is_found_in_any_of_its_forms(query, written):
    assert [w for w in written if not pattern(query).search(w)] == []


@pytest.mark.parametrize(
    ("query", "other"),
    [
        ("2%", ["$2.2 billion", "£2.3", "2.1%", "1.2%", "12%", "2 points", "2,5%", "2 percentage points"]),
        ("£48bn", ["£48m", "£1.48 billion", "£248bn", "48 billionaires", "48 tonnes", "£48.5bn"]),
        ("94.9 billion", ["94 billion", "9bn", "$94.95bn"]),
        ("$5m", ["3M shares", "5m runners", "5 miles"]),
        ("3.75%", ["3%", "75%", "3.7%"]),
    ],
)
def test_another_figure_or_unit_is_not_it(query, other):
    assert [w for w in other if pattern(query).search(w)] == []


def test_the_index_is_asked_for_each_way_it_holds_the_figure():
    phrases = {" ".join(p) for p in figure_phrases(Figure("48", "", "billion", 0, 5))}
    assert {"48 billion", "48bn", "48 bn", "48b", "48 0bn"} <= phrases
    assert figure_phrases(Figure("3", "75", PER_CENT, 0, 5)) == [["3", "75"]]  # the index drops "%"
    assert fts_query("2%") == '"2"'
    assert fts_query("2 per cent") == '"2"'  # "per cent" is the unit, which the service checks
    assert fts_query("Shell £48bn").startswith('"Shell" AND ("48 billion" OR ')
    assert '"94 9bn"' in (fts_query("94.9 billion") or "")
