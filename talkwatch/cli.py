"""The talkwatch command line. Imports stay light: no Textual here (the TUI loads lazily)."""
from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import click

from talkwatch import __version__
from talkwatch.errors import EXIT_ERROR, EXIT_INTERRUPTED, TalkwatchError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class Failure(click.ClickException):
    """A one-line runtime error, exit code 1."""

    exit_code = EXIT_ERROR

    def show(self, file=None):
        from talkwatch.output import clean

        click.echo(f"talkwatch: error: {clean(self.message)}", err=True)


class Group(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except TalkwatchError as exc:
            raise Failure(str(exc)) from None
        except sqlite3.DatabaseError as exc:
            raise Failure(f"database error: {exc}") from None
        except KeyboardInterrupt:
            click.echo("talkwatch: interrupted", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except OSError as exc:
            if isinstance(exc, BrokenPipeError):
                try:
                    sys.stdout = open(os.devnull, "w")
                except OSError:
                    pass
                ctx.exit(0)
            raise Failure(f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else "")) from None
        except Exception as exc:
            if os.environ.get("TALKWATCH_DEBUG"):
                raise
            raise Failure(f"internal error: {exc!r} (set TALKWATCH_DEBUG=1 to see where)") from None
        except BrokenPipeError:
            # `talkwatch search x | head`: the reader left; not an error
            try:
                sys.stdout = open(os.devnull, "w")
            except OSError:
                pass
            ctx.exit(0)


def format_options(f):
    f = click.option("--csv", "fmt", flag_value="csv", help="Comma-separated values with a header row.")(f)
    f = click.option("--jsonl", "fmt", flag_value="jsonl", help="One JSON object per line.")(f)
    f = click.option("--json", "fmt", flag_value="json", help="A JSON array.")(f)
    return f


def _db_path(ctx) -> Path:
    from talkwatch.config import resolve_db

    return resolve_db(ctx.obj.get("db"))


def _reader(ctx):
    from talkwatch.store.db import open_db

    return open_db(_db_path(ctx))


@click.group(cls=Group, context_settings=CONTEXT, invoke_without_command=True,
             epilog="""\b
Examples:
  talkwatch demo                              open the TUI on the bundled sample corpus
  talkwatch index ~/news                      index a folder (again: only changes are read)
  talkwatch search 'istambul talks'           typo-tolerant search, ranked, with snippets
  talkwatch events --dyad pakistan-afghanistan --json | jq .
  talkwatch dyads                             where each country pair stands
  talkwatch dyad AFG PAK                      one pair's timeline

The database is --db PATH, else $TALKWATCH_DB, else a file in your user data folder.""")
@click.option("--db", metavar="PATH", help="Database file (default: $TALKWATCH_DB or the user data folder).")
@click.version_option(__version__, "--version", "-V", prog_name="talkwatch")
@click.pass_context
def cli(ctx, db):
    """Follow talks between states in news text.

    Index a folder of articles into one SQLite file, then search it, list the events
    extracted from it, and see where each country pair (dyad) stands.
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    if ctx.invoked_subcommand is None:
        if sys.stdin.isatty() and sys.stdout.isatty():
            ctx.invoke(tui)
        else:
            click.echo(ctx.get_help())


# ------------------------------------------------------------------ index

@cli.command(context_settings=CONTEXT, epilog="""\b
Examples:
  talkwatch index ~/news/2025            a folder, recursively
  talkwatch index a.jsonl feeds/*.rss    files of any supported format
  talkwatch index                        re-index every folder indexed before
  talkwatch index --rebuild ~/news       start again from scratch (corrections are kept)

Formats: .txt .md (optional YAML front matter or Key: value header), .json .jsonl .csv
(one article per record), .html, RSS/Atom feeds (.rss .atom .xml).""")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--rebuild", is_flag=True, help="Drop the index and read everything again (corrections are kept).")
@click.option("--strict", is_flag=True, help="Exit 1 when any file was skipped.")
@click.option("--workers", type=click.IntRange(1, 64), default=None, help="Worker processes (default: every core).")
@click.option("--no-wait", is_flag=True, help="Fail instead of waiting when another index runs on this database.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no per-file messages; only the summary.")
@click.pass_context
def index(ctx, paths, rebuild, strict, workers, no_wait, quiet):
    """Add or update files and folders in the database.

    Unchanged files are skipped, changed ones replaced, deleted ones removed. Files that
    cannot be read are reported (one line each on stderr) and skipped.
    """
    from talkwatch.indexer.run import index_paths

    db = _db_path(ctx)
    reporter = _IndexReporter(quiet)
    try:
        summary = index_paths(db, paths, rebuild=rebuild, workers=workers, reporter=reporter, wait=not no_wait)
    finally:
        reporter.close()
    if summary.interrupted:
        click.echo(f"talkwatch: interrupted; {summary.line()} (run again to finish)", err=True)
        ctx.exit(EXIT_INTERRUPTED)
    click.echo(summary.line(), err=True)
    if strict and summary.skipped:
        ctx.exit(EXIT_ERROR)


class _IndexReporter:
    """`talkwatch index` on a terminal: a progress bar, one line per skipped file, phases."""

    def __init__(self, quiet: bool = False, bar: bool | None = None):
        self.quiet = quiet
        self.show_progress = not quiet and sys.stderr.isatty() if bar is None else bar
        self.bar = None

    def waiting(self) -> None:
        click.echo("talkwatch: another index is running on this database; waiting for it to finish...", err=True)

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
        click.echo(text, err=True)

    def skipped(self, path: str, reason: str) -> None:
        if not self.quiet:
            from talkwatch.output import clean

            self._line(f"skipped {clean(path)}: {clean(reason)}")

    def warning(self, path: str, message: str) -> None:
        if not self.quiet:
            from talkwatch.output import clean

            self._line(f"kept {clean(path)}, but {clean(message)}")

    def phase(self, message: str) -> None:
        if self.show_progress:
            self.close()
            click.echo(message, err=True)

    def problem(self, message: str) -> None:
        click.echo(f"talkwatch: warning: {message}", err=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


# ------------------------------------------------------------------ search

SEARCH_FIELDS = ["uid", "title", "published", "source", "score", "snippet", "corrected"]


class QueryCommand(click.Command):
    """`talkwatch search talks -cricket`: a `-word` that is not an option belongs to the query."""

    def parse_args(self, ctx, args):
        takes_value, flags = set(), set()
        for p in self.params:
            if isinstance(p, click.Option):
                (flags if p.is_flag else takes_value).update(p.opts + p.secondary_opts)
        flags.update(ctx.help_option_names)
        kept, query, i = [], [], 0
        while i < len(args):
            a = args[i]
            if a == "--":
                query.extend(args[i + 1:])
                break
            name = a.split("=", 1)[0]
            if a in flags:
                kept.append(a)
            elif name in takes_value:
                kept.append(a)
                if "=" not in a and i + 1 < len(args):
                    kept.append(args[i + 1])
                    i += 1
            elif a.startswith("-n") and a[2:].isdigit():
                kept.append(a)
            elif a.startswith("--") and len(a) > 2:
                kept.append(a)  # an unknown --option stays a usage error; -word is an exclusion
            else:
                query.append(a)
            i += 1
        return super().parse_args(ctx, kept + ["--"] + query)


@cli.command(cls=QueryCommand, context_settings=CONTEXT, epilog="""\b
Query syntax:
  istanbul talks          every word must match (stemmed: talk, talks, talking)
  "foreign secretary"     a phrase
  negotiat*               a prefix
  doha OR istanbul        either word
  talks -cricket          exclude a word (also: NOT cricket)
  title:ceasefire         in the title only
  source:dawn             articles whose source contains "dawn"
  since:2025-10 until:2025-11-05   publication dates (ISO, or words: since:"last month")
  dyad:AFG-PAK type:TALKS articles with such events

A word missing from the corpus is corrected to the nearest known word and the correction
is reported (stderr; the `corrected` field in JSON).""")
@click.argument("query", nargs=-1)
@click.option("-n", "--limit", type=click.IntRange(1, 10000), default=20, show_default=True, help="Results to show.")
@click.option("--offset", type=click.IntRange(0), default=0, help="Skip this many results (paging).")
@click.option("--no-correct", is_flag=True, help="Search the words exactly as typed.")
@format_options
@click.pass_context
def search(ctx, query, limit, offset, no_correct, fmt):
    """Ranked, typo-tolerant full-text search with snippets."""
    from talkwatch import output
    from talkwatch.store.search import MARK_END, MARK_START, search as run_search, strip_marks

    text = " ".join(query)
    conn = _reader(ctx)
    res = run_search(conn, text, limit=limit, offset=offset, correct=not no_correct)
    if res.corrected:
        fixes = ", ".join(f"{a} -> {b}" for a, b in res.corrected.items())
        click.echo(f"showing results for corrected words: {fixes} (use --no-correct to search as typed)", err=True)
    rows = []
    for h in res.hits:
        rows.append({
            "uid": h.uid, "title": h.title, "published": h.published, "source": h.source,
            "score": h.score, "snippet": h.snippet, "corrected": res.corrected or None,
        })
    if fmt in ("json", "jsonl", "csv"):
        for r in rows:
            r["snippet"] = strip_marks(r["snippet"])
        _emit(rows, fmt, SEARCH_FIELDS)
        return
    if not rows:
        click.echo("no matches" + (f" for {output.clean(text)!r}" if text else ""), err=True)
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
        snippet = output.fit_marked(output.clean(r["snippet"]), max(10, width - 4), (MARK_START, MARK_END), color, pad=False)
        out.write(f"    {snippet}\n")
        uid_line = f"    {output.clean(r['uid'])}"
        out.write((output.DIM + uid_line + output.RESET if color else uid_line) + "\n")
    more = "+" if res.more else ""
    click.echo(f"{len(rows)} shown of {res.total}{more} matches ({res.elapsed_ms:.0f} ms)", err=True)


def _emit(rows, fmt, fields, table_columns=None, flex=None):
    from talkwatch import output

    if fmt == "json":
        output.write_json(rows)
    elif fmt == "jsonl":
        output.write_jsonl(rows)
    elif fmt == "csv":
        output.write_csv(rows, fields)
    else:
        output.write_table(rows, table_columns or [(f, f.upper()) for f in fields], flex=flex)


# ------------------------------------------------------------------ show

@cli.command(context_settings=CONTEXT)
@click.argument("uid")
@click.option("--explain", is_flag=True, help="Also show the rule and date resolution of each event.")
@format_options
@click.pass_context
def show(ctx, uid, explain, fmt):
    """One article with its metadata and events (UID as `search` and `events` print it)."""
    from talkwatch import output
    from talkwatch.store import queries

    conn = _reader(ctx)
    art = queries.article(conn, uid)
    evs = queries.events(conn, uid=art["uid"], explain=explain)
    if fmt in ("json", "jsonl"):
        doc = {k: art[k] for k in ("uid", "title", "published", "published_source", "source", "url", "body")}
        doc["duplicate_of"] = art.get("dup_of")
        doc["events"] = evs
        output.write_json(doc) if fmt == "json" else output.write_jsonl([doc])
        return
    if fmt == "csv":
        _emit(evs, "csv", queries.EVENT_FIELDS)
        return
    color = output.color_enabled()
    b = (lambda s: output.BOLD + s + output.RESET) if color else (lambda s: s)
    w = sys.stdout.write
    w(b(output.clean(art["title"])) + "\n")
    meta = [
        ("uid", art["uid"]), ("published", _published_label(art)), ("source", art["source"]),
        ("url", art["url"]), ("file", art["file"]),
    ]
    if art.get("dup_of"):
        meta.append(("near-duplicate of", art["dup_of"]))
    for k, v in meta:
        if v:
            w(f"{k:>10}: {output.clean(v)}\n")
    w("\n" + output.clean_block(art["body"]).strip() + "\n")
    w("\n" + b(f"Events ({len(evs)})") + "\n")
    if evs:
        _print_events(evs, explain)
    else:
        w("no events found in this article\n")


def _published_label(art) -> str | None:
    p = art.get("published")
    if not p:
        return "unknown"
    if art.get("published_source") == "inferred":
        return f"{p} (inferred from the text)"
    return p


EVENT_COLUMNS = [
    ("id", "ID"), ("date", "DATE"), ("dyad", "DYAD"), ("type", "TYPE"), ("status", "STATUS"),
    ("location", "WHERE"), ("mediators", "MEDIATORS"), ("sentence", "SENTENCE"),
]


def _print_events(evs, explain: bool) -> None:
    from talkwatch import output

    if not explain:
        output.write_table(evs, EVENT_COLUMNS, flex="sentence")
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
            w(f"  where/who: {output.clean(e.get('location')) or '-'}; attributed to {output.clean(e.get('attribution')) or '-'}\n")
        w(f"  coded    : PLOVER {e.get('plover')}/{e.get('plover_mode') or '-'}, CAMEO {e.get('cameo')},"
          f" Goldstein {e.get('goldstein')}\n\n")


# ------------------------------------------------------------------ events

@cli.command(context_settings=CONTEXT, epilog="""\b
Examples:
  talkwatch events --dyad pakistan-afghanistan --type TALKS
  talkwatch events --dyad IND-PAK --since 2016-01 --csv > ip.csv
  talkwatch events --article afg-pak/istanbul-round.txt --explain""")
@click.option("--dyad", metavar="A-B", help="A country pair in either order, codes or names: AFG-PAK, india-pakistan.")
@click.option("--type", "type_", metavar="TYPE", help="Event type: TALKS, VISIT, CEASEFIRE, ATTACK ...")
@click.option("--status", metavar="STATUS", help="scheduled, held, deferred, failed ...")
@click.option("--since", metavar="DATE", help="Events dated on or after DATE (2025, 2025-10, 2025-10-30).")
@click.option("--until", metavar="DATE", help="Events dated on or before DATE.")
@click.option("--article", "uid", metavar="UID", help="Events of one article.")
@click.option("-n", "--limit", type=click.IntRange(1), default=None, help="At most this many events.")
@click.option("--explain", is_flag=True, help="Show the rule, trigger and date resolution of each event.")
@click.option("--include-rejected", is_flag=True, help="Also list events an analyst rejected.")
@format_options
@click.pass_context
def events(ctx, dyad, type_, status, since, until, uid, limit, explain, include_rejected, fmt):
    """Extracted events, oldest first."""
    from talkwatch.store import queries

    for name, value in (("--since", since), ("--until", until)):
        if value:
            _check_date(value, name)
    conn = _reader(ctx)
    if fmt in ("json", "jsonl"):
        from talkwatch import output

        objs = queries.events_json(conn, dyad=dyad, type=type_, status=status, since=since, until=until,
                                   uid=uid, limit=limit, explain=explain, include_rejected=include_rejected)
        output.write_json_texts(objs, array=fmt == "json")
        return
    evs = queries.events(conn, dyad=dyad, type=type_, status=status, since=since, until=until, uid=uid,
                         limit=limit, explain=explain, include_rejected=include_rejected)
    fields = queries.EVENT_FIELDS + (queries.EXPLAIN_FIELDS if explain else [])
    if fmt:
        _emit(evs, fmt, fields)
        return
    if not evs:
        click.echo("no events", err=True)
        return
    _print_events(evs, explain)


# ------------------------------------------------------------------ TUI, demo

@cli.command(context_settings=CONTEXT)
@click.pass_context
def tui(ctx):
    """Open the terminal interface (also: `talkwatch` with no command)."""
    from talkwatch.store.db import open_db

    db = _db_path(ctx)
    open_db(db).close()  # a clear error before the screen is taken over
    try:
        from talkwatch.tui.app import run
    except ImportError as exc:
        raise TalkwatchError(f"the TUI is not available: {exc}") from None
    run(db)


@cli.command(context_settings=CONTEXT)
@click.option("--reindex", is_flag=True, help="Index the sample corpus again.")
@click.option("--no-tui", is_flag=True, help="Only index and print what was indexed.")
@click.pass_context
def demo(ctx, reindex, no_tui):
    """Open talkwatch on the bundled sample corpus (indexed on first use into its own database)."""
    from talkwatch.config import demo_db_path, sample_corpus_dir
    from talkwatch.indexer.run import index_paths

    db = Path(ctx.obj.get("db") or demo_db_path())
    try:
        corpus = sample_corpus_dir()
    except FileNotFoundError as exc:
        raise TalkwatchError(str(exc)) from None
    first = reindex or not db.exists()
    if first:
        click.echo(f"indexing the sample corpus {corpus} into {db} ...", err=True)
    # incremental: after the first run this only checks that nothing changed
    summary = index_paths(db, [str(corpus)], rebuild=reindex, reporter=_IndexReporter(quiet=True, bar=False))
    if first or summary.files_indexed or summary.removed:
        click.echo(summary.line(), err=True)
    can_tui = sys.stdin.isatty() and sys.stdout.isatty() and not no_tui
    if can_tui:
        try:
            from talkwatch.tui.app import run
        except ImportError:
            can_tui = False
        else:
            run(db)
            return
    from talkwatch.store import queries
    from talkwatch.store.db import open_db

    conn = open_db(db)
    c = queries.counts(conn)
    click.echo(f"demo database {db}: {c['articles']} articles, {c['events']} events, {c['dyads']} dyads")
    click.echo("try:")
    click.echo(f"  talkwatch --db {db} search 'istambul talks'")
    click.echo(f"  talkwatch --db {db} events --dyad pakistan-afghanistan")
    click.echo(f"  talkwatch --db {db} dyads")


def main() -> None:
    try:
        cli.main(prog_name="talkwatch")
    except BrokenPipeError:
        sys.exit(0)


# ------------------------------------------------------------------ dyads

DYAD_FIELDS = ["dyad", "status", "talks_status", "ceasefire", "next", "last_event_date", "score", "trend",
               "events", "articles", "clusters", "mediators", "spark", "as_of"]


def _next_label(n: dict | None) -> str:
    if not n:
        return ""
    bits = [n.get("date") or "date unknown", n["type"].lower()]
    if n.get("location"):
        bits.append(n["location"])
    if n.get("mediators"):
        bits.append("via " + ",".join(n["mediators"]))
    return " ".join(bits)


def _signed(v) -> str:
    return "" if v is None else f"{v:+.1f}"


@cli.command(context_settings=CONTEXT, epilog="""\b
Examples:
  talkwatch dyads
  talkwatch dyads --as-of 2025-11-01        how things stood then
  talkwatch dyads --json | jq '.[] | select(.talks_status=="scheduled")'""")
@click.option("--as-of", metavar="DATE", help="Only evidence published on or before DATE (YYYY-MM-DD).")
@format_options
@click.pass_context
def dyads(ctx, as_of, fmt):
    """One row per country pair: status, next event, score and trend, counts."""
    from talkwatch.store import queries
    from talkwatch.store.dyads import compute

    conn = _reader(ctx)
    rows = queries.dyad_summaries(conn)
    if as_of:
        _check_date(as_of)
        rows = [compute(conn, r["dyad"], as_of)[0] for r in rows]
        rows = [r for r in rows if r["events"]]
    rows.sort(key=lambda r: (-(r.get("clusters") or 0), r["dyad"]))
    if fmt:
        _emit(rows, fmt, DYAD_FIELDS)
        return
    if not rows:
        click.echo("no dyads yet: index some articles first", err=True)
        return
    table = []
    for r in rows:
        table.append({
            "dyad": r["dyad"], "status": r.get("status") or "-", "next": _next_label(r.get("next")),
            "score": "" if r.get("score") is None else f"{r['score']:+.1f}", "trend": _signed(r.get("trend")),
            "spark": r.get("spark") or "", "n": f"{r.get('clusters', 0)}/{r.get('events', 0)}/{r.get('articles', 0)}",
            "last": r.get("last_event_date") or "",
        })
    from talkwatch import output

    output.write_table(table, [("dyad", "DYAD"), ("status", "STATUS"), ("next", "NEXT"), ("last", "LAST"),
                               ("score", "SCORE"), ("trend", "TREND"), ("spark", "12 MONTHS"),
                               ("n", "CLU/EV/ART")], flex="next")


def _check_date(value: str, option: str = "--as-of") -> None:
    import re

    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value or ""):
        raise click.BadParameter(f"{value!r}: use YYYY, YYYY-MM or YYYY-MM-DD", param_hint=option)


TIMELINE_FIELDS = ["dyad", "type", "status", "date", "date_precision", "location", "mediators", "mentions",
                   "articles", "sources", "first_seen", "last_seen", "goldstein", "uid", "event_id", "sentence"]


@cli.command(context_settings=CONTEXT, epilog="""\b
Examples:
  talkwatch dyad AFG PAK
  talkwatch dyad pakistan india --as-of 2016-01-20
  talkwatch dyad AFG-PAK --json""")
@click.argument("a")
@click.argument("b", required=False)
@click.option("--as-of", metavar="DATE", help="Only evidence published on or before DATE.")
@format_options
@click.pass_context
def dyad(ctx, a, b, as_of, fmt):
    """One dyad's state and timeline: one line per event cluster, oldest first."""
    from talkwatch import output
    from talkwatch.store.dyads import timeline as dyad_timeline
    from talkwatch.store.queries import normalise_dyad

    if as_of:
        _check_date(as_of)
    name = normalise_dyad(f"{a}-{b}" if b else a)
    conn = _reader(ctx)
    summary, rows = dyad_timeline(conn, name, as_of)
    if not rows and not fmt:
        click.echo(f"no events for {name}", err=True)
        return
    timeline = [{k: r.get(k) for k in TIMELINE_FIELDS} for r in rows]
    if fmt == "json":
        output.write_json({"summary": summary, "timeline": timeline})
        return
    if fmt in ("jsonl", "csv"):
        _emit(timeline, fmt, TIMELINE_FIELDS)
        return
    color = output.color_enabled()
    line = f"{name}: {summary.get('status') or 'no status'}"
    click.echo(output.BOLD + line + output.RESET if color else line)
    if summary.get("next"):
        click.echo(f"next: {_next_label(summary['next'])}")
    if summary.get("score") is not None:
        click.echo(f"score {summary['score']:+.1f} (trend {_signed(summary.get('trend')) or 'n/a'}),"
                   f" {summary['clusters']} clusters, {summary['events']} events, {summary['articles']} articles"
                   + (f"; as of {summary['as_of']}" if summary.get("as_of") else ""))
    click.echo("")
    table = [{
        "date": r["date"] or (f"({r['first_seen']})" if r.get("first_seen") else "?"),
        "event": f"{r['type']} {r['status']}", "where": r.get("location") or "",
        "via": ",".join(r["mediators"]), "src": f"{r['sources']}", "sentence": r["sentence"],
    } for r in rows]
    output.write_table(table, [("date", "DATE"), ("event", "EVENT"), ("where", "WHERE"), ("via", "MEDIATORS"),
                               ("src", "SOURCES"), ("sentence", "FIRST REPORT")], flex="sentence")


# ------------------------------------------------------------------ corrections

@cli.command(context_settings=CONTEXT, epilog="""\b
Examples:
  talkwatch correct 3fa9c1e2b7d0 --status deferred --date 2016-01-15
  talkwatch correct 3fa9c1e2b7d0 --dyad IND-PAK
  talkwatch correct 3fa9c1e2b7d0 --reject --note "not an event: a quote about history"
  talkwatch correct 3fa9c1e2b7d0 --undo

Corrections are kept apart from extracted data, keyed by the article, sentence and rule,
so they survive re-indexing and --rebuild.""")
@click.argument("event_id")
@click.option("--type", "type_", metavar="TYPE", help="The right event type (TALKS, VISIT, ...).")
@click.option("--status", metavar="STATUS", help="The right status (scheduled, held, deferred, ...).")
@click.option("--date", metavar="DATE", help="The right date (YYYY-MM-DD, YYYY-MM, --MM-DD).")
@click.option("--dyad", metavar="A-B", help="The right country pair.")
@click.option("--location", metavar="PLACE", help="The right place.")
@click.option("--mediators", metavar="CODES", help="Comma-separated mediator codes (empty to clear).")
@click.option("--reject", is_flag=True, help="Not an event: hide it from every view and export.")
@click.option("--undo", is_flag=True, help="Remove the correction of this event.")
@click.option("--note", metavar="TEXT", help="Why (kept with the correction).")
@click.pass_context
def correct(ctx, event_id, type_, status, date, dyad, location, mediators, reject, undo, note):
    """Correct an extracted event (or reject it); the correction outlives re-indexing."""
    from talkwatch.store import corrections

    fields = {}
    if type_:
        fields["type"] = type_.upper()
    if status:
        fields["status"] = status.lower()
    if date:
        fields["date"] = date
    if dyad:
        from talkwatch.store.queries import normalise_dyad

        fields["dyad"] = normalise_dyad(dyad)
    if location is not None:
        fields["location"] = location or None
    if mediators is not None:
        fields["mediators"] = [m.strip().upper() for m in mediators.split(",") if m.strip()]
    if not fields and not reject and not undo:
        raise click.UsageError("say what to correct: --type, --status, --date, --dyad, --location, --mediators, --reject or --undo")
    from talkwatch.indexer.refresh import refresh
    from talkwatch.store.db import open_db

    db = _db_path(ctx)
    corrections.validate(fields)
    open_db(db).close()  # an existing talkwatch database, or a clear error (never a new file)
    conn = open_db(db, write=True)
    try:
        msg = corrections.record(conn, event_id, fields, reject=reject, undo=undo, note=note)
        refresh(conn)
    finally:
        conn.close()
    click.echo(msg, err=True)


@cli.command("corrections", context_settings=CONTEXT)
@format_options
@click.pass_context
def corrections_cmd(ctx, fmt):
    """The analyst corrections on record (also those whose article has gone)."""
    from talkwatch.store import corrections

    rows = corrections.listing(_reader(ctx))
    fields = ["event_id", "uid", "fields", "reject", "note", "created_at", "state", "sentence"]
    if fmt:
        _emit(rows, fmt, fields)
        return
    if not rows:
        click.echo("no corrections", err=True)
        return
    table = [dict(r, fields=", ".join(f"{k}={v}" for k, v in (r["fields"] or {}).items()) or ("rejected" if r["reject"] else ""))
             for r in rows]
    from talkwatch import output

    output.write_table(table, [("event_id", "EVENT"), ("state", "STATE"), ("fields", "CORRECTION"), ("uid", "ARTICLE"),
                               ("note", "NOTE"), ("sentence", "SENTENCE")], flex="sentence")


# ------------------------------------------------------------------ eval

@cli.command("eval", context_settings=CONTEXT, epilog="""\b
GOLD is a JSON-lines file, one expected event per line:
  {"uid": "afg-pak/istanbul.txt", "type": "TALKS", "dyad": "AFG-PAK", "status": "scheduled",
   "date": "2025-11-06", "location": "Istanbul", "mediators": ["QAT", "TUR"]}
An extracted event matches a gold one with the same article, type and dyad.""")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--verbose", "-v", is_flag=True, help="List every miss and every extra event.")
@format_options
@click.pass_context
def eval_cmd(ctx, gold, verbose, fmt):
    """Recall, precision, status and date accuracy against a gold file."""
    from talkwatch.analysis.evaluate import evaluate, gold_articles, load_gold
    from talkwatch import output
    from talkwatch.store import queries

    conn = _reader(ctx)
    golden = load_gold(gold)
    report = evaluate(golden, {uid: queries.events(conn, uid=uid) for uid in gold_articles(golden)})
    if fmt:
        output.write_json(report) if fmt == "json" else output.write_jsonl([report])
        return
    w = sys.stdout.write
    w(f"gold events {report['gold']}, extracted in those articles {report['extracted']}, matched {report['matched']}\n")
    w(f"recall {report['recall']:.1%}  precision {report['precision']:.1%}  "
      f"status accuracy {report['status_accuracy']:.1%}  date accuracy {report['date_accuracy']:.1%}\n")
    w(f"{'type':14} {'gold':>5} {'found':>6} {'recall':>7}\n")
    for t, c in sorted(report["per_type"].items()):
        w(f"{t:14} {c['gold']:5d} {c['found']:6d} {c['found'] / max(1, c['gold']):7.1%}\n")
    if verbose:
        for m in report["misses"]:
            w(f"MISS  {m['uid']}  {m['type']} {m['dyad']} {m.get('status')} {m.get('date')}\n")
        for x in report["extras"]:
            w(f"EXTRA {x['uid']}  {x['type']} {x['dyad']} {x['status']} {x.get('date')}: {output.clean(x['sentence'])[:100]}\n")
        for m in report["wrong"]:
            w(f"WRONG {m['uid']}  {m['type']} {m['dyad']}: {m['what']}\n")
