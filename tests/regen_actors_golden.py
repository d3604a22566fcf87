"""``python -m tests.regen_actors_golden``: record the fixed texts' actors for the current
``ACTORS_VERSION`` in ``tests/fixtures/actors_golden.json`` (see :mod:`tests.actors_golden`).

It refuses (exit 1) when the actors of an unchanged text come out otherwise under the version the file
was recorded for: bump ``ACTORS_VERSION`` first, so that stored articles are read again.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests import actors_golden
from tests.actors_golden import GOLDEN, record
from tests.regen_golden import regenerate


def main(path: Path = GOLDEN) -> int:
    now = record()
    actors = sum(len(e.listing) for e in now.entries)
    counted = f"{len(now.entries)} articles, {actors} actors"
    return regenerate(
        actors_golden, now, path, version="ACTORS_VERSION", prog="regen_actors_golden", counted=counted
    )


if __name__ == "__main__":
    sys.exit(main())
