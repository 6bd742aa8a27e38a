#!/usr/bin/env bash
# Imports N model rows (default 50,000) from an XLSX file with DVK's importer and prints the time and the peak heap.
# Usage: bench/import.sh [rows]   (env XMX, default 256m: the heap the JVM may use)
# It starts DVK on a fresh H2 file database under target/bench and is never part of `mvn verify`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-50000}"
XMX="${XMX:-256m}"
rm -rf target/bench
./mvnw -o -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx"$XMX" -XX:+UseG1GC -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  vn.dvk.imports.ImportBenchmark "$ROWS"
