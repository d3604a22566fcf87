"""The versions of one page (``briefing.versions``): which URL is an old version, and which version first
said each sentence of the newest text."""

from briefing.versions import first_said, is_superseded, page_url, version_url


def test_an_old_versions_url_names_its_page():
    old = version_url("https://x.example/a1.html", 2)
    assert old == "https://x.example/a1.html#version-2"
    assert page_url(old) == page_url("https://x.example/a1.html") == "https://x.example/a1.html"
    assert is_superseded(old) and not is_superseded("https://x.example/a1.html") and not is_superseded(None)


def test_each_sentence_of_the_newest_version_is_the_news_of_the_version_that_first_said_it():
    versions = [(7, ["Toll 12.", "Rescuers sent."]), (9, ["Toll 19.", "Toll 12.", "Rescuers sent."]),
                (11, ["Toll 31.", "Emergency declared.", "Toll  19.", "Rescuers sent."])]  # fmt: skip
    assert first_said(versions) == (
        ("Toll 31.", 11),
        ("Emergency declared.", 11),
        ("Toll 19.", 9),  # spaces evened out
        ("Rescuers sent.", 7),
    )  # the newest's own order; "Toll 12.", gone from it, is told by no version
    assert first_said([]) == ()
