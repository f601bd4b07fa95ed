#!/usr/bin/env bash
# Backs up what recon keeps: the results database (pg_dump custom format: runs, differences, lists,
# tracking, score versions, publications, tokens, passes) and the output folder (lists, scores and
# bulletins as written). README "Deploying" and "Backups".
#
#   jobs/backup.sh DIR [--db DSN] [--out FOLDER]
#     --db   results database (default: RECON_RESULTS_DSN, read from /etc/recon/recon.env if unset)
#     --out  output folder ([jobs] output_dir; default /var/lib/recon/out; "-" for none)
# Writes DIR/recon-results.dump, DIR/recon-out.tar.gz, DIR/MANIFEST and DIR/SHA256SUMS. Run it as the
# recon user (or root), e.g. daily from a timer; keep copies off the host.
set -euo pipefail
dir=${1:?usage: jobs/backup.sh DIR [--db DSN] [--out FOLDER]}; shift
dsn=""; out=/var/lib/recon/out
while [ $# -gt 0 ]; do
  case $1 in
    --db) dsn=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "backup.sh: unknown argument $1" >&2; exit 64 ;;
  esac
done
if [ -z "$dsn" ]; then
  if [ -z "${RECON_RESULTS_DSN:-}" ] && [ -r /etc/recon/recon.env ]; then set -a; . /etc/recon/recon.env; set +a; fi
  dsn=${RECON_RESULTS_DSN:-}
fi
[ -n "$dsn" ] || { echo "backup.sh: no results database: give --db DSN or set RECON_RESULTS_DSN" >&2; exit 78; }
# The newest pg_dump installed (it must not be older than the server).
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
pg_dump=${pgbin:+$pgbin/}pg_dump
mkdir -p "$dir"
"$pg_dump" --format=custom --no-owner --no-privileges --file "$dir/recon-results.dump" --dbname "$dsn"
if [ "$out" != "-" ]; then
  [ -d "$out" ] || { echo "backup.sh: output folder $out does not exist (give --out FOLDER or --out -)" >&2; exit 66; }
  tar -C "$out" -czf "$dir/recon-out.tar.gz" .
fi
{
  echo "recon backup $(TZ=CST-8 date '+%F %T +0800') on $(hostname)"
  echo "schema: $("${pgbin:+$pgbin/}psql" -qAt --dbname "$dsn" -c "SELECT max(version) FROM recon.schema_migrations" 2>/dev/null || echo '?')"
  echo "output folder: $out"
} > "$dir/MANIFEST"
(cd "$dir" && sha256sum recon-results.dump $( [ -f recon-out.tar.gz ] && echo recon-out.tar.gz ) MANIFEST > SHA256SUMS)
echo "backup.sh: wrote $dir (recon-results.dump$( [ "$out" != "-" ] && echo ", recon-out.tar.gz"))" >&2
