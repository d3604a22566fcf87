"""A dump headline longer than a paragraph's first line (issue 2, qa22b F5): a section label over a
headline of 40 words, or of a few very long words, starts its own article; it was read as a paragraph (or
a subheading) and the whole story glued onto the one before."""

import pytest

from briefing.dumplines import is_label_over, read_lines
from briefing.dumps import split_dump
from briefing.headlines import is_long_headline

STORM = """Weather

Storm closes the Wendle ferry for a third day

The Holm Island ferry stayed in port on Thursday as gales of up to 70mph crossed the Wendle estuary, the
operator said. Islanders were told to expect no sailings before Saturday.

"""

LEAD = """The Marrow Bay cannery will close in March, its owner said on Wednesday, after a strike over
pay that lasted eleven weeks. The cannery employs 240 people in Marrow Bay. The union said the owner had
refused every offer since September and called the closure a punishment for the strike.

The county council said it would help the cannery's workers find jobs at the harbour.
"""

# 41 words, no final mark: the kind of headline a features desk writes
LONG = (
    "Marrow Bay cannery to close in March after eleven-week strike over pay, ending a hundred years of "
    "fish canning in the town and putting 240 jobs at risk as the union and the owner blame each other "
    "for the collapse of talks"
)


def titles(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(a.title, a.section, a.author) for a in split_dump(text, source="post.txt")]


def test_a_long_headline_under_a_label_starts_its_article():
    articles = split_dump(STORM + "Business\n\n" + LONG + "\n\n" + LEAD, source="post.txt")
    assert [a.section for a in articles] == ["Weather", "Business"]
    assert articles[0].title == "Storm closes the Wendle ferry for a third day"
    assert "cannery" not in articles[0].body
    assert articles[1].title.startswith("Marrow Bay cannery to close in March")
    assert articles[1].body.startswith("The Marrow Bay cannery will close")


def test_a_long_headline_over_its_byline_and_date():
    text = STORM + LONG + "\n\nBy Ruairi Quinn\n\nPublished: 11 March 2025, 10:00 GMT\n\n" + LEAD
    articles = split_dump(text, source="post.txt")
    assert len(articles) == 2
    assert articles[1].title.startswith("Marrow Bay cannery to close")
    assert articles[1].author == "Ruairi Quinn"
    assert articles[1].published_at is not None
    assert "eleven-week strike over pay, ending" not in articles[0].body + articles[1].body


def test_a_headline_of_few_very_long_words_under_a_label():
    """Two words, one of them 70 letters long (a name run together, a pasted code): a title by its length."""
    head = "Marrowbaycannery " + "closure" * 10
    articles = split_dump(STORM + "Business\n\n" + head + "\n\n" + LEAD, source="post.txt")
    assert [(a.section, a.title[:17]) for a in articles] == [
        ("Weather", "Storm closes the "),
        ("Business", "Marrowbaycannery "),
    ]


def test_the_short_headline_still_splits_the_same_way():
    text = STORM + "Business\n\nMarrow Bay cannery to close after strike\n\n" + LEAD
    assert [t[:2] for t in titles(text)] == [
        ("Storm closes the Wendle ferry for a third day", "Weather"),
        ("Marrow Bay cannery to close after strike", "Business"),
    ]


@pytest.mark.parametrize(
    "paragraph",
    [
        # a long paragraph that is no headline: its words do not come back in the text under it
        "Elsewhere on the coast the lifeboat crews of three villages spent the night pumping water out of "
        "cellars and moving cars away from the sea front while the council opened two halls for families",
        # a paragraph ending with a full stop is prose, however short the label over it
        LONG + ".",
    ],
)
def test_long_prose_under_a_subheading_stays_prose(paragraph):
    text = STORM.rstrip() + "\n\nFlooding\n\n" + paragraph + "\n\n" + LEAD
    articles = split_dump(text, source="post.txt")
    assert len(articles) == 1
    assert paragraph in articles[0].body


def test_a_run_on_paragraph_over_a_byline_is_not_a_headline():
    """A paragraph without its final stop, right under the one before it and over the next story's byline."""
    text = "Storm closes the Wendle ferry\n\nBy Ann Lee\n\nThe ferry stayed in port.\n"
    text += LONG + "\nBy Tom Reyes\n\n"
    lines = read_lines(text + LEAD)
    k = next(k for k, line in enumerate(lines) if line.text == LONG)
    assert not lines[k].gap_before
    assert not is_long_headline(lines, k)


def test_is_label_over_a_long_title_of_few_words():
    assert is_label_over("Business", "Marrowbaycannery " + "closure" * 10)
    assert not is_label_over("Business", "Key points")
    assert not is_label_over("Background", "Marrow Bay")


def test_a_line_longer_than_any_headline_under_a_label_stays_prose():
    """80 words without a final mark: a paragraph cut short, whatever label is over it."""
    cut = LONG + " " + " ".join(["and the harbour board said the cannery owner would meet them"] * 5)
    articles = split_dump(STORM + "Business\n\n" + cut + "\n\n" + LEAD, source="post.txt")
    assert len(articles) == 1
