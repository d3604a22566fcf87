"""bench/make_country_names.py reads the lists without the file it writes, so running it twice writes the
same file (a second run used to find every name taken by the first run's and write empty lists)."""

from __future__ import annotations

from bench.make_country_names import gazetteer_without_foreign_names
from briefing.aliases import fold
from briefing.gazetteer import load_gazetteer


def test_lists_read_without_the_written_names() -> None:
    written = load_gazetteer()
    assert fold("Alemanha") in written.countries and "frança" in written.exact
    without = gazetteer_without_foreign_names()
    assert fold("Alemanha") not in without.countries and not without.exact
    assert fold("Germany") in without.countries and without.places == written.places
