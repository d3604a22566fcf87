"""A direction word and a name: a place the lists know whole ("Northern Ireland"), never the bare country
after it; a direction and a word that is no place is no place ("West Ham", "Northern Rock")."""

import pytest
from actor_helpers import surfaces_by_actor


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_sentence_that_opens_with_a_known_place_in_the_possessive_names_it_whole(tagger):
    found = surfaces_by_actor(
        "Northern Ireland's first minister Aoife Brennan met officials in Belfast. The northern towns voted.",
        tagger=tagger,
    )
    assert found[("Northern Ireland", "place")] == ["Northern Ireland"]
    assert ("Ireland", "place") not in found
