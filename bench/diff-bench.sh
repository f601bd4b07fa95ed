#!/usr/bin/env bash
# bench/diff-bench.sh — the keyed diff (issue 5) against the floor of just reading both sides.
#
#   bench/diff-bench.sh [ROWS ...]        default: 1000000 5000000
#
# For each ROWS, in a throwaway PostgreSQL cluster (jobs/pg-local.sh, cluster "bench-diff"):
#  1. generates the vehicles record set (key: plate number + colour; 21 core fields) with ROWS rows
#     for province 410000 at the ministry (plus ROWS/10 rows of another province and ROWS/100
#     deleted rows, filtered out) and ROWS rows at the province: 0.5% of the keys carry planted
#     differences spread over the key range (missing at the province, a changed key, a changed VIN,
#     a changed issuer name) and 10% carry noise the normalisers must ignore (lower-case VIN,
#     full-width digits, YYYYMMDD dates, ASCII parentheses, 12000.0);
#  2. the floor: both sides' COPY statements — exactly the ones recon sends, printed by
#     `recon bench diff --print-sql` (keys normalised in the SELECT, ORDER BY … COLLATE "C") — read
#     by two psql processes in parallel into /dev/null;
#  3. recon: `recon bench diff` (one reconciliation of the province, stored in a results database,
#     without a config file) under /usr/bin/time, for its wall time and peak RSS.
# Each measurement is taken REPEAT times (default 2, after one untimed warm-up read) and the best
# is kept. Prints per size: floor seconds, recon seconds, their ratio, recon's peak RSS.
# Targets (issue 5): ratio ≤ 1.25 and peak RSS ≤ 64 MiB at both sizes.
#
# Environment: RECON=path to a recon binary (default: built here in release mode, scratch path
# .build-diff-release); REPEAT=n; KEEP=1 keeps the cluster and its data.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000000 5000000)
repeat=${REPEAT:-2}

if [ -z "${RECON:-}" ]; then
  swift build -c release --scratch-path .build-diff-release --product recon >&2
  RECON="$root/.build-diff-release/release/recon"
fi
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
psql="$pgbin/psql"
[ -x "$psql" ] || psql=psql

dsn=$(bash jobs/pg-local.sh start bench-diff)
if [ "${KEEP:-0}" != 1 ]; then trap 'bash jobs/pg-local.sh stop bench-diff' EXIT; fi
base=${dsn%/*}

now() { echo "${EPOCHREALTIME/,/.}"; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

# The columns of the vehicles record set, and one generated row per index i (md5 of i gives a
# random-looking key order, so the server really sorts). $1: 'm' (ministry) or 'p' (province).
columns="plate_number, plate_colour, vehicle_id, vin, vehicle_type_code, length_mm, width_mm, height_mm, axles,
  traction_mass_kg, seats, total_mass_kg, fuel_type_code, operating_status_code, region_code, transport_cert_word,
  transport_cert_no, valid_to, issue_date, issuer_code, issuer_name, technical_grade, coach_grade"
generator() {
  local side=$1 from=$2 to=$3
  # planted: i % 200 = 0, kind (i / 200) % 4: 0 missing at the province, 1 key changed at the
  # province, 2 VIN changed, 3 issuer name changed. noise (province): i % 20 = 1 or 2.
  local p="'$side' = 'p'"
  cat <<SQL
SELECT
  '豫' || substr('ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + i % 24, 1) || upper(substr(h, 1, 10))
       || CASE WHEN $p AND i % 200 = 0 AND (i / 200) % 4 = 1 THEN 'X' ELSE '' END,
  (1 + i % 2)::text,
  'V' || lpad(i::text, 10, '0'),
  CASE WHEN $p AND i % 200 = 0 AND (i / 200) % 4 = 2 THEN 'LVS' || upper(substr(md5(h), 1, 14))
       WHEN $p AND i % 20 = 1 THEN ' ' || 'lvs' || substr(h, 11, 14)
       ELSE 'LVS' || upper(substr(h, 11, 14)) END,
  'K' || (10 + i % 30),
  CASE WHEN $p AND i % 20 = 2 THEN (8000 + i % 5000)::text || '.0' ELSE (8000 + i % 5000)::text END,
  '2500', (3000 + i % 900)::text, (2 + i % 4)::text, '0', (i % 50)::text, (18000 + i % 20000)::text,
  'B', '10',
  CASE WHEN $p AND i % 20 = 1 THEN translate('4101' || lpad((i % 20)::text, 2, '0'), '0123456789', '０１２３４５６７８９')
       ELSE '4101' || lpad((i % 20)::text, 2, '0') END,
  '豫交运管郑字', '4101' || lpad((i % 1000000)::text, 8, '0'),
  (date '2024-01-01' + i % 1500)::text,
  CASE WHEN $p AND i % 20 = 1 THEN to_char(date '2019-01-01' + i % 1500, 'YYYYMMDD')
       ELSE (date '2019-01-01' + i % 1500)::text END,
  '410100',
  CASE WHEN $p AND i % 200 = 0 AND (i / 200) % 4 = 3 THEN '郑州市道路运输管理局第' || (i % 10) || '分局'
       WHEN $p AND i % 20 = 2 THEN '郑州市道路运输管理局(第' || (i % 10) || '分局)'
       ELSE '郑州市道路运输管理局（第' || (i % 10) || '分局）' END,
  '1', CASE WHEN i % 3 = 0 THEN '一级' END
FROM (SELECT i, md5(i::text) AS h FROM generate_series($from, $to) AS i) AS s
WHERE NOT ($p AND i % 200 = 0 AND (i / 200) % 4 = 0)
SQL
}

generate() {
  local rows=$1 m=$2 p=$3
  "$psql" -q -v ON_ERROR_STOP=1 "$m" -c "SET client_min_messages = warning" -f sql/reference/ministry.sql >/dev/null
  "$psql" -q -v ON_ERROR_STOP=1 "$p" -c "SET client_min_messages = warning" -f sql/reference/province.sql >/dev/null
  "$psql" -q -v ON_ERROR_STOP=1 "$m" <<SQL &
INSERT INTO vehicles ($columns, province_code, submitted_at)
  SELECT g.*, '410000', now() FROM ($(generator m 1 "$rows")) AS g;
INSERT INTO vehicles ($columns, province_code, submitted_at)
  SELECT g.*, '420000', now() FROM ($(generator m $((rows + 1)) $((rows + rows / 10)))) AS g;
INSERT INTO vehicles ($columns, province_code, submitted_at, deleted)
  SELECT g.*, '410000', now(), true FROM ($(generator m $((rows * 2 + 1)) $((rows * 2 + rows / 100)))) AS g;
VACUUM ANALYZE vehicles;
SQL
  "$psql" -q -v ON_ERROR_STOP=1 "$p" <<SQL &
INSERT INTO vehicles ($columns) SELECT * FROM ($(generator p 1 "$rows")) AS g;
VACUUM ANALYZE vehicles;
SQL
  wait
}

report=()
for rows in "${sizes[@]}"; do
  m="$base/bench_m_$rows" p="$base/bench_p_$rows" r="$base/bench_r_$rows"
  for db in "bench_m_$rows" "bench_p_$rows" "bench_r_$rows"; do
    "$psql" -q "$base/postgres" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
  done
  echo "== $rows rows per side: generating…" >&2
  t0=$(now); generate "$rows" "$m" "$p"; echo "   generated in $(elapsed "$t0" "$(now)") s" >&2

  mapfile -t statements < <("$RECON" bench diff --ministry "$m" --province-db "$p" --results "$r" --print-sql)
  floor_once() {
    "$psql" -X -q "$m" -c "${statements[0]}" >/dev/null &
    "$psql" -X -q "$p" -c "${statements[1]}" >/dev/null &
    wait
  }
  floor_once  # warm-up: the same cache state for every timed read
  best_floor="" best_recon="" best_rss="" line=""
  for ((k = 1; k <= repeat; k++)); do
    t0=$(now); floor_once; f=$(elapsed "$t0" "$(now)")
    out=$(/usr/bin/time -f "TIME %e %M" "$RECON" bench diff --ministry "$m" --province-db "$p" --results "$r" 2>&1)
    read -r _ rt rss < <(grep '^TIME ' <<<"$out")
    line=$(grep '^run=' <<<"$out" || true)
    echo "   try $k: floor ${f} s, recon ${rt} s, peak RSS $((rss / 1024)) MiB — $line" >&2
    if [ -z "$best_floor" ] || awk -v a="$f" -v b="$best_floor" 'BEGIN { exit !(a < b) }'; then best_floor=$f; fi
    if [ -z "$best_recon" ] || awk -v a="$rt" -v b="$best_recon" 'BEGIN { exit !(a < b) }'; then best_recon=$rt; fi
    if [ -z "$best_rss" ] || [ "$rss" -gt "$best_rss" ]; then best_rss=$rss; fi
  done
  ratio=$(awk -v a="$best_recon" -v b="$best_floor" 'BEGIN { printf "%.3f", a / b }')
  report+=("$(printf '%9d rows/side  floor %8.3f s  recon %8.3f s  ratio %5s  peak RSS %4d MiB (max of %d runs)' \
    "$rows" "$best_floor" "$best_recon" "$ratio" $((best_rss / 1024)) "$repeat")")
  [ "${KEEP:-0}" = 1 ] || "$psql" -q "$base/postgres" -c "DROP DATABASE bench_m_$rows" -c "DROP DATABASE bench_p_$rows" -c "DROP DATABASE bench_r_$rows" >/dev/null
done

echo "diff benchmark (targets: ratio ≤ 1.25, peak RSS ≤ 64 MiB); $(nproc) cores; PostgreSQL $("$psql" -XAtq "$base/postgres" -c 'SHOW server_version')"
printf '%s\n' "${report[@]}"
