#!/usr/bin/env bash
# Installs recon on a Debian host, once; running it again changes nothing that is already right and
# never overwrites the operator's /etc/recon/recon.toml or recon.env (README "Deploying").
#
#   sudo jobs/install.sh [--binary PATH] [--cron]   install (default binary: .build/release/recon)
#   sudo jobs/install.sh --uninstall [--purge]      remove binary, scripts and units (--purge: also
#                                                   /etc/recon, /var/lib/recon, /var/log/recon and the user)
#   DESTDIR=/tmp/root jobs/install.sh …            install under a staging root (tests); the recon
#                                                   user is still created on this host when root
#
# What it puts in place:
#   /usr/local/bin/recon                     the binary
#   /usr/local/lib/recon/recon-due.sh        the cron wrapper;  recon-failure.sh  the OnFailure= handler
#   /etc/recon/recon.toml                    from jobs/recon.toml.example (all 32 units), if absent
#   /etc/recon/recon.env                     DSNs and settings, mode 0600 owner recon, if absent
#   /var/lib/recon/{out,state,metrics}       output files, cron slot stamps, Prometheus textfile
#   /var/log/recon                           the cron wrapper's daily logs (systemd units log to journald)
#   /etc/systemd/system/recon-due.{service,timer}, recon-serve.service, recon-failure@.service
#   /etc/cron.d/recon                        instead of the timer, with --cron (hosts without systemd)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dest=${DESTDIR:-}
binary="$root/.build/release/recon"
mode=install
purge=0
cron=0
while [ $# -gt 0 ]; do
  case $1 in
    --binary) binary=$2; shift 2 ;;
    --cron) cron=1; shift ;;
    --uninstall) mode=uninstall; shift ;;
    --purge) purge=1; shift ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown argument $1 (see --help)" >&2; exit 64 ;;
  esac
done

say() { echo "install.sh: $*" >&2; }
is_root() { [ "$(id -u)" -eq 0 ]; }
# systemctl only on the live system with systemd running (never for a DESTDIR install).
live_systemd() { [ -z "$dest" ] && [ -d /run/systemd/system ] && command -v systemctl >/dev/null; }
units=(recon-due.service recon-due.timer recon-serve.service recon-failure@.service)

if [ "$mode" = uninstall ]; then
  if live_systemd; then
    systemctl disable --now recon-due.timer recon-serve.service >/dev/null 2>&1 || true
  fi
  for unit in "${units[@]}"; do rm -f "$dest/etc/systemd/system/$unit"; done
  rm -f "$dest/etc/cron.d/recon" "$dest/usr/local/bin/recon"
  rm -rf "$dest/usr/local/lib/recon" "$dest/usr/local/share/doc/recon"
  if live_systemd; then systemctl daemon-reload; fi
  if [ $purge -eq 1 ]; then
    rm -rf "$dest/etc/recon" "$dest/var/lib/recon" "$dest/var/log/recon"
    if [ -z "$dest" ] && is_root && id recon >/dev/null 2>&1; then userdel recon; fi
    say "removed recon, its configuration, data and logs"
  else
    say "removed recon's binary, scripts and units; kept /etc/recon, /var/lib/recon, /var/log/recon (--purge removes them)"
  fi
  exit 0
fi

[ -x "$binary" ] || { say "no recon binary at $binary: build it (swift build -c release --product recon) or give --binary PATH"; exit 66; }

# The system user (on this host, also for a DESTDIR install, so that the files can be owned by it).
owner=""
if is_root; then
  if ! id recon >/dev/null 2>&1; then
    useradd --system --user-group --home-dir /var/lib/recon --no-create-home --shell /usr/sbin/nologin \
      --comment "recon reconciliation" recon
    say "created system user recon"
  fi
  owner=recon:recon
else
  say "not root: files stay owned by $(id -un) (a real install needs root)"
fi

# install_file SOURCE TARGET MODE: copies when the content differs (idempotent), sets the mode.
install_file() {
  local source=$1 target=$2 mode=$3
  mkdir -p "$(dirname "$target")"
  if ! cmp -s "$source" "$target" 2>/dev/null; then install -m "$mode" "$source" "$target"; fi
  chmod "$mode" "$target"
}
# folder PATH MODE [OWNER]
folder() {
  mkdir -p "$1"; chmod "$2" "$1"
  if [ -n "${3:-}" ]; then chown "$3" "$1"; fi
}

install_file "$binary" "$dest/usr/local/bin/recon" 0755
install_file "$root/jobs/recon-due.sh" "$dest/usr/local/lib/recon/recon-due.sh" 0755
install_file "$root/jobs/recon-failure.sh" "$dest/usr/local/lib/recon/recon-failure.sh" 0755
install_file "$root/README.md" "$dest/usr/local/share/doc/recon/README.md" 0644
install_file "$root/docs/rules.md" "$dest/usr/local/share/doc/recon/rules.md" 0644

folder "$dest/etc/recon" 0750 "$owner"
if [ ! -e "$dest/etc/recon/recon.toml" ]; then
  install -m 0640 "$root/jobs/recon.toml.example" "$dest/etc/recon/recon.toml"
  say "wrote $dest/etc/recon/recon.toml (all 32 units): set the DSN variables in recon.env"
fi
if [ ! -e "$dest/etc/recon/recon.env" ]; then
  (umask 077; cp "$root/jobs/recon.env.example" "$dest/etc/recon/recon.env")
  say "wrote $dest/etc/recon/recon.env: fill in the DSNs (it stays mode 0600, owner recon)"
fi
# The secrets file is 0600 and the recon user's, however it was edited since.
chmod 0600 "$dest/etc/recon/recon.env"
chmod 0640 "$dest/etc/recon/recon.toml"
if [ -n "$owner" ]; then chown "$owner" "$dest/etc/recon/recon.env" "$dest/etc/recon/recon.toml"; fi

folder "$dest/var/lib/recon" 0750 "$owner"
for sub in out state metrics; do folder "$dest/var/lib/recon/$sub" 0750 "$owner"; done
# The metrics file is read by node_exporter's textfile collector (another user): world-readable folder.
chmod 0755 "$dest/var/lib/recon" "$dest/var/lib/recon/metrics"
folder "$dest/var/log/recon" 0750 "$owner"

if [ $cron -eq 1 ]; then
  install_file "$root/jobs/recon.crontab" "$dest/etc/cron.d/recon" 0644
  for unit in recon-due.service recon-due.timer; do rm -f "$dest/etc/systemd/system/$unit"; done
  say "installed /etc/cron.d/recon (every 5 minutes; passes at Beijing slots, see RECON_DUE_SLOTS)"
else
  rm -f "$dest/etc/cron.d/recon"
fi
for unit in "${units[@]}"; do
  if [ $cron -eq 1 ] && [[ $unit == recon-due.* ]]; then continue; fi
  install_file "$root/jobs/$unit" "$dest/etc/systemd/system/$unit" 0644
done

if live_systemd; then
  systemctl daemon-reload
  if [ $cron -eq 0 ]; then systemctl enable --now recon-due.timer >/dev/null; fi
  systemctl enable recon-serve.service >/dev/null
  say "enabled recon-due.timer (started) and recon-serve.service (start it once recon.env is filled: systemctl start recon-serve)"
fi
say "installed under ${dest:-/}"
