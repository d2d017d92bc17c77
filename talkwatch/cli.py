"""The talkwatch command line: the commands and their options, nothing more.

Each command is a thin call into the library (talkwatch.library) and hands what it gets to
render.py, which decides how it looks. Imports stay light: no Textual here (the TUI loads
lazily, inside the tui and demo commands), the library and the rest load when a command runs.
"""
from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import click

from talkwatch import __version__
from talkwatch.errors import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_USAGE, MissingDatabase, TalkwatchError, UnknownValue

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class Failure(click.ClickException):
    """A one-line runtime error, exit code 1."""

    exit_code = EXIT_ERROR

    def show(self, file=None):
        from talkwatch.output import clean

        click.echo(f"talkwatch: error: {clean(self.message)}", err=True)


class UsageFailure(click.UsageError):
    """A value that names nothing talkwatch knows (a type, a dyad, an article): one line, exit 2."""

    exit_code = EXIT_USAGE

    def show(self, file=None):
        from talkwatch.output import clean

        click.echo(f"talkwatch: error: {clean(self.message)}", err=True)


class Group(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except UnknownValue as exc:
            raise UsageFailure(str(exc)) from None
        except MissingDatabase as exc:
            raise Failure(f"{exc}; {_demo_hint()}") from None
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
                # `talkwatch search x | head`: the reader left; not an error
                try:
                    sys.stdout = open(os.devnull, "w")
                except OSError:
                    pass
                ctx.exit(0)
            raise Failure(f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else "")) from None
        except Exception as exc:
            if os.environ.get("TALKWATCH_DEBUG"):
                raise
            raise Failure(f"internal error: {type(exc).__name__}: {exc} (set TALKWATCH_DEBUG=1 to see where)") from None


def _demo_hint() -> str:
    from talkwatch.config import demo_db_path

    demo = demo_db_path()
    if demo.exists():
        return f"the demo's database is {demo}: talkwatch --db {demo} COMMAND (or set TALKWATCH_DB)"
    return f"or try `talkwatch demo`, which indexes the bundled sample corpus into {demo}"


def _format_flag(ctx, param, value):
    """--json, --jsonl, --csv: one at most (two are a usage error, not a silent choice)."""
    ctx.params.setdefault("fmt", None)
    if value:
        name = param.name.removeprefix("fmt_")
        if ctx.params["fmt"] not in (None, name):
            raise click.UsageError(f"choose one output format: --{ctx.params['fmt']} or --{name}", ctx=ctx)
        ctx.params["fmt"] = name
    return value


def format_options(f):
    for name, text in (("csv", "Comma-separated values with a header row."), ("jsonl", "One JSON object per line."),
                       ("json", "A JSON array.")):
        f = click.option(f"--{name}", f"fmt_{name}", is_flag=True, expose_value=False, callback=_format_flag,
                         help=text)(f)
    return f


def _db_given(ctx, param, value):
    """--db after the command (`talkwatch events --db F`) counts as much as before it."""
    if value:
        ctx.ensure_object(dict)["db"] = value
    return value


def _complete_types(ctx, param, incomplete):
    from talkwatch.library import event_types

    return [t.name for t in event_types() if t.name.startswith(incomplete.upper())]


def _complete_statuses(ctx, param, incomplete):
    from talkwatch.library import statuses

    return [s.name for s in statuses() if s.name.startswith(incomplete.lower())]


def _db_path(ctx) -> Path:
    from talkwatch.config import resolve_db

    return resolve_db(ctx.obj.get("db"))


def _library(ctx):
    from talkwatch.library import Library

    return Library(_db_path(ctx))


def _check_date(value: str, option: str = "--as-of") -> None:
    from talkwatch.library import date_problem

    problem = date_problem(value, reduced=False)
    if problem:
        raise click.BadParameter(problem, param_hint=option)


@click.group(cls=Group, context_settings=CONTEXT, invoke_without_command=True,
             epilog="""\b
Examples:
  talkwatch demo                              open the TUI on the bundled sample corpus
  talkwatch index ~/news                      index a folder (again: only changes are read)
  talkwatch search 'istambul talks'           typo-tolerant search, ranked, with snippets
  talkwatch events --dyad pakistan-afghanistan --json | jq .
  talkwatch dyads                             where each country pair stands
  talkwatch dyad AFG PAK                      one pair's timeline

The database is --db PATH (before or after the command), else $TALKWATCH_DB, else a file
in your user data folder; `talkwatch demo` keeps its own (demo.db in the same folder).
Shell completion (bash): eval "$(_TALKWATCH_COMPLETE=bash_source talkwatch)";
zsh_source and fish_source for zsh and fish.""")
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
            if not _db_path(ctx).exists():
                click.echo(f"\nNo database at {_db_path(ctx)} yet: `talkwatch index FOLDER` makes one; {_demo_hint()}.")


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
    from talkwatch import render

    reporter = render.IndexReporter(quiet)
    try:
        summary = _library(ctx).index(paths, rebuild=rebuild, workers=workers, reporter=reporter, wait=not no_wait)
    finally:
        reporter.close()
    if summary.interrupted:
        render.message(f"talkwatch: interrupted; {summary.line()} (run again to finish)")
        ctx.exit(EXIT_INTERRUPTED)
    render.message(summary.line())
    if strict and summary.skipped:
        ctx.exit(EXIT_ERROR)


# ------------------------------------------------------------------ search

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

A word missing from the corpus is corrected to the nearest known word (two edits for words
of five letters or more, one for four) and the correction is reported (stderr; the
`corrected` field in JSON). A word with no such neighbour is left out and reported too
("ignored: guy"; the `ignored` field). U.S., Israel-Gaza and al-Qaeda are read as words.""")
@click.argument("query", nargs=-1)
@click.option("-n", "--limit", type=click.IntRange(1, 10000), default=20, show_default=True, help="Results to show.")
@click.option("--offset", type=click.IntRange(0), default=0, help="Skip this many results (paging).")
@click.option("--no-correct", is_flag=True, help="Search the words exactly as typed.")
@format_options
@click.pass_context
def search(ctx, query, limit, offset, no_correct, fmt):
    """Ranked, typo-tolerant full-text search with snippets."""
    from talkwatch import render

    render.search(_library(ctx).search(" ".join(query), limit=limit, offset=offset, correct=not no_correct), fmt)


# ------------------------------------------------------------------ show

@cli.command(context_settings=CONTEXT)
@click.argument("uid")
@click.option("--explain", is_flag=True, help="Also show the rule and date resolution of each event.")
@format_options
@click.pass_context
def show(ctx, uid, explain, fmt):
    """One article with its metadata and events (UID as `search` and `events` print it)."""
    from talkwatch import render

    from talkwatch.errors import NotFound

    lib = _library(ctx)
    try:
        art = lib.article(uid)
    except NotFound as exc:
        raise UsageFailure(str(exc)) from None
    render.article(art, lib.events(uid=art.uid, explain=explain), explain, fmt)


# ------------------------------------------------------------------ events

@cli.command(context_settings=CONTEXT, epilog="""\b
Examples:
  talkwatch events --dyad pakistan-afghanistan --type TALKS
  talkwatch events --dyad IND-PAK --since 2016-01 --csv > ip.csv
  talkwatch events --article afg-pak/istanbul-round-ends-without-deal.md --explain
  talkwatch events --cluster 12            every report of one event (`cluster` in dyad --json)""")
@click.option("--dyad", metavar="A-B", help="A country pair in either order, codes or names: AFG-PAK, india-pakistan.")
@click.option("--type", "type_", metavar="TYPE", shell_complete=_complete_types,
              help="Event type: TALKS, VISIT, CEASEFIRE, ATTACK ... (`talkwatch types`).")
@click.option("--status", metavar="STATUS", shell_complete=_complete_statuses,
              help="scheduled, held, deferred, failed ... (`talkwatch types`).")
@click.option("--since", metavar="DATE", help="Events dated on or after DATE (2025, 2025-10, 2025-10-30).")
@click.option("--until", metavar="DATE", help="Events dated on or before DATE.")
@click.option("--article", "uid", metavar="UID", help="Events of one article.")
@click.option("--cluster", type=int, metavar="ID", help="The events of one cluster: every report of one event.")
@click.option("-n", "--limit", type=click.IntRange(1), default=None, help="At most this many events.")
@click.option("--explain", is_flag=True, help="Show the rule, trigger and date resolution of each event.")
@click.option("--include-rejected", is_flag=True, help="Also list events an analyst rejected.")
@format_options
@click.pass_context
def events(ctx, dyad, type_, status, since, until, uid, cluster, limit, explain, include_rejected, fmt=None):
    """Extracted events, oldest first."""
    from talkwatch import render

    for name, value in (("--since", since), ("--until", until)):
        if value:
            _check_date(value, name)
    lib = _library(ctx)
    checked = lib.check_filters(type=type_, status=status, dyad=dyad, uid=uid, cluster=cluster)
    filters = dict(dyad=dyad, type=type_, status=status, since=since, until=until, uid=uid, limit=limit,
                   explain=explain, include_rejected=include_rejected, cluster=cluster)
    filters.update(checked)
    if fmt in ("json", "jsonl"):
        render.json_texts(lib.events_json(**filters), fmt)
        return
    render.event_list(lib.events(**filters), explain, fmt)


# ------------------------------------------------------------------ TUI, demo

@cli.command(context_settings=CONTEXT)
@click.pass_context
def tui(ctx):
    """Open the terminal interface (also: `talkwatch` with no command)."""
    db = _db_path(ctx)
    _library(ctx).check()  # a clear error before the screen is taken over
    try:
        from talkwatch.tui.app import run
    except ImportError as exc:
        raise TalkwatchError(f"the TUI is not available: {exc}") from None
    from talkwatch.config import settings_path

    run(db, settings_path())


@cli.command(context_settings=CONTEXT)
@click.option("--reindex", is_flag=True, help="Index the sample corpus again.")
@click.option("--no-tui", is_flag=True, help="Only index and print what was indexed.")
@click.pass_context
def demo(ctx, reindex, no_tui):
    """Open talkwatch on the bundled sample corpus (indexed on first use into its own database)."""
    from talkwatch import render
    from talkwatch.config import demo_db_path, sample_corpus_dir
    from talkwatch.library import Library

    db = Path(ctx.obj.get("db") or demo_db_path())
    try:
        corpus = sample_corpus_dir()
    except FileNotFoundError as exc:
        raise TalkwatchError(str(exc)) from None
    lib = Library(db)
    first = reindex or not db.exists()
    if first:
        render.message(f"indexing the sample corpus {corpus} into {db} ...")
    # incremental: after the first run this only checks that nothing changed
    summary = lib.index([str(corpus)], rebuild=reindex, reporter=render.IndexReporter(quiet=True, bar=False))
    if first or summary.files_indexed or summary.removed:
        render.message(summary.line())
    can_tui = sys.stdin.isatty() and sys.stdout.isatty() and not no_tui
    if can_tui:
        try:
            from talkwatch.tui.app import run
        except ImportError:
            can_tui = False
        else:
            from talkwatch.config import settings_path

            run(db, settings_path())
            return
    render.demo_hints(db, lib.counts())


def main() -> None:
    try:
        cli.main(prog_name="talkwatch")
    except BrokenPipeError:
        sys.exit(0)


# ------------------------------------------------------------------ dyads

@cli.command(context_settings=CONTEXT, epilog="""\b
Examples:
  talkwatch dyads
  talkwatch dyads --as-of 2025-11-01        how things stood then
  talkwatch dyads --json | jq '.[] | select(.talks_status=="scheduled")'""")
@click.option("--as-of", metavar="DATE", help="Only evidence published on or before DATE (YYYY-MM-DD).")
@click.option("--followed", is_flag=True, help="Only the dyads you follow (`talkwatch follow`, f in the TUI).")
@format_options
@click.pass_context
def dyads(ctx, as_of, followed, fmt):
    """One row per country pair, the followed ones first: status, next event, score and trend, counts."""
    from talkwatch import render

    if as_of:
        _check_date(as_of)
    rows = _library(ctx).dyads(as_of=as_of, followed=followed)
    if followed and not rows and not fmt:
        render.message("you follow no dyad yet: `talkwatch follow AFG-PAK` (or f in the TUI's dyads pane)")
        return
    render.dyads(rows, fmt)


@cli.command(context_settings=CONTEXT, epilog="""\b
Examples:
  talkwatch dyad AFG PAK
  talkwatch dyad pakistan india --as-of 2016-01-20
  talkwatch dyad AFG-PAK --json
  talkwatch dyad KGZ TJK --explain        which reports decided the talks, the truce, what is next""")
@click.argument("a")
@click.argument("b", required=False)
@click.option("--as-of", metavar="DATE", help="Only evidence published on or before DATE.")
@click.option("--explain", is_flag=True,
              help="Say which event cluster and which reports decided each part of the summary.")
@format_options
@click.pass_context
def dyad(ctx, a, b, as_of, explain, fmt):
    """One dyad's state and timeline: one line per event cluster, oldest first."""
    from talkwatch import render

    if as_of:
        _check_date(as_of)
    lib = _library(ctx)
    name = lib.check_dyad(f"{a}-{b}" if b else a)
    render.dyad(lib.dyad(name, as_of=as_of, explain=explain, reports=bool(fmt)), fmt)


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
@click.option("--type", "type_", metavar="TYPE", shell_complete=_complete_types,
              help="The right event type (TALKS, VISIT, ...: see `talkwatch types`).")
@click.option("--status", metavar="STATUS", shell_complete=_complete_statuses,
              help="The right status (scheduled, held, deferred, ...: see `talkwatch types`).")
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
    from talkwatch import render
    from talkwatch.library import normalise_dyad

    fields = {}
    if type_:
        fields["type"] = type_.upper()
    if status:
        fields["status"] = status.lower()
    if date:
        fields["date"] = date          # read against the calendar where it is stored
    if dyad:
        fields["dyad"] = normalise_dyad(dyad)
    if location is not None:
        fields["location"] = location or None
    if mediators is not None:
        fields["mediators"] = [m.strip().upper() for m in mediators.split(",") if m.strip()]
    if not fields and not reject and not undo:
        raise click.UsageError("say what to correct: --type, --status, --date, --dyad, --location, --mediators, --reject or --undo")
    render.message(_library(ctx).correct(event_id, fields, reject=reject, undo=undo, note=note))


@cli.command("corrections", context_settings=CONTEXT)
@format_options
@click.pass_context
def corrections_cmd(ctx, fmt):
    """The analyst corrections on record (also those whose article has gone)."""
    from talkwatch import render

    render.corrections(_library(ctx).corrections(), fmt)


@cli.command("types", context_settings=CONTEXT, epilog="""\b
Examples:
  talkwatch types
  talkwatch types --json | jq -r '.statuses[].status'

The choices of `talkwatch correct --type` and `--status`; docs/ONTOLOGY.md explains them.""")
@click.option("--json", "fmt", flag_value="json", help="One JSON document: {types: [...], statuses: [...]}.")
def types_cmd(fmt):
    """The event types (with their PLOVER, CAMEO and Goldstein codes) and the statuses."""
    from talkwatch import render
    from talkwatch.library import event_types, statuses

    render.types(event_types(), statuses(), fmt)


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
    from talkwatch import render

    render.evaluation(_library(ctx).evaluate(gold), verbose, fmt)


# ------------------------------------------------------------------ followed dyads, changes

@cli.command(context_settings=CONTEXT, epilog="""\b
Examples:
  talkwatch follow AFG PAK
  talkwatch follow india-pakistan
  talkwatch follow AFG-PAK --undo          stop following it""")
@click.argument("a")
@click.argument("b", required=False)
@click.option("--undo", is_flag=True, help="Stop following the dyad.")
@click.pass_context
def follow(ctx, a, b, undo):
    """Follow a dyad: it comes first in `dyads` and the TUI; `dyads --followed`, `changes --followed`."""
    from talkwatch import render

    lib = _library(ctx)
    name = lib.check_dyad(f"{a}-{b}" if b else a)
    changed = lib.follow(name, not undo)
    if undo:
        render.message(f"no longer following {name}" if changed else f"{name} was not followed")
    else:
        render.message(f"following {name}" if changed else f"already following {name}")


@cli.command(context_settings=CONTEXT, epilog="""\b
Examples:
  talkwatch changes                        what the last index run brought
  talkwatch changes --since 2025-11-05     what came in since that day
  talkwatch changes --followed --json      only the dyads you follow, as data

For each dyad with new evidence: new clusters (events reported for the first time), and
changes of its talks status (talks: scheduled -> failed), ceasefire and next event. "Since"
is when articles were indexed: an article indexed again because its file changed counts.""")
@click.option("--since", metavar="DATE", help="Evidence indexed on or after DATE (default: the last index run).")
@click.option("--followed", is_flag=True, help="Only the dyads you follow.")
@format_options
@click.pass_context
def changes(ctx, since, followed, fmt):
    """What moved per dyad since a date, or since the last index run."""
    from talkwatch import render

    if since:
        _check_date(since, "--since")
    render.changes(_library(ctx).changes(since=since, followed=followed), fmt)


# ------------------------------------------------------------------ serve

@cli.command(context_settings=CONTEXT, epilog="""\b
Examples:
  talkwatch serve                          http://127.0.0.1:8000 (this machine only)
  talkwatch serve --port 9000
  talkwatch serve --host 0.0.0.0           on every interface: anyone who can reach it reads the database

Needs the serve extra: pip install 'talkwatch[serve]'. Each browser tab runs its own TUI.""")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.pass_context
def serve(ctx, host, port):
    """The TUI in a web browser (textual-serve), for colleagues without SSH."""
    import shlex

    from talkwatch import render

    db = _db_path(ctx)
    _library(ctx).check()          # a clear error now, not in every browser tab
    try:
        from textual_serve.server import Server
    except ImportError:
        raise TalkwatchError("`talkwatch serve` needs the serve extra: pip install 'talkwatch[serve]'") from None
    command = " ".join(shlex.quote(a) for a in (sys.executable, "-m", "talkwatch", "--db", str(db), "tui"))
    render.message(f"serving talkwatch on {db} at http://{host}:{port}/ (ctrl+c stops)")
    Server(command, host=host, port=port, title=f"talkwatch · {db.name}").serve()


# ------------------------------------------------------------------ --db on every command

for _command in cli.commands.values():
    _command.params.append(click.Option(["--db"], metavar="PATH", expose_value=False, callback=_db_given,
                                        is_eager=True, help="Database file (also accepted before the command)."))
