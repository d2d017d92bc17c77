"""talkwatch benchmarks: one entry point, one table.

    python benchmarks/run.py --quick                 # 2,000 articles, while developing
    python benchmarks/run.py --articles 20000
    python benchmarks/run.py --articles 100000 --cache /big/disk/cache
    python benchmarks/run.py --quick --profile       # cProfile of index_paths (workers=1)

Generates (or reuses) a seeded synthetic corpus, then measures: indexing through the real
`talkwatch index` subprocess (with and without extraction) beside a bare FTS5 insert of the
same text, peak memory, database size, in-process search latency over a fixed query set,
the wall time of CLI one-liners, and the TUI's first paint when `talkwatch.tui.measure`
exists. Prints one table (figure beside target) and writes benchmarks/results-N.json.
A figure that cannot be measured yet (a module not written) prints "n/a".
"""
from __future__ import annotations

import argparse
import datetime as _dt
import importlib.util
import json
import os
import platform
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))     # the checkout's talkwatch, not some installed copy
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

FTS_TOKENIZE = "porter unicode61 remove_diacritics 2"
SEARCH_REPEATS = 20
CLI_REPEATS = 7
QUICK_ARTICLES = 2000

# (kind, query): a fixed set; the corpus generator guarantees each kind's frequency
QUERIES = [
    ("rare word", "hydrofoil"),
    ("rare word", "palimpsest"),
    ("common word", "said"),
    ("common word", "government"),
    ("common word", "talks"),
    ("two common words", "government talks"),
    ("phrase", '"foreign minister"'),
    ("phrase", '"border crossing"'),
    ("prefix", "negotiat*"),
    ("prefix", "sanc*"),
    ("typo", "negotiatons"),
    ("typo", "istambul"),
    ("typo + word", "istambul talks"),
    ("filter", "talks since:2024"),
    ("filter", "source:courier"),
    ("filter + word", "ceasefire source:courier"),
    ("filter", "talks dyad:AFG-PAK"),
    ("filter only", "dyad:AFG-PAK"),
    ("OR", "doha OR istanbul"),
    ("OR", "ceasefire OR truce"),
    ("exclusion", "talks -ceasefire"),
    ("exclusion", "talks NOT postponed"),
    ("title", "title:ceasefire"),
]

CLI_COMMANDS = [
    ("search istanbul talks", ["search", "istanbul", "talks"], 300),
    ("search said (every doc)", ["search", "said"], 300),
    ("search istambul (typo)", ["search", "istambul"], 300),
    ("events --dyad AFG-PAK --json", ["events", "--dyad", "AFG-PAK", "--json"], 400),
    ("events --dyad AFG-PAK --since 2025-12 --json", ["events", "--dyad", "AFG-PAK", "--since", "2025-12", "--json"], 400),
    ("dyads", ["dyads"], 400),
    ("dyad AFG-PAK --json", ["dyad", "AFG-PAK", "--json"], 400),
]

TARGETS = {
    "index_ext_rate": 800, "index_ext_ratio": 0.4, "index_noext_rate": 1500, "rss_mb": 300,
    "search_p95_ms": 50, "tui_paint_s": 0.5, "tui_rss_mb": 250, "db_ratio": 2.5,
}


# ------------------------------------------------------------------ helpers

def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def pct(values: list[float], p: float) -> float:
    """Percentile by linear interpolation (p in 0..100)."""
    v = sorted(values)
    if not v:
        return float("nan")
    k = (len(v) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


def talkwatch_cmd() -> list[str]:
    exe = Path(sys.executable).parent / "talkwatch"
    if exe.exists():
        return [str(exe)]
    return [sys.executable, "-m", "talkwatch"]


def machine() -> dict:
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = None
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    try:
        affinity = len(os.sched_getaffinity(0))
    except AttributeError:
        affinity = os.cpu_count()
    commit = None
    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True, timeout=10).stdout.strip() or None
    except (OSError, subprocess.SubprocessError):
        pass
    try:
        from talkwatch import __version__ as tw_version
    except Exception:
        tw_version = None
    return {
        "nproc": affinity, "cpu": cpu, "ram_gb": mem, "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version, "platform": platform.platform(), "talkwatch": tw_version,
        "commit": commit, "loadavg_at_start": [round(x, 2) for x in os.getloadavg()], "date": _dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
    }


# ------------------------------------------------------------------ corpus

def ensure_corpus(cache: Path, n: int, seed: int) -> tuple[Path, dict]:
    out = cache / f"corpus-{n}-s{seed}"
    manifest_path = out / ".manifest.json"
    if manifest_path.exists():
        try:
            m = json.loads(manifest_path.read_text())
            if m.get("version") == generate.VERSION and m.get("articles") == n and m.get("seed") == seed:
                log(f"corpus cached: {out} ({n} articles)")
                m["cached"] = True
                return out, m
        except ValueError:
            pass
    if out.exists():
        shutil.rmtree(out)
    log(f"generating {n} articles into {out} ...")
    m = generate.generate(out, n, seed, quiet=True)
    log(f"generated in {m['seconds']} s ({m['articles_per_s']:,} articles/s, {m['bytes'] / 1e6:.1f} MB)")
    m["cached"] = False
    return out, m


def read_corpus(corpus: Path) -> list[tuple[str, str]]:
    """(title, body) of every article, parsed from our own header format."""
    docs = []
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        for f in sorted(folder.iterdir()):
            text = f.read_text("utf-8")
            head, _, body = text.partition("\n\n")
            title = head.split("\n", 1)[0].removeprefix("Title: ")
            docs.append((title, body))
    return docs


# ------------------------------------------------------------------ bare FTS5

def bare_fts(work: Path, docs: list[tuple[str, str]]) -> dict:
    db = work / "bare-fts5.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    t0 = time.perf_counter()
    with conn:
        conn.execute(f"CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='{FTS_TOKENIZE}')")
        conn.executemany("INSERT INTO docs(title, body) VALUES (?, ?)", docs)
    elapsed = time.perf_counter() - t0
    conn.close()
    size = sum(p.stat().st_size for p in work.glob("bare-fts5.db*"))
    return {"seconds": elapsed, "articles_per_s": len(docs) / elapsed, "db_bytes": size}


# ------------------------------------------------------------------ memory sampling

class TreeSampler(threading.Thread):
    """Polls /proc for a process tree: per-process VmHWM (peak) and the tree's summed RSS."""

    def __init__(self, root_pid: int, interval: float = 0.05):
        super().__init__(daemon=True)
        self.root = root_pid
        self.interval = interval
        self.stop = threading.Event()
        self.hwm: dict[int, int] = {}        # pid -> peak kB
        self.anon: dict[int, int] = {}       # pid -> peak anonymous kB (heap: not mmap'd files)
        self.ppid: dict[int, int] = {}
        self.names: dict[int, str] = {}
        self.peak_sum_kb = 0
        self.max_procs = 0

    def _scan(self) -> None:
        children: dict[int, list[int]] = {}
        for d in os.listdir("/proc"):
            if not d.isdigit():
                continue
            try:
                with open(f"/proc/{d}/stat", "rb") as fh:
                    stat = fh.read()
            except OSError:
                continue
            rp = stat.rfind(b")")
            fields = stat[rp + 2:].split()
            children.setdefault(int(fields[1]), []).append(int(d))
        tree, todo = [], [self.root]
        while todo:
            p = todo.pop()
            tree.append(p)
            for c in children.get(p, ()):
                self.ppid[c] = p
                todo.append(c)
        total = 0
        for p in tree:
            try:
                with open(f"/proc/{p}/status") as fh:
                    status = fh.read()
            except OSError:
                continue
            rss = hwm = anon = 0
            for line in status.splitlines():
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1])
                elif line.startswith("RssAnon:"):
                    anon = int(line.split()[1])
                elif line.startswith("VmHWM:"):
                    hwm = int(line.split()[1])
                elif line.startswith("Name:") and p not in self.names:
                    self.names[p] = line.split(None, 1)[1] if len(line.split()) > 1 else "?"
            total += rss
            if hwm > self.hwm.get(p, 0):
                self.hwm[p] = hwm
            if anon > self.anon.get(p, 0):
                self.anon[p] = anon
        self.peak_sum_kb = max(self.peak_sum_kb, total)
        self.max_procs = max(self.max_procs, len(tree))

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                self._scan()
            except Exception:  # a process vanishing mid-scan: try again next tick
                pass
            self.stop.wait(self.interval)


def run_index(db: Path, corpus: Path, env_extra: dict, label: str, workers: int | None) -> dict:
    """`talkwatch --db DB index -q CORPUS` as a subprocess: wall time, peak memory, summary line."""
    env = dict(os.environ)
    env.pop("TALKWATCH_NO_EXTRACT", None)
    env.update(env_extra)
    cmd = talkwatch_cmd() + ["--db", str(db), "index", "-q", str(corpus)]
    if workers:
        cmd += ["--workers", str(workers)]
    time_file = db.with_suffix(".time.txt")
    use_time = os.access("/usr/bin/time", os.X_OK)
    if use_time:
        cmd = ["/usr/bin/time", "-v", "-o", str(time_file)] + cmd
    log(f"index ({label}) ...")
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    sampler = TreeSampler(proc.pid)
    sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    sampler.stop.set()
    sampler.join()
    res: dict = {"label": label, "wall_s": wall, "rc": proc.returncode, "cmd": " ".join(cmd)}
    if proc.returncode != 0:
        res["error"] = (err or out).strip()[-2000:]
        log(f"index ({label}) FAILED rc={proc.returncode}: {res['error'][-400:]}")
        return res
    m = re.search(r"indexed (\d+) articles? from (\d+) files?.*?(\d+) events in ([\d.]+) s", err, re.S)
    if m:
        res.update(articles=int(m.group(1)), files=int(m.group(2)), events=int(m.group(3)),
                   reported_s=float(m.group(4)))
    res["stderr_tail"] = err.strip()[-600:]
    # memory: /usr/bin/time's figure is the largest single process of the tree (Linux wait4)
    if use_time and time_file.exists():
        t = time_file.read_text()
        mm = re.search(r"Maximum resident set size \(kbytes\): (\d+)", t)
        if mm:
            res["time_maxrss_mb"] = int(mm.group(1)) / 1024
        cpu = re.search(r"Percent of CPU this job got: (\d+)%", t)
        if cpu:
            res["cpu_percent"] = int(cpu.group(1))
        u = re.search(r"User time \(seconds\): ([\d.]+)", t)
        s = re.search(r"System time \(seconds\): ([\d.]+)", t)
        if u and s:
            res["cpu_s"] = float(u.group(1)) + float(s.group(1))
    else:
        import resource

        res["time_maxrss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    # per process, from the sampler: the talkwatch parent and its forked workers
    tw_pid = proc.pid
    if use_time:
        kids = [p for p, pp in sampler.ppid.items() if pp == proc.pid]
        tw_pid = kids[0] if kids else proc.pid
    workers_hwm = [kb for p, kb in sampler.hwm.items() if p != tw_pid and p != proc.pid]
    res["parent_peak_mb"] = sampler.hwm.get(tw_pid, 0) / 1024 or None
    res["parent_anon_peak_mb"] = sampler.anon.get(tw_pid, 0) / 1024 or None
    res["child_peak_mb"] = (max(workers_hwm) / 1024) if workers_hwm else None
    res["children"] = len(workers_hwm)
    res["tree_rss_sum_peak_mb"] = sampler.peak_sum_kb / 1024
    peaks = [x for x in (res.get("time_maxrss_mb"), res["parent_peak_mb"], res["child_peak_mb"]) if x]
    res["peak_rss_mb"] = max(peaks) if peaks else None
    n = res.get("articles") or 0
    res["articles_per_s"] = n / wall if wall else None
    log(f"index ({label}): {n} articles, {res.get('events')} events in {wall:.1f} s "
        f"({res['articles_per_s']:,.0f}/s), peak RSS {res['peak_rss_mb'] or 0:.0f} MB")
    return res


def db_bytes(db: Path) -> int:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*") if not p.name.endswith((".txt", ".lock")))


# ------------------------------------------------------------------ search

def bench_search(db: Path) -> dict:
    from talkwatch.store.db import open_db
    from talkwatch.store.search import search

    conn = open_db(db)
    out = []
    all_times: list[float] = []
    for kind, q in QUERIES:
        row: dict = {"kind": kind, "query": q}
        try:
            r = search(conn, q)  # warm-up (first use imports rapidfuzz, fills the cache)
            times = []
            for _ in range(SEARCH_REPEATS):
                t0 = time.perf_counter()
                r = search(conn, q)
                times.append((time.perf_counter() - t0) * 1000)
            all_times.extend(times)
            row.update(p50=pct(times, 50), p95=pct(times, 95), max=max(times), total=r.total,
                       more=r.more, hits=len(r.hits), plan=r.plan,
                       corrected=", ".join(f"{a}->{b}" for a, b in r.corrected.items()) or None)
        except Exception as exc:
            row["error"] = f"{type(exc).__name__}: {exc}"[:300]
        out.append(row)
    conn.close()
    return {"queries": out, "all": all_times}


# ------------------------------------------------------------------ CLI one-liners

def bench_cli(db: Path) -> list[dict]:
    rows = []
    for label, args, target in CLI_COMMANDS:
        cmd = talkwatch_cmd() + ["--db", str(db)] + args
        times, err, size, rc = [], None, 0, 0
        for _ in range(CLI_REPEATS):
            t0 = time.perf_counter()
            p = subprocess.run(cmd, capture_output=True)
            times.append((time.perf_counter() - t0) * 1000)
            rc = p.returncode
            size = len(p.stdout)
            if rc != 0:
                err = p.stderr.decode("utf-8", "replace").strip()[-300:]
                break
        row = {"label": label, "cmd": " ".join(["talkwatch", "--db", "DB"] + args), "target_ms": target,
               "median_ms": statistics.median(times), "min_ms": min(times), "max_ms": max(times),
               "stdout_bytes": size, "rc": rc}
        if err:
            row["error"] = err
        rows.append(row)
    return rows


# ------------------------------------------------------------------ TUI

def bench_tui(db: Path) -> dict:
    """`python -m talkwatch.tui.measure DB`; expected output: JSON with first paint and RSS."""
    try:
        spec = importlib.util.find_spec("talkwatch.tui.measure")
    except (ImportError, ValueError):
        spec = None
    if spec is None:
        return {"available": False}
    cmd = [sys.executable, "-m", "talkwatch.tui.measure", str(db), "--json"]

    def once(cmd):
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
        sampler = TreeSampler(proc.pid, interval=0.01)
        sampler.start()
        try:
            out, err = proc.communicate(timeout=180)
        finally:
            sampler.stop.set()
            sampler.join()
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        return subprocess.CompletedProcess(cmd, proc.returncode, out, err), sampler

    try:
        p, sampler = once(cmd)
        if p.returncode == 2 and "--json" in p.stderr:  # an older measure without --json
            p, sampler = once(cmd[:-1])
    except subprocess.TimeoutExpired:
        return {"available": True, "error": "timed out after 180 s"}
    res: dict = {"available": True, "rc": p.returncode, "raw": (p.stdout.strip() or p.stderr.strip())[-800:],
                 "sampled_peak_mb": sampler.hwm.get(p_pid := next(iter(sampler.hwm), 0), 0) / 1024 or None,
                 "sampled_anon_peak_mb": sampler.anon.get(p_pid, 0) / 1024 or None}
    if p.returncode != 0:
        res["error"] = p.stderr.strip()[-500:]
        return res
    res.update(parse_tui(p.stdout))
    if res.get("sampled_peak_mb"):
        # the process's own peak (VmHWM) sampled from /proc: the module's ru_maxrss also counts
        # the peak of the process that spawned it (ru_maxrss survives exec)
        res["rss_mb"] = res["sampled_peak_mb"]
    return res


def parse_tui(text: str) -> dict:
    """First paint (s) and RSS (MB) from the measure module's output: JSON or `key: value` lines."""
    data: dict = {}
    for chunk in [text] + text.splitlines():
        try:
            obj = json.loads(chunk)
        except ValueError:
            continue
        if isinstance(obj, dict):
            data.update(obj)
            break
    if not data:
        for line in text.splitlines():
            m = re.match(r"\s*([\w .-]+?)\s*[:=]\s*([\d.]+)\s*(ms|s|mb|MB|MiB|kb|KB)?", line)
            if m:
                data[m.group(1).strip().lower().replace(" ", "_") + (f"_{m.group(3).lower()}" if m.group(3) else "")] = float(m.group(2))
    out: dict = {}
    # the names talkwatch.tui.measure prints; else anything that looks like them
    if isinstance(data.get("first_paint_s"), (int, float)):
        out["first_paint_s"] = data["first_paint_s"]
    for key in ("rss_peak_mb", "rss_mb"):
        if isinstance(data.get(key), (int, float)):
            out["rss_mb"] = data[key]
            break
    for k, v in data.items():
        if not isinstance(v, (int, float)):
            continue
        kl = k.lower()
        if "first_paint_s" not in out and "paint" in kl:
            out["first_paint_s"] = v / 1000 if kl.endswith("ms") else v
        elif "rss_mb" not in out and ("rss" in kl or "mem" in kl):
            out["rss_mb"] = v / 1024 if kl.endswith("kb") else v
    out["fields"] = data
    return out


# ------------------------------------------------------------------ the table

def fmt(v, unit: str = "", digits: int = 0) -> str:
    if v is None:
        return "n/a"
    if isinstance(v, float):
        s = f"{v:,.{digits}f}"
    else:
        s = f"{v:,}"
    return f"{s}{(' ' + unit) if unit else ''}"


def build_rows(r: dict) -> list[tuple]:
    """(metric, value, target, ok) rows; ok is True/False/None."""
    rows: list[tuple] = []
    bare = r["bare_fts"]
    ext, noext = r.get("index_extract") or {}, r.get("index_noextract") or {}
    mb = r["corpus"]["bytes"] / 1e6

    def rate_rows(name, res, target):
        rate = res.get("articles_per_s") if not res.get("error") else None
        mbs = (mb / res["wall_s"]) if rate else None
        ok = None if rate is None else rate >= target
        note = res.get("error", "")[:60] if res.get("error") else res.get("note", "")
        rows.append((f"index {name} (articles/s)", fmt(rate), f">= {target:,}", ok, note))
        rows.append((f"index {name} (MB/s)", fmt(mbs, "MB/s", 2), "", None, ""))
        return rate

    ext_rate = rate_rows("with extraction", ext, TARGETS["index_ext_rate"])
    rows.append(("bare FTS5 insert, same text (articles/s)", fmt(bare["articles_per_s"]), "", None,
                 f"{bare['seconds']:.1f} s, one transaction"))
    ratio = ext_rate / bare["articles_per_s"] if ext_rate else None
    rows.append(("index with extraction / bare FTS5", fmt(ratio, "x", 2), f">= {TARGETS['index_ext_ratio']}x",
                 None if ratio is None else ratio >= TARGETS["index_ext_ratio"], ""))
    noext_rate = rate_rows("without extraction", noext, TARGETS["index_noext_rate"])
    if noext_rate:
        rows.append(("index without extraction / bare FTS5", fmt(noext_rate / bare["articles_per_s"], "x", 2), "",
                     None, ""))
    if ext.get("events") is not None:
        rows.append(("events extracted", fmt(ext.get("events")), "", None,
                     f"{ext['events'] / max(1, ext.get('articles') or 1):.2f} per article"))
    for name, res in (("with extraction", ext), ("without extraction", noext)):
        if res.get("peak_rss_mb"):
            rows.append((f"peak RSS indexing {name} (largest process)", fmt(res["peak_rss_mb"], "MB"),
                         f"<= {TARGETS['rss_mb']} MB", res["peak_rss_mb"] <= TARGETS["rss_mb"],
                         f"parent {fmt(res.get('parent_peak_mb'), 'MB')} (heap {fmt(res.get('parent_anon_peak_mb'), 'MB')}), largest of "
                         f"{res.get('children', 0)} workers {fmt(res.get('child_peak_mb'), 'MB')}, "
                         f"tree sum {fmt(res.get('tree_rss_sum_peak_mb'), 'MB')}"))
    size = r.get("db")
    if size:
        rows.append(("database size / text size", fmt(size["ratio"], "x", 2), f"<= {TARGETS['db_ratio']}x",
                     size["ratio"] <= TARGETS["db_ratio"],
                     f"{size['db_bytes'] / 1e6:.1f} MB db, {size['text_bytes'] / 1e6:.1f} MB text"
                     f" (bare FTS5 {size['bare_ratio']:.2f}x)"))
    s = r.get("search")
    if s:
        for q in s["queries"]:
            if q.get("error"):
                rows.append((f"search p95 [{q['kind']}] {q['query']}", "error", "<= 50 ms", False, q["error"][:60]))
                continue
            extra = f"p50 {q['p50']:.1f}, max {q['max']:.1f}; {q['total']}{'+' if q['more'] else ''} matches"
            if q.get("corrected"):
                extra += f"; {q['corrected']}"
            rows.append((f"search p95 [{q['kind']}] {q['query']}", fmt(q["p95"], "ms", 1),
                         f"<= {TARGETS['search_p95_ms']} ms", q["p95"] <= TARGETS["search_p95_ms"], extra))
        o = s.get("overall")
        if o:
            rows.append(("search overall p50 / p95 / max", f"{o['p50']:.1f} / {o['p95']:.1f} / {o['max']:.1f} ms",
                         f"p95 <= {TARGETS['search_p95_ms']} ms", o["worst_p95"] <= TARGETS["search_p95_ms"],
                         f"worst query p95 {o['worst_p95']:.1f} ms"))
    for c in r.get("cli") or []:
        if c.get("error"):
            rows.append((f"`{c['label']}` median", "error", f"<= {c['target_ms']} ms", False, c["error"][:60]))
            continue
        rows.append((f"`{c['label']}` median", fmt(c["median_ms"], "ms"), f"<= {c['target_ms']} ms",
                     c["median_ms"] <= c["target_ms"], f"min {c['min_ms']:.0f}, max {c['max_ms']:.0f};"
                     f" {c['stdout_bytes']} bytes out"))
    t = r.get("tui") or {}
    paint = t.get("first_paint_s")
    rss = t.get("rss_mb")
    note = "" if t.get("available") else "talkwatch.tui.measure not available"
    if t.get("error"):
        note = t["error"][:60]
    f = t.get("fields") or {}
    paint_note = note or ", ".join(f"{k} {f[k]}" for k in ("first_paint_app_s", "articles") if k in f)
    rss_note = note or ("peak VmHWM" + (f"; heap (anonymous) peak {t['sampled_anon_peak_mb']:.0f} MB, the rest"
                                         " is the database mapped by mmap_size" if t.get("sampled_anon_peak_mb") else "")
                        + "; at exit " + str(f.get("rss_mb")) + " MB")
    rows.append(("TUI first paint (from process start)", fmt(paint, "s", 2), f"<= {TARGETS['tui_paint_s']} s",
                 None if paint is None else paint <= TARGETS["tui_paint_s"], paint_note))
    rows.append(("TUI RSS", fmt(rss, "MB"), f"<= {TARGETS['tui_rss_mb']} MB",
                 None if rss is None else rss <= TARGETS["tui_rss_mb"], rss_note))
    if f.get("search_ms") is not None:
        rows.append(("TUI typed search to results (debounce included)", fmt(float(f["search_ms"]), "ms"), "", None,
                     f"debounce {f.get('search_debounce_ms')} ms; slowest key {f.get('key_ms_max')} ms;"
                     f" jump to end {f.get('jump_to_end_ms')} ms"))
    return rows


def render(rows: list[tuple], markdown: bool = False) -> str:
    mark = {True: "ok", False: "MISS", None: ""}
    if markdown:
        lines = ["| metric | value | target | | notes |", "|---|---:|---|---|---|"]
        for m, v, t, ok, note in rows:
            lines.append(f"| {m} | {v} | {t} | {mark[ok]} | {note} |")
        return "\n".join(lines)
    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(r[1]) for r in rows)
    w2 = max(len(r[2]) for r in rows)
    lines = [f"{'metric':<{w0}}  {'value':>{w1}}  {'target':<{w2}}  ok    notes",
             "-" * (w0 + w1 + w2 + 20)]
    for m, v, t, ok, note in rows:
        lines.append(f"{m:<{w0}}  {v:>{w1}}  {t:<{w2}}  {mark[ok]:<4}  {note}")
    return "\n".join(lines)


# ------------------------------------------------------------------ profile

def profile_index(corpus: Path, work: Path, top: int = 30) -> str:
    import cProfile
    import io
    import pstats

    from talkwatch.indexer.run import index_paths

    db = work / "profile.db"
    for p in work.glob("profile.db*"):
        p.unlink()
    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    summary = index_paths(db, [str(corpus)], workers=1)
    prof.disable()
    wall = time.perf_counter() - t0
    out_path = work / "index.pstats"
    prof.dump_stats(out_path)
    buf = io.StringIO()
    buf.write(f"index_paths(workers=1): {summary.line()}; wall {wall:.1f} s under cProfile"
              f" ({summary.articles_indexed / wall:,.0f} articles/s)\nstats saved to {out_path}\n")
    st = pstats.Stats(prof, stream=buf)
    st.strip_dirs()
    buf.write("\n== by cumulative time ==\n")
    st.sort_stats("cumulative").print_stats(top)
    buf.write("\n== by own time ==\n")
    st.sort_stats("tottime").print_stats(top)
    return buf.getvalue()


# ------------------------------------------------------------------ main

def extraction_available() -> tuple[bool, str]:
    p = subprocess.run([sys.executable, "-c", "from talkwatch.extract import extract"],
                       capture_output=True, text=True, cwd=ROOT)
    if p.returncode == 0:
        return True, ""
    return False, (p.stderr.strip().splitlines() or ["?"])[-1][:120]


def no_extract_supported() -> bool:
    spec = importlib.util.find_spec("talkwatch.indexer.work")
    try:
        return spec is not None and "TALKWATCH_NO_EXTRACT" in Path(spec.origin).read_text()
    except OSError:
        return False


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="talkwatch benchmarks (one table, figures beside targets)")
    ap.add_argument("--articles", type=int, default=None, help="corpus size (default 20000; --quick: 2000)")
    ap.add_argument("--cache", default=str(HERE / ".cache"), help="where corpora and databases go")
    ap.add_argument("--quick", action="store_true", help=f"a small run ({QUICK_ARTICLES:,} articles)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workers", type=int, default=None, help="passed to `talkwatch index --workers`")
    ap.add_argument("--skip-noextract", action="store_true", help="skip the run without extraction")
    ap.add_argument("--profile", action="store_true",
                    help="instead of the table: cProfile of index_paths in process with workers=1")
    ap.add_argument("--reuse", action="store_true",
                    help="keep the databases of the last run of this size: re-measure search, CLI and TUI only")
    ap.add_argument("--markdown", action="store_true", help="also print the table as Markdown")
    ap.add_argument("--out", default=None, help="results JSON path (default benchmarks/results-N.json)")
    a = ap.parse_args(argv)
    n = a.articles or (QUICK_ARTICLES if a.quick else 20000)
    cache = Path(a.cache).resolve()
    cache.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()

    work = cache / (f"profile-{n}" if a.profile else f"run-{n}")  # a profile keeps the last run's databases
    out = Path(a.out) if a.out else HERE / f"results-{n}.json"
    previous = None
    if a.reuse and not a.profile and out.exists() and any((work / d).exists() for d in ("talkwatch.db", "noextract.db")):
        try:
            previous = json.loads(out.read_text())
        except (OSError, ValueError):
            previous = None
    if previous is None:
        corpus, manifest = ensure_corpus(cache, n, a.seed)
        if work.exists():
            shutil.rmtree(work)
        work.mkdir(parents=True)
    else:
        manifest = previous["corpus"]
        corpus = Path(manifest["path"])

    if a.profile:
        print(profile_index(corpus, work))
        return 0

    info = machine()
    results: dict = {"machine": info, "corpus": dict(manifest, path=str(corpus))}
    results["index_command"] = "talkwatch --db DB index -q CORPUS" + (f" --workers {a.workers}" if a.workers else "")

    if previous is not None:
        log(f"--reuse: keeping the databases and index figures of {out}")
        for k in ("bare_fts", "index_noextract", "index_extract", "extraction_available"):
            if k in previous:
                results[k] = previous[k]
        results["corpus"]["text_bytes"] = text_bytes = previous["corpus"]["text_bytes"]
        results["reused_index_from"] = previous.get("machine", {}).get("date")
        search_db = Path(previous.get("search_db") or work / "talkwatch.db")
        return finish(a, n, info, manifest, results, search_db, text_bytes, out, started)

    docs = read_corpus(corpus)
    text_bytes = sum(len(t.encode()) + len(b.encode()) for t, b in docs)
    results["corpus"]["text_bytes"] = text_bytes
    log(f"bare FTS5 insert of {len(docs)} articles ...")
    results["bare_fts"] = bare_fts(work, docs)
    log(f"bare FTS5: {results['bare_fts']['articles_per_s']:,.0f} articles/s")
    del docs

    has_extract, why = extraction_available()
    results["extraction_available"] = has_extract
    if not has_extract:
        log(f"extraction not available ({why}): 'with extraction' is n/a")
    db_ext = work / "talkwatch.db"
    db_noext = work / "noextract.db"
    if no_extract_supported() and not a.skip_noextract:
        results["index_noextract"] = run_index(db_noext, corpus, {"TALKWATCH_NO_EXTRACT": "1"},
                                               "without extraction", a.workers)
    elif not no_extract_supported():
        results["index_noextract"] = {"error": "TALKWATCH_NO_EXTRACT not supported"}
    if has_extract:
        results["index_extract"] = run_index(db_ext, corpus, {}, "with extraction", a.workers)
        search_db = db_ext
    else:
        results["index_extract"] = {"error": f"extraction not available: {why}"}
        if not db_noext.exists():
            results["index_noextract"] = run_index(db_noext, corpus, {}, "without extraction (none exists)",
                                                   a.workers)
        search_db = db_noext
    results["search_db"] = str(search_db)
    return finish(a, n, info, manifest, results, search_db, text_bytes, out, started)


def finish(a, n, info, manifest, results, search_db: Path, text_bytes: int, out: Path, started: float) -> int:
    """Size, search, CLI and TUI figures on the indexed database; then the table."""

    if search_db.exists():
        size = db_bytes(search_db)
        results["db"] = {"db_bytes": size, "text_bytes": text_bytes, "ratio": size / text_bytes,
                         "bare_ratio": results["bare_fts"]["db_bytes"] / text_bytes,
                         "corpus_file_bytes": manifest["bytes"]}
        log("search latency in process ...")
        s = bench_search(search_db)
        ok = [q for q in s["queries"] if not q.get("error")]
        if ok:  # over every timed call of every query
            s["overall"] = {"p50": pct(s["all"], 50), "p95": pct(s["all"], 95), "max": max(s["all"]),
                            "worst_p95": max(q["p95"] for q in ok)}
        del s["all"]
        results["search"] = s
        log("CLI one-liners ...")
        results["cli"] = bench_cli(search_db)
        log("TUI ...")
        results["tui"] = bench_tui(search_db)
    results["total_s"] = time.perf_counter() - started

    info["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]
    rows = build_rows(results)
    results["table"] = [dict(zip(("metric", "value", "target", "ok", "notes"), r)) for r in rows]
    out.write_text(json.dumps(results, indent=1, default=str) + "\n")
    m = info
    print(f"talkwatch benchmark: {n:,} articles ({manifest['bytes'] / 1e6:.1f} MB of files, "
          f"{text_bytes / 1e6:.1f} MB text), {m['date']}")
    print(f"machine: {m['nproc']} cores, {m['cpu']}, {m['ram_gb']} GB RAM, Python {m['python']}, "
          f"SQLite {m['sqlite']}, talkwatch {m['talkwatch']} ({m['commit']}); load average "
          f"{m['loadavg_at_start'][0]} at start, {m['loadavg_at_end'][0]} at end")
    if results.get("reused_index_from"):
        print(f"(index figures reused from the run of {results['reused_index_from']})")
    print(render(rows))
    if a.markdown:
        print()
        print(render(rows, markdown=True))
    print(f"\nresults: {out}; total {results['total_s']:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
