"""Military ranks and ratings in casualty and award releases: a rating's words name no body, a rank's
holder whose surname is a place word is a person (texts of our own)."""

from briefing.actors import extract_actors


def mentions(text, **kw):
    """(surface, type) of every mention, in order."""
    out = [(m.start, m.surface, a.type) for a in extract_actors(text, **kw) for m in a.mentions]
    return [(s, t) for _, s, t in sorted(out)]


def test_a_rating_before_its_class_is_no_organisation():
    text = (
        "Navy Explosive Ordnance Disposal Technician 1st Class Ben Ortiz died on Tuesday. "
        "Hospital Corpsman 3rd Class Lia Moss treated the wounded."
    )
    for tagger in (None, "shipped"):
        found = mentions(text, tagger=tagger)
        assert ("Ben Ortiz", "person") in found
        assert ("Lia Moss", "person") in found
        assert not any(t == "organization" for _, t in found)


def test_a_rating_after_another_name_keeps_that_name():
    text = "Petty Officer 2nd Class Mark Lee and Airman 1st Class Tom Brown were hurt."
    found = mentions(text, tagger=None)
    assert found == [("Mark Lee", "person"), ("Tom Brown", "person")]


def test_a_unit_before_an_ordinal_is_still_a_unit():
    # only "<ordinal> Class" makes a rating: "the 3rd Battalion" and "the 75th Ranger Regiment" are units
    found = mentions("Soldiers of the 3rd Battalion, 75th Ranger Regiment, returned.", tagger=None)
    assert ("3rd Battalion", "organization") in found
    assert ("75th Ranger Regiment", "organization") in found


def test_a_ranks_holder_whose_surname_is_a_place_word_is_a_person():
    text = "Senior Airman Kim Park repaired the jet. Master Sgt. Ann Field and Dr. Omar Hill watched."
    found = mentions(text, tagger=None)
    assert ("Kim Park", "person") in found
    assert ("Ann Field", "person") in found
    assert ("Omar Hill", "person") in found


def test_a_place_with_a_head_is_still_a_place():
    # no title before it: "Hyde Park" stays a place, and "Gen." before an unknown first word is no name
    found = mentions("Crowds filled Hyde Park on Sunday.", tagger=None)
    assert found == [("Hyde Park", "place")]


def test_junior_ranks_are_titles_not_names():
    text = "Ensign Quill spoke to Cadet Marrow. Airman Voss and Seaman Tully listened."
    found = mentions(text, tagger=None)
    assert found == [("Quill", "person"), ("Marrow", "person"), ("Voss", "person"), ("Tully", "person")]


def test_a_compound_rating_is_the_whole_title():
    # QA18b F3: the grade after "Seaman"/"Airman"/"Fireman" is the rank's, not the name's first word
    text = (
        "Seaman Recruit Quill Marrow, Seaman Apprentice Dax Thorne and Airman Basic Kim Lee were hurt. "
        "Fireman Apprentice Orin Vale, Hospitalman Tamsin Roe and Airman First Class Bo Crane helped. "
        "Private First Class Evan Shaw, Lance Corporal Ryan Cole and Petty Officer 2nd Class Jory Penn "
        "were honoured."
    )
    names = ["Quill Marrow", "Dax Thorne", "Kim Lee", "Orin Vale", "Tamsin Roe", "Bo Crane", "Evan Shaw"]
    names += ["Ryan Cole", "Jory Penn"]
    for tagger in (None, "shipped"):
        found = mentions(text, tagger=tagger)
        assert found == [(n, "person") for n in names], tagger


def test_a_rating_after_a_titled_conjunct_still_names_no_body():
    text = "Fireman Recruit Sam Hale and Hospital Corpsman 3rd Class Dana Whitfield were honoured."
    for tagger in (None, "shipped"):
        assert mentions(text, tagger=tagger) == [("Sam Hale", "person"), ("Dana Whitfield", "person")]


def test_a_grade_word_alone_is_no_rank():
    # "Recruit", "Basic" and "First Class" are grades only after the rank they complete
    found = mentions("He flew First Class London to Paris with Basic Instinct star Ann Park.", tagger=None)
    assert ("Paris", "place") in found
    assert not any(s == "London" and t == "person" for s, t in found)
