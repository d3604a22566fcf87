"""Standing rosters in military and government releases: the same list repeated within one release
("Partner nations that have contributed ships to X include A, B, C, D and E." and again for Y) gives no
actor; a list sentence that appears once is news and keeps its actors (texts of our own)."""

from briefing.actors import extract_actors


def mentions(text, **kw):
    """(surface, type) of every mention, in order."""
    out = [(m.start, m.surface, a.type) for a in extract_actors(text, **kw) for m in a.mentions]
    return [(s, t) for _, s, t in sorted(out)]


ROSTER = (
    "The task force escorted four tankers through the Bab el-Mandeb on Monday, "
    "said Rear Adm. Sarah Lindqvist. "
    "Partner nations that have contributed ships to the task force in the Red Sea include Norway, Portugal, "
    "Greece, Italy, Spain, and the United Kingdom. "
    "Partner nations that have contributed ships to the task force in the Gulf of Aden include Norway, "
    "Portugal, Greece, Italy, Denmark, and the United Kingdom."
)
MEMBERS = ("Norway", "Portugal", "Greece", "Italy", "Spain", "Denmark", "United Kingdom")


def test_a_roster_repeated_in_the_release_gives_no_actor():
    for tagger in (None, "shipped"):
        found = mentions(ROSTER, tagger=tagger)
        assert ("Sarah Lindqvist", "person") in found  # the release's own sentence is read
        assert not any(s in MEMBERS for s, _ in found)


def test_the_roster_takes_who_and_has_and_a_subject_of_members():
    text = (
        "Alliance members who have sent observers to Bolivia include Chile, Peru, Ecuador, Uruguay and "
        "Paraguay. Alliance members who have sent observers to Colombia include Chile, Peru, Ecuador, "
        "Uruguay and Argentina."
    )
    assert mentions(text, tagger=None) == []


def test_a_list_sentence_that_appears_once_is_news():
    # the list is the story: who banned the app, who endorsed the candidate
    for text, names in (
        (
            "Countries that have banned the app on official phones include Canada, Denmark, Belgium, "
            "Taiwan and Australia.",
            ["Canada", "Denmark", "Belgium", "Taiwan", "Australia"],
        ),
        (
            "Members who have endorsed Maria Delgado include Tom Whitaker, Susan Park, Raj Mehta, "
            "Helen Brooks and Carlos Ruiz.",
            ["Maria Delgado", "Tom Whitaker", "Susan Park", "Raj Mehta", "Helen Brooks", "Carlos Ruiz"],
        ),
    ):
        for tagger in (None, "shipped"):
            found = [s for s, _ in mentions(text, tagger=tagger)]
            assert all(n in found for n in names), (tagger, found)


def test_two_lists_of_different_members_are_news():
    # two list sentences in one article that name different countries are two facts, not boilerplate
    text = (
        "Countries that have recognised the new government include Chile, Peru, Ecuador, Uruguay and "
        "Paraguay. Countries that have withheld recognition include Brazil, Argentina, Bolivia, Colombia "
        "and Venezuela."
    )
    found = [s for s, _ in mentions(text, tagger=None)]
    assert found == [
        "Chile", "Peru", "Ecuador", "Uruguay", "Paraguay",
        "Brazil", "Argentina", "Bolivia", "Colombia", "Venezuela",
    ]  # fmt: skip


def test_a_list_in_the_present_is_news():
    # who takes part in this exercise is what the release reports
    text = "Participating nations include Kenya, Uganda, Rwanda, Burundi, Tanzania and Ethiopia."
    found = [s for s, _ in mentions(text, tagger=None)]
    assert found == ["Kenya", "Uganda", "Rwanda", "Burundi", "Tanzania", "Ethiopia"]


def test_a_short_roster_is_news():
    text = "Countries that have recognised the new government include Chile, Peru and Ecuador."
    found = [s for s, _ in mentions(text, tagger=None)]
    assert found == ["Chile", "Peru", "Ecuador"]


def test_a_list_that_goes_on_after_its_names_is_news():
    text = (
        "Countries that have pledged troops include Chile, Peru, Ecuador, Uruguay and Paraguay, "
        "the minister told reporters in Lima."
    )
    found = [s for s, _ in mentions(text, tagger=None)]
    assert "Chile" in found and "Lima" in found
