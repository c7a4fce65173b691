#!/usr/bin/env bash
# End-to-end load benchmark: builds the jar if missing, starts it on the embedded store with a temp
# data dir and free ports, seeds documents with `import`, drives it over HTTP/1.1 from a separate
# JVM, and prints requests/s, URLs/s, p50/p99, peak RSS and the time from process start to the first
# 201 (embedded store, and an external store standing in for a real bucket).
#
#   bench/load/run.sh                      defaults: CONCURRENCY=16 SECONDS_PER_SIZE=10 SIZES=1,10,100
#   SERVICE_JAVA_OPTS='-Xmx256m' bench/load/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=bootstrap/target/rialto-documents.jar
CLASSES=bench/target/classes
# The heap settings this benchmark recommends and measures (see bench/README.md, "Load").
SERVICE_JAVA_OPTS=${SERVICE_JAVA_OPTS:--Xms32m -Xmx128m -XX:+UseSerialGC -XX:MaxDirectMemorySize=64m -XX:ReservedCodeCacheSize=48m -Xss512k}
CONCURRENCY=${CONCURRENCY:-16}
SECONDS_PER_SIZE=${SECONDS_PER_SIZE:-10}
SIZES=${SIZES:-1,10,100}
DOCUMENTS=${DOCUMENTS:-100}
CLIENT=91e5bd3c-0e13-4e6e-a673-3c0842b7f370   # the demo client a first start creates
DRIVER="java -Xmx256m -XX:+UseSerialGC -cp $CLASSES com.rialtobridge.documents.bench.LoadDriver"

if [[ ! -f $JAR || ! -f $CLASSES/com/rialtobridge/documents/bench/LoadDriver.class ]]; then
  echo "building the jar and the bench classes ..." >&2
  mvn -q -B -ntp -DskipTests package
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/rialto-load.XXXXXX")
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
now_ms() { date +%s%3N; }
wait_for() { # file pattern
  for _ in $(seq 1 3000); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.02; done
  echo "timed out waiting for '$2' in $1:" >&2; cat "$1" >&2; exit 1
}
peak_rss() { awk '/VmHWM/ {printf "%.0f MiB", $2/1024}' "/proc/$1/status"; }

mkdir -p "$WORK/seed"
for i in $(seq -w 1 "$DOCUMENTS"); do echo "document $i" > "$WORK/seed/statement $i.pdf"; done

echo "== 1. embedded store: seed $DOCUMENTS documents, start, first 201" >&2
export RIALTO_DATA_DIR=$WORK/data RIALTO_HTTP_PORT=0 RIALTO_EMBEDDED_S3_PORT=0
java -jar "$JAR" import --client "$CLIENT" "$WORK"/seed/* > "$WORK/keys.txt" 2>"$WORK/import.log"
START=$(now_ms)
java $SERVICE_JAVA_OPTS -jar "$JAR" > "$WORK/service.log" 2>&1 &
SERVICE=$!; PIDS+=("$SERVICE")
FIRST_EMBEDDED=$($DRIVER first201 "$WORK/service.log" "$START" | sed -n 's/FIRST_201_MS=//p')
wait_for "$WORK/service.log" "listening on"
BASE=$(sed -n 's|.*listening on \(http://[^ ]*\)/api/manager/v1.*|\1|p' "$WORK/service.log")
API_KEY=$(sed -n 's/.*RIALTO_API_KEY=\([^ ]*\).*/\1/p' "$WORK/service.log" | head -1)
OPERATION="$BASE/api/manager/v1/clients/$CLIENT/documents/request-batch-download"

echo "== 2. load: $CONCURRENCY connections, sizes $SIZES" >&2
LOAD=$(RIALTO_API_KEY=$API_KEY $DRIVER load "$OPERATION" "$WORK/keys.txt" "$CONCURRENCY" "$SECONDS_PER_SIZE" "$SIZES")
RSS_EMBEDDED=$(peak_rss "$SERVICE")
kill "$SERVICE"; wait "$SERVICE" 2>/dev/null || true

echo "== 3. external store (stands in for a real bucket): first 201 of a service that starts no store" >&2
unset RIALTO_EMBEDDED_S3_PORT
export AWS_ACCESS_KEY_ID=BENCH$RANDOM$RANDOM AWS_SECRET_ACCESS_KEY=bench-secret-$RANDOM$RANDOM$RANDOM AWS_REGION=us-east-1
java -Xmx256m -cp "$JAR:$CLASSES" com.rialtobridge.documents.bench.StoreMain "$WORK/store" rialto-bench \
  > "$WORK/store.log" 2>&1 &
PIDS+=("$!")
wait_for "$WORK/store.log" "STORE_ENDPOINT="
export RIALTO_S3_BUCKET=rialto-bench RIALTO_S3_ENDPOINT=$(sed -n 's/STORE_ENDPOINT=//p' "$WORK/store.log")
BENCH_KEY=rk_bench_$RANDOM$RANDOM$RANDOM
printf 'managers:\n  - id: bench\n    apiKeySha256: [%s]\n    clients: [%s]\n' \
  "$(printf '%s' "$BENCH_KEY" | sha256sum | cut -d' ' -f1)" "$CLIENT" > "$WORK/directory.yaml"
DOC=$(java -jar "$JAR" import --client "$CLIENT" "$WORK/seed/statement $(seq -w 1 "$DOCUMENTS" | head -1).pdf" 2>>"$WORK/import.log")
START=$(now_ms)
RIALTO_DIRECTORY_FILE=$WORK/directory.yaml java $SERVICE_JAVA_OPTS -jar "$JAR" > "$WORK/service2.log" 2>&1 &
SERVICE=$!; PIDS+=("$SERVICE")
FIRST_EXTERNAL=$(RIALTO_API_KEY=$BENCH_KEY FIRST201_CLIENT=$CLIENT FIRST201_BODY="{\"keys\":[\"$DOC\"]}" \
  $DRIVER first201 "$WORK/service2.log" "$START" | sed -n 's/FIRST_201_MS=//p')

echo
echo "Service JVM: $SERVICE_JAVA_OPTS"
echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (shared machines skew every figure)"
echo
echo "$LOAD"
echo
echo "| measure | value |"
echo "|---|---|"
echo "| peak RSS of the service under load (VmHWM, embedded store in the same process) | $RSS_EMBEDDED |"
echo "| process start to first 201, embedded store (includes starting the store) | $FIRST_EMBEDDED ms |"
echo "| process start to first 201, external store (real-bucket-like) | $FIRST_EXTERNAL ms |"
