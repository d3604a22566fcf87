"""One article telling a figure twice with its unit written two ways ("2.5%", "2.5 percent") for the same
days tells it once in its summary, as a story's summary does across articles (qa24 F9)."""

import pytest

from briefing.facts import retells_a_figure
from briefing.summary import summarize

LEAD = "UK inflation fell to 2.5% in October, the Office for National Statistics said."
AGAIN = "Prices rose by 2.5 percent in the year to October, down from 3.1 per cent in September."


@pytest.mark.parametrize(
    "sentence, other, again",
    [
        (AGAIN, LEAD, True),
        (LEAD, AGAIN, True),
        ("Prices were 2.5 per cent higher in the year to October.", LEAD, True),
        ("Wages rose 2.5% in September.", LEAD, False),  # another month: another fact
        ("Economists had expected a rate of 2.6%.", LEAD, False),
        ("Food prices rose 4 per cent, while energy prices fell 2 percent.", LEAD, False),
        (  # one of several figures: the two tell other facts
            "US retail sales fell 0.3% in January, the biggest monthly decline since last August.",
            "Sales at electronic stores were down 0.6% in January, while hardware stores dropped by 0.3%.",
            False,
        ),
        ("A second survey found inflation at 2.5% in October.", LEAD, False),  # another of a kind
    ],
)
def test_a_figure_told_again_for_the_same_days(sentence, other, again):
    assert retells_a_figure(sentence, other) is again


def test_the_summary_tells_the_rate_once():
    body = "\n\n".join(
        [
            LEAD,
            AGAIN,
            "Food prices rose 4 per cent, while energy prices fell 2 percent.",
            "Economists had expected a rate of 2.6%.",
        ]
    )
    told = summarize(body, title="Inflation falls to 2.5%", sentences=3)
    assert len(told) == 3
    assert sum(1 for x in told if "2.5" in x) == 1
