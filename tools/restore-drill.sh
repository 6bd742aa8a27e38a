#!/usr/bin/env bash
# A restore drill on PostgreSQL: backs up a DVK database with tools/backup.sh (pg_dump, custom format), restores it
# into a new database with tools/restore.sh (pg_restore, parallel), then proves the copy: the audit trail's hash chain
# is whole (verify-audit), every table has as many rows as the original, and the national statistics that DVK
# answers from the copy equal those it answers from the original. Prints the times.
#
#   tools/restore-drill.sh <database> [year=2024] [jobs=$(nproc)]
#
# Needs target/dvk.jar, pg_dump/pg_restore/psql, curl, python3 and PostgreSQL at 127.0.0.1:5432 (user postgres); the
# statistics are read as the central viewer of a generated dataset (theodoi.tw), or skipped when it does not exist.
set -euo pipefail
cd "$(dirname "$0")/.."
SOURCE=${1:?usage: tools/restore-drill.sh <database> [year] [jobs]}
YEAR=${2:-2024}
JOBS=${3:-$(nproc)}
COPY=${SOURCE}_drill
JAR=target/dvk.jar
PORT=${DVK_DRILL_PORT:-18210}
OUT=target/restore-drill/$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT"
[ -f $JAR ] || { echo "build the jar first: mvn -B -q package -DskipTests" >&2; exit 2; }
url() { echo "jdbc:postgresql://127.0.0.1:5432/$1"; }
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
counts() { # database → "table rows" lines, every table of the schema
  psql -h 127.0.0.1 -U postgres -d "$1" -At -c "select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by 1" | while read -r t; do
      echo "$t $(psql -h 127.0.0.1 -U postgres -d "$1" -At -c "select count(*) from \"$t\"")"
  done
}
statistics() { # database → the national statistics JSON of $YEAR as DVK answers it
  (java -Xmx512m -jar $JAR --server.port="$PORT" --spring.datasource.url="$(url "$1")" \
      --spring.datasource.username=postgres --spring.datasource.password= > "$OUT/app-$1.log" 2>&1) &
  local app=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness"; do
    kill -0 $app 2>/dev/null || { echo "DVK did not start on $1 (see $OUT/app-$1.log)" >&2; exit 1; }
    sleep 0.5
  done
  local token
  token=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d '{"username":"theodoi.tw","password":"dvk-bench-2026!"}' | sed -E 's/.*"token":"([^"]+)".*/\1/') || token=""
  if [ -n "$token" ]; then
    curl -sf "http://127.0.0.1:$PORT/api/v1/statistics?unit=TW&year=$YEAR" -H "Authorization: Bearer $token"
  else
    echo '{"skipped":"no central viewer theodoi.tw"}'
  fi
  kill $app; wait $app 2>/dev/null || true
}

psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $COPY with (force)" -c "create database $COPY"
SIZE=$(psql -h 127.0.0.1 -U postgres -At -c "select pg_size_pretty(pg_database_size('$SOURCE'))")

t=$(date +%s%N)
DVK_DB_URL=$(url "$SOURCE") tools/backup.sh "$OUT/backup.dump" > /dev/null
BACKUP_MS=$(ms "$t")
t=$(date +%s%N)
DVK_DB_URL=$(url "$COPY") DVK_RESTORE_JOBS=$JOBS tools/restore.sh "$OUT/backup.dump" > /dev/null
RESTORE_MS=$(ms "$t")
t=$(date +%s%N)
java -jar $JAR verify-audit --spring.datasource.url="$(url "$COPY")" --spring.datasource.username=postgres \
  --spring.datasource.password= > "$OUT/verify-audit.txt" 2>&1 && AUDIT=whole || AUDIT=BROKEN
VERIFY_MS=$(ms "$t")
counts "$SOURCE" > "$OUT/counts-source.txt"
counts "$COPY" > "$OUT/counts-copy.txt"
diff -q "$OUT/counts-source.txt" "$OUT/counts-copy.txt" > /dev/null && ROWS=equal || ROWS=DIFFERENT
statistics "$SOURCE" > "$OUT/statistics-source.json"
statistics "$COPY" > "$OUT/statistics-copy.json"
cmp -s "$OUT/statistics-source.json" "$OUT/statistics-copy.json" && STATS=equal || STATS=DIFFERENT

{
  echo "# Restore drill of $SOURCE ($SIZE), $(date +%d/%m/%Y)"
  echo
  echo "| step | result |"
  echo "|---|---|"
  echo "| backup (pg_dump -Fc) | $(awk "BEGIN {printf \"%.1f\", $BACKUP_MS / 1000}") s, $(du -h "$OUT/backup.dump" | cut -f1) |"
  echo "| restore (pg_restore -j $JOBS) into an empty database | $(awk "BEGIN {printf \"%.1f\", $RESTORE_MS / 1000}") s |"
  echo "| verify-audit on the copy | $AUDIT ($(awk "BEGIN {printf \"%.1f\", $VERIFY_MS / 1000}") s; $(tail -1 "$OUT/verify-audit.txt")) |"
  echo "| rows of every table ($(wc -l < "$OUT/counts-source.txt") tables, $(awk '{s += $2} END {print s}' "$OUT/counts-source.txt") rows) | $ROWS |"
  echo "| national statistics of $YEAR answered by DVK from each | $STATS |"
} | tee "$OUT/summary.md"
psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $COPY with (force)"
[ "$AUDIT" = whole ] && [ "$ROWS" = equal ] && [ "$STATS" = equal ]
