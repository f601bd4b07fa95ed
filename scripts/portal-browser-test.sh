#!/usr/bin/env bash
# CI (from jobs/test.sh, full runs): the portal's journeys in a real browser — headless Chromium
# (Debian's chromium) through WebDriver (chromium-driver, selenium from PyPI), installed by
# jobs/install-deps.sh. Fails (never skips) when the browser, the driver or selenium is missing.
#
#   scripts/portal-browser-test.sh [OUT_DIR]   (default portal-browser-screenshots/, gitignored)
#
# The test server's clock is pretended (`recon serve --now`) inside the public notice of 2026Q3
# (scores drafted 2026-10-20, notice until 2026-10-27); publication is `recon due --now 2026-10-28…`.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
out=${1:-portal-browser-screenshots}
for tool in chromium chromedriver xlsx2csv; do
  command -v "$tool" >/dev/null || { echo "portal-browser-test: $tool is missing (jobs/install-deps.sh installs it)" >&2; exit 1; }
done
python3 -c 'import selenium' 2>/dev/null || { echo "portal-browser-test: selenium is missing (jobs/install-deps.sh installs it)" >&2; exit 1; }
rm -rf "$out"; mkdir -p "$out"
read -r url province ministry _ < <(PORTAL_NOW=2026-10-22T10:00:00+08:00 bash scripts/portal-test-server.sh start browser 300)
trap 'bash scripts/portal-test-server.sh stop browser' EXIT
timeout 600 python3 scripts/portal-browser-test.py "$url" "$province" "$ministry" "$out" browser
