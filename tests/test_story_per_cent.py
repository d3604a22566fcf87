"""Per cent is one unit however an outlet writes it: "4.25%", "4.25 percent", "4.25 per cent" and
"4.25pct" are one figure, so two outlets telling one rate decision are one fact in a story's summary."""

import pytest

from briefing.facts import _amounts, repeats_fact, tells_a_figure_of
from briefing.stories import story_summary

SIGN = (
    "The Bank of Norway cut its policy rate by 25 basis points to 4.25% on Thursday, as inflation slowed "
    "towards its 2% target."
)
WORDS = (
    "The Bank of Norway lowered its key interest rate by a quarter of a percentage point to 4.25 {} on "
    "Thursday, citing slowing inflation across the economy."
)
OTHER = "Mortgage lenders said they would pass the cut on to borrowers from next month."


@pytest.mark.parametrize("written", ["percent", "per cent", "Percent", "pct"])
def test_per_cent_in_words_is_one_figure_with_the_sign(written):
    assert "4.25%" in _amounts(WORDS.format(written))
    assert tells_a_figure_of(WORDS.format(written), SIGN)
    assert repeats_fact(WORDS.format(written), SIGN, {})


def test_percentage_points_and_other_amounts_stay_apart():
    assert _amounts("Unemployment rose 2 percentage points to 6.1 per cent.") == {"2": "#2", "6.1%": "#6.1"}
    assert _amounts("Sales rose 4pct to $4.25bn.") == {"4%": "#4", "$4.25bn": "#4.25"}


def test_a_story_tells_a_rate_decision_once_however_per_cent_is_written():
    leads = [(SIGN,), (WORDS.format("percent"), OTHER)]
    summary = story_summary(leads, sentences=3)
    assert sum(1 for x in summary if "4.25" in x) == 1
    assert OTHER in summary
