#!/usr/bin/env python3
"""Capacity measurements on the national-scale database (bench/make_national_db.py).

    bench/national.py --dq .build/release/dq --db /work/bench-data/national.sqlite
                      [--runs 5] [--timeout 600] [--sections scuxki] [--results DIR]

Sections:
  s) size: file size, facts, bytes per fact, units, disclosures, years;
  c) start-up: `dq -c 'sql SELECT 1'` on the database and on an empty one, `sqlite3 DB 'select 1'`;
  u) statements for one unit (`for UNIT`): summary, trend, breakdown, compare, projects, find;
  x) the same statements over every unit, plus top;
  k) `dq check --for UNIT --year Y`: one document;
  i) import: the seed text and the three Shanghai fixtures into the big database in one
     process (then deleted again, see import_rate), against the same into an empty one.

On a busy machine, --cpu-limit SECONDS replaces section x's timing: every statement over all
units and its SQL start at once, and each process's CPU time is reported (wall time there is
mostly waiting for a core).

Each statement runs once with --timeout (dq and, on the SQL `dq -c 'explain …'` prints, the
sqlite3 CLI through `.read`, so that SQL of any length fits); what takes under 1 s is then
run --runs times after --warmup runs, what takes 1–30 s 3 times, dq and sqlite3 taking turns
(medians of the wall time and of the CPU time, user + system from each process's rusage);
anything longer is that one run. A statement is interactive when dq's median is under 1 s,
else batch.
Prints the table on stdout and writes it to RESULTS/summary.txt.
"""
import argparse
import json
import os
import resource
import shlex
import sqlite3
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import bench  # noqa: E402  (explain_sql, fresh_database, FIXTURES, DOCUMENTS)

INTERACTIVE = 1.0     # seconds: dq's median under this is interactive
SHORT = 30.0          # seconds: single runs longer than this are not repeated


def statements(unit, year):
    """(label, dq statement) for one unit (unit given) or every unit (unit None)."""
    scope = f" for {unit}" if unit else ""
    rows = [
        ("summary", f"summary {year}{scope}"),
        ("trend", f"trend 支出{scope}"),
        ("breakdown", f"breakdown 201 in {year}{scope}"),
        ("compare", f"compare 三公 {year - 1} {year}{scope}"),
        ("projects", f"projects where adjusted < initial{scope}"),
        ("find (4 characters)", f"find 行政运行{scope}"),
        ("find (2 characters)", f"find 慰问{scope}"),
    ]
    if not unit:
        rows.insert(4, ("top", f"top 10 units by 基本支出 in {year}"))
    return rows


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_once(argv, timeout):
    """(seconds or None when timed out, returncode, stdout lines, stderr tail, CPU seconds)."""
    started, cpu = time.monotonic(), children_cpu()
    try:
        r = subprocess.run(argv, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, None, 0, "", None
    elapsed = time.monotonic() - started
    err = r.stderr.decode("utf-8", "replace").strip()
    return elapsed, r.returncode, r.stdout.count(b"\n"), err[-300:], children_cpu() - cpu


def run_once(argv):
    """(wall seconds, CPU seconds (user + system of the process itself), exit status)."""
    with open(os.devnull, "wb") as null:
        started = time.monotonic()
        proc = subprocess.Popen(argv, stdout=null, stderr=null)
        _, status, usage = os.wait4(proc.pid, 0)
    return time.monotonic() - started, usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status)


def taking_turns(commands, runs, warmup):
    """{label: (median wall, median CPU)}: each command run `runs` times after `warmup`
    runs, the commands taking turns, so that a loaded machine's waits fall on all alike."""
    walls, cpus = {label: [] for label in commands}, {label: [] for label in commands}
    for round_ in range(warmup + runs):
        for label, argv in commands.items():
            wall, cpu, _ = run_once(argv)
            if round_ >= warmup:
                walls[label].append(wall)
                cpus[label].append(cpu)
    return {label: (statistics.median(walls[label]), statistics.median(cpus[label])) for label in commands}


def cpu_all_at_once(commands, limit):
    """Starts every {label: argv} at once and waits up to `limit` seconds of wall time:
    {label: (CPU seconds, finished, stdout lines)}, CPU from each process's own rusage (a
    process still running at the limit is killed: its CPU time is then a lower bound). For a
    machine too busy for sequential wall-clock timing: CPU time does not depend on the wait."""
    procs, outputs = {}, {}
    for label, argv in commands.items():
        path = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"national-{os.getpid()}-{len(procs)}.out")
        outputs[label] = path
        with open(path, "wb") as f:
            procs[label] = subprocess.Popen(argv, stdout=f, stderr=subprocess.DEVNULL)
    by_pid = {proc.pid: label for label, proc in procs.items()}
    results, deadline = {}, time.monotonic() + limit
    while by_pid:
        if time.monotonic() > deadline:
            for pid in by_pid:
                os.kill(pid, 9)
        pid, status, usage = os.wait4(-1, os.WNOHANG) if time.monotonic() <= deadline else os.wait4(-1, 0)
        if pid == 0:
            time.sleep(0.5)
            continue
        label = by_pid.pop(pid, None)
        if label is None:
            continue
        with open(outputs[label], "rb") as f:
            lines = f.read().count(b"\n")
        os.remove(outputs[label])
        results[label] = (usage.ru_utime + usage.ru_stime, os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, lines)
    return results


def measure(commands, args):
    """{label: argv} → {label: (seconds or None, runs, first run, CPU seconds)}: one timed
    run each, then, when all finished quickly enough, more runs taking turns (medians of the
    wall and of the CPU time)."""
    first = {}
    for label, argv in commands.items():
        first[label] = timed_once(argv, args.timeout)
    finished = [first[label][0] for label in commands if first[label][0] is not None]
    if len(finished) == len(commands) and max(finished) < SHORT:
        runs = args.runs if max(finished) < INTERACTIVE else 3
        warmup = args.warmup if max(finished) < INTERACTIVE else 0
        medians = taking_turns(commands, runs, warmup)
        return {label: (medians[label][0], runs, first[label], medians[label][1]) for label in commands}
    return {label: (first[label][0], 1, first[label], first[label][4]) for label in commands}


def fmt_time(seconds):
    if seconds is None:
        return "timeout"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dq", required=True)
    p.add_argument("--db", required=True)
    p.add_argument("--sqlite3", default="sqlite3")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--timeout", type=float, default=600, help="seconds for one run of one statement")
    p.add_argument("--sections", default="scuxki")
    p.add_argument("--results", default=os.path.join(HERE, ".data", "results-national"))
    p.add_argument("--cpu-limit", type=float, default=0,
                   help="section x: run every statement at once for at most this many "
                        "seconds of wall time and report CPU time only (for a busy machine)")
    args = p.parse_args()
    os.makedirs(args.results, exist_ok=True)
    lines = []

    def out(text=""):
        lines.append(text)
        print(text, flush=True)

    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    units = db.execute("SELECT count(*) FROM unit").fetchone()[0]
    disclosures, first_year, last_year = db.execute(
        "SELECT count(*), min(year), max(year) FROM disclosure").fetchone()
    # The 部门 in the middle of the unit ids, and a year it disclosed.
    unit_id, unit = db.execute("SELECT id, name FROM unit WHERE kind = '部门' ORDER BY abs(id - ?), id LIMIT 1",
                               (units // 2,)).fetchone()
    out(f"dq at national scale — {os.path.abspath(args.db)}; load average {open('/proc/loadavg').read().split()[0]}")
    out(f"{units:,} units, {disclosures:,} disclosures, years {first_year}–{last_year}; "
        f"one unit: {unit} (id {unit_id})")

    if "s" in args.sections:
        started = time.monotonic()
        facts = db.execute("SELECT count(*) FROM fact").fetchone()[0]
        paragraphs = db.execute("SELECT max(id) FROM paragraph").fetchone()[0] or 0
        projects = db.execute("SELECT count(*) FROM project").fetchone()[0]
        size = os.path.getsize(args.db)
        out()
        out("s) size")
        out(f"   {facts:,} facts, {projects:,} projects, ~{paragraphs:,} paragraphs; "
            f"file {size / 1e9:.2f} GB = {size / max(facts, 1):.0f} bytes per fact "
            f"(everything included); counted in {time.monotonic() - started:.1f} s")
    db.close()

    if "c" in args.sections:
        out()
        out("c) start-up")
        empty = bench.fresh_database(args.dq, os.path.join(args.results, "empty.sqlite"))
        commands = {
            "sqlite3 DB 'select 1'": [args.sqlite3, args.db, "select 1"],
            "dq --db DB -c 'sql SELECT 1'": [args.dq, "--db", args.db, "-c", "sql SELECT 1"],
            "dq --db EMPTY -c 'sql SELECT 1'": [args.dq, "--db", empty, "-c", "sql SELECT 1"],
        }
        m = taking_turns(commands, args.runs, args.warmup)
        for label in commands:
            out(f"   {fmt_time(m[label][0]):>10}  CPU {fmt_time(m[label][1]):>9}  {label}")

    if "x" in args.sections and args.cpu_limit:
        all_units_cpu(args, out, last_year)
        args.sections = args.sections.replace("x", "")
    for section, scoped in (("u", unit), ("x", None)):
        if section not in args.sections:
            continue
        out()
        out(f"{section}) {'one unit (for ' + unit + ')' if scoped else 'every unit'}: dq end to end vs sqlite3 "
            f"on the SQL `explain` prints (timeout {args.timeout:.0f} s)")
        out(f"   {'sqlite3':>10} {'dq':>10} {'ratio':>7} {'CPU sqlite3':>11} {'CPU dq':>10} {'ratio':>7} {'runs':>4}"
            f" {'rows':>7}  {'class':<11} statement")
        for index, (label, query) in enumerate(statements(scoped, last_year), 1):
            name = f"{section}{index}"
            try:
                sql = bench.explain_sql(args.dq, args.db, query)
            except RuntimeError as e:
                out(f"   {'-':>10} {'-':>10} {'-':>7} {'-':>4} {'-':>7}  {'ERROR':<11} {query}: {e}")
                continue
            sql_path = os.path.join(args.results, name + ".sql")
            with open(sql_path, "w") as f:
                f.write(f"-- {query}\n{sql};\n")
            commands = {
                "sqlite3": [args.sqlite3, "-csv", args.db, f".read {sql_path}"],
                "dq": [args.dq, "--db", args.db, "--format", "csv", "-c", query],
            }
            bench.note(f"   measuring: {query}")
            m = measure(commands, args)
            sq, dq = m["sqlite3"], m["dq"]
            if dq[2][1] not in (0, None):
                out(f"   {fmt_time(sq[0]):>10} {'-':>10}  ERROR {query}: {dq[2][3]}")
                continue
            ratio = f"{dq[0] / sq[0]:.2f}×" if dq[0] and sq[0] else "-"
            rows = f"{sq[2][2]}" if sq[0] is not None and dq[0] is not None and dq[2][2] - 1 == sq[2][2] \
                else f"{max(dq[2][2] - 1, 0)}≠{sq[2][2]}" if sq[0] is not None and dq[0] is not None else "-"
            kind = "interactive" if dq[0] is not None and dq[0] < INTERACTIVE else "batch"
            cpu_ratio = f"{dq[3] / sq[3]:.2f}×" if dq[3] and sq[3] else "-"
            out(f"   {fmt_time(sq[0]):>10} {fmt_time(dq[0]):>10} {ratio:>7} {fmt_time(sq[3]):>11} {fmt_time(dq[3]):>10}"
                f" {cpu_ratio:>7} {dq[1]:>4} {rows:>7}  {kind:<11} {query}")
        out(f"   SQL as run: {os.path.relpath(args.results)}/{section}N.sql")

    if "k" in args.sections:
        out()
        out(f"k) check of one document: dq check --for {unit} --year {last_year}")
        argv = [args.dq, "check", "--db", args.db, "--for", unit, "--year", str(last_year), "--format", "csv"]
        wrapped = ["sh", "-c", shlex.join(argv) + " >/dev/null; test $? -le 1"]
        m = measure({"check": wrapped}, args)
        seconds, runs, (once, status, _, err, _), cpu = m["check"]
        findings = timed_once(argv, args.timeout)[2] - 1
        out(f"   {fmt_time(seconds):>10}  CPU {fmt_time(cpu)}, {runs} runs, {findings} findings"
            f"{' (exit ' + str(status) + ': ' + err + ')' if status not in (0, None) else ''}")

    if "i" in args.sections:
        import_rate(args, out)

    with open(os.path.join(args.results, "summary.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")


def all_units_cpu(args, out, year):
    """Section x on a busy machine: every statement over all units and its SQL in sqlite3,
    all started at once, CPU seconds each (one run)."""
    out()
    out(f"x) every unit, CPU time of one run (all started at once; killed after "
        f"{args.cpu_limit:.0f} s of wall time: '>' marks a lower bound)")
    out(f"   {'CPU sqlite3':>12} {'CPU dq':>12} {'ratio':>7} {'rows':>9}  {'class':<11} statement")
    commands, queries = {}, []
    for index, (label, query) in enumerate(statements(None, year), 1):
        try:
            sql = bench.explain_sql(args.dq, args.db, query)
        except RuntimeError as e:
            out(f"   {'-':>12} {'-':>12} {'-':>7} {'-':>9}  {'ERROR':<11} {query}: {e}")
            continue
        sql_path = os.path.join(args.results, f"x{index}.sql")
        with open(sql_path, "w") as f:
            f.write(f"-- {query}\n{sql};\n")
        commands[("sqlite3", query)] = [args.sqlite3, "-csv", args.db, f".read {sql_path}"]
        commands[("dq", query)] = [args.dq, "--db", args.db, "--format", "csv", "-c", query]
        queries.append(query)
    results = cpu_all_at_once(commands, args.cpu_limit)

    def cell(result):
        cpu, finished, _ = result
        return f"{fmt_time(cpu)}" if finished else f">{fmt_time(cpu)}"
    for query in queries:
        sq, dq = results[("sqlite3", query)], results[("dq", query)]
        ratio = f"{dq[0] / sq[0]:.2f}×" if sq[1] and dq[1] and sq[0] > 0 else "-"
        rows = f"{sq[2]}" if sq[1] and dq[1] and dq[2] - 1 == sq[2] else \
            f"{max(dq[2] - 1, 0)}≠{sq[2]}" if sq[1] and dq[1] else "-"
        kind = "interactive" if dq[1] and dq[0] < INTERACTIVE else "batch"
        out(f"   {cell(sq):>12} {cell(dq):>12} {ratio:>7} {rows:>9}  {kind:<11} {query}")
    out(f"   SQL as run: {os.path.relpath(args.results)}/xN.sql")


def import_rate(args, out):
    """Imports the four real documents into the big database in one process, three times,
    deleting them (and the units they added) after each run, so the database is left as it
    was; the same into an empty database for comparison. Documents per second = 4 / median."""
    files = [os.path.abspath(os.path.join(bench.FIXTURES, name)) for name in bench.DOCUMENTS]
    out()
    out(f"i) import of {len(files)} real documents in one process (dq import FILE…), 3 runs each")
    empty_times, big_times, empty_cpu, big_cpu = [], [], [], []
    work = os.path.join(args.results, "import")
    os.makedirs(work, exist_ok=True)
    for _ in range(3):
        target = bench.fresh_database(args.dq, os.path.join(work, "target.sqlite"))
        seconds, status, _, err, cpu = timed_once([args.dq, "import", "--db", target] + files, args.timeout)
        if status != 0:
            out(f"   import into an empty database failed: {err}")
            return
        empty_times.append(seconds)
        empty_cpu.append(cpu)
    db = sqlite3.connect(args.db, isolation_level=None)
    last_disclosure = db.execute("SELECT max(id) FROM disclosure").fetchone()[0]
    last_unit = db.execute("SELECT max(id) FROM unit").fetchone()[0]
    db.close()
    for _ in range(3):
        seconds, status, _, err, cpu = timed_once([args.dq, "import", "--db", args.db] + files, args.timeout)
        started = time.monotonic()
        db = sqlite3.connect(args.db, isolation_level=None)
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("BEGIN")
        db.execute("DELETE FROM disclosure WHERE id > ?", (last_disclosure,))
        db.execute("DELETE FROM unit WHERE id > ?", (last_unit,))
        db.execute("COMMIT")
        db.close()
        bench.note(f"   removed the imported documents again in {time.monotonic() - started:.1f} s")
        if status != 0:
            out(f"   import into the national database failed: {err or 'timeout'}")
            return
        big_times.append(seconds)
        big_cpu.append(cpu)
    for label, times, cpus in (("an empty database", empty_times, empty_cpu),
                               ("the national database", big_times, big_cpu)):
        wall, cpu = sorted(times)[1], sorted(cpus)[1]
        out(f"   {fmt_time(wall):>10} (CPU {fmt_time(cpu)})  = {len(files) / wall:5.1f} documents/s wall, "
            f"{len(files) / cpu:5.1f} per CPU second, into {label}")


if __name__ == "__main__":
    main()
