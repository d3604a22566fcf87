"""A photo's caption under its credit line with a plural subject ("Protesters gather outside parliament on
Tuesday."), a noun after its article ("A protester holds a banner"), or no verb, only where the photo was
taken ("Firefighters at the scene in Lisbon."): it goes as the singular "Smoke rises over the port" does.
A first paragraph that tells what happened, or who said so, stays; and so does one that no credit line
heads."""

import pytest

from briefing.dumps import split_dump

HEADER = "Thousands march against rent rises in Lisbon\nBy Ana Costa\n26 Nov 2026\n\n"
LEAD = (
    "Several thousand people marched through the centre of Lisbon on Tuesday to protest against a rise in"
    " rents, police said.\n\n"
    "The march ended peacefully outside the parliament building in the evening.\n"
)
CREDIT = "Photo: Rui Duarte / Reuters\n"


def _body(text: str) -> str:
    (article,) = split_dump(text, source="lisbon.txt")
    assert article.title == "Thousands march against rent rises in Lisbon"
    return article.body


@pytest.mark.parametrize(
    "caption",
    [
        "Protesters gather outside parliament on Tuesday.",
        "Rescue workers search a flooded street in Lisbon.",
        "Firefighters at the scene in Lisbon.",
        "A firefighter at the scene in Lisbon on Tuesday.",
        "A protester holds a banner outside parliament.",
        "Tenants outside their homes in Alfama on Tuesday.",
    ],
)
def test_a_caption_under_its_credit_goes(caption):
    body = _body(HEADER + CREDIT + caption + "\n\n" + LEAD)
    assert body.startswith("Several thousand people marched")
    assert caption not in body


@pytest.mark.parametrize(
    "first",
    [
        "Protesters gathered outside parliament on Tuesday to demand rent caps.",  # a past: what happened
        "Tenants say the rent rises have forced them out of the old town.",  # who said so
        "Rents in Lisbon rose sharply this year.",  # a verb after the place's name
        "Landlords will face new limits on rent rises from January.",  # an auxiliary
        "The strike at the port enters its third week.",  # the words after the place are no place's
    ],
)
def test_a_first_paragraph_under_a_credit_that_tells_the_news_stays(first):
    body = _body(HEADER + CREDIT + first + "\n\n" + LEAD)
    assert body.startswith(first)


def test_a_scene_sentence_that_no_credit_heads_stays():
    first = "Protesters gather outside parliament every Tuesday."
    assert _body(HEADER + first + "\n\n" + LEAD).startswith(first)


def test_a_scene_sentence_set_apart_from_the_credit_stays():
    """A blank line between the credit and the sentence: the sentence is a paragraph of the text."""
    first = "Protesters gather outside parliament every Tuesday."
    assert _body(HEADER + CREDIT + "\n" + first + "\n\n" + LEAD).startswith(first)
