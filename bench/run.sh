#!/usr/bin/env bash
# Benchmarks dq against the sqlite3 CLI on a synthetic database of ~1.6 million facts.
#   bench/run.sh                 build (release), make the database if missing, measure
#   SKIP_BUILD=1 bench/run.sh    use the existing .build/release/dq
#   RUNS=3 WARMUP=1 bench/run.sh fewer hyperfine runs (default 10 and 2)
#   FORCE_DB=1 bench/run.sh      rebuild the synthetic database
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
DB=$(python3 bench/make_synthetic_db.py --dq "$DQ" ${force[@]+"${force[@]}"})

exec python3 bench/bench.py --dq "$DQ" --db "$DB" \
  --runs "${RUNS:-10}" --warmup "${WARMUP:-2}" "$@"
