"""A headline's first words before a colon, or on a line with no full stop, are capitalised as headlines
are: a known place and a noun the text writes in lower case make no name of the two."""

from actor_helpers import surfaces_by_actor

REPORT = "Amina Otieno said the floods had cut off three villages near Garissa."


def test_a_place_and_a_common_noun_before_a_colon_are_the_place():
    found = surfaces_by_actor(f"Kenya Floods: Families wait for help as rivers rise\n\n{REPORT}")
    assert found[("Kenya", "place")] == ["Kenya"]
    assert not any("Floods" in name for name, _ in found)


def test_a_line_with_no_full_stop_reads_the_same():
    found = surfaces_by_actor(f"Kenya Floods Leave Families waiting for help\n\n{REPORT}")
    assert found[("Kenya", "place")] == ["Kenya"]
    assert not any("Floods" in name for name, _ in found)


def test_a_club_named_after_its_city_in_prose_stays_whole():
    found = surfaces_by_actor("Perth Glory beat Adelaide United on Sunday. The glory was theirs.")
    assert ("Perth Glory", "organization") in found
