#!/usr/bin/env bash
# Restores a backup of jobs/backup.sh: the results database into DSN (an empty database, e.g. on a
# fresh server) and, with --out, the output folder. Checks the checksums first. Then run
# `recon migrate` if the binary is newer than the backup, and `recon due` rewrites any missing file
# from the database (files are state).
#
#   jobs/restore.sh DIR DSN [--out FOLDER]
set -euo pipefail
dir=${1:?usage: jobs/restore.sh DIR DSN [--out FOLDER]}
dsn=${2:?usage: jobs/restore.sh DIR DSN [--out FOLDER]}
shift 2
out=""
while [ $# -gt 0 ]; do
  case $1 in
    --out) out=$2; shift 2 ;;
    *) echo "restore.sh: unknown argument $1" >&2; exit 64 ;;
  esac
done
(cd "$dir" && sha256sum --quiet -c SHA256SUMS) || { echo "restore.sh: $dir fails its checksums" >&2; exit 65; }
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
psql=${pgbin:+$pgbin/}psql
existing=$("$psql" -qAt --dbname "$dsn" -c "SELECT count(*) FROM pg_namespace WHERE nspname = 'recon'")
[ "$existing" = 0 ] || { echo "restore.sh: the target database already has a recon schema: restore into an empty database" >&2; exit 73; }
"${pgbin:+$pgbin/}pg_restore" --no-owner --no-privileges --exit-on-error --single-transaction --dbname "$dsn" "$dir/recon-results.dump"
if [ -n "$out" ]; then
  [ -f "$dir/recon-out.tar.gz" ] || { echo "restore.sh: the backup has no output folder" >&2; exit 66; }
  mkdir -p "$out"
  tar -C "$out" -xzf "$dir/recon-out.tar.gz"
fi
echo "restore.sh: restored $dir into the database$( [ -n "$out" ] && echo " and $out")" >&2
