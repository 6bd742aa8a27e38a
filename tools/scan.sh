#!/usr/bin/env bash
# Security scanners against a running DVK: sqlmap on the JSON API (bearer token; the public library without one) and
# wapiti on the pages (session cookie from a real form sign-in with its CSRF token). The application runs from
# target/dvk.jar with the demo world (--dvk.demo=true) on a fresh embedded H2 database in a temporary folder (default),
# or on a fresh PostgreSQL database (--db postgres: dvk_scan_demo, dropped and created), or on the national dataset
# in PostgreSQL (--national: database dvk_bench_national as bench/run.sh generates it, signed in as its users).
# Reports go to target/scan/. Not part of the test suite (it takes up to ~15 minutes).
# Needs: apt-get install -y sqlmap wapiti curl (and psql for PostgreSQL)
# Usage: tools/scan.sh [--db h2|postgres] [--national]
#                                 environment: SCAN_PORT (18093), SQLMAP_SECONDS per target (70; twice that for
#                                 the registration body, which has ten fields),
#                                 WAPITI_SECONDS (240), WAPITI_KILL_SECONDS (4 × WAPITI_SECONDS + 120), SQLMAP_LEVEL (2), SQLMAP_RISK (2), PGHOST (127.0.0.1)
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
port="${SCAN_PORT:-18093}"; base="http://127.0.0.1:$port"
sq_secs="${SQLMAP_SECONDS:-70}"; wa_secs="${WAPITI_SECONDS:-240}"
# wapiti honours --max-scan-time while it crawls, but each attack module may then run up to --max-attack-time (60 s):
# the hard bound leaves room for them, and a scan killed at the bound writes no report
wa_kill="${WAPITI_KILL_SECONDS:-$((wa_secs * 4 + 120))}"
level="${SQLMAP_LEVEL:-2}"; risk="${SQLMAP_RISK:-2}"
db=h2; national=0
while [ $# -gt 0 ]; do
    case "$1" in
        --db) db="$2"; shift 2 ;;
        --national) national=1; db=postgres; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
pghost="${PGHOST:-127.0.0.1}"
# who signs in, and the units the targets name: the demo world's, or the national dataset's (bench/prepare.py)
if [ "$national" = 1 ]; then
    password='dvk-bench-2026!'; reporter=canbo.00004; board=thamdinh.p01; admin=quantri.p01
    board_unit=VN-01; reporter_unit=VN-00004; database=dvk_bench_national
else
    password='dvk-demo-2026!'; reporter=canbo; board=thamdinh; admin=quantri
    board_unit=BTR; reporter_unit=BTR-MCN-TTB-HND; database=dvk_scan_demo
fi
out="$root/target/scan"; rm -rf "$out"; mkdir -p "$out/sqlmap" "$out/wapiti"
work="$(mktemp -d)"
for tool in sqlmap wapiti curl java; do
    command -v "$tool" > /dev/null || { echo "missing $tool (apt-get install -y sqlmap wapiti curl)" >&2; exit 2; }
done

jar="$root/target/dvk.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit)" ]; then
    echo "building target/dvk.jar"
    (cd "$root" && mvn -B -q package -DskipTests) || exit 2
fi

# a fresh database (H2 under $work, or PostgreSQL) and upload folder under $work (the application keeps ./data of its
# working folder); sign-in throttling is lifted so that the scanners' many sign-in attempts are not all answered 429
dbargs=()
if [ "$db" = postgres ]; then
    if [ "$national" = 0 ]; then
        psql -q -h "$pghost" -U postgres -c "drop database if exists $database with (force)" -c "create database $database"
    fi
    dbargs=(--spring.datasource.url="jdbc:postgresql://$pghost:5432/$database" --spring.datasource.username=postgres
            --spring.datasource.password=)
fi
demo=--dvk.demo=true
[ "$national" = 1 ] && demo=--dvk.demo=false
(cd "$work" && DVK_ADMIN_PASSWORD='scan-Admin-Password-2026' exec java -Xmx512m -jar "$jar" \
    --server.port="$port" "$demo" "${dbargs[@]}" \
    --dvk.security.login.max-failures-per-user=1000000 --dvk.security.login.max-failures-per-address=1000000 \
    --dvk.showcase.per-address=10000 \
    > "$out/app.log" 2>&1) &
app=$!
trap 'kill "$app" 2>/dev/null; wait "$app" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 180); do curl -fs -o /dev/null "$base/login" && break; sleep 1; done

token() {  # API sign-in: POST /api/v1/auth/token → bearer token
    curl -fs -X POST "$base/api/v1/auth/token" -H 'Content-Type: application/json' \
        -d "{\"username\":\"$1\",\"password\":\"$password\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/'
}
tok=""
for _ in $(seq 1 90); do tok=$(token "$reporter"); [ -n "$tok" ] && break; sleep 1; done   # the demo world comes just after start
[ -n "$tok" ] || { echo "no API token for $reporter; see $out/app.log" >&2; exit 1; }
tok_board=$(token "$board")
for path in "/api/v1/models?unit=$board_unit" "/api/v1/statistics?unit=$board_unit&year=2024"; do   # the targets answer 200
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $tok_board" "$base$path")" = 200 ] \
        || { echo "$board cannot read $path" >&2; exit 1; }
done
public_id=$(curl -fs "$base/api/v1/public/models?size=1" | sed -nE 's/.*"content":\[\{"id":([0-9]+).*/\1/p')
echo "API sign-in: $reporter and $board have bearer tokens; database: $db$([ "$national" = 1 ] && echo ", national dataset"); public model: ${public_id:-none}"

# page sign-in through the form: GET /login for the CSRF token and a cookie, then POST /login
jar_file="$work/cookies.txt"
csrf=$(curl -fs -c "$jar_file" "$base/login" | sed -nE 's/.*name="_csrf"[^>]*value="([^"]+)".*/\1/p; s/.*value="([^"]+)"[^>]*name="_csrf".*/\1/p' | head -1)
code=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$jar_file" -c "$jar_file" -X POST "$base/login" \
    --data-urlencode "username=$admin" --data-urlencode "password=$password" --data-urlencode "_csrf=$csrf")
session=$(awk '$6 == "SESSION" { print $7 }' "$jar_file")
[ -n "$session" ] && curl -fs -o /dev/null -b "SESSION=$session" "$base/" \
    || { echo "form sign-in failed ($code); see $out/app.log" >&2; exit 1; }
echo "form sign-in: $admin has a session ($code)"

# ---------------------------------------------------------------- sqlmap on the API
sqlmap_run() {  # name, seconds, then sqlmap arguments
    local name="$1" secs="$2"; shift 2
    timeout --signal=INT --kill-after=10 "$secs" sqlmap --batch --flush-session --disable-coloring \
        --level="$level" --risk="$risk" --technique=BEUST --time-sec=3 --timeout=15 --retries=1 \
        --skip=page,size --output-dir="$out/sqlmap" "$@" > "$out/sqlmap/$name.log" 2>&1
    local rc=$?
    # only a confirmed injection point counts; sqlmap itself rejects candidates that fail its false-positive check
    # (argon2 makes every failed sign-in slow, which time-based tests of the token endpoint can mistake for a delay)
    local rejected
    rejected=$(grep -c "false positive or unexploitable injection point detected" "$out/sqlmap/$name.log")
    if grep -qE "sqlmap identified the following injection point|is vulnerable\." "$out/sqlmap/$name.log"; then
        echo "sqlmap $name: INJECTION FOUND (see target/scan/sqlmap/$name.log)"
    elif [ "$rc" -eq 124 ] || [ "$rc" -eq 130 ]; then
        echo "sqlmap $name: nothing found within ${secs}s (stopped at the time bound; $rejected candidate(s) rejected as false positives)"
    else
        echo "sqlmap $name: nothing found ($(grep -cE 'testing .(AND|OR|Generic|MySQL|PostgreSQL|H2|Boolean)' "$out/sqlmap/$name.log") techniques tried; $rejected candidate(s) rejected as false positives)"
    fi
}
# reads as the province board (thamdinh, unit BTR: it sees the whole province); the registration as canbo, whose
# unit is the commune association BTR-MCN-TTB-HND (national: thamdinh.p01 of VN-01 and canbo.00004 of VN-00004).
# Each start URL answers 200, so sqlmap has a baseline.
board=(-H "Authorization: Bearer $tok_board")
sqlmap_run models-list "$sq_secs" "${board[@]}" -u "$base/api/v1/models?q=van&unit=$board_unit&status=ACCEPTED&field=ECONOMY&level=PROVINCE&year=2024&page=0&size=20"
sqlmap_run statistics "$sq_secs" "${board[@]}" -u "$base/api/v1/statistics?unit=$board_unit&year=2024&level=PROVINCE&field=ECONOMY&boundary=current"
sqlmap_run statistics-period "$sq_secs" "${board[@]}" -u "$base/api/v1/statistics?unit=$board_unit&period=2021-2025&boundary=historical"
sqlmap_run units "$sq_secs" "${board[@]}" -u "$base/api/v1/units?under=$board_unit&q=ben&page=0&size=20"
sqlmap_run units-resolve "$sq_secs" "${board[@]}" -u "$base/api/v1/units/resolve?oldCode=83&name=Thanh&province=Ben"
sqlmap_run model-create $((sq_secs * 2)) -H "Authorization: Bearer $tok" -u "$base/api/v1/models" --method=POST -H 'Content-Type: application/json' \
    --data '{"title":"Mo hinh quet","field":"ECONOMY","unitCode":"'"$reporter_unit"'","level":"DISTRICT","year":2025,"holderType":"COLLECTIVE","holderName":"Hoi Nong dan","origin":"NEW","summary":"quet"}'
sqlmap_run token "$sq_secs" --ignore-code=401 -u "$base/api/v1/auth/token" --method=POST -H 'Content-Type: application/json' \
    --data '{"username":"'"$reporter"'","password":"sai-mat-khau-1"}'
# the public library, without sign-in: its search and filters, and a citizen's rating of a public model
sqlmap_run public-list "$sq_secs" -u "$base/api/v1/public/models?q=van&province=$board_unit&field=ECONOMY&level=PROVINCE&year=2024&page=0&size=20"
if [ -n "$public_id" ]; then
    sqlmap_run public-feedback "$sq_secs" -u "$base/api/v1/public/models/$public_id/feedback" --method=POST \
        -H 'Content-Type: application/json' --data '{"rating":4,"comment":"Mo hinh thiet thuc"}'
fi

# ---------------------------------------------------------------- wapiti on the pages
printf '{"127.0.0.1": {"/": {"SESSION": {"value": "%s", "expires": null, "secure": false, "port": null, "version": 0}}}}\n' \
    "$session" > "$work/wapiti-cookie.json"
# Debian's wapiti 3.0.4 cannot take -x on Python 3.11 (its wildcard regex ends with "(?ms)", which 3.11 refuses:
# "global flags not at the start"); run it with that one function corrected.
cat > "$work/wapiti.py" <<'PY'
import re, sys
import wapitiCore.net.crawler as crawler
def wildcard_translate(pattern):
    return re.compile("(?ms)" + "".join(".*" if c == "*" else re.escape(c) for c in pattern) + r"\Z")
crawler.wildcard_translate = wildcard_translate
from wapitiCore.main.wapiti import wapiti_main
sys.argv = ["wapiti"] + sys.argv[1:]
wapiti_main()
PY
wapiti_python=$(head -1 "$(command -v wapiti)" | sed "s/^#!//")   # the interpreter wapiti is installed for
timeout --kill-after=30 "$wa_kill" $wapiti_python "$work/wapiti.py" \
    -u "$base/" -s "$base/cong-khai" -s "$base/imports" --scope folder -c "$work/wapiti-cookie.json" \
    -x "$base/logout" -x "$base/logout*" -x "$base/api/*" -x "$base/swagger-ui*" -x "$base/v3/*" \
    -d 3 --max-scan-time "$wa_secs" --max-attack-time 60 --flush-session -f json -o "$out/wapiti/report.json" \
    > "$out/wapiti/wapiti.log" 2>&1
echo "wapiti: exit $?; $(grep -o 'found [0-9]* URLs and forms' "$out/wapiti/wapiti.log"); report target/scan/wapiti/report.json"
python3 - "$out/wapiti/report.json" <<'PY' | tee "$out/wapiti/summary.txt"
import json, sys
try:
    r = json.load(open(sys.argv[1]))
except Exception as e:
    print("wapiti: no report:", e); sys.exit(0)
for section in ("vulnerabilities", "anomalies", "additionals"):
    for kind, items in sorted(r.get(section, {}).items()):
        if items:
            print(f"wapiti {section}: {kind}: {len(items)}")
            for i in items[:5]:
                print("   ", i.get("method"), i.get("path"), i.get("parameter"), "-", (i.get("info") or "")[:160])
PY
server_errors=$(grep -c ' ERROR ' "$out/app.log")
echo "application log: $server_errors ERROR line(s) (target/scan/app.log)"
