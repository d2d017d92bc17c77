"""Opening the talkwatch database: schema, migrations, pragmas, and clear errors.

Readers use plain ``sqlite3`` connections (fast to open: a one-liner must start quickly);
the schema is created and migrated through sqlite-utils in the writer path only.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from talkwatch.errors import MissingDatabase, Unavailable
from talkwatch.store import schema

SCHEMA_VERSION = 3
APP_ID = 0x74776174  # "twat" in PRAGMA application_id marks our files
BUSY_TIMEOUT_MS = 15000

FTS_TOKENIZE = "porter unicode61 remove_diacritics 2"

# Each entry migrates from version N-1 to N. Version 1 is the initial schema.
SCHEMA_V1 = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    root TEXT NOT NULL,
    size INTEGER,
    mtime REAL,
    hash TEXT,
    articles INTEGER DEFAULT 0,
    warnings TEXT,
    indexed_at TEXT
);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    file TEXT NOT NULL,
    title TEXT,
    body TEXT,
    published TEXT,
    published_precision TEXT,
    published_source TEXT,
    published_how TEXT,
    source TEXT,
    url TEXT,
    hash TEXT,
    words INTEGER,
    dup_of TEXT,
    sketch TEXT,
    indexed_at TEXT
);
CREATE INDEX IF NOT EXISTS articles_file ON articles(file);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE INDEX IF NOT EXISTS articles_hash ON articles(hash);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source);
CREATE TABLE IF NOT EXISTS article_keys (key INTEGER NOT NULL, article_id INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS article_keys_key ON article_keys(key);
CREATE INDEX IF NOT EXISTS article_keys_article ON article_keys(article_id);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, body, content='articles', content_rowid='id', tokenize='{FTS_TOKENIZE}'
);
CREATE TRIGGER IF NOT EXISTS articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER IF NOT EXISTS articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER IF NOT EXISTS articles_au AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TABLE IF NOT EXISTS vocab (
    word TEXT PRIMARY KEY,
    df INTEGER NOT NULL,
    len INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS vocab_len ON vocab(len, df);
CREATE TABLE IF NOT EXISTS events (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    article_id INTEGER NOT NULL,
    uid TEXT NOT NULL,
    seq INTEGER,
    fingerprint TEXT NOT NULL,
    type TEXT, status TEXT, plover TEXT, plover_mode TEXT, cameo TEXT, goldstein REAL,
    actors TEXT, recipients TEXT, mediators TEXT, dyad TEXT,
    location TEXT,
    date TEXT, date_precision TEXT, date_source TEXT, date_text TEXT, date_how TEXT,
    sort_date TEXT,
    attribution TEXT,
    sentence TEXT, start INTEGER, "end" INTEGER,
    rule TEXT, trigger TEXT, trigger_start INTEGER, trigger_end INTEGER,
    cluster INTEGER
);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
CREATE INDEX IF NOT EXISTS events_dyad ON events(dyad, sort_date);
CREATE INDEX IF NOT EXISTS events_dyad_article ON events(dyad, article_id);
CREATE INDEX IF NOT EXISTS events_type_article ON events(type, article_id);
CREATE INDEX IF NOT EXISTS events_sort ON events(sort_date);
CREATE INDEX IF NOT EXISTS events_cluster ON events(cluster);
CREATE INDEX IF NOT EXISTS events_fp ON events(fingerprint);
CREATE TABLE IF NOT EXISTS clusters (
    id INTEGER PRIMARY KEY,
    dyad TEXT, type TEXT, status TEXT,
    date TEXT, date_precision TEXT, sort_date TEXT,
    location TEXT, mediators TEXT,
    mentions INTEGER, articles INTEGER, sources INTEGER,
    first_seen TEXT, last_seen TEXT,
    goldstein REAL,
    sentence TEXT, uid TEXT, event_id TEXT
);
CREATE INDEX IF NOT EXISTS clusters_dyad ON clusters(dyad, sort_date);
CREATE TABLE IF NOT EXISTS dyads (
    dyad TEXT PRIMARY KEY,
    summary TEXT,
    updated_at TEXT
);
CREATE TABLE IF NOT EXISTS dirty_dyads (dyad TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS corrections (
    fingerprint TEXT PRIMARY KEY,
    event_id TEXT,
    uid TEXT,
    sentence TEXT,
    rule TEXT,
    fields TEXT,
    reject INTEGER DEFAULT 0,
    note TEXT,
    created_at TEXT
);
"""

# Version 2: events lose the columns they repeated (id = the fingerprint's first 12
# characters, uid = the article's) and their unique index on id; articles lose an index
# no query used (on the content hash). Random keys (a hash per event) made every write
# transaction rewrite pages all over two large indexes: 37x write amplification at
# 100,000 articles. The indexes a bulk run drops and rebuilds (BULK_INDEXES) are apart.
EVENTS_TABLE = """
CREATE TABLE IF NOT EXISTS events (
    rowid INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL,
    seq INTEGER,
    fingerprint TEXT NOT NULL,
    type TEXT, status TEXT, plover TEXT, plover_mode TEXT, cameo TEXT, goldstein REAL,
    actors TEXT, recipients TEXT, mediators TEXT, dyad TEXT,
    location TEXT,
    date TEXT, date_precision TEXT, date_source TEXT, date_text TEXT, date_how TEXT,
    sort_date TEXT,
    attribution TEXT,
    start INTEGER, "end" INTEGER,
    rule TEXT, trigger TEXT, trigger_start INTEGER, trigger_end INTEGER,
    cluster INTEGER
);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
"""
# the v2 columns as the 1 -> 2 migration copies them (frozen: a migration is history; columns
# added to the Event dataclass later are added by schema.add_missing_columns)
_V2_EVENT_COLUMNS = ("rowid, article_id, seq, fingerprint, type, status, plover, plover_mode, cameo, goldstein,"
                 " actors, recipients, mediators, dyad, location, date, date_precision, date_source, date_text,"
                 ' date_how, sort_date, attribution, start, "end", rule, trigger, trigger_start, trigger_end, cluster')
# secondary indexes a large `index` run drops first and builds again at its end (a sort
# instead of a random insert per row); a run killed in between leaves them to the next
BULK_INDEXES = {
    "events_dyad": "CREATE INDEX IF NOT EXISTS events_dyad ON events(dyad, sort_date)",
    "events_fp": "CREATE INDEX IF NOT EXISTS events_fp ON events(fingerprint)",
    "events_sort": "CREATE INDEX IF NOT EXISTS events_sort ON events(sort_date)",
    "events_cluster": "CREATE INDEX IF NOT EXISTS events_cluster ON events(cluster)",
    "events_dyad_article": "CREATE INDEX IF NOT EXISTS events_dyad_article ON events(dyad, article_id)",
    "events_type_article": "CREATE INDEX IF NOT EXISTS events_type_article ON events(type, article_id)",
}
MIGRATE_V2 = f"""
DROP INDEX IF EXISTS events_article;
DROP INDEX IF EXISTS events_dyad;
DROP INDEX IF EXISTS events_dyad_article;
DROP INDEX IF EXISTS events_type_article;
DROP INDEX IF EXISTS events_sort;
DROP INDEX IF EXISTS events_cluster;
DROP INDEX IF EXISTS events_fp;
DROP INDEX IF EXISTS articles_hash;
ALTER TABLE events RENAME TO events_v1;
{EVENTS_TABLE}
INSERT INTO events({_V2_EVENT_COLUMNS}) SELECT {_V2_EVENT_COLUMNS} FROM events_v1;
DROP TABLE events_v1;
""" + ";\n".join(BULK_INDEXES.values()) + ";\n"

# Version 3: the dyads an analyst follows (kept like corrections: --rebuild leaves them), and
# an index on when each article was indexed (`talkwatch changes`: what came in since a date).
# Every dyad is marked for a refresh: a near-duplicate now counts once as a source.
MIGRATE_V3 = """
CREATE TABLE IF NOT EXISTS followed (dyad TEXT PRIMARY KEY, since TEXT);
CREATE INDEX IF NOT EXISTS articles_indexed_at ON articles(indexed_at);
INSERT OR IGNORE INTO dirty_dyads(dyad) SELECT dyad FROM dyads;
"""
ADDS_TABLES_ONLY = {3}      # a read-only database one of these behind is read as it is

MIGRATIONS: dict[int, str] = {1: SCHEMA_V1, 2: MIGRATE_V2, 3: MIGRATE_V3}


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    if readonly:
        from urllib.parse import quote

        uri = f"file:{quote(str(path.resolve()))}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            # a WAL database in a folder we cannot write (no -shm can be made): read it as
            # immutable; `index` checkpoints at the end, so the main file holds everything
            conn.close()
            conn = sqlite3.connect(uri + "&immutable=1", uri=True, check_same_thread=False,
                                   timeout=BUSY_TIMEOUT_MS / 1000)
    else:
        conn = sqlite3.connect(str(path), check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def _check_header(path: Path) -> None:
    """Refuse files that are not SQLite before sqlite3 gets to them."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except PermissionError:
        raise Unavailable(f"cannot read database {path}: permission denied") from None
    except OSError as exc:
        raise Unavailable(f"cannot read database {path}: {exc.strerror or exc}") from None
    if head and head != b"SQLite format 3\x00":
        raise Unavailable(f"{path} is not a talkwatch database (not an SQLite file); nothing was changed")


def _check_ours(conn: sqlite3.Connection, path: Path) -> int:
    """Return the schema version of a talkwatch database; raise for foreign or newer ones."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        raise Unavailable(f"{path} is not a usable SQLite database ({exc}); nothing was changed") from None
    if not tables:
        return 0
    if app_id != APP_ID or "meta" not in tables:
        raise Unavailable(
            f"{path} is an SQLite database of another program, not talkwatch's; nothing was changed"
        )
    row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    version = int(row[0]) if row else 0
    if version > SCHEMA_VERSION:
        raise Unavailable(
            f"{path} was written by a newer talkwatch (schema {version}, this one knows {SCHEMA_VERSION}); "
            "upgrade talkwatch to use it"
        )
    return version


def open_db(path: str | os.PathLike, *, write: bool = False) -> sqlite3.Connection:
    """Open a talkwatch database.

    Readers (``write=False``) need an existing database and fall back to read-only mode when
    the file or its folder cannot be written. Writers create and migrate the schema.
    """
    path = Path(path)
    exists = path.exists()
    if exists and path.is_dir():
        raise Unavailable(f"{path} is a folder, not a database file")
    if not write:
        if not exists:
            raise MissingDatabase(
                f"no database at {path}: run `talkwatch index FOLDER` first (or pass --db / set TALKWATCH_DB)"
            )
        _check_header(path)
        readonly = not _writable(path)
        conn = _connect(path, readonly=readonly)
        version = _check_ours(conn, path)
        if version == 0:
            raise Unavailable(f"{path} is an empty database: run `talkwatch index FOLDER` first")
        if version < SCHEMA_VERSION or schema.missing_columns(conn):
            if readonly and set(range(version + 1, SCHEMA_VERSION + 1)) <= ADDS_TABLES_ONLY \
                    and not schema.missing_columns(conn):
                _reader_pragmas(conn)       # the new tables are read as empty (see store.follow)
                return conn
            if readonly:
                raise Unavailable(f"{path} needs an upgrade (schema {version}) but is read-only")
            conn.close()
            conn = open_db(path, write=True)
        _reader_pragmas(conn)
        return conn

    if exists:
        _check_header(path)
        if not _writable(path):
            raise Unavailable(f"{path} is read-only: cannot index into it (reading still works)")
    else:
        parent = path.parent if str(path.parent) else Path(".")
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise Unavailable(f"cannot create folder {parent}: {exc.strerror or exc}") from None
        if not os.access(parent, os.W_OK):
            raise Unavailable(f"cannot create database in {parent}: folder is not writable")
    try:
        conn = _connect(path, readonly=False)
        version = _check_ours(conn, path)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA recursive_triggers = ON")
        conn.execute("PRAGMA foreign_keys = OFF")
        if version == 0:
            # before any table exists: 16 KB pages keep 2-4 KB articles inline (no half-empty overflow pages)
            conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("PRAGMA page_size = 16384")
            conn.execute("VACUUM")
            conn.execute("PRAGMA journal_mode = WAL")
        if version < SCHEMA_VERSION:
            migrate(conn, version)
        if schema.missing_columns(conn):
            with conn:                 # fields added to Event since this database was written
                schema.add_missing_columns(conn)
    except sqlite3.OperationalError as exc:
        raise Unavailable(f"cannot open database {path}: {exc}") from None
    return conn


def _reader_pragmas(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA cache_size = -32000")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA mmap_size = 67108864")


def _writable(path: Path) -> bool:
    folder = path.parent if str(path.parent) else Path(".")
    # WAL needs to create -wal/-shm files beside the database.
    return os.access(path, os.W_OK) and os.access(folder, os.W_OK)


def migrate(conn: sqlite3.Connection, current: int) -> None:
    """Bring the schema from ``current`` up to SCHEMA_VERSION, one step per transaction."""
    import sqlite_utils  # the writer path only: keeps one-liners light

    db = sqlite_utils.Database(conn)
    for version in range(current + 1, SCHEMA_VERSION + 1):
        with conn:
            for statement in _split_sql(MIGRATIONS[version]):
                conn.execute(statement)
            db["meta"].upsert({"key": "schema_version", "value": str(version)}, pk="key")
    conn.execute(f"PRAGMA application_id = {APP_ID}")
    conn.commit()


def _split_sql(script: str) -> list[str]:
    """Split a schema script into statements (triggers contain semicolons)."""
    out, buf = [], []
    for line in script.splitlines():
        buf.append(line)
        joined = "\n".join(buf).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            out.append(joined)
            buf = []
    tail = "\n".join(buf).strip()
    if tail:
        out.append(tail)
    return out


def get_meta(conn: sqlite3.Connection, key: str, default: str | None = None) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else default


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def drop_bulk_indexes(conn: sqlite3.Connection) -> None:
    """Before a large write: drop the secondary indexes that ensure_indexes() builds again."""
    with conn:
        for name in BULK_INDEXES:
            conn.execute(f"DROP INDEX IF EXISTS {name}")


def ensure_indexes(conn: sqlite3.Connection) -> None:
    """Every secondary index in place (after a bulk write, or one that was killed)."""
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    missing = [sql for name, sql in BULK_INDEXES.items() if name not in have]
    if missing:
        with conn:
            for sql in missing:
                conn.execute(sql)
