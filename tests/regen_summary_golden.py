"""``python -m tests.regen_summary_golden``: record the fixed texts' summaries for the current
``SUMMARY_VERSION`` in ``tests/fixtures/summary_golden.json`` (see :mod:`tests.summary_golden`).

It refuses (exit 1) when a summary of an unchanged text comes out otherwise under the version the file
was recorded for: bump ``SUMMARY_VERSION`` first, so that stored summaries are made again.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests import summary_golden
from tests.regen_golden import regenerate
from tests.summary_golden import GOLDEN, record


def main(path: Path = GOLDEN) -> int:
    now = record()
    counted = f"{len(now.entries)} summaries"
    return regenerate(
        summary_golden, now, path, version="SUMMARY_VERSION", prog="regen_summary_golden", counted=counted
    )


if __name__ == "__main__":
    sys.exit(main())
