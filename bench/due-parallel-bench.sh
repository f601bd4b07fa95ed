#!/usr/bin/env bash
# bench/due-parallel-bench.sh — the speed-up of a parallel `recon due` (issue 24 item 4): the sample
# registries of 31 provinces on one throwaway cluster, then a window day's pass (official
# reconciliation, lists, tracking) into a fresh results database with --jobs 1, 2, 3 and 4, and two
# copies started together (--jobs 2 each) sharing the work by advisory locks. Not part of CI.
#
#   bench/due-parallel-bench.sh [ROWS]   keys per province and record set (default 2000)
#
# Run it under the shared lock when sharing the machine (-o: the server it starts must not inherit
# the lock): flock -o /work/.heavy.lock bench/due-parallel-bench.sh
# Environment: RECON=path to a recon binary (default .build/release/recon, else .build/debug/recon);
#   JOBS="1 2 3 4"; REPEAT=n (default 1; the median is printed); KEEP=1 keeps the cluster.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
rows=${1:-2000}
jobs_list=${JOBS:-1 2 3 4}
repeat=${REPEAT:-1}
recon=${RECON:-}
if [ -z "$recon" ]; then
  for candidate in .build/release/recon .build/debug/recon; do
    if [ -x "$candidate" ]; then recon="$root/$candidate"; break; fi
  done
fi
[ -n "$recon" ] || { echo "due-parallel-bench: build recon first (swift build -c release --product recon)" >&2; exit 1; }
scratch="$root/.bench/due-parallel"
rm -rf "$scratch"; mkdir -p "$scratch"
dsn=$(bash jobs/pg-local.sh start bench-due)
if [ "${KEEP:-0}" != 1 ]; then trap 'bash jobs/pg-local.sh stop bench-due' EXIT; fi
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
port=${dsn##*:}; port=${port%%/*}
sql() { "$pgbin/psql" -h 127.0.0.1 -p "$port" -U recon -d recon -qAt -c "$1"; }

echo "== sample: 31 provinces × 3 record sets × $rows keys (binary $recon)" >&2
"$recon" sample generate --server "$dsn" --provinces 31 --rows "$rows" --quarter 2026Q3 --replace \
  --config-out "$scratch/recon.toml" >/dev/null 2>"$scratch/sample.log"

# pass LABEL JOBS COPIES: a fresh results database, then COPIES `recon due` started together.
pass() {
  local label=$1 jobs=$2 copies=$3 db="results_$1"
  sql "DROP DATABASE IF EXISTS $db WITH (FORCE)"; sql "CREATE DATABASE $db"
  local results="postgresql://recon@127.0.0.1:$port/$db"
  # The results database of this pass; the same registries.
  awk -v r="$results" 'BEGIN{s=0} /^\[results\]/{print; getline; print "dsn = \"" r "\""; next} {print}' \
    "$scratch/recon.toml" > "$scratch/$label.toml"
  "$recon" migrate --db "$results" >/dev/null
  local start end pids=() status=0
  start=$(date +%s.%N)
  for c in $(seq 1 "$copies"); do
    "$recon" due --config "$scratch/$label.toml" --now 2026-07-02T09:00:00+08:00 --jobs "$jobs" \
      >"$scratch/$label.$c.log" 2>&1 &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || status=$?; done
  end=$(date +%s.%N)
  local runs
  runs=$("$pgbin/psql" -h 127.0.0.1 -p "$port" -U recon -d "$db" -qAt \
    -c "SELECT count(*) FILTER (WHERE status = 'completed') || ' completed, ' || count(DISTINCT province_code) || ' provinces' FROM recon.runs")
  echo "$label $(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.2f", b - a}') $status $runs"
}

median() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
echo
printf '%-22s %10s %8s %s\n' "pass" "seconds" "speed-up" "exit / runs"
base=""
for j in $jobs_list; do
  times=()
  for r in $(seq 1 "$repeat"); do
    read -r _ secs status runs < <(pass "j${j}_r$r" "$j" 1)
    times+=("$secs")
  done
  secs=$(printf '%s\n' "${times[@]}" | median)
  [ -n "$base" ] || base=$secs
  printf '%-22s %10.2f %8.2f %s\n' "--jobs $j" "$secs" "$(awk -v a="$base" -v b="$secs" 'BEGIN{printf "%.2f", a / b}')" "exit $status; $runs"
done
read -r _ secs status runs < <(pass two_copies 2 2)
printf '%-22s %10.2f %8.2f %s\n' "2 copies × --jobs 2" "$secs" "$(awk -v a="$base" -v b="$secs" 'BEGIN{printf "%.2f", a / b}')" "exit $status (both 0: $(grep -l 'exit 0' "$scratch"/two_copies.*.log 2>/dev/null | wc -l) of 2 said so); $runs"
echo
echo "machine: $(nproc) cores; logs in $scratch" >&2
