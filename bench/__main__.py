"""Run the benchmarks: all of them, or one by name (``python -m bench ingest --sizes 10000``)."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def names() -> list[str]:
    found = (m.name for m in pkgutil.iter_modules([str(HERE)]))
    return sorted(name.removeprefix("bench_") for name in found if name.startswith("bench_"))


def run(name: str, argv: list[str]) -> int:
    module = importlib.import_module(f"bench.bench_{name}")
    return int(module.main(argv) or 0)


def main(argv: list[str]) -> int:
    available = names()
    if argv and not argv[0].startswith("-"):
        name, rest = argv[0], argv[1:]
        if name not in available:
            print(f"bench: no benchmark {name!r} (have: {', '.join(available)})", file=sys.stderr)
            return 2
        return run(name, rest)
    status = 0
    for name in available:
        print(f"== bench {name}", flush=True)
        status = max(status, run(name, argv))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
