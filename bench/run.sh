#!/usr/bin/env bash
# DVK benchmark: generates a dataset (optional), starts the application with a fixed heap, signs users in, and
# drives it with wrk (bench/mixed.lua): the ceiling (a trivial authenticated endpoint), the mixed workload, the
# write transitions; then the raw statistics SQL with pgbench (PostgreSQL only). Results: target/bench/<time>/.
#
#   bench/run.sh [--db postgres|h2] [--scale small|medium|national] [--no-generate] [--seconds 60] [--clients 64]
#                [--heap 512m] [--scope province|central] [--jar target/dvk.jar] [--warmup 150] [--profile] [--statements]
#                [--smoke]
# --scope: whose list, search, statistics and dashboard the mixed workload reads (bench/mixed.lua); the central
# viewer's list and search are kinds of the mix whatever the scope. --jar: another build to measure (before/after).
# --warmup: seconds of the mixed workload (writes included) before the measured runs (150: under that load the JIT
# compiler made 250 compilations a second at first and still took 30-49% of the application's CPU samples after 60 s
# of reads, but about 5 a second after 150 s; a server at the deadline has run for days; docs/PERFORMANCE.md).
# --profile: a Java Flight Recorder recording of the whole run (settings=profile) in the results, app.jfr; read it with
# `jfr print --events jdk.ExecutionSample` or `jfr summary`. --statements (PostgreSQL with pg_stat_statements in
# shared_preload_libraries): the statements that took PostgreSQL's time in each measured run, statements-<run>.txt.
# BENCH_JAVA_OPTS: more JVM options for the application.
# Needs: a built jar (mvn -B -q package -DskipTests), wrk, python3; for --db postgres: PostgreSQL at $PGHOST
# (default 127.0.0.1:5432, user postgres) and pgbench. --smoke: small scale, 3-second runs, 4 clients (CI).
set -euo pipefail
cd "$(dirname "$0")/.."
DB=postgres SCALE=national GENERATE=1 SECONDS_=60 CLIENTS=64 HEAP=512m SMOKE=0 WARMUP=150 SCOPE=province
JAR=target/dvk.jar PROFILE=0 STATEMENTS=0
while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB=$2; shift ;;
    --scale) SCALE=$2; shift ;;
    --no-generate) GENERATE=0 ;;
    --seconds) SECONDS_=$2; shift ;;
    --clients) CLIENTS=$2; shift ;;
    --heap) HEAP=$2; shift ;;
    --scope) SCOPE=$2; shift ;;
    --jar) JAR=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    --profile) PROFILE=1 ;;
    --statements) STATEMENTS=1 ;;
    --smoke) SMOKE=1; SCALE=small; SECONDS_=3; CLIENTS=4; WARMUP=2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
PGHOST_=${PGHOST:-127.0.0.1} PGPORT_=${PGPORT:-5432}
case "$SCOPE" in province|central) ;; *) echo "--scope is province or central" >&2; exit 2 ;; esac
[ $STATEMENTS = 1 ] && [ "$DB" != postgres ] && { echo "--statements needs --db postgres" >&2; exit 2; }
OUT=target/bench/$(date +%Y%m%d-%H%M%S)-$SCALE-$DB-$SCOPE
mkdir -p "$OUT"
[ -f "$JAR" ] || { echo "build the jar first: mvn -B -q package -DskipTests" >&2; exit 2; }
PORT=${BENCH_PORT:-18080}
if [ "$DB" = postgres ]; then
  NAME=dvk_bench_$SCALE
  URL="jdbc:postgresql://$PGHOST_:$PGPORT_/$NAME" USER_=postgres
  if [ $GENERATE = 1 ]; then
    psql -q -h "$PGHOST_" -p "$PGPORT_" -U postgres -c "drop database if exists $NAME with (force)" -c "create database $NAME"
  fi
else
  mkdir -p target/bench/h2
  URL="jdbc:h2:file:./target/bench/h2/$SCALE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" USER_=sa
  [ $GENERATE = 1 ] && rm -f target/bench/h2/$SCALE.*.db
fi
DBARGS=(--spring.datasource.url="$URL" --spring.datasource.username=$USER_ --spring.datasource.password=)
if [ "$DB" = postgres ]; then
  # SSD storage: random reads cost about as much as sequential ones (docs/OPERATIONS.md)
  psql -q -h "$PGHOST_" -p "$PGPORT_" -U postgres -c "alter database $NAME set random_page_cost = 1.1"
fi

if [ $GENERATE = 1 ]; then
  echo "[bench] generating $SCALE on $DB"
  java -jar "$JAR" generate --scale="$SCALE" "${DBARGS[@]}" > "$OUT/generate.log" 2>&1
  grep '^\[generate\]' "$OUT/generate.log"
fi

echo "[bench] starting the application (-Xmx$HEAP) on port $PORT"
START=$(date +%s%N)
JFR=()
[ $PROFILE = 1 ] && JFR=(-XX:StartFlightRecording=filename="$OUT/app.jfr",settings=profile,dumponexit=true)
# shellcheck disable=SC2086
java -Xmx$HEAP -Xlog:gc:file="$OUT/gc.log" "${JFR[@]}" ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.port=$PORT "${DBARGS[@]}" > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/login"; do
  kill -0 $APP 2>/dev/null || { echo "[bench] the application died; see $OUT/app.log" >&2; tail -30 "$OUT/app.log" >&2; exit 1; }
  sleep 0.5
done
echo "[bench] ready after $(( ($(date +%s%N) - START) / 1000000 )) ms"
if [ "$DB" = postgres ]; then
  # every run starts from a vacuumed, analyzed database (the start may have migrated it; and autovacuum is off on
  # the CI machines, so the dead rows of earlier runs would otherwise stay)
  psql -q -h "$PGHOST_" -p "$PGPORT_" -U postgres "$NAME" -c "vacuum analyze"
fi

BASE=http://127.0.0.1:$PORT
export DVK_BENCH_DATA=$OUT/data.lua
prepare() { python3 bench/prepare.py "$BASE" "$DVK_BENCH_DATA" $([ $SMOKE = 1 ] && echo "4 2" || echo "24 12"); }
prepare

# CPU seconds so far: the application, PostgreSQL (every postgres process), the whole machine (busy, idle)
cpu() {
  python3 - "$APP" <<'PY'
import os, sys
hz = os.sysconf("SC_CLK_TCK")
def proc(pid):
    try:
        f = open("/proc/%s/stat" % pid).read().rsplit(")", 1)[1].split()
        return (int(f[11]) + int(f[12])) / hz
    except OSError:
        return 0.0
app = proc(sys.argv[1])
pg = sum(proc(p) for p in os.listdir("/proc") if p.isdigit() and open("/proc/%s/comm" % p).read().strip() == "postgres") if True else 0
t = [int(x) for x in open("/proc/stat").readline().split()[1:]]
idle = (t[3] + t[4]) / hz
print("%.2f %.2f %.2f %.2f" % (app, pg, sum(t) / hz - idle, idle))
PY
}
load() { # mix seconds (the times of each run go to phases.txt, to read a profile of one run: bench/jfr-top.py)
  echo "$1 $(date +%T) $(date -d "+$2 seconds" +%T)" >> "$OUT/phases.txt"
  local before; before=$(cpu)
  [ $STATEMENTS = 1 ] && psql -q -h "$PGHOST_" -p "$PGPORT_" -U postgres "$NAME" -c "create extension if not exists pg_stat_statements" \
    -c "select pg_stat_statements_reset()" > /dev/null
  wrk -t "$CLIENTS" -c "$CLIENTS" -d "${2}s" --timeout 10s --latency -s bench/mixed.lua "$BASE" -- "$1" "$OUT" "$CLIENTS" "$SCOPE" \
    > "$OUT/wrk-$1.txt"
  echo "$1 $before $(cpu)" >> "$OUT/cpu.txt"
  [ $STATEMENTS = 1 ] && psql -h "$PGHOST_" -p "$PGPORT_" -U postgres "$NAME" -c "select round(total_exec_time) as ms,
    calls, round((total_exec_time / calls)::numeric, 3) as ms_per_call, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 300) as query
    from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
    order by total_exec_time desc limit 40" > "$OUT/statements-$1.txt"
  tail -1 "$OUT/wrk-$1.txt"
}
echo "[bench] warm-up (${WARMUP}s)"
load mixed "$WARMUP" > /dev/null
rm -f "$OUT"/lat-mixed-*.tsv
sed -i 's/^mixed /warmup /' "$OUT/cpu.txt" "$OUT/phases.txt"
prepare > /dev/null # the registrations the warm-up's writes left submitted, for the measured runs' writes
echo "[bench] ceiling: GET /api/v1/users/me, $CLIENTS clients, ${SECONDS_}s"
load ceiling "$SECONDS_"
CEILING=$(python3 -c "import glob;print(sum(1 for f in glob.glob('$OUT/lat-ceiling-*.tsv') for _ in open(f))/$SECONDS_)")
for mix in mixed writes; do
  echo "[bench] $mix: $CLIENTS clients, ${SECONDS_}s"
  load $mix "$SECONDS_"
done
{
  echo "# DVK benchmark $SCALE on $DB, $CLIENTS clients, ${SECONDS_}s per run, heap $HEAP, scope $SCOPE"
  echo; echo "Machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB, $(java -version 2>&1 | head -1)"; echo
  python3 bench/summarize.py "$OUT" ceiling "$SECONDS_"; echo
  python3 bench/summarize.py "$OUT" mixed "$SECONDS_" "$CEILING"; echo
  python3 bench/summarize.py "$OUT" writes "$SECONDS_"; echo
  echo "Where the CPU went (seconds of CPU during each run; $(nproc) cores × ${SECONDS_} s = $(( $(nproc) * SECONDS_ )) s):"; echo
  echo "| run | application | PostgreSQL | rest (wrk, system) | idle |"
  echo "|---|---:|---:|---:|---:|"
  awk '$1 != "warmup" { app = $6 - $2; pg = $7 - $3; busy = $8 - $4; idle = $9 - $5;
       printf "| %s | %.1f | %.1f | %.1f | %.1f |\n", $1, app, pg, busy - app - pg, idle }' "$OUT/cpu.txt"
} > "$OUT/summary.md"

if [ "$DB" = postgres ] && command -v pgbench > /dev/null; then
  ROOT_PATH=$(psql -At -h "$PGHOST_" -p "$PGPORT_" -U postgres "$NAME" -c "select path from unit_unit where code = 'TW'")
  for c in 1 "$CLIENTS"; do
    pgbench -n -h "$PGHOST_" -p "$PGPORT_" -U postgres -D prefix="'$ROOT_PATH%'" -f bench/sql/national-statistics.sql \
      -c "$c" -j 2 -T "$(( SECONDS_ < 20 ? SECONDS_ : 20 ))" "$NAME" > "$OUT/pgbench-$c.txt" 2>&1 || true
    echo "SQL ceiling (pgbench, national statistics, $c clients): $(grep -E "^(latency average|tps)" "$OUT/pgbench-$c.txt" | tr '\n' ' ')" >> "$OUT/summary.md"
  done
fi
# the largest heap in use after a collection, from the GC log (the heap never exceeds -Xmx)
python3 - "$OUT/gc.log" >> "$OUT/summary.md" <<'PY'
import re, sys
after = [int(m.group(2)) for m in re.finditer(r'(\d+)M->(\d+)M\((\d+)M\)', open(sys.argv[1]).read())]
print("\nHeap after GC: max %d MB over %d collections (limit -Xmx)." % (max(after or [0]), len(after)))
PY
kill $APP; wait $APP 2>/dev/null || true
trap - EXIT
cat "$OUT/summary.md"
ERRORS=$(python3 -c "import json;print(sum(json.load(open('$OUT/'+m+'.json'))['total']['errors'] for m in ('ceiling','mixed','writes')))")
echo "[bench] results in $OUT; errors: $ERRORS"
[ "$ERRORS" = 0 ]
