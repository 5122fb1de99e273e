#!/usr/bin/env python3
"""Builds the synthetic benchmark database (python3 stdlib only).

    bench/make_synthetic_db.py [--dq PATH] [--out PATH] [--force] [--units N]

Starts from `dq init --empty` (schema + catalog, exactly as dq makes it), then adds in one
transaction:
  * 2,000 units in one region: 400 部门 (no parent) and 1,600 单位, two thirds of which
    have a 部门 as parent;
  * 2 决算 disclosures per unit (2023, 2024): origin 'import', template 'shanghai', a real
    64-hex sha256, money_unit 万元, line_count 100;
  * for every disclosure, every catalog measure in column 'actual' for the disclosure's
    year and the year before (a 2024 document states 2023 figures too, so the per-unit lookup has
    two candidates to rank for 2023): money measures in amount_fen, count/points measures
    in quantity; fund_id is the measure's own;
  * for every disclosure, half of the 7-digit func_code codes (which half depends on the
    unit), in funds 'all' and 'general', columns actual/basic/project.
That is 2 × 94 + 35 × 2 × 3 = 398 facts per disclosure, about 1.6 million facts.
Then fact.chosen (the occurrence queries read per key) is set from the view fact_choice,
as dq's writer sets it (Store ValueChoice.refreshAll).

The result is cached at bench/.data/synthetic.sqlite and rebuilt only when it is missing
(or with --force). Prints the path of the database on stdout.
"""
import argparse
import hashlib
import os
import sqlite3
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

UNITS = 2000
DEPARTMENTS = 400          # units 1..400 are 部门; the others are 单位
YEARS = (2023, 2024)
LINES = 100                # line_count of every disclosure; facts cite lines 1..100


def set_units(units):
    """Scales the corpus: facts grow linearly with units (796 per unit)."""
    global UNITS, DEPARTMENTS
    UNITS = units
    DEPARTMENTS = max(1, units // 5)


def sha256_hex(text):
    return hashlib.sha256(text.encode()).hexdigest()


def build(dq, out):
    os.makedirs(os.path.dirname(out), exist_ok=True)
    tmp = out + ".tmp"
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(tmp + suffix):
            os.remove(tmp + suffix)
    subprocess.run([dq, "init", "--empty", "--db", tmp], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    started = time.monotonic()
    db = sqlite3.connect(tmp, isolation_level=None)
    db.create_function("sha256_hex", 1, sha256_hex, deterministic=True)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA cache_size = -262144")  # 256 MB, keeps the index inserts in memory
    db.execute("BEGIN")

    # Units: 1..400 部门; 401..2000 单位, those with id % 3 != 0 under 部门 ((id - 1) % 400) + 1.
    db.execute("""
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
        INSERT INTO unit (id, name, region, kind, parent_id)
        SELECT i,
               CASE WHEN i <= ?2 THEN printf('合成第%04d部门', i) ELSE printf('合成第%04d单位', i) END,
               '合成市',
               CASE WHEN i <= ?2 THEN '部门' ELSE '单位' END,
               CASE WHEN i > ?2 AND i % 3 != 0 THEN ((i - 1) % ?2) + 1 END
        FROM n
        """, (UNITS, DEPARTMENTS))

    # Disclosures: one per unit and year, ids in (unit, year) order.
    db.execute("""
        INSERT INTO disclosure (unit_id, year, kind, template, title, source_file, sha256,
                                money_unit, line_count, origin)
        SELECT u.id, y.year, '决算', 'shanghai',
               u.name || y.year || '年度部门决算', printf('synthetic/%04d-%d.txt', u.id, y.year),
               sha256_hex(printf('synthetic %d %d', u.id, y.year)), '万元', ?1, 'import'
        FROM unit u CROSS JOIN (SELECT ?2 AS year UNION ALL SELECT ?3) y
        ORDER BY u.id, y.year
        """, (LINES, YEARS[0], YEARS[1]))

    # Measure facts: every measure, the disclosure's year (back = 0) and the year before
    # (back = 1). h is a deterministic pseudo-random value per (disclosure, measure, year).
    db.execute("""
        INSERT INTO fact (disclosure_id, measure_id, code, fund_id, column_id, year,
                          amount_fen, quantity, printed, printed_unit, derived, source_kind,
                          line_from, line_to)
        SELECT disclosure_id, measure_id, NULL, fund_id, 'actual', year,
               CASE WHEN value_kind = 'money' THEN h * 10000 END,
               CASE value_kind WHEN 'count' THEN h % 500 WHEN 'points' THEN 8000 + h % 2000 END,
               CASE value_kind WHEN 'count' THEN CAST(h % 500 AS TEXT)
                               WHEN 'points' THEN printf('%d.%02d', (8000 + h % 2000) / 100, (8000 + h % 2000) % 100)
                               ELSE printf('%d.%02d', h / 100, h % 100) END,
               CASE value_kind WHEN 'money' THEN '万元' WHEN 'count' THEN count_unit ELSE '分' END,
               0, 'table', line, line
        FROM (
            SELECT d.id AS disclosure_id, m.id AS measure_id, m.fund_id, m.value_kind, m.count_unit,
                   d.year - b.back AS year,
                   (d.id * 7919 + m.sort_order * 104729 + b.back * 1299709) % 1000003 AS h,
                   1 + (m.sort_order * 2 + b.back) % ?1 AS line
            FROM disclosure d CROSS JOIN measure m CROSS JOIN (SELECT 0 AS back UNION ALL SELECT 1) b
            ORDER BY d.id, b.back, m.sort_order
        )
        """, (LINES,))

    # Code facts: half of the 7-digit codes per disclosure, funds all/general,
    # columns actual/basic/project (actual = basic + project).
    db.execute("""
        INSERT INTO fact (disclosure_id, measure_id, code, fund_id, column_id, year,
                          amount_fen, quantity, printed, printed_unit, derived, source_kind,
                          line_from, line_to)
        SELECT disclosure_id, NULL, code, fund_id, column_id, year, v * 10000, NULL,
               printf('%d.%02d', v / 100, v % 100), '万元', 0, 'table', line, line
        FROM (
            SELECT disclosure_id, code, fund_id, column_id, year, line,
                   CASE column_id WHEN 'basic' THEN hb WHEN 'project' THEN hp ELSE hb + hp END
                     * CASE fund_id WHEN 'all' THEN 3 ELSE 2 END AS v
            FROM (
                SELECT d.id AS disclosure_id, c.code, f.fund_id, k.column_id, d.year,
                       (d.id * 31 + c.idx * 101) % 9973 AS hb, (d.id * 17 + c.idx * 211) % 7919 AS hp,
                       1 + (c.idx * 3 + k.ord) % ?1 AS line, c.idx, k.ord
                FROM disclosure d
                CROSS JOIN (SELECT code, row_number() OVER (ORDER BY code) AS idx
                            FROM (SELECT DISTINCT code FROM func_code WHERE length(code) = 7)) c
                CROSS JOIN (SELECT 'all' AS fund_id UNION ALL SELECT 'general') f
                CROSS JOIN (SELECT 'actual' AS column_id, 0 AS ord UNION ALL SELECT 'basic', 1
                            UNION ALL SELECT 'project', 2) k
                WHERE (d.unit_id + c.idx) % 2 = 0
            )
            ORDER BY disclosure_id, code, fund_id, ord
        )
        """, (LINES,))

    # The value each key's queries read (fact.chosen), decided as dq's writer decides it:
    # the same statement over the schema's view fact_choice, for every unit at once.
    db.execute("""
        UPDATE fact SET chosen = c.chosen FROM fact_choice c
        WHERE fact.id = c.fact_id AND fact.chosen != c.chosen
        """)

    db.execute("COMMIT")
    facts = db.execute("SELECT count(*) FROM fact").fetchone()[0]
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    for suffix in ("-wal", "-shm"):
        if os.path.exists(tmp + suffix):
            os.remove(tmp + suffix)
    os.replace(tmp, out)
    print(f"built {out}: {facts:,} facts, {UNITS * len(YEARS):,} disclosures, "
          f"{UNITS:,} units in {time.monotonic() - started:.1f} s", file=sys.stderr)


def usable(dq, out):
    """The cached database exists and this dq accepts it (same schema and catalog)."""
    if not os.path.exists(out):
        return False
    r = subprocess.run([dq, "--db", out, "-c", "sql SELECT count(*) FROM fact"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if r.returncode != 0:
        print(f"cached {out} refused by dq, rebuilding: {r.stderr.decode(errors='replace').strip()}",
              file=sys.stderr)
        return False
    return True


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--dq", default=os.path.join(ROOT, ".build", "release", "dq"))
    p.add_argument("--out", default=os.path.join(HERE, ".data", "synthetic.sqlite"))
    p.add_argument("--force", action="store_true", help="rebuild even when cached")
    p.add_argument("--units", type=int, default=UNITS,
                   help="units (default 2,000: about 1.6M facts; 12,560: about 10M); a fifth are 部门")
    a = p.parse_args()
    set_units(a.units)
    if a.force or not usable(a.dq, a.out):
        if os.path.exists(a.out):
            os.remove(a.out)
        build(a.dq, a.out)
    print(a.out)


if __name__ == "__main__":
    main()
