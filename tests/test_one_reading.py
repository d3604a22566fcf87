"""One reading of a text's actors (briefing.one_reading): one actor a name, of the type most mentions give."""

from briefing.gazetteer import load_gazetteer
from briefing.models import ExtractedActor, Mention
from briefing.one_reading import one_per_name as joined_by_name


def one_per_name(actors):
    return joined_by_name(actors, load_gazetteer())


def actor(name, type_, *starts, guessed=False, role=None):
    mentions = tuple(Mention(s, s + len(name), name, 0) for s in starts)
    return ExtractedActor(
        name, type_, mentions, aliases=frozenset({f"{name} {type_}"}), role=role, guessed=guessed
    )


def test_the_readings_of_one_name_join_under_the_type_of_most_mentions():
    readings = [actor("Argonaut Games", "person", 0, 10, 20), actor("Argonaut Games", "organization", 30, 40)]
    (joined,) = one_per_name(readings)
    assert joined.type == "person"
    assert [m.start for m in joined.mentions] == [0, 10, 20, 30, 40]
    assert joined.aliases == {"Argonaut Games person", "Argonaut Games organization"}


def test_a_guessed_type_gives_way_to_one_the_text_gave():
    (joined,) = one_per_name([actor("Halo", "organization", 0, 5, guessed=True), actor("Halo", "place", 9)])
    assert joined.type == "place" and len(joined.mentions) == 3


def test_a_tie_is_the_persons_and_a_role_stays_with_its_type():
    readings = [actor("Sarkin Dikko", "place", 0), actor("Sarkin Dikko", "organization", 20, role="owner")]
    (joined,) = one_per_name([*readings, actor("Sarkin Dikko", "person", 40)])
    assert joined.type == "person" and joined.role is None


def test_names_apart_stay_apart_in_order_and_a_leading_the_or_case_is_no_other_name():
    readings = [
        actor("Kyiv", "place", 0),
        actor("the Halo", "organization", 5, 12),
        actor("HALO", "place", 9),
    ]
    found = one_per_name([*readings, actor("Kyivstar", "organization", 30)])
    assert [(a.name, a.type, len(a.mentions)) for a in found] == [
        ("Kyiv", "place", 1),
        ("the Halo", "organization", 3),
        ("Kyivstar", "organization", 1),
    ]


def test_a_club_and_its_city_stay_two_actors_and_a_lone_word_read_two_ways_is_one():
    # "Liverpool beat Chelsea ... fans in Liverpool": the club and the city
    club, city = one_per_name([actor("Liverpool", "organization", 0), actor("Liverpool", "place", 50)])
    assert (club.type, city.type) == ("organization", "place")
    # a company read as a person where no sentence says so: the text never names a person in full by it
    (nestle,) = one_per_name(
        [actor("Nestle", "person", 0, 9, 18, 27), actor("Nestle", "organization", 40, 50)]
    )
    assert nestle.type == "person" and len(nestle.mentions) == 6
