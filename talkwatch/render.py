"""How the command line shows what the library returns: tables, one article, a timeline.

cli.py declares the commands and calls the library; everything that decides what a line on
the terminal looks like is here, over the writers of output.py (stdout carries data only;
messages go to stderr).
"""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from talkwatch import output

if TYPE_CHECKING:
    from talkwatch.library import DyadTimeline, SearchResult, StoredArticle

SEARCH_FIELDS = ["uid", "title", "published", "source", "score", "snippet", "corrected", "ignored"]
DYAD_FIELDS = ["dyad", "status", "talks_status", "ceasefire", "next", "last_event_date", "score", "trend",
               "events", "articles", "clusters", "mediators", "spark", "as_of", "followed"]
CHANGE_FIELDS = ["dyad", "followed", "since", "status_before", "status", "talks_status", "ceasefire", "next",
                 "new_clusters", "new_reports", "lines"]
TIMELINE_FIELDS = ["dyad", "type", "status", "date", "date_precision", "date_source", "location", "mediators", "mentions",
                   "articles", "sources", "first_seen", "last_seen", "goldstein", "uid", "event_id", "sentence",
                   "cluster", "reports"]
CORRECTION_FIELDS = ["event_id", "uid", "fields", "reject", "note", "created_at", "state", "sentence"]
EVENT_COLUMNS = [
    ("id", "ID"), ("date", "DATE"), ("dyad", "DYAD"), ("type", "TYPE"), ("status", "STATUS"),
    ("location", "WHERE"), ("mediators", "MEDIATORS"), ("sentence", "SENTENCE"),
]


def message(text: str) -> None:
    """One line for the person at the terminal (stderr)."""
    click.echo(text, err=True)


def json_texts(texts, fmt: str) -> None:
    """Objects already encoded as JSON (events from SQLite): an array, or JSON lines."""
    output.write_json_texts(texts, array=fmt == "json")


def emit(rows, fmt: str | None, fields, table_columns=None, flex=None) -> None:
    """Rows as JSON, JSON lines, CSV, or (no format) a readable table."""
    if fmt == "json":
        output.write_json(rows)
    elif fmt == "jsonl":
        output.write_jsonl(rows)
    elif fmt == "csv":
        output.write_csv(rows, fields)
    else:
        output.write_table(rows, table_columns or [(f, f.upper()) for f in fields], flex=flex)


# ------------------------------------------------------------------ index

class IndexReporter:
    """What `talkwatch index` shows while it runs: a progress bar on a terminal, one line
    per skipped file or partly read file, the phases after the files."""

    def __init__(self, quiet: bool = False, bar: bool | None = None):
        self.quiet = quiet
        self.show_progress = (not quiet and sys.stderr.isatty()) if bar is None else bar
        self.bar = None

    def waiting(self) -> None:
        message("talkwatch: another index is running on this database; waiting for it to finish...")

    def progress(self, done: int, total: int) -> None:
        if not self.show_progress or total == 0:
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label="indexing", file=sys.stderr,
                                         show_pos=True, show_eta=True, width=30)
            self.bar.__enter__()
        self.bar.update(done - self.bar.pos)

    def _line(self, text: str) -> None:
        if self.bar is not None:
            sys.stderr.write("\n")
        message(text)

    def skipped(self, path: str, reason: str) -> None:
        if not self.quiet:
            self._line(f"skipped {output.clean(path)}: {output.clean(reason)}")

    def warning(self, path: str, text: str) -> None:
        if not self.quiet:
            self._line(f"kept {output.clean(path)}, but {output.clean(text)}")

    def phase(self, text: str) -> None:
        if self.show_progress:
            self.close()
            message(text)

    def problem(self, text: str) -> None:
        message(f"talkwatch: warning: {text}")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def demo_hints(db, counts) -> None:
    click.echo(f"demo database {db}: {counts.articles} articles, {counts.events} events, {counts.dyads} dyads")
    click.echo("try:")
    click.echo(f"  talkwatch --db {db} search 'istambul talks'")
    click.echo(f"  talkwatch --db {db} events --dyad pakistan-afghanistan")
    click.echo(f"  talkwatch --db {db} dyads")


# ------------------------------------------------------------------ search

def search(res: "SearchResult", fmt: str | None) -> None:
    from talkwatch.library import MARK_END, MARK_START, plain

    if res.corrected:
        fixes = ", ".join(f"{a} -> {b}" for a, b in res.corrected.items())
        message(f"showing results for corrected words: {fixes} (use --no-correct to search as typed)")
    if res.ignored:
        words = ", ".join(output.clean(w) for w in res.ignored)
        message(f"ignored: {words} (in no article; use --no-correct to require every word)")
    rows = [{"uid": h.uid, "title": h.title, "published": h.published, "source": h.source, "score": h.score,
             "snippet": h.snippet, "corrected": res.corrected or None, "ignored": res.ignored or None}
            for h in res.hits]
    if fmt in ("json", "jsonl", "csv"):
        for r in rows:
            r["snippet"] = plain(r["snippet"])
        emit(rows, fmt, SEARCH_FIELDS)
        return
    if not rows:
        message("no matches" + (f" for: {output.clean(res.query)}" if res.query else ""))
        return
    color = output.color_enabled()
    width = output.terminal_width()
    out = sys.stdout
    for r in rows:
        date = (r["published"] or "----------")[:10]
        head = f"{date}  {output.clean(r['source'] or '-')}  "
        title = output.clean(r["title"])
        line = head + output.truncate(title, max(10, width - len(head)))
        out.write((output.BOLD + line + output.RESET if color else line) + "\n")
        snippet = output.fit_marked(output.clean(r["snippet"]), max(10, width - 4), (MARK_START, MARK_END), color,
                                    pad=False)
        out.write(f"    {snippet}\n")
        uid_line = f"    {output.clean(r['uid'])}"
        out.write((output.DIM + uid_line + output.RESET if color else uid_line) + "\n")
    more = "+" if res.more else ""
    message(f"{len(rows)} shown of {res.total}{more} matches ({res.elapsed_ms:.0f} ms)")


# ------------------------------------------------------------------ one article, events

def article(art: "StoredArticle", evs: list[dict], explain: bool, fmt: str | None) -> None:
    from talkwatch.library import EVENT_FIELDS

    if fmt in ("json", "jsonl"):
        doc = {k: getattr(art, k) for k in ("uid", "title", "published", "published_source", "source", "url",
                                            "body")}
        doc["duplicate_of"] = art.dup_of
        doc["events"] = evs
        output.write_json(doc) if fmt == "json" else output.write_jsonl([doc])
        return
    if fmt == "csv":
        emit(evs, "csv", EVENT_FIELDS)
        return
    color = output.color_enabled()
    b = (lambda s: output.BOLD + s + output.RESET) if color else (lambda s: s)
    w = sys.stdout.write
    w(b(output.clean(art.title)) + "\n")
    meta = [
        ("uid", art.uid), ("published", _published_label(art)), ("source", art.source),
        ("url", art.url), ("file", art.file),
    ]
    if art.dup_of:
        meta.append(("near-duplicate of", art.dup_of))
    for k, v in meta:
        if v:
            w(f"{k:>10}: {output.clean(v)}\n")
    w("\n" + output.clean_block(art.body).strip() + "\n")
    w("\n" + b(f"Events ({len(evs)})") + "\n")
    if evs:
        events(evs, explain)
    else:
        w("no events found in this article\n")


def _published_label(art: "StoredArticle") -> str | None:
    p = art.published
    if not p:
        return "unknown"
    if art.published_source == "inferred":
        return f"{p} (inferred from the text)"
    return p


def events(evs: list[dict], explain: bool) -> None:
    """Events as a table, or (explain) one block each: rule, parties, date resolution, codes."""
    if not explain:
        from talkwatch.library import shown_date

        output.write_table([dict(e, date=shown_date(e)) for e in evs], EVENT_COLUMNS, flex="sentence")
        return
    w = sys.stdout.write
    for e in evs:
        w(f"{e['id']}  {e.get('date') or '-'}  {e.get('dyad') or '-'}  {e['type']}/{e['status']}"
          f"{'  (corrected)' if e.get('corrected') else ''}\n")
        w(f"  sentence : {output.clean(e['sentence'])}\n")
        w(f"  uid      : {output.clean(e['uid'])} [{e['start']}:{e['end']}]\n")
        w(f"  rule     : {output.clean(e.get('rule'))}  (trigger {output.clean(e.get('trigger'))!r})\n")
        w(f"  parties  : actors {','.join(e['actors']) or '-'}; recipients {','.join(e['recipients']) or '-'};"
          f" mediators {','.join(e['mediators']) or '-'}\n")
        w(f"  date     : {e.get('date') or 'none'} ({e.get('date_precision') or '-'}, {e.get('date_source') or '-'})"
          f" from {output.clean(e.get('date_text')) or '-'!s}: {output.clean(e.get('date_how')) or '-'}\n")
        if e.get("location") or e.get("attribution"):
            w(f"  where/who: {output.clean(e.get('location')) or '-'}; attributed to"
              f" {output.clean(e.get('attribution')) or '-'}\n")
        w(f"  coded    : PLOVER {e.get('plover')}/{e.get('plover_mode') or '-'}, CAMEO {e.get('cameo')},"
          f" Goldstein {e.get('goldstein')}\n\n")


def event_list(evs: list[dict], explain: bool, fmt: str | None) -> None:
    from talkwatch.library import EVENT_FIELDS, EXPLAIN_FIELDS

    if fmt:
        emit(evs, fmt, EVENT_FIELDS + (EXPLAIN_FIELDS if explain else []))
        return
    if not evs:
        message("no events")
        return
    events(evs, explain)


# ------------------------------------------------------------------ dyads

def _signed(v) -> str:
    return "" if v is None else f"{v:+.1f}"


def dyads(rows: list[dict], fmt: str | None) -> None:
    from talkwatch.library import next_label

    if fmt:
        emit(rows, fmt, DYAD_FIELDS)
        return
    if not rows:
        message("no dyads yet: index some articles first")
        return
    table = []
    for r in rows:
        table.append({
            "dyad": ("★ " if r.get("followed") else "") + r["dyad"], "status": r.get("status") or "-", "next": next_label(r.get("next")),
            "score": "" if r.get("score") is None else f"{r['score']:+.1f}", "trend": _signed(r.get("trend")),
            "spark": r.get("spark") or "", "n": f"{r.get('clusters', 0)}/{r.get('events', 0)}/{r.get('articles', 0)}",
            "last": r.get("last_event_date") or "",
        })
    columns = [("dyad", "DYAD"), ("status", "STATUS"), ("next", "NEXT"), ("last", "LAST"),
               ("score", "SCORE"), ("trend", "TREND"), ("spark", "12 MONTHS"), ("n", "CLU/EV/ART")]
    if output.terminal_width() < 110:     # a small terminal (or a pipe): status and next first
        columns = [c for c in columns if c[0] not in ("trend", "spark", "score")]
    output.write_table(table, columns, flex="next")


def dyad(tl: "DyadTimeline", fmt: str | None) -> None:
    from talkwatch.library import shown_date

    summary, rows = tl.summary, tl.rows
    if not rows and not fmt:
        message(f"no events for {tl.dyad}")
        return
    timeline = [{k: r.get(k) for k in TIMELINE_FIELDS} for r in rows]
    if fmt == "json":
        doc = {"summary": summary, "timeline": timeline}
        if tl.why is not None:
            doc["explain"] = {part: _why_item(r) for part, r in tl.why.items()}
        output.write_json(doc)
        return
    if fmt in ("jsonl", "csv"):
        emit(timeline, fmt, TIMELINE_FIELDS)
        return
    color = output.color_enabled()
    line = f"{tl.dyad}: {summary.get('status') or 'no status'}"
    click.echo(output.BOLD + line + output.RESET if color else line)
    if summary.get("next"):
        from talkwatch.library import next_label

        click.echo(f"next: {next_label(summary['next'])}")
    if summary.get("score") is not None:
        click.echo(f"score {summary['score']:+.1f} (trend {_signed(summary.get('trend')) or 'n/a'}),"
                   f" {summary['clusters']} clusters, {summary['events']} events, {summary['articles']} articles"
                   + (f"; as of {summary['as_of']}" if summary.get("as_of") else ""))
    if tl.why is not None:
        click.echo("")
        from talkwatch.library import explain_lines

        for line in explain_lines(summary, tl.why):
            click.echo(line)
    click.echo("")
    table = [{
        "date": shown_date(r) or (f"({r['first_seen']})" if r.get("first_seen") else "?"),
        "event": f"{r['type']} {r['status']}", "where": r.get("location") or "",
        "via": ",".join(r["mediators"]), "src": f"{r['sources']}", "sentence": r["sentence"],
    } for r in rows]
    output.write_table(table, [("date", "DATE"), ("event", "EVENT"), ("where", "WHERE"), ("via", "MEDIATORS"),
                               ("src", "SOURCES"), ("sentence", "FIRST REPORT")], flex="sentence")


def _why_item(r: dict | None) -> dict | None:
    if r is None:
        return None
    return {"type": r["type"], "status": r["status"], "date": r["date"], "date_source": r.get("date_source"),
            "location": r.get("location"), "sentence": r.get("sentence"),
            "reports": [{k: m.get(k) for k in ("uid", "source", "published", "title")} for m in r.get("reports") or []]}


# ------------------------------------------------------------------ corrections, eval, types

def corrections(rows: list[dict], fmt: str | None) -> None:
    if fmt:
        emit(rows, fmt, CORRECTION_FIELDS)
        return
    if not rows:
        message("no corrections")
        return
    table = [dict(r, fields=", ".join(f"{k}={v}" for k, v in (r["fields"] or {}).items())
                  or ("rejected" if r["reject"] else "")) for r in rows]
    output.write_table(table, [("event_id", "EVENT"), ("state", "STATE"), ("fields", "CORRECTION"),
                               ("uid", "ARTICLE"), ("note", "NOTE"), ("sentence", "SENTENCE")], flex="sentence")


def evaluation(report: dict, verbose: bool, fmt: str | None) -> None:
    if fmt:
        output.write_json(report) if fmt == "json" else output.write_jsonl([report])
        return
    w = sys.stdout.write
    w(f"gold events {report['gold']}, extracted in those articles {report['extracted']}, matched {report['matched']}\n")
    w(f"recall {report['recall']:.1%}  precision {report['precision']:.1%}  "
      f"status accuracy {report['status_accuracy']:.1%}  date accuracy {report['date_accuracy']:.1%}\n")
    w(f"undated events {report['undated']} ({report['undated_share']:.1%} of those extracted),"
      f" without a dyad {report['no_dyad']}\n")
    w(f"{'type':14} {'gold':>5} {'found':>6} {'recall':>7}\n")
    for t, c in sorted(report["per_type"].items()):
        w(f"{t:14} {c['gold']:5d} {c['found']:6d} {c['found'] / max(1, c['gold']):7.1%}\n")
    if verbose:
        for m in report["misses"]:
            w(f"MISS  {m['uid']}  {m['type']} {m['dyad']} {m.get('status')} {m.get('date')}\n")
        for x in report["extras"]:
            w(f"EXTRA {x['uid']}  {x['type']} {x['dyad']} {x['status']} {x.get('date')}: "
              f"{output.clean(x['sentence'])[:100]}\n")
        for m in report["wrong"]:
            w(f"WRONG {m['uid']}  {m['type']} {m['dyad']}: {m['what']}\n")


def types(event_types, statuses, fmt: str | None) -> None:
    """The event types with their codes, then the statuses (`talkwatch types`)."""
    doc = {
        "types": [{"type": t.name, "plover": t.plover, "plover_mode": t.plover_mode, "cameo": t.cameo,
                   "goldstein": t.goldstein, "kind": t.kind, "meaning": t.meaning} for t in event_types],
        "statuses": [{"status": s.name, "meaning": s.meaning} for s in statuses],
    }
    if fmt == "json":
        output.write_json(doc)
        return
    output.write_table([dict(t, plover_mode=t["plover_mode"] or "", goldstein=f"{t['goldstein']:+.1f}")
                        for t in doc["types"]],
                       [("type", "TYPE"), ("plover", "PLOVER"), ("plover_mode", "MODE"), ("cameo", "CAMEO"),
                        ("goldstein", "GOLDSTEIN"), ("meaning", "MEANING")], flex="meaning")
    click.echo("")
    if any(s["meaning"] for s in doc["statuses"]):
        output.write_table(doc["statuses"], [("status", "STATUS"), ("meaning", "MEANING")], flex="meaning")
    else:
        output.write_table(doc["statuses"], [("status", "STATUS")])


# ------------------------------------------------------------------ changes

def changes(report, fmt: str | None) -> None:
    """Per dyad what moved: one heading line, then one line per change."""
    if fmt:
        emit(report.items, fmt, CHANGE_FIELDS)
        return
    since = report.since
    if since is None:
        message("nothing indexed yet: `talkwatch index FOLDER` first")
        return
    if not report.items:
        message(f"no changes since {since}" + (" in the dyads you follow" if report.followed_only else ""))
        return
    color = output.color_enabled()
    width = output.terminal_width()
    for item in report.items:
        head = ("★ " if item["followed"] else "") + f"{item['dyad']}: {item.get('status') or 'no status'}"
        head = output.truncate(output.clean(head), width)
        click.echo(output.BOLD + head + output.RESET if color else head)
        for line in item["lines"]:
            click.echo("  " + output.truncate(output.clean(line["text"]), width - 2))
    n = len(report.items)
    message(f"{n} dyad{'s' if n != 1 else ''} changed since {since}")
