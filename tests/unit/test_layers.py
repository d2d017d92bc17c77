"""The layering is checked, not only described: import-linter's contracts (pyproject.toml)
and the size of the modules a newcomer has to read."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from tw_support import ROOT

LINT = ("import sys\n"
        "from importlinter.cli import lint_imports\n"
        "sys.exit(lint_imports(no_cache=True, no_logo=True))\n")


def test_import_contracts_are_kept():
    pytest.importorskip("importlinter")
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    res = subprocess.run([sys.executable, "-c", LINT], cwd=str(ROOT), capture_output=True, text=True, env=env,
                         timeout=120)
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-2000:]
    assert "0 broken" in res.stdout
    for name in ("Layers", "Reading and extraction", "terminal library", "only through talkwatch.library"):
        assert name in res.stdout, name


def test_no_module_outside_extract_is_longer_than_700_lines():
    long = []
    for path in sorted((ROOT / "talkwatch").rglob("*.py")):
        rel = path.relative_to(ROOT / "talkwatch")
        if rel.parts[0] == "extract":
            continue
        n = len(path.read_text(encoding="utf-8").splitlines())
        if n > 700:
            long.append(f"{rel}: {n}")
    assert not long, long
