#!/usr/bin/env bash
# Restores a backup made by tools/backup.sh into an EMPTY database (never over live data).
#   PostgreSQL: pg_restore into the (new, empty) database of DVK_DB_URL; DVK_RESTORE_JOBS=N restores N tables and
#   indexes at once (parallel restore; default 1).
#   Embedded H2: H2's RunScript tool into the database file of DVK_DB_URL (default ./data/dvk; the folder must
#   not hold a database yet: move the old one away first).
# Usage: tools/restore.sh <file>
set -euo pipefail
file="${1:?usage: tools/restore.sh <backup file>}"
jar="${DVK_JAR:-target/dvk.jar}"
url="${DVK_DB_URL:-jdbc:h2:file:./data/dvk}"
if [[ "$url" == jdbc:postgresql://* ]]; then
    rest="${url#jdbc:postgresql://}"; hostport="${rest%%/*}"; db="${rest#*/}"; db="${db%%\?*}"
    PGPASSWORD="${DVK_DB_PASSWORD:-}" pg_restore -h "${hostport%%:*}" -p "${hostport##*:}" \
        -U "${DVK_DB_USER:-postgres}" -d "$db" --exit-on-error --jobs="${DVK_RESTORE_JOBS:-1}" "$file"
else
    base="${url#jdbc:h2:file:}"; base="${base%%;*}"
    if [ -e "$base.mv.db" ]; then
        echo "refusing: $base.mv.db exists; move it away before restoring" >&2
        exit 1
    fi
    java -cp "$jar" -Dloader.main=org.h2.tools.RunScript org.springframework.boot.loader.launch.PropertiesLauncher \
        -url "${url%%;*};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
        -user "${DVK_DB_USER:-sa}" -password "${DVK_DB_PASSWORD:-}" -script "$file" -options compression zip
fi
echo "restored from $file"
