#!/usr/bin/env bash
# Crash-safety of dq databases (`make torture`; a few minutes, not part of `make test`):
#   1. kill -9 during `dq init`, in a loop: the database is absent or complete; no
#      .building-PID file outlives the next init;
#   2. kill -9 during `dq import`, in a loop: integrity_check ok, and the database is in its
#      state before the import or after it, never between;
#   3. imports swapping two versions of one document (--replace) while `dq check` and
#      queries run: every check reports exactly the findings of one version (no false
#      finding), nothing fails;
#   4. a full disk (a small tmpfs where mounting is permitted, else a file-size limit): the
#      import fails with exit 1 naming the cause, the database is unchanged;
#   5. read-only database files and directories: queries work, writes are refused with a
#      message, no byte changes and no -wal/-shm appear.
# Usage: scripts/torture.sh path/to/dq [ROUNDS]
set -u
DQ=$(realpath "${1:?usage: torture.sh path/to/dq [ROUNDS]}")
ROUNDS=${2:-30}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SEED="$ROOT/fixtures/disclosures/000_aa60969cd7f058a1.txt"
VERSION_A="$ROOT/fixtures/disclosures/2024-shanghai-putuo-caizhengju.txt"
VERSION_B="$ROOT/fixtures/disclosures/variants/2024-shanghai-putuo-caizhengju-word-text.txt"
WORK=$(mktemp -d /tmp/dq-torture.XXXXXX)
chmod 755 "$WORK"
FAILURES=0
trap 'rm -rf "$WORK"' EXIT

fail() { echo "FAIL: $*"; FAILURES=$((FAILURES + 1)); }
pass() { echo "ok: $*"; }
integrity() { [ "$(sqlite3 "$1" 'PRAGMA integrity_check' 2>&1)" = "ok" ]; }
count() { sqlite3 "$1" "$2" 2>/dev/null; }
# Kills PID with SIGKILL after a random delay of 0 to $2 milliseconds.
kill_later() { sleep "$(awk -v max="$2" 'BEGIN { srand(); printf "%.3f", rand() * max / 1000 }')"; kill -9 "$1" 2>/dev/null; wait "$1" 2>/dev/null; }

echo "== 1. kill -9 during init ($ROUNDS rounds)"
bad=0
for round in $(seq "$ROUNDS"); do
    db="$WORK/init-$round.db"
    "$DQ" init --db "$db" >/dev/null 2>&1 &
    kill_later $! 150
    if [ -e "$db" ]; then
        integrity "$db" && "$DQ" --db "$db" -c units >/dev/null 2>&1 || { fail "init round $round left a broken $db"; bad=1; }
    fi
done
"$DQ" init --db "$WORK/init-final.db" >/dev/null 2>&1
left=$(find "$WORK" -name 'init-final.db.building-*' | wc -l)
stale=$(find "$WORK" -name '*.building-*' | wc -l)
[ "$left" -eq 0 ] || fail "init left $left .building files of its own"
[ "$bad" -eq 0 ] && pass "every killed init left nothing or a complete database ($stale stale .building files of other targets remain until their next init)"
for round in $(seq "$ROUNDS"); do
    db="$WORK/init-$round.db"
    [ -e "$db" ] && continue
    "$DQ" init --db "$db" >/dev/null 2>&1 || fail "init after a killed init failed for $db"
done
left=$(find "$WORK" -name '*.building-*' | wc -l)
[ "$left" -eq 0 ] && pass "no .building file outlives the next init" || fail "$left .building files remain"

echo "== 2. kill -9 during import ($ROUNDS rounds)"
"$DQ" init --empty --db "$WORK/empty.db" >/dev/null 2>&1
cp "$WORK/empty.db" "$WORK/reference.db"
started=$(date +%s%N)
"$DQ" import "$SEED" --db "$WORK/reference.db" >/dev/null 2>&1
# Kills land anywhere from the start to a little past the end of an import on this machine.
window=$(( ($(date +%s%N) - started) / 1000000 * 12 / 10 ))
facts_after=$(count "$WORK/reference.db" 'SELECT count(*) FROM fact')
paragraphs_after=$(count "$WORK/reference.db" 'SELECT count(*) FROM paragraph')
bad=0; before=0; after=0
for round in $(seq "$ROUNDS"); do
    db="$WORK/import-$round.db"
    cp "$WORK/empty.db" "$db"
    "$DQ" import "$SEED" --db "$db" >/dev/null 2>&1 &
    kill_later $! "$window"
    integrity "$db" || { fail "import round $round: integrity_check"; bad=1; continue; }
    state="$(count "$db" 'SELECT count(*) FROM disclosure') $(count "$db" 'SELECT count(*) FROM fact') $(count "$db" 'SELECT count(*) FROM paragraph')"
    case "$state" in
        "0 0 0") before=$((before + 1)) ;;
        "1 $facts_after $paragraphs_after") after=$((after + 1)) ;;
        *) fail "import round $round: in-between state ($state)"; bad=1 ;;
    esac
done
[ "$bad" -eq 0 ] && pass "every killed import (within ${window} ms) left the state before ($before) or after ($after)"

echo "== 3. concurrent import --replace, check and queries"
cp "$WORK/empty.db" "$WORK/A.db"; cp "$WORK/empty.db" "$WORK/B.db"; cp "$WORK/empty.db" "$WORK/live.db"
"$DQ" import "$VERSION_A" --db "$WORK/A.db" >/dev/null 2>&1
"$DQ" import "$VERSION_B" --db "$WORK/B.db" >/dev/null 2>&1
"$DQ" import "$VERSION_A" --db "$WORK/live.db" >/dev/null 2>&1
"$DQ" check --db "$WORK/A.db" --format csv --fail-on info > "$WORK/check-A.csv" 2>/dev/null
"$DQ" check --db "$WORK/B.db" --format csv --fail-on info > "$WORK/check-B.csv" 2>/dev/null
(
    for round in $(seq "$ROUNDS"); do
        for version in "$VERSION_B" "$VERSION_A"; do
            "$DQ" import "$version" --replace --db "$WORK/live.db" >/dev/null 2>"$WORK/import.err" \
                || cat "$WORK/import.err" >> "$WORK/import-errors"
        done
    done
) &
writer=$!
checks=0; queries=0; bad=0
while kill -0 "$writer" 2>/dev/null; do
    "$DQ" check --db "$WORK/live.db" --format csv --fail-on info > "$WORK/check.csv" 2>"$WORK/check.err"
    status=$?
    if [ "$status" -gt 1 ]; then fail "check exit $status: $(head -c 300 "$WORK/check.err")"; bad=1
    elif ! cmp -s "$WORK/check.csv" "$WORK/check-A.csv" && ! cmp -s "$WORK/check.csv" "$WORK/check-B.csv"; then
        fail "check reported findings of neither version"; bad=1
    fi
    checks=$((checks + 1))
    "$DQ" --db "$WORK/live.db" -c 'units; summary' >/dev/null 2>"$WORK/query.err" || { fail "query: $(head -c 300 "$WORK/query.err")"; bad=1; }
    queries=$((queries + 1))
done
wait "$writer"
[ -s "$WORK/import-errors" ] && { fail "imports failed: $(head -c 300 "$WORK/import-errors")"; bad=1; }
integrity "$WORK/live.db" || fail "live database integrity_check"
[ "$bad" -eq 0 ] && pass "$checks checks and $queries queries during $((ROUNDS * 2)) imports: each check matched one version"

echo "== 4. full disk"
mkdir -p "$WORK/small"
if mount -t tmpfs -o size=600k tmpfs "$WORK/small" 2>/dev/null; then
    cp "$WORK/empty.db" "$WORK/small/full.db" 2>/dev/null || true
    how="a 600 KiB tmpfs"
    limit=""
else
    cp "$WORK/empty.db" "$WORK/small/full.db"
    how="a file-size limit (ulimit -f; mounting a tmpfs is not permitted here)"
    limit=$(( $(stat -c %s "$WORK/small/full.db") / 1024 + 64 ))
fi
if [ -e "$WORK/small/full.db" ]; then
    sum_before=$(sqlite3 "$WORK/small/full.db" 'SELECT count(*) FROM disclosure; SELECT count(*) FROM fact')
    if [ -n "$limit" ]; then
        ( trap '' XFSZ; ulimit -f "$limit"; "$DQ" import "$SEED" --db "$WORK/small/full.db" ) > /dev/null 2> "$WORK/full.err"
    else
        "$DQ" import "$SEED" --db "$WORK/small/full.db" > /dev/null 2> "$WORK/full.err"
    fi
    status=$?
    sum_after=$(sqlite3 "$WORK/small/full.db" 'SELECT count(*) FROM disclosure; SELECT count(*) FROM fact')
    if [ "$status" -ne 1 ]; then fail "import on a full disk exited $status"
    elif ! grep -q -e '磁盘已满' -e '读写数据库文件出错' "$WORK/full.err"; then fail "full disk not named: $(cat "$WORK/full.err")"
    elif grep -q '数据不符合数据库约束' "$WORK/full.err"; then fail "full disk called a constraint failure"
    elif ! integrity "$WORK/small/full.db" || [ "$sum_before" != "$sum_after" ]; then fail "database changed or broken by the failed import"
    else pass "with $how: exit 1, $(grep -o -e '磁盘已满' -e '读写数据库文件出错' "$WORK/full.err" | head -1), database unchanged"
    fi
fi
umount "$WORK/small" 2>/dev/null

echo "== 5. read-only files"
mkdir -p "$WORK/ro"
cp "$WORK/reference.db" "$WORK/ro/ro.db"
chmod 444 "$WORK/ro/ro.db"; chmod 555 "$WORK/ro"
run_as_user() {
    if [ "$(id -u)" = 0 ]; then
        command -v setpriv >/dev/null || return 127
        setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/nonexistent "$@"
    else
        "$@"
    fi
}
sum_before=$(sha256sum < "$WORK/ro/ro.db")
if run_as_user "$DQ" --db "$WORK/ro/ro.db" -c units > "$WORK/ro.out" 2> "$WORK/ro.err" && [ -s "$WORK/ro.out" ]; then
    pass "read-only database in a read-only directory is queryable"
else
    fail "query on a read-only database: $(head -c 300 "$WORK/ro.err")"
fi
run_as_user "$DQ" import "$VERSION_A" --db "$WORK/ro/ro.db" > /dev/null 2> "$WORK/ro-import.err"
status=$?
[ "$status" -eq 1 ] && grep -q '只读\|readonly\|无法' "$WORK/ro-import.err" && pass "import into it refused: $(head -c 200 "$WORK/ro-import.err")" \
    || fail "import into a read-only database: exit $status $(head -c 300 "$WORK/ro-import.err")"
[ "$(sha256sum < "$WORK/ro/ro.db")" = "$sum_before" ] && [ ! -e "$WORK/ro/ro.db-wal" ] && [ ! -e "$WORK/ro/ro.db-shm" ] \
    && pass "no byte changed, no -wal/-shm" || fail "the read-only database or its directory changed"
chmod 755 "$WORK/ro"

echo
if [ "$FAILURES" -eq 0 ]; then echo "torture: all passed"; else echo "torture: $FAILURES failure(s)"; exit 1; fi
