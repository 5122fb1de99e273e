#!/bin/sh
# Dumps the content tables of databases made from every fixture, one file per input, so a
# refactor of the importer can be checked byte for byte: run it before and after, then
# `diff -r BEFORE AFTER`. Usage: scripts/content_dump.sh DQ OUTDIR
#   DQ      the dq binary (e.g. .build/debug/dq)
#   OUTDIR  created; holds NAME.tables (content rows, in id order) and NAME.report (import output)
set -eu
dq=$1 out=$2
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tables="unit unit_alias disclosure fact source_table statement derivation_input project project_figure indicator paragraph"

dump() {   # NAME DB
    for t in $tables; do
        echo "== $t"
        sqlite3 -cmd ".mode quote" "$2" "SELECT * FROM $t ORDER BY rowid"
    done > "$out/$1.tables"
}

import() {   # NAME FILE…
    name=$1; shift
    db="$work/$name.sqlite"
    rm -f "$db"
    "$dq" init --empty --db "$db" > /dev/null 2>&1
    "$dq" import --db "$db" "$@" > "$out/$name.report" 2>&1 || echo "exit $?" >> "$out/$name.report"
    dump "$name" "$db"
}

# The seed alone: a new database. Every other input is imported into an empty one.
"$dq" init --db "$work/seed.sqlite" > /dev/null 2>&1
dump seed "$work/seed.sqlite"
d=$root/fixtures/disclosures
for f in "$d"/*.txt "$d"/pdf/*.pdf "$d"/variants/*.txt "$d"/constructed/*.txt "$d"/budgets/*.txt; do
    import "$(basename "$f")" "$f"
done
# The budgets together (pairs of one disclosure are joined).
import all-budgets "$d"/budgets/*.txt
