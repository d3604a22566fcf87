"""A military unit named again by its ordinal alone ("the 65th participated") is that unit, where the
text names it in full by the ordinal and a unit's head ("the 65th Air Division"); "the" and an ordinal
before another noun is a time or a rank, no unit."""

import pytest

from tests.actor_helpers import surfaces_by_actor as typed


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_units_ordinal_alone_is_a_mention_of_the_unit(tagger):
    text = (
        "The 417th Signal Battalion moved to Tessvik in June. The 417th battalion set up its radios. Later, "
        "the 417th supported the crossing, and the 417th also ran the airfield."
    )
    found = typed(text, tagger=tagger)
    assert found[("417th Signal Battalion", "organization")] == [
        "417th Signal Battalion",
        "417th battalion",
        "417th",
        "417th",
    ], found


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_an_ordinal_before_a_time_or_with_no_unit_named_is_no_unit(tagger):
    text = "The 417th Signal Battalion met on the 417th day of the siege. On the 12th, the 12th fought on."
    found = typed(text, tagger=tagger)
    assert found[("417th Signal Battalion", "organization")] == ["417th Signal Battalion"], found
    assert not [n for n in found if n[0] == "12th"], found
