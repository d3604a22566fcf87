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


def test_a_kickers_place_is_the_state_the_story_names_with_its_unit():
    # qa22c F12: "Niger Explosion" over a story of Suleja, Niger State (Nigeria), not the country Niger
    story = "The tanker explosion killed 100 people in Suleja, Niger State, on Saturday."
    found = surfaces_by_actor(f"Niger Explosion: Governance must put lives first – Peter Obi\n\n{story}")
    assert found[("Niger State", "place")] == ["Niger", "Niger State"]
    assert ("Niger", "place") not in found


def test_a_kickers_country_stays_the_country_when_the_story_names_no_unit_of_it():
    story = "The tanker explosion killed 100 people in Niamey and near the Nigerian border on Saturday."
    found = surfaces_by_actor(f"Niger Explosion: Governance must put lives first\n\n{story}")
    assert found[("Niger", "place")] == ["Niger"]


def test_a_title_case_headline_drops_the_unit_of_the_place_the_body_names():
    story = "Rescuers searched the rubble in Suleja, Niger State, after the tanker explosion on Saturday."
    found = surfaces_by_actor(f"Niger Tanker Blast Kills Dozens\n\n{story}")
    assert found[("Niger State", "place")] == ["Niger", "Niger State"]
