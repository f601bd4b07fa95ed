#!/usr/bin/env bash
# The whole mission end to end on a throwaway local PostgreSQL:
#   jobs/demo.sh            (output folder: demo-output/, the cluster is stopped at the end)
#   jobs/demo.sh --keep     (leave the cluster running and print its DSN)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
keep=${1:-}

bash jobs/install-deps.sh
echo "== building recon (release)" >&2
swift build -c release --product recon >/dev/null
recon="$root/.build/release/recon"

dsn=$(bash jobs/pg-local.sh start demo)
if [ "$keep" != "--keep" ]; then trap 'bash jobs/pg-local.sh stop demo' EXIT; fi
echo "== throwaway PostgreSQL: $dsn" >&2

"$recon" migrate --db "$dsn"
"$recon" status --db "$dsn"
[ "$keep" = "--keep" ] && echo "cluster left running: $dsn (stop: jobs/pg-local.sh stop demo)" >&2
exit 0
