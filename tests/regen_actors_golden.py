"""``python -m tests.regen_actors_golden``: record the fixed texts' actors for the current
``ACTORS_VERSION`` in ``tests/fixtures/actors_golden.json`` (see :mod:`tests.actors_golden`).

It refuses (exit 1) when the actors of an unchanged text come out otherwise under the version the file
was recorded for: bump ``ACTORS_VERSION`` first, so that stored articles are read again.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.actors_golden import GOLDEN, compare, dump, explain, load, record


def main(path: Path = GOLDEN) -> int:
    now = record()
    if path.exists():
        recorded = load(path)
        comparison = compare(recorded, now)
        if comparison.same:
            print(f"{path.name}: up to date (ACTORS_VERSION {now.version}, fingerprint {now.fingerprint})")
            return 0
        if comparison.needs_bump:
            reason = explain(comparison, recorded.version)
            print(f"regen_actors_golden: {path.name} not written. {reason}", file=sys.stderr)
            return 1
    dump(now, path)
    actors = sum(len(e.listing) for e in now.entries)
    print(
        f"{path.name}: written for ACTORS_VERSION {now.version}, {len(now.entries)} articles, {actors} actors"
        f" ({now.fingerprint})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
