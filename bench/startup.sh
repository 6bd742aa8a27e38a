#!/usr/bin/env bash
# Start-up of DVK beside a minimal Spring Boot application with the same starters (bench/startup/minimal), both on
# the embedded H2 database (already migrated: the first, untimed start creates it), N starts each, on Java 17 and,
# with AppCDS (a dynamic archive), and when a JDK 25 is found, on Java 25 with and without its AOT cache (JEP 483/514,
# both trained with -Dspring.context.exit=onRefresh). Figure: "process running for" of Spring Boot's "Started" line (JVM start to ready).
#   bench/startup.sh [runs, default 7]      → target/bench/startup-<time>.md
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-7}
JAVA17=${JAVA17:-java}
JAVA25=${JAVA25:-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1 || true)}
[ -f target/dvk.jar ] || mvn -B -q package -DskipTests
(cd bench/startup/minimal && [ -f target/minimal.jar ] || mvn -B -q package -DskipTests)
W=$(mktemp -d /tmp/dvk-startup.XXXX)
OUT=target/bench/startup-$(date +%Y%m%d-%H%M%S).md
mkdir -p target/bench
java -Djarmode=tools -jar target/dvk.jar extract --destination "$W/dvk" > /dev/null
java -Djarmode=tools -jar bench/startup/minimal/target/minimal.jar extract --destination "$W/minimal" > /dev/null
export DVK_ADMIN_PASSWORD=startup-Bench-2026-pw

start() { # java app-dir jar extra-args... → prints seconds from JVM start to ready
  local java=$1 dir=$2 jar=$3; shift 3
  (cd "$dir" && exec "$java" -Xmx512m "$@" -jar "$jar" --server.port=0 > run.log 2>&1) &
  echo $! > "$dir/pid"
  for _ in $(seq 1 600); do
    if grep -q 'process running for' "$dir/run.log"; then break; fi
    sleep 0.1
  done
  kill "$(cat "$dir/pid")" 2>/dev/null || true
  while kill -0 "$(cat "$dir/pid")" 2>/dev/null; do sleep 0.1; done
  sed -n 's/.*process running for \([0-9.]*\)).*/\1/p' "$dir/run.log" | tail -1
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

declare -A RESULT
measure() { # label java args...
  local label=$1 java=$2; shift 2
  for app in minimal dvk; do
    start "$java" "$W/$app" "$app.jar" "$@" > /dev/null   # untimed: creates and migrates the database
    local times=()
    for _ in $(seq 1 "$RUNS"); do times+=("$(start "$java" "$W/$app" "$app.jar" "$@")"); done
    RESULT[$label/$app]=$(printf '%s\n' "${times[@]}" | median)
    echo "[startup] $label $app: ${times[*]} → median ${RESULT[$label/$app]} s"
  done
}
measure "Java 17" "$JAVA17"
# Java 17 with AppCDS (README, "Run"): a dynamic archive of the classes loaded by one start, for each application
for app in minimal dvk; do
  (cd "$W/$app" && "$JAVA17" -XX:ArchiveClassesAtExit=app.jsa -Dspring.context.exit=onRefresh -jar "$app.jar" \
    --server.port=0 > cds.log 2>&1 || true)
done
measure "Java 17 + AppCDS" "$JAVA17" -XX:SharedArchiveFile=app.jsa
if [ -n "$JAVA25" ]; then
  measure "Java 25" "$JAVA25"
  for app in minimal dvk; do
    (cd "$W/$app" && "$JAVA25" -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh -jar "$app.jar" \
      --server.port=0 > train.log 2>&1 || true)
  done
  measure "Java 25 + AOT cache" "$JAVA25" -XX:AOTCache=app.aot
fi
{
  echo "| JVM | minimal Boot app (s) | DVK (s) | ratio |"
  echo "|---|---:|---:|---:|"
  for label in "Java 17" "Java 17 + AppCDS" "Java 25" "Java 25 + AOT cache"; do
    [ -n "${RESULT[$label/dvk]:-}" ] || continue
    echo "| $label | ${RESULT[$label/minimal]} | ${RESULT[$label/dvk]} | $(python3 -c "print('%.2f' % (${RESULT[$label/dvk]} / ${RESULT[$label/minimal]}))") |"
  done
  echo; echo "Median of $RUNS starts each (JVM start to ready, 'process running for'), -Xmx512m, H2 file database already migrated; $(nproc) cores."
} | tee "$OUT"
rm -rf "$W"
