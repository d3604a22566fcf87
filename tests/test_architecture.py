"""The core stays pure: no telegram, sqlite, httpx or store in the modules directly under briefing/."""

import ast
from pathlib import Path

import pytest

CORE = sorted(p for p in (Path(__file__).parent.parent / "briefing").glob("*.py"))
FORBIDDEN = {"telegram", "sqlite3", "sqlite_utils", "httpx", "store", "apscheduler", "aiohttp"}


def imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
            if node.module.startswith("briefing.adapters") or node.module.startswith("briefing.service"):
                roots.add("briefing.impure")
    return roots


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.name)
def test_core_module_is_pure(path):
    bad = imported_roots(path) & (FORBIDDEN | {"briefing.impure"})
    assert not bad, f"{path.name} imports {sorted(bad)}"


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.name)
def test_core_module_does_not_read_the_clock(path):
    text = path.read_text(encoding="utf-8")
    assert "datetime.now(" not in text and "time.time(" not in text and ".today(" not in text
