#!/usr/bin/env bash
# Backs up DVK's database to one file.
#   PostgreSQL (DVK_DB_URL=jdbc:postgresql://host:port/db): pg_dump, custom format, while the application runs.
#   Embedded H2 (default ./data/dvk): H2's Script tool from the application's jar; stop the application first.
# Usage: tools/backup.sh [file]   (default: backup/dvk-<date>.dump or .zip)
set -euo pipefail
jar="${DVK_JAR:-target/dvk.jar}"
url="${DVK_DB_URL:-jdbc:h2:file:./data/dvk}"
stamp="$(date +%Y%m%d-%H%M%S)"
mkdir -p backup
if [[ "$url" == jdbc:postgresql://* ]]; then
    rest="${url#jdbc:postgresql://}"; hostport="${rest%%/*}"; db="${rest#*/}"; db="${db%%\?*}"
    out="${1:-backup/dvk-$stamp.dump}"
    PGPASSWORD="${DVK_DB_PASSWORD:-}" pg_dump -h "${hostport%%:*}" -p "${hostport##*:}" -U "${DVK_DB_USER:-postgres}" \
        -Fc -f "$out" "$db"
else
    out="${1:-backup/dvk-$stamp.zip}"
    java -cp "$jar" -Dloader.main=org.h2.tools.Script org.springframework.boot.loader.launch.PropertiesLauncher \
        -url "${url%%;*};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
        -user "${DVK_DB_USER:-sa}" -password "${DVK_DB_PASSWORD:-}" -script "$out" -options compression zip
fi
echo "backup written: $out"
