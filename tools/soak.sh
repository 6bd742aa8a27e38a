#!/usr/bin/env bash
# Soak: the benchmark's mixed workload (bench/mixed.lua: reads, page views, the public library and 4% write
# transitions) for a long time at a modest load, in segments, with what would show a leak sampled after each one:
# the heap after garbage collection (the floor of the segment's collections), the process's open files, threads and
# resident memory, its TCP connections to PostgreSQL and the database's sessions, and the segment's throughput and
# p50/p99. Everything must stay flat. Results: target/soak-<time>/ (soak.md, gc.log, app.log, each segment's wrk logs).
#
#   tools/soak.sh [--minutes 60] [--segment 10] [--clients 16] [--heap 512m] [--jar target/dvk.jar]
#
# Needs the national dataset in PostgreSQL database dvk_bench_national at $PGHOST (default 127.0.0.1:5432, user
# postgres): `bash bench/run.sh --scale national` generates it (or `java -jar target/dvk.jar generate
# --scale=national` on an empty database); wrk and python3 as bench/run.sh does.
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES=60 SEGMENT=10 CLIENTS=16 HEAP=512m JAR=target/dvk.jar
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) MINUTES=$2; shift 2 ;;
    --segment) SEGMENT=$2; shift 2 ;;
    --clients) CLIENTS=$2; shift 2 ;;
    --heap) HEAP=$2; shift 2 ;;
    --jar) JAR=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -f "$JAR" ] || { echo "build the jar first: mvn -B -q package -DskipTests" >&2; exit 2; }
PGHOST_=${PGHOST:-127.0.0.1} PGPORT_=${PGPORT:-5432} PORT=${SOAK_PORT:-18086} DB=dvk_bench_national
BASE=http://127.0.0.1:$PORT
OUT=target/soak-$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT"
export DVK_BENCH_DATA=$OUT/data.lua

psql -q -h "$PGHOST_" -p "$PGPORT_" -U postgres "$DB" -c "vacuum analyze"
java -Xmx"$HEAP" -Xlog:gc:file="$OUT/gc.log" -jar "$JAR" --server.port="$PORT" \
  --spring.datasource.url="jdbc:postgresql://$PGHOST_:$PGPORT_/$DB" --spring.datasource.username=postgres \
  --spring.datasource.password= > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "$BASE/login"; do
  kill -0 $APP 2>/dev/null || { echo "[soak] the application died; see $OUT/app.log" >&2; exit 1; }
  sleep 0.5
done
python3 bench/prepare.py "$BASE" "$DVK_BENCH_DATA" 24 12

# One line of what the process holds now: open files, threads, resident MiB, TCP connections to PostgreSQL, the
# database's sessions of this application.
holdings() {
  local fds threads rss tcp sessions
  fds=$(ls /proc/$APP/fd | wc -l)
  threads=$(ls /proc/$APP/task | wc -l)
  rss=$(awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' /proc/$APP/status)
  tcp=$(awk -v port="$(printf ':%04X' "$PGPORT_")" '$3 ~ port"$" && $4 == "01"' /proc/$APP/net/tcp /proc/$APP/net/tcp6 \
        | wc -l)
  sessions=$(psql -At -h "$PGHOST_" -p "$PGPORT_" -U postgres "$DB" \
        -c "select count(*) from pg_stat_activity where datname = '$DB' and application_name like 'PostgreSQL JDBC%'")
  echo "$fds $threads $rss $tcp $sessions"
}
# The floor and the top of the heap after each collection logged since line $1 of gc.log (MiB).
heap_after_gc() {
  tail -n +"$1" "$OUT/gc.log" | sed -nE 's/.*Pause (Young|Full).*->([0-9]+)M\([0-9]+M\).*/\2/p' \
    | awk 'NR == 1 {min = $1; max = $1} {if ($1 < min) min = $1; if ($1 > max) max = $1; n++}
           END {if (n) printf "%d %d %d\n", min, max, n; else printf "- - 0\n"}'
}

{
  echo "# Soak: mixed workload, $CLIENTS clients, $MINUTES minutes in segments of $SEGMENT, heap $HEAP, national dataset"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem/ {print $2}') GiB, $(java -version 2>&1 | head -1); started $(date -u +'%F %T') UTC"
  echo
  echo "| minutes | requests | req/s | p50 ms | p99 ms | errors | heap after GC min–max MiB (collections) | open files | threads | RSS MiB | TCP to PostgreSQL | database sessions |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  read -r fds threads rss tcp sessions < <(holdings)
  echo "| 0 (start) | | | | | | | $fds | $threads | $rss | $tcp | $sessions |"
} > "$OUT/soak.md"
tail -n 2 "$OUT/soak.md"

segments=$(( MINUTES / SEGMENT ))
for i in $(seq 1 "$segments"); do
  dir=$OUT/segment-$i
  mkdir -p "$dir"
  line=$(( $(wc -l < "$OUT/gc.log") + 1 ))
  # each segment is a new wrk run: its writers start from the registrations submitted now (the last segment's
  # writes leave some asking for changes), so the list is read again
  [ "$i" -gt 1 ] && python3 bench/prepare.py "$BASE" "$DVK_BENCH_DATA" 24 12 > /dev/null
  wrk -t "$CLIENTS" -c "$CLIENTS" -d "$(( SEGMENT * 60 ))s" --timeout 10s -s bench/mixed.lua "$BASE" -- mixed "$dir" \
    "$CLIENTS" province > "$dir/wrk-mixed.txt"
  python3 bench/summarize.py "$dir" mixed "$(( SEGMENT * 60 ))" > "$dir/mixed.md"
  read -r requests rps p50 p99 errors < <(python3 -c "import json,sys; t=json.load(open(sys.argv[1]))['total'];
print(t['requests'], '%.1f' % (t['requests'] / float(sys.argv[2])), '%.1f' % t['p50'], '%.1f' % t['p99'], t['errors'])" \
    "$dir/mixed.json" "$(( SEGMENT * 60 ))")
  read -r hmin hmax gcs < <(heap_after_gc "$line")
  read -r fds threads rss tcp sessions < <(holdings)
  echo "| $(( (i - 1) * SEGMENT ))–$(( i * SEGMENT )) | $requests | $rps | $p50 | $p99 | $errors | $hmin–$hmax ($gcs) | $fds | $threads | $rss | $tcp | $sessions |" \
    | tee -a "$OUT/soak.md"
done
echo
echo "[soak] results in $OUT/soak.md"
