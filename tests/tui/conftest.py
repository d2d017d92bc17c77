"""Fixtures of the TUI tests: a database with known events (see tui_support.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tui_support import build_db


@pytest.fixture
def tui_db(tmp_path) -> Path:
    db, _ = build_db(tmp_path)
    return db


@pytest.fixture
def tui_db_ids(tmp_path) -> tuple[Path, dict[str, str]]:
    return build_db(tmp_path)
