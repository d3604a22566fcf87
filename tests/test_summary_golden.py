"""The guard on ``SUMMARY_VERSION`` (:mod:`tests.summary_golden`): summaries that come out otherwise
without a bump fail the suite, with what to do."""

from __future__ import annotations

import pytest

from briefing.summary import ALGORITHMS, SUMMARY_VERSION
from tests import regen_summary_golden
from tests.summary_golden import REGENERATE, Entry, Recording, compare, dump, explain, load, record


@pytest.fixture(scope="module")
def made() -> Recording:
    return record()


def test_the_summaries_of_the_fixed_texts_are_those_recorded_for_this_version(made):
    recorded = load()
    comparison = compare(recorded, made)
    assert comparison.same, explain(comparison, recorded.version)
    assert made.fingerprint == recorded.fingerprint


def test_the_recording_covers_every_algorithm_and_the_story_summaries(made):
    names = [e.name for e in made.entries]
    assert any(n.startswith("seeds/") for n in names)
    assert any(n.startswith("tests/fixtures/pages/") for n in names)
    algorithms = {n.rsplit(" ", 1)[1] for n in names if not n.startswith("story ")}
    assert algorithms == set(ALGORITHMS)
    stories = [e for e in made.entries if e.name.startswith("story ")]
    assert any(e.name == "story peru-quake" and len(e.summary) == 3 for e in stories)


ONE = Entry("a.txt#0 default", "t1", ("One.", "Two."))
STORY = Entry("story s", "t2", ("Three.",))
RECORDED = Recording(SUMMARY_VERSION, (ONE, STORY))
SHORTER = Entry("a.txt#0 default", "t1", ("Two.",))  # the same text, summarized otherwise


def test_a_summary_changed_without_a_bump_says_to_bump_and_regenerate():
    now = Recording(SUMMARY_VERSION, (SHORTER, STORY))
    comparison = compare(RECORDED, now)
    assert comparison.needs_bump and not comparison.same
    message = explain(comparison, RECORDED.version)
    assert f"Bump SUMMARY_VERSION in briefing/summary.py (to {SUMMARY_VERSION + 1})" in message
    assert f"then run `{REGENERATE}`" in message
    assert "a.txt#0 default" in message and "['One.', 'Two.']" in message


def test_after_a_bump_the_file_only_needs_regenerating():
    bumped = Recording(SUMMARY_VERSION - 1, RECORDED.entries)
    now = Recording(SUMMARY_VERSION, (SHORTER, STORY))
    comparison = compare(bumped, now)
    assert not comparison.needs_bump and not comparison.same
    assert explain(comparison, bumped.version).endswith(f"run `{REGENERATE}` and commit the file.")


def test_a_text_read_otherwise_needs_no_bump():
    read_otherwise = Entry("a.txt#0 default", "t9", ("Two.",))
    now = Recording(SUMMARY_VERSION, (read_otherwise, Entry("b.txt#0 default", "t3", ())))
    comparison = compare(RECORDED, now)
    assert not comparison.needs_bump and comparison.texts == ("a.txt#0 default", "story s", "b.txt#0 default")
    assert "need no SUMMARY_VERSION bump" in explain(comparison, RECORDED.version)


def test_the_command_refuses_changed_summaries_under_the_same_version(tmp_path, monkeypatch, capsys):
    path = tmp_path / "golden.json"
    dump(RECORDED, path)
    changed = Recording(SUMMARY_VERSION, (SHORTER, STORY))
    monkeypatch.setattr(regen_summary_golden, "record", lambda: changed)
    assert regen_summary_golden.main(path) == 1
    assert "Bump SUMMARY_VERSION" in capsys.readouterr().err
    assert load(path) == RECORDED
    bumped = Recording(SUMMARY_VERSION + 1, changed.entries)
    monkeypatch.setattr(regen_summary_golden, "record", lambda: bumped)
    assert regen_summary_golden.main(path) == 0
    assert load(path) == bumped
