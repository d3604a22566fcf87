"""Benchmarks: ``python -m bench`` runs every ``bench/bench_<name>.py`` (each has ``main(argv)``),
``python -m bench NAME [ARGS]`` runs one. They print tables; the results are kept in
``bench/RESULTS.md``. Not part of the test run."""
