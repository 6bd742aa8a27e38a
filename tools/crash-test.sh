#!/usr/bin/env bash
# Crash safety: runs DVK on PostgreSQL, drives write transitions (register + submit) from several clients while
# recording every acknowledged one, kills the application with SIGKILL at random moments, restarts it, and at the
# end checks that every acknowledged write and its audit entry is in the database and that nothing is half-written.
# Usage: tools/crash-test.sh [cycles=20] [clients=4]      (needs target/dvk.jar, PostgreSQL at 127.0.0.1:5432, curl, psql)
set -uo pipefail
cycles="${1:-20}"; clients="${2:-4}"
db=dvk_crash; port="${DVK_CRASH_PORT:-18090}"; base="http://127.0.0.1:$port"
work="$(mktemp -d)"; acks="$work/acks"; : > "$acks"
jar="$(cd "$(dirname "$0")/.." && pwd)/target/dvk.jar"
[ -f "$jar" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 2; }
psql_q() { psql -h 127.0.0.1 -U postgres -d "$db" -At -c "$1"; }
psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $db with (force)" -c "create database $db"

start() {
    (cd "$work" && DVK_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" DVK_DB_USER=postgres \
        DVK_ADMIN_PASSWORD=crash-Test-Admin-2026 exec java -Xmx512m -jar "$jar" --server.port="$port" \
        --dvk.demo=true >> "$work/app.log" 2>&1) &
    app=$!
    for _ in $(seq 1 120); do
        curl -fs -o /dev/null "$base/login" && return 0
        sleep 1
    done
    echo "application did not start" >&2; exit 1
}

client() {  # registers and submits models until the application dies; records what was acknowledged
    local n=0 id body
    while :; do
        n=$((n + 1))
        body=$(curl -fs -m 10 -X POST "$base/api/v1/models" -H "Authorization: Bearer $token" \
            -H 'Content-Type: application/json' -d "{\"title\":\"Mô hình thử sập máy $1-$n\",\"field\":\"ECONOMY\",
            \"unitCode\":\"BTR-MCN-TTB-HND\",\"level\":\"DISTRICT\",\"year\":2025,\"holderType\":\"COLLECTIVE\",
            \"holderName\":\"Hội Nông dân\",\"origin\":\"NEW\",\"summary\":\"crash test\"}") || return 0
        id=$(sed -E 's/.*"id":([0-9]+).*/\1/' <<< "$body")
        echo "CREATE $id" >> "$acks"
        curl -fs -m 10 -o /dev/null -X POST "$base/api/v1/models/$id/submit" -H "Authorization: Bearer $token" \
            || return 0
        echo "SUBMIT $id" >> "$acks"
    done
}

start
token=""
for _ in $(seq 1 60); do   # the demo world (users, units) is built just after the server starts
    token=$(curl -fs -X POST "$base/api/v1/auth/token" -H 'Content-Type: application/json' \
        -d '{"username":"canbo","password":"dvk-demo-2026!"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
    [ -n "$token" ] && break
    sleep 1
done
[ -n "$token" ] || { echo "no token for the demo user canbo" >&2; exit 1; }
for c in $(seq 1 "$cycles"); do
    pids=()
    for k in $(seq 1 "$clients"); do client "$c.$k" & pids+=($!); done
    sleep "$(awk -v s="$RANDOM" 'BEGIN { srand(s); printf "%.1f", 1 + rand() * 4 }')"
    kill -9 "$app"; wait "$app" 2>/dev/null
    wait "${pids[@]}" 2>/dev/null
    echo "cycle $c: killed; acknowledged so far: $(wc -l < "$acks")"
    start
done
kill "$app"; wait "$app" 2>/dev/null

created=$(grep -c '^CREATE' "$acks"); submitted=$(grep -c '^SUBMIT' "$acks")
lost=0
while read -r op id; do
    if [ "$op" = CREATE ]; then
        ok=$(psql_q "select count(*) from model_model m where m.id = $id and exists (select 1 from shared_audit_entry a
             where a.subject_type = 'MODEL' and a.subject_id = m.id and a.action = 'CREATE')")
    else
        ok=$(psql_q "select count(*) from model_model m where m.id = $id and m.submitted_at is not null and exists
             (select 1 from shared_audit_entry a where a.subject_type = 'MODEL' and a.subject_id = m.id and a.action = 'SUBMIT')")
    fi
    [ "$ok" = 1 ] || { lost=$((lost + 1)); echo "LOST: $op $id"; }
done < "$acks"
half=$(psql_q "select count(*) from model_model m where m.title like 'Mô hình thử sập máy%' and (not exists (select 1
       from shared_audit_entry a where a.subject_type = 'MODEL' and a.subject_id = m.id and a.action = 'CREATE')
       or (m.submitted_at is not null) <> exists (select 1 from shared_audit_entry a where a.subject_type = 'MODEL'
       and a.subject_id = m.id and a.action = 'SUBMIT'))")
stored=$(psql_q "select count(*) from model_model where title like 'Mô hình thử sập máy%'")
echo "crash cycles: $cycles; clients: $clients; acknowledged: $created registrations + $submitted submissions;"
echo "lost acknowledged writes: $lost; half-written models: $half; models stored: $stored (>= acknowledged: a write may"
echo "commit and die before its answer reaches the client)"
[ "$lost" = 0 ] && [ "$half" = 0 ]
