"""Roles and people made of job titles (QA17a F6): a title's office noun is no person ("Chief General
Manager"), an abbreviated body's head no person ("the Health Dept"), an adjective before a name no role,
and a place that ends an office's list of places ("to Chile and Peru") no part of the next title."""

from briefing.actors import extract_actors


def actors(text):
    return {a.name: (a.type, a.role) for a in extract_actors(text)}


def test_a_manager_after_a_qualifying_title_is_the_office_not_a_person():
    found = actors(
        "Harbour Credit Union named its General Manager Lakshmi Narayan Iyer as its Chief General Manager."
    )
    assert found["Lakshmi Narayan Iyer"] == ("person", "General Manager")
    assert "Manager" not in found and "Manager Lakshmi Narayan Iyer" not in found, found


def test_an_office_alone_names_no_one():
    found = actors("In 2009 she was promoted as Deputy General Manager and moved to the Pune office.")
    assert not any(t == "person" for t, _ in found.values()), found
    plural = actors("Mr Oskar Lind and Ms Vera Holm, General Managers, were present at the Oslo meeting.")
    assert "Managers" not in plural, plural


def test_a_given_name_after_a_qualifying_title_stays_the_name():
    found = actors("The school's Chief Dean Roberts said exams would move to June.")
    assert found.get("Dean Roberts", ("?",))[0] == "person", found


def test_an_abbreviated_department_is_a_body_and_one_with_its_full_name():
    found = actors(
        "The Justice Dept claims that the airline hid its fares. The Justice Department sued the airline "
        "in March."
    )
    assert "Dept" not in found, found
    assert found["Justice Department"] == ("organization", None)


def test_an_adjective_before_a_name_is_no_role():
    found = actors("The show covered Tall Rick Moranis, the new trailers and the delay of the console.")
    assert found["Rick Moranis"] == ("person", None)


def test_a_noun_of_an_occupation_before_a_name_stays_a_role():
    found = actors("The hearing was opened by District Surveyor Helen Marsh on Friday.")
    assert found["Helen Marsh"] == ("person", "District Surveyor")
    found = actors("The plan was backed by Democrat Laura Finch and Special Counsel Robert Hale in Albany.")
    assert found["Laura Finch"] == ("person", "Democrat")
    assert found["Robert Hale"] == ("person", "Special Counsel")


def test_a_works_name_before_its_maker_is_no_role():
    found = actors("The publisher poached Mass Effect Paula Grant last year.")
    assert found["Paula Grant"] == ("person", None)


def test_the_last_place_of_an_office_is_no_part_of_the_next_title():
    found = actors(
        "The new Holy See Ambassador to Chile and Peru Archbishop Tomasz Wielgus will visit Lima on Monday."
    )
    assert found["Tomasz Wielgus"][0] == "person"
    assert found["Tomasz Wielgus"][1] == "Holy See Ambassador to Chile and Peru; Archbishop"
    assert found["Peru"] == ("place", None) and found["Chile"] == ("place", None)


def test_the_last_place_of_an_office_is_no_part_of_the_name_after_it():
    found = actors("Reporters met the envoy for Libya and Tunisia Marek Dvorak in Tripoli.")
    assert found["Marek Dvorak"] == ("person", "envoy for Libya and Tunisia")
    assert found["Tunisia"] == ("place", None)


def test_a_country_and_a_title_after_a_person_keep_the_role():
    found = actors("Talks between Xi Jinping and US President Joe Biden ended on Friday.")
    assert found["Joe Biden"] == ("person", "US President")
