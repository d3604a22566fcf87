"""A rename the text states makes one actor ("X, formerly Twitter"); with no such statement the old name
is its own actor ("Twitter" of 2017 is not X). "English" names no United Kingdom (QA13c F14)."""

from briefing.actors import extract_actors


def actors(text):
    return {a.name: (a.type, sorted(m.surface for m in a.mentions)) for a in extract_actors(text)}


def test_a_name_formerly_another_is_one_actor():
    found = actors("Obi shared the video on X, formerly Twitter, on Sunday.")
    assert found["X"] == ("organization", ["Twitter", "X"])


def test_formerly_known_as_and_brackets_are_renames_too():
    assert actors("The posts on X (formerly known as Twitter) were removed.")["X"][1] == ["Twitter", "X"]
    assert actors("Kyiv, formerly Kiev, is the capital.")["Kyiv"] == ("place", ["Kiev", "Kyiv"])


def test_an_old_name_now_called_another_is_one_actor():
    found = actors("Musk bought Twitter, now called X, in 2022. The company said X has many users.")
    assert found["X"] == ("organization", ["Twitter", "X", "X"])
    assert actors("Facebook, now known as Meta, reported profits.")["Meta"][1] == ["Facebook", "Meta"]


def test_without_a_rename_the_old_name_is_its_own_actor():
    found = actors("Twitter said on Monday that it would suspend the accounts. Twitter blamed spam.")
    assert "X" not in found
    assert "Meta" not in actors("Facebook said it would hire 10,000 moderators. Facebook shares rose.")


def test_formerly_before_a_role_or_a_possessive_renames_nothing():
    found = actors(
        "Sundar Pichai, formerly Google product chief, spoke. Jones, formerly Microsoft's chief, spoke."
    )
    assert found["Google"] == ("organization", ["Google"])
    assert found["Microsoft"] == ("organization", ["Microsoft"])


def test_english_is_no_mention_of_the_united_kingdom():
    found = actors(
        "The app supports languages other than English. The English Premier League resumed on Saturday. "
        "British officials said the match would go ahead."
    )
    assert found["United Kingdom"] == ("place", ["British"])
    assert "English" not in found
