"""English ages in words past twelve ("twenty minutes ago", "forty-five minutes ago") and approximate
ones ("a few hours ago", "several days ago", dated by the least their words can mean) date a dump's
article relative to the reading, and the line leaves its text, as "two hours ago" does."""

from datetime import timedelta

import pytest

from briefing.dates import relative_age
from briefing.dumps import split_dump
from briefing.furniture import Kind, classify, dated_ago

TITLE = "Night buses return to the northern suburbs"
LEAD = (
    "The regional transport authority said on Friday that night buses would return to the northern "
    "suburbs next month, two years after the service was cut to save money."
)
MORE = "Residents had collected thousands of signatures to bring the buses back."


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("twenty minutes ago", timedelta(minutes=20)),
        ("Updated thirty minutes ago", timedelta(minutes=30)),
        ("forty-five minutes ago", timedelta(minutes=45)),
        ("fifty nine seconds ago", timedelta(seconds=59)),
        ("fifteen hours ago", timedelta(hours=15)),
        ("a few hours ago", timedelta(hours=2)),  # "a few": at least two
        ("A couple of days ago", timedelta(days=2)),
        ("several days ago", timedelta(days=3)),  # "several": at least three
        ("Jane Doe · a few minutes ago", timedelta(minutes=2)),
        ("few hours ago", None),  # no count without its "a"
        ("plenty hours ago", None),
    ],
)
def test_relative_age_reads_english_counts_past_twelve_and_approximate_ones(text, age):
    assert relative_age(text) == age


@pytest.mark.parametrize(
    ("header", "author", "age"),
    [
        ("Updated twenty minutes ago", None, timedelta(minutes=20)),
        ("a few hours ago", None, timedelta(hours=2)),
        ("several days ago", None, timedelta(days=3)),
        ("Jane Doe a few hours ago", "Jane Doe", timedelta(hours=2)),
        ("By Jane Doe | twenty-five minutes ago", "Jane Doe", timedelta(minutes=25)),
    ],
)
def test_an_english_age_in_words_dates_the_dump_and_leaves_its_text(header, author, age):
    (draft,) = split_dump("\n\n".join((TITLE, header, LEAD, MORE)), source="x.txt")
    assert (draft.author, draft.published_at, draft.age) == (author, None, age)
    assert draft.body.startswith("The regional transport authority") and "ago" not in draft.body


@pytest.mark.parametrize("line", ["The old line closed a few years ago.", "It was cut twenty years ago."])
def test_a_sentence_ending_with_such_an_age_stays_text(line):
    assert classify(line).kind is Kind.PROSE and dated_ago(line) is None
