"""Actor extraction in war reporting: armed groups, units, regimes, peoples, weapons (texts of our own)."""

from briefing.actors import extract_actors


def mentions(text, **kw):
    """(surface, type, name) of every mention, in order."""
    out = [(m.surface, a.type, a.name, m.start) for a in extract_actors(text, **kw) for m in a.mentions]
    return [(s, t, n) for s, t, n, _ in sorted(out, key=lambda x: x[3])]


def test_armed_groups_known_by_their_acronyms_and_spellings():
    text = "Kurdish Peshmerga and the SDF held the line while al-Qaida and HTS fighters left the town."
    for tagger in (None, "shipped"):
        found = {s: (t, n) for s, t, n in mentions(text, tagger=tagger)}
        assert found["SDF"] == ("organization", "Syrian Democratic Forces")
        assert found["al-Qaida"] == ("organization", "al-Qaeda")
        assert found["HTS fighters"][1] == "Hayat Tahrir al-Sham"


def test_bomb_acronyms_are_no_actors():
    text = "Engineers cleared an IED from the road, and a strike hit a VBIED near the bridge in Kandahar."
    for tagger in (None, "shipped"):
        assert [s for s, _, _ in mentions(text, tagger=tagger)] == ["Kandahar"]
