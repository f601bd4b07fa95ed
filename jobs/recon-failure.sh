#!/usr/bin/env bash
# recon-failure.sh UNIT: the OnFailure= handler (recon-failure@.service). Writes one line at priority
# err ("<3>" for the journal, and syslog via logger) naming the unit, its result and its last log
# lines, then runs RECON_FAILURE_HOOK when set: a command line given the unit as $1 and the report
# on stdin, e.g.
#   RECON_FAILURE_HOOK=/usr/local/bin/recon-mail-ops         (a script of yours: mail, webhook, SMS)
set -uo pipefail
unit=${1:?usage: recon-failure.sh UNIT}
result=$(systemctl show -p Result --value "$unit" 2>/dev/null || echo unknown)
status=$(systemctl show -p ExecMainStatus --value "$unit" 2>/dev/null || echo "?")
excerpt=$(journalctl -u "$unit" -n 30 --no-pager -o cat 2>/dev/null || true)
report="recon: $unit FAILED on $(hostname) (result $result, exit $status) at $(TZ=CST-8 date '+%F %T +0800')
--- last lines of $unit:
$excerpt"
echo "<3>recon: $unit FAILED (result $result, exit $status); see journalctl -u $unit" >&2
logger -t recon-failure -p user.err -- "$unit FAILED (result $result, exit $status)" 2>/dev/null || true
if [ -n "${RECON_FAILURE_HOOK:-}" ]; then
  printf '%s\n' "$report" | bash -c "$RECON_FAILURE_HOOK \"\$1\"" recon-failure "$unit" \
    || echo "<3>recon: the failure hook RECON_FAILURE_HOOK exited $?" >&2
fi
exit 0
