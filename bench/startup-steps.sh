#!/usr/bin/env bash
# Where a start goes, step by step (Spring's start-up recorder): DVK and the minimal app of bench/startup.sh, one start
# each on the embedded H2 database, wall milliseconds per kind of step and the longest steps (bean, configuration
# parsing, web server…). Complements bench/startup.sh (the times to ready); docs/PERFORMANCE.md quotes it.
#   bench/startup-steps.sh            → target/bench/startup-steps-<time>.txt
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/dvk.jar ] || ./mvnw -B -q package -DskipTests
(cd bench/startup/minimal && [ -f target/minimal.jar ] || ../../../mvnw -B -q package -DskipTests)
SRC=$(pwd)/bench/startup/steps/StartupSteps.java
W=$(mktemp -d /tmp/dvk-steps.XXXX)
OUT=target/bench/startup-steps-$(date +%Y%m%d-%H%M%S).txt
mkdir -p target/bench
export DVK_ADMIN_PASSWORD=startup-Bench-2026-pw
steps() { # app-dir jar main-class
  local dir=$1 jar=$2 main=$3
  local cp="$jar:$(ls "$dir"/lib/*.jar | tr '\n' ':')"
  (cd "$dir" && javac -d classes -cp "$cp" "$SRC"
    # untimed: creates and migrates the database
    java -Xmx512m -Dspring.context.exit=onRefresh -jar "$jar" --server.port=0 > migrate.log 2>&1 || true
    java -Xmx512m -Dsteps.main="$main" -cp "$cp:classes" StartupSteps --server.port=0 2>&1 \
      | awk '/process running for/ {sub(/.*: /, ""); print; next} /^[0-9-]+T[0-9:.]+Z / {next} /^## / {on=1} on' || true)
}
java -Djarmode=tools -jar target/dvk.jar extract --destination "$W/dvk" > /dev/null
java -Djarmode=tools -jar bench/startup/minimal/target/minimal.jar extract --destination "$W/minimal" > /dev/null
{
  echo "# DVK"; (cd "$W/dvk" && steps "$W/dvk" dvk.jar vn.dvk.DvkApplication)
  echo; echo "# minimal app"; (cd "$W/minimal" && steps "$W/minimal" minimal.jar bench.minimal.MinimalApplication)
} | tee "$OUT"
rm -rf "$W"
