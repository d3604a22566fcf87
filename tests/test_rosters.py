"""Standing rosters in military and government releases: "Partner nations that have contributed ships
include A, B, C, D and E." gives no actor; lists that are news stay (texts of our own)."""

from briefing.actors import extract_actors


def mentions(text, **kw):
    """(surface, type) of every mention, in order."""
    out = [(m.start, m.surface, a.type) for a in extract_actors(text, **kw) for m in a.mentions]
    return [(s, t) for _, s, t in sorted(out)]


ROSTER = (
    "The task force escorted four tankers through the Bab el-Mandeb on Monday, "
    "said Rear Adm. Sarah Lindqvist. "
    "Partner nations that have contributed ships to the task force include Norway, Portugal, Greece, "
    "Italy, Spain, and the United Kingdom."
)


def test_a_roster_sentence_gives_no_actor():
    for tagger in (None, "shipped"):
        found = mentions(ROSTER, tagger=tagger)
        assert ("Sarah Lindqvist", "person") in found  # the release's own sentence is read
        members = ("Norway", "Portugal", "Greece", "Italy", "Spain", "United Kingdom")
        assert not any(s in members for s, _ in found)


def test_the_roster_takes_who_and_has_and_a_subject_of_members():
    text = "Alliance members who have sent observers include Chile, Peru, Ecuador, Uruguay and Paraguay."
    assert mentions(text, tagger=None) == []


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
