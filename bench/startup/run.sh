#!/usr/bin/env bash
# Time from process start to the first 201, against a store in another process (as with a real
# bucket), for three JVM setups: plain, with an application class-data archive (AppCDS, made by one
# training run), and AppCDS with the C1 compiler only. Each setup is started RUNS times.
#
#   bench/startup/run.sh          (RUNS=3 by default)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-3}
CLIENT=91e5bd3c-0e13-4e6e-a673-3c0842b7f370
source bench/common.sh

start_external_store
export RIALTO_HTTP_PORT=0 RIALTO_DATA_DIR=$WORK/data RIALTO_DIRECTORY_FILE=$WORK/directory.yaml
echo "document" > "$WORK/statement.pdf"
KEY=rk_bench_$RANDOM$RANDOM$RANDOM$RANDOM$RANDOM
printf 'managers:\n  - id: bench\n    apiKeySha256: [%s]\n    clients: [%s]\n' \
  "$(printf '%s' "$KEY" | sha256sum | cut -d' ' -f1)" "$CLIENT" > "$WORK/directory.yaml"
DOC=$(java -jar "$JAR" import --client "$CLIENT" "$WORK/statement.pdf")

# One run: start the service with the given JVM options, print the ms to its first 201, stop it.
first_201() {
  local log=$WORK/service-$RANDOM.log start pid ms
  start=$(now_ms)
  java $1 -jar "$JAR" > "$log" 2>&1 &
  pid=$!
  ms=$(RIALTO_API_KEY=$KEY FIRST201_CLIENT=$CLIENT FIRST201_BODY="{\"keys\":[\"$DOC\"]}" \
    $DRIVER first201 "$log" "$start" | sed -n 's/FIRST_201_MS=//p')
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$ms"
}

# Training run: the archive holds the classes loaded up to and including the first request.
ARCHIVE=$WORK/rialto-documents.jsa
first_201 "-XX:ArchiveClassesAtExit=$ARCHIVE -Xlog:cds=off -Xlog:cds+dynamic=off" > /dev/null

echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| JVM options | process start to first 201, ms (each run) |"
echo "|---|---|"
for opts in "" "-XX:SharedArchiveFile=$ARCHIVE" "-XX:SharedArchiveFile=$ARCHIVE -XX:TieredStopAtLevel=1"; do
  times=()
  for _ in $(seq 1 "$RUNS"); do times+=("$(first_201 "$opts -Xlog:cds=off")"); done
  echo "| \`${opts//$ARCHIVE/app.jsa}\` | ${times[*]} |"
done
