#!/usr/bin/env bash
# Runs every test (unit and integration) against a throwaway PostgreSQL, then stops it.
#   jobs/test.sh [extra `swift test` arguments, e.g. --filter Calendar]
# The integration tests read the server's DSN from RECON_TEST_DSN; they fail (never skip) without it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
bash jobs/install-deps.sh
dsn=$(bash jobs/pg-local.sh start test)
trap 'bash jobs/pg-local.sh stop test' EXIT
export RECON_TEST_DSN="$dsn"
swift build --build-tests
swift test --skip-build "$@"
# Full runs only: the portal in a real browser (headless Chromium through WebDriver, both journeys),
# then its OpenAPI file and a bounded schemathesis run against a live test server.
if [ $# -eq 0 ]; then
  bash scripts/portal-browser-test.sh
  bash scripts/portal-api-check.sh
fi
