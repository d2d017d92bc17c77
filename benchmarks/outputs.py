"""Record what the CLI prints on the sample corpus, to check that a change altered no output.

    python benchmarks/outputs.py record OUT_DIR     index sample_corpus with this checkout into
                                                   OUT_DIR and save stdout, stderr and the exit
                                                   code of each command (corrections included)
    python benchmarks/outputs.py compare A B       the commands whose output differs (exit 1 if any)

Run `record` on the old code (a worktree of the commit before) and on the new, then `compare`.
Timestamps and the output folder's own path are masked; everything else must be byte-identical.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "afg-pak/delegation-leaves-for-istanbul.txt"
COMMANDS = [
    ["events", "--json"], ["events", "--jsonl"], ["events", "--csv"], ["events", "--explain", "--json"], ["events"],
    ["events", "--explain"], ["events", "--dyad", "AFG-PAK", "--type", "TALKS", "--json"],
    ["events", "--dyad", "pakistan-afghanistan", "--since", "2025-10", "--until", "2025-11", "--csv"],
    ["events", "--article", ARTICLE, "--json"],
    ["dyads", "--json"], ["dyads", "--jsonl"], ["dyads", "--csv"], ["dyads"],
    ["dyad", "AFG", "PAK", "--json"], ["dyad", "AFG", "PAK"], ["dyad", "AFG-PAK", "--jsonl"],
    ["dyad", "IND", "PAK", "--as-of", "2016-01-20", "--json"], ["dyads", "--as-of", "2025-11-01", "--json"],
    ["search", "talks", "--json"], ["search", "istambul", "talks", "--json"], ["search", "talks"],
    ["search", "talks", "-n", "5", "--offset", "3", "--csv"], ["search", "dyad:AFG-PAK", "--json"],
    ["search", "zzzzqqq", "--json"], ["search", "zzzzqqq"],
    ["show", ARTICLE, "--json"], ["show", ARTICLE], ["show", ARTICLE, "--explain"], ["show", ARTICLE, "--csv"],
    ["show", "nosuchthing"], ["eval", "GOLD", "--json"], ["eval", "GOLD", "-v"], ["corrections", "--json"],
    ["events", "--dyad", "XXX-YYY-ZZZ"], ["dyads", "--as-of", "2025-13"],
]
AFTER_CORRECTIONS = [["events", "--json"], ["events", "--include-rejected", "--explain", "--json"], ["dyads", "--json"],
                     ["dyad", "AFG", "PAK", "--json"], ["corrections", "--json"], ["corrections"]]


def _run(out: Path, db: Path, name: str, args: list[str]) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_COLOR="1", PYTHONPATH=str(ROOT))
    env.pop("TALKWATCH_DB", None)
    args = [str(ROOT / "tests" / "data" / "sample_gold.jsonl") if a == "GOLD" else a for a in args]
    res = subprocess.run([sys.executable, "-m", "talkwatch", "--db", str(db), *args], capture_output=True,
                         text=True, env=env, cwd=str(out))
    (out / f"{name}.out").write_text(res.stdout, encoding="utf-8")
    (out / f"{name}.err").write_text(f"exit {res.returncode}\n{res.stderr}", encoding="utf-8")
    return res


def record(out: Path) -> None:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    corpus = out / "sample_corpus"
    shutil.copytree(ROOT / "sample_corpus", corpus)
    db = out / "sample.db"
    _run(out, db, "00-index", ["index", str(corpus)])
    for i, args in enumerate(COMMANDS, 1):
        _run(out, db, f"{i:02d}-" + "_".join(args).replace("/", "_"), args)
    first = json.loads(_run(out, db, "90-ids", ["events", "--dyad", "AFG-PAK", "--type", "TALKS", "--json"]).stdout)
    other = json.loads(_run(out, db, "91-ids", ["events", "--dyad", "IND-PAK", "--json"]).stdout)
    eid, eid2 = first[0]["id"], other[0]["id"]
    _run(out, db, "92-correct", ["correct", eid, "--status", "deferred", "--date", "2025-11-20", "--note", "why"])
    _run(out, db, "93-reject", ["correct", eid2, "--reject"])
    _run(out, db, "94-bad-status", ["correct", eid, "--status", "bogus"])
    _run(out, db, "95-no-event", ["correct", "zzzz", "--status", "held"])
    for i, args in enumerate(AFTER_CORRECTIONS, 1):
        _run(out, db, f"96-{i:02d}-" + "_".join(args), args)
    _run(out, db, "97-undo", ["correct", eid2, "--undo"])
    _run(out, db, "98-reindex", ["index", str(corpus)])
    print(f"recorded {len(list(out.glob('*.out')))} commands in {out}")


def _masked(path: Path, folder: Path) -> str:
    text = path.read_text(encoding="utf-8").replace(str(folder), "OUT")
    text = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", "TIME", text)
    return re.sub(r"(in |\()[0-9.]+ (s|ms)\b", r"\1X \2", text)


def compare(a: Path, b: Path) -> int:
    names = sorted({p.name for p in a.iterdir() if p.suffix in (".out", ".err")}
                   | {p.name for p in b.iterdir() if p.suffix in (".out", ".err")})
    differ = [n for n in names if not (a / n).exists() or not (b / n).exists()
              or _masked(a / n, a) != _masked(b / n, b)]
    for n in differ:
        print(f"differs: {n}")
    print(f"{len(names)} files compared, {len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "record":
        record(Path(sys.argv[2]).resolve())
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(compare(Path(sys.argv[2]).resolve(), Path(sys.argv[3]).resolve()))
    else:
        sys.exit(__doc__)
