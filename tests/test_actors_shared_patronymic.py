"""Arabic names that several people share within one text or one archive: a patronymic two brothers carry
("bin Salman"), an honorific and a given name ("Sheikh Mohammed") (issue 3, qa30 F5)."""

import pytest

from briefing.actors import extract_actors

GULF = (
    "Saudi Crown Prince Mohammed bin Salman met United Arab Emirates President Mohamed bin Zayed Al Nahyan "
    "in Riyadh on Tuesday.\nDefence Minister Khalid bin Salman, the crown prince's brother, also attended "
    "the talks. Sheikh Mohammed said the two countries would deepen cooperation.\nAbu Dhabi's crown prince, "
    "Sheikh Khaled bin Mohamed bin Zayed, is expected in Riyadh next month.\nBin Salman told state "
    'television that the talks were "frank and warm".\n'
)


def _surfaces(text, tagger):
    return {a.name: (a.type, [m.surface for m in a.mentions]) for a in extract_actors(text, tagger=tagger)}


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_patronymic_two_brothers_share_goes_to_neither_when_no_near_sentence_says(tagger):
    # qa30 F5: "Bin Salman told ..." was Khalid's, the brother named last, three sentences up
    found = _surfaces(GULF, tagger)
    assert found["Mohammed bin Salman"] == ("person", ["Mohammed bin Salman"]), found
    assert found["Khalid bin Salman"] == ("person", ["Khalid bin Salman"]), found
    assert not any("Bin Salman" in surfaces for _, surfaces in found.values()), found


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_patronymic_goes_to_the_brother_the_sentence_before_names_alone(tagger):
    text = (
        "Crown Prince Mohammed bin Salman met envoys in Riyadh on Tuesday. Defence Minister Khalid bin "
        "Salman toured an air base in Taif on Wednesday. Bin Salman said the base would double in size."
    )
    found = _surfaces(text, tagger)
    assert found["Khalid bin Salman"][1] == ["Khalid bin Salman", "Bin Salman"], found
    assert found["Mohammed bin Salman"][1] == ["Mohammed bin Salman"], found


def test_sheikh_and_a_given_name_between_two_of_that_name_is_neither():
    # actors41 left: Mohammed bin Salman named before "Sheikh Mohammed", the Dubai ruler only after it
    text = (
        "Saudi Crown Prince Mohammed bin Salman met envoys in Riyadh on Tuesday. Sheikh Mohammed said the "
        "talks went well. Dubai ruler Sheikh Mohammed bin Rashid Al Maktoum sent a message of support."
    )
    found = _surfaces(text, "shipped")
    assert found["Mohammed bin Salman"][1] == ["Mohammed bin Salman"], found
    assert found["Mohammed bin Rashid Al Maktoum"][1] == ["Mohammed bin Rashid Al Maktoum"], found


def test_sheikh_and_a_given_name_is_the_one_person_of_it_named_before():
    text = (
        "Qatar's Emir Sheikh Tamim bin Hamad Al Thani met envoys in Doha on Tuesday. Sheikh Tamim said the "
        "talks went well. Analyst Tamim Haddad said little would change."
    )
    found = _surfaces(text, "shipped")
    assert found["Tamim bin Hamad Al Thani"][1] == ["Tamim bin Hamad Al Thani", "Tamim"], found


def test_a_lone_given_name_joins_no_one_the_archive_knows_others_of_that_name_as_well(app):
    # actors41 left: one article called the Saudi crown prince "Sheikh Mohammed"; a later Dubai
    # "Sheikh Mohammed" was filed under him, though the archive knows Mohammed bin Rashid too
    from store import actors as actor_store
    from tests.actor_helpers import add_article

    add_article(
        app,
        "Saudi Crown Prince Mohammed bin Salman met envoys in Riyadh on Tuesday. Sheikh Mohammed said the "
        "talks went well.",
        day=1,
    )
    add_article(app, "Dubai ruler Sheikh Mohammed bin Rashid Al Maktoum opened the expo on Monday.", day=2)
    add_article(app, "Sheikh Mohammed opened a new terminal at the airport on Wednesday.", day=3)
    counts = {a.name: a.article_count for a in actor_store.find_actors(app.db, "Mohammed bin Salman")}
    assert counts.get("Mohammed bin Salman") == 1, counts
