#!/usr/bin/env bash
# End-to-end load benchmark: builds the jar if missing, starts it on the embedded store with a temp
# data dir and free ports, seeds documents with `import`, drives it over HTTP/1.1 from a separate
# JVM, and prints requests/s, URLs/s, p50/p99, peak RSS and the time from process start to the first
# 201 (embedded store, and an external store standing in for a real bucket).
#
#   bench/load/run.sh     defaults: CONCURRENCY=16 WARMUP_SECONDS=10 SECONDS_PER_SIZE=10 SIZES=1,10,100
#   SERVICE_JAVA_OPTS='-Xmx256m' bench/load/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
# The heap settings this benchmark recommends and measures (see bench/README.md, "Load").
SERVICE_JAVA_OPTS=${SERVICE_JAVA_OPTS:--Xms32m -Xmx96m -XX:+UseSerialGC -XX:MaxDirectMemorySize=32m -XX:ReservedCodeCacheSize=48m -Xss512k}
CONCURRENCY=${CONCURRENCY:-16}
SECONDS_PER_SIZE=${SECONDS_PER_SIZE:-10}
WARMUP_SECONDS=${WARMUP_SECONDS:-10}   # per batch size, before the measurement and outside the CPU sample
SIZES=${SIZES:-1,10,100}
DOCUMENTS=${DOCUMENTS:-100}
CLIENT=91e5bd3c-0e13-4e6e-a673-3c0842b7f370   # the demo client a first start creates

source bench/common.sh
peak_rss() { awk '/VmHWM/ {printf "%.0f MiB", $2/1024}' "/proc/$1/status"; }
# CPU time (user+system, ms) the process has used: on a shared machine the wall-clock figures depend
# on everyone else's load, the CPU spent per request does much less.
TICK=$(getconf CLK_TCK)
cpu_ms() { awk -v t="$TICK" '{print int(($14+$15)*1000/t)}' "/proc/$1/stat"; }

mkdir -p "$WORK/seed"
for i in $(seq -w 1 "$DOCUMENTS"); do echo "document $i" > "$WORK/seed/statement $i.pdf"; done

echo "== 1. embedded store: seed $DOCUMENTS documents, start, first 201" >&2
export RIALTO_DATA_DIR=$WORK/data RIALTO_HTTP_PORT=0 RIALTO_EMBEDDED_S3_PORT=0
java -jar "$JAR" import --client "$CLIENT" "$WORK"/seed/* > "$WORK/keys.txt" 2>"$WORK/import.log"
START=$(now_ms)
java $SERVICE_JAVA_OPTS -jar "$JAR" > "$WORK/service.log" 2>&1 &
SERVICE=$!; PIDS+=("$SERVICE")
FIRST_EMBEDDED=$($DRIVER first201 "$WORK/service.log" "$START" | sed -n 's/FIRST_201_MS=//p')
CPU_FIRST_EMBEDDED=$(cpu_ms "$SERVICE")
wait_for "$WORK/service.log" "listening on"
BASE=$(sed -n 's|.*listening on \(http://[^ ]*\)/api/manager/v1.*|\1|p' "$WORK/service.log")
API_KEY=$(sed -n 's/.*RIALTO_API_KEY=\([^ ]*\).*/\1/p' "$WORK/service.log" | head -1)
OPERATION="$BASE/api/manager/v1/clients/$CLIENT/documents/request-batch-download"

echo "== 2. load: $CONCURRENCY connections, sizes $SIZES" >&2
LOAD=""
CPU_TABLE="| keys/request | service CPU per request | service CPU per URL | URLs/s per core at that cost |"$'\n'"|---|---|---|---|"
for size in ${SIZES//,/ }; do
  # Warm-up (JIT, pools, the existence cache) in its own run, so its CPU is not counted below.
  RIALTO_API_KEY=$API_KEY WARMUP_SECONDS=0 $DRIVER load "$OPERATION" "$WORK/keys.txt" "$CONCURRENCY" "$WARMUP_SECONDS" "$size" >/dev/null
  before=$(cpu_ms "$SERVICE")
  out=$(RIALTO_API_KEY=$API_KEY WARMUP_SECONDS=0 $DRIVER load "$OPERATION" "$WORK/keys.txt" "$CONCURRENCY" "$SECONDS_PER_SIZE" "$size")
  used=$(( $(cpu_ms "$SERVICE") - before ))
  [[ -z $LOAD ]] && LOAD=$(echo "$out" | head -4) || true
  row=$(echo "$out" | tail -1); LOAD+=$'\n'"$row"
  reqs=$(echo "$row" | awk -F'|' -v s="$SECONDS_PER_SIZE" '{printf "%d", $3*s}')
  CPU_TABLE+=$'\n'$(awk -v u="$used" -v r="$reqs" -v n="$size" 'BEGIN {
    if (r == 0) { printf "| %d | - | - | - |", n; exit }
    printf "| %d | %.2f ms | %.1f us | %.0f |", n, u/r, 1000*u/(r*n), (r*n)/(u/1000) }')
done
RSS_EMBEDDED=$(peak_rss "$SERVICE")
kill "$SERVICE"; wait "$SERVICE" 2>/dev/null || true

echo "== 3. external store (stands in for a real bucket): first 201 of a service that starts no store" >&2
unset RIALTO_EMBEDDED_S3_PORT
start_external_store
BENCH_KEY=rk_bench_$RANDOM$RANDOM$RANDOM
printf 'managers:\n  - id: bench\n    apiKeySha256: [%s]\n    clients: [%s]\n' \
  "$(printf '%s' "$BENCH_KEY" | sha256sum | cut -d' ' -f1)" "$CLIENT" > "$WORK/directory.yaml"
DOC=$(java -jar "$JAR" import --client "$CLIENT" "$WORK/seed/statement $(seq -w 1 "$DOCUMENTS" | head -1).pdf" 2>>"$WORK/import.log")
START=$(now_ms)
RIALTO_DIRECTORY_FILE=$WORK/directory.yaml java $SERVICE_JAVA_OPTS -jar "$JAR" > "$WORK/service2.log" 2>&1 &
SERVICE=$!; PIDS+=("$SERVICE")
FIRST_EXTERNAL=$(RIALTO_API_KEY=$BENCH_KEY FIRST201_CLIENT=$CLIENT FIRST201_BODY="{\"keys\":[\"$DOC\"]}" \
  $DRIVER first201 "$WORK/service2.log" "$START" | sed -n 's/FIRST_201_MS=//p')
CPU_FIRST_EXTERNAL=$(cpu_ms "$SERVICE")

echo
echo "Service JVM: $SERVICE_JAVA_OPTS"
echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (shared machines skew every figure)"
echo
echo "$LOAD"
echo
echo "$CPU_TABLE"
echo "(CPU time of the service process over the measurement / requests served; the driver's CPU is not counted)"
echo
echo "| measure | value |"
echo "|---|---|"
echo "| peak RSS of the service under load (VmHWM, embedded store in the same process) | $RSS_EMBEDDED |"
echo "| process start to first 201, embedded store (includes starting the store) | $FIRST_EMBEDDED ms (service CPU $CPU_FIRST_EMBEDDED ms) |"
echo "| process start to first 201, external store (real-bucket-like) | $FIRST_EXTERNAL ms (service CPU $CPU_FIRST_EXTERNAL ms) |"
