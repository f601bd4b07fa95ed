#!/usr/bin/env bash
# On demand, not in CI: opens the portal's province page and ministry page in headless Chromium
# (Debian's `chromium` package) and saves screenshots.
#
#   scripts/portal-screenshots.sh PROVINCE_TOKEN MINISTRY_TOKEN [URL] [OUT_DIR]
#
# The portal must be running (`recon serve`, e.g. after `jobs/demo.sh --keep`). The page keeps the
# token in an HttpOnly cookie set by POST /login; headless Chromium cannot fill the form, so this
# script logs in with curl and hands the cookie to Chromium via a throwaway profile's header flag.
set -euo pipefail
province_token=${1:?province token}
ministry_token=${2:?ministry token}
url=${3:-http://127.0.0.1:8080}
out=${4:-portal-screenshots}
mkdir -p "$out"

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "installing Debian's chromium (root needed)" >&2
  apt-get install -y --no-install-recommends chromium >/dev/null
  browser=$(command -v chromium)
fi

curl -fsS "$url/health" >/dev/null || { echo "no portal at $url (start: recon serve)" >&2; exit 1; }

shot() {
  local name=$1 token=$2 profile
  profile=$(mktemp -d)
  # Check the token the way the page does (POST /login answers 303 with the cookie).
  status=$(curl -s -o /dev/null -w '%{http_code}' --data-urlencode "token=$token" "$url/login")
  [ "$status" = 303 ] || { echo "login as $name failed: HTTP $status" >&2; exit 1; }
  # Chromium reads cookies from its profile only; a request header is the simplest way in.
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
    --window-size=1400,1000 --screenshot="$out/$name.png" \
    --extra-http-headers="Cookie: recon_token=$token" "$url/" 2>/dev/null || true
  if [ ! -s "$out/$name.png" ]; then
    # Older Chromium builds ignore --extra-http-headers: render the page saved with curl instead.
    curl -fsS -H "Cookie: recon_token=$token" "$url/" > "$profile/page.html"
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
      --window-size=1400,1000 --screenshot="$out/$name.png" "file://$profile/page.html" 2>/dev/null
  fi
  rm -rf "$profile"
  echo "$out/$name.png"
}

shot province "$province_token"
shot ministry "$ministry_token"
