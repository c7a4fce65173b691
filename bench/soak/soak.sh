#!/usr/bin/env bash
# Soak: concurrent clients against the service and its embedded store, on loopback, for a bounded time.
# Usage: bench/soak/soak.sh [SECONDS=60] [CLIENTS=16]
# Starts the jar on free ports with a fresh data dir (first start: demo manager, key and document),
# drives it with SoakDriver.java, samples heap (after a full GC) and threads at the start and end and
# threads every 5 s, sends SIGTERM and reports the exit code. Exits non-zero on any error.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_TO_RUN="${1:-60}"
CLIENTS="${2:-16}"
JAR=bootstrap/target/rialto-documents.jar
[ -f "$JAR" ] || mvn -q -B -ntp -DskipTests package

WORK="$(mktemp -d)"
OUT="$WORK/service.out"
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
RIALTO_HTTP_HOST=127.0.0.1 RIALTO_HTTP_PORT=0 RIALTO_EMBEDDED_S3_PORT=0 RIALTO_DATA_DIR="$WORK/data" \
  java -Xmx256m -jar "$JAR" >"$OUT" 2>&1 &
PID=$!
for _ in $(seq 1 120); do grep -q 'listening on' "$OUT" && break; sleep 0.5; done
BASE="$(grep -o 'listening on http://[^ ]*' "$OUT" | sed -e 's/listening on //' -e 's#/api/manager/v1##')"
KEY="$(grep -o 'RIALTO_API_KEY=rk_[A-Za-z0-9_-]*' "$OUT" | head -1 | cut -d= -f2)"
DOC="$(grep -o '"keys":\["[^"]*"' "$OUT" | head -1 | sed -e 's/"keys":\["//' -e 's/"$//')"
CLIENT="$(echo "$DOC" | cut -d/ -f3)"
[ -n "$BASE" ] && [ -n "$KEY" ] && [ -n "$DOC" ] || { echo "service did not start:"; cat "$OUT"; exit 1; }
echo "service pid $PID at $BASE; $CLIENTS clients for ${SECONDS_TO_RUN}s"

threads() { awk '/^Threads:/ {print $2}' "/proc/$PID/status"; }
heap_after_gc() { jcmd "$PID" GC.run >/dev/null; jcmd "$PID" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | tr -dc '0-9'; }
rss() { awk '/^VmRSS:/ {print $2}' "/proc/$PID/status"; }

# Warm up for 5 s, so the start figures are those of a running service, not of class loading.
java bench/soak/SoakDriver.java "$BASE" "$KEY" "$CLIENT" "$DOC" 5 "$CLIENTS" >/dev/null
HEAP0=$(heap_after_gc); THREADS0=$(threads); RSS0=$(rss)
( while sleep 5; do echo "$(threads)" >>"$WORK/threads"; done ) &
SAMPLER=$!
set +e
java bench/soak/SoakDriver.java "$BASE" "$KEY" "$CLIENT" "$DOC" "$SECONDS_TO_RUN" "$CLIENTS" | tee "$WORK/driver"
DRIVER=${PIPESTATUS[0]}
set -e
kill "$SAMPLER" 2>/dev/null || true
HEAP1=$(heap_after_gc); THREADS1=$(threads); RSS1=$(rss)
echo "heap used after full GC: start ${HEAP0}K end ${HEAP1}K"
echo "threads: start $THREADS0 end $THREADS1, sampled every 5 s: min $(sort -n "$WORK/threads" | head -1) max $(sort -n "$WORK/threads" | tail -1)"
echo "RSS: start ${RSS0}K end ${RSS1}K"
kill -TERM "$PID"
set +e; wait "$PID"; CODE=$?; set -e
echo "SIGTERM: exit code $CODE"
[ "$DRIVER" -eq 0 ] && [ "$CODE" -eq 0 ]
