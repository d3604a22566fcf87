"""What ``python -m tests.regen_summary_golden`` and ``python -m tests.regen_actors_golden`` share: write
a golden file for the current version, unless an unchanged text's output changed under the version the
file was recorded for (then exit 1 and say to bump the version first)."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType
from typing import Any


def regenerate(golden: ModuleType, now: Any, path: Path, *, version: str, prog: str, counted: str) -> int:
    """Write ``now`` (a ``golden.Recording``) to ``path`` with ``golden``'s ``load``, ``compare``,
    ``explain`` and ``dump``; ``version`` names the version constant, ``prog`` the command, ``counted``
    what was recorded ("41 articles, 349 actors")."""
    if path.exists():
        recorded = golden.load(path)
        comparison = golden.compare(recorded, now)
        if comparison.same:
            print(f"{path.name}: up to date ({version} {now.version}, fingerprint {now.fingerprint})")
            return 0
        if comparison.needs_bump:
            reason = golden.explain(comparison, recorded.version)
            print(f"{prog}: {path.name} not written. {reason}", file=sys.stderr)
            return 1
    golden.dump(now, path)
    print(f"{path.name}: written for {version} {now.version}, {counted} ({now.fingerprint})")
    return 0
