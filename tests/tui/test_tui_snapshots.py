"""Snapshot tests of the main screens at 80x24 and 160x45 (pytest-textual-snapshot).

``snap_compare`` runs only in synchronous tests; key presses go in ``run_before``, which
waits for the workers so that every snapshot shows loaded data. Update with
``pytest tests/test_tui_snapshots.py --snapshot-update`` and look at the SVGs.
"""
from __future__ import annotations

import pytest

pytest.importorskip("pytest_textual_snapshot")

from tui_support import make_app, settle  # noqa: E402

SMALL = (80, 24)
MEDIUM = (120, 35)
WIDE = (160, 45)


def keys(*presses: str):
    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in presses:
            await pilot.press(key)
            await settle(pilot)
    return run_before


def search_then(query: str, *presses: str):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("slash", *query)
        await settle(pilot)
        for key in presses:
            await pilot.press(key)
            await settle(pilot)
    return run_before


@pytest.mark.parametrize("size", [SMALL, MEDIUM, WIDE], ids=["80x24", "120x35", "160x45"])
def test_start_screen(snap_compare, tui_db, size):
    assert snap_compare(make_app(tui_db), terminal_size=size, run_before=keys())


@pytest.mark.parametrize("size", [SMALL, WIDE], ids=["80x24", "160x45"])
def test_search_with_typo_then_reader(snap_compare, tui_db, size):
    assert snap_compare(make_app(tui_db), terminal_size=size, run_before=search_then("istambul", "enter", "j", "enter"))


@pytest.mark.parametrize("size", [SMALL, WIDE], ids=["80x24", "160x45"])
def test_dyad_timeline(snap_compare, tui_db, size):
    assert snap_compare(make_app(tui_db), terminal_size=size, run_before=keys("d", "enter"))


@pytest.mark.parametrize("size", [SMALL, WIDE], ids=["80x24", "160x45"])
def test_event_sentence_in_reader(snap_compare, tui_db, size):
    assert snap_compare(make_app(tui_db), terminal_size=size,
                        run_before=search_then("doha", "enter", "enter", "e", "enter"))


@pytest.mark.parametrize("size", [SMALL, WIDE], ids=["80x24", "160x45"])
def test_correction_form(snap_compare, tui_db, size):
    assert snap_compare(make_app(tui_db), terminal_size=size, run_before=keys("j", "e", "c"))


def test_explain_event(snap_compare, tui_db):
    assert snap_compare(make_app(tui_db), terminal_size=SMALL, run_before=keys("j", "e", "x"))


def test_help(snap_compare, tui_db):
    assert snap_compare(make_app(tui_db), terminal_size=SMALL, run_before=keys("f1"))


def test_hostile_title(snap_compare, tui_db):
    assert snap_compare(make_app(tui_db), terminal_size=SMALL,
                        run_before=search_then("diplomats quietly", "enter", "enter"))
