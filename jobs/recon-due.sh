#!/usr/bin/env bash
# Cron/systemd wrapper: loads the environment, runs `recon due`, and appends to one log file per
# Beijing day. Exit status is recon's (0 done, 1 a step failed, 75 work held by another copy —
# see README "Exit codes").
#
# Settings (environment, or /etc/recon/recon.env):
#   RECON_BIN     the recon binary            (default: recon on PATH)
#   RECON_CONFIG  the configuration file      (default: /etc/recon/recon.toml)
#   RECON_LOG_DIR folder for daily log files  (default: /var/log/recon)
#   plus the DSN variables named by dsn_env in the configuration.
set -uo pipefail
env_file=${RECON_ENV_FILE:-/etc/recon/recon.env}
if [ -r "$env_file" ]; then set -a; . "$env_file"; set +a; fi
bin=${RECON_BIN:-recon}
export RECON_CONFIG=${RECON_CONFIG:-/etc/recon/recon.toml}
log_dir=${RECON_LOG_DIR:-/var/log/recon}
mkdir -p "$log_dir"
log="$log_dir/recon-due-$(TZ=Asia/Shanghai date +%F).log"
{
  echo "=== $(TZ=Asia/Shanghai date '+%F %T %z') recon due (pid $$, host $(hostname))"
  "$bin" due --config "$RECON_CONFIG" "$@"
  status=$?
  echo "=== exit $status"
  exit $status
} >>"$log" 2>&1
