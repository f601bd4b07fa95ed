#!/usr/bin/env bash
# The portal under load (on demand, not in CI): wrk (Debian) against a release `recon serve` on
# loopback over a throwaway PostgreSQL with sample data; 16 connections, DURATION seconds each
# (default 15) for GET /api/lists, an items page of 100 rows and a CSV download. Prints requests/s,
# p50/p99 latency and the server's RSS. Target (issue 16): ≥ 500 requests/s, p99 ≤ 100 ms for
# /api/lists and the items page on the 2-core machine. Run it under `flock /work/.heavy.lock`.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
duration=${DURATION:-15}
command -v wrk >/dev/null || apt-get install -y -qq --no-install-recommends wrk >/dev/null
if [ -z "${RECON:-}" ]; then swift build -c release --product recon >/dev/null; export RECON="$root/.build/release/recon"; fi
read -r url province ministry list < <(bash scripts/portal-test-server.sh start bench "${BENCH_ROWS:-20000}")
trap 'bash scripts/portal-test-server.sh stop bench' EXIT
pid=$(cat "$root/.portal-test-bench/pid")
report=$(mktemp)
cat > "$report" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("requests/s %.1f  p50 %.1f ms  p99 %.1f ms  errors %d  requests %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests))
end
LUA
run() {
  local label=$1 path=$2
  printf '%-34s ' "$label"
  wrk -t 2 -c 16 -d "${duration}s" --latency -s "$report" -H "Authorization: Bearer $province" "$url$path" | tail -1
}
curl -fsS -o /dev/null -H "Authorization: Bearer $province" "$url/api/lists/$list?size=100" || { echo "items page failed" >&2; exit 1; }
run "GET /api/lists" "/api/lists"
run "GET /api/lists/$list?size=100" "/api/lists/$list?size=100"
run "GET /api/lists/$list/download csv" "/api/lists/$list/download?format=csv"
echo "server RSS $(awk '/VmRSS/ {print $2, $3}' "/proc/$pid/status"), peak $(awk '/VmHWM/ {print $2, $3}' "/proc/$pid/status")"
rm -f "$report"
