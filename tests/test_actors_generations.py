"""A generational suffix ("Jr.", "Sr.", "III") is part of who a person is (qa32a F1, F2): a father and
his son of one name are two actors, "Jr." alone is nobody, and a title word that is the surname before a
suffix ("Martin Luther King Jr.") is no title."""

import pytest

from tests.actor_helpers import surfaces_by_actor as typed


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_father_and_son_of_one_name_are_two_people(tagger):
    text = (
        "Cal Ripken Jr. was joined at the ceremony by his father, Cal Ripken Sr., in Baltimore on Sunday. "
        'Ripken Sr. coached the Orioles for years. "He taught me the game," Ripken Jr. said.'
    )
    found = typed(text, tagger=tagger)
    assert found[("Cal Ripken Jr.", "person")] == ["Cal Ripken Jr.", "Ripken Jr."]
    assert found[("Cal Ripken Sr.", "person")] == ["Cal Ripken Sr.", "Ripken Sr."]


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_the_son_of_a_listed_person_is_not_the_father(tagger):
    text = (
        "Donald Trump Jr. said on Monday he would tour swing states. Trump Jr., 47, said he would not run "
        'for office. His father, President Donald Trump, praised the tour. "It is great," Trump said.'
    )
    found = typed(text, tagger=tagger)
    assert found[("Donald Trump Jr.", "person")] == ["Donald Trump Jr.", "Trump Jr."]
    assert found[("Donald Trump", "person")] == ["Donald Trump", "Trump"]


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_title_word_before_a_suffix_is_a_surname_and_jr_alone_is_no_one(tagger):
    text = (
        "Martin Luther King III called on Americans to vote on the birthday of his father, the Rev. "
        "Martin Luther King Jr.\n\nKing III spoke at a church in Atlanta.\n\n"
        "Martin Luther King Jr. was assassinated in Memphis in 1968."
    )
    found = typed(text, tagger=tagger)
    assert found[("Martin Luther King Jr.", "person")] == ["Martin Luther King Jr."] * 2
    assert found[("Martin Luther King III", "person")] == ["Martin Luther King III", "King III"]
    assert not [name for name, _ in found if name in ("Jr.", "III")]


@pytest.mark.parametrize("tagger", ["shipped", None])
@pytest.mark.parametrize(
    ("text", "full"),
    [
        (
            "President Donald Trump was sworn in on Monday with his wife, Melania Trump, at his side. "
            "Melania Trump, who becomes first lady again, wore navy blue.",
            "Melania Trump",
        ),
        (
            "Vice President Donald Trump spoke first. Ivanka Trump, the president's elder daughter, said "
            "she would stay out of politics.",
            "Ivanka Trump",
        ),
        (
            "Former President George W. Bush spoke at the funeral. Jeb Bush, the former Florida governor, "
            "also spoke.",
            "Jeb Bush",
        ),
    ],
)
def test_a_relatives_full_name_opening_a_sentence_keeps_the_given_name(text, full, tagger):
    """qa32a F4: an unlisted given name before the surname of a person the lists or the text know, the
    sentence's subject, is a full name, not that person's surname alone."""
    found = typed(text, tagger=tagger)
    assert (full, "person") in found
    relatives = [surfaces for (name, _), surfaces in found.items() if name != full]
    assert not [s for surfaces in relatives for s in surfaces if full.split()[-1] == s]


@pytest.mark.parametrize("tagger", ["shipped", None])
def test_a_word_before_a_surname_that_ends_no_subject_stays_out(tagger):
    found = typed("Donald Trump spoke on Monday. Despite Trump's remarks, markets rose.", tagger=tagger)
    assert [n for n, t in found if t == "person"] == ["Donald Trump"]
