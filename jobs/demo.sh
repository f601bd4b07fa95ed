#!/usr/bin/env bash
# The whole mission end to end on a throwaway local PostgreSQL, as cron would run it over a quarter:
# generate sample registries for a few provinces, run 2026Q3's official reconciliation inside its
# window — the first 5 working days of October 2026, the month after Q3 (docs/rules.md "The window") —
# (recon due, pretending the date), issue and export the official rectification lists (CSV +
# XLSX), simulate the provinces' re-uploads, track them, draft the scores on the results date and
# put them on public notice (公示), take one objection accepted and one rejected, and publish the
# results with their ranking and bulletin at the end of the notice (第十一条).
#
#   jobs/demo.sh [--keep]      output: demo-output/ (lists, scores, recon.toml, planted truth)
#   DEMO_ROWS=20000 DEMO_PROVINCES=410000,420000,440000 jobs/demo.sh
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
keep=${1:-}
rows=${DEMO_ROWS:-20000}
provinces=${DEMO_PROVINCES:-410000,420000,440000}
out="$root/demo-output"

bash jobs/install-deps.sh
echo "== building recon (release)" >&2
swift build -c release --product recon >/dev/null
recon="$root/.build/release/recon"

dsn=$(bash jobs/pg-local.sh start demo)
if [ "$keep" != "--keep" ]; then trap 'bash jobs/pg-local.sh stop demo' EXIT; fi
echo "== throwaway PostgreSQL: $dsn" >&2
rm -rf "$out"; mkdir -p "$out/files"
step() { echo; echo "== $*"; }
started=$(date +%s)

step "1. sample registries: provinces $provinces, $rows keys per record set, planted differences and noise"
"$recon" sample generate --server "$dsn" --provinces "$provinces" --rows "$rows" --quarter 2026Q3 \
  --platform-share 93.5% --replace --truth "$out/planted-truth.jsonl" --config-out "$out/recon.toml"
printf '\n[jobs]\noutput_dir = "%s"\n' "$out/files" >> "$out/recon.toml"
export RECON_CONFIG="$out/recon.toml"

step "2. 2026-10-09 09:00 (inside 2026Q3's window: October's first 5 working days, Oct 8–13 after the National Day holiday): recon due — official reconciliation, lists issued and exported"
"$recon" due --now 2026-10-09T09:00:00+08:00
"$recon" calendar window 2026Q3
"$recon" runs

step "3. the provinces answer: most items re-uploaded within the 5 working days, a few late, a few never"
for list in $("$recon" lists progress --quarter 2026Q3 --format csv | tail -n +2 | cut -d, -f4); do
  "$recon" sample reupload --config "$RECON_CONFIG" --list "$list" --share 98% \
    --offsets 1,1,2,2,3,3,4,4,5,5,1,2,3,4,5,1,2,3,4,5,1,2,3,4,5,1,2,3,4,5,1,2,3,4,5,6,8 --seed "$list"
done

step "4. daily tracking: recon due on 2026-10-13 and on 2026-10-19 (after the lists' deadline, 2026-10-15 24:00)"
"$recon" due --now 2026-10-13T07:00:00+08:00
"$recon" due --now 2026-10-19T07:00:00+08:00
"$recon" lists progress --quarter 2026Q3 --now 2026-10-19T07:00:00+08:00

step "5. 2026-10-20, the 10th working day of October (第八条): recon due drafts 2026Q3 and puts it on public notice"
"$recon" due --now 2026-10-20T07:00:00+08:00
"$recon" score --quarter 2026Q3 --now 2026-10-20T07:30:00+08:00

first=${provinces%%,*}
rest=${provinces#*,}; second=${rest%%,*}
step "6. 2026-10-21, during the notice: $first objects to indicator 12, $second to indicator 11"
"$recon" objections raise --quarter 2026Q3 --province "$first" --indicator 12 \
  --text "便民政务系统漏计了本省线下办件，请核对" --now 2026-10-21T10:00:00+08:00
"$recon" objections raise --quarter 2026Q3 --province "$second" --indicator 11 \
  --text "逾期上传的记录已整改，请计入" --now 2026-10-21T10:30:00+08:00
denominator=$("$recon" score --quarter 2026Q3 --province "$first" --format json \
  | python3 -c 'import json,sys; d=json.load(sys.stdin); print([i for i in d["provinces"][0]["indicators"] if i["indicator"]==12][0]["denominator"])')
objections=$("$recon" objections list --quarter 2026Q3 | cut -d' ' -f1)
o1=$(echo "$objections" | sed -n 1p); o2=$(echo "$objections" | sed -n 2p)
step "7. 2026-10-22: the ministry accepts objection $o1 (corrected counts) and rejects objection $o2"
"$recon" objections accept "$o1" --numerator "$denominator" --denominator "$denominator" \
  --reason "核对平台线下办件台账后，本季度业务记录均已归集" --now 2026-10-22T15:00:00+08:00
"$recon" objections reject "$o2" --reason "逾期上传不计入对账整改率（5个工作日内上传才计）" --now 2026-10-22T15:10:00+08:00
"$recon" objections list --quarter 2026Q3

step "8. 2026-10-27, the notice is over: recon due publishes 2026Q3 (frozen, ranked, bulletin written)"
"$recon" due --now 2026-10-27T07:00:00+08:00
"$recon" score --quarter 2026Q3
"$recon" score history --quarter 2026Q3

step "files written to $out/files"
ls -1 "$out/files"

step "9. the province portal: a token for ${provinces%%,*} and one for the ministry (each shown once)"
province_token=$("$recon" tokens create --province "${provinces%%,*}" --name "省级运政 ${provinces%%,*}" | sed -n 2p)
ministry_token=$("$recon" tokens create --ministry --name "部级运政" | sed -n 2p)
echo
echo "demo finished in $(( $(date +%s) - started )) s (after the build)"
echo
echo "portal:          RECON_CONFIG=$out/recon.toml $recon serve --listen 127.0.0.1:8080   (then open http://127.0.0.1:8080/)"
echo "province token:  $province_token"
echo "ministry token:  $ministry_token"
[ "$keep" = "--keep" ] || echo "(the database is stopped on exit: run jobs/demo.sh --keep to try the portal)"
[ "$keep" = "--keep" ] && echo "cluster left running: $dsn (RECON_CONFIG=$out/recon.toml; stop: jobs/pg-local.sh stop demo)" >&2
exit 0
