#!/usr/bin/env bash
# CI (from jobs/test.sh): docs/portal-openapi.yaml validates (openapi-spec-validator), and a
# bounded schemathesis run against a live test server finds no failure: server errors, responses
# that do not match their schema, undocumented status codes, or a documented-valid request refused.
#
#   scripts/portal-api-check.sh            (uses .build/debug/recon; SCHEMATHESIS_MAX_EXAMPLES, default 30)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
python3 - <<'PY'
import yaml
from openapi_spec_validator import validate
validate(yaml.safe_load(open("docs/portal-openapi.yaml", encoding="utf-8")))
print("portal-openapi.yaml: valid OpenAPI 3")
PY
command -v schemathesis >/dev/null || python3 -m schemathesis.cli --help >/dev/null 2>&1 || {
  echo "portal-api-check: schemathesis is missing (jobs/install-deps.sh installs it)" >&2; exit 1; }
read -r url province ministry list < <(bash scripts/portal-test-server.sh start api 300)
trap 'bash scripts/portal-test-server.sh stop api' EXIT
for token in "$province" "$ministry"; do
  timeout 300 schemathesis run docs/portal-openapi.yaml --url "$url" \
    --header "Authorization: Bearer $token" \
    --checks not_a_server_error,status_code_conformance,response_schema_conformance,content_type_conformance \
    --max-examples "${SCHEMATHESIS_MAX_EXAMPLES:-30}" --seed 1 --no-color
done
echo "portal-api-check: schemathesis found no failure"
