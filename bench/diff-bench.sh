#!/usr/bin/env bash
# bench/diff-bench.sh — the project's benchmark of the keyed diff (issues 5 and 18): recon against
# the bare read floor, an in-database SQL join and two peer tools, in one run on one throwaway
# cluster. Not part of CI (it takes minutes).
#
#   bench/diff-bench.sh [ROWS]          default 1000000 rows per side
#
# Run it under `flock -o` when sharing the machine (-o: the PostgreSQL server it starts must not
# inherit the lock): flock -o /work/.heavy.lock bench/diff-bench.sh
#
# Environment: REPEAT=n timed repetitions of every measurement (default 3; medians printed);
#   PEER_REPEAT=n for reladiff and pg_comparator (default REPEAT); SHAPES="int vehicles";
#   RSS_ROWS=n also runs recon once on the integer shape with n rows per side (peak RSS
#   flatness, e.g. 10000000); PEERS=0 skips pg_comparator and reladiff; RECON=path to a recon
#   binary (default: built here in release mode); KEEP=1 keeps the cluster.
#
# Data shapes (both sides in one database, so that the SQL join can run; recon still reads each
# side on its own connection, as across databases):
#  int       bigint primary key + 10 text columns; the ministry table m_t (plus province_code,
#            submitted_at), the province tables p_S, p_C, p_Z;
#  vehicles  the reference vehicle set (key plate number + colour under an index COLLATE "C", 21
#            core fields) in schemas m, p_S, p_C, p_Z; the province's keys are dirty in 3% of rows
#            (lower case, full-width digits, a trailing space) and 10% of rows carry field noise
#            the normalisers ignore.
# Variants: S = 0.5% of keys differ, scattered (missing, extra, a changed field); C = the same
# number in one contiguous key range; Z = no planted difference.
# Methods: floor = both sides' `COPY (SELECT * FROM t ORDER BY <key>) TO STDOUT` (index order)
# read concurrently by two psql into /dev/null; join = one `FULL OUTER JOIN … IS DISTINCT FROM`
# in the database (raw keys); pg_comparator (Debian postgresql-comparator; --use-key on the
# integer key); reladiff hashdiff -j 4 (PyPI, in .bench/venv); recon without normalisers,
# recon with the default normalisers, and recon reading as before issue 18 (keys normalised and
# sorted in SQL), and recon with text keys read raw and normalised in Swift (--swift-keys). recon's peak RSS and CPU seconds (user+system) come from /usr/bin/time.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
. bench/int-shape.sh

rows=${1:-1000000}
repeat=${REPEAT:-3}
peer_repeat=${PEER_REPEAT:-$repeat}
shapes=${SHAPES:-int vehicles}
variants=(S C Z)
scratch="$root/.bench"
mkdir -p "$scratch"

# --- what the benchmark needs -------------------------------------------------------------
if [ -z "${RECON:-}" ]; then
  swift build -c release --scratch-path .build-diff-release --product recon >&2
  RECON="$root/.build-diff-release/release/recon"
fi
if [ "${PEERS:-1}" = 1 ]; then
  if ! command -v pg_comparator >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-comparator >&2
  fi
  if [ ! -x "$scratch/venv/bin/reladiff" ]; then
    python3 -m venv "$scratch/venv"
    "$scratch/venv/bin/pip" install -q 'reladiff[postgresql]==0.6.0' >&2
  fi
fi
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
psql="$pgbin/psql"

dsn=$(bash jobs/pg-local.sh start bench-diff)
if [ "${KEEP:-0}" != 1 ]; then trap 'bash jobs/pg-local.sh stop bench-diff' EXIT; fi
"$psql" -qX "$dsn" -c "ALTER SYSTEM SET shared_buffers = '2GB'" -c "ALTER SYSTEM SET work_mem = '256MB'" \
  -c "ALTER SYSTEM SET max_wal_size = '8GB'" >/dev/null
bash jobs/pg-local.sh stop bench-diff --keep
dsn=$(bash jobs/pg-local.sh start bench-diff)
base=${dsn%/*}
port=$(cat .pg/bench-diff/port)

now() { echo "${EPOCHREALTIME/,/.}"; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
median() { [ $# -gt 0 ] || { echo "-"; return; }; printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
sql() { "$psql" -qX -v ON_ERROR_STOP=1 "$@"; }

# --- data ---------------------------------------------------------------------------------
# planted VARIANT ROWS (which keys differ) and the integer shape's columns: bench/int-shape.sh.
gen_int() {
  local n=$1 db="$base/bench_int"
  local cols="$int_cols" sel="$int_sel"
  sql "$db" <<SQL
DROP TABLE IF EXISTS m_t, p_S, p_C, p_Z;
CREATE UNLOGGED TABLE m_t (id bigint PRIMARY KEY$cols, province_code text, submitted_at timestamptz);
INSERT INTO m_t SELECT i$sel, '410000', now() FROM generate_series(1, $n) AS i;
SQL
  for v in "${variants[@]}"; do
    local p; p=$(planted "$v" "$n")
    # kinds by (i / 200) % 3 (S) or i % 3 (C): missing at the province, a changed c5, an extra key.
    local kind; [ "$v" = C ] && kind="i % 3" || kind="(i / 200) % 3"
    sql "$db" <<SQL &
CREATE UNLOGGED TABLE p_${v,,} (id bigint PRIMARY KEY$cols);
INSERT INTO p_${v,,} SELECT CASE WHEN ($p) AND $kind = 2 THEN i + $n ELSE i END$sel FROM generate_series(1, $n) AS i
  WHERE NOT (($p) AND $kind = 0);
UPDATE p_${v,,} SET c5 = c5 || 'x' WHERE id IN (SELECT i FROM generate_series(1, $n) AS i WHERE ($p) AND $kind = 1);
SQL
  done
  wait
  sql "$db" -c "VACUUM ANALYZE" >/dev/null
}

veh_columns="plate_number, plate_colour, vehicle_id, vin, vehicle_type_code, length_mm, width_mm, height_mm, axles,
  traction_mass_kg, seats, total_mass_kg, fuel_type_code, operating_status_code, region_code, transport_cert_word,
  transport_cert_no, valid_to, issue_date, issuer_code, issuer_name, technical_grade, coach_grade"
# One generated vehicle row per index i. $1: 'm' or 'p'; $2: planted condition; $3: kind expression.
veh_generator() {
  local side=$1 p="'$1' = 'p'" planted=$2 kind=$3 n=$4
  cat <<SQL
SELECT
  CASE WHEN $p AND i % 100 = 3 THEN '豫' || lower(substr('ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + i % 24, 1) || substr(h, 1, 10))
       WHEN $p AND i % 100 = 4 THEN '豫' || translate(substr('ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + i % 24, 1) || upper(substr(h, 1, 10)), '0123456789', '０１２３４５６７８９')
       WHEN $p AND i % 100 = 5 THEN '豫' || substr('ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + i % 24, 1) || upper(substr(h, 1, 10)) || ' '
       ELSE '豫' || substr('ABCDEFGHJKLMNPQRSTUVWXYZ', 1 + i % 24, 1) || upper(substr(h, 1, 10)) END
       || CASE WHEN $p AND ($planted) AND $kind = 1 THEN 'X' ELSE '' END,
  (1 + i % 2)::text,
  'V' || lpad(i::text, 10, '0'),
  CASE WHEN $p AND ($planted) AND $kind = 2 THEN 'LVS' || upper(substr(md5(h), 1, 14))
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
  CASE WHEN $p AND ($planted) AND $kind = 3 THEN '郑州市道路运输管理局第' || (i % 10) || '分局'
       WHEN $p AND i % 20 = 2 THEN '郑州市道路运输管理局(第' || (i % 10) || '分局)'
       ELSE '郑州市道路运输管理局（第' || (i % 10) || '分局）' END,
  '1', CASE WHEN i % 3 = 0 THEN '一级' END
FROM (SELECT i, md5(i::text) AS h FROM generate_series(1, $n) AS i) AS s
WHERE NOT ($p AND ($planted) AND $kind = 0)
SQL
}

gen_vehicles() {
  local n=$1 db="$base/bench_veh"
  sql "$db" -c "DROP SCHEMA IF EXISTS m, p_S, p_C, p_Z CASCADE" -c "CREATE SCHEMA m" >/dev/null
  { echo "SET client_min_messages = warning; SET search_path = m;"; cat sql/reference/ministry.sql
    echo "INSERT INTO vehicles ($veh_columns, province_code, submitted_at) SELECT g.*, '410000', now() FROM ($(veh_generator m false 0 "$n")) AS g;"
  } | sql "$db" >/dev/null &
  for v in "${variants[@]}"; do
    local p; p=$(planted "$v" "$n")
    local kind; [ "$v" = C ] && kind="i % 4" || kind="(i / 200) % 4"
    { echo "SET client_min_messages = warning; CREATE SCHEMA p_${v,,}; SET search_path = p_${v,,};"; cat sql/reference/province.sql
      echo "INSERT INTO vehicles ($veh_columns) SELECT * FROM ($(veh_generator p "$p" "$kind" "$n")) AS g;"
    } | sql "$db" >/dev/null &
  done
  wait
  sql "$db" -c "VACUUM ANALYZE" >/dev/null
}

# --- methods ------------------------------------------------------------------------------
# Each prints its seconds on stdout (and its figures on stderr).
int_fields="c1,c2,c3,c4,c5,c6,c7,c8,c9,c10"
veh_fields=$(echo "$veh_columns" | tr -d ' \n' | cut -d, -f3-)

floor_run() { # shape variant
  local db m p
  if [ "$1" = int ]; then
    db="$base/bench_int"; m="SELECT * FROM m_t ORDER BY id"; p="SELECT * FROM p_${2,,} ORDER BY id"
  else
    db="$base/bench_veh"
    m="SELECT * FROM m.vehicles ORDER BY province_code, plate_number COLLATE \"C\", plate_colour COLLATE \"C\""
    p="SELECT * FROM p_${2,,}.vehicles ORDER BY plate_number COLLATE \"C\", plate_colour COLLATE \"C\""
  fi
  local t0; t0=$(now)
  "$psql" -qX "$db" -c "COPY ($m) TO STDOUT" >/dev/null &
  "$psql" -qX "$db" -c "COPY ($p) TO STDOUT" >/dev/null &
  wait
  elapsed "$t0" "$(now)"
}

join_run() {
  local db stmt t0 out
  if [ "$1" = int ]; then
    db="$base/bench_int"
    local a="" b=""; for k in $(seq 1 10); do a+="${a:+, }m.c$k"; b+="${b:+, }p.c$k"; done
    stmt="SELECT coalesce(m.id, p.id) FROM m_t m FULL JOIN p_${2,,} p ON m.id = p.id WHERE m.id IS NULL OR p.id IS NULL OR ($a) IS DISTINCT FROM ($b)"
  else
    db="$base/bench_veh"
    local a="" b=""; for c in ${veh_fields//,/ }; do a+="${a:+, }m.$c"; b+="${b:+, }p.$c"; done
    stmt="SELECT coalesce(m.plate_number, p.plate_number), coalesce(m.plate_colour, p.plate_colour)
      FROM (SELECT * FROM m.vehicles WHERE province_code = '410000' AND NOT deleted) m
      FULL JOIN p_${2,,}.vehicles p ON m.plate_number = p.plate_number AND m.plate_colour = p.plate_colour
      WHERE m.plate_number IS NULL OR p.plate_number IS NULL OR ($a) IS DISTINCT FROM ($b)"
  fi
  t0=$(now)
  out=$("$psql" -qX "$db" -c "COPY ($stmt) TO STDOUT" | wc -l)
  echo "      join: $out differing keys" >&2
  elapsed "$t0" "$(now)"
}

comparator_run() {
  local url="pgsql://recon@127.0.0.1:$port" t0 out
  t0=$(now)
  if [ "$1" = int ]; then
    out=$(pg_comparator --use-key --max-ratio=2.0 "$url/bench_int/m_t?id:$int_fields" "$url/bench_int/p_${2,,}?id:$int_fields" 2>&1 | grep -c -E '^(INSERT|UPDATE|DELETE)' || true)
  else
    out=$(pg_comparator --max-ratio=2.0 "$url/bench_veh/m.vehicles?plate_number,plate_colour:$veh_fields" \
      "$url/bench_veh/p_${2,,}.vehicles?plate_number,plate_colour:$veh_fields" 2>&1 | grep -c -E '^(INSERT|UPDATE|DELETE)' || true)
  fi
  echo "      pg_comparator: $out differing keys" >&2
  elapsed "$t0" "$(now)"
}

reladiff_run() {
  local t0 out
  if [ "$1" != int ]; then
    echo "      reladiff: hashdiff refuses a text key (\"Cannot use a column of type Text() as a key\")" >&2
    echo "-"; return
  fi
  t0=$(now)
  if [ "$1" = int ]; then
    out=$("$scratch/venv/bin/reladiff" "postgresql://recon@127.0.0.1:$port/bench_int" m_t "p_${2,,}" -k id \
      $(for c in ${int_fields//,/ }; do echo -c "$c"; done) -j 4 -a hashdiff 2>&1 | grep -c -E '^[-+] ' || true)
  else
    out=$("$scratch/venv/bin/reladiff" "postgresql://recon@127.0.0.1:$port/bench_veh" m.vehicles "p_${2,,}.vehicles" \
      -k plate_number -k plate_colour $(for c in ${veh_fields//,/ }; do echo -c "$c"; done) -j 4 -a hashdiff 2>&1 | grep -c -E '^[-+] ' || true)
  fi
  echo "      reladiff: $out differing rows" >&2
  elapsed "$t0" "$(now)"
}

# recon: $1 shape, $2 variant, $3 none|default|sql → prints "seconds rss_kib cpu_seconds"
recon_run() {
  local args=(bench diff --results "$base/bench_r")
  if [ "$1" = int ]; then
    args+=(--ministry "$base/bench_int" --province-db "$base/bench_int" --key id --fields "$int_fields"
           --ministry-table m_t --province-table "p_${2,,}" --ministry-deleted-column "")
  else
    args+=(--ministry "$base/bench_veh" --province-db "$base/bench_veh" --ministry-table m.vehicles --province-table "p_${2,,}.vehicles")
  fi
  case $3 in none) args+=(--no-normalisers) ;; sql) args+=(--sql-keys) ;; swift) args+=(--swift-keys) ;; esac
  local out
  out=$(/usr/bin/time -f "TIME %e %M %U %S" "$RECON" "${args[@]}" 2>&1)
  local line; line=$(grep '^run=' <<<"$out" || { echo "$out" >&2; exit 1; })
  echo "      recon $3: ${line#* }" >&2
  read -r _ t rss u s < <(grep '^TIME ' <<<"$out")
  echo "$t $rss $(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')"
}

# --- the run ------------------------------------------------------------------------------
"$psql" -qX "$base/postgres" -c "DROP DATABASE IF EXISTS bench_r" -c "CREATE DATABASE bench_r" >/dev/null
declare -A result rss cpu
methods=(floor join pg_comparator reladiff recon_none recon_default recon_swift recon_sql)
for shape in $shapes; do
  db=bench_int; [ "$shape" = vehicles ] && db=bench_veh
  "$psql" -qX "$base/postgres" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
  [ "${PEERS:-1}" = 1 ] && "$psql" -qX "$base/$db" -c "CREATE EXTENSION IF NOT EXISTS pgcmp" >/dev/null
  echo "== $shape, $rows rows per side: generating…" >&2
  t0=$(now); if [ "$shape" = int ]; then gen_int "$rows"; else gen_vehicles "$rows"; fi
  echo "   generated in $(elapsed "$t0" "$(now)") s" >&2
  for v in "${variants[@]}"; do
    floor_run "$shape" "$v" >/dev/null  # warm-up: the same cache state for every timed read
    declare -A times=()
    for ((k = 1; k <= repeat; k++)); do
      times[floor]+=" $(floor_run "$shape" "$v")"
      times[join]+=" $(join_run "$shape" "$v")"
      for mode in none default swift sql; do
        read -r t r c < <(recon_run "$shape" "$v" "$mode")
        [ -n "${t:-}" ] || { echo "recon failed ($shape $v $mode)" >&2; exit 1; }
        times[recon_$mode]+=" $t"; rss[$shape,$v,$mode]+=" $r"; cpu[$shape,$v,$mode]+=" $c"
      done
      if [ "${PEERS:-1}" = 1 ] && [ "$k" -le "$peer_repeat" ]; then
        times[pg_comparator]+=" $(comparator_run "$shape" "$v")"
        times[reladiff]+=" $(reladiff_run "$shape" "$v")"
      fi
      echo "   $shape $v try $k: floor${times[floor]##* } join${times[join]##* } recon${times[recon_none]##* }/${times[recon_default]##* }/${times[recon_swift]##* }/${times[recon_sql]##* }" >&2
    done
    for m in "${methods[@]}"; do
      # shellcheck disable=SC2086
      result[$shape,$v,$m]=$(median ${times[$m]:-})
    done
    unset times
  done
done

# --- the report ---------------------------------------------------------------------------
label() {
  case $1 in
    floor) echo "floor: both sides COPY (SELECT * … ORDER BY key) concurrently" ;;
    join) echo "SQL FULL OUTER JOIN … IS DISTINCT FROM (same database, raw keys)" ;;
    pg_comparator) echo "pg_comparator 2.3.2$([ "$2" = int ] && echo " --use-key")" ;;
    reladiff) echo "reladiff 0.6.0 hashdiff -j 4" ;;
    recon_none) echo "recon, no normalisers" ;;
    recon_default) echo "recon, default normalisers (default plan)" ;;
    recon_swift) echo "recon, default normalisers, text keys normalised in Swift (side stream)" ;;
    recon_sql) echo "recon, default normalisers, keys in SQL (before issue 18)" ;;
  esac
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f", a / b }'; }
mx() { printf '%s\n' $1 | sort -n | tail -1; }
echo "diff benchmark: $rows rows per side, median of $repeat (peers: $peer_repeat); $(nproc) cores; PostgreSQL $("$psql" -XAtq "$base/postgres" -c 'SHOW server_version'), shared_buffers 2GB, work_mem 256MB"
for shape in $shapes; do
  echo
  echo "### $shape ($([ "$shape" = int ] && echo "bigint primary key + 10 text columns" || echo "vehicles: plate number + colour, 21 fields, 3% dirty keys"))"
  echo
  echo "| method | S s | C s | Z s | S ×floor | C ×floor | Z ×floor |"
  echo "|---|---|---|---|---|---|---|"
  for m in "${methods[@]}"; do
    s=${result[$shape,S,$m]} c=${result[$shape,C,$m]} z=${result[$shape,Z,$m]}
    f=("${result[$shape,S,floor]}" "${result[$shape,C,floor]}" "${result[$shape,Z,floor]}")
    echo "| $(label "$m" "$shape") | $s | $c | $z | $(ratio "$s" "${f[0]}") | $(ratio "$c" "${f[1]}") | $(ratio "$z" "${f[2]}") |"
  done
  echo
  for v in "${variants[@]}"; do
    n=${result[$shape,$v,recon_none]} d=${result[$shape,$v,recon_default]}
    printf -- "- %s: recon ×floor %s (target ≤ 1.25), with normalisers %s (≤ 1.5); join ÷ recon %s (> 1); pg_comparator ÷ recon %s (≥ 3.5 on S); reladiff ÷ recon %s (≥ 25 on S); recon peak RSS %s/%s MiB, CPU %s/%s s (no normalisers/default)\n" \
      "$v" "$(ratio "$n" "${result[$shape,$v,floor]}")" "$(ratio "$d" "${result[$shape,$v,floor]}")" \
      "$(ratio "${result[$shape,$v,join]}" "$n")" "$(ratio "${result[$shape,$v,pg_comparator]}" "$n")" \
      "$(ratio "${result[$shape,$v,reladiff]}" "$n")" \
      "$(( $(mx "${rss[$shape,$v,none]}") / 1024 ))" "$(( $(mx "${rss[$shape,$v,default]}") / 1024 ))" \
      "$(median ${cpu[$shape,$v,none]})" "$(median ${cpu[$shape,$v,default]})"
  done
done

if [ -n "${RSS_ROWS:-}" ]; then
  echo "== int, $RSS_ROWS rows per side (peak RSS flatness): generating…" >&2
  variants=(S)
  gen_int "$RSS_ROWS"
  f=$(floor_run int S)
  read -r t r c < <(recon_run int S none)
  read -r td rd cd < <(recon_run int S default)
  echo
  echo "- int S at $RSS_ROWS rows per side: floor $f s; recon $t s (×$(ratio "$t" "$f")), peak RSS $((r / 1024)) MiB, CPU $c s; with normalisers $td s, peak RSS $((rd / 1024)) MiB (target ≤ 64 MiB, flat from $rows)"
fi
