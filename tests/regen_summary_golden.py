"""``python -m tests.regen_summary_golden``: record the fixed texts' summaries for the current
``SUMMARY_VERSION`` in ``tests/fixtures/summary_golden.json`` (see :mod:`tests.summary_golden`).

It refuses (exit 1) when a summary of an unchanged text comes out otherwise under the version the file
was recorded for: bump ``SUMMARY_VERSION`` first, so that stored summaries are made again.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.summary_golden import GOLDEN, compare, dump, explain, load, record


def main(path: Path = GOLDEN) -> int:
    now = record()
    if path.exists():
        recorded = load(path)
        comparison = compare(recorded, now)
        if comparison.same:
            print(f"{path.name}: up to date (SUMMARY_VERSION {now.version}, fingerprint {now.fingerprint})")
            return 0
        if comparison.needs_bump:
            reason = explain(comparison, recorded.version)
            print(f"regen_summary_golden: {path.name} not written. {reason}", file=sys.stderr)
            return 1
    dump(now, path)
    count = len(now.entries)
    print(f"{path.name}: written for SUMMARY_VERSION {now.version}, {count} summaries ({now.fingerprint})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
