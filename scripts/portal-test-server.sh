#!/usr/bin/env bash
# A live portal over a throwaway PostgreSQL with sample data, for the screenshots, the
# schemathesis run and the benchmark (never the production database).
#
#   scripts/portal-test-server.sh start NAME [ROWS]   prints: URL PROVINCE_TOKEN MINISTRY_TOKEN LIST_ID
#   scripts/portal-test-server.sh stop NAME
#   scripts/portal-test-server.sh due NAME TIMESTAMP       `recon due --now TIMESTAMP` on its data
#   scripts/portal-test-server.sh restart NAME [TIMESTAMP] the portal again on the same port
#
# RECON (default .build/debug/recon) is the binary; PORTAL_PORT the port (default: a free one);
# PORTAL_NOW (or restart's TIMESTAMP) pretends the portal's clock starts at that instant
# (`recon serve --now`, for the browser tests: e.g. 2026-10-22T10:00:00+08:00 is inside the public
# notice of the scores drafted on 2026-10-20).
# Data: 2026Q3 for 410000 and 420000 (ROWS keys per record set, default 2000), official lists
# issued on 2026-10-09 (inside 2026Q3's window, the first week of October), most items re-uploaded,
# tracked, scores drafted on 2026-10-20.
# PORTAL_PROVINCES (default 410000,420000; a count N is the first N provinces, 31 for all) names the
# provinces; PORTAL_HISTORY=1 first runs 2026Q2 the same way in its window (lists issued on
# 2026-07-02, scored on 2026-07-20, published on 2026-07-27), so that the pages have a quarter of
# history. LIST_ID is 河南 (410000)'s 2026Q3 list.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
action=${1:?start or stop}; name=${2:?name}; rows=${3:-2000}
recon=${RECON:-$root/.build/debug/recon}
state="$root/.portal-test-$name"

# Starts `recon serve` on "$state/port" with the pretended clock $1 (may be empty), waits for it.
serve() {
  local port now_args=()
  port=$(cat "$state/port")
  [ -n "${1:-}" ] && now_args=(--now "$1")
  RECON_CONFIG="$state/recon.toml" "$recon" serve --listen "127.0.0.1:$port" "${now_args[@]}" ${PORTAL_SERVE_ARGS:-} >> "$state/serve.log" 2>&1 &
  echo $! > "$state/pid"
  for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.1; done
  curl -fsS "http://127.0.0.1:$port/health" >/dev/null || { cat "$state/serve.log" >&2; exit 1; }
}

stop_serve() {
  if [ -f "$state/pid" ]; then
    local pid
    pid=$(cat "$state/pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
}

case "$action" in
  stop)
    stop_serve
    bash jobs/pg-local.sh stop "portal-$name" >/dev/null 2>&1 || true
    rm -rf "$state"
    exit 0;;
  due)
    RECON_CONFIG="$state/recon.toml" "$recon" due --now "${3:?timestamp}" >/dev/null
    exit 0;;
  restart)
    stop_serve
    serve "${3:-}"
    echo "http://127.0.0.1:$(cat "$state/port")"
    exit 0;;
esac

rm -rf "$state"; mkdir -p "$state/files"
dsn=$(bash jobs/pg-local.sh start "portal-$name")
provinces=${PORTAL_PROVINCES:-410000,420000}
# One quarter's data, its window pass at $2 and re-uploads of most items of its lists.
quarter_data() {
  "$recon" sample generate --server "$dsn" --provinces "$provinces" --rows "$rows" --quarter "$1" \
    --replace --truth "$state/truth.jsonl" --config-out "$state/recon.toml" >/dev/null 2>> "$state/setup.log"
  grep -q '^\[jobs\]' "$state/recon.toml" || printf '\n[jobs]\noutput_dir = "%s"\n' "$state/files" >> "$state/recon.toml"
  RECON_CONFIG="$state/recon.toml" "$recon" due --now "$2" >/dev/null
  for list in $(RECON_CONFIG="$state/recon.toml" "$recon" lists progress --quarter "$1" --format csv | tail -n +2 | cut -d, -f4); do
    RECON_CONFIG="$state/recon.toml" "$recon" sample reupload --config "$state/recon.toml" --list "$list" --share 90% --offsets 1,2,3,4,5,6,8 --seed "$list" >/dev/null
  done
}
if [ "${PORTAL_HISTORY:-0}" = 1 ]; then
  quarter_data 2026Q2 2026-07-02T09:00:00+08:00   # 2026Q2's window: the first week of July
  RECON_CONFIG="$state/recon.toml" "$recon" due --now 2026-07-10T07:00:00+08:00 >/dev/null   # tracked after 07-09
  RECON_CONFIG="$state/recon.toml" "$recon" due --now 2026-07-20T07:00:00+08:00 >/dev/null   # 2026Q2 drafted, on notice until 07-24
  RECON_CONFIG="$state/recon.toml" "$recon" due --now 2026-07-27T07:00:00+08:00 >/dev/null   # 2026Q2 published
fi
quarter_data 2026Q3 2026-10-09T09:00:00+08:00
export RECON_CONFIG="$state/recon.toml"
"$recon" due --now 2026-10-13T07:00:00+08:00 >/dev/null
"$recon" due --now 2026-10-20T07:00:00+08:00 >/dev/null
province=$("$recon" tokens create --province 410000 --name "河南省运政" | sed -n 2p)
ministry=$("$recon" tokens create --ministry --name "部级运政" | sed -n 2p)
list=$("$recon" lists progress --quarter 2026Q3 --format csv | tail -n +2 | awk -F, '$1 == "410000" {print $4; exit}')
port=${PORTAL_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
echo "$port" > "$state/port"
serve "${PORTAL_NOW:-}"
echo "http://127.0.0.1:$port $province $ministry $list"
