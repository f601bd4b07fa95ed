#!/usr/bin/env bash
# On demand, not in CI: opens the portal's province page, an items page (the province's first list,
# filtered to outstanding items; once more with every item expanded, `items-open`) and the ministry
# page in headless Chromium (Debian's `chromium` package) and saves screenshots.
#
#   scripts/portal-screenshots.sh PROVINCE_TOKEN MINISTRY_TOKEN [URL] [OUT_DIR]
#
# The portal must be running (`recon serve`, e.g. after `jobs/demo.sh --keep`, or
# `scripts/portal-test-server.sh start shots`). Installs Debian's chromium and a CJK font when missing.
set -euo pipefail
province_token=${1:?province token}
ministry_token=${2:?ministry token}
url=${3:-http://127.0.0.1:8080}
out=${4:-portal-screenshots}
mkdir -p "$out"

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ] || ! fc-list :lang=zh | grep -q .; then
  echo "installing Debian's chromium and a CJK font (root needed)" >&2
  apt-get install -y --no-install-recommends chromium fonts-wqy-zenhei >/dev/null
  browser=$(command -v chromium)
fi

curl -fsS "$url/health" >/dev/null || { echo "no portal at $url (start: recon serve)" >&2; exit 1; }

shot() {
  local name=$1 token=$2 path=$3 expand=${4:-} work csrf height=1400
  work=$(mktemp -d)
  # Log in the way the page does: the login form's CSRF token (and its cookie), then POST /login
  # with the portal's Origin answers 303 with the HttpOnly session cookie.
  curl -fsS -c "$work/cookies" "$url/" > "$work/login.html"
  csrf=$(sed -n 's/.*name="csrf" value="\([0-9a-f.]*\)".*/\1/p' "$work/login.html" | head -1)
  status=$(curl -s -o /dev/null -b "$work/cookies" -c "$work/cookies" -H "Origin: $url" -w '%{http_code}' \
    --data-urlencode "token=$token" --data-urlencode "csrf=$csrf" "$url/login")
  [ "$status" = 303 ] || { echo "login as $name failed: HTTP $status" >&2; exit 1; }
  # Headless Chromium cannot be handed a cookie on the command line, so the page is fetched with
  # the session cookie and rendered from a file (it has no external resource: the result is the
  # page as a browser shows it; its links are not followed).
  if [ "$path" = FIRST_LIST ]; then
    path=$(curl -fsS -b "$work/cookies" "$url/" | grep -o 'href="/lists/[0-9]*"' | head -1 | sed 's/href="//; s/"$//')"?status=outstanding&size=20"
  fi
  curl -fsS -b "$work/cookies" "$url$path" > "$work/page.html"
  grep -q 'action="/login"' "$work/page.html" && { echo "the session cookie was refused ($name)" >&2; exit 1; }
  # As a user who opened every item's fields and rows.
  if [ "$expand" = expand ]; then sed -i 's/<details>/<details open>/g' "$work/page.html"; height=4000; fi
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile" \
    --window-size=1500,"$height" --screenshot="$out/$name.png" "file://$work/page.html" 2>/dev/null
  rm -rf "$work"
  echo "$out/$name.png"
}

shot province "$province_token" /
shot items "$province_token" FIRST_LIST
shot items-open "$province_token" FIRST_LIST expand
shot ministry "$ministry_token" /
