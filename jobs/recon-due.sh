#!/usr/bin/env bash
# Cron wrapper of `recon due`, right on a host in any time zone (cron's environment is
# `PATH=/usr/bin:/bin`, the host's TZ, no CRON_TZ on Debian): loads the environment file, finds the
# binary, decides by BEIJING time whether a pass is due, runs it, appends to one log file per Beijing
# day, and reports a failure on stderr (which cron mails to MAILTO) and to syslog at priority err.
#
#   recon-due.sh [recon due options]               run a pass now (systemd, by hand)
#   recon-due.sh --scheduled [recon due options]   from cron every 5 minutes: run only when a Beijing
#                                                  slot (RECON_DUE_SLOTS) has come and this host has
#                                                  not run it yet; otherwise exit 0 at once, starting
#                                                  nothing (cheap)
#
# Exit status: recon's (0 done, 1 a step failed, 75 due work still held by another copy, 78 config —
# README "Exit codes"); 127 when the recon binary is not found.
#
# Settings (environment, or the environment file RECON_ENV_FILE, default /etc/recon/recon.env):
#   RECON_BIN            the recon binary        (default: /usr/local/bin/recon, else recon on PATH)
#   RECON_CONFIG         configuration file      (default: /etc/recon/recon.toml)
#   RECON_LOG_DIR        daily log files         (default: /var/log/recon; kept RECON_LOG_KEEP_DAYS, 400)
#   RECON_STATE_DIR      slot stamps and lock    (default: /var/lib/recon/state)
#   RECON_DUE_SLOTS      Beijing times of the passes (default: 06:30,14:30,23:45)
#   RECON_DUE_CATCHUP_MINUTES  a slot missed by less than this (host down) still runs (default 120)
#   RECON_METRICS_FILE   Prometheus textfile to write (optional; README "Monitoring")
#   RECON_DUE_NOW        pretend this instant (ISO 8601, for drills and tests; passed as --now)
#   plus the DSN variables named by dsn_env in the configuration.
set -uo pipefail

# China keeps one offset all year (no DST since 1991): a POSIX zone needs no tzdata on the host.
beijing() { TZ=CST-8 date "$@"; }

scheduled=0
if [ "${1:-}" = "--scheduled" ]; then scheduled=1; shift; fi

env_file=${RECON_ENV_FILE:-/etc/recon/recon.env}
if [ -r "$env_file" ]; then set -a; . "$env_file"; set +a; fi

log_dir=${RECON_LOG_DIR:-/var/log/recon}
state_dir=${RECON_STATE_DIR:-/var/lib/recon/state}
now_text=${RECON_DUE_NOW:-}
now=$(date -d "${now_text:-now}" +%s) || { echo "recon-due: RECON_DUE_NOW=\"$now_text\" is not a time" >&2; exit 64; }
today=$(beijing -d "@$now" +%F)

fail() { # status message: stderr (cron mails it), syslog at err, and the day's log
  local status=$1; shift
  echo "recon-due on $(hostname): $*" >&2
  logger -t recon-due -p user.err -- "$*" 2>/dev/null || true
  if mkdir -p "$log_dir" 2>/dev/null; then echo "=== $(beijing '+%F %T %z') $*" >>"$log_dir/recon-due-$today.log" 2>/dev/null; fi
  exit "$status"
}

mkdir -p "$log_dir" "$state_dir" || fail 73 "cannot create $log_dir or $state_dir"

if [ $scheduled -eq 1 ]; then
  # The latest slot at or before now (today's or yesterday's, Beijing), unless missed too long ago.
  latest=""
  for day in "$(beijing -d "@$((now - 86400))" +%F)" "$today"; do
    IFS=, read -r -a slots <<<"${RECON_DUE_SLOTS:-06:30,14:30,23:45}"
    for slot in "${slots[@]}"; do
      at=$(TZ=CST-8 date -d "$day $slot" +%s) || fail 78 "RECON_DUE_SLOTS: \"$slot\" is not HH:MM"
      if [ "$at" -le "$now" ] && { [ -z "$latest" ] || [ "$at" -gt "$latest" ]; }; then latest=$at; fi
    done
  done
  catchup=$(( ${RECON_DUE_CATCHUP_MINUTES:-120} * 60 ))
  [ -n "$latest" ] && [ $((now - latest)) -le $catchup ] || exit 0
  stamp="$state_dir/recon-due.last-slot"
  [ -f "$stamp" ] && [ "$(cat "$stamp")" -ge "$latest" ] 2>/dev/null && exit 0
fi

# One pass at a time on this host (a long pass is not joined by the next cron tick).
exec 9>>"$state_dir/recon-due.lock"
if ! flock -n 9; then
  [ $scheduled -eq 1 ] && exit 0
  fail 75 "another recon-due pass is still running on this host ($state_dir/recon-due.lock)"
fi
[ $scheduled -eq 1 ] && echo "$latest" >"$state_dir/recon-due.last-slot"

bin=${RECON_BIN:-}
if [ -z "$bin" ]; then
  for candidate in /usr/local/bin/recon /opt/recon/bin/recon; do
    if [ -x "$candidate" ]; then bin=$candidate; break; fi
  done
  [ -n "$bin" ] || bin=$(command -v recon 2>/dev/null) || true
fi
[ -n "$bin" ] && [ -x "$bin" ] || fail 127 "recon binary not found (RECON_BIN=\"${RECON_BIN:-}\", /usr/local/bin/recon, PATH=$PATH): set RECON_BIN in $env_file"

export RECON_CONFIG=${RECON_CONFIG:-/etc/recon/recon.toml}
args=(due --config "$RECON_CONFIG")
[ -n "$now_text" ] && args+=(--now "$(beijing -d "@$now" +%FT%T+08:00)")
[ -n "${RECON_METRICS_FILE:-}" ] && args+=(--metrics-file "$RECON_METRICS_FILE")

log="$log_dir/recon-due-$today.log"
start=$(stat -c %s "$log" 2>/dev/null || echo 0)
(
  echo "=== $(beijing -d "@$now" '+%F %T %z') recon due$([ $scheduled -eq 1 ] && beijing -d "@$latest" '+ (slot %H:%M)') — pid $$, host $(hostname)"
  "$bin" "${args[@]}" "$@"
  status=$?
  echo "=== exit $status"
  exit $status
) >>"$log" 2>&1
status=$?

# Old daily logs go (the journal or this folder is the only log: nothing else rotates it).
find "$log_dir" -maxdepth 1 -name 'recon-due-*.log' -mtime +"${RECON_LOG_KEEP_DAYS:-400}" -delete 2>/dev/null || true

case $status in
  0) ;;
  75) logger -t recon-due -p user.notice -- "recon due: some due work is still held by another copy (exit 75); see $log" 2>/dev/null || true ;;
  *)
    {
      echo "recon due FAILED on $(hostname) (exit $status) at $(beijing '+%F %T %z'); log: $log"
      echo "--- this pass:"
      tail -c +$((start + 1)) "$log" | tail -n 40
    } >&2
    logger -t recon-due -p user.err -- "recon due failed (exit $status); see $log" 2>/dev/null || true
    ;;
esac
exit $status
