"""The guard on ``ACTORS_VERSION`` (:mod:`tests.actors_golden`): actors that come out otherwise without a
bump fail the suite, with what to do."""

from __future__ import annotations

from dataclasses import replace

import pytest

from briefing.actors import ACTORS_VERSION
from briefing.models import ExtractedActor, Mention
from tests import actors_golden, regen_actors_golden
from tests.actors_golden import (
    FAILED,
    REGENERATE,
    Entry,
    Recording,
    actor_line,
    compare,
    dump,
    explain,
    load,
    read_entry,
    record,
)


@pytest.fixture(scope="module")
def made() -> Recording:
    return record()


def test_the_actors_of_the_fixed_texts_are_those_recorded_for_this_version(made):
    recorded = load()
    comparison = compare(recorded, made)
    assert comparison.same, explain(comparison, recorded.version)
    assert made.fingerprint == recorded.fingerprint


def test_the_recording_covers_the_seeds_and_the_fixture_pages_with_names_types_roles_and_mentions(made):
    names = [e.name for e in made.entries]
    assert any(n.startswith("seeds/") for n in names)
    assert any(n.startswith("tests/fixtures/pages/") for n in names)
    assert any(n.startswith("tests/fixtures/dumps/") for n in names)
    lines = [line for e in made.entries for line in e.listing]
    assert {line.split(" ", 1)[0] for line in lines} == {"person", "organization", "place"}
    assert any(" | role " in line for line in lines)
    assert FAILED not in lines


PUTIN = ExtractedActor(
    "Vladimir Putin", "person", (Mention(18, 32, "Vladimir Putin", 0), Mention(287, 292, "Putin", 1))
)


def test_a_line_holds_what_the_archive_stores_of_an_actor():
    told = replace(PUTIN, aliases=frozenset({"Putin", "V. Putin"}), role="President", guessed=True)
    assert actor_line(PUTIN) == "person Vladimir Putin | 18-32@0 287-292@1"
    assert actor_line(told) == (
        "person Vladimir Putin (guessed) | role President | aka Putin; V. Putin | 18-32@0 287-292@1"
    )
    elsewhere = ExtractedActor("Vladimir Putin", "person", (Mention(18, 32, "Vladimir Putin", 1),))
    assert actor_line(elsewhere) != actor_line(ExtractedActor("Vladimir Putin", "person", PUTIN.mentions[:1]))


def test_an_article_whose_extraction_fails_is_recorded_as_failed(monkeypatch):
    monkeypatch.setattr(actors_golden, "read_actors", lambda title, body: None)
    entry = read_entry("a.txt#0", "Title", "Body.")
    assert entry.listing == (FAILED,)


ONE = Entry("a.txt#0", "t1", "d1", ("person Vladimir Putin | 18-32@0", "place Moscow | 40-46@1"))
TWO = Entry("b.txt#0", "t2", "d2", ("organization NATO | 0-4@0",))
RECORDED = Recording(ACTORS_VERSION, (ONE, TWO))
# the same text, its actors read otherwise
FEWER = Entry("a.txt#0", "t1", "d3", ("person Vladimir Putin | 18-32@0",))


def test_actors_changed_without_a_bump_say_to_bump_and_regenerate():
    now = Recording(ACTORS_VERSION, (FEWER, TWO))
    comparison = compare(RECORDED, now)
    assert comparison.needs_bump and not comparison.same
    message = explain(comparison, RECORDED.version)
    assert f"Bump ACTORS_VERSION in briefing/actors.py (to {ACTORS_VERSION + 1})" in message
    assert f"then run `{REGENERATE}`" in message
    assert "a.txt#0:" in message and "-place Moscow | 40-46@1" in message
    assert "person Vladimir Putin" not in message  # the actors that stayed are not shown


def test_after_a_bump_the_file_only_needs_regenerating():
    bumped = Recording(ACTORS_VERSION - 1, RECORDED.entries)
    now = Recording(ACTORS_VERSION, (FEWER, TWO))
    comparison = compare(bumped, now)
    assert not comparison.needs_bump and not comparison.same
    assert explain(comparison, bumped.version).endswith(f"run `{REGENERATE}` and commit the file.")


def test_a_text_read_otherwise_needs_no_bump():
    read_otherwise = Entry("a.txt#0", "t9", "d3", FEWER.listing)
    now = Recording(ACTORS_VERSION, (read_otherwise, Entry("c.txt#0", "t3", "d4", ())))
    comparison = compare(RECORDED, now)
    assert not comparison.needs_bump and comparison.texts == ("a.txt#0", "b.txt#0", "c.txt#0")
    assert "need no ACTORS_VERSION bump" in explain(comparison, RECORDED.version)


def test_the_command_refuses_changed_actors_under_the_same_version(tmp_path, monkeypatch, capsys):
    path = tmp_path / "golden.json"
    dump(RECORDED, path)
    changed = Recording(ACTORS_VERSION, (FEWER, TWO))
    monkeypatch.setattr(regen_actors_golden, "record", lambda: changed)
    assert regen_actors_golden.main(path) == 1
    assert "Bump ACTORS_VERSION" in capsys.readouterr().err
    assert load(path) == RECORDED
    bumped = Recording(ACTORS_VERSION + 1, changed.entries)
    monkeypatch.setattr(regen_actors_golden, "record", lambda: bumped)
    assert regen_actors_golden.main(path) == 0
    assert load(path) == bumped


def test_the_command_records_a_fixture_text_read_otherwise_without_a_bump(tmp_path, monkeypatch):
    path = tmp_path / "golden.json"
    dump(RECORDED, path)
    edited = Recording(ACTORS_VERSION, (Entry("a.txt#0", "t9", "d3", FEWER.listing), TWO))
    monkeypatch.setattr(regen_actors_golden, "record", lambda: edited)
    assert regen_actors_golden.main(path) == 0
    assert load(path) == edited
