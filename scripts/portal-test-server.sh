#!/usr/bin/env bash
# A live portal over a throwaway PostgreSQL with sample data, for the screenshots, the
# schemathesis run and the benchmark (never the production database).
#
#   scripts/portal-test-server.sh start NAME [ROWS]   prints: URL PROVINCE_TOKEN MINISTRY_TOKEN LIST_ID
#   scripts/portal-test-server.sh stop NAME
#
# RECON (default .build/debug/recon) is the binary; PORTAL_PORT the port (default: a free one).
# Data: 2026Q3 for 410000 and 420000 (ROWS keys per record set, default 2000), official lists
# issued on 2026-07-02, most items re-uploaded, tracked, scores drafted on 2026-10-20.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
action=${1:?start or stop}; name=${2:?name}; rows=${3:-2000}
recon=${RECON:-$root/.build/debug/recon}
state="$root/.portal-test-$name"

if [ "$action" = stop ]; then
  [ -f "$state/pid" ] && kill "$(cat "$state/pid")" 2>/dev/null || true
  bash jobs/pg-local.sh stop "portal-$name" >/dev/null 2>&1 || true
  rm -rf "$state"
  exit 0
fi

rm -rf "$state"; mkdir -p "$state/files"
dsn=$(bash jobs/pg-local.sh start "portal-$name")
"$recon" sample generate --server "$dsn" --provinces 410000,420000 --rows "$rows" --quarter 2026Q3 \
  --replace --truth "$state/truth.jsonl" --config-out "$state/recon.toml" >/dev/null
printf '\n[jobs]\noutput_dir = "%s"\n' "$state/files" >> "$state/recon.toml"
export RECON_CONFIG="$state/recon.toml"
"$recon" due --now 2026-07-02T09:00:00+08:00 >/dev/null
for list in $("$recon" lists progress --quarter 2026Q3 --format csv | tail -n +2 | cut -d, -f4); do
  "$recon" sample reupload --config "$RECON_CONFIG" --list "$list" --share 90% --offsets 1,2,3,4,5,6,8 --seed "$list" >/dev/null
done
"$recon" due --now 2026-07-06T07:00:00+08:00 >/dev/null
"$recon" due --now 2026-10-20T07:00:00+08:00 >/dev/null
province=$("$recon" tokens create --province 410000 --name "河南省运政" | sed -n 2p)
ministry=$("$recon" tokens create --ministry --name "部级运政" | sed -n 2p)
list=$("$recon" lists progress --quarter 2026Q3 --format csv | tail -n +2 | head -1 | cut -d, -f4)
port=${PORTAL_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
"$recon" serve --listen "127.0.0.1:$port" > "$state/serve.log" 2>&1 &
echo $! > "$state/pid"
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fsS "http://127.0.0.1:$port/health" >/dev/null || { cat "$state/serve.log" >&2; exit 1; }
echo "http://127.0.0.1:$port $province $ministry $list"
