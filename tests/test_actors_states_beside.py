"""A country named with a body by "and" acts with it: its state, an organisation; after "in" it is the
place."""

import pytest
from actor_helpers import surfaces_by_actor


@pytest.mark.parametrize(
    "text",
    [
        "The captain said he was glad to work together with the U.S. and Royal Navy in the Gulf.",
        "The United States and the Harbour Defence League can play a part in the talks.",
        "The Harbour Defence League and the United States can play a part in the talks.",
    ],
)
@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_country_beside_a_body_is_its_state(text, tagger):
    found = surfaces_by_actor(text, tagger=tagger)
    assert ("United States", "organization") in found
    assert ("United States", "place") not in found


def test_a_country_after_in_stays_a_place():
    found = surfaces_by_actor("Troops in Iraq and NATO bases in Turkey were put on alert.")
    assert ("Iraq", "place") in found
