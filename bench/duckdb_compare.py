#!/usr/bin/env python3
"""The all-unit statements' SQL in sqlite3 against DuckDB on the same rows (issue #13's measuring
stick: each within 2× of what DuckDB needs). Not part of `make bench`: needs `pip install duckdb`.

usage: duckdb_compare.py DB SQL_FILE...   (DB: a dq database, e.g. bench/.data/synthetic-12560.sqlite;
                                           SQL_FILE: bench/.data/results/queryN.sql, written by section a)

The tables the statements read are copied into a DuckDB file beside DB through CSV (DuckDB's SQLite
reader is an extension that must be downloaded). Prints medians of 5 runs, sqlite3 (the CLI,
`.read`) and DuckDB with 1 and with 2 threads (in process), and the ratios.
"""
import os
import statistics
import subprocess
import sys
import time

import duckdb

TABLES = ["unit", "disclosure", "fact", "measure", "fact_column", "fund", "func_code"]
RUNS = 5


def copy(db, target):
    """DuckDB copies of the statements' tables (codes kept as text: '201' is not a number)."""
    connection = duckdb.connect(target)
    for table in TABLES:
        csv = f"{target}.{table}.csv"
        with open(csv, "w") as out:
            subprocess.run(["sqlite3", "-csv", "-header", db, f"SELECT * FROM {table}"], stdout=out, check=True)
        types = ", types = {'code': 'VARCHAR'}" if table in ("fact", "func_code") else ""
        connection.execute(f"CREATE TABLE {table} AS SELECT * FROM read_csv('{csv}', header = true, nullstr = '', "
                           f"sample_size = -1{types})")
        os.remove(csv)
    connection.close()


def median_seconds(run):
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    db, paths = sys.argv[1], sys.argv[2:]
    target = db + ".duckdb"
    if not os.path.exists(target):
        copy(db, target)
    connection = duckdb.connect(target, read_only=True)
    print(f"{'sqlite3':>10} {'duckdb×1':>10} {'duckdb×2':>10} {'ratio×1':>8} {'ratio×2':>8}  statement")
    for path in paths:
        sql = open(path).read()
        title = sql.splitlines()[0].removeprefix("-- ")
        sqlite = median_seconds(lambda: subprocess.run(["sqlite3", "-csv", db, f".read {path}"],
                                                       stdout=subprocess.DEVNULL, check=True))
        duck = {}
        for threads in (1, 2):
            connection.execute(f"SET threads = {threads}")
            connection.execute(sql).fetchall()
            duck[threads] = median_seconds(lambda: connection.execute(sql).fetchall())
        print(f"{sqlite * 1000:8.1f}ms {duck[1] * 1000:8.1f}ms {duck[2] * 1000:8.1f}ms "
              f"{sqlite / duck[1]:7.2f}× {sqlite / duck[2]:7.2f}×  {title}")


if __name__ == "__main__":
    main()
