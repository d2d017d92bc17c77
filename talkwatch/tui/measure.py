"""Measure the TUI on a database: time to the first screen with data, search latency, memory.

    python -m talkwatch.tui.measure DB [--json] [--query TEXT] [--size 160x45]

Runs the app headless (``App.run_test``). ``first_paint_s`` counts from the start of this
process (interpreter, imports, app, first page drawn); ``first_paint_app_s`` from the app's
construction. ``key_ms_max`` is the longest a key press took to be handled while a search
ran in its worker: it shows that typing never waits on the database.
"""
from __future__ import annotations

import time

T_IMPORT = time.perf_counter()

import argparse  # noqa: E402
import asyncio  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402


def _process_age() -> float | None:
    """Seconds since this process started (Linux), to count interpreter start-up too."""
    try:
        with open("/proc/self/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])
        with open("/proc/uptime") as fh:
            uptime = float(fh.read().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def rss_mb() -> tuple[float, float]:
    """(current, peak) resident memory in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0   # KB on Linux
    current = peak
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    current = int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return current, peak


async def _measure(db: Path, query: str, size: tuple[int, int]) -> dict:
    age_at_import = _process_age()
    from talkwatch.tui.app import TalkwatchApp
    from talkwatch.tui.widgets.articles import ArticleList

    app = TalkwatchApp(db, cursor_blink=False)   # the real debounce: searches run as a person types
    out: dict = {}
    async with app.run_test(size=size) as pilot:
        for _ in range(100000):
            if app.first_data_at is not None:
                break
            await pilot.pause()
        painted = time.perf_counter()
        articles = app.screen.query_one("#articles", ArticleList)
        since_import = app.first_data_at - T_IMPORT
        out["first_paint_s"] = round(since_import + (age_at_import or 0.0), 3)
        out["first_paint_app_s"] = round(app.first_data_at - app.started, 3)
        out["articles"] = articles.total
        await app.workers.wait_for_complete()
        await pilot.pause()
        # type a query key by key: each key is handled at once, the searches run in workers
        await pilot.press("slash")
        worst = 0.0
        for ch in query:
            t = time.perf_counter()
            await pilot.press(ch)
            worst = max(worst, time.perf_counter() - t)
        t = time.perf_counter()
        while app.listing is None or app.listing.query != query.strip():
            await pilot.pause()
            if time.perf_counter() - t > 60:
                break
        out["key_ms_max"] = round(worst * 1000, 1)
        # from the last key to the results on screen, the debounce included
        out["search_ms"] = round((time.perf_counter() - t) * 1000, 1)
        out["search_debounce_ms"] = round(app.debounce * 1000)
        out["search_hits"] = app.listing.total if app.listing else None
        # jump to the end of the newest-first list: one page fetched, not the whole table
        app.set_query("")
        while app.listing is None or app.listing.query != "":
            await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        articles.focus()
        t = time.perf_counter()
        await pilot.press("G")
        while articles.current is None:
            await pilot.pause()
            if time.perf_counter() - t > 60:
                break
        out["jump_to_end_ms"] = round((time.perf_counter() - t) * 1000, 1)
        out["paint_wall_s"] = round(painted - T_IMPORT, 3)
    current, peak = rss_mb()
    out["rss_mb"] = round(current, 1)
    out["rss_peak_mb"] = round(peak, 1)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m talkwatch.tui.measure", description=__doc__.split("\n")[0])
    ap.add_argument("db", type=Path)
    ap.add_argument("--query", default="talks istambul")
    ap.add_argument("--size", default="160x45")
    ap.add_argument("--json", action="store_true", help="one JSON object on stdout")
    args = ap.parse_args(argv)
    if not args.db.exists():
        print(f"no database at {args.db}", file=sys.stderr)
        return 1
    w, h = (int(x) for x in args.size.lower().split("x"))
    out = asyncio.run(_measure(args.db, args.query, (w, h)))
    if args.json:
        print(json.dumps(out))
    else:
        for k, v in out.items():
            print(f"{k:<20} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
