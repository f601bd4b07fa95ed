#!/usr/bin/env bash
# bench/diff-profile.sh — where the time of a full read goes (issue 18: "profile with callgrind or
# perf rather than guessing"). On the integer shape of bench/diff-bench.sh, variant S (bigint key
# + 10 text columns, 0.5% scattered differences), it times the bare floor (both sides' `COPY
# (SELECT * FROM t ORDER BY id) TO STDOUT` read concurrently by two psql) against `recon bench
# diff --no-normalisers` (full read), then records one recon run and one floor run system-wide
# with `perf record -a -g` (cpu-clock, one sample per 1 ms of CPU) and reports, per process and
# thread, the CPU seconds and the top functions: recon's main (merge) thread and its two reader
# threads, and the two PostgreSQL backends serving the COPYs (found by application_name).
# Not part of CI.
#
#   bench/diff-profile.sh [ROWS]          default 1000000 rows per side
#
# Run it under `flock -o` when sharing the machine: flock -o /work/.heavy.lock bench/diff-profile.sh
# Environment: REPEAT=n timed repetitions (default 5; medians); TOP=n functions listed per
#   process (default 25); RECON=path (default: built here in release mode); KEEP=1 keeps the
#   cluster and the perf data (.bench/profile-*.data).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
. bench/int-shape.sh
rows=${1:-1000000}
repeat=${REPEAT:-5}
top=${TOP:-25}
scratch="$root/.bench"
mkdir -p "$scratch"

command -v perf >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q linux-perf >&2
if [ -z "${RECON:-}" ]; then
  swift build -c release --scratch-path .build-diff-release --product recon >&2
  RECON="$root/.build-diff-release/release/recon"
fi
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
psql="$pgbin/psql"
sql() { "$psql" -qX -v ON_ERROR_STOP=1 "$@"; }
now() { echo "${EPOCHREALTIME/,/.}"; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

dsn=$(bash jobs/pg-local.sh start bench-profile)
if [ "${KEEP:-0}" != 1 ]; then trap 'bash jobs/pg-local.sh stop bench-profile; rm -f "$scratch"/profile-*.data' EXIT; fi
sql "$dsn" -c "ALTER SYSTEM SET shared_buffers = '2GB'" -c "ALTER SYSTEM SET work_mem = '256MB'" -c "ALTER SYSTEM SET max_wal_size = '8GB'" >/dev/null
bash jobs/pg-local.sh stop bench-profile --keep
dsn=$(bash jobs/pg-local.sh start bench-profile)
base=${dsn%/*}

# --- data: m_t and p_s exactly as bench/diff-bench.sh makes them ----------------------------
cols=$int_cols; sel=$int_sel
sql "$base/postgres" -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS bench_int" -c "CREATE DATABASE bench_int" \
  -c "DROP DATABASE IF EXISTS bench_r" -c "CREATE DATABASE bench_r" >/dev/null
db="$base/bench_int"
echo "== int S, $rows rows per side: generating…" >&2
sql "$db" <<SQL &
CREATE UNLOGGED TABLE m_t (id bigint PRIMARY KEY$cols, province_code text, submitted_at timestamptz);
INSERT INTO m_t SELECT i$sel, '410000', now() FROM generate_series(1, $rows) AS i;
SQL
sql "$db" <<SQL &
CREATE UNLOGGED TABLE p_s (id bigint PRIMARY KEY$cols);
INSERT INTO p_s SELECT CASE WHEN i % 200 = 0 AND (i / 200) % 3 = 2 THEN i + $rows ELSE i END$sel FROM generate_series(1, $rows) AS i
  WHERE NOT (i % 200 = 0 AND (i / 200) % 3 = 0);
UPDATE p_s SET c5 = c5 || 'x' WHERE id IN (SELECT i FROM generate_series(1, $rows) AS i WHERE i % 200 = 0 AND (i / 200) % 3 = 1);
SQL
wait
sql "$db" -c "VACUUM ANALYZE" >/dev/null

recon_args=(bench diff --results "$base/bench_r" --ministry "$db" --province-db "$db" --key id --fields c1,c2,c3,c4,c5,c6,c7,c8,c9,c10
            --ministry-table m_t --province-table p_s --ministry-deleted-column "" --no-normalisers --read full)

floor_m="COPY (SELECT * FROM m_t ORDER BY id) TO STDOUT"
floor_p="COPY (SELECT * FROM p_s ORDER BY id) TO STDOUT"
floor() { # both sides at once, as recon reads them; prints seconds
  local t0; t0=$(now)
  PGAPPNAME=floor-ministry "$psql" -qX "$db" -c "$floor_m" >/dev/null &
  PGAPPNAME=floor-province "$psql" -qX "$db" -c "$floor_p" >/dev/null &
  wait
  elapsed "$t0" "$(now)"
}
recon_once() { # prints "wall user sys recon_seconds line"
  local out line
  out=$(/usr/bin/time -f "TIME %e %U %S" "$RECON" "${recon_args[@]}" 2>&1)
  line=$(grep '^run=' <<<"$out") || { echo "$out" >&2; exit 1; }
  read -r _ w u s < <(grep '^TIME ' <<<"$out")
  echo "$w $u $s $(grep -o 'seconds=[^ ]*' <<<"$line" | cut -d= -f2) $line"
}

# --- timings --------------------------------------------------------------------------------
floor >/dev/null; recon_once >/dev/null  # warm-up
declare -a ft rw ru rs rsec
for ((k = 1; k <= repeat; k++)); do
  ft+=("$(floor)")
  read -r w u s sec line < <(recon_once)
  rw+=("$w"); ru+=("$u"); rs+=("$s"); rsec+=("$sec")
  echo "   try $k: floor ${ft[-1]} s, recon ${sec} s (process $w s, user $u s, sys $s s)" >&2
done

# --- profiles ---------------------------------------------------------------------------------
# The backends serving a run, by application_name, polled while it runs: "pid<TAB>app<TAB>query".
watch_backends() { # $1 application_name pattern, $2 output file; until killed
  while :; do
    "$psql" -XAtq -F $'\t' "$base/postgres" -c "SELECT pid, application_name, regexp_replace(query, '\s+', ' ', 'g') FROM pg_stat_activity
      WHERE application_name LIKE '$1' AND state = 'active' AND query LIKE 'COPY%'" >>"$2" 2>/dev/null || true
    sleep 0.25
  done
}
profile() { # $1 name, $2 application_name pattern, $3… the command → .bench/profile-$1.{data,pids,out}
  local name=$1 pattern=$2; shift 2
  : >"$scratch/profile-$name.pids"
  watch_backends "$pattern" "$scratch/profile-$name.pids" & local watcher=$!
  sleep 0.2
  perf record -a --call-graph dwarf -e cpu-clock -c 1000000 -o "$scratch/profile-$name.data" -- "$@" \
    >"$scratch/profile-$name.out" 2>"$scratch/profile-$name.err"
  kill "$watcher"; wait "$watcher" 2>/dev/null || true
}
floor_cmd=$(printf 'PGAPPNAME=floor-ministry %q -qX %q -c %q >/dev/null & PGAPPNAME=floor-province %q -qX %q -c %q >/dev/null & wait' \
  "$psql" "$db" "$floor_m" "$psql" "$db" "$floor_p")
echo "== perf record -a: recon" >&2
profile recon 'recon reconcile%' sh -c 'echo $$ > "$0"; exec "$@"' "$scratch/profile-recon.pid" "$RECON" "${recon_args[@]}"
recon_pid=$(cat "$scratch/profile-recon.pid")
recon_line=$(grep '^run=' "$scratch/profile-recon.out")
echo "== perf record -a: floor" >&2
profile floor 'floor-%' /usr/bin/time -f %e -o "$scratch/profile-floor.time" bash -c "$floor_cmd"; floor_wall=$(cat "$scratch/profile-floor.time")

backend() { awk -F'\t' -v p="$2" '$2 ~ p { print $1; exit }' "$scratch/profile-$1.pids"; }
statement() { awk -F'\t' -v p="$2" '$2 ~ p { print $3; exit }' "$scratch/profile-$1.pids"; }
m_recon=$(backend recon 'ministry$'); p_recon=$(backend recon 'province$'); r_recon=$(backend recon '410000$')
m_floor=$(backend floor ministry); p_floor=$(backend floor province)
recon_wall=$(grep -o 'seconds=[^ ]*' <<<"$recon_line" | cut -d= -f2)

rep() { perf report -i "$scratch/profile-$1.data" --stdio -g none -n "${@:2}" 2>/dev/null | grep -E '^ +[0-9.]+%' || true; }
cpu_ms() { rep "$@" --no-children --sort pid | awk '{ s += $2 } END { print s + 0 }'; }
backend_summaries() { # $1 data (recon|floor), $2 whose COPY, $3 ministry backend pid, $4 province backend pid
  local side pid
  for side in ministry province; do
    pid=$3; [ $side = province ] && pid=$4
    echo
    echo "### PostgreSQL backend serving $2 $side COPY (pid $pid)"
    summary "$1" postgres --pid "$pid"
  done
}
summary() { # $1 data, $2 recon|postgres, perf script filter args…
  perf script -i "$scratch/profile-$1.data" -F comm,pid,tid,ip,sym,dso "${@:3}" 2>/dev/null \
    | PATH="$PATH:$(dirname "$(command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)")" python3 bench/perf-summary.py --kind "$2" --top "$top"
}

{
  echo "diff profile: int shape S (bigint key + 10 text columns, 0.5% scattered differences), $rows rows per side, one loopback cluster; $(nproc) cores; PostgreSQL $("$psql" -XAtq "$base/postgres" -c 'SHOW server_version'), shared_buffers 2GB, work_mem 256MB; $(perf version)"
  echo
  echo "## Time (median of $repeat, same session, warm cache)"
  echo
  echo "- floor (two psql, both COPY (SELECT * FROM t ORDER BY id) TO STDOUT at once, into /dev/null): $(median "${ft[@]}") s   [${ft[*]}]"
  echo "- recon bench diff --no-normalisers --read full: $(median "${rsec[@]}") s (recon's seconds=), process $(median "${rw[@]}") s, CPU user $(median "${ru[@]}") s + sys $(median "${rs[@]}") s   [${rsec[*]}]"
  echo "- recon ÷ floor: $(awk -v a="$(median "${rsec[@]}")" -v b="$(median "${ft[@]}")" 'BEGIN { printf "%.2f", a / b }')"
  echo "- recon's statements (pg_stat_activity during the profiled run) and their plans:"
  for side in ministry province; do
    s=$(statement recon "$side\$")
    echo "    $side: $s"
    q=${s#COPY (}; q=${q% TO STDOUT}; q=${q%)}
    "$psql" -XAtq "$db" -c "EXPLAIN $q" | sed 's/^/        /'
  done
  echo
  echo "## perf record -a --call-graph dwarf -e cpu-clock -c 1000000 (1 sample = 1 ms on a CPU): one recon run ($recon_wall s) and one floor run ($floor_wall s)"
  echo
  echo "### CPU during the recon run ($(awk -v w="$recon_wall" -v n="$(nproc)" 'BEGIN { printf "%.0f", w * n * 1000 }') ms of CPU available in its $recon_wall s)"
  echo "- recon (pid $recon_pid) by thread (the main thread merges, the two others read a side each):"
  rep recon --pid "$recon_pid" --no-children --sort pid | awk -v m="$recon_pid" -v w="$recon_wall" '{ split($3, a, ":"); if (a[1] == "-1") next; printf "    tid %s%s: %5.0f ms CPU (%.0f%% of the run; the rest waiting)\n", a[1], (a[1] == m ? " (main)" : ""), $2, $2 / (w * 10) }'
  echo "- backend serving the ministry COPY (pid $m_recon): $(cpu_ms recon --pid "$m_recon") ms CPU"
  echo "- backend serving the province COPY (pid $p_recon): $(cpu_ms recon --pid "$p_recon") ms CPU"
  echo "- backend storing the differences (results, pid $r_recon): $(cpu_ms recon --pid "$r_recon") ms CPU"
  echo "- the whole machine during the run, by command (swapper = idle):"
  rep recon --no-children --sort comm | awk 'NR <= 8 { printf "    %-16s %6.0f ms\n", $3, $2 }'
  echo
  echo "### recon, main thread (tid $recon_pid: merge, compare, difference writing)"
  summary recon recon --tid "$recon_pid"
  readers=$(rep recon --pid "$recon_pid" --no-children --sort pid | awk -v m="$recon_pid" '{ split($3, a, ":"); if (a[1] != m && a[1] != "-1") printf "%s%s", (n++ ? "," : ""), a[1] }')
  echo
  echo "### recon, the other threads (tids $readers: the two COPY readers)"
  summary recon recon --tid "$readers"
  backend_summaries recon "recon's" "$m_recon" "$p_recon"
  echo
  echo "### PostgreSQL backend storing the differences (pid $r_recon)"
  summary recon postgres --pid "$r_recon"
  echo
  echo "### CPU during the floor run"
  echo "- backend serving the ministry COPY (pid $m_floor): $(cpu_ms floor --pid "$m_floor") ms CPU; province (pid $p_floor): $(cpu_ms floor --pid "$p_floor") ms CPU; the two psql: $(cpu_ms floor --comms psql) ms CPU"
  echo "- the whole machine during the floor run, by command (swapper = idle):"
  rep floor --no-children --sort comm | awk 'NR <= 8 { printf "    %-16s %6.0f ms\n", $3, $2 }'
  backend_summaries floor "the floor's" "$m_floor" "$p_floor"
}

# --- a checksum read, statement by statement (auto_explain, actual rows, no timing) ------------
if [ "${CHECKSUM:-1}" = 1 ]; then
  data=$(cat .pg/bench-profile/datadir)
  ck_plain=$("$RECON" "${recon_args[@]/%full/checksum}" | grep '^run=')
  sql "$base/postgres" -c "LOAD 'auto_explain'" -c "ALTER SYSTEM SET session_preload_libraries = 'auto_explain'" -c "ALTER SYSTEM SET auto_explain.log_min_duration = 0" \
    -c "ALTER SYSTEM SET auto_explain.log_analyze = on" -c "ALTER SYSTEM SET auto_explain.log_timing = off" \
    -c "ALTER SYSTEM SET log_line_prefix = '%m [%p] %a: '" -c "SELECT pg_reload_conf()" >/dev/null
  mark=$(wc -l <"$data/server.log")
  ck_explained=$("$RECON" "${recon_args[@]/%full/checksum}" | grep '^run=')
  sql "$base/postgres" -c "LOAD 'auto_explain'" -c "ALTER SYSTEM RESET session_preload_libraries" -c "ALTER SYSTEM RESET auto_explain.log_min_duration" \
    -c "ALTER SYSTEM RESET auto_explain.log_analyze" -c "ALTER SYSTEM RESET auto_explain.log_timing" -c "ALTER SYSTEM RESET log_line_prefix" \
    -c "SELECT pg_reload_conf()" >/dev/null
  echo
  echo "## The same reconciliation with --read checksum: where its time goes, statement by statement"
  echo
  echo "- without auto_explain: ${ck_plain#run=* }"
  echo "- with auto_explain (log_analyze on, log_timing off): ${ck_explained#run=* }"
  echo "- each COPY statement of that run, in order (server duration; plan with actual rows; long bucket lists elided):"
  tail -n +"$((mark + 1))" "$data/server.log" | python3 -c '
import re, sys
records, cur = [], None
for line in sys.stdin:
    m = re.match(r"^\S+ \S+ \S+ \[\d+\] (.*?): LOG:  duration: ([\d.]+) ms  plan:", line)
    if m:
        cur = {"app": m.group(1), "ms": float(m.group(2)), "lines": []}; records.append(cur); continue
    if line.startswith("\t") and cur is not None: cur["lines"].append(line.rstrip("\n")[1:])
    elif not line.startswith("\t"): cur = None
for r in records:
    text = next((l for l in r["lines"] if l.startswith("Query Text:")), "")
    if "COPY" not in text: continue
    side = r["app"].rsplit(" ", 1)[-1]
    lists = [len(x.split(",")) for x in re.findall(r"ANY\(\x27\{([^}]*)\}", text)]
    within = re.findall(r"% (\d+)\)+ = ANY", text)
    if "GROUP BY b ORDER BY b" in text:
        modulus = re.search(r"% (\d+)\)+ AS b", text).group(1)
        what = "checksums at modulus " + modulus + (" within %d buckets of %s" % (lists[0], within[0]) if lists else " (whole table)")
    else:
        what = "rows of %d buckets of %s" % (lists[0], within[0]) if lists else "rows (whole table)"
    print("    %-8s %8.0f ms  %s" % (side, r["ms"], what))
    for l in r["lines"]:
        if l.startswith("Query Text:"): continue
        l = re.sub(r"\x27\{[^}]{40,}\}\x27", "\x27{…}\x27", l)
        print("                 " + l[:160])
'
fi
