#!/usr/bin/env bash
# Batch latency and store calls per request, with every store call delayed (default 20 ms).
# Usage: bench/latency/run.sh            (DELAY_MS=20 ROUNDS=15 by default)
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=bootstrap/target/rialto-documents.jar
CLASSES=bench/target/classes
if [[ ! -f $JAR || ! -f $CLASSES/com/rialtobridge/documents/bench/BatchLatencyBench.class ]]; then
  echo "building the jar and the bench classes ..." >&2
  mvn -q -B -ntp -DskipTests package
fi
exec java -Xmx512m -Dlogback.configurationFile=bench/logback-quiet.xml \
  -DdelayMs="${DELAY_MS:-20}" -Drounds="${ROUNDS:-15}" \
  -cp "$JAR:$CLASSES" com.rialtobridge.documents.bench.BatchLatencyBench
