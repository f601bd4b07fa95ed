#!/usr/bin/env bash
# Installs the Debian packages recon needs to build, test and run, when they are missing.
# Safe to run again: it installs only what is absent. Needs root (or sudo) on a fresh machine.
set -euo pipefail

packages=(
  libpq-dev           # CLibPQ: libpq headers and pkg-config file
  postgresql          # throwaway local server for the demo and tests (jobs/pg-local.sh)
  libxlsxwriter-dev   # CXlsxWriter: XLSX rectification lists
  xlsx2csv            # tests read generated XLSX back
  python3             # pg-local.sh picks a free port with it
  libreoffice-calc-nogui  # tests open the CSV lists in LibreOffice (soffice --convert-to)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
