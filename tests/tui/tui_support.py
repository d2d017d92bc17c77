"""A small corpus for the TUI tests, written in our own words, and helpers to seed events
and drive the app (the fixtures that use them are in conftest.py beside this file).

Events are inserted directly (through the event schema, store/schema.py), so the pane tests
do not depend on how well extraction does; the dyad refresh then builds clusters and dyads.
"""
from __future__ import annotations

import asyncio
import functools
import sqlite3
from pathlib import Path


HOSTILE_TITLE = "Envoys [bold]met[/] [@click=app.quit]x[/]"

TUI_CORPUS: dict[str, str] = {
    "afpak/round2.txt": (
        "Title: Kabul and Islamabad envoys meet again in Istanbul\n"
        "Published: 2025-10-29\n"
        "Source: Frontier Ledger\n"
        "\n"
        "Negotiators for Pakistan and Afghanistan met in Istanbul on Wednesday for a second round of talks, "
        "with Qatar and Türkiye in the room as mediators.\n"
        "Border trade and militant sanctuaries dominated the agenda, two officials said.\n"
        "A further round is scheduled for November 6 in Istanbul.\n"
    ),
    "afpak/round3.txt": (
        "Title: Third round of Afghan-Pakistani talks set for Istanbul\n"
        "Published: 2025-11-01\n"
        "Source: Caravan Times\n"
        "\n"
        "Officials in Kabul said the next session with Pakistan would open in Istanbul on November 6.\n"
        "Qatar confirmed it would again host the delegations' evening meetings.\n"
    ),
    "india/fs-talks.md": (
        "---\n"
        "title: Foreign secretary talks between India and Pakistan put off\n"
        "date: 2016-01-14\n"
        "source: Capital Herald\n"
        "---\n"
        "A meeting of the foreign secretaries of India and Pakistan planned for this week in Islamabad has "
        "been put off by mutual agreement.\n"
        "Both capitals said new dates would be fixed through diplomatic channels.\n"
    ),
    "world/cricket.txt": (
        "Title: Quetta side wins a rain-shortened final\n"
        "Published: 2025-10-20\n"
        "Source: Sports Desk\n"
        "\n"
        "Quetta beat Multan by four wickets under the lights after a long rain delay.\n"
    ),
    "afpak/long.txt": (
        "Title: A long look at the frontier economy\n"
        "Published: 2025-10-25\n"
        "Source: Caravan Times\n"
        "\n"
        + "".join(
            f"Paragraph {i}: traders at crossing number {i} counted trucks, weighed grain and argued about "
            f"tariffs while the queue grew longer by the hour and the drivers waited in the shade.\n"
            for i in range(1, 41)
        )
        + "Near the end, envoys from Pakistan and Afghanistan agreed to meet in Doha in December.\n"
    ),
    "world/hostile.txt": (
        f"Title: {HOSTILE_TITLE}\n"
        "Published: 2025-10-15\n"
        "Source: [red]Odd[/] Wire\n"
        "\n"
        "Diplomats met quietly; the wire carried a stray escape \x1b[31mred\x1b[0m and a bell \x07 here.\n"
        "A second line mentions [link=http://x]markup[/link] that must stay as text.\n"
    ),
}

UIDS = {
    "round2": "afpak/round2.txt",
    "round3": "afpak/round3.txt",
    "india": "india/fs-talks.md",
    "cricket": "world/cricket.txt",
    "hostile": "world/hostile.txt",
    "long": "afpak/long.txt",
}


def write_corpus(folder: Path, files: dict[str, str] | None = None) -> Path:
    for rel, text in (files or TUI_CORPUS).items():
        p = folder / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return folder


def index(db: Path, folder: Path) -> None:
    from talkwatch.indexer.run import index_paths

    index_paths(db, [str(folder)], workers=1)


def seed_event(db: Path, uid: str, sentence_part: str, *, dyad: str, type: str, status: str,
               date: str | None, location: str | None = None, mediators=(), rule: str = "tui_seed",
               trigger: str | None = None) -> str:
    """Insert one event on the sentence containing ``sentence_part``; returns the event id."""
    from talkwatch.extract.model import Event
    from talkwatch.store import schema

    conn = sqlite3.connect(str(db))
    try:
        art_id, body, published = conn.execute(
            "SELECT id, body, published FROM articles WHERE uid = ?", (uid,)).fetchone()
        at = body.index(sentence_part)
        start = body.rfind("\n", 0, at) + 1
        end = body.find("\n", at)
        end = len(body) if end == -1 else end
        sentence = body[start:end]
        occurrence = conn.execute("SELECT count(*) FROM events WHERE article_id = ? AND start = ? AND rule = ?",
                                  (art_id, start, rule)).fetchone()[0]
        fp = schema.event_fingerprint(uid, sentence, rule, occurrence)
        t_start = t_end = None
        if trigger and trigger in sentence:
            t_start = start + sentence.index(trigger)
            t_end = t_start + len(trigger)
        a, b = dyad.split("-")
        event = Event(
            type=type, status=status, sentence=sentence, start=start, end=end, actors=[a], recipients=[b],
            mediators=list(mediators), dyad=dyad, plover="CONSULT", plover_mode="meet", cameo="046",
            goldstein=-2.0 if status in ("deferred", "failed") else 3.0, location=location, date=date,
            date_precision="day" if date and len(date) == 10 else ("month" if date else None),
            date_source="text" if date else None, date_text="November 6" if date else None,
            date_how="month and day from the text, year from the publication date" if date else None,
            attribution=None, rule=rule, trigger=trigger, trigger_start=t_start, trigger_end=t_end,
        )
        with conn:
            schema.insert_event(conn, event, article_id=art_id, seq=100 + occurrence, fingerprint=fp,
                                published=published)
            conn.execute("INSERT OR IGNORE INTO dirty_dyads(dyad) VALUES (?)", (dyad,))
    finally:
        conn.close()
    return fp[:12]


def refresh(db: Path) -> None:
    from talkwatch.indexer.refresh import refresh as analysis_refresh
    from talkwatch.store.db import open_db

    conn = open_db(db, write=True)
    try:
        analysis_refresh(conn)
    finally:
        conn.close()


def build_db(tmp: Path) -> tuple[Path, dict[str, str]]:
    """Index the corpus, replace extracted events by known ones, refresh dyads. Returns (db, event ids)."""
    corpus = write_corpus(tmp / "corpus")
    db = tmp / "tui.db"
    index(db, corpus)
    conn = sqlite3.connect(str(db))
    with conn:
        conn.execute("DELETE FROM events")
        conn.execute("DELETE FROM clusters")
        conn.execute("DELETE FROM dyads")
        conn.execute("INSERT OR IGNORE INTO dirty_dyads(dyad) VALUES ('AFG-PAK'), ('IND-PAK')")
    conn.close()
    ids = {
        "held": seed_event(db, UIDS["round2"], "second round of talks", dyad="AFG-PAK", type="TALKS",
                           status="held", date="2025-10-29", location="Istanbul", mediators=("QAT", "TUR"),
                           trigger="met"),
        "scheduled": seed_event(db, UIDS["round2"], "further round is scheduled", dyad="AFG-PAK", type="TALKS",
                                status="scheduled", date="2025-11-06", location="Istanbul",
                                mediators=("QAT", "TUR")),
        "scheduled2": seed_event(db, UIDS["round3"], "next session with Pakistan", dyad="AFG-PAK", type="TALKS",
                                 status="scheduled", date="2025-11-06", location="Istanbul", mediators=("QAT",)),
        "deferred": seed_event(db, UIDS["india"], "has been put off", dyad="IND-PAK", type="TALKS",
                               status="deferred", date="2016-01-14", location="Islamabad"),
        "late": seed_event(db, UIDS["long"], "agreed to meet in Doha", dyad="AFG-PAK", type="TALKS",
                           status="scheduled", date="2025-12", location="Doha", trigger="agreed to meet"),
    }
    refresh(db)
    return db, ids


def sync(fn):
    """Run an async test without an asyncio plugin for pytest."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return asyncio.run(fn(*args, **kwargs))

    return wrapper


def make_app(db: Path, **kw):
    from talkwatch.tui.app import TalkwatchApp

    kw.setdefault("debounce", 0)
    kw.setdefault("cursor_blink", False)
    return TalkwatchApp(db, **kw)


async def settle(pilot) -> None:
    """Wait until no worker runs and every message they posted has been handled."""
    app = pilot.app
    for _ in range(50):
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.is_running for w in app.workers):
            await pilot.pause()
            if not any(w.is_running for w in app.workers):
                return
    raise AssertionError("workers did not finish")
