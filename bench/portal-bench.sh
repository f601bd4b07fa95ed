#!/usr/bin/env bash
# The portal under load (on demand, not in CI): wrk (Debian) against a release `recon serve` on
# loopback over a throwaway PostgreSQL with sample data of 31 provinces (BENCH_PROVINCES) and two
# quarters (2026Q2 published, 2026Q3 on notice; BENCH_ROWS keys per record set, default 10000);
# 16 connections, DURATION seconds each (default 15) for GET /api/lists, an items page of 100 rows
# (JSON, and the HTML page with a province's session), a CSV download, the ministry's home page
# (its session) and the ministry's GET /api/progress (the current quarter). Prints requests/s,
# p50/p99 latency and the server's RSS. Targets (issues 16 and 23): ≥ 500 requests/s, p99 ≤ 100 ms
# for /api/lists, both items pages, the ministry home and /api/progress on the 2-core machine.
# Run it under `flock -o /work/.heavy.lock` (-o: the PostgreSQL and the server it starts must not
# inherit the lock). BENCH_KEEP=1 keeps the data (and its PostgreSQL) for a
# later BENCH_REUSE=1 run with another RECON binary (the same data before and after a change);
# `bash scripts/portal-test-server.sh stop bench` removes it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
duration=${DURATION:-15}
command -v wrk >/dev/null || apt-get install -y -qq --no-install-recommends wrk >/dev/null
if [ -z "${RECON:-}" ]; then swift build -c release --product recon >/dev/null; export RECON="$root/.build/release/recon"; fi
state="$root/.portal-test-bench"
if [ "${BENCH_REUSE:-0}" = 1 ] && [ -f "$state/bench-args" ]; then
  # The data of an earlier BENCH_KEEP=1 run, served by this $RECON (migrated first).
  read -r url province ministry list < "$state/bench-args"
  dsn=$(bash jobs/pg-local.sh start portal-bench)   # running, or started again on a new port
  port=${dsn##*:}; port=${port%%/*}
  sed -i "s|@127.0.0.1:[0-9]*/|@127.0.0.1:$port/|g" "$state/recon.toml"
  "$RECON" migrate --config "$state/recon.toml" >/dev/null
  RECON="$RECON" bash scripts/portal-test-server.sh restart bench >/dev/null
else
  read -r url province ministry list < <(PORTAL_PROVINCES=${BENCH_PROVINCES:-31} PORTAL_HISTORY=1 \
    bash scripts/portal-test-server.sh start bench "${BENCH_ROWS:-10000}")
  echo "$url $province $ministry $list" > "$state/bench-args"
fi
if [ "${BENCH_KEEP:-0}" = 1 ]; then
  trap 'kill "$(cat "$state/pid")" 2>/dev/null || true' EXIT   # the data stays for BENCH_REUSE=1
else
  trap 'bash scripts/portal-test-server.sh stop bench' EXIT
fi
pid=$(cat "$state/pid")
report=$(mktemp)
cat > "$report" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("requests/s %.1f  p50 %.1f ms  p99 %.1f ms  errors %d  requests %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests))
end
LUA
# A page session as a browser gets one: the login form's CSRF token and cookie, then POST /login.
session() {
  local jar csrf
  jar=$(mktemp)
  curl -fsS -c "$jar" "$url/" | sed -n 's/.*name="csrf" value="\([0-9a-f.]*\)".*/\1/p' | head -1 > "$jar.csrf"
  csrf=$(cat "$jar.csrf")
  curl -fsS -o /dev/null -b "$jar" -c "$jar" -H "Origin: $url" --data-urlencode "token=$1" --data-urlencode "csrf=$csrf" "$url/login"
  awk '$6 == "recon_session" {print $7}' "$jar"
  rm -f "$jar" "$jar.csrf"
}
province_session=$(session "$province"); ministry_session=$(session "$ministry")
[ -n "$province_session" ] && [ -n "$ministry_session" ] || { echo "login failed" >&2; exit 1; }
run() {
  local label=$1 path=$2 header=$3
  printf '%-40s ' "$label"
  wrk -t 2 -c 16 -d "${duration}s" --latency -s "$report" -H "$header" "$url$path" | tail -1
}
as_province="Authorization: Bearer $province" as_ministry="Authorization: Bearer $ministry"
page_province="Cookie: recon_session=$province_session" page_ministry="Cookie: recon_session=$ministry_session"
curl -fsS -o /dev/null -H "$as_province" "$url/api/lists/$list?size=100" || { echo "items page failed" >&2; exit 1; }
home=$(curl -fsS -H "$page_ministry" "$url/"); items=$(curl -fsS -H "$page_province" "$url/lists/$list?size=100")
[[ $home == *各省整改进度* ]] || { echo "the ministry home page failed" >&2; exit 1; }
[[ $items == *"共 "* ]] || { echo "the HTML items page failed" >&2; exit 1; }
echo "$(curl -fsS -H "$as_ministry" "$url/api/progress" | grep -o '"listId"' | wc -l) lists in GET /api/progress; list $list has $(curl -fsS -H "$as_province" "$url/api/lists/$list?size=1" | grep -o '"total":[0-9]*')"
run "GET /api/lists" "/api/lists" "$as_province"
run "GET /api/lists/$list?size=100" "/api/lists/$list?size=100" "$as_province"
run "GET /lists/$list?size=100 (HTML)" "/lists/$list?size=100" "$page_province"
run "GET /api/lists/$list/download csv" "/api/lists/$list/download?format=csv" "$as_province"
run "GET / (ministry)" "/" "$page_ministry"
run "GET /api/progress (ministry)" "/api/progress" "$as_ministry"
echo "server RSS $(awk '/VmRSS/ {print $2, $3}' "/proc/$pid/status"), peak $(awk '/VmHWM/ {print $2, $3}' "/proc/$pid/status")"
rm -f "$report"
