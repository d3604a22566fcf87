"""Benchmarks: they print tables and are not part of the test run (see bench/RESULTS.md)."""
