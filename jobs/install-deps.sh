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
  libreoffice-calc-nogui  # tests open the CSV lists in LibreOffice and print the bulletin/公示稿 to PDF (soffice --convert-to)
  poppler-utils       # … and read those PDFs back (pdfinfo, pdftotext -bbox, pdffonts)
  fonts-crosextra-carlito  # Calibri's metrics (XLSX column widths are in Calibri digits): LibreOffice lays out and prints XLSX as Excel does
  chromium            # scripts/portal-browser-test.sh drives the portal in headless Chromium
  chromium-driver     # … through WebDriver (chromedriver)
  fonts-wqy-zenhei    # a CJK font: the browser test's screenshots and the printed bulletin/公示稿 show the Chinese text
  systemd             # deploy tests: systemd-analyze verify/calendar of the installed units
  util-linux          # deploy tests and jobs/recon-due.sh: runuser, flock, logger (bsdutils)
  bsdutils            # logger: jobs/recon-due.sh and recon-failure.sh log failures at priority err
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The portal tests validate docs/portal-openapi.yaml with openapi-spec-validator (PyPI), and
# scripts/portal-api-check.sh runs schemathesis (PyPI) against a live test server;
# scripts/portal-browser-test.py drives Chromium with selenium (PyPI).
python_ok() { python3 -c 'import openapi_spec_validator, yaml, selenium' >/dev/null 2>&1 && command -v schemathesis >/dev/null; }
ensure_validator() {
  python_ok && return 0
  echo "install-deps: installing openapi-spec-validator, schemathesis and selenium (pip)" >&2
  python3 -m pip install --quiet openapi-spec-validator pyyaml schemathesis selenium >/dev/null 2>&1 \
    || python3 -m pip install --quiet --break-system-packages openapi-spec-validator pyyaml schemathesis selenium >/dev/null 2>&1 \
    || echo "install-deps: warning: could not pip-install openapi-spec-validator/schemathesis/selenium (the OpenAPI and browser checks will fail)" >&2
}

if [ ${#missing[@]} -eq 0 ]; then ensure_validator; exit 0; fi

echo "install-deps: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
ensure_validator
