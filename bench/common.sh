# Shared by the bench scripts (sourced, not run): the jar and bench classes, built when missing,
# a temp directory and the processes started, both cleaned up on exit, and small helpers.
JAR=bootstrap/target/rialto-documents.jar
CLASSES=bench/target/classes
DRIVER="java -Xmx256m -XX:+UseSerialGC -cp $CLASSES com.rialtobridge.documents.bench.LoadDriver"
if [[ ! -f $JAR || ! -f $CLASSES/com/rialtobridge/documents/bench/LoadDriver.class ]]; then
  echo "building the jar and the bench classes ..." >&2
  mvn -q -B -ntp -DskipTests package
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/rialto-bench.XXXXXX")
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

# s3proxy in its own process, as a real bucket would be; exports what the service needs to reach it.
start_external_store() {
  export AWS_ACCESS_KEY_ID=BENCH$RANDOM$RANDOM AWS_SECRET_ACCESS_KEY=bench-secret-$RANDOM$RANDOM$RANDOM AWS_REGION=us-east-1
  java -Xmx256m -cp "$JAR:$CLASSES" com.rialtobridge.documents.bench.StoreMain "$WORK/store" rialto-bench \
    > "$WORK/store.log" 2>&1 &
  PIDS+=("$!")
  wait_for "$WORK/store.log" "STORE_ENDPOINT="
  export RIALTO_S3_BUCKET=rialto-bench RIALTO_S3_ENDPOINT=$(sed -n 's/STORE_ENDPOINT=//p' "$WORK/store.log")
}
