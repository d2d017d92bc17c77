"""Import hygiene: the command line never loads Textual, dateparser or pandas, and starts fast."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from tw_support import ROOT

HEAVY = ("textual", "dateparser", "pandas")


def run_py(code: str, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("TALKWATCH_DB", None)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                          cwd=str(ROOT), timeout=60)


def loaded_after(code: str, *args: str) -> dict:
    probe = code + (
        "\nimport json, sys\n"
        f"print(json.dumps({{m: m in sys.modules for m in {list(HEAVY) + ['sqlite_utils', 'rapidfuzz']!r}}}))\n"
    )
    res = run_py(probe, *args)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout.strip().splitlines()[-1])


def test_import_cli_is_light():
    mods = loaded_after("import talkwatch.cli, talkwatch.output, talkwatch.config, talkwatch.errors")
    assert not any(mods[m] for m in HEAVY), mods
    assert not mods["sqlite_utils"] and not mods["rapidfuzz"]


def test_package_import_is_light():
    mods = loaded_after("import talkwatch, talkwatch.store.search, talkwatch.store.queries")
    assert not any(mods[m] for m in HEAVY), mods


def test_search_and_events_commands_stay_light(tw_db):
    code = (
        "import sys\n"
        "from talkwatch.cli import cli\n"
        "for args in (['search', 'istambul talks', '--json'], ['events', '--json'], ['dyads', '--json'],"
        " ['show', 'afpak/istanbul.txt']):\n"
        "    try:\n"
        "        cli.main(['--db', sys.argv[1], *args], standalone_mode=False)\n"
        "    except SystemExit:\n"
        "        pass\n"
    )
    mods = loaded_after(code, str(tw_db))
    assert not any(mods[m] for m in HEAVY), mods
    assert not mods["sqlite_utils"], "readers use plain sqlite3"
    assert mods["rapidfuzz"], "the probe did run a typo-corrected search"


def test_help_starts_fast():
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        res = subprocess.run([sys.executable, "-m", "talkwatch", "--help"], capture_output=True, text=True,
                             env=env, cwd=str(ROOT), timeout=60)
        best = min(best, time.perf_counter() - t0)
        assert res.returncode == 0, res.stderr
        assert "Usage:" in res.stdout
        if best < 1.0:
            break
    assert best < 1.0, f"python -m talkwatch --help took {best:.2f} s"


def test_pandas_not_installed():
    # sqlite-utils imports pandas when it is present (+330 ms on every write command)
    res = run_py("import importlib.util; print(importlib.util.find_spec('pandas') is None)")
    assert res.stdout.strip() == "True"
