#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for development, the demo and the tests.
#
#   jobs/pg-local.sh start [NAME]   create (if needed) and start cluster NAME (default: dev) on a
#                                   free loopback port; prints its DSN on stdout
#   jobs/pg-local.sh dsn   [NAME]   print the DSN of a running cluster
#   jobs/pg-local.sh stop  [NAME]   stop it and delete its files (--keep to keep them)
#
# The cluster lives under .pg/NAME in the project (ignored by git). Run as root, the server runs
# as the `postgres` user (PostgreSQL refuses to run as root). Never a fixed port: other servers
# may hold it. Role `recon` connects over TCP without a password (trust, loopback only); every
# other role must use its password (scram-sha-256), which the tests rely on.
set -euo pipefail

cmd=${1:-}
name=${2:-dev}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
state="$root/.pg/$name"
mkdir -p "$state"

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$pgbin" ] || { echo "pg-local: no PostgreSQL server found (run jobs/install-deps.sh)" >&2; exit 1; }

as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# The data folder: inside the project, unless the server user cannot reach it (a clone under a
# private folder, run as root); then under /var/tmp, named after the project path.
data_dir() {
  if [ -f "$state/datadir" ]; then cat "$state/datadir"; return; fi
  local dir="$state/data"
  if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$state" 2>/dev/null; then
    dir="/var/tmp/recon-pg-$(printf '%s' "$root" | cksum | cut -d' ' -f1)-$name"
  fi
  echo "$dir" > "$state/datadir"
  echo "$dir"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

running() {
  local data; data=$(data_dir)
  [ -f "$data/postmaster.pid" ] && as_server_user "$pgbin/pg_ctl" -D "$data" status >/dev/null 2>&1
}

dsn() { echo "postgresql://recon@127.0.0.1:$(cat "$state/port")/recon"; }

start() {
  local data; data=$(data_dir)
  if running; then dsn; return; fi
  if [ ! -f "$data/PG_VERSION" ]; then
    rm -rf "$data"; mkdir -p "$data"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$data"
    as_server_user "$pgbin/initdb" -D "$data" -U recon --auth=trust -E UTF8 --locale=C.UTF-8 >"$state/initdb.log" 2>&1 \
      || { cat "$state/initdb.log" >&2; exit 1; }
    cat > "$state/pg_hba.conf" <<'HBA'
local all all                 trust
host  all recon 127.0.0.1/32  trust
host  all all   127.0.0.1/32  scram-sha-256
HBA
    as_server_user cp "$state/pg_hba.conf" "$data/pg_hba.conf" 2>/dev/null || cp "$state/pg_hba.conf" "$data/pg_hba.conf"
  fi
  local tries=0
  while :; do
    local port; port=$(free_port)
    # fsync off: a throwaway cluster; durability is not what the demo and tests measure.
    if as_server_user "$pgbin/pg_ctl" -D "$data" -w -t 60 -l "$data/server.log" \
         -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='$data' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
         start >/dev/null 2>&1; then
      echo "$port" > "$state/port"
      break
    fi
    tries=$((tries + 1))
    if [ $tries -ge 5 ]; then
      echo "pg-local: server did not start; last log lines:" >&2
      tail -n 20 "$data/server.log" >&2 || true
      exit 1
    fi
  done
  "$pgbin/psql" -h 127.0.0.1 -p "$(cat "$state/port")" -U recon -d postgres -qAt \
    -c "SELECT 1 FROM pg_database WHERE datname = 'recon'" | grep -q 1 \
    || "$pgbin/createdb" -h 127.0.0.1 -p "$(cat "$state/port")" -U recon recon
  dsn
}

stop() {
  local data; data=$(data_dir)
  if [ -f "$data/postmaster.pid" ]; then
    as_server_user "$pgbin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  if [ "${1:-}" != "--keep" ]; then
    rm -rf "$data" "$state"
  fi
}

case "$cmd" in
  start) start ;;
  dsn) running && dsn || { echo "pg-local: cluster $name is not running" >&2; exit 1; } ;;
  stop) stop "${3:-}" ;;
  *) echo "usage: jobs/pg-local.sh start|dsn|stop [NAME] [--keep]" >&2; exit 64 ;;
esac
