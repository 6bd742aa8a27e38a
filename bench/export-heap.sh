#!/usr/bin/env bash
# Exports N model rows (default 300,000) to XLSX with DVK's streaming workbook and prints the peak heap.
# Usage: bench/export-heap.sh [rows]   (env XMX, default 256m: the heap the JVM may use)
# It starts DVK on a fresh H2 file database under target/bench (deleted first) and is never part of `mvn verify`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-300000}"
XMX="${XMX:-256m}"
rm -rf target/bench
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx"$XMX" -XX:+UseG1GC -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  vn.dvk.statistics.ExportHeapBenchmark "$ROWS"
