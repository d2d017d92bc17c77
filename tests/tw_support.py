"""The test corpus and the helpers that index it and seed events (names start with `tw_`).

Fixtures live in conftest.py (which uses these); tests import the constants and helpers
from here, never from conftest or from another test module.

The corpus is written, in our own words, into a temporary folder: a few articles about
Pakistan-Afghanistan talks in Istanbul mediated by Qatar and Türkiye, India-Pakistan talks
deferred, a Khawaja Asif quote, a cricket story, a U.S. story, a ceasefire in a title and a
ceasefire in a body only.
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent       # the checkout: sample_corpus/, docs/, talkwatch/
DATA = ROOT / "tests" / "data"

TW_CORPUS: dict[str, str] = {
    "afpak/istanbul.txt": (
        "Title: Pakistan and Afghanistan resume talks in Istanbul\n"
        "Published: 2025-10-29\n"
        "Source: Frontier Ledger\n"
        "\n"
        "Delegations from Pakistan and Afghanistan sat down in Istanbul on Wednesday for a second "
        "round of negotiations, with Qatar and Türkiye acting as mediators.\n"
        "The two sides discussed cross-border militancy and the reopening of trade routes, officials said.\n"
        "A third round is expected in Istanbul next week if the mediators can bridge the gaps.\n"
    ),
    "india/deferred.md": (
        "---\n"
        "title: India and Pakistan foreign secretary talks deferred\n"
        "date: 2016-01-14\n"
        "source: Capital Herald\n"
        "---\n"
        "The meeting of foreign secretaries of India and Pakistan, due in Islamabad this week, has been "
        "deferred by mutual consent.\n"
        "Both governments said the dialogue would be held at an early date, though no new schedule was "
        "announced.\n"
    ),
    "world/quotes.jsonl": "\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"id": "asif-1", "title": "Defence minister warns Kabul",
         "text": "Khawaja Asif said on Thursday that Pakistan would respond firmly if attacks from across the "
                 "frontier continued. \"Our patience has limits,\" the defence minister told reporters in Sialkot.",
         "published": "2025-10-30", "source": "Metro Wire"},
        {"id": "us-1", "title": "Washington weighs new sanctions package",
         "text": "The U.S. Treasury is preparing a fresh sanctions package, officials in Washington said, as "
                 "lawmakers debated the budget late into the night.",
         "published": "2025-11-02", "source": "Capitol Report"},
    ]) + "\n",
    "world/cricket.txt": (
        "Title: Karachi Kings clinch thriller in final over\n"
        "Published: 2025-11-01\n"
        "Source: Sports Desk\n"
        "\n"
        "Karachi Kings beat Lahore Qalandars by two wickets in a tense finish at the National Stadium.\n"
        "The captain praised the bowlers and said the squad would travel via Istanbul for a friendly series.\n"
    ),
    "world/truce.txt": (
        "Title: Ceasefire holds along the Line of Control\n"
        "Published: 2025-11-03\n"
        "Source: Border Monitor\n"
        "\n"
        "Residents in frontier villages reported a quiet night as the truce entered its second week.\n"
        "Shops reopened and schools called pupils back to class.\n"
    ),
    "world/clash.txt": (
        "Title: Shelling reported near frontier posts\n"
        "Published: 2025-11-04\n"
        "Source: Border Monitor\n"
        "\n"
        "Local officials said shelling damaged two houses overnight, a day after commanders had promised "
        "to respect the ceasefire agreed last month.\n"
        "Both armies blamed each other for the violation, and villagers moved livestock to safer ground.\n"
    ),
}

TW_UIDS = {
    "istanbul": "afpak/istanbul.txt",
    "deferred": "india/deferred.md",
    "asif": "world/quotes.jsonl#asif-1",
    "us": "world/quotes.jsonl#us-1",
    "cricket": "world/cricket.txt",
    "truce": "world/truce.txt",
    "clash": "world/clash.txt",
}


def tw_write_corpus(folder: Path, files: dict[str, str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for rel, text in (files if files is not None else TW_CORPUS).items():
        p = folder / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return folder


def tw_index(db: Path, *paths, **kw):
    from talkwatch.indexer.run import index_paths

    return index_paths(db, [str(p) for p in paths], workers=1, **kw)


def tw_seed_event(db: Path, uid: str, *, rule: str = "tw_seed", sentence: str | None = None,
                  dyad: str = "AFG-PAK", type: str = "TALKS", status: str = "held",
                  date: str | None = "2025-10-29", location: str | None = "Istanbul",
                  mediators=("QAT", "TUR"), refresh: bool = False) -> str:
    """Insert one event row for an indexed article, as the writer would; returns its id.

    ``refresh`` recomputes clusters and dyad summaries as an index run would."""
    from talkwatch.extract.model import Event
    from talkwatch.store import schema

    conn = sqlite3.connect(str(db))
    try:
        art_id, body, published = conn.execute(
            "SELECT id, body, published FROM articles WHERE uid = ?", (uid,)).fetchone()
        if sentence is None:
            sentence = body.split("\n")[0]
        start = body.index(sentence)
        fp = schema.event_fingerprint(uid, sentence, rule, 0)
        event = Event(
            type=type, status=status, sentence=sentence, start=start, end=start + len(sentence),
            actors=dyad.split("-")[:1], recipients=dyad.split("-")[1:], mediators=list(mediators), dyad=dyad,
            plover="CONSULT", plover_mode="meet", cameo="046", goldstein=1.0, location=location, date=date,
            date_precision="day" if date and len(date) == 10 else None, date_source="text" if date else None,
            date_text="on Wednesday" if date else None, date_how="seeded by a test", attribution=None,
            rule=rule, trigger="sat down",
        )
        with conn:
            schema.insert_event(conn, event, article_id=art_id, seq=900, fingerprint=fp, published=published)
            conn.execute("INSERT OR IGNORE INTO dirty_dyads(dyad) VALUES (?)", (dyad,))
    finally:
        conn.close()
    if refresh:
        tw_refresh(db)
    return fp[:12]


def tw_refresh(db: Path) -> None:
    """Recompute clusters and dyad summaries, as the end of an index run does."""
    from talkwatch.indexer.refresh import refresh
    from talkwatch.store.db import open_db

    conn = open_db(db, write=True)
    try:
        refresh(conn)
    finally:
        conn.close()


def tw_correct(db: Path, event_id: str, fields: dict, **kw) -> str:
    """Record an analyst's correction (and refresh the dyads), as `talkwatch correct` does."""
    from talkwatch.indexer.refresh import refresh
    from talkwatch.store import corrections
    from talkwatch.store.db import open_db

    conn = open_db(db, write=True)
    try:
        msg = corrections.record(conn, event_id, fields, **kw)
        refresh(conn)
    finally:
        conn.close()
    return msg
