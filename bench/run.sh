#!/usr/bin/env bash
# Benchmarks dq against the sqlite3 CLI on a synthetic database of ~1.6 million facts.
#   bench/run.sh                 build (release), make the database if missing, measure
#   SKIP_BUILD=1 bench/run.sh    use the existing .build/release/dq
#   RUNS=3 WARMUP=1 bench/run.sh fewer hyperfine runs (default 10 and 2)
#   FORCE_DB=1 bench/run.sh      rebuild the synthetic databases
#   SCALES="2000" bench/run.sh   only the 1.6M-fact corpus (default "2000 12560": 1.6M and 10M facts)
#   bench/run.sh --national      the capacity table at 10^8 facts (bench/README.md, "National scale")
# Extra arguments go to bench/bench.py (e.g. --query 'summary 2024' to measure one query).
# See bench/README.md for what the numbers mean. Exits 0 even when a bar is missed.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in hyperfine sqlite3 python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is not installed (make deps installs it)" >&2; exit 1; }
done

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  swift build -c release --product dq --static-swift-stdlib >&2   # as `make build`
fi
DQ=.build/release/dq
[ -x "$DQ" ] || { echo "bench: $DQ is missing (run without SKIP_BUILD=1)" >&2; exit 1; }

force=()
[ "${FORCE_DB:-0}" = 1 ] && force=(--force)

# --national: the capacity measurements on the 10^8-fact database (bench/make_national_db.py
# makes it, or continues making it, first: 20 minutes of CPU, about an hour niced on a shared
# machine; NATIONAL_LIMIT=SECONDS stops the generator after that long and measures what is
# there). Not part of `make test`.
if [ "${1:-}" = --national ]; then
  shift
  NATIONAL_DB=${NATIONAL_DB:-/work/bench-data/national.sqlite}
  nice -n 10 python3 bench/make_national_db.py --dq "$DQ" --out "$NATIONAL_DB" \
    ${NATIONAL_LIMIT:+--time-limit "$NATIONAL_LIMIT"} >/dev/null
  exec python3 bench/national.py --dq "$DQ" --db "$NATIONAL_DB" --runs "${RUNS:-5}" "$@"
fi

# One corpus per scale (units; 796 facts each): 2,000 ≈ 1.6M facts, 12,560 ≈ 10M facts.
# The first scale runs every section; the others the queries and start-up (a, c).
first=1
for units in ${SCALES:-2000 12560}; do
  out=bench/.data/synthetic.sqlite
  [ "$units" = 2000 ] || out=bench/.data/synthetic-$units.sqlite
  DB=$(python3 bench/make_synthetic_db.py --dq "$DQ" --units "$units" --out "$out" ${force[@]+"${force[@]}"})
  if [ $first = 1 ]; then
    python3 bench/bench.py --dq "$DQ" --db "$DB" --runs "${RUNS:-10}" --warmup "${WARMUP:-2}" "$@"
  else
    echo
    python3 bench/bench.py --dq "$DQ" --db "$DB" --runs "${RUNS:-10}" --warmup "${WARMUP:-2}" \
      --sections ac --results "bench/.data/results-$units" "$@"
  fi
  first=0
done
