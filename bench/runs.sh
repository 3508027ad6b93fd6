#!/usr/bin/env bash
# Throughput and memory of Paved's engine in local mode: starts Paved on its own ports and data
# folder, posts RUNS runs of a six-step template through the API, waits until every run has
# ended, and prints runs per second and the JVM's resident memory. Loopback only; bounded by
# RUNS and TIMEOUT. Usage: bench/runs.sh [RUNS] (default 200). SKIP_BUILD=1 uses the built jar;
# PAVED_JAVA_OPTS are given to Paved's JVM as `./paved up` gives them. Issue 16's benchmark (the
# floor, 20 steps, 10 and 100 at once, java-service, start-to-healthy) is bench/engine.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${1:-200}"
TIMEOUT="${TIMEOUT:-600}"
PORT="${BENCH_PORT:-18080}"
DATA="$(mktemp -d)"
API="http://127.0.0.1:$PORT/api/v1"
AUTH="pat:pat" # the sample users' platform team member (local mode)

[ "${SKIP_BUILD:-}" = 1 ] || ./paved build >/dev/null
SERVER_PORT="$PORT" PAVED_TEMPORAL_PORT="${BENCH_TEMPORAL_PORT:-17233}" PAVED_DATA_DIR="$DATA" \
  PAVED_TEMPLATES_DIR="$PWD/bench/templates" \
  java ${PAVED_JAVA_OPTS:-} -jar api/target/paved-api.jar --logging.level.root=WARN --logging.level.dev.paved=WARN \
  >"$DATA/paved.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DATA"' EXIT

for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break
  sleep 1
done

count() { curl -s -u "$AUTH" "$API/runs?limit=500&status=$1" | grep -o '"id"' | wc -l; }

start=$(date +%s.%N)
for i in $(seq 1 "$RUNS"); do
  curl -sf -u "$AUTH" -X POST "$API/runs" -H 'Content-Type: application/json' \
    -d "{\"template\":\"six-steps\",\"parameters\":{\"label\":\"run $i\"}}" >/dev/null
done
posted=$(date +%s.%N)
deadline=$(( $(date +%s) + TIMEOUT ))
while [ "$(count COMPLETED)" -lt "$RUNS" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "timed out after ${TIMEOUT}s" >&2; exit 1; }
  sleep 0.2
done
end=$(date +%s.%N)

rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$PID/status")
awk -v n="$RUNS" -v s="$start" -v p="$posted" -v e="$end" -v rss="$rss_kb" 'BEGIN {
  printf "runs: %d of 6 steps each\n", n
  printf "posting: %.1f runs/s\n", n / (p - s)
  printf "completed: %.1f runs/s (%.2f s for all)\n", n / (e - s), e - s
  printf "resident memory of the Paved JVM: %d MiB\n", rss / 1024
}'
