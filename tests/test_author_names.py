"""Author fields are the writers' names: no picture credits, jobs, places or asides (qa20b F13)."""

import pytest

from briefing.dumps import split_dump
from briefing.furniture import author_name


@pytest.mark.parametrize(
    ("field", "author"),
    [
        ("Rhona Keir, illustration by Tam Ferris for the fife courier", "Rhona Keir"),
        ("Rhona Keir; photographs by Tam Ferris", "Rhona Keir"),
        ("Idris Vane Transport editor", "Idris Vane"),
        ("Idris Vane Health and science correspondent", "Idris Vane"),
        ("Mei Tanaka in Sapporo, Hokkaido", "Mei Tanaka"),
        ("Mei Tanaka in Sapporo and Olu Adeyemi in Lagos", "Mei Tanaka and Olu Adeyemi"),
        ("Olu Adeyemi (live), Mei Tanaka and Idris Vane (earlier)", "Olu Adeyemi, Mei Tanaka and Idris Vane"),
        ("Olu Adeyemi, Sports Writer", "Olu Adeyemi"),
    ],
)
def test_author_is_the_names_only(field: str, author: str) -> None:
    assert author_name(field) == author


@pytest.mark.parametrize(
    "field",
    [
        "Olu Adeyemi and Mei Tanaka",
        "Staff and agencies",
        "Guardian sport",
        "First Dog on the Moon",
        "Theodore Roosevelt IV",
        "Associated Press",
        "newsdesk",
        "Guardian staff reporter",  # no name before the job: the field as it came
    ],
)
def test_author_without_additions_stays(field: str) -> None:
    assert author_name(field) == field


def test_dump_byline_keeps_both_writers_and_drops_the_credit() -> None:
    text = """Lochside

Reservoir level falls to a ten-year low

By Olu Adeyemi and Mei Tanaka, illustration by Tam Ferris

Published 2 December 2026, 08:00 GMT

The Lochside reservoir is at its lowest level for ten years after a dry autumn, the water board said.

The board asked households to take shorter showers until the level recovers.
"""
    [draft] = split_dump(text, source="x.txt")
    assert draft.author == "Olu Adeyemi and Mei Tanaka"
